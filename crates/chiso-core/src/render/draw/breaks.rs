//! Breaks in time: a stretch known to have no figure as a pale band behind the figures, named
//! in a word or two, and a merger as a dashed rule over them.

use super::layout::{text_width, Frame};
use super::{px, text, Done, INK, MUTED};
use crate::render::spec::ChartSpec;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const BAND: RGBColor = RGBColor(0xF0, 0xF0, 0xF0);

/// The bands of known gaps, behind everything else on the plot.
pub(super) fn gaps<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    let Some(t) = f.time else {
        return Ok(());
    };
    let (_, top, _, bottom) = f.plot;
    for g in &spec.gaps {
        let (a, b) = (t.project(g.from), t.project(g.to));
        area.draw(&Rectangle::new(
            [(px(a), px(top)), (px(b), px(bottom))],
            BAND.filled(),
        ))?;
        let style = text(10.0, &MUTED).pos(Pos::new(HPos::Center, VPos::Top));
        for (k, line) in wrap(&g.label, b - a - 4.0).into_iter().enumerate() {
            let y = top + 4.0 + 12.0 * k as f64;
            area.draw(&Text::new(line, (px((a + b) / 2.0), px(y)), style.clone()))?;
        }
    }
    Ok(())
}

/// Mergers, over the figures: a dashed rule, named above the plot on the side with room.
pub(super) fn mergers<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    let Some(t) = f.time else {
        return Ok(());
    };
    let (_, top, _, bottom) = f.plot;
    for m in &spec.boundaries {
        let x = t.project(m.day);
        area.draw(&DashedPathElement::new(
            vec![(px(x), px(top - 8.0)), (px(x), px(bottom))],
            4,
            3,
            INK.stroke_width(1),
        ))?;
        let (lx, anchor) = if x < (f.plot.0 + f.plot.2) / 2.0 {
            (x + 4.0, HPos::Left)
        } else {
            (x - 4.0, HPos::Right)
        };
        let style = text(11.0, &INK).pos(Pos::new(anchor, VPos::Bottom));
        area.draw(&Text::new(m.label.clone(), (px(lx), px(top - 4.0)), style))?;
    }
    Ok(())
}

/// Words on as few lines as fit `width` at the band's font; a word wider than that stays whole.
fn wrap(label: &str, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for w in label.split_whitespace() {
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
