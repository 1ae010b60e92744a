//! C2SP signed notes and tlog checkpoints.
//!
//! A checkpoint is the note text `<origin>\n<size>\n<base64 root>\n` (plus optional extension
//! lines), signed by the log's key and possibly cosigned by witnesses. Signature lines are
//! `— <name> <base64(key id || signature)>`, where for Ed25519 the 4-byte key id is
//! `SHA-256(name || 0x0A || 0x01 || public key)[:4]`. Verifiers ignore signatures by keys they do
//! not know, so witnesses can add theirs without breaking anyone; a signature by a known key that
//! does not verify is an error, never silently skipped.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};

use crate::hash::Hash;
use crate::key::{PublicKey, SecretKey, Signature};

/// Signature type byte of Ed25519 in C2SP signed notes.
const ED25519: u8 = 0x01;
/// Upper bound on a note we are willing to parse.
const MAX_NOTE_SIZE: usize = 1 << 20;
/// Upper bound on signatures on one note.
const MAX_SIGNATURES: usize = 100;

/// A note or checkpoint that is malformed or does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    /// Syntax error, with what was wrong.
    #[error("malformed note: {0}")]
    Malformed(&'static str),
    /// A key name with spaces or '+', or empty.
    #[error("invalid key name {0:?}: must be non-empty, without spaces or '+'")]
    BadName(String),
    /// A verifier key string that is not `name+hex id+base64 key`.
    #[error("malformed verifier key: {0}")]
    BadVerifierKey(&'static str),
    /// A known key's signature does not verify.
    #[error("invalid signature by {name}+{id:08x}")]
    BadSignature {
        /// Key name.
        name: String,
        /// Key id.
        id: u32,
    },
    /// No signature by any of the trusted keys.
    #[error("no signature by a trusted key")]
    Unverified,
    /// The checkpoint body does not parse.
    #[error("malformed checkpoint: {0}")]
    Checkpoint(&'static str),
    /// The checkpoint is for another log.
    #[error("checkpoint origin {got:?} is not {want:?}")]
    WrongOrigin {
        /// The origin line of the checkpoint.
        got: String,
        /// The origin expected.
        want: String,
    },
}

fn check_name(name: &str) -> Result<(), NoteError> {
    if name.is_empty() || name.contains('+') || name.chars().any(char::is_whitespace) {
        return Err(NoteError::BadName(name.into()));
    }
    Ok(())
}

/// The 4-byte key id C2SP recommends for an Ed25519 key named `name`.
pub fn note_key_id(name: &str, key: &PublicKey) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update([b'\n', ED25519]);
    h.update(key.as_bytes());
    let d = h.finalize();
    u32::from_be_bytes([d[0], d[1], d[2], d[3]])
}

/// A named public key that verifies notes: the standard verifier key `name+<8 hex>+<base64>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteVerifier {
    name: String,
    id: u32,
    key: PublicKey,
}

impl NoteVerifier {
    /// The verifier for `key` under `name`.
    pub fn new(name: &str, key: PublicKey) -> Result<Self, NoteError> {
        check_name(name)?;
        Ok(Self {
            name: name.into(),
            id: note_key_id(name, &key),
            key,
        })
    }

