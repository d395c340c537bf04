//! What the views ask of the loaded data: the `Query` every chart and card answers, the units,
//! peers and periods the pickers offer, derived series, the assessment against targets, the
//! statistic a comparison is read against, and where a unit stands on an index's components.

pub mod components;
pub mod derive;
pub mod periods;
pub mod stat;
pub mod status;
pub mod units;

use crate::contract::lang::Lang;
use crate::contract::model::Dataset;
use crate::contract::period::Period;
use crate::ingest::finding::Finding;

/// What every chart is asked for: a unit of the loaded data, in a language, over a range.
#[derive(Clone, Copy)]
pub struct Query<'a> {
    pub data: &'a Dataset,
    pub findings: &'a [Finding],
    pub unit: &'a str,
    pub lang: Lang,
    /// Inclusive bounds on periods; `None` is open.
    pub from: Option<Period>,
    pub to: Option<Period>,
}

impl Query<'_> {
    /// Whether a period overlaps the range.
    pub fn in_range(&self, p: &Period) -> bool {
        self.from.is_none_or(|f| p.end() >= f.start()) && self.by_end(p)
    }

    /// Whether a period starts by the range's end: what "the latest figure" may be.
    pub fn by_end(&self, p: &Period) -> bool {
        self.to.is_none_or(|t| p.start() <= t.end())
    }

    /// The selected unit's name, or its id when the data does not name it.
    pub fn unit_name(&self) -> String {
        self.data
            .unit(self.unit)
            .map_or(self.unit.to_string(), |u| u.name.get(self.lang).to_string())
    }

    /// An indicator's catalogue name, or its id when the catalogue does not know it.
    pub fn indicator_name(&self, id: &str) -> String {
        self.data
            .catalogue
            .get(id)
            .map_or_else(|| id.to_string(), |d| d.name.get(self.lang).to_string())
    }
}
