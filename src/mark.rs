//! The high-water mark: the latest signed checkpoint the log has published, kept in a file of
//! the data folder outside the store, so that putting back an older copy of the database is
//! noticed.
//!
//! Every checkpoint a commit signs lives in the store, in the same transaction as the entries
//! it covers; a restored older database therefore carries older checkpoints that verify
//! perfectly well on their own. The mark is what says "this log has already been seen at size
//! N with root R": at start the ledger must be at least that large and hold the same tree at
//! that size, and `recourse verify` checks the same. The log only ever publishes (serves, and
//! acknowledges appends under) a checkpoint once the mark holds it, so the log can never be
//! made to sign a second, different root for a size someone has already seen, short of
//! someone also replacing this file (witnesses, later, cover that case too).
//!
//! Format: two slots of [`SLOT`] bytes, each a little-endian `u32` length and the signed note
//! text. Writes alternate between the slots and are fsynced in place; a write torn by a crash
//! damages only the slot being written, whose note then fails its signature check, and the
//! other slot still holds the previous mark. One fsync per mark, no rename, no directory sync.

use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use recourse_events::checkpoint::{Checkpoint, NoteVerifier};

/// Bytes per slot: a checkpoint note with room for cosignatures.
const SLOT: usize = 8192;

/// A mark read back and verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// The checkpoint.
    pub checkpoint: Checkpoint,
    /// Its signed note text.
    pub note: String,
}

/// Why a mark could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum MarkError {
    /// The file could not be read or written.
    #[error("high-water mark {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: io::Error,
    },
    /// The file holds bytes but no checkpoint signed by the ledger key.
    #[error(
        "high-water mark {0} holds no checkpoint signed by this ledger's key: it was damaged or replaced"
    )]
    Unreadable(String),
    /// A note too large for a slot.
    #[error("checkpoint note of {0} bytes does not fit the high-water mark's slot")]
    TooLarge(usize),
}

/// The mark file, open for reading and writing.
#[derive(Debug)]
pub struct MarkFile {
    path: PathBuf,
    file: File,
    /// The slot the next write goes to.
    next_slot: u64,
    latest: Option<Marked>,
}

impl MarkFile {
    /// Creates an empty mark file (for a new ledger); fails if one exists.
    pub fn create(path: &Path) -> Result<(), MarkError> {
        let io = |source| MarkError::Io {
            path: path.display().to_string(),
            source,
        };
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(io)?;
        file.sync_all().map_err(io)?;
        if let Some(dir) = path.parent() {
            File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
        }
        Ok(())
    }

    /// Opens an existing mark file and reads the latest valid mark in it (`None` in a file
    /// never written). A file with bytes in it but no valid mark is an error: a mark can only
    /// be lost by a crash tearing a write, which leaves the other slot intact.
    pub fn open(path: &Path, verifier: &NoteVerifier) -> Result<MarkFile, MarkError> {
        let io = |source| MarkError::Io {
            path: path.display().to_string(),
            source,
        };
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map_err(io)?;
        let (latest, slot) = read_slots(&file, verifier, path)?;
        Ok(MarkFile {
            path: path.to_path_buf(),
            file,
            next_slot: slot.map_or(0, |s| 1 - s),
            latest,
        })
    }

    /// The latest mark.
    pub fn latest(&self) -> Option<&Marked> {
        self.latest.as_ref()
    }

    /// Durably records `marked` as the new mark (its size must not be below the current one).
    pub fn write(&mut self, marked: Marked) -> Result<(), MarkError> {
        debug_assert!(
            self.latest
                .as_ref()
                .is_none_or(|m| m.checkpoint.size <= marked.checkpoint.size)
        );
        let bytes = marked.note.as_bytes();
        if bytes.len() + 4 > SLOT {
            return Err(MarkError::TooLarge(bytes.len()));
        }
        let mut slot = vec![0u8; SLOT];
        slot[..4].copy_from_slice(&(bytes.len() as u32).to_le_bytes());
        slot[4..4 + bytes.len()].copy_from_slice(bytes);
        let io = |source| MarkError::Io {
            path: self.path.display().to_string(),
            source,
        };
        self.file
            .write_all_at(&slot, self.next_slot * SLOT as u64)
            .map_err(io)?;
        self.file.sync_data().map_err(io)?;
        self.next_slot = 1 - self.next_slot;
        self.latest = Some(marked);
        Ok(())
    }
}

