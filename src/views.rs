//! The views of the dashboard. Most are a list of charts from the core; the indices are laid
//! out as small multiples, the overview is a scorecard, and the components of an index and the
//! comparison have their own pickers.

use crate::api::Bundle;
use crate::brief::{brief_head, brief_tail, charts};
use crate::chart_view::ChartCard;
use crate::state::ui;
use chiso_core::charts::compare_by;
use chiso_core::contract::catalogue::INDICES;
use chiso_core::query::units::{compared_indicator, peer_indicators};
use chiso_core::query::Query;
use chiso_core::render::spark::sparkline;
use chiso_core::render::ChartSpec;
use chiso_core::views::overview::{headlines, scorecard, IndexCard};
use chiso_core::views::page::{components_view, index_pairs, shown_family, View as Page};
use chiso_core::views::route::Route;
use leptos::prelude::*;
use std::sync::Arc;

/// Builds a query over the current bundle, unit, range and language.
pub(crate) fn with_query<T>(
    bundle: RwSignal<Arc<Bundle>>,
    unit: Memo<String>,
    f: impl FnOnce(Query) -> T,
) -> T {
    let ui = ui();
    let u = unit.get();
    let (from, to, lang) = ui
        .route
        .with(|r| (r.from, r.to, r.lang.unwrap_or_default()));
    bundle.with(|b| {
        f(Query {
            data: &b.loaded.data,
            findings: &b.loaded.findings,
            unit: &u,
            lang,
            from,
            to,
        })
    })
}

#[component]
pub fn View(bundle: RwSignal<Arc<Bundle>>, unit: Memo<String>) -> impl IntoView {
    let ui = ui();
    move || match ui.view.get() {
        Page::Overview => view! { <Overview bundle=bundle unit=unit/> }.into_any(),
        Page::Compare => view! { <Compare bundle=bundle unit=unit/> }.into_any(),
        Page::Components => view! { <Components bundle=bundle unit=unit/> }.into_any(),
        page => {
            let specs = Memo::new(move |_| {
                with_query(bundle, unit, |q| match page {
                    // Each index's score beside its rank, as small multiples: an index lacking
                    // one of the two keeps its place, so the pairs stay aligned in two columns.
                    Page::Indices => index_pairs(q, ui.today)
                        .into_iter()
                        .flat_map(|(score, rank)| [score, rank])
                        .collect(),
                    _ => page.charts(q, ui.today),
                })
            });
            view! { <Charts specs=specs view=page.slug()/> }.into_any()
        }
    }
}

/// Each card's key: its chart's id, with a count for an id met again in the same list.
fn keys(list: &[ChartSpec]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::with_capacity(list.len());
    for s in list {
        let seen = out.iter().filter(|(id, _)| *id == s.id).count();
        out.push((s.id.clone(), seen));
    }
    out
}

/// The chart a key names in a list.
fn keyed<'a>(list: &'a [ChartSpec], (id, n): &(String, usize)) -> Option<&'a ChartSpec> {
    list.iter().filter(|s| s.id == *id).nth(*n)
}

/// One card's spec, followed from the list by its key: a card stays in the page and is
/// updated in place when the unit changes, and only when its own chart changed. When its
/// chart leaves the list, it keeps the last one until the card goes.
fn card_spec(specs: Memo<Vec<ChartSpec>>, key: (String, usize)) -> Option<Memo<ChartSpec>> {
    let first = specs.with_untracked(|l| keyed(l, &key).cloned())?;
    Some(Memo::new(move |last: Option<&ChartSpec>| {
        // `try_`: the list goes with the view, which may happen before this card goes.
        specs
            .try_with(|l| keyed(l, &key).cloned())
            .flatten()
            .or_else(|| last.cloned())
            .unwrap_or_else(|| first.clone())
    }))
}

