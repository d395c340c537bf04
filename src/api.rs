//! All fetching: the manifest (or a single metric file) and every file it lists, in parallel,
//! then one pass of the core's validator over whatever arrived. Files the user opens locally
//! join the same pass, and are kept in the browser's storage to join every later load too.

use crate::browser::{
    embedded_files, fetch_bytes, keep_file, kept_files, measured, Fetched, NotKept,
};
use chiso_core::ingest::finding::Finding;
use chiso_core::ingest::gather::Gathered;
use chiso_core::ingest::last_good::LastGood;
use chiso_core::ingest::load::{load, FileStatus, Loaded};

pub const DEFAULT_DATA: &str = "data/manifest.json";

/// A file the user opened, and whether the browser keeps it for later visits (or why not).
#[derive(Clone)]
pub struct LocalFile {
    pub name: String,
    pub kept: Result<(), NotKept>,
}

/// Everything loaded: what was gathered (with what could not be read) and the validator's result.
pub struct Bundle {
    gathered: Gathered,
    pub loaded: Loaded,
    /// The user's own files, in the order opened.
    pub local: Vec<LocalFile>,
    /// Whether the page can keep files across visits at all.
    pub storage: bool,
}

impl Bundle {
    fn new(gathered: Gathered, local: Vec<LocalFile>, storage: bool) -> Bundle {
        // From the bytes in hand to the checked model: what the benchmark reports as parsing.
        let loaded = measured("chiso:parse", || load(&gathered.inputs()));
        Bundle {
            gathered,
            loaded,
            local,
            storage,
        }
    }

    /// What was gathered, with the files kept from earlier visits joined.
    fn with_kept(mut gathered: Gathered) -> Bundle {
        let Some(kept) = kept_files() else {
            return Bundle::new(gathered, Vec::new(), false);
        };
        let mut local = Vec::new();
        for (name, bytes) in kept {
            gathered.replace(name.clone(), Ok(bytes));
            local.push(LocalFile { name, kept: Ok(()) });
        }
        Bundle::new(gathered, local, true)
    }

    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.gathered.findings().iter().chain(&self.loaded.findings)
    }

    pub fn files(&self) -> impl Iterator<Item = &FileStatus> {
        self.gathered.unreadable().iter().chain(&self.loaded.files)
    }

    /// The files shown from their last good copy, the network having failed them.
    pub fn last_good(&self) -> &[LastGood] {
        self.gathered.last_good()
    }

    /// The same data plus files the user opened: validated together, so a local file can use
    /// the published units and its conflicts with published figures are reported. Each is kept
    /// for later visits where the browser allows.
    pub fn with_local(&self, files: Vec<(String, Result<Vec<u8>, String>)>) -> Bundle {
        let mut gathered = self.gathered.clone();
        let mut local = self.local.clone();
        for (name, got) in files {
            let kept = match &got {
                Ok(bytes) if self.storage => keep_file(&name, bytes),
                Ok(_) => Err(NotKept::NoStorage),
                Err(_) => Err(NotKept::Unreadable),
            };
            local.retain(|l| l.name != name);
            local.push(LocalFile {
                name: name.clone(),
                kept,
            });
            gathered.replace(name, got);
        }
        Bundle::new(gathered, local, self.storage)
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
    Some(Bundle::with_kept(gathered))
}

/// Loads `url`: a manifest and its files, or one metric file. `Err` only when nothing at all
/// could be read; a broken file among good ones is reported inside the bundle.
pub async fn load_data(url: String) -> Result<Bundle, String> {
    let first = fetch_bytes(&url).await.map_err(|e| format!("{url}: {e}"))?;
    let mut gathered = Gathered::default();
    let name = short_name(&url);
    note_copy(&mut gathered, name, &first);
    let wanted = gathered.first_document(&url, name, first.bytes);
    let requests = wanted.iter().map(|w| fetch_bytes(&w.address));
    let results = futures::future::join_all(requests).await;
    for (w, got) in wanted.into_iter().zip(results) {
        let name = short_name(&w.address).to_string();
        if let Ok(f) = &got {
            note_copy(&mut gathered, &name, f);
        }
        gathered.receive(name, w.sha256, got.map(|f| f.bytes));
    }
    Ok(Bundle::with_kept(gathered))
}

/// Records a file that came as its last good copy, as the service worker's headers say.
fn note_copy(gathered: &mut Gathered, name: &str, fetched: &Fetched) {
    let copy = LastGood::from_headers(name, fetched.fallback.as_deref(), fetched.stored.as_deref());
    if let Some(copy) = copy {
        gathered.came_as_copy(copy);
    }
}

/// File names in messages without the directory the page already implies.
fn short_name(address: &str) -> &str {
    address.strip_prefix("data/").unwrap_or(address)
}
