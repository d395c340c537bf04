// Loading: the manifest (or one metric file) and every file it lists, fetched in parallel,
// checksums verified, each file parsed and checked entry by entry; a bad file or entry is
// reported and skipped, never fatal. The result is indexed by unit and indicator.

import { builtin } from "./catalogue.js";
import { compare, parsePeriod } from "./period.js";

const LEVELS = new Set(["nation", "province", "district", "commune", "agency"]);
const KINDS = new Set(["count", "score", "percent", "rank"]);
const decoder = new TextDecoder("utf-8", { fatal: true });

async function fetchBytes(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

async function sha256(bytes) {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

const resolve = (base, path) => new URL(path, new URL(base, location.href)).href;
const shortName = (url) => url.replace(/^.*\//, "");

/** Loads `url`: a manifest and its files, or a single metric file. */
export async function loadData(url) {
  const first = await fetchBytes(url);
  const start = performance.now();
  const findings = [];
  const doc = parseJson(shortName(url), first, findings);
  if (doc?.format !== "chiso-manifest/1") {
    const model = build([{ name: shortName(url), doc }], findings);
    performance.measure("chiso:parse", { start, end: performance.now() });
    return model;
  }
  const entries = Array.isArray(doc.files) ? doc.files.filter((e) => typeof e?.path === "string") : [];
  const received = await Promise.all(
    entries.map(async (e) => {
      const address = resolve(url, e.path);
      const name = shortName(address);
      try {
        const bytes = await fetchBytes(address);
        if (typeof e.sha256 === "string" && (await sha256(bytes)) !== e.sha256.toLowerCase()) {
          findings.push({ severity: "error", file: name, message: "sha256 does not match the manifest: file rejected" });
          return null;
        }
        return { name, bytes };
      } catch (err) {
        findings.push({ severity: "error", file: name, message: `could not be fetched: ${err.message}` });
        return null;
      }
    }),
  );
  const t0 = performance.now();
  const docs = received.filter(Boolean).map(({ name, bytes }) => ({ name, doc: parseJson(name, bytes, findings) }));
  const model = build(docs, findings);
  performance.measure("chiso:parse", { start: t0, end: performance.now() });
  return model;
}

function parseJson(name, bytes, findings) {
  try {
    const doc = JSON.parse(decoder.decode(bytes));
    if (doc && typeof doc === "object" && !Array.isArray(doc)) return doc;
    findings.push({ severity: "error", file: name, message: "not a JSON object: file rejected" });
  } catch (err) {
    findings.push({ severity: "error", file: name, message: `${err.message}: file rejected` });
  }
  return null;
}

/** Checks a figure against its indicator; returns an error message or null. */
function checkValue(def, value, of) {
  if (typeof value !== "number" || !Number.isFinite(value)) return "value is not a finite number";
  if (def.kind === "count" && value < 0) return "a count cannot be negative";
  if (def.kind === "rank" && (value < 1 || (of !== undefined && value > of))) return `rank ${value} is outside 1..${of}`;
  const lo = def.min ?? (def.kind === "percent" ? 0 : -Infinity);
  const hi = def.max ?? (def.kind === "percent" ? 100 : Infinity);
  if ((def.kind === "score" || def.kind === "percent") && (value < lo || value > hi)) return `${value} is outside ${lo}–${hi}`;
  return null;
}

/** Units and custom indicators from every accepted file, then each file's entries. */
function build(docs, findings) {
  const catalogue = builtin();
  const units = new Map();
  const files = [];
  // The parsed documents are dropped once read: only the figures and each file's facts stay.
  const accepted = [];
  for (const { name, doc } of docs) {
    if (!doc) continue;
    if (doc.format !== "chiso-metrics/1") {
      findings.push({ severity: "error", file: name, message: `format "${doc.format}" is not chiso-metrics/1: file rejected` });
      continue;
    }
    accepted.push(doc);
    files.push({ name, title: doc.title, published: typeof doc.published === "string" ? doc.published : "", illustrative: doc.illustrative !== undefined && doc.illustrative !== false, sources: doc.sources ?? {} });
    for (const [i, u] of (Array.isArray(doc.units) ? doc.units : []).entries()) {
      if (typeof u?.id !== "string" || !LEVELS.has(u.level) || u.name === undefined) {
        findings.push({ severity: "error", file: name, message: `units[${i}]: needs id, name and a known level` });
        continue;
      }
      units.set(u.id, u);
    }
    for (const [i, d] of (Array.isArray(doc.indicators) ? doc.indicators : []).entries()) {
      if (typeof d?.id !== "string" || !KINDS.has(d.kind) || catalogue.has(d.id)) {
        findings.push({ severity: "error", file: name, message: `indicators[${i}]: needs a new id and a known kind` });
        continue;
      }
      catalogue.set(d.id, d);
    }
  }
  // A file names the same few dozen periods thousands of times: each is parsed once.
  const periods = new Map();
  const periodOf = (text) => {
    if (typeof text !== "string") return null;
    if (!periods.has(text)) periods.set(text, parsePeriod(text));
    return periods.get(text);
  };
  // unit → indicator → period → figure: one figure per key, the later published one kept.
  const kept = new Map();
  const slot = (unit, indicator) => {
    let byIndicator = kept.get(unit);
    if (!byIndicator) kept.set(unit, (byIndicator = new Map()));
    let byPeriod = byIndicator.get(indicator);
    if (!byPeriod) byIndicator.set(indicator, (byPeriod = new Map()));
    return byPeriod;
  };
  const targets = [];
  accepted.forEach((doc, fi) => {
    const f = files[fi];
    const entries = (key) => (Array.isArray(doc[key]) ? doc[key] : []);
    entries("observations").forEach((o, i) => {
      const period = periodOf(o?.period);
      const problem = subject(o, units, catalogue) ?? (period ? null : "bad period") ?? checkValue(catalogue.get(o.indicator), o.value, o.of);
      if (problem) return findings.push({ severity: "error", file: f.name, message: `observations[${i}]: ${problem}` });
      const obs = { unit: o.unit, indicator: o.indicator, period, value: o.value, of: o.of, label: o.label, source: o.source, file: fi };
      const series = slot(o.unit, o.indicator);
      const old = series.get(period.key);
      if (old && old.value !== o.value) {
        findings.push({ severity: "warning", file: f.name, message: `observations[${i}]: differs from an earlier figure` });
        if (files[old.file].published > f.published) return;
      }
      series.set(period.key, obs);
    });
    entries("targets").forEach((t, i) => {
      const by = periodOf(t?.by);
      const problem = subject(t, units, catalogue) ?? (by ? null : "bad period") ?? checkValue(catalogue.get(t.indicator), t.value);
      if (problem) return findings.push({ severity: "error", file: f.name, message: `targets[${i}]: ${problem}` });
      targets.push({ unit: t.unit, indicator: t.indicator, by, value: t.value, file: fi });
    });
  });
  return index(files, units, catalogue, kept, targets, findings);
}

function subject(e, units, catalogue) {
  if (!e || typeof e !== "object") return "not an object";
  if (!units.has(e.unit)) return `unit "${e.unit}" is not declared`;
  if (!catalogue.has(e.indicator)) return `indicator "${e.indicator}" is unknown`;
  return null;
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
