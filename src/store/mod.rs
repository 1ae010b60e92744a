//! Where events are kept: one [`EventStore`] trait, a backend per module, picked from a URL.
//!
//! A store is an append-only log of canonical entries in position order, with per-stream
//! optimistic concurrency (an append names the stream's next `seq` through its first event, and
//! a mismatch is a [`StoreError::Conflict`]), the Merkle tree kept as C2SP tiles, and a signed
//! checkpoint written in the same transaction as the entries it covers. An append returns only
//! once it is durable. Backends differ in how they get there; the contract tests in
//! `tests/` hold every backend to the same behaviour.

pub mod log_tree;
pub mod postgres;
pub mod sqlite;
pub mod stream_walk;

use std::ops::Range;
use std::path::PathBuf;

use async_trait::async_trait;
use recourse_events::chain::StreamHead;
use recourse_events::cosignature::WitnessVerifier;
use recourse_events::{Event, Hash, SecretKey, StreamId};
use tokio::sync::watch;

/// A failed store operation. Appends that fail leave the store as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The stream moved on since the caller read it.
    #[error("conflict on stream {stream}: expected seq {expected}, the stream is at {actual}")]
    Conflict {
        /// The stream.
        stream: StreamId,
        /// The seq the append expected to be next.
        expected: u64,
        /// The stream's actual next seq.
        actual: u64,
    },
    /// The append itself is malformed (empty, several streams, broken chain).
    #[error("invalid append: {0}")]
    InvalidAppend(String),
    /// The store was opened without the ledger key, for reading only.
    #[error("the store is open read-only")]
    ReadOnly,
    /// Something asked for does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The stored data is inconsistent (tiles disagree with entries, missing rows).
    #[error("store is corrupt: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error("storage failure: {0}")]
    Backend(String),
    /// A cosignature that does not verify over the checkpoint it is given for, or a
    /// checkpoint that is not this log's tree.
    #[error("cosignature refused: {0}")]
    Refused(String),
}

/// A witness's cosignature line kept with the ledger, as read back: not trusted by itself, a
/// reader verifies [`line`](Self::line) over the checkpoint it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCosignature {
    /// The witness's verifier key (`name+<8 hex id>+base64(0x04 || key)`).
    pub witness: String,
    /// The note signature line, `— name base64(...)` and its newline.
    pub line: String,
    /// The cosignature's timestamp (POSIX seconds), as it verified when stored.
    pub timestamp: u64,
}

/// A cosignature checked before it is stored: the checkpoint `note` (log-signed note, or its
/// text alone) names a size and root, `line` must be `witness`'s cosignature over its text,
/// and the backend then checks the root against its own tree of that size.
pub(crate) struct CheckedCosignature {
    pub(crate) size: u64,
    pub(crate) root: Hash,
    pub(crate) row: StoredCosignature,
    /// The log-signed checkpoint note, when `note` was one and its signature verifies under
    /// the store's own key: kept beside the cosignature (a backend stores it again if it was
    /// thinned out of the history meanwhile), since a cosignature is useless without the
    /// checkpoint it signs.
    pub(crate) note: Option<String>,
}

/// The verifier key of a store's own checkpoints, from its signer.
pub(crate) fn log_key(signer: &LogSigner) -> Option<recourse_events::checkpoint::NoteVerifier> {
    recourse_events::checkpoint::NoteVerifier::new(&signer.origin, signer.key.public()).ok()
}

/// Checks `line` as `witness`'s cosignature/v1 over the checkpoint `note`.
pub(crate) fn check_cosignature(
    note: &str,
    witness: &WitnessVerifier,
    line: &str,
) -> Result<CheckedCosignature, StoreError> {
    use recourse_events::checkpoint::{Checkpoint, Note};
    let refused = |why: String| StoreError::Refused(why);
    // The note text is what the witness signed (with the log's signature lines left out).
    let text = match Note::parse(note) {
        Ok(n) => n.text().to_string(),
        Err(_) => note.to_string(),
    };
    let checkpoint =
        Checkpoint::parse_text(&text).map_err(|e| refused(format!("bad checkpoint: {e}")))?;
    let line = if line.ends_with('\n') {
        line.to_string()
    } else {
        format!("{line}\n")
    };
    if line.matches('\n').count() != 1 {
        return Err(refused("one signature line expected".into()));
    }
    let signed = Note::parse(&format!("{text}\n{line}"))
        .map_err(|e| refused(format!("malformed cosignature line: {e}")))?;
    let sig = &signed.signatures()[0];
    let timestamp = witness
        .verify(&text, sig)
        .map_err(|e| refused(e.to_string()))?
        .ok_or_else(|| refused(format!("the line is not by witness {}", witness.name())))?;
    Ok(CheckedCosignature {
        size: checkpoint.size,
        root: checkpoint.root,
        row: StoredCosignature {
            witness: witness.to_string(),
            line,
            timestamp,
        },
        note: None,
    })
}

