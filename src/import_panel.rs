//! Import in the file panel: a table (CSV, TSV, XLSX, or a paste from Excel) goes to the import
//! worker; the metric file it returns joins the data as a local file, so its figures chart at
//! once and the validator checks it; the import's own findings show by cell, and "Tải JSON /
//! Download JSON" saves the file, byte for byte what `chiso import` writes.

use crate::api::{add_local, Bundle, Opened};
use crate::browser::download;
use crate::state::ui;
use crate::worker::{available, convert, Asked, Converted, Reply};
use chiso_core::Lang;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;

/// What the file panel hands to the import instead of loading it as JSON.
const TABLES: [&str; 7] = [".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods"];

/// The name a paste is imported under (its file becomes `bang-dan.json`).
const PASTE: &str = "bang-dan.tsv";

fn is_table(name: &str) -> bool {
    let name = name.to_lowercase();
    TABLES.iter().any(|ext| name.ends_with(ext))
}

#[derive(Clone)]
enum Problem {
    /// The page was opened as a file: no worker can start.
    NoWorker,
    Failed(String),
}

/// What the import has done and is doing.
#[derive(Clone, Default)]
struct State {
    /// Each table imported, with what it became; newest last.
    done: Vec<Converted>,
    /// Tables sent to the worker and not yet answered.
    pending: usize,
    problem: Option<Problem>,
}

/// The import, shared by the file panel (which hands it tables) and its own view.
#[derive(Clone, Copy)]
pub struct Importer {
    bundle: RwSignal<Arc<Bundle>>,
    state: RwSignal<State>,
    /// The options for the next tables, as the reader typed them (not tracked: typing redraws
    /// nothing).
    asked: RwSignal<Asked>,
}

type Files = Vec<Opened>;

impl Importer {
    pub fn new(bundle: RwSignal<Arc<Bundle>>) -> Importer {
        Importer {
            bundle,
            state: RwSignal::new(State::default()),
            asked: RwSignal::new(Asked::default()),
        }
    }

    /// Imports the tables among `files` and gives back the others.
    pub fn take(self, files: Files) -> Files {
        let (tables, rest): (Files, Files) = files.into_iter().partition(|(n, _)| is_table(n));
        if !tables.is_empty() {
            self.run(tables);
        }
        rest
    }

    fn run(self, tables: Files) {
        if !available() {
            return self.state.update(|s| s.problem = Some(Problem::NoWorker));
        }
        let hear: Reply = Rc::new(move |got| self.receive(got));
        let asked = self.asked.get_untracked();
        for (name, bytes) in tables {
            let sent = bytes.and_then(|b| convert(&name, &b, &asked, hear.clone()));
            self.state.update(|s| match sent {
                Ok(()) => {
                    s.pending += 1;
                    s.problem = None;
                }
                Err(e) => s.problem = Some(Problem::Failed(format!("{name}: {e}"))),
            });
        }
    }

    /// The converted file joins the data (replacing an earlier import of the same name).
    fn receive(self, got: Result<Converted, String>) {
        if let Ok(c) = &got {
            if !c.json.is_empty() {
                let file = vec![(c.file.clone(), Ok(c.json.clone()))];
                leptos::task::spawn_local(add_local(self.bundle, file));
            }
        }
        self.state.update(|s| match got {
            Ok(c) => {
                s.pending = s.pending.saturating_sub(1);
                s.done.retain(|x| x.file != c.file);
                s.done.push(c);
            }
            Err(e) => {
                // A failed worker answers nothing more of what it was sent.
                s.pending = 0;
                s.problem = Some(Problem::Failed(e));
            }
        });
    }
}

/// The status line: working, or why the import could not run.
fn status(state: &State, lang: Lang) -> String {
    if state.pending > 0 {
        return lang
            .pick("Đang chuyển bảng…", "Converting the table…")
            .into();
    }
    match &state.problem {
        None => String::new(),
        Some(Problem::NoWorker) => lang.pick(
            "Nhập bảng cần bản web của Chỉ số (không mở từ tệp) hoặc lệnh chiso import.",
            "Importing a table needs the web version of Chỉ số (not a file opened from disk) or the chiso import command.",
        ).into(),
        Some(Problem::Failed(e)) => format!("{} {e}", lang.pick("Không nhập được bảng:", "The table could not be imported:")),
    }
}

