//! Charts from the bundled sample data: the figures they carry, and where the drawing puts them.

mod common;

use chiso_core::charts::{dossiers_intake, dossiers_outcome};
use chiso_core::ingest::load::{load, Input, Loaded};
use chiso_core::query::Query;
use chiso_core::render::{draw::layout, to_svg, ChartSpec, DrawOptions, Mark};
use chiso_core::{Lang, Period};
use common::{data_dir, day, query, rects, sample};

fn chart(l: &Loaded, unit: &str, lang: Lang, build: fn(Query) -> ChartSpec) -> ChartSpec {
    build(query(l, unit, lang))
}

fn series<'a>(c: &'a ChartSpec, id: &str) -> &'a [Option<f64>] {
    &c.series
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no series {id}"))
        .values
}

#[test]
fn the_sample_data_loads_clean_and_checksums_match() {
    let l = sample();
    assert!(
        l.findings.is_empty(),
        "{:#?}",
        l.findings
            .iter()
            .map(|f| f.line(Lang::En))
            .collect::<Vec<_>>()
    );
    assert_eq!(l.files.len(), 5);
    let ict = l
        .data
        .value("tay-ninh", "ict_index.score", &Period::Year(2019))
        .unwrap();
    assert_eq!(ict.value, 0.4582);
    let rank = l
        .data
        .value("tay-ninh", "ict_index.rank", &Period::Year(2019))
        .unwrap();
    assert_eq!((rank.value, rank.of), (25.0, Some(63.0)));
    let targets: Vec<f64> = l
        .data
        .targets_for("tay-ninh", "ict_index.score")
        .map(|t| t.value)
        .collect();
    assert_eq!(targets, vec![0.5]);
    // The illustrative set: every catalogue indicator, a merged province, all marked illustrative.
    for def in l.data.catalogue.iter() {
        assert!(
            l.data.observations.iter().any(|o| o.indicator == def.id),
            "no sample figure for {}",
            def.id
        );
    }
    let merged = l.data.unit("quang-nam").unwrap();
    assert_eq!(merged.successor.as_deref(), Some("da-nang-2025"));
    assert!(l
        .data
        .series("quang-nam", "dossiers.received")
        .iter()
        .all(|o| o.period.end().to_string().as_str() <= "2025-06-30"));
    assert!(l
        .data
        .series("da-nang", "dossiers.received")
        .iter()
        .all(|o| l.data.is_illustrative(o)));
    assert!(!l
        .data
        .is_illustrative(&l.data.series("bac-kan", "dossiers.received")[0]));
}

#[test]
fn bac_kan_intake_shows_the_published_total_and_the_unsplit_rest() {
    let l = sample();
    let c = chart(&l, "bac-kan", Lang::Vi, dossiers_intake);
    assert_eq!(c.labels, vec!["quý II/2020"]);
    assert_eq!(series(&c, "dossiers.received"), &[Some(58463.0)]);
    assert_eq!(series(&c, "dossiers.online"), &[Some(6687.0)]);
    assert_eq!(series(&c, "derived.intake_unspecified"), &[Some(51776.0)]);
    let share = series(&c, "derived.online_share")[0].unwrap();
    assert!((share - 11.438).abs() < 0.001);
    assert!(!c.illustrative);
    assert_eq!(
        c.sources,
        vec!["Kết quả công tác kiểm soát TTHC quý II năm 2020 của tỉnh Bắc Kạn"]
    );
    let (header, rows) = c.table();
    assert_eq!(header[0], "Kỳ");
    assert!(rows[0].contains(&"58.463".to_string()), "{rows:?}");
    assert!(rows[0].contains(&"11,4 %".to_string()), "{rows:?}");
    let en = chart(&l, "bac-kan", Lang::En, dossiers_intake);
    assert_eq!(en.labels, vec!["Q2 2020"]);
    assert!(en.table().1[0].contains(&"58,463".to_string()));
    assert_eq!(
        c.csv(),
        "period,dossiers.online,dossiers.received,derived.intake_unspecified,derived.online_share\n2020-Q2,6687,58463,51776,11.43800352359612\n"
    );
}

