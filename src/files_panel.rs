//! The file panel: each file's state and every finding about it, as the validator words it.
//! Publishers open or drop their own files here and see them checked, with nothing installed;
//! the browser keeps them for later visits until they are removed.

use crate::api::{add_local, Bundle, LocalFile};
use crate::browser::{chosen_files, dropped_files, forget_file, read_files, single_file, NotKept};
use crate::import_panel::{ImportPanel, Importer};
use crate::offline::LastGoodNotes;
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
            add_local(bundle, files).await;
        }
    });
}

/// A file of the user's: whether the browser keeps it, and the button that forgets it (and
/// fetches again, which brings back a published file of the same name).
fn local_note(file: LocalFile, lang: Lang, reload: Reload) -> impl IntoView {
    let kept = match file.kept {
        Ok(()) => lang.pick(
            "tệp của bạn, lưu trong trình duyệt",
            "your file, kept in this browser",
        ),
        Err(NotKept::Full) => lang.pick(
            "tệp của bạn, không lưu được: bộ nhớ của trình duyệt đã đầy",
            "your file, not kept: the browser's storage is full",
        ),
        Err(NotKept::NoStorage) => lang.pick(
            "tệp của bạn, không lưu được: trình duyệt không cho lưu",
            "your file, not kept: the browser has no storage here",
        ),
        Err(NotKept::Refused) => lang.pick(
            "tệp của bạn, không lưu được: trình duyệt từ chối lưu",
            "your file, not kept: the browser refused to store it",
        ),
        Err(NotKept::Unreadable) => lang.pick(
            "tệp của bạn, không đọc được",
            "your file, could not be read",
        ),
    };
    let name = file.name;
    view! {
        <p class="local">
            <span class="kept">{kept}</span>" "
            <button class="remove" on:click=move |_| {
                let name = name.clone();
                spawn_local(async move {
                    forget_file(&name).await;
                    reload.request();
                });
            }>{lang.pick("Bỏ", "Remove")}</button>
        </p>
    }
}

#[component]
pub fn FilesPanel(bundle: RwSignal<Arc<Bundle>>) -> impl IntoView {
    let ui = ui();
    let importer = Importer::new(bundle);
    let reload = expect_context::<Reload>();
    let rows = move || {
        let lang = ui.lang();
        bundle.with(|b| {
            b.files()
                .map(|f| {
                    let findings: Vec<String> = b.findings().filter(|x| x.file == f.name).map(|x| x.line(lang)).collect();
                    let local = b.local.iter().find(|l| l.name == f.name).cloned();
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
                            {local.map(|l| local_note(l, lang, reload))}
                            <ul class="findings">
                                {findings.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                            </ul>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let pending = move || {
        let lang = ui.lang();
        bundle.with(|b| {
            b.pending
                .iter()
                .map(|name| {
                    view! {
                        <li class="file pending" data-file=name.clone()>
                            <span class="name">{name.clone()}</span>
                            " — "
                            <span class="state">{lang.pick("đang tải…", "still loading…")}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let dragging = RwSignal::new(false);
    let no_storage = move || !bundle.with(|b| b.storage);
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
            <h2 id="files-title">{ui.tr("Tệp số liệu", "Data files")}</h2>
            <LastGoodNotes bundle=bundle/>
            <ul>{rows}{pending}</ul>
            {move || any_failed().then(|| view! {
                <button class="reload" on:click=move |_| reload.request()>
                    {ui.lang().pick("Tải lại số liệu", "Fetch the files again")}
                </button>
            })}
            <label class="open-file">
                <span>{ui.tr(
                    "Kiểm tra tệp của bạn: chọn hoặc kéo thả tệp JSON, CSV, TSV, XLSX vào đây",
                    "Check your own file: choose or drop JSON, CSV, TSV or XLSX files here",
                )}</span>
                <input type="file" id="open-files" accept=".json,application/json,.csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods" multiple
                    on:change=move |ev| add_files(bundle, importer, chosen_files(&ev))/>
            </label>
            {move || no_storage().then(|| view! {
                <p class="no-storage">{ui.lang().pick(
                    "Trình duyệt không cho trang này lưu tệp: tệp bạn mở sẽ mất khi tải lại trang.",
                    "This browser does not let the page keep files: the files you open are gone after a reload.",
                )}</p>
            })}
            <ImportPanel importer/>
            // The publisher's template: fill it, then import it here or with `chiso import`.
            // The single-file build has no templates beside it.
            {(!single_file()).then(|| view! {
                <p class="template">
                    <a href="templates/mau-chi-so.xlsx" download>
                        {ui.tr("Tải mẫu bảng tính", "Download template")}
                    </a>
                    " · "
                    <a href="templates/mau-chi-so.csv" download>"CSV"</a>
                </p>
            })}
        </section>
    }
}
