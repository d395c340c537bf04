//! Reporting periods: `2020`, `2020-H1`, `2020-Q3`, `2020-07`, or an ISO-8601 date interval
//! `2020-05-28/2020-08-28` (many reports' "quarter" runs between two arbitrary dates).

use crate::contract::lang::Lang;
use chrono::{Datelike, Months, NaiveDate};
use std::cmp::Ordering;
use std::fmt;

/// Years outside this range are typing mistakes, not administrative history.
const YEARS: std::ops::RangeInclusive<i32> = 1945..=2100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    Half(i32, u8),
    Quarter(i32, u8),
    Month(i32, u8),
    /// Both ends inclusive.
    Interval(NaiveDate, NaiveDate),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeriodError {
    Syntax,
    YearOutOfRange(i32),
    Half(u32),
    Quarter(u32),
    Month(u32),
    Date(String),
    Reversed,
}

impl PeriodError {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (PeriodError::Syntax, Lang::Vi) => {
                "không đúng dạng 2020, 2020-H1, 2020-Q3, 2020-07 hoặc 2020-05-28/2020-08-28".into()
            }
            (PeriodError::Syntax, Lang::En) => {
                "is not of the form 2020, 2020-H1, 2020-Q3, 2020-07 or 2020-05-28/2020-08-28".into()
            }
            (PeriodError::YearOutOfRange(y), Lang::Vi) => {
                format!("năm {y} nằm ngoài khoảng {}–{}", YEARS.start(), YEARS.end())
            }
            (PeriodError::YearOutOfRange(y), Lang::En) => {
                format!("year {y} is outside {}–{}", YEARS.start(), YEARS.end())
            }
            (PeriodError::Half(h), Lang::Vi) => format!("không có nửa năm H{h} (chỉ H1, H2)"),
            (PeriodError::Half(h), Lang::En) => format!("there is no half-year H{h} (only H1, H2)"),
            (PeriodError::Quarter(q), Lang::Vi) => format!("không có quý Q{q} (chỉ Q1–Q4)"),
            (PeriodError::Quarter(q), Lang::En) => format!("there is no quarter Q{q} (only Q1–Q4)"),
            (PeriodError::Month(m), Lang::Vi) => format!("không có tháng {m} (chỉ 01–12)"),
            (PeriodError::Month(m), Lang::En) => format!("there is no month {m} (only 01–12)"),
            (PeriodError::Date(d), Lang::Vi) => {
                format!("ngày {d} không tồn tại hoặc không đúng dạng YYYY-MM-DD")
            }
            (PeriodError::Date(d), Lang::En) => {
                format!("date {d} does not exist or is not YYYY-MM-DD")
            }
            (PeriodError::Reversed, Lang::Vi) => "ngày bắt đầu sau ngày kết thúc".into(),
            (PeriodError::Reversed, Lang::En) => "the start date is after the end date".into(),
        }
    }
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn year(s: &str) -> Result<i32, PeriodError> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PeriodError::Syntax);
    }
    let y: i32 = s.parse().map_err(|_| PeriodError::Syntax)?;
    if YEARS.contains(&y) {
        Ok(y)
    } else {
        Err(PeriodError::YearOutOfRange(y))
    }
}

fn small_number(s: &str) -> Result<u32, PeriodError> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PeriodError::Syntax);
    }
    s.parse().map_err(|_| PeriodError::Syntax)
}

fn date(s: &str) -> Result<NaiveDate, PeriodError> {
    let bad = || PeriodError::Date(s.to_string());
    if s.len() != 10 {
        return Err(bad());
    }
    let d = parse_date(s).ok_or_else(bad)?;
    if !YEARS.contains(&d.year()) {
        return Err(PeriodError::YearOutOfRange(d.year()));
    }
    Ok(d)
}

