//! What validation reports: an error drops the entry or file it names, a warning keeps it.
//! Messages are data, rendered in Vietnamese or English only when shown.

use crate::contract::lang::Lang;
use crate::contract::period::PeriodError;
use serde::Serialize;
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Warning, Lang::En) => "warning",
        }
    }
}

/// What a JSON value turned out to be, for "expected a number, found a string" messages.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Null,
    Bool,
    Number(String),
    String(String),
    Array,
    Object,
}

impl Found {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Found::Null, _) => "null".into(),
            (Found::Bool, Lang::Vi) => "giá trị true/false".into(),
            (Found::Bool, Lang::En) => "true/false".into(),
            (Found::Number(n), Lang::Vi) => format!("số {n}"),
            (Found::Number(n), Lang::En) => format!("the number {n}"),
            (Found::String(s), Lang::Vi) => format!("chuỗi \"{}\"", clip(s)),
            (Found::String(s), Lang::En) => format!("the string \"{}\"", clip(s)),
            (Found::Array, Lang::Vi) => "một mảng".into(),
            (Found::Array, Lang::En) => "an array".into(),
            (Found::Object, Lang::Vi) => "một đối tượng".into(),
            (Found::Object, Lang::En) => "an object".into(),
        }
    }
}

/// Keeps quoted input short in messages.
fn clip(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).chain("…".chars()).collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Number,
    WholeNumber,
    String,
    Text,
    Object,
    Array,
    Bool,
    Date,
}

impl Expected {
    fn text(self, lang: Lang) -> &'static str {
        match self {
            Expected::Number => lang.pick("một số", "a number"),
            Expected::WholeNumber => lang.pick("một số nguyên dương", "a positive whole number"),
            Expected::String => lang.pick("một chuỗi", "a string"),
            Expected::Text => lang.pick(
                "một chuỗi hoặc { \"vi\": …, \"en\": … }",
                "a string or { \"vi\": …, \"en\": … }",
            ),
            Expected::Object => lang.pick("một đối tượng { … }", "an object { … }"),
            Expected::Array => lang.pick("một mảng [ … ]", "an array [ … ]"),
            Expected::Bool => lang.pick("true hoặc false", "true or false"),
            Expected::Date => lang.pick("một ngày YYYY-MM-DD", "a date YYYY-MM-DD"),
        }
    }
}

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

#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Empty,
    Truncated {
        detail: String,
    },
    Syntax {
        detail: String,
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
    BadIndicator {
        detail: String,
    },
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
}

