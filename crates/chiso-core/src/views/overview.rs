//! The overview: where a unit stands on each national index against its target, and the
//! headline dossier figures of its latest period.

use crate::charts::{fall_text, out_of};
use crate::contract::catalogue::{IndexFamily, INDICES};
use crate::contract::period::Period;
use crate::query::components::standings;
use crate::query::derive::share_of;
use crate::query::status::{assess, latest_target, Status};
use crate::query::Query;
use crate::render::numbers::{figure, NumberStyle};
use chrono::NaiveDate;

/// One index's card.
#[derive(Clone, Debug, PartialEq)]
pub struct IndexCard {
    pub family: &'static str,
    pub name: String,
    /// The latest score and its period, formatted.
    pub score: Option<(String, String)>,
    /// `25/63`.
    pub rank: Option<String>,
    /// Change of the score on the previous period, signed: `+0,0123 so với năm 2018`; a percent
    /// index's in percentage points: `+2,69 điểm % so với năm 2022`.
    pub change: Option<String>,
    /// `0,5000 (năm 2025)`.
    pub target: Option<String>,
    pub status: Option<Status>,
    /// The status in a sentence, as the index chart's note says it: "Chưa có số liệu năm 2025
    /// (mới nhất: 0,4582 năm 2019)".
    pub status_text: Option<String>,
    /// The two weakest components, with their figures: "Yếu nhất: Đào tạo lao động 6,15;
    /// Hỗ trợ doanh nghiệp 6,27".
    pub weakest: Option<String>,
    /// The component that fell most on the period before: "Giảm mạnh nhất: Tính minh bạch −1,68".
    pub fall: Option<String>,
    /// The score series, oldest first, for a sparkline.
    pub spark: Vec<(Period, f64)>,
    pub illustrative: bool,
}

fn card(q: &Query, family: &'static IndexFamily, today: NaiveDate) -> IndexCard {
    let lang = q.lang;
    let data = q.data;
    let score_id = format!("{}.score", family.family);
    let rank_id = format!("{}.rank", family.family);
    let def = data.catalogue.get(&score_id);
    let style = def.map_or(NumberStyle::Fixed(2), NumberStyle::for_indicator);
    let scores: Vec<_> = data
        .series(q.unit, &score_id)
        .iter()
        .filter(|o| q.by_end(&o.period))
        .collect();
    let latest = scores.last();
    let change = latest.and_then(|o| {
        let prev = o.period.previous()?;
        let before = data.value(q.unit, &score_id, &prev)?;
        let since = lang.pick("so với", "on");
        Some(format!(
            "{} {since} {}",
            style.change().format(o.value - before.value, lang),
            prev.label(lang)
        ))
    });
    let rank = data.series(q.unit, &rank_id).last().map(|o| match o.of {
        Some(of) => format!("{}/{}", o.value, of),
        None => o.value.to_string(),
    });
    // The status follows the score's target, else the rank's.
    let assessed = [&score_id, &rank_id].into_iter().find_map(|id| {
        let t = latest_target(data, q.unit, id)?;
        let series: Vec<(Period, f64)> = data
            .series(q.unit, id)
            .iter()
            .map(|o| (o.period, o.value))
            .collect();
        let def = data.catalogue.get(id)?;
        let a = assess(&series, t, def.better(), today)?;
        let rank = id.ends_with(".rank");
        let style = NumberStyle::for_indicator(def);
        let fmt = |v: f64| figure(style, rank, v, lang);
        let shown = format!("{} ({})", fmt(t.value), t.by.label(lang));
        Some((shown, a.line(lang, &fmt)))
    });
    let (weakest, fall) = parts(q, family, latest.map(|o| o.period));
    IndexCard {
        family: family.family,
        weakest,
        fall,
        name: lang.pick(family.name_vi, family.name_en).to_string(),
        score: latest.map(|o| (o.period.label(lang), style.format(o.value, lang))),
        rank,
        change,
        target: assessed.as_ref().map(|(t, _)| t.clone()),
        status: assessed.as_ref().map(|(_, l)| l.status),
        status_text: assessed.map(|(_, l)| l.text),
        spark: scores.iter().map(|o| (o.period, o.value)).collect(),
        illustrative: scores.iter().any(|o| data.is_illustrative(o)),
    }
}