/// [`check_cosignature`], and the checkpoint must be `store`'s own tree at that size, not
/// merely well signed: what every backend checks before it stores a cosignature. `log_key`
/// is the store's own checkpoint key: a `note` that verifies under it is returned in
/// [`CheckedCosignature::note`], to be kept.
pub(crate) async fn check_cosignature_against(
    store: &(impl EventStore + ?Sized),
    log_key: Option<&recourse_events::checkpoint::NoteVerifier>,
    note: &str,
    witness: &WitnessVerifier,
    line: &str,
) -> Result<CheckedCosignature, StoreError> {
    let mut checked = check_cosignature(note, witness, line)?;
    checked.note = log_key
        .and_then(|key| recourse_events::checkpoint::Checkpoint::open(note, key).ok())
        .filter(|(cp, _)| cp.size == checked.size && cp.root == checked.root)
        .map(|_| note.to_string());
    let root = match store.root(checked.size).await {
        Ok(root) => root,
        Err(StoreError::NotFound(why)) => return Err(StoreError::Refused(why)),
        Err(e) => return Err(e),
    };
    if root != checked.root {
        return Err(StoreError::Refused(format!(
            "the checkpoint's root is not this log's tree of {} entries",
            checked.size
        )));
    }
    Ok(checked)
}

/// An entry at its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    /// Leaf index in the log.
    pub position: u64,
    /// The canonical entry bytes.
    pub entry: Vec<u8>,
    /// The backend's own stream index for this entry, if it keeps one: derived from the
    /// entries, never trusted, checked by `verify`.
    pub link: Option<Link>,
}

/// Where a backend's stream index places an entry in its stream (derived data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The entry's seq, as the index records it.
    pub seq: u64,
    /// The position of the stream's previous entry, as the index records it.
    pub prev_position: Option<u64>,
}

/// Where a stream ends, as a backend's stream index records it (derived data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamTip {
    /// The stream.
    pub stream: StreamId,
    /// Its next seq and last leaf hash.
    pub head: StreamHead,
    /// Position of its last entry.
    pub last_position: u64,
}

/// What an append did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appended {
    /// Positions given to the appended events, in order.
    pub positions: Range<u64>,
    /// Size of the tree after the commit that made them durable (covered by its checkpoint).
    pub tree_size: u64,
}

/// The key and name the log signs checkpoints with.
#[derive(Debug, Clone)]
pub struct LogSigner {
    /// The checkpoint origin, also the note key name.
    pub origin: String,
    /// The ledger key.
    pub key: SecretKey,
}

/// The event log.
#[async_trait]
pub trait EventStore: Send + Sync {
    /// Appends `events`, consecutive events of one stream starting at the stream's next seq,
    /// all or none, durably.
    async fn append(&self, events: Vec<Event>) -> Result<Appended, StoreError>;

    /// Appends each of `appends` as [`append`](Self::append) would, in the order given (their
    /// positions follow that order), committing as many together as the backend likes: for
    /// copying a ledger (`recourse migrate`, `restore`), where one commit per event would take
    /// minutes. Each answer is that append's own.
    async fn append_all(&self, appends: Vec<Vec<Event>>) -> Vec<Result<Appended, StoreError>>;

    /// The stream's next seq and last leaf hash.
    async fn head(&self, stream: &StreamId) -> Result<StreamHead, StoreError>;

    /// All entries of a stream, in seq order. Backends check what they return: each entry is
    /// of `stream`, has the next seq, and links by hash to the one before it; anything else is
    /// [`StoreError::Corrupt`]. (Callers still compare the last hash with what they know.)
    async fn read_stream(&self, stream: &StreamId) -> Result<Vec<StoredEntry>, StoreError>;

    /// Up to `limit` entries from `position` on, in position order.
    async fn read_from(&self, position: u64, limit: usize) -> Result<Vec<StoredEntry>, StoreError>;

    /// Up to `limit` stream tips of the backend's stream index, by stream name after `after`
    /// (derived data, for `verify` and the start-up check to compare with the entries).
    async fn stream_tips(&self, after: &str, limit: usize) -> Result<Vec<StreamTip>, StoreError>;

