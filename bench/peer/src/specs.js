// What each chart shows, independent of the drawing library: the dossier charts (received by
// channel; resolved on time, late and pending) and each index's score and rank against its
// target with the recent trend projected to the target's date.

import { INDICES, better, styleOf, text } from "./catalogue.js";
import { compare, label, midpointYears, shortLabel } from "./period.js";

const pick = (lang, vi, en) => (lang === "en" ? en : vi);
const COUNT = { decimals: 0 };
const PERCENT1 = { decimals: 1, percent: true };

/** A figure as the language writes it: `58.463`, `11,4 %` in Vietnamese; `58,463`, `11.4%`. */
export function format(v, style, lang) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  const n = numberFormat(lang, style.decimals).format(v);
  return style.percent ? (lang === "en" ? `${n}%` : `${n} %`) : n;
}

const formats = new Map();
function numberFormat(lang, decimals) {
  const key = `${lang}${decimals}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(lang === "en" ? "en-US" : "vi-VN", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  return formats.get(key);
}

/** The part of each total its published parts do not explain; null where nothing is left. */
function remainder(total, parts) {
  return total.map((t, i) => {
    if (t === null) return null;
    const given = parts.map((p) => p[i]).filter((v) => v !== null);
    if (!given.length) return null;
    const rest = t - given.reduce((a, b) => a + b, 0);
    return rest > 1e-9 ? rest : null;
  });
}

const share = (num, den) => num.map((n, i) => (n !== null && den[i] !== null && den[i] > 0 ? (n / den[i]) * 100 : null));

class Builder {
  constructor(q, ids) {
    this.q = q;
    this.ids = ids;
    const byKey = new Map();
    for (const id of ids) for (const o of q.model.series(q.unit, id)) if (q.inRange(o.period)) byKey.set(o.period.key, o.period);
    this.setPeriods([...byKey.values()]);
    this.series = [];
    this.files = new Set();
  }

  setPeriods(periods) {
    this.periods = periods.sort(compare);
    this.at = new Map(this.periods.map((p, i) => [p.key, i]));
    this.labels = this.periods.map(() => null);
  }

  name(id) {
    return text(this.q.model.catalogue.get(id)?.name, this.q.lang) || id;
  }

  indicator(id, look) {
    const { model, lang } = this.q;
    const values = this.periods.map(() => null);
    const sources = this.periods.map(() => null);
    for (const o of model.series(this.q.unit, id)) {
      const i = this.at.get(o.period.key);
      if (i === undefined) continue;
      values[i] = o.value;
      const file = model.files[o.file];
      sources[i] = text(file.sources[o.source]?.title ?? file.title, lang) || null;
      if (typeof o.label === "string") this.labels[i] ??= o.label;
      this.files.add(o.file);
    }
    this.push({ id, name: this.name(id), ...look, style: styleOf(model.catalogue.get(id)), values, sources });
    return values;
  }

  derived(id, name, look, style, values) {
    this.push({ id, name, ...look, style, values, sources: values.map(() => null) });
  }

  push(s) {
    if (s.values.some((v) => v !== null)) this.series.push(s);
  }

  finish(id, title, left, right) {
    const { lang, model } = this.q;
    const sources = [...new Set(this.series.flatMap((s) => s.sources.filter(Boolean)))];
    return {
      id,
      title,
      lang,
      axisLabels: this.periods.map((p) => shortLabel(p, lang)),
      labels: this.periods.map((p, i) => (this.labels[i] && p.kind === "interval" ? `${this.labels[i]} (${label(p, lang)})` : label(p, lang))),
      series: this.series,
      left,
      right: right && this.series.some((s) => s.side === "right") ? right : null,
      rules: [],
      notes: this.series.length ? [] : [`${pick(lang, "Chưa có số liệu", "No figures yet for")}: ${this.ids.map((i) => this.name(i)).join(", ")}`],
      sources,
      illustrative: [...this.files].some((f) => model.files[f].illustrative),
    };
  }
}

const bar = (color) => ({ mark: "bar", side: "left", color });
const total = { mark: "total", side: "left", color: 7 };
const line = (side, color) => ({ mark: "line", side, color });

function unitTitle(q, vi, en) {
  const name = text(q.model.unit(q.unit)?.name, q.lang) || q.unit;
  return `${pick(q.lang, vi, en)} – ${name}`;
}

const countAxis = (lang) => ({ title: pick(lang, "hồ sơ", "dossiers"), style: COUNT, fromZero: true });
const percentAxis = { title: "%", style: PERCENT1, fromZero: true, domain: [0, 100] };

export function dossiersIntake(q) {
  const parts = [["dossiers.carried_over", 6], ["dossiers.online", 0], ["dossiers.offline", 1]];
  const b = new Builder(q, ["dossiers.received", ...parts.map((p) => p[0])]);
  const values = parts.map(([id, c]) => b.indicator(id, bar(c)));
  const received = b.indicator("dossiers.received", total);
  b.derived("derived.intake_unspecified", pick(q.lang, "Không rõ kênh tiếp nhận", "Channel not reported"), bar(4), COUNT, remainder(received, values));
  b.derived("derived.online_share", pick(q.lang, "Tỷ lệ trực tuyến", "Online share"), line("right", 5), PERCENT1, share(values[1], received));
  return b.finish("dossiers-intake", unitTitle(q, "Hồ sơ tiếp nhận", "Dossiers received"), countAxis(q.lang), percentAxis);
}

export function dossiersOutcome(q) {
  const ids = ["dossiers.resolved", "dossiers.resolved_on_time", "dossiers.resolved_late", "dossiers.pending"];
  const b = new Builder(q, ids);
  const onTime = b.indicator(ids[1], bar(2));
  const late = b.indicator(ids[2], bar(5));
  const resolved = b.indicator(ids[0], total);
  const rest = remainder(resolved, [onTime, late]);
  // Resolved figures without an on-time split still belong in the bar.
  const unsplit = resolved.map((r, i) => (onTime[i] === null && late[i] === null ? r : rest[i]));
  b.derived("derived.resolved_unspecified", pick(q.lang, "Đã giải quyết (không rõ đúng hạn)", "Resolved (timeliness not reported)"), bar(4), COUNT, unsplit);
  b.indicator(ids[3], bar(1));
  b.derived("derived.on_time_rate", pick(q.lang, "Tỷ lệ đúng hạn", "On-time rate"), line("right", 0), PERCENT1, share(onTime, resolved));
  return b.finish("dossiers-outcome", unitTitle(q, "Kết quả giải quyết hồ sơ", "Dossiers resolved"), countAxis(q.lang), percentAxis);
}

/** Least-squares line through the last five figures: [slope, intercept], or null. */
function trend(points) {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  const sxx = points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  if (sxx < 1e-12) return null;
  const slope = points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / sxx;
  return [slope, my - slope * mx];
}

const STATUS = {
  met: ["Đã đạt", "Met"],
  onTrack: ["Đúng hướng", "On track"],
  atRisk: ["Có nguy cơ không đạt", "At risk"],
  missed: ["Không đạt", "Missed"],
  unknown: ["Chưa đủ số liệu để dự báo", "Too few figures to project"],
};

function assess(observed, target, dir, today) {
  if (!observed.length) return null;
  const last = observed[observed.length - 1];
  const meets = (v) => (dir === "lower" ? v <= target.value : v >= target.value);
  const fit = trend(observed.slice(-5).map((o) => [midpointYears(o.period), o.value]));
  const projected = fit ? fit[0] * midpointYears(target.by) + fit[1] : null;
  let status = "unknown";
  if (meets(last.value)) status = "met";
  else if (today > target.by.end) status = "missed";
  else if (projected !== null) status = meets(projected) ? "onTrack" : "atRisk";
  return { last, projected, status };
}

export function indexChart(q, family, rank, today) {
  const { lang, model } = q;
  const what = rank ? pick(lang, "xếp hạng", "rank") : pick(lang, "điểm", "score");
  const id = `${family.family}.${rank ? "rank" : "score"}`;
  const def = model.catalogue.get(id);
  const style = styleOf(def);
  const targets = model.targets.filter((t) => t.unit === q.unit && t.indicator === id);
  const b = new Builder(q, [id]);
  // The target's date is always on the axis, so the trend can run to it.
  const all = new Map(b.periods.map((p) => [p.key, p]));
  for (const t of targets) all.set(t.by.key, t.by);
  b.setPeriods([...all.values()]);
  const values = b.indicator(id, line("left", 0));
  const observed = model.series(q.unit, id).filter((o) => q.inRange(o.period));
  const rules = [];
  const notes = [];
  const t = targets.reduce((a, x) => (a && compare(a.by, x.by) >= 0 ? a : x), null);
  if (t) {
    const value = format(t.value, style, lang);
    const by = label(t.by, lang);
    const text = rank ? pick(lang, `Mục tiêu: hạng ${value} trở lên (${by})`, `Target: rank ${value} or better (${by})`) : pick(lang, `Mục tiêu ${value} (${by})`, `Target ${value} (${by})`);
    rules.push({ value: t.value, bandTo: rank ? 1 : null, label: text, color: 2 });
    const a = assess(observed, t, better(def), today);
    if (a) {
      const latest = `${label(a.last.period, lang)} ${format(a.last.value, style, lang)}`;
      notes.push(`${STATUS[a.status][lang === "en" ? 1 : 0]}: ${text} (${pick(lang, "số liệu mới nhất", "latest figure")} ${latest})`);
      const last = values.findLastIndex((v) => v !== null);
      const at = b.at.get(t.by.key);
      if (a.projected !== null && last >= 0 && at > last && today <= t.by.end) {
        const proj = values.map(() => null);
        proj[last] = values[last];
        proj[at] = rank ? Math.max(a.projected, 1) : a.projected;
        b.derived("derived.projection", pick(lang, "Xu hướng gần đây (dự báo)", "Recent trend (projection)"), { mark: "dashed", side: "left", color: 5 }, style, proj);
      }
    }
  }
  const name = pick(lang, family.vi, family.en);
  const of = Math.max(1, ...model.series(q.unit, id).map((o) => o.of ?? 1));
  const domain = rank ? [1, of] : def?.kind === "percent" ? [50, 100] : null;
  const spec = b.finish(`index-${id.replace(".", "-")}`, unitTitle(q, `${name} – ${what}`, `${name} – ${what}`), { title: what, style, inverted: rank, fromZero: false, domain }, null);
  spec.rules = rules;
  spec.notes = notes;
  return spec;
}

export const isEmpty = (spec) => spec.series.every((s) => s.values.every((v) => v === null));

/** The charts of a view, in reading order; the indices view keeps indices with figures. */
export function forView(q, view, today) {
  if (view === "indices") return INDICES.flatMap((f) => [indexChart(q, f, false, today), indexChart(q, f, true, today)]).filter((c) => !isEmpty(c));
  return [dossiersIntake(q), dossiersOutcome(q)];
}
