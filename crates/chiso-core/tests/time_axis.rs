//! Time drawn to scale: periods spaced by how long they last, no line across a gap or a
//! merger, a labelled band where a figure is known not to be published, ticks that never
//! overlap, and tap read-outs at the same places.

mod common;

use chiso_core::charts::{dossiers_intake, index};
use chiso_core::contract::catalogue::INDICES;
use chiso_core::ingest::load::{load, Input, Loaded};
use chiso_core::render::scale::day_number;
use chiso_core::render::spec::css_color;
use chiso_core::render::spec::Rule;
use chiso_core::render::{layout, to_svg, ChartSpec, DrawOptions, Frame, Mark};
use chiso_core::Lang;
use common::{day, dots, polylines, query, rects, sample, text_box, texts};

const W: f64 = 800.0;
const H: f64 = 400.0;

/// Tây Ninh's PCI as VCCI published it for 2018–2022, and a 2025 figure of our own choosing
/// (none was published for 2023 and 2024 in this test).
fn tay_ninh_pci() -> Loaded {
    let figures = [
        ("2018", 64.54),
        ("2019", 67.05),
        ("2020", 64.16),
        ("2021", 63.90),
        ("2022", 62.31),
        ("2025", 66.10),
    ];
    let observations: Vec<serde_json::Value> = figures
        .iter()
        .map(|(p, v)| {
            serde_json::json!({"unit": "tay-ninh", "indicator": "pci.score", "period": p, "value": v})
        })
        .collect();
    let file = serde_json::json!({
        "format": "chiso-metrics/1",
        "title": "PCI",
        "units": [{"id": "tay-ninh", "name": "Tây Ninh", "level": "province", "successor": "tay-ninh-2025", "until": "2025-06-30"}],
        "observations": observations,
    });
    let l = loaded(&file);
    assert!(l.findings.is_empty(), "{:?}", l.findings);
    l
}

/// Where a chart's one merger rule is drawn.
fn merger_x(c: &ChartSpec, f: &Frame) -> f64 {
    assert_eq!(c.boundaries.len(), 1);
    f.time.unwrap().project(c.boundaries[0].day)
}

/// A metric file, loaded as a file named pci.json.
fn loaded(file: &serde_json::Value) -> Loaded {
    load(&[Input {
        name: "pci.json",
        bytes: file.to_string().as_bytes(),
        sha256: None,
    }])
}

fn pci_chart(l: &Loaded, unit: &str, lang: Lang) -> ChartSpec {
    let pci = INDICES.iter().find(|f| f.family == "pci").unwrap();
    index(query(l, unit, lang), pci, false, day("2026-11-25"))
}

/// The series' line segments on the plot: the legend's swatch left out.
fn segments(svg: &str, spec: &ChartSpec, id: &str, f: &Frame) -> Vec<Vec<(f64, f64)>> {
    let s = spec.series.iter().find(|s| s.id == id).unwrap();
    polylines(svg, &css_color(s.color))
        .into_iter()
        .filter(|p| p.iter().all(|(_, y)| *y >= f.plot.1 - 1.0))
        .collect()
}

