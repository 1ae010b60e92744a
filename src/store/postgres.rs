//! The PostgreSQL store: several server processes appending to one database.
//!
//! ## Global order with several writers
//!
//! Every instance has one writer thread with its own connection, batching its callers'
//! appends exactly as the embedded store does (group commit: one transaction, one WAL flush,
//! for everything queued while the previous commit was in flight). Each commit transaction
//! first takes one transaction-scoped advisory lock, the same key for the whole ledger
//! (`pg_advisory_xact_lock`), and only then reads the committed size. Under the lock, in
//! `READ COMMITTED`, every statement sees every transaction that held the lock before: the lock
//! is released only after its holder's commit is visible. So commits are strictly one after
//! another in position order, and:
//!
//! - **no gap is ever visible**: positions are `size, size + 1, ...` computed under the lock, and
//!   a transaction's rows become visible at its commit, which comes before the next one takes
//!   the lock. This is what a `bigserial` column gets wrong: numbers are handed out before
//!   commit, transactions commit out of order, and a reader that saw 7 before 6 committed
//!   skips 6 for good. Marten's async daemon and the Python `eventsourcing` library's
//!   PostgreSQL recorder both met this (Marten added "gap detection" and a high-water mark that
//!   waits out stragglers; `eventsourcing` moved to taking a table lock around inserts, the
//!   approach here). Message DB takes an advisory lock per stream, which orders a stream, not
//!   the log; a Merkle log needs the global order.
//! - **no two events share a position**: `entries.position` is the primary key, and the lock
//!   makes a conflict impossible rather than merely detected.
//! - **every entry is in the tree exactly once**: a writer whose tree is behind the committed
//!   size (another instance committed since) reloads the tree's edge from the stored tiles at
//!   the committed size and checks it against the latest stored checkpoint, signed by the
//!   ledger key, before it pushes anything: the tiles it writes extend the signed tree.
//! - **never two roots for one size**: `checkpoints.size` is the primary key, and a checkpoint
//!   is signed only by the holder of the lock, for the size it just committed.
//!
//! The price is that commits of all instances are serialized; a commit holds the lock for a
//! few round trips and one WAL flush, and group commit keeps the number of commits low.
//!
//! ## Durability and following
//!
//! The writer's connection sets `synchronous_commit = on`: an append is answered only after
//! PostgreSQL has flushed the commit to its WAL. Each commit also sends `NOTIFY
//! recourse_ledger, '<size>'` (delivered at commit). Every instance keeps a listener connection
//! that updates [`EventStore::watch_size`] on each notification, and reads the committed size
//! every half second in case a notification was missed (a dropped connection), so followers
//! (the read model, the published checkpoint) catch up within a second of a commit anywhere.
//!
//! Reads go through the shared pool (`crate::postgres::Database`); a stream is read back in
//! one recursive query along its back-pointers, checked as every backend's walk is
//! ([`super::stream_walk`]).

use std::ops::Range;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, GenericClient, Transaction};
use recourse_events::chain::StreamHead;
use recourse_events::{Event, Hash, StreamId};
use tokio::sync::{mpsc, oneshot, watch};

use super::log_tree::{LogTree, proofs};
use super::sqlite::{keep_in_history, one_stream, validate_against};
use super::stream_walk::{self, Step};
use super::{
    Appended, EventStore, Link, LogSigner, StoreError, StoredCosignature, StoredEntry, StreamTip,
    check_cosignature_against,
};
use crate::postgres::{Database, PgError, PoolError};
use recourse_events::checkpoint::NoteVerifier;
use recourse_events::cosignature::WitnessVerifier;

/// The advisory lock every commit takes ("ledger" in ASCII).
const LEDGER_LOCK: i64 = 0x6c65_6467_6572;
/// The notification channel commits are announced on.
const CHANNEL: &str = "recourse_ledger";
/// Events per transaction at most; the rest of the queue waits for the next commit.
const MAX_BATCH_EVENTS: usize = 8192;
/// Appends that may wait for the writer before callers are slowed down.
const QUEUE_DEPTH: usize = 16_384;
/// How often the listener reads the committed size even without a notification.
const POLL: Duration = Duration::from_millis(500);
/// Pooled connections for reads and the other backends.
const POOL_THREADS: usize = 6;

