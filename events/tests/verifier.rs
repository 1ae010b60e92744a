//! The verifier and the key registry rule on small in-memory ledgers: given a history, when it
//! is verified, then it passes or fails at the named position for the named reason.
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use recourse_events::chain::{ChainError, Chains};
use recourse_events::org::{self, KeyHolder, KeyRegistered, KeyRevoked, LedgerInitialized};
use recourse_events::registry::KeyRuleError;
use recourse_events::verify::{LedgerVerifier, Problem};
use recourse_events::{Envelope, EventType, SecretKey, StreamId};
use serde_json::{Map, Value, json};
use uuid::Uuid;

struct Ledger {
    ledger: SecretKey,
    chains: Chains,
    entries: Vec<Vec<u8>>,
    n: u64,
}

impl Ledger {
    fn new() -> Self {
        let ledger = SecretKey::from_seed(&[1; 32]);
        let mut l = Ledger {
            ledger: ledger.clone(),
            chains: Chains::new(),
            entries: vec![],
            n: 0,
        };
        let init = LedgerInitialized {
            origin: "test/log".into(),
            ledger_key: ledger.public(),
        };
        l.append(
            &ledger,
            StreamId::org(),
            org::LEDGER_INITIALIZED,
            serde_json::to_value(init).unwrap(),
        );
        l
    }

    fn envelope(
        &mut self,
        key: &SecretKey,
        stream: StreamId,
        kind: EventType,
        data: Value,
    ) -> Envelope {
        self.n += 1;
        let head = self.chains.head(&stream);
        Envelope {
            id: Uuid::new_v7(uuid::Timestamp::from_unix(
                uuid::NoContext,
                1_700_000_000 + self.n,
                0,
            )),
            stream,
            seq: head.next_seq,
            kind,
            at: jiff::Timestamp::from_second(1_700_000_000 + self.n as i64).unwrap(),
            actor: key.key_id(),
            prev: head.last,
            data: data.as_object().cloned().unwrap_or_else(Map::new),
        }
    }

    fn append(&mut self, key: &SecretKey, stream: StreamId, kind: EventType, data: Value) {
        let event = self.envelope(key, stream, kind, data).sign(key).unwrap();
        self.chains
            .append(event.envelope(), event.leaf_hash())
            .unwrap();
        self.entries.push(event.into_entry());
    }

    fn register(&mut self, key: &SecretKey) {
        let reg = KeyRegistered {
            key_id: key.key_id(),
            public_key: key.public(),
            holder: KeyHolder::Staff { id: "s1".into() },
            requested_by: None,
        };
        let ledger = self.ledger.clone();
        self.append(
            &ledger,
            StreamId::org(),
            org::KEY_REGISTERED,
            serde_json::to_value(reg).unwrap(),
        );
    }

    fn revoke(&mut self, key: &SecretKey) {
        let rev = KeyRevoked {
            key_id: key.key_id(),
            reason: "left".into(),
            requested_by: None,
        };
        let ledger = self.ledger.clone();
        self.append(
            &ledger,
            StreamId::org(),
            org::KEY_REVOKED,
            serde_json::to_value(rev).unwrap(),
        );
    }

    fn note(&mut self, key: &SecretKey, case: u128) {
        self.append(
            key,
            StreamId::case(Uuid::from_u128(case)),
            EventType::parse("note.added").unwrap(),
            json!({"n": self.n}),
        );
    }

    fn verify(&self) -> Result<LedgerVerifier, recourse_events::verify::Failure> {
        let mut v = LedgerVerifier::new(self.ledger.public());
        for chunk in self.entries.chunks(7) {
            v.verify(chunk, |_, _, _| {})?;
        }
        Ok(v)
    }
}

fn staff(n: u8) -> SecretKey {
    SecretKey::from_seed(&[100 + n; 32])
}

#[test]
fn a_well_formed_ledger_verifies_and_its_root_is_the_tree_root() {
    let mut l = Ledger::new();
    l.register(&staff(1));
    for i in 0..200 {
        l.note(&staff(1), i % 5);
    }
    let v = l.verify().unwrap();
    let tree = recourse_events::merkle::MemoryTree::from_leaves(
        l.entries
            .iter()
            .map(|e| recourse_events::merkle::leaf_hash(e)),
    );
    assert_eq!(v.size(), 202);
    assert_eq!(v.root(), tree.root());
    assert_eq!(v.registry().origin(), Some("test/log"));
}