#[test]
fn a_gap_of_two_years_is_drawn_two_years_wide_and_not_joined() {
    let l = tay_ninh_pci();
    let c = pci_chart(&l, "tay-ninh", Lang::Vi);
    assert_eq!(c.keys, ["2018", "2019", "2020", "2021", "2022", "2025"]);
    let f = layout(&c, W, H, DrawOptions::default());
    let x = |i: usize| f.center(i);
    let year = x(4) - x(3);
    assert!(year > 50.0, "{year}");
    assert!(((x(5) - x(4)) / year - 3.0).abs() < 0.01, "2022 → 2025");
    for i in 0..4 {
        assert!((x(i + 1) - x(i) - year).abs() < 0.5, "even years");
    }
    // Drawn: one line 2018–2022, nothing across to 2025, a dot on every figure.
    let svg = to_svg(&c, W as u32, H as u32, DrawOptions::default());
    let lines = segments(&svg, &c, "pci.score", &f);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0].len(), 5);
    assert!(lines[0].iter().all(|(px, _)| *px <= x(4) + 1.0));
    let on_plot: Vec<f64> = dots(&svg, &css_color(0))
        .iter()
        .map(|d| d.0)
        .filter(|cx| *cx > f.plot.0)
        .collect();
    assert_eq!(on_plot.len(), 6);
    assert!((on_plot[5] - x(5)).abs() <= 1.0);
    // The two missing years are a band saying why: VCCI publishes only its top 30 since 2023.
    assert_eq!(c.gaps.len(), 1);
    let g = &c.gaps[0];
    assert_eq!(
        (g.from, g.to),
        (day_number(day("2023-01-01")), day_number(day("2025-01-01")))
    );
    assert_eq!(g.label, "Không công bố");
    assert!(
        c.notes.iter().any(|n| n.contains("30 tỉnh")),
        "{:?}",
        c.notes
    );
    let t = f.time.unwrap();
    let band = rects(&svg, "#F0F0F0");
    assert_eq!(band.len(), 1);
    assert!((band[0].0 - t.project(g.from)).abs() <= 1.0);
    assert!((band[0].0 + band[0].2 - t.project(g.to)).abs() <= 1.0);
    assert!(texts(&svg).iter().any(|(_, _, s)| s == "Không công bố"));
    // A tap reads out the figure under it, and nothing in the gap.
    let mid = (f.plot.1 + f.plot.3) / 2.0;
    assert_eq!(f.hit(x(5), mid), Some(5));
    assert_eq!(f.hit(x(4) + 1.5 * year, mid), None);
    assert_eq!(f.hit(x(2) + year * 0.4, mid), Some(2));
}

#[test]
fn a_merger_is_a_rule_with_a_note_and_no_line_crosses_it() {
    let l = sample();
    let c = dossiers_intake(query(&l, "da-nang", Lang::Vi));
    let merger = day_number(day("2025-07-01"));
    assert_eq!(c.boundaries.len(), 1);
    assert_eq!(c.boundaries[0].day, merger);
    assert!(
        c.notes
            .contains(&"Từ 01/07/2025: Đà Nẵng gồm cả Quảng Nam".to_string()),
        "{:?}",
        c.notes
    );
    let en = dossiers_intake(query(&l, "da-nang", Lang::En));
    assert!(en
        .notes
        .contains(&"From 1 Jul 2025: Đà Nẵng includes Quảng Nam".to_string()));
    let f = layout(&c, W, H, DrawOptions::default());
    let xm = f.time.unwrap().project(merger);
    let svg = to_svg(&c, W as u32, H as u32, DrawOptions::default());
    // The rule: dashes from top to bottom of the plot at 2025-07-01.
    let rule: Vec<_> = polylines(&svg, "#222222")
        .into_iter()
        .filter(|p| p.iter().all(|(x, _)| (x - xm).abs() <= 1.0))
        .collect();
    assert!(rule.len() > 10, "{rule:?}");
    // The online share runs up to Q2 2025, and again from Q3 2025, never across.
    let share = segments(&svg, &c, "derived.online_share", &f);
    assert!(share
        .iter()
        .all(|p| p.iter().all(|(x, _)| *x < xm) || p.iter().all(|(x, _)| *x > xm)));
    assert!(share.iter().any(|p| p.iter().all(|(x, _)| *x > xm)));
    assert!(share.iter().any(|p| p.len() > 20));
    let q2 = c.keys.iter().position(|k| k == "2025-Q2").unwrap();
    assert!(!c.joins(q2, q2 + 1) && c.joins(q2 - 1, q2) && c.joins(q2 + 1, q2 + 2));
    // Quarters are evenly spaced.
    assert!((f.center(1) - f.center(0) - (f.center(q2) - f.center(q2 - 1))).abs() < 0.5);
    // The unit merged away says where it went.
    let qn = dossiers_intake(query(&l, "quang-nam", Lang::Vi));
    assert!(qn
        .notes
        .contains(&"Từ 01/07/2025: Quảng Nam sáp nhập vào Đà Nẵng".to_string()));
}

