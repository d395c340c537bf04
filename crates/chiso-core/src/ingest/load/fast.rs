//! The fast path: files that `chiso manifest` validated together, proven to be those bytes by
//! their sha256, read straight into the model by serde: no positions, no per-entry checks and no
//! texts about them. It builds what the validator builds from the same bytes (a test holds the
//! two together on every sample and fuzz-corpus file); anything unexpected gives `None`, and the
//! caller reads the files with the validator instead.

use super::conflicts::{latest_per_key, Keyed};
use super::registry::Registry;
use super::report::Report;
use super::{statuses, FileState, Input, Loaded, Warn};
use crate::contract::catalogue::{Aggregation, Better, Catalogue, IndicatorDef, Kind};
use crate::contract::model::{
    Dataset, FileMeta, Level, Observation, Publisher, Source, Target, Unit,
};
use crate::contract::period::{parse_date, Period};
use crate::contract::shared::{Interner, Slot};
use crate::contract::text::Text;
use crate::ingest::envelope::METRICS_FORMAT;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// A metric file as the contract writes it; members the model does not keep are skipped.
#[derive(Deserialize)]
struct FileIn<'a> {
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
    observations: Vec<ObservationIn<'a>>,
    #[serde(default, borrow)]
    targets: Vec<TargetIn<'a>>,
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

/// The model of files validated together, read without the validator; `None` where the bytes
/// hold anything the validator would have had to speak about.
pub fn load_validated(inputs: &[Input]) -> Option<Loaded> {
    let mut docs = Vec::with_capacity(inputs.len());
    let mut files = Vec::with_capacity(inputs.len());
    for inp in inputs {
        let mut doc: FileIn = serde_json::from_slice(inp.bytes).ok()?;
        if doc.format != METRICS_FORMAT {
            return None;
        }
        files.push(meta(inp.name, &mut doc)?);
        docs.push(doc);
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