impl Message {
    pub fn text(&self, lang: Lang) -> String {
        use Message as M;
        let vi = lang == Lang::Vi;
        match self {
            M::Empty => lang
                .pick(
                    "tệp rỗng, không có dữ liệu JSON",
                    "the file is empty: no JSON in it",
                )
                .into(),
            M::Truncated { detail } => {
                if vi {
                    format!("tệp bị cắt cụt: JSON kết thúc giữa chừng ({detail})")
                } else {
                    format!("the file is truncated: the JSON ends too early ({detail})")
                }
            }
            M::Syntax { detail } => {
                if vi {
                    format!("không phải JSON hợp lệ: {detail}")
                } else {
                    format!("not valid JSON: {detail}")
                }
            }
            M::NotAnObject => lang
                .pick(
                    "tệp phải là một đối tượng JSON { … }",
                    "the file must be a JSON object { … }",
                )
                .into(),
            M::MissingFormat => lang
                .pick(
                    "thiếu trường \"format\": tệp số liệu ghi \"format\": \"chiso-metrics/1\"",
                    "no \"format\" field: a metric file says \"format\": \"chiso-metrics/1\"",
                )
                .into(),
            M::WrongFormat { found, expected } => {
                if vi {
                    format!(
                        "định dạng \"{}\" không được hỗ trợ; cần \"{expected}\"",
                        clip(found)
                    )
                } else {
                    format!(
                        "format \"{}\" is not supported; expected \"{expected}\"",
                        clip(found)
                    )
                }
            }
            M::NewerFormat { found } => {
                if vi {
                    format!("định dạng \"{}\" mới hơn phiên bản ứng dụng này đọc được (chiso-metrics/1); hãy cập nhật ứng dụng", clip(found))
                } else {
                    format!("format \"{}\" is newer than this version reads (chiso-metrics/1); update the dashboard", clip(found))
                }
            }
            M::Missing { field } => {
                if vi {
                    format!("thiếu trường bắt buộc \"{field}\"")
                } else {
                    format!("the required field \"{field}\" is missing")
                }
            }
            M::WrongType { expected, found } => {
                if vi {
                    format!("cần {}, nhưng có {}", expected.text(lang), found.text(lang))
                } else {
                    format!(
                        "expected {}, found {}",
                        expected.text(lang),
                        found.text(lang)
                    )
                }
            }
            M::UnknownField { field } => {
                if vi {
                    format!(
                        "trường \"{}\" không có trong định dạng nên bị bỏ qua (gõ nhầm?)",
                        clip(field)
                    )
                } else {
                    format!(
                        "field \"{}\" is not part of the format and is ignored (a typo?)",
                        clip(field)
                    )
                }
            }
            M::UnknownUnit { id } => {
                if vi {
                    format!("đơn vị \"{}\" chưa được khai báo trong \"units\"", clip(id))
                } else {
                    format!("unit \"{}\" is not declared in \"units\"", clip(id))
                }
            }
            M::UnknownIndicator { id } => {
                if vi {
                    format!("chỉ tiêu \"{}\" không có trong danh mục và không được khai báo trong \"indicators\"", clip(id))
                } else {
                    format!("indicator \"{}\" is neither in the catalogue nor declared in \"indicators\"", clip(id))
                }
            }
            M::UnknownSource { key } => {
                if vi {
                    format!("nguồn \"{}\" không có trong \"sources\"", clip(key))
                } else {
                    format!("source \"{}\" is not listed in \"sources\"", clip(key))
                }
            }
            M::UnknownLevel { found } => {
                if vi {
                    format!("cấp \"{}\" không hợp lệ; dùng nation, province, district, commune hoặc agency", clip(found))
                } else {
                    format!(
                        "level \"{}\" is not one of nation, province, district, commune, agency",
                        clip(found)
                    )
                }
            }
            M::UnknownReference { field, id } => {
                if vi {
                    format!(
                        "\"{field}\" trỏ tới đơn vị \"{}\" chưa được khai báo",
                        clip(id)
                    )
                } else {
                    format!(
                        "\"{field}\" names unit \"{}\", which is not declared",
                        clip(id)
                    )
                }
            }
            M::BadPeriod { value, error } => {
                if vi {
                    format!("kỳ \"{}\" {}", clip(value), error.text(lang))
                } else {
                    format!("period \"{}\" {}", clip(value), error.text(lang))
                }
            }
            M::BadDate { value } => {
                if vi {
                    format!("ngày \"{}\" không đúng dạng YYYY-MM-DD", clip(value))
                } else {
                    format!("date \"{}\" is not a date YYYY-MM-DD", clip(value))
                }
            }
            M::NotFinite { value } => {
                if vi {
                    format!("giá trị {} quá lớn, không phải một số hữu hạn", clip(value))
                } else {
                    format!("value {} is too large to be a finite number", clip(value))
                }
            }
            M::Negative { value } => {
                if vi {
                    format!("số đếm không thể âm ({})", num(*value))
                } else {
                    format!("a count cannot be negative ({})", num(*value))
                }
            }
            M::NotWhole { value } => {
                if vi {
                    format!("số đếm {} không phải số nguyên", num(*value))
                } else {
                    format!("count {} is not a whole number", num(*value))
                }
            }
            M::OutOfScale { value, min, max } => {
                if vi {
                    format!(
                        "giá trị {} nằm ngoài thang điểm {}–{}",
                        num(*value),
                        num(*min),
                        num(*max)
                    )
                } else {
                    format!(
                        "value {} is outside the scale {}–{}",
                        num(*value),
                        num(*min),
                        num(*max)
                    )
                }
            }
            M::RankOutOfRange { rank, of: Some(of) } => {
                if vi {
                    format!(
                        "thứ hạng {} nằm ngoài 1–{} (\"of\": {})",
                        num(*rank),
                        num(*of),
                        num(*of)
                    )
                } else {
                    format!(
                        "rank {} is outside 1–{} (\"of\": {})",
                        num(*rank),
                        num(*of),
                        num(*of)
                    )
                }
            }
            M::RankOutOfRange { rank, of: None } => {
                if vi {
                    format!("thứ hạng {} phải là số nguyên từ 1", num(*rank))
                } else {
                    format!("rank {} must be a whole number from 1", num(*rank))
                }
            }
            M::RankWithoutOf => lang
                .pick(
                    "thứ hạng nên ghi kèm \"of\" (số đơn vị được xếp hạng)",
                    "a rank should give \"of\" (how many were ranked)",
                )
                .into(),
            M::EmptyId => lang
                .pick(
                    "mã (\"id\") không được để trống",
                    "the \"id\" must not be empty",
                )
                .into(),
            M::DuplicateId { id } => {
                if vi {
                    format!(
                        "mã \"{}\" được khai báo hai lần với nội dung khác nhau; dùng khai báo sau",
                        clip(id)
                    )
                } else {
                    format!(
                        "\"{}\" is declared twice, differently; the later declaration is used",
                        clip(id)
                    )
                }
            }
            M::BuiltinRedefined { id } => {
                if vi {
                    format!(
                        "\"{}\" là chỉ tiêu có sẵn trong danh mục; khai báo lại bị bỏ qua",
                        clip(id)
                    )
                } else {
                    format!(
                        "\"{}\" is a built-in indicator; redefining it is ignored",
                        clip(id)
                    )
                }
            }
            M::BadIndicator { detail } => {
                if vi {
                    format!("khai báo chỉ tiêu không hợp lệ: {detail}")
                } else {
                    format!("invalid indicator definition: {detail}")
                }
            }
            M::ConflictDropped { value, kept, other } => {
                if vi {
                    format!("trùng đơn vị, chỉ tiêu và kỳ với {other} nhưng khác giá trị ({} và {}); giá trị {} (công bố sau) được dùng, giá trị này bị bỏ", num(*value), num(*kept), num(*kept))
                } else {
                    format!("same unit, indicator and period as {other} with a different value ({} vs {}); {} (published later) is used and this one is dropped", num(*value), num(*kept), num(*kept))
                }
            }
            M::ConflictKept {
                value,
                dropped,
                other,
            } => {
                if vi {
                    format!("trùng với {other} nhưng khác giá trị ({} và {}); giá trị này (công bố sau) được dùng", num(*value), num(*dropped))
                } else {
                    format!(
                        "conflicts with {other} ({} vs {}); this value (published later) is used",
                        num(*value),
                        num(*dropped)
                    )
                }
            }
            M::Sum {
                identity,
                period,
                left,
                right,
            } => {
                let (vi_rule, en_rule) = match identity {
                    Identity::Intake => (
                        "kỳ trước chuyển sang + trực tuyến + trực tiếp/bưu chính ≠ tiếp nhận",
                        "carried over + online + in person/post ≠ received",
                    ),
                    Identity::Balance => (
                        "đã giải quyết + đang giải quyết ≠ tiếp nhận",
                        "resolved + pending ≠ received",
                    ),
                    Identity::Timeliness => (
                        "đúng hạn + quá hạn ≠ đã giải quyết",
                        "on time + late ≠ resolved",
                    ),
                };
                if vi {
                    format!("số liệu {period} không khớp: {vi_rule} ({} ≠ {}); hiển thị đúng như công bố", num(*left), num(*right))
                } else {
                    format!("figures for {period} do not add up: {en_rule} ({} ≠ {}); shown as published", num(*left), num(*right))
                }
            }
            M::OnTimeExceedsResolved {
                period,
                on_time,
                resolved,
            } => {
                if vi {
                    format!("số liệu {period}: giải quyết đúng hạn ({}) lớn hơn tổng đã giải quyết ({}); hiển thị đúng như công bố", num(*on_time), num(*resolved))
                } else {
                    format!("figures for {period}: resolved on time ({}) exceeds resolved ({}); shown as published", num(*on_time), num(*resolved))
                }
            }
            M::ChecksumMismatch { expected, actual } => {
                if vi {
                    format!("tệp không khớp mã sha256 trong manifest (cần {}, có {}): có thể đã bị sửa, nên bị từ chối", clip(expected), actual)
                } else {
                    format!("the file's sha256 does not match the manifest (expected {}, got {}): it may have been tampered with and is rejected", clip(expected), actual)
                }
            }
            M::BadChecksum { value } => {
                if vi {
                    format!("\"sha256\" phải gồm 64 ký tự hex, có \"{}\"", clip(value))
                } else {
                    format!(
                        "\"sha256\" must be 64 hex digits, found \"{}\"",
                        clip(value)
                    )
                }
            }
            M::Unreadable { detail } => {
                if vi {
                    format!("không đọc được tệp: {detail}")
                } else {
                    format!("cannot read the file: {detail}")
                }
            }
        }
    }
}

