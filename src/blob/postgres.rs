//! The blob store in the shared PostgreSQL database: the `blobs` table of migration 2 of
//! [`crate::postgres::schema`], one row per attachment with its sealed bytes, so that a file
//! uploaded through one server instance opens through every other.
//!
//! `put` returns once its transaction has committed (durable as the database's commits are:
//! with `synchronous_commit` on, after the WAL is flushed), so the order of writes the service
//! relies on (a blob durable before its ledger entry) holds. A row holds bytes the vault sealed
//! under the case's data key: the database never sees a file in clear, and what it gives back is
//! checked against the hash in the signed entry before use. Erasure destroys the data key
//! (which makes every copy useless, including those in the WAL and in backups) and then deletes
//! the case's rows ([`BlobStore::delete_case`]); the space is reclaimed by autovacuum.
//!
//! A blob's age (for removing blobs no entry vouches for) is measured by the database's clock,
//! from when it was stored: one clock for every instance.

use recourse_events::ids::{AttachmentId, CaseId};

use super::{BlobError, BlobKey, BlobStore};
use crate::postgres::{Database, PoolError};

impl From<PoolError> for BlobError {
    fn from(e: PoolError) -> Self {
        BlobError::Storage(crate::storage::pg_message(&e))
    }
}

/// Blobs as rows of a PostgreSQL table.
pub struct PgBlobStore {
    db: Database,
}

impl PgBlobStore {
    /// The blob store in `db` (migrated by [`Database::connect`]).
    pub fn open(db: Database) -> PgBlobStore {
        PgBlobStore { db }
    }
}

impl BlobStore for PgBlobStore {
    fn put(&self, key: &BlobKey, bytes: &[u8]) -> Result<(), BlobError> {
        let (case, attachment) = (key.case.to_string(), key.attachment.to_string());
        let bytes = bytes.to_vec();
        self.db.run(move |c| {
            c.execute(
                "INSERT INTO blobs (case_id, attachment, sealed) VALUES ($1, $2, $3)
                 ON CONFLICT (case_id, attachment)
                 DO UPDATE SET sealed = EXCLUDED.sealed, stored_at = now()",
                &[&case, &attachment, &bytes],
            )
        })?;
        Ok(())
    }

    fn get(&self, key: &BlobKey) -> Result<Vec<u8>, BlobError> {
        let (case, attachment) = (key.case.to_string(), key.attachment.to_string());
        let bytes: Option<Vec<u8>> = self.db.run(move |c| {
            Ok(c.query_opt(
                "SELECT sealed FROM blobs WHERE case_id = $1 AND attachment = $2",
                &[&case, &attachment],
            )?
            .map(|r| r.get(0)))
        })?;
        bytes.ok_or(BlobError::Missing(key.attachment))
    }

    fn delete(&self, key: &BlobKey) -> Result<bool, BlobError> {
        let (case, attachment) = (key.case.to_string(), key.attachment.to_string());
        let n = self.db.run(move |c| {
            c.execute(
                "DELETE FROM blobs WHERE case_id = $1 AND attachment = $2",
                &[&case, &attachment],
            )
        })?;
        Ok(n > 0)
    }

    fn delete_case(&self, case: CaseId) -> Result<usize, BlobError> {
        let case = case.to_string();
        let n = self
            .db
            .run(move |c| c.execute("DELETE FROM blobs WHERE case_id = $1", &[&case]))?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    fn list(&self) -> Result<Vec<(BlobKey, u64)>, BlobError> {
        let rows: Vec<(String, String, i64)> = self.db.run(|c| {
            Ok(c.query(
                "SELECT case_id, attachment,
                        GREATEST(0, EXTRACT(EPOCH FROM now() - stored_at))::bigint
                 FROM blobs",
                &[],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect())
        })?;
        let mut out = Vec::with_capacity(rows.len());
        for (case, attachment, age) in rows {
            // A row whose names do not parse is not a blob of this store's making: skipped,
            // as the file store skips files it did not name.
            let (Ok(case), Ok(attachment)) = (case.parse::<CaseId>(), attachment.parse()) else {
                continue;
            };
            out.push((
                BlobKey {
                    case,
                    attachment: AttachmentId(attachment),
                },
                u64::try_from(age).unwrap_or(0),
            ));
        }
        Ok(out)
    }
}
