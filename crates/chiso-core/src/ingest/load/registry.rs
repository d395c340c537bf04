//! The units and indicators declared across all files: read before any figure, since a file
//! may use units or indicators another file declares.

use super::entry::Entry;
use super::file::Parsed;
use super::indicator::read_definition;
use super::report::{FileCtx, Report};
use crate::contract::catalogue::{Catalogue, IndicatorDef};
use crate::contract::lang::Lang;
use crate::contract::model::{Level, SharedStr, Unit};
use crate::contract::provinces::{self, Province};
use crate::contract::text::Text;
use crate::ingest::finding::{Difference, Expected, Found, Message, Severity};
use crate::ingest::json::{self, Raw};
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub(super) struct Registry {
    pub(super) units: Vec<Unit>,
    pub(super) unit_index: HashMap<String, usize>,
    pub(super) catalogue: Catalogue,
}

/// A unit declaration kept until every file is read, to check what it refers to.
struct Declared<'p, 'a> {
    unit: usize,
    ctx: &'p FileCtx<'a>,
    raw: Raw<'a>,
    path: String,
}

pub(super) fn read(parsed: &[Parsed], report: &mut Report) -> Registry {
    let mut registry = Registry {
        units: Vec::new(),
        unit_index: HashMap::new(),
        catalogue: Catalogue::default(),
    };
    let mut declared = Vec::new();
    // Built-in ids may not be redefined; files' own definitions join `registry.catalogue`.
    let builtin = Catalogue::default();
    for p in parsed {
        registry.read_units(p, report, &mut declared);
        registry.read_indicators(p, &builtin, report);
    }
    // References are checked once every file has declared its units.
    registry.check_references(declared, report);
    registry
}

impl Registry {
    fn read_units<'p, 'a>(
        &mut self,
        p: &'p Parsed<'a>,
        report: &mut Report,
        declared: &mut Vec<Declared<'p, 'a>>,
    ) {
        for (i, raw) in p.array("units", report).enumerate() {
            let path = json::index("units", i);
            let Some(mut e) = Entry::open(&p.ctx, report, raw, path.clone()) else {
                continue;
            };
            let Some(unit) = read_unit(&mut e) else {
                continue;
            };
            let ctx = &p.ctx;
            if let Some(p) = provinces::get(&unit.id) {
                warn_differences(&unit, p, ctx, raw, &path, report);
            }
            let id = unit.id.clone();
            let Some((k, replaced)) = self.declare(unit) else {
                continue;
            };
            if replaced {
                let message = Message::DuplicateId { id };
                ctx.at(report, Severity::Warning, raw, &path, message);
            }
            declared.push(Declared {
                unit: k,
                ctx,
                raw,
                path,
            });
        }
    }

    /// Records a unit as declared: its index, and whether it replaced a different declaration of
    /// its id (the later one is used); `None` when the same unit was declared already.
    pub(super) fn declare(&mut self, unit: Unit) -> Option<(usize, bool)> {
        match self.unit_index.get(&unit.id) {
            Some(&k) if self.units[k] != unit => {
                self.units[k] = unit;
                Some((k, true))
            }
            Some(_) => None,
            None => {
                let k = self.units.len();
                self.unit_index.insert(unit.id.clone(), k);
                self.units.push(unit);
                Some((k, false))
            }
        }
    }

    /// A file's own indicators; among them the last definition of an id counts.
    fn read_indicators(&mut self, p: &Parsed, builtin: &Catalogue, report: &mut Report) {
        let mut custom: BTreeMap<String, IndicatorDef> = BTreeMap::new();
        for (i, raw) in p.array("indicators", report).enumerate() {
            let path = json::index("indicators", i);
            let (severity, message) = match read_definition(raw) {
                Ok(def) if def.id.trim().is_empty() => (Severity::Error, Message::EmptyId),
                Ok(def) if builtin.get(&def.id).is_some() => {
                    (Severity::Warning, Message::BuiltinRedefined { id: def.id })
                }
                Ok(def) => {
                    let earlier = self.catalogue.get(&def.id).or(custom.get(&def.id));
                    if earlier.is_some_and(|d| d != &def) {
                        let message = Message::DuplicateId { id: def.id.clone() };
                        p.ctx.at(report, Severity::Warning, raw, &path, message);
                    }
                    custom.insert(def.id.clone(), def);
                    continue;
                }
                Err(problem) => (Severity::Error, Message::BadIndicator(Box::new(problem))),
            };
            p.ctx.at(report, severity, raw, &path, message);
        }
        for def in custom.into_values() {
            self.catalogue.insert(def);
        }
    }

