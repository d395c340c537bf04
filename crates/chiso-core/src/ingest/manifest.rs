//! `chiso-manifest/1`: the list of metric files a dashboard loads, with optional checksums.

use crate::ingest::envelope::{check_format, parse_top, MANIFEST_FORMAT};
use crate::ingest::finding::{Expected, Finding, Location, Message, Severity};
use crate::ingest::json::{self, Doc, Object, Raw};
use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestEntry {
    /// Relative to the manifest, or an absolute URL.
    pub path: String,
    /// Lower-case hex; a file whose bytes differ is rejected.
    pub sha256: Option<String>,
    /// What the file holds, as `chiso manifest` records it; absent in older manifests.
    pub holds: Option<Holds>,
    /// The file's packed copy, which `chiso manifest` writes for a file it validated.
    pub packed: Option<PackedCopy>,
}

/// Where a validated file's packed copy is (relative to the manifest), and its sha256.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackedCopy {
    pub path: String,
    pub sha256: String,
}

/// The units and index families a file has figures or targets for: what a reader fetches by.
/// A family is an indicator id's part before its first dot (`dossiers`, `pci`); an older
/// manifest's `indicators` are read as their families.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Holds {
    pub units: Vec<String>,
    pub families: Vec<String>,
}

/// An indicator's family: its id up to the first dot.
pub fn family(indicator: &str) -> &str {
    indicator.split('.').next().unwrap_or_default()
}

/// Whether a document claims to be a manifest, by its `format` tag.
fn is_manifest(obj: &Object) -> bool {
    let tag = obj.get("format").and_then(|raw| raw.string());
    tag.is_some_and(|t| t.starts_with("chiso-manifest/"))
}

fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Where a problem with the manifest is, and what it is.
type Problem = (Option<Location>, Message);

/// A document's entries and what is wrong with it, if it is a manifest (as its `format` tag
/// says); `None` for anything else, which is read as a metric file. The document is parsed once.
pub fn manifest_of(name: &str, bytes: &[u8]) -> Option<(Vec<ManifestEntry>, Vec<Finding>)> {
    let (text, obj) = parse_top(bytes).ok()?;
    is_manifest(&obj).then(|| read_manifest(name, &Doc::new(text), &obj))
}

/// The manifest's entries, and what is wrong with it. A bad entry is skipped, the rest kept.
pub fn parse_manifest(name: &str, bytes: &[u8]) -> (Vec<ManifestEntry>, Vec<Finding>) {
    match parse_top(bytes) {
        Ok((text, obj)) => read_manifest(name, &Doc::new(text), &obj),
        Err((message, location)) => (Vec::new(), vec![error(name, (location, message))]),
    }
}

fn error(file: &str, (location, message): Problem) -> Finding {
    Finding {
        severity: Severity::Error,
        file: file.to_string(),
        location,
        message,
        subject: None,
    }
}

fn read_manifest(name: &str, doc: &Doc, obj: &Object) -> (Vec<ManifestEntry>, Vec<Finding>) {
    let items = match files_array(doc, obj) {
        Ok(items) => items,
        Err(problem) => return (Vec::new(), vec![error(name, problem)]),
    };
    let mut entries = Vec::with_capacity(items.size_hint().0);
    let mut findings = Vec::new();
    for (i, raw) in items.enumerate() {
        // A manifest may list thousands of files: paths are written only for what is wrong.
        let at = Place { doc, i };
        match read_entry(at, raw) {
            Ok((entry, unread)) => {
                // A `holds` or `packed` it cannot read only costs the reader time: a warning,
                // and the file is fetched first, as JSON, as an older manifest's are.
                for problem in unread {
                    findings.push(Finding {
                        severity: Severity::Warning,
                        ..error(name, problem)
                    });
                }
                entries.push(entry)
            }
            Err(problem) => findings.push(error(name, problem)),
        }
    }
    (entries, findings)
}

/// The `files` array, once the `format` tag is known to be right.
fn files_array<'o, 'a>(
    doc: &Doc,
    obj: &'o Object<'a>,
) -> Result<json::ArrayItems<'o, 'a>, Problem> {
    if let Err((message, key)) = check_format(obj, MANIFEST_FORMAT) {
        let location = key
            .and_then(|k| obj.get(k))
            .map(|raw| doc.location(raw, "format"));
        return Err((location, message));
    }
    let Some(files) = obj.get("files") else {
        let start = Location {
            line: 1,
            column: 1,
            path: String::new(),
        };
        return Err((Some(start), Message::Missing { field: "files" }));
    };
    obj.items(files).ok_or_else(|| {
        let message = Message::WrongType {
            expected: Expected::Array,
            found: json::found(files),
        };
        (Some(doc.location(files, "files")), message)
    })
}

/// Entry `i` of `files`: where its problems are said.
#[derive(Clone, Copy)]
struct Place<'d, 'a> {
    doc: &'d Doc<'a>,
    i: usize,
}

