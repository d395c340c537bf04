//! Where everything goes on the surface, worked out before anything is drawn: the plot area,
//! the axes' ticks and scales, the legend's rows. Hit-testing reads the same numbers.

use super::DrawOptions;
use crate::render::numbers::{compact, percent_compact, NumberStyle};
use crate::render::scale::{nice_ticks, Bands, Linear};
use crate::render::spec::{ChartSpec, Mark, Side};

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
    pub bands: Bands,
    pub left: Linear,
    pub right: Option<Linear>,
}

impl Frame {
    /// Where a read-out for key `i` points: (x, y).
    pub fn anchor(&self, i: usize) -> (f64, f64) {
        (self.bands.center(i), self.plot.1)
    }

    /// The period under a point of the chart, if it is over the plot area.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let (_, top, _, bottom) = self.plot;
        if y < top - 8.0 || y > bottom + 24.0 {
            return None;
        }
        self.bands.at(x)
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
                Mark::Line | Mark::Dashed | Mark::Total { .. } => {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
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
    // A rank axis starts at rank 1, not at a rounder 0 that no unit can hold.
    if let Some((min, _)) = axis.and_then(|a| a.domain).filter(|_| !from_zero) {
        if ticks[0] < min && lo >= min {
            ticks[0] = min;
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
        NumberStyle::Fixed(_) => compact(v, 4, spec.lang),
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
        let t = ticks_for(spec, side);
        let domain = (t[0], t[t.len() - 1]);
        let range = if inverted {
            (plot.1, plot.3)
        } else {
            (plot.3, plot.1)
        };
        Linear { domain, range }
    };
    Frame {
        width,
        height,
        plot,
        bands,
        left: scale(Side::Left, spec.left.inverted),
        right: spec.right.as_ref().map(|a| scale(Side::Right, a.inverted)),
    }
}
