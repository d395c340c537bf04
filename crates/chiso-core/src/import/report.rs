//! What an import reports, by cell: `file:PCI!C7: error: …`, in the validator's style and in
//! Vietnamese or English. Messages are data, rendered only when shown.

use crate::contract::lang::Lang;
use crate::contract::provinces::Province;
use crate::import::table::CellRef;
use crate::ingest::finding::{clip, Message, Severity};
use std::fmt::Write;

#[derive(Clone, Debug, PartialEq)]
pub enum ImportMessage {
    /// Not UTF-8 text; the byte offset of the first bad byte.
    NotText {
        at: usize,
    },
    /// The spreadsheet could not be read.
    Unreadable {
        detail: String,
    },
    NoSheet {
        name: String,
    },
    NoHeader,
    NoPeriod,
    NoIndicator,
    NothingImported,
    UnknownIndicator {
        text: String,
    },
    /// A component name more than one index uses, in a table that names no index.
    WhichIndex {
        ids: Vec<String>,
    },
    NoRank {
        indicator: String,
    },
    UnknownUnit {
        text: String,
        suggestions: Vec<&'static Province>,
    },
    UnitNotInForce {
        text: String,
        unit: &'static Province,
        period: String,
    },
    NoUnit,
    NotAProvince {
        text: String,
    },
    BadPeriod {
        text: String,
    },
    BadNumber {
        text: String,
    },
    Ambiguous {
        text: String,
        read: f64,
        other: f64,
        indicator: String,
    },
    PercentNotPercent {
        text: String,
        indicator: String,
    },
    FractionAsPercent {
        indicator: String,
    },
    Duplicate {
        other: String,
        value: f64,
        kept: f64,
    },
    OfAssumed,
    /// What the validator says of the figure this cell became.
    Check(Message),
}

