//! Reading and checking published files: the envelope every file shares, JSON with positions,
//! the findings it reports, the contract's checks, manifests and which of their files a view needs first, the loader that turns bytes into
//! a `Dataset`, and gathering the files a manifest lists.

pub mod checks;
pub mod envelope;
pub mod finding;
pub mod gather;
pub mod json;
pub mod last_good;
pub mod load;
pub mod manifest;
pub mod need;
