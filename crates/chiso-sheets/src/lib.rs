//! Spreadsheets (xlsx, xlsm, xlsb, xls, ods) read into import tables. It is its own crate so
//! that only what imports spreadsheets (the CLI, a separately loaded module of the app) carries
//! a spreadsheet reader: the dashboard's main wasm never links it.

mod convert;
pub use convert::convert;

use calamine::{open_workbook_auto_from_rs, Data, Range, Reader};
use chiso_core::import::{Cell, ImportMessage, Table};
use std::io::Cursor;

/// Whether bytes look like a spreadsheet (a zip, as xlsx and ods are, or an OLE2 file, as xls
/// is) rather than delimited text.
pub fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
}

/// Every sheet, or only the one named, as tables whose cells keep their spreadsheet addresses.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Table>, ImportMessage> {
    let unreadable = |e: calamine::Error| ImportMessage::Unreadable {
        detail: e.to_string(),
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let names = book.sheet_names();
    let wanted: Vec<String> = match sheet {
        Some(name) if names.iter().any(|n| n == name) => vec![name.to_string()],
        Some(name) => {
            return Err(ImportMessage::NoSheet {
                name: name.to_string(),
            })
        }
        None => names,
    };
    wanted
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).map_err(unreadable)?;
            Ok(table(name, &range))
        })
        .collect()
}

/// The range's cells at their own addresses: a range starting at C3 keeps two empty rows and
/// columns before it, so findings name the cells the publisher sees.
fn table(sheet: String, range: &Range<Data>) -> Table {
    let (top, left) = range.start().unwrap_or((0, 0));
    let lead = vec![Cell::Empty; left as usize];
    let rows = std::iter::repeat_with(Vec::new)
        .take(top as usize)
        .chain(range.rows().map(|r| {
            let mut row = lead.clone();
            row.extend(r.iter().map(cell));
            row
        }))
        .collect();
    Table { sheet, rows }
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::text(s.as_str()),
        Data::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) if dt.is_datetime() => {
            // A date cell is a day; the import reads it as a period or an interval's end.
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::text(format!("{y:04}-{m:02}-{d:02}"))
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => Cell::text(s.split('T').next().unwrap_or(s)),
        Data::DurationIso(s) => Cell::text(s.as_str()),
        Data::Error(e) => Cell::text(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_spreadsheets_from_text() {
        assert!(is_spreadsheet(b"PK\x03\x04rest"));
        assert!(!is_spreadsheet("Tỉnh;2019".as_bytes()));
        assert!(matches!(
            read(b"not a workbook", None),
            Err(ImportMessage::Unreadable { .. })
        ));
    }
}
