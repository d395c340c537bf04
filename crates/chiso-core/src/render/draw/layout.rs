//! Where everything goes on the surface, worked out before anything is drawn: the plot area,
//! the axes' ticks and scales, each key's place (in time, or a row of a horizontal chart),
//! the legend's rows. Hit-testing reads the same numbers.

use super::DrawOptions;
use crate::render::numbers::{compact, percent_compact, NumberStyle};
use crate::render::scale::{nice_ticks, Bands, Linear};
use crate::render::spec::{ChartSpec, Mark, Side, HORIZONTAL_MARGIN};

/// Rough width of text at a font size: layout must not depend on a font being measurable
/// (natively there is none; in the browser it would cost a DOM round trip per label).
pub(super) fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.56
}

/// Height of the title band drawn into exports.
pub(super) fn header(opts: DrawOptions) -> f64 {
    if opts.chrome {
        34.0
    } else {
        0.0
    }
}

fn footer(opts: DrawOptions) -> f64 {
    if opts.chrome {
        22.0
    } else {
        0.0
    }
}

/// Where things landed: what hit-testing needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    /// Plot area: left, top, right, bottom.
    pub plot: (f64, f64, f64, f64),
    /// Equal slots along the plot's width; where keys really are is `slots` (`center`).
    pub bands: Bands,
    /// The value scale of the left axis; on horizontal charts it runs along x.
    pub left: Linear,
    pub right: Option<Linear>,
    /// Each key's extent along the category axis, in pixels: x on time and vertical charts,
    /// y on horizontal ones.
    pub slots: Vec<(f64, f64)>,
    /// Days from the common era to x, when the keys are periods.
    pub time: Option<Linear>,
    pub horizontal: bool,
}

/// How far from a figure a tap still reads it out, where periods leave gaps between them.
const REACH: f64 = 16.0;

impl Frame {
    /// The middle of key `i` along the category axis.
    pub fn center(&self, i: usize) -> f64 {
        self.slots.get(i).map_or(f64::NAN, |(a, b)| (a + b) / 2.0)
    }

    /// Where a read-out for key `i` points: (x, y).
    pub fn anchor(&self, i: usize) -> (f64, f64) {
        if self.horizontal {
            (self.plot.0, self.center(i))
        } else {
            (self.center(i), self.plot.1)
        }
    }

    /// The key under a point of the chart: the period over the plot area, or a row of a
    /// horizontal chart, its name included.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let (left, top, right, bottom) = self.plot;
        let (along, across) = if self.horizontal {
            if !(0.0..=self.width).contains(&x) {
                return None;
            }
            (y, (top, bottom))
        } else {
            if y < top - 8.0 || y > bottom + 24.0 {
                return None;
            }
            (x, (left, right))
        };
        if along < across.0 || along >= across.1 {
            return None;
        }
        // The narrowest key under the point: a month, not the target's year around it.
        let mut inside: Option<(usize, f64)> = None;
        for (i, (a, b)) in self.slots.iter().enumerate() {
            if (*a..*b).contains(&along) && inside.is_none_or(|(_, w)| b - a < w) {
                inside = Some((i, b - a));
            }
        }
        inside.map(|(i, _)| i).or_else(|| {
            let near = |i: &usize| (self.center(*i) - along).abs();
            (0..self.slots.len())
                .filter(|i| near(i) <= REACH)
                .min_by(|a, b| near(a).total_cmp(&near(b)))
        })
    }

    /// The scale a side's series are drawn on; the left one when there is no right axis.
    pub fn scale(&self, side: Side) -> Linear {
        if side == Side::Right {
            self.right.unwrap_or(self.left)
        } else {
            self.left
        }
    }
}

