//! The backup file: one SQLite database holding a ledger's whole state except its keys.
//!
//! **Format** (`recourse-backup/1`). The file holds:
//!
//! - the embedded store's own tables (`entries`, `streams`, `tiles`, `checkpoints`, `meta`),
//!   written by the embedded store itself (`crate::store::sqlite`) through
//!   [`crate::transfer::copy`]: the ledger up to the checkpoint the backup was taken at, with
//!   the witnesses' cosignatures of checkpoints up to it (`cosignatures`). A copy
//!   of the file as `ledger.db` in a folder with the ledger's `ledger.vkey` passes
//!   `recourse verify --data FOLDER --reset-mark`, without the keys;
//! - `backup_header`, one row: `format`, `origin`, `size`, `checkpoint` (the signed note the
//!   backup was taken at), `created` (RFC 3339), and `digest`;
//! - `backup_vault_keys` (id, wrapped key), `backup_vault_destroyed` (id, when),
//!   `backup_vault_documents` (SHA-256 hex, sealed bytes): the vault's rows, wrapped under the
//!   master key as the vault stores them;
//! - `backup_accounts`: the staff accounts as stored (salts, keys sealed under passwords or
//!   set-up links, set-up lookups: nothing in clear);
//! - `backup_blobs` (case, attachment, sealed bytes): the attachments;
//! - `backup_files` (name, bytes): the organization's own reference documents (`reference/`).
//!
//! **What vouches for what.** The ledger tables are vouched for by the header's signed
//! checkpoint, checked on restore with the ledger key the operator provides (never with
//! anything in the file). The other tables are not signed: the `digest` (SHA-256 over the
//! header's other fields and every row of every `backup_*` table, in key order, each field
//! length-prefixed) catches a damaged or truncated file before anything is restored; an
//! altered wrapped key still fails to unwrap (the start-up check refuses it) and an altered
//! attachment fails its hash in the ledger. The digest is no defence against someone who can
//! rewrite the file: they can recompute it. Keep backups where only operators reach.
//!
//! **What it leaves out.** The ledger key, the master key and the web intake key: a backup
//! alone opens nothing, and restoring one needs the operator's separate copy of the keys.
//! Sessions: a restored system signs everyone out.
//!
//! **How it is written.** To a temporary name beside the destination, created with mode 0600
//! before SQLite opens it (it holds wrapped keys and password-sealed signing keys: nothing
//! opens them without the master key or the passwords, but it is still sensitive), switched to
//! a rollback journal so that it is one self-contained file, fsynced, renamed into place, and
//! the folder fsynced. A crash leaves the previous backup of that name as it was.
//!
//! **Consistent while the server runs.** The ledger is taken up to the latest checkpoint when
//! the backup starts, then the vault, accounts and attachments are read: the order that keeps
//! erased data erased and lets the restored system start (see [`crate::transfer`]). The file is
//! read back on restore with a read-only connection: restoring never writes to a backup.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use async_trait::async_trait;
use recourse_events::ids::{AttachmentId, CaseId};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::accounts::AccountRow;
use crate::blob::BlobKey;
use crate::store::{StoreError, StoredCosignature, StoredEntry};
use crate::transfer::{CosignedCheckpoint, Entries, State};
use crate::vault::VaultRows;

/// The format name in the header.
pub const FORMAT: &str = "recourse-backup/1";

