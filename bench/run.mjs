// The benchmark: Chỉ số (dist/) against the Chart.js peer page (bench/peer/dist/), both served
// compressed from loopback and loaded in headless Chromium over the DevTools protocol, cold
// loads alternating between the two. Prints medians and ours ÷ peer, and writes a report.
// Usage: node bench/run.mjs [--quick] [--runs N]   (scripts/bench.sh builds both first)
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { dist, launch, root } from "../scripts/lib/harness.mjs";
import { serve, warm } from "../scripts/lib/server.mjs";
import { INSTRUMENT, SLOW_4G, TABLET, measureLoad, measureRedraws } from "./measure.mjs";
import { report } from "./report.mjs";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const runs = quick ? 1 : Math.max(1, Number(args[args.indexOf("--runs") + 1]) || 7);
// `--only national`: the measurements whose key starts so, reported beside the full report.
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const wanted = (key) => !only || key.startsWith(only);
const peerDist = join(root, "bench/peer/dist");
const out = join(root, "bench/out");
// The short form stands the illustrative sample in for the national file, in a folder of its own.
const extra = join(out, quick ? "quick" : "extra");
const national = join(extra, "national/national.json");
/** The sample as published, and with 10 and 100 times as many files (scripts/bench.sh). */
const MANY = quick ? [] : [1, 10, 100];
const many = (times) => join(extra, `files-${times}`);

for (const need of [join(dist, "index.html"), join(peerDist, "index.html"), ...MANY.map((t) => join(many(t), "manifest.json"))]) {
  if (!existsSync(need)) throw new Error(`${need} is missing: run scripts/bench.sh, which builds both pages`);
}
await mkdir(join(extra, "national"), { recursive: true });
if (quick) {
  await copyFile(join(dist, "data/minh-hoa.json"), national);
  await writeFile(join(extra, "national/manifest.json"), JSON.stringify({ format: "chiso-manifest/1", files: [{ path: "national.json" }] }));
}
if (!existsSync(national)) throw new Error(`${national} is missing: scripts/bench.sh generates it`);
const nationalBytes = (await readFile(national)).length;

const say = (s) => process.stderr.write(`bench: ${s}\n`);

const PROFILES = {
  cpu4: { name: "4× CPU", cpu: 4 },
  slow: { name: "6× CPU + slow 4G", cpu: 6, network: SLOW_4G },
  cpu1: { name: "1× CPU", cpu: 1 },
};
const SAMPLE = "#/dossiers";
// Published as `chiso manifest` writes it: validated, with its packed copy, which we read and the
// peer has no use for (it reads the JSON).
const NATIONAL = "?data=national/manifest.json#/dossiers";
/** How long after the first chart a load counts as over (long tasks, memory). */
const settle = quick ? 300 : 1000;
const REDRAW_UNITS = ["can-tho", "lam-dong", "hai-phong", "da-nang"];

const started = Date.now();
const load0 = loadavg()[0];
const roots = { ours: [dist, extra], peer: [peerDist, dist, extra] };
const servers = { ours: await serve(roots.ours, { encoding: "gzip" }), peer: await serve(roots.peer, { encoding: "gzip" }) };
await warm([join(extra, "national"), ...MANY.map(many)]);
await warm([dist, peerDist], 1 << 20);
say("files compressed");
const browser = await launch();
const version = browser.version();
const results = { ours: {}, peer: {} };
const push = (app, key, value) => (results[app][key] ??= []).push(value);
const order = (i) => (i % 2 ? ["peer", "ours"] : ["ours", "peer"]);

/** A fresh context on the tablet, at its 2× pixel density or at `dpr`. */
async function context(dpr = TABLET.deviceScaleFactor) {
  const c = await browser.newContext({ ...TABLET, deviceScaleFactor: dpr });
  await c.addInitScript(INSTRUMENT);
  return c;
}

/** Cold loads of `hash` under `profile`, alternating, each followed by a warm visit when asked. */
async function coldLoads(key, profile, hash, { warmVisit = false, probe = null, dpr } = {}) {
  if (!wanted(key)) return;
  for (let i = 0; i < runs; i++) {
    for (const app of order(i)) {
      const c = await context(dpr);
      try {
        push(app, key, await measureLoad(c, servers[app].url + hash, profile, { parseProbe: probe, settle }));
        if (warmVisit) push(app, `${key}-warm`, await measureLoad(c, servers[app].url + hash, profile, { settle }));
      } finally {
        await c.close();
      }
    }
    say(`${profile.name} ${hash}: run ${i + 1}/${runs}`);
  }
}

try {
  // One untimed load of each page first: browser and disk caches warm.
  for (const app of quick ? [] : ["ours", "peer"]) {
    const c = await context();
    await measureLoad(c, servers[app].url + SAMPLE, PROFILES.cpu1).finally(() => c.close());
  }
  await coldLoads("sample-cpu4", PROFILES.cpu4, SAMPLE, { warmVisit: true });
  // At 1× pixel density too: a cheap tablet's screen, and a quarter of the pixels to fill.
  await coldLoads("sample-cpu4-dpr1", PROFILES.cpu4, SAMPLE, { dpr: 1 });
  if (!quick) {
    await coldLoads("sample-slow", PROFILES.slow, SAMPLE, { warmVisit: true });
    await coldLoads("sample-slow-dpr1", PROFILES.slow, SAMPLE, { dpr: 1 });
    for (const s of Object.values(servers)) s.encoding = "br";
    await coldLoads("sample-br", PROFILES.cpu1, SAMPLE);
    for (const s of Object.values(servers)) s.encoding = "gzip";
  }
  await coldLoads("national-cpu4", PROFILES.cpu4, NATIONAL, { probe: "national/national.json" });
  for (const times of MANY) {
    await coldLoads(`files-${times}`, PROFILES.cpu4, `?data=files-${times}/manifest.json#/dossiers`);
  }
  const changes = quick ? 2 : 21;
  const hashes = Array.from({ length: changes }, (_, i) => `#/indices?unit=${REDRAW_UNITS[(i + 1) % REDRAW_UNITS.length]}`);
  for (const profile of !wanted("redraw") ? [] : quick ? [PROFILES.cpu1] : [PROFILES.cpu1, PROFILES.cpu4]) {
    for (const app of ["ours", "peer"]) {
      const c = await context();
      try {
        const r = await measureRedraws(c, `${servers[app].url}#/indices?unit=${REDRAW_UNITS[0]}`, profile, hashes);
        // The first change warms up code paths that later changes reuse.
        push(app, `redraw-${profile.cpu}`, { times: quick ? r.times : r.times.slice(1), charts: r.charts });
      } finally {
        await c.close();
      }
    }
    say(`redraws at ${profile.name}`);
  }
} finally {
  await browser.close().catch(() => {});
  for (const s of Object.values(servers)) await s.close();
}

/// The source measured: the commit, marked `-dirty` when the work tree had changes (a copy
/// without git says so).
function commit() {
  try {
    return execFileSync("git", ["describe", "--always", "--dirty"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown (no git)";
  }
}

const machine = {
  commit: commit(),
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  load: [load0, loadavg()[0]],
  browser: `Chromium ${version}`,
  date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  seconds: Math.round((Date.now() - started) / 1000),
};
const text = report({ results, machine, runs, quick, nationalBytes });
console.log(text);
await writeFile(join(out, "results.json"), JSON.stringify({ machine, results }, null, 1));
const written = quick ? "bench/out/report-quick.md" : only ? "bench/out/report-only.md" : "bench/report.md";
await writeFile(join(root, written), text);
say(`wrote ${written} in ${machine.seconds} s`);
