//! Finding a table's header and what each column holds, in Vietnamese or English: the unit,
//! indicator, period, label, source and `of` columns of a long table, and figure columns
//! whose header says what their figures are (`2019`, `Quý II/2020`, `Xếp hạng 2019`,
//! `Hồ sơ tiếp nhận`, `Tây Ninh`). Headers may take two rows (`2019` over `Điểm | Xếp hạng`).

use crate::contract::names::key;
use crate::contract::provinces;
use crate::import::indicator::{self, Measure, Named};
use crate::import::table::{Cell, Table};
use crate::import::when::{self, When};

/// What a figure column's header says about every figure in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Context {
    pub measure: Option<Measure>,
    pub indicator: Option<Named>,
    pub when: Option<When>,
    /// A unit's name as written, for tables with units across.
    pub unit: Option<String>,
}

impl Context {
    /// This context, with what it leaves open taken from `outer` (a header row above).
    fn within(self, outer: &Context) -> Context {
        Context {
            measure: self.measure.or(outer.measure),
            indicator: self.indicator.or_else(|| outer.indicator.clone()),
            when: self.when.or_else(|| outer.when.clone()),
            unit: self.unit.or_else(|| outer.unit.clone()),
        }
    }

    fn is_measure_only(&self) -> bool {
        self.when.is_none() && self.unit.is_none()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    Unit,
    Indicator,
    Period,
    Label,
    Source,
    Of,
    /// A published tier (`Rất tốt`, `Khá`): a word kept with the score, never a figure.
    Tier,
    Ignore,
    Figures(Context),
}

const ROLES: [(&[&str], Role); 8] = [
    (
        &[
            "donvi",
            "tendonvi",
            "tinh",
            "tinhthanh",
            "tinhthanhpho",
            "tinhtp",
            "diaphuong",
            "tentinh",
            "tentinhthanh",
            "tentinhthanhpho",
            "unit",
            "province",
            "provinces",
            "provincecity",
            "locality",
            "donvihanhchinh",
        ],
        Role::Unit,
    ),
    (
        &[
            "chiso",
            "chitieu",
            "tenchitieu",
            "tenchiso",
            "indicator",
            "index",
            "noidung",
            "metric",
            "chisothanhphan",
            "thanhphan",
            "linhvuc",
            "subindex",
            "subindices",
            "component",
            "components",
            "dimension",
            "dimensions",
        ],
        Role::Indicator,
    ),
    (
        &[
            "tier",
            "pcitier",
            "xeploai",
            "xeploaipci",
            "rankinggroup",
            "nhomxephang",
        ],
        Role::Tier,
    ),
    (
        &[
            "ky",
            "kybaocao",
            "nam",
            "thoigian",
            "period",
            "year",
            "quy",
            "thang",
            "kydanhgia",
            "quarter",
            "month",
            "namdanhgia",
        ],
        Role::Period,
    ),
    (
        &["nhan", "nhanky", "tenky", "label", "periodlabel"],
        Role::Label,
    ),
    (&["nguon", "nguonsolieu", "source"], Role::Source),
    (
        &[
            "trongso",
            "sodonvixephang",
            "sotinhxephang",
            "tongsodonvixephang",
            "of",
            "outof",
            "ranked",
        ],
        Role::Of,
    ),
    (
        &[
            "stt", "tt", "no", "sott", "sothutu", "ma", "matinh", "code", "ghichu", "note",
            "notes", "vung", "region",
        ],
        Role::Ignore,
    ),
];

/// The most words a header naming a period and a measure has (`Xếp hạng PCI quý III năm 2019`
/// has seven).
const HEADER_WORDS: usize = 16;

/// What one header cell says its column holds; `None` for a blank or unrecognised cell.
pub fn classify(cell: &Cell) -> Option<Role> {
    if let Cell::Number(_) = cell {
        return when::parse_cell(cell).map(|w| figures(None, None, Some(w)));
    }
    let text = cell.shown();
    let k = key(&text);
    if k.is_empty() {
        return None;
    }
    if let Some((_, role)) = ROLES.iter().find(|(keys, _)| keys.contains(&k.as_str())) {
        return Some(role.clone());
    }
    let chunks: Vec<&str> = text.split_whitespace().collect();
    // A period with measure or indicator words before or after it: `Xếp hạng 2019`. Every
    // split is tried, so only in cells of header length: a pasted paragraph would take minutes.
    let splits = if chunks.len() <= HEADER_WORDS {
        chunks.len()
    } else {
        0
    };
    for split in 0..splits {
        let (head, tail) = chunks.split_at(split);
        for (period, words) in [(tail, head), (head, tail)] {
            let Some(w) = when::parse(&period.join(" ")) else {
                continue;
            };
            if let Some((measure, named)) = measured(&words.join(" ")) {
                return Some(figures(measure, named, Some(w)));
            }
        }
    }
    if let Some((measure, named)) = measured(&text) {
        return Some(figures(measure, named, None));
    }
    if !provinces::lookup(&text).is_empty() {
        return Some(Role::Figures(Context {
            unit: Some(text.into_owned()),
            ..Context::default()
        }));
    }
    None
}

fn figures(measure: Option<Measure>, indicator: Option<Named>, when: Option<When>) -> Role {
    Role::Figures(Context {
        measure,
        indicator,
        when,
        unit: None,
    })
}

/// Measure words and an indicator name, and nothing else: `Điểm PCI`, `Xếp hạng`, `PCI`, ``.
fn measured(text: &str) -> Option<(Option<Measure>, Option<Named>)> {
    let (measure, rest) = indicator::measure(text);
    if rest.is_empty() {
        return Some((measure, None));
    }
    indicator::named(&rest.join(" ")).map(|n| (measure, Some(n)))
}

/// A table's header: what each column holds, and the first row of data.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// The (first) header row, 0-based.
    pub row: usize,
    pub columns: Vec<Option<Role>>,
    pub data_from: usize,
}

