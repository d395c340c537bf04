//! Gathering the files to load, with no I/O of its own: the first document (a manifest or a
//! metric file) says which files to get; the caller fetches or reads them and hands back their
//! bytes or why they could not be had. The dashboard and the CLI both gather this way.

use crate::ingest::finding::{Finding, Message, Severity};
use crate::ingest::last_good::LastGood;
use crate::ingest::load::is_packed;
use crate::ingest::load::{FileState, FileStatus, Input};
use crate::ingest::manifest::{manifest_of, resolve, Holds, PackedCopy};
use std::sync::Arc;

/// A file a manifest lists: where to get it (resolved against the manifest) and its checksum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wanted {
    pub address: String,
    pub sha256: Option<String>,
    /// What the manifest says the file holds, if it says.
    pub holds: Option<Holds>,
    /// Its packed copy (the address resolved), for a file validated at publishing.
    pub packed: Option<PackedCopy>,
}

impl Wanted {
    /// A URL such as `https://…`, as opposed to a path.
    pub fn is_remote(&self) -> bool {
        self.address.contains("://")
    }
}

/// One file's bytes as received, and the checksum its manifest gave. The bytes are shared, so
/// gathering again with a file added (the dashboard's local files) copies no national file.
#[derive(Clone, Debug)]
struct Received {
    name: String,
    bytes: Arc<Vec<u8>>,
    sha256: Option<String>,
    /// Its place in the manifest; files it does not list come after, in the order received.
    place: usize,
}

/// The files gathered so far, and what went wrong getting them: the manifest's own problems
/// and files that could not be fetched or read (each rejected, with an `Unreadable` finding).
#[derive(Clone, Debug, Default)]
pub struct Gathered {
    received: Vec<Received>,
    findings: Vec<Finding>,
    unreadable: Vec<FileStatus>,
    /// The first document's name, and the files that came as their last good copy.
    first: String,
    last_good: Vec<LastGood>,
}

impl Gathered {
    /// Takes the first document, got from `address` and named `name` in messages. A metric
    /// file is kept as it is; for a manifest, its problems are recorded and the files it lists
    /// are returned, for the caller to get and pass to `receive`.
    pub fn first_document(&mut self, address: &str, name: &str, bytes: Vec<u8>) -> Vec<Wanted> {
        self.first = name.to_string();
        let Some((entries, findings)) = manifest_of(name, &bytes) else {
            self.receive(name.to_string(), None, Ok(bytes));
            return Vec::new();
        };
        self.findings.extend(findings);
        entries
            .into_iter()
            .map(|e| Wanted {
                address: resolve(address, &e.path),
                sha256: e.sha256,
                holds: e.holds,
                packed: e.packed.map(|p| PackedCopy {
                    path: resolve(address, &p.path),
                    sha256: p.sha256,
                }),
            })
            .collect()
    }

    /// Records what getting one file gave: its bytes, or why it could not be had.
    pub fn receive(&mut self, name: String, sha256: Option<String>, got: Result<Vec<u8>, String>) {
        self.receive_listed(usize::MAX, name, sha256, got);
    }

    /// `receive` for the manifest's file at `place`: the files are loaded in the manifest's
    /// order whatever order they arrive in, so that units and indicators keep their order.
    pub fn receive_listed(
        &mut self,
        place: usize,
        name: String,
        sha256: Option<String>,
        got: Result<Vec<u8>, String>,
    ) {
        let detail = match got {
            Ok(bytes) => {
                let at = self.received.partition_point(|r| r.place <= place);
                let file = Received {
                    name,
                    bytes: Arc::new(bytes),
                    sha256,
                    place,
                };
                self.received.insert(at, file);
                return;
            }
            Err(detail) => detail,
        };
        self.findings.push(Finding {
            severity: Severity::Error,
            file: name.clone(),
            location: None,
            message: Message::Unreadable { detail },
            subject: None,
        });
        self.unreadable.push(FileStatus {
            name,
            state: FileState::Rejected,
            errors: 1,
            warnings: 0,
            observations: 0,
            illustrative: false,
        });
    }

