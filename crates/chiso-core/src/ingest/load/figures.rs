//! Observations and targets, checked against the registry and the file's sources. Most
//! observations are clean and take one typed pass; the rest are read field by field so every
//! problem is found and worded.

use super::entry::{whole_positive, Entry};
use super::file::Parsed;
use super::registry::Registry;
use super::report::{FileCtx, Report};
use super::Input;
use crate::contract::catalogue::IndicatorDef;
use crate::contract::model::{FileMeta, Observation, SharedStr, Target};
use crate::contract::period::Period;
use crate::contract::shared::{Interner, Slot};
use crate::ingest::checks::check_value;
use crate::ingest::finding::{Location, Message, Severity};
use crate::ingest::json::{self, Raw};
use std::borrow::Cow;
use std::collections::HashMap;

/// Where an accepted observation or target came from, for conflict and sum messages. In
/// 32 bits (a file's size is bounded well below 4 GiB by what a page can fetch), since one
/// is kept per figure while conflicts are resolved.
#[derive(Clone, Copy)]
pub(super) struct Origin {
    pub(super) input: u32,
    pub(super) offset: u32,
    pub(super) index: u32,
}

impl Origin {
    pub(super) fn input(&self) -> usize {
        self.input as usize
    }
}

/// Fits a count or offset into an `Origin`'s 32 bits (saturating; never reached by a file
/// a browser could hold).
pub(super) fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Every file's accepted observations and targets, each with its origin.
pub(super) struct Figures {
    pub(super) observations: Vec<(Observation, Origin)>,
    pub(super) targets: Vec<(Target, Origin)>,
}

pub(super) fn read(
    parsed: &[Parsed],
    registry: &Registry,
    files: &[FileMeta],
    report: &mut Report,
) -> Figures {
    let mut figures = Figures {
        observations: Vec::new(),
        targets: Vec::new(),
    };
    let mut texts = Interner::default();
    for p in parsed {
        let meta = &files[p.file];
        let origin = |raw: Raw, index: usize| Origin {
            input: narrow(p.ctx.input),
            offset: narrow(p.ctx.doc.offset(raw)),
            index: narrow(index),
        };
        let raws = p.array("observations", report);
        figures.observations.reserve_exact(raws.size_hint().0);
        for (i, raw) in raws.enumerate() {
            let o = match clean_observation(raw, registry, meta, p.file, &mut texts) {
                Some(o) => o,
                None => {
                    let path = json::index("observations", i);
                    let Some(mut e) = Entry::open(&p.ctx, report, raw, path) else {
                        continue;
                    };
                    let Some(o) = read_observation(&mut e, registry, meta, p.file, &mut texts)
                    else {
                        continue;
                    };
                    o
                }
            };
            figures.observations.push((o, origin(raw, i)));
        }
        for (i, raw) in p.array("targets", report).enumerate() {
            let path = json::index("targets", i);
            let Some(mut e) = Entry::open(&p.ctx, report, raw, path) else {
                continue;
            };
            if let Some(t) = read_target(&mut e, registry, meta, p.file, &mut texts) {
                figures.targets.push((t, origin(raw, i)));
            }
        }
    }
    figures
}

/// The members of an observation, in the order `clean_observation` reads them.
const FIELDS: [&str; 8] = [
    "unit",
    "indicator",
    "period",
    "value",
    "of",
    "label",
    "source",
    "tier",
];

/// An observation as most are: well formed and valid. Reads it in one pass over its members;
/// `None` sends the entry to `read_observation`, which finds and words every problem.
fn clean_observation(
    raw: Raw,
    registry: &Registry,
    meta: &FileMeta,
    file: usize,
    texts: &mut Interner,
) -> Option<Observation> {
    // A published tier (`Khá`) is kept in the file for the record; no chart draws it.
    let [unit, indicator, period, value, of, label, source, tier] =
        json::fields(raw, &FIELDS).ok()?;
    let _: Option<Cow<str>> = json::optional(tier)?;
    let unit: Cow<str> = unit?.string()?;
    let def = registry.catalogue.get(&indicator?.string()?)?;
    let period = Period::parse(&period?.string()?).ok()?;
    let value = value?.number()?;
    let of: Option<f64> = json::optional(of)?;
    let label: Option<Cow<str>> = json::optional(label)?;
    let source: Option<Cow<str>> = json::optional(source)?;
    let of_ok = of.is_none_or(|of| of >= 1.0 && of.fract() == 0.0);
    let source_ok = source
        .as_ref()
        .is_none_or(|k| meta.sources.contains_key(k.as_ref()));
    let clean = registry.knows(&unit)
        && value.is_finite()
        && of_ok
        && source_ok
        && check_value(def, value, of, false).is_empty();
    clean.then(|| Observation {
        unit: texts.get(Slot::Unit, &unit),
        indicator: texts.get(Slot::Indicator, &def.id),
        period,
        value,
        of,
        label: label.map(|l| texts.get(Slot::Label, &l)),
        source: source.map(|k| texts.get(Slot::Source, &k)),
        file,
    })
}