impl Header {
    pub fn find_role(&self, role: &Role) -> Option<usize> {
        self.columns.iter().position(|r| r.as_ref() == Some(role))
    }

    pub fn figure_columns(&self) -> impl Iterator<Item = (usize, &Context)> {
        self.columns
            .iter()
            .enumerate()
            .filter_map(|(c, r)| match r {
                Some(Role::Figures(ctx)) => Some((c, ctx)),
                _ => None,
            })
    }
}

/// Rows above a header are titles; a header names where the unit comes from and has figures.
const SEARCH_ROWS: usize = 30;

pub fn find(table: &Table) -> Option<Header> {
    let width = table.width();
    let roles = |r: usize| -> Vec<Option<Role>> {
        row_names((0..width).map(|c| classify(table.cell(r, c))).collect())
    };
    let row = (0..table.rows.len().min(SEARCH_ROWS)).find(|&r| is_header(&roles(r)))?;
    let columns = roles(row);
    let below = roles(row + 1);
    if is_sub_header(&columns, &below) {
        return Some(Header {
            row,
            columns: merge(&columns, &below),
            data_from: row + 2,
        });
    }
    if let Some(above) = row.checked_sub(1).map(roles).filter(|a| is_upper_header(a)) {
        return Some(Header {
            row: row - 1,
            columns: merge(&above, &columns),
            data_from: row + 1,
        });
    }
    Some(Header {
        row,
        columns,
        data_from: row + 1,
    })
}

/// A province profile's corner: `Năm` / `Year` over its first column, with years across, labels
/// the years; the column under it holds the rows' names (the components).
fn row_names(mut roles: Vec<Option<Role>>) -> Vec<Option<Role>> {
    let mut figures = roles
        .iter()
        .flatten()
        .filter(|r| matches!(r, Role::Figures(_)));
    let years_across = figures.clone().next().is_some()
        && figures.all(|r| matches!(r, Role::Figures(c) if c.when.is_some()));
    if years_across && roles.first() == Some(&Some(Role::Period)) {
        roles[0] = Some(Role::Indicator);
    }
    roles
}

fn is_header(roles: &[Option<Role>]) -> bool {
    let has = |role: Role| roles.iter().any(|r| r.as_ref() == Some(&role));
    let figure_units = roles
        .iter()
        .any(|r| matches!(r, Some(Role::Figures(c)) if c.unit.is_some()));
    let figures = roles
        .iter()
        .filter(|r| matches!(r, Some(Role::Figures(_))))
        .count();
    let figure_times = roles
        .iter()
        .any(|r| matches!(r, Some(Role::Figures(c)) if c.when.is_some()));
    // A province profile: component rows, years across, the unit named elsewhere.
    let profile = has(Role::Indicator) && figure_times;
    figures > 0 && (has(Role::Unit) || (figure_units && has(Role::Period)) || profile)
}

/// A row of measure words under periods: `| Điểm | Xếp hạng | Điểm | Xếp hạng`, with a word
/// under every period (a row of figures under them is data: a profile's first component).
fn is_sub_header(header: &[Option<Role>], roles: &[Option<Role>]) -> bool {
    let mut figures = roles.iter().flatten().peekable();
    let under_every = header.iter().enumerate().all(|(c, r)| {
        !matches!(r, Some(Role::Figures(_))) || roles.get(c).is_some_and(Option::is_some)
    });
    under_every
        && figures.peek().is_some()
        && figures
            .all(|r| matches!(r, Role::Figures(c) if c.is_measure_only()) || *r == Role::Ignore)
}

/// A row of periods over the header: `| 2019 | | 2020 | |`.
fn is_upper_header(roles: &[Option<Role>]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, Some(Role::Figures(c)) if c.when.is_some()))
}

