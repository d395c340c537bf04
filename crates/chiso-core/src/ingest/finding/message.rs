//! The messages findings carry, as data (what was found, what was expected), worded in
//! Vietnamese or English only when shown.

use super::syntax::{BadDefinition, Syntax, Within};
use super::value::{clip, Expected, Found};
use super::words::{self as w, Words};
use crate::contract::lang::Lang;
use crate::contract::period::{Period, PeriodError};
use chrono::NaiveDate;
use std::fmt::Write;

/// The arithmetic identities of dossier reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Identity {
    /// carried over + online + offline = received
    Intake,
    /// resolved + pending = received
    Balance,
    /// on time + late = resolved
    Timeliness,
}

/// A field of a register unit as a file declares it and as the register has it.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub id: String,
    pub field: &'static str,
    pub given: Found,
    /// None: the register gives nothing for the field.
    pub register: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Empty,
    Truncated {
        within: Within,
    },
    Syntax {
        problem: Syntax,
    },
    NotAnObject,
    MissingFormat,
    WrongFormat {
        found: String,
        expected: &'static str,
    },
    NewerFormat {
        found: String,
    },
    Missing {
        field: &'static str,
    },
    WrongType {
        expected: Expected,
        found: Found,
    },
    UnknownField {
        field: String,
    },
    UnknownUnit {
        id: String,
    },
    UnknownIndicator {
        id: String,
    },
    UnknownSource {
        key: String,
    },
    UnknownLevel {
        found: String,
    },
    UnknownReference {
        field: &'static str,
        id: String,
    },
    BadPeriod {
        value: String,
        error: PeriodError,
    },
    BadDate {
        value: String,
    },
    NotFinite {
        value: String,
    },
    Negative {
        value: f64,
    },
    NotWhole {
        value: f64,
    },
    OutOfScale {
        value: f64,
        min: f64,
        max: f64,
    },
    RankOutOfRange {
        rank: f64,
        of: Option<f64>,
    },
    RankWithoutOf,
    EmptyId,
    DuplicateId {
        id: String,
    },
    BuiltinRedefined {
        id: String,
    },
    /// A register unit declared otherwise than the register has it (boxed: rare, and large).
    DiffersFromRegister(Box<Difference>),
    BadIndicator(Box<BadDefinition>),
    ConflictDropped {
        value: f64,
        kept: f64,
        other: String,
    },
    ConflictKept {
        value: f64,
        dropped: f64,
        other: String,
    },
    Sum {
        identity: Identity,
        period: String,
        left: f64,
        right: f64,
    },
    OnTimeExceedsResolved {
        period: String,
        on_time: f64,
        resolved: f64,
    },
    ChecksumMismatch {
        expected: String,
        actual: String,
    },
    BadChecksum {
        value: String,
    },
    Unreadable {
        detail: String,
    },
    AfterMerger {
        period: Period,
        successor: String,
        until: NaiveDate,
    },
    /// A count ten times, or a tenth of, its unit's figure for the period before.
    Jump {
        period: Period,
        value: f64,
        before: f64,
        since: Period,
    },
    /// A count of a billion or more in one period.
    Huge {
        period: Period,
        value: f64,
    },
    /// An index component's figure for a year its publisher does not publish it in.
    ComponentYear {
        period: Period,
        years: (i32, i32),
    },
}

impl Message {
    /// Whether it is said of figures as loaded (their sums, a jump, a component's year…), not of
    /// how a file is written.
    pub fn is_about_figures(&self) -> bool {
        matches!(
            self,
            Message::Sum { .. }
                | Message::OnTimeExceedsResolved { .. }
                | Message::Jump { .. }
                | Message::Huge { .. }
                | Message::ComponentYear { .. }
                | Message::AfterMerger { .. }
        )
    }

    pub fn text(&self, lang: Lang) -> String {
        let (words, values) = self.words(lang);
        words.fill(lang, &values)
    }

