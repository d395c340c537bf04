//! `chiso generate`: deterministic illustrative data, to a file or standard output.

use chiso_core::generate::{generate as make, Options};
use clap::builder::RangedU64ValueParser;
use std::process::ExitCode;

/// Write deterministic illustrative figures
///
/// The file is marked "illustrative": true; the same options give the same file, byte for byte.
#[derive(clap::Args)]
pub struct Args {
    /// Provinces: the 34 of 2025 in order, then numbered ones
    #[arg(long, value_name = "N", default_value_t = Options::default().units,
          value_parser = RangedU64ValueParser::<usize>::new().range(..=10_000))]
    units: usize,
    /// Provinces of that order to skip: the first of this file is the next one
    #[arg(long, value_name = "N", default_value_t = Options::default().skip,
          value_parser = RangedU64ValueParser::<usize>::new().range(..=100_000))]
    skip: usize,
    /// Quarters of figures
    #[arg(long, value_name = "N", default_value_t = Options::default().quarters,
          value_parser = RangedU64ValueParser::<usize>::new().range(..=400))]
    quarters: usize,
    /// First year
    #[arg(long, value_name = "YEAR", default_value_t = Options::default().start_year,
          value_parser = clap::value_parser!(i32).range(1945..=2100))]
    start: i32,
    /// Departments per province that also report dossiers and services
    #[arg(long, value_name = "N", default_value_t = Options::default().agencies)]
    agencies: usize,
    /// Seed of the pseudo-random figures
    #[arg(long, value_name = "N", default_value_t = Options::default().seed)]
    seed: u64,
    /// Write to FILE instead of stdout
    // A value may start with '-', as it always could.
    #[arg(short, long, value_name = "FILE", allow_hyphen_values = true)]
    output: Option<String>,
}

pub fn run(a: Args) -> Result<ExitCode, String> {
    let opts = Options {
        units: a.units,
        skip: a.skip,
        quarters: a.quarters,
        start_year: a.start,
        agencies: a.agencies,
        seed: a.seed,
    };
    let text = make(&opts);
    match a.output {
        Some(path) => {
            std::fs::write(&path, &text).map_err(|e| format!("cannot write {path}: {e}"))?;
            eprintln!("chiso: wrote {path}: {} bytes", text.len());
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
