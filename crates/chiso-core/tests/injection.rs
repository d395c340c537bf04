//! A file whose every text field carries markup, script and spreadsheet-formula payloads: the
//! SVG export keeps them as text (strict XML, no element they could add), the CSV export
//! neutralises text cells a spreadsheet would run, and figures stay numbers.

mod common;
mod pipeline;

use chiso_core::charts::compare;
use chiso_core::ingest::gather::Gathered;
use chiso_core::ingest::load::Loaded;
use chiso_core::render::{to_svg, ChartSpec, DrawOptions};
use chiso_core::views::page::{index_pairs, VIEWS};
use chiso_core::Lang;
use pipeline::SAMPLES;

const HOSTILE: &[u8] = include_bytes!("../../../tests/fixtures/hostile.json");

fn loaded() -> Loaded {
    let mut g = Gathered::default();
    g.receive("bac-kan.json".into(), None, Ok(SAMPLES[2].1.to_vec()));
    g.receive("hostile.json".into(), None, Ok(HOSTILE.to_vec()));
    chiso_core::load(&g.inputs())
}

/// Every chart of every unit of the file, in both languages, and the comparisons.
fn charts(l: &Loaded) -> Vec<ChartSpec> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut out = Vec::new();
    for unit in &l.data.units {
        for lang in [Lang::Vi, Lang::En] {
            let q = common::query(l, &unit.id, lang);
            out.extend(VIEWS.iter().flat_map(|v| v.charts(q, today)));
            out.extend(index_pairs(q, today).into_iter().flat_map(|(a, b)| [a, b]));
            for indicator in ["pci.score", "-2+3"] {
                out.push(compare(q, indicator, None));
            }
        }
    }
    out.retain(|c| !c.is_empty());
    out
}

#[test]
fn the_hostile_file_loads_its_figures_and_reports_the_rest() {
    let l = loaded();
    let hostile = l.files.iter().find(|f| f.name == "hostile.json").unwrap();
    assert!(hostile.observations >= 16, "{hostile:?}");
    let lines: Vec<String> = l.findings.iter().map(|f| f.line(Lang::En)).collect();
    // The finding-provoking entries quote the payloads back, as text.
    assert!(
        lines.iter().any(|l| l.contains("<img src=x onerror=")),
        "{lines:#?}"
    );
    assert!(lines.iter().any(|l| l.contains("<script>")), "{lines:#?}");
}

#[test]
fn svg_exports_keep_markup_as_text() {
    let l = loaded();
    let charts = charts(&l);
    assert!(charts.len() >= 10, "{} charts", charts.len());
    let mut seen = String::new();
    for spec in &charts {
        let svg = to_svg(spec, 800, 500, DrawOptions { chrome: true });
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
        for node in doc.descendants().filter(|n| n.is_element()) {
            let name = node.tag_name().name();
            assert!(
                ["svg", "rect", "line", "polyline", "polygon", "circle", "text", "path"]
                    .contains(&name),
                "<{name}> in an export of {}",
                spec.id
            );
            for a in node.attributes() {
                assert!(!a.name().starts_with("on"), "{} on <{name}>", a.name());
            }
        }
        for node in doc.descendants().filter(|n| n.is_text()) {
            seen.push_str(node.text().unwrap_or(""));
        }
    }
    // Shown literally: the payloads are in the text, decoded, not in the markup.
    assert!(seen.contains("<img src=x onerror="), "{seen}");
    assert!(
        seen.contains("<script>window.__pwned='script'</script>"),
        "{seen}"
    );
}

/// The fields of a CSV, RFC 4180 quoting undone.
fn fields(csv: &str) -> Vec<String> {
    let (mut out, mut cur, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, csv.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',' | '\n', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out
}

#[test]
fn csv_exports_neutralise_formulas_and_keep_numbers() {
    let l = loaded();
    let mut cells = Vec::new();
    for spec in charts(&l) {
        cells.extend(fields(&spec.csv()));
    }
    for cell in &cells {
        let number = cell.parse::<f64>().is_ok();
        assert!(
            number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a spreadsheet would run {cell:?}"
        );
    }
    // The payloads are there, each behind a quote; negative figures stay numbers.
    for text in ["'=cmd|' /C calc'!A0", "'+1+1", "'-2+3"] {
        assert!(cells.iter().any(|c| c == text), "no {text} in {cells:?}");
    }
    assert!(cells.iter().any(|c| c == "-40"), "{cells:?}");
}