    /// The message's wording and the values it quotes, in `lang` where they are words.
    fn words(&self, lang: Lang) -> (&'static Words, Vec<String>) {
        use Message as M;
        match self {
            M::Empty => (&w::EMPTY, vec![]),
            M::Truncated { within } => (&w::TRUNCATED, vec![within.words().fill(lang, &[])]),
            M::Syntax { problem } => (&w::SYNTAX, vec![problem.text(lang)]),
            M::NotAnObject => (&w::NOT_AN_OBJECT, vec![]),
            M::MissingFormat => (&w::MISSING_FORMAT, vec![]),
            M::WrongFormat { found, expected } => {
                (&w::WRONG_FORMAT, vec![clip(found), expected.to_string()])
            }
            M::NewerFormat { found } => (&w::NEWER_FORMAT, vec![clip(found)]),
            M::ChecksumMismatch { expected, actual } => {
                (&w::CHECKSUM_MISMATCH, vec![clip(expected), actual.clone()])
            }
            M::BadChecksum { value } => (&w::BAD_CHECKSUM, vec![clip(value)]),
            M::Unreadable { detail } => (&w::UNREADABLE, vec![detail.clone()]),
            M::Missing { field } => (&w::MISSING, vec![field.to_string()]),
            M::WrongType { expected, found } => (
                &w::WRONG_TYPE,
                vec![expected.text(lang).to_string(), found.text(lang)],
            ),
            M::UnknownField { field } => (&w::UNKNOWN_FIELD, vec![clip(field)]),
            M::UnknownUnit { id } => (&w::UNKNOWN_UNIT, vec![clip(id)]),
            M::UnknownIndicator { id } => (&w::UNKNOWN_INDICATOR, vec![clip(id)]),
            M::UnknownSource { key } => (&w::UNKNOWN_SOURCE, vec![clip(key)]),
            M::UnknownLevel { found } => (&w::UNKNOWN_LEVEL, vec![clip(found)]),
            M::UnknownReference { field, id } => {
                (&w::UNKNOWN_REFERENCE, vec![field.to_string(), clip(id)])
            }
            M::BadPeriod { value, error } => (&w::BAD_PERIOD, vec![clip(value), error.text(lang)]),
            M::BadDate { value } => (&w::BAD_DATE, vec![clip(value)]),
            M::EmptyId => (&w::EMPTY_ID, vec![]),
            M::DuplicateId { id } => (&w::DUPLICATE_ID, vec![clip(id)]),
            M::BuiltinRedefined { id } => (&w::BUILTIN_REDEFINED, vec![clip(id)]),
            M::DiffersFromRegister(d) => {
                let Difference {
                    id,
                    field,
                    given,
                    register,
                } = d.as_ref();
                let given = match given {
                    Found::String(s) => format!("\"{}\"", clip(s)),
                    other => other.text(lang),
                };
                let register = match register {
                    Some(v) => format!("\"{}\"", clip(v)),
                    None => lang.pick("không có", "none").into(),
                };
                (
                    &w::DIFFERS_FROM_REGISTER,
                    vec![clip(id), field.to_string(), given, register],
                )
            }
            M::BadIndicator(problem) => (&w::BAD_INDICATOR, vec![problem.text(lang)]),
            M::NotFinite { value } => (&w::NOT_FINITE, vec![clip(value)]),
            M::Negative { value } => (&w::NEGATIVE, vec![num(*value)]),
            M::NotWhole { value } => (&w::NOT_WHOLE, vec![num(*value)]),
            M::OutOfScale { value, min, max } => {
                (&w::OUT_OF_SCALE, vec![num(*value), num(*min), num(*max)])
            }
            M::RankOutOfRange { rank, of: Some(of) } => {
                (&w::RANK_OUT_OF_RANGE, vec![num(*rank), num(*of)])
            }
            M::RankOutOfRange { rank, of: None } => (&w::RANK_NOT_FROM_ONE, vec![num(*rank)]),
            M::RankWithoutOf => (&w::RANK_WITHOUT_OF, vec![]),
            M::Sum {
                identity,
                period,
                left,
                right,
            } => {
                let rule = identity.words().fill(lang, &[]);
                (&w::SUM, vec![period.clone(), rule, num(*left), num(*right)])
            }
            M::OnTimeExceedsResolved {
                period,
                on_time,
                resolved,
            } => (
                &w::ON_TIME_EXCEEDS_RESOLVED,
                vec![period.clone(), num(*on_time), num(*resolved)],
            ),
            M::ConflictDropped { value, kept, other } => (
                &w::CONFLICT_DROPPED,
                vec![other.clone(), num(*value), num(*kept)],
            ),
            M::ConflictKept {
                value,
                dropped,
                other,
            } => (
                &w::CONFLICT_KEPT,
                vec![other.clone(), num(*value), num(*dropped)],
            ),
            M::AfterMerger {
                period,
                successor,
                until,
            } => (
                &w::AFTER_MERGER,
                vec![period.to_string(), clip(successor), until.to_string()],
            ),
            M::Huge { period, value } => (&w::HUGE, vec![period.to_string(), num(*value)]),
            M::ComponentYear { period, years } => {
                let to = match years.1 {
                    i32::MAX => lang.pick("nay", "now").to_string(),
                    y => y.to_string(),
                };
                (
                    &w::COMPONENT_YEAR,
                    vec![period.to_string(), years.0.to_string(), to],
                )
            }
            M::Jump {
                period,
                value,
                before,
                since,
            } => (
                &w::JUMP,
                vec![
                    period.to_string(),
                    num(*value),
                    num(*before),
                    since.to_string(),
                ],
            ),
        }
    }
}

impl Identity {
    fn words(self) -> &'static Words {
        match self {
            Identity::Intake => &w::INTAKE,
            Identity::Balance => &w::BALANCE,
            Identity::Timeliness => &w::TIMELINESS,
        }
    }
}

