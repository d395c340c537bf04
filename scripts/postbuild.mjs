// After `trunk build`: moves Trunk's inline module loader into a file of its own, so the page
// runs under a strict Content-Security-Policy (no 'unsafe-inline'), gives the shell's script the
// bundled data files to fetch ahead, fills the service worker with the build's file list and version
// (also written into index.html), writes the single-file offline build, then prints the sizes of
// what the build produced, raw, gzip and brotli.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync, renameSync } from "node:fs";
import { join, sep } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const indexPath = join(dist, "index.html");
let html = readFileSync(indexPath, "utf8");

const sri = (code) => "sha384-" + createHash("sha384").update(code).digest("base64");
const hash16 = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
/** Writes `code` as `<stem>-<hash>.js` and returns that name. */
const writeHashed = (stem, code) => {
  const name = `${stem}-${hash16(code)}.js`;
  writeFileSync(join(dist, name), code);
  return name;
};
const find = (re) => readdirSync(dist).find((f) => re.test(f));

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (match) {
  const code = match[1].trim() + "\n";
  const name = writeHashed("boot", code);
  html = html.replace(inline, `<script type="module" src="./${name}" integrity="${sri(code)}" crossorigin="anonymous"></script>`);
  writeFileSync(indexPath, html);
} else if (!/<script type="module" src="\.\/boot-/.test(html)) {
  console.error("postbuild: no inline loader found in index.html; did Trunk change its output?");
  process.exit(1);
}

// The wasm modules scripts/split.sh cut out (src/split.rs): each under a name of its content, and
// their loader too, which the glue imports. The dashboard's module and the shared ones it needs
// are fetched by the shell's script from the start (an embed needs none); the rest on first use.
const glueName = find(/^chiso-web-[0-9a-f]+\.js$/);
let loader = readFileSync(join(dist, "__wasm_split.js"), "utf8");
const loads = [...loader.matchAll(
  /^(?:export )?const (\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)", import\.meta\.url\)\);[\s\S]*?^\}\n, \[([^\]]*)\]\)/gm,
)].map(([, name, file, deps]) => ({ name, file, deps: deps.split(",").map((d) => d.trim()).filter(Boolean) }));
const partName = {};
for (const { file } of loads) {
  const bytes = readFileSync(join(dist, file));
  const name = `part-${file.replace(/^split_|\.wasm$/g, "").replace(/_/g, "-")}-${hash16(bytes)}.wasm`;
  renameSync(join(dist, file), join(dist, name));
  loader = loader.replaceAll(`"./${file}"`, `"./${name}"`);
  partName[file] = name;
}
const dashboardLoad = loads.find((l) => l.name === "__wasm_split_load_dashboard");
if (!dashboardLoad || !glueName) {
  console.error("postbuild: the split loader has no dashboard module; did wasm-split's output change?");
  process.exit(1);
}
const early = [dashboardLoad, ...dashboardLoad.deps.map((d) => loads.find((l) => l.name === d))]
  .map((l) => `./${partName[l.file]}`);
