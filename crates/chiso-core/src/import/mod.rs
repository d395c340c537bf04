//! Import: tables (spreadsheet sheets, CSV or TSV files, a paste from Excel) become one
//! `chiso-metrics/1` document that loads without error. Long tables (a figure a row) and wide
//! ones (units down and periods across, periods down and units across, indicators across) are
//! read from their headers; province names are matched against the register; every problem
//! is a finding at its cell, and figures the validator would reject are left out, each with
//! the validator's own message at the cell it came from.

pub mod csv;
pub mod document;
pub mod header;
pub mod indicator;
pub mod number;
pub mod report;
pub mod rows;
pub mod table;
pub mod when;

pub use report::{ImportFinding, ImportMessage};
pub use table::{Cell, CellRef, Table};

use crate::contract::catalogue::Catalogue;
use crate::import::header::{Header, Role};
use crate::import::indicator::Named;
use crate::import::rows::{Figure, Given, Reader};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The output's name, for the validator's messages (`pci.json`).
    pub name: String,
    /// The indicator of tables that do not name one: an id, a catalogue name or a short name.
    pub indicator: Option<String>,
    /// Cited by every figure whose row names no source.
    pub source: Option<String>,
    pub title: Option<String>,
    /// The period of figures whose table names none (VCCI's table of all provinces).
    pub period: Option<String>,
    /// The unit of figures whose table names none (a province profile).
    pub unit: Option<String>,
}

pub struct Imported {
    /// The document's text: one unit or figure a line.
    pub json: String,
    pub findings: Vec<ImportFinding>,
    /// How many figures the document holds.
    pub figures: usize,
}

impl Imported {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }
}

pub fn import(tables: &[Table], opts: &Options) -> Imported {
    let mut findings = Vec::new();
    let given = match opts.indicator.as_deref().map(|t| (t, indicator::named(t))) {
        Some((_, Some(named))) => Some(named),
        Some((text, None)) => {
            let text = text.to_string();
            findings.push(ImportFinding::error(
                None,
                ImportMessage::UnknownIndicator { text },
            ));
            return checked(Vec::new(), opts, findings, tables);
        }
        None => None,
    };
    let when = match opts.period.as_deref().map(|p| (p, when::parse(p))) {
        Some((_, Some(w))) => Some(w),
        Some((text, None)) => {
            let text = text.to_string();
            findings.push(ImportFinding::error(
                None,
                ImportMessage::BadPeriod { text },
            ));
            return checked(Vec::new(), opts, findings, tables);
        }
        None => None,
    };
    let catalogue = Catalogue::default();
    let mut figures = Vec::new();
    for table in tables {
        let Some(header) = header::find(table) else {
            findings.push(ImportFinding::error(
                Some(table.at(0, 0)),
                ImportMessage::NoHeader,
            ));
            continue;
        };
        let indicator = given.clone().or_else(|| hint(table, &header));
        let family = indicator
            .as_ref()
            .and_then(|n| n.family())
            .or_else(|| columns_family(table, &header));
        let sheet = Given {
            indicator: indicator.or_else(|| family.map(Named::Family)),
            family,
            when: when.clone(),
            unit: opts.unit.clone(),
        };
        if let Some(missing) = incomplete(table, &header, &sheet) {
            findings.push(missing);
            continue;
        }
        figures.extend(Reader::new(table, &header, &sheet, &catalogue, &mut findings).figures());
    }
    let figures = distinct(figures, &mut findings);
    checked(figures, opts, findings, tables)
}

/// An index named by the sheet or a title row above the header.
fn hint(table: &Table, header: &Header) -> Option<Named> {
    indicator::mentioned(&table.sheet).or_else(|| {
        (0..header.row)
            .flat_map(|r| table.rows.get(r).into_iter().flatten())
            .find_map(|cell| indicator::mentioned(&cell.shown()))
    })
}

/// The index a table's columns or rows name (`PCI Score`, `Điểm PCI`), which settles the
/// component names two indices share.
fn columns_family(table: &Table, header: &Header) -> Option<&'static str> {
    let mut columns = header
        .figure_columns()
        .filter_map(|(_, c)| c.indicator.as_ref());
    let mut rows = header
        .find_role(&Role::Indicator)
        .into_iter()
        .flat_map(|c| {
            (header.data_from..table.rows.len()).filter_map(move |r| {
                let (_, rest) = indicator::measure(&table.cell(r, c).shown());
                indicator::named(&rest.join(" "))
            })
        });
    columns
        .find_map(Named::family)
        .or_else(|| rows.find_map(|n| n.family()))
}

