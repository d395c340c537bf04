//! `chiso manifest DIR`: the publishing step. Writes DIR/manifest.json with the sha256 of every
//! metric file in DIR, keeping the order of an existing manifest and adding new files after it
//! by name; a listed file that is gone is dropped, and remote entries are kept as they are.
//! The local files are validated together, as the dashboard loads them: each that passes is
//! recorded as validated (with the format and the validator's version) beside its sha256, which
//! proves to a reader that these are the bytes that passed; one with errors is not. Each entry
//! also says what its file holds (units, indicators, first and last period), so that a reader
//! can fetch first the files a view needs, and a validated file gets a packed copy beside it
//! (`NAME.chiso`, with its own sha256), which the dashboard reads instead of parsing the JSON.

use chiso_core::contract::model::Dataset;
use chiso_core::ingest::envelope::{sha256_hex, METRICS_FORMAT};
use chiso_core::ingest::load::pack;
use chiso_core::ingest::manifest::{family, parse_manifest};
use chiso_core::{load, Input, Lang};
use flate2::{write::GzEncoder, Compression};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const NAME: &str = "manifest.json";

/// Write or refresh DIR/manifest.json with every metric file's sha256, validated together
///
/// Keeps the order of the entries already listed and adds new files after them, by name; a
/// listed file that is gone is dropped, remote entries are kept as they are. Each local file
/// the validator passes (no error, no warning but about its figures as published) is recorded
/// as validated; a file with errors is listed without it, its findings printed, and the exit
/// code is 1.
#[derive(clap::Args)]
pub struct Args {
    /// The directory of the metric files
    #[arg(value_name = "DIR")]
    dir: PathBuf,
}

