//! Numbers as each language's readers write them: `58.463` and `0,4582` and `11,4 %` in
//! Vietnamese, `58,463` and `0.4582` and `11.4%` in English.

use crate::contract::catalogue::{IndicatorDef, Kind};
use crate::contract::lang::Lang;

/// How a series' values are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberStyle {
    /// A fixed number of decimals.
    Fixed(usize),
    /// A percentage with this many decimals.
    Percent(usize),
    /// A change between two figures, signed: `+0,48`; between percentages in percentage
    /// points (`−2,69 điểm %`), which a `%` would misstate as a relative change.
    Change { decimals: usize, points: bool },
}

impl NumberStyle {
    /// The style a catalogue indicator's figures are published in.
    pub fn for_indicator(def: &IndicatorDef) -> NumberStyle {
        match def.kind {
            Kind::Count | Kind::Rank => NumberStyle::Fixed(0),
            Kind::Percent => NumberStyle::Percent(2),
            Kind::Score => match def.scale() {
                Some((_, max)) if max <= 1.0 => NumberStyle::Fixed(4),
                _ => NumberStyle::Fixed(2),
            },
        }
    }

    pub fn format(self, v: f64, lang: Lang) -> String {
        match self {
            NumberStyle::Fixed(d) => number(v, d, lang),
            NumberStyle::Percent(d) => percent(v, d, lang),
            NumberStyle::Change { decimals, points } => {
                let size = match points {
                    true => self::points(v.abs(), decimals, lang),
                    false => number(v.abs(), decimals, lang),
                };
                // Zero, or what rounds to it, has no sign.
                let shown = size.bytes().any(|b| matches!(b, b'1'..=b'9'));
                match v {
                    v if v > 0.0 && shown => format!("+{size}"),
                    v if v < 0.0 && shown => format!("−{size}"),
                    _ => size,
                }
            }
        }
    }

    /// The style of a change between two figures of this style.
    pub fn change(self) -> NumberStyle {
        match self {
            NumberStyle::Fixed(decimals) => NumberStyle::Change {
                decimals,
                points: false,
            },
            NumberStyle::Percent(decimals) => NumberStyle::Change {
                decimals,
                points: true,
            },
            change => change,
        }
    }
}

/// Groups thousands and sets the decimal mark for the language.
pub fn number(v: f64, decimals: usize, lang: Lang) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let (group, point) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    // A value that rounds to zero is written without a minus sign.
    if v < 0.0 && s.bytes().any(|b| matches!(b, b'1'..=b'9')) {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A value in percent (11.4 for 11.4 %).
pub fn percent(v: f64, decimals: usize, lang: Lang) -> String {
    percent_sign(number(v, decimals, lang), lang)
}

/// A difference of two percentages, in percentage points: from 80 % to 82,69 % is `2,69 điểm %`
/// (`2.69 pp`), which a `%` would misstate as a relative change.
pub fn points(v: f64, decimals: usize, lang: Lang) -> String {
    let n = number(v, decimals, lang);
    match lang {
        Lang::Vi => format!("{n} điểm %"),
        Lang::En => format!("{n} pp"),
    }
}

/// A percentage with the fewest decimals that show it exactly, for axis ticks.
pub fn percent_compact(v: f64, lang: Lang) -> String {
    percent_sign(compact(v, 2, lang), lang)
}

/// Vietnamese sets the sign apart with a space: `11,4 %`; English does not: `11.4%`.
fn percent_sign(digits: String, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{digits} %"),
        Lang::En => format!("{digits}%"),
    }
}

/// Fewest decimals (up to `max`) that show `v` exactly, for axis ticks: `0,45`, `50.000`.
pub fn compact(v: f64, max: usize, lang: Lang) -> String {
    let decimals = (0..=max)
        .find(|&d| {
            let f = 10f64.powi(d as i32);
            ((v * f).round() - v * f).abs() < 1e-6
        })
        .unwrap_or(max);
    number(v, decimals, lang)
}

/// A figure as a sentence names it: `0,4582`, or `hạng 15` / `rank 15` for a rank.
pub fn figure(style: NumberStyle, rank: bool, v: f64, lang: Lang) -> String {
    let n = style.format(v, lang);
    if rank {
        format!("{} {n}", lang.pick("hạng", "rank"))
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_and_english_numbers() {
        assert_eq!(number(58463.0, 0, Lang::Vi), "58.463");
        assert_eq!(number(58463.0, 0, Lang::En), "58,463");
        assert_eq!(number(0.4582, 4, Lang::Vi), "0,4582");
        assert_eq!(number(0.4582, 4, Lang::En), "0.4582");
        assert_eq!(number(1234567.891, 2, Lang::Vi), "1.234.567,89");
        assert_eq!(number(-1399.0, 0, Lang::En), "-1,399");
        assert_eq!(number(-0.001, 1, Lang::En), "0.0");
        assert_eq!(percent(11.4, 1, Lang::Vi), "11,4 %");
        assert_eq!(percent(11.4, 1, Lang::En), "11.4%");
        let change = |style: NumberStyle, v, lang| style.change().format(v, lang);
        assert_eq!(
            change(NumberStyle::Percent(2), 2.69, Lang::Vi),
            "+2,69 điểm %"
        );
        assert_eq!(change(NumberStyle::Percent(2), -2.69, Lang::En), "−2.69 pp");
        assert_eq!(change(NumberStyle::Fixed(4), 0.0123, Lang::Vi), "+0,0123");
        assert_eq!(change(NumberStyle::Fixed(2), -1.68, Lang::Vi), "−1,68");
        assert_eq!(change(NumberStyle::Fixed(2), -0.001, Lang::Vi), "0,00");
        assert_eq!(compact(0.45, 4, Lang::Vi), "0,45");
        assert_eq!(compact(50000.0, 4, Lang::Vi), "50.000");
        assert_eq!(number(f64::NAN, 0, Lang::Vi), "–");
    }
}
