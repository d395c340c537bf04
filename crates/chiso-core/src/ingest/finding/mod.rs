//! What validation reports: an error drops the entry or file it names, a warning keeps it.
//! Messages are data (`message`), worded in Vietnamese or English only when shown (`words`).

mod message;
mod syntax;
mod value;
mod words;

pub use message::{Difference, Identity, Message};
pub use syntax::{BadDefinition, Syntax, Within};
pub(crate) use value::clip;
pub use value::{Expected, Found};

use crate::contract::lang::Lang;
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
    /// A warning about figures as loaded (their sums, a jump, a component's year…), which a
    /// file keeps as published and the fast path says too: the only kind a file validated at
    /// publishing may have.
    pub fn is_about_figures(&self) -> bool {
        self.severity == Severity::Warning && self.message.is_about_figures()
    }

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
