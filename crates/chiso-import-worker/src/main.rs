//! The dashboard's import worker, a wasm module of its own so that the spreadsheet reader never
//! weighs on the main page. Loaded by `public/import-worker.js`, it answers each
//! `{name, bytes, sheet?, indicator?, source?, title?}` (the last four as `chiso import`'s flags)
//! with `{input, file, json, figures, findings: [{error, cell, vi, en}], vi, en}`,
//! the last two being every finding's line in each language, one a line.

mod answer;

use chiso_core::import::Options;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a property on a plain object cannot fail.
    let _ = Reflect::set(obj, &key.into(), &value.into());
}

fn reply(name: String, a: answer::Answer) -> Object {
    let out = Object::new();
    let worded = |pick: fn(&answer::Line) -> &str| {
        let lines: Vec<&str> = a.findings.iter().map(pick).collect();
        lines.join("\n")
    };
    set(&out, "vi", worded(|l| &l.vi));
    set(&out, "en", worded(|l| &l.en));
    let findings: Array = a
        .findings
        .iter()
        .map(|l| {
            let f = Object::new();
            set(&f, "error", l.error);
            set(&f, "cell", l.cell.clone());
            set(&f, "vi", l.vi.as_str());
            set(&f, "en", l.en.as_str());
            f
        })
        .collect();
    set(&out, "input", name);
    set(&out, "file", a.file);
    set(&out, "json", Uint8Array::from(a.json.as_slice()));
    set(&out, "figures", a.figures as u32);
    set(&out, "findings", findings);
    out
}

fn on_message(ev: &MessageEvent) -> Object {
    let data = ev.data();
    let field = |k: &str| Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let name = field("name").as_string().unwrap_or_default();
    let bytes = field("bytes")
        .dyn_into::<Uint8Array>()
        .map(|b| b.to_vec())
        .unwrap_or_default();
    // An option left empty is not given.
    let option = |k: &str| field(k).as_string().filter(|v| !v.trim().is_empty());
    let opts = Options {
        indicator: option("indicator"),
        source: option("source"),
        title: option("title"),
        period: option("period"),
        unit: option("unit"),
        ..Options::default()
    };
    let a = answer::answer(&name, &bytes, option("sheet").as_deref(), opts);
    reply(name, a)
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let port = scope.clone();
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let _ = port.post_message(&on_message(&ev));
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
}
