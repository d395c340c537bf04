//! Loading published files: every file and entry is checked, what is wrong is reported with
//! its place, and whatever is right is kept. Nothing here panics on input.

use crate::contract::catalogue::{Catalogue, IndicatorDef};
use crate::contract::model::{
    Dataset, FileMeta, Level, Observation, Publisher, Source, Target, Unit,
};
use crate::contract::period::Period;
use crate::contract::text::Text;
use crate::ingest::checks::{check_sums, check_value};
use crate::ingest::finding::{Expected, Finding, Location, Message, Severity, Subject};
use crate::ingest::json::{self, Doc, Object};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

pub const METRICS_FORMAT: &str = "chiso-metrics/1";
pub const MANIFEST_FORMAT: &str = "chiso-manifest/1";

const TOP_LEVEL: [&str; 10] = [
    "format",
    "title",
    "publisher",
    "published",
    "illustrative",
    "units",
    "indicators",
    "observations",
    "targets",
    "sources",
];

/// One file to load: its name for messages, its bytes, and the checksum a manifest gave it.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub sha256: Option<&'a str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileState {
    Loaded,
    Rejected,
    Tampered,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileStatus {
    pub name: String,
    pub state: FileState,
    pub errors: usize,
    pub warnings: usize,
    pub observations: usize,
    pub illustrative: bool,
}

pub struct Loaded {
    pub data: Dataset,
    pub findings: Vec<Finding>,
    pub files: Vec<FileStatus>,
}

impl Loaded {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Findings tagged with the input they belong to, so they can be sorted per file.
#[derive(Default)]
struct Report {
    items: Vec<(usize, Finding)>,
}

impl Report {
    fn push(
        &mut self,
        input: usize,
        name: &str,
        severity: Severity,
        location: Option<Location>,
        message: Message,
    ) {
        self.push_about(input, name, severity, location, message, None);
    }

    fn push_about(
        &mut self,
        input: usize,
        name: &str,
        severity: Severity,
        location: Option<Location>,
        message: Message,
        subject: Option<Subject>,
    ) {
        let finding = Finding {
            severity,
            file: name.to_string(),
            location,
            message,
            subject,
        };
        self.items.push((input, finding));
    }
}

/// One file being read: where messages go and how places are named.
struct FileCtx<'a> {
    input: usize,
    name: &'a str,
    doc: Doc<'a>,
}

impl FileCtx<'_> {
    fn at(
        &self,
        report: &mut Report,
        severity: Severity,
        raw: &RawValue,
        path: &str,
        message: Message,
    ) {
        let location = self.doc.location(raw, path);
        report.push(self.input, self.name, severity, Some(location), message);
    }
}

/// An object entry (a unit, an observation, a target) read field by field.
struct Entry<'r, 'a> {
    ctx: &'r FileCtx<'a>,
    report: &'r mut Report,
    raw: &'a RawValue,
    obj: Object<'a>,
    path: String,
    failed: bool,
}

impl<'r, 'a> Entry<'r, 'a> {
    fn open(
        ctx: &'r FileCtx<'a>,
        report: &'r mut Report,
        raw: &'a RawValue,
        path: String,
    ) -> Option<Self> {
        match json::object(raw) {
            Some(obj) => Some(Entry {
                ctx,
                report,
                raw,
                obj,
                path,
                failed: false,
            }),
            None => {
                let found = json::found(raw);
                ctx.at(
                    report,
                    Severity::Error,
                    raw,
                    &path,
                    Message::WrongType {
                        expected: Expected::Object,
                        found,
                    },
                );
                None
            }
        }
    }

    fn problem(&mut self, severity: Severity, key: &str, message: Message) {
        self.failed |= severity == Severity::Error;
        let raw = self.obj.get(key).copied().unwrap_or(self.raw);
        let path = if self.obj.contains_key(key) {
            json::member(&self.path, key)
        } else {
            self.path.clone()
        };
        self.ctx.at(self.report, severity, raw, &path, message);
    }

    fn read<T>(
        &mut self,
        key: &'static str,
        required: bool,
        parse: impl Fn(&RawValue) -> Result<T, Message>,
    ) -> Option<T> {
        match self.obj.get(key) {
            None if required => {
                self.problem(Severity::Error, key, Message::Missing { field: key });
                None
            }
            None => None,
            Some(raw) => match parse(raw) {
                Ok(v) => Some(v),
                Err(m) => {
                    let severity = if required {
                        Severity::Error
                    } else {
                        Severity::Warning
                    };
                    self.problem(severity, key, m);
                    None
                }
            },
        }
    }

