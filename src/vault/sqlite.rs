//! The SQLite vault: wrapped data keys in `vault.db`, documents as sealed files beside it.
//!
//! Data keys are stored wrapped in `vault.db`, beside but separate from the ledger database.
//! Erasure deletes the wrapped key with SQLite's `secure_delete` on (the deleted record's bytes
//! are overwritten with zeros in the file) and a rollback journal (no WAL copy lingers): from
//! then on the sealed fields are unreadable everywhere. Unwrapped keys are cached in memory;
//! erasure zeroes the cached copy.
//!
//! Documents (evidence) are stored as `evidence/<sha256>.sealed` files, sealed the same way.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chacha20poly1305::aead::KeyInit;
use chacha20poly1305::{Key, XChaCha20Poly1305};
use recourse_events::Hash;
use recourse_events::sealed::Sealed;
use rusqlite::{Connection, OptionalExtension, params};

use super::seal::{
    DataKey, check_sealable, cipher_of, is_document_name, new_key_id, new_wrapped_key,
    open_document, open_field, open_with, seal_document, seal_field, seal_with, unwrap_key,
    unwraps,
};
use super::{KeyVault, VaultAudit, VaultError, VaultRows};

/// The vault in a SQLite file.
pub struct SqliteVault {
    conn: Mutex<Connection>,
    master: XChaCha20Poly1305,
    keys: Mutex<HashMap<String, DataKey>>,
    /// Data keys already durable in `vault.db` and not yet given to a case.
    spare: Mutex<Vec<String>>,
    evidence: PathBuf,
}

/// Data keys created per transaction. The vault's journal is a rollback journal with full
/// sync (so that erasure leaves no copy behind), which costs several fsyncs per transaction:
/// creating keys in batches spreads them over many filings, as group commit does for the
/// ledger. A spare key that never serves a case protects nothing and holds nothing.
pub const KEY_BATCH: usize = 64;

/// Takes a lock, recovering it if a panic poisoned it (each holds whole values only).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl SqliteVault {
    /// Opens (creating if needed) the vault database at `path`, with the master key.
    pub fn open(path: &Path, master_key: &[u8; 32]) -> Result<SqliteVault, VaultError> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS data_keys (id TEXT PRIMARY KEY, wrapped BLOB NOT NULL) WITHOUT ROWID;
             CREATE TABLE IF NOT EXISTS destroyed (id TEXT PRIMARY KEY, at TEXT NOT NULL) WITHOUT ROWID;",
        )?;
        let evidence = path.parent().unwrap_or(Path::new(".")).join("evidence");
        std::fs::create_dir_all(&evidence)?;
        Ok(SqliteVault {
            conn: Mutex::new(conn),
            master: XChaCha20Poly1305::new(&Key::from(*master_key)),
            keys: Mutex::new(HashMap::new()),
            spare: Mutex::new(Vec::new()),
            evidence,
        })
    }

    /// Creates and stores a data key for each id, in one transaction.
    fn insert_keys(&self, ids: &[String]) -> Result<(), VaultError> {
        let mut keys: Vec<DataKey> = Vec::with_capacity(ids.len());
        {
            let mut conn = lock(&self.conn);
            let tx = conn.transaction()?;
            for id in ids {
                let (key, wrapped) = new_wrapped_key(&self.master, id)?;
                keys.push(key);
                tx.execute(
                    "INSERT INTO data_keys (id, wrapped) VALUES (?1, ?2)",
                    params![id, wrapped],
                )?;
            }
            tx.commit()?;
        }
        lock(&self.keys).extend(ids.iter().cloned().zip(keys));
        Ok(())
    }

    fn cipher(&self, id: &str) -> Result<XChaCha20Poly1305, VaultError> {
        if let Some(k) = lock(&self.keys).get(id) {
            return Ok(cipher_of(k));
        }
        let wrapped: Option<Vec<u8>> = lock(&self.conn)
            .query_row("SELECT wrapped FROM data_keys WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let wrapped = wrapped.ok_or_else(|| VaultError::NoKey(id.into()))?;
        let key = unwrap_key(&self.master, id, &wrapped)?;
        let cipher = cipher_of(&key);
        lock(&self.keys).insert(id.to_string(), key);
        Ok(cipher)
    }
}

