//! The key vault: one data key per case, wrapped by the master key, kept outside the ledger.
//!
//! Personal fields are sealed with XChaCha20-Poly1305 under their case's data key, with the key
//! id and the field name as associated data (a sealed value cannot be moved to another field or
//! case). Data keys are stored wrapped (XChaCha20-Poly1305 under the master key, which lives in
//! a file outside the database), beside but separate from the ledger, so that a backup of the
//! ledger never holds a data key. Erasure destroys the wrapped key for good: from then on the
//! sealed fields are unreadable everywhere, while every hash and signature in the ledger still
//! verifies.
//!
//! The vault is a trait, [`KeyVault`], as the event store is (`crate::store::EventStore`): the
//! service holds an `Arc<dyn KeyVault>` and never names a backend. [`SqliteVault`] keeps the
//! wrapped keys in `vault.db` (see its module for how erasure overwrites them); [`PgVault`]
//! keeps them in the shared PostgreSQL database, for several server instances (see its module
//! for why it caches no unwrapped key and what erasure leaves in PostgreSQL), and `tests/it/vault_contract.rs` holds every backend to
//! the same behaviour. The cryptography every backend shares (sealing, wrapping) is in
//! [`seal`], so a backend only stores and deletes wrapped keys.

pub mod postgres;
pub mod seal;
pub mod sqlite;

pub use postgres::PgVault;
pub use sqlite::SqliteVault;

use std::collections::HashSet;

use recourse_events::Hash;
use recourse_events::limits::MAX_SEALED_PLAINTEXT;
use recourse_events::sealed::Sealed;

/// The SQLite vault by its former name (the data folder's `vault.db`).
pub type Vault = SqliteVault;

/// A vault operation that failed.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// The data key was destroyed (erasure), or never existed.
    #[error("data key {0} does not exist or was destroyed: the data is erased")]
    NoKey(String),
    /// Decryption failed: wrong key, field, or tampered ciphertext.
    #[error("sealed value does not open with data key {0} (altered, or sealed for another field)")]
    Unsealable(String),
    /// A sealed value that is not base64 of nonce and ciphertext.
    #[error("malformed sealed value")]
    Malformed,
    /// The plaintext is too large to seal into an entry (the field, its size in bytes). The
    /// limits of `recourse_events::limits` keep every valid text under it: this is a refusal of
    /// input, answered as such.
    #[error("{0}: too long to store ({1} bytes; at most {MAX_SEALED_PLAINTEXT})")]
    TooLong(String, usize),
    /// The vault's storage failed.
    #[error("vault storage: {0}")]
    Storage(String),
}

impl From<rusqlite::Error> for VaultError {
    fn from(e: rusqlite::Error) -> Self {
        VaultError::Storage(e.to_string())
    }
}

impl From<std::io::Error> for VaultError {
    fn from(e: std::io::Error) -> Self {
        VaultError::Storage(e.to_string())
    }
}

/// What [`KeyVault::audit`] found.
#[derive(Debug, Default)]
pub struct VaultAudit {
    /// Keys that unwrap.
    pub usable: HashSet<String>,
    /// Keys present that do not unwrap.
    pub broken: HashSet<String>,
    /// Ids recorded as destroyed.
    pub destroyed: HashSet<String>,
}

/// A vault's stored state, as copied between backends (`recourse migrate`, `backup`,
/// `restore`): wrapped keys stay wrapped under the master key, sealed documents stay sealed, so
/// a copy never holds anything the master key has not always protected.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct VaultRows {
    /// Data keys: id and wrapped key.
    pub keys: Vec<(String, Vec<u8>)>,
    /// Ids recorded as destroyed, with when (RFC 3339).
    pub destroyed: Vec<(String, String)>,
    /// Sealed documents: the plaintext's SHA-256 (hex) and the sealed bytes.
    pub documents: Vec<(String, Vec<u8>)>,
}

/// Where data keys live: created durable, used to seal and open, destroyed for good.
///
/// Every method may block on storage: async callers run them on a blocking thread.
pub trait KeyVault: Send + Sync + 'static {
    /// A fresh data key, durable before it is returned; its id (`dk-<16 hex>`).
    fn create_key(&self) -> Result<String, VaultError>;

    /// Creates a fresh data key with a chosen id (e.g. the organization's staff key).
    fn create_key_with_id(&self, id: &str) -> Result<(), VaultError>;

    /// Whether a data key exists (not destroyed) and unwraps.
    fn has_key(&self, id: &str) -> Result<bool, VaultError>;

    /// Seals `plaintext` as field `field` under data key `key_id`.
    fn seal(&self, key_id: &str, field: &str, plaintext: &str) -> Result<Sealed, VaultError>;

    /// Opens a sealed value of field `field`.
    fn open_sealed(&self, sealed: &Sealed, field: &str) -> Result<String, VaultError>;

    /// Destroys a data key for good (nothing the backend keeps opens it afterwards, also
    /// after a restart); returns false if it was already gone. The id is recorded as destroyed.
    fn destroy(&self, key_id: &str) -> Result<bool, VaultError>;

    /// Stores a document sealed under `key_id`; returns its SHA-256 (of the plaintext).
    fn store_document(&self, key_id: &str, bytes: &[u8]) -> Result<Hash, VaultError>;

    /// Reads a document back (fails once its case's key is destroyed).
    fn read_document(&self, key_id: &str, hash: &Hash) -> Result<Vec<u8>, VaultError>;

    /// Seals a file of a case (an attachment) under data key `key_id`, with associated data
    /// `aad` that binds it to what it is ([`seal::attachment_aad`]). Files are not limited to
    /// [`MAX_SEALED_PLAINTEXT`]: they are kept outside the ledger.
    fn seal_bytes(&self, key_id: &str, aad: &[u8], bytes: &[u8]) -> Result<Vec<u8>, VaultError>;

    /// Opens what [`seal_bytes`](Self::seal_bytes) made (fails once the key is destroyed, or if
    /// the bytes or the associated data differ).
    fn open_bytes(&self, key_id: &str, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, VaultError>;

    /// Every data key id that unwraps under the master key, every key present that does not
    /// (altered, or wrapped for another id), and the ids recorded as destroyed; for the
    /// start-up check against the ledger.
    fn audit(&self) -> Result<VaultAudit, VaultError>;

    /// Everything the vault stores, wrapped and sealed as stored, for a copy.
    fn export_rows(&self) -> Result<VaultRows, VaultError>;

    /// Adds what [`export_rows`](Self::export_rows) gave (from a vault under the same master
    /// key), in one transaction; an id already present with other bytes is refused.
    fn import_rows(&self, rows: &VaultRows) -> Result<(), VaultError>;
}
