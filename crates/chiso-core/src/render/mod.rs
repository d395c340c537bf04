//! One chart abstraction for every view: a `ChartSpec` built from the data, drawn by `draw` on
//! any plotters backend, and read back as a table, CSV, tooltip and alt text; numbers written
//! as each language writes them.

pub mod draw;
pub mod numbers;
pub mod scale;
pub mod sources;
pub mod spark;
pub mod spec;

pub use draw::{draw, layout, to_svg, DrawOptions, Frame};
pub use spec::{AxisSpec, ChartSpec, Mark, Rule, Series, Side, Tooltip};
