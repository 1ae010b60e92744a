//! Our checkpoints, verifier keys and proofs, checked by independent implementations:
//! `signed_note` (a port of Go's sumdb note) and `tlog_tiles` (a port of Go's sumdb tlog).
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use recourse_events::SecretKey;
use recourse_events::checkpoint::{Checkpoint, NoteVerifier};
use recourse_events::merkle::{
    MemoryTree, NodeSource, consistency_proof, inclusion_proof, leaf_hash, root,
};
use signed_note::{Note, StandardVerifier, VerifierList};

fn tree(n: u64) -> MemoryTree {
    MemoryTree::from_leaves((0..n).map(|i| leaf_hash(format!("{{\"n\":{i}}}").as_bytes())))
}

fn th(h: recourse_events::Hash) -> tlog_tiles::Hash {
    tlog_tiles::Hash(h.0)
}

#[test]
fn signed_note_accepts_our_checkpoint_and_verifier_key() {
    let key = SecretKey::from_seed(&[42; 32]);
    let t = tree(1000);
    let cp = Checkpoint {
        origin: "recourse.example/ledger".into(),
        size: 1000,
        root: t.root(),
        extensions: vec![],
    };
    let mut note = cp.sign(&key).unwrap();
    // A witness cosigns; the other implementation must ignore the key it does not know.
    note.sign("witness.example", &SecretKey::from_seed(&[7; 32]))
        .unwrap();
    let text = note.to_string();
    let vkey = NoteVerifier::new("recourse.example/ledger", key.public())
        .unwrap()
        .to_string();

    let verifier = StandardVerifier::new(&vkey).expect("signed_note parses our verifier key");
    let parsed = Note::from_bytes(text.as_bytes()).expect("signed_note parses our note");
    let (verified, unverified) = parsed
        .verify(&VerifierList::new(vec![Box::new(verifier)]))
        .expect("signature verifies");
    assert_eq!(verified.len(), 1);
    assert_eq!(unverified.len(), 1);
    let body = tlog_tiles::Checkpoint::from_bytes(parsed.text())
        .expect("tlog_tiles parses our checkpoint body");
    assert_eq!(body.size(), 1000);
    assert_eq!(body.hash().0, t.root().0);

    // And a tampered note is refused by it.
    let tampered = text.replacen("\n1000\n", "\n1001\n", 1);
    let v2 = StandardVerifier::new(&vkey).unwrap();
    assert!(
        Note::from_bytes(tampered.as_bytes())
            .unwrap()
            .verify(&VerifierList::new(vec![Box::new(v2)]))
            .is_err()
    );
}

#[test]
fn tlog_tiles_accepts_our_proofs() {
    let t = tree(600);
    for size in [1u64, 2, 3, 7, 8, 255, 256, 257, 511, 600] {
        let r = th(root(&t, size).unwrap());
        for index in [0, size / 3, size / 2, size - 1] {
            let proof: Vec<_> = inclusion_proof(&t, index, size)
                .unwrap()
                .into_iter()
                .map(th)
                .collect();
            tlog_tiles::check_record(&proof, size, r, index, th(t.node(0, index).unwrap()))
                .unwrap_or_else(|e| panic!("inclusion {index}/{size}: {e:?}"));
            assert!(
                tlog_tiles::check_record(&proof, size, r, index, th(leaf_hash(b"other"))).is_err()
            );
        }
        for old in [1u64, size / 2, size - 1]
            .into_iter()
            .filter(|&o| o >= 1 && o < size)
        {
            let proof: Vec<_> = consistency_proof(&t, old, size)
                .unwrap()
                .into_iter()
                .map(th)
                .collect();
            tlog_tiles::check_tree(&proof, size, r, old, th(root(&t, old).unwrap()))
                .unwrap_or_else(|e| panic!("consistency {old}->{size}: {e:?}"));
        }
    }
}
