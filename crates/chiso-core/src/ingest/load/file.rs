//! One metric file's own checks, before its entries: checksum, envelope and `format` tag,
//! unknown top-level members, and the metadata (title, publisher, date, sources).

use super::entry::parse_date;
use super::report::{FileCtx, Report};
use super::{FileState, Input};
use crate::contract::model::{FileMeta, Publisher, Source};
use crate::contract::text::Text;
use crate::ingest::envelope::{check_checksum, check_format, parse_top, METRICS_FORMAT};
use crate::ingest::finding::{Expected, Location, Message, Severity};
use crate::ingest::json::{self, ArrayItems, Doc, Object, Raw};

const TOP_LEVEL: [&str; 10] = [
    "format",
    "title",
    "publisher",
    "published",
    "illustrative",
    "units",
    "indicators",
    "observations",
    "targets",
    "sources",
];

/// A file that passed the file-level checks; its entries are read once every file's units and
/// indicators are known (a file may use units another file declares).
pub(super) struct Parsed<'a> {
    pub(super) ctx: FileCtx<'a>,
    /// Its index among the loaded files (`Dataset::files`, `Observation::file`).
    pub(super) file: usize,
    obj: Object<'a>,
}

impl<'a> Parsed<'a> {
    /// The entries of a top-level array; anything else there is reported and read as empty.
    pub(super) fn array(&self, key: &'static str, report: &mut Report) -> ArrayItems<'_, 'a> {
        let empty = ArrayItems::Noted("", [].iter());
        let Some(raw) = self.obj.get(key) else {
            return empty;
        };
        self.obj.items(raw).unwrap_or_else(|| {
            let message = Message::WrongType {
                expected: Expected::Array,
                found: json::found(raw),
            };
            self.ctx.at(report, Severity::Error, raw, key, message);
            empty
        })
    }
}

/// Checks one input as a whole and reads its metadata; `file` is the index it gets if loaded.
/// `Err` is the state of a file rejected outright.
pub(super) fn open<'a>(
    input: usize,
    inp: &Input<'a>,
    file: usize,
    report: &mut Report,
) -> Result<(Parsed<'a>, FileMeta), FileState> {
    if let Some(expected) = inp.sha256 {
        if let Err(message) = check_checksum(inp.bytes, expected) {
            report.push(input, inp.name, Severity::Error, None, message);
            // A cut-short answer or an error page also fails the checksum: say what it is.
            if let Err((message, location)) = parse_top(inp.bytes) {
                report.push(input, inp.name, Severity::Error, location, message);
            }
            return Err(FileState::Tampered);
        }
    }
    let (text, obj) = parse_top(inp.bytes).map_err(|(message, location)| {
        report.push(input, inp.name, Severity::Error, location, message);
        FileState::Rejected
    })?;
    let ctx = FileCtx {
        input,
        name: inp.name,
        doc: Doc::new(text),
    };
    if let Err((message, key)) = check_format(&obj, METRICS_FORMAT) {
        let location = match key.and_then(|k| obj.get(k)) {
            Some(raw) => ctx.doc.location(raw, "format"),
            None => Location {
                line: 1,
                column: 1,
                path: String::new(),
            },
        };
        report.push(input, inp.name, Severity::Error, Some(location), message);
        return Err(FileState::Rejected);
    }
    for (key, raw) in obj.iter() {
        if !TOP_LEVEL.contains(&key) {
            let path = json::member("", key);
            let message = Message::UnknownField {
                field: key.to_string(),
            };
            ctx.at(report, Severity::Warning, raw, &path, message);
        }
    }
    let meta = read_meta(&ctx, &obj, report);
    Ok((Parsed { ctx, file, obj }, meta))
}

/// The file's metadata; what is wrong in it is a warning and is left out.
fn read_meta(ctx: &FileCtx, obj: &Object, report: &mut Report) -> FileMeta {
    let mut meta = FileMeta {
        name: ctx.name.to_string(),
        ..FileMeta::default()
    };
    let mut warn =
        |raw: Raw, path: &str, m: Message| ctx.at(report, Severity::Warning, raw, path, m);
    if let Some(raw) = obj.get("title") {
        match json::typed::<Text>(raw, Expected::Text) {
            Ok(t) => meta.title = Some(t),
            Err(m) => warn(raw, "title", m),
        }
    }
    if let Some(raw) = obj.get("publisher") {
        match json::typed::<Publisher>(raw, Expected::Object) {
            Ok(p) => meta.publisher = Some(p),
            Err(m) => warn(raw, "publisher", m),
        }
    }
    if let Some(raw) = obj.get("published") {
        match parse_date(raw) {
            Ok(d) => meta.published = Some(d),
            Err(m) => warn(raw, "published", m),
        }
    }
    if let Some(raw) = obj.get("illustrative") {
        match json::typed::<bool>(raw, Expected::Bool) {
            Ok(b) => meta.illustrative = b,
            // Figures of doubtful standing are safer shown as made up than as real.
            Err(m) => {
                meta.illustrative = true;
                warn(raw, "illustrative", m)
            }
        }
    }
    if let Some(raw) = obj.get("sources") {
        match json::object(raw) {
            Some(sources) => {
                for (key, raw) in sources.iter() {
                    match json::typed::<Source>(raw, Expected::Object) {
                        Ok(s) => {
                            meta.sources.insert(key.to_string(), s);
                        }
                        Err(m) => warn(raw, &json::member("sources", key), m),
                    }
                }
            }
            None => {
                let message = Message::WrongType {
                    expected: Expected::Object,
                    found: json::found(raw),
                };
                warn(raw, "sources", message)
            }
        }
    }
    meta
}
