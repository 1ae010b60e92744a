//! Property tests of proof generation and verification: for every tree size up to 300 and every
//! index (or pair of sizes), generated proofs verify, and flipping any bit of a proof, the root,
//! the leaf, or changing the size or index makes verification fail.
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use recourse_events::Hash;
use recourse_events::merkle::{
    MemoryTree, NodeSource, consistency_proof, inclusion_proof, leaf_hash, root,
    verify_consistency, verify_inclusion,
};

const MAX: u64 = 300;

fn tree(n: u64) -> MemoryTree {
    MemoryTree::from_leaves((0..n).map(|i| leaf_hash(format!("entry {i}").as_bytes())))
}

fn flip(h: &Hash, bit: usize) -> Hash {
    let mut out = *h;
    out.0[bit / 8] ^= 1 << (bit % 8);
    out
}

#[test]
fn every_inclusion_proof_up_to_300_verifies() {
    let full = tree(MAX + 1);
    for size in 1..=MAX {
        let r = root(&full, size).unwrap();
        for index in 0..size {
            let leaf = full.node(0, index).unwrap();
            let p = inclusion_proof(&full, index, size).unwrap();
            verify_inclusion(index, size, &leaf.0, &p, &r.0)
                .unwrap_or_else(|e| panic!("{index}/{size}: {e}"));
            // The same proof for another index, or against the real root of another size, fails.
            if index + 1 < size {
                assert!(verify_inclusion(index + 1, size, &leaf.0, &p, &r.0).is_err());
            }
            let bigger = root(&full, size + 1).unwrap();
            assert!(verify_inclusion(index, size + 1, &leaf.0, &p, &bigger.0).is_err());
        }
    }
}

#[test]
fn every_consistency_proof_up_to_300_verifies() {
    let full = tree(MAX);
    let roots: Vec<Hash> = (0..=MAX).map(|s| root(&full, s).unwrap()).collect();
    for size2 in 1..=MAX {
        for size1 in 1..=size2 {
            let p = consistency_proof(&full, size1, size2).unwrap();
            verify_consistency(
                size1,
                size2,
                &p,
                &roots[size1 as usize].0,
                &roots[size2 as usize].0,
            )
            .unwrap_or_else(|e| panic!("{size1}->{size2}: {e}"));
            if size1 < size2 {
                assert!(
                    verify_consistency(
                        size1 + 1,
                        size2,
                        &p,
                        &roots[size1 as usize].0,
                        &roots[size2 as usize].0
                    )
                    .is_err()
                );
                assert!(
                    verify_consistency(
                        size1,
                        size2,
                        &p,
                        &roots[size1 as usize].0,
                        &roots[size2 as usize - 1].0
                    )
                    .is_err()
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bit_flip_breaks_an_inclusion_proof(size in 1..=MAX, index_seed in any::<u64>(), which in any::<prop::sample::Index>(), bit in 0usize..256) {
        let full = tree(size);
        let index = index_seed % size;
        let leaf = full.node(0, index).unwrap();
        let r = full.root();
        let p = inclusion_proof(&full, index, size).unwrap();
        // Flip a bit of one proof hash, of the root, or of the leaf.
        let slot = which.index(p.len() + 2);
        let (mut p2, mut r2, mut l2) = (p.clone(), r, leaf);
        if slot < p.len() { p2[slot] = flip(&p[slot], bit) } else if slot == p.len() { r2 = flip(&r, bit) } else { l2 = flip(&leaf, bit) }
        prop_assert!(verify_inclusion(index, size, &l2.0, &p2, &r2.0).is_err());
        prop_assert!(verify_inclusion(index, size, &leaf.0, &p, &r.0).is_ok());
    }

    #[test]
    fn any_bit_flip_breaks_a_consistency_proof(size2 in 2..=MAX, seed in any::<u64>(), which in any::<prop::sample::Index>(), bit in 0usize..256) {
        let full = tree(size2);
        let size1 = 1 + seed % (size2 - 1);
        let (r1, r2) = (root(&full, size1).unwrap(), full.root());
        let p = consistency_proof(&full, size1, size2).unwrap();
        let slot = which.index(p.len() + 2);
        let (mut p2, mut a, mut b) = (p.clone(), r1, r2);
        if slot < p.len() { p2[slot] = flip(&p[slot], bit) } else if slot == p.len() { a = flip(&r1, bit) } else { b = flip(&r2, bit) }
        prop_assert!(verify_consistency(size1, size2, &p2, &a.0, &b.0).is_err());
        prop_assert!(verify_consistency(size1, size2, &p, &r1.0, &r2.0).is_ok());
    }

    #[test]
    fn any_bit_flip_of_the_size_breaks_an_inclusion_proof(size in 1..=MAX, index_seed in any::<u64>(), bit in 0u32..9) {
        let full = tree(MAX + 512);
        let index = index_seed % size;
        let leaf = full.node(0, index).unwrap();
        let p = inclusion_proof(&full, index, size).unwrap();
        let other = size ^ (1 << bit);
        let other_root = root(&full, other).unwrap();
        prop_assert!(verify_inclusion(index, other, &leaf.0, &p, &other_root.0).is_err());
    }

    #[test]
    fn any_bit_flip_of_a_size_breaks_a_consistency_proof(size2 in 2..=MAX, seed in any::<u64>(), bit in 0u32..9, first in any::<bool>()) {
        let full = tree(MAX + 512);
        let size1 = 1 + seed % (size2 - 1);
        let p = consistency_proof(&full, size1, size2).unwrap();
        let (s1, s2) = if first { (size1 ^ (1 << bit), size2) } else { (size1, size2 ^ (1 << bit)) };
        let (r1, r2) = (root(&full, s1).unwrap(), root(&full, s2).unwrap());
        prop_assert!(verify_consistency(s1, s2, &p, &r1.0, &r2.0).is_err());
    }

    #[test]
    fn a_different_size_breaks_a_consistency_proof(size2 in 3..=MAX, seed in any::<u64>(), delta in 1u64..4) {
        let full = tree(size2 + delta);
        let size1 = 1 + seed % (size2 - 1);
        let p = consistency_proof(&full, size1, size2).unwrap();
        let (r1, r2) = (root(&full, size1).unwrap(), root(&full, size2).unwrap());
        prop_assert!(verify_consistency(size1, size2 + delta, &p, &r1.0, &root(&full, size2 + delta).unwrap().0).is_err());
        prop_assert!(verify_consistency(size1, size2, &p, &r1.0, &r2.0).is_ok());
    }
}
