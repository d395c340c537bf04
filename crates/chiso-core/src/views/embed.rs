//! Embeds: the part of the address that makes a page one chart for another site, which of a
//! view's charts it shows, the id its height messages carry, and the two snippets a portal pastes.
//!
//! The chart selector (`#/embed/<view>/<chart>`) is either a chart's id exactly
//! (`dossiers-intake`, `index-pci-rank`, `compare`), or an index family (`pci`, `papi`,
//! `par_index`, `sipas`, `ict_index`, `dvc_index`), which stands for that index's score and rank
//! charts. With no selector the embed shows every chart of the view that has figures.

use crate::charts::compare_by;
use crate::contract::catalogue::INDICES;
use crate::query::units::compared_indicator;
use crate::query::Query;
use crate::render::ChartSpec;
use crate::views::page::View;
use crate::views::route::{Embed, Route};
use crate::Lang;
use chrono::NaiveDate;

/// The sandbox tokens of an embed's iframe, and why: the app is scripts and WebAssembly; it
/// fetches its data from its own origin (so it keeps that origin); "open in Chỉ số" opens a new
/// tab that must not inherit the sandbox; PNG, SVG and CSV downloads. No top navigation, forms
/// or pointer lock.
pub const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads";

/// An iframe's height before its first message arrives.
const FIRST_HEIGHT: u32 = 480;

impl Route {
    /// The id an embed's height messages carry: the address's, else `chiso-<view>[-<chart>]`.
    pub fn embed_id(&self) -> String {
        let e = self.embed.clone().unwrap_or_default();
        e.id.unwrap_or_else(|| match e.chart {
            Some(c) => format!("chiso-{}-{c}", self.view.slug()),
            None => format!("chiso-{}", self.view.slug()),
        })
    }
}

/// The view a chart belongs to, from its id: a chart card may stand elsewhere (present mode
/// steps through every view's charts), but its embed names the view that draws it.
pub fn home_view(chart: &str) -> View {
    match chart {
        "services" => View::Services,
        "procedures" | "feedback" => View::Procedures,
        "compare" => View::Compare,
        c if c.starts_with("index-") => View::Indices,
        c if c.starts_with("component") => View::Components,
        _ => View::Dossiers,
    }
}

/// The embed of one chart card showing `unit` (the address's when empty): with the period and
/// language of `route`, and its indicator and statistic only for the comparison, the one chart
/// that reads them.
pub fn card_route(route: &Route, chart: &str, unit: &str) -> Route {
    let view = home_view(chart);
    let compared = view == View::Compare;
    // The index of a components chart: `components-pci`, `component-pci-transparency`.
    let index = chart
        .split('-')
        .nth(1)
        .map(String::from)
        .filter(|_| view == View::Components);
    Route {
        view,
        unit: Some(unit.to_string())
            .filter(|u| !u.is_empty())
            .or_else(|| route.unit.clone()),
        indicator: route.indicator.clone().filter(|_| compared),
        stat: route.stat.filter(|_| compared),
        index,
        embed: Some(Embed {
            chart: Some(chart.to_string()),
            id: None,
        }),
        ..route.clone()
    }
}

/// Every chart an embed of `view` may show, empty ones included so that a chart asked for by
/// its id is found even when the unit has no figures for it. A comparison shows `indicator`, or
/// the first one its peers report, as the dashboard does.
pub fn embeddable(view: View, q: Query, today: NaiveDate, route: &Route) -> Vec<ChartSpec> {
    match view {
        View::Indices => INDICES
            .iter()
            .flat_map(|f| [false, true].map(|rank| crate::charts::index(q, f, rank, today)))
            .collect(),
        View::Compare => {
            let indicator = compared_indicator(q.data, q.unit, route.indicator.as_deref());
            let stat = route.stat.unwrap_or_default();
            vec![compare_by(
                q,
                &indicator.unwrap_or_default(),
                route.to,
                stat,
            )]
        }
        View::Components => {
            let family = crate::views::page::shown_family(q, route.index.as_deref());
            crate::views::page::components_view(q, family, today)
        }
        _ => view.charts(q, today),
    }
}

/// The charts the selector picks from `specs`; `None` when it names none of them. Of several,
/// those without figures are left out, unless none has any: then the first stays, to say so.
pub fn select(specs: Vec<ChartSpec>, chart: Option<&str>) -> Option<Vec<ChartSpec>> {
    let picked: Vec<ChartSpec> = match chart {
        None => specs,
        Some(c) if specs.iter().any(|s| s.id == c) => {
            specs.into_iter().filter(|s| s.id == c).collect()
        }
        Some(c) if INDICES.iter().any(|f| f.family == c) => {
            let ids = [format!("index-{c}-score"), format!("index-{c}-rank")];
            specs.into_iter().filter(|s| ids.contains(&s.id)).collect()
        }
        Some(_) => return None,
    };
    if picked.is_empty() {
        return None;
    }
    if picked.iter().all(ChartSpec::is_empty) {
        return Some(picked.into_iter().take(1).collect());
    }
    Some(picked.into_iter().filter(|s| !s.is_empty()).collect())
}

