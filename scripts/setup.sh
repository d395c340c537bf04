#!/usr/bin/env bash
# Installs what building and testing Chỉ số needs, skipping whatever is already there:
# the wasm32 target, clippy and rustfmt, Trunk 0.21.14, wasm-bindgen-cli of the version in
# Cargo.lock, the npm tools (wasm-opt from binaryen, a Chromium driver), and with `--browser`
# Debian's chromium and chromium-driver. Sourced once per run: by serve.sh or test.sh, or by
# build.sh when run on its own (the exported CHISO_SETUP_DONE tells it the run has done it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
need_browser=0
for arg in "$@"; do
  [ "$arg" = "--browser" ] && need_browser=1
done

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
export -f say

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# Trunk runs offline and takes wasm-bindgen from PATH: it must match Cargo.lock exactly.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "setup: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version$"; then
  say "installing wasm-bindgen-cli $bindgen_version"
  # --locked fails for this crate (a locked dependency is yanked); the plain install works.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  echo "setup: Trunk.toml's wasm_bindgen does not match Cargo.lock ($bindgen_version)" >&2
  exit 1
fi

# wasm-opt 132 from npm: Debian's older binaryen breaks current wasm-bindgen output.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ]; then
  if ! command -v npm >/dev/null; then
    say "installing Node.js and npm"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  fi
  say "installing npm tools (binaryen, playwright-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$need_browser" = 1 ] && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
  say "installing Debian's chromium and chromium-driver"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

export CHISO_SETUP_DONE=1
