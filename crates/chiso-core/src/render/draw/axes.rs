//! The axes: what each measures, the grid with its tick labels, the baseline and the period
//! labels along x, spaced by time when the keys are periods.

use super::layout::{text_width, tick_label, ticks_for, Frame};
use super::{px, text, Done, GRID, MUTED};
use crate::render::scale::{day_number, time_ticks, Linear};
use crate::render::spec::{ChartSpec, Side};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub(super) fn axes<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    titles(spec, f, area)?;
    ticks(spec, f, area)?;
    period_labels(spec, f, area)
}

/// The unit of measure above each axis.
fn titles<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
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
    Ok(())
}

/// Grid and tick labels of the left axis, tick labels of the right one, and the baseline.
fn ticks<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    let (x0, _, x1, y1) = f.plot;
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
    Ok(())
}

/// Period labels, thinned so they never overlap: along time, the months, quarters or years
/// the axis spans; otherwise each key's own label.
fn period_labels<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    if let Some(t) = f.time {
        return time_labels(spec, f, t, area);
    }
    let y1 = f.plot.3;
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
    Ok(())
}

/// The months, quarters or years along a time axis, each under the middle of its span (the
/// part in view), with a tick where it starts.
fn time_labels<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    t: Linear,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    let shortest = spec
        .spans
        .iter()
        .map(|(a, b)| b - a)
        .fold(f64::MAX, f64::min);
    let finest = match shortest {
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
    let mut drawn_to = f64::NEG_INFINITY;
    for p in ticks {
        let start = day_number(p.start());
        let end = day_number(p.end()) + 1.0;
        if start > d0 {
            let x = px(t.project(start));
            area.draw(&PathElement::new(
                vec![(x, px(y1)), (x, px(y1 + 4.0))],
                MUTED.stroke_width(1),
            ))?;
        }
        let x = t.project((start.max(d0) + end.min(d1)) / 2.0);
        let label = p.short_label(spec.lang);
        let half = text_width(&label, 11.0) / 2.0;
        if x - half < drawn_to + 4.0 {
            continue;
        }
        drawn_to = x + half;
        let style = text(11.0, &MUTED).pos(Pos::new(HPos::Center, VPos::Top));
        area.draw(&Text::new(label, (px(x), px(y1 + 6.0)), style))?;
    }
    Ok(())
}
