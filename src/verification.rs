//! Verifying a whole ledger, from a data folder or from an export bundle, with nothing but the
//! ledger's public key as trust.
//!
//! On top of what [`LedgerVerifier`] checks entry by entry, a data folder is held to its own
//! records: every stored tile must equal the tree recomputed from the entries (so a swapped or
//! edited entry is named at its exact position even if its chain still links), and every stored
//! checkpoint must be signed by the ledger key and match the recomputed root at its size (so even
//! a rewrite that also forged the tiles is caught, between two named checkpoints). The latest
//! checkpoint must cover exactly the entries present: fewer is a truncation, more is an unsigned
//! tail.
//!
//! Nothing else a store holds is taken on trust either. Its derived stream index (each entry's
//! seq and back-pointer, and each stream's tip) must say exactly what the entries say, and the
//! data folder's high-water mark (the latest checkpoint the log published, kept outside the
//! database) must be covered by the entries with the same root: an older copy of the database
//! put back fails here even though every signature in it is good.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use recourse_events::Hash;
use recourse_events::bundle::BundleHeader;
use recourse_events::checkpoint::{Checkpoint, NoteVerifier};
use recourse_events::tile::{TILE_HEIGHT, TILE_WIDTH};
use recourse_events::verify::{LedgerVerifier, Pending};

use tokio::sync::mpsc;

use std::collections::HashMap;

use recourse_events::StreamId;

use crate::store::{EventStore, Link, StoreError, StoredEntry};

/// Entries verified per batch.
const BATCH: usize = 8192;

/// What a successful verification covered.
#[derive(Debug, Clone)]
pub struct Report {
    /// Entries verified.
    pub entries: u64,
    /// Distinct streams.
    pub streams: usize,
    /// Merkle root of all entries.
    pub root: Hash,
    /// Signed checkpoints checked (the latest and, for a data folder, every stored one).
    pub checkpoints: usize,
    /// The signed checkpoint note the entries were verified against (the latest of a data
    /// folder; a bundle's, with the cosignature lines it carries).
    pub checkpoint: String,
    /// Wall time.
    pub elapsed: Duration,
}

/// Why verification did not pass.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The ledger is not what its signatures and checkpoints say: tampered, truncated, forged.
    #[error("verification FAILED{}: {reason}", position.map(|p| format!(" at position {p}")).unwrap_or_default())]
    Failed {
        /// The first bad position, when one can be named.
        position: Option<u64>,
        /// Why.
        reason: String,
    },
    /// The input could not be read at all (no database, malformed bundle, IO error).
    #[error("{0}")]
    Unreadable(String),
}

fn failed(position: impl Into<Option<u64>>, reason: impl Into<String>) -> VerifyError {
    VerifyError::Failed {
        position: position.into(),
        reason: reason.into(),
    }
}

impl From<StoreError> for VerifyError {
    fn from(e: StoreError) -> Self {
        VerifyError::Unreadable(e.to_string())
    }
}

/// Tile mismatches: at a leaf (an exact position), or at a higher level (a range of positions,
/// reported only when nothing more precise explains it: a leaf mismatch implies them all).
#[derive(Default)]
struct TileFindings {
    exact: Option<(u64, String)>,
    ranged: Option<(u64, String)>,
}

/// Compares the tile nodes recomputed from entries with the tiles a store holds.
struct TileAudit {
    /// (level, tile index) -> (offset, recomputed hash) not yet compared.
    pending: BTreeMap<(u8, u64), Vec<(usize, Hash)>>,
}

impl TileAudit {
    fn add(&mut self, height: u8, index: u64, hash: &Hash) {
        if height.is_multiple_of(TILE_HEIGHT) {
            let key = (height / TILE_HEIGHT, index / TILE_WIDTH);
            self.pending
                .entry(key)
                .or_default()
                .push(((index % TILE_WIDTH) as usize, *hash));
        }
    }

    /// Compares the pending tiles (only full ones unless `all`); returns the first bad position.
    async fn check(
        &mut self,
        store: &dyn EventStore,
        all: bool,
    ) -> Result<TileFindings, StoreError> {
        let ready: Vec<(u8, u64)> = self
            .pending
            .iter()
            .filter(|(_, nodes)| {
                all || nodes.last().is_some_and(|n| n.0 == TILE_WIDTH as usize - 1)
            })
            .map(|(k, _)| *k)
            .collect();
        let mut findings = TileFindings::default();
        for (level, index) in ready {
            let nodes = self.pending.remove(&(level, index)).unwrap_or_default();
            let stored = store.tile(level, index).await?.unwrap_or_default();
            let span = 1u64 << (u32::from(level) * u32::from(TILE_HEIGHT));
            for (offset, hash) in nodes {
                if stored.get(offset * 32..offset * 32 + 32) != Some(&hash.0[..]) {
                    let node = index * TILE_WIDTH + offset as u64;
                    let position = node * span;
                    let reason = if level == 0 {
                        format!(
                            "entry does not match the leaf hash logged for it in tile {level}/{index}"
                        )
                    } else {
                        format!(
                            "entries {position}..{} do not match tile {level}/{index}: altered, removed or reordered",
                            position + span
                        )
                    };
                    let slot = if level == 0 {
                        &mut findings.exact
                    } else {
                        &mut findings.ranged
                    };
                    *slot = earliest(slot.take(), Some((position, reason)));
                    break;
                }
            }
        }
        Ok(findings)
    }
}