/// Text made safe inside a double-quoted HTML attribute (and between tags).
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// What a portal pastes: an iframe on its own, or a `div` for `embed.js` and its script tag.
/// No `style` attribute: a portal whose CSP forbids inline styles would report it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippets {
    pub iframe: String,
    pub script: String,
}

/// The snippets for `route` as an embed, served from `base` (the dashboard's address without
/// its `#…`, query kept: it may name the data), titled `title` for screen readers.
pub fn snippets(base: &str, route: &Route, title: &str) -> Snippets {
    let mut r = route.clone();
    let id = r.embed_id();
    r.embed = Some(Embed {
        id: Some(id),
        ..r.embed.unwrap_or_default()
    });
    let url = attr(&format!("{base}{}", r.to_hash()));
    // embed.js sits next to the page: in the same folder, whatever the page's own name.
    let page = base.split(['?', '#']).next().unwrap_or_default();
    let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder);
    let script = attr(&format!("{folder}/embed.js"));
    let title = attr(title);
    Snippets {
        iframe: format!(
            "<iframe src=\"{url}\" title=\"{title}\" width=\"100%\" height=\"{FIRST_HEIGHT}\" \
             frameborder=\"0\" loading=\"lazy\" sandbox=\"{SANDBOX}\"></iframe>"
        ),
        script: format!(
            "<div data-chiso=\"{url}\" data-chiso-title=\"{title}\"></div>\n\
             <script src=\"{script}\" async></script>"
        ),
    }
}

/// The link under an embed, in the route's language.
pub fn open_label(lang: Lang) -> &'static str {
    lang.pick("Mở trong Chỉ số", "Open in Chỉ số")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pci(lang: Option<Lang>) -> Route {
        Route::parse(&format!(
            "#/embed/indices/pci?unit=tay-ninh&from=2019&to=2023{}",
            lang.map_or(String::new(), |l| format!("&lang={l}"))
        ))
    }

    #[test]
    fn the_message_id_is_the_addresss_or_derived_from_the_selector() {
        assert_eq!(pci(None).embed_id(), "chiso-indices-pci");
        assert_eq!(
            Route::parse("#/embed/dossiers").embed_id(),
            "chiso-dossiers"
        );
        assert_eq!(
            Route::parse("#/embed/dossiers?id=box-1").embed_id(),
            "box-1"
        );
    }

    #[test]
    fn snippets_carry_the_route_an_id_and_the_script_next_to_the_page() {
        let s = snippets(
            "https://cchc.example.vn/chiso/index.html?data=x.json",
            &pci(Some(Lang::En)),
            "PCI",
        );
        let url = "https://cchc.example.vn/chiso/index.html?data=x.json#/embed/indices/pci?unit=tay-ninh&amp;from=2019&amp;to=2023&amp;lang=en&amp;id=chiso-indices-pci";
        assert_eq!(
            s.iframe,
            format!(
                "<iframe src=\"{url}\" title=\"PCI\" width=\"100%\" height=\"480\" frameborder=\"0\" loading=\"lazy\" sandbox=\"{SANDBOX}\"></iframe>"
            )
        );
        assert_eq!(
            s.script,
            format!("<div data-chiso=\"{url}\" data-chiso-title=\"PCI\"></div>\n<script src=\"https://cchc.example.vn/chiso/embed.js\" async></script>")
        );
        // A page at the folder's root, and a route that was not an embed yet.
        let s = snippets("http://127.0.0.1:8080/", &Route::parse("#/dossiers"), "x");
        assert!(
            s.iframe
                .contains("src=\"http://127.0.0.1:8080/#/embed/dossiers?id=chiso-dossiers\""),
            "{}",
            s.iframe
        );
        assert!(s
            .script
            .ends_with("<script src=\"http://127.0.0.1:8080/embed.js\" async></script>"));
    }

    #[test]
    fn a_cards_embed_names_the_view_that_draws_it() {
        // The address names no unit: the one on screen is pinned.
        let r = Route::parse("#/compare?to=2024&lang=en&indicator=pci.score&stat=average");
        let h = |chart| card_route(&r, chart, "da-nang").to_hash();
        assert_eq!(
            h("index-pci-rank"),
            "#/embed/indices/index-pci-rank?unit=da-nang&to=2024&lang=en"
        );
        assert_eq!(
            h("compare"),
            "#/embed/compare/compare?unit=da-nang&to=2024&lang=en&indicator=pci.score&stat=average"
        );
        assert!(h("feedback").starts_with("#/embed/procedures/feedback?"));
        assert!(h("services").starts_with("#/embed/services/services?"));
        assert!(h("dossiers-outcome").starts_with("#/embed/dossiers/dossiers-outcome?"));
        assert_eq!(card_route(&r, "services", "").unit, None);
    }

    #[test]
    fn snippets_escape_what_would_end_an_attribute() {
        let s = snippets("http://h/\"><script>", &pci(None), "Tây Ninh \"<b>&");
        assert!(
            s.iframe.contains("title=\"Tây Ninh &quot;&lt;b&gt;&amp;\""),
            "{}",
            s.iframe
        );
        assert!(s
            .iframe
            .starts_with("<iframe src=\"http://h/&quot;&gt;&lt;script&gt;#/embed/"));
        assert!(!s.script.contains("<script>"));
        assert_eq!(s.script.matches('"').count() % 2, 0);
    }
}
