//! `chiso validate`: one line per finding, `path:line:col: error|warning: message (at json.path)`,
//! then a summary; or one JSON document with `--json`.

use crate::args::parse;
use chiso_core::ingest::finding::{Finding, Message, Severity};
use chiso_core::ingest::load::{load, FileState, Input};
use chiso_core::ingest::manifest::{parse_manifest, resolve, sniff, DocKind};
use chiso_core::Lang;
use std::process::ExitCode;

/// A file to check, as named to the user, and what reading it gave.
struct Source {
    name: String,
    bytes: Option<Vec<u8>>,
    sha256: Option<String>,
}

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
    let a = parse(argv, &["--lang"], &["--json"])?;
    let lang = match a.value("--lang") {
        None => Lang::Vi,
        Some(code) => Lang::parse(code).ok_or(format!("--lang takes vi or en, not \"{code}\""))?,
    };
    if a.positional.is_empty() {
        return Err("validate needs at least one PATH".into());
    }

    let mut findings: Vec<Finding> = Vec::new();
    let mut io_failed = false;
    let mut unreadable = |name: &str, detail: String, findings: &mut Vec<Finding>| {
        io_failed = true;
        findings.push(Finding {
            severity: Severity::Error,
            file: name.to_string(),
            location: None,
            message: Message::Unreadable { detail },
            subject: None,
        });
    };
    let mut sources = Vec::new();
    for path in &a.positional {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                unreadable(path, e.to_string(), &mut findings);
                continue;
            }
        };
        if sniff(&bytes) != DocKind::Manifest {
            sources.push(Source {
                name: path.clone(),
                bytes: Some(bytes),
                sha256: None,
            });
            continue;
        }
        let (entries, problems) = parse_manifest(path, &bytes);
        findings.extend(problems);
        for e in entries {
            let name = resolve(path, &e.path);
            if name.contains("://") {
                // The CLI reads local files only; the dashboard fetches remote ones itself.
                let detail = lang
                    .pick(
                        "tệp từ xa không được kiểm tra ở đây; hãy tải về rồi kiểm tra",
                        "remote files are not fetched here; download it and check it",
                    )
                    .to_string();
                unreadable(&name, detail, &mut findings);
                continue;
            }
            match std::fs::read(&name) {
                Ok(b) => sources.push(Source {
                    name,
                    bytes: Some(b),
                    sha256: e.sha256,
                }),
                Err(err) => unreadable(&name, err.to_string(), &mut findings),
            }
        }
    }

    let inputs: Vec<Input> = sources
        .iter()
        .filter_map(|s| {
            Some(Input {
                name: &s.name,
                bytes: s.bytes.as_deref()?,
                sha256: s.sha256.as_deref(),
            })
        })
        .collect();
    let loaded = load(&inputs);
    findings.extend(loaded.findings.iter().cloned());
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let warnings = findings.len() - errors;
    let rejected = loaded
        .files
        .iter()
        .filter(|f| f.state != FileState::Loaded)
        .count();

    if a.has("--json") {
        let doc = serde_json::json!({
            "files": loaded.files,
            "findings": findings.iter().map(|f| f.to_json(lang)).collect::<Vec<_>>(),
            "errors": errors,
            "warnings": warnings,
            "observations": loaded.data.observations.len(),
        });
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    } else {
        for f in &findings {
            println!("{}", f.line(lang));
        }
        let files = inputs.len();
        let kept = loaded.data.observations.len();
        match lang {
            Lang::Vi => println!("{files} tệp ({rejected} bị từ chối), {kept} số liệu hợp lệ: {errors} lỗi, {warnings} cảnh báo"),
            Lang::En => println!("{files} files ({rejected} rejected), {kept} valid figures: {errors} errors, {warnings} warnings"),
        }
    }
    Ok(ExitCode::from(if io_failed {
        2
    } else if errors > 0 {
        1
    } else {
        0
    }))
}
