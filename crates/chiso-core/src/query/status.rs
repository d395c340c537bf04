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

/// Where a unit stands against a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The latest figure already reaches the target.
    Met,
    /// The recent trend reaches it by its date.
    OnTrack,
    /// The recent trend falls short.
    AtRisk,
    /// The date has passed and the latest figure falls short.
    Missed,
    /// Too few figures to project.
    Unknown,
}

impl Status {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Status::Met => lang.pick("Đã đạt", "Met"),
            Status::OnTrack => lang.pick("Đúng hướng", "On track"),
            Status::AtRisk => lang.pick("Có nguy cơ không đạt", "At risk"),
            Status::Missed => lang.pick("Không đạt", "Missed"),
            Status::Unknown => lang.pick("Chưa đủ số liệu để dự báo", "Too few figures to project"),
        }
    }

    /// A stable word for styling and tests.
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::Missed => "missed",
            Status::Unknown => "unknown",
        }
    }
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
    let projected =
        trend(&recent).map(|(slope, intercept)| slope * target.by.midpoint_years() + intercept);
    let base = target
        .baseline
        .and_then(|b| series.iter().find(|(p, _)| *p == b))
        .or(series.first())
        .map(|(_, v)| *v);
    let progress = base.and_then(|b| {
        let span = target.value - b;
        (span.abs() > 1e-12).then(|| ((last - b) / span).clamp(0.0, 1.0))
    });
    let status = if meets(last) {
        Status::Met
    } else if today > target.by.end() {
        Status::Missed
    } else {
        match projected {
            Some(p) if meets(p) => Status::OnTrack,
            Some(_) => Status::AtRisk,
            None => Status::Unknown,
        }
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

    #[test]
    fn statuses() {
        let today = day("2023-06-01");
        let rising = years(&[(2019, 0.40), (2020, 0.43), (2021, 0.46), (2022, 0.48)]);
        let a = assess(&rising, &target(0.5, "2025"), Better::Higher, today).unwrap();
        assert_eq!(a.status, Status::OnTrack);
        assert!(a.projected.unwrap() > 0.5);
        assert!((a.progress.unwrap() - 0.8).abs() < 1e-9);
        let flat = years(&[(2019, 0.40), (2020, 0.41), (2021, 0.40), (2022, 0.41)]);
        assert_eq!(
            assess(&flat, &target(0.5, "2025"), Better::Higher, today)
                .unwrap()
                .status,
            Status::AtRisk
        );
        // Tây Ninh: ICT 0.4582 in 2019, target 0.5 by 2025, no later figure.
        let tay_ninh = years(&[(2019, 0.4582)]);
        assert_eq!(
            assess(&tay_ninh, &target(0.5, "2025"), Better::Higher, today)
                .unwrap()
                .status,
            Status::Unknown
        );
        assert_eq!(
            assess(
                &tay_ninh,
                &target(0.5, "2025"),
                Better::Higher,
                day("2026-11-25")
            )
            .unwrap()
            .status,
            Status::Missed
        );
        // Ranks: lower is better.
        let ranks = years(&[(2019, 25.0), (2020, 20.0), (2021, 16.0)]);
        assert_eq!(
            assess(&ranks, &target(15.0, "2025"), Better::Lower, today)
                .unwrap()
                .status,
            Status::OnTrack
        );
        assert_eq!(
            assess(&ranks, &target(16.0, "2025"), Better::Lower, today)
                .unwrap()
                .status,
            Status::Met
        );
        assert_eq!(
            assess(&[], &target(1.0, "2025"), Better::Lower, today),
            None
        );
    }
}