    /// Notes that a file received (or the first document) is its last good copy, not the
    /// file now published.
    pub fn came_as_copy(&mut self, copy: LastGood) {
        self.last_good.retain(|c| c.file != copy.file);
        self.last_good.push(copy);
    }

    /// The files shown from their last good copy.
    pub fn last_good(&self) -> &[LastGood] {
        &self.last_good
    }

    /// A file opened again: it replaces the bytes received earlier under its name.
    pub fn replace(&mut self, name: String, got: Result<Vec<u8>, String>) {
        self.forget(&name);
        self.receive(name, None, got);
    }

    /// Drops every trace of a file: its bytes, its failure and the findings about it.
    pub fn forget(&mut self, name: &str) {
        self.received.retain(|r| r.name != name);
        self.unreadable.retain(|f| f.name != name);
        self.findings.retain(|f| f.file != name);
        self.last_good.retain(|c| c.file != name);
    }

    /// The received files, in the order received, for `load`. A manifest's checksum describes
    /// the file published with it: it is not applied when either side is an older stored copy.
    pub fn inputs(&self) -> Vec<Input<'_>> {
        let is_copy = |name: &str| self.last_good.iter().any(|c| c.file == name);
        let first_is_copy = is_copy(&self.first);
        self.received
            .iter()
            .map(|r| Input {
                name: &r.name,
                bytes: r.bytes.as_slice(),
                sha256: r
                    .sha256
                    .as_deref()
                    .filter(|_| !first_is_copy && !is_copy(&r.name)),
            })
            .collect()
    }

    /// The listed files received as their packed copy: their place in the manifest and name.
    /// The validator reads JSON only: these are fetched as JSON when it has to read them.
    pub fn packed(&self) -> Vec<(usize, String)> {
        let packed = self.received.iter().filter(|r| is_packed(&r.bytes));
        packed.map(|r| (r.place, r.name.clone())).collect()
    }

    /// The manifest's problems and the files that could not be had, in the order met.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// A rejected status for each file that could not be had.
    pub fn unreadable(&self) -> &[FileStatus] {
        &self.unreadable
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::load::load;

    const METRICS: &str = r#"{ "format": "chiso-metrics/1", "units": [
        { "id": "tay-ninh", "name": "Tây Ninh", "level": "province" } ] }"#;

    #[test]
    fn a_metric_file_is_all_there_is_to_get() {
        let mut g = Gathered::default();
        let wanted = g.first_document("data/a.json", "a.json", METRICS.into());
        assert!(wanted.is_empty());
        let inputs = g.inputs();
        assert_eq!(inputs.len(), 1);
        assert_eq!((inputs[0].name, inputs[0].sha256), ("a.json", None));
        assert_eq!(load(&inputs).data.units.len(), 1);
    }

    #[test]
    fn a_manifest_says_what_to_get_and_failures_become_findings() {
        let hash = "ab".repeat(32);
        let manifest = format!(
            r#"{{ "format": "chiso-manifest/1", "files": [ {{ "path": "a.json", "sha256": "{hash}",
            "packed": {{ "path": "a.chiso", "sha256": "{hash}" }} }},
            {{ "path": "https://x.vn/b.json" }}, {{ "sha256": "x" }} ] }}"#
        );
        let mut g = Gathered::default();
        let wanted = g.first_document("data/m.json", "m.json", manifest.into());
        assert_eq!(
            wanted,
            [
                Wanted {
                    address: "data/a.json".into(),
                    sha256: Some(hash.clone()),
                    holds: None,
                    packed: Some(PackedCopy {
                        path: "data/a.chiso".into(),
                        sha256: hash.clone(),
                    }),
                },
                Wanted {
                    address: "https://x.vn/b.json".into(),
                    sha256: None,
                    holds: None,
                    packed: None,
                },
            ]
        );
        assert!(!wanted[0].is_remote() && wanted[1].is_remote());
        assert_eq!(g.findings().len(), 1, "the entry without a path");
        g.receive("a.json".into(), Some(hash.clone()), Ok(METRICS.into()));
        g.receive("b.json".into(), None, Err("HTTP 404 Not Found".into()));
        assert_eq!(g.inputs()[0].sha256, Some(hash.as_str()));
        let last = &g.findings()[1];
        assert_eq!(last.file, "b.json");
        assert_eq!(
            last.message,
            Message::Unreadable {
                detail: "HTTP 404 Not Found".into()
            }
        );
        let status = &g.unreadable()[0];
        assert_eq!(
            (status.name.as_str(), status.state),
            ("b.json", FileState::Rejected)
        );
        assert_eq!(status.errors, 1);
    }

    #[test]
    fn listed_files_load_in_the_manifest_order_whatever_order_they_came_in() {
        let mut g = Gathered::default();
        g.receive("mine.json".into(), None, Ok(METRICS.into()));
        for place in [2, 0, 1] {
            g.receive_listed(place, format!("{place}.json"), None, Ok(METRICS.into()));
        }
        let names: Vec<&str> = g.inputs().iter().map(|i| i.name).collect();
        assert_eq!(names, ["0.json", "1.json", "2.json", "mine.json"]);
    }

    #[test]
    fn a_file_opened_again_replaces_the_earlier_one() {
        let mut g = Gathered::default();
        g.receive("a.json".into(), None, Ok(b"{}".to_vec()));
        g.replace("a.json".into(), Ok(METRICS.into()));
        let inputs = g.inputs();
        assert_eq!(inputs.len(), 1);
        assert_eq!(inputs[0].bytes, METRICS.as_bytes());
        g.replace("a.json".into(), Err("gone".into()));
        assert!(g.inputs().is_empty());
        assert_eq!(g.unreadable().len(), 1);
        g.replace("a.json".into(), Ok(METRICS.into()));
        assert_eq!(
            (g.unreadable().len(), g.findings().len()),
            (0, 0),
            "the failure went with it"
        );
        g.forget("a.json");
        assert!(g.inputs().is_empty());
    }

    fn copy_of(file: &str) -> LastGood {
        LastGood::from_headers(file, Some("offline"), Some("2026-11-25T07:05:00Z"))
            .expect("headers")
    }

    fn manifest_listing(hash: &str) -> String {
        format!(
            r#"{{ "format": "chiso-manifest/1", "files": [ {{ "path": "a.json", "sha256": "{hash}" }}, {{ "path": "b.json", "sha256": "{hash}" }} ] }}"#
        )
    }

    #[test]
    fn a_stored_copy_is_loaded_without_the_checksum_of_the_file_now_published() {
        let hash = "ab".repeat(32);
        let mut g = Gathered::default();
        g.first_document("data/m.json", "m.json", manifest_listing(&hash).into());
        g.receive("a.json".into(), Some(hash.clone()), Ok(METRICS.into()));
        g.receive("b.json".into(), Some(hash.clone()), Ok(METRICS.into()));
        g.came_as_copy(copy_of("b.json"));
        let shas: Vec<_> = g.inputs().iter().map(|i| i.sha256).collect();
        assert_eq!(shas, [Some(hash.as_str()), None]);
        assert_eq!(g.last_good().len(), 1);
        // A stored manifest's checksums may describe older files: none is applied.
        g.came_as_copy(copy_of("m.json"));
        assert!(g.inputs().iter().all(|i| i.sha256.is_none()));
        assert_eq!(g.last_good().len(), 2);
        g.forget("b.json");
        assert_eq!(g.last_good()[0].file, "m.json");
    }
}
