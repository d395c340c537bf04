//! All fetching: the manifest (or a single metric file) and every file it lists, in parallel,
//! then one pass of the core's validator over whatever arrived. Files the user opens locally
//! join the same pass.

use crate::browser::{embedded_files, fetch_bytes};
use chiso_core::ingest::finding::{Finding, Message, Severity};
use chiso_core::ingest::load::{load, FileState, FileStatus, Input, Loaded};
use chiso_core::ingest::manifest::{parse_manifest, resolve, sniff, DocKind};

pub const DEFAULT_DATA: &str = "data/manifest.json";

/// One file's bytes as received, and the checksum its manifest gave.
#[derive(Clone)]
struct Received {
    name: String,
    bytes: Vec<u8>,
    sha256: Option<String>,
}

/// Everything loaded: what arrived, what could not be read, and the validator's result.
pub struct Bundle {
    received: Vec<Received>,
    /// Problems with the manifest itself and with files that could not be fetched or read.
    fetch_findings: Vec<Finding>,
    unreachable: Vec<FileStatus>,
    pub loaded: Loaded,
}

impl Bundle {
    fn new(
        received: Vec<Received>,
        fetch_findings: Vec<Finding>,
        unreachable: Vec<FileStatus>,
    ) -> Bundle {
        let inputs: Vec<Input> = received
            .iter()
            .map(|r| Input {
                name: &r.name,
                bytes: &r.bytes,
                sha256: r.sha256.as_deref(),
            })
            .collect();
        let loaded = load(&inputs);
        Bundle {
            received,
            fetch_findings,
            unreachable,
            loaded,
        }
    }

    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.fetch_findings.iter().chain(&self.loaded.findings)
    }

    pub fn files(&self) -> impl Iterator<Item = &FileStatus> {
        self.unreachable.iter().chain(&self.loaded.files)
    }

    /// The same data plus files the user opened: validated together, so a local file can use
    /// the published units and its conflicts with published figures are reported.
    pub fn with_local(&self, files: Vec<(String, Result<Vec<u8>, String>)>) -> Bundle {
        let mut received = self.received.clone();
        let mut findings = self.fetch_findings.clone();
        let mut unreachable = self.unreachable.clone();
        for (name, bytes) in files {
            // A file opened again replaces its earlier version.
            received.retain(|r| r.name != name);
            match bytes {
                Ok(bytes) => received.push(Received {
                    name,
                    bytes,
                    sha256: None,
                }),
                Err(e) => {
                    let (f, s) = unreadable(&name, e);
                    findings.push(f);
                    unreachable.push(s);
                }
            }
        }
        Bundle::new(received, findings, unreachable)
    }
}

fn unreadable(name: &str, detail: String) -> (Finding, FileStatus) {
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

/// The data carried inside the page, in the single-file offline build; `None` elsewhere.
pub fn load_embedded() -> Option<Bundle> {
    let files = embedded_files();
    if files.is_empty() {
        return None;
    }
    let received = files
        .into_iter()
        .map(|(name, bytes, sha256)| Received {
            name,
            bytes,
            sha256,
        })
        .collect();
    Some(Bundle::new(received, Vec::new(), Vec::new()))
}

/// Loads `url`: a manifest and its files, or one metric file. `Err` only when nothing at all
/// could be read; a broken file among good ones is reported inside the bundle.
pub async fn load_data(url: String) -> Result<Bundle, String> {
    let first = fetch_bytes(&url).await.map_err(|e| format!("{url}: {e}"))?;
    if sniff(&first) != DocKind::Manifest {
        let received = vec![Received {
            name: short_name(&url).to_string(),
            bytes: first,
            sha256: None,
        }];
        return Ok(Bundle::new(received, Vec::new(), Vec::new()));
    }
    let (entries, mut findings) = parse_manifest(short_name(&url), &first);
    let requests = entries.iter().map(|e| {
        let address = resolve(&url, &e.path);
        async move {
            let result = fetch_bytes(&address).await;
            (address, result)
        }
    });
    let results = futures::future::join_all(requests).await;
    let mut received = Vec::new();
    let mut unreachable = Vec::new();
    for (entry, (address, result)) in entries.into_iter().zip(results) {
        let name = short_name(&address).to_string();
        match result {
            Ok(bytes) => received.push(Received {
                name,
                bytes,
                sha256: entry.sha256,
            }),
            Err(e) => {
                let (f, s) = unreadable(&name, e);
                findings.push(f);
                unreachable.push(s);
            }
        }
    }
    Ok(Bundle::new(received, findings, unreachable))
}

/// File names in messages without the directory the page already implies.
fn short_name(address: &str) -> &str {
    address.strip_prefix("data/").unwrap_or(address)
}
