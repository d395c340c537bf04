//! The "Nhúng / Embed" button of a chart card and its dialog: the iframe and embed.js snippets
//! for this chart, with the page's address, unit, period and language, ready to copy.

use crate::browser::{close_dialog, copy_text, page_base, select_all, show_dialog};
use crate::split::{deferred, Part};
use crate::state::ui;
use crate::state::ShownUnit;
use chiso_core::render::ChartSpec;
use chiso_core::views::embed::{card_route, snippets};
use chiso_core::views::route::Route;
use leptos::html;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

/// One snippet in a read-only box, with its copy button; where the clipboard is refused, the
/// text is selected for the reader to copy by hand.
fn snippet(label: &'static str, text: String) -> impl IntoView {
    let ui = ui();
    let area = NodeRef::<html::Textarea>::new();
    let said = RwSignal::new(None::<bool>);
    let shown = text.clone();
    let copy = move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move {
            let copied = copy_text(&text).await;
            if !copied {
                if let Some(el) = area.get_untracked() {
                    select_all(&el);
                }
            }
            said.set(Some(copied));
        });
    };
    let status = move || {
        let lang = ui.lang();
        said.get().map(|copied| match copied {
            true => lang.pick("Đã sao chép.", "Copied."),
            false => lang.pick(
                "Đã chọn: nhấn Ctrl+C để sao chép.",
                "Selected: press Ctrl+C to copy.",
            ),
        })
    };
    view! {
        <div class="snippet">
            <label>
                <span>{label}</span>
                <textarea readonly rows="4" node_ref=area prop:value=shown></textarea>
            </label>
            <button class="copy" on:click=copy>{ui.tr("Sao chép", "Copy")}</button>
            <span class="copied" role="status">{status}</span>
        </div>
    }
}

/// The dialog's text and snippets: fetched when a dialog first opens.
#[wasm_split(embed_snippets, wasm_split_path = ::leptos::wasm_split, fallible)]
fn snippets_part(route: Route, title: String) -> Part {
    let s = snippets(&page_base(), &route, &title);
    let lang = ui().lang();
    Ok(view! {
        <h2>{lang.pick("Nhúng biểu đồ này", "Embed this chart")}</h2>
        <p>{lang.pick(
            "Dán một trong hai đoạn mã vào trang của bạn. Đoạn thứ hai tự điều chỉnh chiều cao.",
            "Paste either snippet into your page. The second one sizes itself.",
        )}</p>
        {snippet("iframe", s.iframe)}
        {snippet("embed.js", s.script)}
    }
    .into_any())
}

#[component]
pub fn EmbedButton(spec: Memo<ChartSpec>) -> impl IntoView {
    let ui = ui();
    let dialog = NodeRef::<html::Dialog>::new();
    // Built when opened, so the snippets carry the address of that moment.
    let open = RwSignal::new(false);
    let body = move || {
        open.get().then(|| {
            let (id, title) = spec.with_untracked(|s| (s.id.clone(), s.title.clone()));
            let unit = use_context::<ShownUnit>().map(|u| u.0.get_untracked());
            let route = ui
                .route
                .with_untracked(|r| card_route(r, &id, unit.as_deref().unwrap_or_default()));
            deferred(move || snippets_part(route.clone(), title.clone()))
        })
    };
    view! {
        <button class="embed-open" on:click=move |_| {
            open.set(true);
            if let Some(d) = dialog.get_untracked() {
                show_dialog(&d);
            }
        }>{ui.tr("Nhúng", "Embed")}</button>
        <dialog class="embed-dialog" node_ref=dialog on:close=move |_| open.set(false)>
            {body}
            <button class="close" on:click=move |_| {
                if let Some(d) = dialog.get_untracked() {
                    close_dialog(&d);
                }
            }>{ui.tr("Đóng", "Close")}</button>
        </dialog>
    }
}