fn names(units: &[&Province], lang: Lang) -> String {
    units
        .iter()
        .map(|p| format!("{} ({})", p.name(lang), p.id))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ImportMessage {
    pub fn text(&self, lang: Lang) -> String {
        use ImportMessage as M;
        let vi = lang == Lang::Vi;
        let t = |v: String, e: String| if vi { v } else { e };
        match self {
            M::NotText { at } => t(
                format!("tệp không phải văn bản UTF-8 (byte {at}); hãy lưu dạng \"CSV UTF-8\""),
                format!("the file is not UTF-8 text (byte {at}); save it as \"CSV UTF-8\""),
            ),
            M::Unreadable { detail } => t(
                format!("không đọc được bảng tính: {detail}"),
                format!("cannot read the spreadsheet: {detail}"),
            ),
            M::NoSheet { name } => t(
                format!("không có trang tính \"{}\"", clip(name)),
                format!("there is no sheet \"{}\"", clip(name)),
            ),
            M::NoHeader => lang.pick(
                "không tìm thấy dòng tiêu đề: cần một cột đơn vị (\"Đơn vị\", \"Tỉnh/thành\") và cột số liệu (\"Giá trị\", \"Điểm\", \"Xếp hạng\", các năm, các kỳ)",
                "no header row found: a unit column (\"Unit\", \"Province\") and figure columns (\"Value\", \"Score\", \"Rank\", years, periods) are needed",
            ).into(),
            M::NoPeriod => lang.pick(
                "không rõ kỳ: cần cột \"Kỳ\"/\"Năm\", các kỳ làm tiêu đề cột, hoặc --period (ô \"Kỳ\" khi nhập trên trang)",
                "no period: add a \"Period\"/\"Year\" column or periods as column headers, or give --period (the import's \"Period\" field)",
            ).into(),
            M::WhichIndex { ids } => t(
                format!("tên này dùng cho nhiều chỉ số ({}): hãy ghi tên chỉ số ở tên trang tính, dòng tiêu đề hoặc --indicator", ids.join(", ")),
                format!("this name belongs to more than one index ({}): name the index in the sheet's name, a title row or --indicator", ids.join(", ")),
            ),
            M::NoIndicator => lang.pick(
                "không rõ chỉ tiêu: dùng --indicator, một cột \"Chỉ tiêu\", hoặc tên chỉ số trong tiêu đề (PCI, …)",
                "no indicator: give --indicator, an \"Indicator\" column, or the index's name in a header (PCI, …)",
            ).into(),
            M::NothingImported => lang.pick(
                "không có số liệu nào được nhập",
                "no figure was imported",
            ).into(),
            M::UnknownIndicator { text } => t(
                format!("\"{}\" không phải chỉ tiêu trong danh mục (mã như pci.score, tên như \"Hồ sơ tiếp nhận\", \"PCI\")", clip(text)),
                format!("\"{}\" is not a catalogue indicator (an id such as pci.score, a name such as \"Dossiers received\", \"PCI\")", clip(text)),
            ),
            M::NoRank { indicator } => t(
                format!("chỉ tiêu {indicator} không có thứ hạng; cột \"Xếp hạng\" chỉ dùng cho các chỉ số"),
                format!("{indicator} has no rank; a \"Rank\" column belongs to an index"),
            ),
            M::UnknownUnit { text, suggestions } => unknown_unit(text, suggestions, lang),
            M::UnitNotInForce { text, unit, period } => not_in_force(text, unit, period, lang),
            M::NoUnit => lang.pick(
                "có số liệu nhưng không rõ đơn vị: cần cột \"Tỉnh/thành\" hoặc --unit (ô \"Đơn vị\" khi nhập trên trang) cho hồ sơ một tỉnh",
                "figures with no unit: add a \"Province\" column, or give --unit (the import's \"Unit\" field) for one province's profile",
            ).into(),
            M::NotAProvince { text } => t(
                format!("bỏ qua dòng \"{}\": không phải một tỉnh, thành phố", clip(text)),
                format!("row \"{}\" skipped: not a province or city", clip(text)),
            ),
            M::BadPeriod { text } => t(
                format!("\"{}\" không phải một kỳ (ví dụ: 2020, Quý II/2020, 6 tháng đầu năm 2020, 28/5/2020 - 28/8/2020)", clip(text)),
                format!("\"{}\" is not a period (e.g. 2020, Q2 2020, H1 2020, 28/5/2020 - 28/8/2020)", clip(text)),
            ),
            M::BadNumber { text } => t(
                format!("\"{}\" không phải một số", clip(text)),
                format!("\"{}\" is not a number", clip(text)),
            ),
            M::Ambiguous { text, read, other, indicator } => t(
                format!("\"{}\" có thể là {read} hoặc {other}; đọc là {read} vì {indicator} là {}; hãy ghi rõ để khỏi nhầm", clip(text), kind_vi(*read)),
                format!("\"{}\" could be {read} or {other}; read as {read} because {indicator} is {}; write it unambiguously", clip(text), kind_en(*read)),
            ),
            M::PercentNotPercent { text, indicator } => t(
                format!("\"{}\" là phần trăm nhưng {indicator} không đo bằng phần trăm", clip(text)),
                format!("\"{}\" is a percentage but {indicator} is not measured in percent", clip(text)),
            ),
            M::FractionAsPercent { indicator } => t(
                format!("{indicator} tính bằng phần trăm: các ô từ 0 đến 1 ở cột này được hiểu là ô định dạng phần trăm (0,8005 = 80,05%) và nhân với 100"),
                format!("{indicator} is in percent: cells from 0 to 1 in this column are read as percent-formatted (0.8005 = 80.05%) and multiplied by 100"),
            ),
            M::Duplicate { other, value, kept } => t(
                format!("trùng đơn vị, chỉ tiêu và kỳ với ô {other} ({value} và {kept}); giữ giá trị ở {other}"),
                format!("same unit, indicator and period as cell {other} ({value} vs {kept}); the value at {other} is kept"),
            ),
            M::OfAssumed => lang.pick(
                "thứ hạng không ghi \"trên tổng số\": coi như xếp hạng trên mọi tỉnh, thành phố tại kỳ đó (63 trước 2025-07-01, 34 từ đó); thêm cột \"Số đơn vị xếp hạng\" nếu ít hơn",
                "ranks without \"of\": taken as out of every province on the period's date (63 before 2025-07-01, 34 from then); add an \"Of\" column if fewer were ranked",
            ).into(),
            M::Check(m) => m.text(lang),
        }
    }
}

fn unknown_unit(text: &str, suggestions: &[&Province], lang: Lang) -> String {
    let text = clip(text);
    match (suggestions.is_empty(), lang) {
        (true, Lang::Vi) => format!("\"{text}\" không phải tỉnh, thành phố trong danh mục"),
        (true, Lang::En) => format!("\"{text}\" is not a province or city in the register"),
        (false, Lang::Vi) => format!(
            "\"{text}\" không phải tỉnh, thành phố trong danh mục; có phải: {}?",
            names(suggestions, lang)
        ),
        (false, Lang::En) => format!(
            "\"{text}\" is not a province or city in the register; did you mean: {}?",
            names(suggestions, lang)
        ),
    }
}

fn not_in_force(text: &str, unit: &Province, period: &str, lang: Lang) -> String {
    let (text, id) = (clip(text), unit.id);
    let successor = unit
        .successor
        .and_then(crate::contract::provinces::get)
        .map(|s| format!(" → {} ({})", s.name(lang), s.id))
        .unwrap_or_default();
    match (unit.until(), lang) {
        (Some(until), Lang::Vi) => format!(
            "\"{text}\" ({id}) chỉ tồn tại đến {until}{successor}, không có số liệu kỳ {period}"
        ),
        (Some(until), Lang::En) => {
            format!("\"{text}\" ({id}) ended on {until}{successor}: no figures for {period}")
        }
        (None, Lang::Vi) => {
            format!("\"{text}\" ({id}) được thành lập từ 2025-07-01, không có số liệu kỳ {period}")
        }
        (None, Lang::En) => {
            format!("\"{text}\" ({id}) began on 2025-07-01: no figures for {period}")
        }
    }
}

fn kind_vi(read: f64) -> &'static str {
    if read.fract() == 0.0 {
        "số đếm (dấu chấm, phẩy ngăn hàng nghìn)"
    } else {
        "điểm số (dấu chấm, phẩy là dấu thập phân)"
    }
}