fn read_observation(
    e: &mut Entry,
    registry: &Registry,
    meta: &FileMeta,
    file: usize,
    texts: &mut Interner,
) -> Option<Observation> {
    let subject = read_subject(e, registry);
    let period = e.period("period", true);
    let value = e.read("value", true, json::number);
    let of = e.read("of", false, whole_positive);
    let label = e.string("label", false);
    let source = check_source(e, meta);
    let (unit, def) = subject?;
    check_figure(e, &def, value, of, false);
    if e.failed {
        return None;
    }
    Some(Observation {
        unit: texts.get(Slot::Unit, &unit),
        indicator: texts.get(Slot::Indicator, &def.id),
        period: period?,
        value: value?,
        of,
        label: shared(texts, Slot::Label, label),
        source: shared(texts, Slot::Source, source),
        file,
    })
}

fn read_target(
    e: &mut Entry,
    registry: &Registry,
    meta: &FileMeta,
    file: usize,
    texts: &mut Interner,
) -> Option<Target> {
    let subject = read_subject(e, registry);
    let by = e.period("by", true);
    let value = e.read("value", true, json::number);
    let baseline = e.period("baseline", false);
    let source = check_source(e, meta);
    let (unit, def) = subject?;
    check_figure(e, &def, value, None, true);
    if e.failed {
        return None;
    }
    Some(Target {
        unit: texts.get(Slot::Unit, &unit),
        indicator: texts.get(Slot::Indicator, &def.id),
        by: by?,
        value: value?,
        baseline,
        source: shared(texts, Slot::Source, source),
        file,
    })
}

fn shared(texts: &mut Interner, slot: Slot, text: Option<String>) -> Option<SharedStr> {
    text.map(|t| texts.get(slot, &t))
}

/// The fields observations and targets share, checked against the registry.
fn read_subject(e: &mut Entry, registry: &Registry) -> Option<(String, IndicatorDef)> {
    let unit = e.string("unit", true);
    let indicator = e.string("indicator", true);
    if let Some(u) = unit.as_ref().filter(|u| !registry.knows(u)) {
        let message = Message::UnknownUnit { id: u.clone() };
        e.problem(Severity::Error, "unit", message);
    }
    let def = indicator
        .as_ref()
        .and_then(|i| registry.catalogue.get(i))
        .cloned();
    if let (Some(i), None) = (&indicator, &def) {
        let message = Message::UnknownIndicator { id: i.clone() };
        e.problem(Severity::Error, "indicator", message);
    }
    Some((unit?, def?))
}

fn check_source(e: &mut Entry, meta: &FileMeta) -> Option<String> {
    let source = e.string("source", false);
    if let Some(key) = source.as_ref().filter(|k| !meta.sources.contains_key(*k)) {
        let message = Message::UnknownSource { key: key.clone() };
        e.problem(Severity::Warning, "source", message);
    }
    source
}

fn check_figure(
    e: &mut Entry,
    def: &IndicatorDef,
    value: Option<f64>,
    of: Option<f64>,
    is_target: bool,
) {
    if let Some(value) = value {
        for p in check_value(def, value, of, is_target) {
            e.problem(p.severity, p.field, p.message);
        }
    }
}

/// Names where accepted figures came from: a location in their file, and `file:line:col`
/// for the message at the other end of a conflict.
pub(super) struct Places<'p, 'a> {
    docs: HashMap<usize, &'p FileCtx<'a>>,
    inputs: &'p [Input<'a>],
}

impl<'p, 'a> Places<'p, 'a> {
    pub(super) fn new(parsed: &'p [Parsed<'a>], inputs: &'p [Input<'a>]) -> Self {
        let docs = parsed.iter().map(|p| (p.ctx.input, &p.ctx)).collect();
        Places { docs, inputs }
    }

    pub(super) fn name(&self, input: usize) -> &'a str {
        self.inputs[input].name
    }

    /// `kind` is the array the figure sits in: `observations` or `targets`.
    pub(super) fn of(&self, origin: &Origin, kind: &str) -> (Location, String) {
        let path = json::index(kind, origin.index as usize);
        let name = self.name(origin.input());
        let location = self.docs[&origin.input()]
            .doc
            .location_at(origin.offset as usize, &path);
        let short = format!("{name}:{}:{}", location.line, location.column);
        (location, short)
    }
}
