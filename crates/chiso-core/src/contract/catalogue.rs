//! The indicator catalogue. Built-in ids are stable API; files may define more in the same shape.

use crate::contract::components::{self, Component, KnownGap, Parts};
use crate::contract::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A whole, non-negative number of things (dossiers, procedures, feedback items).
    Count,
    /// A score on the scale `min..=max`.
    Score,
    /// A percentage, 0–100.
    Percent,
    /// A position among `of` ranked units; 1 is best.
    Rank,
}

/// Whether a count sums over time (received in a quarter) or is a level at the period's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aggregation {
    Flow,
    Stock,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Better {
    Higher,
    Lower,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorDef {
    pub id: String,
    pub name: Text,
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<Aggregation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub better: Option<Better>,
}

impl IndicatorDef {
    /// The scale a value must lie on, if the kind has one.
    pub fn scale(&self) -> Option<(f64, f64)> {
        match self.kind {
            Kind::Percent => Some((self.min.unwrap_or(0.0), self.max.unwrap_or(100.0))),
            Kind::Score => match (self.min, self.max) {
                (None, None) => None,
                (lo, hi) => Some((lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY))),
            },
            Kind::Count | Kind::Rank => None,
        }
    }

    pub fn better(&self) -> Better {
        self.better.unwrap_or(match self.kind {
            Kind::Rank => Better::Lower,
            _ => Better::Higher,
        })
    }
}

/// One of the six national indices, whose ids are `<family>.score` and `<family>.rank`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndexFamily {
    pub family: &'static str,
    pub name_vi: &'static str,
    pub name_en: &'static str,
    /// Years its publisher is known to leave without a figure for some units.
    pub gaps: &'static [KnownGap],
    /// Its published components (`pci.labor_training`); none known for PAR INDEX.
    pub parts: Parts,
}

impl IndexFamily {
    /// The indicator id of one of its components.
    pub fn part_id(&self, c: &Component) -> String {
        format!("{}.{}", self.family, c.id)
    }
}

/// The index family and component an indicator id names, if it is a component.
pub fn component(id: &str) -> Option<(&'static IndexFamily, &'static Component)> {
    let (family, part) = id.split_once('.')?;
    let f = INDICES.iter().find(|f| f.family == family)?;
    Some((f, f.parts.get(part)?))
}

pub const INDICES: [IndexFamily; 6] = [
    IndexFamily {
        family: "pci",
        name_vi: "PCI",
        name_en: "PCI",
        gaps: &[KnownGap {
            years: (2023, i32::MAX),
            label: ["Không công bố", "Not published"],
            reason: [
                "Từ năm 2023 VCCI chỉ công bố PCI của 30 tỉnh, thành phố dẫn đầu",
                "Since 2023 VCCI publishes PCI only for the top 30 provinces",
            ],
        }],
        parts: components::PCI,
    },
    IndexFamily {
        family: "papi",
        name_vi: "PAPI",
        name_en: "PAPI",
        gaps: &[],
        parts: components::PAPI,
    },
    IndexFamily {
        family: "par_index",
        name_vi: "PAR INDEX (Chỉ số CCHC)",
        name_en: "PAR INDEX",
        gaps: &[],
        parts: Parts::NONE,
    },
    IndexFamily {
        family: "sipas",
        name_vi: "SIPAS (mức độ hài lòng)",
        name_en: "SIPAS (satisfaction)",
        gaps: &[],
        parts: components::SIPAS,
    },
    IndexFamily {
        family: "ict_index",
        name_vi: "ICT Index",
        name_en: "ICT Index",
        gaps: &[KnownGap {
            years: (2021, 2021),
            label: ["Không tổ chức", "Not run"],
            reason: [
                "ICT Index không được đánh giá năm 2021",
                "The ICT Index was not assessed in 2021",
            ],
        }],
        parts: components::ICT_INDEX,
    },
    IndexFamily {
        family: "dvc_index",
        name_vi: "Chỉ số phục vụ người dân, doanh nghiệp",
        name_en: "DVC index (service to citizens and businesses)",
        gaps: &[],
        parts: components::DVC_INDEX,
    },
];

