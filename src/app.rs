//! The app: loads the data once, then shows the selected unit's charts and the file panel.

use crate::api::{load_data, Bundle, DEFAULT_DATA};
use crate::browser::query_param;
use crate::chart_view::ChartCard;
use crate::files_panel::FilesPanel;
use chiso_core::chart::ChartSpec;
use chiso_core::charts::{dossiers_intake, dossiers_outcome, Query};
use chiso_core::Lang;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(
        query_param("lang")
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default(),
    );
    let source = query_param("data")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| DEFAULT_DATA.to_string());
    let retry = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        retry.track();
        let url = source.clone();
        async move { load_data(url).await.map(Arc::new) }
    });
    Effect::new(move |_| {
        if let Some(doc) = document().document_element() {
            let _ = doc.set_attribute("lang", lang.get().code());
        }
    });

    view! {
        <header class="top">
            <h1>"Chỉ số"</h1>
            <p class="tagline">{move || lang.get().pick("Chỉ số cải cách hành chính", "Administrative-reform indicators")}</p>
            <div class="langs" role="group" aria-label="Ngôn ngữ / Language">
                <button aria-pressed=move || (lang.get() == Lang::Vi).to_string() on:click=move |_| lang.set(Lang::Vi)>"VI"</button>
                <button aria-pressed=move || (lang.get() == Lang::En).to_string() on:click=move |_| lang.set(Lang::En)>"EN"</button>
            </div>
        </header>
        <main>
            <Transition fallback=move || view! { <p class="loading" role="status">{move || lang.get().pick("Đang tải số liệu…", "Loading figures…")}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(bundle) => view! { <Dashboard bundle=bundle lang=lang/> }.into_any(),
                        Err(e) => view! {
                            <div class="error" role="alert">
                                <p>{move || lang.get().pick("Không tải được số liệu: ", "Could not load the figures: ")}{e.clone()}</p>
                                <button on:click=move |_| retry.update(|n| *n += 1)>{move || lang.get().pick("Thử lại", "Retry")}</button>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </main>
    }
}

/// The unit the page opens on: `?unit=`, else the first that reports dossiers.
fn initial_unit(bundle: &Bundle) -> Option<String> {
    let data = &bundle.loaded.data;
    query_param("unit")
        .filter(|u| data.unit(u).is_some())
        .or_else(|| {
            data.units_with_data()
                .find(|u| data.has_indicator_prefix(&u.id, "dossiers."))
                .map(|u| u.id.clone())
        })
        .or_else(|| data.units_with_data().next().map(|u| u.id.clone()))
}

#[component]
fn Dashboard(bundle: Arc<Bundle>, lang: RwSignal<Lang>) -> impl IntoView {
    let unit = RwSignal::new(initial_unit(&bundle).unwrap_or_default());
    let findings: Arc<Vec<chiso_core::Finding>> = Arc::new(bundle.findings().cloned().collect());
    let chart = {
        let bundle = bundle.clone();
        move |build: fn(Query) -> ChartSpec| {
            let (bundle, findings) = (bundle.clone(), findings.clone());
            Signal::derive(move || {
                let unit = unit.get();
                build(Query {
                    data: &bundle.loaded.data,
                    findings: &findings,
                    unit: &unit,
                    lang: lang.get(),
                    from: None,
                    to: None,
                })
            })
        }
    };
    let intake = chart(dossiers_intake);
    let outcome = chart(dossiers_outcome);
    let options = {
        let bundle = bundle.clone();
        move || {
            let l = lang.get();
            bundle
                .loaded
                .data
                .units_with_data()
                .map(|u| {
                    let id = u.id.clone();
                    let selected = id == unit.get_untracked();
                    view! { <option value=id selected=selected>{u.name.get(l).to_string()}</option> }
                })
                .collect_view()
        }
    };
    view! {
        <section class="controls">
            <label>
                {move || lang.get().pick("Đơn vị", "Unit")}
                <select id="unit" on:change=move |ev| unit.set(event_target_value(&ev))>{options}</select>
            </label>
        </section>
        <section class="charts">
            <ChartCard spec=intake/>
            <ChartCard spec=outcome/>
        </section>
        <FilesPanel bundle=bundle lang=lang/>
    }
}
