//! The register's rows: the 63 provinces and centrally-run cities up to 2025-06-30 and the 34
//! from 2025-07-01 (Resolution 202/2025/QH15). Codes are the statistics office's: Decision
//! 124/2004/QĐ-TTg before the merger, Decision 19/2025/QĐ-TTg after it.

use super::{Era, Province};

/// A unit the merger left as it was.
const fn kept(
    id: &'static str,
    vi: &'static str,
    en: &'static str,
    code: &'static str,
) -> Province {
    Province {
        id,
        name_vi: vi,
        name_en: en,
        code,
        city: false,
        era: Era::Always,
        successor: None,
        former: &[],
        aliases: &[],
    }
}

/// A unit that ended on 2025-06-30 and became part of `successor`.
const fn old(
    id: &'static str,
    vi: &'static str,
    en: &'static str,
    code: &'static str,
    successor: &'static str,
) -> Province {
    Province {
        era: Era::Until2025,
        successor: Some(successor),
        ..kept(id, vi, en, code)
    }
}

/// A unit formed on 2025-07-01; it keeps the name of its first member but not its territory.
const fn new(id: &'static str, vi: &'static str, en: &'static str, code: &'static str) -> Province {
    Province {
        era: Era::From2025,
        ..kept(id, vi, en, code)
    }
}

const fn city(p: Province) -> Province {
    Province { city: true, ..p }
}

const fn also(p: Province, aliases: &'static [&'static str]) -> Province {
    Province { aliases, ..p }
}

