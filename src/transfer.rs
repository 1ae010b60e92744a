//! Copying a ledger's whole state from one set of backends to another: the one copy behind
//! `recourse migrate`, `recourse backup` and `recourse restore`.
//!
//! What is copied, in this order:
//!
//! 1. **The ledger**, up to the source's latest signed checkpoint (size N): the entries, in
//!    position order, through [`EventStore::append_all`] in batches (group-committed; one commit
//!    per event would take minutes). The target signs its own checkpoints at its own commit
//!    boundaries with the same ledger key; since the entries are the same, so is the root at
//!    every size. After the copy the target must hold exactly N entries and its root at N must
//!    be the source checkpoint's root, whose signature was checked with the ledger's verifier
//!    key before anything was read: nothing the source's storage says is taken on trust.
//!    Then the witnesses' **cosignatures** of checkpoints up to N, each with its checkpoint,
//!    through [`EventStore::add_cosignature`], which checks the line under the witness's key
//!    and the checkpoint against the target's own tree and the ledger key: a line that does
//!    not verify is left out and counted, never copied on trust.
//! 2. **The vault** ([`KeyVault::export_rows`]: wrapped data keys, the ids destroyed, sealed
//!    documents), as stored: still wrapped under the master key, which is never copied.
//! 3. **Staff accounts** ([`AccountStore::export_rows`]: names, salts, keys sealed under
//!    passwords).
//! 4. **Attachments** ([`BlobStore`]: sealed bytes). A blob listed but gone by the time it is
//!    read was deleted meanwhile (its case erased, or garbage swept) and is left out.
//!
//! Sessions are not copied: a migrated or restored system signs everyone out.
//!
//! **Why this order makes a copy of a running system safe.** Erasure destroys the case's data
//! key in the vault *first* and appends `personal_data.erased` *after*
//! (`crate::service::erasure`). The ledger is read first, up to a checkpoint taken at the
//! start, and the vault after it. So for every erasure event inside the copied ledger, the key
//! was destroyed before that event existed, hence before the vault was read: the copy does not
//! hold the key, and erased data never comes back. An erasure that happened while the copy ran
//! but whose event is past N has either destroyed the key before the vault was read, or after.
//! Before: the copy records the key destroyed, and the start-up check accepts a case whose key
//! is recorded destroyed as an erasure interrupted between its two steps; its personal data is
//! unreadable in the copy, as it should be. `recourse retention` records the erasure when the
//! case is past its retention period or the client's request is in the copied ledger; a
//! request appended after N (the request and its erasure both raced the copy) leaves the case
//! unreadable but not yet recorded as erased until its retention period ends. After:
//! the copy is simply of a moment before that erasure began. Every case filed in the
//! copied ledger had its data key made durable before its filing was appended, so the vault,
//! read later, holds it: the copy starts. Keys of cases filed after N are copied too and serve
//! nothing. Accounts and attachments follow the same rule (an attachment's blob is durable
//! before its entry; a blob without an entry is swept at the next start).
//!
//! The copy refuses a target that is not empty, so it never mixes two ledgers.

use std::sync::Arc;

use async_trait::async_trait;
use recourse_events::checkpoint::{Checkpoint, NoteVerifier};
use recourse_events::cosignature::WitnessVerifier;
use recourse_events::{Event, Hash};

use crate::accounts::{AccountError, AccountRow, AccountStore};
use crate::blob::{BlobError, BlobKey, BlobStore};
use crate::store::{EventStore, StoreError, StoredCosignature, StoredEntry};
use crate::vault::{KeyVault, VaultError, VaultRows};

/// Entries read and appended per batch.
pub const BATCH: usize = 8192;

/// Why a copy failed. A failed copy may have written part of the target: callers copy into a
/// new place and remove it on failure.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    /// The target already holds something.
    #[error("the target is not empty ({0}): a copy goes only into empty storage")]
    NotEmpty(String),
    /// The source has no signed checkpoint to copy up to.
    #[error("the source ledger has no signed checkpoint")]
    NoCheckpoint,
    /// The source's checkpoint does not verify under the ledger's key.
    #[error("the source's checkpoint does not verify under the ledger key: {0}")]
    BadCheckpoint(String),
    /// An entry, or the tree, is not what the signed checkpoint says.
    #[error("the copy does not match the signed checkpoint: {0}")]
    Mismatch(String),
    /// Reading the source failed.
    #[error("reading the source: {0}")]
    Source(String),
    /// Writing the target failed.
    #[error("writing the target: {0}")]
    Target(String),
}

