//! The dashboard's wasm, cut into the module every page loads and the parts fetched when first
//! shown (the functions marked `#[wasm_split]` in src/split.rs), each bound and optimised once.
//! Everything lands in one folder named by its content, `app-<hash>/`: the splitter's loader and
//! the glue refer to each other and to the parts by relative names, which then stay as they are
//! written and are still cached for good.

use crate::cargo::Profile;
use crate::digest::{files_under, hash_files};
use crate::wasm::{bind, optimise, Glue};
use anyhow::Result;
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use wasm_split_cli_support::{transform, Options};

/// The app's binary, and the stem of its glue (`chiso-web.js`) and wasm (`chiso-web_bg.wasm`).
pub const STEM: &str = "chiso-web";
const LOADER: &str = "parts.js";
/// The part every dashboard needs, fetched by the shell's script from the start (an embed never
/// loads it).
pub const EARLY_PART: &str = "dashboard";
const BOOT: &str = "boot.js";

/// The folder as built, by names relative to it.
pub struct App {
    /// `app-<hash>`.
    pub dir: String,
    pub boot: &'static str,
    pub glue: String,
    pub wasm: String,
    /// The splitter's loader, which the glue imports.
    pub loader: &'static str,
    /// Each part's files (its shared chunks first), by the name of its split (`dashboard`, …).
    pub parts: HashMap<String, Vec<String>>,
}

impl App {
    /// `dir/name` as a path relative to the page.
    pub fn path(&self, name: &str) -> String {
        format!("{}/{name}", self.dir)
    }

    /// The files of part `split`, relative to the page.
    pub fn part(&self, split: &str) -> Vec<String> {
        self.parts
            .get(split)
            .into_iter()
            .flatten()
            .map(|f| self.path(f))
            .collect()
    }
}

pub fn build(linked: &[u8], root: &Path, staging: &Path, profile: Profile) -> Result<App> {
    let (glue, wasm) = (format!("{STEM}.js"), format!("{STEM}_bg.wasm"));
    // Trunk stages each build in a new folder: nothing of an earlier build is here.
    let work = staging.join(".app");
    let out = work.join("out");
    let main = work.join("main.wasm");
    let (link, main_module) = (format!("./{LOADER}"), format!("./{glue}"));
    let split = transform({
        let mut options = Options::new(linked);
        options.output_dir = &out;
        options.main_out_path = &main;
        options.link_name = &link;
        options.main_module = &main_module;
        options.target.web();
        options
    })
    .map_err(|e| anyhow::anyhow!("the splitter failed: {e:?}"))?;

    bind(fs::read(&main)?, STEM, Glue::Module, true, &out)?;
    // The first module (its function table kept exported: the parts import it), then the parts.
    for file in std::iter::once(out.join(&wasm)).chain(split.split_modules) {
        optimise(root, &file, profile)?;
    }
    // The app's start: the glue's default export fetches the wasm beside it.
    fs::write(
        out.join(BOOT),
        format!("import init from \"./{glue}\";\ninit();\n"),
    )?;

    let dir = format!("app-{}", hash_files(&out, &files_under(&out)?)?);
    fs::rename(&out, staging.join(&dir))?;
    fs::remove_dir_all(&work)?;
    let parts = split
        .prefetch_map
        .into_iter()
        .map(|(name, stems)| {
            (
                name,
                stems.into_iter().map(|s| format!("{s}.wasm")).collect(),
            )
        })
        .collect();
    Ok(App {
        dir,
        boot: BOOT,
        glue,
        wasm,
        loader: LOADER,
        parts,
    })
}
