//! What every component reads: the route (view, unit, periods, language), kept in the page's
//! address, today's date, and the signal that fetches the data again. Provided once by the app
//! as context; and the unit on screen.

use crate::api::Bundle;
use crate::browser::{hash, remember, remembered, set_hash, today};
use chiso_core::query;
use chiso_core::views::page::View;
use chiso_core::views::route::Route;
use chiso_core::Lang;
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Ui {
    pub route: RwSignal<Route>,
    /// The language and view alone, so that what shows only them does not re-render when
    /// the unit or the period range changes.
    lang: Memo<Lang>,
    pub view: Memo<View>,
    pub today: chrono::NaiveDate,
}

impl Ui {
    /// Reads the address, falls back to the remembered language, and keeps the two in step.
    pub fn start() -> Ui {
        let mut initial = Route::parse(&hash());
        // An embed speaks its address's language alone (`lang=`, else Vietnamese): what a
        // reader chose on the full dashboard must not change a portal's page.
        if initial.embed.is_none() {
            initial.lang = initial
                .lang
                .or_else(|| remembered("lang").and_then(|l| Lang::parse(&l)));
        }
        let route = RwSignal::new(initial);
        Effect::new(move |previous: Option<View>| {
            let r = route.get();
            let h = r.to_hash();
            if h != hash() {
                set_hash(&h, previous.is_some_and(|v| v != r.view));
            }
            if let (Some(l), None) = (r.lang, &r.embed) {
                remember("lang", l.code());
            }
            r.view
        });
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            let r = Route::parse(&hash());
            if r != route.get_untracked() {
                route.set(r);
            }
        });
        on_cleanup(move || listener.remove());
        Ui {
            route,
            lang: Memo::new(move |_| route.with(|r| r.lang.unwrap_or_default())),
            view: Memo::new(move |_| route.with(|r| r.view)),
            today: today(),
        }
    }

    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// A fixed label in the reader's language that follows a change of language. Every label
    /// is this one type, so the page's code for a reactive text or attribute exists once.
    pub fn tr(
        self,
        vi: &'static str,
        en: &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.lang().pick(vi, en)
    }

    pub fn set(self, f: impl FnOnce(&mut Route)) {
        self.route.update(f);
    }
}

pub fn ui() -> Ui {
    expect_context::<Ui>()
}

/// Fetches everything again: the retry behind every failed fetch, shared by the app's error
/// message and the file panel.
#[derive(Clone, Copy)]
pub struct Reload(RwSignal<u32>);

impl Reload {
    pub fn new() -> Reload {
        Reload(RwSignal::new(0))
    }

    /// Makes the reactive scope that calls this run again on every reload.
    pub fn track(self) {
        self.0.track();
    }

    pub fn request(self) {
        self.0.update(|n| *n += 1);
    }
}

/// The unit the page opens on when the address names none.
fn default_unit(bundle: &Bundle) -> String {
    let data = &bundle.loaded.data;
    // The unit the files fetched first were chosen for, when the manifest said what each holds.
    let chosen = bundle
        .first_unit
        .as_ref()
        .filter(|u| data.unit(u).is_some());
    chosen
        .cloned()
        .or_else(|| query::units::default_unit(data).map(|u| u.id.clone()))
        .unwrap_or_default()
}

/// The unit on screen, for what is built outside the view (a card's embed snippets).
#[derive(Clone, Copy)]
pub struct ShownUnit(pub Memo<String>);

/// The unit shown: the address's if it exists in the data, else the one already on screen, else
/// the default.
pub fn shown_unit(bundle: RwSignal<Arc<Bundle>>) -> Memo<String> {
    let ui = ui();
    Memo::new(move |shown: Option<&String>| {
        let wanted = ui.route.with(|r| r.unit.clone());
        bundle.with(|b| {
            let known = |u: &String| b.loaded.data.unit(u).is_some();
            // The unit on screen stays when a late file arrives: the default is chosen once.
            wanted
                .filter(known)
                .or_else(|| shown.filter(|u| known(u)).cloned())
                .unwrap_or_else(|| default_unit(b))
        })
    })
}
