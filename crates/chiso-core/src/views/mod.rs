//! The dashboard's pages: the list of views with their titles and charts, the overview's
//! scorecard, and the address in `location.hash` that names view, unit, range and language.

pub mod overview;
pub mod page;
pub mod route;
