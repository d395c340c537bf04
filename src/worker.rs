//! The import worker seen from the page: a separate wasm module in a Web Worker, started on
//! first use (a reader who never imports downloads nothing more). Like browser/ it touches
//! browser APIs; it is its own module so that all of the worker's messaging stays together.
//! Callbacks rather than futures: the page's wasm stays smaller.

use crate::browser::OrLog;
use js_sys::{Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The worker's loader (public/import-worker.js), which holds tables sent while it loads.
const LOADER: &str = "./import-worker.js";

const NOT_STARTED: &str = "the import module did not start";

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
}

/// What the worker made of a table.
#[derive(Clone)]
pub struct Converted {
    /// The table's name as it came, and the metric file's name and bytes (`chiso import`'s).
    pub input: String,
    pub file: String,
    pub json: Vec<u8>,
    pub figures: usize,
    /// The import's findings, one a line at its cell, in Vietnamese and in English.
    pub vi: String,
    pub en: String,
}

/// Hears the worker's answers.
pub type Reply = Rc<dyn Fn(Result<Converted, String>)>;

/// Whether a worker can start here: not from a page opened as a file, where browsers refuse
/// to load one.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p != "file:")
}

fn field(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn text(obj: &JsValue, key: &str) -> String {
    field(obj, key).as_string().unwrap_or_default()
}

fn converted(data: &JsValue) -> Converted {
    Converted {
        input: text(data, "input"),
        file: text(data, "file"),
        json: field(data, "json")
            .dyn_into::<Uint8Array>()
            .map(|b| b.to_vec())
            .unwrap_or_default(),
        figures: field(data, "figures").as_f64().unwrap_or(0.0) as usize,
        vi: text(data, "vi"),
        en: text(data, "en"),
    }
}

/// Starts the worker; `on_reply` hears each answer, or why the worker failed (it is then
/// dropped, and the next table starts a fresh one).
fn start(on_reply: Reply) -> Result<web_sys::Worker, String> {
    let worker = web_sys::Worker::new(LOADER).map_err(|_| NOT_STARTED.to_string())?;
    let hear = on_reply.clone();
    let on_message = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
        hear(Ok(converted(&field(&ev, "data"))));
    });
    let on_error = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
        if let Some(w) = WORKER.take() {
            w.terminate();
        }
        let why = field(&ev, "message").as_string();
        on_reply(Err(why.unwrap_or_else(|| NOT_STARTED.into())));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // Both live as long as the worker, which lives as long as the page.
    on_message.forget();
    on_error.forget();
    WORKER.set(Some(worker.clone()));
    Ok(worker)
}

/// What the reader asks of an import: `chiso import`'s `--sheet`, `--indicator`, `--period`,
/// `--unit`, `--source` and `--title`, each left empty when not given.
#[derive(Clone, Default)]
pub struct Asked {
    pub sheet: String,
    pub indicator: String,
    pub period: String,
    pub unit: String,
    pub source: String,
    pub title: String,
}

impl Asked {
    /// Each option by its name in the worker's message.
    pub fn flags(&self) -> [(&'static str, &str); 6] {
        [
            ("sheet", &self.sheet),
            ("indicator", &self.indicator),
            ("period", &self.period),
            ("unit", &self.unit),
            ("source", &self.source),
            ("title", &self.title),
        ]
    }
}

/// Sends the table `name` to the worker, starting it on first use; `on_reply` hears the
/// metric file it makes of it.
pub fn convert(name: &str, bytes: &[u8], asked: &Asked, on_reply: Reply) -> Result<(), String> {
    let worker = match WORKER.with_borrow(Clone::clone) {
        Some(w) => w,
        None => start(on_reply)?,
    };
    let msg = Object::new();
    let set = |key: &str, value: &JsValue| {
        Reflect::set(&msg, &key.into(), value).or_log("could not write a table's message");
    };
    set("name", &name.into());
    set("bytes", &Uint8Array::from(bytes));
    for (key, value) in asked.flags() {
        set(key, &value.into());
    }
    worker
        .post_message(&msg)
        .map_err(|_| NOT_STARTED.to_string())
}
