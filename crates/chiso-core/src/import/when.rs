//! Reporting periods as reports write them: `Quý II/2020`, `quý 3 năm 2020`, `6 tháng đầu năm
//! 2020`, `Năm 2019`, `Tháng 7/2020`, `28/5/2020 - 28/8/2020`, `quý III (28/5/2020 - 28/8/2020)`,
//! `Q3 2020`, `first half 2020`, `July 2020`, and the contract's own forms. Anything else is
//! not a period: unknown words are never skipped, so `Điểm 2019` is not read as 2019.

use crate::contract::names::{fold, key};
use crate::contract::period::Period;
use crate::import::table::Cell;
use chrono::NaiveDate;

/// A period, and the report's own name for it when it is an interval (`quý III`).
#[derive(Clone, Debug, PartialEq)]
pub struct When {
    pub period: Period,
    pub label: Option<String>,
}

impl When {
    fn plain(period: Period) -> When {
        When {
            period,
            label: None,
        }
    }
}

pub fn parse_cell(cell: &Cell) -> Option<When> {
    match cell {
        Cell::Empty => None,
        Cell::Number(n) if n.fract() == 0.0 && (1945.0..=2100.0).contains(n) => {
            Some(When::plain(Period::Year(*n as i32)))
        }
        Cell::Number(_) => None,
        Cell::Text(s) => parse(s),
    }
}

pub fn parse(s: &str) -> Option<When> {
    let s = s.trim();
    if let Ok(p) = Period::parse(s) {
        return Some(When::plain(p));
    }
    let dates = find_dates(s);
    let Some(&(first_at, first)) = dates.first() else {
        return natural(s);
    };
    let last = dates.get(1).map_or(first, |&(_, d)| d);
    if dates.len() > 2 || last < first {
        return None;
    }
    Some(When {
        period: Period::Interval(first, last),
        label: label_before(s.get(..first_at).unwrap_or("")),
    })
}

/// The text before the dates, without "từ", "from", "ngày", brackets and dashes: `quý III`.
fn label_before(s: &str) -> Option<String> {
    const LEAD_INS: [&str; 4] = ["tu", "ngay", "from", "between"];
    let trim = |t: &str| {
        t.trim_end_matches(|c: char| c.is_whitespace() || "([:-–,".contains(c))
            .to_string()
    };
    let mut t = trim(s);
    loop {
        let (head, last) = match t.rfind(char::is_whitespace) {
            Some(i) => (t.get(..i).unwrap_or(""), t.get(i..).unwrap_or("")),
            None => ("", t.as_str()),
        };
        if !LEAD_INS.contains(&key(last).as_str()) {
            break;
        }
        t = trim(head);
    }
    (!t.is_empty()).then_some(t)
}

/// Day-first dates (`28/5/2020`, `28-05-2020`, `28.05.2020`) and ISO dates, with where each starts.
fn find_dates(s: &str) -> Vec<(usize, NaiveDate)> {
    let b = s.as_bytes();
    let digits = |i: usize| {
        b.get(i..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    let num = |i: usize, n: usize| s.get(i..i + n).and_then(|t| t.parse::<u32>().ok());
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = b.get(i).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !b.get(i - 1).is_some_and(u8::is_ascii_digit));
        if !starts {
            i += 1;
            continue;
        }
        let n1 = digits(i);
        let sep = b
            .get(i + n1)
            .copied()
            .filter(|c| matches!(c, b'/' | b'-' | b'.'));
        let date = sep.and_then(|sep| {
            let j = i + n1 + 1;
            let n2 = digits(j);
            (b.get(j + n2) == Some(&sep)).then_some(())?;
            let k = j + n2 + 1;
            let n3 = digits(k);
            let (y, m, d) = match (n1, n2, n3) {
                (1 | 2, 1 | 2, 4) => (num(k, 4)?, num(j, n2)?, num(i, n1)?),
                (4, 2, 2) if sep == b'-' => (num(i, 4)?, num(j, 2)?, num(k, 2)?),
                _ => return None,
            };
            let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
            Some((date, k + n3))
        });
        match date {
            Some((d, end)) => {
                found.push((i, d));
                i = end;
            }
            None => i += n1.max(1),
        }
    }
    found
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(u32, usize),
    Word(String),
    Slash,
}

fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<Tok>| {
        if cur.is_empty() {
            return;
        }
        let t = std::mem::take(cur);
        out.push(match t.parse::<u32>() {
            Ok(n) if t.bytes().all(|b| b.is_ascii_digit()) => Tok::Num(n, t.len()),
            _ => Tok::Word(t),
        });
    };
    for c in fold(s).chars() {
        let same_kind = cur
            .chars()
            .last()
            .is_some_and(|p| p.is_ascii_digit() == c.is_ascii_digit());
        if c.is_alphanumeric() {
            if !same_kind {
                flush(&mut cur, &mut out);
            }
            cur.push(c);
        } else {
            flush(&mut cur, &mut out);
            if c == '/' {
                out.push(Tok::Slash);
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

const FILLER: [&str; 12] = [
    "nam", "year", "of", "the", "in", "ca", "ky", "luy", "ke", "tinh", "den", "het",
];
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn roman(w: &str) -> Option<u8> {
    ["i", "ii", "iii", "iv"]
        .iter()
        .position(|r| *r == w)
        .map(|p| p as u8 + 1)
}

/// `July`, `Jul`, `Sept`.
fn month_name(w: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && w.len() <= 4 && m.starts_with(w)))
        .map(|p| p as u8 + 1)
}

/// Periods in words around one year.
fn natural(s: &str) -> Option<When> {
    let toks = tokens(s);
    let year_at = toks
        .iter()
        .rposition(|t| matches!(t, Tok::Num(y, 4) if (1945..=2100).contains(y)))?;
    let Some(Tok::Num(y, _)) = toks.get(year_at) else {
        return None;
    };
    let y = *y as i32;
    let slash_before_year = year_at > 0 && toks.get(year_at - 1) == Some(&Tok::Slash);
    let rest: Vec<&Tok> = toks
        .iter()
        .enumerate()
        .filter(|&(i, t)| {
            i != year_at
                && *t != Tok::Slash
                && !matches!(t, Tok::Word(w) if FILLER.contains(&w.as_str()))
        })
        .map(|(_, t)| t)
        .collect();
    let w = |t: &Tok, words: &[&str]| matches!(t, Tok::Word(x) if words.contains(&x.as_str()));
    let quarter = |q: u32| (1..=4).contains(&q).then_some(Period::Quarter(y, q as u8));
    let half = |h: u8| When::plain(Period::Half(y, h));
    const Q: [&str; 5] = ["quy", "q", "quarter", "qui", "qtr"];
    let period = match rest.as_slice() {
        [] => Period::Year(y),
        [q, Tok::Num(n, _)] if w(q, &Q) => quarter(*n)?,
        [q, Tok::Word(r)] if w(q, &Q) => Period::Quarter(y, roman(r)?),
        [Tok::Word(qr)] if qr.starts_with('q') => Period::Quarter(y, roman(qr.get(1..)?)?),
        [Tok::Num(n, _), ord, q] if w(ord, &["st", "nd", "rd", "th"]) && w(q, &["quarter"]) => {
            quarter(*n)?
        }
        [Tok::Num(n, _), q] if w(q, &["quarter"]) => quarter(*n)?,
        [h, Tok::Num(n @ 1..=2, _)] if w(h, &["h", "half"]) => return Some(half(*n as u8)),
        [first, h] if w(first, &["first", "nua"]) && w(h, &["half", "dau"]) => {
            return Some(half(1))
        }
        [second, h] if w(second, &["second", "nua"]) && w(h, &["half", "cuoi"]) => {
            return Some(half(2))
        }
        [Tok::Num(6, _), m, last] if w(m, &["thang", "months"]) && w(last, &["cuoi", "last"]) => {
            return Some(half(2))
        }
        [last, Tok::Num(6, _), m] if w(last, &["last"]) && w(m, &["months"]) => {
            return Some(half(2))
        }
        [Tok::Num(n, _), m, first] if w(m, &["thang", "months"]) && w(first, &["dau", "first"]) => {
            return months_from_january(y, *n, s)
        }
        [first, Tok::Num(n, _), m] if w(first, &["first"]) && w(m, &["months"]) => {
            return months_from_january(y, *n, s)
        }
        [Tok::Num(n, _), m] if w(m, &["thang", "months"]) => return months_from_january(y, *n, s),
        [m, Tok::Num(n, _)] if w(m, &["thang", "month"]) => month(y, *n)?,
        [Tok::Num(n, 1..=2)] if slash_before_year => month(y, *n)?,
        [Tok::Word(name)] => Period::Month(y, month_name(name)?),
        _ => return None,
    };
    Some(When::plain(period))
}

fn month(y: i32, m: u32) -> Option<Period> {
    (1..=12).contains(&m).then_some(Period::Month(y, m as u8))
}

/// "9 tháng đầu năm 2020": January to the end of month `n`, named as the report names it.
fn months_from_january(y: i32, n: u32, text: &str) -> Option<When> {
    let period = match n {
        3 => Period::Quarter(y, 1),
        6 => Period::Half(y, 1),
        12 => Period::Year(y),
        1..=11 => {
            let start = NaiveDate::from_ymd_opt(y, 1, 1)?;
            Period::Interval(start, Period::Month(y, n as u8).end())
        }
        _ => return None,
    };
    let label = matches!(period, Period::Interval(..)).then(|| text.trim().to_string());
    Some(When { period, label })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<String> {
        parse(s).map(|w| w.period.to_string())
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_vietnamese_periods() {
        assert_eq!(p("Quý II/2020").as_deref(), Some("2020-Q2"));
        assert_eq!(p("quý 3 năm 2020").as_deref(), Some("2020-Q3"));
        assert_eq!(p("QUÝ IV NĂM 2019").as_deref(), Some("2019-Q4"));
        assert_eq!(p("6 tháng đầu năm 2020").as_deref(), Some("2020-H1"));
        assert_eq!(p("6 tháng cuối năm 2020").as_deref(), Some("2020-H2"));
        assert_eq!(p("Năm 2019").as_deref(), Some("2019"));
        assert_eq!(p("Cả năm 2021").as_deref(), Some("2021"));
        assert_eq!(p("Tháng 7/2020").as_deref(), Some("2020-07"));
        assert_eq!(p("tháng 12 năm 2020").as_deref(), Some("2020-12"));
        assert_eq!(p("07/2020").as_deref(), Some("2020-07"));
        assert_eq!(p("2020").as_deref(), Some("2020"));
        assert_eq!(p("2020-Q3").as_deref(), Some("2020-Q3"));
    }

    #[test]
    fn reads_english_periods() {
        assert_eq!(p("Q3 2020").as_deref(), Some("2020-Q3"));
        assert_eq!(p("Q3/2020").as_deref(), Some("2020-Q3"));
        assert_eq!(p("2020Q3").as_deref(), Some("2020-Q3"));
        assert_eq!(p("Quarter 3, 2020").as_deref(), Some("2020-Q3"));
        assert_eq!(p("3rd quarter 2020").as_deref(), Some("2020-Q3"));
        assert_eq!(p("H1 2020").as_deref(), Some("2020-H1"));
        assert_eq!(p("first half of 2020").as_deref(), Some("2020-H1"));
        assert_eq!(p("July 2020").as_deref(), Some("2020-07"));
        assert_eq!(p("Sep 2020").as_deref(), Some("2020-09"));
        assert_eq!(p("Year 2019").as_deref(), Some("2019"));
    }

    #[test]
    fn reads_intervals_and_their_labels() {
        let w = parse("28/5/2020 - 28/8/2020").unwrap();
        assert_eq!(
            w.period,
            Period::Interval(day(2020, 5, 28), day(2020, 8, 28))
        );
        assert_eq!(w.label, None);
        let w = parse("quý III (28/5/2020 - 28/8/2020)").unwrap();
        assert_eq!(
            w.period,
            Period::Interval(day(2020, 5, 28), day(2020, 8, 28))
        );
        assert_eq!(w.label.as_deref(), Some("quý III"));
        let w = parse("Quý III: từ ngày 28/05/2020 đến ngày 28/08/2020").unwrap();
        assert_eq!(w.label.as_deref(), Some("Quý III"));
        let w = parse("9 tháng đầu năm 2020").unwrap();
        assert_eq!(
            w.period,
            Period::Interval(day(2020, 1, 1), day(2020, 9, 30))
        );
        assert_eq!(w.label.as_deref(), Some("9 tháng đầu năm 2020"));
        assert_eq!(p("28/8/2020").as_deref(), Some("2020-08-28/2020-08-28"));
        assert_eq!(p("28/8/2020 - 28/5/2020"), None);
    }

    #[test]
    fn rejects_what_is_not_a_period() {
        for s in [
            "Điểm 2019",
            "Tây Ninh",
            "quý III",
            "Quý 5/2020",
            "tháng 13/2020",
            "PCI 2019",
            "58.463",
            "",
        ] {
            assert_eq!(p(s), None, "{s}");
        }
        assert_eq!(
            parse_cell(&Cell::Number(2019.0)).unwrap().period,
            Period::Year(2019)
        );
        assert_eq!(parse_cell(&Cell::Number(64.16)), None);
    }
}
