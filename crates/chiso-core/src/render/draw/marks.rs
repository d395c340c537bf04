//! The figures themselves, back to front: target rules and bands, stacked bars with their
//! totals, lines with a dot on each figure, and dashed projections.

use super::layout::{text_width, Frame};
use super::{color, Shapes, Style};
use crate::order;
use crate::render::spec::{ChartSpec, Mark, Series};
use plotters::style::text_anchor::{HPos, VPos};

pub(super) fn marks(spec: &ChartSpec, f: &Frame, spans: &[RuleSpan], out: &mut Shapes) {
    rules(spec, f, spans, out);
    bars(spec, f, out);
    lines(spec, f, out);
    projections(spec, f, out);
}

/// A series' figure in period `i`, if it has one.
fn value(s: &Series, i: usize) -> Option<f64> {
    s.values.get(i).copied().flatten()
}

fn rules(spec: &ChartSpec, f: &Frame, spans: &[RuleSpan], out: &mut Shapes) {
    let (x0, _, x1, _) = f.plot;
    for (r, span) in spec.rules.iter().zip(spans) {
        let s = f.scale(r.side);
        let c = color(r.color);
        let y = s.project(r.value);
        match r.band_to {
            Some(to) => out.rect((x0, y), (x1, s.project(to)), c, 0.12),
            None => out.line(&[(x0, y), (x1, y)], c, 2),
        }
        let (h, v) = span.anchor;
        out.text(r.label.clone(), span.at, Style::new(11.0, c).at(h, v));
    }
}

/// What a rule takes up on the plot, so other labels keep clear of it.
#[derive(Clone, Copy)]
pub(super) struct RuleSpan {
    /// Its line's y.
    pub(super) y: f64,
    /// Its label's box: left, top, right, bottom.
    pub(super) label: [f64; 4],
    /// Where its label is drawn, and how it hangs from there.
    at: (f64, f64),
    anchor: (HPos, VPos),
}

/// Each rule with its label placed: at the plot's right end above its line, else below it,
/// else at the left end above, then below; the first that stays on the plot clear of every
/// figure's dot and line and every merger's rule, else the one over fewest. A target's label
/// must not hide the figure read against it, which is often the latest, at the right.
pub(super) fn rule_spans(spec: &ChartSpec, f: &Frame) -> Vec<RuleSpan> {
    let (x0, top, x1, bottom) = f.plot;
    let figures = figure_points(spec, f);
    spec.rules
        .iter()
        .map(|r| {
            let y = f.scale(r.side).project(r.value);
            let w = text_width(&r.label, 11.0);
            // (at the right end, above the line), in order of preference.
            let candidates = [(true, true), (true, false), (false, true), (false, false)].map(
                |(right, above)| {
                    // Hung from 4 px inside the plot's end, 3 px above or below the line.
                    let x = if right { x1 - 4.0 } else { x0 + 4.0 };
                    let ay = if above { y - 3.0 } else { y + 3.0 };
                    let l = if right { x - w } else { x };
                    let t = if above { ay - 12.0 } else { ay };
                    RuleSpan {
                        y,
                        label: [l, t, l + w, t + 12.0],
                        at: (x, ay),
                        anchor: (
                            if right { HPos::Right } else { HPos::Left },
                            if above { VPos::Bottom } else { VPos::Top },
                        ),
                    }
                },
            );
            let cost = |s: &RuleSpan| {
                let [l, t, r, b] = s.label;
                let off_plot = t < top || b > bottom;
                // A dot is drawn 3 px round its figure.
                let covered = figures
                    .iter()
                    .filter(|(x, y)| *x > l - 3.0 && *x < r + 3.0 && *y > t - 3.0 && *y < b + 3.0)
                    .count();
                usize::from(off_plot) * figures.len().max(1) * 2 + covered
            };
            // The first of the cheapest: `min_by_key` keeps the first of equals.
            candidates
                .into_iter()
                .min_by_key(cost)
                .unwrap_or(candidates[0])
        })
        .collect()
}