    /// Parses `name+<8 hex key id>+<base64(0x01 || public key)>`, checking the id.
    pub fn parse(vkey: &str) -> Result<Self, NoteError> {
        let vkey = vkey.trim();
        let mut parts = vkey.splitn(3, '+');
        let (Some(name), Some(id), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(NoteError::BadVerifierKey("expected name+id+key"));
        };
        check_name(name)?;
        if id.len() != 8 {
            return Err(NoteError::BadVerifierKey("key id is 8 hex digits"));
        }
        let id = u32::from_str_radix(id, 16)
            .map_err(|_| NoteError::BadVerifierKey("key id is 8 hex digits"))?;
        let data = BASE64
            .decode(data)
            .map_err(|_| NoteError::BadVerifierKey("key is not base64"))?;
        let (&alg, key) = data
            .split_first()
            .ok_or(NoteError::BadVerifierKey("empty key"))?;
        if alg != ED25519 {
            return Err(NoteError::BadVerifierKey(
                "only Ed25519 (0x01) keys are supported",
            ));
        }
        let key: [u8; 32] = key
            .try_into()
            .map_err(|_| NoteError::BadVerifierKey("Ed25519 key is 32 bytes"))?;
        let key = PublicKey::from_bytes(&key)
            .and_then(|k| k.check_trustworthy().map(|()| k))
            .map_err(|_| NoteError::BadVerifierKey("not a usable Ed25519 key"))?;
        let verifier = Self::new(name, key)?;
        if verifier.id != id {
            return Err(NoteError::BadVerifierKey(
                "key id does not match name and key",
            ));
        }
        Ok(verifier)
    }

    /// The key name.
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
}

impl fmt::Display for NoteVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut data = vec![ED25519];
        data.extend_from_slice(self.key.as_bytes());
        write!(f, "{}+{:08x}+{}", self.name, self.id, BASE64.encode(data))
    }
}

/// One signature line of a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSignature {
    /// Key name.
    pub name: String,
    /// Key id.
    pub id: u32,
    /// Signature bytes (after the key id).
    pub sig: Vec<u8>,
}

impl NoteSignature {
    fn line(&self) -> String {
        let mut data = self.id.to_be_bytes().to_vec();
        data.extend_from_slice(&self.sig);
        format!("— {} {}\n", self.name, BASE64.encode(data))
    }

    fn parse(line: &str) -> Result<Self, NoteError> {
        let rest = line.strip_prefix("— ").ok_or(NoteError::Malformed(
            "signature line must start with an em dash",
        ))?;
        let (name, b64) = rest
            .split_once(' ')
            .ok_or(NoteError::Malformed("signature line has no signature"))?;
        check_name(name)?;
        let data = BASE64
            .decode(b64)
            .map_err(|_| NoteError::Malformed("signature is not base64"))?;
        if data.len() < 5 {
            return Err(NoteError::Malformed("signature too short"));
        }
        Ok(Self {
            name: name.into(),
            id: u32::from_be_bytes([data[0], data[1], data[2], data[3]]),
            sig: data[4..].to_vec(),
        })
    }
}

/// A note: text and its signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    text: String,
    signatures: Vec<NoteSignature>,
}

fn check_text(text: &str) -> Result<(), NoteError> {
    if text.len() > MAX_NOTE_SIZE {
        return Err(NoteError::Malformed("note too large"));
    }
    if !text.ends_with('\n') {
        return Err(NoteError::Malformed("text must end with a newline"));
    }
    if text.chars().any(|c| c < ' ' && c != '\n') {
        return Err(NoteError::Malformed("text holds control characters"));
    }
    Ok(())
}

impl Note {
    /// An unsigned note over `text`, which must end with a newline.
    pub fn new(text: String) -> Result<Self, NoteError> {
        check_text(&text)?;
        Ok(Self {
            text,
            signatures: Vec::new(),
        })
    }

    /// Adds (or replaces) the signature of `key` under `name`.
    pub fn sign(&mut self, name: &str, key: &SecretKey) -> Result<(), NoteError> {
        let verifier = NoteVerifier::new(name, key.public())?;
        let sig = key.sign(self.text.as_bytes()).to_bytes().to_vec();
        self.signatures
            .retain(|s| !(s.name == verifier.name && s.id == verifier.id));
        self.signatures.push(NoteSignature {
            name: verifier.name,
            id: verifier.id,
            sig,
        });
        Ok(())
    }

