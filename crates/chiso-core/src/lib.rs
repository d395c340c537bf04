//! Chỉ số's core: the `chiso-metrics/1` data contract, its validation, derived metrics and the
//! charts drawn from it. No browser here: the web app and the `chiso` CLI both call this crate.

pub mod catalogue;
pub mod chart;
pub mod charts;
pub mod checks;
pub mod derive;
pub mod finding;
pub mod format;
pub mod generate;
pub mod json;
pub mod lang;
pub mod load;
pub mod manifest;
pub mod model;
pub mod overview;
pub mod period;
pub mod route;
pub mod text;

pub use finding::{Finding, Message, Severity};
pub use lang::Lang;
pub use load::{load, Input, Loaded};
pub use period::Period;
pub use text::Text;
