//! The ledger service at its simplest: create a ledger, open it, and append events signed by a
//! given key, re-reading the stream head and re-signing when another writer got there first.
//!
//! Domain commands (complaints, reviews) build on this: they decide which events to append; this
//! module turns them into signed, chained, durable entries.

use std::sync::Arc;

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
}

/// An open ledger.
#[derive(Clone)]
pub struct Ledger {
    store: Arc<dyn EventStore>,
    signer: LogSigner,
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
        let signer = dir.create(origin)?;
        let store: Arc<dyn EventStore> =
            Arc::from(store::open(&dir.store_url(), Some(signer.clone())).await?);
        let ledger = Ledger { store, signer };
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

    /// Opens an initialized data folder for reading and appending.
    pub async fn open(dir: &DataDir) -> Result<Ledger, LedgerError> {
        let signer = dir.signer()?;
        let store: Arc<dyn EventStore> =
            Arc::from(store::open(&dir.store_url(), Some(signer.clone())).await?);
        Ok(Ledger { store, signer })
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
            match self.store.append(vec![envelope.sign(key)?]).await {
                Err(StoreError::Conflict { .. }) if attempt < MAX_CONFLICT_RETRIES => attempt += 1,
                other => return Ok(other?),
            }
        }
    }
}
