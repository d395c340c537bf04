//! A chart card: the title and badge, the canvas with its touch and hover read-out (or, for
//! one or two figures, the figures themselves), the validator's warnings, the source line and
//! the table of the exact figures, downloads and the embed snippets.

use crate::browser::{
    download, download_canvas, is_inside, local_point, mark_first_chart, offscreen_canvas,
    paint_canvas, watch_width, SizeWatch,
};
use crate::chart_parts::{figure_table, source_line};
use crate::embed_dialog::EmbedButton;
use chiso_core::render::spec::{css_color, CHROME};
use chiso_core::render::{draw, to_svg, ChartSpec, DrawOptions, Frame};
use leptos::html;
use leptos::prelude::*;

/// Draws `spec` on `canvas` at `width` × `height` CSS pixels and the screen's density.
fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    spec: &ChartSpec,
    width: f64,
    height: f64,
    opts: DrawOptions,
) -> Option<Frame> {
    let width = width.floor();
    if width < 10.0 {
        return None;
    }
    paint_canvas(canvas, width, height, |area| draw(spec, area, opts).ok())
}

/// Export size: a 16:9 image with the title, badge and source drawn in, or taller when the
/// chart needs it (a row per unit).
fn export_size(spec: &ChartSpec) -> (f64, f64) {
    let (width, height) = (1200.0, 675.0);
    (width, (spec.preferred_height(width) + CHROME).max(height))
}

fn export_png(spec: &ChartSpec) -> Option<()> {
    let canvas = offscreen_canvas()?;
    let (width, height) = export_size(spec);
    paint(&canvas, spec, width, height, DrawOptions { chrome: true })?;
    download_canvas(&canvas, &format!("chiso-{}.png", spec.id))
}

fn export_svg(spec: &ChartSpec) -> Option<()> {
    let (width, height) = export_size(spec);
    let svg = to_svg(
        spec,
        width as u32,
        height as u32,
        DrawOptions { chrome: true },
    );
    download(
        &format!("chiso-{}.svg", spec.id),
        "image/svg+xml",
        svg.as_bytes(),
    )
}

fn export_csv(spec: &ChartSpec) -> Option<()> {
    // A byte-order mark, so spreadsheet programs read the UTF-8 as UTF-8.
    let csv = format!("\u{feff}{}", spec.csv());
    download(
        &format!("chiso-{}.csv", spec.id),
        "text/csv;charset=utf-8",
        csv.as_bytes(),
    )
}

#[component]
pub fn ChartCard(#[prop(into)] spec: Signal<ChartSpec>) -> impl IntoView {
    let figure = NodeRef::<html::Figure>::new();
    let canvas = NodeRef::<html::Canvas>::new();
    let frame = RwSignal::new(None::<Frame>);
    let active = RwSignal::new(None::<usize>);
    let width = RwSignal::new(0.0);
    // Redrawn whenever the card's width changes: window resize, rotation, first layout.
    let watch = StoredValue::new_local(None::<SizeWatch>);
    figure.on_load(move |el| watch.set_value(watch_width(&el, move |w| width.set(w))));

    Effect::new(move |_| {
        let w = width.get();
        let Some(el) = canvas.get() else { return };
        let drawn = spec.with(|s| paint(&el, s, w, s.preferred_height(w), DrawOptions::default()));
        if drawn.is_some() {
            mark_first_chart();
        }
        frame.set(drawn);
    });

    let point = move |x: i32, y: i32| {
        let (Some(el), Some(f)) = (canvas.get_untracked(), frame.get_untracked()) else {
            return None;
        };
        let (x, y) = local_point(&el, x, y);
        f.hit(x, y)
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            active.set(point(ev.client_x(), ev.client_y()));
        }
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        let hit = point(ev.client_x(), ev.client_y());
        // A second tap on the same period closes the read-out.
        active.update(|a| *a = if *a == hit { None } else { hit });
    };
    // A tap anywhere else on the page closes the read-out.
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        let inside = canvas
            .get_untracked()
            .is_some_and(|c| is_inside(&c, ev.target()));
        if !inside {
            active.set(None);
        }
    });
    on_cleanup(move || outside.remove());
    let on_leave = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "mouse" {
            active.set(None);
        }
    };

    let lang = move || spec.with(|s| s.lang);
    let tooltip = move || {
        let i = active.get()?;
        let t = spec.with(|s| s.tooltip(i))?;
        let f = frame.get()?;
        let (x, y) = f.anchor(i);
        // Keep the read-out inside the card: right of the point on the left half, else left.
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
    };
    view! {
        <figure class="chart" node_ref=figure id=move || spec.with(|s| s.id.clone())>
            <figcaption>
                <h2>{move || spec.with(|s| s.title.clone())}</h2>
                {move || spec.with(|s| s.illustrative).then(|| view! {
                    <span class="badge">{lang().pick("Số liệu minh họa", "Illustrative data")}</span>
                })}
            </figcaption>
            {move || {
                if spec.with(ChartSpec::is_empty) {
                    let none = lang().pick("Chưa có số liệu cho biểu đồ này.", "No figures for this chart yet.");
                    return view! { <p class="empty">{none}</p> }.into_any();
                }
                if spec.with(ChartSpec::is_compact) {
                    // One or two figures: the table, open below, says them better.
                    mark_first_chart();
                    return ().into_any();
                }
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
                        {tooltip}
                    </div>
                }
                .into_any()
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
                <div class="exports" role="group" aria-label=move || lang().pick("Tải về", "Download")>
                    <button class="export-png" on:click=move |_| { spec.with_untracked(export_png); }>"PNG"</button>
                    <button class="export-svg" on:click=move |_| { spec.with_untracked(export_svg); }>"SVG"</button>
                    <button class="export-csv" on:click=move |_| { spec.with_untracked(export_csv); }>"CSV"</button>
                </div>
                <EmbedButton spec=spec/>
            </div>
        </figure>
    }
}
