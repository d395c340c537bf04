//! The data behind each chart of the dashboard, as `ChartSpec`s. Every chart is built the same
//! way: pick the indicators, line up their periods, add derived series, attach sources,
//! warnings and the illustrative flag.

use crate::contract::catalogue::{same_series, Better, IndexFamily, Kind};
use crate::contract::lang::Lang;
use crate::contract::model::{Dataset, Unit};
use crate::contract::period::Period;
use crate::ingest::finding::Finding;
use crate::query::derive::{assess, remainder, share};
use crate::render::numbers::NumberStyle;
use crate::render::spec::{AxisSpec, ChartSpec, Mark, Rule, Series, Side};
use chrono::NaiveDate;
use std::collections::BTreeSet;

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
    fn in_range(&self, p: &Period) -> bool {
        self.from.is_none_or(|f| p.end() >= f.start())
            && self.to.is_none_or(|t| p.start() <= t.end())
    }
}

/// How a series is drawn: its mark, its axis and its colour.
#[derive(Clone, Copy)]
struct Look {
    mark: Mark,
    side: Side,
    color: usize,
}

impl Look {
    const fn new(mark: Mark, side: Side, color: usize) -> Look {
        Look { mark, side, color }
    }

    fn series(
        self,
        id: &str,
        name: String,
        style: NumberStyle,
        values: Vec<Option<f64>>,
        sources: Vec<Option<String>>,
    ) -> Series {
        let Look { mark, side, color } = self;
        Series {
            id: id.into(),
            name,
            mark,
            side,
            color,
            style,
            values,
            sources,
        }
    }
}

struct Builder<'a> {
    q: Query<'a>,
    periods: Vec<Period>,
    labels: Vec<Option<String>>,
    series: Vec<Series>,
    files: BTreeSet<usize>,
    indicators: Vec<String>,
}