/// What a rule's label must not cover, as points: each dot of a line or projection, points every
/// few pixels along the segments between them, and down each merger's rule.
fn figure_points(spec: &ChartSpec, f: &Frame) -> Vec<(f64, f64)> {
    let (_, top, _, bottom) = f.plot;
    let mut out = Vec::new();
    if let Some(t) = f.time {
        for m in &spec.boundaries {
            let x = t.project(m.day);
            let steps = ((bottom - top) / 4.0).clamp(1.0, 1000.0) as usize;
            out.extend((0..=steps).map(|k| (x, top + (bottom - top) * k as f64 / steps as f64)));
        }
    }
    for s in spec
        .series
        .iter()
        .filter(|s| matches!(s.mark, Mark::Line | Mark::Dashed))
    {
        let dots = points(spec, f, s);
        for pair in dots.windows(2) {
            let ((i, a), (j, b)) = (pair[0], pair[1]);
            if s.mark == Mark::Line && !spec.joins(i, j) {
                continue;
            }
            // A figure far off the plot would ask for millions of points; none is needed there.
            // sqrt is one wasm instruction; `hypot` would bring in a software routine.
            let length = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
            let steps = (length / 4.0).ceil().clamp(1.0, 1000.0) as usize;
            out.extend((1..steps).map(|k| {
                let t = k as f64 / steps as f64;
                (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t)
            }));
        }
        out.extend(dots.into_iter().map(|(_, p)| p));
    }
    out
}

/// Bars: one slot per stack within each period's span; a stack's total is a mark across it.
fn bars(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    let stacks = order::sorted_unique(
        spec.series
            .iter()
            .filter_map(|s| match s.mark {
                Mark::Bar { stack } | Mark::Total { stack } => Some(stack),
                _ => None,
            })
            .collect(),
    );
    let n = stacks.len().max(1) as f64;
    for (i, (a, b)) in f.slots.iter().enumerate() {
        // Bars stay bar-shaped when there are few periods.
        let slot = ((b - a) * 0.72 / n).min(72.0);
        let left_edge = (a + b) / 2.0 - slot * n / 2.0;
        for (k, stack) in stacks.iter().enumerate() {
            let xa = left_edge + slot * k as f64;
            stack_bar(spec, f, out, (i, *stack), (xa, slot));
        }
    }
}

/// One stack of period `i`, in the slot starting at `xa` and `slot` wide.
fn stack_bar(
    spec: &ChartSpec,
    f: &Frame,
    out: &mut Shapes,
    (i, stack): (usize, u8),
    (xa, slot): (f64, f64),
) {
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
        out.rect(
            (xa + gap, ya.min(yb)),
            (xa + slot - gap, ya.max(yb)),
            color(s.color),
            1.0,
        );
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
        let y = f.scale(s.side).project(v);
        let reach = (slot * 0.15).min(6.0);
        out.line(
            &[(xa - reach, y), (xa + slot + reach, y)],
            color(s.color),
            3,
        );
    }
}

/// A series' figures as points at their keys' middles, with the key of each.
fn points(spec: &ChartSpec, f: &Frame, s: &Series) -> Vec<(usize, (f64, f64))> {
    let sc = f.scale(s.side);
    (0..spec.keys.len())
        .filter_map(|i| Some((i, (f.center(i), sc.project(value(s, i)?)))))
        .collect()
}

/// Lines, broken where a period has no figure, where periods leave time between them and at
/// a merger; a dot on each figure.
fn lines(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    for s in spec.series.iter().filter(|s| s.mark == Mark::Line) {
        let c = color(s.color);
        let points = points(spec, f, s);
        let mut run = Vec::new();
        for (k, (i, p)) in points.iter().enumerate() {
            run.push(*p);
            let joined = points.get(k + 1).is_some_and(|(j, _)| spec.joins(*i, *j));
            if !joined {
                if run.len() > 1 {
                    out.line(&run, c, 3);
                }
                run.clear();
            }
        }
        for (_, p) in points {
            out.dot(p, c);
        }
    }
}

/// Projections: dashed, straight across the periods in between, to the end of the target's
/// period (the date it is due), not its middle.
fn projections(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    for s in spec.series.iter().filter(|s| s.mark == Mark::Dashed) {
        let mut points = points(spec, f, s);
        if let Some((i, (x, _))) = points.last_mut() {
            *x = f.slots.get(*i).map_or(*x, |slot| slot.1);
        }
        let points: Vec<(f64, f64)> = points.into_iter().map(|(_, p)| p).collect();
        if points.len() > 1 {
            out.dashed(&points, color(s.color), 2, (6, 4));
        }
    }
}
