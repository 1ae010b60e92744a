//! The Merkle tree as a log writer sees it: the compact range for the root, and the right-edge
//! tile of each level, which is all that changes when entries are appended.
//!
//! Backends share this so that the tile layout is computed in one place: a backend loads it
//! from its stored tiles at start-up, pushes leaf hashes during a transaction, writes the tiles
//! it reports dirty in the same transaction, and restores the snapshot if the commit fails.

use std::collections::BTreeMap;

use recourse_events::Hash;
use recourse_events::checkpoint::{Checkpoint, NoteVerifier};

use super::{LogSigner, StoreError};
use recourse_events::merkle::{CompactRange, NodeSource};
use recourse_events::tile::{TILE_HEIGHT, TILE_WIDTH, locate_node, node_from_tile};

/// The writer's view of the tree.
#[derive(Debug, Clone, Default)]
pub struct LogTree {
    range: CompactRange,
    /// Per level: the right-most tile's index and hashes.
    edge: Vec<(u64, Vec<u8>)>,
    /// Tiles changed since the last [`LogTree::take_dirty`]: (level, index) -> hashes.
    dirty: BTreeMap<(u8, u64), Vec<u8>>,
}

/// Tiles that do not match the number of entries.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("tile {level}/{index}: {reason}")]
pub struct TileMismatch {
    /// Tile level.
    pub level: u8,
    /// Tile index.
    pub index: u64,
    /// What is wrong.
    pub reason: String,
}

/// Complete nodes read from stored tiles through a closure.
struct Tiles<F>(F);

impl<F, E> NodeSource for Tiles<F>
where
    F: Fn(u8, u64) -> Result<Option<Vec<u8>>, E>,
    E: From<TileMismatch>,
{
    type Error = E;
    fn node(&self, height: u8, index: u64) -> Result<Hash, E> {
        let (level, tile, r, offset) = locate_node(height, index);
        let hashes = (self.0)(level, tile)?.ok_or_else(|| TileMismatch {
            level,
            index: tile,
            reason: "missing".into(),
        })?;
        node_from_tile(&hashes, r, offset).ok_or_else(|| {
            TileMismatch {
                level,
                index: tile,
                reason: "too short".into(),
            }
            .into()
        })
    }
}

impl LogTree {
    /// The tree of `size` entries, read from stored tiles by `read_tile(level, index)`.
    pub fn load<E>(
        size: u64,
        read_tile: impl Fn(u8, u64) -> Result<Option<Vec<u8>>, E>,
    ) -> Result<Self, E>
    where
        E: From<TileMismatch>,
    {
        let mut edge = Vec::new();
        for level in 0..8u8 {
            let nodes = size >> (u32::from(level) * u32::from(TILE_HEIGHT));
            if nodes == 0 {
                break;
            }
            let index = (nodes - 1) / TILE_WIDTH;
            let width = (nodes - index * TILE_WIDTH) as usize;
            let hashes = read_tile(level, index)?.ok_or_else(|| TileMismatch {
                level,
                index,
                reason: "missing".into(),
            })?;
            if hashes.len() != width * 32 {
                let reason = format!(
                    "holds {} hashes, the tree of {size} entries needs {width}",
                    hashes.len() / 32
                );
                return Err(TileMismatch {
                    level,
                    index,
                    reason,
                }
                .into());
            }
            edge.push((index, hashes));
        }
        let range = CompactRange::from_source(&Tiles(read_tile), size)?;
        Ok(Self {
            range,
            edge,
            dirty: BTreeMap::new(),
        })
    }

    /// Number of leaves.
    pub fn size(&self) -> u64 {
        self.range.size()
    }

    /// Current root.
    pub fn root(&self) -> Hash {
        self.range.root()
    }

    /// Appends a leaf hash, updating the tiles it completes or extends.
    pub fn push(&mut self, leaf: Hash) {
        let mut nodes: Vec<(u8, u64, Hash)> = Vec::with_capacity(2);
        self.range.push(leaf, |height, index, hash| {
            if height.is_multiple_of(TILE_HEIGHT) {
                nodes.push((height / TILE_HEIGHT, index, *hash));
            }
        });
        for (level, index, hash) in nodes {
            self.add(level, index, &hash);
        }
    }

