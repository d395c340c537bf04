//! `chiso import` and `chiso manifest` as a publisher runs them: a CSV and the same table saved
//! from Excel give the same file, which `chiso validate` accepts; the manifest lists every
//! file with its sha256.

use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn chiso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(args)
        .output()
        .expect("chiso runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory for one test.
fn dir(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("chiso-import-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The PCI table both fixtures hold: a title, years over "Điểm | Xếp hạng", one bad name.
const ROWS: [[&str; 6]; 6] = [
    ["BẢNG XẾP HẠNG PCI", "", "", "", "", ""],
    ["STT", "Tỉnh, thành phố", "2019", "", "2020", ""],
    ["", "", "Điểm", "Xếp hạng", "Điểm", "Xếp hạng"],
    ["1", "Tây Ninh", "67,05", "15", "64,16", "24"],
    ["2", "TP. Hồ Chí Minh", "65,19", "14", "64,91", "14"],
    ["3", "Bắc Kạn", "58,10", "61", "59,30", "60"],
];

fn csv_fixture(path: &Path) {
    let text: String = ROWS.iter().map(|r| r.join(";") + "\r\n").collect();
    std::fs::write(path, text).unwrap();
}

/// The same table as Excel keeps it: numbers as numbers, on a sheet "PCI" after a notes sheet.
fn xlsx_fixture(path: &Path) {
    let mut book = Workbook::new();
    let notes = book.add_worksheet().set_name("Ghi chú").unwrap();
    notes.write_string(0, 0, "Nguồn: VCCI").unwrap();
    let sheet = book.add_worksheet().set_name("PCI").unwrap();
    for (r, row) in ROWS.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if cell.is_empty() {
                continue;
            }
            match cell.replace(',', ".").parse::<f64>() {
                Ok(n) if r > 2 => sheet.write_number(r, c, n).map(|_| ()),
                _ => sheet.write_string(r, c, *cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_csv_imports_to_a_file_that_validates() {
    let d = dir("csv");
    let (table, out) = (d.join("pci.csv"), d.join("pci.json"));
    csv_fixture(&table);
    let o = chiso(&["import", "--lang", "en", s(&table), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).ends_with(&format!(
            "wrote {}: 12 figures; 0 errors, 0 warnings\n",
            s(&out)
        )),
        "{}",
        stderr(&o)
    );
    let v = chiso(&["validate", "--lang", "en", s(&out)]);
    let report = String::from_utf8_lossy(&v.stdout);
    assert_eq!(v.status.code(), Some(0), "{report}");
    assert!(
        report.ends_with("1 files (0 rejected), 12 valid figures: 0 errors, 0 warnings\n"),
        "{report}"
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains(
        r#"{ "unit": "tay-ninh", "indicator": "pci.rank", "period": "2020", "value": 24, "of": 63 }"#
    ));
    assert!(text.contains(
        r#"{ "unit": "ho-chi-minh", "indicator": "pci.score", "period": "2019", "value": 65.19 }"#
    ));
}

#[test]
fn an_xlsx_imports_the_same_as_the_csv() {
    let d = dir("xlsx");
    let (csv, xlsx) = (d.join("pci.csv"), d.join("pci.xlsx"));
    csv_fixture(&csv);
    xlsx_fixture(&xlsx);
    let from_csv = chiso(&["import", s(&csv)]);
    let from_xlsx = chiso(&["import", "--sheet", "PCI", s(&xlsx)]);
    assert_eq!(from_xlsx.status.code(), Some(0), "{}", stderr(&from_xlsx));
    assert!(!from_csv.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&from_xlsx.stdout),
        String::from_utf8_lossy(&from_csv.stdout)
    );
    // Without --sheet every sheet is read; the notes sheet has no header, and says so by cell.
    let all = chiso(&["import", "--lang", "en", s(&xlsx)]);
    assert_eq!(all.stdout, from_csv.stdout);
    let lines = stderr(&all);
    assert!(
        lines.starts_with(&format!(
            "{}:'Ghi chú'!A1: error: no header row found",
            s(&xlsx)
        )),
        "{lines}"
    );
    let missing = chiso(&["import", "--lang", "en", "--sheet", "PAPI", s(&xlsx)]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        stderr(&missing),
        format!("{}: error: there is no sheet \"PAPI\"\n", s(&xlsx))
    );
}

#[test]
fn findings_name_the_sheet_and_cell() {
    let d = dir("findings");
    let xlsx = d.join("bad.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("PCI").unwrap();
    for (c, h) in ["Tỉnh/thành", "2019"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "Tây Nihn").unwrap();
    sheet.write_number(1, 1, 67.05).unwrap();
    sheet.write_string(2, 0, "Bắc Kạn").unwrap();
    sheet.write_number(2, 1, 580.1).unwrap();
    book.save(&xlsx).unwrap();
    let out = d.join("bad.json");
    let o = chiso(&["import", "--lang", "en", s(&xlsx), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let x = s(&xlsx);
    let expected = [
        format!("{x}:PCI!A2: error: \"Tây Nihn\" is not a province or city in the register; did you mean: Tay Ninh (tay-ninh)?"),
        format!("{x}:PCI!B3: error: value 580.1 is outside the scale 0–100"),
        format!("{x}: error: no figure was imported"),
        format!("chiso: wrote {}: 0 figures; 3 errors, 0 warnings", s(&out)),
    ];
    assert_eq!(stderr(&o).lines().collect::<Vec<_>>(), expected);
    // What was written still loads: the rejected figures are left out.
    assert_eq!(chiso(&["validate", s(&out)]).status.code(), Some(0));
}

#[test]
fn manifest_lists_every_metric_file_with_its_sha256() {
    let d = dir("manifest");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let published = std::fs::read_to_string(data.join("manifest.json")).unwrap();
    for name in [
        "tay-ninh.json",
        "bac-kan.json",
        "tien-giang-kcn.json",
        "pci.json",
        "minh-hoa.json",
        "manifest.json",
    ] {
        std::fs::copy(data.join(name), d.join(name)).unwrap();
    }
    std::fs::write(d.join("notes.json"), r#"{ "not": "a metric file" }"#).unwrap();
    // Refreshing an up-to-date manifest changes nothing, byte for byte.
    let o = chiso(&["manifest", s(&d)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let manifest = d.join("manifest.json");
    assert_eq!(std::fs::read_to_string(&manifest).unwrap(), published);
    // A changed file gets its new sha256, a new file comes after the listed ones.
    let csv = d.join("pci.csv");
    csv_fixture(&csv);
    assert_eq!(
        chiso(&["import", s(&csv), "-o", s(&d.join("a-pci.json"))])
            .status
            .code(),
        Some(0)
    );
    let tay_ninh = std::fs::read_to_string(d.join("tay-ninh.json")).unwrap();
    std::fs::write(
        d.join("tay-ninh.json"),
        tay_ninh.replacen("\"value\": 37", "\"value\": 38", 1),
    )
    .unwrap();
    assert_eq!(chiso(&["manifest", s(&d)]).status.code(), Some(0));
    let text = std::fs::read_to_string(&manifest).unwrap();
    let paths: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split('"').nth(3))
        .filter(|p| p.ends_with(".json"))
        .collect();
    assert_eq!(
        paths,
        [
            "tay-ninh.json",
            "bac-kan.json",
            "tien-giang-kcn.json",
            "pci.json",
            "minh-hoa.json",
            "a-pci.json"
        ]
    );
    assert_ne!(text, published);
    // The validator recomputes every sha256 the manifest gives and finds them right.
    let v = chiso(&["validate", "--lang", "en", s(&manifest)]);
    let report = String::from_utf8_lossy(&v.stdout);
    assert_eq!(v.status.code(), Some(0), "{report}");
    assert!(report.contains("6 files (0 rejected)"), "{report}");
    // From scratch, files are listed by name.
    std::fs::remove_file(&manifest).unwrap();
    assert_eq!(chiso(&["manifest", s(&d)]).status.code(), Some(0));
    let text = std::fs::read_to_string(&manifest).unwrap();
    let first = text
        .lines()
        .find_map(|l| l.split('"').nth(3).filter(|p| p.ends_with(".json")));
    assert_eq!(first, Some("a-pci.json"));
}

#[test]
fn a_count_ten_times_its_previous_quarter_is_a_warning_at_its_cell_and_is_kept() {
    let d = dir("jump");
    let table = d.join("jump.csv");
    std::fs::write(
        &table,
        "Đơn vị,Chỉ tiêu,Kỳ,Giá trị\nTây Ninh,procedures.decisions,2020-Q2,6\nTây Ninh,procedures.decisions,2020-Q3,58000000\n",
    )
    .unwrap();
    let out = d.join("jump.json");
    let o = chiso(&["import", "--lang", "en", s(&table), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let warning = format!(
        "{}:D3: warning: the count for 2020-Q3 is 58000000: ten times or more, or a tenth or less, of 6 for 2020-Q2;",
        s(&table)
    );
    assert!(stderr(&o).contains(&warning), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out).unwrap().contains("58000000"));
}

#[test]
fn manifest_records_which_files_passed_the_validator_together() {
    let d = dir("validated");
    let file =
        |obs: &str| format!(r#"{{ "format": "chiso-metrics/1", "observations": [ {obs} ] }}"#);
    let good =
        r#"{ "unit": "tay-ninh", "indicator": "pci.score", "period": "2019", "value": 67.05 }"#;
    std::fs::write(d.join("a-good.json"), file(good)).unwrap();
    // ICT Index 4.582 is off its 0–1 scale: an error the page would drop.
    let bad = r#"{ "unit": "tay-ninh", "indicator": "ict_index.score", "period": "2019", "value": 4.582 }"#;
    std::fs::write(d.join("b-bad.json"), file(bad)).unwrap();
    let o = chiso(&["manifest", s(&d)]);
    // The manifest is written, the error named, and the exit code says so.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("b-bad.json:1:"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("2 files (2 new), 1 validated"),
        "{}",
        stderr(&o)
    );
    let text = std::fs::read_to_string(d.join("manifest.json")).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("\"path\"")).collect();
    assert!(lines[0].contains(r#""path": "a-good.json""#));
    // The validated file's packed copy is beside it, gzipped, proven by its own sha256.
    let packed = std::fs::read(d.join("a-good.chiso")).unwrap();
    let proof = format!(
        r#""validated": {{ "format": "chiso-metrics/1", "validator": "chiso 0.1.0" }}, "packed": {{ "path": "a-good.chiso", "sha256": "{}" }}, "holds": {{ "units": ["tay-ninh"], "families": ["pci"], "periods": ["2019", "2019"] }} }},"#,
        chiso_core::ingest::envelope::sha256_hex(&packed)
    );
    assert!(lines[0].ends_with(&proof), "{}", lines[0]);
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&packed[..]),
        &mut unzipped,
    )
    .unwrap();
    assert!(chiso_core::ingest::load::is_packed(&unzipped));
    assert!(lines[1].contains(r#""path": "b-bad.json""#) && !lines[1].contains("validated"));
    assert!(!lines[1].contains("packed") && !d.join("b-bad.chiso").exists());
    // Fixed, it passes on the next run.
    std::fs::write(d.join("b-bad.json"), file(&bad.replace("4.582", "0.4582"))).unwrap();
    let o = chiso(&["manifest", s(&d)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(d.join("manifest.json")).unwrap();
    assert_eq!(text.matches("\"validated\"").count(), 2);
}
