//! A custom indicator's definition, read from a file's `indicators` in the catalogue's shape,
//! with what is wrong said field by field.

use crate::contract::catalogue::{Aggregation, Better, IndicatorDef, Kind};
use crate::contract::text::Text;
use crate::ingest::finding::{BadDefinition, Expected, Found};
use crate::ingest::json::{self, FromRaw, Raw, Shape};

const FIELDS: [&str; 7] = ["id", "name", "kind", "aggregation", "min", "max", "better"];

// The names a file writes, and what each means, in the same order.
const KIND_NAMES: [&str; 4] = ["count", "score", "percent", "rank"];
const KINDS: [Kind; 4] = [Kind::Count, Kind::Score, Kind::Percent, Kind::Rank];
const AGGREGATION_NAMES: [&str; 2] = ["flow", "stock"];
const AGGREGATIONS: [Aggregation; 2] = [Aggregation::Flow, Aggregation::Stock];
const BETTER_NAMES: [&str; 2] = ["higher", "lower"];
const BETTER: [Better; 2] = [Better::Higher, Better::Lower];

pub(super) fn read_definition(raw: Raw) -> Result<IndicatorDef, BadDefinition> {
    let [id, name, kind, aggregation, min, max, better] =
        json::fields(raw, &FIELDS).map_err(|shape| match shape {
            Shape::NotAnObject => BadDefinition::NotAnObject(json::found(raw)),
            Shape::Twice(field) => BadDefinition::Twice(field),
        })?;
    Ok(IndicatorDef {
        id: typed("id", required("id", id)?, Expected::String)?,
        name: typed::<Text>("name", required("name", name)?, Expected::Text)?,
        kind: one_of("kind", required("kind", kind)?, &KIND_NAMES, &KINDS)?,
        aggregation: optional(aggregation, |raw| {
            one_of("aggregation", raw, &AGGREGATION_NAMES, &AGGREGATIONS)
        })?,
        min: optional(min, |raw| typed("min", raw, Expected::Number))?,
        max: optional(max, |raw| typed("max", raw, Expected::Number))?,
        better: optional(better, |raw| one_of("better", raw, &BETTER_NAMES, &BETTER))?,
    })
}

fn typed<'a, T: FromRaw<'a>>(
    field: &'static str,
    raw: Raw<'a>,
    expected: Expected,
) -> Result<T, BadDefinition> {
    T::from_raw(raw).ok_or_else(|| match json::found(raw) {
        Found::Number(value) if expected == Expected::Number => {
            BadDefinition::NotFinite { field, value }
        }
        found => BadDefinition::WrongType {
            field,
            expected,
            found,
        },
    })
}

/// One of `names`, given as a string: the value at the same place in `values`.
fn one_of<T: Copy>(
    field: &'static str,
    raw: Raw,
    names: &'static [&'static str],
    values: &[T],
) -> Result<T, BadDefinition> {
    let name: String = typed(field, raw, Expected::String)?;
    let at = names.iter().position(|n| *n == name);
    at.and_then(|i| values.get(i).copied())
        .ok_or(BadDefinition::NotOneOf {
            field,
            found: name,
            allowed: names,
        })
}

fn required<'a>(field: &'static str, raw: Option<Raw<'a>>) -> Result<Raw<'a>, BadDefinition> {
    raw.ok_or(BadDefinition::Missing(field))
}

/// An optional member: absent and `null` are `None`.
fn optional<'a, T>(
    raw: Option<Raw<'a>>,
    read: impl Fn(Raw<'a>) -> Result<T, BadDefinition>,
) -> Result<Option<T>, BadDefinition> {
    raw.filter(|raw| !raw.is_null()).map(read).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<IndicatorDef, BadDefinition> {
        read_definition(Raw::parse(text).unwrap())
    }

    #[test]
    fn custom_definitions_parse_in_catalogue_shape() {
        let d = read(
            r#"{"id":"training.sessions","name":{"vi":"Lớp tập huấn","en":"Training sessions"},"kind":"count","aggregation":"flow"}"#,
        )
        .unwrap();
        assert_eq!(d.kind, Kind::Count);
        assert_eq!(d.aggregation, Some(Aggregation::Flow));
        assert_eq!(d.scale(), None);
        let d = read(r#"{"id":"x","name":"X","kind":"score","min":0,"max":10,"better":"lower","aggregation":null}"#)
            .unwrap();
        assert_eq!(
            (d.scale(), d.better(), d.aggregation),
            (Some((0.0, 10.0)), Better::Lower, None)
        );
    }

    #[test]
    fn says_which_field_is_wrong_and_what_it_may_be() {
        assert_eq!(
            read(r#"{"id":"x","name":"X","kind":"counts"}"#),
            Err(BadDefinition::NotOneOf {
                field: "kind",
                found: "counts".into(),
                allowed: &KIND_NAMES,
            })
        );
        assert_eq!(
            read(r#"{"id":"x","name":"X"}"#),
            Err(BadDefinition::Missing("kind"))
        );
        assert_eq!(
            read(r#"{"id":"x","name":"X","kind":"count","kind":"rank"}"#),
            Err(BadDefinition::Twice("kind"))
        );
        assert_eq!(
            read(r#"{"id":"x","name":"X","kind":"score","max":1e999}"#),
            Err(BadDefinition::NotFinite {
                field: "max",
                value: "1e999".into(),
            })
        );
        assert_eq!(
            read(r#"{"id":5,"name":"X","kind":"count"}"#),
            Err(BadDefinition::WrongType {
                field: "id",
                expected: Expected::String,
                found: Found::Number("5".into()),
            })
        );
        assert_eq!(
            read(r#"["x", "X", "count"]"#),
            Err(BadDefinition::NotAnObject(Found::Array))
        );
    }
}