    /// Number of entries committed.
    async fn size(&self) -> Result<u64, StoreError>;

    /// Committed size, updated after each commit: wait on it to follow new events.
    fn watch_size(&self) -> watch::Receiver<u64>;

    /// The latest signed checkpoint (note text), if any.
    async fn checkpoint(&self) -> Result<Option<String>, StoreError>;

    /// Up to `limit` stored checkpoints with a size above `after`, ascending: (size, note).
    async fn checkpoints(&self, after: u64, limit: usize)
    -> Result<Vec<(u64, String)>, StoreError>;

    /// The stored checkpoint of exactly `size` entries, if it is kept (the latest, those of the
    /// history, and every cosigned one).
    async fn checkpoint_at(&self, size: u64) -> Result<Option<String>, StoreError> {
        let Some(after) = size.checked_sub(1) else {
            return Ok(None);
        };
        Ok(self
            .checkpoints(after, 1)
            .await?
            .into_iter()
            .find(|(s, _)| *s == size)
            .map(|(_, note)| note))
    }

    /// The stored hashes of tile `level`/`index` (as many as exist, 32 bytes each).
    async fn tile(&self, level: u8, index: u64) -> Result<Option<Vec<u8>>, StoreError>;

    /// The inclusion proof of `position` in the tree of `size` entries.
    async fn inclusion_proof(&self, position: u64, size: u64) -> Result<Vec<Hash>, StoreError>;

    /// The consistency proof from the tree of `from` entries to that of `to` entries.
    async fn consistency_proof(&self, from: u64, to: u64) -> Result<Vec<Hash>, StoreError>;

    /// The Merkle root of the first `size` entries.
    async fn root(&self, size: u64) -> Result<Hash, StoreError>;

    /// Keeps `line`, `witness`'s cosignature on the checkpoint `note` (this log's checkpoint
    /// note, or its text), once it is checked: the line must verify over the note's text and
    /// the note's root must be this store's tree of that size, else [`StoreError::Refused`]
    /// and nothing is written. Replaces the witness's earlier line for that size; returns the
    /// cosignature's timestamp. Needs write access.
    async fn add_cosignature(
        &self,
        note: &str,
        witness: &WitnessVerifier,
        line: &str,
    ) -> Result<u64, StoreError>;

    /// The stored cosignatures of the checkpoint of `size`, by witness (checked when they were
    /// stored, but read back untrusted: verify each line over the checkpoint served).
    async fn cosignatures(&self, size: u64) -> Result<Vec<StoredCosignature>, StoreError>;

    /// Up to `limit` sizes above `after` that have stored cosignatures, ascending (to copy
    /// every cosignature, size by size, with [`Self::cosignatures`]).
    async fn cosigned_sizes(&self, after: u64, limit: usize) -> Result<Vec<u64>, StoreError>;

    /// Each witness's stored cosignature of the largest size, with that size, by witness
    /// (read back untrusted, like [`Self::cosignatures`]).
    async fn latest_cosignatures(&self) -> Result<Vec<(u64, StoredCosignature)>, StoreError>;
}

/// Where a store lives, parsed from a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreUrl {
    /// `sqlite://<path>`: the embedded store.
    Sqlite(PathBuf),
    /// `postgres://...` or `postgresql://...`: a PostgreSQL database (libpq's URL form; a Unix
    /// socket folder as `?host=/path`).
    Postgres(String),
}

impl StoreUrl {
    /// Parses `sqlite://PATH` or `postgres://...`.
    pub fn parse(url: &str) -> Result<StoreUrl, String> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(
                    "sqlite:// URL needs a path, e.g. sqlite://./recourse-data/ledger.db".into(),
                );
            }
            return Ok(StoreUrl::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(StoreUrl::Postgres(url.to_string()));
        }
        Err(format!(
            "unsupported store URL {url:?}: expected sqlite://PATH or postgres://..."
        ))
    }
}

/// Opens the store a URL names; with a signer it can append, without it is read-only.
pub async fn open(
    url: &StoreUrl,
    signer: Option<LogSigner>,
) -> Result<Box<dyn EventStore>, StoreError> {
    match url {
        StoreUrl::Sqlite(path) => Ok(Box::new(sqlite::SqliteStore::open(path, signer).await?)),
        StoreUrl::Postgres(url) => Ok(Box::new(postgres::PgStore::open(url, signer).await?)),
    }
}
