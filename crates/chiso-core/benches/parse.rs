//! Reading throughput on a national-size file (34 provinces, 40 quarters, about 10 MB): the
//! validator (parse + check, with positions and messages) and the fast path (the packed copy
//! of a file validated at publishing), against a baseline measured in the same run:
//! serde_json reading the same bytes into an untyped `Value`, which checks syntax only (what
//! `JSON.parse` does in a page). Prints figures; asserts nothing.

use chiso_core::generate::{generate, Options};
use chiso_core::ingest::load::{load, load_packed, pack, Input};
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
}
