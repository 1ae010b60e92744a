//! The v1 event envelope: its fields, canonical bytes, signature and strict parsing.
//!
//! ```text
//! { "v": 1, "id": "<uuid v7>", "stream": "case/<uuid>", "seq": 3,
//!   "type": "complaint.acknowledged", "at": "2026-11-23T10:15:00.123Z",
//!   "actor": "<key id>", "prev": "<hex leaf hash of the stream's previous event, or null>",
//!   "data": { ... }, "sig": "<base64 Ed25519 signature>" }
//! ```
//!
//! The signature covers `"recourse/event/v1\n" || JCS(envelope without "sig")`; the log stores
//! `JCS(envelope with "sig")` and hashes it as an RFC 6962 leaf. The position in the log is not
//! signed, so events can be signed before they are sequenced. Parsing is strict: an entry must be
//! exactly the canonical bytes of what it parses to, so one event has one entry and one leaf hash.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::canonical::{self, CanonicalError};
use crate::hash::Hash;
use crate::key::{self, KeyId, PublicKey, SecretKey, Signature};
use crate::merkle::leaf_hash;
use crate::tile::MAX_ENTRY_SIZE;

/// The domain-separation prefix of event signatures.
pub const SIGNING_PREFIX: &[u8] = b"recourse/event/v1\n";