    fn typed<T: DeserializeOwned>(
        &mut self,
        key: &'static str,
        required: bool,
        expected: Expected,
    ) -> Option<T> {
        self.read(key, required, |raw| json::typed(raw, expected))
    }

    fn string(&mut self, key: &'static str, required: bool) -> Option<String> {
        self.typed(key, required, Expected::String)
    }

    fn period(&mut self, key: &'static str, required: bool) -> Option<Period> {
        self.read(key, required, |raw| {
            let s: String = json::typed(raw, Expected::String)?;
            Period::parse(&s).map_err(|error| Message::BadPeriod { value: s, error })
        })
    }

    fn date(&mut self, key: &'static str) -> Option<NaiveDate> {
        self.read(key, false, parse_date)
    }
}

fn parse_date(raw: &RawValue) -> Result<NaiveDate, Message> {
    let s: String = json::typed(raw, Expected::Date)?;
    crate::contract::period::parse_date(&s).ok_or(Message::BadDate { value: s })
}

fn whole_positive(raw: &RawValue) -> Result<f64, Message> {
    let v = json::number(raw)?;
    if v >= 1.0 && v.fract() == 0.0 {
        Ok(v)
    } else {
        Err(Message::WrongType {
            expected: Expected::WholeNumber,
            found: json::found(raw),
        })
    }
}

/// serde_json's own words, without the position it appends (we give ours).
fn serde_detail(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
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
        let doc = Doc::new(valid);
        let detail = format!("byte {} is not UTF-8 text", e.valid_up_to());
        let (line, column) = doc.line_col(e.valid_up_to());
        (Message::Syntax { detail }, at_line(line, column))
    })?;
    if text.trim().is_empty() {
        return Err((Message::Empty, at_line(1, 1)));
    }
    serde_json::from_str::<Object>(text)
        .map(|obj| (text, obj))
        .map_err(|e| {
            use serde_json::error::Category;
            let detail = serde_detail(&e);
            let message = match e.classify() {
                Category::Eof => Message::Truncated { detail },
                Category::Syntax => Message::Syntax { detail },
                Category::Data => Message::NotAnObject,
                Category::Io => Message::Unreadable { detail },
            };
            let doc = Doc::new(text);
            let (line, column) = doc.line_col(doc.offset_of(e.line(), e.column()));
            (message, at_line(line, column))
        })
}

/// Checks the `format` tag of a parsed top level.
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

/// A file that passed the file-level checks; its entries are read once every file's units and
/// indicators are known (a file may use units another file declares).
struct Parsed<'a> {
    ctx: FileCtx<'a>,
    file: usize,
    obj: Object<'a>,
}

/// Units and indicators declared across all files.
struct Registry {
    units: Vec<Unit>,
    unit_index: HashMap<String, usize>,
    catalogue: Catalogue,
}

/// Where an accepted observation or target came from, for conflict and sum messages.
#[derive(Clone, Copy)]
struct Origin {
    input: usize,
    offset: usize,
    index: usize,
}