#[test]
fn an_index_across_the_merger_and_its_unpublished_years() {
    let l = sample();
    let ict = INDICES.iter().find(|f| f.family == "ict_index").unwrap();
    let c = index(
        query(&l, "da-nang", Lang::En),
        ict,
        false,
        day("2026-11-25"),
    );
    assert_eq!(
        c.keys,
        ["2018", "2019", "2020", "2022", "2023", "2024", "2025"]
    );
    assert_eq!(c.boundaries.len(), 1);
    assert_eq!(c.gaps.len(), 1);
    assert_eq!(c.gaps[0].label, "Not run");
    let f = layout(&c, W, H, DrawOptions::default());
    let svg = to_svg(&c, W as u32, H as u32, DrawOptions::default());
    // No line runs through 2021, the year the index was not assessed.
    let lines = segments(&svg, &c, "ict_index.score", &f);
    assert!(lines.len() >= 2, "{lines:?}");
    assert!(lines
        .iter()
        .all(|p| p.iter().all(|(x, _)| *x <= f.center(2) + 1.0)
            || p.iter().all(|(x, _)| *x >= f.center(3) - 1.0)));
}

#[test]
fn year_labels_never_overlap_on_a_phone() {
    let l = sample();
    let c = dossiers_intake(query(&l, "da-nang", Lang::Vi));
    for width in [320.0, 480.0, 800.0] {
        let f = layout(&c, width, 260.0, DrawOptions::default());
        let svg = to_svg(&c, width as u32, 260, DrawOptions::default());
        let mut labels: Vec<(f64, String)> = texts(&svg)
            .into_iter()
            .filter(|(_, y, _)| *y > f.plot.3)
            .map(|(x, _, s)| (x, s))
            .collect();
        labels.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(labels.len() >= 3, "{width}: {labels:?}");
        assert!(labels
            .iter()
            .all(|(_, s)| s.len() == 4 && s.starts_with("20")));
        let wide = |s: &str| s.chars().count() as f64 * 11.0 * 0.56;
        for pair in labels.windows(2) {
            let room = (wide(&pair[0].1) + wide(&pair[1].1)) / 2.0;
            assert!(pair[1].0 - pair[0].0 >= room, "{width}: {pair:?}");
        }
    }
}

#[test]
fn bars_sit_in_their_periods_span() {
    let l = sample();
    let c = dossiers_intake(query(&l, "da-nang", Lang::Vi));
    let f = layout(&c, W, H, DrawOptions::default());
    let svg = to_svg(&c, W as u32, H as u32, DrawOptions::default());
    let online = c.series.iter().find(|s| s.id == "dossiers.online").unwrap();
    assert!(matches!(online.mark, Mark::Bar { .. }));
    let bars: Vec<_> = rects(&svg, &css_color(online.color))
        .into_iter()
        .filter(|r| r.3 > 12.0 || r.1 > f.plot.1)
        .collect();
    assert_eq!(bars.len(), c.keys.len());
    for (i, b) in bars.iter().enumerate() {
        let (a, z) = f.slots[i];
        assert!(b.0 >= a && b.0 + b.2 <= z + 1.0, "{i}: {b:?} in {a}–{z}");
        assert!((b.0 + b.2 / 2.0 - f.center(i)).abs() <= 1.0);
    }
}

