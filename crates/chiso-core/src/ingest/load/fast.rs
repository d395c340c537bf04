//! The fast path: files that `chiso manifest` validated together, proven to be those bytes by
//! their sha256, read straight into the model by serde: no positions, no per-entry checks and no
//! texts about them. It builds what the validator builds from the same bytes (a test holds the
//! two together on every sample and fuzz-corpus file); anything unexpected gives `None`, and the
//! caller reads the files with the validator instead.

use super::conflicts::{latest_per_key, Keyed};
use super::registry::Registry;
use super::report::Report;
use super::packed::{self, is_packed, Packed};
use super::{statuses, FileState, Input, Loaded, Warn};
use crate::contract::catalogue::{Aggregation, Better, Catalogue, IndicatorDef, Kind};
use crate::contract::model::{
    Dataset, FileMeta, Level, Observation, Publisher, Source, Target, Unit,
};
use crate::contract::period::{parse_date, Period};
use crate::contract::shared::{Interner, SharedStr, Slot};
use crate::contract::text::Text;
use crate::ingest::envelope::METRICS_FORMAT;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// A metric file as the contract writes it; members the model does not keep are skipped.
#[derive(Deserialize)]
pub(super) struct FileIn<'a> {
    #[serde(borrow)]
    format: Cow<'a, str>,
    title: Option<TextIn>,
    publisher: Option<PublisherIn>,
    published: Option<String>,
    illustrative: Option<bool>,
    #[serde(default)]
    units: Vec<UnitIn>,
    #[serde(default)]
    indicators: Vec<IndicatorIn>,
    #[serde(default, borrow)]
    pub observations: Vec<ObservationIn<'a>>,
    #[serde(default, borrow)]
    pub targets: Vec<TargetIn<'a>>,
    #[serde(default)]
    sources: BTreeMap<String, SourceIn>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TextIn {
    Plain(String),
    Localized {
        vi: Option<String>,
        en: Option<String>,
    },
}

impl From<TextIn> for Text {
    fn from(t: TextIn) -> Text {
        match t {
            TextIn::Plain(s) => Text::Plain(s),
            TextIn::Localized { vi, en } => Text::Localized { vi, en },
        }
    }
}

#[derive(Deserialize)]
struct PublisherIn {
    name: TextIn,
    url: Option<String>,
}

#[derive(Deserialize)]
struct SourceIn {
    title: Option<TextIn>,
    date: Option<String>,
    url: Option<String>,
}

/// Statistical codes are often typed as numbers; the digits are what matter.
#[derive(Deserialize)]
#[serde(untagged)]
enum CodeIn {
    Text(String),
    Number(serde_json::Number),
}

#[derive(Deserialize)]
struct UnitIn {
    id: String,
    name: TextIn,
    level: String,
    code: Option<CodeIn>,
    parent: Option<String>,
    successor: Option<String>,
    until: Option<String>,
}

#[derive(Deserialize)]
struct IndicatorIn {
    id: String,
    name: TextIn,
    kind: Kind,
    aggregation: Option<Aggregation>,
    min: Option<f64>,
    max: Option<f64>,
    better: Option<Better>,
}

#[derive(Deserialize)]
pub(super) struct ObservationIn<'a> {
    #[serde(borrow)]
    pub unit: Cow<'a, str>,
    #[serde(borrow)]
    pub indicator: Cow<'a, str>,
    #[serde(borrow)]
    pub period: Cow<'a, str>,
    pub value: f64,
    pub of: Option<f64>,
    #[serde(borrow)]
    pub label: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub source: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
pub(super) struct TargetIn<'a> {
    #[serde(borrow)]
    pub unit: Cow<'a, str>,
    #[serde(borrow)]
    pub indicator: Cow<'a, str>,
    #[serde(borrow)]
    pub by: Cow<'a, str>,
    pub value: f64,
    #[serde(borrow)]
    pub baseline: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub source: Option<Cow<'a, str>>,
}

