#!/usr/bin/env bash
# Fuzzes the pipeline (raw bytes as manifest or metric file, every view drawn), the CSV import
# and the reader alone (the validator on the bytes, the fast path on their packed copy) with
# libFuzzer: `scripts/fuzz.sh [SECONDS] [TARGET...]` runs each target (default: all three) for
# SECONDS (default 30). With FUZZ_RUNS=N it runs N inputs instead, spread over FUZZ_JOBS
# processes (default 2), and prints each one's count and speed.
# The reader's inputs are kept to 8 KiB, so that it runs tens of thousands a second; the sample's
# large files reach it through the corpus replay instead.
# Needs a nightly toolchain; without one it says so and skips. It uses cargo-fuzz, installing it
# when missing; FUZZ_NO_INSTALL=1 builds with the flags cargo-fuzz passes instead. New inputs go
# to fuzz/corpus/, crashes to fuzz/artifacts/; `cargo test -p chiso-core --test fuzz_corpus`
# replays both on stable.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-30}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pipeline import_csv reader)

# The release wasm's pinned nightly (scripts/setup.sh installs it).
nightly="$(cd .. && cargo run --quiet --locked --profile tool -p chiso-build -- toolchain)"
if ! cargo +"$nightly" --version >/dev/null 2>&1; then
  echo "fuzz: skipped, no $nightly toolchain (scripts/setup.sh installs it)"
  exit 0
fi
host="$(rustc +"$nightly" -vV | sed -n 's/^host: //p')"
if ! cargo +"$nightly" fuzz --version >/dev/null 2>&1 && [ "${FUZZ_NO_INSTALL:-0}" != 1 ]; then
  cargo +"$nightly" install cargo-fuzz --locked
fi

for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  flags=(-rss_limit_mb=2048 -artifact_prefix="artifacts/$t/")
  [ "$t" = reader ] && flags+=(-max_len=8192)
  if cargo +"$nightly" fuzz --version >/dev/null 2>&1; then
    cargo +"$nightly" fuzz build --release "$t" >/dev/null
  else
    # What `cargo fuzz build` does: coverage counters and comparisons for libFuzzer.
    RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
      -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
      -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
      cargo +"$nightly" build --release --quiet --target "$host" --bin "$t"
  fi
  bin="target/$host/release/$t"
  if [ -n "${FUZZ_RUNS:-}" ]; then
    jobs="${FUZZ_JOBS:-2}"
    echo "fuzz: $t for $FUZZ_RUNS inputs on $jobs processes"
    pids=()
    for j in $(seq "$jobs"); do
      # Each process its share; a crash stops the one that found it and is kept in artifacts/.
      ("$bin" "corpus/$t" "seeds/$t" -runs=$((FUZZ_RUNS / jobs)) "${flags[@]}" 2>&1 |
        grep -E '^Done|ERROR|panicked' | sed "s/^/fuzz: $t #$j: /") &
      pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p"; done
  else
    echo "fuzz: $t for ${seconds}s"
    "$bin" "corpus/$t" "seeds/$t" -max_total_time="$seconds" "${flags[@]}" 2>&1 | tail -n 3
  fi
done
