//! The RFC 9162 (RFC 6962) Merkle tree: hashing, proofs, and the compact range a log appends to.
//!
//! Leaves are `SHA-256(0x00 || entry)`, interior nodes `SHA-256(0x01 || left || right)`, and the
//! tree over `n` leaves splits at the largest power of two below `n`. Every hash a proof needs is
//! either a *complete* subtree (a power-of-two range aligned to its size, which a log stores in
//! tiles and never changes) or built from complete subtrees on the right edge. So proof
//! generation only asks a [`NodeSource`] for complete nodes; where they come from (memory, SQLite
//! tiles, HTTP) is the caller's business.
//!
//! Verification follows RFC 9162 section 2.1.3.2 and 2.1.4.2 in the bit-twiddling form used by
//! transparency-dev/merkle, and takes roots and proof hashes as raw bytes, as they arrive.

use sha2::{Digest, Sha256};

use crate::hash::Hash;

/// The hash of an entry as a leaf: `SHA-256(0x00 || entry)`.
pub fn leaf_hash(entry: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(entry);
    Hash(h.finalize().into())
}

/// The hash of an interior node: `SHA-256(0x01 || left || right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left.0);
    h.update(right.0);
    Hash(h.finalize().into())
}

/// The root of the empty tree: SHA-256 of the empty string.
pub fn empty_root() -> Hash {
    Hash::digest(b"")
}

/// Where complete subtree hashes come from.
pub trait NodeSource {
    /// Why a node could not be read.
    type Error;
    /// The hash of the complete subtree of height `height` at `index`, which covers leaves
    /// `[index << height, (index + 1) << height)`.
    fn node(&self, height: u8, index: u64) -> Result<Hash, Self::Error>;
}

/// A proof could not be produced or did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError<E = std::convert::Infallible> {
    /// The requested index or sizes make no proof.
    #[error("{0}")]
    Range(String),
    /// The proof has the wrong number of hashes.
    #[error("wrong proof length {got}, want {want}")]
    Length {
        /// Hashes received.
        got: usize,
        /// Hashes expected for this index and size.
        want: usize,
    },
    /// A hash in the proof or a leaf hash is not 32 bytes.
    #[error("a hash is {0} bytes, want 32")]
    HashSize(usize),
    /// The recomputed root differs from the expected one.
    #[error("root mismatch: computed {computed}, expected {expected}")]
    Mismatch {
        /// Base64 of the root computed from the proof.
        computed: String,
        /// Base64 of the root the caller expected.
        expected: String,
    },
    /// The node source failed.
    #[error("reading tree nodes: {0}")]
    Source(E),
}

/// The largest power of two strictly less than `n` (n >= 2).
fn split_point(n: u64) -> u64 {
    debug_assert!(n >= 2);
    1 << (63 - (n - 1).leading_zeros())
}

/// The hash of leaves `[begin, end)`, as RFC 9162's MTH over that range.
pub fn subtree_hash<S: NodeSource>(src: &S, begin: u64, end: u64) -> Result<Hash, S::Error> {
    debug_assert!(begin < end);
    let n = end - begin;
    if n.is_power_of_two() && begin.is_multiple_of(n) {
        let height = n.trailing_zeros();
        return src.node(height as u8, begin >> height);
    }
    let k = split_point(n);
    let left = subtree_hash(src, begin, begin + k)?;
    let right = subtree_hash(src, begin + k, end)?;
    Ok(node_hash(&left, &right))
}

/// The root of the tree of the first `size` leaves.
pub fn root<S: NodeSource>(src: &S, size: u64) -> Result<Hash, S::Error> {
    if size == 0 {
        Ok(empty_root())
    } else {
        subtree_hash(src, 0, size)
    }
}

/// The inclusion proof of leaf `index` in the tree of `size` leaves (RFC 9162 2.1.3.1).
pub fn inclusion_proof<S: NodeSource>(
    src: &S,
    index: u64,
    size: u64,
) -> Result<Vec<Hash>, ProofError<S::Error>> {
    if index >= size {
        return Err(ProofError::Range(format!(
            "index {index} is not below tree size {size}"
        )));
    }
    let mut proof = Vec::new();
    path(src, index, 0, size, &mut proof).map_err(ProofError::Source)?;
    Ok(proof)
}

fn path<S: NodeSource>(
    src: &S,
    m: u64,
    begin: u64,
    end: u64,
    out: &mut Vec<Hash>,
) -> Result<(), S::Error> {
    if end - begin == 1 {
        return Ok(());
    }
    let k = begin + split_point(end - begin);
    if m < k {
        path(src, m, begin, k, out)?;
        out.push(subtree_hash(src, k, end)?);
    } else {
        path(src, m, k, end, out)?;
        out.push(subtree_hash(src, begin, k)?);
    }
    Ok(())
}

