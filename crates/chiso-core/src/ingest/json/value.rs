//! Raw values and what is read from them: strings (escapes decoded), numbers, the members of
//! an object and the items of an array, each still raw.

use super::scan::{self, is_space, ScanError};
use crate::order;
use std::borrow::Cow;

/// The text of one JSON value, known to be valid, borrowed from the document it sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raw<'a>(&'a str);

impl<'a> Raw<'a> {
    /// Checks a whole text as one JSON value (only whitespace around it).
    pub fn parse(text: &'a str) -> Result<Raw<'a>, ScanError> {
        Ok(Raw::span(text, scan::document(text)?.0))
    }

    fn span(text: &'a str, (start, end): (usize, usize)) -> Raw<'a> {
        Raw(text.get(start..end).unwrap_or_default())
    }

    /// Checks the value `text` starts with (after whitespace), whatever follows it.
    pub fn first_value(text: &'a str) -> Result<Raw<'a>, ScanError> {
        Ok(Raw::span(text, scan::first_value(text)?))
    }

    pub fn get(self) -> &'a str {
        self.0
    }

    fn first(self) -> Option<u8> {
        self.0.as_bytes().first().copied()
    }

    pub fn is_null(self) -> bool {
        self.0 == "null"
    }

    /// The string's text with its escapes decoded; `None` for anything else, and for a string
    /// with a lone surrogate escape (which is no text).
    pub fn string(self) -> Option<Cow<'a, str>> {
        let inner = self.0.strip_prefix('"')?.strip_suffix('"')?;
        if !inner.as_bytes().contains(&b'\\') {
            return Some(Cow::Borrowed(inner));
        }
        unescape(inner, false).map(Cow::Owned)
    }

    /// A string's text with a lone surrogate shown as U+FFFD, for messages and member names.
    pub fn string_lossy(self) -> Option<Cow<'a, str>> {
        let inner = self.0.strip_prefix('"')?.strip_suffix('"')?;
        if !inner.as_bytes().contains(&b'\\') {
            return Some(Cow::Borrowed(inner));
        }
        unescape(inner, true).map(Cow::Owned)
    }

    /// A number, as `f64` reads it (correctly rounded); `None` if not a number. Infinite when
    /// it is too large for `f64` (`1e999`).
    pub fn number(self) -> Option<f64> {
        match self.first() {
            Some(b'-' | b'0'..=b'9') => super::decimal::read(self.0),
            _ => None,
        }
    }

    pub fn bool(self) -> Option<bool> {
        match self.0 {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// An array's items in order; `None` if not an array.
    pub fn items(self) -> Option<Items<'a>> {
        (self.first() == Some(b'[')).then_some(Items { text: self.0, i: 1 })
    }

    /// An object's members in the order written, duplicates included; `None` if not an object.
    pub fn members(self) -> Option<Members<'a>> {
        (self.first() == Some(b'{')).then_some(Members {
            items: Items { text: self.0, i: 1 },
        })
    }
}

/// Decodes the escapes of a string's inside; a lone surrogate is `None`, or U+FFFD if `lossy`.
fn unescape(inner: &str, lossy: bool) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(at) = rest.find('\\') {
        out.push_str(rest.get(..at)?);
        let tail = rest.get(at + 1..)?;
        let (c, used) = match tail.as_bytes().first()? {
            b'"' => ('"', 1),
            b'\\' => ('\\', 1),
            b'/' => ('/', 1),
            b'b' => ('\u{8}', 1),
            b'f' => ('\u{c}', 1),
            b'n' => ('\n', 1),
            b'r' => ('\r', 1),
            b't' => ('\t', 1),
            _ => match unicode_escape(tail) {
                Some(ok) => ok,
                None if lossy => ('\u{fffd}', 5),
                None => return None,
            },
        };
        out.push(c);
        rest = tail.get(used..)?;
    }
    out.push_str(rest);
    Some(out)
}

/// `uXXXX`, or a surrogate pair `uD83D\uDE00`: the character and the bytes it took.
fn unicode_escape(tail: &str) -> Option<(char, usize)> {
    let hex = |from: usize| {
        let digits = tail.get(from..from + 4)?;
        u32::from_str_radix(digits, 16).ok()
    };
    let first = hex(1)?;
    match first {
        0xD800..=0xDBFF => {
            if tail.get(5..7) != Some("\\u") {
                return None;
            }
            let low = hex(7).filter(|low| (0xDC00..=0xDFFF).contains(low))?;
            let c = char::from_u32(0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00))?;
            Some((c, 11))
        }
        _ => Some((char::from_u32(first)?, 5)),
    }
}

/// The items of an array (or, inside `Members`, the tokens of an object), each still raw.
#[derive(Clone)]
pub struct Items<'a> {
    text: &'a str,
    /// Just past the opening bracket or the last item's comma.
    i: usize,
}

impl<'a> Items<'a> {
    /// The next value, skipping whitespace and one separator (`,` or `:`) after it.
    fn next_raw(&mut self) -> Option<Raw<'a>> {
        let b = self.text.as_bytes();
        self.i += b
            .get(self.i..)?
            .iter()
            .take_while(|&&c| is_space(c))
            .count();
        if matches!(b.get(self.i), None | Some(b']' | b'}')) {
            return None;
        }
        let start = self.i;
        self.i = scan::skip(b, start);
        let raw = Raw(self.text.get(start..self.i)?);
        self.i += b
            .get(self.i..)?
            .iter()
            .take_while(|&&c| is_space(c))
            .count();
        if matches!(b.get(self.i), Some(b',' | b':')) {
            self.i += 1;
        }
        Some(raw)
    }
}

