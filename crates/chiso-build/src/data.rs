//! The bundled data: the manifest of `data/` and the files it lists at this address, which the
//! shell's script fetches early, the service worker keeps and the offline file carries.

use anyhow::{Context, Result};
use std::fs;
use std::path::Path;

pub struct Data {
    /// Paths relative to the page (`data/…`): the manifest, the listed files, then their packed
    /// copies.
    pub paths: Vec<String>,
    /// The listed files: their path in the manifest and their sha256, if given.
    pub files: Vec<(String, Option<String>)>,
}

impl Data {
    /// What `staging/data/manifest.json` lists.
    pub fn read(staging: &Path) -> Result<Data> {
        let manifest: serde_json::Value = serde_json::from_slice(
            &fs::read(staging.join("data/manifest.json"))
                .context("the bundled data has no manifest")?,
        )?;
        let files: Vec<(String, Option<String>)> = manifest["files"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| {
                Some((
                    f["path"].as_str()?.to_owned(),
                    f["sha256"].as_str().map(str::to_owned),
                ))
            })
            // Files elsewhere (`https:…`) are not bundled.
            .filter(|(path, _)| {
                !path
                    .split_once(':')
                    .is_some_and(|(scheme, _)| scheme.chars().all(|c| c.is_ascii_alphabetic()))
            })
            .collect();
        let packed = manifest["files"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f["packed"]["path"].as_str());
        let paths = std::iter::once("data/manifest.json".to_owned())
            .chain(files.iter().map(|(p, _)| format!("data/{p}")))
            .chain(packed.map(|p| format!("data/{p}")))
            .collect();
        Ok(Data { paths, files })
    }
}