pub fn load(inputs: &[Input]) -> Loaded {
    let mut report = Report::default();
    let mut files = Vec::new();
    let mut states = vec![FileState::Rejected; inputs.len()];
    let mut parsed = Vec::new();

    for (input, inp) in inputs.iter().enumerate() {
        if let Some(expected) = inp.sha256 {
            let actual = sha256_hex(inp.bytes);
            if !actual.eq_ignore_ascii_case(expected.trim()) {
                let message = Message::ChecksumMismatch {
                    expected: expected.to_string(),
                    actual,
                };
                report.push(input, inp.name, Severity::Error, None, message);
                states[input] = FileState::Tampered;
                continue;
            }
        }
        let (text, obj) = match parse_top(inp.bytes) {
            Ok(ok) => ok,
            Err((message, location)) => {
                report.push(input, inp.name, Severity::Error, location, message);
                continue;
            }
        };
        let ctx = FileCtx {
            input,
            name: inp.name,
            doc: Doc::new(text),
        };
        if let Err((message, key)) = check_format(&obj, METRICS_FORMAT) {
            let location = match key.and_then(|k| obj.get(k)) {
                Some(raw) => ctx.doc.location(raw, "format"),
                None => Location {
                    line: 1,
                    column: 1,
                    path: String::new(),
                },
            };
            report.push(input, inp.name, Severity::Error, Some(location), message);
            continue;
        }
        for (key, raw) in &obj {
            if !TOP_LEVEL.contains(&key.as_str()) {
                let path = json::member("", key);
                ctx.at(
                    &mut report,
                    Severity::Warning,
                    raw,
                    &path,
                    Message::UnknownField { field: key.clone() },
                );
            }
        }
        states[input] = FileState::Loaded;
        files.push(read_meta(&ctx, &obj, &mut report));
        parsed.push(Parsed {
            ctx,
            file: files.len() - 1,
            obj,
        });
    }

    let registry = read_registry(&parsed, &mut report);

    let mut observations = Vec::new();
    let mut targets = Vec::new();
    for p in &parsed {
        for (i, raw) in array_member(p, "observations", &mut report)
            .into_iter()
            .enumerate()
        {
            let origin = Origin {
                input: p.ctx.input,
                offset: p.ctx.doc.offset(raw),
                index: i,
            };
            if let Some(o) = clean_observation(raw, &registry, &files[p.file], p.file) {
                observations.push((o, origin));
                continue;
            }
            let Some(mut e) = Entry::open(&p.ctx, &mut report, raw, json::index("observations", i))
            else {
                continue;
            };
            if let Some(o) = read_observation(&mut e, &registry, &files[p.file], p.file) {
                observations.push((o, origin));
            }
        }
        for (i, raw) in array_member(p, "targets", &mut report)
            .into_iter()
            .enumerate()
        {
            let path = json::index("targets", i);
            let Some(mut e) = Entry::open(&p.ctx, &mut report, raw, path) else {
                continue;
            };
            if let Some(t) = read_target(&mut e, &registry, &files[p.file], p.file) {
                targets.push((
                    t,
                    Origin {
                        input: p.ctx.input,
                        offset: p.ctx.doc.offset(raw),
                        index: i,
                    },
                ));
            }
        }
    }

    let docs: HashMap<usize, &FileCtx> = parsed.iter().map(|p| (p.ctx.input, &p.ctx)).collect();
    let place = |origin: &Origin, kind: &str| -> (Location, String) {
        let path = json::index(kind, origin.index);
        let name = inputs[origin.input].name;
        let location = docs[&origin.input].doc.location_at(origin.offset, &path);
        let short = format!("{name}:{}:{}", location.line, location.column);
        (location, short)
    };

    let (observations, obs_origins) = resolve_conflicts(
        observations,
        &files,
        &mut report,
        &|origin| place(origin, "observations"),
        inputs,
    );
    let (targets, _) = resolve_conflicts(
        targets,
        &files,
        &mut report,
        &|origin| place(origin, "targets"),
        inputs,
    );

    let data = Dataset::new(
        files,
        registry.units,
        registry.catalogue,
        observations,
        targets,
    );
    for sum in check_sums(&data) {
        let origin = &obs_origins[sum.at];
        let o = &data.observations[sum.at];
        let (location, _) = place(origin, "observations");
        let subject = Subject {
            unit: o.unit.clone(),
            indicators: sum.indicators.iter().map(|s| s.to_string()).collect(),
            period: o.period.to_string(),
        };
        let name = inputs[origin.input].name;
        report.push_about(
            origin.input,
            name,
            Severity::Warning,
            Some(location),
            sum.message,
            Some(subject),
        );
    }

    let mut items = report.items;
    items.sort_by_key(|(input, f)| (*input, f.location.as_ref().map(|l| (l.line, l.column))));
    let statuses = inputs
        .iter()
        .enumerate()
        .map(|(input, inp)| {
            let count = |s: Severity| {
                items
                    .iter()
                    .filter(|(i, f)| *i == input && f.severity == s)
                    .count()
            };
            let file = parsed.iter().find(|p| p.ctx.input == input).map(|p| p.file);
            FileStatus {
                name: inp.name.to_string(),
                state: states[input],
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                observations: file.map_or(0, |f| {
                    data.observations.iter().filter(|o| o.file == f).count()
                }),
                illustrative: file.is_some_and(|f| data.files[f].illustrative),
            }
        })
        .collect();
    Loaded {
        data,
        findings: items.into_iter().map(|(_, f)| f).collect(),
        files: statuses,
    }
}

