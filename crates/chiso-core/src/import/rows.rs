//! A table's data rows, read as figures: each figure's unit, indicator and period come from its
//! row (long tables) or its column's header (wide tables), its value from its cell.

use crate::contract::catalogue::{Catalogue, Kind};
use crate::contract::names::key;
use crate::contract::provinces::{self, Miss, Province};
use crate::import::header::{Context, Header, Role};
use crate::import::indicator::{self, Measure, Named};
use crate::import::number::{self, Convention, Reading};
use crate::import::report::{ImportFinding, ImportMessage as M};
use crate::import::table::{Cell, CellRef, Table};
use crate::import::when::{self, When};
use std::collections::HashSet;

/// One figure read from one cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub unit: &'static Province,
    pub indicator: String,
    pub when: When,
    pub value: f64,
    pub of: Option<f64>,
    /// The source as the table names it.
    pub source: Option<String>,
    /// The tier the table gives a score (`Khá`), as printed.
    pub tier: Option<String>,
    pub at: CellRef,
}

/// What a sheet's rows fall back on where the table itself does not say.
#[derive(Clone, Debug, Default)]
pub struct Given {
    /// The indicator of figures whose row and column name none.
    pub indicator: Option<Named>,
    /// The index the table is about, which settles a component name two indices share.
    pub family: Option<&'static str>,
    pub when: Option<When>,
    /// A unit's name, for a province profile.
    pub unit: Option<String>,
}

/// Rows for the nation or an aggregate, which are not provinces: skipped with a warning.
const AGGREGATES: [&str; 11] = [
    "canuoc",
    "toanquoc",
    "trungvi",
    "median",
    "trungbinh",
    "average",
    "mean",
    "tong",
    "tongcong",
    "total",
    "vietnam",
];

/// Everything a sheet's rows are read with.
pub struct Reader<'a> {
    pub table: &'a Table,
    pub header: &'a Header,
    pub given: &'a Given,
    pub catalogue: &'a Catalogue,
    pub convention: Convention,
    pub findings: &'a mut Vec<ImportFinding>,
    /// Cells already reported, so a bad unit is said once, not once per figure.
    reported: HashSet<CellRef>,
}

/// What a row says for all its figures.
#[derive(Default)]
struct RowFacts {
    unit: Option<(String, CellRef)>,
    when: Option<When>,
    indicator: Option<Named>,
    /// A row naming a measure (`Xếp hạng` under component rows).
    measure: Option<Measure>,
    of: Option<f64>,
    source: Option<String>,
    tier: Option<String>,
}