    fn add(&mut self, level: u8, node: u64, hash: &Hash) {
        let tile = node / TILE_WIDTH;
        if self.edge.len() == usize::from(level) {
            self.edge
                .push((tile, Vec::with_capacity(TILE_WIDTH as usize * 32)));
        }
        let edge = &mut self.edge[usize::from(level)];
        if edge.0 != tile {
            // The previous edge tile is full (its last node was just added); start the next.
            debug_assert_eq!(edge.1.len(), TILE_WIDTH as usize * 32);
            *edge = (tile, Vec::with_capacity(TILE_WIDTH as usize * 32));
        }
        edge.1.extend_from_slice(&hash.0);
        self.dirty.insert((level, tile), edge.1.clone());
    }

    /// The tiles changed since the last call: (level, index, hashes), to write in the same
    /// transaction as the entries.
    pub fn take_dirty(&mut self) -> Vec<(u8, u64, Vec<u8>)> {
        std::mem::take(&mut self.dirty)
            .into_iter()
            .map(|((l, i), h)| (l, i, h))
            .collect()
    }
}

/// Complete nodes read from stored tiles by `read_tile(level, index)`, each tile read once (a
/// proof reads a few nodes of each of a few tiles). For proofs and roots on the read side.
pub struct CachedTiles<F> {
    read_tile: std::cell::RefCell<F>,
    cache: std::cell::RefCell<std::collections::HashMap<(u8, u64), Vec<u8>>>,
}

impl<F> CachedTiles<F>
where
    F: FnMut(u8, u64) -> Result<Option<Vec<u8>>, StoreError>,
{
    /// Nodes from the tiles `read_tile` gives.
    pub fn new(read_tile: F) -> Self {
        Self {
            read_tile: std::cell::RefCell::new(read_tile),
            cache: Default::default(),
        }
    }
}

/// `read_tile` is `FnMut` (a database transaction is `&mut`), behind a `RefCell` as
/// `NodeSource::node` takes `&self`.
impl<F> NodeSource for CachedTiles<F>
where
    F: FnMut(u8, u64) -> Result<Option<Vec<u8>>, StoreError>,
{
    type Error = StoreError;
    fn node(&self, height: u8, index: u64) -> Result<Hash, StoreError> {
        let (level, tile, r, offset) = locate_node(height, index);
        let mut cache = self.cache.borrow_mut();
        let hashes = match cache.entry((level, tile)) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((self.read_tile.borrow_mut())(level, tile)?.ok_or_else(|| {
                    StoreError::Corrupt(format!("tile {level}/{tile} is missing"))
                })?)
            }
        };
        node_from_tile(hashes, r, offset).ok_or_else(|| {
            StoreError::Corrupt(format!(
                "tile {level}/{tile} is too short for node {height}/{index}"
            ))
        })
    }
}

/// The inclusion proof, consistency proof and root of a tree read from stored tiles, with the
/// proof errors a caller can cause (a position or size out of range) as not-found.
pub mod proofs {
    use super::*;
    use recourse_events::merkle;

    fn source_or_not_found(e: merkle::ProofError<StoreError>) -> StoreError {
        match e {
            merkle::ProofError::Source(e) => e,
            other => StoreError::NotFound(other.to_string()),
        }
    }

    /// The inclusion proof of `position` in the tree of `size` entries.
    pub fn inclusion(
        read_tile: impl FnMut(u8, u64) -> Result<Option<Vec<u8>>, StoreError>,
        position: u64,
        size: u64,
    ) -> Result<Vec<Hash>, StoreError> {
        let nodes = CachedTiles::new(read_tile);
        merkle::inclusion_proof(&nodes, position, size).map_err(source_or_not_found)
    }

    /// The consistency proof from the tree of `from` entries to that of `to`.
    pub fn consistency(
        read_tile: impl FnMut(u8, u64) -> Result<Option<Vec<u8>>, StoreError>,
        from: u64,
        to: u64,
    ) -> Result<Vec<Hash>, StoreError> {
        let nodes = CachedTiles::new(read_tile);
        merkle::consistency_proof(&nodes, from, to).map_err(source_or_not_found)
    }

