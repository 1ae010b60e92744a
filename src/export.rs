//! Writing the ledger as an export bundle (`recourse_events::bundle`): the one exporter, used by
//! `recourse export` and by the auditor's download (`/staff/audit/bundle`).
//!
//! The bundle is consistent by construction: it is given one signed checkpoint and writes
//! exactly the entries that checkpoint covers, positions `0..size`, even if the log grows while
//! it is written (later entries are simply not part of it). A log that ends before the
//! checkpoint's size, or skips a position, is an error rather than a short bundle.

use std::io::Write;

use recourse_events::bundle::{BUNDLE_FORMAT, BundleHeader};
use recourse_events::checkpoint::{Checkpoint, Note};

use crate::store::{EventStore, StoreError};

/// Entries read from the store at a time.
const BATCH: usize = 8192;

/// Why a bundle could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The checkpoint given is not a signed checkpoint note.
    #[error("the checkpoint does not parse: {0}")]
    Checkpoint(#[from] recourse_events::checkpoint::NoteError),
    /// The store does not hold what the checkpoint covers.
    #[error("{0}")]
    Incomplete(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The header of the bundle of checkpoint `note` (its origin and size from the note itself).
pub fn header(note: &str) -> Result<BundleHeader, ExportError> {
    let parsed = Note::parse(note)?;
    let cp = Checkpoint::parse_text(parsed.text())?;
    Ok(BundleHeader {
        format: BUNDLE_FORMAT.into(),
        origin: cp.origin,
        size: cp.size,
        checkpoint: note.to_string(),
    })
}

/// The file name a bundle is offered under: `recourse-<origin>-<size>.jsonl`, the origin's
/// characters other than letters, digits, `.` and `-` replaced by `-`.
pub fn file_name(header: &BundleHeader) -> String {
    let origin: String = header
        .origin
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("recourse-{origin}-{}.jsonl", header.size)
}

/// Writes the bundle of checkpoint `note` to `w`: the header line, then the `size` entries it
/// covers, one per line, byte for byte. Returns the header written.
pub async fn write_bundle(
    store: &dyn EventStore,
    note: &str,
    w: &mut impl Write,
) -> Result<BundleHeader, ExportError> {
    let header = header(note)?;
    serde_json::to_writer(&mut *w, &header).map_err(std::io::Error::from)?;
    w.write_all(b"\n")?;
    let size = header.size;
    let mut position = 0;
    while position < size {
        let batch = store.read_from(position, BATCH).await?;
        if batch.is_empty() {
            return Err(ExportError::Incomplete(format!(
                "the log ends at {position}, before its checkpoint's size {size}"
            )));
        }
        for e in batch.into_iter().take((size - position) as usize) {
            if e.position != position {
                return Err(ExportError::Incomplete(format!(
                    "entry {position} is missing from the log"
                )));
            }
            w.write_all(&e.entry)?;
            w.write_all(b"\n")?;
            position += 1;
        }
    }
    Ok(header)
}
