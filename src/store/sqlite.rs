//! The embedded store: one SQLite file in the data folder.
//!
//! Writes go through one writer thread that owns the only write connection. Callers send their
//! appends over a channel; the writer takes everything queued, validates each append against the
//! stream heads (including earlier appends in the same batch), inserts the entries, the tiles
//! they changed and a freshly signed checkpoint in one transaction, commits (WAL with
//! `synchronous=FULL`, so the commit is fsynced), and only then answers each caller. While one
//! commit is being fsynced the next batch queues up, which is group commit without a timer: at low
//! load every append commits alone with minimal latency, at high load one fsync serves hundreds.
//!
//! Reads use a small pool of separate connections; WAL lets them run beside the writer.
//!
//! ## What is canonical, what is derived, and how each derived column is checked
//!
//! Only `entries.entry` (the signed canonical bytes) and the signatures inside `checkpoints.note`
//! are evidence. Everything else is derived from them and never trusted on its own:
//!
//! | column | derived from | checked by |
//! | --- | --- | --- |
//! | `entries.position` | order of appends | the Merkle root over the entries in position order must be the signed root: by the service as it folds at start-up, and by `verify` (tiles and every checkpoint) |
//! | `entries.seq`, `entries.prev_position` | each entry's stream | `read_stream` checks each entry it reaches is of the stream, at the seq, linked by hash; the service compares the result with the folded chain; `verify` compares both columns for every entry |
//! | `streams.*` (next seq, last position, last hash) | the last entry of each stream | the writer checks a tip against the entry it names before building on it; at start-up the service compares every row with the tips the fold found; `verify` compares every row and the row count |
//! | `tiles.*` | leaf hashes of the entries | at open, the tree the tiles give must have the latest checkpoint's root (so the next checkpoint builds on signed nodes only); `verify` recomputes every tile |
//! | `checkpoints.size`, older rows | the commits | at open, the latest must verify, cover every entry and match the tiles; `verify` checks every row; the high-water mark (outside this file) catches a deleted latest row or an older copy of the file |
//! | `cosignatures.*` | witnesses' answers | verified over the checkpoint and its root compared with the tree before a row is written; read back untrusted, every reader verifies each line over the checkpoint it serves |
//! | `meta` | nothing yet | unused |

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use recourse_events::chain::StreamHead;
use recourse_events::{Event, Hash, StreamId};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use tokio::sync::{mpsc, oneshot, watch};

use super::log_tree::{LogTree, TileMismatch, proofs};
use super::stream_walk::{self, Step};
use super::{
    Appended, EventStore, Link, LogSigner, StoreError, StoredCosignature, StoredEntry, StreamTip,
    check_cosignature_against,
};
use recourse_events::checkpoint::NoteVerifier;
use recourse_events::cosignature::WitnessVerifier;

/// Events per transaction at most; the rest of the queue waits for the next commit.
const MAX_BATCH_EVENTS: usize = 8192;
/// Stream tips cached by the writer before the cache is dropped and refilled on demand.
const MAX_CACHED_TIPS: usize = 200_000;
/// Appends that may wait for the writer before callers are slowed down.
const QUEUE_DEPTH: usize = 16_384;