#[test]
fn months_run_on_past_the_target_years_own_key_which_lists_no_row() {
    let l = sample();
    let dvc = INDICES.iter().find(|f| f.family == "dvc_index").unwrap();
    let c = index(
        query(&l, "da-nang", Lang::Vi),
        dvc,
        false,
        day("2026-11-25"),
    );
    // The target's year is a key of its own, between November and December 2025.
    let nov = c.keys.iter().position(|k| k == "2025-11").unwrap();
    let dec = c.keys.iter().position(|k| k == "2025-12").unwrap();
    assert_eq!(c.keys[nov + 1], "2025");
    assert_eq!(dec, nov + 2);
    let f = layout(&c, W, H, DrawOptions::default());
    let svg = to_svg(&c, W as u32, H as u32, DrawOptions::default());
    // November joins December: one line from the merger to the end of 2025.
    let after = f.time.unwrap().project(day_number(day("2025-07-01")));
    let lines = segments(&svg, &c, "dvc_index.score", &f);
    let last = lines
        .iter()
        .find(|p| p.iter().all(|(x, _)| *x > after))
        .unwrap();
    assert_eq!(last.len(), 6, "{last:?}");
    assert!((last[5].0 - f.center(dec)).abs() <= 1.0);
    // A tap on December reads December out, not the year around it.
    let mid = (f.plot.1 + f.plot.3) / 2.0;
    assert_eq!(f.hit(f.center(dec), mid), Some(dec));
    assert_eq!(f.hit(f.center(nov), mid), Some(nov));
    // The year's key, where the target is drawn, is no row of the table or the CSV: the months
    // under it carry the figures, and a row of dashes would say nothing.
    let (_, rows) = c.table();
    assert!(
        rows.iter().all(|r| r[1..].iter().any(|v| v != "–")),
        "{rows:?}"
    );
    assert!(rows.iter().all(|r| !r[0].starts_with("năm ")), "{rows:?}");
    assert!(c
        .csv()
        .lines()
        .skip(1)
        .all(|l| l.split(',').skip(1).any(|v| !v.is_empty())));
}

#[test]
fn a_reports_own_dates_are_read_against_months() {
    let l = sample();
    let c = dossiers_intake(query(&l, "tien-giang-bql-kcn", Lang::Vi));
    let svg = to_svg(&c, 480, 300, DrawOptions::default());
    let f = layout(&c, 480.0, 300.0, DrawOptions::default());
    let labels: Vec<String> = texts(&svg)
        .into_iter()
        .filter(|(_, y, _)| *y > f.plot.3)
        .map(|(_, _, s)| s)
        .collect();
    assert_eq!(labels, ["05/2020", "06/2020", "07/2020", "08/2020"]);
}

#[test]
fn a_gaps_label_keeps_clear_of_a_targets_label() {
    let file = serde_json::json!({
        "format": "chiso-metrics/1",
        "title": "PCI",
        "units": [{"id": "tay-ninh", "name": "Tây Ninh", "level": "province", "successor": "tay-ninh-2025", "until": "2025-06-30"}],
        "observations": [
            {"unit": "tay-ninh", "indicator": "pci.score", "period": "2021", "value": 63.90},
            {"unit": "tay-ninh", "indicator": "pci.score", "period": "2022", "value": 62.31},
            {"unit": "tay-ninh", "indicator": "pci.score", "period": "2025", "value": 63.72},
        ],
        "targets": [{"unit": "tay-ninh", "indicator": "pci.score", "by": "2025", "value": 69.0}],
    });
    let l = loaded(&file);
    let c = pci_chart(&l, "tay-ninh", Lang::Vi);
    assert_eq!(c.gaps.len(), 1);
    let target = c
        .rules
        .iter()
        .find(|r| r.label.starts_with("Mục tiêu"))
        .unwrap();
    for (width, height) in [(360.0, 240.0), (480.0, 240.0), (800.0, H)] {
        let f = layout(&c, width, height, DrawOptions::default());
        let svg = to_svg(&c, width as u32, height as u32, DrawOptions::default());
        let drawn = texts(&svg);
        // Wherever the label now hangs: its anchor and side are read from the SVG.
        let t_box = text_box(&svg, &target.label, 11.0);
        let words: Vec<_> = drawn
            .iter()
            .filter(|(_, _, s)| "Không công bố".contains(s.as_str()) && !s.is_empty())
            .collect();
        assert!(!words.is_empty());
        for (gx, gy, s) in words {
            // Centred at gx, hanging from gy; 10 px text.
            let half = s.chars().count() as f64 * 5.6 / 2.0;
            let g_box = (gx - half, *gy - 10.0, gx + half, gy + 12.0);
            let apart =
                g_box.2 < t_box.0 || g_box.0 > t_box.2 || g_box.3 < t_box.1 || g_box.1 > t_box.3;
            assert!(
                apart,
                "at {width}: {s} {g_box:?} over the target's label {t_box:?}"
            );
            assert!(*gy >= f.plot.1 && *gy <= f.plot.3, "{s} on the plot");
        }
    }
}

