//! A deterministic generator of illustrative data: plausible, internally consistent figures for
//! demonstrations and benchmarks, always marked `illustrative: true`. The same options give the
//! same bytes on every machine.

use crate::contract::catalogue::{IndexFamily, INDICES};
use crate::contract::period::Period;
use serde_json::{json, Value};
use std::fmt::Write;

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Provinces, taken in order from the 34 of 2025; more are numbered.
    pub units: usize,
    /// Provinces of that order to skip: files of other units, as a publication of many files has.
    pub skip: usize,
    pub quarters: usize,
    pub start_year: i32,
    /// Departments per province that also report dossiers and services.
    pub agencies: usize,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            units: 4,
            skip: 0,
            quarters: 32,
            start_year: 2018,
            agencies: 3,
            seed: 2025,
        }
    }
}

/// The 34 provinces after 1 July 2025; the first four make the default sample.
const PROVINCES: [(&str, &str, &str); 34] = [
    ("da-nang", "Đà Nẵng", "48"),
    ("can-tho", "Cần Thơ", "92"),
    ("lam-dong", "Lâm Đồng", "68"),
    ("hai-phong", "Hải Phòng", "31"),
    ("ha-noi", "Hà Nội", "01"),
    ("ho-chi-minh", "TP. Hồ Chí Minh", "79"),
    ("hue", "Huế", "46"),
    ("lai-chau", "Lai Châu", "12"),
    ("dien-bien", "Điện Biên", "11"),
    ("son-la", "Sơn La", "14"),
    ("lang-son", "Lạng Sơn", "20"),
    ("quang-ninh", "Quảng Ninh", "22"),
    ("thanh-hoa", "Thanh Hóa", "38"),
    ("nghe-an", "Nghệ An", "40"),
    ("ha-tinh", "Hà Tĩnh", "42"),
    ("cao-bang", "Cao Bằng", "04"),
    ("tuyen-quang", "Tuyên Quang", "08"),
    ("lao-cai", "Lào Cai", "15"),
    ("thai-nguyen", "Thái Nguyên", "19"),
    ("phu-tho", "Phú Thọ", "25"),
    ("bac-ninh", "Bắc Ninh", "24"),
    ("hung-yen", "Hưng Yên", "33"),
    ("ninh-binh", "Ninh Bình", "37"),
    ("quang-tri", "Quảng Trị", "44"),
    ("quang-ngai", "Quảng Ngãi", "51"),
    ("gia-lai", "Gia Lai", "52"),
    ("khanh-hoa", "Khánh Hòa", "56"),
    ("dak-lak", "Đắk Lắk", "66"),
    ("dong-nai", "Đồng Nai", "75"),
    ("tay-ninh", "Tây Ninh", "80"),
    ("vinh-long", "Vĩnh Long", "86"),
    ("dong-thap", "Đồng Tháp", "82"),
    ("ca-mau", "Cà Mau", "96"),
    ("an-giang", "An Giang", "91"),
];

/// Quảng Nam merged into Đà Nẵng on 1 July 2025: the sample's example of a merged unit.
const MERGED: (&str, &str, &str) = ("quang-nam", "Quảng Nam", "49");

const AGENCIES: [(&str, &str); 4] = [
    ("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường"),
    ("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư"),
    ("so-xay-dung", "Sở Xây dựng"),
    ("ban-quan-ly-kcn", "Ban Quản lý các khu công nghiệp"),
];

/// splitmix64: tiny, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..hi`.
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

struct Out {
    observations: Vec<String>,
    targets: Vec<String>,
}

impl Out {
    fn obs(&mut self, unit: &str, indicator: &str, period: &str, value: f64, of: Option<u32>) {
        let mut v = json!({ "unit": unit, "indicator": indicator, "period": period, "value": number(value) });
        if let Some(of) = of {
            v["of"] = of.into();
        }
        v["source"] = source_key(period).into();
        self.observations.push(line(&v, ENTRY_KEYS));
    }
}

