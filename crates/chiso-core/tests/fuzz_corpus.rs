//! The fuzz targets' body on stable: every seed of `fuzz/seeds/`, and whatever a fuzzing run
//! left in `fuzz/corpus/` and `fuzz/artifacts/`, through the same function the targets call.

mod pipeline;

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut files: Vec<PathBuf> = ["seeds", "corpus", "artifacts"]
        .iter()
        .filter_map(|dir| std::fs::read_dir(fuzz.join(dir).join(target)).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn feed(target: &str, body: fn(&[u8])) -> usize {
    let files = inputs(target);
    for path in &files {
        let bytes = std::fs::read(path).unwrap_or_default();
        eprintln!("{}", path.display());
        body(&bytes);
    }
    files.len()
}

#[test]
fn every_reader_input_of_the_fuzz_corpus() {
    let files = inputs("reader");
    let agreed = files
        .iter()
        .filter(|path| pipeline::readers_agree(&std::fs::read(path).unwrap_or_default()))
        .count();
    assert!(
        files.len() >= 9,
        "the seeds are missing: {} inputs",
        files.len()
    );
    // The five sample files among the seeds pass; a manifest, HTML and a cut file do not.
    assert!(agreed >= 5, "{agreed} of {}", files.len());
}

#[test]
fn every_pipeline_input_of_the_fuzz_corpus() {
    let n = feed("pipeline", |b| {
        pipeline::exercise(&pipeline::first_document(b));
        pipeline::exercise(&pipeline::beside_samples(b));
    });
    assert!(n >= 8, "the seeds are missing: {n} inputs");
}

#[test]
fn every_csv_input_of_the_fuzz_corpus() {
    let n = feed("import_csv", |b| {
        pipeline::import_csv(b);
    });
    assert!(n >= 3, "the seeds are missing: {n} inputs");
}
