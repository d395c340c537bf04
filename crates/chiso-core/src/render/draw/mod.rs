//! Draws a `ChartSpec` on any plotters backend: a canvas in the page, an SVG string for export
//! and for native tests. Layout is ours (see `layout`), so hit-testing uses the same numbers;
//! drawing goes layer by layer, back to front; comparisons of units are drawn as rows.

mod axes;
mod breaks;
mod chrome;
mod layout;
mod legend;
mod marks;
mod rows;

pub use layout::{layout, Frame};

use crate::render::spec::{ChartSpec, PALETTE};
use plotters::coord::Shift;
use plotters::prelude::*;

const FONT: &str = "sans-serif";
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

/// What drawing one layer returns: nothing, or the backend's error.
type Done<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn color(i: usize) -> RGBColor {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    RGBColor(r, g, b)
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn text(size: f64, c: &RGBColor) -> TextStyle<'_> {
    TextStyle::from((FONT, size).into_font()).color(c)
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
    if opts.chrome {
        chrome::chrome(spec, &f, area)?;
    }
    if spec.horizontal {
        rows::rows(spec, &f, area)?;
        return Ok(f);
    }
    legend::legend(spec, &f, area, opts)?;
    breaks::gaps(spec, &f, area)?;
    axes::axes(spec, &f, area)?;
    marks::marks(spec, &f, area)?;
    breaks::mergers(spec, &f, area)?;
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
