//! The charts of what flows through a unit each period: dossiers received and resolved,
//! online services, procedures published, and citizens' feedback.

use super::builder::{count_axis, unit_title, Builder, Look, BAR, TOTAL};
use crate::query::derive::{remainder, sum};
use crate::query::Query;
use crate::render::numbers::NumberStyle;
use crate::render::spec::{ChartSpec, Mark, Side};

/// Dossiers received per period by channel, with the published total and the online share.
pub fn dossiers_intake(q: Query) -> ChartSpec {
    const PARTS: [(&str, usize); 3] = [
        ("dossiers.carried_over", 6),
        ("dossiers.online", 0),
        ("dossiers.offline", 1),
    ];
    let mut b = Builder::new(
        q,
        &["dossiers.received", PARTS[0].0, PARTS[1].0, PARTS[2].0],
    );
    let parts: Vec<Vec<Option<f64>>> = PARTS
        .iter()
        .map(|(id, c)| b.indicator(id, Look::new(BAR, Side::Left, *c)))
        .collect();
    // The total is a mark across the bar, not a bar: where the parts fall short of it, it shows.
    let received = b.indicator("dossiers.received", Look::new(TOTAL, Side::Left, 7));
    let slices: Vec<&[Option<f64>]> = parts.iter().map(Vec::as_slice).collect();
    let lang = q.lang;
    b.derived(
        "derived.intake_unspecified",
        lang.pick("Không rõ kênh tiếp nhận", "Channel not reported"),
        Look::new(BAR, Side::Left, 4),
        NumberStyle::Fixed(0),
        remainder(&received, &slices),
    );
    let name = lang.pick("Tỷ lệ trực tuyến", "Online share");
    b.rate("derived.online_share", name, 5, &parts[1], &received);
    let title = unit_title(&q, lang.pick("Hồ sơ tiếp nhận", "Dossiers received"));
    b.finish(
        "dossiers-intake",
        title,
        count_axis(lang.pick("hồ sơ", "dossiers")),
    )
}

/// Dossiers resolved on time or late, and pending, with the on-time rate.
pub fn dossiers_outcome(q: Query) -> ChartSpec {
    let ids = [
        "dossiers.resolved",
        "dossiers.resolved_on_time",
        "dossiers.resolved_late",
        "dossiers.pending",
    ];
    let mut b = Builder::new(q, &ids);
    let on_time = b.indicator(ids[1], Look::new(BAR, Side::Left, 2));
    let late = b.indicator(ids[2], Look::new(BAR, Side::Left, 5));
    let resolved = b.indicator(ids[0], Look::new(TOTAL, Side::Left, 7));
    let lang = q.lang;
    let rest = remainder(&resolved, &[&on_time, &late]);
    // Resolved figures without an on-time split still belong in the bar.
    let unsplit = resolved
        .iter()
        .zip(&on_time)
        .zip(&late)
        .zip(rest)
        .map(|(((r, o), l), rest)| if o.is_none() && l.is_none() { *r } else { rest })
        .collect();
    let name = lang.pick(
        "Đã giải quyết (không rõ đúng hạn)",
        "Resolved (timeliness not reported)",
    );
    b.derived(
        "derived.resolved_unspecified",
        name,
        Look::new(BAR, Side::Left, 4),
        NumberStyle::Fixed(0),
        unsplit,
    );
    b.indicator(ids[3], Look::new(BAR, Side::Left, 1));
    let name = lang.pick("Tỷ lệ đúng hạn", "On-time rate");
    b.rate("derived.on_time_rate", name, 0, &on_time, &resolved);
    let title = unit_title(
        &q,
        lang.pick("Kết quả giải quyết hồ sơ", "Dossiers resolved"),
    );
    b.finish(
        "dossiers-outcome",
        title,
        count_axis(lang.pick("hồ sơ", "dossiers")),
    )
}

/// Online public services: level 4 continued as "full", level 3 as "partial" after Decree
/// 42/2022, against the unit's total procedures.
pub fn services(q: Query) -> ChartSpec {
    let lang = q.lang;
    let mut b = Builder::new(
        q,
        &[
            "services.online_full",
            "services.online_partial",
            "services.total",
        ],
    );
    let full = b.indicator("services.online_full", Look::new(BAR, Side::Left, 0));
    let partial = b.indicator("services.online_partial", Look::new(BAR, Side::Left, 4));
    let total = b.indicator("services.total", Look::new(Mark::Line, Side::Left, 7));
    b.rename(
        "services.online_full",
        lang.pick("Toàn trình (mức độ 4)", "Full online (level 4)"),
    );
    b.rename(
        "services.online_partial",
        lang.pick("Một phần (mức độ 3)", "Partial online (level 3)"),
    );
    let name = lang.pick(
        "Tỷ lệ DVC trực tuyến trên tổng số TTHC",
        "Online services as a share of all procedures",
    );
    let online = sum(&full, &partial);
    b.rate("derived.online_services_share", name, 5, &online, &total);
    let title = unit_title(
        &q,
        lang.pick("Dịch vụ công trực tuyến", "Online public services"),
    );
    b.finish(
        "services",
        title,
        count_axis(lang.pick("dịch vụ", "services")),
    )
}

/// Procedures published: decisions, procedures, internal processes, made public nationally.
pub fn procedures(q: Query) -> ChartSpec {
    let lang = q.lang;
    let ids = [
        "procedures.decisions",
        "procedures.published",
        "procedures.internal_processes",
        "procedures.public_national_db",
    ];
    let mut b = Builder::new(q, &ids);
    for (k, id) in ids.iter().enumerate() {
        b.indicator(
            id,
            Look::new(Mark::Bar { stack: k as u8 }, Side::Left, [7, 0, 2, 4][k]),
        );
    }
    let title = unit_title(
        &q,
        lang.pick("Công bố, công khai TTHC", "Procedures published"),
    );
    b.finish(
        "procedures",
        title,
        count_axis(lang.pick("số lượng", "count")),
    )
}

/// Citizens' feedback (PAKN): received against resolved, with the resolution rate.
pub fn feedback(q: Query) -> ChartSpec {
    let lang = q.lang;
    let mut b = Builder::new(q, &["feedback.received", "feedback.resolved"]);
    let received = b.indicator(
        "feedback.received",
        Look::new(Mark::Bar { stack: 0 }, Side::Left, 1),
    );
    let resolved = b.indicator(
        "feedback.resolved",
        Look::new(Mark::Bar { stack: 1 }, Side::Left, 2),
    );
    let name = lang.pick("Tỷ lệ đã xử lý", "Resolution rate");
    b.rate("derived.feedback_resolution", name, 5, &resolved, &received);
    let title = unit_title(&q, lang.pick("Phản ánh, kiến nghị", "Citizens' feedback"));
    let axis = count_axis(lang.pick("phản ánh, kiến nghị", "items"));
    b.finish("feedback", title, axis)
}
