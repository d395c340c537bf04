//! The dashboard's address, kept in `location.hash` so links work anywhere, file:// included:
//! `#/<view>?unit=<id>&from=<period>&to=<period>&lang=vi|en&indicator=<id>&stat=average`, the
//! components of one index as `#/components?unit=<id>&index=pci&to=2019`, and
//! for a chart embedded in another site `#/embed/<view>[/<chart>]?…&id=<id>` (see `embed`).

use crate::contract::lang::Lang;
use crate::contract::period::Period;
use crate::ingest::need::Need;
use crate::query::stat::Stat;
use crate::views::page::View;

/// What makes a route an embed: the chart selector and the id of its height messages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Embed {
    pub chart: Option<String>,
    /// The key of `{"datawrapper-height": {"<id>": px}}`; derived from the selector when absent.
    pub id: Option<String>,
}

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
    /// The index whose components are shown (`pci`).
    pub index: Option<String>,
    /// Present when the page is an embed: the view's chart(s) alone, for another site's page.
    pub embed: Option<Embed>,
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
    /// What this address draws, for fetching by need: its unit, and what a comparison or an
    /// index's components compare across every unit (all indicators when the view picks one).
    pub fn need(&self) -> Need {
        let across = match self.view {
            View::Compare => Some(self.indicator.clone().unwrap_or_default()),
            View::Components => Some(
                self.index
                    .as_ref()
                    .map_or_else(String::new, |i| format!("{i}.")),
            ),
            _ => None,
        };
        Need {
            unit: self.unit.clone(),
            across,
        }
    }

    /// Reads a hash such as `#/dossiers?unit=bac-kan`; whatever is unreadable is left at its
    /// default rather than failing the page.
    pub fn parse(hash: &str) -> Route {
        let s = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = s.split_once('?').unwrap_or((s, ""));
        let mut segments = path.split('/').filter(|p| !p.is_empty()).peekable();
        let embed = segments.next_if_eq(&"embed").map(|_| Embed::default());
        let mut r = Route {
            view: segments
                .next()
                .and_then(View::from_slug)
                .unwrap_or_default(),
            embed,
            ..Route::default()
        };
        if let Some(e) = &mut r.embed {
            e.chart = segments.next().and_then(decode).filter(|c| !c.is_empty());
        }
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
                "index" => r.index = Some(v),
                "id" => {
                    if let Some(e) = &mut r.embed {
                        e.id = Some(v);
                    }
                }
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
        if let Some(i) = &self.index {
            params.push(format!("index={}", encode(i)));
        }
        if let Some(id) = self.embed.as_ref().and_then(|e| e.id.as_ref()) {
            params.push(format!("id={}", encode(id)));
        }
        let query = if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        };
        let path = match &self.embed {
            None => self.view.slug().to_string(),
            Some(Embed { chart: None, .. }) => format!("embed/{}", self.view.slug()),
            // A chart selector is one path segment: a slash in it is encoded too.
            Some(Embed { chart: Some(c), .. }) => {
                format!(
                    "embed/{}/{}",
                    self.view.slug(),
                    encode(c).replace('/', "%2F")
                )
            }
        };
        format!("#/{path}{query}")
    }

    /// The same view in the full dashboard: the address an embed's "open" link goes to.
    pub fn full(&self) -> Route {
        Route {
            embed: None,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_it_draws_for_fetching_by_need() {
        let need = |hash: &str| Route::parse(hash).need();
        let unit = |u: &str| Some(u.to_string());
        assert_eq!(need("#/dossiers?unit=bac-kan").unit, unit("bac-kan"));
        assert_eq!(need("#/dossiers").across, None);
        assert_eq!(need("#/components?index=pci").across, unit("pci."));
        assert_eq!(
            need("#/embed/compare?indicator=dossiers.received").across,
            unit("dossiers.received")
        );
        assert_eq!(
            need("#/compare").across,
            unit(""),
            "every indicator, until one is picked"
        );
    }

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
            index: Some("pci".into()),
            embed: None,
        };
        let h = r.to_hash();
        assert_eq!(h, "#/indices?unit=tay-ninh&from=2018&to=2020-05-28/2020-08-28&lang=en&indicator=ict_index.score&stat=average&index=pci");
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

    #[test]
    fn embeds_parse_to_the_same_route_plus_their_part() {
        let r = Route::parse("#/embed/indices/pci?unit=tay-ninh&from=2018&lang=en&id=pci-box");
        assert_eq!(r.view, View::Indices);
        assert_eq!(r.unit.as_deref(), Some("tay-ninh"));
        assert_eq!(r.from, Period::parse("2018").ok());
        assert_eq!(r.lang, Some(Lang::En));
        let e = r.embed.clone().unwrap();
        assert_eq!(e.chart.as_deref(), Some("pci"));
        assert_eq!(e.id.as_deref(), Some("pci-box"));
        assert_eq!(
            r.to_hash(),
            "#/embed/indices/pci?unit=tay-ninh&from=2018&lang=en&id=pci-box"
        );
        assert_eq!(
            r.full().to_hash(),
            "#/indices?unit=tay-ninh&from=2018&lang=en"
        );
        // A whole view, with no chart and no id.
        let whole = Route::parse("#/embed/dossiers/");
        assert_eq!(whole.view, View::Dossiers);
        assert_eq!(whole.embed, Some(Embed::default()));
        assert_eq!(whole.to_hash(), "#/embed/dossiers");
    }

    #[test]
    fn embeds_round_trip_odd_selectors_and_ids() {
        let r = Route {
            view: View::Dossiers,
            embed: Some(Embed {
                chart: Some("a/b c&<\"".into()),
                id: Some("x&y=\"<z>".into()),
            }),
            ..Route::default()
        };
        let h = r.to_hash();
        assert!(
            h.starts_with("#/embed/dossiers/a%2Fb%20c%26%3C%22?id="),
            "{h}"
        );
        assert_eq!(Route::parse(&h), r);
    }

    #[test]
    fn embeds_tolerate_junk() {
        let r = Route::parse("#/embed/nowhere/pci/extra?id=&unit=%ZZ&lang=xx");
        assert_eq!(r.view, View::Overview);
        assert_eq!(r.unit, None);
        assert_eq!(r.lang, None);
        assert_eq!(
            r.embed,
            Some(Embed {
                chart: Some("pci".into()),
                id: None
            })
        );
        assert_eq!(Route::parse("#/embed").embed, Some(Embed::default()));
        assert_eq!(
            Route::parse("#/embed/indices/%ZZ").embed,
            Some(Embed::default())
        );
        // `id` means nothing outside an embed, and `embed` only counts as the first segment.
        assert_eq!(Route::parse("#/dossiers?id=x").embed, None);
        assert_eq!(Route::parse("#/dossiers/embed").embed, None);
    }
}