    /// Parses a signed note: text, a blank line, one or more signature lines.
    pub fn parse(note: &str) -> Result<Self, NoteError> {
        if note.len() > MAX_NOTE_SIZE {
            return Err(NoteError::Malformed("note too large"));
        }
        if note.chars().any(|c| c < ' ' && c != '\n') {
            return Err(NoteError::Malformed("note holds control characters"));
        }
        let (text, sigs) = note
            .rsplit_once("\n\n")
            .ok_or(NoteError::Malformed("no blank line before signatures"))?;
        let sigs = sigs
            .strip_suffix('\n')
            .ok_or(NoteError::Malformed("note must end with a newline"))?;
        let signatures = sigs
            .split('\n')
            .map(NoteSignature::parse)
            .collect::<Result<Vec<_>, _>>()?;
        if signatures.len() > MAX_SIGNATURES {
            return Err(NoteError::Malformed("too many signatures"));
        }
        let text = format!("{text}\n");
        check_text(&text)?;
        Ok(Self { text, signatures })
    }

    /// The signed text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// All signature lines, verified or not.
    pub fn signatures(&self) -> &[NoteSignature] {
        &self.signatures
    }

    /// The signatures made by `trusted` keys; unknown keys are ignored, a bad signature by a
    /// trusted key is an error, and so is a note no trusted key signed.
    pub fn verify<'a>(
        &self,
        trusted: &'a [NoteVerifier],
    ) -> Result<Vec<&'a NoteVerifier>, NoteError> {
        let mut verified: Vec<&NoteVerifier> = Vec::new();
        for s in &self.signatures {
            let Some(v) = trusted.iter().find(|v| v.name == s.name && v.id == s.id) else {
                continue;
            };
            let ok = <[u8; 64]>::try_from(s.sig.as_slice())
                .map(|b| {
                    v.key
                        .verify_strict(self.text.as_bytes(), &Signature::from_bytes(&b))
                })
                .unwrap_or(false);
            if !ok {
                return Err(NoteError::BadSignature {
                    name: s.name.clone(),
                    id: s.id,
                });
            }
            if !verified.contains(&v) {
                verified.push(v);
            }
        }
        if verified.is_empty() {
            Err(NoteError::Unverified)
        } else {
            Ok(verified)
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)?;
        f.write_str("\n")?;
        for s in &self.signatures {
            f.write_str(&s.line())?;
        }
        Ok(())
    }
}

/// The body of a tlog checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// The log's origin line (its unique name).
    pub origin: String,
    /// Number of entries the tree covers.
    pub size: u64,
    /// Merkle root of those entries.
    pub root: Hash,
    /// Extension lines, kept verbatim (without newlines).
    pub extensions: Vec<String>,
}

