//! The browser, behind one small module: fetching bytes, the page's address and language, the
//! screen, canvases, files and downloads, an embed's height messages, the clipboard and dialogs.
//! The only module that touches the DOM; gloo is thinly maintained, so its calls stay here too.

use gloo_net::http::Request;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A fetched file's bytes and, when the service worker answered with its last good copy, the
/// two headers saying why and since when.
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub fallback: Option<String>,
    pub stored: Option<String>,
}

/// How long a server may take to start answering. Past it the file counts as failed and the
/// page offers a retry rather than waiting for ever; the service worker, where there is one,
/// answers sooner with the last good copy. A slow download that has started is not cut.
const ANSWER_WITHIN_MS: i32 = 20_000;

/// Aborts `controller` after `ms`, unless dropped first.
struct Deadline {
    timer: Option<i32>,
    /// Kept alive until the timer is cleared.
    _abort: Closure<dyn FnMut()>,
}

impl Deadline {
    fn new(controller: &web_sys::AbortController, ms: i32) -> Deadline {
        let c = controller.clone();
        let abort = Closure::<dyn FnMut()>::new(move || c.abort());
        let id = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.as_ref().unchecked_ref(),
                ms,
            )
            .ok()
        });
        Deadline {
            timer: id,
            _abort: abort,
        }
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(w), Some(id)) = (web_sys::window(), self.timer) {
            w.clear_timeout_with_handle(id);
        }
    }
}

/// The bytes at `url`, or a sentence saying why not.
pub async fn fetch_bytes(url: &str) -> Result<Fetched, String> {
    use chiso_core::ingest::last_good::{REASON_HEADER, STORED_HEADER};
    let controller = web_sys::AbortController::new().ok();
    let deadline = controller
        .as_ref()
        .map(|c| Deadline::new(c, ANSWER_WITHIN_MS));
    let sent = Request::get(url)
        .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref())
        .send()
        .await;
    let timed_out = controller.as_ref().is_some_and(|c| c.signal().aborted());
    drop(deadline);
    let resp = sent.map_err(|e| {
        if timed_out {
            let s = ANSWER_WITHIN_MS / 1000;
            format!("không có trả lời sau {s} giây / no answer within {s} s")
        } else {
            e.to_string()
        }
    })?;
    if !resp.ok() {
        return Err(format!("HTTP {} {}", resp.status(), resp.status_text()));
    }
    let headers = resp.headers();
    let (fallback, stored) = (headers.get(REASON_HEADER), headers.get(STORED_HEADER));
    let bytes = resp.binary().await.map_err(|e| e.to_string())?;
    Ok(Fetched {
        bytes,
        fallback,
        stored,
    })
}

/// A query parameter of the page's own address (`?data=…`).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == name)
        .and_then(|(_, v)| js_sys::decode_uri_component(&v.replace('+', " ")).ok())
        .map(String::from)
}

pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .clamp(1.0, 4.0)
}

/// The 2D context of a canvas, with its backing store sized for the screen's pixel density.
fn prepare_canvas(canvas: &web_sys::HtmlCanvasElement, width: f64, height: f64) -> Option<()> {
    let dpr = device_pixel_ratio();
    // Through the CSSOM, which a strict style-src allows, unlike a style attribute.
    let style = canvas.style();
    style.set_property("width", &format!("{width}px")).ok()?;
    style.set_property("height", &format!("{height}px")).ok()?;
    canvas.set_width((width * dpr).round() as u32);
    canvas.set_height((height * dpr).round() as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).ok()
}

/// Draws on `canvas` at `width` × `height` CSS pixels and the screen's pixel density: `paint`
/// gets a plotters area of the CSS size.
pub fn paint_canvas<T>(
    canvas: &web_sys::HtmlCanvasElement,
    width: f64,
    height: f64,
    paint: impl FnOnce(&DrawingArea<CanvasBackend, Shift>) -> Option<T>,
) -> Option<T> {
    prepare_canvas(canvas, width, height)?;
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    // The context is scaled by the pixel ratio, so draw on a CSS-sized part of the canvas.
    paint(&root.shrink((0, 0), (width as u32, height as u32)))
}

/// Whether an event happened on `el` or inside it.
pub fn is_inside(el: &web_sys::Element, target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|n| el.contains(Some(&n)))
}

/// Where a pointer event falls within an element, in CSS pixels.
pub fn local_point(el: &web_sys::Element, client_x: i32, client_y: i32) -> (f64, f64) {
    let r = el.get_bounding_client_rect();
    (client_x as f64 - r.left(), client_y as f64 - r.top())
}