#[test]
fn tien_giang_interval_keeps_the_reports_own_label() {
    let l = sample();
    let c = chart(&l, "tien-giang-bql-kcn", Lang::Vi, dossiers_intake);
    assert_eq!(c.labels, vec!["quý III (28/05/2020–28/08/2020)"]);
    // 4 + 36 + 7 = 47: nothing unexplained.
    assert!(c
        .series
        .iter()
        .all(|s| s.id != "derived.intake_unspecified"));
    let o = chart(&l, "tien-giang-bql-kcn", Lang::Vi, dossiers_outcome);
    assert_eq!(series(&o, "dossiers.resolved_on_time"), &[Some(43.0)]);
    assert_eq!(series(&o, "dossiers.pending"), &[Some(4.0)]);
    // No resolved total was published, so no on-time rate is invented.
    assert!(o.series.iter().all(|s| s.id != "derived.on_time_rate"));
    assert!(o.right.is_none());
}

#[test]
fn illustrative_figures_are_flagged_on_the_chart() {
    let l = sample();
    let c = chart(&l, "da-nang", Lang::Vi, dossiers_intake);
    assert!(c.illustrative);
    assert_eq!(c.keys.len(), 32);
    let svg = to_svg(&c, 800, 400, DrawOptions { chrome: true });
    assert!(svg.contains("SỐ LIỆU MINH HỌA"));
    assert!(svg.contains(&c.title));
}

#[test]
fn bars_are_drawn_to_scale_and_hit_tested_by_period() {
    let l = sample();
    let c = chart(&l, "bac-kan", Lang::Vi, dossiers_intake);
    let svg = to_svg(&c, 800, 400, DrawOptions::default());
    let online = rects(&svg, "#0072B2");
    let rest = rects(&svg, "#56B4E9");
    // The legend swatch is 12 px tall; the bar is the other one.
    let bar = |v: &[(f64, f64, f64, f64)]| *v.iter().find(|r| r.3 > 12.0).expect("a bar");
    let (online, rest) = (bar(&online), bar(&rest));
    let ratio = online.3 / rest.3;
    assert!((ratio - 6687.0 / 51776.0).abs() < 0.01, "ratio {ratio}");
    // Stacked: the rest sits on top of the online part.
    assert!((rest.1 + rest.3 - online.1).abs() <= 1.0);
    let frame = layout(&c, 800.0, 400.0, DrawOptions::default());
    let x = online.0 + online.2 / 2.0;
    assert_eq!(frame.hit(x, (frame.plot.1 + frame.plot.3) / 2.0), Some(0));
    assert_eq!(frame.hit(2.0, (frame.plot.1 + frame.plot.3) / 2.0), None);
    assert!(c.series.iter().any(|s| s.mark == Mark::Total { stack: 0 }));
}

#[test]
fn markup_in_data_is_escaped_in_svg() {
    let text = std::fs::read_to_string(data_dir().join("bac-kan.json"))
        .unwrap()
        .replace("\"Bắc Kạn\"", "\"<img src=x onerror=alert(1)>\"");
    let l = load(&[Input {
        name: "x.json",
        bytes: text.as_bytes(),
        sha256: None,
    }]);
    let c = chart(&l, "bac-kan", Lang::Vi, dossiers_intake);
    assert!(c.title.contains("<img src=x onerror=alert(1)>"));
    let svg = to_svg(&c, 600, 300, DrawOptions { chrome: true });
    assert!(!svg.contains("<img"), "raw markup in SVG");
    assert!(svg.contains("&lt;img"));
}

