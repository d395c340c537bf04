//! The packed copy of a validated file: what `chiso manifest` writes beside it for the page to
//! read instead of its JSON. The file's own facts stay JSON (a few hundred bytes); its figures
//! become columns of numbers over one table of the texts they name, sorted as the model keeps
//! them, so reading them is copying numbers, not parsing text. Little-endian throughout:
//!
//! ```text
//! "chiso-packed/1\n"
//! u32 n, the file without `observations` and `targets` (JSON, n bytes)
//! u32 k, u32 ends[k], the k texts' UTF-8 bytes one after the other (text i ends at ends[i])
//! u32 n, observations: unit, indicator, period (u32 texts), value, of (f64), label, source (u32)
//! u32 n, targets: unit, indicator, by (u32 texts), value (f64), baseline, source (u32)
//! ```
//!
//! `of` absent is NaN (JSON has none); a text absent is `NONE`.

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
    let mut obs = Columns::default();
    for (o, _) in &observations {
        obs.text(texts.id(&o.unit));
        obs.text(texts.id(&o.indicator));
        obs.text(texts.id(&o.period));
        obs.number(o.value);
        obs.number(o.of.unwrap_or(f64::NAN));
        obs.text(texts.maybe(o.label.as_deref()));
        obs.text(texts.maybe(o.source.as_deref()));
    }
    let mut targets = Columns::default();
    for t in &doc.targets {
        targets.text(texts.id(&t.unit));
        targets.text(texts.id(&t.indicator));
        targets.text(texts.id(&t.by));
        targets.number(t.value);
        targets.text(texts.maybe(t.baseline.as_deref()));
        targets.text(texts.maybe(t.source.as_deref()));
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
    out.extend(obs.transposed(OBSERVATION));
    put(&mut out, doc.targets.len());
    out.extend(targets.transposed(TARGET));
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

/// The widths of an observation's fields, in order, and of a target's.
const OBSERVATION: &[usize] = &[4, 4, 4, 8, 8, 4, 4];
const TARGET: &[usize] = &[4, 4, 4, 8, 4, 4];

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

/// Records written row by row, stored column by column.
#[derive(Default)]
struct Columns(Vec<Vec<u8>>);

impl Columns {
    fn text(&mut self, id: u32) {
        self.0.push(id.to_le_bytes().to_vec());
    }

    fn number(&mut self, x: f64) {
        self.0.push(x.to_le_bytes().to_vec());
    }

    fn transposed(self, widths: &[usize]) -> Vec<u8> {
        let mut out = Vec::new();
        for field in 0..widths.len() {
            self.0
                .iter()
                .skip(field)
                .step_by(widths.len())
                .for_each(|v| out.extend(v));
        }
        out
    }
}

/// A packed copy as read: its head (the file's JSON without figures), its texts and its columns.
pub(super) struct Packed<'a> {
    pub head: &'a [u8],
    pub texts: Vec<&'a str>,
    pub observations: Table<'a>,
    pub targets: Table<'a>,
}

/// Rows of fixed-width fields, stored a column after the other.
pub(super) struct Table<'a> {
    pub rows: usize,
    columns: Vec<&'a [u8]>,
}

impl Table<'_> {
    /// Field `column` of row `row`, a text's index (`None`: absent or out of the table).
    pub fn text(&self, column: usize, row: usize) -> Option<usize> {
        let at = row * 4;
        let bytes = self.columns[column].get(at..at + 4)?;
        let id = u32::from_le_bytes(bytes.try_into().ok()?);
        (id != NONE).then_some(id as usize)
    }

    pub fn number(&self, column: usize, row: usize) -> Option<f64> {
        let at = row * 8;
        let bytes = self.columns[column].get(at..at + 8)?;
        Some(f64::from_le_bytes(bytes.try_into().ok()?))
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

    fn table(&mut self, widths: &[usize]) -> Option<Table<'a>> {
        let rows = self.count()?;
        let columns = widths
            .iter()
            .map(|w| self.take(rows.checked_mul(*w)?))
            .collect::<Option<_>>()?;
        Some(Table { rows, columns })
    }
}
