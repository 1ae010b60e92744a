//! Inclusion and consistency proof verification on arbitrary indexes, sizes, leaves, proofs and
//! roots, checked against the RFC 9162 algorithms (sections 2.1.3.2 and 2.1.4.2) written out
//! literally here. Properties: no panic for any input; `verify_inclusion` and
//! `verify_consistency` accept exactly when the RFC algorithm does (and only 32-byte hashes);
//! an accepted inclusion proof's recomputed root (`root_from_inclusion_proof`) is the root.
//!
//! Inputs are either raw bytes (read as index, sizes, hashes and proof), or text as printed by
//! `recourse prove`, so the corpus holds real proofs:
//! `inclusion <index> <size>\n<leaf hash>\n<root>\n<proof hash>\n...` or
//! `consistency <size1> <size2>\n<root1>\n<root2>\n<proof hash>\n...`, hashes in base64.
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
    check_inclusion(index, size, &leaf, &proof, &root);
    check_consistency(size, size2, &proof, &root, &root2);
    Ok(())
}

/// The text form: a proof as `recourse prove` prints it, with its claim on the first lines.
fn run_text(text: &str) -> Option<()> {
    use base64::Engine as _;
    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.decode(s).ok();
    let mut lines = text.lines();
    let mut head = lines.next()?.split(' ');
    let (kind, a, b) = (
        head.next()?,
        head.next()?.parse().ok()?,
        head.next()?.parse().ok()?,
    );
    let x = b64(lines.next()?)?;
    let y = b64(lines.next()?)?;
    let proof: Vec<Vec<u8>> = lines.map(b64).collect::<Option<_>>()?;
    match kind {
        "inclusion" => check_inclusion(a, b, &x, &proof, &y),
        "consistency" => check_consistency(a, b, &proof, &x, &y),
        _ => return None,
    }
    Some(())
}

fn check_inclusion(index: u64, size: u64, leaf: &[u8], proof: &[Vec<u8>], root: &[u8]) {
    let ours = verify_inclusion(index, size, leaf, proof, root);
    assert_eq!(
        ours.is_ok(),
        rfc_inclusion(index, size, leaf, proof, root),
        "inclusion index={index} size={size} proof len {}: {ours:?}",
        proof.len()
    );
    if ours.is_ok() {
        let computed = root_from_inclusion_proof(index, size, leaf, proof).unwrap();
        assert_eq!(computed.0.as_slice(), root);
    }
}

fn check_consistency(size: u64, size2: u64, proof: &[Vec<u8>], root: &[u8], root2: &[u8]) {
    let ours = verify_consistency(size, size2, proof, root, root2);
    assert_eq!(
        ours.is_ok(),
        rfc_consistency(size, size2, proof, root, root2),
        "consistency {size} -> {size2} proof len {}: {ours:?}",
        proof.len()
    );
}

fuzz_target!(|data: &[u8]| {
    if let Some(()) = std::str::from_utf8(data).ok().and_then(run_text) {
        return;
    }
    let _ = run(&mut Unstructured::new(data));
});