unlinkSync(join(dist, "__wasm_split.js"));
const loaderName = writeHashed("parts", loader);
{
  const glue = readFileSync(join(dist, glueName), "utf8");
  if (!glue.includes('from "./__wasm_split.js"')) {
    console.error("postbuild: the glue does not import the split loader");
    process.exit(1);
  }
  writeFileSync(join(dist, glueName), glue.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`));
}
// Trunk's integrity for the glue and the wasm it preloads: their contents changed since.
html = html.replace(
  /(href="\.\/(chiso-web-[0-9a-f]+(?:\.js|_bg\.wasm))"[^>]*integrity=")[^"]*"/g,
  (_, head, file) => `${head}${sri(readFileSync(join(dist, file)))}"`,
);
writeFileSync(indexPath, html);

if (/(?:src|href)="\/(?!\/)/.test(html)) {
  console.error("postbuild: index.html still has absolute paths; the build must use public_url = \"./\"");
  process.exit(1);
}

// The bundled data: the manifest and the files it lists at this address (not those elsewhere).
const manifest = JSON.parse(readFileSync(join(dist, "data/manifest.json"), "utf8"));
const bundled = manifest.files.filter((f) => f.path && !/^[a-z]+:/i.test(f.path));
const dataFiles = ["data/manifest.json", ...bundled.map((f) => `data/${f.path}`)];

// The shell's script (public/shell.js) with the data files to start fetching: under a name of its
// content, with its integrity, like the loader. The offline build inlines it with none to fetch.
const preloadLine = /^const PRELOAD = \[.*\]; \/\/ filled by postbuild$/m;
const shellTag = /<script src="\.\/(shell(?:-[0-9a-f]{16})?\.js)"[^>]*><\/script>/;
const shellName = html.match(shellTag)?.[1];
const shellSource = shellName && readFileSync(join(dist, shellName), "utf8");
if (!shellSource || !preloadLine.test(shellSource)) {
  console.error("postbuild: index.html does not load shell.js, or it has no PRELOAD line to fill");
  process.exit(1);
}
const partsLine = /^const PARTS = \[.*\]; \/\/ filled by postbuild$/m;
if (!partsLine.test(shellSource)) {
  console.error("postbuild: shell.js has no PARTS line to fill");
  process.exit(1);
}
const shellWith = (files, parts) =>
  shellSource
    .replace(preloadLine, `const PRELOAD = ${JSON.stringify(files)}; // filled by postbuild`)
    .replace(partsLine, `const PARTS = ${JSON.stringify(parts)}; // filled by postbuild`);
if (shellName === "shell.js") {
  const code = shellWith(dataFiles, early);
  const name = writeHashed("shell", code);
  unlinkSync(join(dist, shellName));
  html = html.replace(shellTag, `<script src="./${name}" integrity="${sri(code)}"></script>`);
  writeFileSync(indexPath, html);
}

// Files only some visits load: the import worker (on a user's first import) and embed.js (by
// portals' pages). The service worker does not precache them, and the size report counts them
// apart, so that a reader who never imports pays nothing for them.
const onDemand = /^(chiso-import-worker|import-worker\.js|embed\.js)/;

// The service worker's precache: every app file but those on demand, and the bundled data files as
// the first last good copies. The version is a hash of every app file's name and contents, so a
// build that changes any of them installs as a new version; index.html says it too.
{
  const walk = (dir) =>
    readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name).split(sep).join("/")],
    );
  const notApp = /^(sw\.js|chiso-offline\.html|data\/.*)$/;
  const all = walk(".").filter((f) => !notApp.test(f)).sort();
  const app = all.filter((f) => !onDemand.test(f));
  const hash = createHash("sha256");
  for (const f of all) hash.update(f + "\0").update(readFileSync(join(dist, f))).update("\0");
  const version = hash.digest("hex").slice(0, 16);
  const data = dataFiles;
  const swPath = join(dist, "sw.js");
  const template = /^const BUILD = \{[^\n]*\}; \/\/ filled by postbuild$/m;
  const sw = readFileSync(swPath, "utf8");
  if (!template.test(sw)) {
    console.error("postbuild: sw.js has no BUILD line to fill");
    process.exit(1);
  }
  const build = JSON.stringify({ version, app, data });
  writeFileSync(swPath, sw.replace(template, `const BUILD = ${build}; // filled by postbuild`));
  html = html.replace("</head>", `<meta name="chiso-build" content="${version}" />\n</head>`);
  writeFileSync(indexPath, html);
  console.log(`service worker: build ${version}, ${app.length} app files precached (${all.length - app.length} on demand), ${data.length} data files`);
}