/// Keeps a replayed batch for its signature check, or returns the problem the replay found.
trait CheckLater {
    fn check_later(self, slot: &mut Option<Pending>) -> Option<(u64, String)>;
}

impl CheckLater for Pending {
    fn check_later(self, slot: &mut Option<Pending>) -> Option<(u64, String)> {
        match self.problem() {
            Some(f) => {
                let found = (f.position, f.problem.to_string());
                // Signatures before the problem may still fail earlier.
                match self.check() {
                    Err(f) => Some(earliest_pair((f.position, f.problem.to_string()), found)),
                    Ok(()) => Some(found),
                }
            }
            None => {
                *slot = Some(self);
                None
            }
        }
    }
}

fn earliest_pair(a: (u64, String), b: (u64, String)) -> (u64, String) {
    if b.0 < a.0 { b } else { a }
}

fn earliest(a: Option<(u64, String)>, b: Option<(u64, String)>) -> Option<(u64, String)> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 < x.0 { y } else { x }),
        (x, y) => x.or(y),
    }
}

/// Reads the log in batches ahead of the verifier, so that reading overlaps verifying.
/// Reads positions below `end` (all with `None`).
fn read_ahead(
    store: Arc<dyn EventStore>,
    end: Option<u64>,
) -> mpsc::Receiver<Result<Vec<StoredEntry>, StoreError>> {
    let (tx, rx) = mpsc::channel(2);
    tokio::spawn(async move {
        let mut position = 0;
        loop {
            let limit = end.map_or(BATCH, |e| {
                BATCH.min(usize::try_from(e.saturating_sub(position)).unwrap_or(BATCH))
            });
            if limit == 0 {
                let _ = tx.send(Ok(Vec::new())).await;
                return;
            }
            let mut batch = store.read_from(position, limit).await;
            if let (Ok(b), Some(end)) = (&mut batch, end) {
                b.retain(|e| e.position < end);
            }
            let last = match &batch {
                Ok(b) => b.last().map(|e| e.position),
                Err(_) => None,
            };
            if tx.send(batch).await.is_err() {
                return;
            }
            match last {
                Some(p) => position = p + 1,
                None => return,
            }
        }
    });
    rx
}

/// Compares a store's derived stream index with the entries as they are replayed.
#[derive(Default)]
struct IndexAudit {
    /// Each stream's last position so far.
    last: HashMap<StreamId, u64>,
    /// The first disagreement.
    problem: Option<(u64, String)>,
}

impl IndexAudit {
    fn observe(&mut self, position: u64, stream: &StreamId, seq: u64, link: Option<Link>) {
        let prev = match self.last.get_mut(stream) {
            Some(p) => Some(std::mem::replace(p, position)),
            None => {
                self.last.insert(stream.clone(), position);
                None
            }
        };
        if let Some(link) = link
            && self.problem.is_none()
            && (link.seq != seq || link.prev_position != prev)
        {
            self.problem = Some((
                position,
                format!(
                    "the store's stream index disagrees with the entry (it records seq {} after position {:?}; the entry is seq {seq} of {stream}, after position {prev:?})",
                    link.seq, link.prev_position
                ),
            ));
        }
    }
}

/// What [`verify_store`] holds a store to besides its own records.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// A data folder's high-water mark: the entries must cover that checkpoint with its root.
    pub mark: Option<&'a Checkpoint>,
    /// The store is in use: verify what the latest checkpoint covered when verification
    /// began, and leave out what appends since then change (later entries, the tips of
    /// streams that grew).
    pub live: bool,
}