#[test]
fn tay_ninh_ict_index_against_its_target() {
    use chiso_core::charts::index;
    use chiso_core::contract::catalogue::INDICES;
    use chiso_core::query::status::Status;
    let l = sample();
    let ict = INDICES.iter().find(|f| f.family == "ict_index").unwrap();
    let c = index(
        query(&l, "tay-ninh", Lang::Vi),
        ict,
        false,
        day("2026-11-25"),
    );
    assert_eq!(c.labels, vec!["năm 2019", "năm 2025"]);
    assert_eq!(series(&c, "ict_index.score"), &[Some(0.4582), None]);
    assert_eq!(c.rules[0].value, 0.5);
    assert_eq!(c.rules[0].label, "Mục tiêu 0,5000 (năm 2025)");
    assert!(c.table().1[0].contains(&"0,4582".to_string()));
    // One figure from 2019 and none for 2025: not called missed.
    assert_eq!(
        c.notes[0],
        "Chưa có số liệu năm 2025 (mới nhất: 0,4582 năm 2019)"
    );
    let status = c.status.as_ref().unwrap();
    assert_eq!(status.status, Status::NoFigureYet);
    assert_eq!(status.text, c.notes[0]);
    assert_eq!(c.notes[1], "Mục tiêu 0,5000 (năm 2025)");
    let rank = index(
        query(&l, "tay-ninh", Lang::En),
        ict,
        true,
        day("2026-11-25"),
    );
    assert!(rank.left.inverted);
    assert_eq!(rank.left.domain, Some((1.0, 63.0)));
    assert_eq!(
        (rank.rules[0].value, rank.rules[0].band_to),
        (15.0, Some(1.0))
    );
    // Rank 1 is drawn at the top.
    let f = layout(&rank, 800.0, 400.0, DrawOptions::default());
    assert!(f.left.project(1.0) < f.left.project(25.0));
    // The axis runs from rank 1, at the top, to the number of units ranked: no rank 80 of 63.
    assert_eq!(f.left.domain, (1.0, 63.0));
    assert_eq!(f.left.project(1.0), f.plot.1);
}

#[test]
fn the_trend_is_projected_to_the_target_date() {
    use chiso_core::charts::index;
    use chiso_core::contract::catalogue::INDICES;
    let l = sample();
    let pci = INDICES.iter().find(|f| f.family == "par_index").unwrap();
    let q = Query {
        to: Period::parse("2023").ok(),
        ..query(&l, "da-nang", Lang::Vi)
    };
    let c = index(q, pci, false, day("2024-06-01"));
    assert_eq!(c.labels.last().unwrap(), "năm 2025");
    let proj = series(&c, "derived.projection");
    assert_eq!(proj.iter().filter(|v| v.is_some()).count(), 2);
    assert!(proj.last().copied().flatten().is_some());
    assert!(c.illustrative);
    assert!(c.series.iter().any(|s| s.mark == Mark::Dashed));
    // Drawn to the end of 2025, the date the target is due, not to the middle of the year.
    let f = layout(&c, 800.0, 400.0, DrawOptions::default());
    let svg = to_svg(&c, 800, 400, DrawOptions::default());
    let dashed = common::polylines(&svg, "#D55E00");
    let reach = dashed
        .iter()
        .flatten()
        .map(|p| p.0)
        .fold(f64::MIN, f64::max);
    let last = c.keys.len() - 1;
    assert!(
        (reach - f.slots[last].1).abs() < 1.0,
        "{reach} {:?}",
        f.slots[last]
    );
    assert!(reach > f.center(last) + 10.0);
}