impl From<PgError> for StoreError {
    fn from(e: PgError) -> Self {
        StoreError::Backend(describe(&e))
    }
}

impl From<PoolError> for StoreError {
    fn from(e: PoolError) -> Self {
        match e {
            PoolError::Database(e) => e.into(),
            PoolError::Stopped => StoreError::Backend(e.to_string()),
        }
    }
}

/// The server's own message where it sent one (the `Display` of a database error is only
/// "db error").
fn describe(e: &PgError) -> String {
    match e.as_db_error() {
        Some(db) => format!("PostgreSQL: {}", db.message()),
        None => format!("PostgreSQL: {e}"),
    }
}

fn to_i64(n: u64) -> Result<i64, StoreError> {
    i64::try_from(n).map_err(|_| StoreError::NotFound(format!("{n} is beyond any position")))
}

fn to_u64(n: i64) -> Result<u64, StoreError> {
    u64::try_from(n)
        .map_err(|_| StoreError::Corrupt(format!("negative number {n} in the database")))
}

/// The PostgreSQL backend.
pub struct PgStore {
    db: Database,
    writer: Option<mpsc::Sender<WriteRequest>>,
    writer_thread: Option<std::thread::JoinHandle<()>>,
    size: watch::Receiver<u64>,
    /// The verifier key of this store's checkpoints (a store that appends).
    log_key: Option<NoteVerifier>,
}

impl Drop for PgStore {
    fn drop(&mut self) {
        // Closing the channel ends the writer's loop; the listener ends when it sees no
        // receiver of the size left.
        self.writer.take();
        if let Some(thread) = self.writer_thread.take() {
            let _ = thread.join();
        }
    }
}

struct WriteRequest {
    events: Vec<Event>,
    reply: oneshot::Sender<Result<Appended, StoreError>>,
}

/// Raises the watched size to `size` (never lowers it).
fn raise(size_tx: &watch::Sender<u64>, size: u64) {
    size_tx.send_if_modified(|s| {
        if size > *s {
            *s = size;
            true
        } else {
            false
        }
    });
}

fn committed_size(c: &mut impl GenericClient) -> Result<u64, StoreError> {
    let max: Option<i64> = c
        .query_one("SELECT max(position) FROM entries", &[])?
        .get(0);
    max.map_or(Ok(0), |m| Ok(to_u64(m)? + 1))
}

fn read_tile(
    c: &mut impl GenericClient,
    level: u8,
    index: u64,
) -> Result<Option<Vec<u8>>, StoreError> {
    let Ok(index) = to_i64(index) else {
        return Ok(None);
    };
    Ok(c.query_opt(
        "SELECT hashes FROM tiles WHERE level = $1 AND idx = $2",
        &[&i16::from(level), &index],
    )?
    .map(|r| r.get(0)))
}

fn latest_note(c: &mut impl GenericClient) -> Result<Option<String>, StoreError> {
    Ok(c.query_opt(
        "SELECT note FROM checkpoints ORDER BY size DESC LIMIT 1",
        &[],
    )?
    .map(|r| r.get(0)))
}

fn check_size(c: &mut impl GenericClient, size: u64) -> Result<(), StoreError> {
    let committed = committed_size(c)?;
    if size > committed {
        return Err(StoreError::NotFound(format!(
            "tree size {size} is beyond the log's {committed} entries"
        )));
    }
    Ok(())
}

/// The tree at the committed size, from the stored tiles, checked against the latest
/// checkpoint (run under the ledger lock, so nothing commits in between).
fn load_tree(tx: &mut Transaction<'_>, signer: &LogSigner) -> Result<LogTree, StoreError> {
    let size = committed_size(tx)?;
    let count: i64 = tx.query_one("SELECT count(*) FROM entries", &[])?.get(0);
    if to_u64(count)? != size {
        return Err(StoreError::Corrupt(format!(
            "{count} entries stored but positions run to {size}: entries are missing"
        )));
    }
    let tx = std::cell::RefCell::new(tx);
    let tree = LogTree::load(size, |level, index| {
        read_tile(&mut **tx.borrow_mut(), level, index)
    })?;
    let note = latest_note(&mut **tx.borrow_mut())?;
    tree.check_signed(note.as_deref(), signer)?;
    Ok(tree)
}

