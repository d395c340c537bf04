//! The loaded data: units, observations and targets from every accepted file, deduplicated and
//! sorted so that a series is one contiguous slice.

use crate::contract::catalogue::{same_series, Catalogue};
use crate::contract::period::Period;
use crate::contract::text::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Nation,
    Province,
    District,
    Commune,
    Agency,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        serde_json::from_value(serde_json::Value::from(s)).ok()
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

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Source {
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Publisher {
    pub name: Text,
    #[serde(default)]
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

#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    pub unit: String,
    pub indicator: String,
    pub period: Period,
    pub value: f64,
    /// How many units were ranked, for ranks.
    pub of: Option<f64>,
    /// The report's own name for the period, e.g. `quý III` for a date interval.
    pub label: Option<String>,
    pub source: Option<String>,
    /// Index into `Dataset::files`.
    pub file: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub unit: String,
    pub indicator: String,
    pub by: Period,
    pub value: f64,
    /// The period progress is measured from; the series' first figure when absent.
    pub baseline: Option<Period>,
    pub source: Option<String>,
    pub file: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub files: Vec<FileMeta>,
    pub units: Vec<Unit>,
    pub catalogue: Catalogue,
    /// Sorted by unit, indicator, period; one figure per key.
    pub observations: Vec<Observation>,
    pub targets: Vec<Target>,
    series: HashMap<(String, String), Range<usize>>,
    /// Ids of units with at least one figure: pickers ask for them on every render.
    with_data: HashSet<String>,
}

impl Dataset {
    pub fn new(
        files: Vec<FileMeta>,
        units: Vec<Unit>,
        catalogue: Catalogue,
        mut observations: Vec<Observation>,
        targets: Vec<Target>,
    ) -> Dataset {
        observations.sort_by(|a, b| {
            (&a.unit, &a.indicator, a.period).cmp(&(&b.unit, &b.indicator, b.period))
        });
        let mut series = HashMap::new();
        let mut start = 0;
        for i in 1..=observations.len() {
            let boundary = i == observations.len()
                || observations[i].unit != observations[start].unit
                || observations[i].indicator != observations[start].indicator;
            if boundary {
                let o = &observations[start];
                series.insert((o.unit.clone(), o.indicator.clone()), start..i);
                start = i;
            }
        }
        let with_data = series.keys().map(|(unit, _)| unit.clone()).collect();
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

    /// The figures of one indicator for one unit, oldest first.
    pub fn series(&self, unit: &str, indicator: &str) -> &[Observation] {
        self.series
            .get(&(unit.to_string(), indicator.to_string()))
            .map_or(&[], |r| &self.observations[r.clone()])
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
            all.sort_by_key(|o| o.period);
        }
        all
    }

    pub fn value(&self, unit: &str, indicator: &str, period: &Period) -> Option<&Observation> {
        self.find(unit, indicator, period)
            .map(|i| &self.observations[i])
    }

    /// Index into `observations` of one figure.
    pub fn find(&self, unit: &str, indicator: &str, period: &Period) -> Option<usize> {
        let range = self
            .series
            .get(&(unit.to_string(), indicator.to_string()))?;
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
        self.units.iter().filter(|u| self.with_data.contains(&u.id))
    }

    pub fn has_indicator_prefix(&self, unit: &str, prefix: &str) -> bool {
        self.series
            .keys()
            .any(|(u, i)| u == unit && i.starts_with(prefix))
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
