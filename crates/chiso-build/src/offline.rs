//! The offline demo: one HTML file that works from a USB stick by double-click. Browsers block
//! fetch() and module scripts on file://, so everything is inline: the CSS, the shell's script,
//! the sample data as JSON script elements the app reads instead of fetching, the app as one
//! module (crate::whole) with its classic-script glue, and its wasm as base64, compiled
//! asynchronously. The page is index.html itself, its external files taken out.

use crate::data::Data;
use anyhow::{bail, Result};
use base64::Engine;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use std::fs;
use std::path::Path;

pub const FILE: &str = "chiso-offline.html";

pub fn page(
    index: &str,
    staging: &Path,
    shell: &str,
    glue: &str,
    wasm: &[u8],
    data: &Data,
) -> Result<String> {
    for (what, code) in [("the shell's script", shell), ("the glue", glue)] {
        if code.to_ascii_lowercase().contains("</script") {
            bail!("{what} holds </script and cannot be inlined");
        }
    }
    let mut files = String::new();
    for (path, sha256) in &data.files {
        let text = fs::read_to_string(staging.join("data").join(path))?;
        // The app checks the element's text against the file's sha256, so it must be the file's
        // bytes as they are: no escaping. "</" would end the element, "<!--" could hide its end.
        if text.contains("</") || text.contains("<!--") {
            bail!("data/{path} holds </ or <!-- and cannot be inlined as it is");
        }
        let sha = sha256
            .as_deref()
            .map(|s| format!(r#" data-sha256="{}""#, attribute(s)))
            .unwrap_or_default();
        files += &format!(
            "<script type=\"application/json\" data-chiso-file=\"{}\"{sha}>{text}</script>\n",
            attribute(path)
        );
    }
    let base64 = base64::engine::general_purpose::STANDARD.encode(wasm);
    let start = format!(
        "<script>\n{glue}\n(function () {{\n  const text = atob(\"{base64}\");\n  const bytes = new Uint8Array(text.length);\n  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);\n  wasm_bindgen({{ module_or_path: bytes }});\n}})();\n</script>\n"
    );
    let page = rewrite_str(
        index,
        RewriteStrSettings {
            element_content_handlers: vec![
                element!("link[rel=stylesheet][href]", |el| {
                    let href = el.get_attribute("href").unwrap_or_default();
                    let css = fs::read_to_string(staging.join(href.trim_start_matches("./")))?;
                    if css.to_ascii_lowercase().contains("</style") {
                        return Err("the stylesheet holds </style and cannot be inlined".into());
                    }
                    el.replace(&format!("<style>{css}</style>"), ContentType::Html);
                    Ok(())
                }),
                // Icons, the web manifest, preloads and scripts by address: none can be had on file://.
                element!("link:not([rel=stylesheet]), script[src]", |el| {
                    el.remove();
                    Ok(())
                }),
                element!("head", |el| {
                    el.append(&format!("<script>\n{shell}</script>\n"), ContentType::Html);
                    Ok(())
                }),
                element!("body", |el| {
                    el.append(&files, ContentType::Html);
                    el.append(&start, ContentType::Html);
                    Ok(())
                }),
            ],
            ..RewriteStrSettings::new()
        },
    )?;
    Ok(page)
}

fn attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}
