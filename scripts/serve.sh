#!/usr/bin/env bash
# Builds the dashboard with its sample data and serves it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
scripts/build.sh
port="${PORT:-8080}"
say "serving dist/ on http://127.0.0.1:$port/ (Ctrl-C stops)"
exec node scripts/static-server.mjs dist "$port"
