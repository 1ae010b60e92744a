//! The PostgreSQL vault: wrapped data keys, the ids destroyed and sealed documents in tables of
//! the shared database (migration 2 of [`crate::postgres::schema`]), so that every server
//! instance on the database sees the same keys.
//!
//! The cryptography is the SQLite vault's, from [`super::seal`]: a data key is stored wrapped
//! under the master key (a file in each instance's data folder, never in the database), fields
//! and documents are sealed under data keys. The database alone opens nothing.
//!
//! **No cache of unwrapped keys.** Each instance has its own memory, and erasure through one
//! must hold in all of them at once: an instance that kept an unwrapped key after another
//! destroyed it would go on opening the case. So every seal and open reads the wrapped key
//! from the table and unwraps it for that call only (one indexed read on a pooled connection,
//! a fraction of a millisecond on a local server); once [`PgVault::destroy`] has committed,
//! no instance finds the key again. A call that read the key just before a concurrent
//! destruction committed may still finish with it: erasure is ordered at its commit.
//!
//! **Erasure.** `destroy` deletes the key's row and records its id in `vault_destroyed` in one
//! transaction, then runs `VACUUM` on `vault_keys` (outside any transaction, as PostgreSQL
//! requires), so that the dead row version is pruned from the table's pages at once rather than
//! left, readable by any tool that reads pages, until autovacuum gets to it
//! (`tests/it/vault_contract.rs` checks with `pageinspect` that no version is left). A plain
//! vacuum is cheap (it skips pages the visibility map marks as untouched: about 0.3 ms on a
//! table of 100,000 keys) and takes no lock that stops readers; `VACUUM FULL`, which would
//! rewrite the table into a new file, took 180 ms on the same table, under a lock that stops
//! every instance's vault meanwhile, and grows with the table.
//!
//! What PostgreSQL may still hold afterwards, outside the reach of SQL:
//! - the page's free space: PostgreSQL does not zero the space a pruned tuple leaves, so its
//!   bytes stay on the page until a later row is written over them (measured: when the deleted
//!   row was the last written to its page, its bytes were still in the table's file after the
//!   vacuum; when later rows followed it, compaction moved them over it). Compaction can leave
//!   such stale copies of rows that are moved, too;
//! - the write-ahead log, until its segments are recycled, and WAL archives and base backups
//!   for as long as they are kept; a streaming replica's pages until it replays the vacuum;
//! - the dead version itself while a transaction older than the deletion is still open
//!   somewhere (vacuum cannot remove what a live snapshot may see; autovacuum removes it later).
//!
//! Every one of those holds only the *wrapped* key, which is useless without the master key:
//! keep the master key out of database backups and off the database server, as the data
//! folder's layout does. The SQLite vault, which overwrites the bytes in place
//! (`secure_delete`), is the stronger erasure on a single machine.
//!
//! **Documents** (the sealed attestations of reviews, files in `evidence/` for SQLite) are rows
//! of `vault_documents`, named by the SHA-256 of their plaintext as the files are, so that every
//! instance reads them.

use std::sync::{Mutex, MutexGuard, PoisonError};

use chacha20poly1305::aead::KeyInit;
use chacha20poly1305::{Key, XChaCha20Poly1305};
use recourse_events::Hash;
use recourse_events::sealed::Sealed;

use super::seal::{
    check_sealable, cipher_of, is_document_name, new_key_id, new_wrapped_key, open_document,
    open_field, open_with, seal_document, seal_field, seal_with, unwrap_key, unwraps,
};
use super::sqlite::KEY_BATCH;
use super::{KeyVault, VaultAudit, VaultError, VaultRows};
use crate::postgres::{Database, PoolError};

impl From<PoolError> for VaultError {
    fn from(e: PoolError) -> Self {
        VaultError::Storage(crate::storage::pg_message(&e))
    }
}

