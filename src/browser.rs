//! The browser, behind one small module: fetching bytes, the page's address, the screen.
//! gloo is thinly maintained, so its calls stay here and nowhere else.

use gloo_net::http::Request;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The bytes at `url`, or a sentence saying why not.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = Request::get(url).send().await.map_err(|e| e.to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {} {}", resp.status(), resp.status_text()));
    }
    resp.binary().await.map_err(|e| e.to_string())
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
pub fn prepare_canvas(canvas: &web_sys::HtmlCanvasElement, width: f64, height: f64) -> Option<()> {
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
