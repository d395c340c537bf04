//! Rankings that read on a tablet: 63 provinces as rows, best first, every name drawn with no
//! overlap, the ranks as published, the selected unit highlighted, the median as a rule.

mod common;

use chiso_core::charts::{compare, compare_by};
use chiso_core::ingest::load::{load, Input, Loaded};
use chiso_core::query::stat::Stat;
use chiso_core::render::spec::ROW;
use chiso_core::render::{layout, to_svg, ChartSpec, DrawOptions};
use chiso_core::{Lang, Period};
use common::{drawn, polylines, query, rects, texts};

/// The 63 provinces before the 2025 merger.
const PROVINCES: [&str; 63] = [
    "Hà Nội",
    "Thừa Thiên Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Hà Giang",
    "Lào Cai",
    "Yên Bái",
    "Thái Nguyên",
    "Bắc Kạn",
    "Phú Thọ",
    "Vĩnh Phúc",
    "Hòa Bình",
    "Bắc Ninh",
    "Bắc Giang",
    "Hưng Yên",
    "Thái Bình",
    "Hải Phòng",
    "Hải Dương",
    "Ninh Bình",
    "Hà Nam",
    "Nam Định",
    "Quảng Trị",
    "Quảng Bình",
    "Đà Nẵng",
    "Quảng Nam",
    "Quảng Ngãi",
    "Kon Tum",
    "Gia Lai",
    "Bình Định",
    "Khánh Hòa",
    "Ninh Thuận",
    "Lâm Đồng",
    "Đắk Nông",
    "Bình Thuận",
    "Đắk Lắk",
    "Phú Yên",
    "TP. Hồ Chí Minh",
    "Bình Dương",
    "Bà Rịa–Vũng Tàu",
    "Đồng Nai",
    "Bình Phước",
    "Tây Ninh",
    "Long An",
    "Cần Thơ",
    "Sóc Trăng",
    "Hậu Giang",
    "Vĩnh Long",
    "Bến Tre",
    "Trà Vinh",
    "Đồng Tháp",
    "Tiền Giang",
    "Cà Mau",
    "Bạc Liêu",
    "An Giang",
    "Kiên Giang",
];

/// A PCI 2022 score for every province (Tây Ninh's as published, 62.31, rank 55; the others
/// spread over 55–75 by a rule of ours), with ranks published for all but the last three.
fn national() -> (Loaded, Vec<f64>) {
    let score = |i: usize| match PROVINCES[i] {
        "Tây Ninh" => 62.31,
        _ => 55.0 + ((i * 37) % 63) as f64 * 20.0 / 63.0,
    };
    let scores: Vec<f64> = (0..63).map(score).collect();
    let mut order: Vec<usize> = (0..63).collect();
    order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]));
    let id = |i: usize| format!("p{i:02}");
    let units: Vec<_> = (0..63)
        .map(|i| serde_json::json!({"id": id(i), "name": PROVINCES[i], "level": "province"}))
        .collect();
    let mut observations = Vec::new();
    for (place, &i) in order.iter().enumerate() {
        observations.push(serde_json::json!({"unit": id(i), "indicator": "pci.score", "period": "2022", "value": scores[i]}));
        if place < 60 {
            observations.push(serde_json::json!({"unit": id(i), "indicator": "pci.rank", "period": "2022", "value": place + 1, "of": 63}));
        }
    }
    let file = serde_json::json!({
        "format": "chiso-metrics/1",
        "title": "PCI 2022",
        "units": units,
        "observations": observations,
    })
    .to_string();
    let l = load(&[Input {
        name: "pci-2022.json",
        bytes: file.as_bytes(),
        sha256: None,
    }]);
    assert!(l.findings.is_empty(), "{:?}", l.findings);
    (l, scores)
}

const TAY_NINH: &str = "p49";

fn pci_2022(l: &Loaded, stat: Stat) -> ChartSpec {
    compare_by(
        query(l, TAY_NINH, Lang::Vi),
        "pci.score",
        Period::parse("2022").ok(),
        stat,
    )
}

#[test]
fn sixty_three_provinces_every_name_drawn_a_row_apart() {
    let (l, _) = national();
    let c = pci_2022(&l, Stat::Median);
    assert!(c.horizontal);
    assert_eq!(c.keys.len(), 63);
    let width = 800.0;
    let height = c.preferred_height(width);
    assert!(height >= 63.0 * ROW, "{height}");
    let f = layout(&c, width, height, DrawOptions::default());
    let svg = to_svg(&c, width as u32, height as u32, DrawOptions::default());
    let drawn = texts(&svg);
    // Each name once, after its rank where one was published, in the chart's order.
    let mut ys = Vec::new();
    for (i, name) in c.axis_labels.iter().enumerate() {
        let hits: Vec<_> = drawn
            .iter()
            .filter(|(_, _, s)| s == name || s.ends_with(&format!(". {name}")))
            .collect();
        assert_eq!(hits.len(), 1, "{name}: {hits:?}");
        let (x, y, _) = hits[0];
        assert!(*x <= f.plot.0, "{name} left of the bars");
        assert!((y - f.center(i)).abs() <= 1.0);
        ys.push(*y);
    }
    for pair in ys.windows(2) {
        assert!(pair[1] - pair[0] >= ROW - 1.0, "{pair:?}");
    }
    // Names are not cut at this width: every province is there in full.
    for p in PROVINCES {
        assert!(c.axis_labels.iter().any(|l| l == p), "{p}");
    }
    // Taps on a row, its name included, read that unit out.
    assert_eq!(f.hit(10.0, f.center(30)), Some(30));
    assert_eq!(f.hit(f.plot.2, f.center(62)), Some(62));
}