/// Pushes the leaves of the entries other instances committed after `tree` (up to
/// `committed`), then checks the tree is the one the latest stored checkpoint signed. Their
/// tiles are already stored; this writer's next tiles extend the same edge. A catch-up too
/// long to read (a writer idle while others appended much) reloads the edge from the tiles
/// instead.
fn catch_up(
    tx: &mut Transaction<'_>,
    tree: &mut LogTree,
    committed: u64,
    signer: &LogSigner,
) -> Result<(), StoreError> {
    const READ_AT_MOST: u64 = 65_536;
    if committed - tree.size() > READ_AT_MOST {
        *tree = load_tree(tx, signer)?;
        return Ok(());
    }
    let rows = tx.query(
        "SELECT position, entry FROM entries WHERE position >= $1 ORDER BY position",
        &[&to_i64(tree.size())?],
    )?;
    for r in rows {
        let position = to_u64(r.get(0))?;
        if position != tree.size() {
            return Err(StoreError::Corrupt(format!(
                "entry {} is missing (found {position} after it)",
                tree.size()
            )));
        }
        let entry: Vec<u8> = r.get(1);
        tree.push(recourse_events::merkle::leaf_hash(&entry));
    }
    if tree.size() != committed {
        return Err(StoreError::Corrupt(format!(
            "positions run to {committed} but entries stop at {}",
            tree.size()
        )));
    }
    // The other writer stored these tiles; what this writer stores next builds on them.
    tree.take_dirty();
    let note = latest_note(tx)?;
    tree.check_signed(note.as_deref(), signer)
}

impl PgStore {
    /// Connects to the database at `url`. With a signer appends are accepted and the schema
    /// is migrated; without one the store only reads, and a database without the schema is
    /// refused (nothing is created in it).
    pub async fn open(url: &str, signer: Option<LogSigner>) -> Result<Self, StoreError> {
        let url = url.to_string();
        let writes = signer.is_some();
        let db = tokio::task::spawn_blocking(move || {
            if writes {
                Database::connect(&url, POOL_THREADS)
            } else {
                Database::connect_existing(&url, POOL_THREADS)
            }
        })
        .await
        .map_err(|e| StoreError::Backend(e.to_string()))?
        .map_err(|e| match e {
            crate::postgres::ConnectError::NotRecourse => StoreError::NotFound(e.to_string()),
            e => StoreError::Backend(e.to_string()),
        })?;
        Self::on(db, signer).await
    }

    /// The store on an open database (shared with the other PostgreSQL backends).
    pub async fn on(db: Database, signer: Option<LogSigner>) -> Result<Self, StoreError> {
        let size = db.run_async(|c| Ok(committed_size(c))).await??;
        let (size_tx, size_rx) = watch::channel(size);
        let size_tx = Arc::new(size_tx);
        spawn_listener(db.clone(), size_tx.clone())?;
        let log_key = signer.as_ref().and_then(super::log_key);
        let (writer, writer_thread) = match signer {
            None => (None, None),
            Some(signer) => {
                let writer_db = db.clone();
                let (ready_tx, ready_rx) = oneshot::channel();
                let (tx, rx) = mpsc::channel(QUEUE_DEPTH);
                let thread = std::thread::Builder::new()
                    .name("ledger-writer".into())
                    .spawn(move || match Writer::start(&writer_db, signer, size_tx) {
                        Ok(writer) => {
                            let _ = ready_tx.send(Ok(()));
                            writer.run(rx);
                        }
                        Err(e) => {
                            let _ = ready_tx.send(Err(e));
                        }
                    })
                    .map_err(|e| StoreError::Backend(e.to_string()))?;
                ready_rx
                    .await
                    .map_err(|_| StoreError::Backend("the ledger writer did not start".into()))??;
                (Some(tx), Some(thread))
            }
        };
        Ok(Self {
            db,
            writer,
            writer_thread,
            size: size_rx,
            log_key,
        })
    }

