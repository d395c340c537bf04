//! The one way a chart is put together: categories along x, series taken from the data or
//! derived from it, and at the end the words around them: sources, warnings, the
//! illustrative flag, and the rate axis when a rate is shown.

use super::time;
use crate::contract::catalogue::same_series;
use crate::contract::lang::Lang;
use crate::contract::model::{Dataset, Observation, Unit};
use crate::contract::period::Period;
use crate::order;
use crate::query::derive::share;
use crate::query::Query;
use crate::render::numbers::NumberStyle;
use crate::render::spec::{AxisSpec, ChartSpec, Mark, Series, Side};

pub(super) const BAR: Mark = Mark::Bar { stack: 0 };
pub(super) const TOTAL: Mark = Mark::Total { stack: 0 };

/// How a series is drawn: its mark, its axis and its colour.
#[derive(Clone, Copy)]
pub(super) struct Look {
    mark: Mark,
    side: Side,
    color: usize,
}

impl Look {
    pub(super) const fn new(mark: Mark, side: Side, color: usize) -> Look {
        Look { mark, side, color }
    }

    pub(super) fn series(
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

/// What runs along x.
enum Categories<'a> {
    /// The periods of the chart's indicators, with the reports' own names for them.
    Periods {
        periods: Vec<Period>,
        own_labels: Vec<Option<String>>,
    },
    /// The units compared, in the order shown.
    Units(Vec<&'a Unit>),
    /// Other things, in the order shown: the components of an index (key, name).
    Named(Vec<(String, String)>),
}

/// A chart in the making: its categories, its series so far, and what the words around it
/// will need.
pub(super) struct Builder<'a> {
    q: Query<'a>,
    along: Categories<'a>,
    series: Vec<Series>,
    /// Every indicator the chart shows, with the ids it was continued from: the empty chart's
    /// note and the warnings name them.
    indicators: Vec<String>,
    illustrative: bool,
}

impl<'a> Builder<'a> {
    /// Lines up every period in which any of `indicators` has a figure.
    pub(super) fn new(q: Query<'a>, indicators: &[&str]) -> Builder<'a> {
        let mut periods = Vec::new();
        for id in indicators {
            for o in q.data.continued_series(q.unit, id) {
                if q.in_range(&o.period) {
                    periods.push(o.period);
                }
            }
        }
        let periods = order::sorted_unique(periods);
        let mut all: Vec<String> = indicators.iter().map(|s| s.to_string()).collect();
        all.extend(
            indicators
                .iter()
                .filter_map(|i| same_series(i))
                .map(String::from),
        );
        Builder {
            q,
            along: Categories::Periods {
                own_labels: vec![None; periods.len()],
                periods,
            },
            series: Vec::new(),
            indicators: all,
            illustrative: false,
        }
    }

    /// One category per unit, for comparing units on `indicator`.
    pub(super) fn over_units(q: Query<'a>, indicator: &str, units: Vec<&'a Unit>) -> Builder<'a> {
        Builder {
            q,
            along: Categories::Units(units),
            series: Vec::new(),
            indicators: vec![indicator.to_string()],
            illustrative: false,
        }
    }

