//! Files shown from their last good copy: when fetching a data file fails (no network, an
//! HTTP error, a stall), the app's service worker answers with the copy it stored the last time
//! the file arrived whole, and says so in two headers. Here: reading those headers, and the
//! words and local date-times the dashboard shows for such a file.

use crate::contract::lang::Lang;
use crate::contract::period::{day, parse_date};
use chrono::{Duration, NaiveDateTime, NaiveTime, Timelike};

/// The header naming why a fallback was served (`offline`, `timeout`, `http 500`, `invalid`).
pub const REASON_HEADER: &str = "x-chiso-fallback";
/// The header with the time the copy was stored, in UTC (`2026-11-25T07:05:00.000Z`).
pub const STORED_HEADER: &str = "x-chiso-stored";

/// Why the network's answer was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    Offline,
    Timeout,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The server answered 2xx with something that is not the file (an error page).
    NotTheFile,
    /// A reason this version does not know, kept as given.
    Other(String),
}

impl Reason {
    pub fn parse(header: &str) -> Reason {
        let h = header.trim();
        match h {
            "offline" => Reason::Offline,
            "timeout" => Reason::Timeout,
            "invalid" => Reason::NotTheFile,
            _ => h
                .strip_prefix("http ")
                .and_then(|s| s.parse().ok())
                .map_or_else(|| Reason::Other(h.to_string()), Reason::Status),
        }
    }

    pub fn words(&self, lang: Lang) -> String {
        match self {
            Reason::Offline => lang.pick("không có mạng", "no network").into(),
            Reason::Timeout => lang
                .pick(
                    "máy chủ không trả lời kịp",
                    "the server did not answer in time",
                )
                .into(),
            Reason::Status(s) => match lang {
                Lang::Vi => format!("máy chủ báo lỗi HTTP {s}"),
                Lang::En => format!("the server answered HTTP {s}"),
            },
            Reason::NotTheFile => lang
                .pick(
                    "máy chủ trả về nội dung không phải tệp số liệu",
                    "the server answered with something that is not the file",
                )
                .into(),
            Reason::Other(s) => s.clone(),
        }
    }
}

/// One file shown from its last good copy: which, stored when (UTC), and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastGood {
    pub file: String,
    pub stored: NaiveDateTime,
    pub reason: Reason,
}

impl LastGood {
    /// From the two headers of a response; `None` when the response is not a fallback or its
    /// time cannot be read (then it is treated as fresh, which only loses the date line).
    pub fn from_headers(
        file: &str,
        reason: Option<&str>,
        stored: Option<&str>,
    ) -> Option<LastGood> {
        Some(LastGood {
            file: file.to_string(),
            stored: parse_utc(stored?)?,
            reason: Reason::parse(reason?),
        })
    }

    /// "14:05 25/11/2026" where the reader is (`offset_minutes` east of UTC).
    pub fn stored_local(&self, offset_minutes: i32) -> String {
        local_time(self.stored, offset_minutes)
    }

    /// The file panel's line: when the copy was stored and why it is shown.
    pub fn line(&self, lang: Lang, offset_minutes: i32) -> String {
        let when = self.stored_local(offset_minutes);
        let why = self.reason.words(lang);
        match lang {
            Lang::Vi => format!("đang hiển thị bản lưu lúc {when}, vì {why}"),
            Lang::En => format!("showing the last good copy from {when}, because {why}"),
        }
    }
}

/// The line at the top of the page when any data shown is a stored copy: the oldest one's time.
pub fn age_line(copies: &[LastGood], lang: Lang, offset_minutes: i32) -> Option<String> {
    let oldest = copies.iter().map(|c| c.stored).min()?;
    let when = local_time(oldest, offset_minutes);
    Some(match lang {
        Lang::Vi => format!("Dữ liệu ngoại tuyến, cập nhật {when}"),
        Lang::En => format!("Offline data, updated {when}"),
    })
}

