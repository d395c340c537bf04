#!/usr/bin/env bash
# The benchmark against a Chart.js page: builds the dashboard (release) and the peer page in
# bench/peer/, generates the national-size file, measures both side by side in headless
# Chromium (bench/run.mjs) and writes bench/report.md. Figures only: timing never fails it,
# a page that breaks does.
#   --quick    one run, one profile, the sample standing in for the national file, and the
#              dist/ already built when there is one: the short form scripts/test.sh runs
#   --runs N   cold loads per figure (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -n "${CHISO_SETUP_DONE:-}" ] || source scripts/setup.sh --browser

quick=0
for arg in "$@"; do
  [ "$arg" = "--quick" ] && quick=1
done

if [ ! -d node_modules/esbuild ] || [ ! -d node_modules/chart.js ]; then
  say "installing npm tools (esbuild, Chart.js)"
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ "$quick" = 0 ] || [ ! -f dist/index.html ]; then
  trunk build --release
fi
say "building the peer page (Chart.js 4 + esbuild)"
node bench/peer/build.mjs
if [ "$quick" = 0 ]; then
  say "generating the national file (34 units, 40 quarters) and publishing it with its manifest"
  rm -rf bench/out/extra/national && mkdir -p bench/out/extra/national
  cargo run --quiet --release -p chiso-cli -- generate --units 34 --quarters 40 -o bench/out/extra/national/national.json
  cargo run --quiet --release -p chiso-cli -- manifest bench/out/extra/national >/dev/null
  # The sample as published, then with 10 and 100 times as many files: the sample's five, and
  # one more unit per file (two years of quarters each), listed after them.
  say "generating publications of 5, 50 and 500 files"
  chiso=target/release/chiso
  for times in 1 10 100; do
    dir=bench/out/extra/files-$times
    rm -rf "$dir" && mkdir -p "$dir"
    listed=(tay-ninh.json bac-kan.json tien-giang-kcn.json pci.json minh-hoa.json)
    cp "${listed[@]/#/public/data/}" "$dir/"
    for ((k = 0; k < 5 * times - 5; k++)); do
      "$chiso" generate --units 1 --skip $((40 + k)) --quarters 8 --start 2024 --agencies 0 \
        -o "$dir/don-vi-$((41 + k)).json" 2>/dev/null
      listed+=("don-vi-$((41 + k)).json")
    done
    printf '{ "format": "chiso-manifest/1", "files": [%s] }\n' \
      "$(printf '{ "path": "%s" },' "${listed[@]}" | sed 's/,$//')" > "$dir/manifest.json"
    "$chiso" manifest "$dir" >/dev/null
  done
fi
say "measuring (headless Chromium)"
node bench/run.mjs "$@"
