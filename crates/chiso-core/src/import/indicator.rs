//! Indicators as tables name them: a catalogue id (`pci.score`), a catalogue name, an index's
//! short name (`PCI`, `ICT Index`, `Chỉ số CCHC`) or the short names reports give dossier
//! figures (`Hồ sơ tiếp nhận`, `Trực tuyến`, `Đúng hạn`), or an index component by any of its
//! published names (`Labor & Training`, `Đào tạo lao động`); and whether a column holds the
//! figure or its rank (`Điểm`, `Xếp hạng`).

use crate::contract::catalogue::{builtin, INDICES};
use crate::contract::names::{key, words};

/// What a table names: one indicator, or an index whose score or rank the column decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Named {
    Id(String),
    Family(&'static str),
    /// A component's name that more than one index uses (PCI's and PAPI's "Transparency"):
    /// the ids it may be, settled by the index the table is about.
    AnyOf(Vec<String>),
}

impl Named {
    /// The index family this name belongs to, where it says.
    pub fn family(&self) -> Option<&'static str> {
        match self {
            Named::Family(f) => Some(f),
            Named::Id(id) => INDICES
                .iter()
                .map(|f| f.family)
                .find(|f| id.split_once('.').is_some_and(|(head, _)| head == *f)),
            Named::AnyOf(_) => None,
        }
    }

    /// This name read in a table about `family`: a shared component name becomes that
    /// index's component.
    pub fn within(self, family: Option<&str>) -> Named {
        match (self, family) {
            (Named::AnyOf(ids), Some(f)) => {
                match ids
                    .iter()
                    .find(|id| id.split_once('.').map(|p| p.0) == Some(f))
                {
                    Some(id) => Named::Id(id.clone()),
                    None => Named::AnyOf(ids),
                }
            }
            (other, _) => other,
        }
    }
}

/// Whether a column holds the figure itself or a rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Value,
    Rank,
}

/// Other names of the indices, folded (`key`).
const FAMILIES: [(&str, &[&str]); 6] = [
    (
        "pci",
        &[
            "pci",
            "nanglucanhtranhcaptinh",
            "provincialcompetitivenessindex",
        ],
    ),
    ("papi", &["papi", "hieuquaquantrivahanhchinhcongcaptinh"]),
    (
        "par_index",
        &[
            "parindex",
            "par",
            "cchc",
            "caicachhanhchinh",
            "parindexcchc",
        ],
    ),
    (
        "sipas",
        &[
            "sipas",
            "hailong",
            "mucdohailong",
            "satisfaction",
            "sipassatisfaction",
        ],
    ),
    ("ict_index", &["ict", "ictindex", "vietnamictindex"]),
    (
        "dvc_index",
        &[
            "dvc",
            "dvcindex",
            "phucvunguoidandoanhnghiep",
            "dvcindexservicetocitizensandbusinesses",
        ],
    ),
];

