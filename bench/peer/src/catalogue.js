// The built-in indicator catalogue of chiso-metrics/1 (ids are the format's stable API) and
// the six national indices.

const count = (id, vi, en) => ({ id, name: { vi, en }, kind: "count" });

export const INDICES = [
  { family: "pci", vi: "PCI", en: "PCI" },
  { family: "papi", vi: "PAPI", en: "PAPI" },
  { family: "par_index", vi: "PAR INDEX (Chỉ số CCHC)", en: "PAR INDEX" },
  { family: "sipas", vi: "SIPAS (mức độ hài lòng)", en: "SIPAS (satisfaction)" },
  { family: "ict_index", vi: "ICT Index", en: "ICT Index" },
  { family: "dvc_index", vi: "Chỉ số phục vụ người dân, doanh nghiệp", en: "DVC index (service to citizens and businesses)" },
];

/** Each index's score scale: [min, max, is a percentage]. */
const SCALES = { pci: [0, 100, false], papi: [10, 80, false], par_index: [0, 100, true], sipas: [0, 100, true], ict_index: [0, 1, false], dvc_index: [0, 100, false] };

export function builtin() {
  const defs = [
    count("dossiers.received", "Hồ sơ tiếp nhận (gồm kỳ trước chuyển sang)", "Dossiers received (incl. carried over)"),
    count("dossiers.carried_over", "Hồ sơ kỳ trước chuyển sang", "Carried over from the previous period"),
    count("dossiers.online", "Tiếp nhận trực tuyến", "Received online"),
    count("dossiers.offline", "Tiếp nhận trực tiếp và qua bưu chính công ích", "Received in person or by post"),
    count("dossiers.resolved", "Đã giải quyết", "Resolved"),
    count("dossiers.resolved_on_time", "Giải quyết đúng hạn", "Resolved on time"),
    count("dossiers.resolved_late", "Giải quyết quá hạn", "Resolved late"),
    count("dossiers.pending", "Đang giải quyết", "Pending"),
    count("services.total", "Số TTHC, dịch vụ công của đơn vị", "Procedures and public services"),
    count("services.online_level3", "DVC trực tuyến mức độ 3", "Online services, level 3"),
    count("services.online_level4", "DVC trực tuyến mức độ 4", "Online services, level 4"),
    count("services.online_partial", "DVC trực tuyến một phần", "Online services, partial"),
    count("services.online_full", "DVC trực tuyến toàn trình", "Online services, full"),
    count("services.integrated_national", "DVC tích hợp lên Cổng DVC quốc gia", "Services integrated with the national portal"),
    count("procedures.decisions", "Quyết định công bố danh mục, quy trình TTHC", "Decisions publishing procedure lists and processes"),
    count("procedures.published", "TTHC được công bố", "Procedures published"),
    count("procedures.internal_processes", "Quy trình nội bộ được công bố", "Internal processes published"),
    count("procedures.public_national_db", "TTHC công khai trên CSDL quốc gia", "Procedures public on the national database"),
    count("feedback.received", "Phản ánh, kiến nghị tiếp nhận", "Feedback received"),
    count("feedback.resolved", "Phản ánh, kiến nghị đã xử lý", "Feedback resolved"),
  ];
  for (const f of INDICES) {
    const [min, max, percent] = SCALES[f.family];
    defs.push({ id: `${f.family}.score`, name: { vi: `${f.vi} – điểm`, en: `${f.en} – score` }, kind: percent ? "percent" : "score", min, max });
    defs.push({ id: `${f.family}.rank`, name: { vi: `${f.vi} – xếp hạng`, en: `${f.en} – rank` }, kind: "rank" });
  }
  return new Map(defs.map((d) => [d.id, d]));
}

/** Lower is better for ranks, higher otherwise, unless the definition says. */
export const better = (def) => def?.better ?? (def?.kind === "rank" ? "lower" : "higher");

/** Decimals a figure of this indicator is written with; a percent flag for percentages. */
export function styleOf(def) {
  if (!def || def.kind === "count" || def.kind === "rank") return { decimals: 0 };
  if (def.kind === "percent") return { decimals: 2, percent: true };
  return { decimals: def.max !== undefined && def.max <= 1 ? 4 : 2 };
}

/** A text field: a plain string, or { vi, en } with either language falling back to the other. */
export function text(t, lang) {
  if (typeof t === "string") return t;
  if (!t || typeof t !== "object") return "";
  const first = lang === "en" ? t.en : t.vi;
  const other = lang === "en" ? t.vi : t.en;
  return typeof first === "string" ? first : typeof other === "string" ? other : "";
}