fn read_meta(ctx: &FileCtx, obj: &Object, report: &mut Report) -> FileMeta {
    let mut meta = FileMeta {
        name: ctx.name.to_string(),
        ..FileMeta::default()
    };
    let mut warn =
        |raw: &RawValue, path: &str, m: Message| ctx.at(report, Severity::Warning, raw, path, m);
    if let Some(&raw) = obj.get("title") {
        match json::typed::<Text>(raw, Expected::Text) {
            Ok(t) => meta.title = Some(t),
            Err(m) => warn(raw, "title", m),
        }
    }
    if let Some(&raw) = obj.get("publisher") {
        match json::typed::<Publisher>(raw, Expected::Object) {
            Ok(p) => meta.publisher = Some(p),
            Err(m) => warn(raw, "publisher", m),
        }
    }
    if let Some(&raw) = obj.get("published") {
        match parse_date(raw) {
            Ok(d) => meta.published = Some(d),
            Err(m) => warn(raw, "published", m),
        }
    }
    if let Some(&raw) = obj.get("illustrative") {
        match json::typed::<bool>(raw, Expected::Bool) {
            Ok(b) => meta.illustrative = b,
            // Figures of doubtful standing are safer shown as made up than as real.
            Err(m) => {
                meta.illustrative = true;
                warn(raw, "illustrative", m)
            }
        }
    }
    if let Some(&raw) = obj.get("sources") {
        match json::object(raw) {
            Some(sources) => {
                for (key, raw) in sources {
                    match json::typed::<Source>(raw, Expected::Object) {
                        Ok(s) => {
                            meta.sources.insert(key, s);
                        }
                        Err(m) => warn(raw, &json::member("sources", &key), m),
                    }
                }
            }
            None => {
                let message = Message::WrongType {
                    expected: Expected::Object,
                    found: json::found(raw),
                };
                warn(raw, "sources", message)
            }
        }
    }
    meta
}

/// The entries of a top-level array; anything else there is reported and read as empty.
fn array_member<'a>(p: &Parsed<'a>, key: &'static str, report: &mut Report) -> Vec<&'a RawValue> {
    let Some(raw) = p.obj.get(key).copied() else {
        return Vec::new();
    };
    json::array(raw).unwrap_or_else(|| {
        let message = Message::WrongType {
            expected: Expected::Array,
            found: json::found(raw),
        };
        p.ctx.at(report, Severity::Error, raw, key, message);
        Vec::new()
    })
}