/// Reports an element's content width now and whenever it changes (window resize, rotation,
/// layout); stops when dropped.
pub struct WidthWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for WidthWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub fn watch_width(el: &web_sys::Element, on_width: impl Fn(f64) + 'static) -> Option<WidthWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            on_width(entry.content_rect().width());
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(WidthWatch {
        observer,
        _callback: callback,
    })
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Tells the browser (screen readers, hyphenation, fonts) the page's language.
pub fn set_page_lang(code: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// The page's `#…` part.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the `#…` part without a new history entry when only parameters change, and with
/// one when the view does, so Back returns to the previous view.
pub fn set_hash(hash: &str, new_entry: bool) {
    let Some(w) = window() else { return };
    if new_entry {
        let _ = w.location().set_hash(hash);
    } else if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

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
        let _ = root.set_attribute("data-embed", "");
    }
}

/// Tells the page that frames this one how tall this one is, now and on every change; stops
/// when dropped.
pub struct HeightReport {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for HeightReport {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Posts the document's height to the parent window whenever the root element changes size
/// (the observer's first call comes with the first layout): in Datawrapper's form, keyed by
/// `id()`, and in AMP's. `None` when the page is not in a frame.
pub fn report_height(id: impl Fn() -> String + 'static) -> Option<HeightReport> {
    let w = window()?;
    let parent = w.parent().ok()??;
    if js_sys::Object::is(&parent, &w) {
        return None;
    }
    let root = w.document()?.document_element()?;
    let measured = root.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| {
        // The root's own box, not its scrollHeight, which never drops below the frame's height.
        let px = measured.get_bounding_client_rect().height().ceil();
        post_height(&parent, &id(), px);
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some(HeightReport {
        observer,
        _callback: callback,
    })
}

/// `{"datawrapper-height": {"<id>": px}}` and `{"sentinel": "amp", "type": "embed-size",
/// "height": px}`.
fn post_height(parent: &web_sys::Window, id: &str, px: f64) {
    let set = |o: &js_sys::Object, k: &str, v: &wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(o, &k.into(), v);
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
        let _ = parent.post_message(&message, "*");
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
    let _ = el.focus();
    el.select();
}

/// Opens a `<dialog>` as modal (focus inside, Escape closes it).
pub fn show_dialog(el: &web_sys::HtmlDialogElement) {
    if !el.open() {
        let _ = el.show_modal();
    }
}

pub fn close_dialog(el: &web_sys::HtmlDialogElement) {
    el.close();
}

const STORE_PREFIX: &str = "chiso.";

/// A remembered setting; `None` where storage is unavailable (a sandboxed embed, privacy mode).
pub fn remembered(key: &str) -> Option<String> {
    window()?
        .local_storage()
        .ok()??
        .get_item(&format!("{STORE_PREFIX}{key}"))
        .ok()?
}

pub fn remember(key: &str, value: &str) {
    if let Some(s) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(&format!("{STORE_PREFIX}{key}"), value);
    }
}

/// Today's date where the reader is.
pub fn today() -> chrono::NaiveDate {
    let d = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_default()
}

/// Offers `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Option<()> {
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let result = click_link(&url, name);
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// Offers a canvas's image as a PNG download.
pub fn download_canvas(canvas: &web_sys::HtmlCanvasElement, name: &str) -> Option<()> {
    let url = canvas.to_data_url_with_type("image/png").ok()?;
    click_link(&url, name)
}

fn click_link(href: &str, name: &str) -> Option<()> {
    let doc = window()?.document()?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(href);
    a.set_download(name);
    doc.body()?.append_child(&a).ok()?;
    a.click();
    a.remove();
    Some(())
}

/// A canvas that is not in the page, for drawing exports.
pub fn offscreen_canvas() -> Option<web_sys::HtmlCanvasElement> {
    window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()
}

/// The files dropped on an element.
pub fn dropped_files(ev: &web_sys::DragEvent) -> Option<web_sys::FileList> {
    ev.data_transfer()?.files()
}

/// The files chosen in the `<input type="file">` whose change event this is.
pub fn chosen_files(ev: &web_sys::Event) -> Option<web_sys::FileList> {
    // Only ever called from an input's own change handler, so its target is that input.
    ev.target()?
        .unchecked_into::<web_sys::HtmlInputElement>()
        .files()
}

/// The name and bytes of files the user picked or dropped.
pub async fn read_files(list: web_sys::FileList) -> Vec<(String, Result<Vec<u8>, String>)> {
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.get(i) else { continue };
        let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map(|buf| js_sys::Uint8Array::new(&buf).to_vec())
            .map_err(|e| e.as_string().unwrap_or_else(|| "unreadable".into()));
        out.push((file.name(), bytes));
    }
    out
}

/// Asks for full screen; browsers may refuse (an embed without permission), which is fine.
pub fn request_fullscreen(el: &web_sys::Element) {
    let _ = el.request_fullscreen();
}

pub fn exit_fullscreen() {
    if let Some(doc) = window().and_then(|w| w.document()) {
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
    }
}

/// Marks, once per page, the frame after the first chart was drawn: the moment a reader sees
/// figures. (Largest Contentful Paint ignores canvases, so we say it ourselves.)
pub fn mark_first_chart() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static DONE: AtomicBool = AtomicBool::new(false);
    if DONE.swap(true, Ordering::Relaxed) {
        return;
    }
    let Some(w) = window() else { return };
    let mark = Closure::once_into_js(|| {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark("chiso:first-chart");
        }
    });
    let _ = w.request_animation_frame(mark.unchecked_ref());
}