impl<'a> Reader<'a> {
    pub fn new(
        table: &'a Table,
        header: &'a Header,
        given: &'a Given,
        catalogue: &'a Catalogue,
        findings: &'a mut Vec<ImportFinding>,
    ) -> Reader<'a> {
        let values = header
            .figure_columns()
            .flat_map(|(c, _)| (header.data_from..table.rows.len()).map(move |r| (r, c)))
            .filter_map(|(r, c)| match table.cell(r, c) {
                Cell::Text(s) => Some(s.as_str()),
                _ => None,
            });
        Reader {
            convention: number::convention(values),
            table,
            header,
            given,
            catalogue,
            findings,
            reported: HashSet::new(),
        }
    }

    fn col(&self, role: Role) -> Option<usize> {
        self.header.find_role(&role)
    }

    fn report(&mut self, at: CellRef, finding: fn(Option<CellRef>, M) -> ImportFinding, m: M) {
        if self.reported.insert(at.clone()) {
            self.findings.push(finding(Some(at), m));
        }
    }

    /// Every figure of the sheet.
    pub fn figures(&mut self) -> Vec<Figure> {
        let mut out = Vec::new();
        let mut previous_unit = None;
        for r in self.header.data_from..self.table.rows.len() {
            let Some(mut facts) = self.row_facts(r) else {
                continue;
            };
            // A unit merged down over several rows shows in the first one only.
            if facts.unit.is_none() {
                facts.unit = previous_unit.clone();
            }
            previous_unit = facts.unit.clone();
            let header = self.header;
            for (c, ctx) in header.figure_columns() {
                if let Some(f) = self.figure(r, c, ctx, &facts) {
                    out.push(f);
                }
            }
        }
        out
    }

    /// The row's own unit, period, indicator, `of` and source; `None` to skip the row.
    fn row_facts(&mut self, r: usize) -> Option<RowFacts> {
        let t = self.table;
        let text = |c: Option<usize>| c.map(|c| (t.cell(r, c).shown().into_owned(), t.at(r, c)));
        let mut facts = RowFacts::default();
        if let Some((name, at)) = text(self.col(Role::Unit)).filter(|(s, _)| !s.is_empty()) {
            if AGGREGATES.contains(&key(&name).as_str()) {
                self.report(at, ImportFinding::warning, M::NotAProvince { text: name });
                return None;
            }
            facts.unit = Some((name, at));
        }
        if let Some(c) = self.col(Role::Period) {
            let cell = t.cell(r, c);
            facts.when = when::parse_cell(cell);
            if facts.when.is_none() && !cell.is_empty() {
                let text = cell.shown().into_owned();
                self.report(t.at(r, c), ImportFinding::error, M::BadPeriod { text });
                return None;
            }
        }
        if let Some((label, _)) = text(self.col(Role::Label)).filter(|(s, _)| !s.is_empty()) {
            if let Some(w) = facts.when.as_mut() {
                w.label = Some(label);
            }
        }
        if let Some((name, at)) = text(self.col(Role::Indicator)).filter(|(s, _)| !s.is_empty()) {
            let (measure, rest) = indicator::measure(&name);
            let named = match rest.is_empty() {
                // `Xếp hạng` alone: the rank of the index the table is about.
                true => self.given.family.map(Named::Family),
                false => indicator::named(&rest.join(" ")).or_else(|| indicator::named(&name)),
            };
            match named {
                Some(n) => {
                    facts.measure = measure.filter(|_| indicator::named(&name).is_none());
                    facts.indicator = Some(n);
                }
                None => {
                    self.report(at, ImportFinding::error, M::UnknownIndicator { text: name });
                    return None;
                }
            }
        }
        if let Some(c) = self.col(Role::Of) {
            facts.of = match t.cell(r, c) {
                Cell::Number(n) => Some(*n),
                Cell::Text(s) => number::parse(s).map(|n| match n.reading {
                    Reading::Exact(v) => v,
                    Reading::Ambiguous { grouped, .. } => grouped,
                }),
                Cell::Empty => None,
            };
        }
        facts.source = text(self.col(Role::Source))
            .map(|(s, _)| s)
            .filter(|s| !s.is_empty());
        facts.tier = text(self.col(Role::Tier))
            .map(|(s, _)| s.trim().to_string())
            .filter(|s| !s.is_empty() && !number::is_missing(s));
        Some(facts)
    }

    /// The figure in one cell, or `None` (reported) when it cannot be read.
    fn figure(&mut self, r: usize, c: usize, ctx: &Context, facts: &RowFacts) -> Option<Figure> {
        let cell = self.table.cell(r, c);
        if let Cell::Text(s) = cell {
            if number::is_missing(s) {
                return None;
            }
        }
        if cell.is_empty() {
            return None;
        }
        let at = self.table.at(r, c);
        let when = (facts.when.as_ref())
            .or(ctx.when.as_ref())
            .or(self.given.when.as_ref())
            .cloned();
        let Some(when) = when else {
            self.report(at, ImportFinding::error, M::NoPeriod);
            return None;
        };
        let named = ctx
            .indicator
            .as_ref()
            .or(facts.indicator.as_ref())
            .or(self.given.indicator.as_ref());
        let Some(named) = named.cloned().map(|n| n.within(self.given.family)) else {
            self.report(at, ImportFinding::error, M::NoIndicator);
            return None;
        };
        if let Named::AnyOf(ids) = &named {
            let head = self.table.at(self.header.row, c);
            let ids = ids.clone();
            self.report(head, ImportFinding::error, M::WhichIndex { ids });
            return None;
        }
        let measure = ctx.measure.or(facts.measure).unwrap_or(Measure::Value);
        let Some(id) = indicator::id_for(&named, measure) else {
            let head = self.table.at(self.header.row, c);
            let indicator = match named {
                Named::Id(id) => id.clone(),
                Named::Family(f) => f.to_string(),
                Named::AnyOf(ids) => ids.join(" / "),
            };
            self.report(head, ImportFinding::error, M::NoRank { indicator });
            return None;
        };
        let unit = self.unit(ctx, facts, &when, &at)?;
        let value = self.value(cell, &id, &at)?;
        let tier = facts.tier.clone().filter(|_| id.ends_with(".score"));
        Some(Figure {
            unit,
            indicator: id,
            when,
            value,
            of: (measure == Measure::Rank).then_some(facts.of).flatten(),
            source: facts.source.clone(),
            tier,
            at,
        })
    }

    fn unit(
        &mut self,
        ctx: &Context,
        facts: &RowFacts,
        when: &When,
        at: &CellRef,
    ) -> Option<&'static Province> {
        let (name, name_at) = match (&ctx.unit, &facts.unit, &self.given.unit) {
            (Some(name), _, _) => (
                name.clone(),
                self.table.at(self.header.row, at.col.unwrap_or(0)),
            ),
            (None, Some((name, name_at)), _) => (name.clone(), name_at.clone()),
            (None, None, Some(name)) => (name.clone(), self.table.at(self.header.row, 0)),
            (None, None, None) => {
                self.report(at.clone(), ImportFinding::error, M::NoUnit);
                return None;
            }
        };
        match provinces::resolve(&name, when.period.end()) {
            Ok(p) => Some(p),
            Err(Miss::Unknown { suggestions }) => {
                self.report(
                    name_at,
                    ImportFinding::error,
                    M::UnknownUnit {
                        text: name,
                        suggestions,
                    },
                );
                None
            }
            Err(Miss::NotInForce { unit }) => {
                let period = when.period.to_string();
                self.report(
                    at.clone(),
                    ImportFinding::error,
                    M::UnitNotInForce {
                        text: name,
                        unit,
                        period,
                    },
                );
                None
            }
        }
    }

    /// The cell's number; an ambiguous `1.234` read by the indicator's kind.
    fn value(&mut self, cell: &Cell, id: &str, at: &CellRef) -> Option<f64> {
        let kind = self.catalogue.get(id).map(|d| d.kind);
        let text = match cell {
            Cell::Number(n) if kind == Some(Kind::Percent) && n.abs() <= 1.0 => {
                // A cell formatted as a percentage stores 80,05 % as 0.8005; no index in
                // percent is ever at 1 % or below.
                let head = self.table.at(self.header.row, at.col.unwrap_or(0));
                let indicator = id.to_string();
                self.report(
                    head,
                    ImportFinding::warning,
                    M::FractionAsPercent { indicator },
                );
                return format!("{:.10}", n * 100.0).parse().ok();
            }
            Cell::Number(n) => return Some(*n),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Empty => return None,
        };
        let Some(n) = number::parse(&text) else {
            self.report(at.clone(), ImportFinding::error, M::BadNumber { text });
            return None;
        };
        if n.percent && kind != Some(Kind::Percent) {
            let indicator = id.to_string();
            self.report(
                at.clone(),
                ImportFinding::error,
                M::PercentNotPercent { text, indicator },
            );
            return None;
        }
        match n.reading {
            Reading::Exact(v) => Some(v),
            Reading::Ambiguous {
                separator,
                grouped,
                decimal,
            } => {
                let whole = matches!(kind, Some(Kind::Count | Kind::Rank));
                let (read, other) = if whole {
                    (grouped, decimal)
                } else {
                    (decimal, grouped)
                };
                // A table whose other cells show the convention leaves no doubt.
                let agrees = match self.convention {
                    Convention::DecimalComma => whole == (separator == '.'),
                    Convention::DecimalDot => whole == (separator == ','),
                    Convention::Unknown => false,
                };
                if !agrees {
                    let indicator = id.to_string();
                    let m = M::Ambiguous {
                        text,
                        read,
                        other,
                        indicator,
                    };
                    self.report(at.clone(), ImportFinding::warning, m);
                }
                Some(read)
            }
        }
    }
}