/// `day` as a real number of years, `into` of the way through it (0.5: its middle).
fn years(day: NaiveDate, into: f64) -> f64 {
    let days_in_year = if ymd(day.year(), 12, 31).ordinal() == 366 {
        366.0
    } else {
        365.0
    };
    day.year() as f64 + (day.ordinal0() as f64 + into) / days_in_year
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    // Callers only pass months 1..=12 and days that exist in every month.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl Period {
    pub fn parse(s: &str) -> Result<Period, PeriodError> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once('/') {
            let (start, end) = (date(a)?, date(b)?);
            return if start <= end {
                Ok(Period::Interval(start, end))
            } else {
                Err(PeriodError::Reversed)
            };
        }
        let Some((y, rest)) = s.split_once('-') else {
            return Ok(Period::Year(year(s)?));
        };
        let y = year(y)?;
        if let Some(h) = rest.strip_prefix(['H', 'h']) {
            return match small_number(h)? {
                h @ 1..=2 => Ok(Period::Half(y, h as u8)),
                h => Err(PeriodError::Half(h)),
            };
        }
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            return match small_number(q)? {
                q @ 1..=4 => Ok(Period::Quarter(y, q as u8)),
                q => Err(PeriodError::Quarter(q)),
            };
        }
        if rest.len() == 2 {
            return match small_number(rest)? {
                m @ 1..=12 => Ok(Period::Month(y, m as u8)),
                m => Err(PeriodError::Month(m)),
            };
        }
        if rest.len() == 5 {
            // A single day, `2020-08-28`, is an interval of one day.
            let d = date(s)?;
            return Ok(Period::Interval(d, d));
        }
        Err(PeriodError::Syntax)
    }

    /// First day of the period.
    pub fn start(&self) -> NaiveDate {
        match *self {
            Period::Year(y) => ymd(y, 1, 1),
            Period::Half(y, h) => ymd(y, 1 + 6 * (h as u32 - 1), 1),
            Period::Quarter(y, q) => ymd(y, 1 + 3 * (q as u32 - 1), 1),
            Period::Month(y, m) => ymd(y, m as u32, 1),
            Period::Interval(a, _) => a,
        }
    }

    /// Last day of the period, inclusive.
    pub fn end(&self) -> NaiveDate {
        let months = match *self {
            Period::Year(_) => 12,
            Period::Half(..) => 6,
            Period::Quarter(..) => 3,
            Period::Month(..) => 1,
            Period::Interval(_, b) => return b,
        };
        let next = self.start().checked_add_months(Months::new(months));
        next.and_then(|d| d.pred_opt()).unwrap_or_default()
    }

    /// The period of the same length just before this one, where the calendar defines it.
    pub fn previous(&self) -> Option<Period> {
        Some(match *self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Half(y, 1) => Period::Half(y - 1, 2),
            Period::Half(y, h) => Period::Half(y, h - 1),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
            Period::Interval(..) => return None,
        })
    }

    /// Breaks ties between equal spans written in different forms (`2020` and its interval).
    fn variant(&self) -> u8 {
        match self {
            Period::Year(_) => 0,
            Period::Half(..) => 1,
            Period::Quarter(..) => 2,
            Period::Month(..) => 3,
            Period::Interval(..) => 4,
        }
    }

    /// Calendar year that contains the end of the period.
    pub fn year(&self) -> i32 {
        self.end().year()
    }

    /// Years as a real number at the period's midpoint, the x of trend lines.
    pub fn midpoint_years(&self) -> f64 {
        let (a, b) = (self.start(), self.end());
        years(a + (b - a) / 2, 0.5)
    }

    /// Years as a real number at the end of the period's last day: where a target "by" the
    /// period must be reached.
    pub fn end_years(&self) -> f64 {
        years(self.end(), 1.0)
    }

    /// The label a reader expects: `quý II/2020`, `Q2 2020`, `28/05/2020–28/08/2020`.
    pub fn label(&self, lang: Lang) -> String {
        match (*self, lang) {
            (Period::Year(y), Lang::Vi) => format!("năm {y}"),
            (Period::Year(y), Lang::En) => y.to_string(),
            (Period::Half(y, 1), Lang::Vi) => format!("6 tháng đầu năm {y}"),
            (Period::Half(y, _), Lang::Vi) => format!("6 tháng cuối năm {y}"),
            (Period::Half(y, h), Lang::En) => format!("H{h} {y}"),
            (Period::Quarter(y, q), Lang::Vi) => format!("quý {}/{y}", ROMAN[q as usize - 1]),
            (Period::Quarter(y, q), Lang::En) => format!("Q{q} {y}"),
            (Period::Month(y, m), Lang::Vi) => format!("tháng {m}/{y}"),
            (Period::Month(y, m), Lang::En) => format!("{} {y}", MONTHS_EN[m as usize - 1]),
            (Period::Interval(a, b), _) if a == b => day(a, lang),
            (Period::Interval(a, b), _) => format!("{}–{}", day(a, lang), day(b, lang)),
        }
    }

    /// A compact label for chart axes.
    pub fn short_label(&self, lang: Lang) -> String {
        match (*self, lang) {
            (Period::Year(y), _) => y.to_string(),
            (Period::Half(y, h), Lang::Vi) => format!("H{h}/{y}"),
            (Period::Quarter(y, q), Lang::Vi) => format!("Q{q}/{y}"),
            (Period::Month(y, m), Lang::Vi) => format!("{m:02}/{y}"),
            (Period::Interval(_, b), _) => day(b, Lang::Vi),
            _ => self.label(lang),
        }
    }
}

