//! The loaded data: units, observations and targets from every accepted file, deduplicated and
//! sorted so that a series is one contiguous slice.

use crate::contract::catalogue::{same_series, Catalogue};
use crate::contract::lang::Lang;
use crate::contract::period::Period;
pub use crate::contract::shared::SharedStr;
use crate::contract::text::Text;
use crate::order;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Nation,
    Province,
    District,
    Commune,
    Agency,
}

impl Level {
    /// The level a file names in lower case (`"province"`).
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.name() == s)
    }

    pub fn name(self) -> &'static str {
        match self {
            Level::Nation => "nation",
            Level::Province => "province",
            Level::District => "district",
            Level::Commune => "commune",
            Level::Agency => "agency",
        }
    }

    pub const ALL: [Level; 5] = [
        Level::Nation,
        Level::Province,
        Level::District,
        Level::Commune,
        Level::Agency,
    ];

    /// The name of a group of units of this level, for pickers.
    pub fn plural(self, lang: crate::contract::lang::Lang) -> &'static str {
        match self {
            Level::Nation => lang.pick("Toàn quốc", "Nation"),
            Level::Province => lang.pick("Tỉnh, thành phố", "Provinces"),
            Level::District => lang.pick("Huyện, quận", "Districts"),
            Level::Commune => lang.pick("Xã, phường", "Communes"),
            Level::Agency => lang.pick("Sở, ban, ngành", "Departments and boards"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub id: String,
    pub name: Text,
    pub level: Level,
    pub code: Option<String>,
    pub parent: Option<String>,
    /// The unit it was merged into, from the day after `until`.
    pub successor: Option<String>,
    pub until: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Source {
    pub title: Option<Text>,
    pub date: Option<String>,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Publisher {
    pub name: Text,
    pub url: Option<String>,
}

/// One accepted file's own facts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileMeta {
    pub name: String,
    pub title: Option<Text>,
    pub publisher: Option<Publisher>,
    pub published: Option<NaiveDate>,
    pub illustrative: bool,
    pub sources: BTreeMap<String, Source>,
}

/// One figure. Its texts are shared with every other figure that carries the same one, so a
/// national file's figures cost a few words each.
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    pub unit: SharedStr,
    pub indicator: SharedStr,
    pub period: Period,
    pub value: f64,
    /// How many units were ranked, for ranks.
    pub of: Option<f64>,
    /// The report's own name for the period, e.g. `quý III` for a date interval.
    pub label: Option<SharedStr>,
    pub source: Option<SharedStr>,
    /// Index into `Dataset::files`.
    pub file: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub unit: SharedStr,
    pub indicator: SharedStr,
    pub by: Period,
    pub value: f64,
    /// The period progress is measured from; the series' first figure when absent.
    pub baseline: Option<Period>,
    pub source: Option<SharedStr>,
    pub file: usize,
}

/// Where one unit's figures of one indicator sit in `Dataset::observations`.
#[derive(Clone, Debug)]
struct Series {
    unit: SharedStr,
    indicator: SharedStr,
    range: Range<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub files: Vec<FileMeta>,
    pub units: Vec<Unit>,
    pub catalogue: Catalogue,
    /// Sorted by unit, indicator, period; one figure per key.
    pub observations: Vec<Observation>,
    pub targets: Vec<Target>,
    /// Sorted by unit and indicator, as the observations are.
    series: Vec<Series>,
    /// Ids of units with at least one figure: pickers ask for them on every render.
    with_data: HashSet<SharedStr>,
}

impl Dataset {
    pub fn new(
        files: Vec<FileMeta>,
        units: Vec<Unit>,
        catalogue: Catalogue,
        mut observations: Vec<Observation>,
        targets: Vec<Target>,
    ) -> Dataset {
        fn key(o: &Observation) -> (&SharedStr, &SharedStr, Period) {
            (&o.unit, &o.indicator, o.period)
        }
        // The loader hands them over sorted: checking is cheaper than a sort's scratch copy.
        if !observations.is_sorted_by(|a, b| key(a) <= key(b)) {
            order::sort_by(&mut observations, |a, b| key(a).cmp(&key(b)));
        }
        let mut series = Vec::new();
        let mut start = 0;
        for run in observations.chunk_by(|a, b| a.unit == b.unit && a.indicator == b.indicator) {
            series.push(Series {
                unit: run[0].unit.clone(),
                indicator: run[0].indicator.clone(),
                range: start..start + run.len(),
            });
            start += run.len();
        }
        let with_data = series.iter().map(|s| s.unit.clone()).collect();
        Dataset {
            files,
            units,
            catalogue,
            observations,
            targets,
            series,
            with_data,
        }
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The unit `u` goes on as: its successor, when that keeps `u`'s name (Đà Nẵng into the
    /// larger Đà Nẵng). Names are compared in Vietnamese ("Da Nang" is "Đà Nẵng").
    pub fn continues_as(&self, u: &Unit) -> Option<&Unit> {
        let s = self.unit(u.successor.as_deref()?)?;
        (s.name.get(Lang::Vi) == u.name.get(Lang::Vi)).then_some(s)
    }

    /// The first day of `u` where units were merged into it: the day after their last.
    pub fn began(&self, u: &Unit) -> Option<NaiveDate> {
        let last = self
            .units
            .iter()
            .filter(|p| p.successor.as_deref() == Some(u.id.as_str()));
        last.filter_map(|p| p.until).max()?.succ_opt()
    }

    /// The unit `u` was merged into: its successor, unless `u` goes on as it.
    pub fn merged_into(&self, u: &Unit) -> Option<&Unit> {
        let s = self.unit(u.successor.as_deref()?)?;
        self.continues_as(u).is_none().then_some(s)
    }

    /// Where the figures of one indicator for one unit sit, if it has any.
    pub fn range(&self, unit: &str, indicator: &str) -> Option<Range<usize>> {
        let i = self
            .series
            .binary_search_by(|s| (s.unit.as_str(), s.indicator.as_str()).cmp(&(unit, indicator)))
            .ok()?;
        Some(self.series[i].range.clone())
    }

    /// The figures of one indicator for one unit, oldest first.
    pub fn series(&self, unit: &str, indicator: &str) -> &[Observation] {
        self.range(unit, indicator)
            .map_or(&[], |r| &self.observations[r])
    }

    /// A series continued across a rename (level 3 → partial): both ids, merged by period.
    pub fn continued_series(&self, unit: &str, indicator: &str) -> Vec<&Observation> {
        let mut all: Vec<&Observation> = self.series(unit, indicator).iter().collect();
        if let Some(other) = same_series(indicator) {
            for o in self.series(unit, other) {
                if !all.iter().any(|a| a.period == o.period) {
                    all.push(o);
                }
            }
            order::sort_by_key(&mut all, |o| o.period);
        }
        all
    }

    pub fn value(&self, unit: &str, indicator: &str, period: &Period) -> Option<&Observation> {
        self.find(unit, indicator, period)
            .map(|i| &self.observations[i])
    }

    /// Index into `observations` of one figure.
    pub fn find(&self, unit: &str, indicator: &str, period: &Period) -> Option<usize> {
        let range = self.range(unit, indicator)?;
        let s = &self.observations[range.clone()];
        s.binary_search_by(|o| o.period.cmp(period))
            .ok()
            .map(|i| range.start + i)
    }

    pub fn targets_for(&self, unit: &str, indicator: &str) -> impl Iterator<Item = &Target> {
        let (unit, indicator) = (unit.to_string(), indicator.to_string());
        self.targets
            .iter()
            .filter(move |t| t.unit == unit && t.indicator == indicator)
    }

    /// Units that have at least one figure, in declaration order.
    pub fn units_with_data(&self) -> impl Iterator<Item = &Unit> {
        self.units
            .iter()
            .filter(|u| self.with_data.contains(u.id.as_str()))
    }

    pub fn has_indicator_prefix(&self, unit: &str, prefix: &str) -> bool {
        self.series
            .iter()
            .any(|s| s.unit == unit && s.indicator.starts_with(prefix))
    }

    pub fn is_illustrative(&self, o: &Observation) -> bool {
        self.files.get(o.file).is_some_and(|f| f.illustrative)
    }

    pub fn source_title(&self, file: usize, key: Option<&str>) -> Option<&Text> {
        let f = self.files.get(file)?;
        key.and_then(|k| f.sources.get(k))
            .and_then(|s| s.title.as_ref())
            .or(f.title.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(unit: &str, indicator: &str, year: i32) -> Observation {
        Observation {
            unit: unit.into(),
            indicator: indicator.into(),
            period: Period::Year(year),
            value: f64::from(year),
            of: None,
            label: None,
            source: None,
            file: 0,
        }
    }

    #[test]
    fn a_figure_costs_ten_words_and_no_allocation_of_its_own() {
        // A national file holds about 83,000 of them.
        assert!(std::mem::size_of::<Observation>() <= 80);
    }

    #[test]
    fn series_are_found_whatever_order_the_figures_came_in() {
        let data = Dataset::new(
            Vec::new(),
            Vec::new(),
            Catalogue::default(),
            vec![
                obs("b", "x", 2021),
                obs("a", "y", 2020),
                obs("b", "x", 2020),
            ],
            Vec::new(),
        );
        let years = |u, i| -> Vec<f64> { data.series(u, i).iter().map(|o| o.value).collect() };
        assert_eq!(years("b", "x"), [2020.0, 2021.0]);
        assert_eq!(years("a", "y"), [2020.0]);
        assert!(years("a", "x").is_empty() && years("c", "y").is_empty());
        assert_eq!(data.find("b", "x", &Period::Year(2021)), Some(2));
        assert!(data.has_indicator_prefix("a", "y") && !data.has_indicator_prefix("a", "x"));
    }
}
