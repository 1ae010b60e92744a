//! How long texts may be: one table of named limits, used by the web form, the API (and its
//! OpenAPI document), the service and the vault alike, and proved here to fit what the ledger
//! can store.
//!
//! Limits count characters (Unicode scalar values), as a person writing sees them; storage
//! counts bytes. A character is at most [`UTF8_MAX`] bytes in UTF-8 (Arabic, Farsi and
//! Ukrainian take 2, Tigrinya and Chinese 3, emoji 4), and a sealed value is base64 of the
//! nonce, the ciphertext and the tag. Every limit below is chosen so that *any* valid text of
//! the allowed length, in any script, seals within [`MAX_SEALED_PLAINTEXT`] and, with the
//! other sealed fields of the same event, stays within the entry size the tile format allows
//! ([`MAX_ENTRY_SIZE`], 64 KiB): the compile-time checks at the bottom of this file fail the
//! build if a limit is raised past that.

use crate::tile::MAX_ENTRY_SIZE;

/// Most bytes one character takes in UTF-8.
pub const UTF8_MAX: usize = 4;
/// Bytes sealing adds to a plaintext: the 24-byte XChaCha20 nonce and the 16-byte Poly1305 tag.
pub const SEAL_OVERHEAD: usize = 24 + 16;

/// Length of the base64 text sealing `plaintext_bytes` bytes produces.
pub const fn sealed_len(plaintext_bytes: usize) -> usize {
    (plaintext_bytes + SEAL_OVERHEAD).div_ceil(3) * 4
}

/// Longest plaintext worst case of `chars` characters, in bytes.
pub const fn max_bytes(chars: usize) -> usize {
    chars * UTF8_MAX
}

/// A form field's `maxlength` for a limit of `chars` characters: browsers count UTF-16 code
/// units, two for a character outside the Basic Multilingual Plane (emoji, some CJK), so the
/// attribute allows twice the limit and never cuts a valid text; the server counts characters.
pub const fn utf16_max(chars: usize) -> usize {
    chars * 2
}

/// What happened (the complaint's narrative), in characters.
pub const NARRATIVE: usize = 10_000;
/// The outcome the client wants, in characters.
pub const OUTCOME_WANTED: usize = 1_000;
/// The client's name, in characters.
pub const CLIENT_NAME: usize = 200;
/// The client's email address, in characters (RFC 5321's path limit).
pub const EMAIL: usize = 254;
/// The client's phone number, in characters.
pub const PHONE: usize = 40;
/// Who the complaint is about, in the client's words (a staff member's name or a
/// description), in characters: short, so the largest filing still fits an entry.
pub const STAFF_DESCRIBED: usize = 150;
/// A client's later words: information added, a comment, a message, appeal grounds.
pub const CLIENT_TEXT: usize = 4_000;
/// Free text staff write: a message, a note, a finding, reasons, a description.
pub const STAFF_TEXT: usize = 8_000;
/// The remedy of a decision (recorded beside its reasons, so shorter than [`STAFF_TEXT`]).
pub const REMEDY: usize = 3_000;
/// A staff member's name, in characters.
pub const STAFF_NAME: usize = 200;
/// A staff member's sign-in name, in characters.
pub const LOGIN: usize = 100;
/// Why a signing key was revoked (or replaced), in characters.
pub const REVOCATION_REASON: usize = 500;

/// The name of a program, a site or the organization, in one language, in characters.
pub const PLACE_NAME: usize = 200;
/// The organization's postal address, in characters (a few lines).
pub const ADDRESS: usize = 500;
/// A web address (the organization's site), in characters.
pub const URL: usize = 500;
/// Longest settings, as JSON, in bytes. Settings are one event in clear, and names in every
/// language multiply (programs and sites times languages): rather than cap each count, the
/// rules refuse settings whose JSON is longer than this, which with the envelope fits an
/// entry (checked below).
pub const SETTINGS_JSON: usize = 60_000;

const _: () = assert!(SETTINGS_JSON + CLEAR_BUDGET <= MAX_ENTRY_SIZE);