#[component]
fn Charts(specs: Memo<Vec<ChartSpec>>, view: &'static str) -> impl IntoView {
    let ui = ui();
    let empty = Memo::new(move |_| {
        specs
            .try_with(|l| l.iter().all(ChartSpec::is_empty))
            .unwrap_or(false)
    });
    let keys = Memo::new(move |_| specs.try_with(|l| keys(l)).unwrap_or_default());
    move || {
        if empty.get() {
            let msg = ui.lang().pick(
                "Đơn vị này chưa có số liệu cho trang này trong khoảng thời gian đã chọn.",
                "This unit has no figures for this view in the chosen period.",
            );
            let missing = specs
                .get()
                .into_iter()
                .flat_map(|s| s.notes)
                .map(|n| view! { <li>{n}</li> })
                .collect_view();
            return view! {
                <div class="empty" role="status">
                    <p>{msg}</p>
                    <ul>{missing}</ul>
                </div>
            }
            .into_any();
        }
        view! {
            <section class="charts" data-view=view>
                <For each=move || keys.get() key=|k| k.clone() let:k>
                    {card_spec(specs, k).map(|spec| view! { <ChartCard spec=spec/> })}
                </For>
            </section>
        }
        .into_any()
    }
}

fn card_view(c: IndexCard, lang: chiso_core::Lang, route: &Route, unit: &str) -> impl IntoView {
    let status = c.status.map(|s| {
        let class = format!("status {}", s.code());
        view! { <span class=class>{s.text(lang)}</span> }
    });
    let none = lang.pick("Chưa có số liệu", "No figures yet");
    let has_parts = INDICES
        .iter()
        .any(|f| f.family == c.family && !f.parts.list.is_empty());
    let parts = Route {
        view: Page::Components,
        unit: Some(unit.to_string()),
        index: Some(c.family.to_string()),
        embed: None,
        ..route.clone()
    }
    .to_hash();
    let runs = sparkline(&c.spark);
    let spark = (!runs.is_empty()).then(|| {
        let lines = runs
            .into_iter()
            .map(|r| view! { <polyline class:lone=r.lone points=r.points></polyline> })
            .collect_view();
        view! {
            <svg class="spark" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
                {lines}
            </svg>
        }
    });
    view! {
        <article class="card" data-index=c.family>
            <h3>{c.name}</h3>
            {match c.score {
                Some((period, value)) => view! {
                    <p class="score"><b>{value}</b>" "<small>{period}</small></p>
                }.into_any(),
                None => view! { <p class="score none">{none}</p> }.into_any(),
            }}
            {c.rank.map(|r| view! { <p class="rank">{lang.pick("Xếp hạng ", "Rank ")}{r}</p> })}
            {c.change.map(|d| view! { <p class="change">{d}</p> })}
            {c.target.map(|t| view! { <p class="target">{lang.pick("Mục tiêu ", "Target ")}{t}</p> })}
            {status}
            {c.weakest.map(|w| view! { <p class="weakest">{w}</p> })}
            {c.fall.map(|f| view! { <p class="fall">{f}</p> })}
            {has_parts.then(|| view! {
                <a class="parts" href=parts>{lang.pick("Chỉ số thành phần →", "Components →")}</a>
            })}
            {spark}
            {c.illustrative.then(|| view! { <span class="badge">{lang.pick("Số liệu minh họa", "Illustrative data")}</span> })}
        </article>
    }
}

/// The scorecard's cards: one per index, each leading to its components.
fn cards_view(q: &Query, today: chrono::NaiveDate, route: &Route) -> impl IntoView {
    scorecard(q, today)
        .into_iter()
        .map(|c| card_view(c, q.lang, route, q.unit))
        .collect_view()
}

/// The latest period's headline dossier figures, or a line saying there are none.
fn headline_view(q: &Query) -> impl IntoView {
    let lang = q.lang;
    match headlines(q) {
        Some((period, figures, illustrative)) => view! {
            <section class="headline">
                <h2>{lang.pick("Hồ sơ kỳ gần nhất: ", "Dossiers, latest period: ")}{period}</h2>
                {illustrative.then(|| view! { <span class="badge">{lang.pick("Số liệu minh họa", "Illustrative data")}</span> })}
                <dl>
                    {figures.into_iter().map(|h| view! { <div><dt>{h.label}</dt><dd>{h.value}</dd></div> }).collect_view()}
                </dl>
            </section>
        }.into_any(),
        None => view! {
            <p class="empty">{lang.pick("Đơn vị này chưa công bố số liệu hồ sơ.", "This unit has published no dossier figures.")}</p>
        }.into_any(),
    }
}

