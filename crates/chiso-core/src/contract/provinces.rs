//! The built-in register of Vietnam's provinces and centrally-run cities, like the indicator
//! catalogue: stable ids, names, statistics-office codes, and the 2025 merger.
//!
//! Ids are ASCII slugs of the Vietnamese name (`tay-ninh`, `ba-ria-vung-tau`, `ho-chi-minh`).
//! A slug without a suffix is the unit as it was up to 2025-06-30 (or, for the eleven units
//! the merger left unchanged, the unit throughout). On 2025-07-01, 63 units became 34: a
//! new unit that keeps a member's name still has a larger territory, so it is a different
//! unit whose id ends in `-2025` (`tay-ninh-2025` = Tây Ninh + Long An), and every merged
//! unit names it as `successor` with `until` 2025-06-30. Figures up to the merger stay with
//! the old units and are never comparable with the new unit's. Thừa Thiên Huế became the
//! city of Huế on 2025-01-01: one unit, `hue`, with its former name still recognised.

mod data;

use crate::contract::lang::Lang;
use crate::contract::model::{Level, Unit};
use crate::contract::names::{edit_distance, key, words};
use crate::contract::text::Text;
use chrono::NaiveDate;
use std::sync::OnceLock;

/// When a unit existed, relative to the 2025 merger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    /// Before and after: the merger left it unchanged.
    Always,
    /// Up to 2025-06-30.
    Until2025,
    /// From 2025-07-01.
    From2025,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Province {
    pub id: &'static str,
    pub name_vi: &'static str,
    pub name_en: &'static str,
    /// Two digits, as the statistics office numbers provinces.
    pub code: &'static str,
    /// A centrally-run city (thành phố trực thuộc trung ương).
    pub city: bool,
    pub era: Era,
    /// The unit it became part of on 2025-07-01.
    pub successor: Option<&'static str>,
    /// Earlier names of the same unit, Vietnamese and English.
    pub former: &'static [(&'static str, &'static str)],
    /// Other spellings, already folded (`hcmc`).
    pub aliases: &'static [&'static str],
}

/// The last day of the 63 units that ended in the merger.
pub fn last_day_before_merger() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default()
}

/// The first day of the 34 units.
pub fn merger_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or_default()
}

impl Province {
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.name_vi, self.name_en)
    }

    pub fn until(&self) -> Option<NaiveDate> {
        (self.era == Era::Until2025).then(last_day_before_merger)
    }

    pub fn since(&self) -> Option<NaiveDate> {
        (self.era == Era::From2025).then(merger_day)
    }

    pub fn in_force(&self, on: NaiveDate) -> bool {
        match self.era {
            Era::Always => true,
            Era::Until2025 => on < merger_day(),
            Era::From2025 => on >= merger_day(),
        }
    }

    /// The unit as a file would declare it.
    pub fn unit(&self) -> Unit {
        Unit {
            id: self.id.to_string(),
            name: Text::both(self.name_vi, self.name_en),
            level: Level::Province,
            code: Some(self.code.to_string()),
            parent: None,
            successor: self.successor.map(str::to_string),
            until: self.until(),
        }
    }

    /// Every key this unit is known by: names, former names, other spellings, and its id.
    fn keys(&self) -> impl Iterator<Item = String> + '_ {
        [self.name_vi, self.name_en, self.id]
            .into_iter()
            .chain(self.former.iter().flat_map(|&(vi, en)| [vi, en]))
            .map(name_key)
            .chain(self.aliases.iter().map(|a| a.to_string()))
    }
}

/// Every unit of the register: the unchanged, the ended and the new ones.
pub fn all() -> &'static [Province] {
    &data::PROVINCES
}

pub fn get(id: &str) -> Option<&'static Province> {
    all().iter().find(|p| p.id == id)
}

/// The units that existed on a day: 63 up to 2025-06-30, 34 from 2025-07-01.
pub fn in_force(on: NaiveDate) -> impl Iterator<Item = &'static Province> {
    all().iter().filter(move |p| p.in_force(on))
}

/// Every register unit as a declared unit.
pub fn units() -> impl Iterator<Item = Unit> {
    all().iter().map(Province::unit)
}

