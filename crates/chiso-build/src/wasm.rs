//! wasm-bindgen and wasm-opt over one module.

use crate::cargo::Profile;
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::Command;
use wasm_bindgen_cli_support::Bindgen;

/// How the glue is loaded.
#[derive(Clone, Copy)]
pub enum Glue {
    /// An ES module (the page's app).
    Module,
    /// A classic script defining `wasm_bindgen` (the import worker, the offline file).
    Classic,
}

/// Binds `wasm` as `<out>/<stem>.js` and `<out>/<stem>_bg.wasm`. `keep_lld_exports` keeps the
/// function table and stack pointer exported, which a split module's parts import.
pub fn bind(
    wasm: Vec<u8>,
    stem: &str,
    glue: Glue,
    keep_lld_exports: bool,
    out: &Path,
) -> Result<()> {
    let mut bindgen = Bindgen::new();
    bindgen
        .input_bytes(stem, wasm)
        .typescript(false)
        .keep_lld_exports(keep_lld_exports);
    match glue {
        // The glue's default export then fetches `<stem>_bg.wasm` beside it.
        Glue::Module => bindgen.web(true)?.omit_default_module_path(false),
        Glue::Classic => bindgen.no_modules(true)?,
    };
    bindgen
        .generate(out)
        .with_context(|| format!("wasm-bindgen could not bind {stem}"))
}

/// Optimises `file` in place for size, in release builds; wasm-opt 132 from the npm tools (older
/// versions break current wasm-bindgen output).
pub fn optimise(root: &Path, file: &Path, profile: Profile) -> Result<()> {
    if profile == Profile::Debug {
        return Ok(());
    }
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        bail!(
            "no {}: run scripts/setup.sh (or npm ci) first",
            wasm_opt.display()
        );
    }
    let status = Command::new(&wasm_opt)
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            // Sections for tools, not for the browser.
            "--strip-producers",
            "--strip-target-features",
        ])
        .arg(file)
        .arg("-o")
        .arg(file)
        .status()?;
    if !status.success() {
        bail!("wasm-opt failed on {}", file.display());
    }
    Ok(())
}
