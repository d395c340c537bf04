//! Draws a `ChartSpec` on any plotters backend: a canvas in the page, an SVG string for export
//! and for native tests. Layout is ours (see `scale`), so hit-testing uses the same numbers.

use super::scale::{nice_ticks, Bands, Linear};
use super::spec::{ChartSpec, Mark, Side, PALETTE};
use crate::render::numbers::{compact, NumberStyle};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const FONT: &str = "sans-serif";
const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
const MUTED: RGBColor = RGBColor(0x66, 0x66, 0x66);
const GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);
const BADGE: RGBColor = RGBColor(0xB0, 0x3A, 0x00);

/// Rough width of text at a font size: layout must not depend on a font being measurable
/// (natively there is none; in the browser it would cost a DOM round trip per label).
fn text_width(s: &str, size: f64) -> f64 {
    s.chars().count() as f64 * size * 0.56
}

fn color(i: usize) -> RGBColor {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    RGBColor(r, g, b)
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DrawOptions {
    /// Title, illustrative badge and source line drawn into the image, for exports; in the page
    /// they are HTML around the canvas.
    pub chrome: bool,
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
    /// The period under a point of the chart, if it is over the plot area.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        let (_, top, _, bottom) = self.plot;
        if y < top - 8.0 || y > bottom + 24.0 {
            return None;
        }
        self.bands.at(x)
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

fn ticks_for(spec: &ChartSpec, side: Side) -> Vec<f64> {
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

fn tick_label(spec: &ChartSpec, side: Side, v: f64) -> String {
    let style = match side {
        Side::Left => spec.left.style,
        Side::Right => spec.right.as_ref().map_or(spec.left.style, |a| a.style),
    };
    match style {
        NumberStyle::Percent(_) => crate::render::numbers::percent_compact(v, spec.lang),
        NumberStyle::Fixed(_) => compact(v, 4, spec.lang),
    }
}

/// Legend entries laid out in rows that fit `width`: (x, row, series index).
fn legend_rows(spec: &ChartSpec, x0: f64, width: f64) -> (Vec<(f64, usize, usize)>, usize) {
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
    let header = if opts.chrome { 34.0 } else { 0.0 };
    let footer = if opts.chrome { 22.0 } else { 0.0 };
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

type Drawn<DB> = Result<Frame, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Draws the chart filling `area`, and returns the frame for hit-testing.
pub fn draw<DB: DrawingBackend>(
    spec: &ChartSpec,
    area: &DrawingArea<DB, Shift>,
    opts: DrawOptions,
) -> Drawn<DB> {
    let (w, h) = area.dim_in_pixel();
    let f = layout(spec, w as f64, h as f64, opts);
    let (x0, _, x1, y1) = f.plot;
    area.fill(&WHITE)?;
    fn text(size: f64, c: &RGBColor) -> TextStyle<'_> {
        TextStyle::from((FONT, size).into_font()).color(c)
    }

    if opts.chrome {
        area.draw(&Text::new(spec.title.clone(), (8, 8), text(16.0, &INK)))?;
        if spec.illustrative {
            let label = spec.lang.pick("SỐ LIỆU MINH HỌA", "ILLUSTRATIVE DATA");
            let bw = text_width(label, 11.0) + 12.0;
            let bx = f.width - bw - 8.0;
            area.draw(&Rectangle::new(
                [(px(bx), 6), (px(bx + bw), 24)],
                BADGE.filled(),
            ))?;
            area.draw(&Text::new(label, (px(bx + 6.0), 10), text(11.0, &WHITE)))?;
        }
        let source = format!(
            "{}: {}",
            spec.lang.pick("Nguồn", "Source"),
            spec.sources.join("; ")
        );
        area.draw(&Text::new(
            source,
            (8, px(f.height - 16.0)),
            text(11.0, &MUTED),
        ))?;
    }

    let header = if opts.chrome { 34.0 } else { 0.0 };
    let (entries, _) = legend_rows(spec, 8.0, f.width - 16.0);
    for (x, row, i) in entries {
        let s = &spec.series[i];
        let y = header + 4.0 + row as f64 * 20.0;
        let c = color(s.color);
        match s.mark {
            Mark::Bar { .. } => area.draw(&Rectangle::new(
                [(px(x), px(y + 3.0)), (px(x + 12.0), px(y + 15.0))],
                c.filled(),
            ))?,
            Mark::Dashed => area.draw(&DashedPathElement::new(
                vec![(px(x), px(y + 9.0)), (px(x + 14.0), px(y + 9.0))],
                4,
                3,
                c.stroke_width(2),
            ))?,
            Mark::Line | Mark::Total { .. } => area.draw(&PathElement::new(
                vec![(px(x), px(y + 9.0)), (px(x + 12.0), px(y + 9.0))],
                c.stroke_width(3),
            ))?,
        }
        area.draw(&Text::new(
            s.name.clone(),
            (px(x + 18.0), px(y + 2.0)),
            text(12.0, &INK),
        ))?;
    }

    // The unit of measure above each axis.
    let top = f.plot.1 - 10.0;
    let left_title = text(11.0, &MUTED).pos(Pos::new(HPos::Left, VPos::Bottom));
    area.draw(&Text::new(
        spec.left.title.clone(),
        (4, px(top)),
        left_title,
    ))?;
    if let Some(right) = spec.right.as_ref().filter(|_| f.right.is_some()) {
        let style = text(11.0, &MUTED).pos(Pos::new(HPos::Right, VPos::Bottom));
        area.draw(&Text::new(
            right.title.clone(),
            (px(f.width - 4.0), px(top)),
            style,
        ))?;
    }

    // Grid and tick labels of the left axis, tick labels of the right one.
    for (side, scale) in [(Side::Left, Some(f.left)), (Side::Right, f.right)] {
        let Some(scale) = scale else { continue };
        for v in ticks_for(spec, side) {
            let y = scale.project(v);
            if side == Side::Left {
                area.draw(&PathElement::new(
                    vec![(px(x0), px(y)), (px(x1), px(y))],
                    GRID.stroke_width(1),
                ))?;
            }
            let (x, anchor) = match side {
                Side::Left => (x0 - 6.0, HPos::Right),
                Side::Right => (x1 + 6.0, HPos::Left),
            };
            let style = text(12.0, &MUTED).pos(Pos::new(anchor, VPos::Center));
            area.draw(&Text::new(tick_label(spec, side, v), (px(x), px(y)), style))?;
        }
    }
    area.draw(&PathElement::new(
        vec![(px(x0), px(y1)), (px(x1), px(y1))],
        MUTED.stroke_width(1),
    ))?;

    // Period labels, thinned so they never overlap.
    let widest = spec
        .axis_labels
        .iter()
        .map(|l| text_width(l, 11.0))
        .fold(0.0, f64::max);
    let every = ((widest + 8.0) / f.bands.width().max(1.0)).ceil().max(1.0) as usize;
    for (i, label) in spec.axis_labels.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        let style = text(11.0, &MUTED).pos(Pos::new(HPos::Center, VPos::Top));
        area.draw(&Text::new(
            label.clone(),
            (px(f.bands.center(i)), px(y1 + 6.0)),
            style,
        ))?;
    }

    let scale_of = |side: Side| {
        if side == Side::Right {
            f.right.unwrap_or(f.left)
        } else {
            f.left
        }
    };

    for r in &spec.rules {
        let s = scale_of(r.side);
        let c = color(r.color);
        match r.band_to {
            Some(to) => {
                let (a, b) = (s.project(r.value), s.project(to));
                area.draw(&Rectangle::new(
                    [(px(x0), px(a.min(b))), (px(x1), px(a.max(b)))],
                    c.mix(0.12).filled(),
                ))?;
            }
            None => {
                let y = s.project(r.value);
                area.draw(&PathElement::new(
                    vec![(px(x0), px(y)), (px(x1), px(y))],
                    c.stroke_width(2),
                ))?;
            }
        }
        let style = text(11.0, &c).pos(Pos::new(HPos::Right, VPos::Bottom));
        area.draw(&Text::new(
            r.label.clone(),
            (px(x1 - 4.0), px(s.project(r.value) - 3.0)),
            style,
        ))?;
    }

    // Bars: one slot per stack within each period's band.
    let mut stacks: Vec<u8> = spec
        .series
        .iter()
        .filter_map(|s| match s.mark {
            Mark::Bar { stack } | Mark::Total { stack } => Some(stack),
            Mark::Line | Mark::Dashed => None,
        })
        .collect();
    stacks.sort_unstable();
    stacks.dedup();
    // Bars stay bar-shaped when there are few periods.
    let slot = (f.bands.width() * 0.72 / stacks.len().max(1) as f64).min(72.0);
    for i in 0..spec.keys.len() {
        let left_edge = f.bands.center(i) - slot * stacks.len() as f64 / 2.0;
        for (k, stack) in stacks.iter().enumerate() {
            let mut base = 0.0;
            for s in spec
                .series
                .iter()
                .filter(|s| s.mark == Mark::Bar { stack: *stack })
            {
                let Some(v) = s.values.get(i).copied().flatten() else {
                    continue;
                };
                let sc = scale_of(s.side);
                // Clipped to the plot: an axis that does not start at zero cuts bars off.
                let clip = |y: f64| y.clamp(f.plot.1, f.plot.3);
                let (ya, yb) = (clip(sc.project(base)), clip(sc.project(base + v)));
                let xa = left_edge + slot * k as f64;
                let gap = if slot > 6.0 { 1.0 } else { 0.0 };
                area.draw(&Rectangle::new(
                    [
                        (px(xa + gap), px(ya.min(yb))),
                        (px(xa + slot - gap), px(ya.max(yb))),
                    ],
                    color(s.color).filled(),
                ))?;
                base += v;
            }
            for s in spec
                .series
                .iter()
                .filter(|s| s.mark == Mark::Total { stack: *stack })
            {
                let Some(v) = s.values.get(i).copied().flatten() else {
                    continue;
                };
                let y = px(scale_of(s.side).project(v));
                let xa = left_edge + slot * k as f64;
                let reach = (slot * 0.15).min(6.0);
                let ends = vec![(px(xa - reach), y), (px(xa + slot + reach), y)];
                area.draw(&PathElement::new(ends, color(s.color).stroke_width(3)))?;
            }
        }
    }

    // Lines, broken where a period has no figure, with a dot on each figure.
    for s in spec.series.iter().filter(|s| s.mark == Mark::Line) {
        let sc = scale_of(s.side);
        let c = color(s.color);
        let mut run: Vec<(i32, i32)> = Vec::new();
        let points: Vec<Option<(i32, i32)>> = (0..spec.keys.len())
            .map(|i| {
                s.values
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|v| (px(f.bands.center(i)), px(sc.project(v))))
            })
            .collect();
        for p in points.iter().chain(std::iter::once(&None)) {
            match p {
                Some(p) => run.push(*p),
                None if !run.is_empty() => {
                    area.draw(&PathElement::new(
                        std::mem::take(&mut run),
                        c.stroke_width(3),
                    ))?;
                }
                None => {}
            }
        }
        for p in points.into_iter().flatten() {
            area.draw(&Circle::new(p, 4, c.filled()))?;
            area.draw(&Circle::new(p, 4, WHITE.stroke_width(1)))?;
        }
    }

    // Projections: dashed, straight across the periods in between.
    for s in spec.series.iter().filter(|s| s.mark == Mark::Dashed) {
        let sc = scale_of(s.side);
        let points: Vec<(i32, i32)> = (0..spec.keys.len())
            .filter_map(|i| {
                let v = s.values.get(i).copied().flatten()?;
                Some((px(f.bands.center(i)), px(sc.project(v))))
            })
            .collect();
        if points.len() > 1 {
            area.draw(&DashedPathElement::new(
                points,
                6,
                4,
                color(s.color).stroke_width(2),
            ))?;
        }
    }
    Ok(f)
}

/// The chart as a standalone SVG document.
pub fn to_svg(spec: &ChartSpec, width: u32, height: u32, opts: DrawOptions) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        // Drawing into a String cannot fail for I/O reasons; a failure leaves a partial image.
        let _ = draw(spec, &root, opts);
        let _ = root.present();
    }
    out
}
