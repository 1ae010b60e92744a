//! C2SP tlog-cosignature v1: witnesses' timestamped Ed25519 cosignatures on checkpoints.
//!
//! A witness that has checked a checkpoint is consistent with everything it saw of the log
//! before adds a signature line to the checkpoint's note:
//!
//! ```text
//! — <witness name> base64(key id || u64 big-endian timestamp || Ed25519 signature)
//! ```
//!
//! The key id is `SHA-256(name || 0x0A || 0x04 || public key)[:4]`: the signature type byte
//! 0x04 (not the 0x01 of plain note signatures) keeps a cosignature from ever being taken for
//! a log signature by the same key, and lets a verifier that knows only the log's key skip the
//! witnesses' lines, as signed notes require. The signed message is not the note text itself
//! but
//!
//! ```text
//! cosignature/v1
//! time <timestamp in decimal>
//! <the checkpoint's note text, extension lines included>
//! ```
//!
//! so that what the witness states — "as of this time, this is the largest consistent tree I
//! have seen for this origin" — carries its time. Witness keys are exchanged as verifier keys
//! `name+<8 hex key id>+base64(0x04 || public key)` ([`WitnessVerifier`]).
//!
//! [`verify_cosignatures`] checks a note's lines against a list of trusted witnesses: lines by
//! unknown keys are ignored, a line by a trusted key that does not verify fails the whole note
//! (as for log signatures), and [`require_quorum`] asks for a number of distinct witnesses.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};

use crate::checkpoint::{Note, NoteSignature};
use crate::key::{PublicKey, SecretKey, Signature};

/// Signature type byte of timestamped Ed25519 cosignatures (C2SP signed-note).
pub const COSIGNATURE_V1: u8 = 0x04;
/// The header line of the signed message, without its newline.
pub const HEADER: &str = "cosignature/v1";
/// Largest timestamp the format allows (2^63 - 1).
pub const MAX_TIMESTAMP: u64 = i64::MAX as u64;
/// Bytes of a cosignature after the key id: the timestamp and the Ed25519 signature.
const SIGNATURE_LEN: usize = 8 + 64;

/// A cosignature or witness key that is malformed or does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CosignatureError {
    /// A witness name with spaces or '+', or empty.
    #[error("invalid witness name {0:?}: must be non-empty, without spaces or '+'")]
    BadName(String),
    /// A verifier key string that is not `name+hex id+base64(0x04 || key)`.
    #[error("malformed witness key: {0}")]
    BadVerifierKey(&'static str),
    /// A line by a trusted witness that is not 8 + 64 bytes, or whose time is out of range.
    #[error("malformed cosignature by {name}+{id:08x}: {why}")]
    Malformed {
        /// Witness name.
        name: String,
        /// Key id.
        id: u32,
        /// What is wrong.
        why: &'static str,
    },
    /// A trusted witness's cosignature does not verify.
    #[error("invalid cosignature by {name}+{id:08x}")]
    BadSignature {
        /// Witness name.
        name: String,
        /// Key id.
        id: u32,
    },
    /// Fewer distinct trusted witnesses cosigned than required.
    #[error("{got} of the required {want} witnesses cosigned")]
    NoQuorum {
        /// Distinct trusted witnesses whose cosignature verified.
        got: usize,
        /// Required.
        want: usize,
    },
    /// A timestamp above 2^63 - 1.
    #[error("timestamp {0} is beyond 2^63 - 1")]
    Timestamp(u64),
}

fn check_name(name: &str) -> Result<(), CosignatureError> {
    if name.is_empty() || name.contains('+') || name.chars().any(char::is_whitespace) {
        return Err(CosignatureError::BadName(name.into()));
    }
    Ok(())
}

/// The key id of a cosignature/v1 key: `SHA-256(name || 0x0A || 0x04 || key)[:4]`.
pub fn key_id(name: &str, key: &PublicKey) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update([b'\n', COSIGNATURE_V1]);
    h.update(key.as_bytes());
    let d = h.finalize();
    u32::from_be_bytes([d[0], d[1], d[2], d[3]])
}

