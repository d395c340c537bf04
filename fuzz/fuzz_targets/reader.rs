//! The reader alone, as fast as libFuzzer can feed it: the validator and the fast path on the
//! same bytes, which must build the same model wherever the validator passes them.
#![no_main]

#[path = "../../crates/chiso-core/tests/pipeline/mod.rs"]
mod pipeline;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    pipeline::readers_agree(bytes);
});
