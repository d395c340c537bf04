//! The data behind each chart of the dashboard, as `ChartSpec`s, one file per family: what
//! flows through a unit, the national indices, their components, and the comparison of
//! peers. Every chart is put together by the one `Builder`.

mod builder;
mod compare;
mod components;
mod flows;
mod indices;
mod time;

pub use compare::{compare, compare_by};
pub use components::{components, fall_text, out_of};
pub use flows::{dossiers_intake, dossiers_outcome, feedback, procedures, services};
pub use indices::{component, index};
