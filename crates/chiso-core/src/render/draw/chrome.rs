//! The words drawn around an exported chart, which the page shows as HTML instead: the
//! title, the illustrative badge, and a last line with the status against the target and the
//! reports summed up.

use super::layout::{text_width, Frame};
use super::{Shapes, Style, BADGE, INK, MUTED};
use crate::render::spec::ChartSpec;
use plotters::prelude::WHITE;

pub(super) fn chrome(spec: &ChartSpec, f: &Frame, out: &mut Shapes) {
    out.text(spec.title.clone(), (8.0, 8.0), Style::new(16.0, INK));
    if spec.illustrative {
        let label = spec.lang.pick("SỐ LIỆU MINH HỌA", "ILLUSTRATIVE DATA");
        let bw = text_width(label, 11.0) + 12.0;
        let bx = f.width - bw - 8.0;
        out.rect((bx, 6.0), (bx + bw, 24.0), BADGE, 1.0);
        out.text(label, (bx + 6.0, 10.0), Style::new(11.0, WHITE));
    }
    // The status, in the words of the card and the chart's note, then the sources.
    let status = spec.status.as_ref().map(|s| format!("{} · ", s.text));
    let source = format!(
        "{}{}: {}",
        status.unwrap_or_default(),
        spec.lang.pick("Nguồn", "Source"),
        spec.source_summary()
    );
    out.text(source, (8.0, f.height - 16.0), Style::new(11.0, MUTED));
}
