//! `chiso manifest DIR`: the publishing step. Writes DIR/manifest.json with the sha256 of every
//! metric file in DIR, keeping the order of an existing manifest and adding new files after it
//! by name; a listed file that is gone is dropped, and remote entries are kept as they are.

use chiso_core::ingest::envelope::sha256_hex;
use chiso_core::ingest::manifest::parse_manifest;
use chiso_core::Lang;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const NAME: &str = "manifest.json";

/// Write or refresh DIR/manifest.json with every metric file's sha256
///
/// Keeps the order of the entries already listed and adds new files after them, by name; a
/// listed file that is gone is dropped, remote entries are kept as they are.
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
    let mut lines = Vec::new();
    for path in &paths {
        if path.contains("://") {
            lines.push(format!("{{ \"path\": {} }}", quoted(path)));
            continue;
        }
        match std::fs::read(dir.join(path)) {
            Ok(bytes) => lines.push(format!(
                "{{ \"path\": {}, \"sha256\": \"{}\" }}",
                quoted(path),
                sha256_hex(&bytes)
            )),
            Err(e) => eprintln!("chiso: {path} is listed but cannot be read ({e}): left out"),
        }
    }
    let files = if lines.is_empty() {
        "[]".to_string()
    } else {
        format!("[\n    {}\n  ]", lines.join(",\n    "))
    };
    let text = format!("{{\n  \"format\": \"chiso-manifest/1\",\n  \"files\": {files}\n}}\n");
    std::fs::write(&target, text).map_err(|e| format!("cannot write {shown}: {e}"))?;
    let added = paths.len() - listed;
    eprintln!("chiso: wrote {shown}: {} files ({added} new)", lines.len());
    Ok(ExitCode::SUCCESS)
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
