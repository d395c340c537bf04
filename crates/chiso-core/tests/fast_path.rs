//! The fast path and the validator build the same model from files the validator has nothing
//! to say about: every sample file and the samples together (every fuzz input too: see
//! `fuzz_corpus.rs` and the `reader` fuzz target).

mod common;

mod pipeline;

use chiso_core::ingest::load::{is_packed, load, load_validated, pack, Input, Loaded};
use pipeline::{assert_same, passes};

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

    // Their packed copies build the same model, alone and together, and mixed with JSON.
    let packed: Vec<Vec<u8>> = bytes.iter().map(|b| pack(b).expect("packs")).collect();
    let mut mixed = inputs.clone();
    for (k, input) in mixed.iter_mut().enumerate() {
        assert!(is_packed(&packed[k]) && !is_packed(input.bytes));
        assert!(packed[k].len() < input.bytes.len(), "{}", input.name);
        let alone = Input {
            bytes: &packed[k],
            ..*input
        };
        let (one, _) = both(std::slice::from_ref(input));
        let read = load_validated(std::slice::from_ref(&alone)).expect("packed reads");
        assert_same(&one, &read, input.name);
        if k % 2 == 0 {
            *input = alone;
        }
    }
    assert_same(&full, &load_validated(&mixed).expect("mixed reads"), "mixed");
}

#[test]
fn a_packed_copy_cut_short_or_grown_is_declined() {
    let json = std::fs::read(common::data_dir().join("tay-ninh.json")).unwrap();
    let packed = pack(&json).unwrap();
    let read = |bytes: &[u8]| {
        let input = Input {
            name: "tay-ninh.json",
            bytes,
            sha256: None,
        };
        load_validated(&[input]).is_some()
    };
    assert!(read(&packed));
    for cut in [16, packed.len() / 2, packed.len() - 1] {
        assert!(!read(&packed[..cut]), "cut at {cut}");
    }
    let mut grown = packed.clone();
    grown.push(0);
    assert!(!read(&grown));
    // A text index out of the table.
    let mut wrong = packed.clone();
    let last = wrong.len() - 4;
    wrong[last..].copy_from_slice(&(u32::MAX - 1).to_le_bytes());
    assert!(!read(&wrong));
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