/// The model of files validated together, read without the validator; `None` where the bytes
/// hold anything the validator would have had to speak about.
pub fn load_validated(inputs: &[Input]) -> Option<Loaded> {
    let mut docs = Vec::with_capacity(inputs.len());
    let mut packs = Vec::with_capacity(inputs.len());
    let mut files = Vec::with_capacity(inputs.len());
    for inp in inputs {
        let pack = match is_packed(inp.bytes) {
            true => Some(packed::read(inp.bytes)?),
            false => None,
        };
        let json = pack.as_ref().map_or(inp.bytes, |p| p.head);
        let mut doc: FileIn = serde_json::from_slice(json).ok()?;
        if doc.format != METRICS_FORMAT {
            return None;
        }
        files.push(meta(inp.name, &mut doc)?);
        docs.push(doc);
        packs.push(pack);
    }
    let mut registry = registry(&mut docs)?;
    let mut texts = Interner::default();
    let mut observations = Vec::new();
    let mut targets = Vec::new();
    for (file, doc) in docs.iter().enumerate() {
        for (index, o) in doc.observations.iter().enumerate() {
            let def = registry.catalogue.get(&o.indicator)?;
            let observation = Observation {
                unit: texts.get(Slot::Unit, &o.unit),
                indicator: texts.get(Slot::Indicator, &def.id),
                period: Period::parse(&o.period).ok()?,
                value: o.value,
                of: o.of,
                label: o.label.as_ref().map(|l| texts.get(Slot::Label, l)),
                source: o.source.as_ref().map(|s| texts.get(Slot::Source, s)),
                file,
            };
            observations.push((observation, (file, index)));
        }
        for (index, t) in doc.targets.iter().enumerate() {
            let def = registry.catalogue.get(&t.indicator)?;
            let baseline = match &t.baseline {
                Some(b) => Some(Period::parse(b).ok()?),
                None => None,
            };
            let target = Target {
                unit: texts.get(Slot::Unit, &t.unit),
                indicator: texts.get(Slot::Indicator, &def.id),
                by: Period::parse(&t.by).ok()?,
                value: t.value,
                baseline,
                source: t.source.as_ref().map(|s| texts.get(Slot::Source, s)),
                file,
            };
            targets.push((target, (file, index)));
        }
        if let Some(pack) = &packs[file] {
            let mut texts = Lookup::new(pack, &registry.catalogue, &mut texts);
            texts.figures(pack, file, &mut observations, &mut targets)?;
        }
    }
    // Units the figures name without any file declaring them, as the validator adopts them.
    let named = observations.iter().map(|(o, _)| &o.unit);
    for unit in named.chain(targets.iter().map(|(t, _)| &t.unit)) {
        if !registry.adopt(unit) {
            return None;
        }
    }
    drop(docs);
    let observations = one_per_key(observations, &files);
    let targets = one_per_key(targets, &files);
    let data = Dataset::new(
        files,
        registry.units,
        registry.catalogue,
        observations,
        targets,
    );
    // The checks on the loaded figures, as the validator makes them, without a line to point at.
    let mut report = Report::default();
    let place = |at: usize| {
        let input = data.observations[at].file;
        (input, inputs[input].name.to_string(), None)
    };
    Warn {
        data: &data,
        place: &place,
    }
    .all(&mut report);
    let states = vec![FileState::Loaded; inputs.len()];
    let file_of: Vec<Option<usize>> = (0..inputs.len()).map(Some).collect();
    let files = statuses(inputs, &states, &file_of, &data, &report);
    Some(Loaded {
        data,
        findings: report.into_sorted(),
        files,
    })
}

/// A file's own facts, as the validator reads them from a file it has nothing to say about;
/// taken out of `doc`, which keeps its figures.
fn meta(name: &str, doc: &mut FileIn) -> Option<FileMeta> {
    let published = match &doc.published {
        Some(d) => Some(parse_date(d)?),
        None => None,
    };
    Some(FileMeta {
        name: name.to_string(),
        title: doc.title.take().map(Text::from),
        publisher: doc.publisher.take().map(|p| Publisher {
            name: p.name.into(),
            url: p.url,
        }),
        published,
        illustrative: doc.illustrative.unwrap_or(false),
        sources: std::mem::take(&mut doc.sources)
            .into_iter()
            .map(|(k, s)| {
                let source = Source {
                    title: s.title.map(Text::from),
                    date: s.date,
                    url: s.url,
                };
                (k, source)
            })
            .collect(),
    })
}

/// Every file's units and its own indicators, in the order the validator takes them: units as
/// declared (a later, different declaration replaces an earlier one), then the register units
/// their `parent` and `successor` name; each file's indicators by id.
fn registry(docs: &mut [FileIn]) -> Option<Registry> {
    let mut registry = Registry {
        units: Vec::new(),
        unit_index: HashMap::new(),
        catalogue: Catalogue::default(),
    };
    let builtin = Catalogue::default();
    let mut declared = Vec::new();
    for doc in docs.iter_mut() {
        for u in std::mem::take(&mut doc.units) {
            let unit = Unit {
                level: Level::parse(&u.level)?,
                code: u.code.map(|c| match c {
                    CodeIn::Text(s) => s,
                    CodeIn::Number(n) => n.to_string(),
                }),
                until: match u.until {
                    Some(d) => Some(parse_date(&d)?),
                    None => None,
                },
                id: u.id,
                name: u.name.into(),
                parent: u.parent,
                successor: u.successor,
            };
            declared.extend(registry.declare(unit).map(|(k, _)| k));
        }
        let mut custom = BTreeMap::new();
        for d in std::mem::take(&mut doc.indicators) {
            if builtin.get(&d.id).is_some() {
                return None;
            }
            let def = IndicatorDef {
                id: d.id,
                name: d.name.into(),
                kind: d.kind,
                aggregation: d.aggregation,
                min: d.min,
                max: d.max,
                better: d.better,
            };
            custom.insert(def.id.clone(), def);
        }
        for def in custom.into_values() {
            registry.catalogue.insert(def);
        }
    }
    for k in declared {
        let unit = registry.units[k].clone();
        for id in [&unit.parent, &unit.successor].into_iter().flatten() {
            registry.adopt(id);
        }
    }
    Some(registry)
}

