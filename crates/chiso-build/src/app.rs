//! The dashboard's wasm, cut into the module every page loads and the parts fetched when first
//! shown (the functions marked `#[wasm_split]` in src/split.rs), each bound and optimised once.
//! Everything lands in one folder named by its content, `app-<hash>/`: the splitter's loader and
//! the glue refer to each other and to the parts by relative names, which then stay as they are
//! written and are still cached for good.

use crate::cargo::Profile;
use crate::digest::{files_under, hash_files};
use crate::fold;
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

    // A release has one module a part, the splitter's shared chunks folded in (and gone), and our
    // loader. A debug build keeps the splitter's chunks and loader: its parts check a canary
    // global that only that loader gives them.
    let (first, parts): (Vec<u8>, HashMap<String, Vec<String>>) = match profile {
        Profile::Release => {
            let (first, files) = fold::chunks(&out, &fs::read(&main)?, &split.prefetch_map)?;
            fs::write(out.join(LOADER), loader(&glue, &files))?;
            let parts = files
                .into_iter()
                .map(|(name, file)| (name, file.into_iter().collect()))
                .collect();
            (first, parts)
        }
        Profile::Debug => {
            let parts = split
                .prefetch_map
                .into_iter()
                .map(|(name, stems)| (name, stems.iter().map(|s| format!("{s}.wasm")).collect()))
                .collect();
            (fs::read(&main)?, parts)
        }
    };
    bind(first, STEM, Glue::Module, true, &out)?;
    // The first module (its function table kept exported: the parts import it), then the parts.
    optimise(root, &out.join(&wasm), profile)?;
    let mut modules: Vec<&String> = parts.values().flatten().collect();
    modules.sort();
    modules.dedup();
    for file in modules {
        optimise(root, &out.join(file), profile)?;
    }
    // The app's start: the glue's default export fetches the wasm beside it.
    fs::write(
        out.join(BOOT),
        format!("import init from \"./{glue}\";\ninit();\n"),
    )?;

    let dir = format!("app-{}", hash_files(&out, &files_under(&out)?)?);
    fs::rename(&out, staging.join(&dir))?;
    fs::remove_dir_all(&work)?;
    Ok(App {
        dir,
        boot: BOOT,
        glue,
        wasm,
        loader: LOADER,
        parts,
    })
}

/// The parts' loader, which the first module's glue imports: one export a part, named as the
/// splitter's stubs call it, which fetches the part's module once (again after a failure) and
/// then answers the stub's callback through the shared table.
fn loader(glue: &str, files: &fold::PartFiles) -> String {
    let mut js = format!(
        r#"import {{ initSync }} from "./{glue}";

// The first module's exports (memory, function table, stack pointer), which the parts import.
let shared;
const imports = () => (shared ??= {{ __wasm_split: initSync(undefined, undefined) }});

function part(file) {{
  let loading;
  const load = () => {{
    if (!file) return Promise.resolve();
    if (!loading) {{
      const attempt = WebAssembly.instantiateStreaming(fetch(new URL(file, import.meta.url)), imports());
      // A failure is not kept: the next call fetches again.
      attempt.catch(() => {{
        if (loading === attempt) loading = undefined;
      }});
      loading = attempt;
    }}
    return loading;
  }};
  return async (callback, data) => {{
    let ok = true;
    try {{
      await load();
    }} catch (e) {{
      console.error(e);
      ok = false;
    }}
    imports().__wasm_split.__indirect_function_table.get(callback)(data, ok);
  }};
}}

"#
    );
    for (name, file) in files {
        let file = file
            .as_ref()
            .map_or("null".into(), |f| format!("\"./{f}\""));
        js.push_str(&format!(
            "export const __wasm_split_load_{name} = part({file});\n"
        ));
    }
    js
}
