//! The components of an index, from the tables VCCI publishes to the view that puts a
//! province's weakest areas first: imported, loaded, ranked and drawn from real figures.

mod common;

use chiso_core::charts::components;
use chiso_core::contract::catalogue::INDICES;
use chiso_core::import::{csv, import, Imported, Options};
use chiso_core::query::components::{standings, Order};
use chiso_core::views::overview::scorecard;
use chiso_core::{load, Input, Lang, Loaded, Period};
use common::{day, dots, drawn, query, sample, texts};
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/vcci");
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// A VCCI table imported with the options a publisher gives, loaded without a finding.
fn imported(name: &str, period: Option<&str>, unit: Option<&str>) -> (Imported, Loaded) {
    let opts = Options {
        name: "pci.json".into(),
        period: period.map(String::from),
        unit: unit.map(String::from),
        ..Options::default()
    };
    let imported = import(&[csv::table("", &fixture(name))], &opts);
    let findings: Vec<String> = imported
        .findings
        .iter()
        .map(|f| f.line(name, Lang::En))
        .collect();
    assert!(findings.is_empty(), "{findings:#?}");
    let l = load(&[Input {
        name: "pci.json",
        bytes: imported.json.as_bytes(),
        sha256: None,
    }]);
    let lines: Vec<String> = l.findings.iter().map(|f| f.line(Lang::En)).collect();
    assert!(lines.is_empty(), "{lines:#?}");
    (imported, l)
}

fn pci() -> &'static chiso_core::contract::catalogue::IndexFamily {
    &INDICES[0]
}

fn value(l: &Loaded, unit: &str, id: &str, year: i32) -> Option<f64> {
    l.data.value(unit, id, &Period::Year(year)).map(|o| o.value)
}

#[test]
fn vccis_2019_table_gives_tay_ninhs_lowest_scoring_group() {
    let (imported, l) = imported("pci-2019-subindices.tsv", Some("2019"), None);
    // 22 ranked provinces, ten components, score and rank each; Hồ Chí Minh City's N/A row
    // gives no figure at all, never a zero.
    assert_eq!(imported.figures, 22 * 12);
    assert!(l.data.series("ho-chi-minh", "pci.score").is_empty());
    assert_eq!(value(&l, "tay-ninh", "pci.score", 2019), Some(67.05));
    assert_eq!(value(&l, "tay-ninh", "pci.rank", 2019), Some(15.0));
    assert_eq!(value(&l, "hue", "pci.labor_training", 2019), Some(7.35));
    // The tier is the published word, kept with the score, not a figure.
    assert!(imported.json.contains(
        r#"{ "unit": "tay-ninh", "indicator": "pci.score", "period": "2019", "value": 67.05, "tier": "Tốt" }"#
    ));
    let s = standings(&l.data, "tay-ninh", pci(), None).unwrap();
    assert_eq!(s.period, Period::Year(2019));
    assert_eq!(s.order, Order::Rank);
    let lowest: Vec<(&str, f64)> = s
        .lowest()
        .iter()
        .map(|r| (r.component.id, r.figure.value))
        .collect();
    assert_eq!(
        lowest,
        [
            ("labor_training", 6.15),
            ("business_support", 6.27),
            ("proactivity", 6.56)
        ]
    );
    let labor = &s.rows[0];
    assert_eq!((labor.rank, labor.of), (21, 22));
    // The middle two of 22 are 6.82 and 6.86; Hải Phòng's 8.24 is the best.
    assert_eq!((labor.median, labor.best), (6.84, 8.24));
    // One year only: no change to show.
    assert!(s.rows.iter().all(|r| r.change.is_none()));
}

#[test]
fn a_profile_with_na_imports_with_gaps_not_zeros() {
    let (imported, l) = imported("pci-profile-bac-giang.tsv", None, Some("bac-giang"));
    // 17 years of ten components and the score, less seven N/A.
    assert_eq!(imported.figures, 17 * 11 - 7);
    let bias: Vec<i32> = l
        .data
        .series("bac-giang", "pci.policy_bias")
        .iter()
        .map(|o| o.period.year())
        .collect();
    assert_eq!(bias, (2013..=2022).collect::<Vec<_>>());
    assert_eq!(value(&l, "bac-giang", "pci.entry_costs", 2006), Some(7.21));
    assert_eq!(value(&l, "bac-giang", "pci.score", 2022), Some(72.8));
    // The latest year's weakest areas, and how each moved since the year before.
    let s = standings(&l.data, "bac-giang", pci(), None).unwrap();
    assert_eq!(s.order, Order::Score);
    assert_eq!(s.rows[0].component.id, "business_support");
    let transparency = s
        .rows
        .iter()
        .find(|r| r.component.id == "transparency")
        .unwrap();
    assert!((transparency.change.unwrap() - 0.03).abs() < 1e-9);
    // In 2010 Policy Bias was printed N/A: the components view says so instead of a zero.
    let q = chiso_core::query::Query {
        to: Some(Period::Year(2010)),
        ..query(&l, "bac-giang", Lang::En)
    };
    let c = components(q, pci());
    assert_eq!(c.keys.len(), 9);
    assert!(
        c.notes
            .iter()
            .any(|n| n == "Policy Bias: VCCI prints Policy Bias as N/A for 2009–2012"),
        "{:?}",
        c.notes
    );
}

