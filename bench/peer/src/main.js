// The peer page: loads the same data as Chỉ số and draws the dossiers and indices views with
// Chart.js, routed by the same `#/<view>?unit=<id>&from=&to=&lang=` address.

import { text } from "./catalogue.js";
import { draw } from "./draw.js";
import { loadData } from "./data.js";
import { parsePeriod } from "./period.js";
import { forView, isEmpty } from "./specs.js";

const main = document.querySelector("main");
const VIEWS = { dossiers: ["Hồ sơ", "Dossiers"], indices: ["Chỉ số", "Indices"] };
const pick = (lang, vi, en) => (lang === "en" ? en : vi);
const charts = new Map();
let model = null;
let marked = false;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function route() {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const params = new URLSearchParams(query);
  return {
    view: path in VIEWS ? path : "dossiers",
    unit: params.get("unit"),
    lang: params.get("lang") === "en" ? "en" : "vi",
    from: parsePeriod(params.get("from")),
    to: parsePeriod(params.get("to")),
  };
}

/** The unit the address names, else the first that reports dossiers, else the first with data. */
function unitOf(r) {
  if (r.unit && model.unit(r.unit)) return r.unit;
  const withData = model.units.filter((u) => model.hasData(u.id));
  return (withData.find((u) => model.hasPrefix(u.id, "dossiers.")) ?? withData[0])?.id ?? "";
}

function hashFor(r, changes) {
  const next = { ...r, ...changes };
  const params = new URLSearchParams();
  if (next.unit) params.set("unit", next.unit);
  if (next.from) params.set("from", next.from.key);
  if (next.to) params.set("to", next.to.key);
  if (next.lang === "en") params.set("lang", "en");
  return `#/${next.view}?${params}`;
}

function table(spec) {
  const head = el("tr", {}, el("th", { scope: "col" }, pick(spec.lang, "Kỳ", "Period")), ...spec.series.map((s) => el("th", { scope: "col" }, s.name)));
  const rows = spec.labels.map((l, i) => el("tr", {}, el("th", { scope: "row" }, l), ...spec.series.map((s) => el("td", {}, s.values[i] === null ? "" : String(s.values[i])))));
  return el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows));
}

function figure(spec) {
  const canvas = el("canvas", { role: "img" });
  const details = el("details", { class: "table-wrap" }, el("summary", {}, pick(spec.lang, "Bảng số liệu", "Table of figures")));
  // The table is built when first opened: most readers never open it.
  details.addEventListener("toggle", () => details.open && details.querySelector("table") === null && details.append(table(charts.get(spec.id).spec)));
  const fig = el("figure", { class: "chart", id: spec.id }, el("figcaption"), el("div", { class: "plot" }, canvas), el("ul", { class: "notes" }), el("p", { class: "source" }), details);
  return { fig, canvas, chart: null, spec };
}

function fill(entry, spec) {
  const [caption, , notes, source] = entry.fig.children;
  const badge = spec.illustrative ? [el("span", { class: "badge" }, pick(spec.lang, "Số liệu minh họa", "Illustrative data"))] : [];
  caption.replaceChildren(el("h2", {}, spec.title), ...badge);
  notes.replaceChildren(...spec.notes.map((n) => el("li", {}, n)));
  source.textContent = `${pick(spec.lang, "Nguồn: ", "Source: ")}${spec.sources.join("; ")}`;
  entry.canvas.setAttribute("aria-label", spec.title);
  entry.fig.querySelector("table")?.replaceWith(table(spec));
  entry.spec = spec;
}

function render() {
  const r = route();
  document.documentElement.lang = r.lang;
  const unit = unitOf(r);
  const today = Math.floor(Date.now() / 86400000);
  const inRange = (p) => (!r.from || p.end >= r.from.start) && (!r.to || p.start <= r.to.end);
  const specs = forView({ model, unit, lang: r.lang, inRange }, r.view, today);
  nav(r, unit);
  summary(r.lang);
  let section = main.querySelector("section.charts");
  if (!section) main.append((section = el("section", { class: "charts" })));
  main.querySelector(".empty")?.remove();
  const wanted = new Set(specs.map((s) => s.id));
  for (const [id, entry] of charts) {
    if (!wanted.has(id)) {
      entry.chart?.destroy();
      entry.fig.remove();
      charts.delete(id);
    }
  }
  if (specs.every(isEmpty)) {
    section.after(el("div", { class: "empty", role: "status" }, el("p", {}, pick(r.lang, "Đơn vị này chưa có số liệu cho trang này trong khoảng thời gian đã chọn.", "This unit has no figures for this view in the chosen period."))));
  }
  for (const spec of specs) {
    let entry = charts.get(spec.id);
    if (!entry) charts.set(spec.id, (entry = figure(spec)));
    section.append(entry.fig);
    fill(entry, spec);
    if (isEmpty(spec)) {
      entry.chart?.destroy();
      entry.chart = null;
      continue;
    }
    entry.chart = draw(entry.canvas, spec, entry.chart);
    if (!marked) {
      marked = true;
      requestAnimationFrame(() => performance.mark("chiso:first-chart"));
    }
  }
}

function nav(r, unit) {
  const links = Object.entries(VIEWS).map(([v, names]) => {
    const a = el("a", { href: hashFor(r, { view: v }) }, names[r.lang === "en" ? 1 : 0]);
    if (v === r.view) a.setAttribute("aria-current", "page");
    return a;
  });
  document.querySelector("nav.views").replaceChildren(...links);
  const select = document.querySelector("#unit");
  const options = model.units.filter((u) => model.hasData(u.id)).map((u) => el("option", { value: u.id }, text(u.name, r.lang)));
  select.replaceChildren(...options);
  select.value = unit;
  select.onchange = () => (location.hash = hashFor(r, { unit: select.value }));
  document.querySelector("#unit-label").textContent = pick(r.lang, "Đơn vị", "Unit");
}

function summary(lang) {
  const errors = model.findings.filter((f) => f.severity === "error");
  const warnings = model.findings.length - errors.length;
  const line = `${model.files.length} ${pick(lang, "tệp", "files")}; ${errors.length} ${pick(lang, "lỗi", "errors")}, ${warnings} ${pick(lang, "cảnh báo", "warnings")}`;
  const list = el("ul", {}, ...model.findings.slice(0, 200).map((f) => el("li", {}, `${f.file}: ${f.severity}: ${f.message}`)));
  document.querySelector("#files").replaceChildren(el("details", {}, el("summary", {}, line), list));
}

async function start() {
  const data = new URLSearchParams(location.search).get("data") || "data/manifest.json";
  const status = main.querySelector(".loading");
  try {
    model = await loadData(data);
  } catch (e) {
    const retry = el("button", {}, pick(route().lang, "Thử lại", "Retry"));
    retry.onclick = () => location.reload();
    status.replaceWith(el("div", { class: "error", role: "alert" }, el("p", {}, `${pick(route().lang, "Không tải được số liệu: ", "Could not load the figures: ")}${data}: ${e.message}`), retry));
    return;
  }
  status.remove();
  render();
  addEventListener("hashchange", render);
}

start();