const ENTRY_KEYS: &[&str] = &["unit", "indicator", "period", "by", "value", "of", "source"];
const UNIT_KEYS: &[&str] = &[
    "id",
    "name",
    "level",
    "code",
    "parent",
    "successor",
    "until",
];

/// Compact, one entry per line, fields in a readable order (serde_json keeps insertion order
/// only with a feature we do not need, so entries are written by hand).
fn line(v: &Value, keys: &[&str]) -> String {
    let mut s = String::from("{ ");
    let mut first = true;
    for k in keys {
        if let Some(x) = v.get(k) {
            if !first {
                s.push_str(", ");
            }
            first = false;
            let _ = write!(s, "\"{k}\": {x}");
        }
    }
    s.push_str(" }");
    s
}

/// Four decimals at most, and whole numbers written without a fraction.
fn number(v: f64) -> Value {
    let r = (v * 10_000.0).round() / 10_000.0;
    if r.fract() == 0.0 && r.abs() < 9e15 {
        Value::from(r as i64)
    } else {
        Value::from(r)
    }
}

fn source_key(period: &str) -> String {
    format!("bc-{}", &period[..4])
}

/// A province declared as the register has it (its successor and end included), so files
/// agree with the register; one the register does not know, as given.
fn province(id: &str, name: &str, code: &str) -> Value {
    let Some(p) = crate::contract::provinces::get(id) else {
        return json!({ "id": id, "name": name, "level": "province", "code": code });
    };
    let mut unit = json!({ "id": id, "name": p.name_vi, "level": "province", "code": p.code });
    if let (Some(successor), Some(until)) = (p.successor, p.until()) {
        unit["successor"] = successor.into();
        unit["until"] = until.to_string().into();
    }
    unit
}

/// A unit's standing: 0 is the weakest province, 1 the strongest.
struct Profile {
    quality: f64,
    growth: f64,
    size: f64,
}