/// One entry per key, as the validator keeps it. Files validated together hold no two different
/// values for a key, so only repeats of the same figure go.
fn one_per_key<T: Keyed>(mut entries: Vec<(T, (usize, usize))>, files: &[FileMeta]) -> Vec<T> {
    latest_per_key(&mut entries, files, |read| *read, |_, _| {});
    entries.into_iter().map(|(t, _)| t).collect()
}

/// The texts of a packed copy as the model holds them, each worked out once however many
/// figures name it.
struct Lookup<'p> {
    pack: &'p [&'p str],
    catalogue: &'p Catalogue,
    interner: &'p mut Interner,
    /// By slot, then text.
    shared: Vec<Option<SharedStr>>,
    periods: Vec<Option<Period>>,
}

impl<'p> Lookup<'p> {
    fn new(pack: &'p Packed, catalogue: &'p Catalogue, interner: &'p mut Interner) -> Self {
        let n = pack.texts.len();
        Lookup {
            pack: &pack.texts,
            catalogue,
            interner,
            shared: vec![None; n * Slot::COUNT],
            periods: vec![None; n],
        }
    }

    /// A pack's figures, as the JSON's loop above reads them.
    fn figures(
        &mut self,
        pack: &Packed,
        file: usize,
        observations: &mut Vec<(Observation, (usize, usize))>,
        targets: &mut Vec<(Target, (usize, usize))>,
    ) -> Option<()> {
        let rows = &pack.observations;
        observations.reserve(rows.rows);
        for row in 0..rows.rows {
            let of = rows.number(4, row)?;
            let observation = Observation {
                unit: self.text(Slot::Unit, rows.text(0, row)?)?,
                indicator: self.indicator(rows.text(1, row)?)?,
                period: self.period(rows.text(2, row)?)?,
                value: rows.number(3, row)?,
                of: (!of.is_nan()).then_some(of),
                label: self.maybe(Slot::Label, rows.text(5, row))?,
                source: self.maybe(Slot::Source, rows.text(6, row))?,
                file,
            };
            observations.push((observation, (file, row)));
        }
        let rows = &pack.targets;
        for row in 0..rows.rows {
            let baseline = match rows.text(4, row) {
                Some(b) => Some(self.period(b)?),
                None => None,
            };
            let target = Target {
                unit: self.text(Slot::Unit, rows.text(0, row)?)?,
                indicator: self.indicator(rows.text(1, row)?)?,
                by: self.period(rows.text(2, row)?)?,
                value: rows.number(3, row)?,
                baseline,
                source: self.maybe(Slot::Source, rows.text(5, row))?,
                file,
            };
            targets.push((target, (file, row)));
        }
        Some(())
    }

    fn text(&mut self, slot: Slot, i: usize) -> Option<SharedStr> {
        let text = *self.pack.get(i)?;
        let (cell, interner) = (
            &mut self.shared[slot as usize * self.pack.len() + i],
            &mut *self.interner,
        );
        Some(cell.get_or_insert_with(|| interner.get(slot, text)).clone())
    }

    /// An absent text is `Some(None)`; one out of the table, `None`.
    fn maybe(&mut self, slot: Slot, i: Option<usize>) -> Option<Option<SharedStr>> {
        match i {
            Some(i) => self.text(slot, i).map(Some),
            None => Some(None),
        }
    }

    /// An indicator by its catalogue id, as the JSON's loop takes it.
    fn indicator(&mut self, i: usize) -> Option<SharedStr> {
        let at = Slot::Indicator as usize * self.pack.len() + i;
        if let Some(known) = self.shared.get(at)?.clone() {
            return Some(known);
        }
        let def = self.catalogue.get(self.pack.get(i)?)?;
        let shared = self.interner.get(Slot::Indicator, &def.id);
        self.shared[at] = Some(shared.clone());
        Some(shared)
    }

    fn period(&mut self, i: usize) -> Option<Period> {
        let cell = self.periods.get_mut(i)?;
        if cell.is_none() {
            *cell = Some(Period::parse(self.pack.get(i)?).ok()?);
        }
        *cell
    }
}