const SCHEMA: &str = "
CREATE TABLE backup_header (
    format TEXT NOT NULL, origin TEXT NOT NULL, size INTEGER NOT NULL,
    checkpoint TEXT NOT NULL, created TEXT NOT NULL, digest BLOB NOT NULL
);
CREATE TABLE backup_vault_keys (id TEXT PRIMARY KEY, wrapped BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE backup_vault_destroyed (id TEXT PRIMARY KEY, at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE backup_vault_documents (hash TEXT PRIMARY KEY, bytes BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE backup_accounts (
    login TEXT PRIMARY KEY, staff TEXT NOT NULL, salt BLOB, sealed_key BLOB,
    setup_lookup BLOB, setup_sealed BLOB, setup_expires TEXT
) WITHOUT ROWID;
CREATE TABLE backup_blobs (
    case_id TEXT NOT NULL, attachment TEXT NOT NULL, bytes BLOB NOT NULL,
    PRIMARY KEY (case_id, attachment)
) WITHOUT ROWID;
CREATE TABLE backup_files (name TEXT PRIMARY KEY, bytes BLOB NOT NULL) WITHOUT ROWID;
";

/// Why a backup file could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// Not a Recourse backup at all (another file, another format).
    #[error("{path} is not a Recourse backup: {reason}")]
    NotABackup {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// A backup whose contents are damaged (truncated, altered, a failed disk).
    #[error("{path} is damaged: {reason}")]
    Damaged {
        /// The file.
        path: String,
        /// What was found.
        reason: String,
    },
    /// Reading or writing failed.
    #[error("{path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        reason: String,
    },
}

/// The header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The ledger's origin (its checkpoint name).
    pub origin: String,
    /// Entries in the backup.
    pub size: u64,
    /// The signed checkpoint the backup was taken at (note text).
    pub checkpoint: String,
    /// When the backup was taken (RFC 3339).
    pub created: String,
}

/// A backup file, open for writing (after the store has written its ledger tables) or for
/// reading (read-only).
pub struct BackupFile {
    path: PathBuf,
    conn: Arc<Mutex<Connection>>,
}

fn lock(conn: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    conn.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Creates `path` empty with mode 0600 (refusing one that exists), for SQLite to fill: the
/// permissions are right from the first byte.
pub fn create_private(path: &Path) -> Result<(), BackupError> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map(drop)
        .map_err(|e| io(path, e))
}

fn io(path: &Path, e: impl std::fmt::Display) -> BackupError {
    BackupError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

impl BackupFile {
    /// Adds the backup tables to the database at `path` (which the store has created).
    pub fn create(path: &Path) -> Result<BackupFile, BackupError> {
        let conn = Connection::open(path).map_err(|e| io(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| io(path, e))?;
        conn.execute_batch(SCHEMA).map_err(|e| io(path, e))?;
        Ok(BackupFile {
            path: path.to_path_buf(),
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Opens a backup read-only and checks it: SQLite's own page check, the format, and the
    /// digest over everything the signed checkpoint does not cover.
    pub fn open(path: &Path) -> Result<(BackupFile, Header), BackupError> {
        let not = |reason: String| BackupError::NotABackup {
            path: path.display().to_string(),
            reason,
        };
        let damaged = |reason: String| BackupError::Damaged {
            path: path.display().to_string(),
            reason,
        };
        if !path.is_file() {
            return Err(not("no such file".into()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not(e.to_string()))?;
        let check: Result<Vec<String>, rusqlite::Error> = conn
            .prepare("PRAGMA quick_check")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
        match check {
            Ok(lines) if lines == ["ok"] => {}
            Ok(lines) => return Err(damaged(lines.join("; "))),
            Err(rusqlite::Error::SqliteFailure(f, m))
                if f.code == rusqlite::ErrorCode::NotADatabase =>
            {
                return Err(not(m.unwrap_or_else(|| f.to_string())));
            }
            Err(e) => return Err(damaged(e.to_string())),
        }
        let row = conn
            .query_row(
                "SELECT format, origin, size, checkpoint, created, digest FROM backup_header",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, Vec<u8>>(5)?,
                    ))
                },
            )
            .optional();
        let (format, origin, size, checkpoint, created, digest) = match row {
            Ok(Some(r)) => r,
            Ok(None) => return Err(damaged("its header row is missing".into())),
            Err(rusqlite::Error::SqliteFailure(_, Some(m))) if m.contains("no such table") => {
                return Err(not(format!("it has no backup header ({m})")));
            }
            Err(e) => return Err(damaged(e.to_string())),
        };
        if format != FORMAT {
            return Err(not(format!("format {format:?}, expected {FORMAT:?}")));
        }
        let header = Header {
            origin,
            size: u64::try_from(size).map_err(|_| damaged(format!("size {size}")))?,
            checkpoint,
            created,
        };
        let file = BackupFile {
            path: path.to_path_buf(),
            conn: Arc::new(Mutex::new(conn)),
        };
        let actual = file.digest(&header).map_err(|e| damaged(e.to_string()))?;
        if actual.as_slice() != digest.as_slice() {
            return Err(damaged(
                "its contents do not match the digest in its header (altered or damaged)".into(),
            ));
        }
        Ok((file, header))
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// SHA-256 over the header's fields and every backup row, in key order.
    fn digest(&self, header: &Header) -> Result<[u8; 32], rusqlite::Error> {
        let mut h = Sha256::new();
        let mut field = |bytes: Option<&[u8]>| match bytes {
            Some(b) => {
                h.update((b.len() as u64).to_le_bytes());
                h.update(b);
            }
            None => h.update(u64::MAX.to_le_bytes()),
        };
        for f in [
            FORMAT,
            &header.origin,
            &header.size.to_string(),
            &header.checkpoint,
            &header.created,
        ] {
            field(Some(f.as_bytes()));
        }
        let conn = lock(&self.conn);
        for (table, columns, order) in [
            ("backup_vault_keys", "id, wrapped", "id"),
            ("backup_vault_destroyed", "id, at", "id"),
            ("backup_vault_documents", "hash, bytes", "hash"),
            (
                "backup_accounts",
                "login, staff, salt, sealed_key, setup_lookup, setup_sealed, setup_expires",
                "login",
            ),
            (
                "backup_blobs",
                "case_id, attachment, bytes",
                "case_id, attachment",
            ),
            ("backup_files", "name, bytes", "name"),
        ] {
            field(Some(table.as_bytes()));
            let mut stmt =
                conn.prepare(&format!("SELECT {columns} FROM {table} ORDER BY {order}"))?;
            let n = stmt.column_count();
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                for i in 0..n {
                    use rusqlite::types::ValueRef;
                    match row.get_ref(i)? {
                        ValueRef::Null => field(None),
                        ValueRef::Text(t) | ValueRef::Blob(t) => field(Some(t)),
                        ValueRef::Integer(v) => field(Some(&v.to_le_bytes())),
                        ValueRef::Real(v) => field(Some(&v.to_le_bytes())),
                    }
                }
            }
        }
        Ok(h.finalize().into())
    }

    /// Stores the organization's own reference documents.
    pub fn put_files(&self, files: &[(String, Vec<u8>)]) -> Result<(), BackupError> {
        let mut conn = lock(&self.conn);
        let tx = conn.transaction().map_err(|e| io(&self.path, e))?;
        for (name, bytes) in files {
            tx.execute(
                "INSERT INTO backup_files (name, bytes) VALUES (?1, ?2)",
                params![name, bytes],
            )
            .map_err(|e| io(&self.path, e))?;
        }
        tx.commit().map_err(|e| io(&self.path, e))
    }

    /// The organization's own reference documents.
    pub fn files(&self) -> Result<Vec<(String, Vec<u8>)>, BackupError> {
        let conn = lock(&self.conn);
        let mut stmt = conn
            .prepare("SELECT name, bytes FROM backup_files ORDER BY name")
            .map_err(|e| io(&self.path, e))?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| io(&self.path, e))
    }

    /// Writes the header (with the digest of everything written), makes the file one
    /// self-contained database, and closes it. Every other connection must be closed.
    pub fn finish(self, header: &Header) -> Result<(), BackupError> {
        let digest = self.digest(header).map_err(|e| io(&self.path, e))?;
        let conn = lock(&self.conn);
        conn.execute(
            "INSERT INTO backup_header (format, origin, size, checkpoint, created, digest) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                FORMAT,
                header.origin,
                i64::try_from(header.size).unwrap_or(i64::MAX),
                header.checkpoint,
                header.created,
                digest.as_slice()
            ],
        )
        .map_err(|e| io(&self.path, e))?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .map_err(|e| io(&self.path, e))?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(io(
                &self.path,
                format!("could not leave WAL mode (still {mode}): is another process using it?"),
            ));
        }
        drop(conn);
        drop(self.conn);
        File::open(&self.path)
            .and_then(|f| f.sync_all())
            .map_err(|e| io(&self.path, e))
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, rusqlite::Error>,
    ) -> Result<T, String> {
        f(&mut lock(&self.conn)).map_err(|e| format!("{}: {e}", self.path.display()))
    }
}

fn to_blob_key(case: &str, attachment: &str) -> Result<BlobKey, rusqlite::Error> {
    let bad = || {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("bad attachment key {case}/{attachment}").into(),
        )
    };
    Ok(BlobKey {
        case: case.parse::<CaseId>().map_err(|_| bad())?,
        attachment: AttachmentId(attachment.parse().map_err(|_| bad())?),
    })
}

#[async_trait]
impl Entries for BackupFile {
    async fn checkpoint(&self) -> Result<Option<String>, StoreError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            lock(&conn)
                .query_row("SELECT checkpoint FROM backup_header", [], |r| r.get(0))
                .optional()
                .map_err(|e| StoreError::Backend(e.to_string()))
        })
        .await
        .map_err(|e| StoreError::Backend(e.to_string()))?
    }

    async fn cosigned(
        &self,
        after: u64,
        limit: usize,
    ) -> Result<Vec<CosignedCheckpoint>, StoreError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let conn = lock(&conn);
            // A backup made before witnesses existed has no cosignatures table.
            let tables: i64 = conn.query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'cosignatures'",
                [],
                |r| r.get(0),
            )?;
            if tables == 0 {
                return Ok(Vec::new());
            }
            let mut stmt = conn.prepare_cached(
                "SELECT c.size, k.note, c.witness, c.line, c.timestamp FROM cosignatures c
                 LEFT JOIN checkpoints k ON k.size = c.size
                 WHERE c.size IN (SELECT DISTINCT size FROM cosignatures WHERE size > ?1 ORDER BY size LIMIT ?2)
                 ORDER BY c.size, c.witness",
            )?;
            let rows = stmt.query_map(
                params![
                    i64::try_from(after).unwrap_or(i64::MAX),
                    i64::try_from(limit).unwrap_or(i64::MAX)
                ],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, i64>(4)?,
                    ))
                },
            )?;
            let mut out: Vec<CosignedCheckpoint> = Vec::new();
            for row in rows {
                let (size, note, witness, line, timestamp) = row?;
                let (Ok(size), Ok(timestamp)) = (u64::try_from(size), u64::try_from(timestamp))
                else {
                    return Err(StoreError::Corrupt(format!(
                        "a cosignature row says size {size}, time {timestamp}"
                    )));
                };
                let cosignature = StoredCosignature {
                    witness,
                    line,
                    timestamp,
                };
                match out.last_mut() {
                    Some(cp) if cp.size == size => cp.cosignatures.push(cosignature),
                    _ => out.push(CosignedCheckpoint {
                        size,
                        note,
                        cosignatures: vec![cosignature],
                    }),
                }
            }
            Ok(out)
        })
        .await
        .map_err(|e| StoreError::Backend(e.to_string()))?
    }

    async fn read_from(&self, position: u64, limit: usize) -> Result<Vec<StoredEntry>, StoreError> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let conn = lock(&conn);
            let mut stmt = conn.prepare_cached(
                "SELECT position, entry FROM entries WHERE position >= ?1 ORDER BY position LIMIT ?2",
            )?;
            let rows = stmt.query_map(
                params![
                    i64::try_from(position).unwrap_or(i64::MAX),
                    i64::try_from(limit).unwrap_or(i64::MAX)
                ],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)),
            )?;
            let mut out = Vec::new();
            for row in rows {
                let (p, entry) = row?;
                let position = u64::try_from(p)
                    .map_err(|_| StoreError::Corrupt(format!("negative position {p}")))?;
                out.push(StoredEntry {
                    position,
                    entry,
                    link: None,
                });
            }
            Ok(out)
        })
        .await
        .map_err(|e| StoreError::Backend(e.to_string()))?
    }
}

