//! What a chart shows, independent of how it is drawn: the categories, the series, the axes and
//! every word around the figures. The canvas, the SVG export, the table and the CSV all read it.

use crate::contract::lang::Lang;
use crate::render::numbers::NumberStyle;
use crate::render::sources::summary;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Bars; series with the same stack number stack on each other.
    Bar {
        stack: u8,
    },
    /// A total drawn as a mark across its stack's bar, so a breakdown that falls short shows.
    Total {
        stack: u8,
    },
    Line,
    /// A projection: a dashed line.
    Dashed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The indicator id, or a derived series' name such as `derived.online_share`.
    pub id: String,
    pub name: String,
    pub mark: Mark,
    pub side: Side,
    /// Index into `PALETTE`.
    pub color: usize,
    pub style: NumberStyle,
    /// One per period; `None` where nothing was published.
    pub values: Vec<Option<f64>>,
    /// The report each figure comes from.
    pub sources: Vec<Option<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AxisSpec {
    pub title: String,
    pub style: NumberStyle,
    /// Ranks: 1 at the top.
    pub inverted: bool,
    /// Counts start at zero; scores use their data's range.
    pub from_zero: bool,
    /// A fixed extent (a share is always shown on 0–100 %), widened if data falls outside.
    pub domain: Option<(f64, f64)>,
}

/// A horizontal reference: a target line, or a band between two values.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub value: f64,
    pub band_to: Option<f64>,
    pub side: Side,
    pub label: String,
    pub color: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Stable id for exports and element ids: `dossiers-intake`.
    pub id: String,
    pub title: String,
    pub lang: Lang,
    /// What the categories along x are: `period`, or `unit` on comparisons.
    pub key_name: &'static str,
    /// Machine-readable categories: canonical periods (`2020-Q2`) or unit ids.
    pub keys: Vec<String>,
    /// Compact labels for the axis.
    pub axis_labels: Vec<String>,
    /// Full labels for tooltips and the table: `quý II/2020`.
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    pub left: AxisSpec,
    pub right: Option<AxisSpec>,
    pub rules: Vec<Rule>,
    /// The reports the figures come from, for the source line.
    pub sources: Vec<String>,
    pub illustrative: bool,
    /// The validator's warnings about these figures.
    pub warnings: Vec<String>,
    /// What the reader should know that is not a warning: units without a figure, merges.
    pub notes: Vec<String>,
}

/// Okabe–Ito: eight colours that readers with colour-vision deficiencies can tell apart.
pub const PALETTE: [(u8, u8, u8); 8] = [
    (0x00, 0x72, 0xB2),
    (0xE6, 0x9F, 0x00),
    (0x00, 0x9E, 0x73),
    (0xCC, 0x79, 0xA7),
    (0x56, 0xB4, 0xE9),
    (0xD5, 0x5E, 0x00),
    (0x7A, 0x7A, 0x7A),
    (0x00, 0x00, 0x00),
];

pub fn css_color(i: usize) -> String {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// What a tap or hover on one period shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Tooltip {
    pub period: String,
    pub rows: Vec<TooltipRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TooltipRow {
    pub name: String,
    pub value: String,
    pub color: usize,
    pub source: Option<String>,
}

impl ChartSpec {
    pub fn is_empty(&self) -> bool {
        self.series
            .iter()
            .all(|s| s.values.iter().all(Option::is_none))
    }

    /// One or two figures per series: shown as a card of figures rather than a chart.
    pub fn is_compact(&self) -> bool {
        self.series
            .iter()
            .all(|s| s.values.iter().flatten().count() <= 2)
    }

    /// The height the chart reads best at for a `width`: a landscape box.
    pub fn preferred_height(&self, width: f64) -> f64 {
        (width * 0.55).clamp(260.0, 420.0)
    }

    /// The source line in one line: "Báo cáo kết quả cải cách hành chính 2018–2025, 8 báo
    /// cáo", or the one report's title; `sources` keeps the full list.
    pub fn source_summary(&self) -> String {
        summary(&self.sources, self.lang)
    }

    pub fn format(&self, series: &Series, v: Option<f64>) -> String {
        v.map_or_else(|| "–".into(), |v| series.style.format(v, self.lang))
    }

    pub fn tooltip(&self, i: usize) -> Option<Tooltip> {
        let period = self.labels.get(i)?.clone();
        let rows = self
            .series
            .iter()
            .filter_map(|s| {
                let v = (*s.values.get(i)?)?;
                Some(TooltipRow {
                    name: s.name.clone(),
                    value: self.format(s, Some(v)),
                    color: s.color,
                    source: s.sources.get(i).cloned().flatten(),
                })
            })
            .collect();
        Some(Tooltip { period, rows })
    }

    /// The figures as a table: a header row, then one row per period.
    pub fn table(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let first = match self.key_name {
            "unit" => self.lang.pick("Đơn vị", "Unit"),
            _ => self.lang.pick("Kỳ", "Period"),
        };
        let mut header = vec![first.to_string()];
        header.extend(self.series.iter().map(|s| s.name.clone()));
        let rows = self
            .labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let mut row = vec![label.clone()];
                row.extend(
                    self.series
                        .iter()
                        .map(|s| self.format(s, s.values.get(i).copied().flatten())),
                );
                row
            })
            .collect();
        (header, rows)
    }

    /// Exactly the figures in the chart, machine-readable: canonical periods, plain numbers.
    pub fn csv(&self) -> String {
        let mut out = String::from(self.key_name);
        for s in &self.series {
            out.push(',');
            out.push_str(&csv_field(&s.id));
        }
        out.push('\n');
        for (i, key) in self.keys.iter().enumerate() {
            out.push_str(&csv_field(key));
            for s in &self.series {
                out.push(',');
                if let Some(v) = s.values.get(i).copied().flatten() {
                    out.push_str(&v.to_string());
                }
            }
            out.push('\n');
        }
        out
    }

    /// One sentence for screen readers: what the chart shows and its latest figures.
    pub fn alt_text(&self) -> String {
        let Some(last) = self.labels.len().checked_sub(1) else {
            return self.title.clone();
        };
        let latest: Vec<String> = self
            .series
            .iter()
            .filter_map(|s| {
                let v = s.values.get(last).copied().flatten()?;
                Some(format!("{} {}", s.name, self.format(s, Some(v))))
            })
            .collect();
        let span = match (self.labels.first(), self.labels.last()) {
            (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        };
        format!(
            "{}, {span}. {} {}: {}.",
            self.title,
            self.lang.pick("Số liệu", "Figures for"),
            self.labels[last],
            latest.join("; ")
        )
    }
}

/// What the title band and source line add to an exported image's height.
pub const CHROME: f64 = 56.0;

/// Quotes a CSV field when it holds a separator, a quote or a line break (RFC 4180).
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}
