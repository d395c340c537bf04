//! Breaks in time: a stretch known to have no figure as a pale band behind the figures, named
//! in a word or two, and a merger as a dashed rule over them.

use super::layout::{text_width, Frame};
use super::{Shapes, Style, INK, MUTED};
use crate::render::spec::ChartSpec;
use plotters::prelude::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

const BAND: RGBColor = RGBColor(0xF0, 0xF0, 0xF0);

/// The bands of known gaps, behind everything else on the plot.
pub(super) fn gaps(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    let Some(t) = f.time else {
        return;
    };
    let (_, top, _, bottom) = f.plot;
    let style = Style::new(10.0, MUTED).at(HPos::Center, VPos::Top);
    for g in &spec.gaps {
        let (a, b) = (t.project(g.from), t.project(g.to));
        out.rect((a, top), (b, bottom), BAND, 1.0);
        for (k, line) in wrap(&g.label, b - a - 4.0).into_iter().enumerate() {
            out.text(line, ((a + b) / 2.0, top + 4.0 + 12.0 * k as f64), style);
        }
    }
}

/// Mergers, over the figures: a dashed rule, named above the plot on the side with room.
pub(super) fn mergers(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    let Some(t) = f.time else {
        return;
    };
    let (_, top, _, bottom) = f.plot;
    for m in &spec.boundaries {
        let x = t.project(m.day);
        out.dashed(&[(x, top - 8.0), (x, bottom)], INK, 1, (4, 3));
        let (lx, anchor) = if x < (f.plot.0 + f.plot.2) / 2.0 {
            (x + 4.0, HPos::Left)
        } else {
            (x - 4.0, HPos::Right)
        };
        let style = Style::new(11.0, INK).at(anchor, VPos::Bottom);
        out.text(m.label.clone(), (lx, top - 4.0), style);
    }
}

/// Words on as few lines as fit `width` at the band's font; a word wider than that stays whole.
fn wrap(label: &str, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for w in label.split(" ").filter(|w| !w.is_empty()) {
        match lines.last_mut() {
            Some(l) if text_width(&format!("{l} {w}"), 10.0) <= width => {
                l.push(' ');
                l.push_str(w);
            }
            _ => lines.push(w.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_words_to_the_band() {
        assert_eq!(wrap("Không công bố", 200.0), vec!["Không công bố"]);
        assert_eq!(wrap("Không công bố", 45.0), vec!["Không", "công bố"]);
        assert_eq!(wrap("Not published", 10.0), vec!["Not", "published"]);
    }
}