impl TransferError {
    /// True when the source is not what its signatures say (exit status 1), rather than
    /// unreadable or unusable (status 2).
    pub fn is_verification_failure(&self) -> bool {
        matches!(
            self,
            TransferError::BadCheckpoint(_) | TransferError::Mismatch(_)
        )
    }
}

/// Where a copy reads entries from: any [`EventStore`] (through [`StoreEntries`]), or a backup
/// file read without writing to it.
#[async_trait]
pub trait Entries: Send + Sync {
    /// The latest signed checkpoint (note text), if any.
    async fn checkpoint(&self) -> Result<Option<String>, StoreError>;
    /// Up to `limit` entries from `position` on, in position order.
    async fn read_from(&self, position: u64, limit: usize) -> Result<Vec<StoredEntry>, StoreError>;
    /// Up to `limit` cosigned checkpoints of a size above `after`, ascending (read back
    /// untrusted: the copy checks each line again).
    async fn cosigned(
        &self,
        after: u64,
        limit: usize,
    ) -> Result<Vec<CosignedCheckpoint>, StoreError>;
}

/// A checkpoint and the witnesses' cosignatures stored for it.
#[derive(Debug, Clone)]
pub struct CosignedCheckpoint {
    /// The checkpoint's size.
    pub size: u64,
    /// The log-signed checkpoint note; `None` if it is not stored (nothing to check the
    /// cosignatures against: they are not copied).
    pub note: Option<String>,
    /// The cosignatures, by witness.
    pub cosignatures: Vec<StoredCosignature>,
}

/// An event store as a source of entries.
pub struct StoreEntries(pub Arc<dyn EventStore>);

#[async_trait]
impl Entries for StoreEntries {
    async fn checkpoint(&self) -> Result<Option<String>, StoreError> {
        self.0.checkpoint().await
    }
    async fn read_from(&self, position: u64, limit: usize) -> Result<Vec<StoredEntry>, StoreError> {
        self.0.read_from(position, limit).await
    }
    async fn cosigned(
        &self,
        after: u64,
        limit: usize,
    ) -> Result<Vec<CosignedCheckpoint>, StoreError> {
        let mut out = Vec::new();
        for size in self.0.cosigned_sizes(after, limit).await? {
            // A cosignature stored before its checkpoint was kept (an older version thinned
            // the history) has nothing to be checked against.
            let note = self.0.checkpoint_at(size).await?;
            let cosignatures = self.0.cosignatures(size).await?;
            out.push(CosignedCheckpoint {
                size,
                note,
                cosignatures,
            });
        }
        Ok(out)
    }
}

/// Everything but the ledger: vault rows, accounts, attachments. Methods may block.
pub trait State: Send + Sync + 'static {
    /// The vault's rows.
    fn vault_rows(&self) -> Result<VaultRows, String>;
    /// Adds vault rows.
    fn put_vault_rows(&self, rows: &VaultRows) -> Result<(), String>;
    /// The accounts.
    fn account_rows(&self) -> Result<Vec<AccountRow>, String>;
    /// Adds accounts.
    fn put_account_rows(&self, rows: &[AccountRow]) -> Result<(), String>;
    /// Every attachment stored.
    fn blob_keys(&self) -> Result<Vec<BlobKey>, String>;
    /// An attachment's sealed bytes; `None` if it is gone.
    fn blob(&self, key: &BlobKey) -> Result<Option<Vec<u8>>, String>;
    /// Stores an attachment's sealed bytes.
    fn put_blob(&self, key: &BlobKey, bytes: &[u8]) -> Result<(), String>;
}

/// The live backends of a system, as a [`State`].
#[derive(Clone)]
pub struct Live {
    /// The key vault.
    pub vault: Arc<dyn KeyVault>,
    /// The staff accounts.
    pub accounts: Arc<dyn AccountStore>,
    /// The attachments.
    pub blobs: Arc<dyn BlobStore>,
}

fn vault_err(e: VaultError) -> String {
    e.to_string()
}
fn account_err(e: AccountError) -> String {
    e.to_string()
}
fn blob_err(e: BlobError) -> String {
    e.to_string()
}

