//! The contract's checks, file by file: what each broken input reports, where, and what is kept.

use chiso_core::contract::period::PeriodError;
use chiso_core::ingest::envelope::sha256_hex;
use chiso_core::ingest::finding::{Expected, Found, Message, Severity};
use chiso_core::ingest::load::{load, FileState, Input, Loaded};
use chiso_core::{Lang, Period};

const GOOD_HEAD: &str = r#"{
  "format": "chiso-metrics/1",
  "title": "Thử nghiệm",
  "published": "2020-10-23",
  "units": [ { "id": "tay-ninh", "name": "Tây Ninh", "level": "province" } ],
  "sources": { "q3": { "title": "Báo cáo quý III" } },
  "observations": [
"#;

/// A file with the given observation lines (one per line, 1-based line = 8 + index).
fn file(observations: &[&str]) -> String {
    format!("{GOOD_HEAD}    {}\n  ]\n}}\n", observations.join(",\n    "))
}

const OK: &str = r#"{ "unit": "tay-ninh", "indicator": "feedback.received", "period": "2020-Q3", "value": 5, "source": "q3" }"#;

fn one(name: &str, text: &str) -> Loaded {
    load(&[Input {
        name,
        bytes: text.as_bytes(),
        sha256: None,
    }])
}

fn only_error(l: &Loaded) -> &chiso_core::Finding {
    let errors: Vec<_> = l.findings.iter().filter(|f| f.is_error()).collect();
    assert_eq!(errors.len(), 1, "{:#?}", l.findings);
    errors[0]
}

fn place(f: &chiso_core::Finding) -> (usize, usize, &str) {
    let l = f.location.as_ref().expect("a location");
    (l.line, l.column, l.path.as_str())
}

#[test]
fn a_good_file_loads_without_findings() {
    let l = one("a.json", &file(&[OK]));
    assert!(l.findings.is_empty(), "{:#?}", l.findings);
    assert_eq!(l.data.observations.len(), 1);
    assert_eq!(l.files[0].state, FileState::Loaded);
}

#[test]
fn truncated_json_names_line_and_column() {
    let text = file(&[OK]);
    let cut = &text[..text.len() - 10];
    let l = one("cut.json", cut);
    let f = only_error(&l);
    assert!(matches!(f.message, Message::Truncated { .. }), "{f:?}");
    let (line, _, _) = place(f);
    assert_eq!(line, cut.lines().count());
    assert_eq!(l.files[0].state, FileState::Rejected);
    assert!(
        f.line(Lang::En).starts_with("cut.json:"),
        "{}",
        f.line(Lang::En)
    );
}

#[test]
fn a_syntax_error_points_at_the_character() {
    let l = one(
        "s.json",
        "{\n  \"format\": \"chiso-metrics/1\",\n  \"title\": 'x'\n}",
    );
    let f = only_error(&l);
    assert!(matches!(f.message, Message::Syntax { .. }));
    assert_eq!(place(f).0, 3);
    assert_eq!(place(f).1, 12);
}

#[test]
fn an_empty_file_is_reported_as_empty() {
    for text in ["", "  \n "] {
        let l = one("empty.json", text);
        assert_eq!(only_error(&l).message, Message::Empty);
    }
}

#[test]
fn wrong_or_missing_format_rejects_the_file() {
    let l = one(
        "f.json",
        r#"{ "format": "chiso-metric/1", "observations": [] }"#,
    );
    let f = only_error(&l);
    assert!(matches!(&f.message, Message::WrongFormat { found, .. } if found == "chiso-metric/1"));
    assert_eq!(place(f).2, "format");
    let l = one("f.json", r#"{ "format": "chiso-metrics/2" }"#);
    assert!(matches!(
        only_error(&l).message,
        Message::NewerFormat { .. }
    ));
    let l = one("f.json", r#"{ "title": "x" }"#);
    assert_eq!(only_error(&l).message, Message::MissingFormat);
    let l = one("f.json", "[1, 2]");
    assert_eq!(only_error(&l).message, Message::NotAnObject);
}

#[test]
fn bad_entries_are_dropped_with_their_path_and_the_rest_kept() {
    let cases: Vec<(&str, Message, &str)> = vec![
        (
            r#"{ "unit": "tay-ninh", "indicator": "dossiers.magic", "period": "2020-Q3", "value": 5 }"#,
            Message::UnknownIndicator {
                id: "dossiers.magic".into(),
            },
            "observations[1].indicator",
        ),
        (
            r#"{ "unit": "dong-an", "indicator": "feedback.received", "period": "2020-Q3", "value": 5 }"#,
            Message::UnknownUnit {
                id: "dong-an".into(),
            },
            "observations[1].unit",
        ),
        (
            r#"{ "unit": "tay-ninh", "indicator": "dossiers.received", "period": "2020-Q3", "value": -3 }"#,
            Message::Negative { value: -3.0 },
            "observations[1].value",
        ),
        (
            r#"{ "unit": "tay-ninh", "indicator": "ict_index.score", "period": "2019", "value": 4.582 }"#,
            Message::OutOfScale {
                value: 4.582,
                min: 0.0,
                max: 1.0,
            },
            "observations[1].value",
        ),
        (
            r#"{ "unit": "tay-ninh", "indicator": "ict_index.rank", "period": "2019", "value": 70, "of": 63 }"#,
            Message::RankOutOfRange {
                rank: 70.0,
                of: Some(63.0),
            },
            "observations[1].value",
        ),
        (
            r#"{ "unit": "tay-ninh", "indicator": "feedback.received", "period": "2020-Q5", "value": 5 }"#,
            Message::BadPeriod {
                value: "2020-Q5".into(),
                error: PeriodError::Quarter(5),
            },
            "observations[1].period",
        ),
        (
            r#"{ "unit": "tay-ninh", "indicator": "dossiers.received", "period": "2020-Q2", "value": "58463" }"#,
            Message::WrongType {
                expected: Expected::Number,
                found: Found::String("58463".into()),
            },
            "observations[1].value",
        ),
        (
            r#"{ "unit": "tay-ninh", "indicator": "dossiers.received", "period": "2020-Q2", "value": 1e999 }"#,
            Message::NotFinite {
                value: "1e999".into(),
            },
            "observations[1].value",
        ),
        (
            r#"{ "unit": "tay-ninh", "indicator": "dossiers.received", "period": "2020-Q2" }"#,
            Message::Missing { field: "value" },
            "observations[1]",
        ),
        (
            r#"[1, 2]"#,
            Message::WrongType {
                expected: Expected::Object,
                found: Found::Array,
            },
            "observations[1]",
        ),
    ];
    for (bad, message, path) in cases {
        let text = file(&[OK, bad, OK.replace("2020-Q3", "2020-Q4").as_str()]);
        let l = one("bad.json", &text);
        let f = only_error(&l);
        assert_eq!(f.message, message, "for {bad}");
        let (line, column, p) = place(f);
        assert_eq!(p, path, "for {bad}");
        assert_eq!(line, 9, "for {bad}");
        assert!(column > 4, "for {bad}");
        assert_eq!(
            l.data.observations.len(),
            2,
            "the good entries stay, for {bad}"
        );
        assert_eq!(l.files[0].state, FileState::Loaded);
        assert!(
            !f.message.text(Lang::Vi).is_empty()
                && f.message.text(Lang::Vi) != f.message.text(Lang::En)
        );
    }
}

#[test]
fn a_conflicting_duplicate_is_reported_at_both_places_and_the_later_publication_wins() {
    let early = file(&[OK]).replace("2020-10-23", "2020-08-13");
    let late = file(&[&OK.replace("\"value\": 5", "\"value\": 6")]);
    // The later publication wins whatever the order the files are given in.
    let l = load(&[
        Input {
            name: "late.json",
            bytes: late.as_bytes(),
            sha256: None,
        },
        Input {
            name: "early.json",
            bytes: early.as_bytes(),
            sha256: None,
        },
    ]);
    assert_eq!(l.data.observations.len(), 1);
    assert_eq!(l.data.observations[0].value, 6.0);
    let dropped = only_error(&l);
    assert_eq!(dropped.file, "early.json");
    assert!(
        matches!(&dropped.message, Message::ConflictDropped { value, kept, other } if *value == 5.0 && *kept == 6.0 && other.starts_with("late.json:8:"))
    );
    let kept: Vec<_> = l
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].file, "late.json");
    // The same value twice is no conflict.
    let l = load(&[
        Input {
            name: "a.json",
            bytes: early.as_bytes(),
            sha256: None,
        },
        Input {
            name: "b.json",
            bytes: early.as_bytes(),
            sha256: None,
        },
    ]);
    assert!(l.findings.is_empty());
}

#[test]
fn a_broken_file_never_stops_the_others() {
    let good = file(&[OK]);
    let l = load(&[
        Input {
            name: "broken.json",
            bytes: b"{ \"format\": ",
            sha256: None,
        },
        Input {
            name: "good.json",
            bytes: good.as_bytes(),
            sha256: None,
        },
    ]);
    assert_eq!(l.files[0].state, FileState::Rejected);
    assert_eq!(l.files[1].state, FileState::Loaded);
    assert_eq!(l.data.observations.len(), 1);
}

#[test]
fn a_checksum_mismatch_rejects_the_file_as_tampered() {
    let good = file(&[OK]);
    let right = sha256_hex(good.as_bytes());
    let wrong = "0".repeat(64);
    let l = load(&[Input {
        name: "g.json",
        bytes: good.as_bytes(),
        sha256: Some(&right),
    }]);
    assert!(l.findings.is_empty());
    let l = load(&[Input {
        name: "g.json",
        bytes: good.as_bytes(),
        sha256: Some(&wrong),
    }]);
    assert!(matches!(
        only_error(&l).message,
        Message::ChecksumMismatch { .. }
    ));
    assert_eq!(l.files[0].state, FileState::Tampered);
    assert!(l.data.observations.is_empty());
    // Cut short on the way, it fails the checksum and says where it ends.
    let cut = &good.as_bytes()[..good.len() / 2];
    let l = load(&[Input {
        name: "g.json",
        bytes: cut,
        sha256: Some(&right),
    }]);
    let lines: Vec<String> = l.findings.iter().map(|f| f.line(Lang::En)).collect();
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(matches!(
        l.findings[0].message,
        Message::ChecksumMismatch { .. }
    ));
    assert!(lines[1].contains("truncated"), "{lines:#?}");
    assert_eq!(l.files[0].state, FileState::Tampered);
}

#[test]
fn sums_that_do_not_add_up_are_warnings_and_the_figures_stay() {
    let obs = |id: &str, v: u32| {
        format!(
            r#"{{ "unit": "tay-ninh", "indicator": "dossiers.{id}", "period": "2020-Q3", "value": {v} }}"#
        )
    };
    let lines = [
        obs("received", 47),
        obs("carried_over", 4),
        obs("online", 36),
        obs("offline", 8),
        obs("resolved", 40),
        obs("resolved_on_time", 43),
        obs("pending", 7),
    ];
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let l = one("sum.json", &file(&refs));
    assert_eq!(l.count(Severity::Error), 0);
    let warnings: Vec<_> = l.findings.iter().map(|f| &f.message).collect();
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(
        matches!(warnings[0], Message::Sum { left, right, .. } if *left == 48.0 && *right == 47.0)
    );
    assert!(matches!(warnings[1], Message::OnTimeExceedsResolved { .. }));
    assert_eq!(l.data.observations.len(), 7);
    let subject = l.findings[0].subject.as_ref().unwrap();
    assert_eq!(
        (subject.unit.as_str(), subject.period.as_str()),
        ("tay-ninh", "2020-Q3")
    );
}

#[test]
fn units_custom_indicators_and_references() {
    let text = r#"{
  "format": "chiso-metrics/1",
  "units": [
    { "id": "bac-kan", "name": { "vi": "Bắc Kạn", "en": "Bac Kan" }, "level": "province", "successor": "thai-nguyen", "until": "2025-06-30" },
    { "id": "x", "name": "X", "level": "county" },
    { "id": "bql", "name": "Ban quản lý", "level": "agency", "parent": "nowhere" }
  ],
  "indicators": [
    { "id": "training.sessions", "name": "Lớp tập huấn", "kind": "count", "aggregation": "flow" },
    { "id": "bad.kind", "name": "?", "kind": "counts" }
  ],
  "observations": [
    { "unit": "bac-kan", "indicator": "training.sessions", "period": "2020-05-28/2020-08-28", "label": "quý III", "value": 3 }
  ],
  "shoe_size": 42
}"#;
    let l = one("u.json", text);
    let msgs: Vec<String> = l.findings.iter().map(|f| f.line(Lang::En)).collect();
    assert_eq!(l.count(Severity::Error), 2, "{msgs:#?}");
    assert!(
        msgs.iter()
            .any(|m| m.contains("level \"county\"") && m.contains("units[1].level")),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("indicators[1]") && m.contains("counts")),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("\"thai-nguyen\"") && m.contains("units[0].successor")),
        "{msgs:#?}"
    );
    assert!(msgs.iter().any(|m| m.contains("\"nowhere\"")), "{msgs:#?}");
    assert!(msgs.iter().any(|m| m.contains("shoe_size")), "{msgs:#?}");
    let o = &l.data.observations[0];
    assert_eq!(o.period, Period::parse("2020-05-28/2020-08-28").unwrap());
    assert_eq!(o.label.as_deref(), Some("quý III"));
    assert_eq!(
        l.data.unit("bac-kan").unwrap().name.get(Lang::En),
        "Bac Kan"
    );
}

