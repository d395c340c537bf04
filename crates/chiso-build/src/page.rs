//! The page around the wasm: the shell's script with the files to fetch early, the tags that load
//! the app, the service worker with the build's file list and version, then the offline file and
//! the size report. Each is written from typed data into our own templates (public/shell.js and
//! public/sw.js begin with the values prepended here); index.html is edited as HTML.

use crate::app::{self, App};
use crate::cargo::{self, Profile};
use crate::digest::{hash16, sri};
use crate::wasm::{bind, optimise, Glue};
use crate::{offline, sizes, whole};
use anyhow::{Context, Result};
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use serde_json::json;
use std::fs;
use std::path::Path;

/// The part every dashboard needs, fetched by the shell's script from the start (an embed never
/// loads it).
pub const EARLY_PART: &str = "dashboard";
/// Files only some visits load: the import worker (on a reader's first import) and embed.js (by
/// portals' pages). Not precached, and counted apart.
pub const ON_DEMAND: [&str; 4] = [
    "chiso-import-worker.js",
    "chiso-import-worker_bg.wasm",
    "import-worker.js",
    "embed.js",
];
const WORKER: &str = "chiso-import-worker";

pub struct Build<'a> {
    pub source: &'a Path,
    pub staging: &'a Path,
    pub profile: Profile,
}

/// The bundled data: the manifest and the files it lists at this address.
pub struct Data {
    /// Paths relative to the page (`data/…`), the manifest first.
    pub paths: Vec<String>,
    /// The listed files: their path in the manifest and their sha256, if given.
    pub files: Vec<(String, Option<String>)>,
}

