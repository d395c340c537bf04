//! The whole pipeline from raw bytes, as the dashboard runs it: gather (a manifest or a metric
//! file), load, build every view's charts, the comparison and the brief, draw each as SVG and
//! read it back as table, CSV, tooltips and alt text; and the import of CSV text. Shared by the
//! property tests, the fuzz corpus check and the cargo-fuzz targets (which include this file),
//! so all three exercise one function. It panics only when an output is not sane.
#![allow(dead_code)] // Each includer uses its own part.

use chiso_core::charts::compare_by;
use chiso_core::import::{csv, import, Options};
use chiso_core::ingest::gather::Gathered;
use chiso_core::ingest::load::{load, load_packed, pack, Input, Loaded};
use chiso_core::ingest::need::{self, Need};
use chiso_core::query::periods::unit_periods;
use chiso_core::query::stat::Stat;
use chiso_core::query::units::{default_unit, peer_indicators};
use chiso_core::query::Query;
use chiso_core::render::spark::sparkline;
use chiso_core::render::{to_svg, ChartSpec, DrawOptions};
use chiso_core::views::overview::{headlines, scorecard};
use chiso_core::views::page::{index_pairs, VIEWS};
use chiso_core::{Lang, Severity};
use chrono::NaiveDate;

/// The bundled sample files, by name, as a manifest lists them.
pub const SAMPLES: [(&str, &[u8]); 5] = [
    (
        "manifest.json",
        include_bytes!("../../../../public/data/manifest.json"),
    ),
    (
        "tay-ninh.json",
        include_bytes!("../../../../public/data/tay-ninh.json"),
    ),
    (
        "bac-kan.json",
        include_bytes!("../../../../public/data/bac-kan.json"),
    ),
    (
        "tien-giang-kcn.json",
        include_bytes!("../../../../public/data/tien-giang-kcn.json"),
    ),
    (
        "minh-hoa.json",
        include_bytes!("../../../../public/data/minh-hoa.json"),
    ),
];

/// How much one input exercised, so a generator can be seen to reach past the parser.
#[derive(Clone, Copy, Debug, Default)]
pub struct Reach {
    pub observations: usize,
    pub findings: usize,
    pub charts: usize,
    pub imported: usize,
}

impl std::ops::AddAssign for Reach {
    fn add_assign(&mut self, o: Reach) {
        self.observations += o.observations;
        self.findings += o.findings;
        self.charts += o.charts;
        self.imported += o.imported;
    }
}

/// What `chiso manifest` marks validated: the validator says nothing but about the figures as
/// loaded, which the fast path says too (without a line).
pub fn passes(l: &Loaded) -> bool {
    l.findings.iter().all(|f| f.is_about_figures()) && l.files.iter().all(|f| f.errors == 0)
}

/// The validator on the bytes, as one file, and the fast path on their packed copy: where the
/// validator passes them and they pack, the fast path builds the same model; nothing panics.
/// Whether they agreed on a model.
pub fn readers_agree(bytes: &[u8]) -> bool {
    let input = Input {
        name: "f.json",
        bytes,
        sha256: None,
    };
    let full = load(std::slice::from_ref(&input));
    // The packed copy of a file the validator passes (if it has one: it may decline).
    let Some(packed) = pack(bytes).filter(|_| passes(&full)) else {
        return false;
    };
    let input = Input {
        bytes: &packed,
        ..input
    };
    let fast = load_packed(std::slice::from_ref(&input));
    assert_same(&full, &fast.expect("its packed copy reads"), "the input");
    true
}

/// Both models, field by field, and the findings without their places.
pub fn assert_same(full: &Loaded, fast: &Loaded, what: &str) {
    let (a, b) = (&full.data, &fast.data);
    assert_eq!(a.files, b.files, "{what}: files");
    assert_eq!(a.units, b.units, "{what}: units");
    let defs = |l: &Loaded| l.data.catalogue.iter().cloned().collect::<Vec<_>>();
    assert_eq!(defs(full), defs(fast), "{what}: catalogue");
    assert_eq!(a.observations, b.observations, "{what}: observations");
    assert_eq!(a.targets, b.targets, "{what}: targets");
    let said = |l: &Loaded| {
        let mut v: Vec<String> = l
            .findings
            .iter()
            .map(|f| format!("{} {:?} {:?}", f.file, f.message, f.subject))
            .collect();
        v.sort();
        v
    };
    assert_eq!(said(full), said(fast), "{what}: findings");
    assert_eq!(full.files, fast.files, "{what}: statuses");
}

/// Every step on `bytes`: as the first document the page fetches (a manifest's files answered
/// with the sample files of the same name, anything else "not found"), as a file opened next to
/// the small sample files, and as CSV text to import.
pub fn run(bytes: &[u8]) -> Reach {
    let mut reach = Reach::default();
    reach += exercise(&first_document(bytes));
    reach += exercise(&beside_samples(bytes));
    reach += import_csv(bytes);
    reach
}

