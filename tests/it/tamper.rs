//! Tamper tests on real data folders: each alteration of the stored ledger makes
//! `recourse verify` exit 1 and name the first bad position; the untouched ledger verifies.
//!
//! Layout of the ledgers used: position 0 `ledger.initialized`, 1 the bench key's
//! registration, then synthetic events from eight writers on eight case streams.

use recourse::data_dir::DataDir;
use recourse::ledger::Ledger;
use recourse_events::org::{self, KeyHolder, KeyRegistered, KeyRevoked};
use recourse_events::{Envelope, Event, EventType, SecretKey, StreamId};
use serde_json::json;

use crate::helpers::{DataFolder, assert_verifies, assert_verify_fails_at, text};

fn entry(d: &DataFolder, position: u64) -> Vec<u8> {
    d.sqlite()
        .query_row(
            "SELECT entry FROM entries WHERE position = ?1",
            [position as i64],
            |r| r.get(0),
        )
        .unwrap()
}

fn set_entry(d: &DataFolder, position: u64, bytes: &[u8]) {
    let n = d
        .sqlite()
        .execute(
            "UPDATE entries SET entry = ?1 WHERE position = ?2",
            (bytes, position as i64),
        )
        .unwrap();
    assert_eq!(n, 1);
}

fn size(d: &DataFolder) -> u64 {
    d.sqlite()
        .query_row("SELECT COUNT(*) FROM entries", [], |r| r.get::<_, i64>(0))
        .unwrap() as u64
}

/// The envelope of `position` re-signed by `key` (same stream, seq and prev).
fn resigned(d: &DataFolder, position: u64, key: &SecretKey) -> Vec<u8> {
    let original = Event::from_entry(&entry(d, position)).unwrap();
    let mut envelope: Envelope = original.envelope().clone();
    envelope.actor = key.key_id();
    envelope.sign(key).unwrap().into_entry()
}

#[test]
fn an_untouched_ledger_verifies() {
    assert_verifies(&DataFolder::with_events(500));
}

#[test]
fn changing_one_byte_of_an_entry_is_caught() {
    let d = DataFolder::with_events(500);
    let mut bytes = entry(&d, 250);
    let at = text(&bytes).find("\"sealed\":\"").unwrap() + 12;
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    set_entry(&d, 250, &bytes);
    assert_verify_fails_at(&d, 250, "one byte changed");
}

#[test]
fn a_byte_that_breaks_the_json_is_caught() {
    let d = DataFolder::with_events(100);
    let mut bytes = entry(&d, 40);
    bytes[0] = b'[';
    set_entry(&d, 40, &bytes);
    assert_verify_fails_at(&d, 40, "malformed entry");
}

#[test]
fn deleting_an_entry_is_caught() {
    let d = DataFolder::with_events(500);
    d.sqlite()
        .execute("DELETE FROM entries WHERE position = 300", [])
        .unwrap();
    assert_verify_fails_at(&d, 300, "entry deleted");
}

#[test]
fn swapping_two_entries_is_caught() {
    let d = DataFolder::with_events(500);
    let (a, b) = (entry(&d, 120), entry(&d, 377));
    set_entry(&d, 120, &b);
    set_entry(&d, 377, &a);
    assert_verify_fails_at(&d, 120, "entries swapped");
}

#[test]
fn replacing_a_signature_is_caught() {
    let d = DataFolder::with_events(500);
    let target = text(&entry(&d, 200));
    let donor = text(&entry(&d, 201));
    let sig = |t: &str| {
        t[t.find("\"sig\":\"").unwrap() + 7..]
            .split('"')
            .next()
            .unwrap()
            .to_string()
    };
    set_entry(
        &d,
        200,
        target.replace(&sig(&target), &sig(&donor)).as_bytes(),
    );
    assert_verify_fails_at(&d, 200, "signature replaced");
}

#[test]
fn an_event_signed_by_a_key_never_registered_is_caught() {
    let d = DataFolder::with_events(500);
    let stranger = SecretKey::from_seed(&[77; 32]);
    set_entry(&d, 321, &resigned(&d, 321, &stranger));
    let out = d.run(&["verify"]);
    assert!(
        text(&out.stderr).contains("is not registered"),
        "{}",
        text(&out.stderr)
    );
    assert_verify_fails_at(&d, 321, "unregistered key");
}

