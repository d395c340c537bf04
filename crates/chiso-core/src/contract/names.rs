//! Forgiving comparison of names as people type them: Vietnamese diacritics, case, spacing and
//! punctuation folded away, and an edit distance for "did you mean" suggestions.

/// Vietnamese letters with their marks, by the base letter they fold to.
const MARKED: [(char, &str); 7] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
    ('d', "đ"),
];

fn is_combining_mark(c: char) -> bool {
    // Text typed on some systems arrives decomposed: a base letter, then its marks.
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1dc0}'..='\u{1dff}')
}

/// Lower case without diacritics: `Đắk Lắk` → `dak lak`. Other characters are kept.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        if is_combining_mark(c) {
            continue;
        }
        let base = MARKED
            .iter()
            .find(|(_, marked)| marked.contains(c))
            .map_or(c, |&(b, _)| b);
        out.push(base);
    }
    out
}

/// The folded words of `s`, split at anything that is not a letter or digit.
pub fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// One comparable key: the folded words run together (`Bà Rịa - Vũng Tàu` → `bariavungtau`).
pub fn key(s: &str) -> String {
    words(s).concat()
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitute.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("ĐẮK LẮK"), "dak lak");
        assert_eq!(fold("Thừa Thiên Huế"), "thua thien hue");
        // Decomposed input: `e` + circumflex + acute.
        assert_eq!(fold("Hue\u{302}\u{301}"), "hue");
        assert_eq!(key("Bà Rịa – Vũng Tàu"), "bariavungtau");
        assert_eq!(words("TP.HCM"), ["tp", "hcm"]);
    }

    #[test]
    fn measures_edits() {
        assert_eq!(edit_distance("tayninh", "tayninh"), 0);
        assert_eq!(edit_distance("tayninh", "tayniinh"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
