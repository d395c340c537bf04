#!/usr/bin/env bash
# Builds the dashboard (release) with its sample data and serves it on http://127.0.0.1:${PORT:-8080}/.
# To work on the code, `trunk serve` instead: a debug build, rebuilt and reloaded on every change.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
say "building the dashboard (trunk build --release)"
trunk build --release
port="${PORT:-8080}"
say "serving dist/ on http://127.0.0.1:$port/ (Ctrl-C stops)"
exec node scripts/static-server.mjs dist "$port"