/// The message a cosignature signs: header line, time line, then the checkpoint's note text
/// (which ends with a newline; no signature lines).
pub fn signed_message(timestamp: u64, checkpoint_text: &str) -> Vec<u8> {
    format!("{HEADER}\ntime {timestamp}\n{checkpoint_text}").into_bytes()
}

/// A witness's public key under its name: the verifier key `name+<8 hex>+base64(0x04||key)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WitnessVerifier {
    name: String,
    id: u32,
    key: PublicKey,
}

impl WitnessVerifier {
    /// The verifier of `key` under `name`.
    pub fn new(name: &str, key: PublicKey) -> Result<Self, CosignatureError> {
        check_name(name)?;
        Ok(Self {
            name: name.into(),
            id: key_id(name, &key),
            key,
        })
    }

    /// Parses `name+<8 hex key id>+<base64(0x04 || public key)>`, checking the id.
    pub fn parse(vkey: &str) -> Result<Self, CosignatureError> {
        let mut parts = vkey.trim().splitn(3, '+');
        let (Some(name), Some(id), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(CosignatureError::BadVerifierKey("expected name+id+key"));
        };
        check_name(name)?;
        if id.len() != 8 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(CosignatureError::BadVerifierKey("key id is 8 hex digits"));
        }
        let id = u32::from_str_radix(id, 16)
            .map_err(|_| CosignatureError::BadVerifierKey("key id is 8 hex digits"))?;
        let data = BASE64
            .decode(data)
            .map_err(|_| CosignatureError::BadVerifierKey("key is not base64"))?;
        let (&alg, key) = data
            .split_first()
            .ok_or(CosignatureError::BadVerifierKey("empty key"))?;
        if alg != COSIGNATURE_V1 {
            return Err(CosignatureError::BadVerifierKey(
                "not a cosignature/v1 key (type 0x04)",
            ));
        }
        let key: [u8; 32] = key
            .try_into()
            .map_err(|_| CosignatureError::BadVerifierKey("Ed25519 key is 32 bytes"))?;
        let key = PublicKey::from_bytes(&key)
            .and_then(|k| k.check_trustworthy().map(|()| k))
            .map_err(|_| CosignatureError::BadVerifierKey("not a usable Ed25519 key"))?;
        let verifier = Self::new(name, key)?;
        if verifier.id != id {
            return Err(CosignatureError::BadVerifierKey(
                "key id does not match name and key",
            ));
        }
        Ok(verifier)
    }

    /// The witness's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The 4-byte key id.
    pub fn id(&self) -> u32 {
        self.id
    }

    /// The public key.
    pub fn key(&self) -> &PublicKey {
        &self.key
    }

    /// The timestamp of `line` if it is this witness's and verifies over `checkpoint_text`;
    /// `Ok(None)` for a line by another key (another name or id).
    pub fn verify(
        &self,
        checkpoint_text: &str,
        line: &NoteSignature,
    ) -> Result<Option<u64>, CosignatureError> {
        if line.name != self.name || line.id != self.id {
            return Ok(None);
        }
        let malformed = |why| CosignatureError::Malformed {
            name: self.name.clone(),
            id: self.id,
            why,
        };
        let bytes: &[u8; SIGNATURE_LEN] = line
            .sig
            .as_slice()
            .try_into()
            .map_err(|_| malformed("not 8 + 64 bytes"))?;
        let (time, sig) = bytes.split_at(8);
        let timestamp = u64::from_be_bytes(time.try_into().map_err(|_| malformed("time"))?);
        if timestamp > MAX_TIMESTAMP {
            return Err(malformed("timestamp beyond 2^63 - 1"));
        }
        let sig: [u8; 64] = sig.try_into().map_err(|_| malformed("signature"))?;
        if self.key.verify_strict(
            &signed_message(timestamp, checkpoint_text),
            &Signature::from_bytes(&sig),
        ) {
            Ok(Some(timestamp))
        } else {
            Err(CosignatureError::BadSignature {
                name: self.name.clone(),
                id: self.id,
            })
        }
    }
}

