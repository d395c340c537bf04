//! Property tests over the whole pipeline (gather, load, every view's charts, SVG, CSV, import):
//! arbitrary bytes, mutations of the real sample files, and generated metric files. No input may
//! panic, take long or load a non-finite figure. `PROPTEST_CASES=20000` runs longer.

mod pipeline;

use pipeline::{run, Reach, SAMPLES};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// Well under a second for one input, in a debug build (`CHISO_CASE_BUDGET_MS` overrides).
fn budget() -> Duration {
    let ms = std::env::var("CHISO_CASE_BUDGET_MS").ok();
    Duration::from_millis(ms.and_then(|v| v.parse().ok()).unwrap_or(900))
}

/// The CPU time this thread has used, where Linux tells it (in 10 ms ticks): other work on a
/// shared machine stretches the wall clock, not this.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Runs the pipeline on `bytes` within the budget: CPU time, or wall time where unknown.
fn timed(bytes: &[u8]) -> Reach {
    let (wall, cpu) = (Instant::now(), cpu_time());
    let reach = run(bytes);
    let took = match (cpu, cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    };
    assert!(took < budget(), "{} bytes took {took:?}", bytes.len());
    reach
}

/// Cases per property: a share of `PROPTEST_CASES` (default `default`).
fn cases(default: u32) -> ProptestConfig {
    let total = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok());
    ProptestConfig {
        cases: total.map_or(default, |t| (t / 4).max(1)),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// --- Mutations of the real files ---------------------------------------------------------------

/// Texts that replace a number: extremes, what other languages print for non-numbers, wrong types.
const EXTREMES: [&str; 16] = [
    "1e999",
    "-1e999",
    "1e-400",
    "-0",
    "NaN",
    "\"NaN\"",
    "Infinity",
    "-Infinity",
    "\"1e999\"",
    "9007199254740993",
    "1.7976931348623157e308",
    "-1.7976931348623157e308",
    "123456789012345678901234567890123456789012345678901234567890",
    "null",
    "[]",
    "{\"value\": 1}",
];

#[derive(Clone, Debug)]
enum Mutation {
    Flip(Index, u8),
    Delete(Index, usize),
    Duplicate(Index, usize),
    Truncate(Index),
    Splice(Index, usize, Index, usize),
    Number(Index, usize),
    Nest(Index, usize),
    HugeString(Index, usize),
    Insert(Index, Vec<u8>),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 0u8..8).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<Index>(), 1usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<Index>(), 1usize..256).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
        any::<Index>().prop_map(Mutation::Truncate),
        (
            any::<Index>(),
            0..SAMPLES.len(),
            any::<Index>(),
            1usize..512
        )
            .prop_map(|(i, f, j, n)| Mutation::Splice(i, f, j, n)),
        (any::<Index>(), 0..EXTREMES.len()).prop_map(|(i, e)| Mutation::Number(i, e)),
        (any::<Index>(), 1usize..5000).prop_map(|(i, d)| Mutation::Nest(i, d)),
        (any::<Index>(), 1usize..200_000).prop_map(|(i, n)| Mutation::HugeString(i, n)),
        (
            any::<Index>(),
            prop::collection::vec(
                select(b"{}[],:\"\\0123456789.eE-+ntfu\n\xc3\xa1\xff".to_vec()),
                1..8
            )
        )
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
    ]
}

/// Byte offsets where a JSON number starts.
fn numbers(b: &[u8]) -> Vec<usize> {
    (0..b.len())
        .filter(|&i| {
            let starts = b[i].is_ascii_digit() || b[i] == b'-';
            starts && i > 0 && matches!(b[i - 1], b':' | b' ' | b'[' | b',')
        })
        .collect()
}

