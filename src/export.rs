//! Writing the ledger as an export bundle (`recourse_events::bundle`): the one exporter, used by
//! `recourse export` and by the auditor's download (`/staff/audit/bundle`).
//!
//! The header's checkpoint carries, after the log's signature, every cosignature the log has
//! gathered for that checkpoint (`cosignature/v1` lines, each checked again as it is read: see
//! [`cosigned_note`]), so that `recourse verify --bundle --witness` can require witnesses
//! offline; a verifier that knows nothing of witnesses ignores those lines, as signed notes
//! allow.
//!
//! The bundle is consistent by construction: it is given one signed checkpoint and writes
//! exactly the entries that checkpoint covers, positions `0..size`, even if the log grows while
//! it is written (later entries are simply not part of it). A log that ends before the
//! checkpoint's size, or skips a position, is an error rather than a short bundle.

use std::io::Write;

use recourse_events::bundle::{BUNDLE_FORMAT, BundleHeader};
use recourse_events::checkpoint::{Checkpoint, Note};

use crate::service::cosigning::cosigned_note;
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

/// Writes the bundle of checkpoint `note` to `w`: the header line (the checkpoint with the
/// cosignatures stored for it), then the `size` entries it covers, one per line, byte for
/// byte. Returns the header written.
pub async fn write_bundle(
    store: &dyn EventStore,
    note: &str,
    w: &mut impl Write,
) -> Result<BundleHeader, ExportError> {
    let mut header = header(note)?;
    header.checkpoint = cosigned_note(store, note, header.size).await?;
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

/// The stored checkpoint that witnesses cosigned most (note text, without the cosignature
/// lines), the latest among equals, if any: what `recourse export --cosigned` writes. The
/// candidates are each witness's latest cosigned checkpoint; once witnesses have caught up
/// they share it, a little older than the latest checkpoint, which they see within seconds.
pub async fn latest_cosigned(store: &dyn EventStore) -> Result<Option<String>, StoreError> {
    let mut sizes: Vec<u64> = store
        .latest_cosignatures()
        .await?
        .into_iter()
        .map(|(size, _)| size)
        .collect();
    sizes.sort_unstable();
    sizes.dedup();
    let mut best: Option<(usize, u64, String)> = None;
    for size in sizes {
        let Some(note) = store.checkpoint_at(size).await? else {
            continue;
        };
        let lines = cosigned_note(store, &note, size).await?.lines().count() - note.lines().count();
        if lines > 0 && best.as_ref().is_none_or(|(n, _, _)| lines >= *n) {
            best = Some((lines, size, note));
        }
    }
    Ok(best.map(|(_, _, note)| note))
}
