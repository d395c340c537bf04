//! The contract's checks on figures: a value against its indicator's kind and scale, and the
//! arithmetic identities of a dossier report.

use crate::contract::catalogue::{component, IndicatorDef, Kind};
use crate::contract::components::Component;
use crate::contract::model::{Dataset, Observation, Unit};
use crate::contract::period::Period;
use crate::ingest::finding::{Identity, Message, Severity};
use crate::order;
use chrono::NaiveDate;

/// A problem with one value, and the field it is about.
#[derive(Debug, PartialEq)]
pub struct ValueProblem {
    pub severity: Severity,
    pub field: &'static str,
    pub message: Message,
}

fn problem(severity: Severity, field: &'static str, message: Message) -> ValueProblem {
    ValueProblem {
        severity,
        field,
        message,
    }
}

/// Checks a figure against its indicator. `of` is `Some` for observed ranks; targets pass `None`
/// with `is_target`, since a target rank needs no count of ranked units.
pub fn check_value(
    def: &IndicatorDef,
    value: f64,
    of: Option<f64>,
    is_target: bool,
) -> Vec<ValueProblem> {
    use Severity::{Error, Warning};
    let mut out = Vec::new();
    match def.kind {
        Kind::Count if value < 0.0 => {
            out.push(problem(Error, "value", Message::Negative { value }))
        }
        Kind::Count if value.fract() != 0.0 => {
            out.push(problem(Warning, "value", Message::NotWhole { value }))
        }
        Kind::Count => {}
        Kind::Score | Kind::Percent => {
            if let Some((min, max)) = def.scale() {
                if value < min || value > max {
                    out.push(problem(
                        Error,
                        "value",
                        Message::OutOfScale { value, min, max },
                    ));
                }
            }
        }
        Kind::Rank => {
            if value < 1.0 || value.fract() != 0.0 {
                out.push(problem(
                    Error,
                    "value",
                    Message::RankOutOfRange {
                        rank: value,
                        of: None,
                    },
                ));
            } else if let Some(of) = of {
                if value > of {
                    out.push(problem(
                        Error,
                        "value",
                        Message::RankOutOfRange {
                            rank: value,
                            of: Some(of),
                        },
                    ));
                }
            } else if !is_target {
                out.push(problem(Warning, "of", Message::RankWithoutOf));
            }
        }
    }
    out
}