#[test]
fn markup_in_names_is_kept_as_text() {
    let text = file(&[OK]).replace(
        "\"name\": \"Tây Ninh\"",
        "\"name\": \"<img src=x onerror=alert(1)>\"",
    );
    let l = one("x.json", &text);
    assert_eq!(
        l.data.units[0].name.get(Lang::Vi),
        "<img src=x onerror=alert(1)>"
    );
}

#[test]
fn never_panics_on_arbitrary_bytes() {
    let good = file(&[OK]);
    let mut state = 0x2545F4914F6CDD1Du64;
    for n in 0..2000 {
        let mut bytes = good.as_bytes().to_vec();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let at = (state as usize) % bytes.len();
        match n % 4 {
            0 => bytes.truncate(at),
            1 => bytes[at] = (state >> 32) as u8,
            2 => bytes.insert(at, b"{}[]\",:-0e\\\xff"[(state >> 40) as usize % 12]),
            _ => {
                bytes.drain(at..(at + 7).min(bytes.len()));
            }
        }
        let l = load(&[Input {
            name: "fuzz.json",
            bytes: &bytes,
            sha256: None,
        }]);
        for f in &l.findings {
            let _ = f.line(Lang::Vi);
        }
    }
}

#[test]
fn a_count_ten_times_its_previous_period_is_a_warning_at_its_place_and_stays() {
    let obs = |indicator: &str, period: &str, v: &str| {
        format!(
            r#"{{ "unit": "tay-ninh", "indicator": "{indicator}", "period": "{period}", "value": {v} }}"#
        )
    };
    let lines = [
        // 6 decisions, then 58 million: a typo to ask about.
        obs("procedures.decisions", "2020-Q2", "6"),
        obs("procedures.decisions", "2020-Q3", "58000000"),
        // Growth under ten times, and a jump across a missing quarter: not asked about.
        obs("feedback.received", "2020-Q1", "10"),
        obs("feedback.received", "2020-Q2", "95"),
        obs("feedback.received", "2020-Q4", "5000"),
        // A score is not a count: its scale is checked elsewhere.
        obs("ict_index.score", "2019", "0.05"),
        obs("ict_index.score", "2020", "0.6"),
        // A fall to a tenth is asked about too.
        obs("dossiers.pending", "2020-Q2", "700"),
        obs("dossiers.pending", "2020-Q3", "70"),
    ];
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let l = one("jump.json", &file(&refs));
    assert_eq!(l.count(Severity::Error), 0, "{:#?}", l.findings);
    let jumps: Vec<_> = l
        .findings
        .iter()
        .filter(|f| matches!(f.message, Message::Jump { .. }))
        .collect();
    assert_eq!(jumps.len(), 2, "{:#?}", l.findings);
    assert!(jumps.iter().all(|f| f.severity == Severity::Warning));
    // Each at its own line: 8 + its index in `lines`.
    assert_eq!(place(jumps[0]).0, 9);
    assert_eq!(place(jumps[1]).0, 16);
    assert_eq!(
        jumps[0].message.text(Lang::En),
        "the count for 2020-Q3 is 58000000: ten times or more, or a tenth or less, of 6 for 2020-Q2; please check it (extra zeros, a wrong unit?); shown as published"
    );
    assert!(jumps[1]
        .message
        .text(Lang::Vi)
        .starts_with("số đếm kỳ 2020-Q3 là 70: "));
    // Nothing is dropped.
    assert_eq!(l.data.observations.len(), lines.len());
}

