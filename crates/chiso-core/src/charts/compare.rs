//! One indicator across the selected unit's peers in one period: best first, the selected
//! unit highlighted, and the peers without a figure named.

use super::builder::{unit_label, Builder, Look, BAR};
use crate::contract::catalogue::{Better, IndicatorDef};
use crate::contract::lang::Lang;
use crate::contract::model::{Observation, Unit};
use crate::contract::period::{day, Period};
use crate::query::units::peers;
use crate::query::Query;
use crate::render::numbers::NumberStyle;
use crate::render::spec::{AxisSpec, ChartSpec, Side};

/// Every unit of the selected unit's level on one indicator and period, best first, the
/// selected unit highlighted. A unit merged away is shown under its own name with its
/// successor; one without a figure for the period is named in a note, never dropped silently.
pub fn compare(q: Query, indicator: &str, period: Option<Period>) -> ChartSpec {
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
    rows.sort_by(|(_, a), (_, b)| match better {
        Better::Higher => b.value.total_cmp(&a.value),
        Better::Lower => a.value.total_cmp(&b.value),
    });
    let mut b = Builder::over_units(q, indicator, rows.iter().map(|(u, _)| *u).collect());
    let sources: Vec<Option<String>> = rows.iter().map(|(_, o)| b.figure(o)).collect();
    let style = def.map_or(NumberStyle::Fixed(2), NumberStyle::for_indicator);
    let values = |selected: bool| {
        rows.iter()
            .map(|(u, o)| ((u.id == q.unit) == selected).then_some(o.value))
            .collect()
    };
    b.keep(Look::new(BAR, Side::Left, 5).series(
        &format!("{indicator}.selected"),
        q.unit_name(),
        style,
        values(true),
        sources.clone(),
    ));
    b.keep(Look::new(BAR, Side::Left, 0).series(
        &format!("{indicator}.others"),
        lang.pick("Các đơn vị khác", "Other units").into(),
        style,
        values(false),
        sources,
    ));
    let name = q.indicator_name(indicator);
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
    spec.notes = without_figure(&q, &peers, &rows);
    spec
}

/// The note naming the peers with no figure for the period, merged units with their date.
fn without_figure(q: &Query, peers: &[&Unit], rows: &[(&Unit, &Observation)]) -> Vec<String> {
    let (data, lang) = (q.data, q.lang);
    let missing: Vec<String> = peers
        .iter()
        .filter(|u| !rows.iter().any(|(r, _)| r.id == u.id))
        .map(|u| {
            let label = unit_label(u, data, lang);
            match (&u.successor, u.until) {
                (Some(_), Some(until)) => match lang {
                    Lang::Vi => format!("{label} (đã sáp nhập sau {})", day(until, lang)),
                    Lang::En => format!("{label} (merged after {})", day(until, lang)),
                },
                _ => label,
            }
        })
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    vec![format!(
        "{}: {}",
        lang.pick("Không có số liệu kỳ này", "No figure for this period"),
        missing.join("; ")
    )]
}
