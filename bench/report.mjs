// The benchmark's report: medians of every figure for ours and the peer, and ours ÷ peer, as a
// Markdown table with the machine, the browser and how the figures were taken.

const KiB = 1024;
const MiB = 1024 * 1024;

export const median = (v) => {
  const s = v.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Nearest-rank percentile. */
export const percentile = (v, p) => {
  const s = v.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};

const fmt = {
  ms: (v) => `${v.toFixed(0)} ms`,
  ms1: (v) => `${v.toFixed(1)} ms`,
  kib: (v) => `${(v / KiB).toFixed(1)} KiB`,
  mib: (v) => `${(v / MiB).toFixed(1)} MiB`,
  n: (v) => `${Number.isInteger(v) ? v : v.toFixed(1)}`,
  mbs: (v) => `${v.toFixed(1)} MB/s`,
  x: (v) => `${v.toFixed(2)}×`,
};

/** Rows: [label, result key, value of one load, format]. */
function rows(nationalBytes) {
  const mem = (r) => r.jsHeap + r.wasm;
  const rate = (r) => (r.parse ? nationalBytes / 1e6 / (r.parse / 1000) : null);
  return [
    ["**Sample data, 4× CPU** (cold, gzip)"],
    ["time to first chart", "sample-cpu4", (r) => r.firstChart, fmt.ms],
    ["first contentful paint", "sample-cpu4", (r) => r.fcp, fmt.ms],
    ["data in hand → first chart", "sample-cpu4", (r) => r.dataToChart, fmt.ms],
    ["bytes transferred, gzip", "sample-cpu4", (r) => r.bytes, fmt.kib],
    ["… before the first chart", "sample-cpu4", (r) => r.bytesBefore, fmt.kib],
    ["… of which code (all but data/)", "sample-cpu4", (r) => r.codeBytes, fmt.kib],
    ["requests", "sample-cpu4", (r) => r.requests, fmt.n],
    ["request chain depth before the first chart", "sample-cpu4", (r) => r.depth, fmt.n],
    ["long tasks during load (count)", "sample-cpu4", (r) => r.longTasks, fmt.n],
    ["longest task", "sample-cpu4", (r) => r.longest, fmt.ms],
    ["total blocking time", "sample-cpu4", (r) => r.tbt, fmt.ms],
    ["JS heap + wasm memory after first chart", "sample-cpu4", mem, fmt.mib],
    ["… wasm memory", "sample-cpu4", (r) => r.wasm, fmt.mib],
    ["script time (DevTools ScriptDuration)", "sample-cpu4", (r) => r.script, fmt.ms],
    ["style + layout time", "sample-cpu4", (r) => r.layout, fmt.ms],
    ["DOM nodes", "sample-cpu4", (r) => r.nodes, fmt.n],
    ["second visit (warm HTTP cache): first chart", "sample-cpu4-warm", (r) => r.firstChart, fmt.ms],
    ["second visit: bytes transferred", "sample-cpu4-warm", (r) => r.bytes, fmt.kib],
    ["**Sample data, 4× CPU, 1× pixel density** (cold, gzip)"],
    ["time to first chart", "sample-cpu4-dpr1", (r) => r.firstChart, fmt.ms],
    ["data in hand → first chart", "sample-cpu4-dpr1", (r) => r.dataToChart, fmt.ms],
    ["bytes transferred, gzip", "sample-cpu4-dpr1", (r) => r.bytes, fmt.kib],
    ["**Sample data, 6× CPU + slow 4G** (150 ms RTT, 1.6 Mbps down; cold, gzip)"],
    ["time to first chart", "sample-slow", (r) => r.firstChart, fmt.ms],
    ["bytes transferred before the first chart", "sample-slow", (r) => r.bytesBefore, fmt.kib],
    ["first contentful paint", "sample-slow", (r) => r.fcp, fmt.ms],
    ["long tasks during load (count)", "sample-slow", (r) => r.longTasks, fmt.n],
    ["total blocking time", "sample-slow", (r) => r.tbt, fmt.ms],
    ["second visit (warm HTTP cache): first chart", "sample-slow-warm", (r) => r.firstChart, fmt.ms],
    ["**Sample data, 6× CPU + slow 4G, 1× pixel density** (cold, gzip)"],
    ["time to first chart", "sample-slow-dpr1", (r) => r.firstChart, fmt.ms],
    ["data in hand → first chart", "sample-slow-dpr1", (r) => r.dataToChart, fmt.ms],
    ["**Sample data, 1× CPU, brotli** (cold)"],
    ["bytes transferred, brotli", "sample-br", (r) => r.bytes, fmt.kib],
    ["… of which code", "sample-br", (r) => r.codeBytes, fmt.kib],
    ["time to first chart", "sample-br", (r) => r.firstChart, fmt.ms],
    [`**National file, 4× CPU** (${(nationalBytes / MiB).toFixed(1)} MiB of JSON, published with its manifest by \`chiso manifest\`, as \`?data=\`, cold, gzip)`],
    ["time to first chart", "national-cpu4", (r) => r.firstChart, fmt.ms],
    ["data in hand → first chart", "national-cpu4", (r) => r.dataToChart, fmt.ms],
    ["reading the files (page's `chiso:unpack` + `chiso:parse`: ours proves, unzips and reads the packed copy; the peer parses the JSON)", "national-cpu4", (r) => r.parse, fmt.ms],
    ["reading throughput (MB of the JSON per second)", "national-cpu4", rate, fmt.mbs],
    ["JSON.parse of the JSON file in the same page (TextDecoder + JSON.parse)", "national-cpu4", (r) => r.jsonParse?.ms, fmt.ms],
    ["reading speed as a multiple of JSON.parse's", "national-cpu4", (r) => (r.parse && r.jsonParse ? r.jsonParse.ms / r.parse : null), fmt.x],
    ["long tasks during load (count)", "national-cpu4", (r) => r.longTasks, fmt.n],
    ["longest task", "national-cpu4", (r) => r.longest, fmt.ms],
    ["total blocking time", "national-cpu4", (r) => r.tbt, fmt.ms],
    ["JS heap + wasm memory after first chart", "national-cpu4", mem, fmt.mib],
    ["… wasm memory", "national-cpu4", (r) => r.wasm, fmt.mib],
    ...[1, 10, 100].flatMap((times) => [
      [`**Published files ×${times}, 4× CPU** (${5 * times} files listed, \`?data=files-${times}/manifest.json\`, cold, gzip)`],
      ["time to first chart", `files-${times}`, (r) => r.firstChart, fmt.ms],
      ["manifest in hand", `files-${times}`, (r) => r.manifestAt, fmt.ms],
      ["reading the manifest (ours: `chiso:manifest`)", `files-${times}`, (r) => r.manifestRead, fmt.ms],
      ["requests before the first chart", `files-${times}`, (r) => r.requestsBefore, fmt.n],
      ["bytes transferred before the first chart", `files-${times}`, (r) => r.bytesBefore, fmt.kib],
      ["JS heap + wasm memory after first chart", `files-${times}`, mem, fmt.mib],
    ]),
  ];
}

function cell(values, f) {
  const m = median(values);
  return m === null ? "n/a" : f(m);
}

function ratio(a, b) {
  const [x, y] = [median(a), median(b)];
  if (x === null || y === null) return "n/a";
  if (y === 0) return x === 0 ? "1.00" : "∞";
  return (x / y).toFixed(2);
}

function redrawRows(results) {
  const out = [];
  for (const cpu of [1, 4]) {
    const [o, p] = [results.ours[`redraw-${cpu}`]?.[0], results.peer[`redraw-${cpu}`]?.[0]];
    if (!o || !p) continue;
    out.push([`**Redraw after a unit change, ${cpu}× CPU** (indices view, ${o.charts} charts ours, ${p.charts} peer; ${o.times.length} changes; to the frame after the last drawing call)`]);
    for (const q of [50, 95]) {
      const [a, b] = [percentile(o.times, q), percentile(p.times, q)];
      out.push(`| p${q} | ${a === null ? "n/a" : fmt.ms1(a)} | ${b === null ? "n/a" : fmt.ms1(b)} | ${a !== null && b ? (a / b).toFixed(2) : "n/a"} |`);
    }
  }
  return out.map((r) => (Array.isArray(r) ? `| ${r[0]} | | | |` : r));
}

export function report({ results, machine, runs, quick, nationalBytes }) {
  const lines = [
    `# Benchmark: Chỉ số against a Chart.js page${quick ? " (short form)" : ""}`,
    "",
    "Written by `scripts/bench.sh`" + (quick ? " --quick" : "") + ". Medians of " + `${runs} cold load${runs > 1 ? "s" : ""} per figure, ours and the peer alternating; ` +
      "a fresh browser context (empty HTTP cache) per cold load; a tablet viewport of 800×1280 CSS px at 2× pixel density (1× where a heading says so); " +
      "both pages served from loopback by the same Node server, each file gzip -9 or brotli 11 (brotli 9 over 4 MiB), content-hashed files cacheable, the rest revalidated. " +
      "The peer (`bench/peer/`) is plain JavaScript with Chart.js 4 tree-shaken and bundled by esbuild; it does what a competent page does: fetches the same manifest and files, `JSON.parse`s them, reads the fields it draws and draws the same dossier and index charts; no checksum, no validation (ours checks both).",
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores (load average ${machine.load.map((l) => l.toFixed(2)).join(" before, ")} after; the machine is shared, so times carry noise). Browser: ${machine.browser}, headless. Run ${machine.date}, ${machine.seconds} s, on commit ${machine.commit}.`,
    "",
    "| figure | ours | peer | ours ÷ peer |",
    "| --- | ---: | ---: | ---: |",
  ];
  for (const [label, key, value, f] of rows(nationalBytes)) {
    if (!key) {
      lines.push(`| ${label} | | | |`);
      continue;
    }
    const [a, b] = ["ours", "peer"].map((app) => (results[app][key] ?? []).map(value));
    if (!a.length && !b.length) continue;
    lines.push(`| ${label} | ${cell(a, f)} | ${cell(b, f)} | ${ratio(a, b)} |`);
  }
  // A heading whose section was skipped (short form) is dropped.
  const heading = (l) => l?.endsWith("| | | |");
  const kept = lines.filter((l, i) => !(heading(l) && (i + 1 === lines.length || heading(lines[i + 1]))));
  kept.push(...redrawRows(results));
  const notes = [
    "The peer draws what ours draws on these two views, and leaves out the rest of ours: its tables, like ours, are built when opened; it has no PNG/SVG/CSV export, no checksums, no validator, no sum checks or per-chart warnings, no file panel, present mode or other views. That is less work and fewer bytes for the peer, as a page a province would otherwise use.",
    "DevTools CPU throttling is meant for the page's JavaScript threads; V8's background threads, where ours compiles its wasm, are probably not slowed as much, which would help ours.",
    "Memory is the JS heap after a forced garbage collection plus the byteLength of every WebAssembly.Memory the page instantiated; canvas backing stores and array buffers outside the heap are counted for neither page.",
    "Redraws are timed the same way in both pages: every 2D canvas drawing call is counted through a wrapper, and the time runs from setting the hash to the animation frame after the last call (so figures come in steps of a frame; a page that makes more calls pays a little more for the wrapper).",
    "After a change of unit ours draws the charts on or near the screen and leaves the others blank until the reader scrolls to them (or prints); the peer redraws every chart, as Chart.js does on an update. The redraw rows time what the reader waits for, which for ours is less drawing than the peer does.",
    "Ours is cut in wasm modules: its shell script preloads the dashboard's own module beside the first one, and the file panel's module is fetched after the first chart's frame; the bytes and requests count them all. An embed fetches only the first module.",
  ];
  const parseOurs = (results.ours["national-cpu4"] ?? []).some((r) => r.parse);
  if (!parseOurs) {
    notes.push("Ours exposes no parse + validate timing yet: its row reads n/a, and *data in hand → first chart* bounds it from above. The hook the benchmark reads is a `performance.measure(\"chiso:parse\", …)` from the bytes in hand to the validated model (the peer records the same).");
  }
  for (const app of ["ours", "peer"]) {
    const first = results[app]["sample-cpu4"]?.[0];
    if (first) notes.push(`Request chain before the first chart (${app}): ${first.chain.join(" → ")}.`);
  }
  const br = ["ours", "peer"].map((a) => (results[a]["sample-br"] ?? []).flatMap((r) => r.encodings));
  if (br[0].length && !br.flat().includes("br")) notes.push("Chromium did not accept brotli over plain HTTP here: the brotli rows were served gzip.");
  for (const app of ["ours", "peer"]) {
    const errors = Object.values(results[app]).flat().flatMap((r) => r.errors ?? []);
    if (errors.length) notes.push(`Page errors (${app}): ${[...new Set(errors)].slice(0, 3).join("; ")}`);
  }
  if (notes.length) kept.push("", ...notes.map((n) => `- ${n}`));
  return kept.join("\n") + "\n";
}
