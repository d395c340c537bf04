//! Which listed files a page fetches first: those that hold what the view on screen draws, as
//! each manifest entry's `holds` says. The rest follow once the first chart is drawn, so the
//! first chart costs the same whether a manifest lists five files or five hundred. A file whose
//! entry says nothing of what it holds (an older manifest, or a file of declarations only) is
//! always fetched first.

use crate::ingest::manifest::{family, Holds};

/// What the view on screen draws.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Need {
    /// The unit the address names; the default unit when absent.
    pub unit: Option<String>,
    /// Indicators the view compares across all units: an id, or a prefix such as `pci.` for an
    /// index's components; `""` for all of them. Files are chosen by the family it names.
    pub across: Option<String>,
}

/// The files to fetch first (by their place in the manifest), and the unit to show when the
/// address names none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct First {
    pub files: Vec<bool>,
    pub unit: Option<String>,
}

/// The unit shown when the address names none: the first (in the manifest's order) that a file
/// holds dossiers for, else the first any file holds. The page shows a unit's dossiers first.
fn default_unit<'a>(holds: &[Option<&'a Holds>]) -> Option<&'a str> {
    let with_units = || holds.iter().flatten().filter(|h| !h.units.is_empty());
    let dossiers = |h: &&&Holds| h.families.iter().any(|f| f == "dossiers");
    with_units()
        .find(dossiers)
        .or_else(|| with_units().next())
        .map(|h| h.units[0].as_str())
}

/// The files `need` asks for first, given what each entry holds (`None` where it does not say).
pub fn first(holds: &[Option<&Holds>], need: &Need) -> First {
    let unit = need.unit.as_deref().or_else(|| default_unit(holds));
    let files = holds
        .iter()
        .map(|h| match h {
            None => true,
            Some(h) if h.units.is_empty() => true,
            Some(h) => {
                let has_unit = unit.is_some_and(|u| h.units.iter().any(|x| x == u));
                let compared = need.across.as_deref().is_some_and(|p| match p {
                    "" => !h.families.is_empty(),
                    p => h.families.iter().any(|f| f == family(p)),
                });
                has_unit || compared
            }
        })
        .collect();
    First {
        files,
        unit: need
            .unit
            .is_none()
            .then(|| unit.map(str::to_string))
            .flatten(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holds(units: &[&str], families: &[&str]) -> Holds {
        Holds {
            units: units.iter().map(|s| s.to_string()).collect(),
            families: families.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_unit_gets_its_own_files_and_those_saying_nothing() {
        let tay_ninh = holds(&["tay-ninh"], &["ict_index"]);
        let bac_kan = holds(&["bac-kan"], &["dossiers"]);
        let pci = holds(&["bac-kan", "tay-ninh"], &["pci"]);
        let declarations = holds(&[], &[]);
        let all = [
            Some(&tay_ninh),
            Some(&bac_kan),
            Some(&pci),
            Some(&declarations),
            None,
        ];
        let need = Need {
            unit: Some("tay-ninh".into()),
            across: None,
        };
        let got = first(&all, &need);
        assert_eq!(got.files, [true, false, true, true, true]);
        assert_eq!(got.unit, None, "the address names the unit");
        // With no unit in the address: the first unit with dossiers, and what holds it.
        let got = first(&all, &Need::default());
        assert_eq!(got.files, [false, true, true, true, true]);
        assert_eq!(got.unit.as_deref(), Some("bac-kan"));
    }

    #[test]
    fn a_comparison_gets_every_file_holding_its_indicators_family() {
        let a = holds(&["a"], &["dossiers", "pci"]);
        let b = holds(&["b"], &["dossiers"]);
        let c = holds(&["c"], &["pci"]);
        let all = [Some(&a), Some(&b), Some(&c)];
        let across = |across: &str| {
            let need = Need {
                unit: Some("a".into()),
                across: Some(across.into()),
            };
            first(&all, &need).files
        };
        assert_eq!(across("pci."), [true, false, true]);
        assert_eq!(across("dossiers.received"), [true, true, false]);
        assert_eq!(
            across("papi.score"),
            [true, false, false],
            "the unit's own file only"
        );
        assert_eq!(across(""), [true, true, true]);
    }

    #[test]
    fn without_dossiers_the_first_unit_held_is_shown() {
        let a = holds(&["x", "y"], &["pci"]);
        let got = first(&[Some(&a)], &Need::default());
        assert_eq!(got.unit.as_deref(), Some("x"));
        assert_eq!(first(&[None, None], &Need::default()).files, [true, true]);
    }
}
