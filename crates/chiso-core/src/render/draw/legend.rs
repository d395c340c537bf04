//! The legend: a swatch in each series' mark and colour, and its name, in rows above the plot.

use super::layout::{header, legend_rows, Frame};
use super::{color, DrawOptions, Shapes, Style, INK};
use crate::render::spec::{ChartSpec, Mark};

pub(super) fn legend(spec: &ChartSpec, f: &Frame, out: &mut Shapes, opts: DrawOptions) {
    let (entries, _) = legend_rows(spec, 8.0, f.width - 16.0);
    for (x, row, i) in entries {
        let Some(s) = spec.series.get(i) else {
            continue;
        };
        let y = header(opts) + 4.0 + row as f64 * 20.0;
        let c = color(s.color);
        match s.mark {
            Mark::Bar { .. } => out.rect((x, y + 3.0), (x + 12.0, y + 15.0), c, 1.0),
            Mark::Dashed => out.dashed(&[(x, y + 9.0), (x + 14.0, y + 9.0)], c, 2, (4, 3)),
            Mark::Line | Mark::Total { .. } => out.line(&[(x, y + 9.0), (x + 12.0, y + 9.0)], c, 3),
            Mark::Dot => out.dot((x + 6.0, y + 9.0), c),
            Mark::Tick => out.line(&[(x + 6.0, y + 3.0), (x + 6.0, y + 15.0)], c, 3),
            Mark::Text => out.text("±", (x + 2.0, y + 2.0), Style::new(12.0, c)),
        }
        out.text(s.name.clone(), (x + 18.0, y + 2.0), Style::new(12.0, INK));
    }
}
