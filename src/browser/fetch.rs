//! Fetching a file's bytes: with a limit on how long a server may take to start answering, and
//! the service worker's headers when it answered with a stored copy; the default data's first
//! answers come from the fetches the page's shell script started before the wasm ran.

use super::OrLog;
use chiso_core::ingest::envelope::{hex, sha256_hex};
use gloo_net::http::{Request, Response};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A fetched file's bytes and, when the service worker answered with its last good copy, the
/// two headers saying why and since when.
#[derive(Clone)]
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
            .or_log("could not set a fetch's deadline")
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

/// The fetches public/shell.js started while the wasm loaded (`window.chisoEarly`).
fn early_fetches() -> Option<js_sys::Map> {
    let window: JsValue = web_sys::window()?.into();
    js_sys::Reflect::get(&window, &"chisoEarly".into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Tells the shell's script that the app fetches the listed files from now on: a fetch it
/// started before is taken, and it starts none after (it would go stale).
pub fn close_early_fetches() {
    if let Some(early) = early_fetches() {
        js_sys::Reflect::set(&early, &"closed".into(), &JsValue::TRUE)
            .or_log("could not close the early fetches");
    }
}

/// A fetch of `address` that public/shell.js started while the wasm loaded: its answer and the
/// controller that aborts it. Taken once, so a retry asks the network anew.
fn take_early(address: &str) -> Option<(js_sys::Promise, web_sys::AbortController)> {
    let early = early_fetches()?;
    let key = JsValue::from_str(address);
    let entry = early.get(&key);
    early.delete(&key);
    let field = |name: &str| js_sys::Reflect::get(&entry, &name.into()).ok();
    Some((
        field("answer")?.dyn_into().ok()?,
        field("controller")?.dyn_into().ok()?,
    ))
}

/// The answer of a fetch started outside gloo, or the error's name and message.
async fn answer_of(promise: js_sys::Promise) -> Result<Response, String> {
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await;
    answer
        .and_then(|r| r.dyn_into::<web_sys::Response>())
        .map(Response::from)
        .map_err(|e| match e.dyn_ref::<js_sys::Error>() {
            Some(e) => format!("{}: {}", e.name(), e.message()),
            None => "fetch failed".to_string(),
        })
}

/// A failed request in words, as the browser gives them. Not by gloo's `Display`, which brings
/// serde_json's and std's texts for errors a fetch never has into the first module.
fn said(e: gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(e) => format!("{}: {}", e.name, e.message),
        gloo_net::Error::GlooError(e) => e,
        _ => "fetch failed".to_string(),
    }
}

/// The bytes at `url`, or a sentence saying why not.
pub async fn fetch_bytes(url: &str) -> Result<Fetched, String> {
    use chiso_core::ingest::last_good::{REASON_HEADER, STORED_HEADER};
    let early = take_early(url);
    let controller = match &early {
        Some((_, c)) => Some(c.clone()),
        None => web_sys::AbortController::new().or_log("could not make a fetch abortable"),
    };
    let deadline = controller
        .as_ref()
        .map(|c| Deadline::new(c, ANSWER_WITHIN_MS));
    let sent = match early {
        Some((answer, _)) => answer_of(answer).await,
        None => Request::get(url)
            .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref())
            .send()
            .await
            .map_err(said),
    };
    let timed_out = controller.as_ref().is_some_and(|c| c.signal().aborted());
    drop(deadline);
    let resp = sent.map_err(|e| {
        if timed_out {
            let s = ANSWER_WITHIN_MS / 1000;
            format!("không có trả lời sau {s} giây / no answer within {s} s")
        } else {
            e
        }
    })?;
    if !resp.ok() {
        return Err(format!("HTTP {} {}", resp.status(), resp.status_text()));
    }
    let headers = resp.headers();
    let (fallback, stored) = (headers.get(REASON_HEADER), headers.get(STORED_HEADER));
    let bytes = resp.binary().await.map_err(said)?;
    Ok(Fetched {
        bytes,
        fallback,
        stored,
    })
}

/// `bytes` as they were before gzip (the browser's own inflater: no code of ours), or as they
/// are if they are not gzipped (a server may have taken the gzip off already).
pub async fn gunzip(bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let inflate = async {
        let inflater = Inflater::new("gzip")?;
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
        let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
        // A DecompressionStream is a readable and writable pair.
        let stream = blob.stream().pipe_through(inflater.unchecked_ref());
        let answer = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
        let buffer = wasm_bindgen_futures::JsFuture::from(answer.array_buffer()?).await?;
        Ok::<_, wasm_bindgen::JsValue>(js_sys::Uint8Array::new(&buffer).to_vec())
    };
    inflate.await.map_err(|_| "not gzip".to_string())
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `DecompressionStream` (web-sys has it only behind its unstable APIs).
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Inflater;

    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<Inflater, JsValue>;
}

/// The sha256 of `bytes` in lower-case hex: the browser's own (native, off the wasm) where the
/// page is a secure context, else the core's.
pub async fn sha256(bytes: &[u8]) -> String {
    let native = async {
        let subtle = web_sys::window()?.crypto().ok()?.subtle();
        // Outside a secure context `crypto.subtle` is undefined: the call throws.
        let digest = subtle.digest_with_str_and_u8_array("SHA-256", bytes).ok()?;
        let buffer = wasm_bindgen_futures::JsFuture::from(digest).await.ok()?;
        Some(hex(&js_sys::Uint8Array::new(&buffer).to_vec()))
    };
    match native.await {
        Some(digest) => digest,
        None => sha256_hex(bytes),
    }
}