fn count(id: &str, vi: &str, en: &str, aggregation: Aggregation) -> IndicatorDef {
    IndicatorDef {
        id: id.into(),
        name: Text::both(vi, en),
        kind: Kind::Count,
        aggregation: Some(aggregation),
        min: None,
        max: None,
        better: None,
    }
}

fn score(family: &IndexFamily, min: f64, max: f64, percent: bool) -> IndicatorDef {
    IndicatorDef {
        id: format!("{}.score", family.family),
        name: Text::both(
            format!("{} – điểm", family.name_vi),
            format!("{} – score", family.name_en),
        ),
        kind: if percent { Kind::Percent } else { Kind::Score },
        aggregation: None,
        min: Some(min),
        max: Some(max),
        better: None,
    }
}

fn rank(family: &IndexFamily) -> IndicatorDef {
    IndicatorDef {
        id: format!("{}.rank", family.family),
        name: Text::both(
            format!("{} – xếp hạng", family.name_vi),
            format!("{} – rank", family.name_en),
        ),
        kind: Kind::Rank,
        aggregation: None,
        min: None,
        max: None,
        better: None,
    }
}

/// The built-in catalogue of the contract, in its order.
pub fn builtin() -> Vec<IndicatorDef> {
    use Aggregation::{Flow, Stock};
    let mut v = vec![
        count(
            "dossiers.received",
            "Hồ sơ tiếp nhận (gồm kỳ trước chuyển sang)",
            "Dossiers received (incl. carried over)",
            Flow,
        ),
        count(
            "dossiers.carried_over",
            "Hồ sơ kỳ trước chuyển sang",
            "Carried over from the previous period",
            Flow,
        ),
        count(
            "dossiers.online",
            "Tiếp nhận trực tuyến",
            "Received online",
            Flow,
        ),
        count(
            "dossiers.offline",
            "Tiếp nhận trực tiếp và qua bưu chính công ích",
            "Received in person or by post",
            Flow,
        ),
        count("dossiers.resolved", "Đã giải quyết", "Resolved", Flow),
        count(
            "dossiers.resolved_on_time",
            "Giải quyết đúng hạn",
            "Resolved on time",
            Flow,
        ),
        count(
            "dossiers.resolved_late",
            "Giải quyết quá hạn",
            "Resolved late",
            Flow,
        ),
        count("dossiers.pending", "Đang giải quyết", "Pending", Stock),
        count(
            "services.total",
            "Số TTHC, dịch vụ công của đơn vị",
            "Procedures and public services",
            Stock,
        ),
        count(
            "services.online_level3",
            "DVC trực tuyến mức độ 3",
            "Online services, level 3",
            Stock,
        ),
        count(
            "services.online_level4",
            "DVC trực tuyến mức độ 4",
            "Online services, level 4",
            Stock,
        ),
        count(
            "services.online_partial",
            "DVC trực tuyến một phần",
            "Online services, partial",
            Stock,
        ),
        count(
            "services.online_full",
            "DVC trực tuyến toàn trình",
            "Online services, full",
            Stock,
        ),
        count(
            "services.integrated_national",
            "DVC tích hợp lên Cổng DVC quốc gia",
            "Services integrated with the national portal",
            Flow,
        ),
        count(
            "procedures.decisions",
            "Quyết định công bố danh mục, quy trình TTHC",
            "Decisions publishing procedure lists and processes",
            Flow,
        ),
        count(
            "procedures.published",
            "TTHC được công bố",
            "Procedures published",
            Flow,
        ),
        count(
            "procedures.internal_processes",
            "Quy trình nội bộ được công bố",
            "Internal processes published",
            Flow,
        ),
        count(
            "procedures.public_national_db",
            "TTHC công khai trên CSDL quốc gia",
            "Procedures public on the national database",
            Flow,
        ),
        count(
            "feedback.received",
            "Phản ánh, kiến nghị tiếp nhận",
            "Feedback received",
            Flow,
        ),
        count(
            "feedback.resolved",
            "Phản ánh, kiến nghị đã xử lý",
            "Feedback resolved",
            Flow,
        ),
    ];
    let scales = [
        (0.0, 100.0, false),
        (10.0, 80.0, false),
        (0.0, 100.0, true),
        (0.0, 100.0, true),
        (0.0, 1.0, false),
        (0.0, 100.0, false),
    ];
    for (family, (min, max, percent)) in INDICES.iter().zip(scales) {
        v.push(score(family, min, max, percent));
        v.push(rank(family));
    }
    for family in &INDICES {
        v.extend(family.parts.list.iter().map(|c| part(family, c)));
    }
    v
}

