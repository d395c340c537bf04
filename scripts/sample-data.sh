#!/usr/bin/env bash
# Regenerates the illustrative sample and the manifest of public/data with every file's sha256.
# The seed files (tay-ninh, bac-kan, tien-giang-kcn) are written by hand from the cited reports;
# pci.json holds the PCI figures VCCI published, each citing its table (docs/sources/index-components.md).
set -euo pipefail
cd "$(dirname "$0")/.."
data=public/data
cargo run --quiet --release -p chiso-cli -- generate --units 4 --quarters 32 --start 2018 --agencies 0 -o "$data/minh-hoa.json"
# The manifest lists the files in this order, each with its sha256 and, validated together, the
# proof that it passed.
files=(tay-ninh.json bac-kan.json tien-giang-kcn.json pci.json minh-hoa.json)
printf '{ "format": "chiso-manifest/1", "files": [%s] }\n' \
  "$(printf '{ "path": "%s" },' "${files[@]}" | sed 's/,$//')" > "$data/manifest.json"
cargo run --quiet --release -p chiso-cli -- manifest "$data"
