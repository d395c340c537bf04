//! Present mode, for meetings: the unit's key charts one at a time, full screen, stepped
//! through with swipes, arrow keys or the buttons; Escape leaves.

use crate::api::Bundle;
use crate::browser::{exit_fullscreen, request_fullscreen};
use crate::chart_view::{fixed, ChartCard};
use crate::state::ui;
use crate::views::with_query;
use chiso_core::views::page::key_charts;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// How far a finger must travel sideways to count as a swipe, in CSS pixels.
const SWIPE: f64 = 50.0;

#[component]
pub fn Present(
    bundle: RwSignal<Arc<Bundle>>,
    unit: Memo<String>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let ui = ui();
    let charts = Memo::new(move |_| with_query(bundle, unit, |q| key_charts(q, ui.today)));
    let index = RwSignal::new(0usize);
    let count = move || charts.with(Vec::len);
    let step = move |by: isize| {
        let n = count() as isize;
        if n > 0 {
            index.update(|i| *i = (*i as isize + by).rem_euclid(n) as usize);
        }
    };
    let close = move || {
        exit_fullscreen();
        open.set(false);
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| match ev.key().as_str() {
        "ArrowRight" | "PageDown" | " " => step(1),
        "ArrowLeft" | "PageUp" => step(-1),
        "Escape" => close(),
        _ => {}
    });
    on_cleanup(move || keys.remove());
    let overlay = NodeRef::<html::Div>::new();
    overlay.on_load(|el| request_fullscreen(el.into()));
    let start = RwSignal::new(None::<f64>);
    let current = Signal::derive(move || charts.with(|c| c.get(index.get()).cloned()));
    view! {
        <div class="present-mode" node_ref=overlay role="dialog" aria-modal="true"
            on:pointerdown=move |ev: web_sys::PointerEvent| start.set(Some(ev.client_x() as f64))
            on:pointerup=move |ev: web_sys::PointerEvent| {
                if let Some(x0) = start.get_untracked() {
                    let dx = ev.client_x() as f64 - x0;
                    if dx.abs() > SWIPE {
                        step(if dx < 0.0 { 1 } else { -1 });
                    }
                }
                start.set(None);
            }
        >
            <div class="present-bar">
                <button class="prev" on:click=move |_| step(-1) aria-label=ui.tr("Biểu đồ trước", "Previous chart")>"‹"</button>
                <span class="position">{move || format!("{} / {}", (index.get() + 1).min(count()), count())}</span>
                <button class="next" on:click=move |_| step(1) aria-label=ui.tr("Biểu đồ sau", "Next chart")>"›"</button>
                <button class="close" on:click=move |_| close()>{ui.tr("Thoát", "Exit")}</button>
            </div>
            {move || match current.get() {
                Some(spec) => view! { <ChartCard spec=fixed(spec)/> }.into_any(),
                None => view! {
                    <p class="empty">{ui.lang().pick("Đơn vị này chưa có biểu đồ nào để trình chiếu.", "This unit has no charts to present.")}</p>
                }.into_any(),
            }}
        </div>
    }
}
