//! A chart card: the title and badge, the canvas with its touch and hover read-out, the
//! validator's warnings, the source line and the table of the exact figures.

use crate::browser::{
    download, download_canvas, is_inside, local_point, mark_first_chart, offscreen_canvas,
    paint_canvas, watch_width, WidthWatch,
};
use chiso_core::render::spec::css_color;
use chiso_core::render::{draw, to_svg, ChartSpec, DrawOptions, Frame};
use leptos::html;
use leptos::prelude::*;

/// Height for a width: wide on desktops, taller than wide never.
fn height_for(width: f64) -> f64 {
    (width * 0.55).clamp(260.0, 420.0)
}

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

/// Export size: a 16:9 image with the title, badge and source drawn in.
const EXPORT: (u32, u32) = (1200, 675);

fn export_png(spec: &ChartSpec) -> Option<()> {
    let canvas = offscreen_canvas()?;
    paint(
        &canvas,
        spec,
        EXPORT.0 as f64,
        EXPORT.1 as f64,
        DrawOptions { chrome: true },
    )?;
    download_canvas(&canvas, &format!("chiso-{}.png", spec.id))
}

fn export_svg(spec: &ChartSpec) -> Option<()> {
    let svg = to_svg(spec, EXPORT.0, EXPORT.1, DrawOptions { chrome: true });
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
    let watch = StoredValue::new_local(None::<WidthWatch>);
    figure.on_load(move |el| watch.set_value(watch_width(&el, move |w| width.set(w))));

    Effect::new(move |_| {
        let w = width.get();
        let Some(el) = canvas.get() else { return };
        let drawn = spec.with(|s| paint(&el, s, w, height_for(w), DrawOptions::default()));
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
        let x = f.bands.center(i);
        // Keep the read-out inside the card: right of the point on the left half, else left.
        let (left, right) = if x < f.width / 2.0 {
            (format!("{}px", x + 12.0), "auto".to_string())
        } else {
            ("auto".to_string(), format!("{}px", f.width - x + 12.0))
        };
        Some(view! {
            <div class="tooltip" role="status" style:left=left style:right=right style:top=format!("{}px", f.plot.1)>
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
    let table = move || {
        let (header, rows) = spec.with(|s| s.table());
        view! {
            <table>
                <thead><tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let mut cells = row.into_iter();
                        let head = cells.next().unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{head}</th>
                                {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    };

    view! {
        <figure class="chart" node_ref=figure id=move || spec.with(|s| s.id.clone())>
            <figcaption>
                <h2>{move || spec.with(|s| s.title.clone())}</h2>
                <Show when=move || spec.with(|s| s.illustrative)>
                    <span class="badge">{move || lang().pick("Số liệu minh họa", "Illustrative data")}</span>
                </Show>
            </figcaption>
            <Show
                when=move || spec.with(|s| !s.is_empty())
                fallback=move || view! {
                    <p class="empty">{move || lang().pick("Chưa có số liệu cho biểu đồ này.", "No figures for this chart yet.")}</p>
                }
            >
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
            </Show>
            <ul class="notes">
                {move || spec.with(|s| s.notes.clone()).into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            <ul class="warnings">
                {move || spec.with(|s| s.warnings.clone()).into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
            </ul>
            <p class="source">
                {move || lang().pick("Nguồn: ", "Source: ")}
                {move || spec.with(|s| s.sources.join("; "))}
            </p>
            <div class="exports" role="group" aria-label=move || lang().pick("Tải về", "Download")>
                <button class="export-png" on:click=move |_| { spec.with_untracked(export_png); }>"PNG"</button>
                <button class="export-svg" on:click=move |_| { spec.with_untracked(export_svg); }>"SVG"</button>
                <button class="export-csv" on:click=move |_| { spec.with_untracked(export_csv); }>"CSV"</button>
            </div>
            <details class="table-wrap" open>
                <summary>{move || lang().pick("Bảng số liệu", "Table of figures")}</summary>
                {table}
            </details>
        </figure>
    }
}
