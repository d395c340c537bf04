//! Content names and integrity: every file a page fetches by a name of its content is cached for
//! good, and every script it runs carries its subresource integrity.

use anyhow::Result;
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::fs;
use std::path::Path;

/// The first 16 hex digits of the SHA-256 of `parts`, each followed by a NUL.
pub fn hash16<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part);
        hash.update([0]);
    }
    hash.finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A name for the files `names` below `dir`: their names and bytes.
pub fn hash_files(dir: &Path, names: &[String]) -> Result<String> {
    let contents = names
        .iter()
        .map(|n| Ok((n.as_bytes(), fs::read(dir.join(n))?)))
        .collect::<Result<Vec<_>>>()?;
    Ok(hash16(
        contents
            .iter()
            .flat_map(|(name, bytes)| [*name, bytes.as_slice()]),
    ))
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

/// The `integrity` attribute's value for `bytes`.
pub fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_change_with_any_part_and_its_boundaries() {
        let ab = hash16([b"a".as_slice(), b"b"]);
        assert_eq!(ab.len(), 16);
        assert_ne!(ab, hash16([b"ab".as_slice()]));
        assert_ne!(ab, hash16([b"a".as_slice(), b"c"]));
        assert_eq!(ab, hash16([b"a".as_slice(), b"b"]));
    }

    #[test]
    fn integrity_is_sha384_in_base64() {
        // The SHA-384 of the empty string, as browsers check it.
        assert_eq!(
            sri(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }
}
