//! Parts of the page in wasm modules of their own, fetched when first needed: the dashboard (an
//! embed never loads it), the file panel below the charts, present mode and the embed dialog's
//! snippets. Each part is a function marked `#[wasm_split(<module>, …, fallible)]`; the build cuts
//! the module out there (crates/chiso-build). Natively, and in tests, the call is
//! direct.

use crate::state::ui;
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;

/// A part's module did not arrive (the network failed, or the build is not whole).
#[derive(Clone, Debug)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What a part's function gives: its view, or why there is none.
pub type Part = Result<AnyView, NotLoaded>;

/// The reader's words for a part that did not arrive; a retry fetches its module anew.
pub fn not_loaded_words() -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    ui().tr(
        "Không tải được phần này của trang (mất kết nối?).",
        "This part of the page could not be loaded (connection lost?).",
    )
}

/// A part's place in the page: empty while its module loads, then the part; if the module does
/// not arrive, a note with a button that tries again. Nothing else on the page is lost.
pub fn deferred<Fut>(load: impl Fn() -> Fut + Send + 'static) -> impl IntoView
where
    Fut: Future<Output = Part> + 'static,
{
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let part = load();
        once_ready(().into_any(), async move {
            part.await.unwrap_or_else(|NotLoaded| {
                view! {
                    <p class="part-missing" role="alert">
                        {not_loaded_words()}" "
                        <button on:click=move |_| attempt.update(|n| *n += 1)>
                            {ui().tr("Thử lại", "Retry")}
                        </button>
                    </p>
                }
                .into_any()
            })
        })
    }
}

/// A place in the page that shows `waiting`, then the view `ready` gives. The view is built under
/// the owner that placed it, so it reaches the page's context. A resource and `<Suspense>` do
/// this too, at about 12 KiB of wasm (gzip) that every page would carry.
pub fn once_ready(
    waiting: AnyView,
    ready: impl Future<Output = AnyView> + 'static,
) -> impl IntoView {
    let shown = RwSignal::new_local(Some(waiting));
    leptos::task::spawn_local(ScopedFuture::new_untracked(async move {
        let view = ready.await;
        // The place may be gone by then (a reload): the view is dropped with it.
        let _ = shown.try_set(Some(view));
    }));
    move || {
        shown.track();
        shown.try_update_untracked(Option::take).flatten()
    }
}
