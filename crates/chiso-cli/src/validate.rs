//! `chiso validate`: one line per finding, `path:line:col: error|warning: message (at json.path)`,
//! then a summary; or one JSON document with `--json`.

use chiso_core::ingest::finding::Finding;
use chiso_core::ingest::gather::Gathered;
use chiso_core::ingest::load::{load, FileState, Loaded};
use chiso_core::Lang;
use std::process::ExitCode;

/// Check metric files and manifests exactly as the dashboard will
///
/// Checks metric files (chiso-metrics/1) and manifests (chiso-manifest/1: every listed file and
/// its sha256). Exit 0: no error (warnings allowed); 1: errors; 2: usage or I/O error.
#[derive(clap::Args)]
pub struct Args {
    /// Print one JSON document instead of one line per finding
    #[arg(long)]
    json: bool,
    /// Language of the messages (regional forms such as en-GB are read too)
    #[arg(long, value_name = "vi|en", default_value_t = Lang::Vi, value_parser = crate::parse_lang)]
    lang: Lang,
    /// Metric files or manifests
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<String>,
}

pub fn run(a: Args) -> ExitCode {
    let lang = a.lang;
    let gathered = gather(&a.paths, lang);
    let inputs = gathered.inputs();
    let loaded = load(&inputs);
    let findings: Vec<&Finding> = gathered.findings().iter().chain(&loaded.findings).collect();
    let errors = findings.iter().filter(|f| f.is_error()).count();
    if a.json {
        print_json(&findings, errors, &loaded, lang);
    } else {
        print_lines(&findings, errors, inputs.len(), &loaded, lang);
    }
    // 2 when a file could not be read at all, as for any I/O error.
    ExitCode::from(if !gathered.unreadable().is_empty() {
        2
    } else if errors > 0 {
        1
    } else {
        0
    })
}

/// Reads each path, and every file a manifest among them lists.
fn gather(paths: &[String], lang: Lang) -> Gathered {
    let mut gathered = Gathered::default();
    for path in paths {
        let wanted = match std::fs::read(path) {
            Ok(bytes) => gathered.first_document(path, path, bytes),
            Err(e) => {
                gathered.receive(path.clone(), None, Err(e.to_string()));
                continue;
            }
        };
        for w in wanted {
            let got = if w.is_remote() {
                // The CLI reads local files only; the dashboard fetches remote ones itself.
                Err(lang
                    .pick(
                        "tệp từ xa không được kiểm tra ở đây; hãy tải về rồi kiểm tra",
                        "remote files are not fetched here; download it and check it",
                    )
                    .to_string())
            } else {
                std::fs::read(&w.address).map_err(|e| e.to_string())
            };
            gathered.receive(w.address, w.sha256, got);
        }
    }
    gathered
}

fn print_json(findings: &[&Finding], errors: usize, loaded: &Loaded, lang: Lang) {
    let doc = serde_json::json!({
        "files": loaded.files,
        "findings": findings.iter().map(|f| f.to_json(lang)).collect::<Vec<_>>(),
        "errors": errors,
        "warnings": findings.len() - errors,
        "observations": loaded.data.observations.len(),
    });
    println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
}

/// `files` counts the files read; `errors` the findings that are errors.
fn print_lines(findings: &[&Finding], errors: usize, files: usize, loaded: &Loaded, lang: Lang) {
    for f in findings {
        println!("{}", f.line(lang));
    }
    let warnings = findings.len() - errors;
    let rejected = loaded
        .files
        .iter()
        .filter(|f| f.state != FileState::Loaded)
        .count();
    let kept = loaded.data.observations.len();
    match lang {
        Lang::Vi => println!("{files} tệp ({rejected} bị từ chối), {kept} số liệu hợp lệ: {errors} lỗi, {warnings} cảnh báo"),
        Lang::En => println!("{files} files ({rejected} rejected), {kept} valid figures: {errors} errors, {warnings} warnings"),
    }
}
