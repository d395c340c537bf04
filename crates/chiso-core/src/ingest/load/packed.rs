//! The packed copy of a validated file: what `chiso manifest` writes beside it for the page to
//! read instead of its JSON. The file's own facts stay JSON (a few hundred bytes); its figures
//! become columns of numbers over one table of the texts they name, sorted as the model keeps
//! them, so reading them is copying numbers, not parsing text. Little-endian throughout:
//!
//! ```text
//! "chiso-packed/1\n"
//! u32 n, the file without `observations` and `targets` (JSON, n bytes)
//! u32 k, u32 ends[k], the k texts' UTF-8 bytes one after the other (text i ends at ends[i])
//! u32 n, observations: unit, indicator, period, value, of, label, source
//! u32 n, targets: unit, indicator, by, value, baseline, source
//! ```
//!
//! Each column is a width byte, then its n values: a text's number in 2 or 4 bytes (all ones:
//! absent), a number in 8 (`f64`; NaN: absent); width 0 is a column absent in every row (never
//! `value`, but in a table of no rows).

use crate::contract::period::Period;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;

pub const MAGIC: &[u8] = b"chiso-packed/1\n";
const NONE: u32 = u32::MAX;

/// Whether `bytes` are a packed copy (and not a JSON file).
pub fn is_packed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// The packed copy of a metric file's bytes; `None` if they are not a file the fast path reads.
pub fn pack(json: &[u8]) -> Option<Vec<u8>> {
    let doc: Figures = serde_json::from_slice(json).ok()?;
    let mut head: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(json).ok()?;
    head.remove("observations");
    head.remove("targets");
    let head = serde_json::to_vec(&head).ok()?;

    let mut texts = Texts::default();
    // Sorted as the model keeps them (a stable sort: repeats keep their order), so the reader's
    // sort finds them in order.
    let mut observations: Vec<(&ObservationIn, Period)> = doc
        .observations
        .iter()
        .map(|o| Some((o, Period::parse(&o.period).ok()?)))
        .collect::<Option<_>>()?;
    observations
        .sort_by(|(a, pa), (b, pb)| (&a.unit, &a.indicator, pa).cmp(&(&b.unit, &b.indicator, pb)));
    let mut obs = [(); 7].map(|()| Column::default());
    for (o, _) in &observations {
        obs[0].text(texts.id(&o.unit));
        obs[1].text(texts.id(&o.indicator));
        obs[2].text(texts.id(&o.period));
        obs[3].number(o.value);
        obs[4].number(o.of.unwrap_or(f64::NAN));
        obs[5].text(texts.maybe(o.label.as_deref()));
        obs[6].text(texts.maybe(o.source.as_deref()));
    }
    let mut targets = [(); 6].map(|()| Column::default());
    for t in &doc.targets {
        targets[0].text(texts.id(&t.unit));
        targets[1].text(texts.id(&t.indicator));
        targets[2].text(texts.id(&t.by));
        targets[3].number(t.value);
        targets[4].text(texts.maybe(t.baseline.as_deref()));
        targets[5].text(texts.maybe(t.source.as_deref()));
    }

    let mut out = MAGIC.to_vec();
    put(&mut out, head.len());
    out.extend(&head);
    put(&mut out, texts.list.len());
    let mut end = 0;
    for t in &texts.list {
        end += t.len();
        put(&mut out, end);
    }
    texts.list.iter().for_each(|t| out.extend(t.as_bytes()));
    put(&mut out, observations.len());
    obs.iter().for_each(|c| c.write(&mut out));
    put(&mut out, doc.targets.len());
    targets.iter().for_each(|c| c.write(&mut out));
    Some(out)
}

/// A metric file's figures, as the validator passed them; the rest is kept as JSON.
#[derive(Deserialize)]
struct Figures<'a> {
    #[serde(default, borrow)]
    observations: Vec<ObservationIn<'a>>,
    #[serde(default, borrow)]
    targets: Vec<TargetIn<'a>>,
}

#[derive(Deserialize)]
struct ObservationIn<'a> {
    #[serde(borrow)]
    unit: Cow<'a, str>,
    #[serde(borrow)]
    indicator: Cow<'a, str>,
    #[serde(borrow)]
    period: Cow<'a, str>,
    value: f64,
    of: Option<f64>,
    #[serde(borrow)]
    label: Option<Cow<'a, str>>,
    #[serde(borrow)]
    source: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