/// The consistency proof between the trees of `size1` and `size2` leaves (RFC 9162 2.1.4.1).
/// Equal sizes give an empty proof.
pub fn consistency_proof<S: NodeSource>(
    src: &S,
    size1: u64,
    size2: u64,
) -> Result<Vec<Hash>, ProofError<S::Error>> {
    if size1 == 0 || size1 > size2 {
        return Err(ProofError::Range(format!(
            "no consistency proof from size {size1} to size {size2}: need 0 < size1 <= size2"
        )));
    }
    let mut proof = Vec::new();
    if size1 < size2 {
        subproof(src, size1, 0, size2, true, &mut proof).map_err(ProofError::Source)?;
    }
    Ok(proof)
}

fn subproof<S: NodeSource>(
    src: &S,
    m: u64,
    begin: u64,
    end: u64,
    whole: bool,
    out: &mut Vec<Hash>,
) -> Result<(), S::Error> {
    if m == end {
        if !whole {
            out.push(subtree_hash(src, begin, end)?);
        }
        return Ok(());
    }
    let k = begin + split_point(end - begin);
    if m <= k {
        subproof(src, m, begin, k, whole, out)?;
        out.push(subtree_hash(src, k, end)?);
    } else {
        subproof(src, m, k, end, false, out)?;
        out.push(subtree_hash(src, begin, k)?);
    }
    Ok(())
}

fn hash_of(bytes: &[u8]) -> Result<Hash, ProofError> {
    Hash::from_slice(bytes).map_err(|_| ProofError::HashSize(bytes.len()))
}

fn hashes_of<P: AsRef<[u8]>>(proof: &[P]) -> Result<Vec<Hash>, ProofError> {
    proof.iter().map(|p| hash_of(p.as_ref())).collect()
}

fn expect_root(computed: Hash, expected: &[u8]) -> Result<(), ProofError> {
    if computed.0.as_slice() == expected {
        Ok(())
    } else {
        Err(mismatch(&computed.0, expected))
    }
}

fn mismatch(computed: &[u8], expected: &[u8]) -> ProofError {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    ProofError::Mismatch {
        computed: b64.encode(computed),
        expected: b64.encode(expected),
    }
}

/// Sizes of the inner part (below the split to the right border) and of the border of an
/// inclusion proof.
fn decompose(index: u64, size: u64) -> (usize, usize) {
    let inner = 64 - (index ^ (size - 1)).leading_zeros();
    // `inner` is 64 for trees above 2^63 leaves: `>>` would overflow (a panic with overflow
    // checks, `index >> 0` without them), where the bits above the inner part are none.
    let border = index.checked_shr(inner).unwrap_or(0).count_ones() as usize;
    let inner = inner as usize;
    (inner, border)
}

fn chain_inner(mut seed: Hash, proof: &[Hash], index: u64) -> Hash {
    for (i, h) in proof.iter().enumerate() {
        seed = if (index >> i) & 1 == 0 {
            node_hash(&seed, h)
        } else {
            node_hash(h, &seed)
        };
    }
    seed
}

fn chain_inner_right(mut seed: Hash, proof: &[Hash], index: u64) -> Hash {
    for (i, h) in proof.iter().enumerate() {
        if (index >> i) & 1 == 1 {
            seed = node_hash(h, &seed);
        }
    }
    seed
}

fn chain_border_right(mut seed: Hash, proof: &[Hash]) -> Hash {
    for h in proof {
        seed = node_hash(h, &seed);
    }
    seed
}

/// The root implied by an inclusion proof of `leaf` at `index` in a tree of `size` leaves.
pub fn root_from_inclusion_proof<P: AsRef<[u8]>>(
    index: u64,
    size: u64,
    leaf: &[u8],
    proof: &[P],
) -> Result<Hash, ProofError> {
    if index >= size {
        return Err(ProofError::Range(format!(
            "index {index} is not below tree size {size}"
        )));
    }
    let leaf = hash_of(leaf)?;
    let (inner, border) = decompose(index, size);
    if proof.len() != inner + border {
        return Err(ProofError::Length {
            got: proof.len(),
            want: inner + border,
        });
    }
    let proof = hashes_of(proof)?;
    let r = chain_inner(leaf, &proof[..inner], index);
    Ok(chain_border_right(r, &proof[inner..]))
}

/// Checks that `leaf` is at `index` in the tree of `size` leaves whose root is `root`.
pub fn verify_inclusion<P: AsRef<[u8]>>(
    index: u64,
    size: u64,
    leaf: &[u8],
    proof: &[P],
    root: &[u8],
) -> Result<(), ProofError> {
    expect_root(root_from_inclusion_proof(index, size, leaf, proof)?, root)
}