pub fn generate(opts: &Options) -> String {
    let mut rng = Rng(opts.seed);
    let mut units = Vec::new();
    let mut out = Out {
        observations: Vec::new(),
        targets: Vec::new(),
    };
    let quarters: Vec<Period> = (0..opts.quarters)
        .map(|i| Period::Quarter(opts.start_year + (i / 4) as i32, (i % 4 + 1) as u8))
        .collect();
    let merge_day = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or_default();

    let mut provinces: Vec<(String, String, String, bool)> = (opts.skip..opts.skip + opts.units)
        .map(|i| match PROVINCES.get(i) {
            Some((id, name, code)) => (id.to_string(), name.to_string(), code.to_string(), false),
            None => (
                format!("don-vi-{}", i + 1),
                format!("Đơn vị {}", i + 1),
                format!("9{i:03}"),
                false,
            ),
        })
        .collect();
    // Merged into the first province, and listed beside it.
    if opts.units > 0 && opts.skip == 0 {
        provinces.insert(1, (MERGED.0.into(), MERGED.1.into(), MERGED.2.into(), true));
    }

    for (id, name, code, merged) in &provinces {
        units.push(province(id, name, code));
        let profile = Profile {
            quality: rng.range(0.2, 0.95),
            growth: rng.range(0.01, 0.04),
            size: rng.range(0.4, 2.5),
        };
        let alive = |p: &Period| !*merged || p.end() < merge_day;
        let periods: Vec<&Period> = quarters.iter().filter(|p| alive(p)).collect();
        dossiers(&mut out, &mut rng, id, &periods, &profile, 1.0);
        services(&mut out, &mut rng, id, &periods, &profile, 1.0);
        procedures(&mut out, &mut rng, id, &periods, &profile);
        indices(&mut out, &mut rng, id, &quarters, &profile, *merged);
        for (aid, aname) in AGENCIES.iter().cycle().take(opts.agencies) {
            let agency_id = format!("{id}-{aid}");
            units.push(json!({ "id": agency_id, "name": format!("{aname} {name}"), "level": "agency", "parent": id }));
            let share = rng.range(0.05, 0.2);
            dossiers(&mut out, &mut rng, &agency_id, &periods, &profile, share);
            services(&mut out, &mut rng, &agency_id, &periods, &profile, share);
        }
    }

    let years: Vec<i32> = quarters
        .iter()
        .map(|q| q.year())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let sources: serde_json::Map<String, Value> = years
        .iter()
        .map(|y| {
            let title = format!("Báo cáo kết quả cải cách hành chính năm {y} (số liệu minh họa)");
            (
                format!("bc-{y}"),
                json!({ "title": title, "date": format!("{}-01-15", y + 1) }),
            )
        })
        .collect();
    let last = quarters.last().map_or(opts.start_year, |q| q.year());
    let head = json!({
        "format": crate::ingest::envelope::METRICS_FORMAT,
        "title": { "vi": "Số liệu minh họa cải cách hành chính", "en": "Illustrative administrative-reform figures" },
        "publisher": { "name": { "vi": "Chỉ số (dữ liệu minh họa)", "en": "Chỉ số (illustrative data)" } },
        "published": format!("{}-01-15", last + 1),
        "illustrative": true,
    });
    let mut s = String::from("{\n");
    if let Value::Object(m) = head {
        for (k, v) in m {
            let _ = writeln!(s, "  \"{k}\": {v},");
        }
    }
    let list = |items: &[String]| items.join(",\n    ");
    let unit_lines: Vec<String> = units.iter().map(|u| line(u, UNIT_KEYS)).collect();
    let _ = writeln!(s, "  \"units\": [\n    {}\n  ],", list(&unit_lines));
    let _ = writeln!(s, "  \"indicators\": [],");
    let _ = writeln!(
        s,
        "  \"observations\": [\n    {}\n  ],",
        list(&out.observations)
    );
    let _ = writeln!(s, "  \"targets\": [\n    {}\n  ],", list(&out.targets));
    let _ = writeln!(s, "  \"sources\": {}", Value::Object(sources));
    s.push_str("}\n");
    s
}

fn dossiers(
    out: &mut Out,
    rng: &mut Rng,
    unit: &str,
    periods: &[&Period],
    p: &Profile,
    share: f64,
) {
    let mut pending_before = 0.0_f64;
    for (t, period) in periods.iter().enumerate() {
        let ps = period.to_string();
        let years = t as f64 / 4.0;
        let season = [0.85, 1.05, 1.0, 1.1][t % 4];
        let fresh = (20_000.0
            * p.size
            * share
            * (1.0 + p.growth).powf(years * 4.0)
            * season
            * rng.range(0.93, 1.07))
        .round();
        let received = fresh + pending_before;
        // Online intake grows from about a tenth to most of it over the years.
        let online_share =
            (0.08 + 0.1 * years * (0.5 + p.quality)).min(0.92) * rng.range(0.95, 1.05);
        let online = (fresh * online_share.min(0.95)).round();
        let offline = fresh - online;
        let pending = (received * rng.range(0.015, 0.05)).round();
        let resolved = received - pending;
        // The late share moves by a point at most from quarter to quarter, as a province's does:
        // a wider draw made late dossiers jump tenfold, which the validator rightly questions.
        let late_share = 0.1 - 0.08 * p.quality;
        let on_time = (resolved * (1.0 - rng.range(late_share, late_share + 0.01)))
            .round()
            .min(resolved);
        for (id, v) in [
            ("dossiers.received", received),
            ("dossiers.carried_over", pending_before),
            ("dossiers.online", online),
            ("dossiers.offline", offline),
            ("dossiers.resolved", resolved),
            ("dossiers.resolved_on_time", on_time),
            ("dossiers.resolved_late", resolved - on_time),
            ("dossiers.pending", pending),
        ] {
            out.obs(unit, id, &ps, v, None);
        }
        pending_before = pending;
    }
}

