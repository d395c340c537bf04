//! The dashboard's pages: the list of views with their titles and charts, the overview's
//! scorecard, the address in `location.hash` that names view, unit, range and language, and
//! embeds of a view's charts in other sites.

pub mod embed;
pub mod overview;
pub mod page;
pub mod route;
