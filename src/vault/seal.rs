//! The vault's cryptography, the same for every backend: XChaCha20-Poly1305 with a random
//! 192-bit nonce in front of the ciphertext, and associated data that binds a sealed value to
//! what it is (a field of a case, a wrapped data key, a document). A backend stores what these
//! functions produce and never sees a data key in clear on disk: it keeps wrapped keys, the
//! ids destroyed and sealed documents, and calls [`new_wrapped_key`], [`unwrap_key`],
//! [`seal_field`], [`open_field`], [`seal_document`] and [`open_document`] for the rest, so
//! that every backend seals the same bytes the same way.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use chacha20poly1305::XChaCha20Poly1305;
use chacha20poly1305::XNonce;
use chacha20poly1305::aead::{Aead, Payload};
use recourse_events::Hash;
use recourse_events::limits::MAX_SEALED_PLAINTEXT;
use recourse_events::sealed::Sealed;

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

/// An unwrapped data key (zeroed when dropped).
pub type DataKey = zeroize::Zeroizing<[u8; 32]>;

/// A fresh random data key and its wrapping under `master` for id `id`: what a backend stores.
pub fn new_wrapped_key(
    master: &XChaCha20Poly1305,
    id: &str,
) -> Result<(DataKey, Vec<u8>), VaultError> {
    let key: DataKey = zeroize::Zeroizing::new(random_bytes::<32>());
    let wrapped = seal_with(master, key.as_slice(), &key_aad(id))?;
    Ok((key, wrapped))
}

/// Unwraps a stored data key of id `id` under `master`: a key that does not unwrap (altered,
/// wrapped for another id, or a wrong master key) is a storage error, never a key.
pub fn unwrap_key(
    master: &XChaCha20Poly1305,
    id: &str,
    wrapped: &[u8],
) -> Result<DataKey, VaultError> {
    let raw =
        zeroize::Zeroizing::new(open_with(master, wrapped, &key_aad(id)).ok_or_else(|| {
            VaultError::Storage(format!("data key {id} does not unwrap: wrong master key?"))
        })?);
    let key: [u8; 32] = raw
        .as_slice()
        .try_into()
        .map_err(|_| VaultError::Storage("bad data key length".into()))?;
    Ok(zeroize::Zeroizing::new(key))
}

/// Whether a wrapped key unwraps to a key under `master` (the audit's test).
pub fn unwraps(master: &XChaCha20Poly1305, id: &str, wrapped: &[u8]) -> bool {
    unwrap_key(master, id, wrapped).is_ok()
}

/// The cipher of an unwrapped data key.
pub fn cipher_of(key: &DataKey) -> XChaCha20Poly1305 {
    use chacha20poly1305::KeyInit;
    XChaCha20Poly1305::new(&chacha20poly1305::Key::from(**key))
}

/// Refuses a text too long to seal into an entry (a refusal of input: backends check it before
/// they look the key up).
pub fn check_sealable(field: &str, plaintext: &str) -> Result<(), VaultError> {
    // Counted in bytes, as stored: any text within the character limits fits.
    if plaintext.len() > MAX_SEALED_PLAINTEXT {
        return Err(VaultError::TooLong(field.to_string(), plaintext.len()));
    }
    Ok(())
}

/// Seals `plaintext` as field `field` under data key `key_id` (its `cipher`), refusing a text
/// too long for an entry.
pub fn seal_field(
    cipher: &XChaCha20Poly1305,
    key_id: &str,
    field: &str,
    plaintext: &str,
) -> Result<Sealed, VaultError> {
    check_sealable(field, plaintext)?;
    let bytes = seal_with(cipher, plaintext.as_bytes(), &field_aad(key_id, field))?;
    Ok(Sealed {
        sealed: BASE64.encode(bytes),
        key: key_id.to_string(),
    })
}

/// Opens a sealed field with its data key's `cipher`.
pub fn open_field(
    cipher: &XChaCha20Poly1305,
    sealed: &Sealed,
    field: &str,
) -> Result<String, VaultError> {
    let bytes = BASE64
        .decode(&sealed.sealed)
        .map_err(|_| VaultError::Malformed)?;
    let plain = open_with(cipher, &bytes, &field_aad(&sealed.key, field))
        .ok_or_else(|| VaultError::Unsealable(sealed.key.clone()))?;
    String::from_utf8(plain).map_err(|_| VaultError::Malformed)
}

/// Seals a document under data key `key_id`: its SHA-256 (the name it is stored under) and
/// the sealed bytes.
pub fn seal_document(
    cipher: &XChaCha20Poly1305,
    key_id: &str,
    bytes: &[u8],
) -> Result<(Hash, Vec<u8>), VaultError> {
    let hash = Hash::digest(bytes);
    let sealed = seal_with(cipher, bytes, &document_aad(key_id, &hash.to_hex()))?;
    Ok((hash, sealed))
}

/// Opens a sealed document stored under `hash`.
pub fn open_document(
    cipher: &XChaCha20Poly1305,
    key_id: &str,
    hash: &Hash,
    sealed: &[u8],
) -> Result<Vec<u8>, VaultError> {
    open_with(cipher, sealed, &document_aad(key_id, &hash.to_hex()))
        .ok_or_else(|| VaultError::Unsealable(key_id.into()))
}

/// Whether `name` is a document's stored name (64 hex digits), as an imported copy must give.
pub fn is_document_name(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A fresh data key id (`dk-<16 hex>`).
pub fn new_key_id() -> String {
    format!("dk-{}", hex::encode(random_bytes::<8>()))
}