/// Checks that the tree of `size2` leaves with root `root2` extends the tree of `size1` leaves
/// with root `root1`.
pub fn verify_consistency<P: AsRef<[u8]>>(
    size1: u64,
    size2: u64,
    proof: &[P],
    root1: &[u8],
    root2: &[u8],
) -> Result<(), ProofError> {
    if size2 < size1 {
        return Err(ProofError::Range(format!(
            "size2 {size2} is below size1 {size1}"
        )));
    }
    if size1 == 0 {
        return Err(ProofError::Range(
            "a consistency proof from the empty tree proves nothing".into(),
        ));
    }
    if size1 == size2 {
        if !proof.is_empty() {
            return Err(ProofError::Length {
                got: proof.len(),
                want: 0,
            });
        }
        return if root1 == root2 {
            Ok(())
        } else {
            Err(mismatch(root2, root1))
        };
    }
    if proof.is_empty() {
        return Err(ProofError::Length { got: 0, want: 1 });
    }
    let proof = hashes_of(proof)?;
    let (mut inner, border) = decompose(size1 - 1, size2);
    let shift = size1.trailing_zeros() as usize;
    inner -= shift;
    // Unless size1 is a power of two (then its root is the seed), the proof starts with the hash
    // of the complete subtree of size 2^shift that ends at size1.
    let (seed, rest) = if size1 == 1 << shift {
        (hash_of(root1)?, &proof[..])
    } else {
        (proof[0], &proof[1..])
    };
    let want = usize::from(size1 != 1 << shift) + inner + border;
    if proof.len() != want {
        return Err(ProofError::Length {
            got: proof.len(),
            want,
        });
    }
    let mask = (size1 - 1) >> shift;
    let hash1 = chain_border_right(
        chain_inner_right(seed, &rest[..inner], mask),
        &rest[inner..],
    );
    expect_root(hash1, root1)?;
    let hash2 = chain_border_right(chain_inner(seed, &rest[..inner], mask), &rest[inner..]);
    expect_root(hash2, root2)
}

/// The right edge of a growing tree: one complete subtree per set bit of the size. Appending a
/// leaf reports every complete node it finishes, which is how a log fills its tiles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompactRange {
    size: u64,
    /// Roots of the complete subtrees, largest (leftmost) first.
    peaks: Vec<Hash>,
}

impl CompactRange {
    /// The empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// The right edge of the tree of `size` leaves, read from complete nodes.
    pub fn from_source<S: NodeSource>(src: &S, size: u64) -> Result<Self, S::Error> {
        let mut peaks = Vec::with_capacity(size.count_ones() as usize);
        let mut begin = 0u64;
        for height in (0..64u32).rev() {
            if size & (1 << height) != 0 {
                peaks.push(src.node(height as u8, begin >> height)?);
                begin += 1 << height;
            }
        }
        Ok(Self { size, peaks })
    }

    /// Leaves so far.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Appends a leaf hash; `on_node(height, index, hash)` sees the leaf (height 0) and every
    /// complete node it finishes, bottom up.
    pub fn push(&mut self, leaf: Hash, mut on_node: impl FnMut(u8, u64, &Hash)) {
        let mut hash = leaf;
        let mut index = self.size;
        let mut height = 0u8;
        on_node(0, index, &hash);
        while index & 1 == 1 {
            let left = self.peaks.pop().expect("a set bit has a peak");
            hash = node_hash(&left, &hash);
            index >>= 1;
            height += 1;
            on_node(height, index, &hash);
        }
        self.peaks.push(hash);
        self.size += 1;
    }

    /// The root of the tree so far.
    pub fn root(&self) -> Hash {
        let mut peaks = self.peaks.iter().rev();
        let Some(last) = peaks.next() else {
            return empty_root();
        };
        peaks.fold(*last, |acc, p| node_hash(p, &acc))
    }
}

/// A whole tree in memory, every level kept: for tests, tools and small trees.
#[derive(Debug, Clone, Default)]
pub struct MemoryTree {
    /// `levels[h][i]` is the complete node of height `h` at index `i`.
    levels: Vec<Vec<Hash>>,
}

impl MemoryTree {
    /// The tree over these leaf hashes.
    pub fn from_leaves(leaves: impl IntoIterator<Item = Hash>) -> Self {
        let mut tree = MemoryTree::default();
        for leaf in leaves {
            tree.push(leaf);
        }
        tree
    }

    /// Appends a leaf hash.
    pub fn push(&mut self, leaf: Hash) {
        let mut hash = leaf;
        let mut height = 0;
        loop {
            if self.levels.len() == height {
                self.levels.push(Vec::new());
            }
            self.levels[height].push(hash);
            let level = &self.levels[height];
            if level.len() % 2 == 1 {
                break;
            }
            hash = node_hash(&level[level.len() - 2], &level[level.len() - 1]);
            height += 1;
        }
    }