impl fmt::Display for WitnessVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut data = vec![COSIGNATURE_V1];
        data.extend_from_slice(self.key.as_bytes());
        write!(f, "{}+{:08x}+{}", self.name, self.id, BASE64.encode(data))
    }
}

/// The cosignature/v1 of `name`'s `key` on the checkpoint whose note text is
/// `checkpoint_text`, made at `timestamp` (POSIX seconds).
pub fn cosign(
    name: &str,
    key: &SecretKey,
    timestamp: u64,
    checkpoint_text: &str,
) -> Result<NoteSignature, CosignatureError> {
    check_name(name)?;
    if timestamp > MAX_TIMESTAMP {
        return Err(CosignatureError::Timestamp(timestamp));
    }
    let sig = key.sign(&signed_message(timestamp, checkpoint_text));
    let mut bytes = timestamp.to_be_bytes().to_vec();
    bytes.extend_from_slice(&sig.to_bytes());
    Ok(NoteSignature {
        name: name.into(),
        id: key_id(name, &key.public()),
        sig: bytes,
    })
}

/// The note signature line of `sig`: `— name base64(id || bytes)` and a newline.
pub fn line(sig: &NoteSignature) -> String {
    let mut data = sig.id.to_be_bytes().to_vec();
    data.extend_from_slice(&sig.sig);
    format!("— {} {}\n", sig.name, BASE64.encode(data))
}

/// A witness whose cosignature verified, and the time it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cosigned<'a> {
    /// The witness.
    pub witness: &'a WitnessVerifier,
    /// The cosignature's timestamp (POSIX seconds).
    pub timestamp: u64,
}

/// The trusted witnesses that cosigned `note`, each once (its latest time when it signed
/// twice). Lines by other keys are ignored; a line by a trusted witness that does not verify
/// is an error.
pub fn verify_cosignatures<'a>(
    note: &Note,
    witnesses: &'a [WitnessVerifier],
) -> Result<Vec<Cosigned<'a>>, CosignatureError> {
    let mut found: Vec<Cosigned<'a>> = Vec::new();
    for s in note.signatures() {
        for w in witnesses {
            let Some(timestamp) = w.verify(note.text(), s)? else {
                continue;
            };
            match found.iter_mut().find(|c| c.witness == w) {
                Some(c) => c.timestamp = c.timestamp.max(timestamp),
                None => found.push(Cosigned {
                    witness: w,
                    timestamp,
                }),
            }
        }
    }
    Ok(found)
}

