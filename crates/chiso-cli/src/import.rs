//! `chiso import`: a CSV, TSV or spreadsheet table becomes a metric file that `chiso validate`
//! accepts. Findings go to stderr as `table.xlsx:PCI!C7: error: message`, one a line.

use chiso_core::import::Options;
use chiso_core::Lang;
use std::process::ExitCode;

/// Turn a CSV, TSV or XLSX table into a metric file
///
/// The table may be long, or wide with units or periods across, with Vietnamese or English
/// headers; its rows become figures of the built-in provinces. Findings by cell
/// (file:Sheet!C7) go to stderr; figures the validator would reject are left out.
/// Exit 0: no error; 1: errors; 2: usage or I/O error.
#[derive(clap::Args)]
pub struct Args {
    /// The table: .csv, .tsv or .xlsx
    #[arg(value_name = "TABLE")]
    table: String,
    // The text values below may start with '-', as they always could.
    /// Read only this sheet of a workbook (default: every sheet)
    #[arg(long, value_name = "NAME", allow_hyphen_values = true)]
    sheet: Option<String>,
    /// Indicator of a table that names none: an id, a catalogue name or a short name
    #[arg(long, value_name = "ID", allow_hyphen_values = true)]
    indicator: Option<String>,
    /// Source cited by every figure whose row names none
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    source: Option<String>,
    /// Title of the metric file
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    title: Option<String>,
    /// Period of a table that names none, such as VCCI's table of all provinces: 2019, 2020-Q3
    #[arg(long, value_name = "PERIOD", allow_hyphen_values = true)]
    period: Option<String>,
    /// Province of a table that names none, such as a province profile: soc-trang, "Sóc Trăng"
    #[arg(long, value_name = "UNIT", allow_hyphen_values = true)]
    unit: Option<String>,
    /// Language of the messages (regional forms such as en-GB are read too)
    #[arg(long, value_name = "vi|en", default_value_t = Lang::Vi, value_parser = crate::parse_lang)]
    lang: Lang,
    /// Write to FILE.json instead of stdout
    #[arg(short, long, value_name = "FILE.json", allow_hyphen_values = true)]
    output: Option<String>,
}

pub fn run(a: Args) -> Result<ExitCode, String> {
    let (path, lang, output) = (&a.table, a.lang, a.output.as_deref());
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let opts = Options {
        name: output.unwrap_or("-").to_string(),
        indicator: a.indicator,
        source: a.source,
        title: a.title,
        period: a.period,
        unit: a.unit,
    };
    let imported = match chiso_sheets::convert(path, &bytes, a.sheet.as_deref(), &opts) {
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
