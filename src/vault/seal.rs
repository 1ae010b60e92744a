//! The vault's cryptography, the same for every backend: XChaCha20-Poly1305 with a random
//! 192-bit nonce in front of the ciphertext, and associated data that binds a sealed value to
//! what it is (a field of a case, a wrapped data key, a document). A backend stores what these
//! functions produce and never sees a data key in clear on disk.

use chacha20poly1305::XChaCha20Poly1305;
use chacha20poly1305::XNonce;
use chacha20poly1305::aead::{Aead, Payload};

use super::VaultError;
use crate::data_dir::random_bytes;

/// Length of the nonce in front of every sealed value.
pub const NONCE: usize = 24;
/// Length of the authentication tag.
pub const TAG: usize = 16;

/// Seals `plaintext` under `cipher` with associated data `aad`: nonce, then ciphertext.
pub fn seal_with(
    cipher: &XChaCha20Poly1305,
    plaintext: &[u8],
    aad: &[u8],
) -> Result<Vec<u8>, VaultError> {
    let nonce_bytes = random_bytes::<NONCE>();
    let nonce = XNonce::from(nonce_bytes);
    let mut out = nonce_bytes.to_vec();
    let sealed = cipher
        .encrypt(
            &nonce,
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .map_err(|_| VaultError::Storage("encryption failed".into()))?;
    out.extend(sealed);
    Ok(out)
}

/// Opens what [`seal_with`] made, if `cipher` and `aad` are the ones it was sealed with.
pub fn open_with(cipher: &XChaCha20Poly1305, sealed: &[u8], aad: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < NONCE + TAG {
        return None;
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE);
    let nonce = XNonce::from(<[u8; NONCE]>::try_from(nonce).ok()?);
    cipher
        .decrypt(
            &nonce,
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .ok()
}

/// Associated data of a case's field.
pub fn field_aad(key_id: &str, field: &str) -> Vec<u8> {
    format!("recourse/sealed/v1\n{key_id}\n{field}").into_bytes()
}

/// Associated data of a wrapped data key.
pub fn key_aad(key_id: &str) -> Vec<u8> {
    format!("recourse/data-key/v1\n{key_id}").into_bytes()
}

/// Associated data of a document.
pub fn document_aad(key_id: &str, hex_hash: &str) -> Vec<u8> {
    format!("recourse/evidence/v1\n{key_id}\n{hex_hash}").into_bytes()
}

/// Associated data of a file attached to a case: its case and its attachment id, so a sealed
/// file cannot be passed off as another attachment, or another case's.
pub fn attachment_aad(key_id: &str, case: &str, attachment: &str) -> Vec<u8> {
    format!("recourse/attachment/v1\n{key_id}\n{case}\n{attachment}").into_bytes()
}
