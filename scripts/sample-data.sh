#!/usr/bin/env bash
# Regenerates the illustrative sample and the manifest of public/data with every file's sha256.
# The seed files (tay-ninh, bac-kan, tien-giang-kcn) are written by hand from the cited reports;
# pci.json holds the PCI figures VCCI published, each citing its table (docs/sources/index-components.md).
set -euo pipefail
cd "$(dirname "$0")/.."
data=public/data
cargo run --quiet --release -p chiso-cli -- generate --units 4 --quarters 32 --start 2018 --agencies 0 -o "$data/minh-hoa.json"
files=(tay-ninh.json bac-kan.json tien-giang-kcn.json pci.json minh-hoa.json)
{
  printf '{\n  "format": "chiso-manifest/1",\n  "files": [\n'
  for i in "${!files[@]}"; do
    sum=$(sha256sum "$data/${files[$i]}" | cut -d' ' -f1)
    sep=$([ "$i" -lt $((${#files[@]} - 1)) ] && echo "," || true)
    printf '    { "path": "%s", "sha256": "%s" }%s\n' "${files[$i]}" "$sum" "$sep"
  done
  printf '  ]\n}\n'
} > "$data/manifest.json"
echo "wrote $data/manifest.json"
