//! The wording of every message in Vietnamese and English, kept as data: `{0}`, `{1}`… stand
//! for the values a message quotes, in the order `Message::text` gives them.

use crate::contract::lang::Lang;

/// One message in both languages.
pub(super) struct Words {
    vi: &'static str,
    en: &'static str,
}

impl Words {
    /// The message in `lang` with its placeholders filled; a placeholder with no value is kept.
    pub(super) fn fill(&self, lang: Lang, values: &[String]) -> String {
        let template = lang.pick(self.vi, self.en);
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let tail = &rest[start..];
            let value = match tail.as_bytes() {
                [b'{', d @ b'0'..=b'9', b'}', ..] => values.get(usize::from(d - b'0')),
                _ => None,
            };
            match value {
                Some(v) => {
                    out.push_str(v);
                    rest = &tail[3..];
                }
                None => {
                    out.push('{');
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

const fn words(vi: &'static str, en: &'static str) -> Words {
    Words { vi, en }
}

// The file as a whole: reading it, its envelope and its checksum.
pub(super) const EMPTY: Words = words(
    "tệp rỗng, không có dữ liệu JSON",
    "the file is empty: no JSON in it",
);
pub(super) const TRUNCATED: Words = words(
    "tệp bị cắt cụt: JSON kết thúc giữa chừng ({0})",
    "the file is truncated: the JSON ends too early ({0})",
);
pub(super) const SYNTAX: Words = words("không phải JSON hợp lệ: {0}", "not valid JSON: {0}");
pub(super) const NOT_AN_OBJECT: Words = words(
    "tệp phải là một đối tượng JSON { … }",
    "the file must be a JSON object { … }",
);
pub(super) const MISSING_FORMAT: Words = words(
    "thiếu trường \"format\": tệp số liệu ghi \"format\": \"chiso-metrics/1\"",
    "no \"format\" field: a metric file says \"format\": \"chiso-metrics/1\"",
);
pub(super) const WRONG_FORMAT: Words = words(
    "định dạng \"{0}\" không được hỗ trợ; cần \"{1}\"",
    "format \"{0}\" is not supported; expected \"{1}\"",
);
pub(super) const NEWER_FORMAT: Words = words(
    "định dạng \"{0}\" mới hơn phiên bản ứng dụng này đọc được (chiso-metrics/1); hãy cập nhật ứng dụng",
    "format \"{0}\" is newer than this version reads (chiso-metrics/1); update the dashboard",
);
pub(super) const CHECKSUM_MISMATCH: Words = words(
    "tệp không khớp mã sha256 trong manifest (cần {0}, có {1}): có thể đã bị sửa, nên bị từ chối",
    "the file's sha256 does not match the manifest (expected {0}, got {1}): it may have been tampered with and is rejected",
);
pub(super) const BAD_CHECKSUM: Words = words(
    "\"sha256\" phải gồm 64 ký tự hex, có \"{0}\"",
    "\"sha256\" must be 64 hex digits, found \"{0}\"",
);
pub(super) const UNREADABLE: Words = words("không đọc được tệp: {0}", "cannot read the file: {0}");

// Where a text stops being JSON (quoted in SYNTAX and TRUNCATED).
pub(super) const WITHIN_VALUE: Words = words("giữa một giá trị", "inside a value");
pub(super) const WITHIN_STRING: Words = words("giữa một chuỗi", "inside a string");
pub(super) const WITHIN_ARRAY: Words = words("giữa một mảng [ … ]", "inside an array [ … ]");
pub(super) const WITHIN_OBJECT: Words = words("giữa một đối tượng { … }", "inside an object { … }");
pub(super) const EXPECTED_VALUE: Words = words(
    "cần một giá trị JSON (chuỗi trong dấu nháy kép, số, true, false, null, [ … ] hoặc { … })",
    "expected a JSON value (a string in double quotes, a number, true, false, null, [ … ] or { … })",
);
pub(super) const EXPECTED_COLON: Words = words(
    "cần dấu \":\" sau tên trường",
    "expected \":\" after the field name",
);
pub(super) const EXPECTED_COMMA: Words =
    words("cần dấu \",\" hoặc \"{0}\"", "expected \",\" or \"{0}\"");
pub(super) const KEY_NOT_STRING: Words = words(
    "tên trường phải là chuỗi trong dấu nháy kép",
    "a field name must be a string in double quotes",
);
pub(super) const TRAILING_COMMA: Words = words(
    "thừa dấu \",\" trước dấu đóng",
    "a comma before the closing bracket",
);
pub(super) const TRAILING_TEXT: Words = words(
    "còn nội dung sau khi JSON đã kết thúc",
    "more text after the end of the JSON",
);
pub(super) const BAD_NUMBER: Words = words(
    "số không viết đúng dạng JSON",
    "a number not written as JSON writes numbers",
);
pub(super) const BAD_ESCAPE: Words = words(
    "ký tự thoát sau \\ không hợp lệ",
    "an invalid escape after \\",
);
pub(super) const CONTROL_CHARACTER: Words = words(
    "ký tự điều khiển (như tab, xuống dòng) trong chuỗi phải viết là \\t, \\n…",
    "a control character (such as a tab or line break) inside a string must be written \\t, \\n…",
);
pub(super) const BAD_LITERAL: Words =
    words("cần true, false hoặc null", "expected true, false or null");
pub(super) const TOO_DEEP: Words =
    words("lồng nhau quá {0} cấp", "nested more than {0} levels deep");
pub(super) const NOT_UTF8: Words = words(
    "byte {0} không phải văn bản UTF-8",
    "byte {0} is not UTF-8 text",
);

// An entry's fields, and the ids and names they refer to.
pub(super) const MISSING: Words = words(
    "thiếu trường bắt buộc \"{0}\"",
    "the required field \"{0}\" is missing",
);
pub(super) const WRONG_TYPE: Words = words("cần {0}, nhưng có {1}", "expected {0}, found {1}");
pub(super) const UNKNOWN_FIELD: Words = words(
    "trường \"{0}\" không có trong định dạng nên bị bỏ qua (gõ nhầm?)",
    "field \"{0}\" is not part of the format and is ignored (a typo?)",
);
pub(super) const UNKNOWN_UNIT: Words = words(
    "đơn vị \"{0}\" chưa được khai báo, cũng không có trong danh mục tỉnh, thành",
    "unit \"{0}\" is not declared, nor in the register of provinces",
);
pub(super) const UNKNOWN_INDICATOR: Words = words(
    "chỉ tiêu \"{0}\" không có trong danh mục và không được khai báo trong \"indicators\"",
    "indicator \"{0}\" is neither in the catalogue nor declared in \"indicators\"",
);
pub(super) const UNKNOWN_SOURCE: Words = words(
    "nguồn \"{0}\" không có trong \"sources\"",
    "source \"{0}\" is not listed in \"sources\"",
);
pub(super) const UNKNOWN_LEVEL: Words = words(
    "cấp \"{0}\" không hợp lệ; dùng nation, province, district, commune hoặc agency",
    "level \"{0}\" is not one of nation, province, district, commune, agency",
);
pub(super) const UNKNOWN_REFERENCE: Words = words(
    "\"{0}\" trỏ tới đơn vị \"{1}\" chưa được khai báo, cũng không có trong danh mục tỉnh, thành",
    "\"{0}\" names unit \"{1}\", which is neither declared nor in the register of provinces",
);
pub(super) const BAD_PERIOD: Words = words("kỳ \"{0}\" {1}", "period \"{0}\" {1}");
pub(super) const BAD_DATE: Words = words(
    "ngày \"{0}\" không đúng dạng YYYY-MM-DD",
    "date \"{0}\" is not a date YYYY-MM-DD",
);
pub(super) const EMPTY_ID: Words = words(
    "mã (\"id\") không được để trống",
    "the \"id\" must not be empty",
);
pub(super) const DUPLICATE_ID: Words = words(
    "mã \"{0}\" được khai báo hai lần với nội dung khác nhau; dùng khai báo sau",
    "\"{0}\" is declared twice, differently; the later declaration is used",
);
pub(super) const DIFFERS_FROM_REGISTER: Words = words(
    "\"{1}\" của \"{0}\" là {2} trong tệp, {3} trong danh mục tỉnh, thành có sẵn; dùng khai báo của tệp",
    "\"{1}\" of \"{0}\" is {2} here, {3} in the register of provinces; the file's declaration is used",
);
pub(super) const BUILTIN_REDEFINED: Words = words(
    "\"{0}\" là chỉ tiêu có sẵn trong danh mục; khai báo lại bị bỏ qua",
    "\"{0}\" is a built-in indicator; redefining it is ignored",
);
pub(super) const BAD_INDICATOR: Words = words(
    "khai báo chỉ tiêu không hợp lệ: {0}",
    "invalid indicator definition: {0}",
);

// Details of a bad indicator definition (quoted in BAD_INDICATOR).
pub(super) const FIELD: Words = words("\"{0}\": {1}", "\"{0}\": {1}");
pub(super) const TWICE: Words = words(
    "trường \"{0}\" được ghi hai lần",
    "the field \"{0}\" is given twice",
);
pub(super) const NOT_ONE_OF: Words = words(
    "\"{0}\" phải là một trong {1}, nhưng có \"{2}\"",
    "\"{0}\" must be one of {1}, found \"{2}\"",
);

// Values, and the sums dossier figures must add up to.
pub(super) const NOT_FINITE: Words = words(
    "giá trị {0} quá lớn, không phải một số hữu hạn",
    "value {0} is too large to be a finite number",
);
pub(super) const NEGATIVE: Words = words(
    "số đếm không thể âm ({0})",
    "a count cannot be negative ({0})",
);
pub(super) const NOT_WHOLE: Words = words(
    "số đếm {0} không phải số nguyên",
    "count {0} is not a whole number",
);
pub(super) const OUT_OF_SCALE: Words = words(
    "giá trị {0} nằm ngoài thang điểm {1}–{2}",
    "value {0} is outside the scale {1}–{2}",
);
pub(super) const RANK_OUT_OF_RANGE: Words = words(
    "thứ hạng {0} nằm ngoài 1–{1} (\"of\": {1})",
    "rank {0} is outside 1–{1} (\"of\": {1})",
);
pub(super) const RANK_NOT_FROM_ONE: Words = words(
    "thứ hạng {0} phải là số nguyên từ 1",
    "rank {0} must be a whole number from 1",
);
pub(super) const RANK_WITHOUT_OF: Words = words(
    "thứ hạng nên ghi kèm \"of\" (số đơn vị được xếp hạng)",
    "a rank should give \"of\" (how many were ranked)",
);
pub(super) const SUM: Words = words(
    "số liệu {0} không khớp: {1} ({2} ≠ {3}); hiển thị đúng như công bố",
    "figures for {0} do not add up: {1} ({2} ≠ {3}); shown as published",
);
pub(super) const INTAKE: Words = words(
    "kỳ trước chuyển sang + trực tuyến + trực tiếp/bưu chính ≠ tiếp nhận",
    "carried over + online + in person/post ≠ received",
);
pub(super) const BALANCE: Words = words(
    "đã giải quyết + đang giải quyết ≠ tiếp nhận",
    "resolved + pending ≠ received",
);
pub(super) const TIMELINESS: Words = words(
    "đúng hạn + quá hạn ≠ đã giải quyết",
    "on time + late ≠ resolved",
);
pub(super) const ON_TIME_EXCEEDS_RESOLVED: Words = words(
    "số liệu {0}: giải quyết đúng hạn ({1}) lớn hơn tổng đã giải quyết ({2}); hiển thị đúng như công bố",
    "figures for {0}: resolved on time ({1}) exceeds resolved ({2}); shown as published",
);

// Two files giving different values for the same figure.
pub(super) const CONFLICT_DROPPED: Words = words(
    "trùng đơn vị, chỉ tiêu và kỳ với {0} nhưng khác giá trị ({1} và {2}); giá trị {2} (công bố sau) được dùng, giá trị này bị bỏ",
    "same unit, indicator and period as {0} with a different value ({1} vs {2}); {2} (published later) is used and this one is dropped",
);
pub(super) const CONFLICT_KEPT: Words = words(
    "trùng với {0} nhưng khác giá trị ({1} và {2}); giá trị này (công bố sau) được dùng",
    "conflicts with {0} ({1} vs {2}); this value (published later) is used",
);

// A figure of a unit for a time after it was merged into another.
pub(super) const AFTER_MERGER: Words = words(
    "số liệu {0} của một đơn vị đã sáp nhập vào {1} sau ngày {2}: số liệu từ đó thuộc về {1}; hiển thị đúng như công bố",
    "a figure for {0} of a unit merged into {1} after {2}: figures since then belong to {1}; shown as published",
);
pub(super) const JUMP: Words = words(
    "số đếm kỳ {0} là {1}: gấp 10 lần trở lên, hoặc chỉ bằng một phần mười trở xuống, so với {2} của kỳ {3}; hãy kiểm tra lại (thừa chữ số 0, nhầm đơn vị?); vẫn hiển thị đúng như công bố",
    "the count for {0} is {1}: ten times or more, or a tenth or less, of {2} for {3}; please check it (extra zeros, a wrong unit?); shown as published",
);
pub(super) const HUGE: Words = words(
    "số đếm kỳ {0} là {1}: từ một tỷ trở lên, không đơn vị nào có trong một kỳ; hãy kiểm tra lại (chữ số dính liền, lỗi xuất tệp?); vẫn hiển thị đúng như công bố",
    "the count for {0} is {1}: a billion or more, which no unit has in one period; please check it (digits run together, an export error?); shown as published",
);
pub(super) const COMPONENT_YEAR: Words = words(
    "chỉ số thành phần này không được công bố cho kỳ {0} (công bố {1}–{2}, trừ các năm in N/A); hãy kiểm tra lại năm; vẫn hiển thị đúng như công bố",
    "this component is not published for {0} (published {1}–{2}, except years printed N/A); please check the year; shown as published",
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_and_keeps_other_braces() {
        let w = words("{0} và {1} {{ … }}", "{1} then {0}, { … } {2}");
        let values = ["a".to_string(), "b".to_string()];
        assert_eq!(w.fill(Lang::Vi, &values), "a và b {{ … }}");
        assert_eq!(w.fill(Lang::En, &values), "b then a, { … } {2}");
    }
}