/// Plain number for messages: shortest exact form, no locale grouping (publishers grep for it).
fn num(v: f64) -> String {
    let mut s = String::new();
    let _ = write!(s, "{v}");
    s
}

/// Where in a file: 1-based line and column (in characters), and the JSON path.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub path: String,
}

/// The figures a finding is about, so a chart can show the warnings for its own figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Subject {
    pub unit: String,
    pub indicators: Vec<String>,
    pub period: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub severity: Severity,
    pub file: String,
    pub location: Option<Location>,
    pub message: Message,
    pub subject: Option<Subject>,
}

impl Finding {
    /// `file:line:col: error: message (at json.path)`, the form editors and CI logs link.
    pub fn line(&self, lang: Lang) -> String {
        let mut s = self.file.clone();
        if let Some(l) = &self.location {
            let _ = write!(s, ":{}:{}", l.line, l.column);
        }
        let _ = write!(
            s,
            ": {}: {}",
            self.severity.word(lang),
            self.message.text(lang)
        );
        if let Some(l) = self.location.as_ref().filter(|l| !l.path.is_empty()) {
            let _ = write!(s, " ({} {})", lang.pick("tại", "at"), l.path);
        }
        s
    }

    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "file": self.file,
            "line": self.location.as_ref().map(|l| l.line),
            "column": self.location.as_ref().map(|l| l.column),
            "path": self.location.as_ref().map(|l| l.path.as_str()),
            "severity": self.severity,
            "message": self.message.text(lang),
            "subject": self.subject,
        })
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_a_finding_line() {
        let f = Finding {
            severity: Severity::Error,
            file: "bac-kan.json".into(),
            location: Some(Location {
                line: 14,
                column: 9,
                path: "observations[3].value".into(),
            }),
            message: Message::Negative { value: -5.0 },
            subject: None,
        };
        assert_eq!(
            f.line(Lang::En),
            "bac-kan.json:14:9: error: a count cannot be negative (-5) (at observations[3].value)"
        );
        assert_eq!(
            f.line(Lang::Vi),
            "bac-kan.json:14:9: lỗi: số đếm không thể âm (-5) (tại observations[3].value)"
        );
    }

    #[test]
    fn clips_long_input() {
        let long = "x".repeat(200);
        let m = Message::UnknownUnit { id: long };
        assert!(m.text(Lang::En).chars().count() < 120);
    }
}
