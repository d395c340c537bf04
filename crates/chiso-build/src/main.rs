//! The build after cargo. Trunk runs `chiso-build hook` after it has staged the page's files
//! (Trunk.toml), for `trunk build --release` and for `trunk serve` alike; `chiso-build setup`
//! installs and fetches what that build needs, so that it then runs without a network.

mod app;
mod cargo;
mod data;
mod digest;
mod fold;
mod hook;
mod offline;
mod page;
mod sizes;
mod sw;
mod toolchain;
mod wasm;
mod whole;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install the release toolchain (with the standard library's sources and its dependencies)
    /// and fetch every crate the build needs.
    Setup,
    /// Trunk's post-build step: build the wasm, cut it into parts, bind and optimise it, and
    /// write the loader, the service worker, the offline file and the size report.
    Hook,
    /// Print the toolchain the release wasm is built with.
    Toolchain,
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Command::Setup => toolchain::setup(),
        Command::Hook => hook(),
        Command::Toolchain => {
            println!("{}", toolchain::WASM_NIGHTLY);
            Ok(())
        }
    }
}

/// What Trunk tells its hooks.
fn hook() -> Result<()> {
    let var = |name: &str| {
        std::env::var(name)
            .with_context(|| format!("{name} is not set: run this from Trunk's hook"))
    };
    let release = var("TRUNK_PROFILE")? == "release";
    let source = PathBuf::from(var("TRUNK_SOURCE_DIR")?);
    let staging = PathBuf::from(var("TRUNK_STAGING_DIR")?);
    let profile = if release {
        cargo::Profile::Release
    } else {
        cargo::Profile::Debug
    };
    let build = hook::Build {
        source: &source,
        staging: &staging,
        profile,
    };
    build.run()
}