#[rustfmt::skip]
pub(super) const PROVINCES: [Province; 86] = [
    // The eleven units the merger left unchanged.
    city(kept("ha-noi", "Hà Nội", "Ha Noi", "01")),
    kept("cao-bang", "Cao Bằng", "Cao Bang", "04"),
    kept("dien-bien", "Điện Biên", "Dien Bien", "11"),
    kept("lai-chau", "Lai Châu", "Lai Chau", "12"),
    kept("son-la", "Sơn La", "Son La", "14"),
    kept("lang-son", "Lạng Sơn", "Lang Son", "20"),
    kept("quang-ninh", "Quảng Ninh", "Quang Ninh", "22"),
    kept("thanh-hoa", "Thanh Hóa", "Thanh Hoa", "38"),
    kept("nghe-an", "Nghệ An", "Nghe An", "40"),
    kept("ha-tinh", "Hà Tĩnh", "Ha Tinh", "42"),
    also(Province { former: &[("Thừa Thiên Huế", "Thua Thien Hue")], ..city(kept("hue", "Huế", "Hue", "46")) }, &["tthue"]),
    // The 52 units that ended on 2025-06-30, in the statistics office's order.
    old("ha-giang", "Hà Giang", "Ha Giang", "02", "tuyen-quang-2025"),
    also(old("bac-kan", "Bắc Kạn", "Bac Kan", "06", "thai-nguyen-2025"), &["baccan"]),
    old("tuyen-quang", "Tuyên Quang", "Tuyen Quang", "08", "tuyen-quang-2025"),
    old("lao-cai", "Lào Cai", "Lao Cai", "10", "lao-cai-2025"),
    old("yen-bai", "Yên Bái", "Yen Bai", "15", "lao-cai-2025"),
    old("hoa-binh", "Hòa Bình", "Hoa Binh", "17", "phu-tho-2025"),
    old("thai-nguyen", "Thái Nguyên", "Thai Nguyen", "19", "thai-nguyen-2025"),
    old("bac-giang", "Bắc Giang", "Bac Giang", "24", "bac-ninh-2025"),
    old("phu-tho", "Phú Thọ", "Phu Tho", "25", "phu-tho-2025"),
    old("vinh-phuc", "Vĩnh Phúc", "Vinh Phuc", "26", "phu-tho-2025"),
    old("bac-ninh", "Bắc Ninh", "Bac Ninh", "27", "bac-ninh-2025"),
    old("hai-duong", "Hải Dương", "Hai Duong", "30", "hai-phong-2025"),
    city(old("hai-phong", "Hải Phòng", "Hai Phong", "31", "hai-phong-2025")),
    old("hung-yen", "Hưng Yên", "Hung Yen", "33", "hung-yen-2025"),
    old("thai-binh", "Thái Bình", "Thai Binh", "34", "hung-yen-2025"),
    old("ha-nam", "Hà Nam", "Ha Nam", "35", "ninh-binh-2025"),
    old("nam-dinh", "Nam Định", "Nam Dinh", "36", "ninh-binh-2025"),
    old("ninh-binh", "Ninh Bình", "Ninh Binh", "37", "ninh-binh-2025"),
    old("quang-binh", "Quảng Bình", "Quang Binh", "44", "quang-tri-2025"),
    old("quang-tri", "Quảng Trị", "Quang Tri", "45", "quang-tri-2025"),
    city(old("da-nang", "Đà Nẵng", "Da Nang", "48", "da-nang-2025")),
    old("quang-nam", "Quảng Nam", "Quang Nam", "49", "da-nang-2025"),
    old("quang-ngai", "Quảng Ngãi", "Quang Ngai", "51", "quang-ngai-2025"),
    old("binh-dinh", "Bình Định", "Binh Dinh", "52", "gia-lai-2025"),
    old("phu-yen", "Phú Yên", "Phu Yen", "54", "dak-lak-2025"),
    old("khanh-hoa", "Khánh Hòa", "Khanh Hoa", "56", "khanh-hoa-2025"),
    old("ninh-thuan", "Ninh Thuận", "Ninh Thuan", "58", "khanh-hoa-2025"),
    old("binh-thuan", "Bình Thuận", "Binh Thuan", "60", "lam-dong-2025"),
    old("kon-tum", "Kon Tum", "Kon Tum", "62", "quang-ngai-2025"),
    old("gia-lai", "Gia Lai", "Gia Lai", "64", "gia-lai-2025"),
    old("dak-lak", "Đắk Lắk", "Dak Lak", "66", "dak-lak-2025"),
    old("dak-nong", "Đắk Nông", "Dak Nong", "67", "lam-dong-2025"),
    old("lam-dong", "Lâm Đồng", "Lam Dong", "68", "lam-dong-2025"),
    old("binh-phuoc", "Bình Phước", "Binh Phuoc", "70", "dong-nai-2025"),
    old("tay-ninh", "Tây Ninh", "Tay Ninh", "72", "tay-ninh-2025"),
    old("binh-duong", "Bình Dương", "Binh Duong", "74", "ho-chi-minh-2025"),
    old("dong-nai", "Đồng Nai", "Dong Nai", "75", "dong-nai-2025"),
    also(old("ba-ria-vung-tau", "Bà Rịa – Vũng Tàu", "Ba Ria - Vung Tau", "77", "ho-chi-minh-2025"), &["brvt"]),
    also(city(old("ho-chi-minh", "Hồ Chí Minh", "Ho Chi Minh City", "79", "ho-chi-minh-2025")), &["hcm", "hcmc", "tphcm", "saigon"]),
    old("long-an", "Long An", "Long An", "80", "tay-ninh-2025"),
    old("tien-giang", "Tiền Giang", "Tien Giang", "82", "dong-thap-2025"),
    old("ben-tre", "Bến Tre", "Ben Tre", "83", "vinh-long-2025"),
    old("tra-vinh", "Trà Vinh", "Tra Vinh", "84", "vinh-long-2025"),
    old("vinh-long", "Vĩnh Long", "Vinh Long", "86", "vinh-long-2025"),
    old("dong-thap", "Đồng Tháp", "Dong Thap", "87", "dong-thap-2025"),
    old("an-giang", "An Giang", "An Giang", "89", "an-giang-2025"),
    old("kien-giang", "Kiên Giang", "Kien Giang", "91", "an-giang-2025"),
    city(old("can-tho", "Cần Thơ", "Can Tho", "92", "can-tho-2025")),
    old("hau-giang", "Hậu Giang", "Hau Giang", "93", "can-tho-2025"),
    old("soc-trang", "Sóc Trăng", "Soc Trang", "94", "can-tho-2025"),
    old("bac-lieu", "Bạc Liêu", "Bac Lieu", "95", "ca-mau-2025"),
    old("ca-mau", "Cà Mau", "Ca Mau", "96", "ca-mau-2025"),
    // The 23 units formed on 2025-07-01; their members name them as `successor` above.
    new("tuyen-quang-2025", "Tuyên Quang", "Tuyen Quang", "08"),
    new("lao-cai-2025", "Lào Cai", "Lao Cai", "15"),
    new("thai-nguyen-2025", "Thái Nguyên", "Thai Nguyen", "19"),
    new("phu-tho-2025", "Phú Thọ", "Phu Tho", "25"),
    new("bac-ninh-2025", "Bắc Ninh", "Bac Ninh", "24"),
    new("hung-yen-2025", "Hưng Yên", "Hung Yen", "33"),
    city(new("hai-phong-2025", "Hải Phòng", "Hai Phong", "31")),
    new("ninh-binh-2025", "Ninh Bình", "Ninh Binh", "37"),
    new("quang-tri-2025", "Quảng Trị", "Quang Tri", "44"),
    city(new("da-nang-2025", "Đà Nẵng", "Da Nang", "48")),
    new("quang-ngai-2025", "Quảng Ngãi", "Quang Ngai", "51"),
    new("gia-lai-2025", "Gia Lai", "Gia Lai", "52"),
    new("khanh-hoa-2025", "Khánh Hòa", "Khanh Hoa", "56"),
    new("lam-dong-2025", "Lâm Đồng", "Lam Dong", "68"),
    new("dak-lak-2025", "Đắk Lắk", "Dak Lak", "66"),
    also(city(new("ho-chi-minh-2025", "Hồ Chí Minh", "Ho Chi Minh City", "79")), &["hcm", "hcmc", "tphcm", "saigon"]),
    new("dong-nai-2025", "Đồng Nai", "Dong Nai", "75"),
    new("tay-ninh-2025", "Tây Ninh", "Tay Ninh", "80"),
    city(new("can-tho-2025", "Cần Thơ", "Can Tho", "92")),
    new("vinh-long-2025", "Vĩnh Long", "Vinh Long", "86"),
    new("dong-thap-2025", "Đồng Tháp", "Dong Thap", "82"),
    new("ca-mau-2025", "Cà Mau", "Ca Mau", "96"),
    new("an-giang-2025", "An Giang", "An Giang", "91"),
];
