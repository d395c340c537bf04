//! What the page says about where its data stands: the age of the data when any of it is a
//! stored copy, the files still on their way, the file panel's notes on each stored copy with a
//! retry, and the offer to reload into a new version of the app once it has installed.

use crate::api::Bundle;
use crate::browser::{register_worker, take_new_version, utc_offset_minutes};
use crate::state::{ui, Reload};
use chiso_core::ingest::last_good::age_line;
use leptos::prelude::*;
use std::sync::Arc;

/// "Dữ liệu ngoại tuyến, cập nhật 14:05 25/11/2026", when any data shown is a stored copy.
#[component]
pub fn OfflineAge(bundle: RwSignal<Arc<Bundle>>) -> impl IntoView {
    let ui = ui();
    move || {
        let line = bundle.with(|b| age_line(b.last_good(), ui.lang(), utc_offset_minutes()))?;
        Some(view! { <p class="offline-age" role="status">{line}</p> })
    }
}

/// Files of the manifest still on their way: the page shows what has come and says what has not;
/// each joins the charts when it arrives.
#[component]
pub fn PendingFiles(bundle: RwSignal<Arc<Bundle>>) -> impl IntoView {
    let ui = ui();
    move || {
        let lang = ui.lang();
        let names = bundle.with(|b| match b.pending.len() {
            // A long list by its length: a national publication lists hundreds of files.
            n @ 4.. => format!("{n} {}", lang.pick("tệp", "files")),
            _ => b.pending.join(", "),
        });
        (!names.is_empty()).then(|| {
            view! {
                <p class="pending-files" role="status">
                    {lang.pick("Đang tải: ", "Still loading: ")}{names}
                    {lang.pick(
                        ". Biểu đồ sẽ cập nhật khi tệp đến.",
                        ". The charts update as they arrive.",
                    )}
                </p>
            }
        })
    }
}

/// In the file panel: each file shown from its last good copy, from when and why, and a retry.
#[component]
pub fn LastGoodNotes(bundle: RwSignal<Arc<Bundle>>) -> impl IntoView {
    let ui = ui();
    let reload = expect_context::<Reload>();
    move || {
        let lang = ui.lang();
        let offset = utc_offset_minutes();
        let notes = bundle.with(|b| {
            b.last_good()
                .iter()
                .map(|c| (c.file.clone(), c.line(lang, offset)))
                .collect::<Vec<_>>()
        });
        (!notes.is_empty()).then(|| {
            view! {
                <div class="last-good">
                    <ul>
                        {notes.into_iter().map(|(file, line)| {
                            let shown = file.clone();
                            view! { <li data-file=file><span class="name">{shown}</span>": "{line}</li> }
                        }).collect_view()}
                    </ul>
                    <button class="retry" on:click=move |_| reload.request()>{lang.pick("Thử lại", "Retry")}</button>
                </div>
            }
        })
    }
}

/// Registers the service worker and, when a new version waits, offers to reload into it.
#[component]
pub fn NewVersion() -> impl IntoView {
    let ui = ui();
    let waiting = RwSignal::new(false);
    register_worker(move || waiting.set(true));
    move || {
        waiting.get().then(|| {
            view! {
                <div class="new-version" role="status">
                    <span>{ui.lang().pick("Có phiên bản mới", "New version")}</span>
                    <button on:click=|_| take_new_version()>{ui.lang().pick("Tải lại", "Reload")}</button>
                </div>
            }
        })
    }
}
