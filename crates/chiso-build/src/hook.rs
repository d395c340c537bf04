//! The build after cargo, step by step (docs/architecture.md, "The build"): the app's wasm cut
//! and bound (app.rs), the import worker's, the shell's script, the tags in index.html (page.rs),
//! the service worker (sw.rs), then in a release the offline file and the size report. Values go
//! into our own templates as lines written before them (public/shell.js and public/sw.js).

use crate::app;
use crate::cargo::{self, Profile};
use crate::data::Data;
use crate::digest::hash16;
use crate::wasm::{bind, optimise, Glue};
use crate::{offline, page, sizes, sw, whole};
use anyhow::Result;
use serde_json::json;
use std::fs;
use std::path::Path;

const WORKER: &str = "chiso-import-worker";

pub struct Build<'a> {
    pub source: &'a Path,
    pub staging: &'a Path,
    pub profile: Profile,
}

impl Build<'_> {
    pub fn run(&self) -> Result<()> {
        let linked_path = cargo::build(app::STEM, self.profile)?;
        let linked = fs::read(&linked_path)?;
        let app = app::build(&linked, self.source, self.staging, self.profile)?;
        self.worker()?;
        let data = Data::read(self.staging)?;
        let early = app.part(app::EARLY_PART);
        let shell = self.template(
            "shell.js",
            &[("PRELOAD", json!(data.paths)), ("PARTS", json!(early))],
        )?;
        let shell_name = format!("shell-{}.js", hash16([shell.as_bytes()]));
        fs::write(self.staging.join(&shell_name), &shell)?;

        let index = self.staging.join("index.html");
        let html = fs::read_to_string(&index)?;
        let html = page::load_app(&html, &app, self.staging, &shell_name, &shell)?;
        fs::write(&index, &html)?;

        let version = sw::write(self.staging, &self.template("sw.js", &[])?, &data)?;
        let html = page::add_version(&html, &version)?;
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

    /// public/<name> with `const NAME = <value>;` lines before it.
    fn template(&self, name: &str, values: &[(&str, serde_json::Value)]) -> Result<String> {
        let body = fs::read_to_string(self.source.join("public").join(name))?;
        let head: String = values
            .iter()
            .map(|(k, v)| format!("const {k} = {v}; // written by the build\n"))
            .collect();
        Ok(head + &body)
    }
}
