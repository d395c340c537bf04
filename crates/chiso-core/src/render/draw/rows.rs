//! Horizontal bars, a row per unit: its name (after its rank as published) at the left, the
//! bar, its figure at the bar's end, the selected unit highlighted, and the median (or
//! average) as a rule across every row.

use super::layout::{row_name, row_value, text_width, Frame};
use super::{color, px, text, Done, FONT, INK, MUTED};
use crate::render::spec::ChartSpec;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The palette colour of the selected unit's bar.
const HIGHLIGHT: usize = 5;

pub(super) fn rows<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    let Some(series) = spec.series.first() else {
        return Ok(());
    };
    let (x0, top, x1, bottom) = f.plot;
    let zero = f.left.project(0.0).clamp(x0, x1);
    // The rule first: bars and figures stay readable over it.
    for r in &spec.rules {
        let x = f.left.project(r.value);
        let c = color(r.color);
        area.draw(&PathElement::new(
            vec![(px(x), px(top - 6.0)), (px(x), px(bottom))],
            c.stroke_width(2),
        ))?;
        // The label above the rows, kept inside the chart.
        let half = text_width(&r.label, 11.0) / 2.0;
        let lx = x.clamp(half + 2.0, (f.width - half - 2.0).max(half + 2.0));
        let style = text(11.0, &c).pos(Pos::new(HPos::Center, VPos::Bottom));
        area.draw(&Text::new(r.label.clone(), (px(lx), px(top - 8.0)), style))?;
    }
    for (i, &(a, b)) in f.slots.iter().enumerate() {
        let y = (a + b) / 2.0;
        let chosen = spec.highlight == Some(i);
        let ink = if chosen { color(HIGHLIGHT) } else { INK };
        let weight = if chosen {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let name = TextStyle::from((FONT, 12.0, weight).into_font())
            .color(&ink)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let shown = fit(&row_name(spec, i), x0 - 12.0, 12.0);
        area.draw(&Text::new(shown, (px(x0 - 8.0), px(y)), name))?;
        let (Some(v), Some(label)) = (series.values.get(i).copied().flatten(), row_value(spec, i))
        else {
            continue;
        };
        let x = f.left.project(v).clamp(x0, x1);
        let pad = ((b - a) * 0.18).min(4.0);
        let fill = color(if chosen { HIGHLIGHT } else { series.color });
        area.draw(&Rectangle::new(
            [
                (px(zero.min(x)), px(a + pad)),
                (px(zero.max(x)), px(b - pad)),
            ],
            fill.filled(),
        ))?;
        let style = text(11.0, &ink).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(label, (px(zero.max(x) + 4.0), px(y)), style))?;
    }
    area.draw(&PathElement::new(
        vec![(px(zero), px(top)), (px(zero), px(bottom))],
        MUTED.stroke_width(1),
    ))?;
    Ok(())
}

/// A name cut to `width` with an ellipsis, so a long one never runs into its bar.
fn fit(name: &str, width: f64, size: f64) -> String {
    if text_width(name, size) <= width {
        return name.to_string();
    }
    let keep = (width / (size * 0.56)).floor().max(1.0) as usize - 1;
    let mut cut: String = name.chars().take(keep).collect();
    cut.push('…');
    cut
}
