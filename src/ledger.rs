//! The ledger service at its simplest: create a ledger, open it, and append events signed by a
//! given key, re-reading the stream head and re-signing when another writer got there first.
//!
//! Domain commands (complaints, reviews) build on this: they decide which events to append; this
//! module turns them into signed, chained, durable entries.
//!
//! The ledger also keeps the high-water mark ([`crate::mark`]): opening refuses a store that is
//! smaller than the mark or holds another tree at the mark's size (an older copy put back, a
//! checkpoint deleted), and every append returns only once the mark covers it. What the log
//! publishes as its checkpoint is the marked one, never a newer one not yet marked.

use std::sync::{Arc, RwLock};

use recourse_events::checkpoint::{Checkpoint, NoteVerifier};
use recourse_events::{Event, Hash};
use tokio::sync::Mutex as AsyncMutex;

use crate::mark::{MarkError, MarkFile, Marked};

use recourse_events::org::{self, LedgerInitialized};
use recourse_events::{Envelope, EventType, SecretKey, StreamId};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::data_dir::{DataDir, DataDirError};
use crate::store::{self, Appended, EventStore, LogSigner, StoreError};

/// Conflicts tolerated before an append gives up (each one means another writer appended to
/// the same stream in between).
const MAX_CONFLICT_RETRIES: usize = 16;

