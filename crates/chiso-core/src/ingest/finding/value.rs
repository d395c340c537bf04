//! What a JSON value turned out to be and what was expected there, as data, worded in
//! Vietnamese or English when shown; shared by the syntax and the content messages.

use crate::contract::lang::Lang;

/// What a JSON value turned out to be, for "expected a number, found a string" messages.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Null,
    Bool,
    Number(String),
    String(String),
    Array,
    Object,
}

impl Found {
    pub(super) fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Found::Null, _) => "null".into(),
            (Found::Bool, Lang::Vi) => "giá trị true/false".into(),
            (Found::Bool, Lang::En) => "true/false".into(),
            (Found::Number(n), Lang::Vi) => format!("số {n}"),
            (Found::Number(n), Lang::En) => format!("the number {n}"),
            (Found::String(s), Lang::Vi) => format!("chuỗi \"{}\"", clip(s)),
            (Found::String(s), Lang::En) => format!("the string \"{}\"", clip(s)),
            (Found::Array, Lang::Vi) => "một mảng".into(),
            (Found::Array, Lang::En) => "an array".into(),
            (Found::Object, Lang::Vi) => "một đối tượng".into(),
            (Found::Object, Lang::En) => "an object".into(),
        }
    }
}

/// Keeps quoted input short in messages.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).chain("…".chars()).collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Number,
    WholeNumber,
    String,
    Text,
    Object,
    Array,
    Bool,
    Date,
}

impl Expected {
    pub(super) fn text(self, lang: Lang) -> &'static str {
        match self {
            Expected::Number => lang.pick("một số", "a number"),
            Expected::WholeNumber => lang.pick("một số nguyên dương", "a positive whole number"),
            Expected::String => lang.pick("một chuỗi", "a string"),
            Expected::Text => lang.pick(
                "một chuỗi hoặc { \"vi\": …, \"en\": … }",
                "a string or { \"vi\": …, \"en\": … }",
            ),
            Expected::Object => lang.pick("một đối tượng { … }", "an object { … }"),
            Expected::Array => lang.pick("một mảng [ … ]", "an array [ … ]"),
            Expected::Bool => lang.pick("true hoặc false", "true or false"),
            Expected::Date => lang.pick("một ngày YYYY-MM-DD", "a date YYYY-MM-DD"),
        }
    }
}