    /// The root of the first `size` entries.
    pub fn root(
        read_tile: impl FnMut(u8, u64) -> Result<Option<Vec<u8>>, StoreError>,
        size: u64,
    ) -> Result<Hash, StoreError> {
        merkle::root(&CachedTiles::new(read_tile), size)
    }
}

impl LogTree {
    /// Before a writer signs anything on top of what it loaded: this tree (everything the next
    /// checkpoint is computed from) must be the tree the latest stored checkpoint (`note`)
    /// signed, and that checkpoint must cover every entry (no unsigned tail). A tile or
    /// checkpoint edited, deleted or rolled back alone is caught here; entries themselves are
    /// checked against the same root by the service as it folds them, and fully by `verify`.
    pub fn check_signed(&self, note: Option<&str>, signer: &LogSigner) -> Result<(), StoreError> {
        let Some(note) = note else {
            if self.size() == 0 {
                return Ok(());
            }
            return Err(StoreError::Corrupt(format!(
                "the ledger holds {} entries but no signed checkpoint",
                self.size()
            )));
        };
        let verifier = NoteVerifier::new(&signer.origin, signer.key.public())
            .map_err(|e| StoreError::Backend(e.to_string()))?;
        let (cp, _) = Checkpoint::open(note, &verifier).map_err(|e| {
            StoreError::Corrupt(format!("the latest stored checkpoint does not verify: {e}"))
        })?;
        if cp.size != self.size() {
            return Err(StoreError::Corrupt(format!(
                "the latest signed checkpoint covers {} entries but the ledger holds {}",
                cp.size,
                self.size()
            )));
        }
        if cp.root != self.root() {
            return Err(StoreError::Corrupt(format!(
                "the stored tiles do not give the root the checkpoint of size {} signed",
                cp.size
            )));
        }
        Ok(())
    }

    /// Signs the checkpoint of the tree as it is now.
    pub fn sign(&self, signer: &LogSigner) -> Result<String, StoreError> {
        let cp = Checkpoint {
            origin: signer.origin.clone(),
            size: self.size(),
            root: self.root(),
            extensions: vec![],
        };
        cp.sign(&signer.key)
            .map(|note| note.to_string())
            .map_err(|e| StoreError::Backend(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recourse_events::merkle::{MemoryTree, leaf_hash};
    use std::collections::HashMap;

    #[test]
    fn tiles_reload_to_the_same_tree() {
        let mut tree = LogTree::default();
        let mut stored: HashMap<(u8, u64), Vec<u8>> = HashMap::new();
        let leaves: Vec<Hash> = (0..70_000u32)
            .map(|i| leaf_hash(&i.to_be_bytes()))
            .collect();
        for (i, leaf) in leaves.iter().enumerate() {
            tree.push(*leaf);
            if i % 997 == 0 || i == leaves.len() - 1 {
                stored.extend(tree.take_dirty().into_iter().map(|(l, i, h)| ((l, i), h)));
            }
        }
        let memory = MemoryTree::from_leaves(leaves.iter().copied());
        assert_eq!(tree.root(), memory.root());
        // Level 0 has 274 tiles, level 1 two (one full), level 2 one partial.
        assert_eq!(stored.len(), 274 + 2 + 1);
        assert_eq!(stored[&(1, 0)].len(), 256 * 32);
        assert_eq!(&stored[&(2, 0)][..32], &memory.node(16, 0).unwrap().0);
        let reloaded = LogTree::load(70_000, |l, i| {
            Ok::<_, TileMismatch>(stored.get(&(l, i)).cloned())
        })
        .unwrap();
        assert_eq!(reloaded.root(), memory.root());
        // A tile missing a hash is noticed.
        stored.get_mut(&(0, 273)).unwrap().truncate(32);
        assert!(
            LogTree::load(70_000, |l, i| Ok::<_, TileMismatch>(
                stored.get(&(l, i)).cloned()
            ))
            .is_err()
        );
    }
}