/// Two header rows as one: the upper row's merged cells (shown in their first column, blank
/// after) give their context to every figure column below them.
fn merge(upper: &[Option<Role>], lower: &[Option<Role>]) -> Vec<Option<Role>> {
    let mut spanning: Option<&Context> = None;
    let width = upper.len().max(lower.len());
    (0..width)
        .map(|c| {
            let up = upper.get(c).cloned().flatten();
            if let Some(Role::Figures(ctx)) = upper.get(c).and_then(Option::as_ref) {
                spanning = Some(ctx);
            } else if up.is_some() {
                spanning = None;
            }
            match (lower.get(c).cloned().flatten(), up) {
                (Some(Role::Figures(low)), _) => {
                    let outer = spanning.cloned().unwrap_or_default();
                    Some(Role::Figures(low.within(&outer)))
                }
                (Some(role), _) => Some(role),
                (None, up) => up,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(s: &str) -> Option<Role> {
        classify(&Cell::text(s))
    }

    fn ctx(s: &str) -> Context {
        match role(s) {
            Some(Role::Figures(c)) => c,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn names_columns_in_both_languages() {
        assert_eq!(role("Đơn vị"), Some(Role::Unit));
        assert_eq!(role("Tỉnh/thành"), Some(Role::Unit));
        assert_eq!(role("Province"), Some(Role::Unit));
        assert_eq!(role("Chỉ tiêu"), Some(Role::Indicator));
        assert_eq!(role("Kỳ"), Some(Role::Period));
        assert_eq!(role("Năm"), Some(Role::Period));
        assert_eq!(role("STT"), Some(Role::Ignore));
        assert_eq!(ctx("Giá trị").measure, Some(Measure::Value));
        assert_eq!(ctx("Xếp hạng").measure, Some(Measure::Rank));
        assert_eq!(role("BẢNG XẾP HẠNG PCI NĂM 2020"), None);
    }

    #[test]
    fn reads_what_figure_headers_say() {
        assert_eq!(ctx("2019").when.unwrap().period.to_string(), "2019");
        assert_eq!(
            ctx("Quý II/2020").when.unwrap().period.to_string(),
            "2020-Q2"
        );
        let c = ctx("Xếp hạng 2019");
        assert_eq!(
            (c.measure, c.when.unwrap().period.to_string()),
            (Some(Measure::Rank), "2019".into())
        );
        let c = ctx("Điểm PCI 2019");
        assert_eq!(c.indicator, Some(Named::Family("pci")));
        assert_eq!(
            ctx("Hồ sơ tiếp nhận").indicator,
            Some(Named::Id("dossiers.received".into()))
        );
        assert_eq!(ctx("Tây Ninh").unit.as_deref(), Some("Tây Ninh"));
    }

    #[test]
    fn a_profiles_corner_year_labels_the_years_not_its_column() {
        let rows = |r: Vec<Vec<&str>>| {
            r.into_iter()
                .map(|r| r.into_iter().map(String::from).collect())
                .collect()
        };
        let profile = Table::from_text(
            "",
            rows(vec![
                vec!["Năm", "2018", "2019"],
                vec!["Tính minh bạch", "6,11", "6,85"],
            ]),
        );
        let h = find(&profile).unwrap();
        assert_eq!(h.columns[0], Some(Role::Indicator));
        assert_eq!(h.data_from, 1);
        // Periods down and units across keep their period column.
        let wide = Table::from_text(
            "",
            rows(vec![
                vec!["Năm", "Tây Ninh", "Bắc Kạn"],
                vec!["2019", "1", "2"],
            ]),
        );
        assert_eq!(find(&wide).unwrap().columns[0], Some(Role::Period));
    }

    #[test]
    fn finds_a_header_under_titles_and_over_a_measure_row() {
        let t = Table::from_text(
            "PCI",
            [
                vec!["BẢNG XẾP HẠNG PCI", "", "", "", ""],
                vec!["Tỉnh, thành phố", "2019", "", "2020", ""],
                vec!["", "Điểm", "Xếp hạng", "Điểm", "Xếp hạng"],
                vec!["Tây Ninh", "67,05", "15", "64,16", "24"],
            ]
            .into_iter()
            .map(|r| r.into_iter().map(String::from).collect())
            .collect(),
        );
        let h = find(&t).unwrap();
        assert_eq!((h.row, h.data_from), (1, 3));
        let cols: Vec<(usize, Option<Measure>, String)> = h
            .figure_columns()
            .map(|(c, x)| (c, x.measure, x.when.as_ref().unwrap().period.to_string()))
            .collect();
        assert_eq!(
            cols,
            [
                (1, Some(Measure::Value), "2019".into()),
                (2, Some(Measure::Rank), "2019".into()),
                (3, Some(Measure::Value), "2020".into()),
                (4, Some(Measure::Rank), "2020".into()),
            ]
        );
    }
}
