//! Whether an element is on the screen or near it, now and as the reader scrolls: what a
//! card needs to draw the charts on screen first; and blanking a canvas that waits.

use super::{window, OrLog};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How far off the screen a chart still counts as near, as a share of the screen's height:
/// it is drawn with the charts on screen, before the reader scrolls to it.
const NEAR: f64 = 0.25;

/// Whether `el` is on the screen or near it now (a layout, if one is due): for the first
/// drawing, before an observer has reported.
pub fn is_near(el: &web_sys::Element) -> bool {
    let Some(h) = window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|v| v.as_f64())
    else {
        return true;
    };
    let r = el.get_bounding_client_rect();
    r.bottom() > -h * NEAR && r.top() < h * (1.0 + NEAR)
}

/// An intersection observer and its callback: reports until dropped.
pub struct NearWatch {
    observer: web_sys::IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for NearWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_change` with whether `el` is on the screen or near it, each time that changes
/// (scrolling, a layout that moves it) and once at first; stops when dropped.
pub fn watch_near(el: &web_sys::Element, on_change: impl Fn(bool) + 'static) -> Option<NearWatch> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let last = entries
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            .next_back();
        if let Some(e) = last {
            on_change(e.is_intersecting());
        }
    });
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(&format!("{}% 0px", NEAR * 100.0));
    let observer =
        web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
            .or_log("could not watch whether an element is near the screen")?;
    observer.observe(el);
    Some(NearWatch {
        observer,
        _callback: callback,
    })
}

/// Clears a canvas to transparent, keeping its size: a chart waiting to be drawn shows
/// nothing rather than the figures it showed before.
pub fn blank_canvas(canvas: &web_sys::HtmlCanvasElement) {
    let ctx = canvas
        .get_context("2d")
        .or_log("could not get a canvas's 2D context")
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
    if let Some(ctx) = ctx {
        ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
            .or_log("could not reset a canvas's scale");
        ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    }
}