/// A strict `YYYY-MM-DD` date. Written by hand: chrono's format parser costs the browser
/// build more than these lines do.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

/// `2020-05-28`.
pub fn iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// A date the way the locale writes it: `28/05/2020` in Vietnamese, `28 May 2020` in English.
pub fn day(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En => format!(
            "{} {} {}",
            d.day(),
            MONTHS_EN[d.month0() as usize],
            d.year()
        ),
    }
}

impl fmt::Display for Period {
    /// The canonical form of the contract.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Half(y, h) => write!(f, "{y}-H{h}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
            Period::Interval(a, b) => {
                write!(f, "{}/{}", iso(a), iso(b))
            }
        }
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Period {
    /// (end, start) as plain integers: sorting compares periods millions of times, and
    /// date arithmetic there would dominate loading.
    fn sort_key(&self) -> (i32, u32, u32, i32, u32, u32) {
        let ymd = |d: NaiveDate| (d.year(), d.month(), d.day());
        let (first, months) = match *self {
            Period::Year(y) => ((y, 1), 12),
            Period::Half(y, h) => ((y, 1 + 6 * (h as u32 - 1)), 6),
            Period::Quarter(y, q) => ((y, 1 + 3 * (q as u32 - 1)), 3),
            Period::Month(y, m) => ((y, m as u32), 1),
            Period::Interval(a, b) => {
                let ((ey, em, ed), (sy, sm, sd)) = (ymd(b), ymd(a));
                return (ey, em, ed, sy, sm, sd);
            }
        };
        let (y, m) = first;
        let last = m + months - 1;
        (y, last, days_in_month(y, last), y, m, 1)
    }
}