impl State for BackupFile {
    fn vault_rows(&self) -> Result<VaultRows, String> {
        self.with(|c| {
            let pairs = |sql: &str| -> Result<Vec<(String, Vec<u8>)>, rusqlite::Error> {
                c.prepare(sql)?
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect()
            };
            let keys = pairs("SELECT id, wrapped FROM backup_vault_keys ORDER BY id")?;
            let documents = pairs("SELECT hash, bytes FROM backup_vault_documents ORDER BY hash")?;
            let destroyed = c
                .prepare("SELECT id, at FROM backup_vault_destroyed ORDER BY id")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            Ok(VaultRows {
                keys,
                destroyed,
                documents,
            })
        })
    }

    fn put_vault_rows(&self, rows: &VaultRows) -> Result<(), String> {
        self.with(|c| {
            let tx = c.transaction()?;
            for (id, wrapped) in &rows.keys {
                tx.execute(
                    "INSERT INTO backup_vault_keys (id, wrapped) VALUES (?1, ?2)",
                    params![id, wrapped],
                )?;
            }
            for (id, at) in &rows.destroyed {
                tx.execute(
                    "INSERT INTO backup_vault_destroyed (id, at) VALUES (?1, ?2)",
                    params![id, at],
                )?;
            }
            for (hash, bytes) in &rows.documents {
                tx.execute(
                    "INSERT INTO backup_vault_documents (hash, bytes) VALUES (?1, ?2)",
                    params![hash, bytes],
                )?;
            }
            tx.commit()
        })
    }