/// Why the ledger could not be opened or appended to.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// The data folder or its keys.
    #[error(transparent)]
    DataDir(#[from] DataDirError),
    /// The store.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// An event that cannot be signed (bad payload, too large).
    #[error("cannot sign event: {0}")]
    Envelope(#[from] recourse_events::envelope::EnvelopeError),
    /// The high-water mark file.
    #[error(transparent)]
    Mark(#[from] MarkError),
    /// The store is older than, or forked from, what this log already published.
    #[error("{0}")]
    RolledBack(String),
    /// Appends were stopped because verification found the stored ledger altered.
    #[error("the ledger accepts no appends: {0}")]
    Halted(String),
}

/// An open ledger.
#[derive(Clone)]
pub struct Ledger {
    store: Arc<dyn EventStore>,
    signer: LogSigner,
    mark: Arc<Mark>,
    /// Why appends are refused, once verification has failed.
    halted: Arc<RwLock<Option<String>>>,
}

/// The mark file with the checkpoint it holds, shared by every clone of a ledger.
struct Mark {
    verifier: NoteVerifier,
    /// Serializes mark writes; the file itself is written on a blocking thread.
    writing: AsyncMutex<()>,
    file: Arc<std::sync::Mutex<MarkFile>>,
    /// The published checkpoint: the latest one durably marked.
    published: RwLock<Option<Marked>>,
}

impl Mark {
    fn size(&self) -> u64 {
        self.published
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map_or(0, |m| m.checkpoint.size)
    }
}

impl Ledger {
    /// Creates the data folder, keys and database, and appends `ledger.initialized` now.
    pub async fn init(dir: &DataDir, origin: &str) -> Result<Ledger, LedgerError> {
        Self::init_at(dir, origin, jiff::Timestamp::now()).await
    }

    /// Like [`init`](Self::init), with the first event recorded at `at`.
    pub async fn init_at(
        dir: &DataDir,
        origin: &str,
        at: jiff::Timestamp,
    ) -> Result<Ledger, LedgerError> {
        let url = dir.store_url()?;
        let holds_a_ledger = match &url {
            store::StoreUrl::Sqlite(_) => false,
            store::StoreUrl::Postgres(_) => match store::open(&url, None).await {
                Ok(existing) => existing.size().await? > 0,
                // No schema yet: a new database.
                Err(StoreError::NotFound(_)) => false,
                Err(e) => return Err(e.into()),
            },
        };
        if holds_a_ledger {
            // A shared database that already holds a ledger: another server's folder is made
            // by copying a data folder (its keys), never by a second `init`.
            return Err(LedgerError::DataDir(DataDirError::AlreadyInitialized(
                "the PostgreSQL database".into(),
            )));
        }
        let signer = dir.create(origin)?;
        MarkFile::create(&dir.mark_path())?;
        let store: Arc<dyn EventStore> = Arc::from(store::open(&url, Some(signer.clone())).await?);
        let ledger = Self::with_mark(dir, store, signer).await?;
        let init = LedgerInitialized {
            origin: origin.into(),
            ledger_key: ledger.signer.key.public(),
        };
        let data = serde_json::to_value(init).expect("serializable");
        let key = ledger.signer.key.clone();
        ledger
            .append_at(&key, &StreamId::org(), org::LEDGER_INITIALIZED, data, at)
            .await?;
        Ok(ledger)
    }

    /// Opens an initialized data folder for reading and appending. Refuses a store the
    /// high-water mark shows to be rolled back or forked, or a folder without its mark.
    pub async fn open(dir: &DataDir) -> Result<Ledger, LedgerError> {
        let signer = dir.signer()?;
        let store: Arc<dyn EventStore> =
            Arc::from(store::open(&dir.store_url()?, Some(signer.clone())).await?);
        Self::with_mark(dir, store, signer).await
    }

    /// Replaces the high-water mark with the store's latest checkpoint: for an operator who
    /// has verified the ledger (`recourse verify --reset-mark`) and accepts it as it is, e.g.
    /// after restoring a backup on purpose.
    pub async fn reset_mark(dir: &DataDir, note: &str) -> Result<(), LedgerError> {
        let verifier = dir.verifier()?;
        let (checkpoint, _) = Checkpoint::open(note, &verifier)
            .map_err(|e| LedgerError::RolledBack(format!("checkpoint does not verify: {e}")))?;
        let path = dir.mark_path();
        let _ = std::fs::remove_file(&path);
        MarkFile::create(&path)?;
        MarkFile::open(&path, &verifier)?.write(Marked {
            checkpoint,
            note: note.to_string(),
        })?;
        Ok(())
    }

    async fn with_mark(
        dir: &DataDir,
        store: Arc<dyn EventStore>,
        signer: LogSigner,
    ) -> Result<Ledger, LedgerError> {
        let verifier = NoteVerifier::new(&signer.origin, signer.key.public())
            .map_err(|e| LedgerError::RolledBack(e.to_string()))?;
        let path = dir.mark_path();
        if !path.exists() {
            return Err(LedgerError::RolledBack(format!(
                "{} is missing: without its high-water mark the ledger cannot tell an older copy of the database from the real one. Run `recourse verify --reset-mark` to check the ledger and accept it as it is",
                path.display()
            )));
        }
        let file = MarkFile::open(&path, &verifier)?;
        let marked = file.latest().cloned();
        if let Some(m) = &marked {
            check_against_mark(store.as_ref(), &verifier, m).await?;
        }
        let mark = Arc::new(Mark {
            verifier,
            writing: AsyncMutex::new(()),
            file: Arc::new(std::sync::Mutex::new(file)),
            published: RwLock::new(marked),
        });
        let ledger = Ledger {
            store,
            signer,
            mark,
            halted: Arc::default(),
        };
        // A crash between a commit and its mark leaves the mark one commit behind.
        let size = ledger.store.size().await?;
        ledger.advance_mark(size).await?;
        Ok(ledger)
    }

    /// Refuses every later append (nothing more is signed on top of a ledger found altered).
    pub fn halt(&self, why: String) {
        *self.halted.write().unwrap_or_else(|e| e.into_inner()) = Some(why);
    }

    /// Why appends are refused, if they are.
    pub fn halted(&self) -> Option<String> {
        self.halted
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The checkpoint the log publishes: the latest durably marked one (note text).
    pub fn checkpoint(&self) -> Option<String> {
        self.published().map(|m| m.note)
    }

    /// The published checkpoint, parsed (its signature checked when it was marked).
    pub fn published(&self) -> Option<Marked> {
        self.mark
            .published
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The ledger's verifier key (its origin and public key).
    pub fn verifier(&self) -> &NoteVerifier {
        &self.mark.verifier
    }

    /// Appends signed events of one stream (see [`EventStore::append`]) and returns once they
    /// are durable and the high-water mark covers them.
    pub async fn append_events(&self, events: Vec<Event>) -> Result<Appended, LedgerError> {
        if let Some(why) = self.halted() {
            return Err(LedgerError::Halted(why));
        }
        let appended = self.store.append(events).await?;
        self.advance_mark(appended.tree_size).await?;
        Ok(appended)
    }

    /// Publishes what other processes sharing the store committed: marks the store's latest
    /// checkpoint once the store is checked to still hold the tree marked before (an instance
    /// never publishes a checkpoint that does not extend the one it published). A store found
    /// rewritten halts appends.
    pub async fn follow(&self) -> Result<(), LedgerError> {
        let size = self.store.size().await?;
        if size <= self.mark.size() {
            return Ok(());
        }
        if let Some(marked) = self.published()
            && let Err(e) =
                check_against_mark(self.store.as_ref(), &self.mark.verifier, &marked).await
        {
            self.halt(e.to_string());
            return Err(e);
        }
        self.advance_mark(size).await
    }

    /// Makes the mark cover at least `size` entries: one write serves every append that waits
    /// for it (the latest checkpoint covers them all).
    async fn advance_mark(&self, size: u64) -> Result<(), LedgerError> {
        if self.mark.size() >= size {
            return Ok(());
        }
        let _writing = self.mark.writing.lock().await;
        if self.mark.size() >= size {
            return Ok(());
        }
        let note =
            self.store.checkpoint().await?.ok_or_else(|| {
                LedgerError::RolledBack("the store has no checkpoint to mark".into())
            })?;
        let (checkpoint, _) = Checkpoint::open(&note, &self.mark.verifier).map_err(|e| {
            LedgerError::RolledBack(format!(
                "the store's latest checkpoint does not verify: {e}"
            ))
        })?;
        if checkpoint.size < size {
            return Err(LedgerError::RolledBack(format!(
                "the store's latest checkpoint covers {} entries, fewer than the {size} appended",
                checkpoint.size
            )));
        }
        let marked = Marked { checkpoint, note };
        let file = self.mark.file.clone();
        let written = marked.clone();
        tokio::task::spawn_blocking(move || {
            file.lock()
                .unwrap_or_else(|e| e.into_inner())
                .write(written)
        })
        .await
        .map_err(|e| LedgerError::Store(StoreError::Backend(e.to_string())))??;
        *self
            .mark
            .published
            .write()
            .unwrap_or_else(|e| e.into_inner()) = Some(marked);
        Ok(())
    }

    /// The store.
    pub fn store(&self) -> &Arc<dyn EventStore> {
        &self.store
    }

    /// The ledger key and origin.
    pub fn signer(&self) -> &LogSigner {
        &self.signer
    }

    /// Appends one event to `stream`, signed by `key`, as the stream's next event, now.
    pub async fn append(
        &self,
        key: &SecretKey,
        stream: &StreamId,
        kind: EventType,
        data: Value,
    ) -> Result<Appended, LedgerError> {
        self.append_at(key, stream, kind, data, jiff::Timestamp::now())
            .await
    }

    /// Like [`append`](Self::append), recorded at `at`.
    pub async fn append_at(
        &self,
        key: &SecretKey,
        stream: &StreamId,
        kind: EventType,
        data: Value,
        at: jiff::Timestamp,
    ) -> Result<Appended, LedgerError> {
        let data = match data {
            Value::Object(m) => m,
            Value::Null => Map::new(),
            other => Map::from_iter([("value".to_string(), other)]),
        };
        let mut attempt = 0;
        loop {
            let head = self.store.head(stream).await?;
            let envelope = Envelope {
                id: Uuid::now_v7(),
                stream: stream.clone(),
                seq: head.next_seq,
                kind: kind.clone(),
                at,
                actor: key.key_id(),
                prev: head.last,
                data: data.clone(),
            };
            match self.append_events(vec![envelope.sign(key)?]).await {
                Err(LedgerError::Store(StoreError::Conflict { .. }))
                    if attempt < MAX_CONFLICT_RETRIES =>
                {
                    attempt += 1
                }
                other => return other,
            }
        }
    }
}

/// The store must hold the marked tree: at least as many entries, and the same root at the
/// mark's size.
async fn check_against_mark(
    store: &dyn EventStore,
    verifier: &NoteVerifier,
    marked: &Marked,
) -> Result<(), LedgerError> {
    let m = &marked.checkpoint;
    let latest = match store.checkpoint().await? {
        Some(note) => {
            Checkpoint::open(&note, verifier)
                .map_err(|e| {
                    LedgerError::RolledBack(format!(
                        "the latest stored checkpoint does not verify: {e}"
                    ))
                })?
                .0
                .size
        }
        None => 0,
    };
    if latest < m.size {
        return Err(LedgerError::RolledBack(format!(
            "the ledger was rolled back: it holds a checkpoint of {latest} entries, but this log already published one of {} (the high-water mark). An older copy of the database was put back, or checkpoints were removed; restore the latest copy",
            m.size
        )));
    }
    let root: Hash = store.root(m.size).await.map_err(|e| {
        LedgerError::RolledBack(format!(
            "the ledger cannot give its root at the high-water mark's size {}: {e}",
            m.size
        ))
    })?;
    if root != m.root {
        return Err(LedgerError::RolledBack(format!(
            "the ledger holds a different tree of {} entries than the one this log already published (the high-water mark): it was forked or rewritten",
            m.size
        )));
    }
    Ok(())
}