/// Short names reports give catalogue indicators, folded.
const SHORT: [(&str, &[&str]); 20] = [
    (
        "dossiers.received",
        &[
            "hosotiepnhan",
            "tiepnhan",
            "tongsohosotiepnhan",
            "tongtiepnhan",
            "received",
            "dossiersreceived",
        ],
    ),
    (
        "dossiers.carried_over",
        &[
            "kytruocchuyensang",
            "tonkytruoc",
            "tonkytruocchuyensang",
            "carriedover",
        ],
    ),
    (
        "dossiers.online",
        &[
            "tructuyen",
            "tiepnhantructuyen",
            "hosotructuyen",
            "online",
            "receivedonline",
        ],
    ),
    (
        "dossiers.offline",
        &[
            "tructiep",
            "tiepnhantructiep",
            "tructiepvabuuchinh",
            "tructiepbuuchinh",
            "offline",
            "inperson",
        ],
    ),
    (
        "dossiers.resolved",
        &["dagiaiquyet", "hosodagiaiquyet", "resolved"],
    ),
    (
        "dossiers.resolved_on_time",
        &[
            "dunghan",
            "giaiquyetdunghan",
            "truochanvadunghan",
            "dungvatruochan",
            "ontime",
        ],
    ),
    (
        "dossiers.resolved_late",
        &["quahan", "giaiquyetquahan", "trehan", "late"],
    ),
    (
        "dossiers.pending",
        &["danggiaiquyet", "chuagiaiquyet", "dangxuly", "pending"],
    ),
    ("services.total", &["tthc", "tongsotthc", "tthcdichvucong"]),
    (
        "services.online_level3",
        &["mucdo3", "dvcmucdo3", "dvctructuyenmucdo3", "level3"],
    ),
    (
        "services.online_level4",
        &["mucdo4", "dvcmucdo4", "dvctructuyenmucdo4", "level4"],
    ),
    (
        "services.online_partial",
        &["motphan", "dvcmotphan", "dvctructuyenmotphan", "partial"],
    ),
    (
        "services.online_full",
        &["toantrinh", "dvctoantrinh", "dvctructuyentoantrinh", "full"],
    ),
    (
        "services.integrated_national",
        &["tichhop", "dvctichhop", "tichhopcongdvcquocgia"],
    ),
    ("procedures.decisions", &["quyetdinh", "quyetdinhcongbo"]),
    (
        "procedures.published",
        &["tthcduoccongbo", "tthccongbo", "congbo"],
    ),
    ("procedures.internal_processes", &["quytrinhnoibo"]),
    (
        "procedures.public_national_db",
        &["congkhaicsdlquocgia", "congkhaitrencsdlquocgia"],
    ),
    (
        "feedback.received",
        &[
            "phananhkiennghi",
            "phananh",
            "pakn",
            "feedback",
            "feedbackreceived",
        ],
    ),
    (
        "feedback.resolved",
        &[
            "phananhdaxuly",
            "phananhkiennghidaxuly",
            "pakndaxuly",
            "feedbackresolved",
        ],
    ),
];

const RANK_WORDS: [&[&str]; 6] = [
    &["ranking"],
    &["xep", "hang"],
    &["thu", "hang"],
    &["hang"],
    &["rank"],
    &["xh"],
];
const VALUE_WORDS: [&[&str]; 9] = [
    &["scores"],
    &["tong", "diem"],
    &["diem", "so"],
    &["diem"],
    &["gia", "tri"],
    &["score"],
    &["value"],
    &["ket", "qua"],
    &["so", "lieu"],
];
/// Words around a name that do not change it: "Chỉ số PCI", "số hồ sơ", "ICT index".
const NOISE: [&[&str]; 5] = [
    &["bo", "chi", "so"],
    &["chi", "so"],
    &["so", "luong"],
    &["so"],
    &["index"],
];

/// The indicator a whole cell names, if any.
pub fn named(text: &str) -> Option<Named> {
    let t = text.trim();
    if builtin().iter().any(|d| d.id == t) {
        return Some(Named::Id(t.to_string()));
    }
    let w = words(t);
    by_key(&w.concat()).or_else(|| by_key(&trim(&w, &NOISE).concat()))
}

fn by_key(k: &str) -> Option<Named> {
    if k.is_empty() {
        return None;
    }
    if let Some((family, _)) = FAMILIES.iter().find(|(_, keys)| keys.contains(&k)) {
        return Some(Named::Family(family));
    }
    if let Some(f) = INDICES
        .iter()
        .find(|f| key(f.name_vi) == k || key(f.name_en) == k)
    {
        return Some(Named::Family(f.family));
    }
    if let Some((id, _)) = SHORT.iter().find(|(_, keys)| keys.contains(&k)) {
        return Some(Named::Id(id.to_string()));
    }
    if let Some(d) = builtin().into_iter().find(|d| {
        key(d.name.get(crate::contract::lang::Lang::Vi)) == k
            || key(d.name.get(crate::contract::lang::Lang::En)) == k
    }) {
        return Some(Named::Id(d.id));
    }
    component(k)
}

