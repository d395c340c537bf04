//! Breaks in time: a stretch known to have no figure as a pale band behind the figures, named
//! in a word or two, and a merger as a dashed rule over them.

use super::layout::{text_width, Frame};
use super::marks::RuleSpan;
use super::{Shapes, Style, INK, MUTED};
use crate::render::spec::ChartSpec;
use plotters::prelude::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

const BAND: RGBColor = RGBColor(0xF0, 0xF0, 0xF0);

/// The bands of known gaps, behind everything else on the plot.
pub(super) fn gaps(spec: &ChartSpec, f: &Frame, rules: &[RuleSpan], out: &mut Shapes) {
    let Some(t) = f.time else {
        return;
    };
    let (_, top, _, bottom) = f.plot;
    let style = Style::new(10.0, MUTED).at(HPos::Center, VPos::Top);
    for g in &spec.gaps {
        let (a, b) = (t.project(g.from), t.project(g.to));
        out.rect((a, top), (b, bottom), BAND, 1.0);
        let lines = wrap(&g.label, b - a - 4.0);
        let y = gap_label_top(&lines, (a + b) / 2.0, (top, bottom), rules);
        for (k, line) in lines.into_iter().enumerate() {
            out.text(line, ((a + b) / 2.0, y + 12.0 * k as f64), style);
        }
    }
}

/// The top of a gap's label, centred at `x`: at the band's top, else its bottom, else its
/// middle, whichever first keeps clear of every rule's line and label (a target's label sits
/// at the plot's right, where the latest gap often is).
fn gap_label_top(lines: &[String], x: f64, (top, bottom): (f64, f64), rules: &[RuleSpan]) -> f64 {
    let half = lines
        .iter()
        .map(|l| text_width(l, 10.0))
        .fold(0.0, f64::max)
        / 2.0;
    let tall = 12.0 * lines.len() as f64;
    let clear = |y: f64| {
        rules.iter().all(|rule| {
            let [l, t, r, b] = rule.label;
            let off_line = rule.y < y - 2.0 || rule.y > y + tall + 2.0;
            let off_label = r < x - half || l > x + half || b < y || t > y + tall;
            off_line && off_label
        })
    };
    let first = top + 4.0;
    [first, bottom - 4.0 - tall, (top + bottom - tall) / 2.0]
        .into_iter()
        .find(|&y| clear(y))
        .unwrap_or(first)
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