/// Entries are keyed by position only, so appends extend one B-tree at its right edge. Streams
/// are found through `streams` (one row per stream: its next seq, last position and last leaf
/// hash) and each entry's `prev_position` back-pointer. An index on (stream, seq) over all
/// entries would turn every append into a random page write in the WAL and halve throughput.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    position      INTEGER PRIMARY KEY,
    seq           INTEGER NOT NULL,
    prev_position INTEGER,
    entry         BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS streams (
    name          TEXT PRIMARY KEY,
    next_seq      INTEGER NOT NULL,
    last_position INTEGER NOT NULL,
    last_hash     BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tiles (
    level  INTEGER NOT NULL,
    idx    INTEGER NOT NULL,
    hashes BLOB NOT NULL,
    PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (size INTEGER PRIMARY KEY, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cosignatures (
    size      INTEGER NOT NULL,
    witness   TEXT NOT NULL,
    line      TEXT NOT NULL,
    timestamp INTEGER NOT NULL,
    PRIMARY KEY (size, witness)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cosignatures_by_witness ON cosignatures (witness, size);
";

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Backend(e.to_string())
    }
}

impl From<TileMismatch> for StoreError {
    fn from(e: TileMismatch) -> Self {
        StoreError::Corrupt(e.to_string())
    }
}

/// Positions, sizes and seqs are stored as SQLite integers: a number past `i64::MAX` is one no
/// ledger holds (asking for it is a not-found, never a panic).
fn to_i64(n: u64) -> Result<i64, StoreError> {
    i64::try_from(n).map_err(|_| StoreError::NotFound(format!("{n} is beyond any position")))
}

fn to_u64(n: i64) -> Result<u64, StoreError> {
    u64::try_from(n)
        .map_err(|_| StoreError::Corrupt(format!("negative number {n} in the database")))
}

fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// The SQLite backend.
pub struct SqliteStore {
    writer: Option<mpsc::Sender<WriteRequest>>,
    /// The writer's thread, joined when the store is dropped: it finishes the batch in hand
    /// and closes its connection, so a dropped store has closed the database file.
    writer_thread: Option<std::thread::JoinHandle<()>>,
    readers: Arc<Readers>,
    size: watch::Receiver<u64>,
    /// The verifier key of this store's checkpoints (a store that appends).
    log_key: Option<NoteVerifier>,
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        // Closing the channel ends the writer's loop.
        self.writer.take();
        if let Some(thread) = self.writer_thread.take() {
            // A writer that panicked has nothing left to close.
            let _ = thread.join();
        }
    }
}

struct WriteRequest {
    events: Vec<Event>,
    reply: oneshot::Sender<Result<Appended, StoreError>>,
}

impl SqliteStore {
    /// Opens the database at `path`. With a signer the file is created if missing and appends
    /// are accepted; without one the file must exist and the store only reads.
    pub async fn open(path: &Path, signer: Option<LogSigner>) -> Result<Self, StoreError> {
        let path = path.to_path_buf();
        tokio::task::spawn_blocking(move || Self::open_blocking(path, signer))
            .await
            .map_err(|e| StoreError::Backend(e.to_string()))?
    }

    fn open_blocking(path: PathBuf, signer: Option<LogSigner>) -> Result<Self, StoreError> {
        if signer.is_none() && !path.exists() {
            return Err(StoreError::NotFound(format!(
                "no ledger database at {}",
                path.display()
            )));
        }
        let conn = Connection::open(&path)?;
        configure(&conn)?;
        if signer.is_some() {
            conn.execute_batch(SCHEMA)?;
        } else {
            let tables: i64 = conn.query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('entries', 'streams', 'tiles', 'checkpoints')",
                [],
                |r| r.get(0),
            )?;
            if tables != 4 {
                return Err(StoreError::Corrupt(format!(
                    "{} is not a Recourse ledger database",
                    path.display()
                )));
            }
        }
        let size = committed_size(&conn)?;
        let (size_tx, size_rx) = watch::channel(size);
        let readers = Arc::new(Readers {
            path: path.clone(),
            pool: Mutex::new(Vec::new()),
        });
        let log_key = signer.as_ref().and_then(super::log_key);
        let (writer, writer_thread) = match signer {
            None => (None, None),
            Some(signer) => {
                let count: i64 =
                    conn.query_row("SELECT COUNT(*) FROM entries", [], |r| r.get(0))?;
                if to_u64(count)? != size {
                    return Err(StoreError::Corrupt(format!(
                        "{count} entries stored but positions run to {size}: entries are missing"
                    )));
                }
                let tree = LogTree::load(size, |level, index| read_tile(&conn, level, index))?;
                tree.check_signed(latest_note(&conn)?.as_deref(), &signer)?;
                // The writer checkpoints the WAL itself, SQLite's way: after a commit that leaves
                // more than 1,000 pages in the log, it copies them into the database, so that
                // the log restarts small and each checkpoint is short. A companion thread doing
                // passive checkpoints instead never found the log idle under sustained appends:
                // the WAL reached 1.8 GB in 17 s, and appends ran slower (34k vs 47k events/s,
                // p99 19 vs 13 ms, `recourse bench append`). A log left large by a crash is
                // folded in once, here, before the first append.
                conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
                conn.pragma_update(None, "wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES)?;
                conn.pragma_update(None, "journal_size_limit", 32 << 20)?;
                let (tx, rx) = mpsc::channel(QUEUE_DEPTH);
                let latest: Option<i64> =
                    conn.query_row("SELECT MAX(size) FROM checkpoints", [], |r| r.get(0))?;
                // The latest checkpoint found at start-up stays: it may be all a witness saw.
                let latest_checkpoint = latest.map(to_u64).transpose()?.map(|s| (s, true));
                let writer = Writer {
                    conn,
                    signer,
                    tree,
                    tips: HashMap::new(),
                    size_tx,
                    latest_checkpoint,
                };
                let thread = std::thread::Builder::new()
                    .name("ledger-writer".into())
                    .spawn(move || writer.run(rx))
                    .map_err(|e| StoreError::Backend(e.to_string()))?;
                (Some(tx), Some(thread))
            }
        };
        Ok(Self {
            writer,
            writer_thread,
            readers,
            size: size_rx,
            log_key,
        })
    }

    async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let readers = self.readers.clone();
        tokio::task::spawn_blocking(move || readers.with(f))
            .await
            .map_err(|e| StoreError::Backend(e.to_string()))?
    }
}