impl<'a> Iterator for Items<'a> {
    type Item = Raw<'a>;

    fn next(&mut self) -> Option<Raw<'a>> {
        self.next_raw()
    }
}

/// An object's members as written: each name (raw, still quoted) and value.
#[derive(Clone)]
pub struct Members<'a> {
    items: Items<'a>,
}

impl<'a> Iterator for Members<'a> {
    type Item = (Raw<'a>, Raw<'a>);

    fn next(&mut self) -> Option<(Raw<'a>, Raw<'a>)> {
        let name = self.items.next_raw()?;
        let value = self.items.next_raw()?;
        Some((name, value))
    }
}

/// An object's members by name, sorted by name; of a name given twice the later is kept.
#[derive(Clone, Debug, Default)]
pub struct Object<'a> {
    members: Vec<(Cow<'a, str>, Raw<'a>)>,
    /// For a document's top-level object: its text and where its arrays' items are, as the
    /// document check noted them.
    noted: Option<(&'a str, Vec<(u32, u32)>)>,
}

impl<'a> Object<'a> {
    /// Checks a whole document; `Ok(None)` when it holds a valid value that is no object.
    pub fn parse_document(text: &'a str) -> Result<(Raw<'a>, Option<Object<'a>>), ScanError> {
        let (span, items) = scan::document(text)?;
        let raw = Raw::span(text, span);
        let obj = Object::read(raw).map(|mut obj| {
            obj.noted = Some((text, items));
            obj
        });
        Ok((raw, obj))
    }

    /// The items of `array`, one of this object's members; `None` if it is not an array.
    pub fn items(&self, array: Raw<'a>) -> Option<ArrayItems<'_, 'a>> {
        let scanned = array.items()?;
        let Some((text, items)) = &self.noted else {
            return Some(ArrayItems::Scanned(scanned));
        };
        let start = (array.get().as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
        let end = start + array.get().len();
        let from = items.partition_point(|&(s, _)| (s as usize) < start);
        let to = items.partition_point(|&(s, _)| (s as usize) < end);
        Some(ArrayItems::Noted(text, items.get(from..to)?.iter()))
    }

    /// `None` if `raw` is not an object.
    pub fn read(raw: Raw<'a>) -> Option<Object<'a>> {
        let mut members: Vec<(Cow<'a, str>, Raw<'a>)> = raw
            .members()?
            .map(|(name, value)| (name.string_lossy().unwrap_or_default(), value))
            .collect();
        // A stable sort keeps names given twice in order, so the later one is found last.
        order::sort_by(&mut members, |a, b| a.0.cmp(&b.0));
        members.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                earlier.1 = later.1;
            }
            same
        });
        Some(Object {
            members,
            noted: None,
        })
    }

    pub fn get(&self, name: &str) -> Option<Raw<'a>> {
        let i = self
            .members
            .binary_search_by(|(n, _)| n.as_ref().cmp(name))
            .ok()?;
        self.members.get(i).map(|&(_, raw)| raw)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Members in name order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Raw<'a>)> + '_ {
        self.members.iter().map(|(n, raw)| (n.as_ref(), *raw))
    }
}

/// The items of one of a top-level object's arrays: noted by the document check, or found
/// by scanning the array again.
pub enum ArrayItems<'o, 'a> {
    Noted(&'a str, std::slice::Iter<'o, (u32, u32)>),
    Scanned(Items<'a>),
}

impl<'a> Iterator for ArrayItems<'_, 'a> {
    type Item = Raw<'a>;

    fn next(&mut self) -> Option<Raw<'a>> {
        match self {
            ArrayItems::Noted(text, spans) => {
                let &(start, end) = spans.next()?;
                Some(Raw::span(text, (start as usize, end as usize)))
            }
            ArrayItems::Scanned(items) => items.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            ArrayItems::Noted(_, spans) => spans.size_hint(),
            ArrayItems::Scanned(items) => items.size_hint(),
        }
    }
}

/// Why a fixed-shape object could not be picked apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    NotAnObject,
    /// A member the shape names is given twice.
    Twice(&'static str),
}

/// The members of a fixed-shape object named in `names`, in one pass; others are ignored.
pub fn fields<'a, const N: usize>(
    raw: Raw<'a>,
    names: &[&'static str; N],
) -> Result<[Option<Raw<'a>>; N], Shape> {
    let mut slots = [None; N];
    for (name, value) in raw.members().ok_or(Shape::NotAnObject)? {
        let name = name.string_lossy().unwrap_or_default();
        let Some(k) = names.iter().position(|n| *n == name) else {
            continue;
        };
        match slots.get_mut(k) {
            Some(Some(_)) => return Err(Shape::Twice(names[k])),
            Some(slot) => *slot = Some(value),
            None => {}
        }
    }
    Ok(slots)
}

/// The members of an object named in `names`, in one pass; of a name given twice the later is
/// kept, as `Object` keeps it; `None` if `raw` is not an object. For objects read many times
/// over (a manifest's entries): no member list is built or sorted.
pub fn named<'a, const N: usize>(
    raw: Raw<'a>,
    names: &[&'static str; N],
) -> Option<[Option<Raw<'a>>; N]> {
    let mut slots = [None; N];
    for (name, value) in raw.members()? {
        let name = name.string_lossy().unwrap_or_default();
        if let Some(k) = names.iter().position(|n| *n == name) {
            if let Some(slot) = slots.get_mut(k) {
                *slot = Some(value);
            }
        }
    }
    Some(slots)
}
