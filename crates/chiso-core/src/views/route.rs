//! The dashboard's address, kept in `location.hash` so links work anywhere, file:// included:
//! `#/<view>?unit=<id>&from=<period>&to=<period>&lang=vi|en&indicator=<id>&stat=average`.

use crate::contract::lang::Lang;
use crate::contract::period::Period;
use crate::query::stat::Stat;
use crate::views::page::View;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    pub unit: Option<String>,
    pub from: Option<Period>,
    pub to: Option<Period>,
    pub lang: Option<Lang>,
    /// The indicator compared across units.
    pub indicator: Option<String>,
    /// What a comparison is read against; the median when absent.
    pub stat: Option<Stat>,
}

/// Percent-encodes all but the characters that are safe in a fragment's query.
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

impl Route {
    /// Reads a hash such as `#/dossiers?unit=bac-kan`; whatever is unreadable is left at its
    /// default rather than failing the page.
    pub fn parse(hash: &str) -> Route {
        let s = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = s.split_once('?').unwrap_or((s, ""));
        let mut r = Route {
            view: View::from_slug(path.trim_end_matches('/')).unwrap_or_default(),
            ..Route::default()
        };
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(v) = decode(v).filter(|v| !v.is_empty()) else {
                continue;
            };
            match k {
                "unit" => r.unit = Some(v),
                "from" => r.from = Period::parse(&v).ok(),
                "to" => r.to = Period::parse(&v).ok(),
                "lang" => r.lang = Lang::parse(&v),
                "indicator" => r.indicator = Some(v),
                "stat" => r.stat = Stat::parse(&v),
                _ => {}
            }
        }
        r
    }

    pub fn to_hash(&self) -> String {
        let mut params = Vec::new();
        if let Some(u) = &self.unit {
            params.push(format!("unit={}", encode(u)));
        }
        if let Some(p) = self.from {
            params.push(format!("from={}", encode(&p.to_string())));
        }
        if let Some(p) = self.to {
            params.push(format!("to={}", encode(&p.to_string())));
        }
        if let Some(l) = self.lang {
            params.push(format!("lang={l}"));
        }
        if let Some(i) = &self.indicator {
            params.push(format!("indicator={}", encode(i)));
        }
        if let Some(s) = self.stat {
            params.push(format!("stat={}", s.slug()));
        }
        let query = if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        };
        format!("#/{}{query}", self.view.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_field() {
        let r = Route {
            view: View::Indices,
            unit: Some("tay-ninh".into()),
            from: Period::parse("2018").ok(),
            to: Period::parse("2020-05-28/2020-08-28").ok(),
            lang: Some(Lang::En),
            indicator: Some("ict_index.score".into()),
            stat: Some(Stat::Average),
        };
        let h = r.to_hash();
        assert_eq!(h, "#/indices?unit=tay-ninh&from=2018&to=2020-05-28/2020-08-28&lang=en&indicator=ict_index.score&stat=average");
        assert_eq!(Route::parse(&h), r);
    }

    #[test]
    fn tolerates_junk() {
        assert_eq!(Route::parse(""), Route::default());
        assert_eq!(
            Route::parse("#/nowhere?unit=&from=2020-Q9&lang=fr&x=1").view,
            View::Overview
        );
        assert_eq!(Route::parse("#/nowhere?from=2020-Q9").from, None);
        assert_eq!(Route::parse("#/compare?stat=mean").stat, None);
        assert_eq!(Route::parse("#/dossiers?unit=%ZZ").unit, None);
        let odd = Route {
            unit: Some("đơn vị & <b>".into()),
            ..Route::default()
        };
        assert_eq!(Route::parse(&odd.to_hash()), odd);
    }
}
