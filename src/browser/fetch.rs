//! Fetching a file's bytes: with a limit on how long a server may take to start answering, and
//! the service worker's headers when it answered with a stored copy.

use gloo_net::http::Request;
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
