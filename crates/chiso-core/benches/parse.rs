//! Reading throughput on a national-size file (34 provinces, 40 quarters, about 10 MB): the
//! validator (parse + check, with positions and messages) and the fast path (the packed copy
//! of a file validated at publishing), against a baseline measured in the same run:
//! serde_json reading the same bytes into an untyped `Value`, which checks syntax only (what
//! `JSON.parse` does in a page). Then the same for a manifest listing 500 files, which the
//! page reads before it fetches any of them. Prints figures; asserts nothing.

use chiso_core::generate::{generate, Options};
use chiso_core::ingest::load::{load, load_packed, pack, Input};
use chiso_core::ingest::manifest::manifest_of;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm-up
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let text = generate(&Options {
        units: 34,
        quarters: 40,
        ..Options::default()
    });
    let bytes = text.as_bytes();
    let mb = bytes.len() as f64 / 1e6;
    let runs = 7;

    let baseline = time(runs, || {
        black_box(serde_json::from_slice::<serde_json::Value>(black_box(bytes)).ok());
    });
    let mut figures = 0;
    let ours = time(runs, || {
        let l = load(&[Input {
            name: "national.json",
            bytes: black_box(bytes),
            sha256: None,
        }]);
        figures = l.data.observations.len();
        black_box(l);
    });
    let packed = pack(bytes).expect("the generator's file packs");
    let unpacked = time(runs, || {
        let l = load_packed(&[Input {
            name: "national.json",
            bytes: black_box(&packed),
            sha256: None,
        }]);
        black_box(l.expect("its packed copy reads"));
    });
    let rate = |d: Duration| mb / d.as_secs_f64();
    println!("national file: {mb:.1} MB, {figures} figures, median of {runs} runs");
    println!(
        "  serde_json::Value (syntax only) {:>8.1} ms  {:>7.1} MB/s",
        baseline.as_secs_f64() * 1e3,
        rate(baseline)
    );
    println!(
        "  chiso load (parse + validate)   {:>8.1} ms  {:>7.1} MB/s",
        ours.as_secs_f64() * 1e3,
        rate(ours)
    );
    println!(
        "  chiso packed copy ({:.1} MB)     {:>8.1} ms  {:>7.1} MB/s of JSON",
        packed.len() as f64 / 1e6,
        unpacked.as_secs_f64() * 1e3,
        rate(unpacked)
    );
    println!(
        "  ratio to baseline: validator {:.2}×, packed copy {:.2}×",
        rate(ours) / rate(baseline),
        rate(unpacked) / rate(baseline)
    );
    manifest(runs);
}

/// A manifest as `chiso manifest` writes it for a publication of 500 files, one unit each.
fn manifest_text(files: usize) -> String {
    let hex = |i: usize| format!("{i:064x}");
    let entries: Vec<String> = (0..files)
        .map(|i| {
            format!(
                r#"    {{ "path": "unit-{i}.json", "sha256": "{}", "validated": {{ "format": "chiso-metrics/1", "validator": "chiso 0.1.0" }}, "packed": {{ "path": "unit-{i}.chiso", "sha256": "{}" }}, "holds": {{ "units": ["unit-{i}"], "families": ["dossiers", "procedures", "services"], "periods": ["2020-Q1", "2025-Q4"] }} }}"#,
                hex(i),
                hex(i + files)
            )
        })
        .collect();
    format!(
        "{{\n  \"format\": \"chiso-manifest/1\",\n  \"files\": [\n{}\n  ]\n}}\n",
        entries.join(",\n")
    )
}

fn manifest(runs: usize) {
    let files = 500;
    let text = manifest_text(files);
    let bytes = text.as_bytes();
    let baseline = time(runs, || {
        black_box(serde_json::from_slice::<serde_json::Value>(black_box(bytes)).ok());
    });
    let ours = time(runs, || {
        let (entries, findings) =
            manifest_of("manifest.json", black_box(bytes)).expect("a manifest");
        assert!(entries.len() == files && findings.is_empty());
        black_box(entries);
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "manifest of {files} files: {:.0} KB, median of {runs} runs",
        bytes.len() as f64 / 1e3
    );
    println!("  serde_json::Value (syntax only) {:>8.2} ms", ms(baseline));
    println!("  chiso manifest_of (the page)    {:>8.2} ms", ms(ours));
    println!(
        "  ratio to baseline: {:.2}× the time",
        ours.as_secs_f64() / baseline.as_secs_f64()
    );
}