/// One imported table: what it became, its "Download JSON" button and its findings by cell,
/// one a line.
fn result_row(c: Converted, lang: Lang) -> impl IntoView {
    let Converted {
        input,
        file,
        json,
        figures,
        vi,
        en,
    } = c;
    let name = format!(
        "{input} → {file} · {figures} {}",
        lang.pick("số liệu", "figures")
    );
    let lines = lang.pick(&vi, &en).to_string();
    let save = {
        let file = file.clone();
        move |_| {
            // A browser that refuses gets nothing, as in the card's downloads.
            let _ = download(&file, "application/json", &json);
        }
    };
    view! {
        <li class="import-result" data-file=file>
            {name}
            " "
            <button class="download-json" on:click=save>{lang.pick("Tải JSON", "Download JSON")}</button>
            <pre class="findings">{lines}</pre>
        </li>
    }
}

/// The options of `chiso import`, for the tables imported next: a field each, kept as typed
/// when the panel is drawn again.
fn options(importer: Importer, lang: Lang) -> impl IntoView {
    let asked = importer.asked.get_untracked();
    let given = asked.flags().iter().any(|(_, v)| !v.is_empty());
    let field = |id: &'static str,
                 label: &'static str,
                 value: String,
                 set: fn(&mut Asked, String)| {
        view! {
            <label>
                <span>{label}</span>
                <input id=id type="text" spellcheck="false" prop:value=value
                    on:input=move |ev| importer.asked.update_untracked(|a| set(a, event_target_value(&ev)))/>
            </label>
        }
    };
    view! {
        <details class="import-options" open=given>
            <summary>{lang.pick("Tùy chọn nhập", "Import options")}</summary>
            {field("import-sheet", lang.pick("Trang tính (mặc định: mọi trang)", "Sheet (default: every sheet)"), asked.sheet, |a, v| a.sheet = v)}
            {field("import-indicator", lang.pick("Chỉ số, khi bảng không ghi (vd. pci)", "Index, when the table names none (e.g. pci)"), asked.indicator, |a, v| a.indicator = v)}
            {field("import-period", lang.pick("Kỳ, khi bảng không ghi (vd. 2019)", "Period, when the table names none (e.g. 2019)"), asked.period, |a, v| a.period = v)}
            {field("import-unit", lang.pick("Tỉnh, khi bảng không ghi (hồ sơ một tỉnh)", "Province, when the table names none (one province's profile)"), asked.unit, |a, v| a.unit = v)}
            {field("import-source", lang.pick("Nguồn, cho dòng không ghi nguồn", "Source, for rows that name none"), asked.source, |a, v| a.source = v)}
            {field("import-title", lang.pick("Tiêu đề của tệp số liệu", "The metric file's title"), asked.title, |a, v| a.title = v)}
        </details>
    }
}

/// Drawn whole from the import's state and the language (one view, so the page's wasm stays
/// small); typing in the paste area changes nothing here.
fn panel(importer: Importer, pasted: RwSignal<String>, lang: Lang) -> impl IntoView {
    let import_paste = move |_| {
        let text = pasted.get_untracked();
        if !text.trim().is_empty() {
            importer.run(vec![(PASTE.to_string(), Ok(text.into_bytes()))]);
        }
    };
    let state = importer.state.get();
    let busy = state.pending > 0;
    let paste_label = lang.pick("Dán bảng từ Excel", "Paste a table from Excel");
    view! {
        <textarea id="paste-table" rows="3" spellcheck="false" placeholder=paste_label aria-label=paste_label
            on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
        <button class="import-paste" on:click=import_paste disabled=busy>
            {lang.pick("Nhập bảng đã dán", "Import the pasted table")}
        </button>
        {options(importer, lang)}
        <p class="import-status" role="status">{status(&state, lang)}</p>
        <ul class="imports">{state.done.into_iter().map(|c| result_row(c, lang)).collect_view()}</ul>
    }
}

#[component]
pub fn ImportPanel(importer: Importer) -> impl IntoView {
    let ui = ui();
    let pasted = RwSignal::new(String::new());
    view! { <div class="import">{move || panel(importer, pasted, ui.lang())}</div> }
}