impl Place<'_, '_> {
    /// A problem at `raw`, whose path below the entry is `below` (`""`, `.sha256`, `.holds.units[2]`).
    fn problem(self, raw: Raw, below: &str, message: Message) -> Problem {
        let path = format!("files[{}]{below}", self.i);
        (Some(self.doc.location(raw, &path)), message)
    }

    fn wrong(self, raw: Raw, below: &str, expected: Expected) -> Problem {
        let found = json::found(raw);
        self.problem(raw, below, Message::WrongType { expected, found })
    }
}

/// One entry of `files`, and what is wrong with its `holds` and `packed` (the entry is then
/// read without them).
fn read_entry(at: Place, raw: Raw) -> Result<(ManifestEntry, Vec<Problem>), Problem> {
    let [path, sha256, holds, packed] = json::named(raw, &["path", "sha256", "holds", "packed"])
        .ok_or_else(|| at.wrong(raw, "", Expected::Object))?;
    let Some(p) = path else {
        return Err(at.problem(raw, "", Message::Missing { field: "path" }));
    };
    let file = match json::typed::<String>(p, Expected::String) {
        Ok(s) if !s.trim().is_empty() => s,
        Ok(_) => return Err(at.problem(p, ".path", Message::EmptyId)),
        Err(m) => return Err(at.problem(p, ".path", m)),
    };
    let sha256 = sha256.map(|h| read_sha256(at, h, ".sha256")).transpose()?;
    let mut unread = Vec::new();
    let holds = holds.and_then(|h| kept(read_holds(at, h), &mut unread));
    let packed = packed.and_then(|p| kept(read_packed(at, p), &mut unread));
    let entry = ManifestEntry {
        path: file,
        sha256,
        holds,
        packed,
    };
    Ok((entry, unread))
}

/// What was read, or `None` with its problem noted in `unread`.
fn kept<T>(got: Result<T, Problem>, unread: &mut Vec<Problem>) -> Option<T> {
    got.map_err(|problem| unread.push(problem)).ok()
}

/// A `sha256`: 64 hex digits, kept in lower case.
fn read_sha256(at: Place, raw: Raw, below: &str) -> Result<String, Problem> {
    match json::typed::<Cow<str>>(raw, Expected::String) {
        Ok(s) if is_sha256(&s) => Ok(s.to_ascii_lowercase()),
        Ok(s) => {
            let value = s.into_owned();
            Err(at.problem(raw, below, Message::BadChecksum { value }))
        }
        Err(m) => Err(at.problem(raw, below, m)),
    }
}

/// The entry's `packed`: its copy's `path` and `sha256`, both required.
fn read_packed(at: Place, raw: Raw) -> Result<PackedCopy, Problem> {
    let [path, sha256] = json::named(raw, &["path", "sha256"])
        .ok_or_else(|| at.wrong(raw, ".packed", Expected::Object))?;
    let missing = |field| at.problem(raw, ".packed", Message::Missing { field });
    let p = path.ok_or_else(|| missing("path"))?;
    let path =
        json::typed::<String>(p, Expected::String).map_err(|m| at.problem(p, ".packed.path", m))?;
    let h = sha256.ok_or_else(|| missing("sha256"))?;
    let sha256 = read_sha256(at, h, ".packed.sha256")?;
    Ok(PackedCopy { path, sha256 })
}

/// The entry's `holds`: its `units` and `families` (or, as older manifests have it, its
/// `indicators`), each a list of ids.
fn read_holds(at: Place, raw: Raw) -> Result<Holds, Problem> {
    const LISTS: [&str; 3] = ["units", "families", "indicators"];
    let lists =
        json::named(raw, &LISTS).ok_or_else(|| at.wrong(raw, ".holds", Expected::Object))?;
    let list = |k: usize| -> Result<Vec<String>, Problem> {
        let Some(raw) = lists[k] else {
            return Ok(Vec::new());
        };
        let below = |tail: &str| format!(".holds.{}{tail}", LISTS[k]);
        let items = json::array(raw).ok_or_else(|| at.wrong(raw, &below(""), Expected::Array))?;
        items
            .enumerate()
            .map(|(i, item)| {
                item.string()
                    .map(|s| s.into_owned())
                    .ok_or_else(|| at.wrong(item, &below(&format!("[{i}]")), Expected::String))
            })
            .collect()
    };
    let units = list(0)?;
    let mut families = list(1)?;
    for indicator in list(2)? {
        let family = family(&indicator);
        if !families.iter().any(|f| f == family) {
            families.push(family.to_string());
        }
    }
    Ok(Holds { units, families })
}

