//! Where a chart's periods sit in time: their spans in days, the mergers that change the
//! unit's territory within them, and the gaps an index's publisher is known to leave.

use crate::contract::components::KnownGap;
use crate::contract::lang::Lang;
use crate::contract::model::Dataset;
use crate::contract::period::{day, Period};
use crate::render::scale::day_number as days;
use crate::render::spec::{Boundary, ChartSpec, Gap};
use chrono::NaiveDate;

/// Each period's first day and the day after its last.
pub(super) fn spans(periods: &[Period]) -> Vec<(f64, f64)> {
    periods
        .iter()
        .map(|p| (days(p.start()), days(p.end()) + 1.0))
        .collect()
}

/// The mergers within the time shown: the unit taking others in, or itself merged away; each
/// a rule and a note ("Từ 01/07/2025: Đà Nẵng gồm cả Quảng Nam").
pub(super) fn mergers(
    data: &Dataset,
    unit: &str,
    spans: &[(f64, f64)],
    lang: Lang,
) -> (Vec<Boundary>, Vec<String>) {
    let (Some(first), Some(end)) = (
        spans.iter().map(|s| s.0).reduce(f64::min),
        spans.iter().map(|s| s.1).reduce(f64::max),
    ) else {
        return (Vec::new(), Vec::new());
    };
    let name = |id: &str| data.unit(id).map_or(id, |u| u.name.get(lang)).to_string();
    let mut taken_in: Vec<(NaiveDate, Vec<&str>)> = Vec::new();
    let mut merged_into: Option<(NaiveDate, String)> = None;
    // A unit that goes on as its successor says what joined it, not that it merged away.
    let continues_as = data
        .unit(unit)
        .and_then(|u| data.continues_as(u))
        .map(|s| s.id.as_str());
    for u in &data.units {
        let (Some(from), Some(successor)) = (u.until.and_then(|d| d.succ_opt()), &u.successor)
        else {
            continue;
        };
        let joins = successor == unit || (u.id != unit && continues_as == Some(successor));
        if joins {
            match taken_in.iter_mut().find(|(d, _)| *d == from) {
                Some((_, names)) => names.push(u.name.get(lang)),
                None => taken_in.push((from, vec![u.name.get(lang)])),
            }
        } else if u.id == unit && continues_as.is_none() {
            merged_into = Some((from, name(successor)));
        }
    }
    let here = name(unit);
    let mut changes: Vec<(NaiveDate, String)> = Vec::new();
    for (from, names) in taken_in {
        let names = names.join(", ");
        changes.push((
            from,
            match lang {
                Lang::Vi => format!("{here} gồm cả {names}"),
                Lang::En => format!("{here} includes {names}"),
            },
        ));
    }
    if let Some((from, into)) = merged_into {
        changes.push((
            from,
            match lang {
                Lang::Vi => format!("{here} sáp nhập vào {into}"),
                Lang::En => format!("{here} merged into {into}"),
            },
        ));
    }
    let mut rules = Vec::new();
    let mut notes = Vec::new();
    for (from, text) in changes {
        let at = days(from);
        if at <= first || at > end {
            continue;
        }
        let when = day(from, lang);
        notes.push(format!("{} {when}: {text}", lang.pick("Từ", "From")));
        rules.push(Boundary {
            day: at,
            label: lang.pick("Sáp nhập", "Merger").into(),
        });
    }
    (rules, notes)
}

/// Marks the stretches between a series' figures that its index is known to leave empty, with
/// the reason in the notes, once each.
pub(super) fn known_gaps(spec: &mut ChartSpec, series: usize, known: &[KnownGap]) {
    let lang = spec.lang;
    let Some(values) = spec.series.get(series).map(|s| &s.values) else {
        return;
    };
    let figures: Vec<(f64, f64)> = spec
        .spans
        .iter()
        .zip(values)
        .filter(|(_, v)| v.is_some())
        .map(|(s, _)| *s)
        .collect();
    let mut gaps = Vec::new();
    let mut notes = Vec::new();
    for pair in figures.windows(2) {
        let (from, to) = (pair[0].1, pair[1].0);
        for k in known {
            let start = year_start(k.years.0).max(from);
            let end = year_start(k.years.1.saturating_add(1)).min(to);
            if end <= start {
                continue;
            }
            gaps.push(Gap {
                from: start,
                to: end,
                label: lang.pick(k.label[0], k.label[1]).into(),
            });
            let reason = lang.pick(k.reason[0], k.reason[1]).to_string();
            if !notes.contains(&reason) {
                notes.push(reason);
            }
        }
    }
    spec.gaps.extend(gaps);
    spec.notes.extend(notes);
}

/// 1 January of `year`, in days; years past the calendar's reach run to its end.
fn year_start(year: i32) -> f64 {
    NaiveDate::from_ymd_opt(year.min(262_000), 1, 1).map_or(f64::MAX, days)
}
