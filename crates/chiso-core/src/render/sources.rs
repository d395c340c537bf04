//! The source line in one line: the reports a chart cites summed up by what their titles
//! share, the years they cover and how many there are.

use crate::contract::lang::Lang;

/// "Báo cáo kết quả cải cách hành chính 2018–2025, 8 báo cáo", or the one report's title.
pub fn summary(sources: &[String], lang: Lang) -> String {
    match sources {
        [] => String::new(),
        [one] => one.clone(),
        all => {
            let span = match year_span(all) {
                Some((a, b)) if a != b => format!("{a}–{b}"),
                Some((a, _)) => a.to_string(),
                None => String::new(),
            };
            let what = format!("{} {span}", common_stem(all));
            let count = lang.pick("báo cáo", "reports");
            format!("{}, {} {count}", what.trim(), all.len())
        }
    }
}

/// The first and last years the titles name: `2018` in "… năm 2018 (số liệu minh họa)".
fn year_span(titles: &[String]) -> Option<(i32, i32)> {
    let mut span: Option<(i32, i32)> = None;
    for t in titles {
        for w in t
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
        {
            let y = w.bytes().fold(0, |y, d| y * 10 + i32::from(d - b'0'));
            if (1945..=2100).contains(&y) {
                span = Some(span.map_or((y, y), |(a, b)| (a.min(y), b.max(y))));
            }
        }
    }
    span
}

/// A title's words, split at spaces.
fn words_of(title: &str) -> impl Iterator<Item = &str> {
    title.split(' ').filter(|w| !w.is_empty())
}

/// The words every title starts with, up to the first that names a period, without a
/// dangling "năm", "quý" or "of": "Báo cáo kết quả cải cách hành chính".
fn common_stem(titles: &[String]) -> String {
    let mut words: Vec<&str> = titles.first().map_or(Vec::new(), |t| {
        words_of(t)
            .take_while(|w| !w.contains(|c: char| c.is_ascii_digit()))
            .collect()
    });
    for t in titles {
        let same = words_of(t).zip(&words).take_while(|(a, b)| a == *b);
        words.truncate(same.count());
    }
    const DANGLING: [&str; 11] = [
        "năm", "quý", "tháng", "kỳ", "of", "for", "in", "year", "quarter", "–", "-",
    ];
    while words.last().is_some_and(|w| DANGLING.contains(w)) {
        words.pop();
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(titles: &[&str]) -> Vec<String> {
        titles.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn sources_in_one_line() {
        let yearly: Vec<String> = (2018..=2025)
            .map(|y| format!("Báo cáo kết quả cải cách hành chính năm {y} (số liệu minh họa)"))
            .collect();
        assert_eq!(
            summary(&yearly, Lang::Vi),
            "Báo cáo kết quả cải cách hành chính 2018–2025, 8 báo cáo"
        );
        let quarters = [
            "Kết quả công tác kiểm soát TTHC quý II năm 2020 của tỉnh Tây Ninh",
            "Kết quả công tác kiểm soát TTHC quý III năm 2020 của tỉnh Tây Ninh",
        ];
        assert_eq!(
            summary(&owned(&quarters), Lang::Vi),
            "Kết quả công tác kiểm soát TTHC 2020, 2 báo cáo"
        );
        let en = owned(&["PCI 2021 report", "PAPI 2022 report"]);
        assert_eq!(summary(&en, Lang::En), "2021–2022, 2 reports");
        assert_eq!(summary(&owned(&quarters[..1]), Lang::Vi), quarters[0]);
        assert_eq!(summary(&[], Lang::Vi), "");
    }
}
