//! What a text that is not JSON gets wrong, and what a custom indicator's definition gets
//! wrong: the details quoted in `Message::Syntax`, `Truncated` and `BadIndicator`.

use super::value::{clip, Expected, Found};
use super::words::{self as w, Words};
use crate::contract::lang::Lang;

/// The kind of value a text ends inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Within {
    Value,
    String,
    Array,
    Object,
}

impl Within {
    pub(super) fn words(self) -> &'static Words {
        match self {
            Within::Value => &w::WITHIN_VALUE,
            Within::String => &w::WITHIN_STRING,
            Within::Array => &w::WITHIN_ARRAY,
            Within::Object => &w::WITHIN_OBJECT,
        }
    }
}

/// Where a text stops being JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// Something that starts no JSON value (`'x'`, `<html>`, `+1`, `.5`).
    ExpectedValue,
    ExpectedColon,
    /// Neither a comma nor the end of the array or object.
    ExpectedComma(Within),
    KeyNotString,
    TrailingComma,
    /// More after the one value a document holds.
    TrailingText,
    BadNumber,
    BadEscape,
    ControlCharacter,
    /// A word that is not `true`, `false` or `null`.
    BadLiteral,
    /// Nested deeper than `json::MAX_DEPTH`.
    TooDeep,
    /// The byte at this offset is not UTF-8.
    NotUtf8 {
        byte: usize,
    },
}

impl Syntax {
    pub(super) fn text(self, lang: Lang) -> String {
        let (words, values) = match self {
            Syntax::ExpectedValue => (&w::EXPECTED_VALUE, vec![]),
            Syntax::ExpectedColon => (&w::EXPECTED_COLON, vec![]),
            Syntax::ExpectedComma(Within::Object) => (&w::EXPECTED_COMMA, vec!["}".to_string()]),
            Syntax::ExpectedComma(_) => (&w::EXPECTED_COMMA, vec!["]".to_string()]),
            Syntax::KeyNotString => (&w::KEY_NOT_STRING, vec![]),
            Syntax::TrailingComma => (&w::TRAILING_COMMA, vec![]),
            Syntax::TrailingText => (&w::TRAILING_TEXT, vec![]),
            Syntax::BadNumber => (&w::BAD_NUMBER, vec![]),
            Syntax::BadEscape => (&w::BAD_ESCAPE, vec![]),
            Syntax::ControlCharacter => (&w::CONTROL_CHARACTER, vec![]),
            Syntax::BadLiteral => (&w::BAD_LITERAL, vec![]),
            Syntax::TooDeep => (
                &w::TOO_DEEP,
                vec![crate::ingest::json::MAX_DEPTH.to_string()],
            ),
            Syntax::NotUtf8 { byte } => (&w::NOT_UTF8, vec![byte.to_string()]),
        };
        words.fill(lang, &values)
    }
}

/// What is wrong with a custom indicator's definition.
#[derive(Clone, Debug, PartialEq)]
pub enum BadDefinition {
    NotAnObject(Found),
    Missing(&'static str),
    Twice(&'static str),
    WrongType {
        field: &'static str,
        expected: Expected,
        found: Found,
    },
    NotFinite {
        field: &'static str,
        value: String,
    },
    /// A name outside the allowed ones (`"kind": "counts"`).
    NotOneOf {
        field: &'static str,
        found: String,
        allowed: &'static [&'static str],
    },
}

impl BadDefinition {
    pub(super) fn text(&self, lang: Lang) -> String {
        let field = |field: &str, inner: String| w::FIELD.fill(lang, &[field.to_string(), inner]);
        match self {
            BadDefinition::NotAnObject(found) => w::WRONG_TYPE.fill(
                lang,
                &[Expected::Object.text(lang).to_string(), found.text(lang)],
            ),
            BadDefinition::Missing(name) => w::MISSING.fill(lang, &[name.to_string()]),
            BadDefinition::Twice(name) => w::TWICE.fill(lang, &[name.to_string()]),
            BadDefinition::WrongType {
                field: name,
                expected,
                found,
            } => {
                let values = [expected.text(lang).to_string(), found.text(lang)];
                field(name, w::WRONG_TYPE.fill(lang, &values))
            }
            BadDefinition::NotFinite { field: name, value } => {
                field(name, w::NOT_FINITE.fill(lang, &[clip(value)]))
            }
            BadDefinition::NotOneOf {
                field: name,
                found,
                allowed,
            } => {
                let values = [name.to_string(), allowed.join(", "), clip(found)];
                w::NOT_ONE_OF.fill(lang, &values)
            }
        }
    }
}
