//! The words drawn around an exported chart, which the page shows as HTML instead: the
//! title, the illustrative badge, and a last line with the status against the target and the
//! reports summed up.

use super::layout::{text_width, Frame};
use super::{px, text, Done, BADGE, INK, MUTED};
use crate::render::spec::ChartSpec;
use plotters::coord::Shift;
use plotters::prelude::*;

pub(super) fn chrome<DB: DrawingBackend>(
    spec: &ChartSpec,
    f: &Frame,
    area: &DrawingArea<DB, Shift>,
) -> Done<DB> {
    area.draw(&Text::new(spec.title.clone(), (8, 8), text(16.0, &INK)))?;
    if spec.illustrative {
        let label = spec.lang.pick("SỐ LIỆU MINH HỌA", "ILLUSTRATIVE DATA");
        let bw = text_width(label, 11.0) + 12.0;
        let bx = f.width - bw - 8.0;
        area.draw(&Rectangle::new(
            [(px(bx), 6), (px(bx + bw), 24)],
            BADGE.filled(),
        ))?;
        area.draw(&Text::new(label, (px(bx + 6.0), 10), text(11.0, &WHITE)))?;
    }
    // The status, in the words of the card and the chart's note, then the sources.
    let status = spec.status.as_ref().map(|s| format!("{} · ", s.text));
    let source = format!(
        "{}{}: {}",
        status.unwrap_or_default(),
        spec.lang.pick("Nguồn", "Source"),
        spec.source_summary()
    );
    area.draw(&Text::new(
        source,
        (8, px(f.height - 16.0)),
        text(11.0, &MUTED),
    ))?;
    Ok(())
}