#[test]
fn compare_ranks_units_and_names_the_merged_ones() {
    use chiso_core::charts::compare;
    let l = sample();
    let c = compare(
        query(&l, "bac-kan", Lang::Vi),
        "dossiers.received",
        Period::parse("2020-Q2").ok(),
    );
    assert_eq!(c.key_name, "unit");
    assert!(c.keys.contains(&"bac-kan".to_string()));
    let i = c.keys.iter().position(|k| k == "bac-kan").unwrap();
    assert_eq!(c.series[0].values[i], Some(58463.0));
    // One series, the selected unit highlighted rather than split into its own column.
    assert_eq!(c.series.len(), 1);
    assert_eq!(c.highlight, Some(i));
    assert!(c.horizontal);
    let values: Vec<f64> = c.series[0].values.iter().map(|v| v.unwrap()).collect();
    assert!(
        values.windows(2).all(|w| w[0] >= w[1]),
        "best first: {values:?}"
    );
    assert!(c.labels.iter().any(|l| l == "Bắc Kạn → Thái Nguyên"));
    let later = compare(
        query(&l, "da-nang", Lang::Vi),
        "dossiers.received",
        Period::parse("2025-Q3").ok(),
    );
    assert!(!later.keys.contains(&"quang-nam".to_string()));
    // Merged peers are named in their own note, each with the unit it went into; one whose
    // successor kept its name goes on as it: named once among those without a figure, never
    // "Tây Ninh → Tây Ninh".
    let merged = later
        .notes
        .iter()
        .find(|n| n.starts_with("Đã sáp nhập sau 30/06/2025: "))
        .unwrap_or_else(|| panic!("{:?}", later.notes));
    assert!(merged.contains("Quảng Nam (vào Đà Nẵng)"), "{merged}");
    assert!(merged.contains("Bắc Kạn (vào Thái Nguyên)"), "{merged}");
    assert!(!merged.contains("Tây Ninh (vào"), "{merged}");
    // Provinces that publish no dossier figure at all (those with only their PCI) are
    // counted, not listed; only units of the period are.
    assert!(
        later
            .notes
            .iter()
            .any(|n| n.ends_with(" đơn vị khác cùng cấp không công bố chỉ tiêu này.")),
        "{:?}",
        later.notes
    );
    let plain = later.notes.join(" ");
    // Đà Nẵng has its bar: its successor under the same name is not "without a figure".
    assert!(
        later.labels.iter().any(|l| l == "Đà Nẵng"),
        "{:?}",
        later.labels
    );
    assert!(!plain.contains("Đà Nẵng;"), "{plain}");
    let before = compare(
        query(&l, "da-nang", Lang::En),
        "dossiers.received",
        Period::parse("2020-Q2").ok(),
    );
    // In 2020 the units formed in 2025 did not exist yet: the 35 counted are the provinces of
    // 2020 with no dossier figure in any period (Tây Ninh, Tiền Giang, those with only a PCI).
    assert_eq!(
        before.notes,
        ["35 other units of this level publish no figure of it."],
        "{:?}",
        before.notes
    );
    assert!(
        before.labels.iter().any(|l| l == "Quảng Nam → Da Nang"),
        "{:?}",
        before.labels
    );
    assert!(
        before.labels.iter().any(|l| l == "Đà Nẵng"),
        "{:?}",
        before.labels
    );
    assert!(later.csv().starts_with("unit,dossiers.received\n"));
    // One row per unit: its name and figure; no rank column when none is published.
    let (header, rows) = later.table();
    assert_eq!(
        header,
        vec!["Đơn vị", "Hồ sơ tiếp nhận (gồm kỳ trước chuyển sang)"]
    );
    assert!(rows.iter().all(|r| r.len() == 2 && r[1] != "–"), "{rows:?}");
}

#[test]
fn services_continue_level_4_as_full_online() {
    use chiso_core::charts::services;
    let l = sample();
    let c = services(query(&l, "tien-giang-bql-kcn", Lang::Vi));
    assert_eq!(series(&c, "services.online_full"), &[Some(38.0)]);
    assert_eq!(series(&c, "services.online_partial"), &[Some(6.0)]);
    assert_eq!(series(&c, "derived.online_services_share"), &[Some(100.0)]);
    let d = services(query(&l, "da-nang", Lang::En));
    // Level 4 until 2022-Q2, full online after: one unbroken series.
    assert!(series(&d, "services.online_full")
        .iter()
        .all(Option::is_some));
}

