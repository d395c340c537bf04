//! The data behind each chart of the dashboard, as `ChartSpec`s. Every chart is built the same
//! way: pick the indicators, line up their periods, add derived series, attach sources,
//! warnings and the illustrative flag.

use crate::catalogue::same_series;
use crate::chart::spec::{AxisSpec, ChartSpec, Mark, Series, Side};
use crate::derive::{remainder, share};
use crate::finding::Finding;
use crate::format::NumberStyle;
use crate::lang::Lang;
use crate::model::Dataset;
use crate::period::Period;
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
        for o in obs {
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

    fn push(&mut self, series: Series) {
        // A series with no figure in range only clutters the legend.
        if series.values.iter().any(Option::is_some) {
            self.series.push(series);
        }
    }

    fn finish(self, id: &str, title: String, left: AxisSpec, right: Option<AxisSpec>) -> ChartSpec {
        let lang = self.q.lang;
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
            periods: self.periods,
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
