//! Writing imported figures as a `chiso-metrics/1` document: the register units they name
//! (and their successors) declared, ranks given `of`, sources keyed.

use crate::contract::provinces::{self, Province};
use crate::ingest::import::rows::Figure;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

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

fn unit_json(p: &Province) -> Value {
    let mut u = Map::new();
    u.insert("id".into(), p.id.into());
    u.insert("name".into(), json!({ "vi": p.name_vi, "en": p.name_en }));
    u.insert("level".into(), "province".into());
    u.insert("code".into(), p.code.into());
    if let (Some(successor), Some(until)) = (p.successor, p.until()) {
        u.insert("successor".into(), successor.into());
        u.insert("until".into(), until.to_string().into());
    }
    Value::Object(u)
}

/// The units the figures name and the units those became, in the register's order.
fn units(figures: &[&Figure]) -> Vec<Value> {
    let mut used: Vec<&'static str> = figures.iter().map(|f| f.unit.id).collect();
    used.extend(figures.iter().filter_map(|f| f.unit.successor));
    provinces::all()
        .iter()
        .filter(|p| used.contains(&p.id))
        .map(unit_json)
        .collect()
}

/// `title` and `source` are what the publisher gave; sources named in a column get keys
/// `s1`, `s2`… in the order they first appear.
pub fn build(figures: &[&Figure], title: Option<&str>, source: Option<&str>) -> Value {
    let mut sources: BTreeMap<String, Value> = BTreeMap::new();
    let mut named: Vec<&str> = Vec::new();
    if let Some(s) = source {
        sources.insert(GIVEN_SOURCE.into(), json!({ "title": s }));
    }
    let observations: Vec<Value> = figures
        .iter()
        .map(|f| {
            let mut o = Map::new();
            o.insert("unit".into(), f.unit.id.into());
            o.insert("indicator".into(), f.indicator.clone().into());
            o.insert("period".into(), f.when.period.to_string().into());
            o.insert("value".into(), number(f.value));
            if f.indicator.ends_with(".rank") {
                let on = f.when.period.end();
                let everyone = provinces::in_force(on).count() as f64;
                o.insert("of".into(), number(f.of.unwrap_or(everyone)));
            }
            if let Some(label) = &f.when.label {
                o.insert("label".into(), label.clone().into());
            }
            let key = match f.source.as_deref() {
                Some(s) => {
                    let i = named.iter().position(|n| *n == s).unwrap_or_else(|| {
                        named.push(s);
                        named.len() - 1
                    });
                    let k = format!("s{}", i + 1);
                    sources.insert(k.clone(), json!({ "title": s }));
                    Some(k)
                }
                None => source.map(|_| GIVEN_SOURCE.to_string()),
            };
            if let Some(k) = key {
                o.insert("source".into(), k.into());
            }
            Value::Object(o)
        })
        .collect();
    let mut doc = Map::new();
    doc.insert("format".into(), "chiso-metrics/1".into());
    if let Some(t) = title {
        doc.insert("title".into(), t.into());
    }
    doc.insert("units".into(), units(figures).into());
    doc.insert("observations".into(), observations.into());
    if !sources.is_empty() {
        doc.insert(
            "sources".into(),
            Value::Object(sources.into_iter().collect()),
        );
    }
    Value::Object(doc)
}