impl Ord for Period {
    /// Chronological: by end date, then the longer period first (a year after its last quarter
    /// would read as a step back).
    fn cmp(&self, other: &Self) -> Ordering {
        // Two periods of one calendar kind are in the order of their numbers: the common case
        // when a national file's figures are sorted, answered without dates.
        match (*self, *other) {
            (Period::Year(a), Period::Year(b)) => return a.cmp(&b),
            (Period::Half(a, i), Period::Half(b, j))
            | (Period::Quarter(a, i), Period::Quarter(b, j))
            | (Period::Month(a, i), Period::Month(b, j)) => return (a, i).cmp(&(b, j)),
            _ => {}
        }
        self.sort_key()
            .cmp(&other.sort_key())
            .then(self.variant().cmp(&other.variant()))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn parses_every_form_and_round_trips() {
        for s in [
            "2020",
            "2020-H1",
            "2020-Q3",
            "2020-07",
            "2020-05-28/2020-08-28",
        ] {
            assert_eq!(p(s).to_string(), s);
        }
        assert_eq!(
            p("2020-08-28"),
            Period::Interval(ymd(2020, 8, 28), ymd(2020, 8, 28))
        );
    }

    #[test]
    fn rejects_bad_periods_with_reasons() {
        assert_eq!(Period::parse("2020-Q5"), Err(PeriodError::Quarter(5)));
        assert_eq!(Period::parse("2020-H3"), Err(PeriodError::Half(3)));
        assert_eq!(Period::parse("2020-13"), Err(PeriodError::Month(13)));
        assert_eq!(Period::parse("20"), Err(PeriodError::Syntax));
        assert_eq!(Period::parse("Q2 2020"), Err(PeriodError::Syntax));
        assert_eq!(
            Period::parse("1800"),
            Err(PeriodError::YearOutOfRange(1800))
        );
        assert_eq!(
            Period::parse("2020-02-30/2020-03-01"),
            Err(PeriodError::Date("2020-02-30".into()))
        );
        assert_eq!(
            Period::parse("2020-08-28/2020-05-28"),
            Err(PeriodError::Reversed)
        );
        assert_eq!(Period::parse(""), Err(PeriodError::Syntax));
    }

    #[test]
    fn bounds() {
        assert_eq!(p("2020-Q1").end(), ymd(2020, 3, 31));
        assert_eq!(p("2020-H2").start(), ymd(2020, 7, 1));
        assert_eq!(p("2020-02").end(), ymd(2020, 2, 29));
        assert_eq!(p("2020").end(), ymd(2020, 12, 31));
        assert_eq!(p("2020-Q1").previous(), Some(p("2019-Q4")));
        assert_eq!(p("2020-01").previous(), Some(p("2019-12")));
        assert!((p("2020").midpoint_years() - 2020.5).abs() < 0.01);
        assert!((p("2025").end_years() - 2026.0).abs() < 1e-9);
        assert!((p("2025-Q2").end_years() - (2025.0 + 181.0 / 365.0)).abs() < 1e-9);
    }

    #[test]
    fn periods_of_one_kind_compare_as_their_dates_do() {
        let kinds: [fn(i32, u8) -> Period; 3] = [Period::Half, Period::Quarter, Period::Month];
        for (kind, last) in kinds.into_iter().zip([2, 4, 12]) {
            let all: Vec<Period> = (2019..=2021)
                .flat_map(|y| (1..=last).map(move |n| kind(y, n)))
                .collect();
            for a in &all {
                for b in &all {
                    let by_dates = a.sort_key().cmp(&b.sort_key());
                    assert_eq!(a.cmp(b), by_dates, "{a} against {b}");
                }
            }
        }
        assert!(p("2019") < p("2020") && p("2021") > p("2020"));
    }

    #[test]
    fn orders_chronologically() {
        let mut v = [
            p("2021"),
            p("2020-Q4"),
            p("2020"),
            p("2020-Q1"),
            p("2020-05-28/2020-08-28"),
        ];
        v.sort();
        let s: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        assert_eq!(
            s,
            [
                "2020-Q1",
                "2020-05-28/2020-08-28",
                "2020",
                "2020-Q4",
                "2021"
            ]
        );
    }

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(p("2020-Q2").label(Lang::Vi), "quý II/2020");
        assert_eq!(p("2020-Q2").label(Lang::En), "Q2 2020");
        assert_eq!(
            p("2020-05-28/2020-08-28").label(Lang::Vi),
            "28/05/2020–28/08/2020"
        );
        assert_eq!(
            p("2020-05-28/2020-08-28").label(Lang::En),
            "28 May 2020–28 Aug 2020"
        );
        assert_eq!(p("2020-H1").label(Lang::Vi), "6 tháng đầu năm 2020");
        assert_eq!(p("2020-07").label(Lang::En), "Jul 2020");
    }
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn strict_dates() {
        assert_eq!(
            parse_date("2020-02-29").map(iso).as_deref(),
            Some("2020-02-29")
        );
        for bad in [
            "2019-02-29",
            "2020-2-29",
            "2020/02/29",
            "20200229",
            "2020-02-2x",
            "+020-02-29",
            "2020-00-10",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(
            day(parse_date("2020-05-08").unwrap(), Lang::Vi),
            "08/05/2020"
        );
    }
}