/// The latest stored checkpoint, if any.
fn latest_note(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?)
}

/// WAL pages after which a commit checkpoints the log (SQLite's default).
const WAL_AUTOCHECKPOINT_PAGES: i64 = 1000;

fn committed_size(conn: &Connection) -> Result<u64, StoreError> {
    let max: Option<i64> = conn.query_row("SELECT MAX(position) FROM entries", [], |r| r.get(0))?;
    max.map_or(Ok(0), |m| Ok(to_u64(m)? + 1))
}

fn read_tile(conn: &Connection, level: u8, index: u64) -> Result<Option<Vec<u8>>, StoreError> {
    let Ok(index) = to_i64(index) else {
        return Ok(None);
    };
    Ok(conn
        .prepare_cached("SELECT hashes FROM tiles WHERE level = ?1 AND idx = ?2")?
        .query_row(params![level, index], |r| r.get(0))
        .optional()?)
}

/// Where a stream ends: its head and the position of its last entry.
#[derive(Debug, Clone, Copy, Default)]
struct Tip {
    head: StreamHead,
    last_position: Option<u64>,
}

fn read_tip(conn: &Connection, stream: &StreamId) -> Result<Tip, StoreError> {
    let row: Option<(i64, i64, Vec<u8>)> = conn
        .prepare_cached("SELECT next_seq, last_position, last_hash FROM streams WHERE name = ?1")?
        .query_row([stream.as_str()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((next_seq, last_position, hash)) = row else {
        return Ok(Tip::default());
    };
    let hash = Hash::from_slice(&hash)
        .map_err(|_| StoreError::Corrupt(format!("stream {stream}: bad last hash")))?;
    Ok(Tip {
        head: StreamHead {
            next_seq: to_u64(next_seq)?,
            last: Some(hash),
        },
        last_position: Some(to_u64(last_position)?),
    })
}

/// A stream's tip as the writer may build on it: the stream row is derived data, so the entry
/// it names must be of that stream, at the seq before the next one, with the recorded hash.
/// (That the row names the stream's *last* entry is checked at start-up against the entries,
/// see `Service::start`, and by `verify`.)
fn read_checked_tip(conn: &Connection, stream: &StreamId) -> Result<Tip, StoreError> {
    let tip = read_tip(conn, stream)?;
    let Some(position) = tip.last_position else {
        return Ok(tip);
    };
    let entry: Option<Vec<u8>> = conn
        .prepare_cached("SELECT entry FROM entries WHERE position = ?1")?
        .query_row([to_i64(position)?], |r| r.get(0))
        .optional()?;
    let event = entry
        .and_then(|e| Event::from_entry(&e).ok())
        .ok_or_else(|| {
            StoreError::Corrupt(format!(
                "stream {stream}: its last entry {position} is missing or invalid"
            ))
        })?;
    let env = event.envelope();
    if env.stream != *stream
        || env.seq.checked_add(1) != Some(tip.head.next_seq)
        || Some(event.leaf_hash()) != tip.head.last
    {
        return Err(StoreError::Corrupt(format!(
            "stream {stream}: the stream index disagrees with entry {position}"
        )));
    }
    Ok(tip)
}

fn check_size(conn: &Connection, size: u64) -> Result<(), StoreError> {
    let committed = committed_size(conn)?;
    if size > committed {
        return Err(StoreError::NotFound(format!(
            "tree size {size} is beyond the log's {committed} entries"
        )));
    }
    Ok(())
}

struct Readers {
    path: PathBuf,
    pool: Mutex<Vec<Connection>>,
}

impl Readers {
    fn with<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let pooled = self.pool.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match pooled {
            Some(c) => c,
            None => {
                let c = Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                configure(&c)?;
                c
            }
        };
        let result = f(&conn);
        self.pool
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(conn);
        result
    }
}

#[async_trait]
impl EventStore for SqliteStore {
    async fn append(&self, events: Vec<Event>) -> Result<Appended, StoreError> {
        let writer = self.writer.as_ref().ok_or(StoreError::ReadOnly)?;
        one_stream(&events)?;
        let (reply, answer) = oneshot::channel();
        writer
            .send(WriteRequest { events, reply })
            .await
            .map_err(|_| StoreError::Backend("the ledger writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError::Backend("the ledger writer has stopped".into()))?
    }

    async fn append_all(&self, appends: Vec<Vec<Event>>) -> Vec<Result<Appended, StoreError>> {
        let mut answers = Vec::with_capacity(appends.len());
        for events in appends {
            answers.push(match (&self.writer, one_stream(&events)) {
                (None, _) => Err(StoreError::ReadOnly),
                (_, Err(e)) => Err(e),
                (Some(writer), Ok(())) => {
                    let (reply, answer) = oneshot::channel();
                    match writer.send(WriteRequest { events, reply }).await {
                        Ok(()) => Ok(answer),
                        Err(_) => Err(StoreError::Backend("the ledger writer has stopped".into())),
                    }
                }
            });
        }
        let mut out = Vec::with_capacity(answers.len());
        for answer in answers {
            out.push(match answer {
                Ok(a) => a.await.unwrap_or_else(|_| {
                    Err(StoreError::Backend("the ledger writer has stopped".into()))
                }),
                Err(e) => Err(e),
            });
        }
        out
    }

    async fn head(&self, stream: &StreamId) -> Result<StreamHead, StoreError> {
        let stream = stream.clone();
        self.read(move |c| Ok(read_tip(c, &stream)?.head)).await
    }

    async fn read_stream(&self, stream: &StreamId) -> Result<Vec<StoredEntry>, StoreError> {
        let stream = stream.clone();
        self.read(move |c| {
            // Walk the back-pointers from the stream's last entry to its first, at most as many
            // steps as the stream has entries (a rewired pointer must not loop), then check the
            // walk against the entries themselves (see `stream_walk`).
            let tip = read_tip(c, &stream)?;
            let mut steps =
                Vec::with_capacity(usize::try_from(tip.head.next_seq).unwrap_or(0).min(1 << 16));
            let mut stmt = c.prepare_cached(
                "SELECT seq, prev_position, entry FROM entries WHERE position = ?1",
            )?;
            let mut next = tip.last_position;
            while let Some(position) = next {
                if steps.len() as u64 > tip.head.next_seq {
                    break;
                }
                let Some((seq, prev, entry)) = stmt
                    .query_row([to_i64(position)?], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, Option<i64>>(1)?,
                            r.get::<_, Vec<u8>>(2)?,
                        ))
                    })
                    .optional()?
                else {
                    return Err(StoreError::Corrupt(format!(
                        "stream {stream}: entry {position} is missing"
                    )));
                };
                next = prev.map(to_u64).transpose()?;
                steps.push(Step {
                    position,
                    seq: to_u64(seq)?,
                    prev_position: next,
                    entry,
                });
            }
            stream_walk::check(&stream, tip.head, tip.last_position, steps)
        })
        .await
    }

    async fn read_from(&self, position: u64, limit: usize) -> Result<Vec<StoredEntry>, StoreError> {
        self.read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT position, entry, seq, prev_position FROM entries WHERE position >= ?1 ORDER BY position LIMIT ?2",
            )?;
            let limit = to_i64(limit as u64).unwrap_or(i64::MAX);
            let rows = stmt.query_map(params![to_i64(position)?, limit], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Vec<u8>>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                ))
            })?;
            rows.map(|r| {
                let (p, entry, seq, prev) = r?;
                Ok(StoredEntry {
                    position: to_u64(p)?,
                    entry,
                    link: Some(Link {
                        seq: to_u64(seq)?,
                        prev_position: prev.map(to_u64).transpose()?,
                    }),
                })
            })
            .collect()
        })
        .await
    }

    async fn stream_tips(&self, after: &str, limit: usize) -> Result<Vec<StreamTip>, StoreError> {
        let after = after.to_string();
        self.read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT name, next_seq, last_position, last_hash FROM streams WHERE name > ?1 ORDER BY name LIMIT ?2",
            )?;
            let limit = to_i64(limit as u64).unwrap_or(i64::MAX);
            let rows = stmt.query_map(params![after, limit], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Vec<u8>>(3)?,
                ))
            })?;
            rows.map(|r| {
                let (name, next_seq, last_position, hash) = r?;
                let stream = StreamId::parse(&name)
                    .map_err(|e| StoreError::Corrupt(format!("stream row {name:?}: {e}")))?;
                let last = Hash::from_slice(&hash)
                    .map_err(|_| StoreError::Corrupt(format!("stream {name}: bad last hash")))?;
                Ok(StreamTip {
                    stream,
                    head: StreamHead {
                        next_seq: to_u64(next_seq)?,
                        last: Some(last),
                    },
                    last_position: to_u64(last_position)?,
                })
            })
            .collect()
        })
        .await
    }

    async fn size(&self) -> Result<u64, StoreError> {
        self.read(committed_size).await
    }

    fn watch_size(&self) -> watch::Receiver<u64> {
        self.size.clone()
    }

    async fn checkpoint(&self) -> Result<Option<String>, StoreError> {
        self.read(|c| {
            Ok(c.query_row(
                "SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
        })
        .await
    }

    async fn checkpoints(
        &self,
        after: u64,
        limit: usize,
    ) -> Result<Vec<(u64, String)>, StoreError> {
        self.read(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT size, note FROM checkpoints WHERE size > ?1 ORDER BY size LIMIT ?2",
            )?;
            let after = to_i64(after).unwrap_or(i64::MAX);
            let limit = to_i64(limit as u64).unwrap_or(i64::MAX);
            let rows = stmt.query_map(params![after, limit], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?;
            rows.map(|r| {
                let (size, note) = r?;
                Ok((to_u64(size)?, note))
            })
            .collect()
        })
        .await
    }

    async fn tile(&self, level: u8, index: u64) -> Result<Option<Vec<u8>>, StoreError> {
        self.read(move |c| read_tile(c, level, index)).await
    }

    async fn inclusion_proof(&self, position: u64, size: u64) -> Result<Vec<Hash>, StoreError> {
        self.read(move |c| {
            check_size(c, size)?;
            proofs::inclusion(|l, i| read_tile(c, l, i), position, size)
        })
        .await
    }

    async fn consistency_proof(&self, from: u64, to: u64) -> Result<Vec<Hash>, StoreError> {
        self.read(move |c| {
            check_size(c, to)?;
            proofs::consistency(|l, i| read_tile(c, l, i), from, to)
        })
        .await
    }

    async fn root(&self, size: u64) -> Result<Hash, StoreError> {
        self.read(move |c| {
            check_size(c, size)?;
            proofs::root(|l, i| read_tile(c, l, i), size)
        })
        .await
    }

    async fn add_cosignature(
        &self,
        note: &str,
        witness: &WitnessVerifier,
        line: &str,
    ) -> Result<u64, StoreError> {
        if self.writer.is_none() {
            return Err(StoreError::ReadOnly);
        }
        let checked =
            check_cosignature_against(self, self.log_key.as_ref(), note, witness, line).await?;
        let row = checked.row;
        let size = to_i64(checked.size)?;
        let timestamp = row.timestamp;
        let note = checked.note;
        self.read(move |c| {
            let tx = c.unchecked_transaction()?;
            tx.execute(
                "INSERT OR REPLACE INTO cosignatures (size, witness, line, timestamp) VALUES (?1, ?2, ?3, ?4)",
                params![size, row.witness, row.line, to_i64(row.timestamp)?],
            )?;
            // The checkpoint stays with its cosignature: an append may have thinned it out of
            // the history since the witness was asked.
            if let Some(note) = note {
                tx.execute(
                    "INSERT OR IGNORE INTO checkpoints (size, note) VALUES (?1, ?2)",
                    params![size, note],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
        .await?;
        Ok(timestamp)
    }

    async fn cosignatures(&self, size: u64) -> Result<Vec<StoredCosignature>, StoreError> {
        let Ok(size) = to_i64(size) else {
            return Ok(Vec::new());
        };
        self.read(move |c| {
            if !has_cosignatures(c)? {
                return Ok(Vec::new());
            }
            let mut stmt = c.prepare_cached(
                "SELECT witness, line, timestamp FROM cosignatures WHERE size = ?1 ORDER BY witness",
            )?;
            let rows = stmt.query_map([size], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?;
            rows.map(|r| {
                let (witness, line, timestamp) = r?;
                Ok(StoredCosignature {
                    witness,
                    line,
                    timestamp: to_u64(timestamp)?,
                })
            })
            .collect()
        })
        .await
    }

    async fn cosigned_sizes(&self, after: u64, limit: usize) -> Result<Vec<u64>, StoreError> {
        let after = to_i64(after)?;
        let limit = to_i64(limit as u64)?;
        self.read(move |c| {
            if !has_cosignatures(c)? {
                return Ok(Vec::new());
            }
            let mut stmt = c.prepare_cached(
                "SELECT DISTINCT size FROM cosignatures WHERE size > ?1 ORDER BY size LIMIT ?2",
            )?;
            let rows = stmt.query_map(params![after, limit], |r| r.get::<_, i64>(0))?;
            rows.map(|r| to_u64(r?)).collect()
        })
        .await
    }

    async fn latest_cosignatures(&self) -> Result<Vec<(u64, StoredCosignature)>, StoreError> {
        self.read(move |c| {
            if !has_cosignatures(c)? {
                return Ok(Vec::new());
            }
            let mut stmt = c.prepare_cached(
                "SELECT size, witness, line, timestamp FROM cosignatures AS c
                 WHERE size = (SELECT MAX(size) FROM cosignatures WHERE witness = c.witness)
                 ORDER BY witness",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?;
            rows.map(|r| {
                let (size, witness, line, timestamp) = r?;
                Ok((
                    to_u64(size)?,
                    StoredCosignature {
                        witness,
                        line,
                        timestamp: to_u64(timestamp)?,
                    },
                ))
            })
            .collect()
        })
        .await
    }
}

/// The single writer: owns the write connection and the tree's right edge.
struct Writer {
    conn: Connection,
    signer: LogSigner,
    tree: LogTree,
    tips: HashMap<StreamId, Tip>,
    size_tx: watch::Sender<u64>,
    /// The latest stored checkpoint's size, and whether it is kept in the history.
    latest_checkpoint: Option<(u64, bool)>,
}

impl Writer {
    fn run(mut self, mut rx: mpsc::Receiver<WriteRequest>) {
        while let Some(first) = rx.blocking_recv() {
            let mut batch = vec![first];
            let mut events = batch[0].events.len();
            while events < MAX_BATCH_EVENTS {
                match rx.try_recv() {
                    Ok(req) => {
                        events += req.events.len();
                        batch.push(req);
                    }
                    Err(_) => break,
                }
            }
            self.commit(batch);
        }
    }

    fn commit(&mut self, batch: Vec<WriteRequest>) {
        let snapshot = self.tree.clone();
        let start = self.tree.size();
        let mut staged: HashMap<StreamId, Tip> = HashMap::new();
        let mut outcomes: Vec<Result<std::ops::Range<u64>, StoreError>> =
            Vec::with_capacity(batch.len());
        let mut new_checkpoint = None;
        let result = (|| -> Result<(), StoreError> {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut position = start;
            {
                let mut insert = tx.prepare_cached(
                    "INSERT INTO entries (position, seq, prev_position, entry) VALUES (?1, ?2, ?3, ?4)",
                )?;
                for req in &batch {
                    let stream = &req.events[0].envelope().stream;
                    // The tip is the batch's staged one, the cached one, or read inside this
                    // transaction (which sees exactly the committed data).
                    let cached = staged
                        .get(stream)
                        .or_else(|| self.tips.get(stream))
                        .copied();
                    let mut tip = match cached {
                        Some(t) => t,
                        None => match read_checked_tip(&tx, stream) {
                            Ok(t) => t,
                            Err(e @ StoreError::Corrupt(_)) => {
                                tracing::error!(error = %e, "append refused");
                                outcomes.push(Err(e));
                                continue;
                            }
                            Err(e) => return Err(e),
                        },
                    };
                    match validate_against(tip.head, &req.events) {
                        Err(e) => outcomes.push(Err(e)),
                        Ok(head) => {
                            let first = position;
                            for e in &req.events {
                                let seq = to_i64(e.envelope().seq)?;
                                insert.execute(params![
                                    to_i64(position)?,
                                    seq,
                                    tip.last_position.map(to_i64).transpose()?,
                                    e.entry()
                                ])?;
                                self.tree.push(e.leaf_hash());
                                tip.last_position = Some(position);
                                position += 1;
                            }
                            tip.head = head;
                            staged.insert(stream.clone(), tip);
                            outcomes.push(Ok(first..position));
                        }
                    }
                }
            }
            if position > start {
                let mut upsert_stream = tx.prepare_cached(
                    "INSERT OR REPLACE INTO streams (name, next_seq, last_position, last_hash) VALUES (?1, ?2, ?3, ?4)",
                )?;
                for (stream, tip) in &staged {
                    let last_hash = tip.head.last.map(|h| h.0.to_vec()).unwrap_or_default();
                    upsert_stream.execute(params![
                        stream.as_str(),
                        to_i64(tip.head.next_seq)?,
                        tip.last_position.map(to_i64).transpose()?,
                        last_hash
                    ])?;
                }
                let mut upsert_tile = tx.prepare_cached(
                    "INSERT OR REPLACE INTO tiles (level, idx, hashes) VALUES (?1, ?2, ?3)",
                )?;
                for (level, index, hashes) in self.tree.take_dirty() {
                    upsert_tile.execute(params![level, to_i64(index)?, hashes])?;
                }
                let note = self.tree.sign(&self.signer)?;
                tx.execute(
                    "INSERT INTO checkpoints (size, note) VALUES (?1, ?2)",
                    params![to_i64(position)?, note],
                )?;
                let keep = keep_in_history(self.latest_checkpoint.map(|c| c.0), position);
                if let Some((previous, false)) = self.latest_checkpoint {
                    // A cosigned checkpoint stays: its cosignatures vouch for it.
                    tx.execute(
                        "DELETE FROM checkpoints WHERE size = ?1
                         AND NOT EXISTS (SELECT 1 FROM cosignatures WHERE size = ?1)",
                        [to_i64(previous)?],
                    )?;
                }
                new_checkpoint = Some((position, keep));
            }
            tx.commit()?;
            Ok(())
        })();

        match result {
            Ok(()) => {
                let size = self.tree.size();
                if self.tips.len() + staged.len() > MAX_CACHED_TIPS {
                    self.tips.clear();
                }
                self.tips.extend(staged);
                self.latest_checkpoint = new_checkpoint.or(self.latest_checkpoint);
                self.size_tx.send_replace(size);
                for (req, outcome) in batch.into_iter().zip(outcomes) {
                    let _ = req.reply.send(outcome.map(|positions| Appended {
                        positions,
                        tree_size: size,
                    }));
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "ledger commit failed; nothing in this batch was written");
                self.tree = snapshot;
                self.tree.take_dirty();
                for req in batch {
                    let _ = req.reply.send(Err(e.clone()));
                }
            }
        }
    }
}

/// Every commit signs a checkpoint covering it, but history keeps only the first checkpoint to
/// reach each multiple of this many entries (plus the latest): enough to localize tampering and
/// to show what the log signed over time, without a row per commit on a quiet ledger.
const CHECKPOINT_HISTORY_SPACING: u64 = 4096;

/// Whether the checkpoint of `size`, following one of `previous`, stays in the history.
pub(super) fn keep_in_history(previous: Option<u64>, size: u64) -> bool {
    previous.is_none_or(|p| size / CHECKPOINT_HISTORY_SPACING > p / CHECKPOINT_HISTORY_SPACING)
}

/// An append holds at least one event, all of one stream.
pub(super) fn one_stream(events: &[Event]) -> Result<(), StoreError> {
    let first = events
        .first()
        .ok_or_else(|| StoreError::InvalidAppend("no events".into()))?;
    let stream = &first.envelope().stream;
    if events.iter().any(|e| e.envelope().stream != *stream) {
        return Err(StoreError::InvalidAppend(
            "an append holds events of one stream".into(),
        ));
    }
    Ok(())
}

pub(super) fn validate_against(
    mut head: StreamHead,
    events: &[Event],
) -> Result<StreamHead, StoreError> {
    let env = events[0].envelope();
    if env.seq != head.next_seq {
        return Err(StoreError::Conflict {
            stream: env.stream.clone(),
            expected: env.seq,
            actual: head.next_seq,
        });
    }
    for e in events {
        head.check(e.envelope())
            .map_err(|err| StoreError::InvalidAppend(err.to_string()))?;
        head = head.advanced(e.leaf_hash());
    }
    Ok(head)
}

/// False for a database last written before cosignatures were kept (opened read-only, its
/// schema was not brought up to date).
fn has_cosignatures(c: &Connection) -> Result<bool, StoreError> {
    let tables: i64 = c.query_row(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'cosignatures'",
        [],
        |r| r.get(0),
    )?;
    Ok(tables > 0)
}
