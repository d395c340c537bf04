//! The publisher's templates in `public/templates/`: the spreadsheet is the CSV as Excel keeps
//! it (written here, so it can be remade: `CHISO_WRITE_TEMPLATES=1 cargo test -p chiso-cli
//! --test templates`), and both import to the same figures, which validate clean.

use chiso_core::import::csv;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use std::path::PathBuf;
use std::process::{Command, Output};

fn templates() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/templates")
}

fn chiso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(args)
        .output()
        .expect("chiso runs")
}

/// The CSV's rows on one sheet: numbers as numbers (decimal commas read), a bold header.
fn xlsx_from_csv() -> Vec<u8> {
    let text = std::fs::read_to_string(templates().join("mau-chi-so.csv")).unwrap();
    let rows = csv::parse(&text, csv::sniff(&text));
    let mut book = Workbook::new();
    // A fixed creation date keeps the file the same byte for byte.
    let created = ExcelDateTime::from_ymd(2025, 1, 1).unwrap();
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet().set_name("Số liệu").unwrap();
    let bold = Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.replace(',', ".").parse::<f64>() {
                Ok(n) if r > 0 => sheet.write_number(r, c, n).map(|_| ()),
                _ if r == 0 => sheet
                    .write_string_with_format(r, c, cell, &bold)
                    .map(|_| ()),
                _ => sheet.write_string(r, c, cell).map(|_| ()),
            }
            .unwrap();
        }
        sheet.set_column_width(row.len() as u16 - 1, 40).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn the_spreadsheet_template_is_the_csv_as_excel_keeps_it() {
    let path = templates().join("mau-chi-so.xlsx");
    let made = xlsx_from_csv();
    if std::env::var_os("CHISO_WRITE_TEMPLATES").is_some() {
        std::fs::write(&path, &made).unwrap();
    }
    let committed = std::fs::read(&path).unwrap();
    assert!(committed == made, "mau-chi-so.xlsx differs from the CSV");
}

#[test]
fn both_templates_import_to_the_same_figures_and_validate_clean() {
    let csv_path = templates().join("mau-chi-so.csv");
    let xlsx_path = templates().join("mau-chi-so.xlsx");
    let from_csv = chiso(&["import", "--lang", "en", csv_path.to_str().unwrap()]);
    let from_xlsx = chiso(&["import", "--lang", "en", xlsx_path.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&from_csv.stderr);
    assert_eq!(from_csv.status.code(), Some(0), "{err}");
    assert!(err.ends_with("12 figures; 0 errors, 0 warnings\n"), "{err}");
    let out = String::from_utf8_lossy(&from_csv.stdout).into_owned();
    assert_eq!(out, String::from_utf8_lossy(&from_xlsx.stdout));
    // Tây Ninh's PCI as VCCI published it, score and rank.
    for line in [
        r#"{ "unit": "tay-ninh", "indicator": "pci.score", "period": "2018", "value": 64.54, "source": "s1" }"#,
        r#"{ "unit": "tay-ninh", "indicator": "pci.rank", "period": "2022", "value": 55, "of": 63, "source": "s1" }"#,
        r#"{ "unit": "tay-ninh", "indicator": "pci.score", "period": "2023", "value": 67.8, "source": "s1" }"#,
    ] {
        assert!(out.contains(line), "{line}\n{out}");
    }
    let file = std::env::temp_dir().join(format!("chiso-template-{}.json", std::process::id()));
    std::fs::write(&file, &out).unwrap();
    let v = chiso(&["validate", "--lang", "en", file.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&v.stdout);
    assert_eq!(v.status.code(), Some(0), "{report}");
    assert!(
        report.ends_with("1 files (0 rejected), 12 valid figures: 0 errors, 0 warnings\n"),
        "{report}"
    );
}
