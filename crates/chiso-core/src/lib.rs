//! Chỉ số's core, laid out as the data flows: the `contract` (what a file may say), `ingest`
//! (reading and checking files), `query` (what the views ask of the loaded data), `charts` (the
//! figures behind each chart), `render` (drawing them) and `views` (the dashboard's pages and
//! address). No browser here: the web app and the `chiso` CLI both call this crate.

pub mod charts;
pub mod contract;
pub mod generate;
pub mod import;
pub mod ingest;
pub mod order;
pub mod query;
pub mod render;
pub mod views;

pub use contract::lang::Lang;
pub use contract::period::Period;
pub use contract::text::Text;
pub use ingest::finding::{Finding, Message, Severity};
pub use ingest::load::{load, Input, Loaded};