/// Reads the mark in a file without opening it for writing (for `verify`).
pub fn read(path: &Path, verifier: &NoteVerifier) -> Result<Option<Marked>, MarkError> {
    let file = File::open(path).map_err(|source| MarkError::Io {
        path: path.display().to_string(),
        source,
    })?;
    Ok(read_slots(&file, verifier, path)?.0)
}

fn read_slots(
    file: &File,
    verifier: &NoteVerifier,
    path: &Path,
) -> Result<(Option<Marked>, Option<u64>), MarkError> {
    let len = file
        .metadata()
        .map_err(|source| MarkError::Io {
            path: path.display().to_string(),
            source,
        })?
        .len();
    if len == 0 {
        return Ok((None, None));
    }
    let mut best: Option<(Marked, u64)> = None;
    for slot in 0..2u64 {
        let mut buf = vec![0u8; SLOT];
        let n = read_up_to(file, &mut buf, slot * SLOT as u64);
        let Some(marked) = parse_slot(&buf[..n], verifier) else {
            continue;
        };
        if best
            .as_ref()
            .is_none_or(|(b, _)| b.checkpoint.size < marked.checkpoint.size)
        {
            best = Some((marked, slot));
        }
    }
    match best {
        Some((m, slot)) => Ok((Some(m), Some(slot))),
        None => Err(MarkError::Unreadable(path.display().to_string())),
    }
}

fn read_up_to(file: &File, buf: &mut [u8], offset: u64) -> usize {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read_at(&mut buf[filled..], offset + filled as u64) {
            Ok(0) | Err(_) => break,
            Ok(n) => filled += n,
        }
    }
    filled
}

fn parse_slot(slot: &[u8], verifier: &NoteVerifier) -> Option<Marked> {
    let len = u32::from_le_bytes(slot.get(..4)?.try_into().ok()?) as usize;
    let note = std::str::from_utf8(slot.get(4..4usize.checked_add(len)?)?).ok()?;
    let (checkpoint, _) = Checkpoint::open(note, verifier).ok()?;
    Some(Marked {
        checkpoint,
        note: note.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use recourse_events::SecretKey;
    use recourse_events::merkle::empty_root;

    fn marked(key: &SecretKey, size: u64) -> Marked {
        let checkpoint = Checkpoint {
            origin: "example.org/log".into(),
            size,
            root: empty_root(),
            extensions: vec![],
        };
        let note = checkpoint.sign(key).unwrap().to_string();
        Marked { checkpoint, note }
    }

    #[test]
    fn the_latest_mark_survives_a_torn_write_of_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mark");
        let key = SecretKey::from_seed(&[7; 32]);
        let v = NoteVerifier::new("example.org/log", key.public()).unwrap();
        MarkFile::create(&path).unwrap();
        assert!(MarkFile::create(&path).is_err(), "never overwrites a mark");
        let mut file = MarkFile::open(&path, &v).unwrap();
        assert_eq!(file.latest(), None);
        for size in 1..=5 {
            file.write(marked(&key, size)).unwrap();
        }
        assert_eq!(read(&path, &v).unwrap().unwrap().checkpoint.size, 5);
        // Slot of size 5 is 0 (writes alternate 0,1,0,1,0); tear the next write (slot 1).
        let raw = OpenOptions::new().write(true).open(&path).unwrap();
        raw.write_all_at(&[0xff; 100], SLOT as u64).unwrap();
        let mut file = MarkFile::open(&path, &v).unwrap();
        assert_eq!(file.latest().unwrap().checkpoint.size, 5);
        file.write(marked(&key, 6)).unwrap();
        assert_eq!(read(&path, &v).unwrap().unwrap().checkpoint.size, 6);
        // A mark signed by another key is no mark; a zeroed file is an error, not "no mark".
        let other =
            NoteVerifier::new("example.org/log", SecretKey::from_seed(&[8; 32]).public()).unwrap();
        assert!(matches!(read(&path, &other), Err(MarkError::Unreadable(_))));
        std::fs::write(&path, vec![0u8; 2 * SLOT]).unwrap();
        assert!(matches!(read(&path, &v), Err(MarkError::Unreadable(_))));
    }
}
