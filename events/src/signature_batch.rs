//! Ed25519 batch verification with the signatures of one key folded together.
//!
//! A batch of `n` signatures `(R_i, s_i)` by keys `A_i` on messages `M_i` is accepted when, for
//! random 128-bit `z_i`,
//!
//! ```text
//! [-Σ z_i·s_i] B + Σ [z_i] R_i + Σ_keys [Σ_{i signed by A} z_i·h_i] A = 0,   h_i = H(R_i ‖ A_i ‖ M_i)
//! ```
//!
//! which is the equation `ed25519_dalek::verify_batch` checks (cofactorless, as there), with one
//! difference: the terms of signatures by the same key are added before the multiscalar
//! multiplication, so it has `n + keys + 1` points instead of `2n + 1`. In a ledger most events
//! are signed by few keys (the web form's, each staff member's), which nearly halves the work
//! of the multiplication, the larger part of verifying. The `z_i` come from the operating
//! system's random generator (expanded with SHA-512), not from the batch itself, so nobody can
//! choose signatures against them.

use std::collections::HashMap;

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::{IsIdentity, VartimeMultiscalarMul};
use sha2::{Digest, Sha512};

use crate::key::{PublicKey, Signature};

/// True if every signature verifies (with overwhelming probability, as for any batch check).
/// `messages[i]` is what `signatures[i]` by `keys[i]` signs.
pub fn verify_batch<M: AsRef<[u8]>>(
    messages: &[M],
    signatures: &[Signature],
    keys: &[PublicKey],
) -> bool {
    let n = signatures.len();
    if messages.len() != n || keys.len() != n {
        return false;
    }
    let zs = random_scalars(n);
    let mut b_coefficient = Scalar::ZERO;
    let mut r_points: Vec<Option<EdwardsPoint>> = Vec::with_capacity(n);
    // Distinct keys of the batch, with their summed coefficients; `slot` finds a key's entry.
    let mut key_points: Vec<(EdwardsPoint, Scalar)> = Vec::new();
    let mut slot: HashMap<&[u8; 32], usize> = HashMap::new();
    for i in 0..n {
        let sig = &signatures[i];
        let Some(s) = Option::<Scalar>::from(Scalar::from_canonical_bytes(*sig.s_bytes())) else {
            return false;
        };
        let key = keys[i].verifying_key();
        let mut h = Sha512::new();
        h.update(sig.r_bytes());
        h.update(key.as_bytes());
        h.update(messages[i].as_ref());
        let hram = Scalar::from_bytes_mod_order_wide(&h.finalize().into());
        let z = zs[i];
        b_coefficient += z * s;
        r_points.push(CompressedEdwardsY(*sig.r_bytes()).decompress());
        let zh = z * hram;
        match slot.get(key.as_bytes()) {
            Some(&k) => key_points[k].1 += zh,
            None => {
                slot.insert(key.as_bytes(), key_points.len());
                key_points.push((key.to_edwards(), zh));
            }
        }
    }
    let scalars = std::iter::once(-b_coefficient)
        .chain(zs.iter().copied())
        .chain(key_points.iter().map(|k| k.1));
    let points = std::iter::once(Some(ED25519_BASEPOINT_POINT))
        .chain(r_points)
        .chain(key_points.iter().map(|k| Some(k.0)));
    EdwardsPoint::optional_multiscalar_mul(scalars, points).is_some_and(|p| p.is_identity())
}

/// `n` random 128-bit scalars: 32 bytes from the OS, expanded by SHA-512 (four per hash).
fn random_scalars(n: usize) -> Vec<Scalar> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).expect("the operating system's random generator");
    let mut out = Vec::with_capacity(n + 3);
    let mut counter = 0u64;
    while out.len() < n {
        let block: [u8; 64] = Sha512::new()
            .chain_update(seed)
            .chain_update(counter.to_le_bytes())
            .finalize()
            .into();
        counter += 1;
        for chunk in block.chunks_exact(16) {
            let mut wide = [0u8; 32];
            wide[..16].copy_from_slice(chunk);
            out.push(Scalar::from_bytes_mod_order(wide));
        }
    }
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key::SecretKey;

    fn batch(n: usize, keys: usize) -> (Vec<Vec<u8>>, Vec<Signature>, Vec<PublicKey>) {
        let secrets: Vec<SecretKey> = (0..keys)
            .map(|k| {
                let mut seed = [1u8; 32];
                seed[..8].copy_from_slice(&(k as u64).to_le_bytes());
                SecretKey::from_seed(&seed)
            })
            .collect();
        let mut messages = Vec::new();
        let mut sigs = Vec::new();
        let mut pks = Vec::new();
        for i in 0..n {
            let sk = &secrets[i % keys];
            let m = format!("message {i}").into_bytes();
            sigs.push(sk.sign(&m));
            pks.push(sk.public());
            messages.push(m);
        }
        (messages, sigs, pks)
    }

    #[test]
    fn accepts_exactly_what_verify_strict_and_dalek_batch_accept() {
        for (n, keys) in [(1, 1), (7, 1), (64, 3), (300, 300), (513, 17)] {
            let (m, s, k) = batch(n, keys);
            assert!(
                verify_batch(&m, &s, &k),
                "{n} honest signatures by {keys} keys"
            );
            let refs: Vec<&[u8]> = m.iter().map(Vec::as_slice).collect();
            let vks: Vec<_> = k.iter().map(|k| *k.verifying_key()).collect();
            assert!(ed25519_dalek::verify_batch(&refs, &s, &vks).is_ok());
            // One wrong message, one wrong key, one altered s or R: refused, as by dalek.
            let i = n / 2;
            let mut m2 = m.clone();
            m2[i].push(b'!');
            assert!(!verify_batch(&m2, &s, &k));
            let mut k2 = k.clone();
            k2[i] = SecretKey::from_seed(&[200; 32]).public();
            assert!(!verify_batch(&m, &s, &k2));
            for byte in [0usize, 40] {
                let mut s2 = s.clone();
                let mut raw = s2[i].to_bytes();
                raw[byte] ^= 1;
                s2[i] = Signature::from_bytes(&raw);
                assert!(!verify_batch(&m, &s2, &k), "byte {byte} altered");
                assert!(!k[i].verify_strict(&m[i], &s2[i]));
            }
        }
    }

    #[test]
    fn a_non_canonical_s_is_refused() {
        let (m, s, k) = batch(3, 1);
        let mut raw = s[1].to_bytes();
        // s + l is the same scalar mod l, but not canonical.
        let l: [u8; 32] = [
            0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9,
            0xde, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
        ];
        let mut carry = 0u16;
        for j in 0..32 {
            let sum = raw[32 + j] as u16 + l[j] as u16 + carry;
            raw[32 + j] = sum as u8;
            carry = sum >> 8;
        }
        let mut s2 = s.clone();
        s2[1] = Signature::from_bytes(&raw);
        assert!(!verify_batch(&m, &s2, &k));
        assert!(!k[1].verify_strict(&m[1], &s2[1]));
    }

    #[test]
    fn mismatched_lengths_are_refused() {
        let (m, s, k) = batch(3, 1);
        assert!(!verify_batch(&m[..2], &s, &k));
    }
}
