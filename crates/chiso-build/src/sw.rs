//! The service worker: public/sw.js after its `BUILD` line, the app files to precache (all but
//! those on demand) and the data files as the first last good copies. The version is a hash of
//! every app file's name and bytes, so a build that changes any of them installs as a new version.

use crate::data::Data;
use crate::digest::{files_under, hash_files};
use crate::offline;
use anyhow::Result;
use serde_json::json;
use std::fs;
use std::path::Path;

/// Files only some visits load: the import worker (on a reader's first import) and embed.js (by
/// portals' pages). Not precached, and counted apart.
pub const ON_DEMAND: [&str; 4] = [
    "chiso-import-worker.js",
    "chiso-import-worker_bg.wasm",
    "import-worker.js",
    "embed.js",
];

/// Writes sw.js from its `template` and returns the version.
pub fn write(staging: &Path, template: &str, data: &Data) -> Result<String> {
    let all: Vec<String> = files_under(staging)?
        .into_iter()
        .filter(|f| {
            !(f == "sw.js" || f == offline::FILE || f.starts_with("data/") || f.starts_with('.'))
        })
        .collect();
    let version = hash_files(staging, &all)?;
    let app: Vec<&String> = all
        .iter()
        .filter(|f| !ON_DEMAND.contains(&f.as_str()))
        .collect();
    let build = json!({ "version": version, "app": app, "data": data.paths });
    fs::write(
        staging.join("sw.js"),
        format!("const BUILD = {build}; // written by the build\n{template}"),
    )?;
    Ok(version)
}
