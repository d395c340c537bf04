//! Reading and checking published files: JSON with positions, the findings it reports, the
//! contract's checks, manifests, and the loader that turns bytes into a `Dataset`.

pub mod checks;
pub mod finding;
pub mod import;
pub mod json;
pub mod load;
pub mod manifest;
