// Reporting periods of the chiso-metrics/1 format: parsed, ordered and labelled.

const DAY = 86400000;
const ROMAN = ["I", "II", "III", "IV"];
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const VARIANT = { year: 0, half: 1, quarter: 2, month: 3, interval: 4 };

const days = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
const pad = (n) => String(n).padStart(2, "0");
const okYear = (y) => y >= 1945 && y <= 2100;

/** A strict YYYY-MM-DD date as a day number, or null. */
function date(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (!okYear(y) || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t.getTime() / DAY;
}

function span(kind, y, n, months) {
  const first = 1 + months * (n - 1);
  return { kind, y, n, start: days(y, first, 1), end: days(y, first + months, 1) - 1 };
}

/** Parses a period; null when it is not one. `key` is its canonical text. */
export function parsePeriod(s) {
  if (typeof s !== "string") return null;
  s = s.trim();
  let p = null;
  if (s.includes("/")) {
    const [a, b] = s.split("/");
    const [start, end] = [date(a), date(b)];
    if (start !== null && end !== null && start <= end) p = { kind: "interval", start, end };
  } else if (/^\d{4}$/.test(s)) {
    p = okYear(+s) ? span("year", +s, 1, 12) : null;
  } else {
    const m = /^(\d{4})-(?:([Hh])(\d{1,2})|([Qq])(\d{1,2})|(\d{2}))$/.exec(s);
    if (m && okYear(+m[1])) {
      const y = +m[1];
      if (m[2] && +m[3] >= 1 && +m[3] <= 2) p = span("half", y, +m[3], 6);
      else if (m[4] && +m[5] >= 1 && +m[5] <= 4) p = span("quarter", y, +m[5], 3);
      else if (m[6] && +m[6] >= 1 && +m[6] <= 12) p = span("month", y, +m[6], 1);
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      const d = date(s);
      if (d !== null) p = { kind: "interval", start: d, end: d };
    }
  }
  if (!p) return null;
  p.key = canonical(p);
  return p;
}

function iso(d) {
  const t = new Date(d * DAY);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

function canonical(p) {
  switch (p.kind) {
    case "year": return `${p.y}`;
    case "half": return `${p.y}-H${p.n}`;
    case "quarter": return `${p.y}-Q${p.n}`;
    case "month": return `${p.y}-${pad(p.n)}`;
    default: return `${iso(p.start)}/${iso(p.end)}`;
  }
}

/** Chronological: by end, then by start (the longer period first), then by form. */
export function compare(a, b) {
  return a.end - b.end || a.start - b.start || VARIANT[a.kind] - VARIANT[b.kind];
}

/** Years as a real number at the period's midpoint: the x of trend lines. */
export function midpointYears(p) {
  const mid = new Date((p.start + Math.floor((p.end - p.start) / 2)) * DAY);
  const y = mid.getUTCFullYear();
  const ordinal0 = (mid.getTime() - Date.UTC(y, 0, 1)) / DAY;
  const inYear = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / DAY;
  return y + (ordinal0 + 0.5) / inYear;
}

export function day(d, lang) {
  const t = new Date(d * DAY);
  const [y, m, dd] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  return lang === "en" ? `${dd} ${MONTHS_EN[m - 1]} ${y}` : `${pad(dd)}/${pad(m)}/${y}`;
}

/** The label a reader expects: `quý II/2020`, `Q2 2020`, `28/05/2020–28/08/2020`. */
export function label(p, lang) {
  const en = lang === "en";
  switch (p.kind) {
    case "year": return en ? `${p.y}` : `năm ${p.y}`;
    case "half": return en ? `H${p.n} ${p.y}` : `6 tháng ${p.n === 1 ? "đầu" : "cuối"} năm ${p.y}`;
    case "quarter": return en ? `Q${p.n} ${p.y}` : `quý ${ROMAN[p.n - 1]}/${p.y}`;
    case "month": return en ? `${MONTHS_EN[p.n - 1]} ${p.y}` : `tháng ${p.n}/${p.y}`;
    default: return p.start === p.end ? day(p.start, lang) : `${day(p.start, lang)}–${day(p.end, lang)}`;
  }
}

/** A compact label for chart axes. */
export function shortLabel(p, lang) {
  if (p.kind === "year") return `${p.y}`;
  if (p.kind === "interval") return day(p.end, "vi");
  if (lang === "en") return label(p, lang);
  return { half: `H${p.n}/${p.y}`, quarter: `Q${p.n}/${p.y}`, month: `${pad(p.n)}/${p.y}` }[p.kind];
}