    fn account_rows(&self) -> Result<Vec<AccountRow>, String> {
        self.with(|c| {
            c.prepare(
                "SELECT login, staff, salt, sealed_key, setup_lookup, setup_sealed, setup_expires FROM backup_accounts ORDER BY login",
            )?
            .query_map([], |r| {
                Ok(AccountRow {
                    login: r.get(0)?,
                    staff: r.get(1)?,
                    salt: r.get(2)?,
                    sealed_key: r.get(3)?,
                    setup_lookup: r.get(4)?,
                    setup_sealed: r.get(5)?,
                    setup_expires: r.get(6)?,
                })
            })?
            .collect()
        })
    }

    fn put_account_rows(&self, rows: &[AccountRow]) -> Result<(), String> {
        self.with(|c| {
            let tx = c.transaction()?;
            for a in rows {
                tx.execute(
                    "INSERT INTO backup_accounts (login, staff, salt, sealed_key, setup_lookup, setup_sealed, setup_expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        a.login,
                        a.staff,
                        a.salt,
                        a.sealed_key,
                        a.setup_lookup,
                        a.setup_sealed,
                        a.setup_expires
                    ],
                )?;
            }
            tx.commit()
        })
    }

    fn blob_keys(&self) -> Result<Vec<BlobKey>, String> {
        self.with(|c| {
            let pairs: Vec<(String, String)> = c
                .prepare(
                    "SELECT case_id, attachment FROM backup_blobs ORDER BY case_id, attachment",
                )?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            pairs.iter().map(|(c, a)| to_blob_key(c, a)).collect()
        })
    }

    fn blob(&self, key: &BlobKey) -> Result<Option<Vec<u8>>, String> {
        self.with(|c| {
            c.query_row(
                "SELECT bytes FROM backup_blobs WHERE case_id = ?1 AND attachment = ?2",
                params![key.case.to_string(), key.attachment.0.to_string()],
                |r| r.get(0),
            )
            .optional()
        })
    }

    fn put_blob(&self, key: &BlobKey, bytes: &[u8]) -> Result<(), String> {
        self.with(|c| {
            c.execute(
                "INSERT INTO backup_blobs (case_id, attachment, bytes) VALUES (?1, ?2, ?3)",
                params![key.case.to_string(), key.attachment.0.to_string(), bytes],
            )
            .map(drop)
        })
    }
}
