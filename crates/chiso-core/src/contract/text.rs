//! Text fields of the contract: a plain string (Vietnamese) or `{ "vi": …, "en": … }`.

use crate::contract::lang::Lang;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Localized {
        #[serde(skip_serializing_if = "Option::is_none")]
        vi: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        en: Option<String>,
    },
}

impl Text {
    pub fn plain(s: impl Into<String>) -> Text {
        Text::Plain(s.into())
    }

    pub fn both(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text::Localized {
            vi: Some(vi.into()),
            en: Some(en.into()),
        }
    }

    /// The text in `lang`, falling back to the other language rather than showing nothing.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized { vi, en } => {
                let (first, second) = match lang {
                    Lang::Vi => (vi, en),
                    Lang::En => (en, vi),
                };
                first
                    .as_deref()
                    .filter(|s| !s.is_empty())
                    .or(second.as_deref())
                    .unwrap_or("")
            }
        }
    }

    pub fn is_blank(&self) -> bool {
        self.get(Lang::Vi).trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::json::{FromRaw, Raw};

    fn read(text: &str) -> Text {
        Text::from_raw(Raw::parse(text).unwrap()).unwrap()
    }

    #[test]
    fn reads_both_forms_and_falls_back() {
        let plain = read(r#""Tây Ninh""#);
        assert_eq!(plain.get(Lang::En), "Tây Ninh");
        let both = read(r#"{"vi":"Tỉnh","en":"Province"}"#);
        assert_eq!(both.get(Lang::Vi), "Tỉnh");
        assert_eq!(both.get(Lang::En), "Province");
        let vi_only = read(r#"{"vi":"Tỉnh"}"#);
        assert_eq!(vi_only.get(Lang::En), "Tỉnh");
        let empty = read(r#"{}"#);
        assert!(empty.is_blank());
    }
}
