#!/usr/bin/env bash
# Installs and fetches everything building and testing Chỉ số needs, skipping whatever is
# already there, so that the build itself then runs offline: the toolchain of rust-toolchain.toml
# (with clippy, rustfmt and the wasm32 target), Trunk 0.21.14, the npm tools (wasm-opt 132 from
# binaryen, a Chromium driver, the benchmark's peer), then `chiso-build setup`: the release wasm's
# pinned nightly with the standard library's sources and their dependencies, and every crate of
# the workspace. With `--browser`, Debian's chromium and chromium-driver. Sourced once per run,
# by serve.sh, test.sh or bench.sh (the exported CHISO_SETUP_DONE tells the others).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
need_browser=0
for arg in "$@"; do
  [ "$arg" = "--browser" ] && need_browser=1
done

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
export -f say

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH"

# rust-toolchain.toml names the toolchain, its components and targets; rustup (1.28 or later)
# installs what is missing of them.
say "the toolchain of rust-toolchain.toml"
rustup toolchain install

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ]; then
  if ! command -v npm >/dev/null; then
    say "installing Node.js and npm"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  fi
  say "installing npm tools (binaryen, playwright-core, the benchmark's peer)"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "the release toolchain and every crate (chiso-build setup)"
cargo run --quiet --locked --profile tool -p chiso-build -- setup

if [ "$need_browser" = 1 ] && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
  say "installing Debian's chromium and chromium-driver"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

export CHISO_SETUP_DONE=1
