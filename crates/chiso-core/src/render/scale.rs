//! Chart maths: nice axis ticks, the periods labelled along a time axis, and the projection
//! of values and categories to pixels.

use crate::contract::lang::Lang;
use crate::contract::period::Period;
use chrono::{Datelike, NaiveDate};

/// A linear map from a value domain to a pixel range; the range may run either way, which is
/// how rank axes put 1 at the top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn project(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Ticks at 1, 2 or 5 × 10ⁿ covering `lo..=hi`, about `count` of them. Returns the ticks; the
/// first and last are the nice bounds of the axis.
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo.min(hi), lo.max(hi))
    } else {
        (0.0, 1.0)
    };
    let (lo, hi) = if hi - lo < 1e-12 {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        (lo - pad, hi + pad)
    } else {
        (lo, hi)
    };
    let raw = (hi - lo) / count.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).floor();
    let end = (hi / step).ceil();
    let n = ((end - start) as usize).min(1000);
    (0..=n)
        .map(|i| clean((start + i as f64) * step, step))
        .collect()
}

/// A date as days from the common era: the unit of every time axis.
pub fn day_number(d: NaiveDate) -> f64 {
    d.num_days_from_ce() as f64
}

/// Average days in a month, to size a period's label room on the axis.
const MONTH_DAYS: f64 = 30.44;

/// The periods to label along a time axis over `domain` (days from the common era, end
/// excluded) at `px_per_day`: months, quarters or years, never finer than the data's own
/// periods (`finest`, in months), and thinned to every 2, 5, 10… years when the labels, as
/// wide as `width` says, would not fit. A quarter to ten years read the same at 320 px.
pub fn time_ticks(
    domain: (f64, f64),
    finest: i32,
    px_per_day: f64,
    lang: Lang,
    width: impl Fn(&str) -> f64,
) -> Vec<Period> {
    let date = |d: f64| NaiveDate::from_num_days_from_ce_opt(d as i32);
    let (Some(a), Some(b)) = (date(domain.0), date(domain.1 - 1.0)) else {
        return Vec::new();
    };
    let index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    for months in [1, 3, 12].into_iter().filter(|m| *m >= finest) {
        let first = index(a).div_euclid(months) * months;
        let count = (index(b) - first) / months + 1;
        if months < 12 && count > 12 {
            continue;
        }
        let periods: Vec<Period> = (0..count.min(400))
            .map(|k| {
                let n = first + k * months;
                let (y, m) = (n.div_euclid(12), n.rem_euclid(12) as u8);
                match months {
                    1 => Period::Month(y, m + 1),
                    3 => Period::Quarter(y, m / 3 + 1),
                    _ => Period::Year(y),
                }
            })
            .collect();
        let room = periods
            .iter()
            .map(|p| width(&p.short_label(lang)) + 6.0)
            .fold(0.0, f64::max);
        let unit = months as f64 * MONTH_DAYS * px_per_day;
        if unit >= room || months == 12 {
            let every = [1, 2, 5, 10, 20, 50, 100]
                .into_iter()
                .find(|k| *k as f64 * unit >= room)
                .unwrap_or(200);
            return periods
                .into_iter()
                .filter(|p| months < 12 || p.year() % every == 0)
                .collect();
        }
    }
    Vec::new()
}

/// Removes float noise (0.30000000000000004) relative to the step.
fn clean(v: f64, step: f64) -> f64 {
    let digits = (-step.log10().floor()).max(0.0) as i32 + 2;
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

/// Equal bands for categories (periods) along x, with padding between them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bands {
    pub count: usize,
    pub range: (f64, f64),
}

impl Bands {
    pub fn width(&self) -> f64 {
        (self.range.1 - self.range.0) / self.count.max(1) as f64
    }

    pub fn center(&self, i: usize) -> f64 {
        self.range.0 + self.width() * (i as f64 + 0.5)
    }

    /// The category under pixel `x`, if any.
    pub fn at(&self, x: f64) -> Option<usize> {
        if x < self.range.0 || x >= self.range.1 || self.count == 0 {
            return None;
        }
        Some((((x - self.range.0) / self.width()) as usize).min(self.count - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice_and_cover_the_data() {
        assert_eq!(
            nice_ticks(0.0, 58463.0, 5),
            vec![0.0, 20000.0, 40000.0, 60000.0]
        );
        assert_eq!(nice_ticks(0.0, 1.0, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(
            nice_ticks(0.4, 0.5, 5),
            vec![0.4, 0.42, 0.44, 0.46, 0.48, 0.5]
        );
        let t = nice_ticks(5.0, 5.0, 5);
        assert!(t[0] <= 5.0 && *t.last().unwrap() >= 5.0);
        assert_eq!(
            nice_ticks(f64::NAN, 1.0, 5),
            vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
        );
    }

    #[test]
    fn projects_both_ways() {
        let y = Linear {
            domain: (0.0, 100.0),
            range: (300.0, 100.0),
        };
        assert_eq!(y.project(0.0), 300.0);
        assert_eq!(y.project(50.0), 200.0);
        let rank = Linear {
            domain: (1.0, 63.0),
            range: (100.0, 300.0),
        };
        assert!(rank.project(1.0) < rank.project(25.0));
    }

    fn ticks(from: &str, to: &str, finest: i32, px: f64, lang: Lang) -> Vec<String> {
        let days = |s: &str| Period::parse(s).unwrap().start().num_days_from_ce() as f64;
        let domain = (days(from), days(to) + 1.0);
        let per_day = px / (domain.1 - domain.0);
        time_ticks(domain, finest, per_day, lang, |s| {
            s.chars().count() as f64 * 6.2
        })
        .iter()
        .map(|p| p.short_label(lang))
        .collect()
    }

    #[test]
    fn time_ticks_from_a_quarter_to_ten_years() {
        // One quarter of quarterly data: its own label, not months.
        assert_eq!(
            ticks("2020-04-01", "2020-06-30", 3, 600.0, Lang::Vi),
            vec!["Q2/2020"]
        );
        // A date interval of a report: months, it is finer than a quarter.
        assert_eq!(
            ticks("2020-05-28", "2020-08-28", 1, 600.0, Lang::Vi),
            vec!["05/2020", "06/2020", "07/2020", "08/2020"]
        );
        // Two years of quarters at 800 px: every quarter.
        assert_eq!(
            ticks("2024-01-01", "2025-12-31", 3, 800.0, Lang::Vi).len(),
            8
        );
        // Eight years of quarters: years.
        assert_eq!(
            ticks("2018-01-01", "2025-12-31", 3, 800.0, Lang::En),
            ["2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"]
        );
        // Ten years at 260 px: every second year, so labels never touch.
        let narrow = ticks("2016-01-01", "2025-12-31", 12, 260.0, Lang::Vi);
        assert_eq!(narrow, ["2016", "2018", "2020", "2022", "2024"]);
        assert!(ticks("2016-01-01", "2025-12-31", 12, 0.0, Lang::Vi).len() <= 2);
    }

    #[test]
    fn bands_hit_test() {
        let b = Bands {
            count: 4,
            range: (100.0, 500.0),
        };
        assert_eq!(b.center(0), 150.0);
        assert_eq!(b.at(99.0), None);
        assert_eq!(b.at(100.0), Some(0));
        assert_eq!(b.at(499.9), Some(3));
        assert_eq!(b.at(500.0), None);
    }
}
