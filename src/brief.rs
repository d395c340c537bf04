//! The overview as a one-page brief for a leader's desk: above the scorecard and the latest
//! dossier figures, a title line (the unit, the day, the illustrative badge and the Print
//! button); below them, small charts of the dossiers and the reports behind the scorecard.
//! The print stylesheet fits it on one A4 page, which the browser saves as PDF.

use crate::browser::print_page;
use crate::export::drawn_small;
use crate::split::deferred;
use chiso_core::charts::{dossiers_intake, dossiers_outcome};
use chiso_core::order;
use chiso_core::query::Query;
use chiso_core::render::sources::summary;
use chiso_core::render::ChartSpec;
use chiso_core::views::page::index_pairs;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// The charts behind the brief: every index's (for its sources), then the dossiers'.
pub fn charts(q: Query, today: NaiveDate) -> (Vec<ChartSpec>, [ChartSpec; 2]) {
    let indices = index_pairs(q, today)
        .into_iter()
        .flat_map(|(score, rank)| [score, rank])
        .collect();
    (indices, [dossiers_intake(q), dossiers_outcome(q)])
}

/// The title line: the unit, the day, the illustrative badge, and Print.
pub fn brief_head(q: &Query, today: NaiveDate, illustrative: bool) -> impl IntoView {
    let lang = q.lang;
    let day = format!(
        "{} · {:02}/{:02}/{}",
        lang.pick(
            "Chỉ số cải cách hành chính",
            "Administrative-reform indicators"
        ),
        today.day(),
        today.month(),
        today.year()
    );
    view! {
        <header class="brief-head">
            <h2>{q.unit_name()}</h2>
            <p>{day}</p>
            {illustrative.then(|| view! { <span class="badge">{lang.pick("Số liệu minh họa", "Illustrative data")}</span> })}
            <button class="print" on:click=|_| print_page()>{lang.pick("In / Lưu PDF", "Print / Save PDF")}</button>
        </header>
    }
}

/// Below the figures: the dossiers drawn small, each with its title and sources as exported
/// images have them, then the reports behind the scorecard in one line.
pub fn brief_tail(q: &Query, indices: &[ChartSpec], dossiers: &[ChartSpec]) -> impl IntoView {
    let reports = order::sorted_unique(indices.iter().flat_map(|s| s.sources.clone()).collect());
    let sources = (!reports.is_empty()).then(|| {
        let all = summary(&reports, q.lang);
        format!("{} {all}", q.lang.pick("Nguồn:", "Sources:"))
    });
    // A chart of one or two figures adds nothing to the headline figures above it.
    let small: Vec<ChartSpec> = dossiers
        .iter()
        .filter(|s| !s.is_empty() && !s.is_compact())
        .cloned()
        .collect();
    view! {
        <section class="small-charts">{deferred(move || drawn_small(small.clone()))}</section>
        <p class="brief-sources">{sources}</p>
    }
}
