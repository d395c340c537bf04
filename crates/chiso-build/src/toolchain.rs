//! The toolchains: the workspace's own (rust-toolchain.toml) and the pinned nightly of the
//! release wasm, which rebuilds std with panics that abort at once (no panic messages, locations
//! or formatting machinery in the page). `setup` makes a later build work offline: a rebuilt std
//! needs the standard library's own dependencies in the cargo cache, which no ordinary fetch of
//! the workspace brings.

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::process::Command;

/// The nightly of every release wasm, named here only.
pub const WASM_NIGHTLY: &str = "nightly-2026-05-20";
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

pub fn setup() -> Result<()> {
    // Installs what is missing and leaves the rest as it is.
    run(Command::new("rustup").args([
        "toolchain",
        "install",
        WASM_NIGHTLY,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
        "--target",
        WASM_TARGET,
    ]))?;
    // The standard library is a workspace of its own, with its own lock file.
    let library = sysroot()?.join("lib/rustlib/src/rust/library/Cargo.toml");
    run(nightly_cargo()
        .arg("fetch")
        .arg("--manifest-path")
        .arg(&library))?;
    run(Command::new("cargo").args(["fetch", "--locked"]))
}

/// `cargo` of the release nightly.
pub fn nightly_cargo() -> Command {
    let mut cargo = Command::new("cargo");
    cargo.env("RUSTUP_TOOLCHAIN", WASM_NIGHTLY);
    cargo
}

fn sysroot() -> Result<PathBuf> {
    let mut rustc = Command::new("rustc");
    rustc
        .env("RUSTUP_TOOLCHAIN", WASM_NIGHTLY)
        .args(["--print", "sysroot"]);
    Ok(PathBuf::from(output(&mut rustc)?.trim()))
}

pub fn run(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("could not start {command:?}"))?;
    if !status.success() {
        bail!("{command:?} failed ({status})");
    }
    Ok(())
}

fn output(command: &mut Command) -> Result<String> {
    let out = command
        .output()
        .with_context(|| format!("could not start {command:?}"))?;
    if !out.status.success() {
        bail!(
            "{command:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8(out.stdout)?)
}
