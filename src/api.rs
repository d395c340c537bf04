//! All fetching: the manifest (or a single metric file) and every file it lists, in parallel,
//! then one pass of the core's validator over whatever arrived.

use crate::browser::fetch_bytes;
use chiso_core::finding::{Finding, Message, Severity};
use chiso_core::load::{load, FileState, FileStatus, Input, Loaded};
use chiso_core::manifest::{parse_manifest, resolve, sniff, DocKind};

pub const DEFAULT_DATA: &str = "data/manifest.json";

/// Everything loaded from one `?data=` address.
pub struct Bundle {
    pub loaded: Loaded,
    /// Problems with the manifest itself and with files that could not be fetched.
    pub fetch_findings: Vec<Finding>,
    pub unreachable: Vec<FileStatus>,
}

impl Bundle {
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.fetch_findings.iter().chain(&self.loaded.findings)
    }

    pub fn files(&self) -> impl Iterator<Item = &FileStatus> {
        self.unreachable.iter().chain(&self.loaded.files)
    }
}

fn unreachable(name: &str, detail: String) -> (Finding, FileStatus) {
    let finding = Finding {
        severity: Severity::Error,
        file: name.into(),
        location: None,
        message: Message::Unreadable { detail },
        subject: None,
    };
    let status = FileStatus {
        name: name.into(),
        state: FileState::Rejected,
        errors: 1,
        warnings: 0,
        observations: 0,
        illustrative: false,
    };
    (finding, status)
}

/// Loads `url`: a manifest and its files, or one metric file. `Err` only when nothing at all
/// could be read; a broken file among good ones is reported inside the bundle.
pub async fn load_data(url: String) -> Result<Bundle, String> {
    let first = fetch_bytes(&url).await.map_err(|e| format!("{url}: {e}"))?;
    let mut fetch_findings = Vec::new();
    let mut unreachable_files = Vec::new();
    let mut fetched: Vec<(String, Vec<u8>, Option<String>)> = Vec::new();
    if sniff(&first) == DocKind::Manifest {
        let (entries, problems) = parse_manifest(&url, &first);
        fetch_findings.extend(problems);
        let requests = entries.iter().map(|e| {
            let address = resolve(&url, &e.path);
            async move {
                let result = fetch_bytes(&address).await;
                (address, result)
            }
        });
        let results = futures::future::join_all(requests).await;
        for (entry, (address, result)) in entries.into_iter().zip(results) {
            match result {
                Ok(bytes) => fetched.push((address, bytes, entry.sha256)),
                Err(e) => {
                    let (f, s) = unreachable(short_name(&address), e);
                    fetch_findings.push(f);
                    unreachable_files.push(s);
                }
            }
        }
    } else {
        fetched.push((url, first, None));
    }
    let inputs: Vec<Input> = fetched
        .iter()
        .map(|(name, bytes, sha)| Input {
            name: short_name(name),
            bytes,
            sha256: sha.as_deref(),
        })
        .collect();
    let loaded = load(&inputs);
    Ok(Bundle {
        loaded,
        fetch_findings,
        unreachable: unreachable_files,
    })
}

/// File names in messages without the directory the page already implies.
fn short_name(address: &str) -> &str {
    address.strip_prefix("data/").unwrap_or(address)
}
