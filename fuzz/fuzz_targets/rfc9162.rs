//! Proof verification exactly as RFC 9162 sections 2.1.3.2 and 2.1.4.2 write it, step by step,
//! independent of the bit-twiddling form in recourse_events::merkle: the fuzz targets check the
//! ledger's verifiers against these.

use recourse_events::Hash;
use recourse_events::merkle::node_hash;

fn h(b: &[u8]) -> Option<Hash> {
    Hash::from_slice(b).ok()
}

/// RFC 9162 2.1.3.2, step by step.
pub fn rfc_inclusion(
    index: u64,
    size: u64,
    leaf: &[u8],
    proof: &[impl AsRef<[u8]>],
    root: &[u8],
) -> bool {
    if index >= size {
        return false;
    }
    let (Some(mut r), Some(root)) = (h(leaf), h(root)) else {
        return false;
    };
    let (mut f, mut s) = (index, size - 1);
    for p in proof {
        let Some(p) = h(p.as_ref()) else { return false };
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            r = node_hash(&p, &r);
            if f & 1 == 0 {
                while f & 1 == 0 && f != 0 {
                    f >>= 1;
                    s >>= 1;
                }
            }
        } else {
            r = node_hash(&r, &p);
        }
        f >>= 1;
        s >>= 1;
    }
    s == 0 && r == root
}

/// RFC 9162 2.1.4.2, step by step. Equal sizes, which the RFC leaves to the caller, prove
/// byte-equal roots with an empty proof, as transparency-dev/merkle has it (its interop vector
/// `sizes-are-equal-one-and-proof-is-empty` accepts 11-byte roots, so no length check there).
pub fn rfc_consistency(
    first: u64,
    second: u64,
    proof: &[impl AsRef<[u8]>],
    root1: &[u8],
    root2: &[u8],
) -> bool {
    if first == 0 || first > second {
        return false;
    }
    if first == second {
        return proof.is_empty() && root1 == root2;
    }
    let (Some(root1), Some(root2)) = (h(root1), h(root2)) else {
        return false;
    };
    let Some(mut path) = proof
        .iter()
        .map(|p| h(p.as_ref()))
        .collect::<Option<Vec<Hash>>>()
    else {
        return false;
    };
    if path.is_empty() {
        return false;
    }
    if first.is_power_of_two() {
        path.insert(0, root1);
    }
    let (mut f, mut s) = (first - 1, second - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (path[0], path[0]);
    for c in &path[1..] {
        if s == 0 {
            return false;
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            if f & 1 == 0 {
                while f & 1 == 0 && f != 0 {
                    f >>= 1;
                    s >>= 1;
                }
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    fr == root1 && sr == root2 && s == 0
}