/// An envelope or entry that is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    /// The entry is 64 KiB or more.
    #[error("entry is {0} bytes; entries must stay under 64 KiB")]
    TooLarge(usize),
    /// Not a JSON object of the envelope's fields.
    #[error("not a v1 envelope: {0}")]
    Syntax(String),
    /// A field with a value it may not have.
    #[error("field {field}: {reason}")]
    Field {
        /// The field name.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The payload has no canonical form (floats, huge integers).
    #[error("data: {0}")]
    Canonical(#[from] CanonicalError),
    /// Valid JSON, but not the canonical bytes of the envelope it holds.
    #[error("entry is not in canonical (RFC 8785) form")]
    NotCanonical,
    /// The signing key is not the one the envelope names as actor.
    #[error("actor {actor} is not the signing key {key}")]
    WrongSigner {
        /// Key id in the envelope.
        actor: KeyId,
        /// Key id of the signing key.
        key: KeyId,
    },
}

fn field(field: &'static str, reason: impl Into<String>) -> EnvelopeError {
    EnvelopeError::Field {
        field,
        reason: reason.into(),
    }
}

/// A stream name: `org`, or `<kind>/<id>` such as `case/0192…`; lowercase ASCII.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct StreamId(String);

impl StreamId {
    /// The organization's stream: ledger, keys, staff, roles, settings.
    pub fn org() -> Self {
        StreamId("org".into())
    }

    /// The stream of one case.
    pub fn case(id: Uuid) -> Self {
        StreamId(format!("case/{id}"))
    }

    /// Checks the syntax: 1 to 100 characters of `[a-z0-9-]`, with at most one `/` separating
    /// two non-empty parts.
    pub fn parse(s: &str) -> Result<Self, EnvelopeError> {
        let ok_part = |p: &str| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        let ok = s.len() <= 100
            && match s.split_once('/') {
                Some((kind, id)) => ok_part(kind) && ok_part(id),
                None => ok_part(s),
            };
        if ok {
            Ok(StreamId(s.into()))
        } else {
            Err(field("stream", format!("{s:?} is not a stream name")))
        }
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for the `org` stream.
    pub fn is_org(&self) -> bool {
        self.0 == "org"
    }

    /// The part before `/` (`case` for case streams), or the whole name.
    pub fn kind(&self) -> &str {
        self.0.split_once('/').map_or(&self.0, |(k, _)| k)
    }
}

impl fmt::Display for StreamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for StreamId {
    type Err = EnvelopeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// An event type such as `complaint.filed`: dotted lowercase words, past tense by convention.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct EventType(Cow<'static, str>);

impl EventType {
    /// A type known at compile time (checked by tests of the vocabulary).
    pub const fn from_static(s: &'static str) -> Self {
        EventType(Cow::Borrowed(s))
    }

    /// Checks the syntax: two or more `[a-z_]` words joined by dots, at most 64 characters.
    pub fn parse(s: &str) -> Result<Self, EnvelopeError> {
        let ok = s.len() <= 64
            && s.split('.').count() >= 2
            && s.split('.')
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        if ok {
            Ok(EventType(Cow::Owned(s.into())))
        } else {
            Err(field("type", format!("{s:?} is not an event type")))
        }
    }

    /// The type as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Formats a timestamp as the envelope writes it: UTC, milliseconds, `Z`
/// (`2026-11-23T10:15:00.123Z`); finer precision is truncated. Years outside 0000..=9999,
/// which an envelope cannot hold, are written with a sign and six digits.
pub fn format_at(at: Timestamp) -> String {
    let mut out = Vec::with_capacity(24);
    if !write_at(at, &mut out) {
        return at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
    }
    String::from_utf8(out).expect("ASCII")
}

/// Appends `at` as an envelope holds it; false, writing nothing, for a year outside
/// 0000..=9999, which RFC 3339 cannot write (and the parser would not read back).
fn write_at(at: Timestamp, out: &mut Vec<u8>) -> bool {
    let dt = jiff::tz::Offset::UTC.to_datetime(at);
    if !(0..=9999).contains(&dt.year()) {
        return false;
    }
    // Hand-written rather than strftime: this runs for every event signed or verified.
    let fields: [(u32, usize, u8); 7] = [
        (dt.year() as u32, 4, b'-'),
        (dt.month() as u32, 2, b'-'),
        (dt.day() as u32, 2, b'T'),
        (dt.hour() as u32, 2, b':'),
        (dt.minute() as u32, 2, b':'),
        (dt.second() as u32, 2, b'.'),
        (dt.millisecond() as u32, 3, b'Z'),
    ];
    for (mut n, width, sep) in fields {
        let mut buf = [b'0'; 4];
        for d in buf[..width].iter_mut().rev() {
            *d = b'0' + (n % 10) as u8;
            n /= 10;
        }
        out.extend_from_slice(&buf[..width]);
        out.push(sep);
    }
    true
}

/// An unsigned event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// Unique id (UUID v7).
    pub id: Uuid,
    /// The stream it belongs to.
    pub stream: StreamId,
    /// Position within the stream, from 0.
    pub seq: u64,
    /// What happened.
    pub kind: EventType,
    /// When, to the millisecond (finer precision is truncated in the canonical form).
    pub at: Timestamp,
    /// The signing key.
    pub actor: KeyId,
    /// Leaf hash of the stream's previous event (`None` for seq 0).
    pub prev: Option<Hash>,
    /// The payload: strings, integers, booleans, null, arrays and objects.
    pub data: Map<String, Value>,
}

impl Envelope {
    /// Appends the canonical bytes of the envelope without `sig` to `out`, and returns the
    /// offset in `out` where the `sig` member belongs (it sorts between `seq` and `stream`).
    fn write_unsigned(&self, out: &mut Vec<u8>) -> Result<usize, EnvelopeError> {
        let mut hex = [0u8; 16];
        hex::encode_to_slice(self.actor.as_bytes(), &mut hex).expect("16 hex digits");
        out.extend_from_slice(b"{\"actor\":\"");
        out.extend_from_slice(&hex);
        out.extend_from_slice(b"\",\"at\":\"");
        if !write_at(self.at, out) {
            return Err(field("at", "the year must be 0000 to 9999 (RFC 3339)"));
        }
        out.extend_from_slice(b"\",\"data\":");
        canonical::write_object(&self.data, out)?;
        out.extend_from_slice(b",\"id\":\"");
        out.extend_from_slice(
            self.id
                .hyphenated()
                .encode_lower(&mut Uuid::encode_buffer())
                .as_bytes(),
        );
        out.extend_from_slice(b"\",\"prev\":");
        match &self.prev {
            Some(h) => {
                let mut hex = [0u8; 64];
                hex::encode_to_slice(h.0, &mut hex).expect("64 hex digits");
                out.push(b'"');
                out.extend_from_slice(&hex);
                out.push(b'"');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"seq\":");
        let seq = i64::try_from(self.seq).map_err(|_| field("seq", "out of range"))?;
        canonical::write_integer(seq, out).map_err(|_| field("seq", "out of range"))?;
        let sig_at = out.len();
        out.extend_from_slice(b",\"stream\":");
        canonical::write_str(self.stream.as_str(), out);
        out.extend_from_slice(b",\"type\":");
        canonical::write_str(self.kind.as_str(), out);
        out.extend_from_slice(b",\"v\":1}");
        Ok(sig_at)
    }

    /// The bytes a signature covers: prefix and JCS of the envelope without `sig`.
    pub fn signing_bytes(&self) -> Result<Vec<u8>, EnvelopeError> {
        let mut out = Vec::with_capacity(512);
        out.extend_from_slice(SIGNING_PREFIX);
        self.write_unsigned(&mut out)?;
        Ok(out)
    }

    /// Signs the envelope; `key` must be the actor's.
    pub fn sign(self, key: &SecretKey) -> Result<Event, EnvelopeError> {
        if key.key_id() != self.actor {
            return Err(EnvelopeError::WrongSigner {
                actor: self.actor,
                key: key.key_id(),
            });
        }
        let mut signing = Vec::with_capacity(512);
        signing.extend_from_slice(SIGNING_PREFIX);
        let sig_at = self.write_unsigned(&mut signing)? - SIGNING_PREFIX.len();
        let sig = key.sign(&signing);
        let unsigned = &signing[SIGNING_PREFIX.len()..];
        let member = sig_member(&sig);
        let mut entry = Vec::with_capacity(unsigned.len() + member.len());
        entry.extend_from_slice(&unsigned[..sig_at]);
        entry.extend_from_slice(&member);
        entry.extend_from_slice(&unsigned[sig_at..]);
        if entry.len() > MAX_ENTRY_SIZE {
            return Err(EnvelopeError::TooLarge(entry.len()));
        }
        let leaf = leaf_hash(&entry);
        Ok(Event {
            envelope: self,
            sig,
            entry,
            leaf,
            sig_member: sig_at..sig_at + member.len(),
        })
    }
}

/// `,"sig":"<base64>"`: the member the signature adds to the canonical envelope.
fn sig_member(sig: &Signature) -> Vec<u8> {
    let mut m = Vec::with_capacity(96);
    m.extend_from_slice(b",\"sig\":");
    canonical::write_str(&key::signature_to_base64(sig), &mut m);
    m
}

/// A signed event with its entry bytes and leaf hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    envelope: Envelope,
    sig: Signature,
    entry: Vec<u8>,
    leaf: Hash,
    /// Where the `sig` member lies in `entry`; the rest is exactly what was signed.
    sig_member: std::ops::Range<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEnvelope<'a> {
    v: u64,
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    stream: Cow<'a, str>,
    seq: u64,
    #[serde(rename = "type", borrow)]
    kind: Cow<'a, str>,
    #[serde(borrow)]
    at: Cow<'a, str>,
    #[serde(borrow)]
    actor: Cow<'a, str>,
    #[serde(borrow)]
    prev: Option<Cow<'a, str>>,
    data: Map<String, Value>,
    #[serde(borrow)]
    sig: Cow<'a, str>,
}

impl Event {
    /// Parses an entry, insisting it is the canonical form of a valid v1 envelope.
    pub fn from_entry(entry: &[u8]) -> Result<Event, EnvelopeError> {
        if entry.len() > MAX_ENTRY_SIZE {
            return Err(EnvelopeError::TooLarge(entry.len()));
        }
        let raw: RawEnvelope =
            serde_json::from_slice(entry).map_err(|e| EnvelopeError::Syntax(e.to_string()))?;
        if raw.v != 1 {
            return Err(field("v", format!("version {} is not supported", raw.v)));
        }
        let id = Uuid::try_parse(&raw.id).map_err(|e| field("id", e.to_string()))?;
        if id.get_version_num() != 7 {
            return Err(field("id", "must be a UUID v7"));
        }
        let at: Timestamp = raw
            .at
            .parse()
            .map_err(|e: jiff::Error| field("at", e.to_string()))?;
        let envelope = Envelope {
            id,
            stream: StreamId::parse(&raw.stream)?,
            seq: raw.seq,
            kind: EventType::parse(&raw.kind)?,
            at,
            actor: raw
                .actor
                .parse()
                .map_err(|e: key::KeyError| field("actor", e.to_string()))?,
            prev: raw
                .prev
                .map(|p| Hash::from_hex(&p))
                .transpose()
                .map_err(|e| field("prev", e.to_string()))?,
            data: raw.data,
        };
        if (envelope.seq == 0) != envelope.prev.is_none() {
            return Err(field("prev", "must be null exactly when seq is 0"));
        }
        let sig = key::signature_from_base64(&raw.sig).map_err(|e| field("sig", e.to_string()))?;
        // The entry must be exactly the canonical unsigned form with the sig member inserted.
        let mut unsigned = Vec::with_capacity(entry.len());
        let at = envelope.write_unsigned(&mut unsigned)?;
        let member = sig_member(&sig);
        let end = at + member.len();
        let canonical = entry.len() == unsigned.len() + member.len()
            && entry[..at] == unsigned[..at]
            && entry[at..end] == member[..]
            && entry[end..] == unsigned[at..];
        if !canonical {
            return Err(EnvelopeError::NotCanonical);
        }
        Ok(Event {
            envelope,
            sig,
            entry: entry.to_vec(),
            leaf: leaf_hash(entry),
            sig_member: at..end,
        })
    }

    /// The envelope.
    pub fn envelope(&self) -> &Envelope {
        &self.envelope
    }

    /// The signature.
    pub fn signature(&self) -> &Signature {
        &self.sig
    }

    /// The exact bytes stored in the log.
    pub fn entry(&self) -> &[u8] {
        &self.entry
    }

    /// Consumes the event, keeping its envelope.
    pub fn into_envelope(self) -> Envelope {
        self.envelope
    }

    /// Consumes the event, keeping its entry bytes.
    pub fn into_entry(self) -> Vec<u8> {
        self.entry
    }

    /// The RFC 6962 leaf hash of the entry.
    pub fn leaf_hash(&self) -> Hash {
        self.leaf
    }

    /// The bytes the signature covers, cut from the entry (no re-encoding).
    pub fn signing_bytes(&self) -> Vec<u8> {
        let e = &self.entry;
        let mut out = Vec::with_capacity(SIGNING_PREFIX.len() + e.len() - self.sig_member.len());
        out.extend_from_slice(SIGNING_PREFIX);
        out.extend_from_slice(&e[..self.sig_member.start]);
        out.extend_from_slice(&e[self.sig_member.end..]);
        out
    }

    /// Strict Ed25519 verification against `key`.
    pub fn verify(&self, key: &PublicKey) -> bool {
        key.verify_strict(&self.signing_bytes(), &self.sig)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn envelope(key: &SecretKey) -> Envelope {
        Envelope {
            id: "0192f0c1-7e2a-7000-8000-000000000001".parse().unwrap(),
            stream: StreamId::parse("case/0192f0c1-7e2a-7000-8000-0000000000aa").unwrap(),
            seq: 3,
            kind: EventType::parse("complaint.acknowledged").unwrap(),
            at: "2026-11-23T10:15:00.123Z".parse().unwrap(),
            actor: key.key_id(),
            prev: Some(Hash::digest(b"previous")),
            data: json!({"note": "Ça va", "n": 2})
                .as_object()
                .unwrap()
                .clone(),
        }
    }

    #[test]
    fn entry_is_jcs_and_round_trips() {
        let key = SecretKey::from_seed(&[1; 32]);
        let event = envelope(&key).sign(&key).unwrap();
        let text = std::str::from_utf8(event.entry()).unwrap();
        assert!(text.starts_with(&format!("{{\"actor\":\"{}\",\"at\":\"2026-11-23T10:15:00.123Z\",\"data\":{{\"n\":2,\"note\":\"Ça va\"}},", key.key_id())));
        assert!(text.ends_with(",\"stream\":\"case/0192f0c1-7e2a-7000-8000-0000000000aa\",\"type\":\"complaint.acknowledged\",\"v\":1}"));
        // JCS of the parsed JSON is the entry itself.
        let value: Value = serde_json::from_slice(event.entry()).unwrap();
        assert_eq!(canonical::to_vec(&value).unwrap(), event.entry());
        let parsed = Event::from_entry(event.entry()).unwrap();
        assert_eq!(parsed, event);
        assert!(parsed.verify(&key.public()));
        assert!(!parsed.verify(&SecretKey::from_seed(&[2; 32]).public()));
    }

    #[test]
    fn signature_covers_prefix_and_envelope_without_sig() {
        let key = SecretKey::from_seed(&[1; 32]);
        let event = envelope(&key).sign(&key).unwrap();
        let mut value: Value = serde_json::from_slice(event.entry()).unwrap();
        value.as_object_mut().unwrap().remove("sig");
        let mut message = SIGNING_PREFIX.to_vec();
        message.extend(canonical::to_vec(&value).unwrap());
        assert!(key.public().verify_strict(&message, event.signature()));
    }

    #[test]
    fn refuses_non_canonical_and_invalid_entries() {
        let key = SecretKey::from_seed(&[1; 32]);
        let entry = String::from_utf8(envelope(&key).sign(&key).unwrap().into_entry()).unwrap();
        let cases = [
            entry.replacen("{\"actor\"", "{ \"actor\"", 1),
            entry.replacen("\"v\":1}", "\"v\":2}", 1),
            entry.replacen("\"v\":1}", "\"v\":1,\"extra\":0}", 1),
            entry.replacen(".123Z", ".123456Z", 1),
            entry.replacen("\"seq\":3", "\"seq\":03", 1),
            entry.replacen("\"seq\":3", "\"seq\":0", 1),
            entry.replacen("\"n\":2", "\"n\":2.5", 1),
            entry.replacen("complaint.acknowledged", "Complaint.Acknowledged", 1),
            entry.replacen("-7000-", "-4000-", 1),
            "not json".to_string(),
        ];
        for bad in cases {
            assert!(Event::from_entry(bad.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn refuses_wrong_signer_and_oversize_entries() {
        let key = SecretKey::from_seed(&[1; 32]);
        let other = SecretKey::from_seed(&[2; 32]);
        assert!(matches!(
            envelope(&key).sign(&other),
            Err(EnvelopeError::WrongSigner { .. })
        ));
        let mut big = envelope(&key);
        big.data.insert("blob".into(), json!("x".repeat(70_000)));
        assert!(matches!(big.sign(&key), Err(EnvelopeError::TooLarge(_))));
    }

    #[test]
    fn refuses_to_sign_what_it_could_not_parse_back() {
        // Found by the `envelope` fuzz target: a timestamp before year 0 was signed with its
        // year written as strftime does ("-009999"), which `from_entry` cannot read, so the
        // ledger could sign an event no verifier accepts.
        let key = SecretKey::from_seed(&[1; 32]);
        for at in [Timestamp::MIN, "-000001-06-01T00:00:00Z".parse().unwrap()] {
            let mut e = envelope(&key);
            e.at = at;
            assert!(
                matches!(e.sign(&key), Err(EnvelopeError::Field { field: "at", .. })),
                "{at}"
            );
        }
        // The extremes RFC 3339 can write round-trip, truncated to the millisecond.
        for (at, text) in [
            (
                "0000-01-01T00:00:00Z".parse().unwrap(),
                "0000-01-01T00:00:00.000Z",
            ),
            (Timestamp::MAX, "9999-12-30T22:00:00.999Z"),
        ] {
            let mut e = envelope(&key);
            e.at = at;
            let event = e.sign(&key).unwrap();
            let parsed = Event::from_entry(event.entry()).unwrap();
            assert_eq!(parsed.envelope().at, text.parse::<Timestamp>().unwrap());
            assert_eq!(format_at(parsed.envelope().at), text);
        }
    }

    #[test]
    fn stream_and_type_syntax() {
        assert!(StreamId::parse("org").is_ok());
        assert_eq!(StreamId::case(Uuid::nil()).kind(), "case");
        for bad in ["", "Org", "case/", "/x", "a/b/c", "case/x y"] {
            assert!(StreamId::parse(bad).is_err(), "{bad}");
        }
        for bad in ["filed", "complaint.", "Complaint.filed", "a..b"] {
            assert!(EventType::parse(bad).is_err(), "{bad}");
        }
    }
}
