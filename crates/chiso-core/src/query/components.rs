//! Where a unit stands on each component of an index in one period, weakest first: its
//! figure, the median and the best of the units with a figure, its rank among them and its
//! change on the period before. The question a provincial plan asks: which areas are in the
//! lowest-scoring group of each index.

use crate::contract::catalogue::{IndexFamily, INDICES};
use crate::contract::components::Component;
use crate::contract::model::{Dataset, Observation};
use crate::contract::period::Period;
use crate::order;
use crate::query::stat::Stat;
use crate::query::units::peers;

/// How many of the weakest components make the lowest-scoring group.
pub const LOWEST: usize = 3;

/// Below this many units with a figure, a rank says little: components go by score.
const RANKED_FROM: usize = 5;

/// One component's row.
#[derive(Clone, Debug)]
pub struct Standing<'a> {
    pub component: &'static Component,
    /// The indicator id, `pci.labor_training`.
    pub id: String,
    pub figure: &'a Observation,
    pub median: f64,
    pub best: f64,
    /// 1 is best; ties share a rank.
    pub rank: usize,
    /// How many units have a figure, the unit included.
    pub of: usize,
    /// On the unit's figure for the period before, where it has one.
    pub change: Option<f64>,
    /// The component's scale: its own maximum, or the family's.
    pub scale: (f64, f64),
}

/// What "weakest" was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// The worst rank among the units with a figure, as a share of how many.
    Rank,
    /// Only the unit's own figures are known (or too few others): the lowest score, as a
    /// share of the component's scale.
    Score,
}

#[derive(Clone, Debug)]
pub struct Standings<'a> {
    pub family: &'static IndexFamily,
    pub period: Period,
    pub order: Order,
    /// Weakest first.
    pub rows: Vec<Standing<'a>>,
}

impl Standings<'_> {
    /// The lowest-scoring group: the first `LOWEST` rows.
    pub fn lowest(&self) -> &[Standing<'_>] {
        &self.rows[..self.rows.len().min(LOWEST)]
    }

    /// The component that fell most since the period before, if any fell.
    pub fn largest_fall(&self) -> Option<&Standing<'_>> {
        let fall = |s: &&Standing| s.change.filter(|c| *c < 0.0);
        self.rows
            .iter()
            .filter(|s| fall(s).is_some())
            .min_by(|a, b| relative(a.change, a.scale).total_cmp(&relative(b.change, b.scale)))
    }
}

/// A change as a share of the scale, so groups of different weights compare.
fn relative(change: Option<f64>, (lo, hi): (f64, f64)) -> f64 {
    change.unwrap_or(0.0) / (hi - lo).max(f64::MIN_POSITIVE)
}

/// The families with components and a figure of one for `unit`, in the catalogue's order.
pub fn families_with_parts(data: &Dataset, unit: &str) -> Vec<&'static IndexFamily> {
    INDICES
        .iter()
        .filter(|f| {
            f.parts
                .list
                .iter()
                .any(|c| !data.series(unit, &f.part_id(c)).is_empty())
        })
        .collect()
}

/// The unit's standing on each component of `family` in the latest period with a component
/// figure that ends by `at`'s end (the latest of all without `at`); `None` without any.
pub fn standings<'a>(
    data: &'a Dataset,
    unit: &str,
    family: &'static IndexFamily,
    at: Option<Period>,
) -> Option<Standings<'a>> {
    let parts = family.parts;
    let ids: Vec<(&'static Component, String)> =
        parts.list.iter().map(|c| (c, family.part_id(c))).collect();
    let period = ids
        .iter()
        .flat_map(|(_, id)| data.series(unit, id))
        .map(|o| o.period)
        .filter(|p| at.is_none_or(|a| p.end() <= a.end()))
        .max()?;
    let peers = peers(data, unit);
    let mut rows: Vec<Standing> = ids
        .into_iter()
        .filter_map(|(component, id)| {
            let figure = data.value(unit, &id, &period)?;
            let mut all: Vec<f64> = peers
                .iter()
                .filter_map(|u| data.value(&u.id, &id, &period).map(|o| o.value))
                .collect();
            order::sort_by(&mut all, |a, b| b.total_cmp(a));
            let rank = 1 + all.iter().filter(|v| **v > figure.value).count();
            let change = period
                .previous()
                .and_then(|p| data.value(unit, &id, &p))
                .map(|before| figure.value - before.value);
            Some(Standing {
                component,
                figure,
                median: Stat::Median.of(&all)?,
                best: all[0],
                rank,
                of: all.len(),
                change,
                scale: (parts.scale.0, component.max.unwrap_or(parts.scale.1)),
                id,
            })
        })
        .collect();
    let order = if rows.iter().all(|s| s.of >= RANKED_FROM) {
        Order::Rank
    } else {
        Order::Score
    };
    let share = |s: &Standing| (s.figure.value - s.scale.0) / (s.scale.1 - s.scale.0);
    order::sort_by(&mut rows, |a, b| {
        let by_score = share(a).total_cmp(&share(b));
        match order {
            // The worse rank first (a larger share of the field ahead), then the lower score.
            Order::Rank => {
                let place = |s: &Standing| s.rank as f64 / s.of as f64;
                place(b).total_cmp(&place(a)).then(by_score)
            }
            Order::Score => by_score,
        }
    });
    Some(Standings {
        family,
        period,
        order,
        rows,
    })
}
