//! The auditor's view of the whole ledger: the published checkpoint, the verifier key that
//! checks it, and the export bundle of exactly that checkpoint.
//!
//! The bundle is built by the one exporter (`crate::export`) from the *published* checkpoint
//! (the one the high-water mark holds and `/ledger/checkpoint` serves), so it covers exactly
//! the entries a third party can already see signed, and is byte for byte what
//! `recourse export` writes at that size.
//!
//! Downloading it changes nothing and opens nothing sealed: the bundle carries personal data
//! only as ciphertext, under case keys it does not include. The design has no ledger event for
//! an export (the case-level `file.viewed` records opening sealed data, which this is not), so
//! the download is not recorded in the ledger; it is logged, with who asked and what size.

use std::sync::atomic::{AtomicUsize, Ordering};

use recourse_events::bundle::BundleHeader;
use recourse_events::checkpoint::{Checkpoint, Note, NoteVerifier};
use recourse_events::ids::StaffId;
use tokio::sync::Semaphore;

use super::{Service, ServiceError};
use crate::export::{self, ExportError};

/// What the auditor's page shows of the ledger.
#[derive(Debug, Clone)]
pub struct LedgerSummary {
    /// The log's origin.
    pub origin: String,
    /// Entries the published checkpoint covers.
    pub size: u64,
    /// The published checkpoint (signed note text).
    pub checkpoint: String,
    /// The root hash it signs (base64).
    pub root: String,
    /// The verifier key that checks it (`name+<id>+<key>`, the form `--vkey` takes).
    pub vkey: String,
    /// The name the bundle of this checkpoint is offered under.
    pub file_name: String,
}

/// A whole export bundle in memory.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// Its first line.
    pub header: BundleHeader,
    /// The file name it is offered under.
    pub file_name: String,
    /// The bundle's bytes.
    pub bytes: Vec<u8>,
}

/// Bundles are built one at a time (see [`Service::bundle`]).
static ONE_AT_A_TIME: Semaphore = Semaphore::const_new(1);
/// The size of the last bundle built, to size the next one's buffer.
static LAST_SIZE: AtomicUsize = AtomicUsize::new(0);

fn export_error(e: ExportError) -> ServiceError {
    match e {
        ExportError::Store(e) => ServiceError::Store(e),
        other => ServiceError::Integrity(other.to_string()),
    }
}

impl Service {
    /// The verifier key of this ledger (`name+<id>+<key>`), once initialized.
    pub fn verifier_key(&self) -> Option<String> {
        self.read(|m| {
            let org = m.org();
            org.ledger_public
                .and_then(|k| NoteVerifier::new(&org.origin, k).ok())
                .map(|v| v.to_string())
        })
    }

    /// The published checkpoint and what the auditor's page shows of it.
    pub fn ledger_summary(&self) -> Result<LedgerSummary, ServiceError> {
        let note = self
            .ledger()
            .checkpoint()
            .ok_or_else(|| ServiceError::NotFound("no checkpoint yet".into()))?;
        let header = export::header(&note).map_err(export_error)?;
        let root = Note::parse(&note)
            .ok()
            .and_then(|n| Checkpoint::parse_text(n.text()).ok())
            .map(|c| c.root.to_base64())
            .unwrap_or_default();
        Ok(LedgerSummary {
            origin: header.origin.clone(),
            size: header.size,
            file_name: export::file_name(&header),
            checkpoint: note,
            root,
            vkey: self.verifier_key().unwrap_or_default(),
        })
    }

    /// The export bundle of the published checkpoint, asked for by `by` (logged).
    ///
    /// Built in memory, in one buffer handed to the response as it is (no second copy): the
    /// process holds the bundle (the entries plus one header line; 23 MB for the 38,000 entries
    /// of the 3,000-complaint demo) while it is sent. Bundles are built one at a time, so
    /// several auditors downloading at once wait rather than multiply that, and the buffer
    /// starts at the previous bundle's size (a ledger only grows), so it is seldom regrown.
    pub async fn bundle(&self, by: StaffId) -> Result<Bundle, ServiceError> {
        let _turn = ONE_AT_A_TIME
            .acquire()
            .await
            .map_err(|e| ServiceError::Integrity(e.to_string()))?;
        let note = self
            .ledger()
            .checkpoint()
            .ok_or_else(|| ServiceError::NotFound("no checkpoint yet".into()))?;
        let mut bytes = Vec::with_capacity(LAST_SIZE.load(Ordering::Relaxed));
        let header = export::write_bundle(self.store().as_ref(), &note, &mut bytes)
            .await
            .map_err(export_error)?;
        LAST_SIZE.store(bytes.len(), Ordering::Relaxed);
        tracing::info!(staff = %by, size = header.size, bytes = bytes.len(), "ledger bundle downloaded");
        Ok(Bundle {
            file_name: export::file_name(&header),
            header,
            bytes,
        })
    }
}
