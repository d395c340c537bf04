//! Raw bytes as a CSV file to import: what the import writes must load without error.
#![no_main]

#[path = "../../crates/chiso-core/tests/pipeline/mod.rs"]
mod pipeline;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    pipeline::import_csv(bytes);
});
