//! Proofs from a real tree. The fuzzer picks the leaves (duplicates welcome), the sizes and the
//! index, and a mutation. Properties: the tree's root (MemoryTree and CompactRange) equals the
//! RFC 9162 recursive definition; generated inclusion and consistency proofs equal the RFC's
//! recursive PATH and SUBPROOF; honest proofs verify (with ours and with the RFC's algorithm),
//! and the recomputed root is the root; any mutated proof (bit flipped, hash dropped, added,
//! swapped or replaced) fails; and soundness: whatever claim the verifier accepts against the
//! true root is true (the leaf is really at that index, the old root really is that tree's).
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use recourse_events::Hash;
use recourse_events::merkle::{
    CompactRange, MemoryTree, consistency_proof, empty_root, inclusion_proof, leaf_hash, node_hash,
    root, root_from_inclusion_proof, verify_consistency, verify_inclusion,
};

#[path = "rfc9162.rs"]
mod rfc9162;
use rfc9162::{rfc_consistency, rfc_inclusion};

fn split(n: usize) -> usize {
    let mut k = 1;
    while k * 2 < n {
        k *= 2;
    }
    k
}

/// MTH, RFC 9162 2.1.1.
fn mth(d: &[Hash]) -> Hash {
    match d.len() {
        0 => empty_root(),
        1 => d[0],
        n => {
            let k = split(n);
            node_hash(&mth(&d[..k]), &mth(&d[k..]))
        }
    }
}

/// PATH(m, D[n]), RFC 9162 2.1.3.1.
fn rfc_path(m: usize, d: &[Hash]) -> Vec<Hash> {
    if d.len() == 1 {
        return vec![];
    }
    let k = split(d.len());
    if m < k {
        let mut p = rfc_path(m, &d[..k]);
        p.push(mth(&d[k..]));
        p
    } else {
        let mut p = rfc_path(m - k, &d[k..]);
        p.push(mth(&d[..k]));
        p
    }
}

/// SUBPROOF(m, D[n], b), RFC 9162 2.1.4.1.
fn rfc_subproof(m: usize, d: &[Hash], b: bool) -> Vec<Hash> {
    let n = d.len();
    if m == n {
        return if b { vec![] } else { vec![mth(d)] };
    }
    let k = split(n);
    if m <= k {
        let mut p = rfc_subproof(m, &d[..k], b);
        p.push(mth(&d[k..]));
        p
    } else {
        let mut p = rfc_subproof(m - k, &d[k..], false);
        p.push(mth(&d[..k]));
        p
    }
}

/// A change to a proof that certainly changes it.
fn mutate(u: &mut Unstructured, proof: &mut Vec<Hash>) -> Result<()> {
    let op = u.int_in_range(0..=4)?;
    match op {
        0 if !proof.is_empty() => {
            let i = u.choose_index(proof.len())?;
            let bit = u.int_in_range(0..=255u32)?;
            proof[i].0[(bit / 8) as usize] ^= 1 << (bit % 8);
        }
        1 if !proof.is_empty() => {
            let i = u.choose_index(proof.len())?;
            proof.remove(i);
        }
        2 if proof.len() >= 2 => {
            let i = u.choose_index(proof.len())?;
            let j = u.choose_index(proof.len())?;
            if proof[i] == proof[j] {
                proof[i].0[0] ^= 1;
            } else {
                proof.swap(i, j);
            }
        }
        3 if !proof.is_empty() => {
            let i = u.choose_index(proof.len())?;
            let mut h = Hash(u.arbitrary()?);
            if h == proof[i] {
                h.0[31] ^= 0x80;
            }
            proof[i] = h;
        }
        _ => {
            let i = u.int_in_range(0..=proof.len())?;
            proof.insert(i, Hash(u.arbitrary()?));
        }
    }
    Ok(())
}

