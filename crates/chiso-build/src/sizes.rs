//! The size report: what a first visit to the dashboard fetches before its first chart, what an
//! embed fetches, and the parts and files fetched later or never, raw, gzip -9 and brotli 11.

use crate::app::{App, EARLY_PART};
use crate::digest::files_under;
use crate::offline;
use crate::sw::ON_DEMAND;
use anyhow::Result;
use flate2::{write::GzEncoder, Compression};
use std::fs;
use std::io::Write;
use std::path::Path;

type Sizes = [usize; 3];

pub fn report(staging: &Path, app: &App, shell: &str) -> Result<()> {
    let early = app.part(EARLY_PART);
    let mut later: Vec<String> = app
        .parts
        .values()
        .flatten()
        .map(|f| app.path(f))
        .filter(|f| !early.contains(f))
        .collect();
    later.sort();
    later.dedup();
    let first: Vec<String> = [
        "index.html".to_owned(),
        shell.to_owned(),
        "sw.js".to_owned(),
    ]
    .into_iter()
    .chain(
        files_under(staging)?
            .into_iter()
            .filter(|f| f.ends_with(".css")),
    )
    .chain([app.boot, app.glue.as_str(), app.loader, app.wasm.as_str()].map(|f| app.path(f)))
    .collect();
    let sizes = |f: &str| sizes(&fs::read(staging.join(f))?);
    println!("size of the build                        raw          gzip        brotli");
    for f in first.iter().chain(&early) {
        row(f, sizes(f)?, "");
    }
    row(
        "total (an embed)",
        total(first.iter().map(|f| sizes(f)))?,
        "",
    );
    row(
        "total (the dashboard)",
        total(first.iter().chain(&early).map(|f| sizes(f)))?,
        "",
    );
    for f in &later {
        row(f, sizes(f)?, "  (when shown)");
    }
    for f in ON_DEMAND {
        row(f, sizes(f)?, "  (on demand)");
    }
    row(
        offline::FILE,
        sizes(offline::FILE)?,
        "  (single file: app and sample data)",
    );
    Ok(())
}

fn sizes(bytes: &[u8]) -> Result<Sizes> {
    let mut gzip = GzEncoder::new(Vec::new(), Compression::best());
    gzip.write_all(bytes)?;
    let mut brotli = Vec::new();
    brotli::BrotliCompress(
        &mut &bytes[..],
        &mut brotli,
        &brotli::enc::BrotliEncoderParams {
            quality: 11,
            ..Default::default()
        },
    )?;
    Ok([bytes.len(), gzip.finish()?.len(), brotli.len()])
}

fn total(mut sizes: impl Iterator<Item = Result<Sizes>>) -> Result<Sizes> {
    sizes.try_fold([0; 3], |t, s| {
        let s = s?;
        Ok([t[0] + s[0], t[1] + s[1], t[2] + s[2]])
    })
}

fn row(label: &str, s: Sizes, note: &str) {
    let kib = |n: usize| format!("{:>10.1} KiB", n as f64 / 1024.0);
    println!(
        "  {label:<36} {}{}{}{note}",
        kib(s[0]),
        kib(s[1]),
        kib(s[2])
    );
}