#[test]
fn best_first_with_ranks_as_published_and_the_selected_unit_highlighted() {
    let (l, scores) = national();
    let c = pci_2022(&l, Stat::Median);
    let values: Vec<f64> = c.series[0].values.iter().map(|v| v.unwrap()).collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    let me = c.keys.iter().position(|k| k == TAY_NINH).unwrap();
    assert_eq!(c.highlight, Some(me));
    assert_eq!(values[me], 62.31);
    // Ranks as the file gives them: the first 60, none for the last three.
    assert_eq!(c.ranks[0], Some(1.0));
    assert_eq!(c.ranks[59], Some(60.0));
    assert_eq!(&c.ranks[60..], &[None, None, None]);
    // The table: one row per unit, name, figure and rank.
    let (header, rows) = c.table();
    assert_eq!(header, ["Đơn vị", "PCI – điểm", "Hạng"]);
    assert_eq!(rows.len(), 63);
    assert_eq!(rows[me][0], "Tây Ninh");
    assert_eq!(rows[me][1], "62,31");
    assert_eq!(rows[me][2], format!("{}", me + 1));
    assert_eq!(rows[62][2], "–");
    assert!(c.csv().starts_with("unit,pci.score,rank\np"));
    // Drawn: one highlighted bar, in the selected unit's row; the rest in the series' colour.
    let (f, svg) = drawn(&c, 800.0);
    let mine = rects(&svg, "#D55E00");
    assert_eq!(mine.len(), 1);
    assert!((mine[0].1 + mine[0].3 / 2.0 - f.center(me)).abs() <= 1.0);
    assert_eq!(rects(&svg, "#0072B2").len(), 62);
    // The longest bar is the best score, drawn to scale from zero.
    let best = scores.iter().copied().fold(0.0, f64::max);
    assert_eq!(values[0], best);
    let tip = f.left.project(best);
    assert!(rects(&svg, "#0072B2")
        .iter()
        .any(|r| (r.0 + r.2 - tip).abs() <= 1.0 && (r.0 - f.left.project(0.0)).abs() <= 1.0));
}

#[test]
fn the_median_or_the_average_as_a_rule() {
    let (l, scores) = national();
    let mut sorted = scores.clone();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[31];
    let c = pci_2022(&l, Stat::Median);
    assert_eq!(c.rules.len(), 1);
    assert_eq!(c.rules[0].value, median);
    assert!(
        c.rules[0].label.starts_with("Trung vị: "),
        "{}",
        c.rules[0].label
    );
    let (f, svg) = drawn(&c, 800.0);
    let x = f.left.project(median);
    let rule = polylines(&svg, "#000000");
    assert!(rule.iter().any(|p| p.len() == 2
        && p.iter().all(|(px, _)| (px - x).abs() <= 1.0)
        && p[1].1 - p[0].1 >= 63.0 * ROW - 1.0));
    let average = scores.iter().sum::<f64>() / 63.0;
    let a = pci_2022(&l, Stat::Average);
    assert!((a.rules[0].value - average).abs() < 1e-9);
    assert!(a.rules[0].label.starts_with("Trung bình: "));
    let en = compare(
        query(&l, TAY_NINH, Lang::En),
        "pci.score",
        Period::parse("2022").ok(),
    );
    assert!(en.rules[0].label.starts_with("Median: "));
}

#[test]
fn no_figure_is_drawn_across_the_rule() {
    let (l, _) = national();
    let c = pci_2022(&l, Stat::Median);
    let (_, rows) = c.table();
    for width in [360.0, 800.0] {
        let height = c.preferred_height(width);
        let f = layout(&c, width, height, DrawOptions::default());
        let svg = to_svg(&c, width as u32, height as u32, DrawOptions::default());
        let rule = f.left.project(c.rules[0].value);
        // Each text with its x, y, whether it ends at x, and its body.
        let drawn: Vec<(f64, f64, bool, String)> = svg
            .split("<text")
            .skip(1)
            .filter_map(|t| {
                let (tag, rest) = t.split_once('>')?;
                let num = |k: &str| {
                    let v = tag.split(&format!(" {k}=\"")).nth(1)?.split('"').next()?;
                    v.parse::<f64>().ok()
                };
                let body = rest.split("</text>").next()?.trim().to_string();
                Some((
                    num("x")?,
                    num("y")?,
                    tag.contains("text-anchor=\"end\""),
                    body,
                ))
            })
            .collect();
        for (i, row) in rows.iter().enumerate() {
            let figure = &row[1];
            let Some((x, _, ends, s)) = drawn
                .iter()
                .find(|(_, y, _, s)| s == figure && (y - f.center(i)).abs() <= 1.0)
            else {
                panic!("row {i}: {figure} not drawn");
            };
            // 11 px text at about 0.56 em a character.
            let w = s.chars().count() as f64 * 11.0 * 0.56;
            let (a, b) = if *ends { (x - w, *x) } else { (*x, x + w) };
            assert!(
                !(a - 1.0..=b + 1.0).contains(&rule),
                "row {i} at {width}: {s} over the rule at {rule}"
            );
            assert!(b <= width, "row {i} at {width}: {s} cut off");
        }
    }
}
