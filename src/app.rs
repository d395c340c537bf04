//! The app: loads the data once, then the selected view of the selected unit, the file panel
//! and present mode; or, for an embed address, the embed alone.

use crate::api::{follow_late, load_data, load_embedded, Bundle, DEFAULT_DATA};
use crate::browser::{first_chart_shown, query_param, set_page_lang};
use crate::controls::Controls;
use crate::embed::EmbedPage;
use crate::files_panel::FilesPanel;
use crate::offline::{NewVersion, OfflineAge, PendingFiles};
use crate::present::Present;
use crate::split::{deferred, not_loaded_words, once_ready, NotLoaded, Part};
use crate::state::{shown_unit, ui, Reload, ShownUnit, Ui};
use crate::views::View;
use chiso_core::views::page::VIEWS;
use chiso_core::Lang;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::sync::Arc;

#[component]
pub fn App() -> impl IntoView {
    let ui = Ui::start();
    provide_context(ui);
    let chosen = query_param("data").filter(|s| !s.is_empty());
    let reload = Reload::new();
    provide_context(reload);
    Effect::new(move |_| set_page_lang(ui.lang().code()));
    // Whether the page is an embed is settled by the address it opened with.
    let embedded = ui.route.with_untracked(|r| r.embed.is_some());
    if embedded {
        crate::embed::start();
    }
    let pick = move |l: Lang| move |_| ui.set(|r| r.lang = Some(l));

    view! {
        {(!embedded).then(|| view! {
            // The dashboard registers the worker; an embed lives in a portal's page and does not.
            <NewVersion/>
            <header class="top">
                <h1>"Chỉ số"</h1>
                <p class="tagline">{ui.tr("Chỉ số cải cách hành chính", "Administrative-reform indicators")}</p>
                <div class="langs" role="group" aria-label="Ngôn ngữ / Language">
                    <button aria-pressed=move || (ui.lang() == Lang::Vi).to_string() on:click=pick(Lang::Vi)>"VI"</button>
                    <button aria-pressed=move || (ui.lang() == Lang::En).to_string() on:click=pick(Lang::En)>"EN"</button>
                </div>
            </header>
        })}
        <main>
            // A retry loads everything anew, showing the loading card meanwhile.
            {move || {
                reload.track();
                let chosen = chosen.clone();
                once_ready(view! { <Loading embedded=embedded/> }.into_any(), async move {
                    let failed = |words: AnyView| view! {
                        <div class="error" role="alert">
                            <p>{words}</p>
                            <button on:click=move |_| reload.request()>{ui.tr("Thử lại", "Retry")}</button>
                        </div>
                    }.into_any();
                    match load(chosen, embedded).await {
                        Ok(bundle) if embedded => view! { <EmbedPage bundle=bundle/> }.into_any(),
                        Ok(bundle) => match dashboard(bundle).await {
                            Ok(page) => page,
                            Err(NotLoaded) => failed(not_loaded_words().into_any()),
                        },
                        Err(e) => failed(view! {
                            {ui.tr("Không tải được số liệu: ", "Could not load the figures: ")}{e}
                        }.into_any()),
                    }
                })
            }}
        </main>
    }
}

/// The data the address names, else the data the page carries (the offline build), else the
/// default manifest.
async fn load(chosen: Option<String>, embed: bool) -> Result<Arc<Bundle>, String> {
    // The offline build carries its data; an explicit `?data=` still wins.
    let embedded = match chosen {
        None => load_embedded().await,
        Some(_) => None,
    };
    match embedded {
        Some(bundle) => bundle.map(Arc::new),
        None => {
            let url = chosen.unwrap_or_else(|| DEFAULT_DATA.to_string());
            let need = ui().route.with_untracked(|r| r.need());
            load_data(url, need, embed).await.map(Arc::new)
        }
    }
}

/// The dashboard: its views, controls and panels, in a module of its own that an embed never
/// loads.
#[wasm_split(dashboard, wasm_split_path = ::leptos::wasm_split, fallible)]
fn dashboard(bundle: Arc<Bundle>) -> Part {
    Ok(view! { <Dashboard bundle=bundle/> }.into_any())
}

/// The file panel, below the charts: fetched once the first chart is painted.
#[wasm_split(files, wasm_split_path = ::leptos::wasm_split, fallible)]
fn files_panel(bundle: RwSignal<Arc<Bundle>>) -> Part {
    Ok(view! { <FilesPanel bundle=bundle/> }.into_any())
}

/// Present mode: fetched when it is first opened.
#[wasm_split(present, wasm_split_path = ::leptos::wasm_split, fallible)]
fn present_mode(bundle: RwSignal<Arc<Bundle>>, unit: Memo<String>, open: RwSignal<bool>) -> Part {
    Ok(view! { <Present bundle=bundle unit=unit open=open/> }.into_any())
}

#[component]
fn Dashboard(bundle: Arc<Bundle>) -> impl IntoView {
    let bundle = RwSignal::new(bundle);
    if let Some(late) = follow_late(bundle) {
        // Asked for while they are still coming: another unit's files, a comparison's.
        Effect::new(move |_| late.ask_first(&ui().route.with(|r| r.need())));
    }
    let unit = shown_unit(bundle);
    provide_context(ShownUnit(unit));
    let present = RwSignal::new(false);
    view! {
        <OfflineAge bundle=bundle/>
        <PendingFiles bundle=bundle/>
        <ViewNav/>
        <Controls bundle=bundle unit=unit present=present/>
        // Here, so that a note that present mode could not be loaded shows by its button.
        {move || present.get().then(|| deferred(move || present_mode(bundle, unit, present)))}
        <View bundle=bundle unit=unit/>
        {deferred(move || async move {
            first_chart_shown().await;
            files_panel(bundle).await
        })}
    }
}

/// The views' navigation, the current one marked.
#[component]
fn ViewNav() -> impl IntoView {
    let ui = ui();
    let links = move || {
        let current = ui.route.get();
        let lang = ui.lang();
        VIEWS
            .iter()
            .map(|&v| {
                let href = chiso_core::views::route::Route {
                    view: v,
                    ..current.clone()
                }
                .to_hash();
                let here = (v == current.view).then_some("page");
                view! { <a href=href aria-current=here>{v.title(lang)}</a> }
            })
            .collect_view()
    };
    view! { <nav class="views" aria-label=ui.tr("Các trang", "Views")>{links}</nav> }
}

/// While the data loads: the page as the static shell of index.html drew it (navigation,
/// controls' row, a card the first chart's size), so nothing jumps between shell and figures.
#[component]
fn Loading(embedded: bool) -> impl IntoView {
    let ui = ui();
    view! {
        {(!embedded).then(|| view! { <ViewNav/><div class="controls placeholder"></div> })}
        <figure class="chart placeholder">
            <div class="plot">
                <p class="loading" role="status">{ui.tr("Đang tải số liệu…", "Loading figures…")}</p>
            </div>
        </figure>
    }
}
