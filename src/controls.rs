//! The unit picker, the period range and the present-mode button: thumb-sized, in the address.

use crate::api::Bundle;
use crate::state::ui;
use chiso_core::query::periods::unit_periods;
use chiso_core::query::units::units_by_level;
use chiso_core::Period;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Controls(
    bundle: RwSignal<Arc<Bundle>>,
    unit: Memo<String>,
    present: RwSignal<bool>,
) -> impl IntoView {
    let ui = ui();
    // The options are built again only for another language or data; a change of unit
    // moves the selection alone.
    let units = move || {
        let lang = ui.lang();
        bundle.with(|b| {
            units_by_level(&b.loaded.data)
                .into_iter()
                .map(|(level, members)| {
                    let options = members
                        .into_iter()
                        .map(|u| {
                            let id = u.id.clone();
                            let is = move || unit.with(|s| *s == id);
                            view! { <option value=u.id.clone() prop:selected=is>{u.name.get(lang).to_string()}</option> }
                        })
                        .collect_view();
                    view! { <optgroup label=level.plural(lang)>{options}</optgroup> }
                })
                .collect_view()
        })
    };
    let periods = Memo::new(move |_| {
        let u = unit.get();
        bundle.with(|b| unit_periods(&b.loaded.data, &u))
    });
    let options = move |current: Option<Period>| {
        let lang = ui.lang();
        let all = lang.pick("(tất cả)", "(all)");
        let mut v =
            vec![view! { <option value="" selected=current.is_none()>{all}</option> }.into_any()];
        v.extend(periods.get().into_iter().map(|p| {
            let is = Some(p) == current;
            view! { <option value=p.to_string() selected=is>{p.label(lang)}</option> }.into_any()
        }));
        v
    };
    let from = move || options(ui.route.with(|r| r.from));
    let to = move || options(ui.route.with(|r| r.to));
    view! {
        <section class="controls">
            <label>
                <span>{ui.tr("Đơn vị", "Unit")}</span>
                <select id="unit" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ui.set(|r| r.unit = Some(v));
                }>{units}</select>
            </label>
            <label>
                <span>{ui.tr("Từ kỳ", "From")}</span>
                <select id="from" on:change=move |ev| {
                    let p = Period::parse(&event_target_value(&ev)).ok();
                    ui.set(|r| r.from = p);
                }>{from}</select>
            </label>
            <label>
                <span>{ui.tr("Đến kỳ", "To")}</span>
                <select id="to" on:change=move |ev| {
                    let p = Period::parse(&event_target_value(&ev)).ok();
                    ui.set(|r| r.to = p);
                }>{to}</select>
            </label>
            <button class="present" on:click=move |_| present.set(true)>
                {ui.tr("Trình chiếu", "Present")}
            </button>
        </section>
    }
}
