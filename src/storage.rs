//! The state behind one URL: the key vault, the blob store, staff accounts and sessions, picked
//! in one place from the store URL that also picks the event store.
//!
//! - `sqlite://...`: each is a file of the data folder, as ever (`vault.db` and `evidence/`,
//!   `accounts.db`, `sessions.db`), and belongs to the one server process that uses the folder
//!   (other processes on the same machine share the files).
//! - `postgres://...`: all four are tables of that database (migration 2 of
//!   [`crate::postgres::schema`]), over one [`Database`] pool. Several server instances, each
//!   with its own data folder holding copies of the same keys, then share everything: an
//!   instance keeps nothing on its local disk that another would need, and nothing in memory
//!   that another could contradict (no unwrapped data key, no session). The signing keys and
//!   the master key stay in the data folder's files, outside the database, so that the
//!   database (and its backups) never holds what opens the vault.
//!
//! The service opens a [`Storage`] when it starts ([`crate::service::Service`] keeps it, for
//! the vault and blobs it uses itself) and the web server asks it for accounts and sessions
//! ([`Storage::accounts`], [`Storage::sessions`]): the lifetime of a session is the web's
//! setting, and its clock the service's.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::SignedDuration;

use crate::accounts::{AccountError, AccountStore, PgAccounts, SqliteAccounts};
use crate::blob::{BlobError, BlobStore, FsBlobStore, PgBlobStore};
use crate::data_dir::{DataDir, DataDirError};
use crate::postgres::{ConnectError, DEFAULT_THREADS, Database, PoolError};
use crate::service::Clock;
use crate::sessions::{PgSessions, SessionError, SessionStore, SqliteSessions};
use crate::store::StoreUrl;
use crate::transient::{MemoryTransient, PgTransient, TransientStore};
use crate::vault::{KeyVault, PgVault, SqliteVault, VaultError};

/// Why the state could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The data folder (the master key).
    #[error(transparent)]
    DataDir(#[from] DataDirError),
    /// The PostgreSQL database could not be reached or migrated.
    #[error(transparent)]
    Connect(#[from] ConnectError),
    /// The vault.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The blob store.
    #[error(transparent)]
    Blob(#[from] BlobError),
}

/// Where the state lives, for what is opened on demand.
#[derive(Clone)]
enum Backing {
    /// Files of the data folder.
    Files {
        accounts: PathBuf,
        sessions: PathBuf,
    },
    /// One PostgreSQL database (its address and pool; boxed, being the larger).
    Postgres(Box<Database>),
}

/// The vault, blobs, accounts and sessions of one data folder and store URL.
#[derive(Clone)]
pub struct Storage {
    vault: Arc<dyn KeyVault>,
    blobs: Arc<dyn BlobStore>,
    backing: Backing,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.backing {
            Backing::Files { .. } => f.write_str("Storage(files)"),
            Backing::Postgres(db) => write!(f, "Storage({db:?})"),
        }
    }
}

impl Storage {
    /// Opens the state of `dir` that `url` names: the data folder's files for a SQLite URL, the
    /// database's tables (connected and migrated here, on a blocking thread) for a PostgreSQL
    /// one. The master key is read from `dir` in both cases.
    pub async fn open(dir: &DataDir, url: &StoreUrl) -> Result<Storage, StorageError> {
        let master = dir.master_key()?;
        match url {
            StoreUrl::Sqlite(_) => Ok(Storage {
                vault: Arc::new(SqliteVault::open(&dir.vault_path(), &master)?),
                blobs: Arc::new(FsBlobStore::open(&dir.evidence_path())?),
                backing: Backing::Files {
                    accounts: dir.accounts_path(),
                    sessions: dir.sessions_path(),
                },
            }),
            StoreUrl::Postgres(url) => {
                let url = url.clone();
                let db =
                    tokio::task::spawn_blocking(move || Database::connect(&url, DEFAULT_THREADS))
                        .await
                        .map_err(|e| ConnectError::Thread(e.to_string()))??;
                Ok(Self::on_database(db, &master))
            }
        }
    }

    /// The state in an open database (for tests, and for a caller that holds the pool).
    pub fn on_database(db: Database, master_key: &[u8; 32]) -> Storage {
        Storage {
            vault: Arc::new(PgVault::open(db.clone(), master_key)),
            blobs: Arc::new(PgBlobStore::open(db.clone())),
            backing: Backing::Postgres(Box::new(db)),
        }
    }

    /// The key vault.
    pub fn vault(&self) -> Arc<dyn KeyVault> {
        self.vault.clone()
    }

    /// The blob store.
    pub fn blobs(&self) -> Arc<dyn BlobStore> {
        self.blobs.clone()
    }

    /// The staff accounts (`accounts.db` is opened, and created if needed, by this call).
    pub fn accounts(&self) -> Result<Arc<dyn AccountStore>, AccountError> {
        Ok(match &self.backing {
            Backing::Files { accounts, .. } => Arc::new(SqliteAccounts::open(accounts)?),
            Backing::Postgres(db) => Arc::new(PgAccounts::open(Database::clone(db))),
        })
    }

    /// The staff sessions, each lasting at most `lifetime` from sign-in by `clock`.
    pub fn sessions(
        &self,
        lifetime: SignedDuration,
        clock: Arc<dyn Clock>,
    ) -> Result<Arc<dyn SessionStore>, SessionError> {
        Ok(match &self.backing {
            Backing::Files { sessions, .. } => {
                Arc::new(SqliteSessions::open(sessions, lifetime, clock)?)
            }
            Backing::Postgres(db) => {
                Arc::new(PgSessions::open(Database::clone(db), lifetime, clock))
            }
        })
    }

    /// The web's short-lived state (tracking visits, drafts): this process's memory beside
    /// the data folder's files, the shared database on PostgreSQL (any instance answers a
    /// client's next request).
    pub fn transient(&self) -> Arc<dyn TransientStore> {
        match &self.backing {
            Backing::Files { .. } => Arc::new(MemoryTransient::default()),
            Backing::Postgres(db) => Arc::new(PgTransient::new(Database::clone(db))),
        }
    }

    /// The PostgreSQL database behind this state, if it is one.
    pub fn database(&self) -> Option<&Database> {
        match &self.backing {
            Backing::Files { .. } => None,
            Backing::Postgres(db) => Some(db),
        }
    }
}

/// A PostgreSQL failure, said for an error message or a log: the server's severity and message
/// (which name tables and constraints, not values), never its detail (which may quote a row).
pub fn pg_message(e: &PoolError) -> String {
    match e {
        PoolError::Database(e) => match e.as_db_error() {
            Some(db) => format!("PostgreSQL: {}: {}", db.severity(), db.message()),
            None => format!("PostgreSQL: {e}"),
        },
        PoolError::Stopped => e.to_string(),
    }
}