impl State for Live {
    fn vault_rows(&self) -> Result<VaultRows, String> {
        self.vault.export_rows().map_err(vault_err)
    }
    fn put_vault_rows(&self, rows: &VaultRows) -> Result<(), String> {
        self.vault.import_rows(rows).map_err(vault_err)
    }
    fn account_rows(&self) -> Result<Vec<AccountRow>, String> {
        self.accounts.export_rows().map_err(account_err)
    }
    fn put_account_rows(&self, rows: &[AccountRow]) -> Result<(), String> {
        self.accounts.import_rows(rows).map_err(account_err)
    }
    fn blob_keys(&self) -> Result<Vec<BlobKey>, String> {
        let mut keys: Vec<BlobKey> = self
            .blobs
            .list()
            .map_err(blob_err)?
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        keys.sort_by_key(|k| (k.case.0, k.attachment.0));
        Ok(keys)
    }
    fn blob(&self, key: &BlobKey) -> Result<Option<Vec<u8>>, String> {
        match self.blobs.get(key) {
            Ok(b) => Ok(Some(b)),
            Err(BlobError::Missing(_)) => Ok(None),
            Err(e) => Err(blob_err(e)),
        }
    }
    fn put_blob(&self, key: &BlobKey, bytes: &[u8]) -> Result<(), String> {
        self.blobs.put(key, bytes).map_err(blob_err)
    }
}

/// Where a copy reads from.
pub struct Source {
    /// The ledger.
    pub entries: Arc<dyn Entries>,
    /// Everything else.
    pub state: Arc<dyn State>,
}

/// Where a copy writes to.
pub struct Target {
    /// The ledger (opened with the ledger key, to sign its checkpoints).
    pub store: Arc<dyn EventStore>,
    /// Everything else.
    pub state: Arc<dyn State>,
}

/// How far a copy has come, for a progress line.
#[derive(Debug, Clone, Copy)]
pub enum Phase {
    /// Entries copied out of the total.
    Ledger(u64, u64),
    /// Witness cosignatures copied so far.
    Cosignatures(usize),
    /// Copying the vault.
    Vault,
    /// Copying the accounts.
    Accounts,
    /// Attachments copied out of the total.
    Blobs(u64, u64),
}

/// What a copy copied.
#[derive(Debug, Clone)]
pub struct Copied {
    /// Entries (the size of the checkpoint copied up to).
    pub size: u64,
    /// The root at that size, equal in source and target.
    pub root: Hash,
    /// The source's signed checkpoint (note text).
    pub note: String,
    /// Witness cosignatures copied.
    pub cosignatures: usize,
    /// Stored cosignatures left out because they did not verify (in the source, or against
    /// the copied tree).
    pub cosignatures_refused: usize,
    /// Data keys copied.
    pub keys: usize,
    /// Destroyed-key records copied.
    pub destroyed: usize,
    /// Sealed documents copied.
    pub documents: usize,
    /// Accounts copied.
    pub accounts: usize,
    /// Attachments copied.
    pub blobs: usize,
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| e.to_string())?
}

/// Checks that `target` holds nothing at all.
pub async fn check_empty(target: &Target) -> Result<(), TransferError> {
    let size = target
        .store
        .size()
        .await
        .map_err(|e| TransferError::Target(e.to_string()))?;
    if size > 0 {
        return Err(TransferError::NotEmpty(format!(
            "its ledger has {size} entries"
        )));
    }
    let state = target.state.clone();
    let what = blocking(move || {
        let v = state.vault_rows()?;
        if !(v.keys.is_empty() && v.destroyed.is_empty() && v.documents.is_empty()) {
            return Ok(Some("its vault holds keys or documents"));
        }
        if !state.account_rows()?.is_empty() {
            return Ok(Some("it holds staff accounts"));
        }
        if !state.blob_keys()?.is_empty() {
            return Ok(Some("it holds attachments"));
        }
        Ok(None)
    })
    .await
    .map_err(TransferError::Target)?;
    match what {
        Some(w) => Err(TransferError::NotEmpty(w.into())),
        None => Ok(()),
    }
}

