//! The document check: one pass over a JSON text that accepts exactly what JSON allows, with
//! no recursion (nesting is tracked in a bit stack bounded at `MAX_DEPTH`), and says where the
//! text stops being JSON. Also the quick skips that split text already checked.

use crate::ingest::finding::{Syntax, Within};

/// Nesting deeper than this is refused, as serde_json refuses it: no input can make the
/// reader, or anything after it, recurse without bound.
pub const MAX_DEPTH: usize = 128;

/// What is wrong with a text, and the byte offset it is reported at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bad {
    /// The text ends inside a value of this kind.
    Truncated(Within),
    Syntax(Syntax),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScanError {
    pub bad: Bad,
    pub offset: usize,
}

pub(super) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t')
}

/// Where one value sits in its document: byte offsets of its start and end.
pub type Span = (usize, usize);

/// Checks that `text` is one JSON value and nothing else but whitespace: where the value is,
/// and, if it is an object, where the items of its arrays are (so they need no second look).
pub fn document(text: &str) -> Result<(Span, Vec<(u32, u32)>), ScanError> {
    let mut s = Scanner::new(text);
    // Offsets are kept in 32 bits; a larger text is checked, and its arrays split later.
    s.items = (text.len() < u32::MAX as usize).then(Vec::new);
    s.value()?;
    let end = s.i;
    let start = text.bytes().position(|b| !is_space(b)).unwrap_or(end);
    if s.space().is_some() {
        return Err(s.syntax(Syntax::TrailingText));
    }
    let mut items = s.items.unwrap_or_default();
    items.shrink_to_fit();
    Ok(((start, end), items))
}

/// Checks the JSON value `text` starts with (after whitespace), whatever follows it.
pub fn first_value(text: &str) -> Result<Span, ScanError> {
    let mut s = Scanner::new(text);
    s.value()?;
    let start = text.bytes().position(|b| !is_space(b)).unwrap_or(s.i);
    Ok((start, s.i))
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    /// Where each item of an array in the top-level object starts and ends, when wanted.
    items: Option<Vec<(u32, u32)>>,
    item_start: usize,
}

