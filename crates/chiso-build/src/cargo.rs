//! The cargo build of a wasm binary, and where cargo says it wrote it.

use crate::toolchain::{nightly_cargo, WASM_TARGET};
use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

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
        // A release is built from Cargo.lock as it stands (the loop may update it: a new
        // dependency). The flags join those of .cargo/config.toml (cargo concatenates the lists).
        cargo.args([
            "--release",
            "--locked",
            "-Zbuild-std=std,panic_abort",
            "--config",
            r#"target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort"]"#,
        ]);
    }
    cargo.stdout(Stdio::piped());
    let mut child = cargo.spawn().context("could not start cargo")?;
    let mut wasm = None;
    for line in BufReader::new(child.stdout.take().context("no output from cargo")?).lines() {
        let message: serde_json::Value = serde_json::from_str(&line?)?;
        if message["reason"] == "compiler-artifact" && message["target"]["name"] == name {
            let files = message["filenames"].as_array().into_iter().flatten();
            wasm = files
                .filter_map(|f| f.as_str())
                .find(|f| f.ends_with(".wasm"))
                .map(PathBuf::from);
        }
    }
    if !child.wait()?.success() {
        bail!("cargo could not build {name}");
    }
    wasm.with_context(|| format!("cargo named no wasm file for {name}"))
}
