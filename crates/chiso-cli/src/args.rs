//! Command-line flags, parsed by hand: two commands do not justify an argument-parser crate.

use chiso_core::generate::{generate as make, Options};
use std::process::ExitCode;

/// Splits `--flag value` pairs from positional arguments; `flags` lists those taking a value.
pub struct Args {
    pub values: Vec<(String, String)>,
    pub switches: Vec<String>,
    pub positional: Vec<String>,
}

pub fn parse(argv: &[String], with_value: &[&str], switches: &[&str]) -> Result<Args, String> {
    let mut out = Args {
        values: Vec::new(),
        switches: Vec::new(),
        positional: Vec::new(),
    };
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with('-') => (n, Some(v.to_string())),
            _ => (a.as_str(), None),
        };
        if with_value.contains(&name) {
            let v = inline
                .or_else(|| it.next().cloned())
                .ok_or(format!("{name} needs a value"))?;
            out.values.push((name.to_string(), v));
        } else if switches.contains(&name) {
            out.switches.push(name.to_string());
        } else if name.starts_with('-') && name.len() > 1 {
            return Err(format!("unknown option {name}"));
        } else {
            out.positional.push(a.clone());
        }
    }
    Ok(out)
}

impl Args {
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn number<T: std::str::FromStr>(&self, name: &str, default: T) -> Result<T, String> {
        match self.value(name) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| format!("{name} takes a number, not \"{v}\"")),
        }
    }

    pub fn has(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }
}

pub fn generate(argv: &[String]) -> Result<ExitCode, String> {
    let a = parse(
        argv,
        &[
            "--units",
            "--quarters",
            "--start",
            "--agencies",
            "--seed",
            "-o",
            "--output",
        ],
        &[],
    )?;
    if let Some(p) = a.positional.first() {
        return Err(format!("unexpected argument \"{p}\""));
    }
    let d = Options::default();
    let opts = Options {
        units: a.number("--units", d.units)?,
        quarters: a.number("--quarters", d.quarters)?,
        start_year: a.number("--start", d.start_year)?,
        agencies: a.number("--agencies", d.agencies)?,
        seed: a.number("--seed", d.seed)?,
    };
    if !(1945..=2100).contains(&opts.start_year) || opts.quarters > 400 || opts.units > 10_000 {
        return Err(
            "--start must be a year 1945–2100, --quarters at most 400, --units at most 10000"
                .into(),
        );
    }
    let text = make(&opts);
    match a.value("-o").or(a.value("--output")) {
        Some(path) => {
            std::fs::write(path, &text).map_err(|e| format!("cannot write {path}: {e}"))?;
            eprintln!("chiso: wrote {path}: {} bytes", text.len());
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
