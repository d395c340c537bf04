//! The browser, behind one small module: the page's address and language, the screen, canvases,
//! files and downloads; fetching (`fetch`), frames and dialogs (`frame`), and what outlives a
//! visit (`offline`, and the reader's files, `kept`) in modules of their own, and what goes wrong said on the console in debug
//! builds (`console`). The only module that touches the DOM; gloo is thinly maintained, so its
//! calls stay here too.

mod console;
mod fetch;
mod frame;
mod kept;
mod offline;
mod visible;

pub use console::*;
pub use fetch::*;
pub use frame::*;
pub use kept::*;
pub use offline::*;
pub use visible::*;

use chiso_core::render::{draw, ChartSpec, DrawOptions, Frame};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Loads the page afresh.
pub fn reload() {
    if let Some(w) = window() {
        w.location().reload().or_log("could not reload the page");
    }
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
    // Only when the size changed: a new size reallocates the backing store and restyles
    // the element, which a redraw for another unit does not need.
    let (w, h) = ((width * dpr).round() as u32, (height * dpr).round() as u32);
    if (canvas.width(), canvas.height()) != (w, h) {
        let style = canvas.style();
        let size = "could not set a canvas's size";
        style
            .set_property("width", &format!("{width}px"))
            .or_log(size)?;
        style
            .set_property("height", &format!("{height}px"))
            .or_log(size)?;
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .or_log("could not get a canvas's 2D context")??
        .dyn_into()
        .ok()?;
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)
        .or_log("could not scale a canvas to the screen")
}

/// Draws `spec` on `canvas` at `width` × `height` CSS pixels and the screen's pixel density;
/// nothing on a canvas too narrow for a chart.
pub fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    spec: &ChartSpec,
    width: f64,
    height: f64,
    opts: DrawOptions,
) -> Option<Frame> {
    let width = width.floor();
    if width < 10.0 {
        return None;
    }
    prepare_canvas(canvas, width, height)?;
    let root = CanvasBackend::with_canvas_object(canvas.clone())?.into_drawing_area();
    // The context is scaled by the pixel ratio, so draw on a CSS-sized part of the canvas.
    draw(
        spec,
        &root.shrink((0, 0), (width as u32, height as u32)),
        opts,
    )
    .or_log("could not draw a chart")
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

/// A size observer and its callback: reports until dropped.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_change` with the observer's entries when `el` changes size, and once at its first
/// layout.
pub(crate) fn watch_size(
    el: &web_sys::Element,
    on_change: impl FnMut(js_sys::Array) + 'static,
) -> Option<SizeWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(on_change);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref())
        .or_log("could not watch an element's size")?;
    observer.observe(el);
    Some(SizeWatch {
        observer,
        _callback: callback,
    })
}

/// Reports an element's content width now and whenever it changes (window resize, rotation,
/// layout); stops when dropped.
pub fn watch_width(el: &web_sys::Element, on_width: impl Fn(f64) + 'static) -> Option<SizeWatch> {
    watch_size(el, move |entries| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            on_width(entry.content_rect().width());
        }
    })
}

pub(crate) fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Tells the browser (screen readers, hyphenation, fonts) the page's language.
pub fn set_page_lang(code: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        root.set_attribute("lang", code)
            .or_log("could not set the page's language");
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
        w.location()
            .set_hash(hash)
            .or_log("could not set the address's #");
    } else if let Some(h) = w.history().or_log("could not reach the history") {
        h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
            .or_log("could not replace the address's #");
    }
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
        s.set_item(&format!("{STORE_PREFIX}{key}"), value)
            .or_log("could not remember a setting");
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
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options)
        .or_log("could not make a file to download")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .or_log("could not give a download an address")?;
    let result = click_link(&url, name);
    web_sys::Url::revoke_object_url(&url).or_log("could not free a download's address");
    result
}

/// Offers a canvas's image as a PNG download.
pub fn download_canvas(canvas: &web_sys::HtmlCanvasElement, name: &str) -> Option<()> {
    let url = canvas
        .to_data_url_with_type("image/png")
        .or_log("could not read a canvas as PNG")?;
    click_link(&url, name)
}

fn click_link(href: &str, name: &str) -> Option<()> {
    let doc = window()?.document()?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .or_log("could not make a download link")?
        .dyn_into()
        .ok()?;
    a.set_href(href);
    a.set_download(name);
    doc.body()?
        .append_child(&a)
        .or_log("could not place a download link")?;
    a.click();
    a.remove();
    Some(())
}