fn read_registry(parsed: &[Parsed], report: &mut Report) -> Registry {
    let mut registry = Registry {
        units: Vec::new(),
        unit_index: HashMap::new(),
        catalogue: Catalogue::default(),
    };
    let mut declared: Vec<(usize, &FileCtx, &RawValue, String)> = Vec::new();
    // Built-in ids may not be redefined; files' own definitions join `registry.catalogue`.
    let builtin = Catalogue::default();
    for p in parsed {
        for (i, raw) in array_member(p, "units", report).into_iter().enumerate() {
            let path = json::index("units", i);
            let Some(mut e) = Entry::open(&p.ctx, report, raw, path.clone()) else {
                continue;
            };
            let Some(unit) = read_unit(&mut e) else {
                continue;
            };
            match registry.unit_index.get(&unit.id) {
                Some(&k) if registry.units[k] != unit => {
                    let message = Message::DuplicateId {
                        id: unit.id.clone(),
                    };
                    p.ctx.at(report, Severity::Warning, raw, &path, message);
                    registry.units[k] = unit;
                    declared.push((k, &p.ctx, raw, path));
                }
                Some(_) => {}
                None => {
                    registry
                        .unit_index
                        .insert(unit.id.clone(), registry.units.len());
                    declared.push((registry.units.len(), &p.ctx, raw, path));
                    registry.units.push(unit);
                }
            }
        }
        let mut custom: BTreeMap<String, IndicatorDef> = BTreeMap::new();
        for (i, raw) in array_member(p, "indicators", report)
            .into_iter()
            .enumerate()
        {
            let path = json::index("indicators", i);
            match serde_json::from_str::<IndicatorDef>(raw.get()) {
                Ok(def) if def.id.trim().is_empty() => {
                    p.ctx
                        .at(report, Severity::Error, raw, &path, Message::EmptyId)
                }
                Ok(def) if builtin.get(&def.id).is_some() => p.ctx.at(
                    report,
                    Severity::Warning,
                    raw,
                    &path,
                    Message::BuiltinRedefined { id: def.id },
                ),
                Ok(def) => {
                    let earlier = registry.catalogue.get(&def.id).or(custom.get(&def.id));
                    if earlier.is_some_and(|d| d != &def) {
                        p.ctx.at(
                            report,
                            Severity::Warning,
                            raw,
                            &path,
                            Message::DuplicateId { id: def.id.clone() },
                        );
                    }
                    custom.insert(def.id.clone(), def);
                }
                Err(e) => {
                    let message = Message::BadIndicator {
                        detail: serde_detail(&e),
                    };
                    p.ctx.at(report, Severity::Error, raw, &path, message);
                }
            }
        }
        for def in custom.into_values() {
            registry.catalogue.insert(def);
        }
    }
    // References are checked once every file has declared its units.
    for (k, ctx, raw, path) in declared {
        let unit = &registry.units[k];
        for (field, id) in [("parent", &unit.parent), ("successor", &unit.successor)] {
            if let Some(id) = id
                .as_ref()
                .filter(|id| !registry.unit_index.contains_key(*id))
            {
                let obj = json::object(raw).unwrap_or_default();
                let at = obj.get(field).copied().unwrap_or(raw);
                let message = Message::UnknownReference {
                    field,
                    id: id.clone(),
                };
                ctx.at(
                    report,
                    Severity::Warning,
                    at,
                    &json::member(&path, field),
                    message,
                );
            }
        }
    }
    registry
}

fn read_unit(e: &mut Entry) -> Option<Unit> {
    let id = e.string("id", true);
    let name: Option<Text> = e.typed("name", true, Expected::Text);
    let level = e.read("level", true, |raw| {
        let s: String = json::typed(raw, Expected::String)?;
        Level::parse(&s).ok_or(Message::UnknownLevel { found: s })
    });
    let code = e.read("code", false, |raw| match json::found(raw) {
        // Statistical codes are often typed as numbers; the digits are what matter.
        crate::ingest::finding::Found::Number(n) => Ok(n),
        _ => json::typed::<String>(raw, Expected::String),
    });
    let parent = e.string("parent", false);
    let successor = e.string("successor", false);
    let until = e.date("until");
    if id.as_deref().is_some_and(|s| s.trim().is_empty()) {
        e.problem(Severity::Error, "id", Message::EmptyId);
    }
    if e.failed {
        return None;
    }
    Some(Unit {
        id: id?,
        name: name?,
        level: level?,
        code,
        parent,
        successor,
        until,
    })
}

/// The fields observations and targets share, checked against the registry.
fn read_subject(e: &mut Entry, registry: &Registry) -> Option<(String, IndicatorDef)> {
    let unit = e.string("unit", true);
    let indicator = e.string("indicator", true);
    if let Some(u) = unit
        .as_ref()
        .filter(|u| !registry.unit_index.contains_key(*u))
    {
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

/// An observation as most are: well formed and valid. Reads it in one typed pass; `None`
/// sends the entry to `read_observation`, which finds and words every problem.
fn clean_observation(
    raw: &RawValue,
    registry: &Registry,
    meta: &FileMeta,
    file: usize,
) -> Option<Observation> {
    #[derive(serde::Deserialize)]
    struct Fast<'a> {
        #[serde(borrow)]
        unit: Cow<'a, str>,
        #[serde(borrow)]
        indicator: Cow<'a, str>,
        #[serde(borrow)]
        period: Cow<'a, str>,
        value: f64,
        #[serde(default)]
        of: Option<f64>,
        #[serde(default, borrow)]
        label: Option<Cow<'a, str>>,
        #[serde(default, borrow)]
        source: Option<Cow<'a, str>>,
    }
    let f: Fast = serde_json::from_str(raw.get()).ok()?;
    let def = registry.catalogue.get(&f.indicator)?;
    let period = Period::parse(&f.period).ok()?;
    let of_ok = f.of.is_none_or(|of| of >= 1.0 && of.fract() == 0.0);
    let source_ok = f
        .source
        .as_ref()
        .is_none_or(|k| meta.sources.contains_key(k.as_ref()));
    let clean = registry.unit_index.contains_key(f.unit.as_ref())
        && f.value.is_finite()
        && of_ok
        && source_ok
        && check_value(def, f.value, f.of, false).is_empty();
    clean.then(|| Observation {
        unit: f.unit.into_owned(),
        indicator: def.id.clone(),
        period,
        value: f.value,
        of: f.of,
        label: f.label.map(Cow::into_owned),
        source: f.source.map(Cow::into_owned),
        file,
    })
}

fn read_observation(
    e: &mut Entry,
    registry: &Registry,
    meta: &FileMeta,
    file: usize,
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
        unit,
        indicator: def.id,
        period: period?,
        value: value?,
        of,
        label,
        source,
        file,
    })
}

