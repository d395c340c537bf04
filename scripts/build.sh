#!/usr/bin/env bash
# Release build of the dashboard into dist/, with the post-build step and the size report.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh "$@"
say "building the dashboard (release)"
trunk build --release --offline
node scripts/postbuild.mjs dist
