#!/usr/bin/env bash
# Installs what building and testing Chỉ số needs, skipping whatever is already there:
# the wasm32 target, clippy and rustfmt, a pinned nightly for the release wasm, Trunk 0.21.14,
# wasm-bindgen-cli of the version in Cargo.lock, the wasm splitter, the npm tools (wasm-opt from
# binaryen, a Chromium driver), and with `--browser` Debian's chromium and chromium-driver. Sourced once per
# run: by serve.sh or test.sh, or by build.sh when run on its own (the exported CHISO_SETUP_DONE
# tells it the run has done it).
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

# The post-build splitter that cuts the wasm into parts fetched when needed (scripts/split.sh).
SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; then
  say "installing wasm-split-cli $SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$SPLIT_VERSION" --features build-binary
fi

# The release wasm is built on a pinned nightly that rebuilds std with panics that abort at
# once: no panic messages, locations or formatting machinery in the page (about a tenth of the
# wasm). Stable builds the same app, larger; the size report says which was used.
WASM_NIGHTLY=nightly-2026-05-20
WASM_NIGHTLY_RUSTC="rustc 1.97.0-nightly (e50aa6fba 2026-05-19)"
export CHISO_WASM_TOOLCHAIN=""
for candidate in nightly "$WASM_NIGHTLY"; do
  if [ "$(rustc +"$candidate" -V 2>/dev/null)" = "$WASM_NIGHTLY_RUSTC" ]; then
    CHISO_WASM_TOOLCHAIN="$candidate"
    break
  fi
done
if [ -z "$CHISO_WASM_TOOLCHAIN" ]; then
  say "installing $WASM_NIGHTLY for the release wasm"
  if rustup toolchain install "$WASM_NIGHTLY" --profile minimal; then
    CHISO_WASM_TOOLCHAIN="$WASM_NIGHTLY"
  else
    say "warning: no $WASM_NIGHTLY; the release wasm is built on stable and is larger"
  fi
fi
if [ -n "$CHISO_WASM_TOOLCHAIN" ]; then
  installed="$(rustup +"$CHISO_WASM_TOOLCHAIN" component list --installed)"
  grep -q '^rust-src' <<<"$installed" || rustup +"$CHISO_WASM_TOOLCHAIN" component add rust-src
  grep -q '^rust-std-wasm32-unknown-unknown' <<<"$installed" ||
    rustup +"$CHISO_WASM_TOOLCHAIN" target add wasm32-unknown-unknown
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