fn services(
    out: &mut Out,
    rng: &mut Rng,
    unit: &str,
    periods: &[&Period],
    p: &Profile,
    share: f64,
) {
    let total = (1_900.0 * share.max(0.12) * rng.range(0.95, 1.05)).round();
    for (t, period) in periods.iter().enumerate() {
        let ps = period.to_string();
        let progress = (t as f64 / periods.len().max(1) as f64) * (0.6 + 0.4 * p.quality);
        let full = (total * (0.1 + 0.5 * progress)).round();
        let partial = (total * (0.3 + 0.2 * progress)).round();
        // Decree 42/2022 renamed level 4/3 to full/partial from the third quarter of 2022.
        let renamed =
            period.start() >= chrono::NaiveDate::from_ymd_opt(2022, 7, 1).unwrap_or_default();
        let (full_id, partial_id) = if renamed {
            ("services.online_full", "services.online_partial")
        } else {
            ("services.online_level4", "services.online_level3")
        };
        out.obs(unit, "services.total", &ps, total, None);
        out.obs(unit, full_id, &ps, full, None);
        out.obs(unit, partial_id, &ps, partial, None);
        out.obs(
            unit,
            "services.integrated_national",
            &ps,
            (rng.range(12.0, 30.0) * share.max(0.2)).round(),
            None,
        );
    }
}

fn procedures(out: &mut Out, rng: &mut Rng, unit: &str, periods: &[&Period], p: &Profile) {
    for period in periods {
        let ps = period.to_string();
        let decisions = rng.range(3.0, 16.0).round();
        let published = (decisions * rng.range(8.0, 20.0)).round();
        let received = (rng.range(5.0, 40.0) * p.size).round();
        let resolved = (received * rng.range(0.8 + 0.2 * p.quality, 1.0)).round();
        out.obs(unit, "procedures.decisions", &ps, decisions, None);
        out.obs(unit, "procedures.published", &ps, published, None);
        out.obs(
            unit,
            "procedures.internal_processes",
            &ps,
            (published * rng.range(0.3, 0.6)).round(),
            None,
        );
        out.obs(
            unit,
            "procedures.public_national_db",
            &ps,
            (published * rng.range(0.85, 1.0)).round(),
            None,
        );
        out.obs(unit, "feedback.received", &ps, received, None);
        out.obs(unit, "feedback.resolved", &ps, resolved, None);
    }
}

/// Scale of each index (in `INDICES` order) and where a middling province stands on it.
const SCALES: [(f64, f64, f64); 6] = [
    (0.0, 100.0, 64.0),
    (10.0, 80.0, 43.0),
    (0.0, 100.0, 84.0),
    (0.0, 100.0, 83.0),
    (0.0, 1.0, 0.5),
    (0.0, 100.0, 72.0),
];

