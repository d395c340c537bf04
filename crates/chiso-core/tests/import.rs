//! Import: tables as provincial offices keep them become metric files that load without error,
//! with every figure equal to its cell and every problem said at its cell.

use chiso_core::contract::provinces;
use chiso_core::import::{csv, import, Imported, Options, Table};
use chiso_core::{load, Input, Lang, Period};
use chrono::NaiveDate;

fn opts() -> Options {
    Options {
        name: "out.json".into(),
        ..Options::default()
    }
}

fn run(text: &str, opts: &Options) -> Imported {
    import(&[csv::table("", text)], opts)
}

fn lines(imported: &Imported) -> Vec<String> {
    imported
        .findings
        .iter()
        .map(|f| f.line("t.csv", Lang::En))
        .collect()
}

fn loaded(imported: &Imported) -> chiso_core::Loaded {
    let l = load(&[Input {
        name: "out.json",
        bytes: imported.json.as_bytes(),
        sha256: None,
    }]);
    let errors: Vec<String> = l
        .findings
        .iter()
        .filter(|f| f.is_error())
        .map(|f| f.line(Lang::En))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    l
}

fn value(l: &chiso_core::Loaded, unit: &str, indicator: &str, period: &str) -> Option<f64> {
    let p = Period::parse(period).unwrap();
    l.data.value(unit, indicator, &p).map(|o| o.value)
}

/// A score with a decimal comma, as the table writes it, and the number it means.
fn score(i: usize, year: usize) -> (String, f64) {
    let hundredths = 5200 + (i * 389 + year * 71) % 1700;
    (
        format!("{},{:02}", hundredths / 100, hundredths % 100),
        hundredths as f64 / 100.0,
    )
}

const YEARS: [usize; 6] = [2018, 2019, 2020, 2021, 2022, 2023];
const TAY_NINH: [(&str, f64, usize); 6] = [
    ("64,54", 64.54, 14),
    ("67,05", 67.05, 15),
    ("64,16", 64.16, 24),
    ("63,90", 63.90, 37),
    ("62,31", 62.31, 55),
    ("67,80", 67.80, 20),
];

#[test]
fn a_wide_pci_table_of_all_63_provinces_imports_every_figure() {
    let on = NaiveDate::from_ymd_opt(2020, 12, 31).unwrap();
    let units: Vec<_> = provinces::in_force(on).collect();
    assert_eq!(units.len(), 63);
    // A title, then years over "Điểm | Xếp hạng", Vietnamese names as VCCI's tables write them.
    let mut text = String::from("BẢNG XẾP HẠNG CHỈ SỐ PCI CÁC NĂM;;\n");
    text += "STT;Tỉnh, thành phố";
    for y in YEARS {
        text += &format!(";{y};");
    }
    text += "\n;";
    for _ in YEARS {
        text += ";Điểm;Xếp hạng";
    }
    text += "\n";
    let mut expected = Vec::new();
    for (i, p) in units.iter().enumerate() {
        let name = match p.id {
            "hue" => "Thừa Thiên Huế".to_string(),
            "ho-chi-minh" => "TP. Hồ Chí Minh".to_string(),
            _ if p.city => format!("TP {}", p.name_vi),
            _ => p.name_vi.to_string(),
        };
        text += &format!("{};{name}", i + 1);
        for (y, year) in YEARS.iter().enumerate() {
            let (cell, v, rank) = if p.id == "tay-ninh" {
                let (c, v, r) = TAY_NINH[y];
                (c.to_string(), v, r)
            } else {
                let (c, v) = score(i, *year);
                (c, v, (i * 17 + year) % 63 + 1)
            };
            // Since 2023 VCCI publishes only the top 30: the rest are blank, never zero.
            if *year == 2023 && rank > 30 {
                text += ";-;-";
                continue;
            }
            text += &format!(";{cell};{rank}");
            expected.push((p.id, *year, v, rank));
        }
        text += "\n";
    }
    let imported = run(&text, &opts());
    assert_eq!(imported.errors(), 0, "{:#?}", lines(&imported));
    assert_eq!(imported.figures, expected.len() * 2);
    let l = loaded(&imported);
    assert_eq!(l.data.observations.len(), expected.len() * 2);
    for (unit, year, v, rank) in expected {
        let y = year.to_string();
        assert_eq!(value(&l, unit, "pci.score", &y), Some(v), "{unit} {year}");
        assert_eq!(
            value(&l, unit, "pci.rank", &y),
            Some(rank as f64),
            "{unit} {year}"
        );
    }
    assert_eq!(value(&l, "tay-ninh", "pci.score", "2022"), Some(62.31));
    let rank = l
        .data
        .value("tay-ninh", "pci.rank", &Period::Year(2020))
        .unwrap();
    assert_eq!((rank.value, rank.of), (24.0, Some(63.0)));
}

