//! Where a unit stands against a target: the recent trend, projected to the target's date,
//! and a status for the card and the chart's note.

use crate::contract::catalogue::Better;
use crate::contract::lang::Lang;
use crate::contract::model::{Dataset, Target};
use crate::contract::period::Period;
use chrono::NaiveDate;

/// Least-squares line `y = slope·x + intercept`; `None` without two distinct x.
pub fn trend(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    if sxx < 1e-12 {
        return None;
    }
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let slope = sxy / sxx;
    Some((slope, my - slope * mx))
}

/// Where a unit stands against a target: only what its figures show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The figure for the target period, or failing that the latest one, reaches the target.
    Met,
    /// The recent trend reaches it by its date.
    OnTrack,
    /// The recent trend falls short.
    AtRisk,
    /// The figure for the target period, or one after it, falls short.
    Missed,
    /// No figure for the target period yet, and none to project from or the date has passed.
    NoFigureYet,
}

impl Status {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Status::Met => lang.pick("Đã đạt", "Met"),
            Status::OnTrack => lang.pick("Đúng hướng", "On track"),
            Status::AtRisk => lang.pick("Có nguy cơ không đạt", "At risk"),
            Status::Missed => lang.pick("Không đạt", "Missed"),
            Status::NoFigureYet => lang.pick("Chưa có số liệu kỳ mục tiêu", "No figure yet"),
        }
    }

    /// A stable word for styling and tests.
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::Missed => "missed",
            Status::NoFigureYet => "no-figure",
        }
    }
}

/// A status with the sentence that explains it, the same on the card, the chart and exports.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusLine {
    pub status: Status,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub latest: (Period, f64),
    pub target: f64,
    pub by: Period,
    /// Share of the way from the baseline to the target, 1 when reached.
    pub progress: Option<f64>,
    /// The recent trend's value at the target date.
    pub projected: Option<f64>,
    pub status: Status,
}

impl Assessment {
    /// The status in a sentence, figures written by `fmt`: "Chưa có số liệu năm 2025 (mới
    /// nhất: 0,4582 năm 2019)", "On track: target 0.5000 (2025); 2023: 0.4802".
    pub fn line(&self, lang: Lang, fmt: &dyn Fn(f64) -> String) -> StatusLine {
        let (p, v) = self.latest;
        let (latest, by) = (fmt(v), self.by.label(lang));
        let text = match (self.status, lang) {
            (Status::NoFigureYet, Lang::Vi) => {
                format!(
                    "Chưa có số liệu {by} (mới nhất: {latest} {})",
                    p.label(lang)
                )
            }
            (Status::NoFigureYet, Lang::En) => {
                format!(
                    "No figure yet for {by} (latest: {latest} in {})",
                    p.label(lang)
                )
            }
            (s, _) => format!(
                "{}: {} {} ({by}); {}: {latest}",
                s.text(lang),
                lang.pick("mục tiêu", "target"),
                fmt(self.target),
                p.label(lang)
            ),
        };
        StatusLine {
            status: self.status,
            text,
        }
    }
}

/// The target that counts: the latest one set for a unit's indicator, the one it is working
/// towards.
pub fn latest_target<'a>(data: &'a Dataset, unit: &str, indicator: &str) -> Option<&'a Target> {
    data.targets_for(unit, indicator).max_by_key(|t| t.by)
}

/// How many recent figures the trend is fitted to: long enough to smooth a bad year, short
/// enough to follow a change of course.
const TREND_POINTS: usize = 5;

