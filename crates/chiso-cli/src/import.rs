//! `chiso import`: a CSV, TSV or spreadsheet table becomes a metric file that `chiso validate`
//! accepts. Findings go to stderr as `table.xlsx:PCI!C7: error: message`, one a line.

use crate::args::{parse, Args};
use chiso_core::ingest::import::Options;
use chiso_core::Lang;
use std::process::ExitCode;

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
    let a = parse(
        argv,
        &[
            "--sheet",
            "--indicator",
            "--source",
            "--title",
            "--lang",
            "-o",
            "--output",
        ],
        &[],
    )?;
    let lang = lang(&a)?;
    let [path] = a.positional.as_slice() else {
        return Err("import needs one TABLE (.csv, .tsv or .xlsx)".into());
    };
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let output = a.value("-o").or(a.value("--output"));
    let opts = Options {
        name: output.unwrap_or("-").to_string(),
        indicator: a.value("--indicator").map(str::to_string),
        source: a.value("--source").map(str::to_string),
        title: a.value("--title").map(str::to_string),
    };
    let imported = match chiso_sheets::convert(path, &bytes, a.value("--sheet"), &opts) {
        Ok(imported) => imported,
        Err(finding) => {
            eprintln!("{}", finding.line(path, lang));
            return Ok(ExitCode::from(1));
        }
    };
    for f in &imported.findings {
        eprintln!("{}", f.line(path, lang));
    }
    let (errors, figures) = (imported.errors(), imported.figures);
    let warnings = imported.findings.len() - errors;
    let json = imported.json;
    match output {
        Some(out) => std::fs::write(out, &json).map_err(|e| format!("cannot write {out}: {e}"))?,
        None => print!("{json}"),
    }
    let to = output.unwrap_or("stdout");
    match lang {
        Lang::Vi => {
            eprintln!("chiso: đã ghi {to}: {figures} số liệu; {errors} lỗi, {warnings} cảnh báo")
        }
        Lang::En => {
            eprintln!("chiso: wrote {to}: {figures} figures; {errors} errors, {warnings} warnings")
        }
    }
    Ok(ExitCode::from(u8::from(errors > 0)))
}

fn lang(a: &Args) -> Result<Lang, String> {
    match a.value("--lang") {
        None => Ok(Lang::Vi),
        Some(code) => Lang::parse(code).ok_or(format!("--lang takes vi or en, not \"{code}\"")),
    }
}