/// A broken identity: the observation to attach it to and what is wrong.
#[derive(Debug, PartialEq)]
pub struct SumProblem {
    /// Index into `Dataset::observations` of the figure the warning sits on.
    pub at: usize,
    pub indicators: Vec<&'static str>,
    pub message: Message,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// An identity to check: which one, its total and its parts, as places in `DOSSIERS`.
type Sum = (Identity, usize, &'static [usize]);

const RECEIVED: &str = "dossiers.received";
const RESOLVED: &str = "dossiers.resolved";

/// The dossier indicators the identities are made of.
const DOSSIERS: [&str; 8] = [
    RECEIVED,
    RESOLVED,
    "dossiers.carried_over",
    "dossiers.online",
    "dossiers.offline",
    "dossiers.pending",
    "dossiers.resolved_on_time",
    "dossiers.resolved_late",
];

/// The identities: received = carried over + online + offline = resolved + pending, and
/// resolved = on time + late.
const SUMS: [Sum; 3] = [
    (Identity::Intake, 0, &[2, 3, 4]),
    (Identity::Balance, 0, &[1, 5]),
    (Identity::Timeliness, 1, &[6, 7]),
];

/// Checks every unit and period that reports dossier figures. Each unit's dossier series are
/// looked up once, and each period found in them by its date: a national file has thousands.
pub fn check_sums(data: &Dataset) -> Vec<SumProblem> {
    let mut out = Vec::new();
    for unit in data.observations.chunk_by(|a, b| a.unit == b.unit) {
        let unit = unit[0].unit.as_str();
        let series = DOSSIERS.map(|id| data.range(unit, id).unwrap_or(0..0));
        let periods = series[..2]
            .iter()
            .flat_map(|r| data.observations[r.clone()].iter().map(|o| o.period))
            .collect();
        for period in order::sorted_unique(periods) {
            let figures = series.clone().map(|range| {
                let figures = &data.observations[range.clone()];
                let i = figures.binary_search_by(|o| o.period.cmp(&period)).ok()?;
                Some((range.start + i, figures[i].value))
            });
            check_period(&figures, period, &mut out);
        }
    }
    out
}

/// The identities of one unit's dossier figures for one period: `figures` has each of
/// `DOSSIERS` it reports, with its index in `Dataset::observations`.
fn check_period(figures: &[Option<(usize, f64)>; 8], period: Period, out: &mut Vec<SumProblem>) {
    let label = period.to_string();
    for (identity, total, parts) in SUMS {
        let Some((at, total)) = figures[total] else {
            continue;
        };
        let values: Option<Vec<f64>> = parts.iter().map(|&p| Some(figures[p]?.1)).collect();
        let Some(values) = values else { continue };
        let sum: f64 = values.iter().sum();
        if !close(sum, total) {
            let whole = if identity == Identity::Timeliness {
                RESOLVED
            } else {
                RECEIVED
            };
            out.push(SumProblem {
                at,
                indicators: std::iter::once(whole)
                    .chain(parts.iter().map(|&p| DOSSIERS[p]))
                    .collect(),
                message: Message::Sum {
                    identity,
                    period: label.clone(),
                    left: sum,
                    right: total,
                },
            });
        }
    }
    if let (Some((at, resolved)), Some((_, on_time))) = (figures[1], figures[6]) {
        if on_time > resolved && !close(on_time, resolved) {
            out.push(SumProblem {
                at,
                indicators: vec![RESOLVED, DOSSIERS[6]],
                message: Message::OnTimeExceedsResolved {
                    period: label,
                    on_time,
                    resolved,
                },
            });
        }
    }
}

/// How far a count may move from its unit's previous period before a publisher is asked to look
/// again: ten times, or a tenth (three zeros too many, thousands taken for units).
const JUMP: f64 = 10.0;

/// Counts at least `JUMP` times, or at most a `JUMP`th of, the same unit's figure for the period
/// just before, each with that figure: (index of the count, previous value, its period). A
/// warning, never a reason to drop a figure: a new channel can truly grow tenfold.
pub fn implausible_jumps(data: &Dataset) -> Vec<(usize, f64, Period)> {
    let obs = &data.observations;
    (1..obs.len())
        .filter(|&i| {
            let (before, now) = (&obs[i - 1], &obs[i]);
            let counted = || {
                data.catalogue
                    .get(&now.indicator)
                    .is_some_and(|d| d.kind == Kind::Count)
            };
            let ratio = now.value / before.value;
            before.unit == now.unit
                && before.indicator == now.indicator
                && now.period.previous() == Some(before.period)
                && before.value > 0.0
                && now.value > 0.0
                && !(1.0 / JUMP < ratio && ratio < JUMP)
                && counted()
        })
        .map(|i| (i, obs[i - 1].value, obs[i - 1].period))
        .collect()
}

/// A count no unit reports in one period: a billion (more than the country's dossiers in a
/// year many times over). Lone figures too, which no previous period shows to be off.
const HUGE: f64 = 1e9;

/// Counts of `HUGE` or more: likely a typing or export error (`1.5e308`, digits run together).
/// A warning: the figure stays, as published.
pub fn huge_counts(data: &Dataset) -> Vec<usize> {
    let counted = |id: &str| {
        data.catalogue
            .get(id)
            .is_some_and(|d| d.kind == Kind::Count)
    };
    let huge = by_indicator(data, |id| counted(id).then_some(()), |_, o| o.value >= HUGE);
    huge.into_iter().map(|(i, ())| i).collect()
}

/// The observations `keep` picks, by index, with what `about` says of their indicator, among
/// those of indicators it says something of: the figures sit in runs of one indicator, each
/// looked up once, not per figure.
fn by_indicator<A: Copy>(
    data: &Dataset,
    about: impl Fn(&str) -> Option<A>,
    keep: impl Fn(&A, &Observation) -> bool,
) -> Vec<(usize, A)> {
    let mut out = Vec::new();
    let mut start = 0;
    for run in data
        .observations
        .chunk_by(|a, b| a.indicator == b.indicator)
    {
        if let Some(a) = about(&run[0].indicator) {
            let kept = run.iter().enumerate().filter(|(_, o)| keep(&a, o));
            out.extend(kept.map(|(i, _)| (start + i, a)));
        }
        start += run.len();
    }
    out
}

/// Figures of an index component for a year its publisher does not publish it in (before it
/// existed, or a year printed N/A), each with the component's first and last year.
pub fn outside_component_years(data: &Dataset) -> Vec<(usize, (i32, i32))> {
    let published = |c: &&Component, o: &Observation| {
        let year = o.period.year();
        let gap = c
            .gaps
            .iter()
            .any(|g| (g.years.0..=g.years.1).contains(&year));
        c.exists_in(year) && !gap
    };
    let parts = |id: &str| component(id).map(|(_, c)| c);
    let outside = by_indicator(data, parts, |c, o| !published(c, o));
    outside.into_iter().map(|(i, c)| (i, c.years)).collect()
}

/// The figures of units merged into another unit (one of another name: a unit whose successor
/// kept its name goes on as it) for periods that start after the unit's last day, each with
/// the unit it became part of and the unit's last day. Such a figure belongs to the successor.
pub fn after_merger(data: &Dataset) -> Vec<(usize, &Unit, NaiveDate)> {
    let ended: Vec<(&Unit, &Unit, NaiveDate)> = data
        .units
        .iter()
        .filter_map(|u| Some((u, data.merged_into(u)?, u.until?)))
        .collect();
    // The figures sit in runs of one unit: each run's unit is looked up once, not per figure.
    let mut out = Vec::new();
    let mut start = 0;
    for run in data.observations.chunk_by(|a, b| a.unit == b.unit) {
        let unit = &run[0].unit;
        if let Some(&(_, successor, until)) = ended.iter().find(|(u, ..)| u.id == **unit) {
            let after = run.iter().enumerate();
            let after = after.filter(|(_, o)| o.period.start() > until);
            out.extend(after.map(|(i, _)| (start + i, successor, until)));
        }
        start += run.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::catalogue::Catalogue;

    fn def(id: &str) -> IndicatorDef {
        Catalogue::default().get(id).unwrap().clone()
    }

    #[test]
    fn values_against_kinds() {
        assert!(check_value(&def("dossiers.received"), 58463.0, None, false).is_empty());
        assert_eq!(
            check_value(&def("dossiers.received"), -1.0, None, false)[0].message,
            Message::Negative { value: -1.0 }
        );
        assert_eq!(
            check_value(&def("dossiers.received"), 1.5, None, false)[0].severity,
            Severity::Warning
        );
        assert_eq!(
            check_value(&def("ict_index.score"), 4.582, None, false)[0].message,
            Message::OutOfScale {
                value: 4.582,
                min: 0.0,
                max: 1.0
            }
        );
        assert!(check_value(&def("ict_index.score"), 0.4582, None, false).is_empty());
        assert_eq!(
            check_value(&def("pci.rank"), 70.0, Some(63.0), false)[0].message,
            Message::RankOutOfRange {
                rank: 70.0,
                of: Some(63.0)
            }
        );
        assert!(check_value(&def("pci.rank"), 25.0, Some(63.0), false).is_empty());
        assert_eq!(
            check_value(&def("pci.rank"), 25.0, None, false)[0].field,
            "of"
        );
        assert!(check_value(&def("pci.rank"), 15.0, None, true).is_empty());
        assert_eq!(check_value(&def("papi.score"), 5.0, None, false).len(), 1);
    }

    #[test]
    fn a_figure_after_a_merger_into_another_unit_is_a_warning() {
        use crate::contract::lang::Lang;
        use crate::ingest::load::{load, Input};
        let file = r#"{ "format": "chiso-metrics/1", "observations": [
            { "unit": "quang-nam", "indicator": "dossiers.received", "period": "2025-Q2", "value": 5 },
            { "unit": "quang-nam", "indicator": "dossiers.received", "period": "2025-Q3", "value": 6 },
            { "unit": "da-nang", "indicator": "dossiers.received", "period": "2025-Q3", "value": 7 },
            { "unit": "da-nang-2025", "indicator": "dossiers.received", "period": "2025-Q4", "value": 8 } ] }"#;
        let l = load(&[Input {
            name: "a.json",
            bytes: file.as_bytes(),
            sha256: None,
        }]);
        let found: Vec<_> = l
            .findings
            .iter()
            .filter(|f| matches!(f.message, Message::AfterMerger { .. }))
            .collect();
        // Quảng Nam's 2025-Q3 alone: Đà Nẵng goes on under its own name, and 2025-Q2 is its last.
        assert_eq!(found.len(), 1, "{:?}", l.findings);
        let f = found[0];
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.location.as_ref().map(|l| l.line), Some(3));
        assert_eq!(
            f.message.text(Lang::Vi),
            "số liệu 2025-Q3 của một đơn vị đã sáp nhập vào da-nang-2025 sau ngày 2025-06-30: \
             số liệu từ đó thuộc về da-nang-2025; hiển thị đúng như công bố"
        );
        // The figure stays, as published.
        assert_eq!(l.data.observations.len(), 4);
    }
}
