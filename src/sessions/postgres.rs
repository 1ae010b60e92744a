//! Sessions in the shared PostgreSQL database (the `sessions` table of migration 2 of
//! [`crate::postgres::schema`]), so that a staff member signed in through one server instance
//! is signed in on all of them, and signed out of all of them at once.
//!
//! Rows are those of `sessions.db`: the token's SHA-256, the staff member, when the session
//! started and was last used (milliseconds), and the session's secrets sealed under a key
//! derived from the token ([`super::seal`], shared with the SQLite backend): the table holds
//! nothing that opens a signing key without the cookie. No instance caches a session: every
//! request reads its row, so an ending (sign-out, a password reset, a departure) committed by
//! one instance holds on every other from its next request. The last use is written at most
//! once a [`TOUCH`], as for SQLite.

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;

use super::seal::{TOUCH, at, before, millis, open, seal};
use super::{IDLE, Session, SessionError, SessionStore, Span, lookup, new_token};
use crate::postgres::{Client, Database, PgError, PoolError};
use crate::service::Clock;

impl From<PoolError> for SessionError {
    fn from(e: PoolError) -> Self {
        SessionError::Storage(crate::storage::pg_message(&e))
    }
}

/// Sessions in a PostgreSQL database.
pub struct PgSessions {
    db: Database,
    lifetime: SignedDuration,
    clock: Arc<dyn Clock>,
}

/// Deletes sessions expired at `now`; how many.
fn sweep(c: &mut Client, now: Timestamp, lifetime: SignedDuration) -> Result<u64, PgError> {
    c.execute(
        "DELETE FROM sessions WHERE last_seen <= $1 OR started <= $2",
        &[&before(now, IDLE), &before(now, lifetime)],
    )
}

impl PgSessions {
    /// The sessions in `db` (migrated by [`Database::connect`]); each lasts at most `lifetime`
    /// from sign-in, by `clock`.
    pub fn open(db: Database, lifetime: SignedDuration, clock: Arc<dyn Clock>) -> PgSessions {
        PgSessions {
            db,
            lifetime,
            clock,
        }
    }
}

impl SessionStore for PgSessions {
    fn begin(&self, staff: StaffId, key: SecretKey) -> Result<String, SessionError> {
        let token = new_token();
        let sealed = seal(&token, staff, &key, &new_token())?;
        let (now, lifetime) = (self.clock.now(), self.lifetime);
        let key = lookup(&token).to_vec();
        self.db.run(move |c| {
            sweep(c, now, lifetime)?;
            c.execute(
                "INSERT INTO sessions (lookup, staff, sealed, started, last_seen)
                 VALUES ($1, $2, $3, $4, $4)",
                &[&key, &staff.to_string(), &sealed, &millis(now)],
            )
        })?;
        Ok(token)
    }

    fn find(&self, token: &str) -> Result<Option<Session>, SessionError> {
        let now = self.clock.now();
        let key = lookup(token).to_vec();
        let k = key.clone();
        let row: Option<(String, Vec<u8>, i64, i64)> = self.db.run(move |c| {
            Ok(c.query_opt(
                "SELECT staff, sealed, started, last_seen FROM sessions WHERE lookup = $1",
                &[&k],
            )?
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3))))
        })?;
        let Some((staff, sealed, started, last_seen)) = row else {
            return Ok(None);
        };
        let span = Span {
            started: at(started),
            last_seen: at(last_seen),
        };
        if !span.live(now, self.lifetime) {
            self.db
                .run(move |c| c.execute("DELETE FROM sessions WHERE lookup = $1", &[&key]))?;
            return Ok(None);
        }
        let Ok(staff) = staff.parse::<StaffId>() else {
            return Ok(None);
        };
        let Some((signing, csrf)) = open(token, staff, &sealed) else {
            return Ok(None);
        };
        if now.duration_since(span.last_seen) >= TOUCH {
            // Only moves forward: another instance's later touch is not undone.
            self.db.run(move |c| {
                c.execute(
                    "UPDATE sessions SET last_seen = $2 WHERE lookup = $1 AND last_seen < $2",
                    &[&key, &millis(now)],
                )
            })?;
        }
        Ok(Some(Session {
            staff,
            key: signing,
            csrf,
        }))
    }

    fn finish(&self, token: &str) -> Result<(), SessionError> {
        let key = lookup(token).to_vec();
        self.db
            .run(move |c| c.execute("DELETE FROM sessions WHERE lookup = $1", &[&key]))?;
        Ok(())
    }

    fn end_all(&self, staff: StaffId) -> Result<(), SessionError> {
        self.db.run(move |c| {
            c.execute(
                "DELETE FROM sessions WHERE staff = $1",
                &[&staff.to_string()],
            )
        })?;
        Ok(())
    }

    fn end_others(&self, staff: StaffId, keep: &str) -> Result<(), SessionError> {
        let keep = lookup(keep).to_vec();
        self.db.run(move |c| {
            c.execute(
                "DELETE FROM sessions WHERE staff = $1 AND lookup <> $2",
                &[&staff.to_string(), &keep],
            )
        })?;
        Ok(())
    }

    fn cleanup(&self) -> Result<usize, SessionError> {
        let (now, lifetime) = (self.clock.now(), self.lifetime);
        let n = self.db.run(move |c| sweep(c, now, lifetime))?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    fn count(&self) -> Result<usize, SessionError> {
        let (now, lifetime) = (self.clock.now(), self.lifetime);
        let n: i64 = self.db.run(move |c| {
            c.query_one(
                "SELECT count(*) FROM sessions WHERE last_seen > $1 AND started > $2",
                &[&before(now, IDLE), &before(now, lifetime)],
            )
            .map(|r| r.get(0))
        })?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}