    /// Whether figures may name `id`: declared by a file, or in the register.
    pub(super) fn knows(&self, id: &str) -> bool {
        self.unit_index.contains_key(id) || provinces::get(id).is_some()
    }

    /// Declares a register unit a file names without declaring it, with its successor.
    /// Returns false when `id` is neither declared nor in the register.
    pub(super) fn adopt(&mut self, id: &str) -> bool {
        if self.unit_index.contains_key(id) {
            return true;
        }
        let units = provinces::units_for(id);
        let found = !units.is_empty();
        for unit in units {
            if !self.unit_index.contains_key(&unit.id) {
                self.unit_index.insert(unit.id.clone(), self.units.len());
                self.units.push(unit);
            }
        }
        found
    }

    /// `adopt` for each unit the figures name, in the order of their ids whatever order the
    /// figures come in (the file's, or the packed copy's sorted one), so that both readers list
    /// the same units alike. Figures come in runs of one unit: a repeat of the unit before is not
    /// looked at again. Whether every unit is known.
    pub(super) fn adopt_named<'u>(&mut self, ids: impl Iterator<Item = &'u SharedStr>) -> bool {
        let mut named = BTreeSet::new();
        let mut last: Option<&SharedStr> = None;
        for id in ids {
            if last != Some(id) {
                named.insert(id);
                last = Some(id);
            }
        }
        named
            .into_iter()
            .fold(true, |known, id| self.adopt(id) & known)
    }

    /// Warns of `parent` and `successor` links to units neither a file nor the register knows.
    fn check_references(&mut self, declared: Vec<Declared>, report: &mut Report) {
        for Declared {
            unit,
            ctx,
            raw,
            path,
        } in declared
        {
            let unit = self.units[unit].clone();
            for (field, id) in [("parent", &unit.parent), ("successor", &unit.successor)] {
                let Some(id) = id.as_ref().filter(|id| !self.adopt(id)) else {
                    continue;
                };
                let obj = json::object(raw).unwrap_or_default();
                let at = obj.get(field).unwrap_or(raw);
                let message = Message::UnknownReference {
                    field,
                    id: id.clone(),
                };
                let path = json::member(&path, field);
                ctx.at(report, Severity::Warning, at, &path, message);
            }
        }
    }
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
        Found::Number(n) => Ok(n),
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

/// Warns, at each field, where a declaration of a register unit says something else than the
/// register. A field left out is no difference; a name agrees when its Vietnamese form does
/// and any English form given does too.
fn warn_differences(
    unit: &Unit,
    p: &Province,
    ctx: &FileCtx,
    raw: Raw,
    path: &str,
    report: &mut Report,
) {
    let en = match &unit.name {
        Text::Plain(_) => None,
        Text::Localized { en, .. } => en.as_deref(),
    };
    let name_differs = unit.name.get(Lang::Vi) != p.name_vi || en.is_some_and(|en| en != p.name_en);
    let until = p.until().map(|d| d.to_string());
    let differs =
        |given: Option<&str>, register: Option<&str>| given.is_some() && given != register;
    let fields = [
        ("level", unit.level != Level::Province, Some("province")),
        ("name", name_differs, Some(p.name_vi)),
        (
            "successor",
            differs(unit.successor.as_deref(), p.successor),
            p.successor,
        ),
        (
            "until",
            unit.until.is_some_and(|d| Some(d.to_string()) != until),
            until.as_deref(),
        ),
    ];
    let obj = json::object(raw).unwrap_or_default();
    for (field, _, register) in fields.into_iter().filter(|f| f.1) {
        let at = obj.get(field).unwrap_or(raw);
        let message = Message::DiffersFromRegister(Box::new(Difference {
            id: unit.id.clone(),
            field,
            given: json::found(at),
            register: register.map(str::to_string),
        }));
        ctx.at(
            report,
            Severity::Warning,
            at,
            &json::member(path, field),
            message,
        );
    }
}
