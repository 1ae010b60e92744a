//! The sealing every persistent session backend shares: a session's secrets (the signing
//! key's seed and the CSRF token) sealed with XChaCha20-Poly1305 under a key derived from the
//! token with its own domain (`SHA-256("recourse/session-key/v1\n" || token)`), bound to the
//! token's lookup and the staff member. A store keeps what [`seal`] makes beside the lookup and
//! never the token, so nothing it holds opens a key without the cookie; a row whose seal does
//! not open (altered, or moved to another lookup or person) is no session. Times are stored as
//! milliseconds since the epoch ([`millis`], [`at`]).

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use jiff::{SignedDuration, Timestamp};
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::{SessionError, lookup};
use crate::data_dir::random_bytes;

/// How stale a session's recorded last use may get before a request writes it again.
pub const TOUCH: SignedDuration = SignedDuration::from_secs(60);

/// The key that seals a session's secrets: derived from the token, which is never stored.
fn sealing_key(token: &str) -> Zeroizing<[u8; 32]> {
    Zeroizing::new(
        Sha256::new()
            .chain_update(b"recourse/session-key/v1\n")
            .chain_update(token.as_bytes())
            .finalize()
            .into(),
    )
}

fn aad(lookup: &[u8; 32], staff: StaffId) -> Vec<u8> {
    let mut aad = b"recourse/session/v1\n".to_vec();
    aad.extend_from_slice(lookup);
    aad.extend_from_slice(staff.to_string().as_bytes());
    aad
}

/// Seals the seed and the CSRF token: nonce, then ciphertext of `seed || csrf`.
pub fn seal(
    token: &str,
    staff: StaffId,
    key: &SecretKey,
    csrf: &str,
) -> Result<Vec<u8>, SessionError> {
    let cipher = XChaCha20Poly1305::new(&Key::from(*sealing_key(token)));
    let nonce = random_bytes::<24>();
    let mut plain = Zeroizing::new(key.seed().to_vec());
    plain.extend_from_slice(csrf.as_bytes());
    let sealed = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &plain,
                aad: &aad(&lookup(token), staff),
            },
        )
        .map_err(|_| SessionError::Storage("sealing a session failed".into()))?;
    let mut out = nonce.to_vec();
    out.extend(sealed);
    Ok(out)
}

/// Opens what [`seal`] made with the same token and staff member: the key and the CSRF token.
pub fn open(token: &str, staff: StaffId, sealed: &[u8]) -> Option<(SecretKey, String)> {
    let (nonce, ct) = sealed.split_at_checked(24)?;
    let cipher = XChaCha20Poly1305::new(&Key::from(*sealing_key(token)));
    let plain = Zeroizing::new(
        cipher
            .decrypt(
                &XNonce::from(<[u8; 24]>::try_from(nonce).ok()?),
                Payload {
                    msg: ct,
                    aad: &aad(&lookup(token), staff),
                },
            )
            .ok()?,
    );
    let (seed, csrf) = plain.split_at_checked(32)?;
    let seed = Zeroizing::new(<[u8; 32]>::try_from(seed).ok()?);
    Some((
        SecretKey::from_seed(&seed),
        String::from_utf8(csrf.to_vec()).ok()?,
    ))
}

/// A time as stored: milliseconds since the epoch.
pub fn millis(t: Timestamp) -> i64 {
    t.as_millisecond()
}

/// A stored time back (the earliest time if out of range).
pub fn at(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(Timestamp::MIN)
}

/// `now - by`, in milliseconds, saturating.
pub fn before(now: Timestamp, by: SignedDuration) -> i64 {
    millis(now.checked_sub(by).unwrap_or(Timestamp::MIN))
}
