//! The `chiso-metrics/1` contract: languages, texts, periods, the indicator catalogue and the
//! loaded data model. Everything else in the crate builds on these types.

pub mod catalogue;
pub mod components;
pub mod lang;
pub mod model;
pub mod names;
pub mod period;
pub mod provinces;
pub mod shared;
pub mod text;
