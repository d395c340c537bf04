//! What a chart shows, independent of how it is drawn: the categories, the series, the axes and
//! every word around the figures. The canvas, the SVG export, the table and the CSV all read it.

use crate::contract::lang::Lang;
use crate::query::status::StatusLine;
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
    /// One figure a row, as a dot: a unit's own figure on a row chart.
    Dot,
    /// A reference a row, as a short upright stroke: the median, the best.
    Tick,
    /// Figures written beside each row, not on the value scale: a change on the period before.
    Text,
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

/// A change of the unit's territory (a merger) on a time axis: a vertical rule from `day`.
#[derive(Clone, Debug, PartialEq)]
pub struct Boundary {
    /// The first day of the new territory, in days from the common era.
    pub day: f64,
    pub label: String,
}

/// Time known to have no figure, such as an index not published that year: a labelled band.
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    /// From its first day to the day after its last, in days from the common era.
    pub from: f64,
    pub to: f64,
    pub label: String,
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
    /// Where each key sits in time, when keys are periods: its first day and the day after its
    /// last, in days from the common era. Empty on comparisons of units.
    pub spans: Vec<(f64, f64)>,
    /// Mergers within the time shown; no line joins figures across one.
    pub boundaries: Vec<Boundary>,
    /// Stretches known to have no figure.
    pub gaps: Vec<Gap>,
    /// Keys run down the chart, bars across: comparisons of units.
    pub horizontal: bool,
    /// The key drawn highlighted: the selected unit on a comparison.
    pub highlight: Option<usize>,
    /// The rank each key was published with, where the data gives one; empty otherwise.
    pub ranks: Vec<Option<f64>>,
    /// How many were ranked, per key, where a rank is among a varying field (`21/22`).
    pub ranked_of: Vec<Option<f64>>,
    /// The first rows that form a group drawn emphasised: the lowest-scoring group.
    pub group: usize,
    /// The chart in a sentence, where the latest figures would not say it: the components,
    /// weakest first.
    pub summary: Option<String>,
    /// Where the unit stands against its target, on index charts.
    pub status: Option<StatusLine>,
}

/// Two adjacent periods may leave a few days between them (reports' own date intervals).
const ADJACENT_DAYS: f64 = 7.0;

