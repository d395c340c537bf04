//! A chart card: the title and badge, the canvas with its touch and hover read-out (or, for
//! one or two figures, the figures themselves), the validator's warnings, the source line and
//! the table of the exact figures, downloads and the embed snippets.

use crate::browser::{
    blank_canvas, is_inside, is_near, local_point, mark_first_chart, paint, watch_near,
    watch_width, NearWatch, SizeWatch,
};
use crate::chart_parts::{figure_table, source_line};
use crate::embed_dialog::EmbedButton;
use crate::export::Downloads;
use chiso_core::render::spec::css_color;
use chiso_core::render::{ChartSpec, DrawOptions, Frame};
use leptos::html;
use leptos::prelude::*;

/// The card's plot: its canvas kept in step with the spec. A chart on or near the screen is
/// drawn in the same task as the change; one further down when it comes near the screen, or
/// when the page is printed. Until then it is blank, so no canvas ever shows another unit's
/// figures under a new title, and a change of unit costs only the charts the reader can see.
#[derive(Clone, Copy)]
struct Plot {
    spec: Memo<ChartSpec>,
    canvas: NodeRef<html::Canvas>,
    width: RwSignal<f64>,
    frame: RwSignal<Option<Frame>>,
    /// The canvas does not show the current spec yet.
    stale: StoredValue<bool>,
    /// Whether it is near the screen, as its observer last said; `None` before it has. Read
    /// from the observer rather than measured, so a change of unit forces no layout per card.
    near: StoredValue<Option<bool>>,
}

impl Plot {
    fn draw(self) {
        let (Some(Some(el)), Some(w)) = (
            self.canvas.try_get_untracked(),
            self.width.try_get_untracked(),
        ) else {
            return;
        };
        let drawn = self
            .spec
            .try_with_untracked(|s| paint(&el, s, w, s.preferred_height(w), DrawOptions::default()))
            .flatten();
        if drawn.is_some() {
            mark_first_chart();
        }
        self.stale.set_value(false);
        self.frame.set(drawn);
    }

    /// After a change of spec or width.
    fn refresh(self, el: &web_sys::HtmlCanvasElement) {
        if self
            .near
            .try_get_value()
            .flatten()
            .unwrap_or_else(|| is_near(el))
        {
            return self.draw();
        }
        blank_canvas(el);
        self.stale.set_value(true);
        self.frame.set(None);
    }

    fn draw_if_stale(self) {
        if self.stale.try_get_value() == Some(true) {
            self.draw();
        }
    }

    /// What its observer says.
    fn seen(self, near: bool) {
        if self.near.try_set_value(Some(near)).is_some() {
            return; // disposed
        }
        if near {
            self.draw_if_stale();
        }
    }
}

/// What a card shows in place of a plot, or the plot: changes of unit keep the canvas
/// element when it stays a plot.
#[derive(Clone, Copy, PartialEq)]
enum Body {
    Empty,
    Compact,
    Plot,
}

/// A chart that does not change (an embed's, a slide's) as the memo a card takes.
pub fn fixed(spec: ChartSpec) -> Memo<ChartSpec> {
    Memo::new(move |_| spec.clone())
}