/// A canvas that is not in the page, for drawing exports.
pub fn offscreen_canvas() -> Option<web_sys::HtmlCanvasElement> {
    window()?
        .document()?
        .create_element("canvas")
        .or_log("could not make a canvas for an export")?
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

/// Resolves once `schedule` calls back the function it is given.
fn called_back(schedule: impl FnOnce(Box<dyn FnOnce()>)) -> impl std::future::Future<Output = ()> {
    let (done, called) = futures::channel::oneshot::channel();
    schedule(Box::new(move || {
        // Refused only when the future was dropped: no one waits any more.
        let _ = done.send(());
    }));
    async move {
        // Cancelled only when the browser would not schedule the call: go on rather than hang.
        let _ = called.await;
    }
}

/// Resolves after `ms` milliseconds.
pub fn sleep(ms: u64) -> impl std::future::Future<Output = ()> {
    called_back(move |done| leptos::prelude::set_timeout(done, Duration::from_millis(ms)))
}

/// Asks for `el` full screen once it is in the document (a part's view is built before it is
/// placed). The browser may refuse (an embed's frame without the permission, no recent tap): the
/// mode then fills the window alone, and the refusal is no error of the page's.
pub fn request_fullscreen(el: web_sys::Element) {
    leptos::prelude::request_animation_frame(move || {
        let Ok(ask) = js_sys::Reflect::get(&el, &"requestFullscreen".into()) else {
            return;
        };
        let asked = ask
            .dyn_into::<js_sys::Function>()
            .and_then(|f| f.call0(&el));
        if let Ok(answer) = asked.and_then(|p| p.dyn_into::<js_sys::Promise>()) {
            wasm_bindgen_futures::spawn_local(async move {
                // Rejected when the browser refuses, which is no error of the page's (above).
                let _ = wasm_bindgen_futures::JsFuture::from(answer).await;
            });
        }
    });
}

pub fn exit_fullscreen() {
    if let Some(doc) = window().and_then(|w| w.document()) {
        if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
    }
}

/// Removes index.html's static shell (what the page shows before the code has arrived) and the
/// view its script noted, just before the app mounts.
pub fn remove_shell() {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(shell) = doc.get_element_by_id("shell") {
        shell.remove();
    }
    if let Some(root) = doc.document_element() {
        root.remove_attribute("data-shell-view")
            .or_log("could not remove the shell's view");
    }
}

/// The first chart of the page: drawn, its frame painted, and what waits for that frame.
#[derive(Default)]
struct FirstChart {
    drawn: bool,
    shown: bool,
    waiting: Vec<Box<dyn FnOnce()>>,
}

thread_local! {
    static FIRST_CHART: RefCell<FirstChart> = RefCell::default();
}

/// Marks, once per page, the frame after the first chart was drawn: the moment a reader sees
/// figures. (Largest Contentful Paint ignores canvases, so we say it ourselves.) What waits for
/// that frame (`first_chart_shown`) starts in the task after it.
pub fn mark_first_chart() {
    if FIRST_CHART.with_borrow_mut(|first| std::mem::replace(&mut first.drawn, true)) {
        return;
    }
    leptos::prelude::request_animation_frame(|| {
        if let Some(p) = window().and_then(|w| w.performance()) {
            p.mark("chiso:first-chart")
                .or_log("could not mark the first chart");
        }
        leptos::prelude::set_timeout(
            || {
                let waiting = FIRST_CHART.with_borrow_mut(|first| {
                    first.shown = true;
                    std::mem::take(&mut first.waiting)
                });
                waiting.into_iter().for_each(|wake| wake());
            },
            Duration::ZERO,
        );
    });
}

/// How long `first_chart_shown` waits on a page that shows no chart (a view without figures for
/// the unit).
const FIRST_CHART_MOST_MS: u64 = 3_000;

/// Resolves once the first chart's frame is painted, or after `FIRST_CHART_MOST_MS` if the page
/// shows no chart by then: work that can wait (the files the first chart did not need, the file
/// panel's module) then does not hold up the figures the reader came for.
pub async fn first_chart_shown() {
    let shown = called_back(|done| {
        let done = FIRST_CHART.with_borrow_mut(|first| {
            if first.shown {
                return Some(done);
            }
            first.waiting.push(done);
            None
        });
        // Called outside the borrow: what it wakes may ask again.
        if let Some(done) = done {
            done();
        }
    });
    futures::future::select(Box::pin(shown), Box::pin(sleep(FIRST_CHART_MOST_MS))).await;
}

/// Runs `f` as a named span on the page's performance timeline (`performance.measure`), so
/// benchmarks read how long a step took from the page itself.
pub fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &perf {
        p.mark(&start).or_log("could not mark a step's start");
    }
    let out = f();
    if let Some(p) = &perf {
        p.measure_with_start_mark(name, &start)
            .or_log("could not measure a step");
    }
    out
}

/// `measured` for a step that waits: spans of the same name may overlap (files read side by
/// side), so each starts at a mark of its own, `tag`.
pub async fn measured_async<T>(
    name: &str,
    tag: &str,
    f: impl std::future::Future<Output = T>,
) -> T {
    let perf = window().and_then(|w| w.performance());
    let start = format!("{name}:{tag}:start");
    if let Some(p) = &perf {
        p.mark(&start).or_log("could not mark a step's start");
    }
    let out = f.await;
    if let Some(p) = &perf {
        p.measure_with_start_mark(name, &start)
            .or_log("could not measure a step");
    }
    out
}

/// The data files the single-file offline build carries inside the page.
const EMBEDDED: &str = "script[type='application/json'][data-chiso-file]";

/// Whether this page is the single-file build: it carries its data, and nothing lies beside it.
pub fn single_file() -> bool {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(EMBEDDED).ok().flatten())
        .is_some()
}

/// Data files embedded in the page itself (the single-file offline build): name, bytes and
/// checksum of each `<script type="application/json" data-chiso-file>`.
pub fn embedded_files() -> Vec<(String, Vec<u8>, Option<String>)> {
    let Some(list) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(EMBEDDED).ok())
    else {
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
        w.print().or_log("could not open the print dialog");
    }
}
