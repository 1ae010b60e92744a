//! Offline verification of a whole ledger: every entry's form, signature, signing key and chain
//! link, and the Merkle tree that checkpoints sign.
//!
//! Entries are fed in batches in position order. Within a batch, parsing and hashing run in
//! parallel; the key registry and the chains are replayed sequentially (each depends on the
//! events before it); signatures are then checked in parallel with Ed25519 batch verification,
//! falling back to `verify_strict` one by one only to locate a bad signature. The first failing
//! position is reported, whichever check found it.
//!
//! Batch verification is the cofactorless equation with random coefficients. Registered keys are
//! torsion-free (see [`crate::key`]), so an honest or forged signature is accepted by the batch
//! exactly when `verify_strict` accepts it; only the holder of a key could craft a signature
//! with a small-order component in `R` that the two treat differently, which gains them nothing
//! they could not sign anyway.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::chain::{ChainError, Chains};
use crate::envelope::{Envelope, EnvelopeError, Event};
use crate::hash::Hash;
use crate::key::{KeyId, PublicKey, Signature};
use crate::merkle::CompactRange;
use crate::registry::{KeyRegistry, KeyRuleError};

/// Signatures per Ed25519 batch: large enough to amortize, small enough to locate failures fast.
const SIGNATURE_BATCH: usize = 512;