// The offline demo: one HTML file that works from a USB stick by double-click. Browsers block
// fetch() and module scripts on file://, so everything is inline: the CSS, the JS glue and the
// parts' loader as one classic script, the wasm and its parts as base64 (compiled
// asynchronously), and the sample data as JSON script elements that the app reads instead of
// fetching.
{
  const wasmName = find(/^chiso-web-[0-9a-f]+_bg\.wasm$/);
  const cssName = find(/^style-[0-9a-f]+\.css$/);
  const classic = (code) =>
    code
      .replace(/^export (class|function|async function|const|let) /gm, "$1 ")
      .replace(/^export \{[^}]*\};?[ \t]*$/gm, "")
      .replace(/import\.meta\.url/g, "document.baseURI");
  // The glue imports the loader as namespaces; here they are an object of the loader's exports,
  // which take their modules from the page instead of the network.
  const source = readFileSync(join(dist, glueName), "utf8");
  const namespace = /^import \* as (\w+) from "\.\/parts-[0-9a-f]+\.js";?$/gm;
  const names = [...source.matchAll(namespace)].map((m) => m[1]);
  const exported = [...loader.matchAll(/^export const (\w+)/gm)].map((m) => m[1]);
  let glue = classic(source.replace(namespace, ""));
  const parts = classic(loader.replace(/^import \{ initSync \} from "[^"]+";$/m, "")).replace(
    /fetch\(new URL\("\.\/([^"]+)", document\.baseURI\)\)/g,
    (_, file) => `part(${JSON.stringify(file)})`,
  );
  if (!names.length || /^\s*(import|export)\b/m.test(glue + parts) || /fetch\(/.test(parts) || !/function __wbg_init\b|async function __wbg_init\b/.test(glue)) {
    console.error("postbuild: the wasm-bindgen glue or the parts' loader changed shape; the offline build needs updating");
    process.exit(1);
  }
  const inlined = Object.fromEntries(Object.values(partName).map((f) => [f, readFileSync(join(dist, f)).toString("base64")]));
  glue += `
const PARTS = ${JSON.stringify(inlined)};
const part = (file) => Promise.resolve(new Response(decode(PARTS[file]), { headers: { "content-type": "application/wasm" } }));
${parts}
const splitLoader = { ${exported.join(", ")} };
const ${names.map((n) => `${n} = splitLoader`).join(", ")};
`;
  const wasm = readFileSync(join(dist, wasmName)).toString("base64");
  // The same static shell as index.html's, shown while the wasm is decoded and compiled.
  const shell = html.match(/<div id="shell">[\s\S]*<\/div>(?=\s*<\/body>)/)?.[0];
  if (!shell) {
    console.error("postbuild: index.html has no shell (<div id=\"shell\"> last in the body)");
    process.exit(1);
  }
  // "</" inside a script element would end it; "<\/" is the same JSON string.
  const embed = (text) => text.replace(/<\//g, "<\\/");
  const attr = (v) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const files = bundled
    .map((f) => {
      const text = readFileSync(join(dist, "data", f.path), "utf8");
      const sha = f.sha256 ? ` data-sha256="${attr(f.sha256)}"` : "";
      return `<script type="application/json" data-chiso-file="${attr(f.path)}"${sha}>${embed(text)}</script>`;
    })
    .join("\n");
  const page = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Chỉ số</title>
<style>${readFileSync(join(dist, cssName), "utf8")}</style>
<script>
${shellWith([], [])}</script>
</head>
<body>
<noscript>Chỉ số cần JavaScript và WebAssembly. / Chỉ số needs JavaScript and WebAssembly.</noscript>
${shell}
${files}
<script>
(function () {
function decode(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
${glue}
__wbg_init({ module_or_path: decode("${wasm}") });
})();
</script>
</body>
</html>
`;
  writeFileSync(join(dist, "chiso-offline.html"), page);
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KiB";
const sizes = (bytes) => [
  bytes.length,
  gzipSync(bytes, { level: 9 }).length,
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
];
const files = readdirSync(dist)
  .filter((f) => /\.(wasm|js|css|html)$/.test(f) && statSync(join(dist, f)).isFile())
  .filter((f) => f !== "chiso-offline.html")
  .sort();
const row = (label, s, note = "") => console.log(`  ${label.padEnd(28)} ${s.map(kb).join("  ")}${note}`);
const sum = (list) => list.map((f) => sizes(readFileSync(join(dist, f)))).reduce((t, s) => t.map((v, i) => v + s[i]), [0, 0, 0]);
// What a first visit to the dashboard fetches before its first chart; an embed, the same but the
// dashboard's modules; the later parts as they are shown.
const later = Object.values(partName).filter((f) => !early.includes(`./${f}`));
const first = files.filter((f) => !onDemand.test(f) && !later.includes(f));
console.log("size of the build                raw          gzip        brotli");
for (const f of first) row(f.replace(/-[0-9a-f]{8,}(?=[._])/, ""), sizes(readFileSync(join(dist, f))));
row("total (the dashboard)", sum(first));
row("total (an embed)", sum(first.filter((f) => !early.includes(`./${f}`))));
for (const f of later) row(f.replace(/-[0-9a-f]{8,}(?=[._])/, ""), sizes(readFileSync(join(dist, f))), "  (when shown)");
for (const f of files.filter((f) => onDemand.test(f))) row(f, sizes(readFileSync(join(dist, f))), "  (on demand)");
row("chiso-offline.html", sizes(readFileSync(join(dist, "chiso-offline.html"))), "  (single file: app and sample data)");