/// Assesses `series` (oldest first) against `target` as of `today`.
pub fn assess(
    series: &[(Period, f64)],
    target: &Target,
    better: Better,
    today: NaiveDate,
) -> Option<Assessment> {
    let &(last_period, last) = series.last()?;
    let meets = |v: f64| match better {
        Better::Higher => v >= target.value,
        Better::Lower => v <= target.value,
    };
    let recent: Vec<(f64, f64)> = series
        .iter()
        .rev()
        .take(TREND_POINTS)
        .map(|(p, v)| (p.midpoint_years(), *v))
        .collect();
    // A target "by 2025" is due at the end of 2025: the trend runs to the end of its period.
    let projected =
        trend(&recent).map(|(slope, intercept)| slope * target.by.end_years() + intercept);
    let base = target
        .baseline
        .and_then(|b| series.iter().find(|(p, _)| *p == b))
        .or(series.first())
        .map(|(_, v)| *v);
    let progress = base.and_then(|b| {
        let span = target.value - b;
        (span.abs() > 1e-12).then(|| ((last - b) / span).clamp(0.0, 1.0))
    });
    // The figure that settles it: the latest for the target period, else one after it.
    let settled = series
        .iter()
        .rev()
        .find(|(p, _)| p.start() >= target.by.start() && p.end() <= target.by.end())
        .or_else(|| series.last().filter(|(p, _)| p.start() > target.by.end()));
    let status = match settled {
        Some((_, v)) if meets(*v) => Status::Met,
        Some(_) => Status::Missed,
        None if meets(last) => Status::Met,
        None if today > target.by.end() => Status::NoFigureYet,
        None => match projected {
            Some(p) if meets(p) => Status::OnTrack,
            Some(_) => Status::AtRisk,
            None => Status::NoFigureYet,
        },
    };
    Some(Assessment {
        latest: (last_period, last),
        target: target.value,
        by: target.by,
        progress,
        projected,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(value: f64, by: &str) -> Target {
        Target {
            unit: "u".into(),
            indicator: "i".into(),
            by: Period::parse(by).unwrap(),
            value,
            baseline: None,
            source: None,
            file: 0,
        }
    }

    fn years(v: &[(i32, f64)]) -> Vec<(Period, f64)> {
        v.iter().map(|(y, x)| (Period::Year(*y), *x)).collect()
    }

    fn day(s: &str) -> NaiveDate {
        crate::contract::period::parse_date(s).unwrap()
    }

    #[test]
    fn fits_a_line() {
        let (m, b) = trend(&[(0.0, 1.0), (1.0, 3.0), (2.0, 5.0)]).unwrap();
        assert!((m - 2.0).abs() < 1e-9 && (b - 1.0).abs() < 1e-9);
        assert_eq!(trend(&[(1.0, 1.0)]), None);
        assert_eq!(trend(&[(1.0, 1.0), (1.0, 2.0)]), None);
    }

    fn status(series: &[(i32, f64)], t: (f64, &str), better: Better, today: &str) -> Status {
        assess(&years(series), &target(t.0, t.1), better, day(today))
            .unwrap()
            .status
    }

    #[test]
    fn the_trend_decides_before_the_date() {
        let rising = years(&[(2019, 0.40), (2020, 0.43), (2021, 0.46), (2022, 0.48)]);
        let a = assess(
            &rising,
            &target(0.5, "2025"),
            Better::Higher,
            day("2023-06-01"),
        )
        .unwrap();
        assert_eq!(a.status, Status::OnTrack);
        assert!(a.projected.unwrap() > 0.5);
        assert!((a.progress.unwrap() - 0.8).abs() < 1e-9);
        let flat = [(2019, 0.40), (2020, 0.41), (2021, 0.40), (2022, 0.41)];
        assert_eq!(
            status(&flat, (0.5, "2025"), Better::Higher, "2023-06-01"),
            Status::AtRisk
        );
        // Ranks: lower is better.
        let ranks = [(2019, 25.0), (2020, 20.0), (2021, 16.0)];
        assert_eq!(
            status(&ranks, (15.0, "2025"), Better::Lower, "2023-06-01"),
            Status::OnTrack
        );
        assert_eq!(
            status(&ranks, (16.0, "2025"), Better::Lower, "2023-06-01"),
            Status::Met
        );
        assert_eq!(
            assess(&[], &target(1.0, "2025"), Better::Lower, day("2023-06-01")),
            None
        );
    }

    #[test]
    fn missed_only_on_a_figure_for_or_after_the_target_period() {
        // A figure for 2025 that falls short, even with a good trend before it.
        let short = [(2023, 0.46), (2024, 0.48), (2025, 0.49)];
        assert_eq!(
            status(&short, (0.5, "2025"), Better::Higher, "2026-11-25"),
            Status::Missed
        );
        // No 2025 figure, but a later one below the target: the date has passed.
        let later = [(2023, 0.46), (2026, 0.47)];
        assert_eq!(
            status(&later, (0.5, "2025"), Better::Higher, "2027-02-01"),
            Status::Missed
        );
        // A 2025 figure that reaches it, whatever came later.
        let met = [(2024, 0.46), (2025, 0.52), (2026, 0.49)];
        assert_eq!(
            status(&met, (0.5, "2025"), Better::Higher, "2027-02-01"),
            Status::Met
        );
        // Monthly figures inside a yearly target: the latest of them settles it.
        let monthly: Vec<(Period, f64)> = ["2025-11", "2025-12"]
            .iter()
            .zip([79.0, 81.0])
            .map(|(p, v)| (Period::parse(p).unwrap(), v))
            .collect();
        let a = assess(
            &monthly,
            &target(80.0, "2025"),
            Better::Higher,
            day("2026-03-01"),
        );
        assert_eq!(a.unwrap().status, Status::Met);
    }

    #[test]
    fn tay_ninh_ict_index_has_no_figure_for_2025_yet() {
        // Tây Ninh: ICT 0.4582 in 2019, target 0.5 by 2025, no later figure.
        let tay_ninh = [(2019, 0.4582)];
        for today in ["2023-06-01", "2026-11-25"] {
            assert_eq!(
                status(&tay_ninh, (0.5, "2025"), Better::Higher, today),
                Status::NoFigureYet
            );
        }
        let a = assess(
            &years(&tay_ninh),
            &target(0.5, "2025"),
            Better::Higher,
            day("2026-11-25"),
        )
        .unwrap();
        let vi = a.line(Lang::Vi, &|v| format!("{v:.4}").replace('.', ","));
        assert_eq!(
            vi.text,
            "Chưa có số liệu năm 2025 (mới nhất: 0,4582 năm 2019)"
        );
        let en = a.line(Lang::En, &|v| format!("{v:.4}"));
        assert_eq!(en.text, "No figure yet for 2025 (latest: 0.4582 in 2019)");
        assert_eq!(en.status.code(), "no-figure");
        // Several figures, none for 2025, the date passed: still not called missed.
        let stale = [(2019, 0.40), (2020, 0.42), (2022, 0.44)];
        assert_eq!(
            status(&stale, (0.5, "2025"), Better::Higher, "2026-11-25"),
            Status::NoFigureYet
        );
    }

    #[test]
    fn the_line_names_status_target_and_latest_figure() {
        let a = assess(
            &years(&[(2022, 0.44), (2023, 0.46), (2025, 0.49)]),
            &target(0.5, "2025"),
            Better::Higher,
            day("2026-11-25"),
        )
        .unwrap();
        let line = a.line(Lang::En, &|v| format!("{v:.2}"));
        assert_eq!(line.status, Status::Missed);
        assert_eq!(line.text, "Missed: target 0.50 (2025); 2025: 0.49");
    }
}
