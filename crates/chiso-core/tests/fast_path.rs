//! The fast path and the validator build the same model: the validator from the JSON, the fast
//! path from the packed copies `chiso manifest` writes of files it validated. Every sample file
//! alone, all together, and a mix (every fuzz input too: see `fuzz_corpus.rs` and the `reader`
//! fuzz target).

mod common;

mod pipeline;

use chiso_core::ingest::load::{is_packed, load, load_packed, pack, Input};
use pipeline::{assert_same, passes};

fn sample_files() -> (Vec<String>, Vec<Vec<u8>>) {
    let dir = common::data_dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json") && n != "manifest.json")
        .collect();
    names.sort();
    let bytes = names
        .iter()
        .map(|n| std::fs::read(dir.join(n)).unwrap())
        .collect();
    (names, bytes)
}

fn inputs<'a>(names: &'a [String], bytes: &'a [Vec<u8>]) -> Vec<Input<'a>> {
    names
        .iter()
        .zip(bytes)
        .map(|(name, bytes)| Input {
            name,
            bytes,
            sha256: None,
        })
        .collect()
}

#[test]
fn every_sample_file_alone_and_all_together() {
    let (names, json) = sample_files();
    let packed: Vec<Vec<u8>> = json.iter().map(|b| pack(b).expect("packs")).collect();
    let (from_json, from_packed) = (inputs(&names, &json), inputs(&names, &packed));
    for (j, p) in from_json.iter().zip(&from_packed) {
        assert!(is_packed(p.bytes) && !is_packed(j.bytes));
        assert!(p.bytes.len() < j.bytes.len(), "{}", j.name);
        let full = load(std::slice::from_ref(j));
        assert!(passes(&full), "{}", j.name);
        let fast = load_packed(std::slice::from_ref(p));
        assert_same(&full, &fast.expect("its packed copy reads"), j.name);
    }
    let full = load(&from_json);
    assert!(full.data.observations.len() > 8000);
    let fast = load_packed(&from_packed).expect("the packed copies read");
    assert_same(&full, &fast, "all");
    // The JSON is the validator's to read: a mix is declined, not misread.
    let mut mixed = from_packed.clone();
    mixed[0] = from_json[0];
    assert!(load_packed(&mixed).is_none());
}

#[test]
fn a_packed_copy_cut_short_grown_or_wrong_is_declined() {
    let json = std::fs::read(common::data_dir().join("tay-ninh.json")).unwrap();
    let packed = pack(&json).unwrap();
    let read = |bytes: &[u8]| {
        let input = Input {
            name: "tay-ninh.json",
            bytes,
            sha256: None,
        };
        load_packed(&[input]).is_some()
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
    // Packed without complaint (packing reads only the figures), declined when read.
    let declined = |text: &str| {
        let Some(packed) = pack(text.as_bytes()) else {
            return true;
        };
        let input = Input {
            name: "x.json",
            bytes: &packed,
            sha256: None,
        };
        load_packed(&[input]).is_none()
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
    // A unit declared twice, differently: the validator's own reading of the file's facts.
    let twice = r#"{ "format": "chiso-metrics/1", "units": [
        { "id": "x", "name": "X", "level": "province" }, { "id": "x", "name": "Y", "level": "agency" } ] }"#;
    assert!(declined(twice));
    assert!(!declined(&obs(
        r#"{ "unit": "tay-ninh", "indicator": "pci.score", "period": "2019", "value": 67.05 }"#
    )));
}
