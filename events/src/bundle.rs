//! The export bundle: a whole ledger in one file that a third party verifies without the server.
//!
//! Line 1 is a JSON header (format, origin, size, and the latest signed checkpoint); each of the
//! next `size` lines is one entry, byte for byte as in the log. Canonical JSON escapes every
//! control character, so an entry never contains a newline and the file is plain JSON Lines:
//! `sed -n 2p` gives entry 0, and `SHA-256(0x00 || line)` is its leaf hash. The verifier's trust
//! comes from the ledger's public key, obtained separately (`--vkey`), never from the bundle.
//!
//! The header's checkpoint may carry witnesses' cosignatures after the log's signature
//! (C2SP tlog-cosignature `cosignature/v1` lines): a verifier given witness keys requires them,
//! one that is not ignores them, as a signed note's unknown signatures are.

use serde::{Deserialize, Serialize};

/// The `format` value of a v1 bundle.
pub const BUNDLE_FORMAT: &str = "recourse-bundle/v1";

/// First line of a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleHeader {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// The log's origin.
    pub origin: String,
    /// Number of entry lines that follow.
    pub size: u64,
    /// The signed checkpoint (note text) covering exactly `size` entries, with any witness
    /// cosignature lines after the log's signature.
    pub checkpoint: String,
}

/// A header line that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a Recourse bundle: {0}")]
pub struct BundleError(pub String);

impl BundleHeader {
    /// Parses and checks the first line.
    pub fn parse(line: &[u8]) -> Result<Self, BundleError> {
        let header: BundleHeader =
            serde_json::from_slice(line).map_err(|e| BundleError(format!("header: {e}")))?;
        if header.format != BUNDLE_FORMAT {
            return Err(BundleError(format!(
                "format {:?} is not {BUNDLE_FORMAT}",
                header.format
            )));
        }
        Ok(header)
    }
}