/// Totals per period of each side's series, bars stacked: the extent an axis must cover.
fn extent(spec: &ChartSpec, side: Side) -> Option<(f64, f64)> {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for i in 0..spec.keys.len() {
        let mut stacks: Vec<(u8, f64)> = Vec::new();
        for s in spec.series.iter().filter(|s| s.side == side) {
            let Some(v) = s.values.get(i).copied().flatten() else {
                continue;
            };
            match s.mark {
                Mark::Bar { stack } => match stacks.iter_mut().find(|(k, _)| *k == stack) {
                    Some((_, total)) => *total += v,
                    None => stacks.push((stack, v)),
                },
                Mark::Line | Mark::Dashed | Mark::Total { .. } | Mark::Dot | Mark::Tick => {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
                // Written beside the rows, on no scale.
                Mark::Text => {}
            }
        }
        for (_, total) in stacks {
            lo = lo.min(total);
            hi = hi.max(total);
        }
    }
    for r in spec.rules.iter().filter(|r| r.side == side) {
        for v in std::iter::once(r.value).chain(r.band_to) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    (lo <= hi).then_some((lo, hi))
}

/// The ticks of a side's axis; the first and last are its bounds.
pub(super) fn ticks_for(spec: &ChartSpec, side: Side) -> Vec<f64> {
    let axis = match side {
        Side::Left => Some(&spec.left),
        Side::Right => spec.right.as_ref(),
    };
    let (mut lo, mut hi) = extent(spec, side).unwrap_or((0.0, 1.0));
    if let Some((a, b)) = axis.and_then(|a| a.domain) {
        lo = lo.min(a);
        hi = hi.max(b);
    }
    let from_zero = axis.is_some_and(|a| a.from_zero);
    if from_zero {
        lo = lo.min(0.0);
    }
    let mut ticks = nice_ticks(lo, hi, 5);
    // A rank axis runs from rank 1 to the number of units ranked, not to rounder bounds (0, 80
    // for 63) that no unit can hold; a tick too close to such an end gives way to it.
    if let Some((min, max)) = axis.and_then(|a| a.domain).filter(|_| !from_zero) {
        let step = ticks.get(1).map_or(0.0, |t| t - ticks[0]);
        if ticks[0] < min && lo >= min {
            ticks[0] = min;
        }
        let n = ticks.len();
        if n > 2 && ticks[n - 1] > max && hi <= max {
            ticks[n - 1] = max;
            if max - ticks[n - 2] < step / 2.0 {
                ticks.remove(n - 2);
            }
        }
    }
    ticks
}

/// A tick's label, short: `58k`, `40 %`.
pub(super) fn tick_label(spec: &ChartSpec, side: Side, v: f64) -> String {
    let style = match side {
        Side::Left => spec.left.style,
        Side::Right => spec.right.as_ref().map_or(spec.left.style, |a| a.style),
    };
    match style {
        NumberStyle::Percent(_) => percent_compact(v, spec.lang),
        NumberStyle::Fixed(_) | NumberStyle::Change { .. } => compact(v, 4, spec.lang),
    }
}

/// Legend entries laid out in rows that fit `width`: (x, row, series index).
pub(super) fn legend_rows(
    spec: &ChartSpec,
    x0: f64,
    width: f64,
) -> (Vec<(f64, usize, usize)>, usize) {
    let mut out = Vec::new();
    let (mut x, mut row) = (x0, 0);
    for (i, s) in spec.series.iter().enumerate() {
        let w = 18.0 + text_width(&s.name, 12.0) + 14.0;
        if x > x0 && x + w > x0 + width {
            x = x0;
            row += 1;
        }
        out.push((x, row, i));
        x += w;
    }
    (out, if spec.series.is_empty() { 0 } else { row + 1 })
}

/// Computes where everything goes on a `width` × `height` surface.
pub fn layout(spec: &ChartSpec, width: f64, height: f64, opts: DrawOptions) -> Frame {
    if spec.horizontal {
        return rows_layout(spec, width, height, opts);
    }
    let header = header(opts);
    let footer = footer(opts);
    let (_, legend_lines) = legend_rows(spec, 8.0, width - 16.0);
    let legend = legend_lines as f64 * 20.0 + 6.0;
    let label_w = |side| {
        ticks_for(spec, side)
            .iter()
            .map(|v| text_width(&tick_label(spec, side, *v), 12.0))
            .fold(0.0, f64::max)
    };
    let left = 12.0 + label_w(Side::Left);
    let right = if spec.right.is_some() {
        12.0 + label_w(Side::Right)
    } else {
        14.0
    };
    let plot = (
        left,
        header + legend + 22.0,
        (width - right).max(left + 10.0),
        (height - footer - 30.0).max(header + legend + 34.0),
    );
    let bands = Bands {
        count: spec.keys.len(),
        range: (plot.0, plot.2),
    };
    let scale = |side, inverted: bool| {
        let (lo, hi) = bounds(spec, side);
        let range = if inverted {
            (plot.1, plot.3)
        } else {
            (plot.3, plot.1)
        };
        Linear {
            domain: (lo, hi),
            range,
        }
    };
    let time = time_scale(spec, (plot.0, plot.2));
    let slots = match time {
        Some(t) => spec
            .spans
            .iter()
            .map(|(a, b)| (t.project(*a), t.project(*b)))
            .collect(),
        None => (0..spec.keys.len())
            .map(|i| {
                (
                    bands.center(i) - bands.width() / 2.0,
                    bands.center(i) + bands.width() / 2.0,
                )
            })
            .collect(),
    };
    Frame {
        width,
        height,
        plot,
        bands,
        left: scale(Side::Left, spec.left.inverted),
        right: spec.right.as_ref().map(|a| scale(Side::Right, a.inverted)),
        slots,
        time,
        horizontal: false,
    }
}

/// The first and last tick of a side's axis: its extent.
fn bounds(spec: &ChartSpec, side: Side) -> (f64, f64) {
    let t = ticks_for(spec, side);
    (
        t.first().copied().unwrap_or(0.0),
        t.last().copied().unwrap_or(1.0),
    )
}

/// Days to x across the periods' whole extent, when there is one for every key.
fn time_scale(spec: &ChartSpec, range: (f64, f64)) -> Option<Linear> {
    if spec.spans.is_empty() || spec.spans.len() != spec.keys.len() {
        return None;
    }
    let start = spec.spans.iter().map(|s| s.0).fold(f64::INFINITY, f64::min);
    let end = spec
        .spans
        .iter()
        .map(|s| s.1)
        .fold(f64::NEG_INFINITY, f64::max);
    Some(Linear {
        domain: (start, end),
        range,
    })
}

/// Space above the rows of a horizontal chart, for the rule's label.
const ROWS_TOP: f64 = 28.0;

/// A horizontal chart's row name: on a comparison of units, the rank as published, then the
/// unit: "20. Tây Ninh"; otherwise the key's name alone (its rank is in the table).
pub(super) fn row_name(spec: &ChartSpec, i: usize) -> String {
    let name = spec.axis_labels.get(i).map_or("", String::as_str);
    match spec.ranks.get(i).copied().flatten() {
        Some(r) if spec.key_name == "unit" => format!("{}. {name}", compact(r, 0, spec.lang)),
        _ => name.to_string(),
    }
}

/// A horizontal chart's value at the end of each bar, or at the right of a row of dots, with
/// what is written beside it (`6,15  −0,48`).
pub(super) fn row_value(spec: &ChartSpec, i: usize) -> Option<String> {
    let s = spec.series.first()?;
    let v = s.values.get(i).copied().flatten()?;
    let mut out = spec.format(s, Some(v));
    for t in spec.series.iter().filter(|t| t.mark == Mark::Text) {
        if let Some(w) = t.values.get(i).copied().flatten() {
            out.push_str("  ");
            out.push_str(&spec.format(t, Some(w)));
        }
    }
    Some(out)
}

/// Whether a horizontal chart is a dot plot (a figure and its references a row) rather than
/// bars.
pub(super) fn is_dot_plot(spec: &ChartSpec) -> bool {
    spec.series.first().is_some_and(|s| s.mark == Mark::Dot)
}

/// Rows from the top, names at the left, values after the bars: as many rows as keys, each
/// its share of the height (`ROW` at `ChartSpec::preferred_height`).
fn rows_layout(spec: &ChartSpec, width: f64, height: f64, opts: DrawOptions) -> Frame {
    let n = spec.keys.len();
    let widest = |f: &dyn Fn(usize) -> f64| (0..n).map(f).fold(0.0, f64::max);
    let names = widest(&|i| text_width(&row_name(spec, i), 12.0)).min(width * 0.45) + 12.0;
    let values = widest(&|i| row_value(spec, i).map_or(0.0, |v| text_width(&v, 11.0))) + 10.0;
    // A dot plot's legend says which mark is which, above the rows.
    let legend = match is_dot_plot(spec) {
        true => legend_rows(spec, 8.0, width - 16.0).1 as f64 * 20.0,
        false => 0.0,
    };
    let top = header(opts) + ROWS_TOP + legend;
    let bottom = (height - footer(opts) - (HORIZONTAL_MARGIN - ROWS_TOP)).max(top + 1.0);
    let plot = (names, top, (width - values).max(names + 10.0), bottom);
    let row = (bottom - top) / n.max(1) as f64;
    let (lo, hi) = bounds(spec, Side::Left);
    Frame {
        width,
        height,
        plot,
        bands: Bands {
            count: n,
            range: (plot.0, plot.2),
        },
        left: Linear {
            domain: (lo, hi),
            range: (plot.0, plot.2),
        },
        right: None,
        slots: (0..n)
            .map(|i| (top + row * i as f64, top + row * (i + 1) as f64))
            .collect(),
        time: None,
        horizontal: true,
    }
}
