//! What goes wrong, said on the console in debug builds: a panic's message and place, and the
//! browser calls whose failure the page shrugs off (a refused write, a canvas without a context).
//! Release builds stay as small as before: they abort on a panic without a word, and `or_log`
//! only drops the error.

use std::fmt::Debug;

// Bound here rather than through web-sys: two functions, in debug builds only.
#[cfg(debug_assertions)]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn warn(message: &str);
    #[wasm_bindgen(js_namespace = console)]
    fn error(message: &str);
}

/// A browser call's result whose failure the page can do without.
pub trait OrLog<T> {
    /// The value, or `None` when the call failed; a debug build then warns on the console with
    /// `context`, what the page was doing ("could not set the canvas's size").
    fn or_log(self, context: &str) -> Option<T>;
}

impl<T, E: Debug> OrLog<T> for Result<T, E> {
    // Always inlined, and matched here rather than through `Result::ok`, which a build for size
    // may leave out of line: a release build keeps no context strings and no extra calls.
    #[inline(always)]
    #[cfg_attr(
        not(debug_assertions),
        expect(unused_variables),
        allow(clippy::manual_ok_err)
    )]
    fn or_log(self, context: &str) -> Option<T> {
        match self {
            Ok(v) => Some(v),
            Err(e) => {
                #[cfg(debug_assertions)]
                warn(&warning(context, &e));
                None
            }
        }
    }
}

#[cfg(debug_assertions)]
fn warning(context: &str, error: &impl Debug) -> String {
    format!("chiso: {context}: {error:?}")
}

/// Sends panics to the console, where the default hook's standard error goes nowhere.
#[cfg(debug_assertions)]
pub fn log_panics() {
    std::panic::set_hook(Box::new(|info| {
        error(&panicked(info));
    }));
}

/// The panic's place in the source, then its message.
#[cfg(debug_assertions)]
fn panicked(info: &std::panic::PanicHookInfo) -> String {
    format!("chiso: {info}")
}

#[cfg(all(test, debug_assertions))]
mod tests {
    use super::{panicked, warning};
    use std::sync::{Arc, Mutex};

    #[test]
    fn a_panic_says_where_then_what() {
        let said = Arc::new(Mutex::new(String::new()));
        let heard = said.clone();
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            *heard.lock().unwrap() = panicked(info)
        }));
        let line = line!() + 1;
        let caught = std::panic::catch_unwind(|| panic!("no unit {}", 7));
        std::panic::set_hook(default);
        assert!(caught.is_err());
        let said = said.lock().unwrap();
        let place = format!("chiso: panicked at src/browser/console.rs:{line}:");
        assert!(said.starts_with(&place), "{said}");
        assert!(said.ends_with(":\nno unit 7"), "{said}");
    }

    #[test]
    fn a_warning_says_what_failed_then_why() {
        #[derive(Debug)]
        struct SecurityError;
        assert_eq!(
            warning("could not set the canvas's size", &SecurityError),
            "chiso: could not set the canvas's size: SecurityError"
        );
        assert_eq!(
            warning("could not free a download's address", &"revoked"),
            "chiso: could not free a download's address: \"revoked\""
        );
    }
}
