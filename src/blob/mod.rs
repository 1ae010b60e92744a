//! The blob store: the sealed bytes of files attached to cases, kept outside the ledger.
//!
//! A ledger entry must stay small (64 KiB, the tile format's limit) and a photo does not, so an
//! attachment is split in two: its `attachment.added` entry (who, when, the checked type, the
//! size, and the SHA-256 of the sealed bytes) goes in the ledger, and the sealed bytes go here.
//! The store is not trusted: what it gives back is used only if its hash is the one the signed
//! entry holds (`crate::service` checks it on every opening), and it never sees a file in clear
//! (the vault seals it under the case's data key, with the case and attachment id as associated
//! data, before it is put).
//!
//! **Order of writes.** A blob is durable before its entry is appended, so the ledger never
//! vouches for a file it does not have. A blob without an entry (a crash or a refusal between
//! the two writes) is garbage: the service removes it at a later start
//! (`Service::sweep_blobs`) once it is old enough not to belong to a write still under way.
//!
//! **Erasure.** Destroying a case's data key makes its blobs unreadable wherever a copy is;
//! the service then deletes them too ([`BlobStore::delete_case`]), best effort.
//!
//! The store is a trait, as the vault and the event store are: the service holds an
//! `Arc<dyn BlobStore>`. [`FsBlobStore`] keeps files in the data folder's `evidence/`;
//! [`PgBlobStore`] keeps rows in the shared PostgreSQL database, for several server instances.

pub mod fs;
pub mod postgres;

pub use fs::FsBlobStore;
pub use postgres::PgBlobStore;

use recourse_events::ids::{AttachmentId, CaseId};

/// Which blob: an attachment of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlobKey {
    /// The case.
    pub case: CaseId,
    /// The attachment.
    pub attachment: AttachmentId,
}

/// A blob store operation that failed.
#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    /// No such blob (never written, or deleted).
    #[error("no stored file for attachment {0}")]
    Missing(AttachmentId),
    /// The storage failed.
    #[error("blob storage: {0}")]
    Storage(String),
}

impl From<std::io::Error> for BlobError {
    fn from(e: std::io::Error) -> Self {
        BlobError::Storage(e.to_string())
    }
}

/// Where sealed files live. Every method may block on storage: async callers run them on a
/// blocking thread.
pub trait BlobStore: Send + Sync + 'static {
    /// Stores `bytes` as the blob `key`, durable when this returns (or nothing is stored).
    fn put(&self, key: &BlobKey, bytes: &[u8]) -> Result<(), BlobError>;

    /// The bytes of blob `key`, as stored (unchecked: the caller checks them).
    fn get(&self, key: &BlobKey) -> Result<Vec<u8>, BlobError>;

    /// Deletes blob `key`; false if there was none.
    fn delete(&self, key: &BlobKey) -> Result<bool, BlobError>;

    /// Deletes every blob of `case`; how many there were.
    fn delete_case(&self, case: CaseId) -> Result<usize, BlobError>;

    /// Every stored blob, with its age in seconds (for removing garbage).
    fn list(&self) -> Result<Vec<(BlobKey, u64)>, BlobError>;
}