    async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        self.db.run_async(move |c| Ok(f(c))).await?
    }

    async fn send(
        &self,
        events: Vec<Event>,
    ) -> Result<oneshot::Receiver<Result<Appended, StoreError>>, StoreError> {
        let writer = self.writer.as_ref().ok_or(StoreError::ReadOnly)?;
        one_stream(&events)?;
        let (reply, answer) = oneshot::channel();
        writer
            .send(WriteRequest { events, reply })
            .await
            .map_err(|_| StoreError::Backend("the ledger writer has stopped".into()))?;
        Ok(answer)
    }
}

/// Follows commits of every instance: LISTEN, and a read of the size every [`POLL`].
fn spawn_listener(db: Database, size_tx: Arc<watch::Sender<u64>>) -> Result<(), StoreError> {
    std::thread::Builder::new()
        .name("ledger-listener".into())
        .spawn(move || {
            while !size_tx.is_closed() {
                let mut client = match db.dedicated() {
                    Ok(c) => c,
                    Err(e) => {
                        tracing::warn!(error = %describe(&e), "ledger listener cannot connect; retrying");
                        std::thread::sleep(Duration::from_secs(1));
                        continue;
                    }
                };
                if let Err(e) = client.batch_execute(&format!("LISTEN {CHANNEL}")) {
                    tracing::warn!(error = %describe(&e), "ledger listener cannot listen; retrying");
                    std::thread::sleep(Duration::from_secs(1));
                    continue;
                }
                while !size_tx.is_closed() {
                    let mut newest = None;
                    {
                        let mut notes = client.notifications();
                        let mut iter = notes.timeout_iter(POLL);
                        loop {
                            match iter.next() {
                                Ok(Some(n)) => {
                                    if let Ok(size) = n.payload().parse::<u64>() {
                                        newest = newest.max(Some(size));
                                    }
                                }
                                Ok(None) => break,
                                Err(_) => break,
                            }
                            if newest.is_some() {
                                break;
                            }
                        }
                    }
                    if let Some(size) = newest {
                        raise(&size_tx, size);
                        continue;
                    }
                    match committed_size(&mut client) {
                        Ok(size) => raise(&size_tx, size),
                        Err(_) => break,
                    }
                }
            }
        })
        .map_err(|e| StoreError::Backend(e.to_string()))?;
    Ok(())
}

#[async_trait]
impl EventStore for PgStore {
    async fn append(&self, events: Vec<Event>) -> Result<Appended, StoreError> {
        self.send(events)
            .await?
            .await
            .map_err(|_| StoreError::Backend("the ledger writer has stopped".into()))?
    }

    async fn append_all(&self, appends: Vec<Vec<Event>>) -> Vec<Result<Appended, StoreError>> {
        let mut answers = Vec::with_capacity(appends.len());
        for events in appends {
            answers.push(self.send(events).await);
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
        self.read(move |c| Ok(read_tip(c, &stream)?.0)).await
    }

    async fn read_stream(&self, stream: &StreamId) -> Result<Vec<StoredEntry>, StoreError> {
        let stream = stream.clone();
        self.read(move |c| {
            let (head, last_position) = read_tip(c, &stream)?;
            let Some(last) = last_position else {
                return stream_walk::check(&stream, head, None, Vec::new());
            };
            // Along the back-pointers, at most as many steps as the stream has entries (a
            // rewired pointer must not loop).
            let rows = c.query(
                "WITH RECURSIVE walk(position, seq, prev_position, entry, depth) AS (
                    SELECT position, seq, prev_position, entry, 1::bigint FROM entries WHERE position = $1
                    UNION ALL
                    SELECT e.position, e.seq, e.prev_position, e.entry, w.depth + 1
                      FROM entries e JOIN walk w ON e.position = w.prev_position
                     WHERE w.depth <= $2
                 ) SELECT position, seq, prev_position, entry FROM walk ORDER BY depth",
                &[&to_i64(last)?, &to_i64(head.next_seq)?],
            )?;
            let mut steps = Vec::with_capacity(rows.len());
            for r in rows {
                steps.push(Step {
                    position: to_u64(r.get(0))?,
                    seq: to_u64(r.get(1))?,
                    prev_position: r.get::<_, Option<i64>>(2).map(to_u64).transpose()?,
                    entry: r.get(3),
                });
            }
            if steps.last().is_some_and(|s| s.prev_position.is_some())
                && steps.len() as u64 <= head.next_seq
            {
                let missing = steps.last().and_then(|s| s.prev_position).unwrap_or(0);
                return Err(StoreError::Corrupt(format!(
                    "stream {stream}: entry {missing} is missing"
                )));
            }
            stream_walk::check(&stream, head, last_position, steps)
        })
        .await
    }