/// A component by any of its published names, short or long, current or earlier.
fn component(k: &str) -> Option<Named> {
    let mut ids: Vec<String> = INDICES
        .iter()
        .flat_map(|f| f.parts.list.iter().map(move |c| (f, c)))
        .filter(|(_, c)| {
            let mut names = c.short.iter().chain(&c.long).chain(c.other);
            names.any(|n| key(n) == k)
        })
        .map(|(f, c)| f.part_id(c))
        .collect();
    match ids.len() {
        0 => None,
        1 => ids.pop().map(Named::Id),
        _ => Some(Named::AnyOf(ids)),
    }
}

/// Index names distinctive enough to pick out of a title, folded.
const MENTIONS: [(&str, &str); 7] = [
    ("pci", "pci"),
    ("papi", "papi"),
    ("parindex", "par_index"),
    ("sipas", "sipas"),
    ("ictindex", "ict_index"),
    ("ict", "ict_index"),
    ("dvcindex", "dvc_index"),
];

/// An index named among other words, as in a title row "BẢNG XẾP HẠNG PCI NĂM 2020" or a
/// sheet called "PCI 2020".
pub fn mentioned(text: &str) -> Option<Named> {
    let w = words(text);
    (0..w.len()).find_map(|i| {
        (1..=2).rev().find_map(|n| {
            let k = w.get(i..i + n)?.concat();
            MENTIONS
                .iter()
                .find(|(m, _)| *m == k)
                .map(|&(_, f)| Named::Family(f))
        })
    })
}

/// Splits a header's measure words off: `Xếp hạng PCI` → (rank, `pci`); `Điểm` → (value, ``).
pub fn measure(text: &str) -> (Option<Measure>, Vec<String>) {
    let w = words(text);
    let without_rank = strip(&w, &RANK_WORDS);
    if without_rank.len() < w.len() {
        return (Some(Measure::Rank), without_rank);
    }
    let without_value = strip(&w, &VALUE_WORDS);
    if without_value.len() < w.len() {
        return (Some(Measure::Value), without_value);
    }
    (None, w)
}

/// `words` without the phrases at either end: "Số hồ sơ tiếp nhận" keeps its "hồ sơ".
fn trim<'a>(mut w: &'a [String], phrases: &[&[&str]]) -> &'a [String] {
    let same = |s: &[String], p: &[&str]| s.iter().map(String::as_str).eq(p.iter().copied());
    loop {
        let lead = phrases.iter().find_map(|p| {
            let (head, rest) = w.split_at_checked(p.len())?;
            (same(head, p) && !rest.is_empty()).then_some(rest)
        });
        let trail = || {
            phrases.iter().find_map(|p| {
                let (rest, tail) = w.split_at_checked(w.len().checked_sub(p.len())?)?;
                (same(tail, p) && !rest.is_empty()).then_some(rest)
            })
        };
        match lead.or_else(trail) {
            Some(rest) => w = rest,
            None => return w,
        }
    }
}

/// `words` without every occurrence of the phrases, longest phrases first.
fn strip(w: &[String], phrases: &[&[&str]]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let hit = phrases.iter().find(|p| {
            w.get(i..i + p.len())
                .is_some_and(|s| s.iter().zip(p.iter()).all(|(a, b)| a == b))
        });
        match hit {
            Some(p) => i += p.len(),
            None => {
                if let Some(x) = w.get(i) {
                    out.push(x.clone());
                }
                i += 1;
            }
        }
    }
    out
}