/// The largest logo, in bytes: a `logo.set` event holds it in base64 (four characters for
/// three bytes) beside a few clear fields, within one entry (checked below). A header logo
/// of a few hundred pixels is 5 to 30 KB as PNG or WebP.
pub const LOGO_BYTES: usize = 44 * 1024;

const _: () = assert!(LOGO_BYTES.div_ceil(3) * 4 + CLEAR_BUDGET <= MAX_ENTRY_SIZE);

/// Longest text of a review or a systemic action (reasons, comments, attestations, notes),
/// in characters. These are in clear: they are about the organization, not a person.
pub const REVIEW_TEXT: usize = 4_000;
/// Longest title of a systemic action, or document name, in characters.
pub const TITLE: usize = 200;

const _: () =
    assert!(max_bytes(REVIEW_TEXT) * 2 + max_bytes(TITLE) + CLEAR_BUDGET <= MAX_ENTRY_SIZE);

/// Largest file one may attach to a case, in bytes (5 MiB: a phone's photo, a scanned letter).
/// Files are kept outside the ledger (the entry holds only their hash), so this bounds the
/// blob store and the upload, not an entry.
pub const ATTACHMENT_BYTES: usize = 5 << 20;
/// Most files attached to one case.
pub const ATTACHMENTS_PER_CASE: usize = 20;
/// Longest attached file's name kept, in characters.
pub const ATTACHMENT_NAME: usize = 200;
/// Longest description of an attached file, in characters.
pub const ATTACHMENT_DESCRIPTION: usize = 500;

const _: () = assert!(
    sealed_len(max_bytes(ATTACHMENT_NAME))
        + sealed_len(max_bytes(ATTACHMENT_DESCRIPTION))
        + CLEAR_BUDGET
        <= MAX_ENTRY_SIZE
);

/// Longest plaintext the vault seals into an entry, in bytes: the narrative, the longest text,
/// at four bytes a character.
pub const MAX_SEALED_PLAINTEXT: usize = max_bytes(NARRATIVE);
/// Longest sealed value an entry may hold (base64 text).
pub const MAX_SEALED_LEN: usize = sealed_len(MAX_SEALED_PLAINTEXT);

/// Longest contact details as sealed: `{"name":…,"email":…,"phone":…}` as JSON. Contact
/// fields refuse control characters, so JSON escapes at most double a character (`"`, `\`),
/// which stays within [`UTF8_MAX`] bytes.
pub const MAX_CONTACT_JSON: usize =
    max_bytes(CLIENT_NAME + EMAIL + PHONE) + r#"{"name":"","email":"","phone":""}"#.len();

/// Room left in an entry for everything but the sealed texts: the envelope, its signature and
/// the event's clear fields (ids, codes, named staff). The signed worst cases are tested.
pub const CLEAR_BUDGET: usize = 3_000;

/// Sealed bytes of the largest `complaint.filed`: narrative, outcome wanted, contact and the
/// staff member described.
pub const FILING_SEALED: usize = sealed_len(max_bytes(NARRATIVE))
    + sealed_len(max_bytes(OUTCOME_WANTED))
    + sealed_len(MAX_CONTACT_JSON)
    + sealed_len(max_bytes(STAFF_DESCRIBED));
/// Sealed bytes of the largest `decision.issued`: reasons and remedy.
pub const DECISION_SEALED: usize =
    sealed_len(max_bytes(STAFF_TEXT)) + sealed_len(max_bytes(REMEDY));

