//! What the layers draw: plain shapes in a list, painted by one small function per backend.
//! Layout and layers are compiled once, not once for the canvas and again for the SVG.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Named by its variant, not by "sans-serif": plotters lowercases a family's name, and with that
/// come Unicode's case tables (about 3 KB of the page's first module).
const FONT: FontFamily = FontFamily::SansSerif;

/// How a text is set: size, colour, and which point of it sits at its position.
#[derive(Clone, Copy)]
pub(super) struct Style {
    size: f64,
    color: RGBColor,
    anchor: (HPos, VPos),
}

impl Style {
    /// `size` px in `color`, hanging from its top-left corner.
    pub(super) fn new(size: f64, color: RGBColor) -> Style {
        Style {
            size,
            color,
            anchor: (HPos::Left, VPos::Top),
        }
    }

    pub(super) fn at(self, h: HPos, v: VPos) -> Style {
        Style {
            anchor: (h, v),
            ..self
        }
    }
}

enum Shape {
    /// Filled, with an opacity.
    Rect((i32, i32), (i32, i32), RGBColor, f64),
    /// A stroke of a width, dashed by (dash, gap) when given.
    Line(Vec<(i32, i32)>, RGBColor, u32, Option<(u32, u32)>),
    /// A figure's dot: filled, with a white ring.
    Dot((i32, i32), RGBColor),
    Text(String, (i32, i32), Style),
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn point((x, y): (f64, f64)) -> (i32, i32) {
    (px(x), px(y))
}

/// The shapes of one chart, back to front.
#[derive(Default)]
pub(super) struct Shapes(Vec<Shape>);

impl Shapes {
    /// A filled rectangle between two opposite corners, in either order.
    pub(super) fn rect(&mut self, a: (f64, f64), b: (f64, f64), color: RGBColor, opacity: f64) {
        let top_left = point((a.0.min(b.0), a.1.min(b.1)));
        let bottom_right = point((a.0.max(b.0), a.1.max(b.1)));
        self.0
            .push(Shape::Rect(top_left, bottom_right, color, opacity));
    }

    pub(super) fn line(&mut self, points: &[(f64, f64)], color: RGBColor, width: u32) {
        let points = points.iter().copied().map(point).collect();
        self.0.push(Shape::Line(points, color, width, None));
    }

    pub(super) fn dashed(
        &mut self,
        points: &[(f64, f64)],
        color: RGBColor,
        width: u32,
        dash: (u32, u32),
    ) {
        let points = points.iter().copied().map(point).collect();
        self.0.push(Shape::Line(points, color, width, Some(dash)));
    }

    pub(super) fn dot(&mut self, at: (f64, f64), color: RGBColor) {
        self.0.push(Shape::Dot(point(at), color));
    }

    /// Text from the data, without control characters and the two non-characters: no font
    /// shows them, and XML forbids them, so an exported SVG with one would not open.
    pub(super) fn text(&mut self, text: impl Into<String>, at: (f64, f64), style: Style) {
        let mut text = text.into();
        text.retain(|c| !c.is_control() && !matches!(c, '\u{fffe}' | '\u{ffff}'));
        self.0.push(Shape::Text(text, point(at), style));
    }

    /// Paints every shape on `area`, in order.
    pub(super) fn paint<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        for shape in &self.0 {
            match shape {
                Shape::Rect(a, b, c, opacity) => {
                    area.draw(&Rectangle::new([*a, *b], c.mix(*opacity).filled()))?
                }
                Shape::Line(points, c, width, None) => {
                    area.draw(&PathElement::new(points.clone(), c.stroke_width(*width)))?
                }
                Shape::Line(points, c, width, Some((dash, gap))) => area.draw(
                    &DashedPathElement::new(points.clone(), *dash, *gap, c.stroke_width(*width)),
                )?,
                Shape::Dot(at, c) => {
                    area.draw(&Circle::new(*at, 4, c.filled()))?;
                    area.draw(&Circle::new(*at, 4, WHITE.stroke_width(1)))?
                }
                Shape::Text(text, at, s) => {
                    let font = TextStyle::from((FONT, s.size).into_font())
                        .color(&s.color)
                        .pos(Pos::new(s.anchor.0, s.anchor.1));
                    area.draw(&Text::new(text.as_str(), *at, font))?
                }
            }
        }
        Ok(())
    }
}
