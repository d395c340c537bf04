//! Memory and time of loading the national file (34 provinces, 40 quarters, about 10 MB):
//! a counting allocator reports the peak and the bytes still live after `load`, and after the
//! path the dashboard takes (bytes → `Gathered` → `load(&gathered.inputs())`). Prints figures;
//! asserts nothing.

use chiso_core::generate::{generate, Options};
use chiso_core::ingest::gather::Gathered;
use chiso_core::ingest::load::{load, Input};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static CALLS: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
    CALLS.fetch_add(1, Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller's contract is passed on unchanged.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Relaxed);
        grew(new_size);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// What one step cost above what was live before it.
struct Cost {
    peak: usize,
    live: usize,
    calls: usize,
    ms: f64,
}

/// Runs `f`, keeping its result alive until the live bytes are read.
fn cost<T>(f: impl FnOnce() -> T) -> (T, Cost) {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let calls = CALLS.load(Relaxed);
    let t = Instant::now();
    let out = black_box(f());
    let ms = t.elapsed().as_secs_f64() * 1e3;
    let cost = Cost {
        peak: PEAK.load(Relaxed) - before,
        live: LIVE.load(Relaxed).saturating_sub(before),
        calls: CALLS.load(Relaxed) - calls,
        ms,
    };
    (out, cost)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn print(what: &str, c: &Cost) {
    println!(
        "  {what:<34} peak {:>6.1} MiB  live {:>6.1} MiB  {:>8} allocations  first run {:>6.1} ms",
        mib(c.peak),
        mib(c.live),
        c.calls,
        c.ms,
    );
}

fn main() {
    let text = generate(&Options {
        units: 34,
        quarters: 40,
        ..Options::default()
    });
    let bytes = text.into_bytes();
    let mb = bytes.len() as f64 / 1e6;
    println!(
        "national file: {:.1} MiB ({mb:.1} MB); bytes above what was live before each step",
        mib(bytes.len())
    );

    let (value, c) = cost(|| serde_json::from_slice::<serde_json::Value>(&bytes).ok());
    print("serde_json::Value (for scale)", &c);
    drop(value);

    let input = Input {
        name: "national.json",
        bytes: &bytes,
        sha256: None,
    };
    let (loaded, c) = cost(|| load(&[input]));
    print("load (the model it returns)", &c);
    let figures = loaded.data.observations.len();
    drop(loaded);

    // The dashboard's path: the fetched bytes (a copy made here, as the fetch makes one) go
    // into `Gathered`, which the page keeps.
    let (bundle, c) = cost(|| {
        let mut gathered = Gathered::default();
        let fetched = bytes.clone();
        gathered.first_document("data/national.json", "national.json", fetched);
        let loaded = load(&gathered.inputs());
        (gathered, loaded)
    });
    print("gather + load (+ the bytes kept)", &c);
    drop(bundle);

    let runs = 5;
    let (value_ms, load_ms) = (
        median_ms(runs, || {
            drop(serde_json::from_slice::<serde_json::Value>(&bytes))
        }),
        median_ms(runs, || drop(load(&[input]))),
    );
    println!("{figures} figures; time, median of {runs} runs:");
    for (what, ms) in [("serde_json::Value", value_ms), ("load", load_ms)] {
        println!("  {what:<34} {ms:>7.1} ms  {:>6.1} MB/s", mb / (ms / 1e3));
    }
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    ms[runs / 2]
}
