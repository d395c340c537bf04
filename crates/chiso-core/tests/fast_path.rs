//! The fast path and the validator build the same model from files the validator has nothing
//! to say about: every sample file, the samples together, and every fuzz-corpus input.

mod common;

use chiso_core::ingest::load::{load, load_validated, Input, Loaded};
use std::path::{Path, PathBuf};

/// What `chiso manifest` marks validated: the validator says nothing but about the figures as
/// loaded, which the fast path says too (without a line).
fn passes(l: &Loaded) -> bool {
    l.findings.iter().all(|f| f.is_about_figures())
}

/// Both models, field by field, and the findings without their places.
fn assert_same(full: &Loaded, fast: &Loaded, what: &str) {
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

fn both(inputs: &[Input]) -> (Loaded, Option<Loaded>) {
    (load(inputs), load_validated(inputs))
}

#[test]
fn every_sample_file_alone_and_all_together() {
    let dir = common::data_dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json") && n != "manifest.json")
        .collect();
    names.sort();
    let bytes: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(dir.join(n)).unwrap())
        .collect();
    let inputs: Vec<Input> = names
        .iter()
        .zip(&bytes)
        .map(|(name, bytes)| Input {
            name,
            bytes,
            sha256: None,
        })
        .collect();
    for input in &inputs {
        let (full, fast) = both(std::slice::from_ref(input));
        assert!(passes(&full), "{}", input.name);
        let fast = fast.unwrap_or_else(|| panic!("the fast path reads {}", input.name));
        assert_same(&full, &fast, input.name);
    }
    let (full, fast) = both(&inputs);
    assert!(full.data.observations.len() > 8000);
    assert_same(&full, &fast.expect("the fast path reads them"), "all");
}

fn corpus() -> Vec<PathBuf> {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut files: Vec<PathBuf> = ["seeds", "corpus", "artifacts"]
        .iter()
        .filter_map(|dir| std::fs::read_dir(fuzz.join(dir).join("pipeline")).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_fuzz_input_agrees_where_the_validator_has_nothing_to_say() {
    let mut agreed = 0;
    let files = corpus();
    for path in &files {
        let bytes = std::fs::read(path).unwrap_or_default();
        let input = Input {
            name: "f.json",
            bytes: &bytes,
            sha256: None,
        };
        let (full, fast) = both(std::slice::from_ref(&input));
        // On anything else the fast path may decline, but never panic.
        if passes(&full) && full.files[0].errors == 0 {
            if let Some(fast) = fast {
                assert_same(&full, &fast, &path.display().to_string());
                agreed += 1;
            }
        }
    }
    assert!(files.len() >= 8, "the seeds are missing");
    eprintln!("{agreed} of {} inputs read the same both ways", files.len());
}

#[test]
fn bytes_the_validator_would_speak_about_are_declined() {
    let declined = |text: &str| {
        let input = Input {
            name: "x.json",
            bytes: text.as_bytes(),
            sha256: None,
        };
        load_validated(&[input]).is_none()
    };
    assert!(declined("{"));
    assert!(declined(r#"{ "format": "chiso-metrics/2" }"#));
    // A unit neither declared nor in the register, an unknown indicator, a bad period.
    let obs = |o: &str| format!(r#"{{ "format": "chiso-metrics/1", "observations": [{o}] }}"#);
    assert!(declined(&obs(
        r#"{ "unit": "nowhere", "indicator": "pci.score", "period": "2019", "value": 1 }"#
    )));
    assert!(declined(&obs(
        r#"{ "unit": "tay-ninh", "indicator": "pci.nope", "period": "2019", "value": 1 }"#
    )));
    assert!(declined(&obs(
        r#"{ "unit": "tay-ninh", "indicator": "pci.score", "period": "2019-Q5", "value": 1 }"#
    )));
    assert!(!declined(&obs(
        r#"{ "unit": "tay-ninh", "indicator": "pci.score", "period": "2019", "value": 67.05 }"#
    )));
}
