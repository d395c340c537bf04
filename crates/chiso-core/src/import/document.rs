//! Writing imported figures as a `chiso-metrics/1` document: the register units they name
//! (and their successors) declared, ranks given `of`, sources keyed. Written as the sample
//! files are, one unit or figure a line with fields in the contract's order, so a publisher
//! can read, grep and diff it.

use crate::contract::provinces::{self, Province};
use crate::import::rows::Figure;
use serde_json::Value;

/// The key of the source given on the command line (or in the app's form).
pub const GIVEN_SOURCE: &str = "import";

/// A JSON number, whole numbers without a trailing `.0`.
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        Value::from(v as i64)
    } else {
        Value::from(v)
    }
}

/// A field's value: JSON, or an object already written in order.
enum Field {
    Json(Value),
    Written(String),
}

impl From<Value> for Field {
    fn from(v: Value) -> Field {
        Field::Json(v)
    }
}

/// `{ "a": 1, "b": "x" }` on one line, fields in the order given.
fn object(fields: &[(&str, Field)]) -> String {
    let inner: Vec<String> = fields
        .iter()
        .map(|(k, v)| match v {
            Field::Json(v) => format!("{}: {v}", Value::from(*k)),
            Field::Written(s) => format!("{}: {s}", Value::from(*k)),
        })
        .collect();
    format!("{{ {} }}", inner.join(", "))
}

fn text(s: &str) -> Field {
    Field::Json(Value::from(s))
}

/// `[` one item a line `]`, indented under a top-level field.
fn lines(items: &[String]) -> String {
    if items.is_empty() {
        return "[]".into();
    }
    format!("[\n    {}\n  ]", items.join(",\n    "))
}

fn unit(p: &Province) -> String {
    let name = object(&[("vi", text(p.name_vi)), ("en", text(p.name_en))]);
    let mut fields = vec![
        ("id", text(p.id)),
        ("name", Field::Written(name)),
        ("level", text("province")),
        ("code", text(p.code)),
    ];
    if let (Some(successor), Some(until)) = (p.successor, p.until()) {
        fields.push(("successor", text(successor)));
        fields.push(("until", text(&until.to_string())));
    }
    object(&fields)
}

/// The units the figures name and the units those became, in the register's order.
fn units(figures: &[&Figure]) -> Vec<String> {
    let mut used: Vec<&'static str> = figures.iter().map(|f| f.unit.id).collect();
    used.extend(figures.iter().filter_map(|f| f.unit.successor));
    provinces::all()
        .iter()
        .filter(|p| used.contains(&p.id))
        .map(unit)
        .collect()
}

/// Sources by key, in the order first cited: `import` for the one given, `s1`, `s2`… for
/// those a column names.
#[derive(Default)]
struct Sources(Vec<(String, String)>);

impl Sources {
    fn key(&mut self, title: &str, given: bool) -> String {
        if let Some((k, _)) = self.0.iter().find(|(_, t)| t == title) {
            return k.clone();
        }
        let named = self.0.iter().filter(|(k, _)| k != GIVEN_SOURCE).count();
        let k = if given {
            GIVEN_SOURCE.to_string()
        } else {
            format!("s{}", named + 1)
        };
        self.0.push((k.clone(), title.to_string()));
        k
    }
}

fn observation(f: &Figure, sources: &mut Sources, given: Option<&str>) -> String {
    let mut fields = vec![
        ("unit", text(f.unit.id)),
        ("indicator", text(&f.indicator)),
        ("period", text(&f.when.period.to_string())),
        ("value", number(f.value).into()),
    ];
    if f.indicator.ends_with(".rank") {
        let everyone = provinces::in_force(f.when.period.end()).count() as f64;
        fields.push(("of", number(f.of.unwrap_or(everyone)).into()));
    }
    if let Some(label) = &f.when.label {
        fields.push(("label", text(label)));
    }
    if let Some(tier) = &f.tier {
        fields.push(("tier", text(tier)));
    }
    let key = match (f.source.as_deref(), given) {
        (Some(s), _) => Some(sources.key(s, false)),
        (None, Some(s)) => Some(sources.key(s, true)),
        (None, None) => None,
    };
    if let Some(k) = key {
        fields.push(("source", text(&k)));
    }
    object(&fields)
}

/// The document's text. `title` and `source` are what the publisher gave.
pub fn build(figures: &[&Figure], title: Option<&str>, source: Option<&str>) -> String {
    let mut sources = Sources::default();
    let observations: Vec<String> = figures
        .iter()
        .map(|f| observation(f, &mut sources, source))
        .collect();
    let mut out = String::from("{\n  \"format\": \"chiso-metrics/1\",\n");
    if let Some(t) = title {
        out += &format!("  \"title\": {},\n", Value::from(t));
    }
    out += &format!("  \"units\": {},\n", lines(&units(figures)));
    out += &format!("  \"observations\": {}", lines(&observations));
    if !sources.0.is_empty() {
        let cited: Vec<String> = sources
            .0
            .iter()
            .map(|(k, t)| {
                format!(
                    "{}: {}",
                    Value::from(k.as_str()),
                    object(&[("title", text(t))])
                )
            })
            .collect();
        out += &format!(",\n  \"sources\": {{\n    {}\n  }}", cited.join(",\n    "));
    }
    out += "\n}";
    out
}
