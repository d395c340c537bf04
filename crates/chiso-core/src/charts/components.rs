//! An index's components for one unit and period, weakest first: a row each, the unit's figure
//! as a dot, the median and the best of the units with a figure as strokes, its rank among
//! them and its change on the period before; the lowest-scoring group drawn first, emphasised.

use super::builder::{unit_title, Builder, Look};
use crate::contract::catalogue::IndexFamily;
use crate::contract::lang::Lang;
use crate::query::components::{standings, Order, Standing, Standings};
use crate::query::Query;
use crate::render::numbers::NumberStyle;
use crate::render::spec::{AxisSpec, ChartSpec, Mark, Side};

/// The components of `family` for the selected unit, in the latest period up to the query's
/// end, weakest first.
pub fn components(q: Query, family: &'static IndexFamily) -> ChartSpec {
    let lang = q.lang;
    let found = standings(q.data, q.unit, family, q.to);
    let rows = found.as_ref().map_or(&[][..], |s| &s.rows[..]);
    let name = |s: &Standing| {
        lang.pick(s.component.short[0], s.component.short[1])
            .to_string()
    };
    let keys = rows.iter().map(|s| (s.id.clone(), name(s))).collect();
    let mut b = Builder::over_named(q, keys);
    let style = rows
        .first()
        .and_then(|s| q.data.catalogue.get(&s.id))
        .map_or(NumberStyle::Fixed(2), NumberStyle::for_indicator);
    let sources = rows.iter().map(|s| b.figure(s.figure)).collect();
    let column = |f: &dyn Fn(&Standing) -> Option<f64>| rows.iter().map(f).collect();
    let unit = q.unit_name();
    b.keep(Look::new(Mark::Dot, Side::Left, 0).series(
        "unit",
        unit.clone(),
        style,
        column(&|s| Some(s.figure.value)),
        sources,
    ));
    let none = vec![None; rows.len()];
    let median = lang.pick(
        "Trung vị các đơn vị có số liệu",
        "Median of units with a figure",
    );
    let best = lang.pick("Cao nhất", "Best");
    for (id, title, color, f) in [
        (
            "median",
            median,
            6,
            &(|s: &Standing| Some(s.median)) as &dyn Fn(&Standing) -> _,
        ),
        ("best", best, 2, &|s: &Standing| Some(s.best)),
    ] {
        let look = Look::new(Mark::Tick, Side::Left, color);
        b.keep(look.series(id, title.into(), style, column(f), none.clone()));
    }
    let before = found
        .as_ref()
        .and_then(|s| s.period.previous())
        .map_or_else(String::new, |p| p.label(lang));
    let change = format!("{} {before}", lang.pick("Thay đổi so với", "Change on"));
    b.keep(Look::new(Mark::Text, Side::Left, 7).series(
        "change",
        change,
        style.change(),
        column(&|s| s.change),
        none,
    ));
    let what = match &found {
        Some(s) => format!(
            "{} – {}, {}",
            lang.pick(family.name_vi, family.name_en),
            lang.pick("chỉ số thành phần", "components"),
            s.period.label(lang)
        ),
        None => format!(
            "{} – {}",
            lang.pick(family.name_vi, family.name_en),
            lang.pick("chỉ số thành phần", "components")
        ),
    };
    let axis = AxisSpec {
        title: lang.pick("điểm", "score").into(),
        style,
        inverted: false,
        // Dots and strokes mark positions, not lengths: the scale need not start at zero.
        from_zero: false,
        domain: None,
    };
    let mut spec = b.finish(
        &format!("components-{}", family.family),
        unit_title(&q, &what),
        axis,
    );
    spec.horizontal = true;
    spec.ranks = rows.iter().map(|s| Some(s.rank as f64)).collect();
    spec.ranked_of = rows.iter().map(|s| Some(s.of as f64)).collect();
    match &found {
        Some(s) => {
            spec.group = s.lowest().len();
            spec.notes = notes(s, style, lang);
            spec.summary = Some(summary(&spec.title, s, style, lang));
        }
        None => {
            spec.notes = vec![lang
                .pick(
                    "Đơn vị này chưa có số liệu chỉ số thành phần của chỉ số này.",
                    "This unit has no component figures of this index.",
                )
                .into()];
        }
    }
    spec
}

