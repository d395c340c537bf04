//! The built-in register of provinces: counts either side of the 2025 merger, successors,
//! and names matched as people write them.

use chiso_core::contract::provinces::{self, Era, Miss};
use chrono::NaiveDate;
use std::collections::HashSet;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn sixty_three_before_the_merger_and_thirty_four_after() {
    assert_eq!(provinces::in_force(day(2025, 6, 30)).count(), 63);
    assert_eq!(provinces::in_force(day(2020, 1, 1)).count(), 63);
    assert_eq!(provinces::in_force(day(2025, 7, 1)).count(), 34);
    assert_eq!(provinces::all().len(), 63 + 23);
    let ended = provinces::all()
        .iter()
        .filter(|p| p.era == Era::Until2025)
        .count();
    assert_eq!(ended, 52, "29 names end, and 23 units continue a name");
    // Codes are unique among the units of one day.
    for on in [day(2025, 6, 30), day(2025, 7, 1)] {
        let codes: HashSet<_> = provinces::in_force(on).map(|p| p.code).collect();
        assert_eq!(codes.len(), provinces::in_force(on).count());
    }
}

#[test]
fn ids_are_unique_ascii_slugs() {
    let ids: HashSet<_> = provinces::all().iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), provinces::all().len());
    for id in ids {
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{id}"
        );
    }
}

#[test]
fn every_merged_unit_has_a_successor_that_exists_after_the_merger() {
    let after = day(2025, 7, 1);
    for p in provinces::all() {
        match p.era {
            Era::Until2025 => {
                let s = p.successor.and_then(provinces::get);
                let s = s.unwrap_or_else(|| panic!("{} has no successor", p.id));
                assert!(s.in_force(after), "{} → {}", p.id, s.id);
                assert_eq!(p.until(), Some(day(2025, 6, 30)));
                assert_eq!(p.unit().until, Some(day(2025, 6, 30)));
            }
            Era::Always | Era::From2025 => assert!(p.successor.is_none(), "{}", p.id),
        }
    }
    // Every new unit has its namesake among its members.
    for p in provinces::all().iter().filter(|p| p.era == Era::From2025) {
        let namesake = p.id.trim_end_matches("-2025");
        assert_eq!(provinces::get(namesake).unwrap().successor, Some(p.id));
    }
}

#[test]
fn the_field_notes_mergers() {
    let successor = |id: &str| provinces::get(id).unwrap().successor.unwrap();
    assert_eq!(successor("bac-kan"), "thai-nguyen-2025");
    assert_eq!(successor("tay-ninh"), "tay-ninh-2025");
    assert_eq!(successor("long-an"), "tay-ninh-2025");
    assert_eq!(successor("tien-giang"), "dong-thap-2025");
    assert_eq!(successor("binh-duong"), "ho-chi-minh-2025");
    assert_eq!(successor("ba-ria-vung-tau"), "ho-chi-minh-2025");
    assert_eq!(successor("quang-nam"), "da-nang-2025");
    let members = |id: &str| {
        provinces::all()
            .iter()
            .filter(|p| p.successor == Some(id))
            .count()
    };
    assert_eq!(members("phu-tho-2025"), 3);
    assert_eq!(members("can-tho-2025"), 3);
    assert_eq!(members("an-giang-2025"), 2);
    assert_eq!(provinces::get("hue").unwrap().era, Era::Always);
}

#[test]
fn sample_data_ids_keep_their_meaning() {
    // The published sample files name these units with these codes, before the merger.
    for (id, code) in [
        ("tay-ninh", "72"),
        ("bac-kan", "06"),
        ("thai-nguyen", "19"),
        ("tien-giang", "82"),
        ("dong-thap", "87"),
        ("da-nang", "48"),
        ("quang-nam", "49"),
        ("can-tho", "92"),
        ("lam-dong", "68"),
        ("hai-phong", "31"),
    ] {
        let p = provinces::get(id).unwrap();
        assert_eq!(p.code, code, "{id}");
        assert!(p.in_force(day(2020, 6, 30)), "{id}");
    }
}