struct TargetIn<'a> {
    #[serde(borrow)]
    unit: Cow<'a, str>,
    #[serde(borrow)]
    indicator: Cow<'a, str>,
    #[serde(borrow)]
    by: Cow<'a, str>,
    value: f64,
    #[serde(borrow)]
    baseline: Option<Cow<'a, str>>,
    #[serde(borrow)]
    source: Option<Cow<'a, str>>,
}

/// What an observation's columns hold, in order, and a target's.
const OBSERVATION: &[Kind] = &[
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Value,
    Kind::Number,
    Kind::Text,
    Kind::Text,
];
const TARGET: &[Kind] = &[
    Kind::Text,
    Kind::Text,
    Kind::Text,
    Kind::Value,
    Kind::Text,
    Kind::Text,
];

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Text,
    Number,
    /// A number every row has: its 8 bytes a row bound the row count by the copy's length
    /// (a table without rows writes it as absent).
    Value,
}

fn put(out: &mut Vec<u8>, n: usize) {
    out.extend(u32::try_from(n).unwrap_or(NONE).to_le_bytes());
}

/// The texts the figures name, each once.
#[derive(Default)]
struct Texts<'a> {
    list: Vec<&'a str>,
    ids: HashMap<&'a str, u32>,
}

impl<'a> Texts<'a> {
    fn id(&mut self, s: &'a str) -> u32 {
        let next = self.list.len() as u32;
        *self.ids.entry(s).or_insert_with(|| {
            self.list.push(s);
            next
        })
    }

    fn maybe(&mut self, s: Option<&'a str>) -> u32 {
        s.map_or(NONE, |s| self.id(s))
    }
}

/// One column as written: texts' numbers (`NONE` absent) or numbers (NaN absent).
#[derive(Default)]
struct Column {
    texts: Vec<u32>,
    numbers: Vec<f64>,
}

impl Column {
    fn text(&mut self, id: u32) {
        self.texts.push(id);
    }

    fn number(&mut self, x: f64) {
        self.numbers.push(x);
    }

    /// Its width byte and values, as narrow as they allow.
    fn write(&self, out: &mut Vec<u8>) {
        let present = |id: &&u32| **id != NONE;
        if self.numbers.iter().any(|x| !x.is_nan()) {
            out.push(8);
            self.numbers
                .iter()
                .for_each(|x| out.extend(x.to_le_bytes()));
        } else if !self.texts.iter().any(|id| present(&id)) {
            out.push(0);
        } else if self
            .texts
            .iter()
            .filter(present)
            .all(|&id| id < u32::from(u16::MAX))
        {
            out.push(2);
            let narrow = |id: u32| u16::try_from(id).unwrap_or(u16::MAX);
            self.texts
                .iter()
                .for_each(|&id| out.extend(narrow(id).to_le_bytes()));
        } else {
            out.push(4);
            self.texts
                .iter()
                .for_each(|id| out.extend(id.to_le_bytes()));
        }
    }
}

/// A packed copy as read: its head (the file's JSON without figures), its texts and its columns.
pub(super) struct Packed<'a> {
    pub head: &'a [u8],
    pub texts: Vec<&'a str>,
    pub observations: Table<'a>,
    pub targets: Table<'a>,
}

/// Rows of fields, stored a column after the other, each column as wide as its values need.
pub(super) struct Table<'a> {
    pub rows: usize,
    columns: Vec<(usize, &'a [u8])>,
}

impl Table<'_> {
    /// Field `column` of row `row`, a text's number; `None` where it is absent.
    #[inline]
    pub fn text(&self, column: usize, row: usize) -> Option<usize> {
        let (width, bytes) = self.columns[column];
        let at = row * width;
        let id = match width {
            2 => match u16::from_le_bytes([bytes[at], bytes[at + 1]]) {
                u16::MAX => NONE,
                id => u32::from(id),
            },
            4 => u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]),
            _ => NONE,
        };
        (id != NONE).then_some(id as usize)
    }

    /// Field `column` of row `row`, a number; NaN where it is absent.
    #[inline]
    pub fn number(&self, column: usize, row: usize) -> f64 {
        let (width, bytes) = self.columns[column];
        match width {
            8 => {
                let at = row * 8;
                let b: [u8; 8] = bytes[at..at + 8].try_into().unwrap_or([0xFF; 8]);
                f64::from_le_bytes(b)
            }
            _ => f64::NAN,
        }
    }
}

