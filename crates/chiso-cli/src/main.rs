//! `chiso`: the publisher's tool. `validate` checks metric files and manifests exactly as the
//! dashboard will; `import` turns tables into metric files; `manifest` lists them for
//! publishing; `generate` writes deterministic illustrative data.

mod generate;
mod import;
mod manifest;
mod validate;

use chiso_core::Lang;
use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

/// Validate, import and generate Chỉ số metric files and manifests.
#[derive(Parser)]
#[command(
    name = "chiso",
    version,
    after_help = "Exit status: 0 no errors (warnings allowed), 1 errors in the data, 2 usage or I/O error.",
    // A repeated flag is no error: the last one wins, as it always has (scripts may rely on it).
    args_override_self = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Validate(validate::Args),
    Generate(generate::Args),
    Import(import::Args),
    Manifest(manifest::Args),
    /// Print a shell completion script to stdout
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `--lang`'s values: `vi`, `en` or a regional form such as `en-GB`, as the dashboard reads them.
fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::parse(code).ok_or_else(|| "expected vi or en".to_string())
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Validate(a) => Ok(validate::run(a)),
        Command::Generate(a) => generate::run(a),
        Command::Import(a) => import::run(a),
        Command::Manifest(a) => manifest::run(a),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "chiso", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    };
    // What is left after parsing are I/O errors, which exit 2 like usage errors.
    result.unwrap_or_else(|e| {
        eprintln!("chiso: {e}");
        ExitCode::from(2)
    })
}
