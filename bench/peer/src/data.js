// Loading, as a competent page does it: the manifest (or one metric file) and every file it
// lists, fetched in parallel, each `JSON.parse`d and read for the fields the charts draw. No
// checksum, no validator: a page a province would write trusts its own server. A file that
// cannot be fetched or parsed is listed in the footer and skipped. The result is indexed by
// unit and indicator.

import { builtin } from "./catalogue.js";
import { compare, parsePeriod } from "./period.js";

async function fetchText(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.text();
}

const resolve = (base, path) => new URL(path, new URL(base, location.href)).href;
const shortName = (url) => url.replace(/^.*\//, "");

/** Loads `url`: a manifest and its files, or a single metric file. */
export async function loadData(url) {
  const first = await fetchText(url);
  const start = performance.now();
  const findings = [];
  const doc = parse(shortName(url), first, findings);
  if (doc?.format !== "chiso-manifest/1") {
    const model = build([{ name: shortName(url), doc }], findings);
    performance.measure("chiso:parse", { start, end: performance.now() });
    return model;
  }
  const entries = Array.isArray(doc.files) ? doc.files.filter((e) => typeof e?.path === "string") : [];
  const received = await Promise.all(
    entries.map(async (e) => {
      const name = shortName(resolve(url, e.path));
      try {
        return { name, text: await fetchText(resolve(url, e.path)) };
      } catch (err) {
        findings.push({ severity: "error", file: name, message: `could not be fetched: ${err.message}` });
        return null;
      }
    }),
  );
  const t0 = performance.now();
  const docs = received.filter(Boolean).map(({ name, text }) => ({ name, doc: parse(name, text, findings) }));
  const model = build(docs, findings);
  performance.measure("chiso:parse", { start: t0, end: performance.now() });
  return model;
}

function parse(name, text, findings) {
  try {
    return JSON.parse(text);
  } catch (err) {
    findings.push({ severity: "error", file: name, message: err.message });
    return null;
  }
}

/** Units and custom indicators from every file, then each file's figures. */
function build(docs, findings) {
  const catalogue = builtin();
  const units = new Map();
  const files = [];
  const read = [];
  for (const { name, doc } of docs) {
    if (doc?.format !== "chiso-metrics/1") continue;
    read.push(doc);
    files.push({ name, title: doc.title, illustrative: doc.illustrative === true, sources: doc.sources ?? {} });
    for (const u of doc.units ?? []) units.set(u.id, u);
    for (const d of doc.indicators ?? []) catalogue.set(d.id, d);
  }
  // A file names the same few dozen periods thousands of times: each is parsed once.
  const periods = new Map();
  const periodOf = (text) => {
    if (!periods.has(text)) periods.set(text, parsePeriod(text));
    return periods.get(text);
  };
  // unit → indicator → period → figure; a later file's figure replaces an earlier one.
  const kept = new Map();
  const slot = (unit, indicator) => {
    let byIndicator = kept.get(unit);
    if (!byIndicator) kept.set(unit, (byIndicator = new Map()));
    let byPeriod = byIndicator.get(indicator);
    if (!byPeriod) byIndicator.set(indicator, (byPeriod = new Map()));
    return byPeriod;
  };
  const targets = [];
  read.forEach((doc, fi) => {
    for (const o of doc.observations ?? []) {
      const period = periodOf(o.period);
      if (!period) continue;
      if (!units.has(o.unit)) units.set(o.unit, { id: o.unit, name: o.unit, level: "province" });
      slot(o.unit, o.indicator).set(period.key, { unit: o.unit, indicator: o.indicator, period, value: o.value, of: o.of, label: o.label, source: o.source, file: fi });
    }
    for (const t of doc.targets ?? []) {
      const by = periodOf(t.by);
      if (by) targets.push({ unit: t.unit, indicator: t.indicator, by, value: t.value, file: fi });
    }
  });
  return index(files, units, catalogue, kept, targets, findings);
}

/** Series by unit and indicator, oldest first. */
function index(files, units, catalogue, kept, targets, findings) {
  const series = new Map();
  for (const [unit, byIndicator] of kept) {
    for (const [indicator, byPeriod] of byIndicator) series.set(`${unit}\u0000${indicator}`, [...byPeriod.values()].sort((a, b) => compare(a.period, b.period)));
  }
  return {
    files,
    units: [...units.values()],
    catalogue,
    targets,
    findings,
    series: (unit, indicator) => series.get(`${unit}\u0000${indicator}`) ?? [],
    hasData: (unit) => kept.has(unit),
    hasPrefix: (unit, prefix) => [...(kept.get(unit)?.keys() ?? [])].some((i) => i.startsWith(prefix)),
    unit: (id) => units.get(id),
  };
}