/// Verifies everything a store holds against the ledger key `vkey`.
pub async fn verify_store(
    store: Arc<dyn EventStore>,
    vkey: &NoteVerifier,
    options: Options<'_>,
) -> Result<Report, VerifyError> {
    let mark = options.mark;
    let started = Instant::now();
    let note = store
        .checkpoint()
        .await?
        .ok_or_else(|| failed(None, "the ledger has no signed checkpoint"))?;
    let (latest, _) = Checkpoint::open(&note, vkey)
        .map_err(|e| failed(None, format!("latest checkpoint does not verify: {e}")))?;
    let mut batches = read_ahead(store.clone(), options.live.then_some(latest.size));
    let store = store.as_ref();

    let mut verifier = LedgerVerifier::new(*vkey.key());
    let mut stored_checkpoints: Vec<(u64, String)> = Vec::new();
    let mut after = 0;
    loop {
        let page = store.checkpoints(after, 100_000).await?;
        let Some(last) = page.last() else { break };
        after = last.0;
        stored_checkpoints.extend(page);
    }
    verifier.capture_roots_at(stored_checkpoints.iter().map(|(s, _)| *s));
    verifier.capture_roots_at(mark.map(|m| m.size));
    let mut index = IndexAudit::default();

    let mut audit = TileAudit {
        pending: BTreeMap::new(),
    };
    let mut position = 0u64;
    // Signatures of one batch are checked while the next batch is replayed.
    let mut unchecked: Option<Pending> = None;
    loop {
        let batch = batches.recv().await.unwrap_or_else(|| Ok(Vec::new()))?;
        // Entries must be contiguous: a missing position is a deleted entry.
        let contiguous = batch
            .iter()
            .zip(position..)
            .take_while(|(e, p)| e.position == *p)
            .count();
        let entries: Vec<&[u8]> = batch[..contiguous]
            .iter()
            .map(|e| e.entry.as_slice())
            .collect();
        let links: Vec<Option<Link>> = batch[..contiguous].iter().map(|e| e.link).collect();
        let (previous, replayed) = rayon::join(
            || unchecked.take().map_or(Ok(()), Pending::check),
            || {
                verifier.replay_observed(
                    &entries,
                    |h, i, hash| audit.add(h, i, hash),
                    |p, env| {
                        let link = links[usize::try_from(p - position).unwrap_or(usize::MAX)];
                        index.observe(p, &env.stream, env.seq, link);
                    },
                )
            },
        );
        if let Err(f) = previous {
            return Err(failed(f.position, f.problem.to_string()));
        }
        let mut problem = replayed.check_later(&mut unchecked);
        if contiguous < batch.len() {
            let missing = position + contiguous as u64;
            let next = batch[contiguous].position;
            problem = earliest(
                problem,
                Some((
                    missing,
                    format!("entry {missing} is missing: the next stored entry is at {next}"),
                )),
            );
        }
        let done = batch.is_empty() || problem.is_some();
        if done {
            // Finish this batch's signatures: a bad one may precede the problem found.
            if let Some(Err(f)) = unchecked.take().map(Pending::check) {
                problem = earliest(problem, Some((f.position, f.problem.to_string())));
            }
        }
        let tiles = audit.check(store, done).await?;
        let problem = earliest(problem, index.problem.take());
        if let Some((p, reason)) = earliest(problem, tiles.exact).or(tiles.ranged) {
            return Err(failed(p, reason));
        }
        if done {
            break;
        }
        position += batch.len() as u64;
        debug_assert_eq!(batch.last().map(|e| e.position + 1), Some(position));
    }

    let size = verifier.size();
    if size < latest.size {
        return Err(failed(
            size,
            format!(
                "the log is truncated: the latest checkpoint covers {} entries, only {size} are present",
                latest.size
            ),
        ));
    }
    if size > latest.size {
        return Err(failed(
            latest.size,
            format!(
                "{} entries after position {} are not covered by any signed checkpoint",
                size - latest.size,
                latest.size - 1
            ),
        ));
    }
    if let Some(m) = mark {
        if size < m.size {
            return Err(failed(
                size,
                format!(
                    "the ledger was rolled back: it holds {size} entries, but the log already published a checkpoint of {} (the high-water mark)",
                    m.size
                ),
            ));
        }
        if verifier.root_at(m.size) != Some(m.root) {
            return Err(failed(
                None,
                format!(
                    "the entries give another tree of {} entries than the one the log already published (the high-water mark): the ledger was forked or rewritten",
                    m.size
                ),
            ));
        }
    }
    check_stream_tips(
        store,
        &verifier,
        &index.last,
        options.live.then_some(latest.size),
    )
    .await?;
    // Every stored checkpoint must be signed by the ledger key and agree with the entries.
    let opened: Vec<Checkpoint> = stored_checkpoints
        .par_iter()
        .map(|(size, note)| {
            let (cp, _) = Checkpoint::open(note, vkey).map_err(|e| {
                failed(
                    None,
                    format!("checkpoint of size {size} does not verify: {e}"),
                )
            })?;
            if cp.size != *size {
                return Err(failed(
                    None,
                    format!("checkpoint stored for size {size} says size {}", cp.size),
                ));
            }
            Ok(cp)
        })
        .collect::<Result<_, _>>()?;
    let mut previous = 0;
    for cp in &opened {
        if verifier.root_at(cp.size) != Some(cp.root) {
            return Err(failed(
                previous,
                format!(
                    "the Merkle root of the first {} entries differs from the signed checkpoint of that size (the one of size {previous} matched): an entry in positions {previous}..{} was altered, removed or reordered",
                    cp.size,
                    cp.size - 1
                ),
            ));
        }
        previous = cp.size;
    }
    if verifier.root() != latest.root {
        return Err(failed(
            None,
            "the Merkle root of the entries differs from the latest checkpoint",
        ));
    }
    Ok(Report {
        checkpoint: note,
        entries: size,
        streams: verifier.chains().len(),
        root: verifier.root(),
        checkpoints: opened.len(),
        elapsed: started.elapsed(),
    })
}

