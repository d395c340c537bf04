#!/usr/bin/env bash
# Runs every test: formatting and lints, the native tests (core, CLI, charts drawn to SVG, the
# property tests), ten seconds of each fuzz target, the release build with its size report, the
# parse benchmark, and the browser tests in headless Chromium against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --browser

say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy (native and wasm)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p chiso-web --target wasm32-unknown-unknown -- -D warnings
say "native tests"
cargo test --workspace
say "fuzzing, short form (on the pinned nightly; scripts/fuzz.sh runs longer)"
FUZZ_NO_INSTALL=1 scripts/fuzz.sh 10
say "release build (trunk build --release)"
trunk build --release
say "parse + validate benchmark and loading memory (figures, not a pass/fail)"
cargo bench -p chiso-core --bench parse
cargo bench -p chiso-core --bench memory
say "benchmark against the Chart.js page, short form (figures, not a pass/fail)"
scripts/bench.sh --quick
say "schema and browser tests (headless Chromium)"
# The import test compares the dashboard's download with what this binary writes.
cargo build -p chiso-cli
# Every browser test file: a new one runs without being listed here.
node --test --test-concurrency=1 --test-timeout=300000 tests/schema.test.mjs tests/e2e/*.test.mjs
