//! What the worker answers for one table: the same conversion as `chiso import`, with its
//! findings already worded in both languages so the page can switch without asking again.

use chiso_core::import::{ImportFinding, Options};
use chiso_core::Lang;

/// One finding at its cell, in the validator's line style (`bang.xlsx:PCI!C7: lỗi: …`).
pub struct Line {
    pub error: bool,
    pub cell: Option<String>,
    pub vi: String,
    pub en: String,
}

impl Line {
    fn of(f: &ImportFinding, input: &str) -> Line {
        Line {
            error: f.is_error(),
            cell: f.at.as_ref().map(|a| a.a1()),
            vi: f.line(input, Lang::Vi),
            en: f.line(input, Lang::En),
        }
    }
}

pub struct Answer {
    /// The metric file's name: the table's, ending in `.json`.
    pub file: String,
    /// The metric file's bytes, exactly as `chiso import` writes them; empty when the input
    /// held no table.
    pub json: Vec<u8>,
    pub figures: usize,
    pub findings: Vec<Line>,
}

/// `bang.xlsx` → `bang.json`; a name without an extension gains one.
pub fn json_name(input: &str) -> String {
    let stem = match input.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => input,
    };
    format!("{stem}.json")
}

/// Converts the table `input` named `name`, from `sheet` alone if given, with `chiso import`'s
/// other options (`opts`; its name is the metric file's).
pub fn answer(name: &str, bytes: &[u8], sheet: Option<&str>, opts: Options) -> Answer {
    let file = json_name(name);
    let opts = Options {
        name: file.clone(),
        ..opts
    };
    match chiso_sheets::convert(name, bytes, sheet, &opts) {
        Ok(done) => Answer {
            findings: done.findings.iter().map(|f| Line::of(f, name)).collect(),
            json: done.json.into_bytes(),
            figures: done.figures,
            file,
        },
        Err(f) => Answer {
            findings: vec![Line::of(&f, name)],
            json: Vec::new(),
            figures: 0,
            file,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_file_after_the_table() {
        assert_eq!(json_name("mau-chi-so.xlsx"), "mau-chi-so.json");
        assert_eq!(json_name("bang"), "bang.json");
        assert_eq!(json_name(".tsv"), ".tsv.json");
    }

    #[test]
    fn a_bad_cell_is_worded_at_its_cell_in_both_languages() {
        let paste = "Tỉnh\tNăm\tPCI\nĐà Nẵng\t2019\t70,15\nHuế\t2019\tabc\n";
        let a = answer("bang-dan.tsv", paste.as_bytes(), None, Options::default());
        assert_eq!(a.figures, 1);
        assert_eq!(a.file, "bang-dan.json");
        let bad = a.findings.iter().find(|l| l.error).unwrap();
        assert_eq!(bad.cell.as_deref(), Some("C3"));
        assert_eq!(bad.en, "bang-dan.tsv:C3: error: \"abc\" is not a number");
        assert!(bad.vi.starts_with("bang-dan.tsv:C3: lỗi: "));
        assert!(String::from_utf8(a.json).unwrap().contains("70.15"));
    }

    #[test]
    fn bytes_that_are_no_table_say_so() {
        let a = answer("x.xlsx", b"PK\x03\x04 broken", None, Options::default());
        assert!(a.json.is_empty());
        assert_eq!(a.findings.len(), 1);
        assert!(a.findings[0].error);
    }

    #[test]
    fn the_options_reach_the_file_as_chiso_import_gives_them() {
        let paste = "Tỉnh\tNăm\tGiá trị\nĐà Nẵng\t2019\t70,15\n";
        let bare = answer("bang-dan.tsv", paste.as_bytes(), None, Options::default());
        assert_eq!(
            bare.figures, 0,
            "a table that names no index imports nothing by itself"
        );
        let opts = Options {
            indicator: Some("pci".into()),
            source: Some("VCCI, PCI 2019".into()),
            ..Options::default()
        };
        let given = answer("bang-dan.tsv", paste.as_bytes(), None, opts);
        assert_eq!(given.figures, 1);
        let json = String::from_utf8(given.json).unwrap();
        assert!(
            json.contains("\"pci.score\"") && json.contains("VCCI, PCI 2019"),
            "{json}"
        );
    }

    #[test]
    fn a_sheet_asked_of_a_text_table_is_an_error() {
        let a = answer("bang-dan.tsv", b"a\tb\n", Some("PCI"), Options::default());
        assert!(a.json.is_empty());
        assert!(a.findings[0].error);
        assert!(a.findings[0].en.contains("PCI"), "{}", a.findings[0].en);
    }
}
