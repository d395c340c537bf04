//! `chiso`: the publisher's tool. `validate` checks metric files and manifests exactly as the
//! dashboard will; `generate` writes deterministic illustrative data.

mod args;
mod generate;
mod import;
mod manifest;
mod validate;

use std::process::ExitCode;

const USAGE: &str = "\
chiso validate [--json] [--lang vi|en] PATH...
    Checks metric files (chiso-metrics/1) and manifests (chiso-manifest/1, every listed file
    and its sha256). Exit 0: no error (warnings allowed); 1: errors; 2: usage or I/O error.
chiso generate [--units N] [--quarters N] [--start YEAR] [--agencies N] [--seed N] [-o FILE]
    Writes illustrative figures (marked \"illustrative\": true), the same for the same options.
chiso import TABLE.(csv|tsv|xlsx) [--sheet NAME] [--indicator ID] [--source TEXT] [--title TEXT]
             [--lang vi|en] [-o FILE.json]
    Turns a table (long, or wide with units or periods across; Vietnamese or English headers)
    into a metric file of the built-in provinces. Findings by cell (file:Sheet!C7) on stderr;
    figures the validator would reject are left out. Exit 0: no error; 1: errors.
chiso manifest DIR
    Writes or refreshes DIR/manifest.json with the sha256 of every metric file in DIR, keeping
    the order of the entries already listed.
chiso --help | --version";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let result = match argv.first().map(String::as_str) {
        Some("validate") => validate::run(&argv[1..]),
        Some("generate") => generate::run(&argv[1..]),
        Some("import") => import::run(&argv[1..]),
        Some("manifest") => manifest::run(&argv[1..]),
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some("--version" | "-V") => {
            println!("chiso {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        _ => Err("a command is needed: validate, generate, import or manifest".to_string()),
    };
    result.unwrap_or_else(|e| {
        eprintln!("chiso: {e}\n\n{USAGE}");
        ExitCode::from(2)
    })
}
