//! What the read model knows of the log itself: the Merkle tree of every entry it folded, and
//! where each stream ends.
//!
//! The model is folded from the store's entries in position order, and the store is not trusted
//! (see the store's module docs): so as it folds, the model checks each event's chain link
//! against the stream's tip and hashes each entry into a tree of its own. After the rebuild at
//! start-up the service compares that root with the ledger's signed checkpoint (so the model is
//! built from exactly the signed entries, in their signed order) and the tips with the store's
//! stream index (so the writer and `read_stream` build on the real ends of streams).

use std::collections::HashMap;

use recourse_events::chain::StreamHead;
use recourse_events::merkle::CompactRange;
use recourse_events::{Envelope, Hash, StreamId};

/// Where a stream ends: its last entry's leaf hash and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogTip {
    /// Leaf hash of the stream's last entry.
    pub hash: Hash,
    /// Its position.
    pub position: u64,
}

/// A broken link between an event and its stream's tip.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "entry {position} does not follow its stream's previous entry (stream {stream}, seq {seq})"
)]
pub struct BrokenLink {
    /// The entry.
    pub position: u64,
    /// Its stream.
    pub stream: StreamId,
    /// Its seq.
    pub seq: u64,
}

/// The tree of the folded entries, and the tips of streams that are neither the organization
/// nor a case (the case and organization tips live in their states, to keep memory per case
/// small).
#[derive(Debug, Clone, Default)]
pub struct LogView {
    tree: CompactRange,
    others: HashMap<StreamId, (u64, LogTip)>,
}

impl LogView {
    /// Checks that `envelope` (at `position`, leaf hash `leaf`) follows `tip`, the stream's
    /// current tip with `next_seq` events, then advances the tip and the tree.
    pub fn link(
        &mut self,
        tip: &mut Option<LogTip>,
        next_seq: u64,
        envelope: &Envelope,
        position: u64,
        leaf: Hash,
    ) -> Result<(), BrokenLink> {
        if envelope.seq != next_seq || envelope.prev != tip.map(|t| t.hash) {
            return Err(BrokenLink {
                position,
                stream: envelope.stream.clone(),
                seq: envelope.seq,
            });
        }
        *tip = Some(LogTip {
            hash: leaf,
            position,
        });
        self.tree.push(leaf, |_, _, _| {});
        Ok(())
    }

    /// Like [`link`](Self::link) for a stream the model keeps no state for.
    pub fn link_other(
        &mut self,
        envelope: &Envelope,
        position: u64,
        leaf: Hash,
    ) -> Result<(), BrokenLink> {
        let (next_seq, tip) = match self.others.get(&envelope.stream) {
            Some((n, t)) => (*n, Some(*t)),
            None => (0, None),
        };
        let mut tip = tip;
        self.link(&mut tip, next_seq, envelope, position, leaf)?;
        if let Some(t) = tip {
            self.others
                .insert(envelope.stream.clone(), (next_seq + 1, t));
        }
        Ok(())
    }

    /// Entries folded.
    pub fn size(&self) -> u64 {
        self.tree.size()
    }

    /// The Merkle root of the folded entries.
    pub fn root(&self) -> Hash {
        self.tree.root()
    }

    /// Tips of the other streams: (stream, head, last position).
    pub fn other_tips(&self) -> impl Iterator<Item = (StreamId, StreamHead, u64)> + '_ {
        self.others.iter().map(|(s, (n, t))| {
            (
                s.clone(),
                StreamHead {
                    next_seq: *n,
                    last: Some(t.hash),
                },
                t.position,
            )
        })
    }
}
