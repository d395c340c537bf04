//! The one-page brief of a unit, for a leader's desk: the scorecard, the latest dossier
//! figures and small charts of them, with title, date, sources and the illustrative badge.
//! Shown as a sheet over the page; printing it (or saving it as PDF) gives one A4 page, laid
//! out by the print stylesheet.

use crate::api::Bundle;
use crate::browser::print_page;
use crate::state::ui;
use crate::views::{cards_view, headline_view, with_query};
use chiso_core::charts::{dossiers_intake, dossiers_outcome};
use chiso_core::render::sources::summary;
use chiso_core::render::{to_svg, ChartSpec, DrawOptions};
use chiso_core::views::page::index_pairs;
use chiso_core::Lang;
use chrono::Datelike;
use leptos::prelude::*;
use std::sync::Arc;

/// The small charts' drawing size: about a column of the A4 sheet, so their words print at
/// the size they were drawn.
const SMALL: (u32, u32) = (360, 280);

/// The reports behind a set of charts, in one line: "Báo cáo … 2018–2025, 6 báo cáo".
fn sources_line(specs: &[ChartSpec], lang: Lang) -> String {
    let mut all: Vec<String> = specs.iter().flat_map(|s| s.sources.clone()).collect();
    all.sort();
    all.dedup();
    summary(&all, lang)
}

/// A small chart drawn as SVG: crisp on paper at any scale.
fn small_chart(spec: ChartSpec) -> impl IntoView {
    let svg = to_svg(&spec, SMALL.0, SMALL.1, DrawOptions::default());
    // The SVG is our renderer's, which escapes every text it draws: data stays text here.
    view! {
        <figure class="small">
            <figcaption>{spec.title.clone()}</figcaption>
            <div class="svg" role="img" aria-label=spec.alt_text() inner_html=svg></div>
        </figure>
    }
}

#[component]
pub fn Brief(
    bundle: RwSignal<Arc<Bundle>>,
    unit: Memo<String>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let ui = ui();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            open.set(false);
        }
    });
    on_cleanup(move || keys.remove());
    // Drawn once when opened: the page behind it cannot change while it is open.
    let lang = untrack(|| ui.lang());
    let sheet = untrack(|| {
        with_query(bundle, unit, |q| {
            let d = ui.today;
            let indices: Vec<ChartSpec> = index_pairs(q, ui.today)
                .into_iter()
                .flat_map(|(score, rank)| [score, rank])
                .collect();
            let dossiers = [dossiers_intake(q), dossiers_outcome(q)];
            let illustrative = indices.iter().chain(&dossiers).any(|s| s.illustrative);
            let mut lines = vec![sources_line(&indices, lang), sources_line(&dossiers, lang)];
            lines.dedup();
            let sources = lines
                .into_iter()
                .filter(|s| !s.is_empty())
                .map(|s| view! { <li>{s}</li> })
                .collect_view();
            // A chart of one or two figures adds nothing to the headline figures above it.
            let charts = dossiers
                .into_iter()
                .filter(|s| !s.is_compact())
                .map(small_chart)
                .collect_view();
            view! {
                <header>
                    <h1>{q.unit_name()}</h1>
                    <p>
                        {lang.pick("Chỉ số cải cách hành chính · bản tóm tắt ngày ", "Administrative-reform indicators · brief of ")}
                        {format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())}
                    </p>
                    {illustrative.then(|| view! { <span class="badge">{lang.pick("Số liệu minh họa", "Illustrative data")}</span> })}
                </header>
                <section class="scorecard">{cards_view(&q, ui.today)}</section>
                {headline_view(&q)}
                <section class="small-charts">{charts}</section>
                <footer>
                    <span>{lang.pick("Nguồn:", "Sources:")}</span>
                    <ul>{sources}</ul>
                </footer>
            }
        })
    });
    view! {
        <div class="brief-mode" role="dialog" aria-modal="true" aria-label=lang.pick("Bản tóm tắt để in", "Brief for print")>
            <div class="brief-bar">
                <button class="print" on:click=move |_| print_page()>{lang.pick("In / Lưu PDF", "Print / Save PDF")}</button>
                <button class="close" on:click=move |_| open.set(false)>{lang.pick("Đóng", "Close")}</button>
            </div>
            <article class="brief">{sheet}</article>
        </div>
    }
}
