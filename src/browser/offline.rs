//! What outlives a visit: the service worker's registration and its new versions, and the
//! reader's time zone for stored times. Files the reader keeps are `kept`'s.

use super::{window, OrLog};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Minutes east of UTC where the reader is, for showing stored times in local time.
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
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

/// How long a page may stay open before, shown again, it asks whether a newer version exists: a
/// tablet left on the dashboard for days would otherwise never hear of one.
const RECHECK_MS: f64 = 3_600_000.0;

/// Registers the service worker (`sw.js` next to the page; never on file://) once the first chart
/// is shown. `on_waiting` runs when a new version has installed and waits while an older one
/// controls the page.
pub fn register_worker(on_waiting: impl Fn() + 'static) {
    // A debug build (`trunk serve`) is rebuilt and reloaded on every change: a worker would answer
    // each reload from the previous build's cache.
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = worker_container() else {
        return;
    };
    let on_waiting = std::rc::Rc::new(on_waiting);
    wasm_bindgen_futures::spawn_local(async move {
        // Installing precaches every part and data file: on a slow line, not before the
        // reader has the first chart.
        super::first_chart_shown().await;
        let promise = container.register("sw.js");
        let Some(reg) = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .or_log("could not register the service worker")
        else {
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
        recheck_when_shown(reg);
    });
}

/// Asks for a new version when the page is shown again an hour or more after it last asked.
fn recheck_when_shown(reg: web_sys::ServiceWorkerRegistration) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let asked = std::cell::Cell::new(js_sys::Date::now());
    let page = document.clone();
    let shown = Closure::<dyn FnMut()>::new(move || {
        let now = js_sys::Date::now();
        if page.visibility_state() == web_sys::VisibilityState::Visible
            && now - asked.get() >= RECHECK_MS
        {
            asked.set(now);
            let _ = reg.update().or_log("could not ask for a new version");
        }
    });
    document
        .add_event_listener_with_callback("visibilitychange", shown.as_ref().unchecked_ref())
        .or_log("could not follow the page's visibility");
    // Lives as long as the page.
    shown.forget();
}

/// Asks the waiting version to take over, and reloads the page once it has.
pub fn take_new_version() {
    let Some(container) = worker_container() else {
        return;
    };
    let reload = Closure::<dyn FnMut()>::new(super::reload);
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Some(reg) = wasm_bindgen_futures::JsFuture::from(container.get_registration())
            .await
            .or_log("could not find the service worker's registration")
        else {
            return;
        };
        let waiting = reg
            .dyn_into::<web_sys::ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.waiting());
        if let Some(worker) = waiting {
            worker
                .post_message(&"skip-waiting".into())
                .or_log("could not ask the new version to take over");
        }
    });
}
