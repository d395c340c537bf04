//! The axes: what each measures, the grid with its tick labels, the baseline and the period
//! labels along x, spaced by time when the keys are periods.

use super::layout::{text_width, tick_label, ticks_for, Frame};
use super::{Shapes, Style, GRID, MUTED};
use crate::render::scale::{day_number, time_ticks, Linear};
use crate::render::spec::{ChartSpec, Side};
use chrono::{Datelike, NaiveDate};
use plotters::style::text_anchor::{HPos, VPos};

pub(super) fn axes(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    titles(spec, f, out);
    ticks(spec, f, out);
    match f.time {
        Some(t) => time_labels(spec, f, t, out),
        None => key_labels(spec, f, out),
    }
}

/// The unit of measure above each axis.
fn titles(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    let top = f.plot.1 - 10.0;
    let style = Style::new(11.0, MUTED);
    out.text(
        spec.left.title.clone(),
        (4.0, top),
        style.at(HPos::Left, VPos::Bottom),
    );
    if let Some(right) = spec.right.as_ref().filter(|_| f.right.is_some()) {
        out.text(
            right.title.clone(),
            (f.width - 4.0, top),
            style.at(HPos::Right, VPos::Bottom),
        );
    }
}

/// Grid and tick labels of the left axis, tick labels of the right one, and the baseline.
fn ticks(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    let (x0, _, x1, y1) = f.plot;
    for (side, scale) in [(Side::Left, Some(f.left)), (Side::Right, f.right)] {
        let Some(scale) = scale else { continue };
        for v in ticks_for(spec, side) {
            let y = scale.project(v);
            if side == Side::Left {
                out.line(&[(x0, y), (x1, y)], GRID, 1);
            }
            let (x, anchor) = match side {
                Side::Left => (x0 - 6.0, HPos::Right),
                Side::Right => (x1 + 6.0, HPos::Left),
            };
            let style = Style::new(12.0, MUTED).at(anchor, VPos::Center);
            out.text(tick_label(spec, side, v), (x, y), style);
        }
    }
    out.line(&[(x0, y1), (x1, y1)], MUTED, 1);
}

/// Each key's own label under it, thinned so they never overlap.
fn key_labels(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    let widest = spec
        .axis_labels
        .iter()
        .map(|l| text_width(l, 11.0))
        .fold(0.0, f64::max);
    let every = ((widest + 8.0) / f.bands.width().max(1.0)).ceil().max(1.0) as usize;
    let style = Style::new(11.0, MUTED).at(HPos::Center, VPos::Top);
    for (i, label) in spec.axis_labels.iter().enumerate().step_by(every) {
        out.text(label.clone(), (f.center(i), f.plot.3 + 6.0), style);
    }
}

/// The months, quarters or years along a time axis, each under the middle of its span (the
/// part in view), with a tick where it starts.
fn time_labels(spec: &ChartSpec, f: &Frame, t: Linear, out: &mut Shapes) {
    let shortest = spec
        .spans
        .iter()
        .map(|(a, b)| b - a)
        .fold(f64::MAX, f64::min);
    // A report's own dates ("28/05–28/08") are read against months, not calendar quarters.
    let calendar = spec.spans.iter().all(|(a, _)| {
        NaiveDate::from_num_days_from_ce_opt(*a as i32).is_some_and(|d| d.day() == 1)
    });
    let finest = match shortest {
        _ if !calendar => 1,
        d if d < 40.0 => 1,
        d if d < 100.0 => 3,
        _ => 12,
    };
    let (d0, d1) = t.domain;
    let per_day = (t.range.1 - t.range.0) / (d1 - d0).max(1.0);
    let ticks = time_ticks(t.domain, finest, per_day, spec.lang, |s| {
        text_width(s, 11.0)
    });
    let y1 = f.plot.3;
    let style = Style::new(11.0, MUTED).at(HPos::Center, VPos::Top);
    let mut drawn_to = f64::NEG_INFINITY;
    for p in ticks {
        let start = day_number(p.start());
        let end = day_number(p.end()) + 1.0;
        if start > d0 {
            let x = t.project(start);
            out.line(&[(x, y1), (x, y1 + 4.0)], MUTED, 1);
        }
        let x = t.project((start.max(d0) + end.min(d1)) / 2.0);
        let label = p.short_label(spec.lang);
        let half = text_width(&label, 11.0) / 2.0;
        if x - half < drawn_to + 4.0 {
            continue;
        }
        drawn_to = x + half;
        out.text(label, (x, y1 + 6.0), style);
    }
}
