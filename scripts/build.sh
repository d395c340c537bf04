#!/usr/bin/env bash
# Release build of the dashboard into dist/, with the post-build step and the size report.
set -euo pipefail
cd "$(dirname "$0")/.."
# serve.sh and test.sh have set up already; run on its own, this sets up.
[ -n "${CHISO_SETUP_DONE:-}" ] || source scripts/setup.sh "$@"
say "building the dashboard (release)"
if [ -n "${CHISO_WASM_TOOLCHAIN:-}" ]; then
  # std rebuilt with panics that abort at once: the page carries no panic messages, source
  # locations or the formatting they need. The flags of .cargo/config.toml are repeated here
  # because these replace them.
  RUSTUP_TOOLCHAIN="$CHISO_WASM_TOOLCHAIN" \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort" \
    trunk build --release --offline
else
  trunk build --release --offline
fi
scripts/split.sh dist
node scripts/postbuild.mjs dist