    /// One category per named key (`pci.labor_training`, "Đào tạo lao động"), in this order.
    pub(super) fn over_named(q: Query<'a>, keys: Vec<(String, String)>) -> Builder<'a> {
        Builder {
            q,
            indicators: keys.iter().map(|(k, _)| k.clone()).collect(),
            along: Categories::Named(keys),
            series: Vec::new(),
            illustrative: false,
        }
    }

    /// The periods along x; none on a comparison of units.
    pub(super) fn periods(&self) -> &[Period] {
        match &self.along {
            Categories::Periods { periods, .. } => periods,
            Categories::Units(_) | Categories::Named(_) => &[],
        }
    }

    /// Takes one published figure in: it makes the chart illustrative if its file is, and its
    /// report's title is returned for the figure's source.
    pub(super) fn figure(&mut self, o: &Observation) -> Option<String> {
        let data = self.q.data;
        self.illustrative |= data.is_illustrative(o);
        data.source_title(o.file, o.source.as_deref())
            .map(|t| t.get(self.q.lang).to_string())
    }

    /// A published series, continued across a rename; its figures' sources are recorded.
    pub(super) fn indicator(&mut self, id: &str, look: Look) -> Vec<Option<f64>> {
        let q = self.q;
        let mut values = vec![None; self.periods().len()];
        let mut sources = vec![None; values.len()];
        for o in q.data.continued_series(q.unit, id) {
            if !q.in_range(&o.period) {
                continue;
            }
            let Ok(i) = self.periods().binary_search(&o.period) else {
                continue;
            };
            if let (Categories::Periods { own_labels, .. }, Some(l)) = (&mut self.along, &o.label) {
                own_labels[i].get_or_insert_with(|| l.to_string());
            }
            values[i] = Some(o.value);
            sources[i] = self.figure(o);
        }
        let style = q
            .data
            .catalogue
            .get(id)
            .map_or(NumberStyle::Fixed(0), NumberStyle::for_indicator);
        let name = q.indicator_name(id);
        self.push(look.series(id, name, style, values.clone(), sources));
        values
    }

    /// A series computed from published ones; it has no source of its own.
    pub(super) fn derived(
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

    /// `num` as a share of `den`: a line in percent on the right axis.
    pub(super) fn rate(
        &mut self,
        id: &str,
        name: &str,
        color: usize,
        num: &[Option<f64>],
        den: &[Option<f64>],
    ) {
        let look = Look::new(Mark::Line, Side::Right, color);
        self.derived(id, name, look, NumberStyle::Percent(1), share(num, den));
    }

    /// Adds categories without figures, such as a target's date that the trend runs to.
    pub(super) fn extend_periods(&mut self, extra: impl IntoIterator<Item = Period>) {
        debug_assert!(
            self.series.is_empty(),
            "periods change before series are added"
        );
        if let Categories::Periods {
            periods,
            own_labels,
        } = &mut self.along
        {
            periods.extend(extra);
            *periods = order::sorted_unique(std::mem::take(periods));
            *own_labels = vec![None; periods.len()];
        }
    }

    /// Names a series for this chart rather than by its catalogue entry.
    pub(super) fn rename(&mut self, id: &str, name: &str) {
        if let Some(s) = self.series.iter_mut().find(|s| s.id == id) {
            s.name = name.to_string();
        }
    }

    fn push(&mut self, series: Series) {
        // A series with no figure in range only clutters the legend.
        if series.values.iter().any(Option::is_some) {
            self.keep(series);
        }
    }

    /// Adds a series even without figures: a comparison's columns stay where they are.
    pub(super) fn keep(&mut self, series: Series) {
        self.series.push(series);
    }

    /// The finished chart. A rate shown puts the percent axis on the right; the periods' places
    /// in time and the mergers within them go with the categories.
    pub(super) fn finish(self, id: &str, title: String, left: AxisSpec) -> ChartSpec {
        let lang = self.q.lang;
        let (key_name, keys, axis_labels, labels) = self.categories();
        let spans = time::spans(self.periods());
        let (boundaries, mergers) = time::mergers(self.q.data, self.q.unit, &spans, lang);
        let mut notes = self.waiting_for();
        notes.extend(mergers);
        ChartSpec {
            id: id.into(),
            title,
            lang,
            axis_labels,
            labels,
            key_name,
            keys,
            notes,
            right: self
                .series
                .iter()
                .any(|s| s.side == Side::Right)
                .then(percent_axis),
            left,
            rules: Vec::new(),
            sources: sources_line(&self.series),
            illustrative: self.illustrative,
            warnings: self.warnings(),
            series: self.series,
            spans,
            boundaries,
            gaps: Vec::new(),
            horizontal: false,
            highlight: None,
            ranks: Vec::new(),
            ranked_of: Vec::new(),
            group: 0,
            summary: None,
            status: None,
        }
    }

    /// The categories' kind, keys, axis labels and full labels.
    fn categories(&self) -> (&'static str, Vec<String>, Vec<String>, Vec<String>) {
        let (data, lang) = (self.q.data, self.q.lang);
        match &self.along {
            Categories::Periods {
                periods,
                own_labels,
            } => {
                let labels = periods
                    .iter()
                    .zip(own_labels)
                    .map(|(p, own)| match own {
                        // The report's own name first: "quý III (28/05/2020–28/08/2020)".
                        Some(l) if matches!(p, Period::Interval(..)) => {
                            format!("{l} ({})", p.label(lang))
                        }
                        _ => p.label(lang),
                    })
                    .collect();
                (
                    "period",
                    periods.iter().map(|p| p.to_string()).collect(),
                    periods.iter().map(|p| p.short_label(lang)).collect(),
                    labels,
                )
            }
            Categories::Units(units) => (
                "unit",
                units.iter().map(|u| u.id.clone()).collect(),
                units.iter().map(|u| u.name.get(lang).to_string()).collect(),
                units.iter().map(|u| unit_label(u, data, lang)).collect(),
            ),
            Categories::Named(keys) => (
                "indicator",
                keys.iter().map(|(k, _)| k.clone()).collect(),
                keys.iter().map(|(_, n)| n.clone()).collect(),
                keys.iter().map(|(_, n)| n.clone()).collect(),
            ),
        }
    }

    /// An empty chart says which figures it is waiting for.
    fn waiting_for(&self) -> Vec<String> {
        if !self.series.is_empty() {
            return Vec::new();
        }
        let names: Vec<String> = self
            .indicators
            .iter()
            .filter(|i| !i.starts_with("services.online_level"))
            .map(|i| self.q.indicator_name(i))
            .collect();
        let lang = self.q.lang;
        vec![format!(
            "{}: {}",
            lang.pick("Chưa có số liệu", "No figures yet for"),
            names.join(", ")
        )]
    }

    /// The validator's findings about the figures of this unit, periods and indicators.
    fn warnings(&self) -> Vec<String> {
        let Categories::Periods { periods, .. } = &self.along else {
            return Vec::new();
        };
        let canonical: Vec<String> = periods.iter().map(|p| p.to_string()).collect();
        self.q
            .findings
            .iter()
            .filter(|f| {
                f.subject.as_ref().is_some_and(|s| {
                    s.unit == self.q.unit
                        && canonical.contains(&s.period)
                        && s.indicators.iter().any(|i| self.indicators.contains(i))
                })
            })
            .map(|f| f.message.text(self.q.lang))
            .collect()
    }
}

/// Every report the series cite, once each, in the order first cited.
fn sources_line(series: &[Series]) -> Vec<String> {
    let mut sources: Vec<String> = Vec::new();
    for t in series.iter().flat_map(|s| s.sources.iter().flatten()) {
        if !sources.contains(t) {
            sources.push(t.clone());
        }
    }
    sources
}

/// A unit's name, with the unit it was merged into: "Quảng Nam → Đà Nẵng". One whose successor
/// kept its name goes on as it (see `time::mergers`): its name alone, not "Đà Nẵng → Đà Nẵng".
pub(super) fn unit_label(u: &Unit, data: &Dataset, lang: Lang) -> String {
    let name = u.name.get(lang);
    match data.merged_into(u) {
        Some(s) => format!("{name} → {}", s.name.get(lang)),
        None => name.to_string(),
    }
}

/// "Dossiers received – Bắc Kạn": what the chart shows, for which unit.
pub(super) fn unit_title(q: &Query, what: &str) -> String {
    format!("{what} – {}", q.unit_name())
}

/// The left axis of counts, titled with what is counted.
pub(super) fn count_axis(title: &str) -> AxisSpec {
    AxisSpec {
        title: title.into(),
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
