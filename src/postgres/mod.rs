//! PostgreSQL: the connection pool and the schema every PostgreSQL backend shares.
//!
//! The backends (`store::postgres`, `vault::postgres`, `accounts::postgres`,
//! `sessions::postgres`, `blob::postgres`) share one [`Database`]: a few threads, each owning a
//! connection of the synchronous `postgres` client, that run the jobs they are handed. Why
//! threads rather than async connections: the vault, accounts and sessions are synchronous
//! traits (their SQLite backends block on a local file), and the synchronous client cannot run
//! on a Tokio worker (it blocks on its own runtime, which Tokio forbids inside another). Handing
//! a job to a pool thread and waiting for its answer works from any thread, in any runtime; the
//! event store's async methods await the answer instead of blocking. The ledger's writer and the
//! listener that follows other instances' commits hold connections of their own
//! ([`Database::dedicated`]).
//!
//! The schema is migrated at start-up ([`schema`]), under an advisory lock so that several
//! instances starting together migrate once.
//!
//! Connections are plain TCP or a Unix socket (`?host=/run/postgresql`), without TLS: run the
//! database on the same host or a private network, or tunnel it.

pub mod schema;

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

pub use postgres::Client;

/// A failed database operation.
pub type PgError = postgres::Error;

type Job = Box<dyn FnOnce(&mut Option<Client>) + Send>;

/// Connections this many threads hold, by default.
pub const DEFAULT_THREADS: usize = 4;

/// A PostgreSQL database: its address and a pool of connection threads.
#[derive(Clone)]
pub struct Database {
    config: postgres::Config,
    url: String,
    jobs: Arc<Mutex<mpsc::Sender<Job>>>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The URL may hold a password: show where, never how.
        f.debug_struct("Database")
            .field("hosts", &self.config.get_hosts())
            .field("dbname", &self.config.get_dbname())
            .finish()
    }
}

/// Why the database could not be reached or set up.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// The URL does not parse.
    #[error("bad PostgreSQL URL: {0}")]
    Url(String),
    /// The server refused or failed.
    #[error("PostgreSQL: {0}")]
    Database(#[from] PgError),
    /// A database opened for reading holds no Recourse schema of this version.
    #[error(
        "the database holds no Recourse ledger of this version (run `recourse init --store URL`, or `serve`, to create or migrate it)"
    )]
    NotRecourse,
    /// A pool thread could not be started.
    #[error("cannot start a PostgreSQL connection thread: {0}")]
    Thread(String),
}

impl Database {
    /// Connects to the database at `url` with `threads` pooled connections (at least one) and
    /// migrates its schema. Blocks: call it from a blocking thread, not a Tokio worker.
    pub fn connect(url: &str, threads: usize) -> Result<Database, ConnectError> {
        Self::open(url, threads, true)
    }

    /// Connects to a database that already holds a Recourse schema of this version, changing
    /// nothing (for reading only: `verify` pointed at the wrong database creates no tables).
    pub fn connect_existing(url: &str, threads: usize) -> Result<Database, ConnectError> {
        Self::open(url, threads, false)
    }

    fn open(url: &str, threads: usize, migrate: bool) -> Result<Database, ConnectError> {
        let config: postgres::Config = url
            .parse()
            .map_err(|e: PgError| ConnectError::Url(e.to_string()))?;
        // Connecting once here reports a bad address or password at start-up, plainly.
        let mut first = config.connect(postgres::NoTls)?;
        if migrate {
            schema::migrate(&mut first)?;
        } else if !schema::is_current(&mut first)? {
            return Err(ConnectError::NotRecourse);
        }
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let mut first = Some(first);
        for i in 0..threads.max(1) {
            let rx = rx.clone();
            let config = config.clone();
            let mut conn = if i == 0 { first.take() } else { None };
            std::thread::Builder::new()
                .name(format!("postgres-{i}"))
                .spawn(move || {
                    loop {
                        let job = {
                            let rx = rx.lock().unwrap_or_else(|e| e.into_inner());
                            match rx.recv() {
                                Ok(job) => job,
                                Err(_) => return,
                            }
                        };
                        if conn.as_ref().is_none_or(Client::is_closed) {
                            conn = config.connect(postgres::NoTls).ok();
                        }
                        job(&mut conn);
                    }
                })
                .map_err(|e| ConnectError::Thread(e.to_string()))?;
        }
        Ok(Database {
            config,
            url: url.to_string(),
            jobs: Arc::new(Mutex::new(tx)),
        })
    }

    /// The URL this database was opened with (it may hold a password: never log it).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// A new connection of its own, for a thread that holds one (the ledger writer, the
    /// listener). Blocks: call it from that thread.
    pub fn dedicated(&self) -> Result<Client, PgError> {
        self.config.connect(postgres::NoTls)
    }

    fn submit<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, PgError> + Send + 'static,
        reply: impl FnOnce(Result<T, PoolError>) + Send + 'static,
    ) {
        let config = self.config.clone();
        let job: Job = Box::new(move |conn: &mut Option<Client>| {
            let result = match conn {
                Some(c) => f(c).map_err(PoolError::Database),
                None => match config.connect(postgres::NoTls) {
                    Ok(c) => f(conn.insert(c)).map_err(PoolError::Database),
                    Err(e) => Err(PoolError::Database(e)),
                },
            };
            reply(result);
        });
        let sent = self
            .jobs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .send(job);
        if let Err(mpsc::SendError(job)) = sent {
            // Every pool thread has stopped: answer with no connection.
            job(&mut None);
        }
    }

    /// Runs `f` on a pooled connection and waits for its answer (blocks the calling thread).
    pub fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, PgError> + Send + 'static,
    ) -> Result<T, PoolError> {
        let (tx, rx) = mpsc::sync_channel(1);
        self.submit(f, move |r| {
            let _ = tx.send(r);
        });
        rx.recv().unwrap_or(Err(PoolError::Stopped))
    }

    /// Runs `f` on a pooled connection and awaits its answer.
    pub async fn run_async<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, PgError> + Send + 'static,
    ) -> Result<T, PoolError> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.submit(f, move |r| {
            let _ = tx.send(r);
        });
        rx.await.unwrap_or(Err(PoolError::Stopped))
    }
}

/// A pooled job that failed.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    /// The database failed, or could not be reached.
    #[error("PostgreSQL: {0}")]
    Database(#[from] PgError),
    /// The pool has stopped.
    #[error("the PostgreSQL connection pool has stopped")]
    Stopped,
}