/// Height of one row of a horizontal chart, in pixels.
pub const ROW: f64 = 24.0;

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

    /// The published rank of key `i`, written as a count, out of how many where it varies.
    pub fn rank(&self, i: usize) -> Option<String> {
        let v = self.ranks.get(i).copied().flatten()?;
        let rank = NumberStyle::Fixed(0).format(v, self.lang);
        Some(match self.ranked_of.get(i).copied().flatten() {
            Some(of) => format!("{rank}/{}", NumberStyle::Fixed(0).format(of, self.lang)),
            None => rank,
        })
    }

    /// One or two figures per series: shown as a card of figures rather than a chart.
    pub fn is_compact(&self) -> bool {
        self.series
            .iter()
            .all(|s| s.values.iter().flatten().count() <= 2)
    }

    /// Whether a line may join the figures of keys `a` and `b` (`b` later): only when their
    /// periods are adjacent in time and no merger falls between them; without time, when the
    /// keys are neighbours.
    pub fn joins(&self, a: usize, b: usize) -> bool {
        let (Some(&(a0, a1)), Some(&(b0, b1))) = (self.spans.get(a), self.spans.get(b)) else {
            return self.spans.is_empty() && b == a + 1;
        };
        b0 - a1 <= ADJACENT_DAYS && !self.boundaries.iter().any(|m| a0 < m.day && m.day < b1)
    }

    /// The height the chart reads best at for a `width`: a row per unit on horizontal charts,
    /// so 63 provinces scroll down; a landscape box otherwise. Add `CHROME` for exports.
    pub fn preferred_height(&self, width: f64) -> f64 {
        if self.horizontal {
            // A dot plot's legend sits above its rows, in one line or two.
            let legend = match self.series.first().is_some_and(|s| s.mark == Mark::Dot) {
                true => 40.0,
                false => 0.0,
            };
            HORIZONTAL_MARGIN + legend + ROW * self.keys.len() as f64
        } else {
            (width * 0.55).clamp(260.0, 420.0)
        }
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
        let mut rows: Vec<TooltipRow> = self
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
        if let Some(value) = self.rank(i) {
            rows.push(TooltipRow {
                name: self.lang.pick("Hạng", "Rank").into(),
                value,
                color: 6,
                source: None,
            });
        }
        Some(Tooltip { period, rows })
    }

    /// The figures as a table: a header row, then one row per period.
    pub fn table(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let first = match self.key_name {
            "unit" => self.lang.pick("Đơn vị", "Unit"),
            "indicator" => self.lang.pick("Chỉ số thành phần", "Component"),
            _ => self.lang.pick("Kỳ", "Period"),
        };
        let mut header = vec![first.to_string()];
        header.extend(self.series.iter().map(|s| s.name.clone()));
        let ranked = self.ranks.iter().any(Option::is_some);
        if ranked {
            header.push(self.lang.pick("Hạng", "Rank").into());
        }
        let rows = self
            .listed()
            .map(|i| {
                let mut row = vec![self.labels[i].clone()];
                row.extend(
                    self.series
                        .iter()
                        .map(|s| self.format(s, s.values.get(i).copied().flatten())),
                );
                if ranked {
                    row.push(self.rank(i).unwrap_or_else(|| "–".into()));
                }
                row
            })
            .collect();
        (header, rows)
    }

    /// The keys the table and the CSV list: every one but a period without a figure that is
    /// coarser than those with figures (a yearly target's year in a monthly series), whose row
    /// would be all dashes under the months that hold its figures.
    fn listed(&self) -> impl Iterator<Item = usize> + '_ {
        let empty = |i: usize| {
            self.series
                .iter()
                .all(|s| s.values.get(i).copied().flatten().is_none())
                && self.ranks.get(i).copied().flatten().is_none()
        };
        let length = |i: usize| self.spans.get(i).map(|(from, to)| to - from);
        let finest = (0..self.keys.len())
            .filter(|&i| !empty(i))
            .filter_map(length)
            .fold(f64::INFINITY, f64::min);
        (0..self.keys.len())
            .filter(move |&i| !(empty(i) && length(i).is_some_and(|l| l > finest * 1.5)))
    }

    /// Exactly the figures in the chart, machine-readable: canonical periods, plain numbers.
    pub fn csv(&self) -> String {
        let mut out = String::from(self.key_name);
        for s in &self.series {
            out.push(',');
            out.push_str(&csv_field(&s.id));
        }
        let ranked = self.ranks.iter().any(Option::is_some);
        if ranked {
            out.push_str(",rank");
        }
        out.push('\n');
        for i in self.listed() {
            out.push_str(&csv_field(&self.keys[i]));
            let mut values: Vec<Option<f64>> = self
                .series
                .iter()
                .map(|s| s.values.get(i).copied().flatten())
                .collect();
            if ranked {
                values.push(self.ranks.get(i).copied().flatten());
            }
            for v in values {
                out.push(',');
                if let Some(v) = v {
                    out.push_str(&v.to_string());
                }
            }
            out.push('\n');
        }
        out
    }

    /// One sentence for screen readers: what the chart shows and its latest figures.
    pub fn alt_text(&self) -> String {
        if let Some(s) = &self.summary {
            return s.clone();
        }
        let Some(last) = self.labels.len().checked_sub(1) else {
            return self.title.clone();
        };
        // A comparison reads out the selected unit; a time series its latest period.
        let last = self.highlight.filter(|i| *i <= last).unwrap_or(last);
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

/// Above and below the rows of a horizontal chart: the rule's label, the margins.
pub const HORIZONTAL_MARGIN: f64 = 40.0;
/// What the title band and source line add to an exported image's height.
pub const CHROME: f64 = 56.0;

/// A text field of the CSV: text a spreadsheet would run as a formula (first character `=`,
/// `+`, `-`, `@`, tab or CR) gets a leading `'`, then the field is quoted when it holds a
/// separator, a quote or a line break (RFC 4180). Figures are written as numbers, not through here.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(sources: &[&str], figures: &[usize]) -> ChartSpec {
        let axis = AxisSpec {
            title: String::new(),
            style: NumberStyle::Fixed(0),
            inverted: false,
            from_zero: true,
            domain: None,
        };
        let keys = figures.iter().copied().max().unwrap_or(0);
        let series = figures
            .iter()
            .map(|n| Series {
                id: "s".into(),
                name: "s".into(),
                mark: Mark::Line,
                side: Side::Left,
                color: 0,
                style: NumberStyle::Fixed(0),
                values: (0..keys).map(|i| (i < *n).then_some(1.0)).collect(),
                sources: vec![None; keys],
            })
            .collect();
        ChartSpec {
            id: "t".into(),
            title: "t".into(),
            lang: Lang::Vi,
            key_name: "period",
            keys: vec![String::new(); keys],
            axis_labels: Vec::new(),
            labels: Vec::new(),
            series,
            left: axis,
            right: None,
            rules: Vec::new(),
            sources: sources.iter().map(|s| s.to_string()).collect(),
            illustrative: false,
            warnings: Vec::new(),
            notes: Vec::new(),
            spans: Vec::new(),
            boundaries: Vec::new(),
            gaps: Vec::new(),
            horizontal: false,
            highlight: None,
            ranks: Vec::new(),
            ranked_of: Vec::new(),
            group: 0,
            summary: None,
            status: None,
        }
    }

    #[test]
    fn one_or_two_figures_make_a_card() {
        assert!(spec(&[], &[1, 2]).is_compact());
        assert!(spec(&[], &[]).is_compact());
        assert!(!spec(&[], &[2, 3]).is_compact());
    }

    #[test]
    fn rows_set_the_height_of_a_horizontal_chart() {
        let mut c = spec(&[], &[63]);
        assert_eq!(c.preferred_height(800.0), 420.0);
        c.horizontal = true;
        assert_eq!(c.preferred_height(800.0), HORIZONTAL_MARGIN + 63.0 * ROW);
    }
}
