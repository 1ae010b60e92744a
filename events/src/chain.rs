//! Per-stream hash chains: each event names its stream position (`seq`) and the leaf hash of the
//! stream's previous event (`prev`).
//!
//! The Merkle tree already proves the global order; chains make each stream self-checking on its
//! own, so a case history read in isolation (or handed to a client) shows a gap or a reordering
//! without the rest of the log, and appends can use `seq` for optimistic concurrency.

use std::collections::HashMap;

use crate::envelope::{Envelope, StreamId};
use crate::hash::Hash;

/// Where a stream stands: the next `seq` and the leaf hash of its last event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StreamHead {
    /// The `seq` the next event must carry (the number of events in the stream).
    pub next_seq: u64,
    /// Leaf hash of the last event, `None` for an empty stream.
    pub last: Option<Hash>,
}

impl StreamHead {
    /// Checks that `envelope` is the next link after this head.
    pub fn check(&self, envelope: &Envelope) -> Result<(), ChainError> {
        if envelope.seq != self.next_seq {
            return Err(ChainError::Seq {
                stream: envelope.stream.clone(),
                expected: self.next_seq,
                got: envelope.seq,
            });
        }
        if envelope.prev != self.last {
            return Err(ChainError::Prev {
                stream: envelope.stream.clone(),
                seq: envelope.seq,
            });
        }
        Ok(())
    }

    /// The head after an event with leaf hash `leaf`.
    pub fn advanced(&self, leaf: Hash) -> StreamHead {
        StreamHead {
            next_seq: self.next_seq + 1,
            last: Some(leaf),
        }
    }
}

/// A broken link.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// The event's `seq` is not the stream's next.
    #[error("stream {stream}: expected seq {expected}, found {got}")]
    Seq {
        /// The stream.
        stream: StreamId,
        /// The next seq of the stream.
        expected: u64,
        /// The seq in the event.
        got: u64,
    },
    /// The event's `prev` is not the leaf hash of the stream's previous event.
    #[error("stream {stream}: seq {seq} does not link to the stream's previous event")]
    Prev {
        /// The stream.
        stream: StreamId,
        /// The seq in the event.
        seq: u64,
    },
}

/// The heads of every stream seen so far.
#[derive(Debug, Clone, Default)]
pub struct Chains {
    heads: HashMap<StreamId, StreamHead>,
}

impl Chains {
    /// No streams yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The head of `stream` (empty if never seen).
    pub fn head(&self, stream: &StreamId) -> StreamHead {
        self.heads.get(stream).copied().unwrap_or_default()
    }

    /// Checks `envelope` links to its stream's head, and if so advances the head.
    pub fn append(&mut self, envelope: &Envelope, leaf: Hash) -> Result<(), ChainError> {
        // Look up before inserting: cloning the stream name for every event costs more than
        // the check itself.
        match self.heads.get_mut(&envelope.stream) {
            Some(head) => {
                head.check(envelope)?;
                *head = head.advanced(leaf);
            }
            None => {
                StreamHead::default().check(envelope)?;
                self.heads.insert(
                    envelope.stream.clone(),
                    StreamHead::default().advanced(leaf),
                );
            }
        }
        Ok(())
    }

    /// Every stream seen, with its head (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (&StreamId, &StreamHead)> {
        self.heads.iter()
    }

    /// Number of streams seen.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// True before any event.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }
}
