//! What the integration tests share: the sample data as the dashboard loads it, a query on it,
//! and reading back what an SVG drew.
#![allow(dead_code)] // Each test file uses its own part.

use chiso_core::ingest::load::{load, Input, Loaded};
use chiso_core::ingest::manifest::parse_manifest;
use chiso_core::query::Query;
use chiso_core::render::{layout, to_svg, ChartSpec, DrawOptions, Frame};
use chiso_core::Lang;
use std::path::PathBuf;

/// A chart laid out and drawn as SVG `width` wide, at the height it reads best at.
pub fn drawn(c: &ChartSpec, width: f64) -> (Frame, String) {
    let height = c.preferred_height(width);
    let opts = DrawOptions::default();
    (
        layout(c, width, height, opts),
        to_svg(c, width as u32, height as u32, opts),
    )
}

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

/// The sample data exactly as the dashboard loads it: through the manifest, checksums checked.
pub fn sample() -> Loaded {
    let manifest = std::fs::read(data_dir().join("manifest.json")).unwrap();
    let (entries, problems) = parse_manifest("manifest.json", &manifest);
    assert!(problems.is_empty(), "{problems:#?}");
    let files: Vec<(String, Vec<u8>, Option<String>)> = entries
        .into_iter()
        .map(|e| {
            (
                e.path.clone(),
                std::fs::read(data_dir().join(&e.path)).unwrap(),
                e.sha256,
            )
        })
        .collect();
    let inputs: Vec<Input> = files
        .iter()
        .map(|(n, b, s)| Input {
            name: n,
            bytes: b,
            sha256: s.as_deref(),
        })
        .collect();
    load(&inputs)
}

pub fn query<'a>(l: &'a Loaded, unit: &'a str, lang: Lang) -> Query<'a> {
    Query {
        data: &l.data,
        findings: &l.findings,
        unit,
        lang,
        from: None,
        to: None,
    }
}

pub fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A number attribute of an SVG tag: `x` of `<rect x="12" …`.
fn attr(tag: &str, name: &str) -> f64 {
    let key = format!(" {name}=\"");
    tag.find(&key)
        .and_then(|i| tag[i + key.len()..].split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

/// The opening tags of one element kind whose attributes contain `with` (any case).
fn tags<'a>(svg: &'a str, element: &str, with: &str) -> Vec<&'a str> {
    let with = with.to_ascii_lowercase();
    svg.split(&format!("<{element}"))
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
        .filter(|t| t.to_ascii_lowercase().contains(&with))
        .collect()
}

/// The rectangles of an SVG with a given fill, as (x, y, width, height).
pub fn rects(svg: &str, fill: &str) -> Vec<(f64, f64, f64, f64)> {
    tags(svg, "rect", &format!("fill=\"{fill}\""))
        .into_iter()
        .map(|t| {
            (
                attr(t, "x"),
                attr(t, "y"),
                attr(t, "width"),
                attr(t, "height"),
            )
        })
        .collect()
}

/// The points of every polyline stroked in a colour: one per segment drawn.
pub fn polylines(svg: &str, stroke: &str) -> Vec<Vec<(f64, f64)>> {
    tags(svg, "polyline", &format!("stroke=\"{stroke}\""))
        .into_iter()
        .map(|t| {
            let points = t.split("points=\"").nth(1).unwrap_or("");
            points
                .split('"')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .filter_map(|p| {
                    let (x, y) = p.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect()
        })
        .collect()
}

/// The centres of the dots filled in a colour.
pub fn dots(svg: &str, fill: &str) -> Vec<(f64, f64)> {
    tags(svg, "circle", &format!("fill=\"{fill}\""))
        .into_iter()
        .map(|t| (attr(t, "cx"), attr(t, "cy")))
        .collect()
}

/// Every text drawn, with its anchor point: (x, y, text).
pub fn texts(svg: &str) -> Vec<(f64, f64, String)> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let (tag, rest) = t.split_once('>')?;
            let body = rest.split("</text>").next()?.trim().to_string();
            Some((attr(tag, "x"), attr(tag, "y"), body))
        })
        .collect()
}

/// The box a text takes as drawn (left, top, right, bottom), from its anchor and its hanging,
/// at `size` px and 0.56 em a character; the first text that reads `text`.
pub fn text_box(svg: &str, text: &str, size: f64) -> (f64, f64, f64, f64) {
    let tag = svg
        .split("<text")
        .skip(1)
        .find(|t| {
            t.split_once('>')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with(text))
        })
        .and_then(|t| t.split_once('>'))
        .map(|(tag, _)| tag)
        .unwrap_or_else(|| panic!("no text {text:?}"));
    let (x, y) = (attr(tag, "x"), attr(tag, "y"));
    let w = text.chars().count() as f64 * size * 0.56;
    let left = match tag
        .split("text-anchor=\"")
        .nth(1)
        .and_then(|a| a.split('"').next())
    {
        Some("end") => x - w,
        Some("middle") => x - w / 2.0,
        _ => x,
    };
    // plotters hangs a top-anchored text below y (dy 0.76em), a bottom-anchored one above it.
    let top = if tag.contains("dy=\"0.76em\"") {
        y
    } else {
        y - size - 1.0
    };
    (left, top, left + w, top + size + 1.0)
}
