//! What wraps every published file: its checksum, its bytes as JSON text, the top-level object
//! and the `format` tag that says which contract it follows.

use crate::ingest::finding::{Expected, Location, Message, Syntax};
use crate::ingest::json::{self, Bad, Doc, Object, Raw};
use sha2::{Digest, Sha256};

pub const METRICS_FORMAT: &str = "chiso-metrics/1";
pub const MANIFEST_FORMAT: &str = "chiso-manifest/1";

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Bytes as lower-case hex, as a manifest writes a sha256.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares a file's bytes with the checksum its manifest gave (any case, spaces around it).
pub(crate) fn check_checksum(bytes: &[u8], expected: &str) -> Result<(), Message> {
    let actual = sha256_hex(bytes);
    if actual.eq_ignore_ascii_case(expected.trim()) {
        Ok(())
    } else {
        Err(Message::ChecksumMismatch {
            expected: expected.to_string(),
            actual,
        })
    }
}

/// A file's text and its top-level members, still raw.
pub(crate) type TopLevel<'a> = (&'a str, Object<'a>);
/// Why a whole file is rejected, and where when known.
pub(crate) type Rejection = (Message, Option<Location>);

fn at_line(line: usize, column: usize) -> Option<Location> {
    Some(Location {
        line,
        column,
        path: String::new(),
    })
}

/// Decodes and parses the top-level object; `Err` rejects the whole file.
pub(crate) fn parse_top(bytes: &[u8]) -> Result<TopLevel<'_>, Rejection> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
        let problem = Syntax::NotUtf8 {
            byte: e.valid_up_to(),
        };
        (
            Message::Syntax { problem },
            at(&Doc::new(valid), e.valid_up_to()),
        )
    })?;
    if text.trim().is_empty() {
        return Err((Message::Empty, at_line(1, 1)));
    }
    let doc = Doc::new(text);
    let first = text.bytes().position(|b| !b" \n\r\t".contains(&b));
    // Any other value is not what a file holds: said at an array's bracket (its items are not
    // read), or, once checked, at the last character of a string, number or word.
    let parsed = match first.and_then(|i| text.as_bytes().get(i)) {
        Some(b'{') => Object::parse_document(text),
        Some(b'[') => return Err((Message::NotAnObject, at(&doc, first.unwrap_or(0)))),
        _ => Raw::first_value(text).map(|raw| (raw, None)),
    };
    match parsed {
        Ok((_, Some(obj))) => Ok((text, obj)),
        Ok((raw, None)) => {
            let last = doc.offset(raw) + raw.get().len().saturating_sub(1);
            Err((Message::NotAnObject, at(&doc, last)))
        }
        Err(e) => {
            let message = match e.bad {
                Bad::Truncated(within) => Message::Truncated { within },
                Bad::Syntax(problem) => Message::Syntax { problem },
            };
            Err((message, at(&doc, e.offset)))
        }
    }
}

fn at(doc: &Doc, offset: usize) -> Option<Location> {
    let (line, column) = doc.line_col(offset);
    at_line(line, column)
}

/// Checks the `format` tag of a parsed top level; `Err` names the member at fault, if any.
pub(crate) fn check_format(
    obj: &Object,
    expected: &'static str,
) -> Result<(), (Message, Option<&'static str>)> {
    let Some(raw) = obj.get("format") else {
        return Err((Message::MissingFormat, None));
    };
    let found: String = json::typed(raw, Expected::String).map_err(|m| (m, Some("format")))?;
    if found == expected {
        return Ok(());
    }
    let (family, _) = expected.split_once('/').unwrap_or((expected, ""));
    let newer = found
        .strip_prefix(family)
        .and_then(|v| v.strip_prefix('/'))
        .and_then(|v| v.parse::<u32>().ok())
        .is_some_and(|v| v > 1);
    let message = if newer {
        Message::NewerFormat { found }
    } else {
        Message::WrongFormat { found, expected }
    };
    Err((message, Some("format")))
}