/// Resolves a manifest entry against the manifest's own location (a URL or a file path).
pub fn resolve(base: &str, path: &str) -> String {
    if path.contains("://") || path.starts_with('/') {
        return path.to_string();
    }
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => "",
    };
    [dir, path].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_and_reports_bad_ones() {
        let text = r#"{ "format": "chiso-manifest/1", "files": [
            { "path": "a.json", "sha256": "9F2C000000000000000000000000000000000000000000000000000000000000" },
            { "path": "https://example.gov.vn/b.json" },
            { "sha256": "x" },
            { "path": "c.json", "sha256": "abc" } ] }"#;
        let (entries, findings) = parse_manifest("manifest.json", text.as_bytes());
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].sha256.as_deref().map(|s| &s[..4]), Some("9f2c"));
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].location.as_ref().unwrap().path, "files[2]");
        assert_eq!(
            findings[1].location.as_ref().unwrap().path,
            "files[3].sha256"
        );
        assert_eq!(
            manifest_of("manifest.json", text.as_bytes()),
            Some((entries, findings))
        );
    }

    #[test]
    fn reads_what_each_file_holds_and_warns_of_a_holds_it_cannot_read() {
        let text = r#"{ "format": "chiso-manifest/1", "files": [
            { "path": "a.json", "holds": { "units": ["tay-ninh"], "families": ["pci", "dossiers"],
              "periods": ["2019", "2024"] } },
            { "path": "b.json" },
            { "path": "c.json", "holds": { "units": "tay-ninh" } },
            { "path": "d.json", "holds": { "units": ["an-giang"],
              "indicators": ["pci.score", "pci.rank", "papi.score"] } } ] }"#;
        let (entries, findings) = parse_manifest("manifest.json", text.as_bytes());
        let holds: Vec<_> = entries.iter().map(|e| e.holds.clone()).collect();
        let held = |unit: &str, families: &[&str]| Holds {
            units: vec![unit.into()],
            families: families.iter().map(|f| f.to_string()).collect(),
        };
        // An older manifest's indicators are read as their families.
        let (a, d) = (
            held("tay-ninh", &["pci", "dossiers"]),
            held("an-giang", &["pci", "papi"]),
        );
        assert_eq!(holds, [Some(a), None, None, Some(d)]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Warning);
        let at = findings[0].location.as_ref().unwrap();
        assert_eq!((at.path.as_str(), at.line), ("files[2].holds.units", 5));
    }

    #[test]
    fn reads_a_packed_copy_and_warns_of_one_it_cannot_read() {
        let hash = "AB".repeat(32);
        let text = format!(
            r#"{{ "format": "chiso-manifest/1", "files": [
            {{ "path": "a.json", "packed": {{ "path": "a.chiso", "sha256": "{hash}" }} }},
            {{ "path": "b.json", "packed": {{ "path": "b.chiso" }} }},
            {{ "path": "c.json", "packed": "c.chiso" }} ] }}"#
        );
        let (entries, findings) = parse_manifest("manifest.json", text.as_bytes());
        let packed: Vec<_> = entries.iter().map(|e| e.packed.clone()).collect();
        let a = PackedCopy {
            path: "a.chiso".into(),
            sha256: hash.to_ascii_lowercase(),
        };
        assert_eq!(packed, [Some(a), None, None]);
        let said: Vec<_> = findings
            .iter()
            .map(|f| (f.severity, f.location.as_ref().unwrap().path.as_str()))
            .collect();
        let warning = Severity::Warning;
        assert_eq!(
            said,
            [(warning, "files[1].packed"), (warning, "files[2].packed")]
        );
        assert!(matches!(
            findings[0].message,
            Message::Missing { field: "sha256" }
        ));
    }

    #[test]
    fn rejects_a_metric_file_given_as_manifest() {
        let (entries, findings) = parse_manifest("m.json", br#"{"format":"chiso-metrics/1"}"#);
        assert!(entries.is_empty());
        assert!(matches!(findings[0].message, Message::WrongFormat { .. }));
    }

    #[test]
    fn a_document_is_read_as_a_manifest_only_when_it_says_so() {
        assert_eq!(
            manifest_of("m.json", br#"{"format":"chiso-metrics/1"}"#),
            None
        );
        assert_eq!(
            manifest_of("m.json", b"{ not json"),
            None,
            "the validator says why"
        );
        // A member given twice: the later counts, as everywhere in the format.
        let hash = "AB".repeat(32);
        let text = format!(
            r#"{{ "format": "chiso-manifest/1", "files": [
            {{ "path": "a.json", "path": "b.json", "sha256": "x", "sha256": "{hash}" }} ] }}"#
        );
        let (entries, findings) = manifest_of("manifest.json", text.as_bytes()).unwrap();
        assert_eq!(findings, []);
        assert_eq!(entries[0].path, "b.json");
        assert_eq!(entries[0].sha256, Some("ab".repeat(32)));
    }

    #[test]
    fn resolves_relative_paths() {
        assert_eq!(resolve("data/manifest.json", "a.json"), "data/a.json");
        assert_eq!(resolve("manifest.json", "a.json"), "a.json");
        assert_eq!(
            resolve("https://x.vn/d/m.json", "a.json"),
            "https://x.vn/d/a.json"
        );
        assert_eq!(
            resolve("data/m.json", "https://y.vn/b.json"),
            "https://y.vn/b.json"
        );
    }
}
