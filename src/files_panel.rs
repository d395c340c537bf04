//! The file panel: each file's state and every finding about it, as the validator words it.
//! Publishers open or drop their own files here and see them checked, with nothing installed.

use crate::api::Bundle;
use crate::browser::{chosen_files, dropped_files, read_files};
use crate::import_panel::{ImportPanel, Importer};
use crate::state::{ui, Reload};
use chiso_core::ingest::load::FileState;
use chiso_core::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

fn state_word(state: FileState, errors: usize, warnings: usize, lang: Lang) -> &'static str {
    match state {
        FileState::Rejected => lang.pick("bị từ chối", "rejected"),
        FileState::Tampered => lang.pick("sai mã kiểm tra (sha256)", "checksum failed"),
        FileState::Loaded if errors > 0 => {
            lang.pick("đã tải, có mục bị bỏ", "loaded, some entries dropped")
        }
        FileState::Loaded if warnings > 0 => {
            lang.pick("đã tải, có cảnh báo", "loaded with warnings")
        }
        FileState::Loaded => lang.pick("đã tải", "loaded"),
    }
}

/// Adds the user's files to the bundle and validates everything again; tables go to the import.
fn add_files(bundle: RwSignal<Arc<Bundle>>, importer: Importer, list: Option<web_sys::FileList>) {
    let Some(list) = list else { return };
    spawn_local(async move {
        let files = importer.take(read_files(list).await);
        if !files.is_empty() {
            let next = bundle.with_untracked(|b| b.with_local(files));
            bundle.set(Arc::new(next));
        }
    });
}

#[component]
pub fn FilesPanel(bundle: RwSignal<Arc<Bundle>>) -> impl IntoView {
    let ui = ui();
    let importer = Importer::new(bundle);
    let rows = move || {
        let lang = ui.lang();
        bundle.with(|b| {
            b.files()
                .map(|f| {
                    let findings: Vec<String> = b.findings().filter(|x| x.file == f.name).map(|x| x.line(lang)).collect();
                    let class = match f.state {
                        FileState::Loaded if f.errors == 0 => "file ok",
                        FileState::Loaded => "file partial",
                        _ => "file rejected",
                    };
                    view! {
                        <li class=class data-file=f.name.clone()>
                            <span class="name">{f.name.clone()}</span>
                            " — "
                            <span class="state">{state_word(f.state, f.errors, f.warnings, lang)}</span>
                            " · "
                            {format!("{} {}", f.observations, lang.pick("số liệu", "figures"))}
                            {f.illustrative.then(|| view! { " · " <span class="badge">{lang.pick("minh họa", "illustrative")}</span> })}
                            <ul class="findings">
                                {findings.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let dragging = RwSignal::new(false);
    let reload = expect_context::<Reload>();
    let any_failed = move || bundle.with(|b| b.files().any(|f| f.state != FileState::Loaded));
    view! {
        <section
            class="files"
            class:dragging=move || dragging.get()
            aria-labelledby="files-title"
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                add_files(bundle, importer, dropped_files(&ev));
            }
        >
            <h2 id="files-title">{move || ui.lang().pick("Tệp số liệu", "Data files")}</h2>
            <ul>{rows}</ul>
            {move || any_failed().then(|| view! {
                <button class="reload" on:click=move |_| reload.request()>
                    {ui.lang().pick("Tải lại số liệu", "Fetch the files again")}
                </button>
            })}
            <label class="open-file">
                <span>{move || ui.lang().pick(
                    "Kiểm tra tệp của bạn: chọn hoặc kéo thả tệp JSON, CSV, TSV, XLSX vào đây",
                    "Check your own file: choose or drop JSON, CSV, TSV or XLSX files here",
                )}</span>
                <input type="file" id="open-files" accept=".json,application/json,.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods" multiple
                    on:change=move |ev| add_files(bundle, importer, chosen_files(&ev))/>
            </label>
            <ImportPanel importer/>
            // The publisher's template: fill it, then import it here or with `chiso import`.
            <p class="template">
                <a href="templates/mau-chi-so.xlsx" download>
                    {move || ui.lang().pick("Tải mẫu bảng tính", "Download template")}
                </a>
                " · "
                <a href="templates/mau-chi-so.csv" download>"CSV"</a>
            </p>
        </section>
    }
}
