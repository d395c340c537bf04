//! Files the reader opened, kept for later visits in the browser's IndexedDB: a national file of
//! tens of MB fits there, where `localStorage` holds about 5 MB in all, as text. Files an earlier
//! version kept in `localStorage` move here when first read.

use super::{window, OrLog};
use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DATABASE: &str = "chiso";
const FILES: &str = "files";
/// Where an earlier version kept each file, as text under `chiso.file:<name>`.
const OLD_PREFIX: &str = "chiso.file:";

/// Why a file the user opened is not kept for later visits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotKept {
    NoStorage,
    Full,
    Refused,
    Unreadable,
}

/// Settles when `target` fires `success` (`Ok`) or `error` (`Err`): a request, or with
/// `complete`/`abort` a transaction, whose own result or error the caller then reads.
async fn settled(target: &JsValue, ok: &str, failed: &[&str]) -> Result<(), ()> {
    let mut on = |resolve: js_sys::Function, reject: js_sys::Function| {
        let _ = js_sys::Reflect::set(target, &format!("on{ok}").into(), &resolve);
        for event in failed {
            let _ = js_sys::Reflect::set(target, &format!("on{event}").into(), &reject);
        }
    };
    JsFuture::from(Promise::new(&mut on))
        .await
        .map(drop)
        .map_err(drop)
}

/// The database, created on first use; `None` where the page may not have one (some sandboxed
/// frames and privacy modes).
async fn open() -> Option<IdbDatabase> {
    let request = window()?
        .indexed_db()
        .ok()??
        .open_with_u32(DATABASE, 1)
        .ok()?;
    let create = Closure::<dyn FnMut()>::new({
        let request = request.clone();
        move || {
            if let Some(db) = request
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                db.create_object_store(FILES)
                    .or_log("could not create the store of kept files");
            }
        }
    });
    request.set_onupgradeneeded(Some(create.as_ref().unchecked_ref()));
    settled(&request, "success", &["error", "blocked"])
        .await
        .ok()?;
    request.result().ok()?.dyn_into().ok()
}

/// The store of files in a new transaction of `mode`.
fn files(db: &IdbDatabase, mode: IdbTransactionMode) -> Option<(IdbTransaction, IdbObjectStore)> {
    let tx = db.transaction_with_str_and_mode(FILES, mode).ok()?;
    let store = tx.object_store(FILES).ok()?;
    Some((tx, store))
}

/// Waits for a write to be committed: `Full` when the browser's quota refused it.
async fn committed(tx: &IdbTransaction) -> Result<(), NotKept> {
    match settled(tx, "complete", &["abort", "error"]).await {
        Ok(()) => Ok(()),
        Err(()) if tx.error().is_some_and(|e| e.name() == "QuotaExceededError") => {
            Err(NotKept::Full)
        }
        Err(()) => Err(NotKept::Refused),
    }
}

/// Keeps a file the user opened for later visits, unless the browser refuses it.
pub async fn keep_file(name: &str, bytes: &[u8]) -> Result<(), NotKept> {
    let db = open().await.ok_or(NotKept::NoStorage)?;
    let (tx, store) = files(&db, IdbTransactionMode::Readwrite).ok_or(NotKept::Refused)?;
    let value = Uint8Array::from(bytes);
    store
        .put_with_key(&value, &name.into())
        .map_err(|_| NotKept::Refused)?;
    committed(&tx).await
}

/// The files kept from earlier visits, by name; `None` where the page has no storage.
pub async fn kept_files() -> Option<Vec<(String, Vec<u8>)>> {
    let db = open().await?;
    move_old_files(&db).await;
    let (_tx, store) = files(&db, IdbTransactionMode::Readonly)?;
    let keys = store.get_all_keys().ok()?;
    let values = store.get_all().ok()?;
    let all = |r: &IdbRequest| r.result().ok().map(|v| Array::from(&v));
    settled(&values, "success", &["error"]).await.ok()?;
    let (keys, values) = (all(&keys)?, all(&values)?);
    // Keys come in order, so files are joined by name, as they always were.
    let files = keys
        .iter()
        .zip(values.iter())
        .filter_map(|(k, v)| Some((k.as_string()?, v.dyn_into::<Uint8Array>().ok()?.to_vec())))
        .collect();
    Some(files)
}

/// Moves the files an earlier version kept in `localStorage` into the database; each leaves
/// `localStorage` only once it is stored here.
async fn move_old_files(db: &IdbDatabase) {
    let Some(old) = window().and_then(|w| w.local_storage().ok().flatten()) else {
        return;
    };
    let count = old.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| old.key(i).ok().flatten())
        .filter(|k| k.starts_with(OLD_PREFIX))
        .collect();
    for key in keys {
        let (Some(text), Some((tx, store))) = (
            old.get_item(&key).ok().flatten(),
            files(db, IdbTransactionMode::Readwrite),
        ) else {
            continue;
        };
        let name = &key[OLD_PREFIX.len()..];
        let value = Uint8Array::from(text.as_bytes());
        if store.put_with_key(&value, &name.into()).is_ok() && committed(&tx).await.is_ok() {
            old.remove_item(&key).or_log("could not clear a moved file");
        }
    }
}

/// Forgets a kept file; the page's next load no longer joins it.
pub async fn forget_file(name: &str) {
    let Some(db) = open().await else {
        return;
    };
    let Some((tx, store)) = files(&db, IdbTransactionMode::Readwrite) else {
        return;
    };
    if store.delete(&name.into()).is_ok() {
        let _ = committed(&tx).await;
    }
}