/// The vault in a PostgreSQL database.
pub struct PgVault {
    db: Database,
    master: XChaCha20Poly1305,
    /// Data keys already committed and not yet given to a case (this instance's own).
    spare: Mutex<Vec<String>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl PgVault {
    /// The vault in `db` (migrated by [`Database::connect`]), with the master key.
    pub fn open(db: Database, master_key: &[u8; 32]) -> PgVault {
        PgVault {
            db,
            master: XChaCha20Poly1305::new(&Key::from(*master_key)),
            spare: Mutex::new(Vec::new()),
        }
    }

    /// Creates a data key for each id and commits them in one transaction; an id already
    /// present (or recorded as destroyed) fails the whole transaction.
    fn insert_keys(&self, ids: Vec<String>) -> Result<(), VaultError> {
        let mut rows = Vec::with_capacity(ids.len());
        for id in ids {
            // The unwrapped key is not kept: it is unwrapped again when used.
            let (_key, wrapped) = new_wrapped_key(&self.master, &id)?;
            rows.push((id, wrapped));
        }
        let refused = self.db.run(move |c| {
            let mut tx = c.transaction()?;
            let insert = tx.prepare(
                "INSERT INTO vault_keys (id, wrapped)
                 SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM vault_destroyed WHERE id = $1)
                 ON CONFLICT (id) DO NOTHING",
            )?;
            for (id, wrapped) in &rows {
                if tx.execute(&insert, &[id, wrapped])? == 0 {
                    // Nothing of this transaction is committed.
                    return Ok(Some(id.clone()));
                }
            }
            tx.commit()?;
            Ok(None)
        })?;
        match refused {
            Some(id) => Err(VaultError::Storage(format!(
                "data key {id} already exists or was destroyed"
            ))),
            None => Ok(()),
        }
    }

    /// The wrapped data key `id`, if it exists.
    fn wrapped(&self, id: &str) -> Result<Option<Vec<u8>>, VaultError> {
        let key_id = id.to_string();
        Ok(self.db.run(move |c| {
            Ok(
                c.query_opt("SELECT wrapped FROM vault_keys WHERE id = $1", &[&key_id])?
                    .map(|r| r.get(0)),
            )
        })?)
    }

    /// The cipher of data key `id`, read and unwrapped for this call only.
    fn cipher(&self, id: &str) -> Result<XChaCha20Poly1305, VaultError> {
        let wrapped = self
            .wrapped(id)?
            .ok_or_else(|| VaultError::NoKey(id.into()))?;
        Ok(cipher_of(&unwrap_key(&self.master, id, &wrapped)?))
    }
}

impl KeyVault for PgVault {
    fn create_key(&self) -> Result<String, VaultError> {
        let mut spare = lock(&self.spare);
        if spare.is_empty() {
            let ids: Vec<String> = (0..KEY_BATCH).map(|_| new_key_id()).collect();
            self.insert_keys(ids.clone())?;
            spare.extend(ids);
        }
        spare
            .pop()
            .ok_or_else(|| VaultError::Storage("no spare data key after a batch".into()))
    }

    fn create_key_with_id(&self, id: &str) -> Result<(), VaultError> {
        self.insert_keys(vec![id.to_string()])
    }

    fn has_key(&self, id: &str) -> Result<bool, VaultError> {
        // A key that does not unwrap is not usable; a failing database is an error.
        Ok(self
            .wrapped(id)?
            .is_some_and(|w| unwraps(&self.master, id, &w)))
    }

    fn seal(&self, key_id: &str, field: &str, plaintext: &str) -> Result<Sealed, VaultError> {
        check_sealable(field, plaintext)?;
        seal_field(&self.cipher(key_id)?, key_id, field, plaintext)
    }

    fn open_sealed(&self, sealed: &Sealed, field: &str) -> Result<String, VaultError> {
        open_field(&self.cipher(&sealed.key)?, sealed, field)
    }

    fn destroy(&self, key_id: &str) -> Result<bool, VaultError> {
        // A spare key of this instance is not handed out after its destruction.
        lock(&self.spare).retain(|k| k != key_id);
        let id = key_id.to_string();
        let at = jiff::Timestamp::now().to_string();
        let deleted = self.db.run(move |c| {
            let mut tx = c.transaction()?;
            let n = tx.execute("DELETE FROM vault_keys WHERE id = $1", &[&id])?;
            tx.execute(
                "INSERT INTO vault_destroyed (id, at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
                &[&id, &at],
            )?;
            tx.commit()?;
            Ok(n > 0)
        })?;
        if deleted {
            // The key is gone for every instance already; the vacuum prunes its dead row version
            // from the table's pages. If it fails, autovacuum does it later: said, not fatal.
            if let Err(e) = self.db.run(|c| c.batch_execute("VACUUM vault_keys")) {
                tracing::warn!(
                    error = %crate::storage::pg_message(&e),
                    "VACUUM after a data key's destruction failed; autovacuum will prune it"
                );
            }
        }
        Ok(deleted)
    }

    fn store_document(&self, key_id: &str, bytes: &[u8]) -> Result<Hash, VaultError> {
        let (hash, sealed) = seal_document(&self.cipher(key_id)?, key_id, bytes)?;
        let name = hash.to_hex();
        self.db.run(move |c| {
            c.execute(
                "INSERT INTO vault_documents (hash, sealed) VALUES ($1, $2)
                 ON CONFLICT (hash) DO UPDATE SET sealed = EXCLUDED.sealed",
                &[&name, &sealed],
            )
        })?;
        Ok(hash)
    }