/// Copies `source` into the empty `target` (see the module docs for the order and why);
/// `verifier` is the ledger's key, trusted, and never read from either side.
pub async fn copy(
    source: &Source,
    target: &Target,
    verifier: &NoteVerifier,
    progress: &(dyn Fn(Phase) + Sync),
) -> Result<Copied, TransferError> {
    check_empty(target).await?;
    let note = source
        .entries
        .checkpoint()
        .await
        .map_err(|e| TransferError::Source(e.to_string()))?
        .ok_or(TransferError::NoCheckpoint)?;
    let (checkpoint, _) = Checkpoint::open(&note, verifier)
        .map_err(|e| TransferError::BadCheckpoint(e.to_string()))?;
    let size = checkpoint.size;

    // 1. The ledger, up to the checkpoint read above.
    let mut position = 0u64;
    progress(Phase::Ledger(0, size));
    while position < size {
        let want = usize::try_from((size - position).min(BATCH as u64)).unwrap_or(BATCH);
        let page = source
            .entries
            .read_from(position, want)
            .await
            .map_err(|e| match e {
                StoreError::Corrupt(why) => TransferError::Mismatch(why),
                e => TransferError::Source(e.to_string()),
            })?;
        if page.is_empty() {
            return Err(TransferError::Mismatch(format!(
                "the source ends at {position} entries, short of its checkpoint's {size}"
            )));
        }
        let mut appends = Vec::with_capacity(page.len());
        for (i, stored) in page.into_iter().take(want).enumerate() {
            let expected = position + i as u64;
            if stored.position != expected {
                return Err(TransferError::Mismatch(format!(
                    "the source gave position {} where {expected} was next",
                    stored.position
                )));
            }
            let event = Event::from_entry(&stored.entry).map_err(|e| {
                TransferError::Mismatch(format!(
                    "the entry at position {expected} is malformed: {e}"
                ))
            })?;
            appends.push(vec![event]);
        }
        let n = appends.len() as u64;
        for (i, answer) in target
            .store
            .append_all(appends)
            .await
            .into_iter()
            .enumerate()
        {
            let expected = position + i as u64;
            match answer {
                Ok(a) if a.positions.start == expected && a.positions.end == expected + 1 => {}
                Ok(a) => {
                    return Err(TransferError::Target(format!(
                        "the target placed position {expected} at {:?}",
                        a.positions
                    )));
                }
                // An entry the target refuses (a broken chain, a stream out of order) is one
                // the signed log cannot hold either: the root check would fail on it.
                Err(StoreError::Conflict { .. } | StoreError::InvalidAppend(_)) => {
                    return Err(TransferError::Mismatch(format!(
                        "the entry at position {expected} does not follow its stream: {}",
                        answer.err().map(|e| e.to_string()).unwrap_or_default()
                    )));
                }
                Err(e) => return Err(TransferError::Target(e.to_string())),
            }
        }
        position += n;
        progress(Phase::Ledger(position, size));
    }
    let target_size = target
        .store
        .size()
        .await
        .map_err(|e| TransferError::Target(e.to_string()))?;
    if target_size != size {
        return Err(TransferError::Target(format!(
            "the target holds {target_size} entries after copying {size}"
        )));
    }
    if size > 0 {
        let root = target
            .store
            .root(size)
            .await
            .map_err(|e| TransferError::Target(e.to_string()))?;
        if root != checkpoint.root {
            return Err(TransferError::Mismatch(format!(
                "the copied entries give root {} at size {size}; the signed checkpoint says {}",
                root.to_base64(),
                checkpoint.root.to_base64()
            )));
        }
    }

    let (cosignatures, cosignatures_refused) = copy_cosignatures(
        source.entries.as_ref(),
        target.store.as_ref(),
        size,
        progress,
    )
    .await?;

    // 2-4. The vault, the accounts, the attachments: read after the ledger (module docs).
    progress(Phase::Vault);
    let (from, to) = (source.state.clone(), target.state.clone());
    let (keys, destroyed, documents) = blocking(move || {
        let rows = from.vault_rows()?;
        to.put_vault_rows(&rows)?;
        Ok((rows.keys.len(), rows.destroyed.len(), rows.documents.len()))
    })
    .await
    .map_err(TransferError::Target)?;
    progress(Phase::Accounts);
    let (from, to) = (source.state.clone(), target.state.clone());
    let accounts = blocking(move || {
        let rows = from.account_rows()?;
        to.put_account_rows(&rows)?;
        Ok(rows.len())
    })
    .await
    .map_err(TransferError::Target)?;
    let from = source.state.clone();
    let blob_keys = blocking(move || from.blob_keys())
        .await
        .map_err(TransferError::Source)?;
    let total = blob_keys.len() as u64;
    let mut blobs = 0;
    for (i, key) in blob_keys.into_iter().enumerate() {
        progress(Phase::Blobs(i as u64, total));
        let (from, to) = (source.state.clone(), target.state.clone());
        let copied = blocking(move || match from.blob(&key)? {
            Some(bytes) => to.put_blob(&key, &bytes).map(|()| true),
            None => Ok(false),
        })
        .await
        .map_err(TransferError::Target)?;
        blobs += usize::from(copied);
    }
    progress(Phase::Blobs(total, total));
    Ok(Copied {
        size,
        root: checkpoint.root,
        note,
        cosignatures,
        cosignatures_refused,
        keys,
        destroyed,
        documents,
        accounts,
        blobs,
    })
}

