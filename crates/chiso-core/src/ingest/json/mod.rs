//! Reading JSON without losing where things are: entries are kept as raw slices of the file, so
//! every finding can name its line and column, and one bad entry never fails the rest.

pub mod decimal;
mod read;
mod scan;
#[cfg(test)]
mod tests;
mod value;

pub use read::{optional, typed, FromRaw};
pub use scan::{Bad, ScanError, MAX_DEPTH};
pub use value::{fields, named, ArrayItems, Items, Members, Object, Raw, Shape};

use crate::ingest::finding::{Expected, Found, Location, Message};
use std::cell::OnceCell;

/// The text of one file and a lazily built index of its line starts.
pub struct Doc<'a> {
    pub text: &'a str,
    line_starts: OnceCell<Vec<usize>>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        Doc {
            text,
            line_starts: OnceCell::new(),
        }
    }

    /// Byte offset of a raw value borrowed from this document.
    pub fn offset(&self, raw: Raw) -> usize {
        let start = self.text.as_ptr() as usize;
        (raw.get().as_ptr() as usize)
            .checked_sub(start)
            .filter(|&o| o <= self.text.len())
            .unwrap_or(0)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let begin = starts[line - 1];
        let end = offset.min(self.text.len());
        let column = self
            .text
            .get(begin..end)
            .map_or(end - begin, |s| s.chars().count())
            + 1;
        (line, column)
    }

    pub fn location(&self, raw: Raw, path: &str) -> Location {
        self.location_at(self.offset(raw), path)
    }

    pub fn location_at(&self, offset: usize, path: &str) -> Location {
        let (line, column) = self.line_col(offset);
        Location {
            line,
            column,
            path: path.to_string(),
        }
    }
}

/// What kind of JSON value a raw slice holds.
pub fn found(raw: Raw) -> Found {
    match raw.get().as_bytes().first() {
        Some(b'"') => Found::String(raw.string_lossy().unwrap_or_default().into_owned()),
        Some(b'{') => Found::Object,
        Some(b'[') => Found::Array,
        Some(b't' | b'f') => Found::Bool,
        Some(b'n') | None => Found::Null,
        Some(_) => Found::Number(raw.get().to_string()),
    }
}

/// An object's members by name; `None` if `raw` is not an object.
pub fn object(raw: Raw) -> Option<Object> {
    Object::read(raw)
}

/// An array's items; `None` if `raw` is not an array.
pub fn array(raw: Raw) -> Option<Items> {
    raw.items()
}

/// A number that must be a finite JSON number (`1e999` is valid JSON but not finite).
pub fn number(raw: Raw) -> Result<f64, Message> {
    typed(raw, Expected::Number)
}

/// A JSON path segment for an object member: `.name`, or `["odd key"]` where needed.
pub fn member(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    match (parent.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{parent}.{key}"),
        _ => format!("{parent}[{}]", quote(key)),
    }
}

pub fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

/// `s` as a JSON string literal, escaped as serde_json writes it.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
