//! Where the loader's findings go: each tagged with the input it belongs to, so they can be
//! sorted per file, and placed by line, column and JSON path.

use crate::ingest::finding::{Finding, Location, Message, Severity, Subject};
use crate::ingest::json::{Doc, Raw};
use crate::order;

/// Findings tagged with the input they belong to.
#[derive(Default)]
pub(super) struct Report {
    pub(super) items: Vec<(usize, Finding)>,
}

impl Report {
    pub(super) fn push(
        &mut self,
        input: usize,
        name: &str,
        severity: Severity,
        location: Option<Location>,
        message: Message,
    ) {
        self.push_about(input, name, severity, location, message, None);
    }

    pub(super) fn push_about(
        &mut self,
        input: usize,
        name: &str,
        severity: Severity,
        location: Option<Location>,
        message: Message,
        subject: Option<Subject>,
    ) {
        let finding = Finding {
            severity,
            file: name.to_string(),
            location,
            message,
            subject,
        };
        self.items.push((input, finding));
    }

    /// How many findings of one severity an input has.
    pub(super) fn count(&self, input: usize, severity: Severity) -> usize {
        self.items
            .iter()
            .filter(|(i, f)| *i == input && f.severity == severity)
            .count()
    }

    /// The findings in file order, then by place within each file.
    pub(super) fn into_sorted(self) -> Vec<Finding> {
        let mut items = self.items;
        order::sort_by_key(&mut items, |(input, f)| {
            (*input, f.location.as_ref().map(|l| (l.line, l.column)))
        });
        items.into_iter().map(|(_, f)| f).collect()
    }
}

/// One file being read: where messages go and how places are named.
pub(super) struct FileCtx<'a> {
    pub(super) input: usize,
    pub(super) name: &'a str,
    pub(super) doc: Doc<'a>,
}

impl FileCtx<'_> {
    pub(super) fn at(
        &self,
        report: &mut Report,
        severity: Severity,
        raw: Raw,
        path: &str,
        message: Message,
    ) {
        let location = self.doc.location(raw, path);
        report.push(self.input, self.name, severity, Some(location), message);
    }
}
