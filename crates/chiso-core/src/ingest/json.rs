//! Reading JSON without losing where things are: entries are kept as raw slices of the file, so
//! every finding can name its line and column, and one bad entry never fails the rest.

use crate::ingest::finding::{Expected, Found, Location, Message};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::cell::OnceCell;
use std::collections::BTreeMap;

/// An object's members, each still raw.
pub type Object<'a> = BTreeMap<String, &'a RawValue>;

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
    pub fn offset(&self, raw: &RawValue) -> usize {
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

    /// Byte offset of a 1-based line and byte column, as serde_json reports them.
    pub fn offset_of(&self, line: usize, byte_column: usize) -> usize {
        let begin = match line {
            0 | 1 => 0,
            n => self
                .text
                .match_indices('\n')
                .nth(n - 2)
                .map_or(self.text.len(), |(i, _)| i + 1),
        };
        (begin + byte_column.saturating_sub(1)).min(self.text.len())
    }

    pub fn location(&self, raw: &RawValue, path: &str) -> Location {
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

/// What kind of JSON value a raw slice holds (it is known to be valid JSON).
pub fn found(raw: &RawValue) -> Found {
    let s = raw.get().trim_start();
    match s.as_bytes().first() {
        Some(b'"') => Found::String(serde_json::from_str::<String>(s).unwrap_or_default()),
        Some(b'{') => Found::Object,
        Some(b'[') => Found::Array,
        Some(b't' | b'f') => Found::Bool,
        Some(b'n') | None => Found::Null,
        Some(_) => Found::Number(s.trim_end().to_string()),
    }
}

pub fn object(raw: &RawValue) -> Option<Object<'_>> {
    serde_json::from_str(raw.get()).ok()
}

pub fn array(raw: &RawValue) -> Option<Vec<&RawValue>> {
    let mut entries: Vec<&RawValue> = serde_json::from_str(raw.get()).ok()?;
    // Grown by doubling while read; a national file's figures are read while this is held.
    entries.shrink_to_fit();
    Some(entries)
}

/// Reads a raw value as `T`, or says what was expected and what was there instead.
pub fn typed<T: DeserializeOwned>(raw: &RawValue, expected: Expected) -> Result<T, Message> {
    serde_json::from_str(raw.get()).map_err(|_| match found(raw) {
        Found::Number(n) if expected == Expected::Number => Message::NotFinite { value: n },
        other => Message::WrongType {
            expected,
            found: other,
        },
    })
}

/// A number that must be a finite JSON number (`1e999` is valid JSON but not finite).
pub fn number(raw: &RawValue) -> Result<f64, Message> {
    let v: f64 = typed(raw, Expected::Number)?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Message::NotFinite {
            value: raw.get().to_string(),
        })
    }
}

/// serde_json's own words, without the position it appends (we give ours).
pub(crate) fn serde_detail(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// A JSON path segment for an object member: `.name`, or `["odd key"]` where needed.
pub fn member(parent: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    match (parent.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{parent}.{key}"),
        _ => format!("{parent}[{}]", serde_json::Value::from(key)),
    }
}

pub fn index(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_values_by_line_and_character_column() {
        let text = "{\n  \"tên\": \"Tây Ninh\",\n  \"v\": 5\n}";
        let doc = Doc::new(text);
        let obj: Object = serde_json::from_str(text).unwrap();
        let loc = doc.location(obj["v"], "v");
        assert_eq!((loc.line, loc.column), (3, 8));
        let loc = doc.location(obj["tên"], "x");
        assert_eq!((loc.line, loc.column), (2, 10));
    }

    #[test]
    fn numbers_must_be_finite_numbers() {
        let raw: &RawValue = serde_json::from_str("1e999").unwrap();
        assert_eq!(
            number(raw),
            Err(Message::NotFinite {
                value: "1e999".into()
            })
        );
        let raw: &RawValue = serde_json::from_str("\"58463\"").unwrap();
        assert_eq!(
            number(raw),
            Err(Message::WrongType {
                expected: Expected::Number,
                found: Found::String("58463".into())
            })
        );
        let raw: &RawValue = serde_json::from_str("-1.5").unwrap();
        assert_eq!(number(raw), Ok(-1.5));
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
    }
}
