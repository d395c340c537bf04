//! The cargo build of a wasm binary, and where cargo says it wrote it.

use crate::toolchain::{nightly_cargo, WASM_TARGET};
use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// `trunk serve`: the workspace's toolchain, unoptimised, no std rebuilt.
    Debug,
    /// `trunk build --release`: the pinned nightly, std rebuilt.
    Release,
}

/// Builds the binary `name` (its package's name) for the browser and returns its linked wasm.
pub fn build(name: &str, profile: Profile) -> Result<PathBuf> {
    let mut cargo = match profile {
        Profile::Debug => Command::new("cargo"),
        Profile::Release => nightly_cargo(),
    };
    cargo.args(["build", "-p", name, "--bin", name, "--target", WASM_TARGET]);
    cargo.arg("--message-format=json-render-diagnostics");
    if profile == Profile::Release {
        // These flags join those of .cargo/config.toml (cargo concatenates the lists).
        cargo.args([
            "--release",
            "-Zbuild-std=std,panic_abort",
            "--config",
            r#"target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort"]"#,
        ]);
    }
    cargo.stdout(Stdio::piped());
    let mut child = cargo.spawn().context("could not start cargo")?;
    let wasm = executable(&mut child, name);
    // Waited for whatever its messages said, so that no cargo is left running.
    if !child.wait()?.success() {
        bail!("cargo could not build {name}");
    }
    wasm?.with_context(|| format!("cargo named no wasm file for {name}"))
}

/// The binary `name` as cargo's JSON messages name it.
fn executable(child: &mut Child, name: &str) -> Result<Option<PathBuf>> {
    let mut wasm = None;
    for line in BufReader::new(child.stdout.take().context("no output from cargo")?).lines() {
        let message: serde_json::Value = serde_json::from_str(&line?)?;
        if message["reason"] == "compiler-artifact" && message["target"]["name"] == name {
            wasm = message["executable"].as_str().map(PathBuf::from);
        }
    }
    Ok(wasm)
}
