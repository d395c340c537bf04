//! Being embedded and embedding: the page's base address for snippets, the embed mark, height
//! messages to the framing page, the clipboard and dialogs.

use super::{watch_size, window, OrLog, SizeWatch};

/// The page's address without its `#…` (its query kept: it may name the data): what an embed
/// snippet points at.
pub fn page_base() -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Marks the page as an embed (`<html data-embed>`), for the stylesheet: no chrome, white.
pub fn mark_embed() {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        root.set_attribute("data-embed", "")
            .or_log("could not mark the page as an embed");
    }
}

/// Posts the document's height to the parent window whenever the root element changes size
/// (the observer's first call comes with the first layout): in Datawrapper's form, keyed by
/// `id()`, and in AMP's; stops when dropped. `None` when the page is not in a frame.
pub fn report_height(id: impl Fn() -> String + 'static) -> Option<SizeWatch> {
    let w = window()?;
    let parent = w.parent().ok()??;
    if js_sys::Object::is(&parent, &w) {
        return None;
    }
    let root = w.document()?.document_element()?;
    let measured = root.clone();
    watch_size(&root, move |_| {
        // The root's own box, not its scrollHeight, which never drops below the frame's height.
        let px = measured.get_bounding_client_rect().height().ceil();
        post_height(&parent, &id(), px);
    })
}

/// `{"datawrapper-height": {"<id>": px}}` and `{"sentinel": "amp", "type": "embed-size",
/// "height": px}`.
fn post_height(parent: &web_sys::Window, id: &str, px: f64) {
    let set = |o: &js_sys::Object, k: &str, v: &wasm_bindgen::JsValue| {
        js_sys::Reflect::set(o, &k.into(), v).or_log("could not write a height message");
    };
    let heights = js_sys::Object::new();
    set(&heights, id, &px.into());
    let datawrapper = js_sys::Object::new();
    set(&datawrapper, "datawrapper-height", &heights);
    let amp = js_sys::Object::new();
    set(&amp, "sentinel", &"amp".into());
    set(&amp, "type", &"embed-size".into());
    set(&amp, "height", &px.into());
    // Any origin may frame an embed and we cannot know which one did, so the target is "*":
    // a height is not a secret, and the parent checks that the message comes from its frame.
    for message in [datawrapper, amp] {
        parent
            .post_message(&message, "*")
            .or_log("could not post the height to the framing page");
    }
}

/// Puts `text` on the clipboard; `false` where the browser has no clipboard for this page
/// (an insecure page) or refuses (a frame without permission).
pub async fn copy_text(text: &str) -> bool {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return false;
    };
    let present = js_sys::Reflect::get(&nav, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !present {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(nav.clipboard().write_text(text))
        .await
        .is_ok()
}

/// Selects all of a text box, for the reader to copy by hand.
pub fn select_all(el: &web_sys::HtmlTextAreaElement) {
    el.focus().or_log("could not focus a text box");
    el.select();
}

/// Opens a `<dialog>` as modal (focus inside, Escape closes it).
pub fn show_dialog(el: &web_sys::HtmlDialogElement) {
    if !el.open() {
        el.show_modal().or_log("could not open a dialog");
    }
}

pub fn close_dialog(el: &web_sys::HtmlDialogElement) {
    el.close();
}