/// The cosignatures of `note` by trusted `witnesses`, if at least `quorum` distinct ones
/// verified (see [`verify_cosignatures`]).
pub fn require_quorum<'a>(
    note: &Note,
    witnesses: &'a [WitnessVerifier],
    quorum: usize,
) -> Result<Vec<Cosigned<'a>>, CosignatureError> {
    let found = verify_cosignatures(note, witnesses)?;
    if found.len() < quorum {
        return Err(CosignatureError::NoQuorum {
            got: found.len(),
            want: quorum,
        });
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkpoint::{Checkpoint, NoteVerifier};
    use crate::merkle::empty_root;

    fn key(n: u8) -> SecretKey {
        SecretKey::from_seed(&[n; 32])
    }

    /// The checkpoint and cosignature of the tlog-cosignature spec's example. The spec gives
    /// no witness public key, so the signature itself cannot be checked; its key id, its
    /// timestamp and the signed message the spec prints can.
    #[test]
    fn spec_example_line_and_message() {
        let note = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n\
            — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n\
            — witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";
        let note = Note::parse(note).unwrap();
        let w = &note.signatures()[1];
        assert_eq!(w.name, "witness.example.com/w1");
        assert_eq!(w.id, 0x8d66cf3f);
        assert_eq!(w.sig.len(), SIGNATURE_LEN);
        let timestamp = u64::from_be_bytes(w.sig[..8].try_into().unwrap());
        assert_eq!(timestamp, 1679315147);
        assert_eq!(
            String::from_utf8(signed_message(timestamp, note.text())).unwrap(),
            "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
        );
        // A verifier that does not hold the witness's key ignores its line.
        let other = WitnessVerifier::new("witness.example.com/w1", key(9).public()).unwrap();
        assert_eq!(verify_cosignatures(&note, &[other]).unwrap(), vec![]);
    }

    #[test]
    fn cosigns_and_verifies_under_the_0x04_key_id() {
        let cp = Checkpoint {
            origin: "example.org/log".into(),
            size: 7,
            root: empty_root(),
            extensions: vec!["ext line".into()],
        };
        let mut note = cp.sign(&key(1)).unwrap();
        let w = WitnessVerifier::new("witness.example.org/w1", key(2).public()).unwrap();
        // The 0x04 id differs from the plain-note (0x01) id of the same name and key.
        let plain = NoteVerifier::new(w.name(), key(2).public()).unwrap();
        assert_ne!(w.id(), plain.id());
        let sig = cosign(w.name(), &key(2), 1_700_000_000, note.text()).unwrap();
        assert_eq!(sig.id, w.id());
        let text = format!("{note}{}", line(&sig));
        note = Note::parse(&text).unwrap();
        let found = require_quorum(&note, std::slice::from_ref(&w), 1).unwrap();
        assert_eq!(found[0].timestamp, 1_700_000_000);
        // The log's key still verifies the note, ignoring the cosignature.
        let log = NoteVerifier::new("example.org/log", key(1).public()).unwrap();
        assert_eq!(note.verify(std::slice::from_ref(&log)).unwrap(), vec![&log]);
        // Round trip of the verifier key, and a quorum that is not met.
        assert_eq!(WitnessVerifier::parse(&w.to_string()), Ok(w.clone()));
        let w2 = WitnessVerifier::new("witness.example.org/w2", key(3).public()).unwrap();
        assert_eq!(
            require_quorum(&note, &[w.clone(), w2], 2),
            Err(CosignatureError::NoQuorum { got: 1, want: 2 })
        );
        // A changed timestamp or text breaks the signature.
        let mut forged = sig.clone();
        forged.sig[7] ^= 1;
        assert!(matches!(
            w.verify(note.text(), &forged),
            Err(CosignatureError::BadSignature { .. })
        ));
        let other_text = note.text().replace("\n7\n", "\n8\n");
        assert!(matches!(
            w.verify(&other_text, &sig),
            Err(CosignatureError::BadSignature { .. })
        ));
        let mut short = sig;
        short.sig.pop();
        assert!(matches!(
            w.verify(note.text(), &short),
            Err(CosignatureError::Malformed { .. })
        ));
    }

    #[test]
    fn rejects_malformed_witness_keys_and_times() {
        let good = WitnessVerifier::new("w", key(2).public())
            .unwrap()
            .to_string();
        let plain = NoteVerifier::new("w", key(2).public()).unwrap().to_string();
        for bad in [
            "",
            "w+",
            "w+0000000+BA==",
            "a b+00000000+BA==",
            plain.as_str(),
            &good[..good.len() - 4],
        ] {
            assert!(WitnessVerifier::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            cosign("w", &key(2), MAX_TIMESTAMP + 1, "t\n"),
            Err(CosignatureError::Timestamp(MAX_TIMESTAMP + 1))
        );
        let mut high = cosign("w", &key(2), 0, "t\n").unwrap();
        high.sig[0] = 0x80;
        let w = WitnessVerifier::parse(&good).unwrap();
        assert!(matches!(
            w.verify("t\n", &high),
            Err(CosignatureError::Malformed { .. })
        ));
    }
}