fn local_time(utc: NaiveDateTime, offset_minutes: i32) -> String {
    let t = utc + Duration::minutes(offset_minutes.into());
    format!(
        "{:02}:{:02} {}",
        t.hour(),
        t.minute(),
        day(t.date(), Lang::Vi)
    )
}

/// `YYYY-MM-DDTHH:MM:SS[.fff]Z`, as `Date.toISOString()` writes it. By hand, like `parse_date`:
/// chrono's format parser would cost the browser build more.
fn parse_utc(s: &str) -> Option<NaiveDateTime> {
    let (date, time) = s.trim().split_once('T')?;
    let time = time.strip_suffix('Z')?;
    let hms = time.split('.').next()?;
    let mut parts = hms.split(':').map(|p| {
        (p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    });
    let (h, m, sec) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() {
        return None;
    }
    Some(parse_date(date)?.and_time(NaiveTime::from_hms_opt(h, m, sec)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(file: &str, stored: &str, reason: &str) -> LastGood {
        LastGood::from_headers(file, Some(reason), Some(stored)).expect("valid headers")
    }

    #[test]
    fn headers_give_the_file_its_time_and_reason() {
        let c = copy("tay-ninh.json", "2026-11-25T07:05:09.123Z", "http 500");
        assert_eq!(c.reason, Reason::Status(500));
        // Hà Nội is seven hours east of UTC.
        assert_eq!(c.stored_local(420), "14:05 25/11/2026");
        assert_eq!(
            c.line(Lang::Vi, 420),
            "đang hiển thị bản lưu lúc 14:05 25/11/2026, vì máy chủ báo lỗi HTTP 500"
        );
        assert_eq!(
            c.line(Lang::En, 0),
            "showing the last good copy from 07:05 25/11/2026, because the server answered HTTP 500"
        );
        // Crossing midnight moves the date.
        assert_eq!(
            copy("a", "2026-11-25T20:30:00Z", "offline").stored_local(420),
            "03:30 26/11/2026"
        );
        assert_eq!(
            copy("a", "2026-11-25T00:10:00Z", "timeout").stored_local(-300),
            "19:10 24/11/2026"
        );
    }

    #[test]
    fn reasons_are_read_and_unknown_ones_kept() {
        assert_eq!(Reason::parse("offline"), Reason::Offline);
        assert_eq!(Reason::parse("timeout"), Reason::Timeout);
        assert_eq!(Reason::parse("invalid"), Reason::NotTheFile);
        assert_eq!(Reason::parse("http 404"), Reason::Status(404));
        assert_eq!(Reason::parse("quota"), Reason::Other("quota".into()));
        assert_eq!(Reason::Timeout.words(Lang::Vi), "máy chủ không trả lời kịp");
    }

    #[test]
    fn a_fresh_answer_or_a_broken_time_is_not_a_fallback() {
        assert_eq!(LastGood::from_headers("a", None, None), None);
        assert_eq!(LastGood::from_headers("a", Some("offline"), None), None);
        for bad in [
            "2026-11-25",
            "2026-11-25T7:05:00Z",
            "2026-11-25T07:05:00",
            "2026-13-01T00:00:00Z",
            "2026-11-25T25:00:00Z",
            "x",
        ] {
            assert_eq!(
                LastGood::from_headers("a", Some("offline"), Some(bad)),
                None,
                "{bad}"
            );
        }
    }

    #[test]
    fn the_age_line_names_the_oldest_copy() {
        let copies = [
            copy("a", "2026-11-25T07:05:00Z", "offline"),
            copy("b", "2026-11-24T01:00:00Z", "offline"),
        ];
        assert_eq!(
            age_line(&copies, Lang::Vi, 420).as_deref(),
            Some("Dữ liệu ngoại tuyến, cập nhật 08:00 24/11/2026")
        );
        assert_eq!(
            age_line(&copies, Lang::En, 420).as_deref(),
            Some("Offline data, updated 08:00 24/11/2026")
        );
        assert_eq!(age_line(&[], Lang::Vi, 0), None);
    }
}
