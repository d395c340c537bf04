//! The figures themselves, back to front: target rules and bands, stacked bars with their
//! totals, lines with a dot on each figure, and dashed projections.

use super::layout::Frame;
use super::{color, px, text, Done};
use crate::render::spec::{ChartSpec, Mark, Series};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub(super) fn marks<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    rules(spec, f, area)?;
    bars(spec, f, area)?;
    lines(spec, f, area)?;
    projections(spec, f, area)
}

/// A series' figure in period `i`, if it has one.
fn value(s: &Series, i: usize) -> Option<f64> {
    s.values.get(i).copied().flatten()
}

fn rules<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    let (x0, _, x1, _) = f.plot;
    for r in &spec.rules {
        let s = f.scale(r.side);
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
    Ok(())
}

/// Bars: one slot per stack within each period's band; a stack's total is a mark across it.
fn bars<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
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
    let n = stacks.len().max(1) as f64;
    for (i, (a, b)) in f.slots.iter().enumerate() {
        // Bars stay bar-shaped when there are few periods.
        let slot = ((b - a) * 0.72 / n).min(72.0);
        let left_edge = (a + b) / 2.0 - slot * n / 2.0;
        for (k, stack) in stacks.iter().enumerate() {
            let xa = left_edge + slot * k as f64;
            stack_bar(spec, f, area, i, *stack, (xa, slot))?;
        }
    }
    Ok(())
}

/// One stack of one period, in the slot starting at `x` and `slot` wide.
fn stack_bar<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
    i: usize,
    stack: u8,
    (xa, slot): (f64, f64),
) -> Done<DB> {
    let mut base = 0.0;
    for s in spec.series.iter().filter(|s| s.mark == Mark::Bar { stack }) {
        let Some(v) = value(s, i) else {
            continue;
        };
        let sc = f.scale(s.side);
        // Clipped to the plot: an axis that does not start at zero cuts bars off.
        let clip = |y: f64| y.clamp(f.plot.1, f.plot.3);
        let (ya, yb) = (clip(sc.project(base)), clip(sc.project(base + v)));
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
        .filter(|s| s.mark == Mark::Total { stack })
    {
        let Some(v) = value(s, i) else {
            continue;
        };
        let y = px(f.scale(s.side).project(v));
        let reach = (slot * 0.15).min(6.0);
        let ends = vec![(px(xa - reach), y), (px(xa + slot + reach), y)];
        area.draw(&PathElement::new(ends, color(s.color).stroke_width(3)))?;
    }
    Ok(())
}

/// Lines, broken where a period has no figure, where periods leave time between them and at
/// a merger; a dot on each figure.
fn lines<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    for s in spec.series.iter().filter(|s| s.mark == Mark::Line) {
        let sc = f.scale(s.side);
        let c = color(s.color);
        let points: Vec<(usize, (i32, i32))> = (0..spec.keys.len())
            .filter_map(|i| Some((i, (px(f.center(i)), px(sc.project(value(s, i)?))))))
            .collect();
        let mut run: Vec<(i32, i32)> = Vec::new();
        for (k, (i, p)) in points.iter().enumerate() {
            run.push(*p);
            let joined = points
                .get(k + 1)
                .is_some_and(|(j, _)| *j == i + 1 && spec.joins(*i, *j));
            if !joined {
                let run = std::mem::take(&mut run);
                if run.len() > 1 {
                    area.draw(&PathElement::new(run, c.stroke_width(3)))?;
                }
            }
        }
        for (_, p) in points {
            area.draw(&Circle::new(p, 4, c.filled()))?;
            area.draw(&Circle::new(p, 4, WHITE.stroke_width(1)))?;
        }
    }
    Ok(())
}

/// Projections: dashed, straight across the periods in between.
fn projections<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    for s in spec.series.iter().filter(|s| s.mark == Mark::Dashed) {
        let sc = f.scale(s.side);
        let points: Vec<(i32, i32)> = (0..spec.keys.len())
            .filter_map(|i| Some((px(f.center(i)), px(sc.project(value(s, i)?)))))
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
    Ok(())
}