/// `bytes` as `data/manifest.json` (or a single metric file given as `?data=`).
pub fn first_document(bytes: &[u8]) -> Loaded {
    let mut g = Gathered::default();
    let wanted = g.first_document("data/manifest.json", "manifest.json", bytes.to_vec());
    // The page fetches first what the view needs, as the entries' `holds` say, the rest after.
    let holds: Vec<_> = wanted.iter().map(|w| w.holds.as_ref()).collect();
    let first = need::first(&holds, &Need::default());
    assert_eq!(first.files.len(), wanted.len());
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by_key(|&i| !first.files[i]);
    // A manifest may list thousands of files; the page fetches them all, a test a few.
    for i in order.into_iter().take(8) {
        let w = &wanted[i];
        let name = w.address.rsplit('/').next().unwrap_or("").to_string();
        let got = SAMPLES
            .iter()
            .find(|(n, _)| *n == name && *n != "manifest.json")
            .map(|(_, b)| b.to_vec())
            .ok_or_else(|| "HTTP 404 Not Found".to_string());
        g.receive_listed(i, name, w.sha256.clone(), got);
    }
    loaded(&g)
}

/// `bytes` opened in the file panel next to the small sample files.
pub fn beside_samples(bytes: &[u8]) -> Loaded {
    let mut g = Gathered::default();
    for (name, b) in &SAMPLES[1..4] {
        g.receive(name.to_string(), None, Ok(b.to_vec()));
    }
    g.replace("opened.json".into(), Ok(bytes.to_vec()));
    loaded(&g)
}

fn loaded(g: &Gathered) -> Loaded {
    let l = load(&g.inputs());
    for o in &l.data.observations {
        assert!(o.value.is_finite(), "non-finite figure {o:?}");
        assert!(o.of.is_none_or(f64::is_finite), "non-finite `of` {o:?}");
    }
    for t in &l.data.targets {
        assert!(t.value.is_finite(), "non-finite target {t:?}");
    }
    for f in g.findings().iter().chain(&l.findings) {
        assert!(!f.line(Lang::Vi).is_empty() && !f.line(Lang::En).is_empty());
    }
    l
}

/// Every view of a few units of `l`, and of a unit the data does not have.
pub fn exercise(l: &Loaded) -> Reach {
    let mut reach = Reach {
        observations: l.data.observations.len(),
        findings: l.findings.len(),
        ..Reach::default()
    };
    let mut units: Vec<&str> = l.data.units_with_data().map(|u| u.id.as_str()).collect();
    units.truncate(3);
    units.extend(default_unit(&l.data).map(|u| u.id.as_str()));
    units.push("khong-co-don-vi");
    for (i, unit) in units.into_iter().enumerate() {
        let lang = if i % 2 == 0 { Lang::Vi } else { Lang::En };
        reach.charts += views(l, unit, lang);
    }
    reach
}

fn views(l: &Loaded, unit: &str, lang: Lang) -> usize {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default();
    let periods = unit_periods(&l.data, unit);
    let q = Query {
        data: &l.data,
        findings: &l.findings,
        unit,
        lang,
        from: periods.first().copied(),
        to: periods.last().copied(),
    };
    let mut charts: Vec<ChartSpec> = VIEWS.iter().flat_map(|v| v.charts(q, today)).collect();
    charts.extend(index_pairs(q, today).into_iter().flat_map(|(a, b)| [a, b]));
    for (i, def) in peer_indicators(&l.data, unit)
        .into_iter()
        .take(4)
        .enumerate()
    {
        let stat = if i % 2 == 0 {
            Stat::Median
        } else {
            Stat::Average
        };
        charts.push(compare_by(q, &def.id, None, stat));
        charts.push(compare_by(q, &def.id, periods.last().copied(), stat));
    }
    for card in scorecard(&q, today) {
        let _ = (
            card.name,
            card.score,
            card.rank,
            card.target,
            card.status_text,
        );
        let _ = sparkline(&card.spark);
    }
    let _ = headlines(&q);
    for spec in &charts {
        read_back(spec);
    }
    charts.len()
}

/// Draws a chart as an exported SVG and reads it every other way the page does.
pub fn read_back(spec: &ChartSpec) {
    let svg = to_svg(spec, 640, 400, DrawOptions { chrome: true });
    assert_well_formed(&svg);
    let _ = (
        spec.csv(),
        spec.table(),
        spec.alt_text(),
        spec.source_summary(),
    );
    for i in 0..spec.labels.len() {
        let _ = spec.tooltip(i);
    }
}

/// A strict XML parse: markup from the data would make the SVG malformed or add elements.
pub fn assert_well_formed(svg: &str) {
    if let Err(e) = roxmltree::Document::parse(svg) {
        panic!("the SVG is not well-formed XML: {e}\n{svg}");
    }
}

/// `bytes` as a CSV file given to `chiso import`: what it writes must load without error.
pub fn import_csv(bytes: &[u8]) -> Reach {
    let Ok(text) = csv::decode(bytes) else {
        return Reach::default();
    };
    let table = csv::table("", &text);
    let opts = Options {
        name: "imported.json".into(),
        ..Options::default()
    };
    let out = import(&[table], &opts);
    let mut g = Gathered::default();
    g.receive(opts.name.clone(), None, Ok(out.json.clone().into_bytes()));
    let l = loaded(&g);
    let errors: Vec<String> = l
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.line(Lang::En))
        .collect();
    assert!(
        errors.is_empty(),
        "the import wrote a document that does not load: {errors:#?}\n{}",
        out.json
    );
    assert_eq!(l.data.observations.len(), out.figures, "{}", out.json);
    Reach {
        imported: out.figures,
        ..exercise(&l)
    }
}
