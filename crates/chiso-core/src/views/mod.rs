//! The dashboard's pages: their address in `location.hash` and the overview's scorecard.

pub mod overview;
pub mod route;
