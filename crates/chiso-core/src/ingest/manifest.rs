//! `chiso-manifest/1`: the list of metric files a dashboard loads, with optional checksums.

use crate::ingest::envelope::{check_format, parse_top, MANIFEST_FORMAT};
use crate::ingest::finding::{Expected, Finding, Location, Message, Severity};
use crate::ingest::json::{self, Doc, Object, Raw};

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

/// What a JSON document claims to be, judged by its `format` tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    Manifest,
    Metrics,
}

pub fn sniff(bytes: &[u8]) -> DocKind {
    let is_manifest = parse_top(bytes).ok().and_then(|(_, obj)| {
        let tag = obj.get("format")?.string()?;
        Some(tag.starts_with("chiso-manifest/"))
    });
    if is_manifest == Some(true) {
        DocKind::Manifest
    } else {
        DocKind::Metrics
    }
}

fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Where a problem with the manifest is, and what it is.
type Problem = (Option<Location>, Message);

/// The manifest's entries, and what is wrong with it. A bad entry is skipped, the rest kept.
pub fn parse_manifest(name: &str, bytes: &[u8]) -> (Vec<ManifestEntry>, Vec<Finding>) {
    let finding = |(location, message): Problem| Finding {
        severity: Severity::Error,
        file: name.to_string(),
        location,
        message,
        subject: None,
    };
    let (text, obj) = match parse_top(bytes) {
        Ok(ok) => ok,
        Err((message, location)) => return (Vec::new(), vec![finding((location, message))]),
    };
    let doc = Doc::new(text);
    let items = match files_array(&doc, &obj) {
        Ok(items) => items,
        Err(problem) => return (Vec::new(), vec![finding(problem)]),
    };
    let mut entries = Vec::new();
    let mut findings = Vec::new();
    for (i, raw) in items.enumerate() {
        let path = json::index("files", i);
        match read_entry(&doc, raw, &path) {
            Ok((entry, unread)) => {
                // A `holds` or `packed` it cannot read only costs the reader time: a warning,
                // and the file is fetched first, as JSON, as an older manifest's are.
                for problem in unread {
                    findings.push(Finding {
                        severity: Severity::Warning,
                        ..finding(problem)
                    });
                }
                entries.push(entry)
            }
            Err(problem) => findings.push(finding(problem)),
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

/// One entry of `files`, at `path`, and what is wrong with its `holds` and `packed` (the entry
/// is then read without them).
fn read_entry(doc: &Doc, raw: Raw, path: &str) -> Result<(ManifestEntry, Vec<Problem>), Problem> {
    let at = |raw: Raw, path: &str, message: Message| (Some(doc.location(raw, path)), message);
    let Some(entry) = json::object(raw) else {
        let message = Message::WrongType {
            expected: Expected::Object,
            found: json::found(raw),
        };
        return Err(at(raw, path, message));
    };
    let Some(p) = entry.get("path") else {
        return Err(at(raw, path, Message::Missing { field: "path" }));
    };
    let file = match json::typed::<String>(p, Expected::String) {
        Ok(s) if !s.trim().is_empty() => s,
        Ok(_) => return Err(at(p, &json::member(path, "path"), Message::EmptyId)),
        Err(m) => return Err(at(p, &json::member(path, "path"), m)),
    };
    let sha256 = read_sha256(doc, &entry, path)?;
    let mut unread = Vec::new();
    let holds = read_holds(doc, &entry, path).unwrap_or_else(|problem| {
        unread.push(problem);
        None
    });
    let packed = read_packed(doc, &entry, path).unwrap_or_else(|problem| {
        unread.push(problem);
        None
    });
    let entry = ManifestEntry {
        path: file,
        sha256,
        holds,
        packed,
    };
    Ok((entry, unread))
}

/// The object's `sha256`, if it has one: 64 hex digits, in lower case.
fn read_sha256(doc: &Doc, entry: &Object, path: &str) -> Result<Option<String>, Problem> {
    let Some(h) = entry.get("sha256") else {
        return Ok(None);
    };
    let path = json::member(path, "sha256");
    match json::typed::<String>(h, Expected::String) {
        Ok(s) if is_sha256(&s) => Ok(Some(s.to_ascii_lowercase())),
        Ok(s) => Err((
            Some(doc.location(h, &path)),
            Message::BadChecksum { value: s },
        )),
        Err(m) => Err((Some(doc.location(h, &path)), m)),
    }
}

/// The entry's `packed`: its copy's `path` and `sha256`, both required.
fn read_packed(doc: &Doc, entry: &Object, path: &str) -> Result<Option<PackedCopy>, Problem> {
    let Some(packed) = entry.get("packed") else {
        return Ok(None);
    };
    let path = json::member(path, "packed");
    let Some(members) = json::object(packed) else {
        let message = Message::WrongType {
            expected: Expected::Object,
            found: json::found(packed),
        };
        return Err((Some(doc.location(packed, &path)), message));
    };
    let Some(p) = members.get("path") else {
        let message = Message::Missing { field: "path" };
        return Err((Some(doc.location(packed, &path)), message));
    };
    let file = json::typed::<String>(p, Expected::String)
        .map_err(|m| (Some(doc.location(p, &json::member(&path, "path"))), m))?;
    let Some(sha256) = read_sha256(doc, &members, &path)? else {
        let message = Message::Missing { field: "sha256" };
        return Err((Some(doc.location(packed, &path)), message));
    };
    Ok(Some(PackedCopy { path: file, sha256 }))
}

/// The entry's `holds`: its `units` and `families` (or, as older manifests have it, its
/// `indicators`), each a list of ids.
fn read_holds(doc: &Doc, entry: &Object, path: &str) -> Result<Option<Holds>, Problem> {
    let Some(holds) = entry.get("holds") else {
        return Ok(None);
    };
    let path = json::member(path, "holds");
    let wrong = |raw: Raw, path: &str, expected: Expected| {
        let found = json::found(raw);
        let message = Message::WrongType { expected, found };
        (Some(doc.location(raw, path)), message)
    };
    let Some(members) = json::object(holds) else {
        return Err(wrong(holds, &path, Expected::Object));
    };
    let list = |key: &str| -> Result<Vec<String>, Problem> {
        let path = json::member(&path, key);
        let Some(raw) = members.get(key) else {
            return Ok(Vec::new());
        };
        let items = json::array(raw).ok_or_else(|| wrong(raw, &path, Expected::Array))?;
        items
            .enumerate()
            .map(|(i, item)| {
                item.string()
                    .map(|s| s.into_owned())
                    .ok_or_else(|| wrong(item, &json::index(&path, i), Expected::String))
            })
            .collect()
    };
    let mut families = list("families")?;
    for indicator in list("indicators")? {
        let family = family(&indicator);
        if !families.iter().any(|f| f == family) {
            families.push(family.to_string());
        }
    }
    Ok(Some(Holds {
        units: list("units")?,
        families,
    }))
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
    format!("{dir}{path}")
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
        assert_eq!(sniff(text.as_bytes()), DocKind::Manifest);
        assert_eq!(sniff(b"{\"format\":\"chiso-metrics/1\"}"), DocKind::Metrics);
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