/// The indicator id for a figure: an index's score or rank, or the named indicator itself.
/// `None` when a rank is asked of an indicator that has none.
pub fn id_for(named: &Named, measure: Measure) -> Option<String> {
    match (named, measure) {
        (Named::Family(f), Measure::Value) => Some(format!("{f}.score")),
        (Named::Family(f), Measure::Rank) => Some(format!("{f}.rank")),
        (Named::Id(id), Measure::Value) => Some(id.clone()),
        (Named::Id(id), Measure::Rank) => match id.strip_suffix(".score") {
            Some(family) => Some(format!("{family}.rank")),
            None => id.ends_with(".rank").then(|| id.clone()),
        },
        (Named::AnyOf(_), _) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str, m: Measure) -> Option<String> {
        id_for(&named(text)?, m)
    }

    #[test]
    fn names_indicators_as_reports_do() {
        assert_eq!(
            id("pci.score", Measure::Value).as_deref(),
            Some("pci.score")
        );
        assert_eq!(id("PCI", Measure::Value).as_deref(), Some("pci.score"));
        assert_eq!(id("PCI", Measure::Rank).as_deref(), Some("pci.rank"));
        assert_eq!(
            id("ICT Index", Measure::Value).as_deref(),
            Some("ict_index.score")
        );
        assert_eq!(
            id("Chỉ số CCHC", Measure::Value).as_deref(),
            Some("par_index.score")
        );
        assert_eq!(
            id("PAR INDEX", Measure::Rank).as_deref(),
            Some("par_index.rank")
        );
        assert_eq!(
            id("Hồ sơ tiếp nhận", Measure::Value).as_deref(),
            Some("dossiers.received")
        );
        assert_eq!(
            id("Số hồ sơ tiếp nhận", Measure::Value).as_deref(),
            Some("dossiers.received")
        );
        assert_eq!(
            id("Tiếp nhận trực tuyến", Measure::Value).as_deref(),
            Some("dossiers.online")
        );
        assert_eq!(
            id("Giải quyết đúng hạn", Measure::Value).as_deref(),
            Some("dossiers.resolved_on_time")
        );
        assert_eq!(
            id("Resolved on time", Measure::Value).as_deref(),
            Some("dossiers.resolved_on_time")
        );
        assert_eq!(
            id("DVC trực tuyến toàn trình", Measure::Value).as_deref(),
            Some("services.online_full")
        );
        assert_eq!(id("pci.score", Measure::Rank).as_deref(), Some("pci.rank"));
        assert_eq!(id("Hồ sơ tiếp nhận", Measure::Rank), None);
        assert_eq!(named("Tây Ninh"), None);
        assert_eq!(id("PCI Ranking", Measure::Value).as_deref(), None);
        assert_eq!(measure("PCI Ranking").0, Some(Measure::Rank));
    }

    #[test]
    fn names_components_by_any_published_name() {
        let pci = |text: &str| named(text).map(|n| n.within(Some("pci")));
        for text in [
            "Labor Policy",
            "Labor & Training",
            "Đào tạo lao động",
            "đào tạo lao động",
        ] {
            assert_eq!(
                pci(text),
                Some(Named::Id("pci.labor_training".into())),
                "{text}"
            );
        }
        assert_eq!(
            named("Land Access and Security of Tenure"),
            Some(Named::Id("pci.land_access".into()))
        );
        assert_eq!(
            named("Dịch vụ hỗ trợ doanh nghiệp"),
            Some(Named::Id("pci.business_support".into()))
        );
        // PCI's and PAPI's "Transparency": the table's index settles which.
        let shared = named("Transparency").unwrap();
        assert_eq!(shared.family(), None);
        assert_eq!(
            shared.clone().within(Some("papi")),
            Named::Id("papi.transparency".into())
        );
        assert_eq!(
            shared.within(Some("pci")),
            Named::Id("pci.transparency".into())
        );
        assert_eq!(named("pci.proactivity").unwrap().family(), Some("pci"));
    }

    #[test]
    fn finds_an_index_in_a_title_and_measures_in_headers() {
        assert_eq!(
            mentioned("BẢNG XẾP HẠNG PCI NĂM 2020"),
            Some(Named::Family("pci"))
        );
        assert_eq!(
            mentioned("Kết quả ICT Index 2019"),
            Some(Named::Family("ict_index"))
        );
        assert_eq!(mentioned("Danh sách đơn vị"), None);
        assert_eq!(measure("Xếp hạng"), (Some(Measure::Rank), vec![]));
        assert_eq!(
            measure("Điểm PCI"),
            (Some(Measure::Value), vec!["pci".to_string()])
        );
        assert_eq!(measure("Tây Ninh").0, None);
    }
}
