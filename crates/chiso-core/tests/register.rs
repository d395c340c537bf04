//! The register of provinces in the loader: files may name register units without declaring
//! them, and a declaration that differs from the register is used with a warning.

mod common;

use chiso_core::charts::{compare, compare_by};
use chiso_core::ingest::load::{load, Input, Loaded};
use chiso_core::query::stat::Stat;
use chiso_core::{Lang, Period};
use common::query;

fn load_one(text: &str) -> Loaded {
    load(&[Input {
        name: "f.json",
        bytes: text.as_bytes(),
        sha256: None,
    }])
}

fn lines(l: &Loaded) -> Vec<String> {
    l.findings.iter().map(|f| f.line(Lang::En)).collect()
}

/// Bắc Kạn's PCI, with `units` as given.
fn bac_kan(units: &str) -> String {
    format!(
        r#"{{ "format": "chiso-metrics/1", "units": [{units}], "observations": [
            {{ "unit": "bac-kan", "indicator": "pci.score", "period": "2019", "value": 58.1 }},
            {{ "unit": "bac-kan", "indicator": "pci.rank", "period": "2019", "value": 61, "of": 63 }}
        ] }}"#
    )
}

#[test]
fn an_undeclared_register_unit_loads_and_compares_with_its_successor() {
    let l = load_one(&bac_kan(""));
    assert!(l.findings.is_empty(), "{:#?}", lines(&l));
    assert_eq!(l.data.observations.len(), 2);
    let unit = l.data.unit("bac-kan").unwrap();
    assert_eq!(unit.successor.as_deref(), Some("thai-nguyen-2025"));
    assert_eq!(unit.until.unwrap().to_string(), "2025-06-30");
    assert!(l.data.unit("thai-nguyen-2025").is_some());
    // Only what the file names comes in, not the whole register.
    assert_eq!(l.data.units.len(), 2);

    let year = Some(Period::Year(2019));
    let c = compare(query(&l, "bac-kan", Lang::Vi), "pci.score", year);
    assert_eq!(c.labels, vec!["Bắc Kạn → Thái Nguyên"]);
    assert_eq!(c.series[0].values, vec![Some(58.1)]);
    let c = compare_by(
        query(&l, "bac-kan", Lang::En),
        "pci.score",
        year,
        Stat::Average,
    );
    assert_eq!(c.labels, vec!["Bac Kan → Thai Nguyen"]);
}

#[test]
fn a_declaration_that_differs_from_the_register_wins_with_a_warning_at_each_field() {
    let declared = r#"{ "id": "bac-kan", "name": "Bắc Cạn", "level": "province", "successor": "thai-nguyen", "until": "2025-06-30" }"#;
    let l = load_one(&bac_kan(declared));
    let found: Vec<String> = lines(&l)
        .iter()
        .map(|m| m.split_once(": warning: ").unwrap().1.to_string())
        .collect();
    assert_eq!(
        found,
        [
            "\"name\" of \"bac-kan\" is \"Bắc Cạn\" here, \"Bắc Kạn\" in the register of \
             provinces; the file's declaration is used (at units[0].name)",
            "\"successor\" of \"bac-kan\" is \"thai-nguyen\" here, \"thai-nguyen-2025\" in the \
             register of provinces; the file's declaration is used (at units[0].successor)",
        ]
    );
    let unit = l.data.unit("bac-kan").unwrap();
    assert_eq!(unit.successor.as_deref(), Some("thai-nguyen"));
    assert_eq!(unit.name.get(Lang::Vi), "Bắc Cạn");
    // Its successor is a register unit too (the one before the merger): no unknown reference.
    assert!(l.data.unit("thai-nguyen").is_some());
    assert_eq!(l.data.observations.len(), 2);
    let vi = l.findings[1].line(Lang::Vi);
    assert!(
        vi.contains("\"successor\" của \"bac-kan\" là \"thai-nguyen\" trong tệp, \"thai-nguyen-2025\" trong danh mục"),
        "{vi}"
    );
}

#[test]
fn a_declaration_that_agrees_with_the_register_or_leaves_fields_out_says_nothing() {
    for declared in [
        r#"{ "id": "bac-kan", "name": "Bắc Kạn", "level": "province", "code": "06", "successor": "thai-nguyen-2025", "until": "2025-06-30" }"#,
        r#"{ "id": "bac-kan", "name": { "vi": "Bắc Kạn", "en": "Bac Kan" }, "level": "province" }"#,
    ] {
        let l = load_one(&bac_kan(declared));
        assert!(l.findings.is_empty(), "{:#?}", lines(&l));
    }
    // A unit the merger left alone has no end: declaring one is a difference.
    let l = load_one(&bac_kan(
        r#"{ "id": "bac-kan", "name": "Bắc Kạn", "level": "province" },
           { "id": "ha-noi", "name": "Hà Nội", "level": "province", "until": "2025-06-30" }"#,
    ));
    let found = lines(&l);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("\"until\" of \"ha-noi\" is \"2025-06-30\" here, none in the register"),
        "{found:#?}"
    );
}

#[test]
fn a_unit_neither_declared_nor_in_the_register_is_still_an_error() {
    let text = bac_kan("").replace("\"bac-kan\"", "\"bac-can\"");
    let l = load_one(&text);
    assert_eq!(l.count(chiso_core::ingest::finding::Severity::Error), 2);
    assert!(l.data.observations.is_empty());
}