/// Cosigned checkpoints read at a time.
const COSIGNED_BATCH: usize = 256;

/// Copies the cosignatures of checkpoints up to `size` (the ledger copied), each checked by
/// the target as it is added; returns how many were copied and how many were refused.
async fn copy_cosignatures(
    source: &dyn Entries,
    target: &dyn EventStore,
    size: u64,
    progress: &(dyn Fn(Phase) + Sync),
) -> Result<(usize, usize), TransferError> {
    let (mut copied, mut refused) = (0, 0);
    let mut after = 0;
    loop {
        let batch = source
            .cosigned(after, COSIGNED_BATCH)
            .await
            .map_err(|e| TransferError::Source(e.to_string()))?;
        let Some(last) = batch.last() else {
            break;
        };
        after = last.size;
        for cp in batch.into_iter().filter(|cp| cp.size <= size) {
            let Some(note) = cp.note else {
                refused += cp.cosignatures.len();
                continue;
            };
            for row in cp.cosignatures {
                let Ok(witness) = WitnessVerifier::parse(&row.witness) else {
                    refused += 1;
                    continue;
                };
                match target.add_cosignature(&note, &witness, &row.line).await {
                    Ok(_) => copied += 1,
                    Err(StoreError::Refused(why)) => {
                        tracing::warn!(size = cp.size, %why, "a stored cosignature does not verify; not copied");
                        refused += 1;
                    }
                    Err(e) => return Err(TransferError::Target(e.to_string())),
                }
            }
            progress(Phase::Cosignatures(copied));
        }
        if after >= size {
            break;
        }
    }
    Ok((copied, refused))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::SqliteAccounts;
    use crate::blob::FsBlobStore;
    use crate::data_dir::DataDir;
    use crate::ledger::Ledger;
    use crate::vault::SqliteVault;

    fn live(dir: &DataDir) -> Arc<dyn State> {
        Arc::new(Live {
            vault: Arc::new(SqliteVault::open(&dir.vault_path(), &[7; 32]).unwrap()),
            accounts: Arc::new(SqliteAccounts::open(&dir.accounts_path()).unwrap()),
            blobs: Arc::new(FsBlobStore::open(&dir.evidence_path()).unwrap()),
        })
    }

    async fn ledger(dir: &DataDir) -> (Arc<dyn EventStore>, NoteVerifier) {
        let l = Ledger::init(dir, "transfer.test/log").await.unwrap();
        let signer = dir.signer().unwrap();
        let verifier = NoteVerifier::new(&signer.origin, signer.key.public()).unwrap();
        (l.store().clone(), verifier)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_copy_refuses_a_target_with_entries_and_copies_into_an_empty_one() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (
            DataDir::new(tmp.path().join("a")),
            DataDir::new(tmp.path().join("b")),
        );
        let (source_store, verifier) = ledger(&a).await;
        let source = Source {
            entries: Arc::new(StoreEntries(source_store.clone())),
            state: live(&a),
        };
        // A target that already holds a ledger is refused, and keeps its one entry.
        let (other, _) = ledger(&b).await;
        let target = Target {
            store: other.clone(),
            state: live(&b),
        };
        let refused = copy(&source, &target, &verifier, &|_| {}).await;
        assert!(
            matches!(refused, Err(TransferError::NotEmpty(_))),
            "{refused:?}"
        );
        assert_eq!(other.size().await.unwrap(), 1);

        // An empty one receives the same entries, so the same root.
        let c = DataDir::new(tmp.path().join("c"));
        std::fs::create_dir_all(c.root()).unwrap();
        let signer = a.signer().unwrap();
        let store: Arc<dyn EventStore> = Arc::new(
            crate::store::sqlite::SqliteStore::open(&c.db_path(), Some(signer))
                .await
                .unwrap(),
        );
        let target = Target {
            store: store.clone(),
            state: live(&c),
        };
        let copied = copy(&source, &target, &verifier, &|_| {}).await.unwrap();
        assert_eq!(copied.size, source_store.size().await.unwrap());
        assert_eq!(store.root(copied.size).await.unwrap(), copied.root);
        assert_eq!(source_store.root(copied.size).await.unwrap(), copied.root);
    }
}
