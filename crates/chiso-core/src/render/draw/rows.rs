//! Rows: horizontal bars, a row per unit: its name (after its rank as published) at the left,
//! the bar, its figure at the bar's end, the selected unit highlighted, and the median (or
//! average) as a rule across every row; or a dot plot, a row per component: the unit's figure
//! as a dot among its references (the median, the best) as strokes, the group drawn first
//! emphasised.

use super::layout::{row_name, row_value, text_width, Frame};
use super::{color, Shapes, Style, GRID, INK, MUTED};
use crate::render::spec::{ChartSpec, Mark};
use plotters::prelude::{RGBColor, WHITE};
use plotters::style::text_anchor::{HPos, VPos};

/// The palette colour of the selected unit's bar.
const HIGHLIGHT: usize = 5;

pub(super) fn rows(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    let Some(series) = spec.series.first() else {
        return;
    };
    let (x0, top, x1, bottom) = f.plot;
    let zero = f.left.project(0.0).clamp(x0, x1);
    // The rule first: bars and figures stay readable over it.
    for r in &spec.rules {
        let x = f.left.project(r.value);
        let c = color(r.color);
        out.line(&[(x, top - 6.0), (x, bottom)], c, 2);
        // The label above the rows, kept inside the chart.
        let half = text_width(&r.label, 11.0) / 2.0;
        let lx = x.clamp(half + 2.0, (f.width - half - 2.0).max(half + 2.0));
        let style = Style::new(11.0, c).at(HPos::Center, VPos::Bottom);
        out.text(r.label.clone(), (lx, top - 8.0), style);
    }
    let rules: Vec<f64> = spec.rules.iter().map(|r| f.left.project(r.value)).collect();
    for (i, &(a, b)) in f.slots.iter().enumerate() {
        let chosen = spec.highlight == Some(i);
        let (y, ink) = name(spec, f, i, chosen, out);
        let (Some(v), Some(label)) = (series.values.get(i).copied().flatten(), row_value(spec, i))
        else {
            continue;
        };
        let x = f.left.project(v).clamp(x0, x1);
        let pad = ((b - a) * 0.18).min(4.0);
        let fill = color(if chosen { HIGHLIGHT } else { series.color });
        out.rect((zero, a + pad), (x, b - pad), fill, 1.0);
        match figure_at(&label, zero.max(x), &rules, f.width) {
            Some(lx) => out.text(
                label,
                (lx, y),
                Style::new(11.0, ink).at(HPos::Left, VPos::Center),
            ),
            None => {
                // No room right of the bar: white, inside its end.
                let style = Style::new(11.0, WHITE).at(HPos::Right, VPos::Center);
                out.text(label, (x - 4.0, y), style);
            }
        }
    }
    out.line(&[(zero, top), (zero, bottom)], MUTED, 1);
}

pub(super) fn dots(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    let Some(own) = spec.series.first() else {
        return;
    };
    let (x0, _, x1, _) = f.plot;
    for (i, &(a, b)) in f.slots.iter().enumerate() {
        let grouped = i < spec.group;
        let (y, ink) = name(spec, f, i, grouped, out);
        out.line(&[(x0, y), (x1, y)], GRID, 1);
        let half = ((b - a) * 0.3).min(8.0);
        for s in spec.series.iter().filter(|s| s.mark == Mark::Tick) {
            if let Some(v) = s.values.get(i).copied().flatten() {
                let x = f.left.project(v).clamp(x0, x1);
                out.line(&[(x, y - half), (x, y + half)], color(s.color), 3);
            }
        }
        let Some(v) = own.values.get(i).copied().flatten() else {
            continue;
        };
        let fill = color(if grouped { HIGHLIGHT } else { own.color });
        out.dot((f.left.project(v).clamp(x0, x1), y), fill);
        if let Some(label) = row_value(spec, i) {
            let style = Style::new(11.0, ink).at(HPos::Left, VPos::Center);
            out.text(label, (x1 + 8.0, y), style);
        }
    }
}

/// Row `i`'s name at the left, in the highlight colour when `emphasised`: the row's middle and
/// the ink its figure is written in.
fn name(
    spec: &ChartSpec,
    f: &Frame,
    i: usize,
    emphasised: bool,
    out: &mut Shapes,
) -> (f64, RGBColor) {
    let (a, b) = f.slots[i];
    let y = (a + b) / 2.0;
    let ink = if emphasised { color(HIGHLIGHT) } else { INK };
    let x0 = f.plot.0;
    let style = Style::new(12.0, ink).at(HPos::Right, VPos::Center);
    out.text(
        fit(&row_name(spec, i), x0 - 12.0, 12.0),
        (x0 - 8.0, y),
        style,
    );
    (y, ink)
}

/// Where a figure starts, right of its bar's `end`: moved past a rule it would run across, or
/// `None` when that leaves it no room inside the chart's `width`.
fn figure_at(label: &str, end: f64, rules: &[f64], width: f64) -> Option<f64> {
    let w = text_width(label, 11.0);
    let mut lx = end + 4.0;
    for &rx in rules {
        if lx - 3.0 <= rx && rx <= lx + w + 3.0 {
            lx = rx + 5.0;
        }
    }
    (lx + w <= width - 2.0).then_some(lx)
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
