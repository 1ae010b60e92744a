//! Ed25519 keys: who signed an event, and how a key is named in envelopes.
//!
//! An envelope names its signer by a [`KeyId`]: the first 8 bytes of SHA-256 of the public key,
//! in hex. Short enough to repeat in every event, and unambiguous because the key registry
//! refuses a second key with an id already taken. Small-order (weak) public keys are refused when
//! parsed; keys with a torsion component are refused where a key becomes trusted (registration,
//! verifier keys), so that batch verification and `verify_strict` agree on every signature made
//! by a registered key. That check costs a scalar multiplication, so it is not paid by every
//! reader of an event that merely mentions a key.

use std::fmt;
use std::str::FromStr;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ed25519_dalek::{Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use ed25519_dalek::Signature;

use crate::hash::Hash;

/// The short name of a public key in envelopes: hex of the first 8 bytes of SHA-256(key).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId([u8; 8]);

/// A key or key id that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Not 16 lowercase hex digits.
    #[error("a key id is 16 lowercase hex digits")]
    BadKeyId,
    /// Not base64 of 32 bytes, or not a point on the curve.
    #[error("not an Ed25519 public key")]
    BadPublicKey,
    /// A small-order or mixed-order point, which would let signatures verify differently
    /// under batch and strict verification.
    #[error("weak Ed25519 public key (small order or torsion component) refused")]
    WeakPublicKey,
    /// Not base64 of 64 bytes.
    #[error("not an Ed25519 signature")]
    BadSignature,
}

impl KeyId {
    /// The raw 8 bytes.
    pub fn as_bytes(&self) -> &[u8; 8] {
        &self.0
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

impl fmt::Debug for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyId({self})")
    }
}

impl FromStr for KeyId {
    type Err = KeyError;
    fn from_str(s: &str) -> Result<Self, KeyError> {
        if s.len() != 16 || s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(KeyError::BadKeyId);
        }
        let mut out = [0u8; 8];
        hex::decode_to_slice(s, &mut out).map_err(|_| KeyError::BadKeyId)?;
        Ok(KeyId(out))
    }
}

impl Serialize for KeyId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for KeyId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// An Ed25519 public key that is safe to register.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// Checks the 32 bytes are a point of the curve, not of small order.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, KeyError> {
        let key = VerifyingKey::from_bytes(bytes).map_err(|_| KeyError::BadPublicKey)?;
        if key.is_weak() {
            return Err(KeyError::WeakPublicKey);
        }
        Ok(PublicKey(key))
    }

    /// Refuses a key with a torsion component: required before a key is trusted to sign.
    pub fn check_trustworthy(&self) -> Result<(), KeyError> {
        if self.0.to_edwards().is_torsion_free() {
            Ok(())
        } else {
            Err(KeyError::WeakPublicKey)
        }
    }

    /// Parses standard base64 of the 32 key bytes.
    pub fn from_base64(s: &str) -> Result<Self, KeyError> {
        let bytes = BASE64.decode(s).map_err(|_| KeyError::BadPublicKey)?;
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| KeyError::BadPublicKey)?;
        Self::from_bytes(&bytes)
    }

    /// Standard base64 of the 32 key bytes.
    pub fn to_base64(&self) -> String {
        BASE64.encode(self.0.as_bytes())
    }

    /// The 32 key bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        self.0.as_bytes()
    }

    /// This key's id.
    pub fn key_id(&self) -> KeyId {
        let digest = Hash::digest(self.0.as_bytes());
        KeyId(digest.0[..8].try_into().expect("8 bytes"))
    }

    /// The dalek key, for batch verification.
    pub fn verifying_key(&self) -> &VerifyingKey {
        &self.0
    }

    /// `verify_strict` over `message`.
    pub fn verify_strict(&self, message: &[u8], signature: &Signature) -> bool {
        self.0.verify_strict(message, signature).is_ok()
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.to_base64())
    }
}

impl Serialize for PublicKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_base64())
    }
}

impl<'de> Deserialize<'de> for PublicKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        PublicKey::from_base64(&s).map_err(serde::de::Error::custom)
    }
}

/// An Ed25519 signing key. Generation (randomness) is the caller's: this crate does no IO.
#[derive(Clone)]
pub struct SecretKey(SigningKey);

impl SecretKey {
    /// The key with this 32-byte seed.
    pub fn from_seed(seed: &[u8; 32]) -> Self {
        SecretKey(SigningKey::from_bytes(seed))
    }

    /// The 32-byte seed, for storing the key.
    pub fn seed(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The public half.
    pub fn public(&self) -> PublicKey {
        // A key from a seed is a multiple of the base point: never weak, always torsion-free.
        PublicKey(self.0.verifying_key())
    }

    /// The public half's id.
    pub fn key_id(&self) -> KeyId {
        self.public().key_id()
    }

    /// Signs `message`.
    pub fn sign(&self, message: &[u8]) -> Signature {
        self.0.sign(message)
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey({}, ..)", self.key_id())
    }
}

/// Standard base64 of a signature's 64 bytes.
pub fn signature_to_base64(sig: &Signature) -> String {
    BASE64.encode(sig.to_bytes())
}

/// Parses standard base64 of exactly 64 bytes.
pub fn signature_from_base64(s: &str) -> Result<Signature, KeyError> {
    let bytes = BASE64.decode(s).map_err(|_| KeyError::BadSignature)?;
    let bytes: [u8; 64] = bytes.try_into().map_err(|_| KeyError::BadSignature)?;
    Ok(Signature::from_bytes(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ids_are_stable_and_parse_back() {
        let key = SecretKey::from_seed(&[7; 32]);
        let id = key.key_id();
        assert_eq!(id.to_string().len(), 16);
        assert_eq!(id.to_string().parse::<KeyId>(), Ok(id));
        assert_eq!(
            PublicKey::from_base64(&key.public().to_base64()),
            Ok(key.public())
        );
        assert!("ABCDEF0123456789".parse::<KeyId>().is_err());
    }

    #[test]
    fn refuses_small_order_keys() {
        // The identity point (y = 1) has order 1.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert_eq!(
            PublicKey::from_bytes(&identity),
            Err(KeyError::WeakPublicKey)
        );
    }

    #[test]
    fn a_key_with_a_torsion_component_parses_but_is_not_trusted() {
        use curve25519_dalek::constants::{ED25519_BASEPOINT_POINT, EIGHT_TORSION};
        use curve25519_dalek::scalar::Scalar;
        let mixed = ED25519_BASEPOINT_POINT * Scalar::from(12345u64) + EIGHT_TORSION[1];
        let key = PublicKey::from_bytes(&mixed.compress().to_bytes()).unwrap();
        assert_eq!(key.check_trustworthy(), Err(KeyError::WeakPublicKey));
        assert_eq!(
            SecretKey::from_seed(&[3; 32]).public().check_trustworthy(),
            Ok(())
        );
    }

    #[test]
    fn signatures_round_trip_and_verify() {
        let key = SecretKey::from_seed(&[9; 32]);
        let sig = key.sign(b"hello");
        assert_eq!(signature_from_base64(&signature_to_base64(&sig)), Ok(sig));
        assert!(key.public().verify_strict(b"hello", &sig));
        assert!(!key.public().verify_strict(b"hellp", &sig));
    }
}
