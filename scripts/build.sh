#!/usr/bin/env bash
# Release build of the dashboard into dist/, with the post-build step and the size report.
set -euo pipefail
cd "$(dirname "$0")/.."
# serve.sh and test.sh have set up already; run on its own, this sets up.
[ -n "${CHISO_SETUP_DONE:-}" ] || source scripts/setup.sh "$@"
say "building the dashboard (release)"
trunk build --release --offline
node scripts/postbuild.mjs dist