fn apply(mut b: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let at = |i: &Index, b: &[u8]| i.index(b.len() + 1);
    match m {
        Mutation::Flip(i, bit) if !b.is_empty() => {
            let p = i.index(b.len());
            b[p] ^= 1 << bit;
        }
        Mutation::Delete(i, n) => {
            let p = at(i, &b);
            b.drain(p..(p + n).min(b.len()));
        }
        Mutation::Duplicate(i, n) => {
            let p = at(i, &b);
            let piece = b[p..(p + n).min(b.len())].to_vec();
            b.splice(p..p, piece);
        }
        Mutation::Truncate(i) => b.truncate(at(i, &b)),
        Mutation::Splice(i, f, j, n) => {
            let other = SAMPLES[*f].1;
            let from = j.index(other.len() + 1);
            let piece = &other[from..(from + n).min(other.len())];
            let p = at(i, &b);
            b.splice(p..p, piece.iter().copied());
        }
        Mutation::Number(i, e) => {
            let starts = numbers(&b);
            if !starts.is_empty() {
                let p = starts[i.index(starts.len())];
                let end = (p + 1..b.len())
                    .find(|&k| !matches!(b[k], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-'))
                    .unwrap_or(b.len());
                b.splice(p..end, EXTREMES[*e].bytes());
            }
        }
        Mutation::Nest(i, depth) => {
            let p = at(i, &b);
            let nested = "[".repeat(*depth) + &"]".repeat(*depth);
            b.splice(p..p, nested.bytes());
        }
        Mutation::HugeString(i, n) => {
            let p = at(i, &b);
            let s = format!("\"{}\"", "Tây Ninh <b>".repeat(n / 12 + 1));
            b.splice(p..p, s.bytes());
        }
        Mutation::Insert(i, bytes) => {
            let p = at(i, &b);
            b.splice(p..p, bytes.iter().copied());
        }
        Mutation::Flip(..) => {}
    }
    b
}

/// A sample file with a few mutations; the small files more often than the large one.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let file = prop_oneof![3 => 0usize..4, 1 => Just(4usize)];
    (file, prop::collection::vec(mutation(), 1..4))
        .prop_map(|(f, ms)| ms.iter().fold(SAMPLES[f].1.to_vec(), apply))
}

// --- Generated metric files --------------------------------------------------------------------

const UNITS: [&str; 7] = [
    "tay-ninh",
    "bac-kan",
    "thai-nguyen-2025",
    "quang-nam",
    "da-nang",
    "so-noi-vu",
    "",
];
const INDICATORS: [&str; 9] = [
    "dossiers.received",
    "dossiers.online",
    "dossiers.offline",
    "dossiers.pending",
    "pci.score",
    "pci.rank",
    "ict_index.score",
    "services.online_full",
    "tu-dinh.nghia",
];
const PERIODS: [&str; 14] = [
    "2019",
    "2020",
    "2020-Q3",
    "2020-Q5",
    "2020-H1",
    "2020-07",
    "2020-13",
    "2020-02-30",
    "2020-05-28/2020-08-28",
    "2020-08-28/2020-05-28",
    "1944",
    "2101",
    "2025-Q3",
    "",
];

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (0u32..100_000).prop_map(|n| json!(n)),
        2 => any::<f64>().prop_filter("JSON numbers are finite", |v| v.is_finite()).prop_map(|v| json!(v)),
        1 => (-1000i64..0).prop_map(|n| json!(n)),
        1 => select(vec![json!("58463"), json!(null), json!(true), json!([1]), json!({})]),
    ]
}

fn text() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[a-zA-Z À-ỹ<>&\"'=+@-]{0,24}".prop_map(Value::from),
        ("\\PC{0,12}", "\\PC{0,12}").prop_map(|(vi, en)| json!({ "vi": vi, "en": en })),
        Just(json!(null)),
        Just(json!(7)),
    ]
}

fn entry(kind: &'static str) -> impl Strategy<Value = Value> {
    (
        select(UNITS.to_vec()),
        select(INDICATORS.to_vec()),
        select(PERIODS.to_vec()),
        number(),
        prop::option::of(number()),
        prop::option::of(text()),
        prop::option::of(select(vec!["q3", "missing"])),
    )
        .prop_map(move |(unit, ind, period, value, of, label, source)| {
            let mut e = json!({ "unit": unit, "indicator": ind, "value": value });
            e[if kind == "observations" {
                "period"
            } else {
                "by"
            }] = json!(period);
            if let Some(of) = of {
                e["of"] = of;
            }
            if let Some(label) = label {
                e["label"] = label;
            }
            if let Some(source) = source {
                e["source"] = json!(source);
            }
            e
        })
}

fn unit() -> impl Strategy<Value = Value> {
    let level = select(vec!["province", "agency", "district", "nation", "galaxy"]);
    (
        select(UNITS.to_vec()),
        text(),
        level,
        prop::option::of(select(UNITS.to_vec())),
    )
        .prop_map(|(id, name, level, successor)| {
            let mut u = json!({ "id": id, "name": name, "level": level });
            if let Some(s) = successor {
                u["successor"] = json!(s);
                u["until"] = json!("2025-06-30");
            }
            u
        })
}