fn indices(
    out: &mut Out,
    rng: &mut Rng,
    unit: &str,
    quarters: &[Period],
    p: &Profile,
    merged: bool,
) {
    let (Some(first), Some(last)) = (quarters.first(), quarters.last()) else {
        return;
    };
    let (y0, y1) = (first.year(), last.year());
    // PCI ships as real published figures (`pci.json`): none are made up for it.
    for (family, (lo, hi, mid)) in INDICES
        .iter()
        .zip(SCALES)
        .filter(|(f, _)| f.family != "pci")
    {
        let span = hi - lo;
        let base = mid + span * (p.quality - 0.5) * 0.25;
        let trend = span * rng.range(-0.004, 0.02);
        let score_id = format!("{}.score", family.family);
        let rank_id = format!("{}.rank", family.family);
        let emit = |out: &mut Out, period: &str, years: f64, rng: &mut Rng, of: u32| -> f64 {
            let score = (base + trend * years + span * rng.range(-0.015, 0.015)).clamp(lo, hi);
            let standing = ((score - (mid - span * 0.12)) / (span * 0.24)).clamp(0.0, 1.0);
            let rank = ((1.0 - standing) * (of as f64 - 1.0) + 1.0 + rng.range(-2.0, 2.0))
                .round()
                .clamp(1.0, of as f64);
            out.obs(unit, &score_id, period, score, None);
            out.obs(unit, &rank_id, period, rank, Some(of));
            parts(out, rng, unit, family, period, (score - lo) / span);
            score
        };
        let mut latest = base;
        if family.family == "dvc_index" {
            // Monthly since Decision 766/QĐ-TTg of June 2022.
            for y in y0.max(2022)..=y1 {
                for m in 1..=12u32 {
                    let month = Period::Month(y, m as u8);
                    if (y == 2022 && m < 7) || (merged && y == 2025 && m > 6) {
                        continue;
                    }
                    // From July 2025 the index ranks the 34 provinces of the merger.
                    let of = if (y, m) >= (2025, 7) { 34 } else { 63 };
                    latest = emit(
                        out,
                        &month.to_string(),
                        (y - y0) as f64 + m as f64 / 12.0,
                        rng,
                        of,
                    );
                }
            }
        } else {
            for y in y0..=y1 {
                // The ICT Index was not run in 2021; merged units stop at their last full year.
                if (family.family == "ict_index" && y == 2021) || (merged && y >= 2025) {
                    continue;
                }
                let of = if family.family == "papi" && y == 2023 {
                    61
                } else if y >= 2025 {
                    34
                } else {
                    63
                };
                latest = emit(out, &y.to_string(), (y - y0) as f64, rng, of);
            }
        }
        let by = if merged { "2024" } else { "2025" };
        // Targets are set in round figures: a hundredth of the scale.
        let target =
            ((latest + span * rng.range(0.0, 0.06)).min(hi) / span * 100.0).round() * span / 100.0;
        let rank_target = [5.0, 10.0, 15.0, 20.0][(rng.next() % 4) as usize];
        let src = source_key(&y0.to_string());
        for (id, value) in [(&score_id, target), (&rank_id, rank_target)] {
            let v = json!({ "unit": unit, "indicator": id, "by": by, "value": number(value), "source": src });
            out.targets.push(line(&v, ENTRY_KEYS));
        }
    }
}

/// The components of an index near the standing of its score (`share` of its scale), each on
/// its own scale, in the years it exists.
fn parts(out: &mut Out, rng: &mut Rng, unit: &str, family: &IndexFamily, period: &str, share: f64) {
    let Ok(p) = Period::parse(period) else {
        return;
    };
    let parts = family.parts;
    for c in parts.list.iter().filter(|c| c.exists_in(p.year())) {
        let (lo, hi) = (parts.scale.0, c.max.unwrap_or(parts.scale.1));
        let at = (share + rng.range(-0.12, 0.12)).clamp(0.02, 0.98);
        out.obs(unit, &family.part_id(c), period, lo + (hi - lo) * at, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_deterministic() {
        let o = Options {
            units: 2,
            quarters: 8,
            agencies: 1,
            ..Options::default()
        };
        assert_eq!(generate(&o), generate(&o));
        let other = Options {
            seed: 7,
            ..o.clone()
        };
        assert_ne!(generate(&o), generate(&other));
    }

    #[test]
    fn skipping_gives_files_of_other_units() {
        let units = |skip| {
            let text = generate(&Options {
                units: 1,
                skip,
                quarters: 4,
                agencies: 0,
                ..Options::default()
            });
            let doc: Value = serde_json::from_str(&text).unwrap();
            let ids = doc["units"].as_array().unwrap().iter();
            ids.map(|u| u["id"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(units(0), ["da-nang", "quang-nam"]);
        assert_eq!(units(1), ["can-tho"]);
        assert_eq!(units(40), ["don-vi-41"]);
    }
}
