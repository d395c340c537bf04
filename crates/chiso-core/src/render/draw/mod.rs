//! Draws a `ChartSpec` on any plotters backend: a canvas in the page, an SVG string for export
//! and for native tests. Layout is ours (see `layout`), so hit-testing uses the same numbers;
//! the layers, back to front, put plain shapes in a list (`shapes`) that each backend paints;
//! comparisons of units are drawn as rows.

mod axes;
mod breaks;
mod chrome;
mod layout;
mod legend;
mod marks;
mod rows;
mod shapes;

pub use layout::{layout, Frame};

use crate::render::spec::{ChartSpec, PALETTE};
use plotters::coord::Shift;
use plotters::prelude::*;
use shapes::{Shapes, Style};

const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
const MUTED: RGBColor = RGBColor(0x66, 0x66, 0x66);
const GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);
const BADGE: RGBColor = RGBColor(0xB0, 0x3A, 0x00);

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DrawOptions {
    /// Title, illustrative badge and source line drawn into the image, for exports; in the page
    /// they are HTML around the canvas.
    pub chrome: bool,
}

fn color(i: usize) -> RGBColor {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    RGBColor(r, g, b)
}

/// Every layer of the chart, back to front.
fn shapes(spec: &ChartSpec, f: &Frame, opts: DrawOptions) -> Shapes {
    let mut out = Shapes::default();
    if opts.chrome {
        chrome::chrome(spec, f, &mut out);
    }
    if spec.horizontal {
        if layout::is_dot_plot(spec) {
            legend::legend(spec, f, &mut out, opts);
            rows::dots(spec, f, &mut out);
        } else {
            rows::rows(spec, f, &mut out);
        }
        return out;
    }
    legend::legend(spec, f, &mut out, opts);
    // Placed once: the gaps' labels keep clear of the rules' labels, drawn later.
    let rules = marks::rule_spans(spec, f);
    breaks::gaps(spec, f, &rules, &mut out);
    axes::axes(spec, f, &mut out);
    marks::marks(spec, f, &rules, &mut out);
    breaks::mergers(spec, f, &mut out);
    out
}

/// Draws the chart filling `area`, and returns the frame for hit-testing.
pub fn draw<DB: DrawingBackend>(
    spec: &ChartSpec,
    area: &DrawingArea<DB, Shift>,
    opts: DrawOptions,
) -> Result<Frame, DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = area.dim_in_pixel();
    let f = layout(spec, w as f64, h as f64, opts);
    area.fill(&WHITE)?;
    shapes(spec, &f, opts).paint(area)?;
    Ok(f)
}

/// The chart as a standalone SVG document.
pub fn to_svg(spec: &ChartSpec, width: u32, height: u32, opts: DrawOptions) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        // Drawing into a String cannot fail for I/O reasons; a failure leaves a partial image.
        let _ = draw(spec, &root, opts);
        let _ = root.present();
    }
    out
}