/// Runs `f` as a named span on the page's performance timeline (`performance.measure`), so
/// benchmarks read how long a step took from the page itself.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}

/// Data files embedded in the page itself (the single-file offline build): name, bytes and
/// checksum of each `<script type="application/json" data-chiso-file>`.
pub fn embedded_files() -> Vec<(String, Vec<u8>, Option<String>)> {
    let Some(list) = window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector_all("script[type='application/json'][data-chiso-file]")
            .ok()
    }) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|el| {
            let name = el.get_attribute("data-chiso-file")?;
            let text = el.text_content().unwrap_or_default();
            Some((name, text.into_bytes(), el.get_attribute("data-sha256")))
        })
        .collect()
}

/// Whether the `<details>` whose toggle event this is now stands open.
pub fn details_open(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// Opens the browser's print dialog (and from there, its "Save as PDF").
pub fn print_page() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Minutes east of UTC where the reader is, for showing stored times in local time.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

const FILE_PREFIX: &str = "chiso.file:";

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok()?
}

/// Why a file the user opened is not kept for later visits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotKept {
    NoStorage,
    Full,
    Refused,
    NotText,
    Unreadable,
}

/// Keeps a file the user opened for later visits, unless the storage refuses it (full,
/// unavailable) or the file is not text.
pub fn keep_file(name: &str, bytes: &[u8]) -> Result<(), NotKept> {
    let store = storage().ok_or(NotKept::NoStorage)?;
    let text = std::str::from_utf8(bytes).map_err(|_| NotKept::NotText)?;
    store
        .set_item(&format!("{FILE_PREFIX}{name}"), text)
        .map_err(|e| {
            let full = e
                .dyn_ref::<js_sys::Error>()
                .is_some_and(|e| e.name() == "QuotaExceededError");
            if full {
                NotKept::Full
            } else {
                NotKept::Refused
            }
        })
}

/// The files kept from earlier visits; `None` where the page has no storage (some file://
/// pages, sandboxed frames, privacy modes).
pub fn kept_files() -> Option<Vec<(String, Vec<u8>)>> {
    let store = storage()?;
    let count = store.length().ok()?;
    let mut files: Vec<(String, Vec<u8>)> = (0..count)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter_map(|key| {
            let name = key.strip_prefix(FILE_PREFIX)?.to_string();
            let text = store.get_item(&key).ok()??;
            Some((name, text.into_bytes()))
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Some(files)
}

pub fn forget_file(name: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&format!("{FILE_PREFIX}{name}"));
    }
}

/// The page's service-worker container: only over http(s), in a secure context, and where
/// the page may have one (a sandboxed frame may not: reading it throws there).
fn worker_container() -> Option<web_sys::ServiceWorkerContainer> {
    let w = window()?;
    let protocol = w.location().protocol().ok()?;
    if !matches!(protocol.as_str(), "http:" | "https:") || !w.is_secure_context() {
        return None;
    }
    js_sys::Reflect::get(&w.navigator(), &"serviceWorker".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Registers the service worker (`sw.js` next to the page; never on file://). `on_waiting`
/// runs when a new version has installed and waits while an older one controls the page.
pub fn register_worker(on_waiting: impl Fn() + 'static) {
    let Some(container) = worker_container() else {
        return;
    };
    let on_waiting = std::rc::Rc::new(on_waiting);
    wasm_bindgen_futures::spawn_local(async move {
        let promise = container.register("sw.js");
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let reg: web_sys::ServiceWorkerRegistration = reg.unchecked_into();
        let controlled = move || container.controller().is_some();
        if reg.waiting().is_some() && controlled() {
            on_waiting();
        }
        let watched = reg.clone();
        let found = Closure::<dyn FnMut()>::new(move || {
            let Some(worker) = watched.installing() else {
                return;
            };
            let (on_waiting, controlled, w) =
                (on_waiting.clone(), controlled.clone(), worker.clone());
            let changed = Closure::<dyn FnMut()>::new(move || {
                if w.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                    on_waiting();
                }
            });
            worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            // Lives as long as the worker it listens to, which outlives any owner we could give it.
            changed.forget();
        });
        reg.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        found.forget();
    });
}

/// Asks the waiting version to take over, and reloads the page once it has.
pub fn take_new_version() {
    let Some(container) = worker_container() else {
        return;
    };
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(container.get_registration()).await
        else {
            return;
        };
        let waiting = reg
            .dyn_into::<web_sys::ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.waiting());
        if let Some(worker) = waiting {
            let _ = worker.post_message(&"skip-waiting".into());
        }
    });
}
