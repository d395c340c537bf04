//! All fetching: the manifest (or a single metric file) and every file it lists, in parallel,
//! then one pass of the core's validator over whatever arrived. Files the user opens locally
//! join the same pass.

use crate::browser::{embedded_files, fetch_bytes, measured};
use chiso_core::ingest::finding::Finding;
use chiso_core::ingest::gather::Gathered;
use chiso_core::ingest::load::{load, FileStatus, Loaded};

pub const DEFAULT_DATA: &str = "data/manifest.json";

/// Everything loaded: what was gathered (with what could not be read) and the validator's result.
pub struct Bundle {
    gathered: Gathered,
    pub loaded: Loaded,
}

impl Bundle {
    fn new(gathered: Gathered) -> Bundle {
        // From the bytes in hand to the checked model: what the benchmark reports as parsing.
        let loaded = measured("chiso:parse", || load(&gathered.inputs()));
        Bundle { gathered, loaded }
    }

    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.gathered.findings().iter().chain(&self.loaded.findings)
    }

    pub fn files(&self) -> impl Iterator<Item = &FileStatus> {
        self.gathered.unreadable().iter().chain(&self.loaded.files)
    }

    /// The same data plus files the user opened: validated together, so a local file can use
    /// the published units and its conflicts with published figures are reported.
    pub fn with_local(&self, files: Vec<(String, Result<Vec<u8>, String>)>) -> Bundle {
        let mut gathered = self.gathered.clone();
        for (name, got) in files {
            gathered.replace(name, got);
        }
        Bundle::new(gathered)
    }
}

/// The data carried inside the page, in the single-file offline build; `None` elsewhere.
pub fn load_embedded() -> Option<Bundle> {
    let files = embedded_files();
    if files.is_empty() {
        return None;
    }
    let mut gathered = Gathered::default();
    for (name, bytes, sha256) in files {
        gathered.receive(name, sha256, Ok(bytes));
    }
    Some(Bundle::new(gathered))
}

/// Loads `url`: a manifest and its files, or one metric file. `Err` only when nothing at all
/// could be read; a broken file among good ones is reported inside the bundle.
pub async fn load_data(url: String) -> Result<Bundle, String> {
    let first = fetch_bytes(&url).await.map_err(|e| format!("{url}: {e}"))?;
    let mut gathered = Gathered::default();
    let wanted = gathered.first_document(&url, short_name(&url), first);
    let requests = wanted.iter().map(|w| fetch_bytes(&w.address));
    let results = futures::future::join_all(requests).await;
    for (w, got) in wanted.into_iter().zip(results) {
        gathered.receive(short_name(&w.address).to_string(), w.sha256, got);
    }
    Ok(Bundle::new(gathered))
}

/// File names in messages without the directory the page already implies.
fn short_name(address: &str) -> &str {
    address.strip_prefix("data/").unwrap_or(address)
}
