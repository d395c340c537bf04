//! Raw bytes through the whole pipeline: as the first document (manifest or metric file) and
//! as a file opened beside the samples; every view's charts drawn and read back.
#![no_main]

#[path = "../../crates/chiso-core/tests/pipeline/mod.rs"]
mod pipeline;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    pipeline::exercise(&pipeline::first_document(bytes));
    pipeline::exercise(&pipeline::beside_samples(bytes));
});