#[component]
fn Overview(bundle: RwSignal<Arc<Bundle>>, unit: Memo<String>) -> impl IntoView {
    let ui = ui();
    move || {
        let route = ui.route.get();
        with_query(bundle, unit, |q| {
            let (indices, dossiers) = charts(q, ui.today);
            let illustrative = indices.iter().chain(&dossiers).any(|s| s.illustrative);
            view! {
                <div class="overview">
                    {brief_head(&q, ui.today, illustrative)}
                    <section class="scorecard" aria-label=q.lang.pick("Các chỉ số", "Indices")>
                        {cards_view(&q, ui.today, &route)}
                    </section>
                    {headline_view(&q)}
                    {brief_tail(&q, &indices, &dossiers)}
                </div>
            }
        })
    }
}

/// An index's components: its own picker of the index, then the charts.
#[component]
fn Components(bundle: RwSignal<Arc<Bundle>>, unit: Memo<String>) -> impl IntoView {
    let ui = ui();
    let family = Memo::new(move |_| {
        let asked = ui.route.with(|r| r.index.clone());
        with_query(bundle, unit, |q| shown_family(q, asked.as_deref()).family)
    });
    let specs = Memo::new(move |_| {
        let asked = family.get();
        with_query(bundle, unit, |q| {
            components_view(q, shown_family(q, Some(asked)), ui.today)
        })
    });
    let options = move || {
        let lang = ui.lang();
        let current = family.get();
        INDICES
            .iter()
            .filter(|f| !f.parts.list.is_empty())
            .map(|f| {
                let is = f.family == current;
                view! { <option value=f.family selected=is>{lang.pick(f.name_vi, f.name_en)}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="controls">
            <label>
                <span>{ui.tr("Chỉ số", "Index")}</span>
                <select id="index" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ui.set(|r| r.index = Some(v));
                }>{options}</select>
            </label>
            <p class="hint">{ui.tr("Năm: chọn ở ô “Đến kỳ”; mặc định là năm mới nhất có số liệu.", "Year: set “To”; the latest with figures by default.")}</p>
        </section>
        <Charts specs=specs view="components"/>
    }
}

#[component]
fn Compare(bundle: RwSignal<Arc<Bundle>>, unit: Memo<String>) -> impl IntoView {
    let ui = ui();
    // Indicators with figures at the selected unit's level, in catalogue order.
    let indicators = Memo::new(move |_| {
        let u = unit.get();
        bundle.with(|b| {
            peer_indicators(&b.loaded.data, &u)
                .into_iter()
                .map(|d| (d.id.clone(), d.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let indicator = Memo::new(move |_| {
        let u = unit.get();
        ui.route
            .with(|r| {
                bundle.with(|b| compared_indicator(&b.loaded.data, &u, r.indicator.as_deref()))
            })
            .unwrap_or_default()
    });
    let spec = Memo::new(move |_| {
        let id = indicator.get();
        // The median unless the address asks for the average (`stat=average`).
        let (period, stat) = ui.route.with(|r| (r.to, r.stat.unwrap_or_default()));
        with_query(bundle, unit, |q| compare_by(q, &id, period, stat))
    });
    let options = move || {
        let lang = ui.lang();
        let current = indicator.get();
        indicators
            .get()
            .into_iter()
            .map(|(id, name)| {
                let is = id == current;
                view! { <option value=id selected=is>{name.get(lang).to_string()}</option> }
            })
            .collect_view()
    };
    view! {
        <section class="controls">
            <label>
                <span>{ui.tr("Chỉ tiêu", "Indicator")}</span>
                <select id="indicator" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ui.set(|r| r.indicator = Some(v));
                }>{options}</select>
            </label>
            <p class="hint">{ui.tr("Kỳ so sánh: chọn ở ô “Đến kỳ”; mặc định là kỳ mới nhất.", "Period: set “To”; the latest by default.")}</p>
        </section>
        <section class="charts single"><ChartCard spec=spec/></section>
    }
}
