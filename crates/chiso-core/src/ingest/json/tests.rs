//! The reader against JSON's grammar: what it accepts, what it refuses and where, and what it
//! reads from what it accepts.

use super::*;
use crate::contract::text::Text;
use crate::ingest::finding::{Syntax, Within};
use std::borrow::Cow;

fn bad(text: &str) -> (Bad, usize) {
    match Raw::parse(text) {
        Ok(raw) => panic!("{text:?} was accepted as {raw:?}"),
        Err(e) => (e.bad, e.offset),
    }
}

fn syntax(text: &str) -> (Syntax, usize) {
    match bad(text) {
        (Bad::Syntax(s), at) => (s, at),
        other => panic!("{text:?}: {other:?}"),
    }
}

#[test]
fn accepts_what_json_allows() {
    for text in [
        "0",
        "-0",
        "-0.0e+0",
        "12.5E-3",
        "1e999",
        "\"\"",
        r#""a\"b\\c\/d\b\f\n\r\t\u00e9\uD83D\uDE00""#,
        r#""\ud800""#,
        "true",
        "false",
        "null",
        "[]",
        "{}",
        " \t\r\n[ 1 , [ ] , { } , \"x\" ] \n",
        r#"{"a":{"b":[1,{"c":null}]},"a":2}"#,
        "\"Tây Ninh\"",
    ] {
        assert!(Raw::parse(text).is_ok(), "{text:?}");
    }
}