/// What a loader declares for a file that names `id` without declaring it: the unit, and the
/// unit it became in the merger (so its `successor` resolves). Empty when `id` is not in the
/// register.
pub fn units_for(id: &str) -> Vec<Unit> {
    let unit = get(id);
    let successor = unit.and_then(|p| p.successor).and_then(get);
    unit.into_iter()
        .chain(successor)
        .map(Province::unit)
        .collect()
}

const LEADING: [&[&str]; 3] = [&["tinh"], &["thanh", "pho"], &["tp"]];
const TRAILING: [&[&str]; 3] = [&["city"], &["province"], &["tinh"]];

/// The comparable form of a province name: folded, without "tỉnh", "thành phố", "TP.", "city",
/// "province", punctuation or spaces (`TP. Hồ Chí Minh` → `hochiminh`).
pub fn name_key(name: &str) -> String {
    let w = words(name);
    let mut rest: &[String] = &w;
    if let Some(n) = LEADING.iter().find_map(|p| starts(rest, p)) {
        rest = rest.get(n..).unwrap_or_default();
    }
    if let Some(n) = TRAILING.iter().find_map(|p| ends(rest, p)) {
        rest = rest.get(..rest.len() - n).unwrap_or_default();
    }
    if rest.is_empty() {
        // "Thành phố" alone is not a name; keep what was typed.
        return key(name);
    }
    rest.concat()
}

fn starts(w: &[String], prefix: &[&str]) -> Option<usize> {
    (w.len() > prefix.len() && w.iter().zip(prefix).all(|(a, b)| a == b)).then_some(prefix.len())
}

fn ends(w: &[String], suffix: &[&str]) -> Option<usize> {
    let tail = w.len().checked_sub(suffix.len()).filter(|&t| t > 0)?;
    w.get(tail..)
        .filter(|t| t.iter().zip(suffix).all(|(a, b)| a == b))
        .map(|_| suffix.len())
}

/// Every key of every unit, folded once.
fn index() -> &'static [(String, &'static Province)] {
    static INDEX: OnceLock<Vec<(String, &'static Province)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        all()
            .iter()
            .flat_map(|p| p.keys().map(move |k| (k, p)))
            .collect()
    })
}

/// Each unit once, in the order first met.
fn distinct(units: impl Iterator<Item = &'static Province>) -> Vec<&'static Province> {
    let mut out: Vec<&'static Province> = Vec::new();
    for p in units {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// The units a name can mean, before and after the merger (`Tây Ninh` → both).
pub fn lookup(name: &str) -> Vec<&'static Province> {
    let k = name_key(name);
    distinct(index().iter().filter(|(pk, _)| *pk == k).map(|&(_, p)| p))
}

/// Why a name did not resolve.
#[derive(Clone, Debug, PartialEq)]
pub enum Miss {
    /// Nothing by that name; the closest names, best first.
    Unknown { suggestions: Vec<&'static Province> },
    /// The name is a unit that did not exist on that day (Long An in 2026).
    NotInForce { unit: &'static Province },
}

/// The unit a name means on a day: the old Tây Ninh for 2020, the new one for 2026.
pub fn resolve(name: &str, on: NaiveDate) -> Result<&'static Province, Miss> {
    let found = lookup(name);
    if let Some(p) = found.iter().find(|p| p.in_force(on)) {
        return Ok(p);
    }
    match found.first() {
        Some(unit) => Err(Miss::NotInForce { unit }),
        None => Err(Miss::Unknown {
            suggestions: suggest(name, Some(on)),
        }),
    }
}

/// Up to three units whose names are closest to `name` (in force on `on`, when given).
pub fn suggest(name: &str, on: Option<NaiveDate>) -> Vec<&'static Province> {
    let k = name_key(name);
    let limit = (k.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &'static Province)> = index()
        .iter()
        .filter(|(_, p)| on.is_none_or(|d| p.in_force(d)))
        .map(|(pk, p)| (edit_distance(&k, pk), *p))
        .filter(|&(d, _)| d <= limit)
        .collect();
    scored.sort_by_key(|&(d, p)| (d, p.id));
    let mut best = distinct(scored.into_iter().map(|(_, p)| p));
    best.truncate(3);
    best
}