/// A component's figure, out of its own maximum where a family's components weigh differently
/// (`11,01/20`).
pub fn out_of(s: &Standing, style: NumberStyle, lang: Lang) -> String {
    let v = style.format(s.figure.value, lang);
    match s.component.max {
        Some(max) => format!("{v}/{}", NumberStyle::Fixed(0).format(max, lang)),
        None => v,
    }
}

/// A row in words: "Đào tạo lao động 6,15 (hạng 21/22)".
fn row(s: &Standing, style: NumberStyle, lang: Lang) -> String {
    let name = lang.pick(s.component.short[0], s.component.short[1]);
    let value = out_of(s, style, lang);
    let rank = lang.pick("hạng", "rank");
    format!("{name} {value} ({rank} {}/{})", s.rank, s.of)
}

/// What "weakest" was read from, the lowest-scoring group, and the components without a figure.
fn notes(s: &Standings, style: NumberStyle, lang: Lang) -> Vec<String> {
    let field = s.rows.iter().map(|r| r.of).max().unwrap_or(0);
    let order = match (s.order, lang) {
        (Order::Rank, Lang::Vi) => format!(
            "Yếu nhất trước: theo thứ hạng trong các đơn vị có số liệu (tối đa {field}); hạng không phải xếp hạng chính thức của nhà công bố"
        ),
        (Order::Rank, Lang::En) => format!(
            "Weakest first: by rank among the units with a figure (up to {field}); not the publisher's official rank"
        ),
        (Order::Score, Lang::Vi) => {
            "Yếu nhất trước: theo điểm (so với thang điểm), vì có quá ít đơn vị khác có số liệu để xếp hạng".into()
        }
        (Order::Score, Lang::En) => {
            "Weakest first: by score (against the scale), as too few other units have figures to rank".into()
        }
    };
    let group: Vec<String> = s.lowest().iter().map(|r| row(r, style, lang)).collect();
    let mut out = vec![
        order,
        format!(
            "{}: {}",
            lang.pick("Nhóm đạt điểm thấp nhất", "Lowest-scoring group"),
            group.join("; ")
        ),
    ];
    if let Some(fall) = s.largest_fall() {
        out.push(fall_text(fall, style, lang));
    }
    out.extend(missing(s, lang));
    out
}

/// "Giảm mạnh nhất: Tính minh bạch −1,68".
pub fn fall_text(s: &Standing, style: NumberStyle, lang: Lang) -> String {
    let name = lang.pick(s.component.short[0], s.component.short[1]);
    let change = style.change().format(s.change.unwrap_or(0.0), lang);
    format!(
        "{}: {name} {change}",
        lang.pick("Giảm mạnh nhất", "Largest fall")
    )
}

/// The components without a figure for the unit in the period, with why where it is known.
fn missing(s: &Standings, lang: Lang) -> Vec<String> {
    let year = s.period.year();
    let mut out = Vec::new();
    for c in s.family.parts.list {
        if s.rows.iter().any(|r| std::ptr::eq(r.component, c)) {
            continue;
        }
        let name = lang.pick(c.short[0], c.short[1]);
        let gap = c
            .gaps
            .iter()
            .find(|g| (g.years.0..=g.years.1).contains(&year));
        out.push(match (c.exists_in(year), gap, lang) {
            (false, _, Lang::Vi) => format!("{name}: không có trong chỉ số năm {year}"),
            (false, _, Lang::En) => format!("{name}: not part of the index in {year}"),
            (true, Some(g), _) => format!("{name}: {}", lang.pick(g.reason[0], g.reason[1])),
            (true, None, Lang::Vi) => format!("{name}: không có số liệu kỳ này"),
            (true, None, Lang::En) => format!("{name}: no figure for this period"),
        });
    }
    out
}

/// The chart in one sentence: every component in the order drawn, with its figure and rank.
fn summary(title: &str, s: &Standings, style: NumberStyle, lang: Lang) -> String {
    let rows: Vec<String> = s.rows.iter().map(|r| row(r, style, lang)).collect();
    format!(
        "{title}. {}: {}.",
        lang.pick("Yếu nhất trước", "Weakest first"),
        rows.join("; ")
    )
}