#[test]
fn ten_spellings_of_one_province_resolve_to_one_id() {
    let on = day(2020, 9, 30);
    for name in [
        "TP. Hồ Chí Minh",
        "Thành phố Hồ Chí Minh",
        "TP.HCM",
        "TP HCM",
        "HCMC",
        "Ho Chi Minh City",
        "ho chi minh",
        "HỒ CHÍ MINH",
        "Tp Ho Chi Minh",
        "Hồ Chí Minh",
        "ho-chi-minh",
        "Sài Gòn",
    ] {
        let p = provinces::resolve(name, on).unwrap_or_else(|m| panic!("{name}: {m:?}"));
        assert_eq!(p.id, "ho-chi-minh", "{name}");
    }
    for name in [
        "Thừa Thiên Huế",
        "Thua Thien Hue",
        "Thua Thien - Hue",
        "Huế",
        "Hue City",
    ] {
        assert_eq!(provinces::resolve(name, on).unwrap().id, "hue", "{name}");
    }
    for name in [
        "Bà Rịa - Vũng Tàu",
        "Ba Ria - Vung Tau",
        "tỉnh Bà Rịa–Vũng Tàu",
        "BRVT",
    ] {
        assert_eq!(provinces::resolve(name, on).unwrap().id, "ba-ria-vung-tau");
    }
    // Decomposed diacritics, as some systems type them.
    let decomposed = "Ta\u{302}y Ninh";
    assert_eq!(provinces::resolve(decomposed, on).unwrap().id, "tay-ninh");
}

#[test]
fn a_name_means_the_unit_of_its_day() {
    assert_eq!(
        provinces::resolve("Tây Ninh", day(2020, 12, 31))
            .unwrap()
            .id,
        "tay-ninh"
    );
    assert_eq!(
        provinces::resolve("Tây Ninh", day(2026, 3, 31)).unwrap().id,
        "tay-ninh-2025"
    );
    assert_eq!(
        provinces::resolve("Hà Nội", day(2026, 3, 31)).unwrap().id,
        "ha-noi"
    );
    match provinces::resolve("Long An", day(2026, 3, 31)) {
        Err(Miss::NotInForce { unit }) => {
            assert_eq!(unit.id, "long-an");
            assert_eq!(unit.successor, Some("tay-ninh-2025"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_misspelt_name_gets_suggestions() {
    match provinces::resolve("Tây Nihn", day(2020, 1, 1)) {
        Err(Miss::Unknown { suggestions }) => {
            assert_eq!(suggestions.first().map(|p| p.id), Some("tay-ninh"));
        }
        other => panic!("{other:?}"),
    }
    match provinces::resolve("tỉnh Quang Nghai", day(2020, 1, 1)) {
        Err(Miss::Unknown { suggestions }) => {
            assert_eq!(suggestions.first().map(|p| p.id), Some("quang-ngai"));
        }
        other => panic!("{other:?}"),
    }
    match provinces::resolve("Ban Quản lý các khu công nghiệp", day(2020, 1, 1)) {
        Err(Miss::Unknown { suggestions }) => assert!(suggestions.is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_published_list_matches_the_register() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/provinces.md"
    ))
    .unwrap();
    let rows = doc.lines().filter(|l| l.starts_with("| `")).count();
    assert_eq!(rows, provinces::all().len());
    for p in provinces::all() {
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let successor = p.successor.map(|s| format!("`{s}`")).unwrap_or_default();
        let row = format!(
            "| `{}` | {} | {} | {} | {} | {} | {successor} |",
            p.id,
            p.name_vi,
            p.name_en,
            p.code,
            day(p.since()),
            day(p.until())
        );
        assert!(doc.contains(&row), "docs/provinces.md lacks {row}");
    }
}

#[test]
fn a_loader_can_declare_a_register_unit_and_its_successor() {
    let units = provinces::units_for("bac-kan");
    let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["bac-kan", "thai-nguyen-2025"]);
    assert_eq!(units[0].successor.as_deref(), Some("thai-nguyen-2025"));
    assert_eq!(units[0].until, Some(day(2025, 6, 30)));
    assert_eq!(units[0].code.as_deref(), Some("06"));
    assert_eq!(units[1].until, None);
    assert_eq!(provinces::units_for("ha-noi").len(), 1);
    assert!(provinces::units_for("tien-giang-bql-kcn").is_empty());
    assert_eq!(provinces::units().count(), 86);
}
