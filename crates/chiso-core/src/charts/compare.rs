//! One indicator across the selected unit's peers in one period: best first, the selected
//! unit highlighted, ranks as published, the median as a rule, and the peers without a
//! figure named.

use super::builder::{Builder, Look, BAR};
use crate::contract::catalogue::{Better, IndicatorDef};
use crate::contract::lang::Lang;
use crate::contract::model::{Observation, Unit};
use crate::contract::period::{day, Period};
use crate::order;
use crate::query::stat::Stat;
use crate::query::units::peers;
use crate::query::Query;
use crate::render::numbers::NumberStyle;
use crate::render::spec::{AxisSpec, ChartSpec, Rule, Side};
use chrono::NaiveDate;

/// Every unit of the selected unit's level on one indicator and period, best first, read
/// against their median. See `compare_by`.
pub fn compare(q: Query, indicator: &str, period: Option<Period>) -> ChartSpec {
    compare_by(q, indicator, period, Stat::Median)
}

/// Every unit of the selected unit's level on one indicator and period: horizontal bars, best
/// first, the selected unit highlighted, the rank each was published with, and `stat` of all
/// figures as a rule. A unit merged away is shown under its own name with its successor; one
/// without a figure for the period is named in a note, never dropped silently.
pub fn compare_by(q: Query, indicator: &str, period: Option<Period>, stat: Stat) -> ChartSpec {
    let (data, lang) = (q.data, q.lang);
    let def = data.catalogue.get(indicator);
    let peers = peers(data, q.unit);
    // The latest period any peer reports, unless one is asked for.
    let period = period.or_else(|| {
        peers
            .iter()
            .filter_map(|u| data.series(&u.id, indicator).last())
            .map(|o| o.period)
            .max()
    });
    let mut rows: Vec<(&Unit, &Observation)> = peers
        .iter()
        .filter_map(|u| Some((*u, data.value(&u.id, indicator, &period?)?)))
        .collect();
    let better = def.map_or(Better::Higher, IndicatorDef::better);
    order::sort_by(&mut rows, |(_, a), (_, b)| match better {
        Better::Higher => b.value.total_cmp(&a.value),
        Better::Lower => a.value.total_cmp(&b.value),
    });
    let mut b = Builder::over_units(q, indicator, rows.iter().map(|(u, _)| *u).collect());
    let sources: Vec<Option<String>> = rows.iter().map(|(_, o)| b.figure(o)).collect();
    let style = def.map_or(NumberStyle::Fixed(2), NumberStyle::for_indicator);
    let name = q.indicator_name(indicator);
    let values: Vec<f64> = rows.iter().map(|(_, o)| o.value).collect();
    b.keep(Look::new(BAR, Side::Left, 0).series(
        indicator,
        name.clone(),
        style,
        values.iter().map(|v| Some(*v)).collect(),
        sources,
    ));
    let period_label = period.map_or_else(String::new, |p| p.label(lang));
    let title = format!("{name} – {period_label}");
    let axis = AxisSpec {
        title: name,
        style,
        inverted: false,
        // Bar length encodes the value: bars always start at zero.
        from_zero: true,
        domain: None,
    };
    let mut spec = b.finish("compare", title, axis);
    spec.horizontal = true;
    spec.highlight = rows.iter().position(|(u, _)| u.id == q.unit);
    // The rank published with a score, for the same period.
    if let (Some(family), Some(p)) = (indicator.strip_suffix(".score"), period) {
        let rank = format!("{family}.rank");
        spec.ranks = rows
            .iter()
            .map(|(u, _)| data.value(&u.id, &rank, &p).map(|o| o.value))
            .collect();
    }
    // `values` are in ranking order, as `Stat::of` needs them.
    spec.rules.extend(stat.of(&values).map(|v| Rule {
        value: v,
        band_to: None,
        side: Side::Left,
        label: format!("{}: {}", stat.name(lang), style.format(v, lang)),
        color: 7,
    }));
    spec.notes = without_figure(&q, indicator, &peers, &rows, period);
    spec
}

/// The notes naming the peers with no figure for the period, each once: those merged into
/// another unit by then apart, by the day after which they were, with the unit each went into.
/// A unit formed after the period (by a merger) is not named: it had no figure to give. Peers
/// that publish no figure of the indicator at all are counted, not named: a province with
/// only its PCI is no gap in a comparison of dossiers.
fn without_figure(
    q: &Query,
    indicator: &str,
    peers: &[&Unit],
    rows: &[(&Unit, &Observation)],
    period: Option<Period>,
) -> Vec<String> {
    let (data, lang) = (q.data, q.lang);
    let ends = period.map(|p| p.end());
    let mut plain: Vec<&str> = Vec::new();
    let mut merged: Vec<(NaiveDate, Vec<String>)> = Vec::new();
    let existed = |u: &Unit| data.began(u).is_none_or(|b| ends.is_none_or(|e| e >= b));
    let (publishing, silent): (Vec<&Unit>, Vec<&Unit>) = peers
        .iter()
        .filter(|u| !rows.iter().any(|(r, _)| r.id == u.id) && existed(u))
        .partition(|u| !data.continued_series(&u.id, indicator).is_empty());
    for u in publishing {
        let name = u.name.get(lang);
        let gone = u.until.filter(|until| ends.is_none_or(|e| e > *until));
        let (Some(into), Some(until)) = (data.merged_into(u), gone) else {
            // A unit going on under its own name and its successor are one place: named once,
            // and not at all when one of the two has a figure.
            let shown = rows.iter().any(|(r, _)| r.name.get(lang) == name);
            if !shown && !plain.contains(&name) {
                plain.push(name);
            }
            continue;
        };
        let label = format!(
            "{name} ({} {})",
            lang.pick("vào", "into"),
            into.name.get(lang)
        );
        match merged.iter_mut().find(|(d, _)| *d == until) {
            Some((_, names)) => names.push(label),
            None => merged.push((until, vec![label])),
        }
    }
    let mut notes = Vec::new();
    if !plain.is_empty() {
        let head = lang.pick("Không có số liệu kỳ này", "No figure for this period");
        notes.push(format!("{head}: {}.", plain.join("; ")));
    }
    let starts = period.map(|p| p.start());
    let lasted = |u: &&Unit| {
        u.until
            .is_none_or(|until| starts.is_none_or(|s| s <= until))
    };
    let n = silent.into_iter().filter(lasted).count();
    if n > 0 {
        notes.push(match lang {
            Lang::Vi => format!("{n} đơn vị khác cùng cấp không công bố chỉ tiêu này."),
            Lang::En => format!("{n} other units of this level publish no figure of it."),
        });
    }
    for (until, names) in merged {
        let head = lang.pick("Đã sáp nhập sau", "Merged after");
        notes.push(format!(
            "{head} {}: {}.",
            day(until, lang),
            names.join("; ")
        ));
    }
    notes
}