#[test]
fn refuses_what_json_refuses_at_the_offending_byte() {
    let cases: [(&str, Syntax, usize); 20] = [
        ("{\"a\": 1} x", Syntax::TrailingText, 9),
        ("[1] [2]", Syntax::TrailingText, 4),
        ("[1, 2,]", Syntax::TrailingComma, 6),
        ("{\"a\": 1,}", Syntax::TrailingComma, 8),
        ("[01]", Syntax::BadNumber, 2),
        ("-01", Syntax::BadNumber, 2),
        ("[1.]", Syntax::BadNumber, 3),
        ("[1e+]", Syntax::BadNumber, 4),
        ("[-x]", Syntax::BadNumber, 2),
        ("[+1]", Syntax::ExpectedValue, 1),
        ("[.5]", Syntax::ExpectedValue, 1),
        ("['a']", Syntax::ExpectedValue, 1),
        (r#"["a\x"]"#, Syntax::BadEscape, 4),
        (r#"["\u12G4"]"#, Syntax::BadEscape, 6),
        ("[\"a\tb\"]", Syntax::ControlCharacter, 3),
        ("[tru]", Syntax::BadLiteral, 4),
        ("{a: 1}", Syntax::KeyNotString, 1),
        ("{\"a\" 1}", Syntax::ExpectedColon, 5),
        (
            "{\"a\": 1 \"b\": 2}",
            Syntax::ExpectedComma(Within::Object),
            8,
        ),
        ("[1 2]", Syntax::ExpectedComma(Within::Array), 3),
    ];
    for (text, problem, at) in cases {
        assert_eq!(syntax(text), (problem, at), "{text:?}");
    }
    assert_eq!(syntax("{]"), (Syntax::KeyNotString, 1));
    assert_eq!(syntax("[}"), (Syntax::ExpectedValue, 1));
}

#[test]
fn a_text_that_ends_early_is_truncated_at_its_last_character() {
    let cases = [
        ("", Within::Value, 0),
        ("{\"a\": 1", Within::Object, 6),
        ("{\"a\"", Within::Object, 3),
        ("{\"a\": ", Within::Value, 5),
        ("[1, ", Within::Array, 3),
        ("[1, [2]", Within::Array, 6),
        ("\"abc", Within::String, 3),
        ("\"ab\\", Within::String, 3),
        ("\"ab\\u12", Within::String, 6),
        ("[tr", Within::Value, 2),
        ("[1.", Within::Value, 2),
        ("{\"a\": [1,\n", Within::Array, 10),
    ];
    for (text, within, at) in cases {
        assert_eq!(bad(text), (Bad::Truncated(within), at), "{text:?}");
    }
}

#[test]
fn nesting_is_bounded_without_recursion() {
    let nested = |n: usize| "[".repeat(n) + &"]".repeat(n);
    assert!(Raw::parse(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(syntax(&nested(MAX_DEPTH + 1)), (Syntax::TooDeep, MAX_DEPTH));
    // Far deeper than any stack would take, refused at the first level too deep.
    let hostile = "{\"a\":".repeat(100_000);
    assert_eq!(syntax(&hostile).0, Syntax::TooDeep);
    let open = "[".repeat(100_000);
    assert_eq!(syntax(&open), (Syntax::TooDeep, MAX_DEPTH));
}

#[test]
fn reads_strings_with_escapes_and_surrogate_pairs() {
    let raw = Raw::parse(r#""qu\u00fd \"III\" \ud83d\ude00\n\/""#).unwrap();
    assert_eq!(raw.string().as_deref(), Some("quý \"III\" 😀\n/"));
    let plain = Raw::parse("\"Tây Ninh\"").unwrap();
    assert!(matches!(plain.string(), Some(Cow::Borrowed("Tây Ninh"))));
    for lone in [r#""\ud800""#, r#""\udc00x""#, r#""\ud800\u0041""#] {
        let raw = Raw::parse(lone).unwrap();
        assert_eq!(raw.string(), None, "{lone}");
        assert!(raw.string_lossy().unwrap().contains('\u{fffd}'), "{lone}");
    }
    assert_eq!(Raw::parse("5").unwrap().string(), None);
}

#[test]
fn numbers_must_be_finite_numbers() {
    let raw = Raw::parse("1e999").unwrap();
    let message = Message::NotFinite {
        value: "1e999".into(),
    };
    assert_eq!(number(raw), Err(message));
    let raw = Raw::parse("\"58463\"").unwrap();
    let message = Message::WrongType {
        expected: Expected::Number,
        found: Found::String("58463".into()),
    };
    assert_eq!(number(raw), Err(message));
    assert_eq!(number(Raw::parse("-1.5").unwrap()), Ok(-1.5));
    // Correctly rounded, as Rust's own parser rounds.
    let long = Raw::parse("0.1000000000000000055511151231257827").unwrap();
    assert_eq!(number(long), Ok(0.1));
    assert_eq!(number(Raw::parse("1e-400").unwrap()), Ok(0.0));
}

#[test]
fn objects_are_sorted_by_name_and_the_later_of_two_wins() {
    let raw =
        Raw::parse(r#"{ "b": 1, "a": [2, 3], "c": {"x": 4}, "b": 5, "\u0061a": 6 }"#).unwrap();
    let obj = object(raw).unwrap();
    let seen: Vec<(&str, &str)> = obj.iter().map(|(k, v)| (k, v.get())).collect();
    assert_eq!(
        seen,
        [
            ("a", "[2, 3]"),
            ("aa", "6"),
            ("b", "5"),
            ("c", "{\"x\": 4}")
        ]
    );
    assert_eq!(obj.get("b").map(Raw::get), Some("5"));
    assert!(obj.get("d").is_none() && object(Raw::parse("[]").unwrap()).is_none());
    let items: Vec<&str> = array(obj.get("a").unwrap())
        .unwrap()
        .map(Raw::get)
        .collect();
    assert_eq!(items, ["2", "3"]);
    let items: Vec<&str> = array(Raw::parse("[ \"a,]\" , [1,[2]] ,{\"k\":\"}\"}]").unwrap())
        .unwrap()
        .map(Raw::get)
        .collect();
    assert_eq!(items, ["\"a,]\"", "[1,[2]]", "{\"k\":\"}\"}"]);
    assert_eq!(array(Raw::parse("[ ]").unwrap()).unwrap().count(), 0);
}

#[test]
fn fixed_shapes_refuse_a_member_given_twice() {
    let raw = Raw::parse(r#"{"vi": "Tỉnh", "x": 1, "en": null}"#).unwrap();
    let [vi, en] = fields(raw, &["vi", "en"]).unwrap();
    assert_eq!(
        (vi.map(Raw::get), en.map(Raw::get)),
        (Some("\"Tỉnh\""), Some("null"))
    );
    let twice = Raw::parse(r#"{"vi": "a", "vi": "b"}"#).unwrap();
    assert_eq!(fields(twice, &["vi", "en"]), Err(Shape::Twice("vi")));
    assert_eq!(
        fields(Raw::parse("[]").unwrap(), &["vi"]),
        Err(Shape::NotAnObject)
    );
}

#[test]
fn reads_text_in_both_forms() {
    let text = |s: &str| Text::from_raw(Raw::parse(s).unwrap());
    assert_eq!(text("\"Tây Ninh\""), Some(Text::plain("Tây Ninh")));
    assert_eq!(
        text(r#"{"vi": "Tỉnh", "en": "Province", "other": 5}"#),
        Some(Text::both("Tỉnh", "Province"))
    );
    let vi_only = Text::Localized {
        vi: Some("Tỉnh".into()),
        en: None,
    };
    assert_eq!(text(r#"{"vi": "Tỉnh", "en": null}"#), Some(vi_only));
    for wrong in [
        "5",
        "null",
        "[\"a\"]",
        r#"{"vi": 5}"#,
        r#"{"vi": "a", "vi": "b"}"#,
    ] {
        assert_eq!(text(wrong), None, "{wrong}");
    }
}

#[test]
fn locates_values_by_line_and_character_column() {
    let text = "{\n  \"tên\": \"Tây Ninh\",\n  \"v\": 5\n}";
    let doc = Doc::new(text);
    let obj = object(Raw::parse(text).unwrap()).unwrap();
    let loc = doc.location(obj.get("v").unwrap(), "v");
    assert_eq!((loc.line, loc.column), (3, 8));
    let loc = doc.location(obj.get("tên").unwrap(), "x");
    assert_eq!((loc.line, loc.column), (2, 10));
    // An error's offset counts characters, not bytes, on its line.
    let broken = "{\n  \"tên\": \"Tây Ninh\" x\n}";
    let e = Raw::parse(broken).unwrap_err();
    assert_eq!(Doc::new(broken).line_col(e.offset), (2, 21));
}

#[test]
fn builds_paths() {
    assert_eq!(member("", "observations"), "observations");
    assert_eq!(index("observations", 14), "observations[14]");
    assert_eq!(
        member("observations[14]", "value"),
        "observations[14].value"
    );
    assert_eq!(member("sources", "quý 2"), "sources[\"quý 2\"]");
    assert_eq!(quote("a\"\\\n\u{1}é"), "\"a\\\"\\\\\\n\\u0001é\"");
}
