//! The dashboard's pages: which there are, what each is called and which charts each holds.

use crate::charts::{
    component, components, dossiers_intake, dossiers_outcome, feedback, index, procedures, services,
};
use crate::contract::catalogue::{IndexFamily, INDICES};
use crate::contract::lang::Lang;
use crate::query::components::families_with_parts;
use crate::query::Query;
use crate::render::spec::ChartSpec;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The scorecard of indices and the latest dossier figures.
    #[default]
    Overview,
    Dossiers,
    Services,
    Procedures,
    Indices,
    /// One index's components, weakest first, with its own picker of the index.
    Components,
    /// One indicator across peers, with its own pickers.
    Compare,
}

/// Every view, in the navigation's order.
pub const VIEWS: [View; 7] = [
    View::Overview,
    View::Dossiers,
    View::Services,
    View::Procedures,
    View::Indices,
    View::Components,
    View::Compare,
];

impl View {
    /// The view's name in the address.
    pub fn slug(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Dossiers => "dossiers",
            View::Services => "services",
            View::Procedures => "procedures",
            View::Indices => "indices",
            View::Components => "components",
            View::Compare => "compare",
        }
    }

    pub fn from_slug(s: &str) -> Option<View> {
        VIEWS.into_iter().find(|v| v.slug() == s)
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            View::Overview => lang.pick("Tổng quan", "Overview"),
            View::Dossiers => lang.pick("Hồ sơ", "Dossiers"),
            View::Services => lang.pick("Dịch vụ công", "Services"),
            View::Procedures => lang.pick("TTHC và PAKN", "Procedures"),
            View::Indices => lang.pick("Chỉ số", "Indices"),
            View::Components => lang.pick("Thành phần", "Components"),
            View::Compare => lang.pick("So sánh", "Compare"),
        }
    }

    /// The view's charts, in reading order; the indices view keeps only indices with figures.
    /// The comparison has none here: its chart depends on its own pickers (`charts::compare`);
    /// the components view shows the first index with components (`components_view`).
    pub fn charts(self, q: Query, today: NaiveDate) -> Vec<ChartSpec> {
        match self {
            View::Overview => vec![dossiers_intake(q)],
            View::Dossiers => vec![dossiers_intake(q), dossiers_outcome(q)],
            View::Services => vec![services(q)],
            View::Procedures => vec![procedures(q), feedback(q)],
            View::Indices => INDICES
                .iter()
                .flat_map(|f| [index(q, f, false, today), index(q, f, true, today)])
                .filter(|c| !c.is_empty())
                .collect(),
            View::Components => components_view(q, shown_family(q, None), today),
            View::Compare => Vec::new(),
        }
    }
}

/// The index the components view shows: the one asked for, else the first of the unit's with
/// component figures, else PCI.
pub fn shown_family(q: Query, asked: Option<&str>) -> &'static IndexFamily {
    let asked = asked.and_then(|a| INDICES.iter().find(|f| f.family == a));
    asked
        .or_else(|| families_with_parts(q.data, q.unit).into_iter().next())
        .unwrap_or(&INDICES[0])
}

/// The components view: the components weakest first, then each over the years (small
/// multiples), those with figures.
pub fn components_view(q: Query, family: &'static IndexFamily, today: NaiveDate) -> Vec<ChartSpec> {
    let mut out = vec![components(q, family)];
    out.extend(
        family
            .parts
            .list
            .iter()
            .map(|c| component(q, family, c, today))
            .filter(|c| !c.is_empty()),
    );
    out
}

/// The indices view as small multiples: each index with figures, its score chart beside its
/// rank chart (either may be empty), in the catalogue's order.
pub fn index_pairs(q: Query, today: NaiveDate) -> Vec<(ChartSpec, ChartSpec)> {
    INDICES
        .iter()
        .map(|f| (index(q, f, false, today), index(q, f, true, today)))
        .filter(|(score, rank)| !score.is_empty() || !rank.is_empty())
        .collect()
}

/// The charts a meeting steps through in present mode: every view's charts that have figures,
/// and each index's components, weakest first.
pub fn key_charts(q: Query, today: NaiveDate) -> Vec<ChartSpec> {
    let views = [
        View::Dossiers,
        View::Services,
        View::Procedures,
        View::Indices,
    ];
    let parts = families_with_parts(q.data, q.unit).into_iter();
    views
        .into_iter()
        .flat_map(|v| v.charts(q, today))
        .chain(parts.map(|f| components(q, f)))
        .filter(|c| !c.is_empty())
        .collect()
}