#[tokio::test]
async fn an_event_signed_by_a_key_after_its_revocation_is_caught() {
    let d = DataFolder::with_events(200);
    let staff = SecretKey::from_seed(&[88; 32]);
    let case = StreamId::parse("case/0192f0c1-7e2a-7000-8000-0000000000aa").unwrap();
    let position = {
        let ledger = Ledger::open(&DataDir::new(&d.path)).await.unwrap();
        let root = ledger.signer().key.clone();
        let reg = KeyRegistered {
            key_id: staff.key_id(),
            public_key: staff.public(),
            holder: KeyHolder::Staff { id: "s-1".into() },
            requested_by: None,
        };
        ledger
            .append(
                &root,
                &StreamId::org(),
                org::KEY_REGISTERED,
                serde_json::to_value(reg).unwrap(),
            )
            .await
            .unwrap();
        ledger
            .append(
                &staff,
                &case,
                EventType::parse("note.added").unwrap(),
                json!({"n": 1}),
            )
            .await
            .unwrap();
        let rev = KeyRevoked {
            key_id: staff.key_id(),
            reason: "left the organization".into(),
            requested_by: None,
        };
        ledger
            .append(
                &root,
                &StreamId::org(),
                org::KEY_REVOKED,
                serde_json::to_value(rev).unwrap(),
            )
            .await
            .unwrap();
        let after = ledger
            .append(
                &root,
                &case,
                EventType::parse("note.added").unwrap(),
                json!({"n": 2}),
            )
            .await
            .unwrap();
        after.positions.start
    };
    assert_verifies(&d);
    set_entry(&d, position, &resigned(&d, position, &staff));
    let out = d.run(&["verify"]);
    assert!(
        text(&out.stderr).contains("was revoked before this position"),
        "{}",
        text(&out.stderr)
    );
    assert_verify_fails_at(&d, position, "revoked key");
}

#[test]
fn truncating_the_log_below_its_checkpoint_is_caught() {
    let d = DataFolder::with_events(500);
    let n = size(&d);
    d.sqlite()
        .execute("DELETE FROM entries WHERE position >= ?1", [(n - 5) as i64])
        .unwrap();
    let out = d.run(&["verify"]);
    assert!(
        text(&out.stderr).contains("truncated"),
        "{}",
        text(&out.stderr)
    );
    assert_verify_fails_at(&d, n - 5, "truncated");
}

#[test]
fn rewriting_entries_and_tiles_together_is_caught_by_the_checkpoints() {
    // A careful forger swaps two entries of different streams and also rewrites the level-0
    // tile to match; the stored signed checkpoints still disagree with the recomputed tree.
    let d = DataFolder::with_events(9000);
    let (a, b) = (entry(&d, 5000), entry(&d, 5001));
    let (sa, sb) = (
        Event::from_entry(&a).unwrap(),
        Event::from_entry(&b).unwrap(),
    );
    assert_ne!(
        sa.envelope().stream,
        sb.envelope().stream,
        "the two entries must be in different streams"
    );
    set_entry(&d, 5000, &b);
    set_entry(&d, 5001, &a);
    let conn = d.sqlite();
    let tile: Vec<u8> = conn
        .query_row(
            "SELECT hashes FROM tiles WHERE level = 0 AND idx = ?1",
            [5000 / 256],
            |r| r.get(0),
        )
        .unwrap();
    let mut tile = tile;
    let off = (5000 % 256) * 32;
    let (x, y) = (
        tile[off..off + 32].to_vec(),
        tile[off + 32..off + 64].to_vec(),
    );
    tile[off..off + 32].copy_from_slice(&y);
    tile[off + 32..off + 64].copy_from_slice(&x);
    conn.execute(
        "UPDATE tiles SET hashes = ?1 WHERE level = 0 AND idx = ?2",
        (&tile, 5000 / 256),
    )
    .unwrap();
    let out = d.run(&["verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    // Named either through the level-1 tile or the first disagreeing checkpoint, at or before 5000.
    let position: u64 = err
        .split("at position ")
        .nth(1)
        .and_then(|r| r.split(':').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("{err}"));
    assert!(position <= 5000, "{err}");
}