const _: () = assert!(FILING_SEALED + CLEAR_BUDGET <= MAX_ENTRY_SIZE);
const _: () = assert!(DECISION_SEALED + CLEAR_BUDGET <= MAX_ENTRY_SIZE);
const _: () = assert!(MAX_SEALED_LEN + CLEAR_BUDGET <= MAX_ENTRY_SIZE);
const _: () = assert!(max_bytes(STAFF_TEXT) <= MAX_SEALED_PLAINTEXT);
const _: () = assert!(max_bytes(CLIENT_TEXT) <= MAX_SEALED_PLAINTEXT);
const _: () = assert!(MAX_CONTACT_JSON <= MAX_SEALED_PLAINTEXT);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::*;
    use crate::ids::StaffId;
    use crate::sealed::Sealed;
    use crate::vocabulary::Payload;
    use crate::{Envelope, Hash, SecretKey, StreamId};

    fn sealed_of(plaintext_bytes: usize) -> Sealed {
        Sealed {
            sealed: "A".repeat(sealed_len(plaintext_bytes)),
            key: "dk-0123456789abcdef".into(),
        }
    }

    fn signed_size(payload: Payload) -> usize {
        let key = SecretKey::from_seed(&[9; 32]);
        let id = uuid::Uuid::now_v7();
        let envelope = Envelope {
            id,
            stream: StreamId::case(id),
            seq: u32::MAX.into(),
            kind: payload.kind(),
            at: "2026-12-01T11:00:00.123Z".parse().unwrap(),
            actor: key.key_id(),
            prev: Some(Hash::digest(b"previous")),
            data: payload.to_data(),
        };
        envelope
            .sign(&key)
            .expect("the worst case signs")
            .entry()
            .len()
    }

    #[test]
    fn the_largest_filing_and_decision_fit_an_entry_with_room_to_spare() {
        let filed = ComplaintFiled {
            channel: Channel::InPerson,
            language: "zh-Hant-TW".into(),
            anonymous: false,
            program: "a-program-with-a-long-identifier-of-sixty-four-characters-at-most".into(),
            site: "a-site-with-a-long-identifier-of-sixty-four-characters-at-most".into(),
            service_stream: Some("a-service-stream-with-a-long-identifier".into()),
            rights: (0..32).map(|i| format!("right-number-{i:02}")).collect(),
            narrative: sealed_of(max_bytes(NARRATIVE)),
            outcome_wanted: Some(sealed_of(max_bytes(OUTCOME_WANTED))),
            contact: Some(sealed_of(MAX_CONTACT_JSON)),
            contact_preference: ContactPreference::TextMessage,
            accommodations: vec![
                Accommodation::Interpreter,
                Accommodation::AccessibleFormat,
                Accommodation::SupportPerson,
                Accommodation::FlexibleMeeting,
            ],
            interpreter_language: Some("prs".into()),
            consent: Consent {
                handle: true,
                contact: true,
                text_version: "2026-1".into(),
            },
            named_staff: (0..16).map(|i| StaffId(uuid::Uuid::from_u128(i))).collect(),
            staff_described: Some(sealed_of(max_bytes(STAFF_DESCRIBED))),
            about_leadership: true,
            complainant_key: SecretKey::from_seed(&[1; 32]).public(),
            receipt_lookup: Hash::digest(b"receipt"),
            data_key: "dk-0123456789abcdef".into(),
        };
        let size = signed_size(Payload::ComplaintFiled(Box::new(filed)));
        assert!(size <= MAX_ENTRY_SIZE, "{size}");
        assert!(size - FILING_SEALED <= CLEAR_BUDGET, "{size}");
        let decision = DecisionIssued {
            outcome: Outcome::PartlyUpheld,
            remedy: Some(sealed_of(max_bytes(REMEDY))),
            reasons: sealed_of(max_bytes(STAFF_TEXT)),
        };
        let size = signed_size(Payload::DecisionIssued(decision));
        assert!(size - DECISION_SEALED <= CLEAR_BUDGET, "{size}");
    }

    #[test]
    fn the_largest_logo_fits_an_entry() {
        let logo = crate::org::LogoSet {
            content_type: "image/webp".into(),
            data: "A".repeat(LOGO_BYTES.div_ceil(3) * 4),
            sha256: "0".repeat(64),
            requested_by: Some(StaffId(uuid::Uuid::from_u128(1))),
        };
        let size = signed_size(Payload::LogoSet(logo));
        assert!(size <= MAX_ENTRY_SIZE, "{size}");
    }

    #[test]
    fn sealed_length_is_base64_of_nonce_ciphertext_and_tag() {
        assert_eq!(sealed_len(0), 56);
        assert_eq!(sealed_len(2), 56);
        assert_eq!(sealed_len(3), 60);
        // 10,000 emoji: 40,000 bytes, sealed to 53,388 base64 characters.
        assert_eq!(MAX_SEALED_LEN, 53_388);
    }
}
