//! Numbers as Vietnamese and English reports write them: `58.463` and `58,463`, `0,4582`,
//! `1.234.567,5`, `80,05%`, `58 463`. A lone separator before three digits (`1.234`) could be
//! either a thousands separator or a decimal point: that is left for the caller to decide.

/// Which separator marks decimals in a whole table, when its cells say so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Convention {
    Unknown,
    /// `1.234,5` (Vietnamese).
    DecimalComma,
    /// `1,234.5` (English).
    DecimalDot,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reading {
    Exact(f64),
    /// `1.234`: `grouped` if the separator groups thousands, `decimal` if it marks decimals.
    Ambiguous {
        separator: char,
        grouped: f64,
        decimal: f64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub reading: Reading,
    /// Written with a trailing `%`.
    pub percent: bool,
}

/// What a cell says when it holds no figure: a blank, a dash, "x", "n/a", "KXH" (không xếp hạng).
pub fn is_missing(s: &str) -> bool {
    let t = s.trim();
    t.is_empty()
        || matches!(
            crate::contract::names::key(t).as_str(),
            "x" | "na" | "kxh" | "khongxephang" | "khongcosolieu" | "nodata" | "nd"
        )
        || t.chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '.' | '…' | '*'))
}

/// Reads a number; `None` when the text is not one.
pub fn parse(s: &str) -> Option<Number> {
    let t = s.trim();
    let (t, percent) = match t.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (t, false),
    };
    let (negative, t) = match t.chars().next()? {
        '-' | '−' => (true, t.get(t.char_indices().nth(1)?.0..)?),
        '+' => (false, t.get(1..)?),
        _ => (false, t),
    };
    // Spaces (also non-breaking and thin ones) group thousands in some reports.
    let body: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    if !body.bytes().any(|b| b.is_ascii_digit())
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let sign = if negative { -1.0 } else { 1.0 };
    let reading = match read(&body)? {
        Reading::Exact(v) => Reading::Exact(sign * v),
        Reading::Ambiguous {
            separator,
            grouped,
            decimal,
        } => Reading::Ambiguous {
            separator,
            grouped: sign * grouped,
            decimal: sign * decimal,
        },
    };
    Some(Number { reading, percent })
}

/// Digits and separators only.
fn read(body: &str) -> Option<Reading> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let exact = |digits: String| digits.parse::<f64>().ok().map(Reading::Exact);
    match (dots, commas) {
        (0, 0) => exact(body.to_string()),
        (1.., 1..) => {
            let decimal = if body.rfind('.') > body.rfind(',') {
                '.'
            } else {
                ','
            };
            let (int, frac) = body.rsplit_once(decimal)?;
            let group = if decimal == '.' { ',' } else { '.' };
            if frac.contains(group) || !grouped_ok(int, group) {
                return None;
            }
            exact(format!("{}.{frac}", int.replace(group, "")))
        }
        (n, 0) | (0, n) => {
            let sep = if dots > 0 { '.' } else { ',' };
            if n > 1 {
                return if grouped_ok(body, sep) {
                    exact(body.replace(sep, ""))
                } else {
                    None
                };
            }
            let (int, frac) = body.split_once(sep)?;
            let decimal = format!("{}.{frac}", if int.is_empty() { "0" } else { int });
            if frac.len() == 3 && grouped_ok(body, sep) {
                Some(Reading::Ambiguous {
                    separator: sep,
                    grouped: body.replace(sep, "").parse().ok()?,
                    decimal: decimal.parse().ok()?,
                })
            } else {
                exact(decimal)
            }
        }
    }
}

/// Whether `s` is digits grouped by threes with `sep` (`1.234.567`), led by 1–3 digits, not 0.
fn grouped_ok(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first = parts.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The convention a table's cells show: a cell like `64,16` or `1.234.567` decides it; cells
/// that point both ways, or none, leave it unknown.
pub fn convention<'a>(cells: impl Iterator<Item = &'a str>) -> Convention {
    let (mut comma, mut dot) = (false, false);
    for s in cells {
        let Some(n) = parse(s) else { continue };
        let Reading::Exact(_) = n.reading else {
            continue;
        };
        let body: String = s.chars().filter(|c| matches!(c, '.' | ',')).collect();
        let last = body.chars().last();
        let repeated = body.len() > 1 && body.chars().all(|c| Some(c) == last);
        match (last, repeated) {
            (Some(','), false) | (Some('.'), true) => comma = true,
            (Some('.'), false) | (Some(','), true) => dot = true,
            _ => {}
        }
    }
    match (comma, dot) {
        (true, false) => Convention::DecimalComma,
        (false, true) => Convention::DecimalDot,
        _ => Convention::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(s: &str) -> Option<f64> {
        match parse(s)?.reading {
            Reading::Exact(v) => Some(v),
            Reading::Ambiguous { .. } => None,
        }
    }

    #[test]
    fn reads_report_numbers() {
        assert_eq!(exact("0,4582"), Some(0.4582));
        assert_eq!(exact("64,16"), Some(64.16));
        assert_eq!(exact("64.16"), Some(64.16));
        assert_eq!(exact("1.234.567"), Some(1234567.0));
        assert_eq!(exact("1,234,567"), Some(1234567.0));
        assert_eq!(exact("1.234.567,5"), Some(1234567.5));
        assert_eq!(exact("1,234,567.5"), Some(1234567.5));
        assert_eq!(exact("58 463"), Some(58463.0));
        assert_eq!(exact("58463"), Some(58463.0));
        assert_eq!(exact("-3,5"), Some(-3.5));
        assert_eq!(exact("1234,567"), Some(1234.567));
        assert_eq!(exact("0.125"), Some(0.125));
        let pct = parse("80,05%").unwrap();
        assert!(pct.percent);
        assert_eq!(pct.reading, Reading::Exact(80.05));
        for bad in ["", "abc", "1.2.3", "1,23.4", "12a", "1.234,56.7", "%"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_lone_separator_before_three_digits_is_ambiguous() {
        assert_eq!(
            parse("58.463").unwrap().reading,
            Reading::Ambiguous {
                separator: '.',
                grouped: 58463.0,
                decimal: 58.463
            }
        );
        assert!(matches!(
            parse("1,234").unwrap().reading,
            Reading::Ambiguous { separator: ',', .. }
        ));
    }

    #[test]
    fn missing_figures() {
        for s in ["", " ", "-", "—", "x", "N/A", "KXH", "..."] {
            assert!(is_missing(s), "{s}");
        }
        assert!(!is_missing("0"));
    }

    #[test]
    fn sniffs_the_convention() {
        let c = |cells: &[&str]| convention(cells.iter().copied());
        assert_eq!(
            c(&["64,16", "58.463", "Tây Ninh"]),
            Convention::DecimalComma
        );
        assert_eq!(c(&["1.234.567", "58.463"]), Convention::DecimalComma);
        assert_eq!(c(&["64.16", "1,234"]), Convention::DecimalDot);
        assert_eq!(c(&["58.463", "12"]), Convention::Unknown);
        assert_eq!(c(&["64,16", "64.16"]), Convention::Unknown);
    }
}