#[test]
fn an_english_profile_and_a_2015_table_resolve_to_the_same_components() {
    let (_, soc_trang) = imported("pci-profile-soc-trang-en.tsv", None, Some("Sóc Trăng"));
    let (_, y2015) = imported("pci-2015-summary.tsv", Some("2015"), None);
    let (_, y2019) = imported("pci-2019-subindices.tsv", Some("2019"), None);
    let ids = |l: &Loaded| {
        let mut v: Vec<String> = l
            .data
            .observations
            .iter()
            .map(|o| o.indicator.to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let nine: Vec<String> = ids(&y2019)
        .into_iter()
        .filter(|i| i != "pci.policy_bias")
        .collect();
    // Long English names ("Land Access and Security of Tenure", "Labor & Training") and
    // Vietnamese province names ("Tây Ninh", "TP.HCM") in 2015; short ones in 2019.
    assert_eq!(ids(&y2015), nine);
    // The profile as stored has no rank row.
    let ranked: Vec<String> = ids(&y2019)
        .into_iter()
        .filter(|i| i != "pci.rank")
        .collect();
    assert_eq!(ids(&soc_trang), ranked);
    assert_eq!(
        value(&y2015, "tay-ninh", "pci.labor_training", 2015),
        Some(5.44)
    );
    assert_eq!(value(&y2015, "ho-chi-minh", "pci.rank", 2015), Some(6.0));
    assert_eq!(
        value(&soc_trang, "soc-trang", "pci.business_support", 2019),
        Some(5.42)
    );
}

#[test]
fn the_components_chart_draws_the_weakest_first_from_the_shipped_figures() {
    let l = sample();
    let q = chiso_core::query::Query {
        to: Some(Period::Year(2019)),
        ..query(&l, "tay-ninh", Lang::Vi)
    };
    let c = components(q, pci());
    assert!(!c.illustrative, "real published figures");
    assert_eq!(c.keys.len(), 10);
    assert_eq!(c.group, 3);
    assert_eq!(
        &c.keys[..3],
        [
            "pci.labor_training",
            "pci.business_support",
            "pci.proactivity"
        ]
    );
    let alt = c.alt_text();
    assert!(
        alt.contains("Yếu nhất trước: Đào tạo lao động 6,15 (hạng "),
        "{alt}"
    );
    let order: Vec<usize> = ["Đào tạo lao động", "Hỗ trợ doanh nghiệp", "Tính năng động"]
        .iter()
        .map(|n| alt.find(n).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{alt}");
    // The table: a row per component, the unit's figure, the references, the rank among the
    // provinces with a figure.
    let (header, rows) = c.table();
    assert_eq!(header[0], "Chỉ số thành phần");
    assert_eq!(header.last().unwrap(), "Hạng");
    assert_eq!(rows[0][0], "Đào tạo lao động");
    assert_eq!(rows[0][1], "6,15");
    assert!(rows[0].last().unwrap().contains('/'), "{:?}", rows[0]);
    assert!(c
        .csv()
        .starts_with("indicator,unit,median,best,change,rank\n"));
    assert!(
        c.sources.iter().any(|s| s.contains("PCI 2019")),
        "{:?}",
        c.sources
    );
    // Drawn: a dot a row, the group's in the emphasis colour, names at the left.
    let (f, svg) = drawn(&c, 800.0);
    let emphasised = dots(&svg, "#D55E00");
    assert_eq!(emphasised.len(), 3);
    let labor_y = (f.slots[0].0 + f.slots[0].1) / 2.0;
    assert!(emphasised.iter().any(|(_, y)| (y - labor_y).abs() < 1.0));
    let x = f.left.project(6.15);
    assert!(emphasised.iter().any(|(dx, _)| (dx - x).abs() < 1.0));
    assert!(texts(&svg).iter().any(|(_, _, t)| t == "Đào tạo lao động"));
}

#[test]
fn the_overview_names_the_two_weakest_and_the_largest_fall() {
    let l = sample();
    let cards = scorecard(&query(&l, "tay-ninh", Lang::Vi), day("2026-11-25"));
    let pci = cards.iter().find(|c| c.family == "pci").unwrap();
    assert_eq!(
        pci.weakest.as_deref(),
        Some("Yếu nhất: Đào tạo lao động 6,15; Hỗ trợ doanh nghiệp 6,27")
    );
    // 2018 is not in the shipped figures for Tây Ninh: no change to claim.
    assert_eq!(pci.fall, None);
    let cards = scorecard(&query(&l, "quang-ninh", Lang::Vi), day("2026-11-25"));
    let qn = cards.iter().find(|c| c.family == "pci").unwrap();
    assert!(
        qn.fall
            .as_deref()
            .is_some_and(|f| f.starts_with("Giảm mạnh nhất: ") && f.contains('−')),
        "{qn:?}"
    );
}

#[test]
fn compare_takes_a_component_as_its_indicator() {
    use chiso_core::charts::compare;
    let l = sample();
    let c = compare(
        query(&l, "tay-ninh", Lang::Vi),
        "pci.labor_training",
        Some(Period::Year(2019)),
    );
    // Every province with a 2019 figure in the shipped tables and profiles, best first.
    assert!(c.keys.len() >= 30, "{}", c.keys.len());
    let i = c.keys.iter().position(|k| k == "tay-ninh").unwrap();
    assert_eq!(c.highlight, Some(i));
    assert_eq!(c.series[0].values[i], Some(6.15));
    assert_eq!(c.title, "PCI – Đào tạo lao động – năm 2019");
}