impl Build<'_> {
    pub fn run(&self) -> Result<()> {
        let linked_path = cargo::build(app::STEM, self.profile)?;
        let linked = fs::read(&linked_path)?;
        let app = app::build(&linked, self.source, self.staging, self.profile)?;
        self.worker()?;
        let data = self.data()?;
        let early = app.part(EARLY_PART);
        let shell = self.template(
            "shell.js",
            &[("PRELOAD", json!(data.paths)), ("PARTS", json!(early))],
        )?;
        let shell_name = format!("shell-{}.js", hash16([shell.as_bytes()]));
        fs::write(self.staging.join(&shell_name), &shell)?;

        let index = self.staging.join("index.html");
        let html = fs::read_to_string(&index)?;
        let html = load_tags(&html, &self.head_tags(&app, &shell_name, &shell)?)?;
        fs::write(&index, &html)?;

        let version = self.service_worker(&data)?;
        let html = load_tags(
            &html,
            &format!(r#"<meta name="chiso-build" content="{version}" />"#),
        )?;
        fs::write(&index, &html)?;
        println!("service worker: build {version}");

        if self.profile == Profile::Debug {
            // The loop to work in: no offline file, and no size report (brotli of a debug wasm takes seconds).
            return Ok(());
        }
        self.offline(&linked, &html, &data)?;
        sizes::report(self.staging, &app, &shell_name)
    }

    /// The single-file offline build, from the linked wasm and the finished index.html.
    fn offline(&self, linked: &[u8], html: &str, data: &Data) -> Result<()> {
        let classic = self.staging.join(".offline");
        bind(
            whole::resolve_parts(linked)?,
            app::STEM,
            Glue::Classic,
            false,
            &classic,
        )?;
        let wasm = classic.join(format!("{}_bg.wasm", app::STEM));
        optimise(self.source, &wasm, self.profile)?;
        let glue = fs::read_to_string(classic.join(format!("{}.js", app::STEM)))?;
        let inline_shell =
            self.template("shell.js", &[("PRELOAD", json!([])), ("PARTS", json!([]))])?;
        let page = offline::page(
            html,
            self.staging,
            &inline_shell,
            &glue,
            &fs::read(&wasm)?,
            data,
        )?;
        fs::remove_dir_all(&classic)?;
        fs::write(self.staging.join(offline::FILE), page)?;
        Ok(())
    }

    /// The import worker's wasm, bound for `importScripts` (public/import-worker.js loads it).
    fn worker(&self) -> Result<()> {
        let linked = fs::read(cargo::build(WORKER, self.profile)?)?;
        bind(linked, WORKER, Glue::Classic, false, self.staging)?;
        optimise(
            self.source,
            &self.staging.join(format!("{WORKER}_bg.wasm")),
            self.profile,
        )
    }

    fn data(&self) -> Result<Data> {
        let manifest: serde_json::Value = serde_json::from_slice(
            &fs::read(self.staging.join("data/manifest.json"))
                .context("the bundled data has no manifest")?,
        )?;
        let files: Vec<(String, Option<String>)> = manifest["files"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| {
                Some((
                    f["path"].as_str()?.to_owned(),
                    f["sha256"].as_str().map(str::to_owned),
                ))
            })
            // Files elsewhere (`https:…`) are not bundled.
            .filter(|(path, _)| {
                !path
                    .split_once(':')
                    .is_some_and(|(scheme, _)| scheme.chars().all(|c| c.is_ascii_alphabetic()))
            })
            .collect();
        let paths = std::iter::once("data/manifest.json".to_owned())
            .chain(files.iter().map(|(p, _)| format!("data/{p}")))
            .collect();
        Ok(Data { paths, files })
    }

    /// public/<name> with `const NAME = <value>;` lines before it.
    fn template(&self, name: &str, values: &[(&str, serde_json::Value)]) -> Result<String> {
        let body = fs::read_to_string(self.source.join("public").join(name))?;
        let head: String = values
            .iter()
            .map(|(k, v)| format!("const {k} = {v}; // written by the build\n"))
            .collect();
        Ok(head + &body)
    }

    /// The shell's script first (it runs before the first paint), then the app's module, its
    /// glue and its wasm fetched ahead.
    fn head_tags(&self, app: &App, shell_name: &str, shell: &str) -> Result<String> {
        let read = |name: &str| fs::read(self.staging.join(app.path(name)));
        Ok(format!(
            concat!(
                r#"<script src="./{shell}" integrity="{shell_sri}"></script>"#,
                "\n",
                r#"<link rel="modulepreload" href="./{glue}" integrity="{glue_sri}" crossorigin="anonymous" />"#,
                "\n",
                r#"<link rel="preload" href="./{wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" />"#,
                "\n",
                r#"<script type="module" src="./{boot}" integrity="{boot_sri}" crossorigin="anonymous"></script>"#,
                "\n"
            ),
            shell = shell_name,
            shell_sri = sri(shell.as_bytes()),
            glue = app.path(&app.glue),
            glue_sri = sri(&read(&app.glue)?),
            wasm = app.path(&app.wasm),
            boot = app.path(app.boot),
            boot_sri = sri(&read(app.boot)?),
        ))
    }

    /// Writes sw.js with the app's files to precache (all but those on demand) and the data files
    /// as the first last good copies. The version is a hash of every app file's name and bytes, so
    /// a build that changes any of them installs as a new version.
    fn service_worker(&self, data: &Data) -> Result<String> {
        let all = files_under(self.staging)?
            .into_iter()
            .filter(|f| {
                !(f == "sw.js"
                    || f == offline::FILE
                    || f.starts_with("data/")
                    || f.starts_with('.'))
            })
            .collect::<Vec<_>>();
        let contents = all
            .iter()
            .map(|f| Ok((f.as_bytes(), fs::read(self.staging.join(f))?)))
            .collect::<Result<Vec<_>>>()?;
        let version = hash16(
            contents
                .iter()
                .flat_map(|(name, bytes)| [*name, bytes.as_slice()]),
        );
        let app: Vec<&String> = all
            .iter()
            .filter(|f| !ON_DEMAND.contains(&f.as_str()))
            .collect();
        let sw = self.template(
            "sw.js",
            &[(
                "BUILD",
                json!({ "version": version, "app": app, "data": data.paths }),
            )],
        )?;
        fs::write(self.staging.join("sw.js"), sw)?;
        Ok(version)
    }
}

/// `html` with `tags` added at the end of its head, and without the Rust link that told Trunk
/// to build none.
fn load_tags(html: &str, tags: &str) -> Result<String> {
    Ok(rewrite_str(
        html,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("link[data-trunk]", |el| {
                    el.remove();
                    Ok(())
                }),
                element!("head", |el| {
                    el.append(tags, ContentType::Html);
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )?)
}

/// Every file below `dir`, as `/`-separated paths relative to it, sorted.
pub fn files_under(dir: &Path) -> Result<Vec<String>> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type()?.is_dir() {
                walk(&entry.path(), &format!("{name}/"), out)?;
            } else {
                out.push(name);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, "", &mut out)?;
    out.sort();
    Ok(out)
}
