//! The file panel: each file's state and every finding about it, as the validator words it.

use crate::api::Bundle;
use chiso_core::load::FileState;
use chiso_core::Lang;
use leptos::prelude::*;
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

#[component]
pub fn FilesPanel(bundle: Arc<Bundle>, #[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    let rows = move || {
        let lang = lang.get();
        bundle
            .files()
            .map(|f| {
                let findings: Vec<String> = bundle.findings().filter(|x| x.file == f.name).map(|x| x.line(lang)).collect();
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
                        <ul class="findings">
                            {findings.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        </ul>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="files" aria-labelledby="files-title">
            <h2 id="files-title">{move || lang.get().pick("Tệp số liệu", "Data files")}</h2>
            <ul>{rows}</ul>
        </section>
    }
}