#[test]
fn a_lone_count_of_a_billion_or_more_is_a_warning_and_stays() {
    let obs = |unit: &str, indicator: &str, v: &str| {
        format!(
            r#"{{ "unit": "{unit}", "indicator": "{indicator}", "period": "2020-Q3", "value": {v} }}"#
        )
    };
    let lines = [
        // No period before it to compare with, yet no unit has this many decisions.
        obs("bac-kan", "procedures.decisions", "1.5e308"),
        obs("tay-ninh", "dossiers.received", "999999999"),
        // A score is not a count, and its scale is checked elsewhere.
        obs("tay-ninh", "pci.score", "67.05"),
    ];
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let l = one("huge.json", &file(&refs));
    assert_eq!(l.count(Severity::Error), 0, "{:#?}", l.findings);
    let huge: Vec<_> = l
        .findings
        .iter()
        .filter(|f| matches!(f.message, Message::Huge { .. }))
        .collect();
    assert_eq!(huge.len(), 1, "{:#?}", l.findings);
    assert_eq!(huge[0].severity, Severity::Warning);
    // At its own line: 8 + its index in `lines`.
    assert_eq!(place(huge[0]).0, 8);
    assert!(huge[0]
        .message
        .text(Lang::En)
        .starts_with("the count for 2020-Q3 is 1.5e308: a billion or more"));
    assert_eq!(l.data.observations.len(), lines.len());
}

