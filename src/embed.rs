//! An embed: a view's chart(s) alone, for another site's page, with a link to the same view in
//! the full dashboard and nothing else; it tells the page that frames it how tall it is.

use crate::api::Bundle;
use crate::browser::{mark_embed, reload, report_height};
use crate::chart_view::{fixed, ChartCard};
use crate::state::shown_unit;
use crate::state::ui;
use crate::views::with_query;
use chiso_core::render::ChartSpec;
use chiso_core::views::embed::{embeddable, open_label, select};
use chiso_core::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// Readies the page to be an embed, before any data arrives (the loading line has a height
/// too): the stylesheet's embed look, and the height messages for as long as the page lives.
pub fn start() {
    let ui = ui();
    mark_embed();
    let report = report_height(move || ui.route.with_untracked(|r| r.embed_id()));
    StoredValue::new_local(report);
}

/// The charts the address selects, or, when it names none of the view's, the ids it could.
fn picked(bundle: RwSignal<Arc<Bundle>>, unit: Memo<String>) -> Result<Vec<ChartSpec>, String> {
    let ui = ui();
    let route = ui.route.get();
    let chart = route.embed.as_ref().and_then(|e| e.chart.clone());
    with_query(bundle, unit, |q| {
        let specs = embeddable(route.view, q, ui.today, &route);
        let ids: Vec<String> = specs.iter().map(|s| s.id.clone()).collect();
        select(specs, chart.as_deref()).ok_or_else(|| ids.join(", "))
    })
}

#[component]
pub fn EmbedPage(bundle: Arc<Bundle>) -> impl IntoView {
    let ui = ui();
    // An embed has only the files its view needed: asked for another unit or comparison (its
    // address changed), it loads afresh, and the shell fetches what that one needs.
    if let Some(asked) = bundle.embed_need.clone() {
        Effect::new(move |_| {
            if ui.route.with(|r| r.need()) != asked {
                reload();
            }
        });
    }
    let bundle = RwSignal::new(bundle);
    let unit = shown_unit(bundle);
    let charts = Memo::new(move |_| picked(bundle, unit));
    let full = move || ui.route.with(|r| r.full().to_hash());
    let unknown = move |ids: String| {
        let (lang, route) = (ui.lang(), ui.route.get());
        let chart = route.embed.and_then(|e| e.chart).unwrap_or_default();
        let view = route.view.title(lang);
        let says = match lang {
            Lang::Vi => {
                format!("Trang “{view}” không có biểu đồ “{chart}”. Các biểu đồ của trang: {ids}.")
            }
            Lang::En => format!("The “{view}” view has no chart “{chart}”. Its charts: {ids}."),
        };
        view! { <p class="empty unknown-chart" role="alert">{says}</p> }
    };
    view! {
        <div class="embed">
            {move || match charts.get() {
                Ok(list) => view! {
                    <section class="charts" data-view=move || ui.view.get().slug()>
                        {list.into_iter().map(|s| view! { <ChartCard spec=fixed(s)/> }).collect_view()}
                    </section>
                }.into_any(),
                Err(ids) => unknown(ids).into_any(),
            }}
            <p class="open-full">
                <a href=full target="_blank" rel="noopener">{move || open_label(ui.lang())}</a>
            </p>
        </div>
    }
}
