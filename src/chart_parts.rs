//! The parts of a chart card around its plot, compact by default and complete on demand: the
//! source line summed up in one line with the full list on tap, and the table built only once
//! opened (open from the start where it stands in for a chart of one or two figures).

use crate::browser::details_open;
use crate::state::ui;
use chiso_core::render::ChartSpec;
use leptos::prelude::*;

/// "Nguồn: Báo cáo … 2018–2025, 8 báo cáo", the reports listed on tap; one report as it is.
pub fn source_line(spec: Memo<ChartSpec>) -> impl IntoView {
    move || {
        let (summary, all, lang) = spec.with(|s| (s.source_summary(), s.sources.clone(), s.lang));
        let label = lang.pick("Nguồn: ", "Source: ");
        if all.len() < 2 {
            return view! { <p class="source">{label}{summary}</p> }.into_any();
        }
        view! {
            <details class="source">
                <summary>{label}{summary}</summary>
                <ul>{all.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
            </details>
        }
        .into_any()
    }
}

/// The exact figures as a table, built when the reader opens it (and dropped when closed):
/// a dozen tables nobody opened cost a page its layout time. A chart of one or two figures
/// has its table open instead of a drawing: the card of figures.
pub fn figure_table(spec: Memo<ChartSpec>) -> impl IntoView {
    // Built again only when the chart turns compact or back, so that it opens or closes with
    // that: a card updated in place for another unit keeps the reader's choice otherwise.
    let compact = Memo::new(move |_| spec.with(ChartSpec::is_compact));
    move || table_wrap(spec, compact.get())
}

fn table_wrap(spec: Memo<ChartSpec>, compact: bool) -> impl IntoView {
    let open = RwSignal::new(compact);
    let table = move || {
        let (header, rows) = spec.with(|s| s.table());
        view! {
            <table>
                <thead><tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let mut cells = row.into_iter();
                        let head = cells.next().unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{head}</th>
                                {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        // Held open by the signal too: a card updated for another unit reuses this element,
        // and must not stand open with no table in it.
        <details class="table-wrap" open=move || open.get() on:toggle=move |ev| open.set(details_open(&ev))>
            <summary>{ui().tr("Bảng số liệu", "Table of figures")}</summary>
            {move || open.get().then(table)}
        </details>
    }
}