#[test]
fn a_component_in_a_year_its_publisher_leaves_without_it_is_a_warning_and_stays() {
    let obs = |indicator: &str, period: &str| {
        format!(
            r#"{{ "unit": "tay-ninh", "indicator": "{indicator}", "period": "{period}", "value": 6.5 }}"#
        )
    };
    let lines = [
        // Printed N/A by VCCI for 2009–2012, and E-Governance joined PAPI in 2018.
        obs("pci.policy_bias", "2010"),
        obs("papi.e_governance", "2017"),
        // Years they are published in: nothing to say.
        obs("pci.policy_bias", "2013"),
        obs("papi.e_governance", "2018"),
    ];
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let l = one("years.json", &file(&refs));
    assert_eq!(l.count(Severity::Error), 0, "{:#?}", l.findings);
    let said: Vec<_> = l
        .findings
        .iter()
        .filter(|f| matches!(f.message, Message::ComponentYear { .. }))
        .collect();
    assert_eq!(said.len(), 2, "{:#?}", l.findings);
    assert_eq!(place(said[0]).0, 8);
    assert_eq!(place(said[1]).0, 9);
    assert!(said[1]
        .message
        .text(Lang::En)
        .starts_with("this component is not published for 2017 (published 2018–now"));
    assert_eq!(l.data.observations.len(), lines.len());
}