fn metric_file() -> impl Strategy<Value = Vec<u8>> {
    (
        prop::collection::vec(unit(), 0..4),
        prop::collection::vec(entry("observations"), 0..40),
        prop::collection::vec(entry("targets"), 0..4),
        text(),
        any::<bool>(),
    )
        .prop_map(|(units, observations, targets, title, illustrative)| {
            let doc = json!({
                "format": "chiso-metrics/1",
                "title": title,
                "illustrative": illustrative,
                "published": "2020-10-23",
                "units": units,
                "indicators": [{ "id": "tu-dinh.nghia", "name": "Tự định nghĩa", "kind": "count", "aggregation": "flow" }],
                "observations": observations,
                "targets": targets,
                "sources": { "q3": { "title": title, "date": "2020-10-23" } },
            });
            serde_json::to_vec_pretty(&doc).unwrap_or_default()
        })
}

// --- Tables to import --------------------------------------------------------------------------

fn csv_text() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        select(vec![
            "Tây Ninh",
            "Bắc Kạn",
            "tỉnh Long An",
            "Hà Nội",
            "Atlantis",
            ""
        ]),
        select(vec!["2020", "2020-Q3", "Quý III/2020", "2021", "x"]),
        select(vec![
            "PCI",
            "pci.score",
            "Điểm PCI",
            "Xếp hạng PCI",
            "Hồ sơ tiếp nhận"
        ]),
        select(vec![
            "64,16",
            "64.16",
            "1.234",
            "-3",
            "1e999",
            "NaN",
            "\"5\"\"\"",
            "=1+1"
        ]),
    ];
    let header = select(vec![
        "Đơn vị;Kỳ;Chỉ tiêu;Giá trị",
        "unit,period,indicator,value",
        "Tỉnh\t2019\t2020\t2021",
        "Kỳ;Tây Ninh;Bắc Kạn",
        "",
    ]);
    let sep = select(vec![";", ",", "\t"]);
    (
        header,
        sep,
        prop::collection::vec(prop::collection::vec(cell, 1..5), 0..12),
    )
        .prop_map(|(header, sep, rows)| {
            let body: Vec<String> = rows.iter().map(|r| r.join(sep)).collect();
            format!("{header}\n{}", body.join("\n")).into_bytes()
        })
}

// --- The properties ----------------------------------------------------------------------------

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        timed(&bytes);
    }

    #[test]
    fn mutated_sample_files(bytes in mutated()) {
        timed(&bytes);
    }

    #[test]
    fn generated_metric_files(bytes in metric_file()) {
        timed(&bytes);
    }

    #[test]
    fn generated_tables(bytes in csv_text()) {
        timed(&bytes);
    }
}

/// Real and broken files, each through the whole pipeline: the seeds of the generators above
/// and of the fuzz corpus.
#[test]
fn real_and_broken_seeds() {
    let mut reach = Reach::default();
    for (_, bytes) in SAMPLES {
        reach += timed(bytes);
    }
    assert!(reach.observations > 1000 && reach.charts > 100, "{reach:?}");
    let broken: [&[u8]; 10] = [
        b"",
        b"\xef\xbb\xbf{}",
        b"{\"format\": \"chiso-metrics/1\", \"observations\": [",
        b"{\"format\": \"chiso-metrics/2\"}",
        b"{\"format\": \"chiso-manifest/1\", \"files\": [{\"path\": \"../../etc/passwd\"}, {\"path\": \"tay-ninh.json\", \"sha256\": \"00\"}]}",
        b"{\"format\": \"chiso-metrics/1\", \"observations\": [{\"unit\": \"tay-ninh\", \"indicator\": \"pci.score\", \"period\": \"2020\", \"value\": 1e999}]}",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        b"\xff\xfe{\x00}\x00",
        b"<!doctype html><title>502 Bad Gateway</title>",
        // Characters XML forbids, in a title and a unit name: the SVG export must still parse.
        b"{\"format\": \"chiso-metrics/1\", \"title\": \"a\\u0003b\\uffff\", \"units\": [{\"id\": \"u\", \"name\": \"\\u0001\", \"level\": \"province\"}], \"observations\": [{\"unit\": \"u\", \"indicator\": \"pci.score\", \"period\": \"2020\", \"value\": 60}]}",
    ];
    for bytes in broken {
        timed(bytes);
    }
    // A pasted paragraph as a header cell: every split of its words was tried (minutes).
    let paragraph = format!("{};2020\nTây Ninh;1\n", "Tây Ninh <b> ".repeat(4000));
    timed(paragraph.as_bytes());
}