#[test]
fn a_targets_label_never_hides_a_figure() {
    // The latest figure just above the target, where the label used to sit: at the plot's right,
    // beside the merger's rule (Long An joined Tây Ninh on 1 July 2025).
    let file = serde_json::json!({
        "format": "chiso-metrics/1",
        "title": "PCI",
        "units": [
            {"id": "tay-ninh", "name": "Tây Ninh", "level": "province"},
            {"id": "long-an", "name": "Long An", "level": "province", "successor": "tay-ninh", "until": "2025-06-30"},
        ],
        "observations": [
            {"unit": "tay-ninh", "indicator": "pci.score", "period": "2021", "value": 63.90},
            {"unit": "tay-ninh", "indicator": "pci.score", "period": "2022", "value": 62.31},
            {"unit": "tay-ninh", "indicator": "pci.score", "period": "2023", "value": 65.10},
            {"unit": "tay-ninh", "indicator": "pci.score", "period": "2024", "value": 68.70},
            {"unit": "tay-ninh", "indicator": "pci.score", "period": "2025", "value": 69.35},
        ],
        "targets": [{"unit": "tay-ninh", "indicator": "pci.score", "by": "2025", "value": 69.0}],
    });
    let l = loaded(&file);
    let c = pci_chart(&l, "tay-ninh", Lang::Vi);
    let target = c
        .rules
        .iter()
        .find(|r| r.label.starts_with("Mục tiêu"))
        .unwrap();
    let score = c.series.iter().find(|s| s.mark == Mark::Line).unwrap();
    for (width, height) in [(360.0, 240.0), (480.0, 240.0), (800.0, H)] {
        let f = layout(&c, width, height, DrawOptions::default());
        let svg = to_svg(&c, width as u32, height as u32, DrawOptions::default());
        let (l, t, r, b) = text_box(&svg, &target.label, 11.0);
        assert!(
            t >= f.plot.1 && b <= f.plot.3,
            "at {width}: the label is on the plot"
        );
        for (x, y) in dots(&svg, &css_color(score.color)) {
            let clear = x < l - 3.0 || x > r + 3.0 || y < t - 3.0 || y > b + 3.0;
            assert!(
                clear,
                "at {width}: the figure at ({x}, {y}) under the label {:?}",
                (l, t, r, b)
            );
        }
        let merger = merger_x(&c, &f);
        assert!(
            merger < l || merger > r,
            "at {width}: the merger's rule at {merger} crosses the label {:?}",
            (l, t, r, b)
        );
    }
}

#[test]
fn extreme_figures_draw_without_a_panic() {
    let l = tay_ninh_pci();
    let base = pci_chart(&l, "tay-ninh", Lang::Vi);
    let line = base
        .series
        .iter()
        .position(|s| s.mark == Mark::Line)
        .unwrap();
    let n = base.series[line].values.len();
    let cases = [
        (f64::MAX, f64::MAX),
        (f64::MAX, -f64::MAX),
        (1e300, 1e300),
        (1e308, 0.0),
        (f64::MIN_POSITIVE, 0.0),
    ];
    for (a, b) in cases {
        for target in [0.0, a, 69.0] {
            let mut c = base.clone();
            for (k, v) in c.series[line].values.iter_mut().enumerate() {
                *v = Some(if k + 1 == n { a } else { b });
            }
            c.rules.push(Rule {
                value: target,
                band_to: None,
                side: c.series[line].side,
                label: "Mục tiêu".into(),
                color: 2,
            });
            let svg = to_svg(&c, 360, 240, DrawOptions::default());
            assert!(svg.contains("</svg>"), "{a} {b} {target}");
        }
    }
}