/// Plain number for messages: shortest exact form, no locale grouping (publishers grep for it).
/// A figure as the file wrote it; one too long to read (`1.5e308`) in exponent form.
fn num(v: f64) -> String {
    let mut s = String::new();
    let _ = match v.abs() >= 1e15 {
        true => write!(s, "{v:e}"),
        false => write!(s, "{v}"),
    };
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> String {
        x.to_string()
    }

    /// One message of each kind, with every value it can quote.
    fn one_of_each() -> Vec<Message> {
        let mut all = about_files_and_fields();
        all.extend(about_values());
        all
    }

    fn about_files_and_fields() -> Vec<Message> {
        vec![
            Message::Empty,
            Message::Truncated {
                within: Within::String,
            },
            Message::Syntax {
                problem: Syntax::TrailingComma,
            },
            Message::NotAnObject,
            Message::MissingFormat,
            Message::WrongFormat {
                found: s("x/1"),
                expected: "chiso-metrics/1",
            },
            Message::NewerFormat {
                found: s("chiso-metrics/2"),
            },
            Message::ChecksumMismatch {
                expected: s("ab"),
                actual: s("cd"),
            },
            Message::BadChecksum { value: s("ab") },
            Message::Unreadable { detail: s("d") },
            Message::Missing { field: "value" },
            Message::WrongType {
                expected: Expected::Text,
                found: Found::Object,
            },
            Message::UnknownField { field: s("f") },
            Message::UnknownUnit { id: s("u") },
            Message::UnknownIndicator { id: s("i") },
            Message::UnknownSource { key: s("k") },
            Message::UnknownLevel { found: s("l") },
            Message::UnknownReference {
                field: "parent",
                id: s("p"),
            },
            Message::BadPeriod {
                value: s("2020-Q5"),
                error: PeriodError::Quarter(5),
            },
            Message::BadDate { value: s("d") },
            Message::EmptyId,
            Message::DuplicateId { id: s("d") },
            Message::BuiltinRedefined { id: s("b") },
            Message::DiffersFromRegister(Box::new(Difference {
                id: s("bac-kan"),
                field: "successor",
                given: Found::String(s("thai-nguyen")),
                register: Some(s("thai-nguyen-2025")),
            })),
            Message::BadIndicator(Box::new(BadDefinition::NotOneOf {
                field: "kind",
                found: s("counts"),
                allowed: &["count", "score"],
            })),
        ]
    }

    fn about_values() -> Vec<Message> {
        let mut all = vec![
            Message::NotFinite { value: s("1e999") },
            Message::Negative { value: -1.0 },
            Message::NotWhole { value: 1.5 },
            Message::OutOfScale {
                value: 2.0,
                min: 0.0,
                max: 1.0,
            },
            Message::RankOutOfRange {
                rank: 9.0,
                of: Some(8.0),
            },
            Message::RankOutOfRange {
                rank: 0.5,
                of: None,
            },
            Message::RankWithoutOf,
            Message::OnTimeExceedsResolved {
                period: s("2020"),
                on_time: 2.0,
                resolved: 1.0,
            },
            Message::ConflictDropped {
                value: 1.0,
                kept: 2.0,
                other: s("a:1:1"),
            },
            Message::ConflictKept {
                value: 2.0,
                dropped: 1.0,
                other: s("b:1:1"),
            },
            Message::AfterMerger {
                period: Period::Quarter(2025, 3),
                successor: s("da-nang-2025"),
                until: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default(),
            },
            Message::Huge {
                period: Period::Quarter(2020, 3),
                value: 1.5e308,
            },
            Message::ComponentYear {
                period: Period::Year(2010),
                years: (2006, i32::MAX),
            },
        ];
        for identity in [Identity::Intake, Identity::Balance, Identity::Timeliness] {
            let period = s("2020-Q1");
            all.push(Message::Sum {
                identity,
                period,
                left: 1.0,
                right: 2.0,
            });
        }
        all
    }

    #[test]
    fn every_message_is_worded_in_both_languages_with_its_values() {
        for m in one_of_each() {
            let (vi, en) = (m.text(Lang::Vi), m.text(Lang::En));
            assert_ne!(vi, en, "{m:?}");
            for text in [vi, en] {
                let unfilled = (0..10).any(|i| text.contains(&format!("{{{i}}}")));
                assert!(!unfilled && !text.is_empty(), "{m:?}: {text}");
            }
        }
    }

    #[test]
    fn words_quote_values_in_place() {
        let m = Message::ConflictDropped {
            value: 1.5,
            kept: 2.0,
            other: "a.json:3:4".into(),
        };
        assert_eq!(
            m.text(Lang::En),
            "same unit, indicator and period as a.json:3:4 with a different value (1.5 vs 2); \
             2 (published later) is used and this one is dropped"
        );
        let m = Message::Sum {
            identity: Identity::Balance,
            period: "2020-Q2".into(),
            left: 3.0,
            right: 4.0,
        };
        assert_eq!(
            m.text(Lang::Vi),
            "số liệu 2020-Q2 không khớp: đã giải quyết + đang giải quyết ≠ tiếp nhận (3 ≠ 4); \
             hiển thị đúng như công bố"
        );
    }
}