/// The store's stream tips must be exactly the streams the entries hold, each ending where the
/// entries end.
/// With `live` (the verified size of a store in use), tips that moved past it are left out.
async fn check_stream_tips(
    store: &dyn EventStore,
    verifier: &LedgerVerifier,
    last: &HashMap<StreamId, u64>,
    live: Option<u64>,
) -> Result<(), VerifyError> {
    let mut after = String::new();
    let mut seen = 0usize;
    loop {
        let page = store.stream_tips(&after, 10_000).await?;
        let Some(tail) = page.last() else { break };
        after = tail.stream.as_str().to_string();
        for tip in page {
            if live.is_some_and(|size| tip.last_position >= size) {
                continue;
            }
            seen += 1;
            let head = verifier.chains().head(&tip.stream);
            let position = last.get(&tip.stream).copied();
            if head != tip.head || position != Some(tip.last_position) {
                return Err(failed(
                    position.unwrap_or(tip.last_position),
                    format!(
                        "the store's stream index says stream {} ends at position {} with {} events; the entries say {position:?} with {}",
                        tip.stream, tip.last_position, tip.head.next_seq, head.next_seq
                    ),
                ));
            }
        }
    }
    if live.is_none() && seen != verifier.chains().len() {
        return Err(failed(
            None,
            format!(
                "the store's stream index holds {seen} streams, the entries {}: a stream's row was removed",
                verifier.chains().len()
            ),
        ));
    }
    Ok(())
}

/// Verifies an export bundle against the ledger key `vkey`.
pub fn verify_bundle(path: &Path, vkey: &NoteVerifier) -> Result<Report, VerifyError> {
    let started = Instant::now();
    let file = std::fs::File::open(path)
        .map_err(|e| VerifyError::Unreadable(format!("{}: {e}", path.display())))?;
    let mut lines = std::io::BufReader::with_capacity(1 << 20, file).split(b'\n');
    let header = lines
        .next()
        .ok_or_else(|| {
            VerifyError::Unreadable(format!("{} is empty, not a bundle", path.display()))
        })?
        .map_err(|e| VerifyError::Unreadable(e.to_string()))?;
    let header =
        BundleHeader::parse(&header).map_err(|e| VerifyError::Unreadable(e.to_string()))?;
    let (cp, _) = Checkpoint::open(&header.checkpoint, vkey)
        .map_err(|e| failed(None, format!("bundle checkpoint does not verify: {e}")))?;
    if cp.size != header.size {
        return Err(failed(
            None,
            format!(
                "bundle header says {} entries, its checkpoint covers {}",
                header.size, cp.size
            ),
        ));
    }
    let mut verifier = LedgerVerifier::new(*vkey.key());
    let mut batch: Vec<Vec<u8>> = Vec::with_capacity(BATCH);
    let flush = |verifier: &mut LedgerVerifier, batch: &mut Vec<Vec<u8>>| {
        let r = verifier
            .verify(batch, |_, _, _| {})
            .map_err(|f| failed(f.position, f.problem.to_string()));
        batch.clear();
        r
    };
    for line in lines {
        let line = line.map_err(|e| VerifyError::Unreadable(e.to_string()))?;
        batch.push(line);
        if batch.len() == BATCH {
            flush(&mut verifier, &mut batch)?;
        }
    }
    flush(&mut verifier, &mut batch)?;
    let size = verifier.size();
    if size < cp.size {
        return Err(failed(
            size,
            format!(
                "the bundle is truncated: its checkpoint covers {} entries, only {size} are present",
                cp.size
            ),
        ));
    }
    if size > cp.size {
        return Err(failed(
            cp.size,
            format!("{} entries beyond the checkpoint", size - cp.size),
        ));
    }
    if verifier.root() != cp.root {
        return Err(failed(
            None,
            "the Merkle root of the entries differs from the checkpoint: an entry was altered, removed or reordered",
        ));
    }
    Ok(Report {
        checkpoint: header.checkpoint,
        entries: size,
        streams: verifier.chains().len(),
        root: verifier.root(),
        checkpoints: 1,
        elapsed: started.elapsed(),
    })
}
