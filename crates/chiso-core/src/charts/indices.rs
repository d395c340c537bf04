//! The national indices over time, one chart for a score and one for a rank, and one for each
//! of an index's components: each against its target, with the recent trend projected to the
//! target's date.

use super::builder::{unit_title, Builder, Look};
use super::time::known_gaps;
use crate::contract::catalogue::{Better, IndexFamily, IndicatorDef, Kind};
use crate::contract::components::{Component, KnownGap};
use crate::contract::lang::Lang;
use crate::contract::model::Target;
use crate::contract::period::Period;
use crate::query::status::{assess, latest_target, Assessment};
use crate::query::Query;
use crate::render::numbers::{figure, NumberStyle};
use crate::render::spec::{AxisSpec, ChartSpec, Mark, Rule, Side};
use chrono::NaiveDate;

/// How one index chart reads its figures.
#[derive(Clone, Copy)]
struct Reading {
    rank: bool,
    style: NumberStyle,
    lang: Lang,
    today: NaiveDate,
}

/// One index over time, with its target (a line for scores, a band for ranks, rank 1 at the
/// top) and the recent trend projected to the target's date.
pub fn index(q: Query, family: &IndexFamily, rank: bool, today: NaiveDate) -> ChartSpec {
    let lang = q.lang;
    let kind = if rank { "rank" } else { "score" };
    let what = if rank {
        lang.pick("xếp hạng", "rank")
    } else {
        lang.pick("điểm", "score")
    };
    let name = lang.pick(family.name_vi, family.name_en);
    let chart = Chart {
        id: format!("{}.{kind}", family.family),
        spec_id: format!("index-{}-{kind}", family.family),
        title: format!("{name} – {what}"),
        axis: what.into(),
        gaps: family.gaps.to_vec(),
    };
    over_time(q, chart, rank, today)
}

/// One component of an index over time, as its index is drawn: "PCI – Đào tạo lao động".
pub fn component(q: Query, family: &IndexFamily, c: &Component, today: NaiveDate) -> ChartSpec {
    let lang = q.lang;
    let short = lang.pick(c.short[0], c.short[1]);
    let chart = Chart {
        id: family.part_id(c),
        spec_id: format!("component-{}-{}", family.family, c.id),
        title: format!("{} – {short}", lang.pick(family.name_vi, family.name_en)),
        axis: lang.pick("điểm", "score").into(),
        gaps: family.gaps.iter().chain(c.gaps).copied().collect(),
    };
    over_time(q, chart, false, today)
}

/// What one chart over time shows.
struct Chart {
    /// The indicator.
    id: String,
    spec_id: String,
    /// What is shown, before the unit's name.
    title: String,
    axis: String,
    gaps: Vec<KnownGap>,
}

fn over_time(q: Query, chart: Chart, rank: bool, today: NaiveDate) -> ChartSpec {
    let lang = q.lang;
    let id = chart.id;
    let def = q.data.catalogue.get(&id);
    let mut b = Builder::new(q, &[id.as_str()]);
    // The target's date is always on the axis, so the trend can run to it.
    b.extend_periods(q.data.targets_for(q.unit, &id).map(|t| t.by));
    let values = b.indicator(&id, Look::new(Mark::Line, Side::Left, 0));
    let how = Reading {
        rank,
        style: def.map_or(NumberStyle::Fixed(2), NumberStyle::for_indicator),
        lang,
        today,
    };
    let mut rules = Vec::new();
    let mut status = None;
    if let Some(t) = latest_target(q.data, q.unit, &id) {
        let rule = target_rule(t, how);
        let observed: Vec<(Period, f64)> = q
            .data
            .series(q.unit, &id)
            .iter()
            .filter(|o| q.in_range(&o.period))
            .map(|o| (o.period, o.value))
            .collect();
        let better = def.map_or(Better::Higher, IndicatorDef::better);
        if let Some(a) = assess(&observed, t, better, today) {
            status = Some(a.line(lang, &|v| figure(how.style, rank, v, lang)));
            project(&mut b, &values, t, &a, how);
        }
        rules.push(rule);
    }
    let title = unit_title(&q, &chart.title);
    let axis = index_axis(&q, def, &id, &chart.axis, how);
    let mut spec = b.finish(&chart.spec_id, title, axis);
    spec.rules = rules;
    known_gaps(&mut spec, 0, &chart.gaps);
    // The status first, what a leader reads before anything else, then the target in words.
    let mut lead: Vec<String> = status.iter().map(|s| s.text.clone()).collect();
    lead.extend(spec.rules.iter().map(|r| r.label.clone()));
    lead.append(&mut spec.notes);
    spec.notes = lead;
    spec.status = status;
    spec
}

/// The target as a line, or for ranks as a band up to rank 1.
fn target_rule(t: &Target, how: Reading) -> Rule {
    let Reading {
        rank, style, lang, ..
    } = how;
    let value = style.format(t.value, lang);
    let by = t.by.label(lang);
    let label = match (rank, lang) {
        (true, Lang::Vi) => format!("Mục tiêu: hạng {value} trở lên ({by})"),
        (true, Lang::En) => format!("Target: rank {value} or better ({by})"),
        (false, Lang::Vi) => format!("Mục tiêu {value} ({by})"),
        (false, Lang::En) => format!("Target {value} ({by})"),
    };
    Rule {
        value: t.value,
        band_to: rank.then_some(1.0),
        side: Side::Left,
        label,
        color: 2,
    }
}

/// Projection: from the last figure to the target date, along the recent trend, while the
/// date is still ahead.
fn project(b: &mut Builder, values: &[Option<f64>], t: &Target, a: &Assessment, how: Reading) {
    let last = values.iter().rposition(Option::is_some);
    let at = b.periods().iter().position(|p| *p == t.by);
    let (Some(proj), Some(last), Some(at)) = (a.projected, last, at) else {
        return;
    };
    if at <= last || how.today > t.by.end() {
        return;
    }
    let mut line = vec![None; b.periods().len()];
    line[last] = values[last];
    line[at] = Some(if how.rank { proj.max(1.0) } else { proj });
    let name = how
        .lang
        .pick("Xu hướng gần đây (dự báo)", "Recent trend (projection)");
    let look = Look::new(Mark::Dashed, Side::Left, 5);
    b.derived("derived.projection", name, look, how.style, line);
}

/// Ranks run from 1 at the top to the number of units ranked; percent scores show 50–100 %.
fn index_axis(
    q: &Query,
    def: Option<&IndicatorDef>,
    id: &str,
    what: &str,
    how: Reading,
) -> AxisSpec {
    let of = q
        .data
        .series(q.unit, id)
        .iter()
        .filter_map(|o| o.of)
        .fold(1.0_f64, f64::max);
    let domain = if how.rank {
        Some((1.0, of))
    } else {
        def.filter(|d| d.kind == Kind::Percent)
            .map(|_| (50.0, 100.0))
    };
    AxisSpec {
        title: what.into(),
        style: how.style,
        inverted: how.rank,
        from_zero: false,
        domain,
    }
}