#[test]
fn a_long_table_mixing_quarters_an_interval_and_a_year() {
    let text = "\
Đơn vị\tChỉ tiêu\tKỳ\tNhãn\tGiá trị\tXếp hạng\tNguồn
Tây Ninh\tHồ sơ tiếp nhận\tQuý II/2020\t\t12.345\t\tBáo cáo quý II
Tây Ninh\tTiếp nhận trực tuyến\tquý 3 năm 2020\t\t1.234\t\tBáo cáo quý III
Tây Ninh\tHồ sơ tiếp nhận\t6 tháng đầu năm 2020\t\t20.001\t\tBáo cáo quý II
Tiền Giang\tHồ sơ tiếp nhận\t28/5/2020 - 28/8/2020\tquý III\t2.345\t\t
Tiền Giang\tĐang giải quyết\tquý III (28/5/2020 - 28/8/2020)\t\t17\t\t
Bắc Kạn\tHồ sơ tiếp nhận\tQ2 2020\t\t58.463\t\t
Tây Ninh\tPCI\tNăm 2019\t\t67,05\t15\t
Tây Ninh\tICT Index\t2019\t\t0,4582\t25\t
Tây Ninh\tSIPAS\tNăm 2023\t\t80,05%\t\t
";
    let imported = run(text, &opts());
    assert_eq!(imported.errors(), 0, "{:#?}", lines(&imported));
    assert!(imported.findings.is_empty(), "{:#?}", lines(&imported));
    let l = loaded(&imported);
    assert_eq!(
        value(&l, "tay-ninh", "dossiers.received", "2020-Q2"),
        Some(12345.0)
    );
    assert_eq!(
        value(&l, "tay-ninh", "dossiers.online", "2020-Q3"),
        Some(1234.0)
    );
    assert_eq!(
        value(&l, "tay-ninh", "dossiers.received", "2020-H1"),
        Some(20001.0)
    );
    let interval = "2020-05-28/2020-08-28";
    let o = l
        .data
        .value(
            "tien-giang",
            "dossiers.received",
            &Period::parse(interval).unwrap(),
        )
        .unwrap();
    assert_eq!((o.value, o.label.as_deref()), (2345.0, Some("quý III")));
    let o = l
        .data
        .value(
            "tien-giang",
            "dossiers.pending",
            &Period::parse(interval).unwrap(),
        )
        .unwrap();
    assert_eq!((o.value, o.label.as_deref()), (17.0, Some("quý III")));
    assert_eq!(
        value(&l, "bac-kan", "dossiers.received", "2020-Q2"),
        Some(58463.0)
    );
    assert_eq!(value(&l, "tay-ninh", "pci.score", "2019"), Some(67.05));
    assert_eq!(value(&l, "tay-ninh", "pci.rank", "2019"), Some(15.0));
    assert_eq!(
        value(&l, "tay-ninh", "ict_index.score", "2019"),
        Some(0.4582)
    );
    assert_eq!(value(&l, "tay-ninh", "ict_index.rank", "2019"), Some(25.0));
    assert_eq!(value(&l, "tay-ninh", "sipas.score", "2023"), Some(80.05));
    // Sources named in a column are keyed and cited.
    let doc: serde_json::Value = serde_json::from_str(&imported.json).unwrap();
    assert_eq!(doc["sources"]["s1"]["title"], "Báo cáo quý II");
    assert_eq!(doc["observations"][0]["source"], "s1");
    // Bắc Kạn and Tiền Giang are declared with the units they became.
    let ids: Vec<&str> = doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    for id in [
        "bac-kan",
        "thai-nguyen-2025",
        "tien-giang",
        "dong-thap-2025",
        "tay-ninh",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
}

#[test]
fn an_ambiguous_cell_is_read_by_the_indicators_kind_and_said() {
    let text = "Tỉnh,Chỉ tiêu,Năm,Giá trị\nTây Ninh,Hồ sơ tiếp nhận,2020,1.234\nTây Ninh,PCI,2020,58.463\n";
    let imported = run(text, &opts());
    let l = loaded(&imported);
    assert_eq!(
        value(&l, "tay-ninh", "dossiers.received", "2020"),
        Some(1234.0)
    );
    assert_eq!(value(&l, "tay-ninh", "pci.score", "2020"), Some(58.463));
    assert_eq!(
        lines(&imported),
        [
            "t.csv:D2: warning: \"1.234\" could be 1234 or 1.234; read as 1234 because dossiers.received is a count (the separator groups thousands); write it unambiguously",
            "t.csv:D3: warning: \"58.463\" could be 58.463 or 58463; read as 58.463 because pci.score is a score (the separator marks decimals); write it unambiguously",
        ]
    );
}

#[test]
fn a_misspelt_province_is_an_error_at_its_cell_with_suggestions() {
    let text = "Tỉnh;2019;2020\nTây Ninh;67,05;64,16\nTây Nihn;1;2\nCả nước;60,1;61,2\n";
    let imported = run(
        text,
        &Options {
            indicator: Some("PCI".into()),
            ..opts()
        },
    );
    assert_eq!(
        lines(&imported),
        [
            "t.csv:A3: error: \"Tây Nihn\" is not a province or city in the register; did you mean: Tay Ninh (tay-ninh)?",
            "t.csv:A4: warning: row \"Cả nước\" skipped: not a province or city",
        ]
    );
    let vi = imported.findings[0].line("t.csv", Lang::Vi);
    assert!(vi.contains("có phải: Tây Ninh (tay-ninh)?"), "{vi}");
    let l = loaded(&imported);
    assert_eq!(l.data.observations.len(), 2);
}

#[test]
fn periods_down_and_units_across() {
    let text =
        "Năm,Tây Ninh,Bắc Kạn,Long An\n2019,\"0,4582\",\"0,3120\",\"0,5011\"\n2026,\"0,61\",,\n";
    let imported = run(
        text,
        &Options {
            indicator: Some("ict_index.score".into()),
            source: Some("Báo cáo ICT Index".into()),
            ..opts()
        },
    );
    assert_eq!(imported.errors(), 0, "{:#?}", lines(&imported));
    let l = loaded(&imported);
    assert_eq!(
        value(&l, "tay-ninh", "ict_index.score", "2019"),
        Some(0.4582)
    );
    assert_eq!(value(&l, "bac-kan", "ict_index.score", "2019"), Some(0.312));
    assert_eq!(
        value(&l, "long-an", "ict_index.score", "2019"),
        Some(0.5011)
    );
    // After the merger, "Tây Ninh" is the new province.
    assert_eq!(
        value(&l, "tay-ninh-2025", "ict_index.score", "2026"),
        Some(0.61)
    );
    let doc: serde_json::Value = serde_json::from_str(&imported.json).unwrap();
    assert_eq!(doc["sources"]["import"]["title"], "Báo cáo ICT Index");
    assert_eq!(doc["observations"][0]["source"], "import");
}

#[test]
fn indicators_across_with_units_and_periods_down() {
    let text =
        "Đơn vị\tKỳ\tHồ sơ tiếp nhận\tTrực tuyến\tĐã giải quyết\tĐúng hạn\tQuá hạn\tĐang giải quyết
Bắc Kạn\tQuý II/2020\t58.463\t6.687\t57.000\t56.990\t10\t1.463
";
    let imported = run(text, &opts());
    assert_eq!(imported.errors(), 0, "{:#?}", lines(&imported));
    let l = loaded(&imported);
    assert_eq!(
        value(&l, "bac-kan", "dossiers.received", "2020-Q2"),
        Some(58463.0)
    );
    assert_eq!(
        value(&l, "bac-kan", "dossiers.online", "2020-Q2"),
        Some(6687.0)
    );
    assert_eq!(
        value(&l, "bac-kan", "dossiers.resolved_on_time", "2020-Q2"),
        Some(56990.0)
    );
    assert_eq!(
        value(&l, "bac-kan", "dossiers.pending", "2020-Q2"),
        Some(1463.0)
    );
}

#[test]
fn what_the_validator_rejects_is_said_at_its_cell_and_left_out() {
    let text = "\
Tỉnh,Chỉ số,Năm,Điểm
Tây Ninh,PCI,2020,\"64,16\"
Tây Ninh,PCI,2021,\"639,0\"
Long An,PCI,2026,\"60,0\"
Tây Ninh,Chỉ số lạ,2020,1
Tây Ninh,PCI,2030/2031,1
Tây Ninh,PCI,2020,\"64,17\"
Tây Ninh,Hồ sơ tiếp nhận,2020,12%
Tây Ninh,Hồ sơ tiếp nhận,2021,abc
";
    let imported = run(text, &opts());
    assert_eq!(
        lines(&imported),
        [
            "t.csv:D3: error: value 639 is outside the scale 0–100",
            "t.csv:D4: error: \"Long An\" (long-an) ended on 2025-06-30 → Tay Ninh (tay-ninh-2025): no figures for 2026",
            "t.csv:B5: error: \"Chỉ số lạ\" is not a catalogue indicator (an id such as pci.score, a name such as \"Dossiers received\", \"PCI\")",
            "t.csv:C6: error: \"2030/2031\" is not a period (e.g. 2020, Q2 2020, H1 2020, 28/5/2020 - 28/8/2020)",
            "t.csv:D7: error: same unit, indicator and period as cell D2 (64.17 vs 64.16); the value at D2 is kept",
            "t.csv:D8: error: \"12%\" is a percentage but dossiers.received is not measured in percent",
            "t.csv:D9: error: \"abc\" is not a number",
        ]
    );
    let l = loaded(&imported);
    assert_eq!(l.data.observations.len(), 1);
    assert_eq!(value(&l, "tay-ninh", "pci.score", "2020"), Some(64.16));
}

#[test]
fn a_table_without_a_header_or_an_indicator_says_so() {
    let imported = run("a,b\n1,2\n", &opts());
    assert_eq!(
        lines(&imported),
        [
            "t.csv:A1: error: no header row found: a unit column (\"Unit\", \"Province\") and figure columns (\"Value\", \"Score\", \"Rank\", years, periods) are needed",
            "t.csv: error: no figure was imported",
        ]
    );
    let imported = run("Tỉnh,2019\nTây Ninh,\"64,1\"\n", &opts());
    assert!(lines(&imported)[0].starts_with("t.csv:B1: error: no indicator"));
    // An index named in the sheet's name is enough.
    let t = csv::table("PCI", "Tỉnh,2019\nTây Ninh,\"64,1\"\n");
    let imported = import(&[Table { ..t }], &opts());
    assert_eq!(imported.errors(), 0, "{:#?}", lines(&imported));
    assert_eq!(imported.figures, 1);
}

#[test]
fn spreadsheet_numbers_need_no_guessing_and_percent_cells_are_scaled() {
    use chiso_core::import::Cell;
    let t = Table {
        sheet: "SIPAS".into(),
        rows: vec![
            vec![
                Cell::text("Tỉnh"),
                Cell::Number(2022.0),
                Cell::Number(2023.0),
            ],
            vec![
                Cell::text("Tây Ninh"),
                Cell::Number(0.8005),
                Cell::Number(0.8266),
            ],
        ],
    };
    let imported = import(&[t], &opts());
    assert_eq!(
        lines(&imported),
        ["t.csv:SIPAS!B1: warning: sipas.score is in percent: cells from 0 to 1 in this column are read as percent-formatted (0.8005 = 80.05%) and multiplied by 100",
         "t.csv:SIPAS!C1: warning: sipas.score is in percent: cells from 0 to 1 in this column are read as percent-formatted (0.8005 = 80.05%) and multiplied by 100"]
    );
    let l = loaded(&imported);
    assert_eq!(value(&l, "tay-ninh", "sipas.score", "2022"), Some(80.05));
    assert_eq!(value(&l, "tay-ninh", "sipas.score", "2023"), Some(82.66));
}
