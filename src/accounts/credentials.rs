//! The accounts' cryptography, the same for every backend: Argon2id derives a key from a
//! password, SHA-256 with a domain prefix derives a key and a lookup from a set-up token, and
//! XChaCha20-Poly1305 seals a signing key's seed under either, bound to the sign-in name. A
//! backend stores what these functions make; none of it opens a key without the password or
//! the link.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use recourse_events::SecretKey;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::AccountError;
use crate::data_dir::random_bytes;

/// Argon2id with OWASP's parameters (19 MiB, 2 passes, one lane).
fn argon2() -> Result<Argon2<'static>, AccountError> {
    let params = Params::new(19 * 1024, 2, 1, Some(32))
        .map_err(|e| AccountError::Storage(format!("Argon2 parameters: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// The key a password and salt derive.
pub fn password_key(password: &str, salt: &[u8]) -> Result<Zeroizing<[u8; 32]>, AccountError> {
    let mut out = Zeroizing::new([0u8; 32]);
    argon2()?
        .hash_password_into(password.as_bytes(), salt, &mut *out)
        .map_err(|e| AccountError::Storage(format!("Argon2: {e}")))?;
    Ok(out)
}

/// The key a set-up token derives (it seals the seed until a password is chosen).
pub fn token_key(token: &str) -> Zeroizing<[u8; 32]> {
    Zeroizing::new(
        Sha256::new()
            .chain_update(b"recourse/setup-key/v1\n")
            .chain_update(token.as_bytes())
            .finalize()
            .into(),
    )
}

/// What is stored to find a set-up token's account (never the token).
pub fn token_lookup(token: &str) -> Vec<u8> {
    Sha256::new()
        .chain_update(b"recourse/setup-lookup/v1\n")
        .chain_update(token.as_bytes())
        .finalize()
        .to_vec()
}

fn aad(login: &str) -> String {
    format!("recourse/staff-key/v1\n{login}")
}

/// Seals a signing key's seed under `key`, for the account `login`.
pub fn seal_seed(key: &[u8; 32], seed: &[u8; 32], login: &str) -> Result<Vec<u8>, AccountError> {
    let nonce = random_bytes::<24>();
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    let mut out = nonce.to_vec();
    let aad = aad(login);
    out.extend(
        cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: seed,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| AccountError::Storage("sealing a signing key failed".into()))?,
    );
    Ok(out)
}

/// Opens what [`seal_seed`] made, if `key` and `login` are the ones it was sealed with.
pub fn open_seed(key: &[u8; 32], sealed: &[u8], login: &str) -> Option<SecretKey> {
    let (nonce, ct) = sealed.split_at_checked(24)?;
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    let aad = aad(login);
    let seed = Zeroizing::new(
        cipher
            .decrypt(
                &XNonce::from(<[u8; 24]>::try_from(nonce).ok()?),
                Payload {
                    msg: ct,
                    aad: aad.as_bytes(),
                },
            )
            .ok()?,
    );
    Some(SecretKey::from_seed(
        &<[u8; 32]>::try_from(seed.as_slice()).ok()?,
    ))
}

/// A fresh random salt for [`password_key`].
pub fn salt() -> [u8; 16] {
    random_bytes::<16>()
}

/// A fresh set-up token (128 random bits, hex).
pub fn setup_token() -> super::SetupToken {
    super::SetupToken(hex::encode(random_bytes::<16>()))
}

/// A stored staff id back (a row that does not hold one is a storage error).
pub fn parse_staff(staff: &str) -> Result<recourse_events::ids::StaffId, AccountError> {
    staff
        .parse()
        .map_err(|_| AccountError::Storage("bad staff id".into()))
}

/// When a link issued at `now` expires (RFC 3339; the end of time if that overflows).
pub fn expiry(now: jiff::Timestamp) -> String {
    now.checked_add(super::SETUP_VALIDITY)
        .unwrap_or(jiff::Timestamp::MAX)
        .to_string()
}
