//! Delimited text as spreadsheets save it and Excel pastes it: quoted fields (with `""` and
//! line breaks inside), CRLF, a byte-order mark, UTF-16 "Unicode text", and the delimiter
//! (tab, `;` or `,`) sniffed from the lines themselves.

use crate::import::table::Table;

/// Why bytes are not a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    /// Not UTF-8 (nor UTF-16 with a byte-order mark); the offset of the first bad byte.
    NotUtf8 { at: usize },
}

/// Decodes UTF-8 (with or without a BOM) or BOM-marked UTF-16, as Excel's text exports are.
pub fn decode(bytes: &[u8]) -> Result<String, TextError> {
    let utf16 = |big: bool, rest: &[u8]| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| {
                let pair = [
                    p.first().copied().unwrap_or(0),
                    p.get(1).copied().unwrap_or(0),
                ];
                if big {
                    u16::from_be_bytes(pair)
                } else {
                    u16::from_le_bytes(pair)
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| TextError::NotUtf8 { at: 0 })
    };
    match bytes {
        [0xff, 0xfe, rest @ ..] => utf16(false, rest),
        [0xfe, 0xff, rest @ ..] => utf16(true, rest),
        _ => {
            let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
            std::str::from_utf8(body)
                .map(str::to_string)
                .map_err(|e| TextError::NotUtf8 {
                    at: e.valid_up_to() + (bytes.len() - body.len()),
                })
        }
    }
}

/// Reads delimited text into a table named `sheet`, sniffing the delimiter.
pub fn table(sheet: &str, text: &str) -> Table {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Table::from_text(sheet, parse(text, sniff(text)))
}

/// The delimiter that splits the first lines most consistently: tab, then `;`, then `,`
/// on a tie (a Vietnamese CSV with decimal commas uses `;`, a paste from Excel uses tabs).
pub fn sniff(text: &str) -> char {
    const CANDIDATES: [char; 3] = ['\t', ';', ','];
    let sample: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let mut best = (',', 0usize, 0usize);
    for d in CANDIDATES {
        let rows = parse(&sample, d);
        let Some(header) = rows.iter().find(|r| r.len() > 1).map(Vec::len) else {
            continue;
        };
        let agreeing = rows.iter().filter(|r| r.len() == header).count();
        if (agreeing, header) > (best.1, best.2) {
            best = (d, agreeing, header);
        }
    }
    best.0
}

/// Splits text into rows of fields (RFC 4180, lenient: a stray quote inside a field is kept).
pub fn parse(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at_field_start = true;
            }
            _ if c == delimiter => {
                row.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !row.is_empty() || quoted {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quotes_crlf_and_embedded_breaks() {
        let rows = parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\r\n", ',');
        assert_eq!(
            rows,
            vec![vec!["a", "b,c", "say \"hi\""], vec!["two\nlines", "", "x"]]
        );
        assert_eq!(parse("", ','), Vec::<Vec<String>>::new());
        assert_eq!(parse("a;b", ';'), vec![vec!["a", "b"]]);
    }

    #[test]
    fn sniffs_the_delimiter() {
        assert_eq!(sniff("Tỉnh\t2019\t2020\nTây Ninh\t67,05\t64,16\n"), '\t');
        assert_eq!(sniff("Tỉnh;2019;2020\nTây Ninh;67,05;64,16\n"), ';');
        assert_eq!(sniff("Tỉnh,2019,2020\nTây Ninh,\"67,05\",\"64,16\"\n"), ',');
        assert_eq!(sniff("unit,value\nx,1\n"), ',');
    }

    #[test]
    fn decodes_boms_and_rejects_other_encodings() {
        assert_eq!(decode(b"\xef\xbb\xbfT\xc3\xa2y").unwrap(), "Tây");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Tây\t1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap(), "Tây\t1");
        // Windows-1258 "Tây": 0xE2 is not UTF-8 here.
        assert_eq!(decode(b"T\xe2y"), Err(TextError::NotUtf8 { at: 1 }));
        let t = table("", "\u{feff}a;b\r\n1;2\r\n");
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.cell(1, 1).shown(), "2");
    }
}
