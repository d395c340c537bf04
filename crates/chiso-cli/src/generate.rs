//! `chiso generate`: deterministic illustrative data, to a file or standard output.

use crate::args::parse;
use chiso_core::generate::{generate as make, Options};
use std::process::ExitCode;

pub fn run(argv: &[String]) -> Result<ExitCode, String> {
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