/// What is wrong at a position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// The entry is not a valid canonical envelope.
    #[error("malformed entry: {0}")]
    Entry(#[from] EnvelopeError),
    /// The signing key may not sign this event here.
    #[error("{0}")]
    Key(#[from] KeyRuleError),
    /// The signature does not verify.
    #[error("signature by key {0} does not verify")]
    Signature(KeyId),
    /// The stream chain is broken.
    #[error("{0}")]
    Chain(#[from] ChainError),
}

/// The first bad position and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("position {position}: {problem}")]
pub struct Failure {
    /// Leaf index of the bad entry.
    pub position: u64,
    /// What is wrong.
    pub problem: Problem,
}

/// Replays a ledger from position 0.
#[derive(Debug, Clone)]
pub struct LedgerVerifier {
    registry: KeyRegistry,
    chains: Chains,
    tree: CompactRange,
    roots: BTreeMap<u64, Option<Hash>>,
}

impl LedgerVerifier {
    /// A verifier that trusts `ledger` as the root key.
    pub fn new(ledger: PublicKey) -> Self {
        Self {
            registry: KeyRegistry::new(ledger),
            chains: Chains::new(),
            tree: CompactRange::new(),
            roots: BTreeMap::new(),
        }
    }

    /// Asks to remember the tree root when the tree reaches each of `sizes` (to check
    /// historical checkpoints in the same pass).
    pub fn capture_roots_at(&mut self, sizes: impl IntoIterator<Item = u64>) {
        for s in sizes {
            self.roots.entry(s).or_insert(None);
        }
    }

    /// The root captured at `size`, if requested and reached.
    pub fn root_at(&self, size: u64) -> Option<Hash> {
        if size == self.tree.size() {
            return Some(self.tree.root());
        }
        self.roots.get(&size).copied().flatten()
    }

    /// Entries verified so far.
    pub fn size(&self) -> u64 {
        self.tree.size()
    }

    /// Merkle root of the entries verified so far.
    pub fn root(&self) -> Hash {
        self.tree.root()
    }

    /// The key registry as of the current position.
    pub fn registry(&self) -> &KeyRegistry {
        &self.registry
    }

    /// The stream heads as of the current position.
    pub fn chains(&self) -> &Chains {
        &self.chains
    }

    /// Verifies the next `entries` (at positions `size()..`). `on_node(height, index, hash)`
    /// sees every leaf and complete node of the tree as it is built, so a caller can compare
    /// stored tiles. On failure the verifier must not be fed further.
    pub fn verify<E: AsRef<[u8]> + Sync>(
        &mut self,
        entries: &[E],
        on_node: impl FnMut(u8, u64, &Hash),
    ) -> Result<(), Failure> {
        self.replay(entries, on_node).check()
    }

    /// Everything [`verify`](Self::verify) does except checking signatures, which the returned
    /// [`Pending`] does; callers can check one batch's signatures while replaying the next.
    pub fn replay<E: AsRef<[u8]> + Sync>(
        &mut self,
        entries: &[E],
        on_node: impl FnMut(u8, u64, &Hash),
    ) -> Pending {
        self.replay_observed(entries, on_node, |_, _| {})
    }

    /// Like [`replay`](Self::replay); `on_event(position, envelope)` also sees every event
    /// that replayed cleanly, in order (to compare a store's derived index with the entries).
    pub fn replay_observed<E: AsRef<[u8]> + Sync>(
        &mut self,
        entries: &[E],
        mut on_node: impl FnMut(u8, u64, &Hash),
        mut on_event: impl FnMut(u64, &Envelope),
    ) -> Pending {
        let start = self.tree.size();
        let parsed: Vec<Result<Event, EnvelopeError>> = entries
            .par_iter()
            .map(|e| Event::from_entry(e.as_ref()))
            .collect();

        let mut events: Vec<Event> = Vec::with_capacity(parsed.len());
        let mut keys: Vec<PublicKey> = Vec::with_capacity(parsed.len());
        let mut problem: Option<Failure> = None;
        for (i, result) in parsed.into_iter().enumerate() {
            let position = start + i as u64;
            match self.replay_one(result, position) {
                Ok((event, key)) => {
                    on_event(position, event.envelope());
                    self.tree.push(event.leaf_hash(), &mut on_node);
                    if let Some(slot) = self.roots.get_mut(&self.tree.size()) {
                        *slot = Some(self.tree.root());
                    }
                    events.push(event);
                    keys.push(key);
                }
                Err(p) => {
                    problem = Some(Failure {
                        position,
                        problem: p,
                    });
                    break;
                }
            }
        }
        Pending {
            start,
            events,
            keys,
            problem,
        }
    }

    fn replay_one(
        &mut self,
        parsed: Result<Event, EnvelopeError>,
        position: u64,
    ) -> Result<(Event, PublicKey), Problem> {
        let event = parsed?;
        let key = self.registry.authorize(event.envelope(), position)?;
        self.chains.append(event.envelope(), event.leaf_hash())?;
        self.registry.observe(&event)?;
        Ok((event, key))
    }
}

/// A replayed batch whose signatures are still to be checked.
#[must_use = "signatures are only verified by Pending::check"]
#[derive(Debug)]
pub struct Pending {
    start: u64,
    events: Vec<Event>,
    keys: Vec<PublicKey>,
    problem: Option<Failure>,
}

impl Pending {
    /// The failure the replay found (signatures not yet considered), if any.
    pub fn problem(&self) -> Option<&Failure> {
        self.problem.as_ref()
    }

    /// Checks the signatures (in parallel batches) and returns the batch's first failure.
    pub fn check(self) -> Result<(), Failure> {
        let bad_signature = self
            .events
            .par_chunks(SIGNATURE_BATCH)
            .zip(self.keys.par_chunks(SIGNATURE_BATCH))
            .enumerate()
            .find_map_first(|(c, (evs, ks))| {
                first_bad_signature(evs, ks).map(|i| c * SIGNATURE_BATCH + i)
            });
        if let Some(i) = bad_signature {
            let problem = Problem::Signature(self.events[i].envelope().actor);
            return Err(Failure {
                position: self.start + i as u64,
                problem,
            });
        }
        self.problem.map_or(Ok(()), Err)
    }
}

/// Index of the first event in the chunk whose signature fails, if any.
fn first_bad_signature(events: &[Event], keys: &[PublicKey]) -> Option<usize> {
    let messages: Vec<Vec<u8>> = events.iter().map(Event::signing_bytes).collect();
    let refs: Vec<&[u8]> = messages.iter().map(Vec::as_slice).collect();
    let sigs: Vec<Signature> = events.iter().map(|e| *e.signature()).collect();
    if crate::signature_batch::verify_batch(&refs, &sigs, keys) {
        return None;
    }
    (0..events.len()).find(|&i| !keys[i].verify_strict(&messages[i], &sigs[i]))
}
