// After `trunk build`: moves Trunk's inline module loader into a file of its own, so the page
// runs under a strict Content-Security-Policy (no 'unsafe-inline'), then prints the sizes of
// what the build produced, raw, gzip and brotli.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (match) {
  const code = match[1].trim() + "\n";
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const name = `boot-${hash}.js`;
  writeFileSync(join(dist, name), code);
  const integrity = "sha384-" + createHash("sha384").update(code).digest("base64");
  html = html.replace(inline, `<script type="module" src="./${name}" integrity="${integrity}" crossorigin="anonymous"></script>`);
  writeFileSync(indexPath, html);
} else if (!/<script type="module" src="\.\/boot-/.test(html)) {
  console.error("postbuild: no inline loader found in index.html; did Trunk change its output?");
  process.exit(1);
}
if (/(?:src|href)="\/(?!\/)/.test(html)) {
  console.error("postbuild: index.html still has absolute paths; the build must use public_url = \"./\"");
  process.exit(1);
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KiB";
const rows = readdirSync(dist)
  .filter((f) => /\.(wasm|js|css|html)$/.test(f) && statSync(join(dist, f)).isFile())
  .sort();
let total = [0, 0, 0];
console.log("size of the build            raw          gzip        brotli");
for (const f of rows) {
  const bytes = readFileSync(join(dist, f));
  const sizes = [
    bytes.length,
    gzipSync(bytes, { level: 9 }).length,
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  ];
  total = total.map((t, i) => t + sizes[i]);
  const label = f.replace(/-[0-9a-f]{8,}(?=[._])/, "");
  console.log(`  ${label.padEnd(24)} ${sizes.map(kb).join("  ")}`);
}
console.log(`  ${"total".padEnd(24)} ${total.map(kb).join("  ")}`);
