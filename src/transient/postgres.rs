//! Transient state in the PostgreSQL database every server shares: one table, `transient`,
//! keyed by space and key, with an expiry in milliseconds. Expired rows are ignored by every
//! read and removed now and then by writes.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};

use super::{Space, TransientError, TransientStore, expiry, millis};
use crate::postgres::{Database, PoolError};

/// One write in this many also removes expired rows.
const SWEEP_EVERY: u32 = 256;

/// Transient state in PostgreSQL.
pub struct PgTransient {
    db: Database,
    writes: AtomicU32,
}

impl From<PoolError> for TransientError {
    fn from(e: PoolError) -> Self {
        TransientError(e.to_string())
    }
}

impl PgTransient {
    /// The transient state in `db` (its table is made by the migrations).
    pub fn new(db: Database) -> PgTransient {
        PgTransient {
            db,
            writes: AtomicU32::new(0),
        }
    }

    fn sweep_now_and_then(&self, now: i64) -> Result<(), TransientError> {
        if self
            .writes
            .fetch_add(1, Ordering::Relaxed)
            .is_multiple_of(SWEEP_EVERY)
        {
            self.db
                .run(move |c| c.execute("DELETE FROM transient WHERE expires <= $1", &[&now]))?;
        }
        Ok(())
    }
}

impl TransientStore for PgTransient {
    fn get(
        &self,
        space: Space,
        key: &[u8],
        now: SystemTime,
    ) -> Result<Option<Vec<u8>>, TransientError> {
        let (key, now) = (key.to_vec(), millis(now));
        Ok(self.db.run(move |c| {
            Ok(c.query_opt(
                "SELECT value FROM transient WHERE space = $1 AND key = $2 AND expires > $3",
                &[&space.as_str(), &key, &now],
            )?
            .map(|r| r.get(0)))
        })?)
    }

    fn put(
        &self,
        space: Space,
        key: &[u8],
        value: &[u8],
        now: SystemTime,
        ttl: Duration,
    ) -> Result<(), TransientError> {
        let (key, value, until) = (key.to_vec(), value.to_vec(), expiry(now, ttl));
        self.db.run(move |c| {
            c.execute(
                "INSERT INTO transient (space, key, value, expires) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (space, key) DO UPDATE SET value = excluded.value, expires = excluded.expires",
                &[&space.as_str(), &key, &value, &until],
            )
        })?;
        self.sweep_now_and_then(millis(now))
    }

    fn put_new(
        &self,
        space: Space,
        key: &[u8],
        value: &[u8],
        now: SystemTime,
        ttl: Duration,
    ) -> Result<bool, TransientError> {
        let (key, value, at, until) = (key.to_vec(), value.to_vec(), millis(now), expiry(now, ttl));
        // An expired row is taken over; a live one is left as it is (the upsert's WHERE).
        let set = self.db.run(move |c| {
            c.execute(
                "INSERT INTO transient (space, key, value, expires) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (space, key) DO UPDATE SET value = excluded.value, expires = excluded.expires
                 WHERE transient.expires <= $5",
                &[&space.as_str(), &key, &value, &until, &at],
            )
        })?;
        self.sweep_now_and_then(at)?;
        Ok(set == 1)
    }

    fn swap(
        &self,
        space: Space,
        key: &[u8],
        expected: &[u8],
        value: &[u8],
        now: SystemTime,
        ttl: Duration,
    ) -> Result<bool, TransientError> {
        let (key, expected, value) = (key.to_vec(), expected.to_vec(), value.to_vec());
        let (at, until) = (millis(now), expiry(now, ttl));
        let set = self.db.run(move |c| {
            c.execute(
                "UPDATE transient SET value = $4, expires = $5
                  WHERE space = $1 AND key = $2 AND value = $3 AND expires > $6",
                &[&space.as_str(), &key, &expected, &value, &until, &at],
            )
        })?;
        Ok(set == 1)
    }

    fn delete(&self, space: Space, key: &[u8]) -> Result<(), TransientError> {
        let key = key.to_vec();
        self.db.run(move |c| {
            c.execute(
                "DELETE FROM transient WHERE space = $1 AND key = $2",
                &[&space.as_str(), &key],
            )
        })?;
        Ok(())
    }
}
