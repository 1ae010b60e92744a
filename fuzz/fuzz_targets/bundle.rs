//! Export bundles: `BundleHeader::parse` on the first line, then the whole JSON-lines reading of
//! `verify_bundle` (src/verification.rs), mirrored here on bytes in memory with the same pieces
//! (the root crate is too heavy to build instrumented). The input is `<verifier key>\n<bundle>`.
//! Properties: an accepted header round-trips through JSON and names the v1 format; an accepted
//! bundle has exactly `size` entries, each a canonical event, whose Merkle tree has the signed
//! root; and changing one byte of an entry, or dropping the last one, makes it fail.
#![no_main]

use std::io::BufRead;

use libfuzzer_sys::fuzz_target;
use recourse_events::Event;
use recourse_events::bundle::{BUNDLE_FORMAT, BundleHeader};
use recourse_events::checkpoint::{Checkpoint, NoteVerifier};
use recourse_events::merkle::{MemoryTree, inclusion_proof, verify_inclusion};
use recourse_events::verify::LedgerVerifier;

/// What `verify_bundle` does, on bytes: header, checkpoint, every entry, size and root.
fn verify_bundle(bundle: &[u8], vkey: &NoteVerifier) -> Result<(Checkpoint, Vec<Vec<u8>>), String> {
    let mut lines = std::io::Cursor::new(bundle).split(b'\n');
    let header = lines.next().ok_or("empty")?.map_err(|e| e.to_string())?;
    let header = BundleHeader::parse(&header).map_err(|e| e.to_string())?;
    let (cp, _) = Checkpoint::open(&header.checkpoint, vkey).map_err(|e| e.to_string())?;
    if cp.size != header.size {
        return Err("header size is not the checkpoint's".into());
    }
    let entries: Vec<Vec<u8>> = lines.collect::<Result<_, _>>().map_err(|e| e.to_string())?;
    let mut verifier = LedgerVerifier::new(*vkey.key());
    // Two batches when there is more than one entry, as verify_bundle feeds batches.
    let (a, b) = entries.split_at(entries.len() / 2);
    verifier
        .verify(a, |_, _, _| {})
        .map_err(|f| f.to_string())?;
    verifier
        .verify(b, |_, _, _| {})
        .map_err(|f| f.to_string())?;
    if verifier.size() != cp.size {
        return Err("size differs from the checkpoint".into());
    }
    if verifier.root() != cp.root {
        return Err("root differs from the checkpoint".into());
    }
    Ok((cp, entries))
}

fn reassemble(header: &[u8], entries: &[Vec<u8>]) -> Vec<u8> {
    let mut out = header.to_vec();
    for e in entries {
        out.push(b'\n');
        out.extend_from_slice(e);
    }
    out.push(b'\n');
    out
}

fuzz_target!(|data: &[u8]| {
    let (vkey, bundle) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let header_line = bundle.split(|&b| b == b'\n').next().unwrap_or_default();
    if let Ok(h) = BundleHeader::parse(header_line) {
        assert_eq!(h.format, BUNDLE_FORMAT);
        let json = serde_json::to_vec(&h).expect("serializes");
        assert_eq!(BundleHeader::parse(&json), Ok(h));
    }
    let Ok(vkey) = std::str::from_utf8(vkey)
        .map_err(drop)
        .and_then(|v| NoteVerifier::parse(v).map_err(drop))
    else {
        return;
    };
    let Ok((cp, entries)) = verify_bundle(bundle, &vkey) else {
        return;
    };
    assert_eq!(entries.len() as u64, cp.size);
    let leaves: Vec<_> = entries
        .iter()
        .map(|e| {
            Event::from_entry(e)
                .expect("verified entries parse")
                .leaf_hash()
        })
        .collect();
    let tree = MemoryTree::from_leaves(leaves.iter().copied());
    assert_eq!(tree.root(), cp.root);
    if entries.is_empty() {
        return;
    }
    let n = entries.len();
    let i = data.len() % n;
    let proof = inclusion_proof(&tree, i as u64, n as u64).expect("proof");
    verify_inclusion(i as u64, n as u64, &leaves[i].0, &proof, &cp.root.0).expect("inclusion");
    // Tampering is caught: one byte of one entry changed, or the last entry dropped.
    let header = header_line.to_vec();
    assert!(verify_bundle(&reassemble(&header, &entries), &vkey).is_ok());
    let mut tampered = entries.clone();
    let j = data.len() % tampered[i].len().max(1);
    if let Some(b) = tampered[i].get_mut(j) {
        *b ^= 1 << (data.len() % 8);
        assert!(
            verify_bundle(&reassemble(&header, &tampered), &vkey).is_err(),
            "a changed entry was accepted"
        );
    }
    let truncated = &entries[..n - 1];
    assert!(
        verify_bundle(&reassemble(&header, truncated), &vkey).is_err(),
        "a truncated bundle was accepted"
    );
});
