//! A table as a spreadsheet sheet, a CSV file or a paste gives it: rows of cells, and the
//! `Sheet!C7` addresses findings point at.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt::Write;

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    /// Text as typed: numbers in it are read by the import's rules (`58.463`, `80,05%`).
    Text(String),
    /// A number a spreadsheet stored as a number: no separators to guess about.
    Number(f64),
}

impl Cell {
    /// A text cell, or `Empty` when there is nothing but spaces.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// What the cell shows, trimmed; a number in its shortest exact form.
    pub fn shown(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s.trim()),
            Cell::Number(n) => Cow::Owned(format!("{n}")),
        }
    }
}

/// One sheet: its name (empty for a CSV file or a paste) and its rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
}

const EMPTY: Cell = Cell::Empty;

impl Table {
    /// A table of text cells, as delimited text gives them.
    pub fn from_text(sheet: impl Into<String>, rows: Vec<Vec<String>>) -> Table {
        Table {
            sheet: sheet.into(),
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Cell::text).collect())
                .collect(),
        }
    }

    /// The cell at a 0-based row and column; `Empty` outside the table.
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    pub fn at(&self, row: usize, col: usize) -> CellRef {
        CellRef {
            sheet: self.sheet.clone(),
            row,
            col: Some(col),
        }
    }
}

/// A place in a table, 0-based; without a column it names the whole row (or the sheet).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct CellRef {
    pub sheet: String,
    pub row: usize,
    pub col: Option<usize>,
}

impl CellRef {
    /// `PCI!C7`, `'Bảng 1'!C7`, or `C7` for a table without a sheet name; `PCI!7` for a row.
    pub fn a1(&self) -> String {
        let mut s = String::new();
        if !self.sheet.is_empty() {
            if self.sheet.chars().all(char::is_alphanumeric) {
                s.push_str(&self.sheet);
            } else {
                let _ = write!(s, "'{}'", self.sheet.replace('\'', "''"));
            }
            s.push('!');
        }
        if let Some(c) = self.col {
            s.push_str(&column_name(c));
        }
        let _ = write!(s, "{}", self.row + 1);
        s
    }
}

/// Spreadsheet column letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_name(col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells_like_a_spreadsheet() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        let at = |sheet: &str, row, col| CellRef {
            sheet: sheet.into(),
            row,
            col,
        };
        assert_eq!(at("PCI", 6, Some(2)).a1(), "PCI!C7");
        assert_eq!(at("Bảng 1", 0, Some(0)).a1(), "'Bảng 1'!A1");
        assert_eq!(at("", 6, Some(2)).a1(), "C7");
        assert_eq!(at("PCI", 6, None).a1(), "PCI!7");
    }
}