/// A header that cannot give every figure a period, an indicator and a unit, said once for
/// the sheet.
fn incomplete(table: &Table, header: &Header, given: &Given) -> Option<ImportFinding> {
    let has = |role: Role| header.find_role(&role).is_some();
    let at = |c: usize| Some(table.at(header.row, c));
    let mut columns = header.figure_columns();
    if !has(Role::Unit) && given.unit.is_none() {
        if let Some((c, _)) = columns.find(|(_, ctx)| ctx.unit.is_none()) {
            return Some(ImportFinding::error(at(c), ImportMessage::NoUnit));
        }
    }
    let mut columns = header.figure_columns();
    if !has(Role::Period) && given.when.is_none() {
        if let Some((c, _)) = columns.find(|(_, ctx)| ctx.when.is_none()) {
            return Some(ImportFinding::error(at(c), ImportMessage::NoPeriod));
        }
    }
    if !has(Role::Indicator) && given.indicator.is_none() {
        let mut columns = header.figure_columns();
        if let Some((c, _)) = columns.find(|(_, ctx)| ctx.indicator.is_none()) {
            return Some(ImportFinding::error(at(c), ImportMessage::NoIndicator));
        }
    }
    None
}

/// One figure per unit, indicator and period: a repeat with another value is an error at the
/// later cell, which is left out.
fn distinct(figures: Vec<Figure>, findings: &mut Vec<ImportFinding>) -> Vec<Figure> {
    let mut seen: HashMap<(&'static str, String, String), (f64, CellRef)> = HashMap::new();
    let mut out = Vec::new();
    for f in figures {
        let key = (f.unit.id, f.indicator.clone(), f.when.period.to_string());
        match seen.get(&key) {
            Some((kept, _)) if *kept == f.value => {}
            Some((kept, first)) => {
                let m = ImportMessage::Duplicate {
                    other: first.a1(),
                    value: f.value,
                    kept: *kept,
                };
                findings.push(ImportFinding::error(Some(f.at.clone()), m));
            }
            None => {
                seen.insert(key, (f.value, f.at.clone()));
                out.push(f);
            }
        }
    }
    out
}

/// The index in `observations[14].value`.
fn observation_index(f: &crate::ingest::finding::Finding) -> Option<usize> {
    let path = f.location.as_ref()?.path.strip_prefix("observations[")?;
    path.split(']').next()?.parse().ok()
}

/// Builds the document and checks it as the dashboard will: a figure the validator rejects is
/// reported at its cell and left out, until the document loads without error.
fn checked(
    figures: Vec<Figure>,
    opts: &Options,
    mut findings: Vec<ImportFinding>,
    tables: &[Table],
) -> Imported {
    let mut kept: Vec<&Figure> = figures.iter().collect();
    let mut pass = 0;
    let json = loop {
        let json = document::build(&kept, opts.title.as_deref(), opts.source.as_deref());
        let input = crate::ingest::load::Input {
            name: &opts.name,
            bytes: json.as_bytes(),
            sha256: None,
        };
        let mut rejected = HashSet::new();
        for f in crate::ingest::load::load(&[input]).findings {
            let index = observation_index(&f);
            if f.is_error() {
                rejected.extend(index);
            }
            if pass == 0 || f.is_error() {
                let at = index.and_then(|i| kept.get(i)).map(|fig| fig.at.clone());
                let m = ImportMessage::Check(f.message);
                findings.push(ImportFinding {
                    severity: f.severity,
                    at,
                    message: m,
                });
            }
        }
        pass += 1;
        if rejected.is_empty() || pass == 3 {
            break json;
        }
        let mut i = 0;
        kept.retain(|_| {
            i += 1;
            !rejected.contains(&(i - 1))
        });
    };
    if kept.is_empty() {
        findings.push(ImportFinding::error(None, ImportMessage::NothingImported));
    }
    // In reading order, then what concerns no cell.
    let sheet_order = |f: &ImportFinding| match &f.at {
        Some(a) => {
            let sheet = tables.iter().position(|t| t.sheet == a.sheet).unwrap_or(0);
            (0, sheet, a.row, a.col)
        }
        None => (1, 0, 0, None),
    };
    findings.sort_by_key(sheet_order);
    Imported {
        json,
        findings,
        figures: kept.len(),
    }
}