/// The card of one chart. Its spec is a memo: worked out once per change, not once per read,
/// and read by a chart drawn later (a timer, an observer) with the card's context.
#[component]
pub fn ChartCard(spec: Memo<ChartSpec>) -> impl IntoView {
    let figure = NodeRef::<html::Figure>::new();
    let width = RwSignal::new(0.0);
    // Redrawn whenever the card's width changes: window resize, rotation, first layout.
    let watch = StoredValue::new_local(None::<SizeWatch>);
    figure.on_load(move |el| watch.set_value(watch_width(&el, move |w| width.set(w))));
    let body = Memo::new(move |_| {
        spec.try_with(|s| {
            if s.is_empty() {
                Body::Empty
            } else if s.is_compact() {
                Body::Compact
            } else {
                Body::Plot
            }
        })
        .unwrap_or(Body::Empty)
    });
    let lang = move || spec.with(|s| s.lang);
    view! {
        <figure class="chart" node_ref=figure id=move || spec.with(|s| s.id.clone())>
            <figcaption>
                <h2>{move || spec.with(|s| s.title.clone())}</h2>
                {move || spec.with(|s| s.illustrative).then(|| view! {
                    <span class="badge">{lang().pick("Số liệu minh họa", "Illustrative data")}</span>
                })}
            </figcaption>
            {move || match body.get() {
                Body::Empty => {
                    let none = lang().pick("Chưa có số liệu cho biểu đồ này.", "No figures for this chart yet.");
                    view! { <p class="empty">{none}</p> }.into_any()
                }
                Body::Compact => {
                    // One or two figures: the table, open below, says them better.
                    mark_first_chart();
                    ().into_any()
                }
                Body::Plot => view! { <PlotView spec=spec width=width/> }.into_any(),
            }}
            <ul class="notes">
                {move || spec.with(|s| s.notes.clone()).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            <ul class="warnings">
                {move || spec.with(|s| s.warnings.clone()).into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
            {source_line(spec)}
            <div class="tools">
                {figure_table(spec)}
                <Downloads spec=spec/>
                <EmbedButton spec=spec/>
            </div>
        </figure>
    }
}

/// The drawn chart, kept in step with its spec and its card's width, and its read-out: a tap
/// (or the mouse) on a period shows its figures; a second tap there, or one elsewhere, closes it.
/// It lives as long as the card shows a plot, so a change of unit keeps its canvas.
#[component]
fn PlotView(spec: Memo<ChartSpec>, width: RwSignal<f64>) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    let frame = RwSignal::new(None::<Frame>);
    let active = RwSignal::new(None::<usize>);
    let plot = Plot {
        spec,
        canvas,
        width,
        frame,
        stale: StoredValue::new(false),
        near: StoredValue::new(None),
    };
    let near = StoredValue::new_local(None::<NearWatch>);
    canvas.on_load(move |el| near.set_value(watch_near(&el, move |n| plot.seen(n))));
    // A printout shows every chart, the ones never scrolled to included.
    let printing = window_event_listener_untyped("beforeprint", move |_| plot.draw_if_stale());
    on_cleanup(move || printing.remove());
    Effect::new(move |_| {
        width.track();
        spec.track();
        // A read-out open on the previous figures closes.
        active.set(None);
        if let Some(el) = canvas.get() {
            plot.refresh(&el);
        }
    });

    let point = move |ev: &web_sys::PointerEvent| {
        let (Some(el), Some(f)) = (canvas.get_untracked(), frame.get_untracked()) else {
            return None;
        };
        let (x, y) = local_point(&el, ev.client_x(), ev.client_y());
        f.hit(x, y)
    };
    let mouse = |ev: &web_sys::PointerEvent| ev.pointer_type() == "mouse";
    let on_move = move |ev: web_sys::PointerEvent| {
        if mouse(&ev) {
            active.set(point(&ev));
        }
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        let hit = point(&ev);
        active.update(|a| *a = if *a == hit { None } else { hit });
    };
    let on_leave = move |ev: web_sys::PointerEvent| {
        if mouse(&ev) {
            active.set(None);
        }
    };
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let inside = canvas
            .get_untracked()
            .is_some_and(|c| is_inside(&c, ev.target()));
        if !inside {
            active.set(None);
        }
    });
    on_cleanup(move || outside.remove());
    view! {
        <div class="plot">
            <canvas
                node_ref=canvas
                role="img"
                aria-label=move || spec.with(|s| s.alt_text())
                on:pointermove=on_move
                on:pointerdown=on_down
                on:pointerleave=on_leave
            ></canvas>
            {move || read_out(spec, active.get()?, frame.get()?)}
        </div>
    }
}

/// The figures of period `i`, beside its point and inside the card: right of the point on the
/// plot's left half, else left of it.
fn read_out(spec: Memo<ChartSpec>, i: usize, f: Frame) -> Option<impl IntoView> {
    let t = spec.with(|s| s.tooltip(i))?;
    let (x, y) = f.anchor(i);
    let (left, right) = if x < f.width / 2.0 {
        (format!("{}px", x + 12.0), "auto".to_string())
    } else {
        ("auto".to_string(), format!("{}px", f.width - x + 12.0))
    };
    Some(view! {
        <div class="tooltip" role="status" style:left=left style:right=right style:top=format!("{y}px")>
            <strong>{t.period}</strong>
            <ul>
                {t.rows.into_iter().map(|r| view! {
                    <li>
                        <span class="swatch" style:background=css_color(r.color)></span>
                        {r.name}": "<b>{r.value}</b>
                        {r.source.map(|s| view! { <small>{s}</small> })}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    })
}