/// The two weakest components and the largest fall, in the latest period with component figures
/// (named when it is not the score's).
fn parts(
    q: &Query,
    family: &'static IndexFamily,
    score: Option<Period>,
) -> (Option<String>, Option<String>) {
    let Some(s) = standings(q.data, q.unit, family, q.to) else {
        return (None, None);
    };
    let lang = q.lang;
    let style = s.rows.first().and_then(|r| q.data.catalogue.get(&r.id));
    let style = style.map_or(NumberStyle::Fixed(2), NumberStyle::for_indicator);
    let named: Vec<String> = s.rows[..s.rows.len().min(2)]
        .iter()
        .map(|r| {
            let name = lang.pick(r.component.short[0], r.component.short[1]);
            format!("{name} {}", out_of(r, style, lang))
        })
        .collect();
    let when = match score == Some(s.period) {
        true => String::new(),
        false => format!(" ({})", s.period.label(lang)),
    };
    let weakest = format!(
        "{}: {}{when}",
        lang.pick("Yếu nhất", "Weakest"),
        named.join("; ")
    );
    (
        Some(weakest),
        s.largest_fall().map(|f| fall_text(f, style, lang)),
    )
}

/// A card for each of the six indices, in the catalogue's order; an index without figures
/// still has its card, saying so.
pub fn scorecard(q: &Query, today: NaiveDate) -> Vec<IndexCard> {
    INDICES.iter().map(|f| card(q, f, today)).collect()
}

/// A headline figure of the latest dossier period.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub label: String,
    pub value: String,
}

/// The latest period with dossier figures, and its headline figures.
pub fn headlines(q: &Query) -> Option<(String, Vec<Headline>, bool)> {
    let data = q.data;
    let lang = q.lang;
    let ids = [
        "dossiers.received",
        "dossiers.online",
        "dossiers.resolved",
        "dossiers.resolved_on_time",
        "dossiers.pending",
    ];
    let period = ids
        .iter()
        .filter_map(|id| {
            data.series(q.unit, id)
                .iter()
                .rev()
                .find(|o| q.by_end(&o.period))
        })
        .map(|o| o.period)
        .max()?;
    let get = |id: &str| data.value(q.unit, id, &period);
    let count = |v: f64| NumberStyle::Fixed(0).format(v, lang);
    let pct = |a: f64, b: f64| share_of(a, b).map(|v| NumberStyle::Percent(1).format(v, lang));
    let mut out = Vec::new();
    let mut push = |label: &str, value: Option<String>| {
        if let Some(value) = value {
            out.push(Headline {
                label: label.to_string(),
                value,
            });
        }
    };
    let received = get("dossiers.received").map(|o| o.value);
    let resolved = get("dossiers.resolved").map(|o| o.value);
    push(
        lang.pick("Hồ sơ tiếp nhận", "Dossiers received"),
        received.map(count),
    );
    let online = get("dossiers.online").map(|o| o.value);
    push(
        lang.pick("Tỷ lệ trực tuyến", "Online share"),
        online.zip(received).and_then(|(a, b)| pct(a, b)),
    );
    push(lang.pick("Đã giải quyết", "Resolved"), resolved.map(count));
    let on_time = get("dossiers.resolved_on_time").map(|o| o.value);
    push(
        lang.pick("Tỷ lệ đúng hạn", "On-time rate"),
        on_time.zip(resolved).and_then(|(a, b)| pct(a, b)),
    );
    push(
        lang.pick("Đang giải quyết", "Pending"),
        get("dossiers.pending").map(|o| count(o.value)),
    );
    let illustrative = ids
        .iter()
        .filter_map(|id| get(id))
        .any(|o| data.is_illustrative(o));
    let label = ids
        .iter()
        .filter_map(|id| get(id))
        .find_map(|o| o.label.clone());
    let period_label = match label {
        Some(l) => format!("{l} ({})", period.label(lang)),
        None => period.label(lang),
    };
    Some((period_label, out, illustrative))
}
