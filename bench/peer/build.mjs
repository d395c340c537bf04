// Builds the peer page into bench/peer/dist/: Chart.js tree-shaken and bundled with the page's
// code and styles by esbuild (minified, content-hashed names), and index.html pointing at them.
// The data is not copied: the benchmark serves the dashboard's own data/ next to both pages.
import { build } from "esbuild";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";

const here = import.meta.dirname;
const out = join(here, "dist");
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const result = await build({
  entryPoints: [join(here, "src/main.js"), join(here, "style.css")],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  entryNames: "[name]-[hash]",
  outdir: out,
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
});
const outputs = Object.keys(result.metafile.outputs).map((f) => basename(f));
const script = outputs.find((f) => f.endsWith(".js"));
const style = outputs.find((f) => f.endsWith(".css"));
const html = (await readFile(join(here, "index.html"), "utf8")).replace("./SCRIPT", `./${script}`).replace("./STYLE", `./${style}`);
await writeFile(join(out, "index.html"), html);
await copyFile(join(here, "../../public/favicon.svg"), join(out, "favicon.svg"));
for (const f of outputs) console.log(`peer: ${f} ${result.metafile.outputs[Object.keys(result.metafile.outputs).find((k) => k.endsWith(f))].bytes} bytes`);