fn kind_en(read: f64) -> &'static str {
    if read.fract() == 0.0 {
        "a count (the separator groups thousands)"
    } else {
        "a score (the separator marks decimals)"
    }
}

/// One problem, at its cell when it has one.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFinding {
    pub severity: Severity,
    pub at: Option<CellRef>,
    pub message: ImportMessage,
}

impl ImportFinding {
    pub fn error(at: Option<CellRef>, message: ImportMessage) -> ImportFinding {
        ImportFinding {
            severity: Severity::Error,
            at,
            message,
        }
    }

    pub fn warning(at: Option<CellRef>, message: ImportMessage) -> ImportFinding {
        ImportFinding {
            severity: Severity::Warning,
            at,
            message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:PCI!C7: error: message`, as the validator writes its findings.
    pub fn line(&self, file: &str, lang: Lang) -> String {
        let mut s = file.to_string();
        if let Some(at) = &self.at {
            let _ = write!(s, ":{}", at.a1());
        }
        let _ = write!(
            s,
            ": {}: {}",
            self.severity.word(lang),
            self.message.text(lang)
        );
        s
    }

    pub fn to_json(&self, file: &str, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "file": file,
            "sheet": self.at.as_ref().map(|a| a.sheet.as_str()),
            "row": self.at.as_ref().map(|a| a.row + 1),
            "column": self.at.as_ref().and_then(|a| a.col).map(|c| c + 1),
            "cell": self.at.as_ref().map(CellRef::a1),
            "severity": self.severity,
            "message": self.message.text(lang),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_validators_line() {
        let f = ImportFinding::error(
            Some(CellRef {
                sheet: "PCI".into(),
                row: 6,
                col: Some(2),
            }),
            ImportMessage::BadNumber { text: "abc".into() },
        );
        assert_eq!(
            f.line("pci.xlsx", Lang::En),
            "pci.xlsx:PCI!C7: error: \"abc\" is not a number"
        );
        assert_eq!(
            f.line("pci.xlsx", Lang::Vi),
            "pci.xlsx:PCI!C7: lỗi: \"abc\" không phải một số"
        );
    }
}
