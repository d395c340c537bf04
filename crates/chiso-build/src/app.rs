//! The dashboard's wasm, cut into the module every page loads and the parts fetched when first
//! shown (the functions marked `#[wasm_split]` in src/split.rs), each bound and optimised once.
//! Everything lands in one folder named by its content, `app-<hash>/`: the splitter's loader and
//! the glue refer to each other and to the parts by relative names, which then stay as they are
//! written and are still cached for good.

use crate::cargo::Profile;
use crate::digest::hash16;
use crate::wasm::{bind, optimise, Glue};
use anyhow::{Context, Result};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use wasm_split_cli_support::{transform, Options};

pub const STEM: &str = "chiso-web";
/// The module that loads the app: the glue's default export fetches `chiso-web_bg.wasm` beside it.
const BOOT: &str = "import init from \"./chiso-web.js\";\ninit();\n";

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
    let work = staging.join(".app");
    if work.exists() {
        fs::remove_dir_all(&work)?;
    }
    let split_dir = work.join("split");
    let main = split_dir.join("main.wasm");
    let split = transform({
        let mut options = Options::new(linked);
        options.output_dir = &split_dir;
        options.main_out_path = &main;
        options.link_name = "./parts.js";
        options.main_module = "./chiso-web.js";
        options.target.web();
        options
    })
    .map_err(|e| anyhow::anyhow!("the splitter failed: {e:?}"))?;

    let out = work.join("out");
    bind(fs::read(&main)?, STEM, Glue::Module, true, &out)?;
    let mut wasm_files = vec![out.join(format!("{STEM}_bg.wasm"))];
    for part in &split.split_modules {
        let to = out.join(part.file_name().context("a part without a name")?);
        fs::rename(part, &to)?;
        wasm_files.push(to);
    }
    for file in &wasm_files {
        optimise(root, file, profile)?;
    }
    fs::rename(split_dir.join("parts.js"), out.join("parts.js"))?;
    fs::write(out.join("boot.js"), BOOT)?;

    let dir = format!("app-{}", hash_dir(&out)?);
    let target = staging.join(&dir);
    if target.exists() {
        fs::remove_dir_all(&target)?;
    }
    fs::rename(&out, &target)?;
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
        boot: "boot.js",
        glue: format!("{STEM}.js"),
        wasm: format!("{STEM}_bg.wasm"),
        loader: "parts.js",
        parts,
    })
}

/// A name for the folder's content: its files' names and bytes.
fn hash_dir(dir: &Path) -> Result<String> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    let contents = files
        .iter()
        .map(|f| {
            Ok((
                f.file_name()
                    .unwrap_or_default()
                    .as_encoded_bytes()
                    .to_vec(),
                fs::read(f)?,
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(hash16(contents.iter().flat_map(|(name, bytes)| {
        [name.as_slice(), bytes.as_slice()]
    })))
}
