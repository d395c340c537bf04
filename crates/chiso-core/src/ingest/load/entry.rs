//! Reading one object entry (a unit, an observation, a target) field by field: each problem is
//! reported at its field, and an error marks the entry as failed.

use super::report::{FileCtx, Report};
use crate::contract::period::Period;
use crate::ingest::finding::{Expected, Message, Severity};
use crate::ingest::json::{self, FromRaw, Object, Raw};
use chrono::NaiveDate;

pub(super) struct Entry<'r, 'a> {
    ctx: &'r FileCtx<'a>,
    report: &'r mut Report,
    raw: Raw<'a>,
    obj: Object<'a>,
    path: String,
    pub(super) failed: bool,
}

impl<'r, 'a> Entry<'r, 'a> {
    /// `None`, reported, when the entry is not an object.
    pub(super) fn open(
        ctx: &'r FileCtx<'a>,
        report: &'r mut Report,
        raw: Raw<'a>,
        path: String,
    ) -> Option<Self> {
        match json::object(raw) {
            Some(obj) => Some(Entry {
                ctx,
                report,
                raw,
                obj,
                path,
                failed: false,
            }),
            None => {
                let found = json::found(raw);
                ctx.at(
                    report,
                    Severity::Error,
                    raw,
                    &path,
                    Message::WrongType {
                        expected: Expected::Object,
                        found,
                    },
                );
                None
            }
        }
    }

    /// Reports at the field when it is there, else at the entry.
    pub(super) fn problem(&mut self, severity: Severity, key: &str, message: Message) {
        self.failed |= severity == Severity::Error;
        let raw = self.obj.get(key).unwrap_or(self.raw);
        let path = if self.obj.contains_key(key) {
            json::member(&self.path, key)
        } else {
            self.path.clone()
        };
        self.ctx.at(self.report, severity, raw, &path, message);
    }

    /// A field read with `parse`; a bad required field is an error, a bad optional one a warning.
    pub(super) fn read<T>(
        &mut self,
        key: &'static str,
        required: bool,
        parse: impl Fn(Raw<'a>) -> Result<T, Message>,
    ) -> Option<T> {
        match self.obj.get(key) {
            None if required => {
                self.problem(Severity::Error, key, Message::Missing { field: key });
                None
            }
            None => None,
            Some(raw) => match parse(raw) {
                Ok(v) => Some(v),
                Err(m) => {
                    let severity = if required {
                        Severity::Error
                    } else {
                        Severity::Warning
                    };
                    self.problem(severity, key, m);
                    None
                }
            },
        }
    }

    pub(super) fn typed<T: FromRaw<'a>>(
        &mut self,
        key: &'static str,
        required: bool,
        expected: Expected,
    ) -> Option<T> {
        self.read(key, required, |raw| json::typed(raw, expected))
    }

    pub(super) fn string(&mut self, key: &'static str, required: bool) -> Option<String> {
        self.typed(key, required, Expected::String)
    }

    pub(super) fn period(&mut self, key: &'static str, required: bool) -> Option<Period> {
        self.read(key, required, |raw| {
            let s: String = json::typed(raw, Expected::String)?;
            Period::parse(&s).map_err(|error| Message::BadPeriod { value: s, error })
        })
    }

    pub(super) fn date(&mut self, key: &'static str) -> Option<NaiveDate> {
        self.read(key, false, parse_date)
    }
}

pub(super) fn parse_date(raw: Raw) -> Result<NaiveDate, Message> {
    let s: String = json::typed(raw, Expected::Date)?;
    crate::contract::period::parse_date(&s).ok_or(Message::BadDate { value: s })
}

pub(super) fn whole_positive(raw: Raw) -> Result<f64, Message> {
    let v = json::number(raw)?;
    if v >= 1.0 && v.fract() == 0.0 {
        Ok(v)
    } else {
        Err(Message::WrongType {
            expected: Expected::WholeNumber,
            found: json::found(raw),
        })
    }
}
