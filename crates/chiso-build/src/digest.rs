//! Content names and integrity: every file a page fetches by a name of its content is cached for
//! good, and every script it runs carries its subresource integrity.

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

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
