//! Charts drawn outside their cards: the downloads (PNG and SVG drawn with the title, badge and
//! source; CSV of the figures) and the overview brief's small charts. What draws them is a part
//! of its own (src/split.rs), fetched on the first download or when the brief is shown: most
//! readers never download, and an embed shows no brief.

use crate::browser::{download, download_canvas, offscreen_canvas, paint};
use crate::split::{not_loaded_words, NotLoaded, Part};
use crate::state::ui;
use chiso_core::render::spec::CHROME;
use chiso_core::render::{to_svg, ChartSpec, DrawOptions};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

#[derive(Clone, Copy)]
enum Format {
    Png,
    Svg,
    Csv,
}

/// The card's download buttons, and a note by them when the downloads' module did not arrive
/// (the next click fetches it anew).
#[component]
pub fn Downloads(spec: Memo<ChartSpec>) -> impl IntoView {
    let missing = RwSignal::new(false);
    let button = move |format: Format, class: &'static str, label: &'static str| {
        let click = move |_| {
            let spec = spec.get_untracked();
            leptos::task::spawn_local(async move {
                // The card may be gone by the time the module arrives: nothing to note then.
                let _ = missing.try_set(save(spec, format).await.is_err());
            });
        };
        view! { <button class=class on:click=click>{label}</button> }
    };
    view! {
        <div class="exports" role="group" aria-label=ui().tr("Tải về", "Download")>
            {button(Format::Png, "export-png", "PNG")}
            {button(Format::Svg, "export-svg", "SVG")}
            {button(Format::Csv, "export-csv", "CSV")}
        </div>
        {move || missing.get().then(|| view! { <p class="part-missing" role="alert">{not_loaded_words()}</p> })}
    }
}

/// Makes `spec` as `format` and hands it to the browser's downloads. A browser that refuses a
/// canvas or a download link gets nothing, as a click on a dead link would (a debug build says
/// why on the console).
#[wasm_split(export, wasm_split_path = ::leptos::wasm_split, fallible)]
fn save(spec: ChartSpec, format: Format) -> Result<(), NotLoaded> {
    let name = |ext: &str| format!("chiso-{}.{ext}", spec.id);
    let _ = match format {
        Format::Png => png(&spec, &name("png")),
        Format::Svg => {
            let (width, height) = size(&spec);
            let svg = to_svg(
                &spec,
                width as u32,
                height as u32,
                DrawOptions { chrome: true },
            );
            download(&name("svg"), "image/svg+xml", svg.as_bytes())
        }
        // A byte-order mark, so spreadsheet programs read the UTF-8 as UTF-8.
        Format::Csv => download(
            &name("csv"),
            "text/csv;charset=utf-8",
            format!("\u{feff}{}", spec.csv()).as_bytes(),
        ),
    };
    Ok(())
}

/// The small charts' drawing size: about a column of the A4 sheet, so their words print at
/// the size they were drawn.
const SMALL: (u32, u32) = (360, 280);

/// The brief's small charts, each with its title and sources as downloads have them. SVG prints
/// crisp, and it is our renderer's, which escapes every text it draws: data stays text.
#[wasm_split(export, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn drawn_small(specs: Vec<ChartSpec>) -> Part {
    let svgs = specs
        .iter()
        .map(|s| to_svg(s, SMALL.0, SMALL.1, DrawOptions { chrome: true }));
    Ok(svgs
        .map(|svg| view! { <div inner_html=svg></div> })
        .collect_view()
        .into_any())
}

/// A 16:9 image with the title, badge and source drawn in, or taller when the chart needs it (a
/// row per unit).
fn size(spec: &ChartSpec) -> (f64, f64) {
    let (width, height) = (1200.0, 675.0);
    (width, (spec.preferred_height(width) + CHROME).max(height))
}

fn png(spec: &ChartSpec, name: &str) -> Option<()> {
    let canvas = offscreen_canvas()?;
    let (width, height) = size(spec);
    paint(&canvas, spec, width, height, DrawOptions { chrome: true })?;
    download_canvas(&canvas, name)
}
