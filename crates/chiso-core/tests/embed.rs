//! Embeds on the sample data: which charts a selector picks from a view, and what it says
//! when it picks none.

mod common;

use chiso_core::views::embed::{embeddable, select};
use chiso_core::views::route::Route;
use chiso_core::Lang;
use common::{day, query, sample};

/// The ids an embed address shows for a unit, or `None` for an unknown chart.
fn shown(unit: &str, hash: &str) -> Option<Vec<String>> {
    let l = sample();
    let r = Route::parse(hash);
    let q = query(&l, unit, Lang::Vi);
    let specs = embeddable(r.view, q, day("2026-11-25"), &r);
    let chart = r.embed.and_then(|e| e.chart);
    select(specs, chart.as_deref()).map(|s| s.into_iter().map(|c| c.id).collect())
}

#[test]
fn a_chart_id_picks_that_chart() {
    assert_eq!(
        shown("bac-kan", "#/embed/dossiers/dossiers-outcome"),
        Some(vec!["dossiers-outcome".to_string()])
    );
    assert_eq!(
        shown("da-nang", "#/embed/indices/index-papi-rank"),
        Some(vec!["index-papi-rank".to_string()])
    );
}

#[test]
fn an_index_family_picks_its_score_and_rank() {
    assert_eq!(
        shown("da-nang", "#/embed/indices/pci"),
        Some(vec![
            "index-pci-score".to_string(),
            "index-pci-rank".to_string()
        ])
    );
    // Bắc Kạn has no PCI figure in the sample: one card, which says so.
    let none = shown("bac-kan", "#/embed/indices/pci").unwrap();
    assert_eq!(none, vec!["index-pci-score".to_string()]);
}

#[test]
fn no_selector_shows_the_views_charts_with_figures() {
    assert_eq!(
        shown("tay-ninh", "#/embed/indices"),
        Some(vec![
            "index-pci-score".to_string(),
            "index-pci-rank".to_string(),
            "index-ict_index-score".to_string(),
            "index-ict_index-rank".to_string()
        ])
    );
    assert_eq!(
        shown("bac-kan", "#/embed/dossiers").map(|v| v.len()),
        Some(2)
    );
}

#[test]
fn the_comparison_embeds_its_indicator() {
    let l = sample();
    let r = Route::parse("#/embed/compare/compare?indicator=pci.score&unit=da-nang");
    let specs = embeddable(
        r.view,
        query(&l, "da-nang", Lang::Vi),
        day("2026-11-25"),
        &r,
    );
    assert_eq!(specs.len(), 1);
    assert!(specs[0].title.starts_with("PCI"), "{}", specs[0].title);
    assert!(!specs[0].is_empty());
}

#[test]
fn an_unknown_chart_or_one_of_another_view_is_none() {
    assert_eq!(shown("da-nang", "#/embed/indices/nope"), None);
    assert_eq!(shown("da-nang", "#/embed/dossiers/pci"), None);
    assert_eq!(shown("da-nang", "#/embed/services/dossiers-intake"), None);
}

#[test]
fn every_charts_embed_names_the_view_that_draws_it() {
    use chiso_core::views::embed::home_view;
    use chiso_core::views::page::{View, VIEWS};
    let l = sample();
    let q = query(&l, "da-nang", Lang::Vi);
    // The overview shows charts of the dossiers view; every other view owns its charts.
    for view in VIEWS.into_iter().filter(|v| *v != View::Overview) {
        let r = Route::parse(&format!("#/embed/{}", view.slug()));
        let specs = embeddable(view, q, day("2026-11-25"), &r);
        assert!(!specs.is_empty(), "{view:?}");
        for s in specs {
            assert_eq!(home_view(&s.id), view, "{}", s.id);
        }
    }
}

#[test]
fn the_components_of_an_index_embed_on_their_own() {
    use chiso_core::views::embed::card_route;
    // The index from the address, the weakest-first chart by its id.
    assert_eq!(
        shown(
            "tay-ninh",
            "#/embed/components/components-pci?unit=tay-ninh&index=pci"
        ),
        Some(vec!["components-pci".to_string()])
    );
    let trend = shown(
        "tay-ninh",
        "#/embed/components/component-pci-labor_training?index=pci",
    );
    assert_eq!(
        trend,
        Some(vec!["component-pci-labor_training".to_string()])
    );
    // A card's embed names the index its chart is about.
    let r = card_route(
        &Route::parse("#/components?unit=tay-ninh&to=2019"),
        "components-pci",
        "tay-ninh",
    );
    assert_eq!(
        r.to_hash(),
        "#/embed/components/components-pci?unit=tay-ninh&to=2019&index=pci"
    );
}
