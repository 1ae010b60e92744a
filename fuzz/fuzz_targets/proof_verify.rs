//! Inclusion and consistency proof verification on arbitrary indexes, sizes, leaves, proofs and
//! roots, checked against the RFC 9162 algorithms (sections 2.1.3.2 and 2.1.4.2) written out
//! literally here. Properties: no panic for any input; `verify_inclusion` and
//! `verify_consistency` accept exactly when the RFC algorithm does (and only 32-byte hashes);
//! an accepted inclusion proof's recomputed root (`root_from_inclusion_proof`) is the root.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use recourse_events::merkle::{root_from_inclusion_proof, verify_consistency, verify_inclusion};

#[path = "rfc9162.rs"]
mod rfc9162;
use rfc9162::{rfc_consistency, rfc_inclusion};

fn hash_bytes(u: &mut Unstructured) -> Result<Vec<u8>> {
    // Mostly 32 bytes, sometimes any length.
    if u.ratio(1, 16)? {
        u.arbitrary()
    } else {
        Ok(u.bytes(32)?.to_vec())
    }
}

fn small_or_any(u: &mut Unstructured) -> Result<u64> {
    if u.ratio(1, 8)? {
        u.arbitrary()
    } else {
        u.int_in_range(0..=70)
    }
}

fn run(u: &mut Unstructured) -> Result<()> {
    let index = small_or_any(u)?;
    let size = small_or_any(u)?;
    let size2 = small_or_any(u)?;
    let leaf = hash_bytes(u)?;
    let root = hash_bytes(u)?;
    let root2 = if u.arbitrary()? {
        root.clone()
    } else {
        hash_bytes(u)?
    };
    let n = u.int_in_range(0..=12)?;
    let proof: Vec<Vec<u8>> = (0..n).map(|_| hash_bytes(u)).collect::<Result<_>>()?;

    let ours = verify_inclusion(index, size, &leaf, &proof, &root);
    assert_eq!(
        ours.is_ok(),
        rfc_inclusion(index, size, &leaf, &proof, &root),
        "inclusion index={index} size={size} proof len {}: {ours:?}",
        proof.len()
    );
    if ours.is_ok() {
        let computed = root_from_inclusion_proof(index, size, &leaf, &proof).unwrap();
        assert_eq!(computed.0.as_slice(), root.as_slice());
    }

    let ours = verify_consistency(size, size2, &proof, &root, &root2);
    assert_eq!(
        ours.is_ok(),
        rfc_consistency(size, size2, &proof, &root, &root2),
        "consistency {size} -> {size2} proof len {}: {ours:?}",
        proof.len()
    );
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