/// Reads a packed copy; `None` if the bytes are not one, whole.
pub(super) fn read(bytes: &[u8]) -> Option<Packed<'_>> {
    let mut at = Cursor(bytes.strip_prefix(MAGIC)?);
    let n = at.count()?;
    let head = at.take(n)?;
    let k = at.count()?;
    let ends = at.take(k.checked_mul(4)?)?;
    let ends: Vec<usize> = ends
        .chunks_exact(4)
        .map(|e| u32::from_le_bytes([e[0], e[1], e[2], e[3]]) as usize)
        .collect();
    let all = std::str::from_utf8(at.take(ends.last().copied().unwrap_or(0))?).ok()?;
    let mut start = 0;
    let mut texts = Vec::with_capacity(k);
    for &end in &ends {
        texts.push(all.get(start..end)?);
        start = end;
    }
    let observations = at.table(OBSERVATION)?;
    let targets = at.table(TARGET)?;
    at.0.is_empty().then_some(Packed {
        head,
        texts,
        observations,
        targets,
    })
}

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.0.len() {
            return None;
        }
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(taken)
    }

    fn count(&mut self) -> Option<usize> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    /// A table of `kinds` columns, each of a width its kind allows and of `rows` values.
    fn table(&mut self, kinds: &[Kind]) -> Option<Table<'a>> {
        let rows = self.count()?;
        let mut columns = Vec::with_capacity(kinds.len());
        for kind in kinds {
            let width = usize::from(self.take(1)?[0]);
            let allowed = match kind {
                Kind::Text => [0, 2, 4].contains(&width),
                Kind::Number => [0, 8].contains(&width),
                Kind::Value => width == 8 || rows == 0,
            };
            if !allowed {
                return None;
            }
            columns.push((width, self.take(rows.checked_mul(width)?)?));
        }
        Some(Table { rows, columns })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes one column of each width and reads them back as a table.
    #[test]
    fn columns_are_as_narrow_as_their_values_and_read_back() {
        let texts = |ids: &[u32]| {
            let mut c = Column::default();
            ids.iter().for_each(|&id| c.text(id));
            c
        };
        let numbers = |xs: &[f64]| {
            let mut c = Column::default();
            xs.iter().for_each(|&x| c.number(x));
            c
        };
        let columns = [
            texts(&[0, 7, 65_534]),
            texts(&[NONE, 65_535, 1]),
            texts(&[NONE; 3]),
            numbers(&[1.5, f64::NAN, -2.0]),
            numbers(&[f64::NAN; 3]),
            texts(&[3, NONE, 4]),
        ];
        let mut bytes = Vec::new();
        put(&mut bytes, 3);
        columns.iter().for_each(|c| c.write(&mut bytes));
        let widths: Vec<u8> = {
            let mut at = 4;
            let mut w = Vec::new();
            for _ in 0..columns.len() {
                w.push(bytes[at]);
                at += 1 + 3 * usize::from(bytes[at]);
            }
            w
        };
        assert_eq!(widths, [2, 4, 0, 8, 0, 2]);
        let kinds = [
            Kind::Text,
            Kind::Text,
            Kind::Text,
            Kind::Value,
            Kind::Number,
            Kind::Text,
        ];
        let table = Cursor(&bytes).table(&kinds).expect("reads");
        let text = |c| (0..3).map(|r| table.text(c, r)).collect::<Vec<_>>();
        assert_eq!(text(0), [Some(0), Some(7), Some(65_534)]);
        assert_eq!(text(1), [None, Some(65_535), Some(1)]);
        assert_eq!(text(2), [None, None, None]);
        assert_eq!(text(5), [Some(3), None, Some(4)]);
        assert_eq!(table.number(3, 0), 1.5);
        assert!(table.number(3, 1).is_nan() && table.number(4, 2).is_nan());
        // A width its kind does not allow, and a column cut short, are not a table; nor are
        // rows without their values (a count no copy's length bears out).
        let mut wrong = bytes.clone();
        wrong[4] = 8;
        assert!(Cursor(&wrong).table(&kinds).is_none());
        let mut rows = Vec::new();
        put(&mut rows, u32::MAX as usize - 1);
        rows.extend([0, 0, 0, 0, 0, 0]);
        assert!(Cursor(&rows).table(&kinds).is_none());
        assert!(Cursor(&bytes[..bytes.len() - 1]).table(&kinds).is_none());
    }
}
