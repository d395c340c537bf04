//! The legend: a swatch in each series' mark and colour, and its name, in rows above the plot.

use super::layout::{header, legend_rows, Frame};
use super::{color, px, text, Done, DrawOptions, INK};
use crate::render::spec::{ChartSpec, Mark};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

pub(super) fn legend<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
    opts: DrawOptions,
) -> Done<DB> {
    let (entries, _) = legend_rows(spec, 8.0, f.width - 16.0);
    for (x, row, i) in entries {
        let Some(s) = spec.series.get(i) else {
            continue;
        };
        let y = header(opts) + 4.0 + row as f64 * 20.0;
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
    Ok(())
}