/// Whether a value at `depth` is an item of an array that is a member of the top-level object.
fn is_top_item(depth: usize, objects: u128) -> bool {
    depth == 2 && objects & 0b11 == 0b01
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner {
            b: text.as_bytes(),
            i: 0,
            items: None,
            item_start: 0,
        }
    }

    /// Notes the end of a top-level array's item, if that is what just ended.
    fn item_ends(&mut self, depth: usize, objects: u128) {
        if let Some(items) = self.items.as_mut().filter(|_| is_top_item(depth, objects)) {
            // Both fit: the text is shorter than u32::MAX when items are noted.
            items.push((self.item_start as u32, self.i as u32));
        }
    }

    /// Skips whitespace; the byte after it, if any.
    fn space(&mut self) -> Option<u8> {
        while let Some(&c) = self.b.get(self.i) {
            if !is_space(c) {
                return Some(c);
            }
            self.i += 1;
        }
        None
    }

    fn syntax(&self, problem: Syntax) -> ScanError {
        self.syntax_at(problem, self.i)
    }

    fn syntax_at(&self, problem: Syntax, offset: usize) -> ScanError {
        ScanError {
            bad: Bad::Syntax(problem),
            offset,
        }
    }

    /// The text ended inside `within`: reported at its last character (or at the start of an
    /// empty last line), where an editor shows the end of the file.
    fn truncated(&self, within: Within) -> ScanError {
        let len = self.b.len();
        let offset = if self.b.last() == Some(&b'\n') {
            len
        } else {
            len.saturating_sub(1)
        };
        ScanError {
            bad: Bad::Truncated(within),
            offset,
        }
    }

    /// One value, containers included, from the cursor (whitespace first).
    fn value(&mut self) -> Result<(), ScanError> {
        // Bit k is set when nesting level k is an object.
        let mut objects: u128 = 0;
        let mut depth = 0usize;
        loop {
            let Some(c) = self.space() else {
                return Err(self.truncated(Within::Value));
            };
            if is_top_item(depth, objects) {
                self.item_start = self.i;
            }
            match c {
                b'{' | b'[' => {
                    if depth == MAX_DEPTH {
                        return Err(self.syntax(Syntax::TooDeep));
                    }
                    let object = c == b'{';
                    objects = (objects & !(1 << depth)) | (u128::from(object) << depth);
                    depth += 1;
                    self.i += 1;
                    let within = container(object);
                    match self.space() {
                        None => return Err(self.truncated(within)),
                        Some(_) if self.closes(object) => {
                            self.i += 1;
                            depth -= 1;
                        }
                        Some(_) if object => {
                            self.key()?;
                            continue;
                        }
                        Some(_) => continue,
                    }
                }
                b'"' => self.string()?,
                b'-' | b'0'..=b'9' => self.number()?,
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                _ => return Err(self.syntax(Syntax::ExpectedValue)),
            }
            if !self.after_value(&mut depth, objects)? {
                return Ok(());
            }
        }
    }

    /// Whether the byte at the cursor closes the container just opened.
    fn closes(&self, object: bool) -> bool {
        self.b.get(self.i) == Some(if object { &b'}' } else { &b']' })
    }

    /// After a value: closes what it ends and reads the comma (and key) before the next one.
    /// `false` when the outermost value is complete.
    fn after_value(&mut self, depth: &mut usize, objects: u128) -> Result<bool, ScanError> {
        self.item_ends(*depth, objects);
        while *depth > 0 {
            let object = objects & (1 << (*depth - 1)) != 0;
            let within = container(object);
            match self.space() {
                None => return Err(self.truncated(within)),
                Some(b',') => {
                    self.i += 1;
                    match self.space() {
                        None => return Err(self.truncated(within)),
                        Some(_) if self.closes(object) => {
                            return Err(self.syntax(Syntax::TrailingComma))
                        }
                        Some(_) if object => self.key()?,
                        Some(_) => {}
                    }
                    return Ok(true);
                }
                Some(_) if self.closes(object) => {
                    self.i += 1;
                    *depth -= 1;
                    self.item_ends(*depth, objects);
                }
                Some(_) => return Err(self.syntax(Syntax::ExpectedComma(within))),
            }
        }
        Ok(false)
    }

    /// A member's name and its colon (the cursor on the name).
    fn key(&mut self) -> Result<(), ScanError> {
        if self.b.get(self.i) != Some(&b'"') {
            return Err(self.syntax(Syntax::KeyNotString));
        }
        self.string()?;
        match self.space() {
            Some(b':') => {
                self.i += 1;
                Ok(())
            }
            Some(_) => Err(self.syntax(Syntax::ExpectedColon)),
            None => Err(self.truncated(Within::Object)),
        }
    }

    /// A string, the cursor on its opening quote.
    fn string(&mut self) -> Result<(), ScanError> {
        self.i += 1;
        loop {
            self.i = plain_run(self.b, self.i, true);
            let Some(&c) = self.b.get(self.i) else {
                return Err(self.truncated(Within::String));
            };
            match c {
                b'"' => {
                    self.i += 1;
                    return Ok(());
                }
                b'\\' => self.escape()?,
                0..=0x1f => return Err(self.syntax(Syntax::ControlCharacter)),
                _ => self.i += 1,
            }
        }
    }

    /// An escape, the cursor on its backslash.
    fn escape(&mut self) -> Result<(), ScanError> {
        let Some(&c) = self.b.get(self.i + 1) else {
            return Err(self.truncated(Within::String));
        };
        match c {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.i += 2,
            b'u' => {
                for k in self.i + 2..self.i + 6 {
                    match self.b.get(k) {
                        None => return Err(self.truncated(Within::String)),
                        Some(h) if h.is_ascii_hexdigit() => {}
                        Some(_) => return Err(self.syntax_at(Syntax::BadEscape, k)),
                    }
                }
                self.i += 6;
            }
            _ => return Err(self.syntax_at(Syntax::BadEscape, self.i + 1)),
        }
        Ok(())
    }

    /// A number: `-`? then `0` or digits without a leading zero, `.digits`?, exponent?
    fn number(&mut self) -> Result<(), ScanError> {
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        match self.b.get(self.i) {
            Some(b'0') => {
                self.i += 1;
                if self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
                    return Err(self.syntax(Syntax::BadNumber));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return self.need_digit(),
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if !self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
                return self.need_digit();
            }
            self.digits();
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.b.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
                return self.need_digit();
            }
            self.digits();
        }
        Ok(())
    }

    fn digits(&mut self) {
        while self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
    }

    /// A digit was needed at the cursor.
    fn need_digit(&self) -> Result<(), ScanError> {
        Err(match self.b.get(self.i) {
            None => self.truncated(Within::Value),
            Some(_) => self.syntax(Syntax::BadNumber),
        })
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), ScanError> {
        for &w in word {
            match self.b.get(self.i) {
                None => return Err(self.truncated(Within::Value)),
                Some(&c) if c == w => self.i += 1,
                Some(_) => return Err(self.syntax(Syntax::BadLiteral)),
            }
        }
        Ok(())
    }
}

fn container(object: bool) -> Within {
    if object {
        Within::Object
    } else {
        Within::Array
    }
}

/// The end of the value starting at `i` in text already checked (so nothing is checked here;
/// on text that is not JSON it still stops, at the end at worst).
pub(super) fn skip(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => skip_string(b, i),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = i;
            while let Some(&c) = b.get(i) {
                match c {
                    b'"' => {
                        i = skip_string(b, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            b.len()
        }
        _ => {
            let rest = b.get(i..).unwrap_or_default();
            i + rest
                .iter()
                .position(|&c| matches!(c, b',' | b']' | b'}') || is_space(c))
                .unwrap_or(rest.len())
        }
    }
}

/// The end of the string whose opening quote is at `i`.
pub(super) fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    loop {
        i = plain_run(b, i, false);
        let Some(&c) = b.get(i) else {
            return b.len();
        };
        match c {
            b'"' => return i + 1,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// Skips, eight bytes at a time, the bytes of a string that need no look: all but `"`, `\\`
/// and (when `controls`) control characters. Stops on the first other byte, or within the
/// last eight bytes of the text, where the byte loops take over.
#[inline]
fn plain_run(b: &[u8], mut i: usize, controls: bool) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit set in each byte of `w` that is below `n` (for n up to 128).
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH;
    let equal = |w: u64, c: u8| below(w ^ (ONES * u64::from(c)), 1);
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(bytes);
        let stop = equal(w, b'"') | equal(w, b'\\') | if controls { below(w, 0x20) } else { 0 };
        if stop != 0 {
            // The lowest flagged byte is exact (false flags only ever sit above a true one).
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}