impl<'a> Builder<'a> {
    /// Lines up every period in which any of `indicators` has a figure.
    fn new(q: Query<'a>, indicators: &[&str]) -> Builder<'a> {
        let mut periods = BTreeSet::new();
        for id in indicators {
            for o in q.data.continued_series(q.unit, id) {
                if q.in_range(&o.period) {
                    periods.insert(o.period);
                }
            }
        }
        let periods: Vec<Period> = periods.into_iter().collect();
        let mut all: Vec<String> = indicators.iter().map(|s| s.to_string()).collect();
        all.extend(
            indicators
                .iter()
                .filter_map(|i| same_series(i))
                .map(String::from),
        );
        Builder {
            q,
            labels: vec![None; periods.len()],
            periods,
            series: Vec::new(),
            files: BTreeSet::new(),
            indicators: all,
        }
    }

    fn name(&self, id: &str) -> String {
        self.q
            .data
            .catalogue
            .get(id)
            .map_or_else(|| id.to_string(), |d| d.name.get(self.q.lang).to_string())
    }

    /// A published series, continued across a rename; its figures' sources are recorded.
    fn indicator(&mut self, id: &str, look: Look) -> Vec<Option<f64>> {
        let obs = self.q.data.continued_series(self.q.unit, id);
        let mut values = vec![None; self.periods.len()];
        let mut sources = vec![None; self.periods.len()];
        for o in obs.into_iter().filter(|o| self.q.in_range(&o.period)) {
            let Ok(i) = self.periods.binary_search(&o.period) else {
                continue;
            };
            values[i] = Some(o.value);
            sources[i] = self
                .q
                .data
                .source_title(o.file, o.source.as_deref())
                .map(|t| t.get(self.q.lang).to_string());
            if let Some(l) = &o.label {
                self.labels[i].get_or_insert_with(|| l.clone());
            }
            self.files.insert(o.file);
        }
        let style = self
            .q
            .data
            .catalogue
            .get(id)
            .map_or(NumberStyle::Fixed(0), NumberStyle::for_indicator);
        let name = self.name(id);
        self.push(look.series(id, name, style, values.clone(), sources));
        values
    }

    /// A series computed from published ones; it has no source of its own.
    fn derived(
        &mut self,
        id: &str,
        name: &str,
        look: Look,
        style: NumberStyle,
        values: Vec<Option<f64>>,
    ) {
        let sources = vec![None; values.len()];
        self.push(look.series(id, name.to_string(), style, values, sources));
    }

    /// Adds categories without figures, such as a target's date that the trend runs to.
    fn extend_periods(&mut self, extra: impl IntoIterator<Item = Period>) {
        debug_assert!(
            self.series.is_empty(),
            "periods change before series are added"
        );
        let mut all: BTreeSet<Period> = self.periods.iter().copied().collect();
        all.extend(extra);
        self.periods = all.into_iter().collect();
        self.labels = vec![None; self.periods.len()];
    }

    /// Names a series for this chart rather than by its catalogue entry.
    fn rename(&mut self, id: &str, name: &str) {
        if let Some(s) = self.series.iter_mut().find(|s| s.id == id) {
            s.name = name.to_string();
        }
    }

    fn push(&mut self, series: Series) {
        // A series with no figure in range only clutters the legend.
        if series.values.iter().any(Option::is_some) {
            self.series.push(series);
        }
    }

    fn finish(self, id: &str, title: String, left: AxisSpec, right: Option<AxisSpec>) -> ChartSpec {
        let lang = self.q.lang;
        // An empty chart says which figures it is waiting for.
        let notes = if self.series.is_empty() {
            let names: Vec<String> = self
                .indicators
                .iter()
                .filter(|i| !i.starts_with("services.online_level"))
                .map(|i| self.name(i))
                .collect();
            vec![format!(
                "{}: {}",
                lang.pick("Chưa có số liệu", "No figures yet for"),
                names.join(", ")
            )]
        } else {
            Vec::new()
        };
        // An axis with nothing on it would only show made-up ticks.
        let right = right.filter(|_| self.series.iter().any(|s| s.side == Side::Right));
        let data = self.q.data;
        let labels = self
            .periods
            .iter()
            .zip(&self.labels)
            .map(|(p, own)| match own {
                // The report's own name first: "quý III (28/05/2020–28/08/2020)".
                Some(l) if matches!(p, Period::Interval(..)) => format!("{l} ({})", p.label(lang)),
                _ => p.label(lang),
            })
            .collect();
        let mut sources: Vec<String> = Vec::new();
        for s in &self.series {
            for t in s.sources.iter().flatten() {
                if !sources.contains(t) {
                    sources.push(t.clone());
                }
            }
        }
        let unit = self.q.unit;
        let canonical: BTreeSet<String> = self.periods.iter().map(|p| p.to_string()).collect();
        let warnings = self
            .q
            .findings
            .iter()
            .filter(|f| {
                f.subject.as_ref().is_some_and(|s| {
                    s.unit == unit
                        && canonical.contains(&s.period)
                        && s.indicators.iter().any(|i| self.indicators.contains(i))
                })
            })
            .map(|f| f.message.text(lang))
            .collect();
        ChartSpec {
            id: id.into(),
            title,
            lang,
            axis_labels: self.periods.iter().map(|p| p.short_label(lang)).collect(),
            labels,
            key_name: "period",
            keys: self.periods.iter().map(|p| p.to_string()).collect(),
            notes,
            series: self.series,
            left,
            right,
            rules: Vec::new(),
            sources,
            illustrative: self
                .files
                .iter()
                .any(|f| data.files.get(*f).is_some_and(|m| m.illustrative)),
            warnings,
        }
    }
}

fn unit_title(q: &Query, vi: &str, en: &str) -> String {
    let name = q
        .data
        .unit(q.unit)
        .map_or(q.unit.to_string(), |u| u.name.get(q.lang).to_string());
    format!("{} – {name}", q.lang.pick(vi, en))
}

fn count_axis(lang: Lang) -> AxisSpec {
    AxisSpec {
        title: lang.pick("hồ sơ", "dossiers").into(),
        style: NumberStyle::Fixed(0),
        inverted: false,
        from_zero: true,
        domain: None,
    }
}

fn percent_axis() -> AxisSpec {
    AxisSpec {
        title: "%".into(),
        style: NumberStyle::Percent(1),
        inverted: false,
        from_zero: true,
        domain: Some((0.0, 100.0)),
    }
}

const BAR: Mark = Mark::Bar { stack: 0 };
const TOTAL: Mark = Mark::Total { stack: 0 };

/// Dossiers received per period by channel, with the published total and the online share.
pub fn dossiers_intake(q: Query) -> ChartSpec {
    const PARTS: [(&str, usize); 3] = [
        ("dossiers.carried_over", 6),
        ("dossiers.online", 0),
        ("dossiers.offline", 1),
    ];
    let mut b = Builder::new(
        q,
        &["dossiers.received", PARTS[0].0, PARTS[1].0, PARTS[2].0],
    );
    let parts: Vec<Vec<Option<f64>>> = PARTS
        .iter()
        .map(|(id, c)| b.indicator(id, Look::new(BAR, Side::Left, *c)))
        .collect();
    // The total is a mark across the bar, not a bar: where the parts fall short of it, it shows.
    let received = b.indicator("dossiers.received", Look::new(TOTAL, Side::Left, 7));
    let slices: Vec<&[Option<f64>]> = parts.iter().map(Vec::as_slice).collect();
    let lang = q.lang;
    let rest = remainder(&received, &slices);
    let name = lang.pick("Không rõ kênh tiếp nhận", "Channel not reported");
    b.derived(
        "derived.intake_unspecified",
        name,
        Look::new(BAR, Side::Left, 4),
        NumberStyle::Fixed(0),
        rest,
    );
    let name = lang.pick("Tỷ lệ trực tuyến", "Online share");
    let online = share(&parts[1], &received);
    b.derived(
        "derived.online_share",
        name,
        Look::new(Mark::Line, Side::Right, 5),
        NumberStyle::Percent(1),
        online,
    );
    let title = unit_title(&q, "Hồ sơ tiếp nhận", "Dossiers received");
    b.finish(
        "dossiers-intake",
        title,
        count_axis(lang),
        Some(percent_axis()),
    )
}

/// Dossiers resolved on time or late, and pending, with the on-time rate.
pub fn dossiers_outcome(q: Query) -> ChartSpec {
    let ids = [
        "dossiers.resolved",
        "dossiers.resolved_on_time",
        "dossiers.resolved_late",
        "dossiers.pending",
    ];
    let mut b = Builder::new(q, &ids);
    let on_time = b.indicator(ids[1], Look::new(BAR, Side::Left, 2));
    let late = b.indicator(ids[2], Look::new(BAR, Side::Left, 5));
    let resolved = b.indicator(ids[0], Look::new(TOTAL, Side::Left, 7));
    let lang = q.lang;
    let rest = remainder(&resolved, &[&on_time, &late]);
    // Resolved figures without an on-time split still belong in the bar.
    let unsplit = resolved
        .iter()
        .zip(&on_time)
        .zip(&late)
        .zip(rest)
        .map(|(((r, o), l), rest)| if o.is_none() && l.is_none() { *r } else { rest })
        .collect();
    let name = lang.pick(
        "Đã giải quyết (không rõ đúng hạn)",
        "Resolved (timeliness not reported)",
    );
    b.derived(
        "derived.resolved_unspecified",
        name,
        Look::new(BAR, Side::Left, 4),
        NumberStyle::Fixed(0),
        unsplit,
    );
    b.indicator(ids[3], Look::new(BAR, Side::Left, 1));
    let rate = share(&on_time, &resolved);
    let name = lang.pick("Tỷ lệ đúng hạn", "On-time rate");
    b.derived(
        "derived.on_time_rate",
        name,
        Look::new(Mark::Line, Side::Right, 0),
        NumberStyle::Percent(1),
        rate,
    );
    let title = unit_title(&q, "Kết quả giải quyết hồ sơ", "Dossiers resolved");
    b.finish(
        "dossiers-outcome",
        title,
        count_axis(lang),
        Some(percent_axis()),
    )
}

/// Online public services: level 4 continued as "full", level 3 as "partial" after Decree
/// 42/2022, against the unit's total procedures.
pub fn services(q: Query) -> ChartSpec {
    let lang = q.lang;
    let mut b = Builder::new(
        q,
        &[
            "services.online_full",
            "services.online_partial",
            "services.total",
        ],
    );
    let full = b.indicator("services.online_full", Look::new(BAR, Side::Left, 0));
    let partial = b.indicator("services.online_partial", Look::new(BAR, Side::Left, 4));
    let total = b.indicator("services.total", Look::new(Mark::Line, Side::Left, 7));
    b.rename(
        "services.online_full",
        lang.pick("Toàn trình (mức độ 4)", "Full online (level 4)"),
    );
    b.rename(
        "services.online_partial",
        lang.pick("Một phần (mức độ 3)", "Partial online (level 3)"),
    );
    let online: Vec<Option<f64>> = full
        .iter()
        .zip(&partial)
        .map(|(f, p)| match (f, p) {
            (None, None) => None,
            _ => Some(f.unwrap_or(0.0) + p.unwrap_or(0.0)),
        })
        .collect();
    let name = lang.pick(
        "Tỷ lệ DVC trực tuyến trên tổng số TTHC",
        "Online services as a share of all procedures",
    );
    b.derived(
        "derived.online_services_share",
        name,
        Look::new(Mark::Line, Side::Right, 5),
        NumberStyle::Percent(1),
        share(&online, &total),
    );
    let title = unit_title(&q, "Dịch vụ công trực tuyến", "Online public services");
    let axis = AxisSpec {
        title: lang.pick("dịch vụ", "services").into(),
        ..count_axis(lang)
    };
    b.finish("services", title, axis, Some(percent_axis()))
}

/// Procedures published: decisions, procedures, internal processes, made public nationally.
pub fn procedures(q: Query) -> ChartSpec {
    let lang = q.lang;
    let ids = [
        "procedures.decisions",
        "procedures.published",
        "procedures.internal_processes",
        "procedures.public_national_db",
    ];
    let mut b = Builder::new(q, &ids);
    for (k, id) in ids.iter().enumerate() {
        b.indicator(
            id,
            Look::new(Mark::Bar { stack: k as u8 }, Side::Left, [7, 0, 2, 4][k]),
        );
    }
    let title = unit_title(&q, "Công bố, công khai TTHC", "Procedures published");
    let axis = AxisSpec {
        title: lang.pick("số lượng", "count").into(),
        ..count_axis(lang)
    };
    b.finish("procedures", title, axis, None)
}

/// Citizens' feedback (PAKN): received against resolved, with the resolution rate.
pub fn feedback(q: Query) -> ChartSpec {
    let lang = q.lang;
    let mut b = Builder::new(q, &["feedback.received", "feedback.resolved"]);
    let received = b.indicator(
        "feedback.received",
        Look::new(Mark::Bar { stack: 0 }, Side::Left, 1),
    );
    let resolved = b.indicator(
        "feedback.resolved",
        Look::new(Mark::Bar { stack: 1 }, Side::Left, 2),
    );
    let name = lang.pick("Tỷ lệ đã xử lý", "Resolution rate");
    b.derived(
        "derived.feedback_resolution",
        name,
        Look::new(Mark::Line, Side::Right, 5),
        NumberStyle::Percent(1),
        share(&resolved, &received),
    );
    let title = unit_title(&q, "Phản ánh, kiến nghị", "Citizens' feedback");
    let axis = AxisSpec {
        title: lang.pick("phản ánh, kiến nghị", "items").into(),
        ..count_axis(lang)
    };
    b.finish("feedback", title, axis, Some(percent_axis()))
}

/// One index over time, with its target (a line for scores, a band for ranks, rank 1 at the
/// top) and the recent trend projected to the target's date.
pub fn index(q: Query, family: &IndexFamily, rank: bool, today: NaiveDate) -> ChartSpec {
    let lang = q.lang;
    let id = format!("{}.{}", family.family, if rank { "rank" } else { "score" });
    let def = q.data.catalogue.get(&id).cloned();
    let targets: Vec<_> = q.data.targets_for(q.unit, &id).cloned().collect();
    let mut b = Builder::new(q, &[id.as_str()]);
    // The target's date is always on the axis, so the trend can run to it.
    b.extend_periods(targets.iter().map(|t| t.by));
    let values = b.indicator(&id, Look::new(Mark::Line, Side::Left, 0));
    let observed: Vec<(Period, f64)> = q
        .data
        .series(q.unit, &id)
        .iter()
        .filter(|o| q.in_range(&o.period))
        .map(|o| (o.period, o.value))
        .collect();
    let style = def
        .as_ref()
        .map_or(NumberStyle::Fixed(2), NumberStyle::for_indicator);
    let better = def.as_ref().map_or(Better::Higher, |d| d.better());
    let mut rules = Vec::new();
    let mut notes = Vec::new();
    // The latest target: the one the province is working towards.
    if let Some(t) = targets.iter().max_by_key(|t| t.by) {
        let value = style.format(t.value, lang);
        let by = t.by.label(lang);
        let label = match (rank, lang) {
            (true, Lang::Vi) => format!("Mục tiêu: hạng {value} trở lên ({by})"),
            (true, Lang::En) => format!("Target: rank {value} or better ({by})"),
            (false, Lang::Vi) => format!("Mục tiêu {value} ({by})"),
            (false, Lang::En) => format!("Target {value} ({by})"),
        };
        let band_to = rank.then_some(1.0);
        rules.push(Rule {
            value: t.value,
            band_to,
            side: Side::Left,
            label,
            color: 2,
        });
        if let Some(a) = assess(&observed, t, better, today) {
            let (p, v) = a.latest;
            notes.push(match lang {
                Lang::Vi => format!(
                    "{}: {} (số liệu mới nhất {} {})",
                    a.status.text(lang),
                    rules[0].label,
                    p.label(lang),
                    style.format(v, lang)
                ),
                Lang::En => format!(
                    "{}: {} (latest figure {} {})",
                    a.status.text(lang),
                    rules[0].label,
                    p.label(lang),
                    style.format(v, lang)
                ),
            });
            // Projection: from the last figure to the target date, along the recent trend.
            let last = values.iter().rposition(Option::is_some);
            let at = b.periods.iter().position(|p| *p == t.by);
            if let (Some(proj), Some(last), Some(at)) = (a.projected, last, at) {
                if at > last && today <= t.by.end() {
                    let mut line = vec![None; b.periods.len()];
                    line[last] = values[last];
                    line[at] = Some(if rank { proj.max(1.0) } else { proj });
                    let name = lang.pick("Xu hướng gần đây (dự báo)", "Recent trend (projection)");
                    b.derived(
                        "derived.projection",
                        name,
                        Look::new(Mark::Dashed, Side::Left, 5),
                        style,
                        line,
                    );
                }
            }
        }
    }
    let name = lang.pick(family.name_vi, family.name_en);
    let what = match (rank, lang) {
        (true, Lang::Vi) => "xếp hạng",
        (true, Lang::En) => "rank",
        (false, Lang::Vi) => "điểm",
        (false, Lang::En) => "score",
    };
    let title = unit_title(&q, &format!("{name} – {what}"), &format!("{name} – {what}"));
    let of = q
        .data
        .series(q.unit, &id)
        .iter()
        .filter_map(|o| o.of)
        .fold(1.0_f64, f64::max);
    let axis = AxisSpec {
        title: what.into(),
        style,
        inverted: rank,
        from_zero: false,
        domain: if rank {
            Some((1.0, of))
        } else {
            def.as_ref()
                .filter(|d| d.kind == Kind::Percent)
                .map(|_| (50.0, 100.0))
        },
    };
    let mut spec = b.finish(
        &format!(
            "index-{}-{}",
            family.family,
            if rank { "rank" } else { "score" }
        ),
        title,
        axis,
        None,
    );
    spec.rules = rules;
    spec.notes = notes;
    spec
}

fn unit_label(u: &Unit, data: &Dataset, lang: Lang) -> String {
    let name = u.name.get(lang).to_string();
    match u.successor.as_deref().and_then(|s| data.unit(s)) {
        Some(s) => format!("{name} → {}", s.name.get(lang)),
        None => name,
    }
}

/// Every unit of the selected unit's level on one indicator and period, best first, the
/// selected unit highlighted. A unit merged away is shown under its own name with its
/// successor; one without a figure for the period is named in a note, never dropped silently.
pub fn compare(q: Query, indicator: &str, period: Option<Period>) -> ChartSpec {
    let lang = q.lang;
    let data = q.data;
    let def = data.catalogue.get(indicator).cloned();
    let level = data.unit(q.unit).map(|u| u.level);
    let peers: Vec<&Unit> = data
        .units
        .iter()
        .filter(|u| Some(u.level) == level)
        .collect();
    let period = period.or_else(|| {
        peers
            .iter()
            .filter_map(|u| data.series(&u.id, indicator).last())
            .map(|o| o.period)
            .max()
    });
    let mut rows: Vec<(&Unit, f64, usize)> = peers
        .iter()
        .filter_map(|u| {
            period
                .and_then(|p| data.value(&u.id, indicator, &p))
                .map(|o| (*u, o.value, o.file))
        })
        .collect();
    let better = def.as_ref().map_or(Better::Higher, |d| d.better());
    rows.sort_by(|a, b| match better {
        Better::Higher => b.1.total_cmp(&a.1),
        Better::Lower => a.1.total_cmp(&b.1),
    });
    let style = def
        .as_ref()
        .map_or(NumberStyle::Fixed(2), NumberStyle::for_indicator);
    let selected: Vec<Option<f64>> = rows
        .iter()
        .map(|(u, v, _)| (u.id == q.unit).then_some(*v))
        .collect();
    let others: Vec<Option<f64>> = rows
        .iter()
        .map(|(u, v, _)| (u.id != q.unit).then_some(*v))
        .collect();
    let sources: Vec<Option<String>> = rows
        .iter()
        .map(|(u, _, f)| {
            let o = period.and_then(|p| data.value(&u.id, indicator, &p));
            data.source_title(*f, o.and_then(|o| o.source.as_deref()))
                .map(|t| t.get(lang).to_string())
        })
        .collect();
    let indicator_name = def
        .as_ref()
        .map_or(indicator.to_string(), |d| d.name.get(lang).to_string());
    let series = vec![
        Series {
            id: format!("{indicator}.selected"),
            name: data
                .unit(q.unit)
                .map_or(q.unit.to_string(), |u| u.name.get(lang).to_string()),
            mark: BAR,
            side: Side::Left,
            color: 5,
            style,
            values: selected,
            sources: sources.clone(),
        },
        Series {
            id: format!("{indicator}.others"),
            name: lang.pick("Các đơn vị khác", "Other units").into(),
            mark: BAR,
            side: Side::Left,
            color: 0,
            style,
            values: others,
            sources,
        },
    ];
    let mut notes = Vec::new();
    let missing: Vec<String> = peers
        .iter()
        .filter(|u| !rows.iter().any(|(r, _, _)| r.id == u.id))
        .map(|u| match (&u.successor, u.until) {
            (Some(_), Some(until)) => match lang {
                Lang::Vi => format!(
                    "{} (đã sáp nhập sau {})",
                    unit_label(u, data, lang),
                    crate::contract::period::day(until, lang)
                ),
                Lang::En => format!(
                    "{} (merged after {})",
                    unit_label(u, data, lang),
                    crate::contract::period::day(until, lang)
                ),
            },
            _ => unit_label(u, data, lang),
        })
        .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "{}: {}",
            lang.pick("Không có số liệu kỳ này", "No figure for this period"),
            missing.join("; ")
        ));
    }
    let mut sources_line: Vec<String> = Vec::new();
    for s in series[0].sources.iter().flatten() {
        if !sources_line.contains(s) {
            sources_line.push(s.clone());
        }
    }
    let period_label = period.map_or_else(String::new, |p| p.label(lang));
    let files: BTreeSet<usize> = rows.iter().map(|r| r.2).collect();
    ChartSpec {
        id: "compare".into(),
        title: format!("{indicator_name} – {period_label}"),
        lang,
        key_name: "unit",
        keys: rows.iter().map(|(u, _, _)| u.id.clone()).collect(),
        axis_labels: rows
            .iter()
            .map(|(u, _, _)| u.name.get(lang).to_string())
            .collect(),
        labels: rows
            .iter()
            .map(|(u, _, _)| unit_label(u, data, lang))
            .collect(),
        series,
        left: AxisSpec {
            title: indicator_name,
            style,
            inverted: false,
            // Bar length encodes the value: bars always start at zero.
            from_zero: true,
            domain: None,
        },
        right: None,
        rules: Vec::new(),
        sources: sources_line,
        illustrative: files
            .iter()
            .any(|f| data.files.get(*f).is_some_and(|m| m.illustrative)),
        warnings: Vec::new(),
        notes,
    }
}

/// The charts of a view, in reading order; the indices view keeps only indices with figures.
pub fn for_view(q: Query, view: crate::views::route::View, today: NaiveDate) -> Vec<ChartSpec> {
    use crate::contract::catalogue::INDICES;
    use crate::views::route::View;
    match view {
        View::Overview => vec![dossiers_intake(q)],
        View::Dossiers => vec![dossiers_intake(q), dossiers_outcome(q)],
        View::Services => vec![services(q)],
        View::Procedures => vec![procedures(q), feedback(q)],
        View::Indices => INDICES
            .iter()
            .flat_map(|f| [index(q, f, false, today), index(q, f, true, today)])
            .filter(|c| !c.is_empty())
            .collect(),
        View::Compare => Vec::new(),
    }
}

/// The charts a meeting steps through in present mode: every view's charts that have figures.
pub fn key_charts(q: Query, today: NaiveDate) -> Vec<ChartSpec> {
    use crate::views::route::View;
    [
        View::Dossiers,
        View::Services,
        View::Procedures,
        View::Indices,
    ]
    .into_iter()
    .flat_map(|v| for_view(q, v, today))
    .filter(|c| !c.is_empty())
    .collect()
}