#[test]
fn the_overview_scorecard_and_headlines() {
    use chiso_core::query::status::Status;
    use chiso_core::views::overview::{headlines, scorecard};
    let l = sample();
    let cards = scorecard(&query(&l, "tay-ninh", Lang::Vi), day("2026-11-25"));
    assert_eq!(cards.len(), 6);
    let ict = cards.iter().find(|c| c.family == "ict_index").unwrap();
    assert_eq!(ict.score, Some(("năm 2019".into(), "0,4582".into())));
    assert_eq!(ict.rank.as_deref(), Some("25/63"));
    assert_eq!(ict.target.as_deref(), Some("0,5000 (năm 2025)"));
    assert_eq!(ict.status, Some(Status::NoFigureYet));
    assert_eq!(
        ict.status_text.as_deref(),
        Some("Chưa có số liệu năm 2025 (mới nhất: 0,4582 năm 2019)")
    );
    // PCI as VCCI published it: 2019 is Tây Ninh's latest year in the sample.
    let pci = cards.iter().find(|c| c.family == "pci").unwrap();
    assert_eq!(pci.score, Some(("năm 2019".into(), "67,05".into())));
    assert_eq!(pci.rank.as_deref(), Some("15/63"));
    assert!(cards
        .iter()
        .find(|c| c.family == "par_index")
        .unwrap()
        .score
        .is_none());
    // A percent index changes by percentage points, not by percent.
    for (lang, unit) in [(Lang::Vi, " điểm % so với "), (Lang::En, " pp on ")] {
        let cards = scorecard(&query(&l, "da-nang", lang), day("2026-11-25"));
        let sipas = cards.iter().find(|c| c.family == "sipas").unwrap();
        let change = sipas.change.as_deref().unwrap();
        assert!(
            change.starts_with(['+', '−']) && change.contains(unit),
            "{change}"
        );
    }
    let (period, figures, illustrative) = headlines(&query(&l, "bac-kan", Lang::Vi)).unwrap();
    assert_eq!(period, "quý II/2020");
    assert!(!illustrative);
    let shown: Vec<(&str, &str)> = figures
        .iter()
        .map(|h| (h.label.as_str(), h.value.as_str()))
        .collect();
    assert_eq!(shown[0], ("Hồ sơ tiếp nhận", "58.463"));
    assert_eq!(shown[1], ("Tỷ lệ trực tuyến", "11,4 %"));
    assert_eq!(headlines(&query(&l, "tay-ninh", Lang::Vi)), None);
}

#[test]
fn the_indices_view_pairs_score_and_rank_and_sparse_ones_are_cards() {
    use chiso_core::views::page::index_pairs;
    let l = sample();
    let today = day("2026-11-25");
    let tay_ninh = index_pairs(query(&l, "tay-ninh", Lang::Vi), today);
    assert_eq!(tay_ninh.len(), 2);
    assert_eq!(tay_ninh[0].0.id, "index-pci-score");
    let (score, rank) = &tay_ninh[1];
    assert_eq!(
        (score.id.as_str(), rank.id.as_str()),
        ("index-ict_index-score", "index-ict_index-rank")
    );
    // One figure: a card of figures, not a tall chart.
    assert!(score.is_compact() && rank.is_compact());
    let da_nang = index_pairs(query(&l, "da-nang", Lang::Vi), today);
    assert_eq!(da_nang.len(), 6);
    assert!(da_nang.iter().all(|(s, _)| !s.is_compact()));
    assert_eq!(
        da_nang[1].0.source_summary(),
        "Báo cáo kết quả cải cách hành chính 2018–2025, 8 báo cáo"
    );
    // Real figures name the tables VCCI published them in.
    assert_eq!(
        da_nang[0].0.source_summary(),
        "VCCI, PCI 2015–2021, 3 báo cáo"
    );
}
