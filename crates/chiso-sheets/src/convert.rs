//! One table file (or a paste) to the bytes of a metric file: what `chiso import` writes and
//! what the dashboard's import worker returns, so both give the same file for the same input.

use crate::{is_spreadsheet, read};
use chiso_core::import::{csv, import, ImportFinding, ImportMessage, Imported, Options, Table};

/// Imports `bytes`, read as a spreadsheet when `name` or the bytes say so and as delimited text
/// otherwise. The document's text ends with a newline, as the file is written. `Err` when the
/// input holds no table at all (not text, an unreadable workbook, a missing sheet).
pub fn convert(
    name: &str,
    bytes: &[u8],
    sheet: Option<&str>,
    opts: &Options,
) -> Result<Imported, ImportFinding> {
    let tables = tables(name, bytes, sheet).map_err(|m| ImportFinding::error(None, m))?;
    let mut imported = import(&tables, opts);
    imported.json.push('\n');
    Ok(imported)
}

/// A spreadsheet's sheets, or delimited text as one table without a sheet name.
fn tables(name: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Table>, ImportMessage> {
    let spreadsheet = [".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"]
        .iter()
        .any(|ext| name.to_lowercase().ends_with(ext));
    if spreadsheet || is_spreadsheet(bytes) {
        return read(bytes, sheet);
    }
    if let Some(name) = sheet {
        return Err(ImportMessage::NoSheet {
            name: name.to_string(),
        });
    }
    let text = csv::decode(bytes)
        .map_err(|csv::TextError::NotUtf8 { at }| ImportMessage::NotText { at })?;
    Ok(vec![csv::table("", &text)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_becomes_a_file_ending_in_a_newline() {
        let paste = "Tỉnh\tNăm\tPCI\nĐà Nẵng\t2019\t70,15\n";
        let opts = Options::default();
        let done = convert("", paste.as_bytes(), None, &opts).unwrap();
        assert_eq!(done.figures, 1);
        assert!(done.json.ends_with("}\n"));
        assert!(done.json.contains("70.15"));
    }

    #[test]
    fn text_has_no_sheets() {
        let got = convert("a.csv", b"x", Some("PCI"), &Options::default());
        assert_eq!(
            got.err().map(|f| f.message),
            Some(ImportMessage::NoSheet { name: "PCI".into() })
        );
    }
}