fn run(u: &mut Unstructured) -> Result<()> {
    let n = u.int_in_range(1..=300usize)?;
    // Few distinct leaf values, so that duplicate leaves (and equal subtrees) are common.
    let leaves: Vec<Hash> = (0..n)
        .map(|_| Ok(leaf_hash(&[u.arbitrary::<u8>()? % 4])))
        .collect::<Result<_>>()?;
    let tree = MemoryTree::from_leaves(leaves.iter().copied());
    let mut range = CompactRange::new();
    for l in &leaves {
        range.push(*l, |_, _, _| {});
    }
    assert_eq!(tree.root(), mth(&leaves));
    assert_eq!(range.root(), tree.root());

    // Inclusion of leaf i in the tree of the first `size` leaves.
    let size = u.int_in_range(1..=n)?;
    let i = u.int_in_range(0..=size - 1)?;
    let r = root(&tree, size as u64).unwrap();
    assert_eq!(r, mth(&leaves[..size]));
    let proof = inclusion_proof(&tree, i as u64, size as u64).unwrap();
    assert_eq!(proof, rfc_path(i, &leaves[..size]));
    let (i64_, s64) = (i as u64, size as u64);
    verify_inclusion(i64_, s64, &leaves[i].0, &proof, &r.0).expect("honest inclusion proof");
    assert!(rfc_inclusion(i64_, s64, &leaves[i].0, &proof, &r.0));
    assert_eq!(
        root_from_inclusion_proof(i64_, s64, &leaves[i].0, &proof),
        Ok(r)
    );
    assert!(inclusion_proof(&tree, s64, s64).is_err());

    let mut bad = proof.clone();
    mutate(u, &mut bad)?;
    assert!(
        verify_inclusion(i64_, s64, &leaves[i].0, &bad, &r.0).is_err(),
        "mutated inclusion proof verified"
    );
    // Soundness: any accepted claim (index, size, leaf, proof) against the true root is true.
    let claim_index = if u.arbitrary()? {
        i64_
    } else {
        u.int_in_range(0..=n as u64)?
    };
    let claim_leaf = if u.arbitrary()? {
        leaves[i]
    } else {
        leaf_hash(&[u.arbitrary::<u8>()? % 4])
    };
    let claim_proof = if u.arbitrary()? { proof.clone() } else { bad };
    if verify_inclusion(claim_index, s64, &claim_leaf.0, &claim_proof, &r.0).is_ok() {
        assert!(claim_index < s64);
        assert_eq!(
            leaves[claim_index as usize], claim_leaf,
            "accepted a false inclusion"
        );
    }

    // Consistency of the first `size1` leaves with the first `size2`.
    let size2 = u.int_in_range(1..=n)?;
    let size1 = u.int_in_range(1..=size2)?;
    let (s1, s2) = (size1 as u64, size2 as u64);
    let r1 = root(&tree, s1).unwrap();
    let r2 = root(&tree, s2).unwrap();
    let proof = consistency_proof(&tree, s1, s2).unwrap();
    let want = if size1 == size2 {
        vec![]
    } else {
        rfc_subproof(size1, &leaves[..size2], true)
    };
    assert_eq!(proof, want);
    verify_consistency(s1, s2, &proof, &r1.0, &r2.0).expect("honest consistency proof");
    assert!(rfc_consistency(s1, s2, &proof, &r1.0, &r2.0));
    assert!(consistency_proof(&tree, 0, s2).is_err());
    let mut bad = proof.clone();
    mutate(u, &mut bad)?;
    assert!(
        verify_consistency(s1, s2, &bad, &r1.0, &r2.0).is_err(),
        "mutated consistency proof verified"
    );
    // Soundness: against the true new root, only the true old root is accepted.
    let other = u.int_in_range(1..=n as u64)?;
    let claim_root1 = root(&tree, other).unwrap();
    let claim_proof = if u.arbitrary()? { proof } else { bad };
    if verify_consistency(s1, s2, &claim_proof, &claim_root1.0, &r2.0).is_ok() {
        assert_eq!(claim_root1, r1, "accepted a false consistency claim");
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