fn read_target(e: &mut Entry, registry: &Registry, meta: &FileMeta, file: usize) -> Option<Target> {
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
        unit,
        indicator: def.id,
        by: by?,
        value: value?,
        baseline,
        source,
        file,
    })
}

/// A figure's identity: one value per unit, indicator and period (or target date).
trait Keyed {
    fn key(&self) -> (&str, &str, Period);
    fn value(&self) -> f64;
    fn file(&self) -> usize;
}

impl Keyed for Observation {
    fn key(&self) -> (&str, &str, Period) {
        (&self.unit, &self.indicator, self.period)
    }
    fn value(&self) -> f64 {
        self.value
    }
    fn file(&self) -> usize {
        self.file
    }
}

impl Keyed for Target {
    fn key(&self) -> (&str, &str, Period) {
        (&self.unit, &self.indicator, self.by)
    }
    fn value(&self) -> f64 {
        self.value
    }
    fn file(&self) -> usize {
        self.file
    }
}

/// Keeps one entry per key: the one published latest (then the one read last). Entries that
/// differ from the kept one are reported at both places.
fn resolve_conflicts<T: Keyed>(
    mut entries: Vec<(T, Origin)>,
    files: &[FileMeta],
    report: &mut Report,
    place: &dyn Fn(&Origin) -> (Location, String),
    inputs: &[Input],
) -> (Vec<T>, Vec<Origin>) {
    let published = |t: &T| files.get(t.file()).and_then(|f| f.published);
    entries.sort_by(|(a, oa), (b, ob)| {
        a.key()
            .cmp(&b.key())
            .then_with(|| published(a).cmp(&published(b)))
            .then((oa.input, oa.index).cmp(&(ob.input, ob.index)))
    });
    let mut kept: Vec<T> = Vec::with_capacity(entries.len());
    let mut origins: Vec<Origin> = Vec::with_capacity(entries.len());
    let mut losers: Vec<(T, Origin)> = Vec::new();
    let mut settle = |losers: &mut Vec<(T, Origin)>, winner: &T, won: &Origin| {
        for (loser, lost) in losers.drain(..) {
            let (dropped, kept_value) = (loser.value(), winner.value());
            if dropped == kept_value {
                continue;
            }
            let (win_loc, win_short) = place(won);
            let (lose_loc, lose_short) = place(&lost);
            let message = Message::ConflictDropped {
                value: dropped,
                kept: kept_value,
                other: win_short,
            };
            report.push(
                lost.input,
                inputs[lost.input].name,
                Severity::Error,
                Some(lose_loc),
                message,
            );
            let message = Message::ConflictKept {
                value: kept_value,
                dropped,
                other: lose_short,
            };
            report.push(
                won.input,
                inputs[won.input].name,
                Severity::Warning,
                Some(win_loc),
                message,
            );
        }
    };
    for (t, o) in entries {
        // Sorted, so an entry with the key of the last kept one supersedes it.
        if kept.last().is_some_and(|last| last.key() == t.key()) {
            if let (Some(prev), Some(prev_origin)) = (kept.pop(), origins.pop()) {
                losers.push((prev, prev_origin));
            }
        } else if let (Some(last), Some(last_origin)) = (kept.last(), origins.last()) {
            settle(&mut losers, last, last_origin);
        }
        kept.push(t);
        origins.push(o);
    }
    if let (Some(last), Some(last_origin)) = (kept.last(), origins.last()) {
        settle(&mut losers, last, last_origin);
    }
    (kept, origins)
}