pub fn run(a: Args) -> Result<ExitCode, String> {
    let dir = a.dir.as_path();
    let target = dir.join(NAME);
    let shown = target.to_string_lossy().into_owned();
    let mut paths: Vec<String> = Vec::new();
    if let Ok(bytes) = std::fs::read(&target) {
        let (entries, findings) = parse_manifest(&shown, &bytes);
        if let Some(f) = findings.iter().find(|f| f.is_error()) {
            return Err(format!("{} (fix or remove it first)", f.line(Lang::En)));
        }
        paths.extend(entries.into_iter().map(|e| e.path));
    }
    let listed = paths.len();
    let mut found = metric_files(dir)?;
    found.retain(|name| !paths.contains(name));
    paths.extend(found);
    let mut local: Vec<(String, Vec<u8>)> = Vec::new();
    for path in paths.iter().filter(|p| !p.contains("://")) {
        match std::fs::read(dir.join(path)) {
            Ok(bytes) => local.push((path.clone(), bytes)),
            Err(e) => eprintln!("chiso: {path} is listed but cannot be read ({e}): left out"),
        }
    }
    let (passed, holds, errors) = validated(&local);
    let mut lines = Vec::new();
    for path in &paths {
        if path.contains("://") {
            lines.push(format!("{{ \"path\": {} }}", quoted(path)));
            continue;
        }
        let Some(k) = local.iter().position(|(p, _)| p == path) else {
            continue;
        };
        let proof = match passed[k] {
            true => format!(
                ", \"validated\": {{ \"format\": \"{METRICS_FORMAT}\", \"validator\": \"{VALIDATOR}\" }}{}",
                write_packed(dir, path, &local[k].1)?
            ),
            false => String::new(),
        };
        lines.push(format!(
            "{{ \"path\": {}, \"sha256\": \"{}\"{proof}{} }}",
            quoted(path),
            sha256_hex(&local[k].1),
            holds[k]
        ));
    }
    let files = if lines.is_empty() {
        "[]".to_string()
    } else {
        format!("[\n    {}\n  ]", lines.join(",\n    "))
    };
    let text = format!("{{\n  \"format\": \"chiso-manifest/1\",\n  \"files\": {files}\n}}\n");
    std::fs::write(&target, text).map_err(|e| format!("cannot write {shown}: {e}"))?;
    let added = paths.len() - listed;
    let proven = passed.iter().filter(|p| **p).count();
    eprintln!(
        "chiso: wrote {shown}: {} files ({added} new), {proven} validated",
        lines.len()
    );
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Writes the packed copy of a validated file beside it, gzipped (servers seldom compress a
/// type they do not know); returns the members its entry adds, nothing if the fast path does
/// not read the file.
fn write_packed(dir: &Path, path: &str, json: &[u8]) -> Result<String, String> {
    let Some(packed) = pack(json) else {
        return Ok(String::new());
    };
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    let bytes = gz
        .write_all(&packed)
        .and_then(|()| gz.finish())
        .map_err(|e| format!("cannot pack {path}: {e}"))?;
    let name = format!("{}.chiso", path.strip_suffix(".json").unwrap_or(path));
    std::fs::write(dir.join(&name), &bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    Ok(format!(
        ", \"packed\": {{ \"path\": {}, \"sha256\": \"{}\" }}",
        quoted(&name),
        sha256_hex(&bytes)
    ))
}

/// The validator that passed a file, as the manifest records it.
const VALIDATOR: &str = concat!("chiso ", env!("CARGO_PKG_VERSION"));

/// Which of the files pass when validated together, as the dashboard loads them, what each
/// holds (as the members it adds to its entry), and how many errors there were; the findings
/// that keep a file from passing are printed.
fn validated(files: &[(String, Vec<u8>)]) -> (Vec<bool>, Vec<String>, usize) {
    let inputs: Vec<Input> = files
        .iter()
        .map(|(name, bytes)| Input {
            name,
            bytes,
            sha256: None,
        })
        .collect();
    let loaded = load(&inputs);
    let mut passed = vec![true; files.len()];
    for f in loaded.findings.iter().filter(|f| !f.is_about_figures()) {
        if let Some(k) = files.iter().position(|(name, _)| *name == f.file) {
            passed[k] = false;
        }
        eprintln!("{}", f.line(Lang::En));
    }
    for (k, status) in loaded.files.iter().enumerate() {
        passed[k] &= status.errors == 0;
    }
    let holds = files
        .iter()
        .map(|(name, _)| {
            let file = loaded.data.files.iter().position(|f| f.name == *name);
            file.map_or_else(String::new, |f| holds(&loaded.data, f))
        })
        .collect();
    (passed, holds, loaded.count(chiso_core::Severity::Error))
}

/// `, "holds": { "units": […], "families": […], "periods": [first, last] }` for the figures
/// and targets of file `file`, each list in order; nothing for a file without any. Families, not
/// each indicator: a reader fetches by family, and the manifest of a national publication stays
/// small (its `holds` are read before the first chart).
fn holds(data: &Dataset, file: usize) -> String {
    let figures = data.observations.iter().filter(|o| o.file == file);
    let targets = data.targets.iter().filter(|t| t.file == file);
    let keys = figures
        .map(|o| (o.unit.as_str(), o.indicator.as_str(), o.period))
        .chain(targets.map(|t| (t.unit.as_str(), t.indicator.as_str(), t.by)));
    let (mut units, mut families, mut periods) = (BTreeSet::new(), BTreeSet::new(), Vec::new());
    for (unit, indicator, period) in keys {
        units.insert(unit);
        families.insert(family(indicator));
        periods.push(period);
    }
    let (Some(first), Some(last)) = (periods.iter().min(), periods.iter().max()) else {
        return String::new();
    };
    let list = |items: Vec<String>| items.join(", ");
    format!(
        ", \"holds\": {{ \"units\": [{}], \"families\": [{}], \"periods\": [{}] }}",
        list(units.into_iter().map(quoted).collect()),
        list(families.into_iter().map(quoted).collect()),
        list(vec![quoted(&first.to_string()), quoted(&last.to_string())]),
    )
}

fn quoted(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// The `chiso-metrics/…` files directly in `dir`, by name.
fn metric_files(dir: &Path) -> Result<Vec<String>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json") && name != NAME)
        .filter(|name| {
            let bytes = std::fs::read(dir.join(name)).unwrap_or_default();
            let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
            doc.get("format")
                .and_then(|f| f.as_str())
                .is_some_and(|f| f.starts_with("chiso-metrics/"))
        })
        .collect();
    names.sort();
    Ok(names)
}