impl KeyVault for SqliteVault {
    /// Keys are made [`KEY_BATCH`] at a time: concurrent callers wait for one transaction
    /// instead of queueing for one each.
    fn create_key(&self) -> Result<String, VaultError> {
        let mut spare = lock(&self.spare);
        if spare.is_empty() {
            let ids: Vec<String> = (0..KEY_BATCH).map(|_| new_key_id()).collect();
            self.insert_keys(&ids)?;
            spare.extend(ids);
        }
        spare
            .pop()
            .ok_or_else(|| VaultError::Storage("no spare data key after a batch".into()))
    }

    fn create_key_with_id(&self, id: &str) -> Result<(), VaultError> {
        self.insert_keys(&[id.to_string()])
    }

    fn has_key(&self, id: &str) -> Result<bool, VaultError> {
        Ok(self.cipher(id).is_ok())
    }

    fn seal(&self, key_id: &str, field: &str, plaintext: &str) -> Result<Sealed, VaultError> {
        check_sealable(field, plaintext)?;
        seal_field(&self.cipher(key_id)?, key_id, field, plaintext)
    }

    fn open_sealed(&self, sealed: &Sealed, field: &str) -> Result<String, VaultError> {
        open_field(&self.cipher(&sealed.key)?, sealed, field)
    }

    fn destroy(&self, key_id: &str) -> Result<bool, VaultError> {
        if let Some(mut k) = lock(&self.keys).remove(key_id) {
            zeroize::Zeroize::zeroize(&mut *k);
        }
        let conn = lock(&self.conn);
        let deleted = conn.execute("DELETE FROM data_keys WHERE id = ?1", [key_id])?;
        conn.execute(
            "INSERT OR IGNORE INTO destroyed (id, at) VALUES (?1, ?2)",
            params![key_id, jiff::Timestamp::now().to_string()],
        )?;
        Ok(deleted > 0)
    }

