//! The one-page brief of a unit, for a leader's desk: the overview in brief mode. Above its
//! scorecard and latest dossier figures it adds the title line (unit, date, illustrative
//! badge, Print and Close), below them small charts of the dossiers and the sources; the
//! print stylesheet fits it on one A4 page, and the browser saves that as PDF.

use crate::browser::print_page;
use chiso_core::charts::{dossiers_intake, dossiers_outcome};
use chiso_core::query::Query;
use chiso_core::render::sources::summary;
use chiso_core::render::{to_svg, ChartSpec, DrawOptions};
use chiso_core::views::page::index_pairs;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// The small charts' drawing size: about a column of the A4 sheet, so their words print at
/// the size they were drawn.
const SMALL: (u32, u32) = (360, 280);

/// The charts behind the brief: every index's, then the dossiers'.
fn charts(q: Query, today: NaiveDate) -> (Vec<ChartSpec>, [ChartSpec; 2]) {
    let indices = index_pairs(q, today)
        .into_iter()
        .flat_map(|(score, rank)| [score, rank])
        .collect();
    (indices, [dossiers_intake(q), dossiers_outcome(q)])
}

/// The reports behind a set of charts, in one line: "Báo cáo … 2018–2025, 6 báo cáo".
fn sources_line(specs: &[ChartSpec], q: &Query) -> String {
    let mut all: Vec<String> = specs.iter().flat_map(|s| s.sources.clone()).collect();
    all.sort();
    all.dedup();
    summary(&all, q.lang)
}

/// The title line: the unit, the day, the illustrative badge, and the brief's buttons.
pub fn brief_head(q: Query, today: NaiveDate, open: RwSignal<bool>) -> impl IntoView {
    let lang = q.lang;
    let (indices, dossiers) = charts(q, today);
    let illustrative = indices.iter().chain(&dossiers).any(|s| s.illustrative);
    view! {
        <header class="brief-head">
            <h2>{q.unit_name()}</h2>
            <p>
                {lang.pick("Chỉ số cải cách hành chính · bản tóm tắt ngày ", "Administrative-reform indicators · brief of ")}
                {format!("{:02}/{:02}/{}", today.day(), today.month(), today.year())}
            </p>
            {illustrative.then(|| view! { <span class="badge">{lang.pick("Số liệu minh họa", "Illustrative data")}</span> })}
            <button class="print" on:click=move |_| print_page()>{lang.pick("In / Lưu PDF", "Print / Save PDF")}</button>
            <button class="close" on:click=move |_| open.set(false)>{lang.pick("Đóng", "Close")}</button>
        </header>
    }
}

/// Below the figures: the dossiers drawn small, and where every figure comes from.
pub fn brief_tail(q: Query, today: NaiveDate) -> impl IntoView {
    let (indices, dossiers) = charts(q, today);
    let mut lines = vec![sources_line(&indices, &q), sources_line(&dossiers, &q)];
    lines.dedup();
    let sources = lines
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(|s| view! { <li>{s}</li> })
        .collect_view();
    // A chart of one or two figures adds nothing to the headline figures above it.
    let small = dossiers.into_iter().filter(|s| !s.is_compact()).map(|s| {
        // SVG prints crisp; it is our renderer's, which escapes every text: data stays text.
        let svg = to_svg(&s, SMALL.0, SMALL.1, DrawOptions::default());
        view! { <figure><figcaption>{s.title}</figcaption><div inner_html=svg></div></figure> }
    });
    view! {
        <section class="small-charts">{small.collect_view()}</section>
        <footer class="brief-sources">
            <span>{q.lang.pick("Nguồn:", "Sources:")}</span>
            <ul>{sources}</ul>
        </footer>
    }
}
