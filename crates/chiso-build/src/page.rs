//! index.html, edited as HTML: the tags that load the shell's script and the app (each with its
//! integrity), and the build's version.

use crate::app::App;
use crate::digest::sri;
use anyhow::Result;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use std::fs;
use std::path::Path;

/// The shell's script first (it runs before the first paint), then the app's module, its glue
/// and its wasm fetched ahead. The wasm's preload carries no integrity: the glue's own fetch has
/// none, and a preload is only used by a request with the same integrity.
pub fn load_app(
    html: &str,
    app: &App,
    staging: &Path,
    shell_name: &str,
    shell: &str,
) -> Result<String> {
    let read = |name: &str| fs::read(staging.join(app.path(name)));
    let tags = format!(
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
    );
    load_tags(html, &tags)
}

/// The version the service worker installs as, for the page to compare.
pub fn add_version(html: &str, version: &str) -> Result<String> {
    load_tags(
        html,
        &format!(r#"<meta name="chiso-build" content="{version}" />"#),
    )
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