    fn store_document(&self, key_id: &str, bytes: &[u8]) -> Result<Hash, VaultError> {
        let (hash, sealed) = seal_document(&self.cipher(key_id)?, key_id, bytes)?;
        let path = self.evidence.join(format!("{}.sealed", hash.to_hex()));
        let tmp = path.with_extension("tmp");
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&sealed)?;
            f.sync_all()?;
        }
        std::fs::rename(&tmp, &path)?;
        Ok(hash)
    }

    fn read_document(&self, key_id: &str, hash: &Hash) -> Result<Vec<u8>, VaultError> {
        let cipher = self.cipher(key_id)?;
        let sealed = std::fs::read(self.evidence.join(format!("{}.sealed", hash.to_hex())))?;
        open_document(&cipher, key_id, hash, &sealed)
    }

    fn seal_bytes(&self, key_id: &str, aad: &[u8], bytes: &[u8]) -> Result<Vec<u8>, VaultError> {
        seal_with(&self.cipher(key_id)?, bytes, aad)
    }

    fn open_bytes(&self, key_id: &str, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, VaultError> {
        open_with(&self.cipher(key_id)?, sealed, aad)
            .ok_or_else(|| VaultError::Unsealable(key_id.into()))
    }

    /// Unwrapped keys are not cached.
    fn audit(&self) -> Result<VaultAudit, VaultError> {
        let conn = lock(&self.conn);
        let mut audit = VaultAudit::default();
        let mut stmt = conn.prepare("SELECT id, wrapped FROM data_keys")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
        })?;
        for row in rows {
            let (id, wrapped) = row?;
            if unwraps(&self.master, &id, &wrapped) {
                audit.usable.insert(id);
            } else {
                audit.broken.insert(id);
            }
        }
        let mut stmt = conn.prepare("SELECT id FROM destroyed")?;
        for id in stmt.query_map([], |r| r.get::<_, String>(0))? {
            audit.destroyed.insert(id?);
        }
        Ok(audit)
    }

    fn export_rows(&self) -> Result<VaultRows, VaultError> {
        let mut rows = VaultRows::default();
        {
            let conn = lock(&self.conn);
            let mut stmt = conn.prepare("SELECT id, wrapped FROM data_keys ORDER BY id")?;
            for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
                rows.keys.push(row?);
            }
            let mut stmt = conn.prepare("SELECT id, at FROM destroyed ORDER BY id")?;
            for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
                rows.destroyed.push(row?);
            }
        }
        let mut names: Vec<_> = std::fs::read_dir(&self.evidence)?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                let hash = name.strip_suffix(".sealed")?;
                is_document_name(hash).then(|| hash.to_string())
            })
            .collect();
        names.sort();
        for hash in names {
            let bytes = std::fs::read(self.evidence.join(format!("{hash}.sealed")))?;
            rows.documents.push((hash, bytes));
        }
        Ok(rows)
    }

    fn import_rows(&self, rows: &VaultRows) -> Result<(), VaultError> {
        for (hash, bytes) in &rows.documents {
            if !is_document_name(hash) {
                return Err(VaultError::Storage(format!("bad document name {hash:?}")));
            }
            let path = self.evidence.join(format!("{hash}.sealed"));
            let tmp = path.with_extension("tmp");
            {
                use std::io::Write;
                let mut f = std::fs::File::create(&tmp)?;
                f.write_all(bytes)?;
                f.sync_all()?;
            }
            std::fs::rename(&tmp, &path)?;
        }
        let mut conn = lock(&self.conn);
        let tx = conn.transaction()?;
        for (id, wrapped) in &rows.keys {
            let existing: Option<Vec<u8>> = tx
                .query_row("SELECT wrapped FROM data_keys WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            match existing {
                Some(e) if &e == wrapped => {}
                Some(_) => {
                    return Err(VaultError::Storage(format!(
                        "data key {id} is already present with other bytes"
                    )));
                }
                None => {
                    tx.execute(
                        "INSERT INTO data_keys (id, wrapped) VALUES (?1, ?2)",
                        params![id, wrapped],
                    )?;
                }
            }
        }
        for (id, at) in &rows.destroyed {
            tx.execute(
                "INSERT OR IGNORE INTO destroyed (id, at) VALUES (?1, ?2)",
                params![id, at],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recourse_events::limits::MAX_SEALED_PLAINTEXT;

    fn vault() -> (tempfile::TempDir, SqliteVault) {
        let tmp = tempfile::tempdir().unwrap();
        let v = SqliteVault::open(&tmp.path().join("vault.db"), &[7; 32]).unwrap();
        (tmp, v)
    }

    #[test]
    fn sealed_values_open_only_for_their_field_and_key() {
        let (_t, v) = vault();
        let k = v.create_key().unwrap();
        let s = v
            .seal(&k, "narrative", "Je n'ai pas eu d'interprète.")
            .unwrap();
        assert!(!s.sealed.contains("interprète"));
        assert_eq!(
            v.open_sealed(&s, "narrative").unwrap(),
            "Je n'ai pas eu d'interprète."
        );
        assert!(matches!(
            v.open_sealed(&s, "contact"),
            Err(VaultError::Unsealable(_))
        ));
        let other = v.create_key().unwrap();
        let moved = Sealed {
            key: other,
            ..s.clone()
        };
        assert!(v.open_sealed(&moved, "narrative").is_err());
    }

    #[test]
    fn the_longest_text_in_any_script_seals_within_the_limit() {
        let (_t, v) = vault();
        let k = v.create_key().unwrap();
        for ch in ['a', 'ع', 'ሰ', '中', '😀'] {
            let text: String =
                std::iter::repeat_n(ch, recourse_events::limits::NARRATIVE).collect();
            let s = v.seal(&k, "narrative", &text).unwrap();
            assert!(s.sealed.len() <= recourse_events::limits::MAX_SEALED_LEN);
            assert_eq!(v.open_sealed(&s, "narrative").unwrap(), text);
        }
        let over = "x".repeat(MAX_SEALED_PLAINTEXT + 1);
        let e = v.seal(&k, "narrative", &over).unwrap_err();
        assert!(
            matches!(&e, VaultError::TooLong(f, _) if f == "narrative"),
            "{e}"
        );
        assert!(e.to_string().starts_with("narrative: "), "{e}");
    }

    #[test]
    fn destroyed_keys_leave_nothing_readable_even_after_reopening() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("vault.db");
        let (s, doc, k) = {
            let v = SqliteVault::open(&path, &[7; 32]).unwrap();
            let k = v.create_key().unwrap();
            let doc = v.store_document(&k, b"scan of a letter").unwrap();
            (v.seal(&k, "contact", "Amina, 555-0100").unwrap(), doc, k)
        };
        let v = SqliteVault::open(&path, &[7; 32]).unwrap();
        assert_eq!(v.open_sealed(&s, "contact").unwrap(), "Amina, 555-0100");
        assert_eq!(v.read_document(&k, &doc).unwrap(), b"scan of a letter");
        let wrapped: Vec<u8> = v
            .conn
            .lock()
            .unwrap()
            .query_row("SELECT wrapped FROM data_keys WHERE id = ?1", [&k], |r| {
                r.get(0)
            })
            .unwrap();
        let in_file = |bytes: &[u8]| {
            std::fs::read(&path)
                .unwrap()
                .windows(bytes.len())
                .any(|w| w == bytes)
        };
        assert!(
            in_file(&wrapped),
            "the wrapped key is in the file before erasure"
        );
        assert!(v.destroy(&k).unwrap());
        assert!(matches!(
            v.open_sealed(&s, "contact"),
            Err(VaultError::NoKey(_))
        ));
        assert!(v.read_document(&k, &doc).is_err());
        drop(v);
        assert!(
            !in_file(&wrapped),
            "the wrapped key's bytes must not survive in vault.db"
        );
        let v = SqliteVault::open(&path, &[7; 32]).unwrap();
        assert!(matches!(
            v.open_sealed(&s, "contact"),
            Err(VaultError::NoKey(_))
        ));
        assert!(!v.has_key(&k).unwrap());
    }

    #[test]
    fn a_wrong_master_key_cannot_unwrap() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("vault.db");
        let s = {
            let v = SqliteVault::open(&path, &[1; 32]).unwrap();
            let k = v.create_key().unwrap();
            v.seal(&k, "f", "secret").unwrap()
        };
        let v = SqliteVault::open(&path, &[2; 32]).unwrap();
        assert!(matches!(
            v.open_sealed(&s, "f"),
            Err(VaultError::Storage(_))
        ));
    }

    #[test]
    fn keys_made_in_batches_are_distinct_and_durable_before_use() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("vault.db");
        let v = SqliteVault::open(&path, &[3; 32]).unwrap();
        let ids: Vec<String> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        (0..KEY_BATCH)
                            .map(|_| v.create_key().unwrap())
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|w| w.join().unwrap())
                .collect()
        });
        let distinct: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(distinct.len(), 4 * KEY_BATCH);
        // Every key handed out is already in the file: another process finds it.
        let other = SqliteVault::open(&path, &[3; 32]).unwrap();
        for id in &ids {
            assert!(other.has_key(id).unwrap(), "{id} is durable");
        }
    }
}