impl Checkpoint {
    /// The note text of this checkpoint.
    pub fn to_text(&self) -> String {
        let mut t = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            self.root.to_base64()
        );
        for e in &self.extensions {
            t.push_str(e);
            t.push('\n');
        }
        t
    }

    /// Parses a checkpoint's note text.
    pub fn parse_text(text: &str) -> Result<Self, NoteError> {
        let body = text
            .strip_suffix('\n')
            .ok_or(NoteError::Checkpoint("text must end with a newline"))?;
        let mut lines = body.split('\n');
        let origin = lines
            .next()
            .filter(|o| !o.is_empty())
            .ok_or(NoteError::Checkpoint("empty origin"))?;
        let size = lines.next().ok_or(NoteError::Checkpoint("missing size"))?;
        if size.is_empty()
            || !size.bytes().all(|b| b.is_ascii_digit())
            || (size.len() > 1 && size.starts_with('0'))
        {
            return Err(NoteError::Checkpoint("size is not a decimal number"));
        }
        let size = size
            .parse()
            .map_err(|_| NoteError::Checkpoint("size out of range"))?;
        let root = lines
            .next()
            .ok_or(NoteError::Checkpoint("missing root hash"))?;
        let root = Hash::from_base64(root)
            .map_err(|_| NoteError::Checkpoint("root is not base64 of 32 bytes"))?;
        let extensions: Vec<String> = lines.map(String::from).collect();
        if extensions.iter().any(String::is_empty) {
            return Err(NoteError::Checkpoint("empty extension line"));
        }
        Ok(Self {
            origin: origin.into(),
            size,
            root,
            extensions,
        })
    }

    /// The signed note of this checkpoint, signed by the log key named after the origin.
    pub fn sign(&self, key: &SecretKey) -> Result<Note, NoteError> {
        let mut note = Note::new(self.to_text())?;
        note.sign(&self.origin, key)?;
        Ok(note)
    }

    /// Parses and verifies a signed checkpoint: the log key `log` must have signed it, and the
    /// origin must be the log key's name.
    pub fn open(note: &str, log: &NoteVerifier) -> Result<(Self, Note), NoteError> {
        let note = Note::parse(note)?;
        note.verify(std::slice::from_ref(log))?;
        let cp = Self::parse_text(note.text())?;
        if cp.origin != log.name() {
            return Err(NoteError::WrongOrigin {
                got: cp.origin,
                want: log.name().into(),
            });
        }
        Ok((cp, note))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::merkle::empty_root;

    fn key(n: u8) -> SecretKey {
        SecretKey::from_seed(&[n; 32])
    }

    #[test]
    fn checkpoint_signs_parses_and_verifies() {
        let cp = Checkpoint {
            origin: "example.org/log".into(),
            size: 3,
            root: empty_root(),
            extensions: vec![],
        };
        let note = cp.sign(&key(1)).unwrap().to_string();
        assert!(note.starts_with(
            "example.org/log\n3\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n— example.org/log "
        ));
        let v = NoteVerifier::new("example.org/log", key(1).public()).unwrap();
        assert_eq!(Checkpoint::open(&note, &v).unwrap().0, cp);
        assert_eq!(NoteVerifier::parse(&v.to_string()), Ok(v));
    }

    #[test]
    fn several_signatures_unknown_ignored_bad_refused() {
        let cp = Checkpoint {
            origin: "log".into(),
            size: 0,
            root: empty_root(),
            extensions: vec!["ext".into()],
        };
        let mut note = cp.sign(&key(1)).unwrap();
        note.sign("witness", &key(2)).unwrap();
        let text = note.to_string();
        let log = NoteVerifier::new("log", key(1).public()).unwrap();
        let witness = NoteVerifier::new("witness", key(2).public()).unwrap();
        let stranger = NoteVerifier::new("stranger", key(3).public()).unwrap();
        let parsed = Note::parse(&text).unwrap();
        assert_eq!(parsed.signatures().len(), 2);
        assert_eq!(
            parsed
                .verify(&[log.clone(), witness.clone()])
                .unwrap()
                .len(),
            2
        );
        assert_eq!(
            parsed.verify(std::slice::from_ref(&log)).unwrap(),
            vec![&log]
        );
        assert_eq!(parsed.verify(&[stranger]), Err(NoteError::Unverified));
        // The same key name with the wrong key under the same id cannot exist; a tampered text can.
        let tampered = text.replacen("\n0\n", "\n1\n", 1);
        assert!(matches!(
            Note::parse(&tampered).unwrap().verify(&[log]),
            Err(NoteError::BadSignature { .. })
        ));
    }

    #[test]
    fn rejects_malformed_notes_and_keys() {
        for bad in [
            "",
            "text\n",
            "text\n\n",
            "text\n\n— a\n",
            "text\n\n- a AAAAAAAA\n",
            "a\u{1}\n\n— a AAAAAAAA\n",
        ] {
            assert!(Note::parse(bad).is_err(), "{bad:?}");
        }
        for bad in [
            "",
            "a+b",
            "a+0000000+AQ==",
            "a b+00000000+AQ==",
            "a+00000000+AQ==",
        ] {
            assert!(NoteVerifier::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Checkpoint::parse_text("o\n01\nAAAA\n").is_err());
        assert!(Checkpoint::parse_text("o\n1\nAAAA\n").is_err());
    }
}
