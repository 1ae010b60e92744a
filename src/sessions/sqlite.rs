//! Sessions in a SQLite file (`sessions.db` in the data folder), shared by every server process
//! that opens it.
//!
//! A row holds the token's SHA-256 (the lookup), the staff member, when the session started
//! and was last used, and the session's secrets (the signing key's seed and the CSRF token)
//! sealed with XChaCha20-Poly1305 under a key derived from the token with another domain
//! (`SHA-256("recourse/session-key/v1\n" || token)`), bound to the lookup and the staff member
//! (the sealing every persistent backend shares, in [`super::seal`]).
//! The file therefore holds nothing that opens a signing key without the cookie: someone who
//! copies it learns who is signed in, and no more. A row whose seal does not open (altered, or
//! moved to another lookup or person) is no session.
//!
//! The last use is written at most once a [`TOUCH`]: a busy session costs a write a minute, not
//! one per request. Writes are synced in WAL mode without a full sync: a power cut may lose the
//! last sessions started, whose owners then sign in again; it never keeps one that ended.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use jiff::{SignedDuration, Timestamp};
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use rusqlite::{Connection, OptionalExtension, params};

use super::seal::{at, before, millis, open, seal};
use super::{IDLE, Session, SessionError, SessionStore, Span, lookup, new_token};
use crate::service::Clock;

pub use super::seal::TOUCH;

/// Sessions in a SQLite file.
pub struct SqliteSessions {
    conn: Mutex<Connection>,
    lifetime: SignedDuration,
    clock: Arc<dyn Clock>,
}

impl SqliteSessions {
    /// Opens (creating if needed) the sessions database at `path`; each session lasts at most
    /// `lifetime` from sign-in, by `clock`.
    pub fn open(
        path: &Path,
        lifetime: SignedDuration,
        clock: Arc<dyn Clock>,
    ) -> Result<SqliteSessions, SessionError> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS sessions (
                lookup BLOB PRIMARY KEY,
                staff TEXT NOT NULL,
                sealed BLOB NOT NULL,
                started INTEGER NOT NULL,
                last_seen INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS sessions_by_staff ON sessions (staff);",
        )?;
        Ok(SqliteSessions {
            conn: Mutex::new(conn),
            lifetime,
            clock,
        })
    }

    /// The connection, recovered if a panic poisoned its lock (every write is one statement).
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Deletes sessions expired at `now`.
    fn sweep(
        conn: &Connection,
        now: Timestamp,
        lifetime: SignedDuration,
    ) -> Result<usize, SessionError> {
        Ok(conn.execute(
            "DELETE FROM sessions WHERE last_seen <= ?1 OR started <= ?2",
            params![before(now, IDLE), before(now, lifetime)],
        )?)
    }
}

impl SessionStore for SqliteSessions {
    fn begin(&self, staff: StaffId, key: SecretKey) -> Result<String, SessionError> {
        let token = new_token();
        let sealed = seal(&token, staff, &key, &new_token())?;
        let now = self.clock.now();
        let conn = self.conn();
        Self::sweep(&conn, now, self.lifetime)?;
        conn.execute(
            "INSERT INTO sessions (lookup, staff, sealed, started, last_seen) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![lookup(&token).to_vec(), staff.to_string(), sealed, millis(now)],
        )?;
        Ok(token)
    }

    fn find(&self, token: &str) -> Result<Option<Session>, SessionError> {
        let now = self.clock.now();
        let key = lookup(token).to_vec();
        let conn = self.conn();
        let row: Option<(String, Vec<u8>, i64, i64)> = conn
            .query_row(
                "SELECT staff, sealed, started, last_seen FROM sessions WHERE lookup = ?1",
                [&key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((staff, sealed, started, last_seen)) = row else {
            return Ok(None);
        };
        let span = Span {
            started: at(started),
            last_seen: at(last_seen),
        };
        if !span.live(now, self.lifetime) {
            conn.execute("DELETE FROM sessions WHERE lookup = ?1", [&key])?;
            return Ok(None);
        }
        let Ok(staff) = staff.parse::<StaffId>() else {
            return Ok(None);
        };
        let Some((signing, csrf)) = open(token, staff, &sealed) else {
            return Ok(None);
        };
        if now.duration_since(span.last_seen) >= TOUCH {
            conn.execute(
                "UPDATE sessions SET last_seen = ?2 WHERE lookup = ?1",
                params![key, millis(now)],
            )?;
        }
        Ok(Some(Session {
            staff,
            key: signing,
            csrf,
        }))
    }

    fn finish(&self, token: &str) -> Result<(), SessionError> {
        self.conn().execute(
            "DELETE FROM sessions WHERE lookup = ?1",
            [lookup(token).to_vec()],
        )?;
        Ok(())
    }

    fn end_all(&self, staff: StaffId) -> Result<(), SessionError> {
        self.conn()
            .execute("DELETE FROM sessions WHERE staff = ?1", [staff.to_string()])?;
        Ok(())
    }

    fn end_others(&self, staff: StaffId, keep: &str) -> Result<(), SessionError> {
        self.conn().execute(
            "DELETE FROM sessions WHERE staff = ?1 AND lookup <> ?2",
            params![staff.to_string(), lookup(keep).to_vec()],
        )?;
        Ok(())
    }

    fn cleanup(&self) -> Result<usize, SessionError> {
        Self::sweep(&self.conn(), self.clock.now(), self.lifetime)
    }

    fn count(&self) -> Result<usize, SessionError> {
        let now = self.clock.now();
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM sessions WHERE last_seen > ?1 AND started > ?2",
            params![before(now, IDLE), before(now, self.lifetime)],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}
