//! The witness's memory: per log, the latest checkpoint it cosigned.
//!
//! One file per log under `logs/` in the witness's data folder, named by the SHA-256 of the
//! log's origin (origins are URLs, not file names), holding the checkpoint note exactly as the
//! log signed it. A new state is written to a temporary file, fsynced, renamed over the old
//! one and the folder fsynced: after a crash the file holds the old state or the new, never a
//! mix, and once [`LogState::store`] returns the new state survives power loss.
//!
//! A state file is believed only if the log's own key verifies it and its origin is the log's:
//! a file that does not is an error that stops the witness, rather than a reason to forget
//! (forgetting would let the log be rolled back past it).

use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::{Path, PathBuf};

use recourse_events::Hash;
use recourse_events::checkpoint::{Checkpoint, NoteVerifier};
use sha2::{Digest, Sha256};

/// The latest checkpoint cosigned for a log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Latest {
    /// Its tree size.
    pub size: u64,
    /// Its root hash.
    pub root: Hash,
    /// The checkpoint note as the log signed it.
    pub note: String,
}

/// Where one log's state is kept.
#[derive(Debug, Clone)]
pub struct LogState {
    path: PathBuf,
}

/// The folder of the per-log state files in the witness data folder `dir`.
pub fn logs_dir(dir: &Path) -> PathBuf {
    dir.join("logs")
}

impl LogState {
    /// The state file of the log named `origin` in the witness data folder `dir`.
    pub fn new(dir: &Path, origin: &str) -> Self {
        let name = hex::encode(Sha256::digest(origin.as_bytes()));
        Self {
            path: logs_dir(dir).join(format!("{name}.checkpoint")),
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The stored state, verified by `keys` (the log's keys): None if the log was never
    /// cosigned; an error if the file is unreadable or not a checkpoint the log signed.
    pub fn load(&self, keys: &[NoteVerifier]) -> anyhow::Result<Option<Latest>> {
        let note = match std::fs::read_to_string(&self.path) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => anyhow::bail!("cannot read {}: {e}", self.path.display()),
        };
        let bad = |why: String| {
            anyhow::anyhow!(
                "{} is not a checkpoint this log signed ({why}): the witness will not forget \
                 what it cosigned; restore the file from a backup",
                self.path.display()
            )
        };
        let parsed =
            recourse_events::checkpoint::Note::parse(&note).map_err(|e| bad(e.to_string()))?;
        parsed.verify(keys).map_err(|e| bad(e.to_string()))?;
        let cp = Checkpoint::parse_text(parsed.text()).map_err(|e| bad(e.to_string()))?;
        if keys.iter().all(|k| k.name() != cp.origin) {
            return Err(bad(format!("origin {:?}", cp.origin)));
        }
        Ok(Some(Latest {
            size: cp.size,
            root: cp.root,
            note,
        }))
    }

    /// Replaces the stored state with `latest`, durably.
    pub fn store(&self, latest: &Latest) -> anyhow::Result<()> {
        write_durably(&self.path, latest.note.as_bytes(), 0o644)
    }
}

/// Writes `bytes` to `path` (creating its folder), atomically and durably: a temporary file
/// with `mode`, fsynced, renamed over `path`, and the folder fsynced.
pub fn write_durably(path: &Path, bytes: &[u8], mode: u32) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| anyhow::anyhow!("{} has no folder", path.display()))?;
    std::fs::create_dir_all(dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    let tmp = path.with_extension("tmp");
    let io = |p: &Path| {
        let p = p.display().to_string();
        move |e: std::io::Error| anyhow::anyhow!("cannot write {p}: {e}")
    };
    let mut f = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode)
        .open(&tmp)
        .map_err(io(&tmp))?;
    f.write_all(bytes).map_err(io(&tmp))?;
    f.sync_all().map_err(io(&tmp))?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(io(path))?;
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io(dir))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use recourse_events::SecretKey;
    use recourse_events::merkle::empty_root;

    #[test]
    fn stores_reads_back_and_refuses_what_the_log_did_not_sign() {
        let tmp = tempfile::tempdir().unwrap();
        let key = SecretKey::from_seed(&[1; 32]);
        let log = NoteVerifier::new("example.org/log", key.public()).unwrap();
        let state = LogState::new(tmp.path(), "example.org/log");
        assert_eq!(state.load(std::slice::from_ref(&log)).unwrap(), None);
        let cp = Checkpoint {
            origin: "example.org/log".into(),
            size: 4,
            root: empty_root(),
            extensions: vec![],
        };
        let latest = Latest {
            size: 4,
            root: cp.root,
            note: cp.sign(&key).unwrap().to_string(),
        };
        state.store(&latest).unwrap();
        assert_eq!(
            state.load(std::slice::from_ref(&log)).unwrap(),
            Some(latest.clone())
        );
        // Another key's checkpoint in the file is refused, not taken for an empty state.
        let other = SecretKey::from_seed(&[2; 32]);
        let forged = Latest {
            note: cp.sign(&other).unwrap().to_string(),
            ..latest
        };
        state.store(&forged).unwrap();
        assert!(state.load(std::slice::from_ref(&log)).is_err());
        std::fs::write(state.path(), "garbage").unwrap();
        assert!(state.load(&[log]).is_err());
    }
}