    /// Number of leaves.
    pub fn size(&self) -> u64 {
        self.levels.first().map_or(0, |l| l.len() as u64)
    }

    /// The root over all leaves.
    pub fn root(&self) -> Hash {
        root(self, self.size()).expect("memory tree holds every complete node")
    }
}

/// A node the source does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no complete node at height {height}, index {index}")]
pub struct MissingNode {
    /// Height of the missing node.
    pub height: u8,
    /// Index of the missing node at that height.
    pub index: u64,
}

impl NodeSource for MemoryTree {
    type Error = MissingNode;
    fn node(&self, height: u8, index: u64) -> Result<Hash, MissingNode> {
        self.levels
            .get(height as usize)
            .and_then(|l| l.get(index as usize))
            .copied()
            .ok_or(MissingNode { height, index })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(n: u64) -> Vec<Hash> {
        (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect()
    }

    /// MTH straight from the RFC's recursive definition.
    fn mth(leaves: &[Hash]) -> Hash {
        match leaves.len() {
            0 => empty_root(),
            1 => leaves[0],
            n => {
                let k = split_point(n as u64) as usize;
                node_hash(&mth(&leaves[..k]), &mth(&leaves[k..]))
            }
        }
    }

    #[test]
    fn roots_match_the_recursive_definition() {
        for n in 0..70u64 {
            let l = leaves(n);
            let tree = MemoryTree::from_leaves(l.clone());
            let mut range = CompactRange::new();
            for h in &l {
                range.push(*h, |_, _, _| {});
            }
            assert_eq!(tree.root(), mth(&l), "size {n}");
            assert_eq!(range.root(), mth(&l), "size {n}");
            assert_eq!(
                CompactRange::from_source(&tree, n).unwrap(),
                range,
                "size {n}"
            );
        }
    }

    #[test]
    fn compact_range_reports_every_complete_node() {
        let l = leaves(13);
        let tree = MemoryTree::from_leaves(l.clone());
        let mut range = CompactRange::new();
        let mut seen = Vec::new();
        for h in &l {
            range.push(*h, |height, index, hash| seen.push((height, index, *hash)));
        }
        // 13 leaves + 6 nodes of height 1 + 3 of height 2 + 1 of height 3.
        assert_eq!(seen.len(), 13 + 6 + 3 + 1);
        for (height, index, hash) in seen {
            assert_eq!(tree.node(height, index), Ok(hash));
        }
    }

    #[test]
    fn proofs_in_trees_above_two_to_the_63_leaves() {
        // Found by the `proof_verify` fuzz target: for size - 1 >= 2^63 > index the inner part
        // is 64 hashes, and computing the border shifted a u64 by 64 (a panic with overflow
        // checks, and without them a border of popcount(index) hashes, refusing honest proofs).
        let size = (1u64 << 63) + 1;
        let proof: Vec<Hash> = (0..64u64).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        let leaf = leaf_hash(b"leaf");
        for index in [0u64, 5, (1 << 62) + 3, (1 << 63) - 1] {
            // RFC 9162 2.1.3.2 for these sizes: one hash per level, left or right by the bit.
            let root = proof.iter().enumerate().fold(leaf, |r, (i, p)| {
                if (index >> i) & 1 == 1 {
                    node_hash(p, &r)
                } else {
                    node_hash(&r, p)
                }
            });
            assert_eq!(
                root_from_inclusion_proof(index, size, &leaf.0, &proof),
                Ok(root),
                "index {index}"
            );
            assert!(verify_inclusion(index, size, &leaf.0, &proof[..63], &root.0).is_err());
        }
        assert!(verify_inclusion(0, u64::MAX, &leaf.0, &proof, &leaf.0).is_err());
        // A consistency proof from 2^63 - 1 leaves to 2^64 - 1 goes through the same path.
        assert!(verify_consistency((1 << 63) - 1, u64::MAX, &proof, &leaf.0, &leaf.0).is_err());
    }

    #[test]
    fn known_root_of_rfc6962_test_leaves() {
        // The eight-leaf tree of transparency-dev/merkle's reference tests.
        let inputs: [&[u8]; 8] = [
            b"",
            b"\x00",
            b"\x10",
            b"\x20\x21",
            b"\x30\x31",
            b"\x40\x41\x42\x43",
            b"\x50\x51\x52\x53\x54\x55\x56\x57",
            b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f",
        ];
        let tree = MemoryTree::from_leaves(inputs.iter().map(|e| leaf_hash(e)));
        assert_eq!(
            tree.root().to_hex(),
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
        );
    }
}
