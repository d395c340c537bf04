//! Which units the dashboard offers: the one it opens on, the picker's groups, and the peers a
//! unit is compared with, with the indicators they can be compared on.

use crate::contract::catalogue::IndicatorDef;
use crate::contract::model::{Dataset, Level, Unit};
use crate::order;

/// The unit the page opens on when the address names none: the first that reports dossiers,
/// else the first with any figure.
pub fn default_unit(data: &Dataset) -> Option<&Unit> {
    data.units_with_data()
        .find(|u| data.has_indicator_prefix(&u.id, "dossiers."))
        .or_else(|| data.units_with_data().next())
}

/// Units with figures grouped by level, so a province is not lost among its departments;
/// levels without such units are left out.
pub fn units_by_level(data: &Dataset) -> Vec<(Level, Vec<&Unit>)> {
    Level::ALL
        .into_iter()
        .map(|level| {
            let members = data.units_with_data().filter(|u| u.level == level);
            (level, members.collect::<Vec<_>>())
        })
        .filter(|(_, members)| !members.is_empty())
        .collect()
}

/// Every unit of the unit's level, itself included, in declaration order; none for a unit the
/// data does not declare.
pub fn peers<'a>(data: &'a Dataset, unit: &str) -> Vec<&'a Unit> {
    let level = data.unit(unit).map(|u| u.level);
    data.units
        .iter()
        .filter(|u| Some(u.level) == level)
        .collect()
}

/// The indicators any of the unit's peers has a figure for, in catalogue order.
pub fn peer_indicators<'a>(data: &'a Dataset, unit: &str) -> Vec<&'a IndicatorDef> {
    let peers = order::sorted_unique(peers(data, unit).iter().map(|u| u.id.as_str()).collect());
    let mut present: Vec<&str> = data
        .observations
        .iter()
        .filter(|o| peers.binary_search(&o.unit.as_str()).is_ok())
        .map(|o| o.indicator.as_str())
        .collect();
    // The figures come grouped by unit and indicator: one left per series before the sort.
    present.dedup();
    let present = order::sorted_unique(present);
    data.catalogue
        .iter()
        .filter(|d| present.binary_search(&d.id.as_str()).is_ok())
        .collect()
}

/// The indicator a comparison shows: the one asked for if the unit's peers report it, else
/// the first they report; `None` when they report none.
pub fn compared_indicator(data: &Dataset, unit: &str, wanted: Option<&str>) -> Option<String> {
    let offered = peer_indicators(data, unit);
    offered
        .iter()
        .find(|d| Some(d.id.as_str()) == wanted)
        .or_else(|| offered.first())
        .map(|d| d.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::model::Observation;
    use crate::contract::period::Period;
    use crate::contract::text::Text;

    fn unit(id: &str, level: Level) -> Unit {
        Unit {
            id: id.into(),
            name: Text::plain(id),
            level,
            code: None,
            parent: None,
            successor: None,
            until: None,
        }
    }

    fn obs(unit: &str, indicator: &str) -> Observation {
        Observation {
            unit: unit.into(),
            indicator: indicator.into(),
            period: Period::Year(2020),
            value: 1.0,
            of: None,
            label: None,
            source: None,
            file: 0,
        }
    }

    fn data() -> Dataset {
        Dataset::new(
            Vec::new(),
            vec![
                unit("office", Level::Agency),
                unit("quiet", Level::Province),
                unit("north", Level::Province),
                unit("south", Level::Province),
                unit("ward", Level::Commune),
            ],
            Default::default(),
            vec![
                obs("office", "pci.score"),
                obs("south", "dossiers.received"),
                obs("north", "feedback.received"),
                obs("ward", "services.total"),
            ],
            Vec::new(),
        )
    }

    fn ids<'a>(units: impl IntoIterator<Item = &'a Unit>) -> Vec<&'a str> {
        units.into_iter().map(|u| u.id.as_str()).collect()
    }

    #[test]
    fn opens_on_the_first_unit_reporting_dossiers() {
        let d = data();
        assert_eq!(default_unit(&d).map(|u| u.id.as_str()), Some("south"));
        let none = Dataset::new(
            Vec::new(),
            vec![unit("a", Level::Agency), unit("b", Level::Province)],
            Default::default(),
            vec![obs("b", "pci.score")],
            Vec::new(),
        );
        assert_eq!(default_unit(&none).map(|u| u.id.as_str()), Some("b"));
        assert!(default_unit(&Dataset::default()).is_none());
    }

    #[test]
    fn groups_units_with_figures_by_level() {
        let d = data();
        let groups: Vec<(Level, Vec<&str>)> = units_by_level(&d)
            .into_iter()
            .map(|(l, us)| (l, ids(us)))
            .collect();
        assert_eq!(
            groups,
            vec![
                (Level::Province, vec!["north", "south"]),
                (Level::Commune, vec!["ward"]),
                (Level::Agency, vec!["office"]),
            ]
        );
    }

    #[test]
    fn peers_share_the_level_and_offer_their_indicators() {
        let d = data();
        assert_eq!(ids(peers(&d, "north")), vec!["quiet", "north", "south"]);
        assert!(peers(&d, "nowhere").is_empty());
        let offered: Vec<&str> = peer_indicators(&d, "quiet")
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(offered, vec!["dossiers.received", "feedback.received"]);
        assert!(peer_indicators(&d, "nowhere").is_empty());
        let chosen = |w| compared_indicator(&d, "quiet", w);
        assert_eq!(
            chosen(Some("feedback.received")).as_deref(),
            Some("feedback.received")
        );
        assert_eq!(
            chosen(Some("pci.score")).as_deref(),
            Some("dossiers.received")
        );
        assert_eq!(chosen(None).as_deref(), Some("dossiers.received"));
        assert_eq!(compared_indicator(&d, "nowhere", None), None);
    }
}
