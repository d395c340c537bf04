#!/usr/bin/env bash
# Cuts the dashboard's wasm into the module every page loads and the parts fetched later (the
# functions marked `#[wasm_split]`, src/split.rs), then runs wasm-bindgen and wasm-opt over them in
# place of Trunk's output in dist/. Trunk 0.21 has no step for it: it binds the whole wasm, which
# this replaces under the same names. The wasm must be linked with `--emit-relocs` (build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/chiso-web.wasm"
glue=$(cd "$dist" && ls chiso-web-*.js)
stem="${glue%.js}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-split-cli "$wasm" "$work" --out-name "$stem"
# The parts take the function table from the main module: wasm-bindgen must keep it exported.
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$work/bound" --out-name "$stem" "$work/$stem.wasm"
# The same optimisation Trunk would run on the whole (index.html's data-wasm-opt-params).
shopt -s nullglob
for f in "$work/bound/${stem}_bg.wasm" "$work"/split_*.wasm "$work"/chunk_*.wasm; do
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$f" -o "$dist/$(basename "$f")"
done
cp "$work/bound/$stem.js" "$work/__wasm_split.js" "$dist/"