fn part(family: &IndexFamily, c: &Component) -> IndicatorDef {
    let p = family.parts;
    IndicatorDef {
        id: family.part_id(c),
        name: Text::both(
            format!("{} – {}", family.name_vi, c.short[0]),
            format!("{} – {}", family.name_en, c.short[1]),
        ),
        kind: if p.percent {
            Kind::Percent
        } else {
            Kind::Score
        },
        aggregation: None,
        min: Some(p.scale.0),
        max: Some(c.max.unwrap_or(p.scale.1)),
        better: None,
    }
}

/// Ids that name the same series: Decree 42/2022 renamed level 3/4 to partial/full.
pub fn same_series(id: &str) -> Option<&'static str> {
    match id {
        "services.online_level3" => Some("services.online_partial"),
        "services.online_partial" => Some("services.online_level3"),
        "services.online_level4" => Some("services.online_full"),
        "services.online_full" => Some("services.online_level4"),
        _ => None,
    }
}

/// The built-in catalogue plus the indicators the loaded files define. The built-in part is
/// built once and shared: each load starts from it, and copies it only when a file defines more.
#[derive(Clone, Debug)]
pub struct Catalogue(Arc<Defs>);

#[derive(Clone, Debug)]
struct Defs {
    defs: Vec<IndicatorDef>,
    by_id: HashMap<String, usize>,
}

static BUILTIN: LazyLock<Catalogue> = LazyLock::new(|| {
    let mut c = Catalogue(Arc::new(Defs {
        defs: Vec::new(),
        by_id: HashMap::new(),
    }));
    for d in builtin() {
        c.insert(d);
    }
    c
});

impl Default for Catalogue {
    fn default() -> Self {
        BUILTIN.clone()
    }
}

impl Catalogue {
    pub fn get(&self, id: &str) -> Option<&IndicatorDef> {
        self.0.by_id.get(id).map(|&i| &self.0.defs[i])
    }

    /// Adds a definition; a later definition of the same id replaces the earlier one.
    pub fn insert(&mut self, def: IndicatorDef) {
        let c = Arc::make_mut(&mut self.0);
        match c.by_id.get(&def.id) {
            Some(&i) => c.defs[i] = def,
            None => {
                c.by_id.insert(def.id.clone(), c.defs.len());
                c.defs.push(def);
            }
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &IndicatorDef> {
        self.0.defs.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_has_every_contract_id() {
        let c = Catalogue::default();
        assert_eq!(c.iter().count(), 20 + 12 + 10 + 8 + 5 + 5 + 5);
        assert_eq!(
            c.get("pci.labor_training").unwrap().scale(),
            Some((0.0, 10.0))
        );
        assert_eq!(
            c.get("dvc_index.record_digitisation").unwrap().scale(),
            Some((0.0, 22.0))
        );
        let (family, part) = component("papi.e_governance").unwrap();
        assert_eq!((family.family, part.years.0), ("papi", 2018));
        assert!(component("pci.score").is_none() && component("par_index.x").is_none());
        assert_eq!(c.get("ict_index.score").unwrap().scale(), Some((0.0, 1.0)));
        assert_eq!(c.get("papi.score").unwrap().scale(), Some((10.0, 80.0)));
        assert_eq!(c.get("sipas.score").unwrap().kind, Kind::Percent);
        assert_eq!(c.get("pci.rank").unwrap().better(), Better::Lower);
        assert_eq!(
            c.get("dossiers.pending").unwrap().aggregation,
            Some(Aggregation::Stock)
        );
        assert!(c.get("dossiers.unknown").is_none());
    }
}
