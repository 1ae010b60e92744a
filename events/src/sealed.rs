//! Sealed values: how personal data appears in an entry.
//!
//! `{"sealed": "<base64 nonce || ciphertext>", "key": "<data key id>"}`. The cipher
//! (XChaCha20-Poly1305) and the key vault live outside this crate; here a sealed value is opaque,
//! which is the point: rules, projections and verification never need what is inside.

use serde::{Deserialize, Serialize};

/// Largest sealed value accepted (base64 text): see [`crate::limits`].
pub use crate::limits::MAX_SEALED_LEN;

/// An encrypted personal field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sealed {
    /// Standard base64 of the 24-byte nonce followed by the ciphertext and tag.
    pub sealed: String,
    /// Id of the data key that sealed it.
    pub key: String,
}
