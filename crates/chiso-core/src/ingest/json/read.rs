//! Typed reading of raw values: one `FromRaw` impl per type the contract reads, and `typed`,
//! which says what was expected and what was there instead.

use super::value::{fields, Raw};
use crate::contract::model::{Publisher, Source};
use crate::contract::text::Text;
use crate::ingest::finding::{Expected, Found, Message};
use std::borrow::Cow;

/// A type read straight from a raw value: `None` when the value is not one.
pub trait FromRaw<'a>: Sized {
    fn from_raw(raw: Raw<'a>) -> Option<Self>;
}

/// Reads a raw value as `T`, or says what was expected and what was there instead.
pub fn typed<'a, T: FromRaw<'a>>(raw: Raw<'a>, expected: Expected) -> Result<T, Message> {
    T::from_raw(raw).ok_or_else(|| match super::found(raw) {
        Found::Number(value) if expected == Expected::Number => Message::NotFinite { value },
        found => Message::WrongType { expected, found },
    })
}

impl<'a> FromRaw<'a> for Cow<'a, str> {
    fn from_raw(raw: Raw<'a>) -> Option<Self> {
        raw.string()
    }
}

impl<'a> FromRaw<'a> for String {
    fn from_raw(raw: Raw<'a>) -> Option<Self> {
        raw.string().map(Cow::into_owned)
    }
}

impl<'a> FromRaw<'a> for bool {
    fn from_raw(raw: Raw<'a>) -> Option<Self> {
        raw.bool()
    }
}

/// Finite numbers only: `1e999` is valid JSON but no `f64` figure.
impl<'a> FromRaw<'a> for f64 {
    fn from_raw(raw: Raw<'a>) -> Option<Self> {
        raw.number().filter(|v| v.is_finite())
    }
}

/// An optional member given as `null` is absent.
impl<'a, T: FromRaw<'a>> FromRaw<'a> for Option<T> {
    fn from_raw(raw: Raw<'a>) -> Option<Self> {
        if raw.is_null() {
            Some(None)
        } else {
            T::from_raw(raw).map(Some)
        }
    }
}

/// A plain string, or `{ "vi": …, "en": … }` where either may be absent or `null`.
impl<'a> FromRaw<'a> for Text {
    fn from_raw(raw: Raw<'a>) -> Option<Self> {
        if let Some(s) = raw.string() {
            return Some(Text::Plain(s.into_owned()));
        }
        let [vi, en] = fields(raw, &["vi", "en"]).ok()?;
        Some(Text::Localized {
            vi: optional(vi)?,
            en: optional(en)?,
        })
    }
}

/// An optional member: absent or `null` is `Some(None)`, a value of the wrong type `None`.
pub fn optional<'a, T: FromRaw<'a>>(raw: Option<Raw<'a>>) -> Option<Option<T>> {
    match raw {
        None => Some(None),
        Some(raw) => Option::<T>::from_raw(raw),
    }
}

impl<'a> FromRaw<'a> for Publisher {
    fn from_raw(raw: Raw<'a>) -> Option<Self> {
        let [name, url] = fields(raw, &["name", "url"]).ok()?;
        Some(Publisher {
            name: Text::from_raw(name?)?,
            url: optional(url)?,
        })
    }
}

impl<'a> FromRaw<'a> for Source {
    fn from_raw(raw: Raw<'a>) -> Option<Self> {
        let [title, date, url] = fields(raw, &["title", "date", "url"]).ok()?;
        Some(Source {
            title: optional(title)?,
            date: optional(date)?,
            url: optional(url)?,
        })
    }
}
