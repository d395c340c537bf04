#!/usr/bin/env bash
# Proves that the README's two commands work on a fresh machine: a clean clone with no dist/ or
# target/, an empty CARGO_HOME (toolchains stay shared through RUSTUP_HOME, so none is downloaded
# again), an empty npm cache, and no tool installed by cargo or npm on PATH. It runs
# scripts/serve.sh until the page answers, then scripts/test.sh, and prints how long each took.
# Slow (everything is installed and built from nothing): run it after changing the build or the
# setup; it is not part of the test command.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
serve_pid=""
cleanup() {
  [ -z "$serve_pid" ] || kill -- "-$serve_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/chiso"
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
# Where cargo installs tools today, and where the proxies live: both leave PATH.
installed_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
proxies_bin="$(dirname "$(command -v cargo)")"
export CARGO_HOME="$work/cargo"
export npm_config_cache="$work/npm"
unset CARGO_TARGET_DIR
# Only rustup's proxies from the usual cargo home; whatever cargo installed there stays out of reach.
mkdir -p "$work/rustup-bin" "$CARGO_HOME"
for tool in cargo rustc rustup rustdoc rustfmt cargo-fmt cargo-clippy clippy-driver; do
  ln -s "$(command -v "$tool")" "$work/rustup-bin/$tool"
done
PATH="$work/rustup-bin:$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -x -F -e "$installed_bin" -e "$proxies_bin" | grep -v node_modules | paste -sd:)"
export PATH
cd "$work/chiso"

port=18080
start=$(date +%s)
setsid env PORT=$port scripts/serve.sh > "$work/serve.log" 2>&1 &
serve_pid=$!
until curl -sf "http://127.0.0.1:$port/" | grep -q 'name="chiso-build"'; do
  if ! kill -0 "$serve_pid" 2>/dev/null; then
    tail -n 30 "$work/serve.log"
    echo "fresh-check: scripts/serve.sh failed" >&2
    exit 1
  fi
  sleep 5
done
serve_time=$(($(date +%s) - start))
kill -- "-$serve_pid"
serve_pid=""
echo "fresh-check: scripts/serve.sh served the dashboard after $((serve_time / 60)) min $((serve_time % 60)) s"

# Then the tests, as a newcomer runs them next, in the same clone.
start=$(date +%s)
if ! scripts/test.sh > "$work/test.log" 2>&1; then
  tail -n 60 "$work/test.log"
  echo "fresh-check: scripts/test.sh failed" >&2
  exit 1
fi
test_time=$(($(date +%s) - start))
grep -E '^# (pass|fail)' "$work/test.log" || true
echo "fresh-check: scripts/serve.sh $((serve_time / 60)) min $((serve_time % 60)) s; scripts/test.sh $((test_time / 60)) min $((test_time % 60)) s"