    async fn read_from(&self, position: u64, limit: usize) -> Result<Vec<StoredEntry>, StoreError> {
        self.read(move |c| {
            let limit = to_i64(limit as u64).unwrap_or(i64::MAX);
            let rows = c.query(
                "SELECT position, entry, seq, prev_position FROM entries WHERE position >= $1 ORDER BY position LIMIT $2",
                &[&to_i64(position)?, &limit],
            )?;
            rows.into_iter()
                .map(|r| {
                    Ok(StoredEntry {
                        position: to_u64(r.get(0))?,
                        entry: r.get(1),
                        link: Some(Link {
                            seq: to_u64(r.get(2))?,
                            prev_position: r.get::<_, Option<i64>>(3).map(to_u64).transpose()?,
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
            let limit = to_i64(limit as u64).unwrap_or(i64::MAX);
            // Compared byte-wise, as the embedded store orders names.
            let rows = c.query(
                "SELECT name, next_seq, last_position, last_hash FROM streams WHERE name COLLATE \"C\" > $1 ORDER BY name COLLATE \"C\" LIMIT $2",
                &[&after, &limit],
            )?;
            rows.into_iter()
                .map(|r| {
                    let name: String = r.get(0);
                    let stream = StreamId::parse(&name)
                        .map_err(|e| StoreError::Corrupt(format!("stream row {name:?}: {e}")))?;
                    let hash: Vec<u8> = r.get(3);
                    let last = Hash::from_slice(&hash)
                        .map_err(|_| StoreError::Corrupt(format!("stream {name}: bad last hash")))?;
                    Ok(StreamTip {
                        stream,
                        head: StreamHead {
                            next_seq: to_u64(r.get(1))?,
                            last: Some(last),
                        },
                        last_position: to_u64(r.get(2))?,
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
        self.read(latest_note).await
    }

    async fn checkpoints(
        &self,
        after: u64,
        limit: usize,
    ) -> Result<Vec<(u64, String)>, StoreError> {
        self.read(move |c| {
            let after = to_i64(after).unwrap_or(i64::MAX);
            let limit = to_i64(limit as u64).unwrap_or(i64::MAX);
            c.query(
                "SELECT size, note FROM checkpoints WHERE size > $1 ORDER BY size LIMIT $2",
                &[&after, &limit],
            )?
            .into_iter()
            .map(|r| Ok((to_u64(r.get(0))?, r.get(1))))
            .collect()
        })
        .await
    }

    async fn tile(&self, level: u8, index: u64) -> Result<Option<Vec<u8>>, StoreError> {
        self.read(move |c| read_tile(c, level, index)).await
    }

    async fn inclusion_proof(&self, position: u64, size: u64) -> Result<Vec<Hash>, StoreError> {
        self.read(move |c| {
            let mut tx = repeatable(c)?;
            check_size(&mut tx, size)?;
            proofs::inclusion(|l, i| read_tile(&mut tx, l, i), position, size)
        })
        .await
    }

    async fn consistency_proof(&self, from: u64, to: u64) -> Result<Vec<Hash>, StoreError> {
        self.read(move |c| {
            let mut tx = repeatable(c)?;
            check_size(&mut tx, to)?;
            proofs::consistency(|l, i| read_tile(&mut tx, l, i), from, to)
        })
        .await
    }

    async fn root(&self, size: u64) -> Result<Hash, StoreError> {
        self.read(move |c| {
            let mut tx = repeatable(c)?;
            check_size(&mut tx, size)?;
            proofs::root(|l, i| read_tile(&mut tx, l, i), size)
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
            let mut tx = c.transaction()?;
            tx.execute(
                "INSERT INTO cosignatures (size, witness, line, timestamp) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (size, witness) DO UPDATE SET line = EXCLUDED.line, timestamp = EXCLUDED.timestamp",
                &[&size, &row.witness, &row.line, &to_i64(row.timestamp)?],
            )?;
            // The checkpoint stays with its cosignature: an append may have thinned it out of
            // the history since the witness was asked.
            if let Some(note) = note {
                tx.execute(
                    "INSERT INTO checkpoints (size, note) VALUES ($1, $2) ON CONFLICT (size) DO NOTHING",
                    &[&size, &note],
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
            c.query(
                "SELECT witness, line, timestamp FROM cosignatures WHERE size = $1 ORDER BY witness",
                &[&size],
            )?
            .into_iter()
            .map(|r| {
                Ok(StoredCosignature {
                    witness: r.get(0),
                    line: r.get(1),
                    timestamp: to_u64(r.get(2))?,
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
            c.query(
                "SELECT DISTINCT size FROM cosignatures WHERE size > $1 ORDER BY size LIMIT $2",
                &[&after, &limit],
            )?
            .into_iter()
            .map(|r| to_u64(r.get(0)))
            .collect()
        })
        .await
    }

    async fn latest_cosignatures(&self) -> Result<Vec<(u64, StoredCosignature)>, StoreError> {
        self.read(move |c| {
            c.query(
                "SELECT DISTINCT ON (witness) size, witness, line, timestamp FROM cosignatures
                 ORDER BY witness, size DESC",
                &[],
            )?
            .into_iter()
            .map(|r| {
                Ok((
                    to_u64(r.get(0))?,
                    StoredCosignature {
                        witness: r.get(1),
                        line: r.get(2),
                        timestamp: to_u64(r.get(3))?,
                    },
                ))
            })
            .collect()
        })
        .await
    }
}

/// A read-only transaction with one snapshot for all its statements: a proof's tiles all come
/// from one moment, never half from before another instance's commit and half from after.
fn repeatable(c: &mut Client) -> Result<Transaction<'_>, StoreError> {
    Ok(c.build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()?)
}

/// A stream's head and the position of its last entry, as the stream row records it.
fn read_tip(
    c: &mut impl GenericClient,
    stream: &StreamId,
) -> Result<(StreamHead, Option<u64>), StoreError> {
    let row = c.query_opt(
        "SELECT next_seq, last_position, last_hash FROM streams WHERE name = $1",
        &[&stream.as_str()],
    )?;
    let Some(row) = row else {
        return Ok((StreamHead::default(), None));
    };
    let hash: Vec<u8> = row.get(2);
    let hash = Hash::from_slice(&hash)
        .map_err(|_| StoreError::Corrupt(format!("stream {stream}: bad last hash")))?;
    Ok((
        StreamHead {
            next_seq: to_u64(row.get(0))?,
            last: Some(hash),
        },
        Some(to_u64(row.get(1))?),
    ))
}

/// Where a stream ends, as the writer builds on it.
#[derive(Debug, Clone, Copy, Default)]
struct Tip {
    head: StreamHead,
    last_position: Option<u64>,
}

/// The tips of `streams`, each checked against the entry it names (the stream row is derived
/// data): one query for the whole batch. A stream whose row disagrees with its entry is
/// `Err` in the map, so only the appends to it are refused.
fn read_checked_tips(
    tx: &mut Transaction<'_>,
    streams: &[&StreamId],
) -> Result<std::collections::HashMap<StreamId, Result<Tip, StoreError>>, StoreError> {
    let names: Vec<&str> = streams.iter().map(|s| s.as_str()).collect();
    let rows = tx.query(
        "SELECT s.name, s.next_seq, s.last_position, s.last_hash, e.entry
           FROM streams s LEFT JOIN entries e ON e.position = s.last_position
          WHERE s.name = ANY($1)",
        &[&names],
    )?;
    let mut tips = std::collections::HashMap::new();
    for r in rows {
        let name: String = r.get(0);
        let Some(stream) = streams.iter().find(|s| s.as_str() == name) else {
            continue;
        };
        let tip = (|| {
            let corrupt = |what: &str| StoreError::Corrupt(format!("stream {stream}: {what}"));
            let hash: Vec<u8> = r.get(3);
            let last = Hash::from_slice(&hash).map_err(|_| corrupt("bad last hash"))?;
            let next_seq = to_u64(r.get(1))?;
            let position = to_u64(r.get(2))?;
            let entry: Option<Vec<u8>> = r.get(4);
            let event = entry
                .and_then(|e| Event::from_entry(&e).ok())
                .ok_or_else(|| {
                    corrupt(&format!("its last entry {position} is missing or invalid"))
                })?;
            let env = event.envelope();
            if env.stream != **stream
                || env.seq.checked_add(1) != Some(next_seq)
                || event.leaf_hash() != last
            {
                return Err(corrupt(&format!(
                    "the stream index disagrees with entry {position}"
                )));
            }
            Ok(Tip {
                head: StreamHead {
                    next_seq,
                    last: Some(last),
                },
                last_position: Some(position),
            })
        })();
        tips.insert((*stream).clone(), tip);
    }
    Ok(tips)
}

/// This instance's writer: its connection and the tree as of its last commit.
struct Writer {
    db: Database,
    client: Client,
    signer: LogSigner,
    tree: LogTree,
    size_tx: Arc<watch::Sender<u64>>,
}

impl Writer {
    fn start(
        db: &Database,
        signer: LogSigner,
        size_tx: Arc<watch::Sender<u64>>,
    ) -> Result<Writer, StoreError> {
        let mut client = Self::connect(db)?;
        let tree = {
            let mut tx = client.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LEDGER_LOCK])?;
            let tree = load_tree(&mut tx, &signer)?;
            tx.commit()?;
            tree
        };
        Ok(Writer {
            db: db.clone(),
            client,
            signer,
            tree,
            size_tx,
        })
    }

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
        if self.client.is_closed() {
            match self.reconnect() {
                Ok(client) => self.client = client,
                Err(e) => {
                    tracing::error!(error = %e, "ledger writer cannot reconnect");
                    for req in batch {
                        let _ = req.reply.send(Err(e.clone()));
                    }
                    return;
                }
            }
        }
        let snapshot = self.tree.clone();
        let result = Self::transact(&mut self.client, &self.signer, &mut self.tree, &batch);
        match result {
            Ok(outcomes) => {
                let size = self.tree.size();
                raise(&self.size_tx, size);
                for (req, outcome) in batch.into_iter().zip(outcomes) {
                    let _ = req.reply.send(outcome.map(|positions| Appended {
                        positions,
                        tree_size: size,
                    }));
                }
            }
            Err(e) => {
                // Whether a commit whose answer was lost went through is not known here: the
                // next commit reloads the tree from what is committed, whichever it was.
                tracing::error!(error = %e, "ledger commit failed; nothing in this batch was acknowledged");
                self.tree = snapshot;
                self.tree.take_dirty();
                for req in batch {
                    let _ = req.reply.send(Err(e.clone()));
                }
            }
        }
    }

    fn reconnect(&self) -> Result<Client, StoreError> {
        Self::connect(&self.db)
    }

    fn connect(db: &Database) -> Result<Client, StoreError> {
        let mut client = db.dedicated()?;
        // Acknowledged means flushed to the server's WAL, whatever the server's default.
        client.batch_execute("SET synchronous_commit = on")?;
        Ok(client)
    }

    /// One commit: lock, catch up with other instances, validate, insert, sign, commit.
    fn transact(
        client: &mut Client,
        signer: &LogSigner,
        tree: &mut LogTree,
        batch: &[WriteRequest],
    ) -> Result<Vec<Result<Range<u64>, StoreError>>, StoreError> {
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LEDGER_LOCK])?;
        let committed = committed_size(&mut tx)?;
        if committed < tree.size() {
            return Err(StoreError::Corrupt(format!(
                "the database holds {committed} entries, fewer than the {} this writer committed: it was rolled back",
                tree.size()
            )));
        }
        if committed > tree.size() {
            // Another instance committed since: take in its entries (usually one batch or a
            // few) and check the tree they make against the checkpoint it signed.
            catch_up(&mut tx, tree, committed, signer)?;
        }
        let start = tree.size();
        let streams: Vec<&StreamId> = {
            let mut seen = std::collections::HashSet::new();
            batch
                .iter()
                .map(|r| &r.events[0].envelope().stream)
                .filter(|s| seen.insert(*s))
                .collect()
        };
        let tips = read_checked_tips(&mut tx, &streams)?;
        let mut staged: std::collections::HashMap<StreamId, Tip> = Default::default();
        let mut outcomes = Vec::with_capacity(batch.len());
        let (mut positions, mut seqs, mut prevs, mut entries) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut position = start;
        for req in batch {
            let stream = &req.events[0].envelope().stream;
            let mut tip = match staged.get(stream) {
                Some(t) => *t,
                None => match tips.get(stream) {
                    None => Tip::default(),
                    Some(Ok(t)) => *t,
                    Some(Err(e)) => {
                        tracing::error!(error = %e, "append refused");
                        outcomes.push(Err(e.clone()));
                        continue;
                    }
                },
            };
            match validate_against(tip.head, &req.events) {
                Err(e) => outcomes.push(Err(e)),
                Ok(head) => {
                    let first = position;
                    for e in &req.events {
                        positions.push(to_i64(position)?);
                        seqs.push(to_i64(e.envelope().seq)?);
                        prevs.push(tip.last_position.map(to_i64).transpose()?);
                        entries.push(e.entry().to_vec());
                        tree.push(e.leaf_hash());
                        tip.last_position = Some(position);
                        position += 1;
                    }
                    tip.head = head;
                    staged.insert(stream.clone(), tip);
                    outcomes.push(Ok(first..position));
                }
            }
        }
        if position > start {
            tx.execute(
                "INSERT INTO entries (position, seq, prev_position, entry)
                 SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bytea[])",
                &[&positions, &seqs, &prevs, &entries],
            )?;
            let mut names = Vec::with_capacity(staged.len());
            let (mut next_seqs, mut lasts, mut hashes) = (Vec::new(), Vec::new(), Vec::new());
            for (stream, tip) in &staged {
                names.push(stream.as_str().to_string());
                next_seqs.push(to_i64(tip.head.next_seq)?);
                lasts.push(tip.last_position.map(to_i64).transpose()?.unwrap_or(0));
                hashes.push(tip.head.last.map(|h| h.0.to_vec()).unwrap_or_default());
            }
            tx.execute(
                "INSERT INTO streams (name, next_seq, last_position, last_hash)
                 SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bytea[])
                 ON CONFLICT (name) DO UPDATE SET next_seq = excluded.next_seq,
                   last_position = excluded.last_position, last_hash = excluded.last_hash",
                &[&names, &next_seqs, &lasts, &hashes],
            )?;
            let (mut levels, mut indexes, mut tiles) = (Vec::new(), Vec::new(), Vec::new());
            for (level, index, h) in tree.take_dirty() {
                levels.push(i16::from(level));
                indexes.push(to_i64(index)?);
                tiles.push(h);
            }
            tx.execute(
                "INSERT INTO tiles (level, idx, hashes)
                 SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])
                 ON CONFLICT (level, idx) DO UPDATE SET hashes = excluded.hashes",
                &[&levels, &indexes, &tiles],
            )?;
            // The latest checkpoint stays in the history only if it was the first to reach its
            // multiple of the spacing (as in the embedded store).
            let previous: Vec<u64> = tx
                .query(
                    "SELECT size FROM checkpoints ORDER BY size DESC LIMIT 2",
                    &[],
                )?
                .iter()
                .map(|r| to_u64(r.get(0)))
                .collect::<Result<_, _>>()?;
            let note = tree.sign(signer)?;
            tx.execute(
                "INSERT INTO checkpoints (size, note) VALUES ($1, $2)",
                &[&to_i64(position)?, &note],
            )?;
            if let Some(&latest) = previous.first()
                && !keep_in_history(previous.get(1).copied(), latest)
            {
                // A cosigned checkpoint stays: its cosignatures vouch for it.
                tx.execute(
                    "DELETE FROM checkpoints WHERE size = $1
                     AND NOT EXISTS (SELECT 1 FROM cosignatures WHERE size = $1)",
                    &[&to_i64(latest)?],
                )?;
            }
            tx.execute(
                "SELECT pg_notify($1, $2)",
                &[&CHANNEL, &position.to_string()],
            )?;
        }
        tx.commit()?;
        Ok(outcomes)
    }
}