    fn read_document(&self, key_id: &str, hash: &Hash) -> Result<Vec<u8>, VaultError> {
        let cipher = self.cipher(key_id)?;
        let name = hash.to_hex();
        let sealed: Option<Vec<u8>> = self.db.run(move |c| {
            Ok(c.query_opt(
                "SELECT sealed FROM vault_documents WHERE hash = $1",
                &[&name],
            )?
            .map(|r| r.get(0)))
        })?;
        let sealed = sealed
            .ok_or_else(|| VaultError::Storage(format!("no stored document {}", hash.to_hex())))?;
        open_document(&cipher, key_id, hash, &sealed)
    }

    fn seal_bytes(&self, key_id: &str, aad: &[u8], bytes: &[u8]) -> Result<Vec<u8>, VaultError> {
        seal_with(&self.cipher(key_id)?, bytes, aad)
    }

    fn open_bytes(&self, key_id: &str, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, VaultError> {
        open_with(&self.cipher(key_id)?, sealed, aad)
            .ok_or_else(|| VaultError::Unsealable(key_id.into()))
    }

    fn audit(&self) -> Result<VaultAudit, VaultError> {
        let (keys, destroyed): (Vec<(String, Vec<u8>)>, Vec<String>) = self.db.run(|c| {
            let mut tx = c
                .build_transaction()
                .isolation_level(postgres::IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            let keys = tx
                .query("SELECT id, wrapped FROM vault_keys", &[])?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            let destroyed = tx
                .query("SELECT id FROM vault_destroyed", &[])?
                .iter()
                .map(|r| r.get(0))
                .collect();
            tx.commit()?;
            Ok((keys, destroyed))
        })?;
        let mut audit = VaultAudit::default();
        for (id, wrapped) in keys {
            if unwraps(&self.master, &id, &wrapped) {
                audit.usable.insert(id);
            } else {
                audit.broken.insert(id);
            }
        }
        audit.destroyed.extend(destroyed);
        Ok(audit)
    }

    fn export_rows(&self) -> Result<VaultRows, VaultError> {
        Ok(self.db.run(|c| {
            // One snapshot: a copy never holds a key without the destruction that followed it.
            let mut tx = c
                .build_transaction()
                .isolation_level(postgres::IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            let keys = tx
                .query("SELECT id, wrapped FROM vault_keys ORDER BY id", &[])?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            let destroyed = tx
                .query("SELECT id, at FROM vault_destroyed ORDER BY id", &[])?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            let documents = tx
                .query(
                    "SELECT hash, sealed FROM vault_documents ORDER BY hash",
                    &[],
                )?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            tx.commit()?;
            Ok(VaultRows {
                keys,
                destroyed,
                documents,
            })
        })?)
    }

    fn import_rows(&self, rows: &VaultRows) -> Result<(), VaultError> {
        if let Some((hash, _)) = rows.documents.iter().find(|(h, _)| !is_document_name(h)) {
            return Err(VaultError::Storage(format!("bad document name {hash:?}")));
        }
        let rows = rows.clone();
        let conflict = self.db.run(move |c| {
            let mut tx = c.transaction()?;
            for (id, wrapped) in &rows.keys {
                let existing: Option<Vec<u8>> = tx
                    .query_opt("SELECT wrapped FROM vault_keys WHERE id = $1", &[id])?
                    .map(|r| r.get(0));
                match existing {
                    Some(e) if &e == wrapped => {}
                    // Nothing of this transaction is committed.
                    Some(_) => return Ok(Some(id.clone())),
                    None => {
                        tx.execute(
                            "INSERT INTO vault_keys (id, wrapped) VALUES ($1, $2)",
                            &[id, wrapped],
                        )?;
                    }
                }
            }
            for (id, at) in &rows.destroyed {
                tx.execute(
                    "INSERT INTO vault_destroyed (id, at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
                    &[id, at],
                )?;
            }
            for (hash, sealed) in &rows.documents {
                tx.execute(
                    "INSERT INTO vault_documents (hash, sealed) VALUES ($1, $2)
                     ON CONFLICT (hash) DO UPDATE SET sealed = EXCLUDED.sealed",
                    &[&hash.to_ascii_lowercase(), sealed],
                )?;
            }
            tx.commit()?;
            Ok(None)
        })?;
        match conflict {
            Some(id) => Err(VaultError::Storage(format!(
                "data key {id} is already present with other bytes"
            ))),
            None => Ok(()),
        }
    }
}