#[test]
fn an_unregistered_key_is_refused_at_its_position() {
    let mut l = Ledger::new();
    l.note(&staff(1), 1);
    let f = l.verify().unwrap_err();
    assert_eq!(
        (f.position, f.problem),
        (
            1,
            Problem::Key(KeyRuleError::NotRegistered(staff(1).key_id()))
        )
    );
}

#[test]
fn a_key_is_valid_after_registration_and_until_revocation() {
    let mut l = Ledger::new();
    l.register(&staff(1));
    l.note(&staff(1), 1);
    l.revoke(&staff(1));
    assert!(l.verify().is_ok());
    l.note(&staff(1), 1);
    let f = l.verify().unwrap_err();
    assert_eq!(
        (f.position, f.problem),
        (4, Problem::Key(KeyRuleError::Revoked(staff(1).key_id())))
    );
}

#[test]
fn only_the_ledger_key_signs_the_org_stream() {
    let mut l = Ledger::new();
    l.register(&staff(1));
    l.append(
        &staff(1),
        StreamId::org(),
        EventType::parse("settings.changed").unwrap(),
        json!({}),
    );
    let f = l.verify().unwrap_err();
    assert_eq!(
        (f.position, f.problem),
        (
            2,
            Problem::Key(KeyRuleError::OrgNotByLedgerKey(staff(1).key_id()))
        )
    );
}

#[test]
fn the_ledger_must_start_with_its_initialization_by_the_trusted_key() {
    let mut l = Ledger::new();
    l.note(&l.ledger.clone(), 1);
    // Verify with another trusted key: position 0 is refused.
    let mut v = LedgerVerifier::new(staff(9).public());
    let f = v.verify(&l.entries, |_, _, _| {}).unwrap_err();
    assert_eq!(
        (f.position, f.problem),
        (0, Problem::Key(KeyRuleError::NotInitialized))
    );
}

#[test]
fn a_forged_signature_is_found_among_many() {
    let mut l = Ledger::new();
    l.register(&staff(1));
    for i in 0..150 {
        l.note(&staff(1), i);
    }
    // Re-sign entry 100 with an unregistered key but keep the registered actor id.
    let forged = {
        let text = String::from_utf8(l.entries[100].clone()).unwrap();
        let mut v: Value = serde_json::from_str(&text).unwrap();
        let other = staff(2).sign(b"something else");
        v["sig"] = json!(recourse_events::key::signature_to_base64(&other));
        recourse_events::canonical::to_vec(&v).unwrap()
    };
    l.entries[100] = forged;
    let f = l.verify().unwrap_err();
    assert_eq!(
        (f.position, f.problem),
        (100, Problem::Signature(staff(1).key_id()))
    );
}

#[test]
fn a_reordered_stream_breaks_its_chain() {
    let mut l = Ledger::new();
    l.register(&staff(1));
    l.note(&staff(1), 1);
    l.note(&staff(1), 1);
    l.entries.swap(2, 3);
    let f = l.verify().unwrap_err();
    assert_eq!(f.position, 2);
    assert!(matches!(
        f.problem,
        Problem::Chain(ChainError::Seq {
            expected: 0,
            got: 1,
            ..
        })
    ));
}

#[test]
fn a_stream_key_signs_only_in_its_stream() {
    let mut v = LedgerVerifier::new(SecretKey::from_seed(&[1; 32]).public());
    let mut l = Ledger::new();
    l.note(&staff(3), 7);
    l.note(&staff(3), 8);
    v.verify(&l.entries[..1], |_, _, _| {}).unwrap();
    let mut registry = v.registry().clone();
    registry
        .register_stream_key(staff(3).public(), StreamId::case(Uuid::from_u128(7)))
        .unwrap();
    let e1 = recourse_events::Event::from_entry(&l.entries[1]).unwrap();
    let e2 = recourse_events::Event::from_entry(&l.entries[2]).unwrap();
    assert!(registry.authorize(e1.envelope(), 1).is_ok());
    assert!(matches!(
        registry.authorize(e2.envelope(), 2),
        Err(KeyRuleError::OutOfScope { .. })
    ));
    assert_eq!(
        registry.register_stream_key(staff(3).public(), StreamId::case(Uuid::from_u128(8))),
        Err(KeyRuleError::Duplicate(staff(3).key_id()))
    );
}
