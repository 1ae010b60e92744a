//! The blob store in the data folder: `evidence/<case id>/<attachment id>.sealed`.
//!
//! A blob is written to a temporary file in its case's folder, fsynced, renamed into place,
//! and the folder fsynced: a crash leaves either the whole blob or none (a stray temporary
//! file, which [`FsBlobStore::open`] removes). Files at the top of `evidence/` (the sealed
//! attestations of reviews, which the vault keeps) are not the store's and are left alone.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use recourse_events::ids::{AttachmentId, CaseId};

use super::{BlobError, BlobKey, BlobStore};
use crate::data_dir::random_bytes;

/// Name ending of a stored blob.
const SEALED: &str = "sealed";
/// Name ending of a blob being written.
const TMP: &str = "tmp";

/// Blobs as files under one folder.
pub struct FsBlobStore {
    root: PathBuf,
}

impl FsBlobStore {
    /// Opens (creating if needed) the store in `root`, removing temporary files a crash left.
    pub fn open(root: &Path) -> Result<FsBlobStore, BlobError> {
        fs::create_dir_all(root)?;
        let store = FsBlobStore {
            root: root.to_path_buf(),
        };
        for dir in store.case_dirs()? {
            for entry in fs::read_dir(&dir)? {
                let path = entry?.path();
                if path.extension().is_some_and(|e| e == TMP) {
                    fs::remove_file(&path)?;
                }
            }
        }
        Ok(store)
    }

    /// The file of blob `key`.
    pub fn path(&self, key: &BlobKey) -> PathBuf {
        self.root
            .join(key.case.to_string())
            .join(format!("{}.{SEALED}", key.attachment))
    }

    /// The folders named by a case id.
    fn case_dirs(&self) -> Result<Vec<PathBuf>, BlobError> {
        let mut dirs = Vec::new();
        for entry in fs::read_dir(&self.root)? {
            let entry = entry?;
            let is_case = entry
                .file_name()
                .to_str()
                .is_some_and(|n| n.parse::<CaseId>().is_ok());
            if is_case && entry.file_type()?.is_dir() {
                dirs.push(entry.path());
            }
        }
        Ok(dirs)
    }
}

/// Fsyncs a folder, so that a rename or removal in it is durable.
fn sync_dir(dir: &Path) -> Result<(), BlobError> {
    File::open(dir)?.sync_all()?;
    Ok(())
}

impl BlobStore for FsBlobStore {
    fn put(&self, key: &BlobKey, bytes: &[u8]) -> Result<(), BlobError> {
        let path = self.path(key);
        let dir = path.parent().unwrap_or(&self.root).to_path_buf();
        if !dir.is_dir() {
            fs::create_dir(&dir)?;
            sync_dir(&self.root)?;
        }
        let tmp = dir.join(format!(
            "{}.{}.{TMP}",
            key.attachment,
            hex::encode(random_bytes::<4>())
        ));
        let written = (|| -> Result<(), BlobError> {
            let mut f = File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            fs::rename(&tmp, &path)?;
            sync_dir(&dir)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written
    }

    fn get(&self, key: &BlobKey) -> Result<Vec<u8>, BlobError> {
        fs::read(self.path(key)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => BlobError::Missing(key.attachment),
            _ => e.into(),
        })
    }

    fn delete(&self, key: &BlobKey) -> Result<bool, BlobError> {
        let path = self.path(key);
        match fs::remove_file(&path) {
            Ok(()) => {
                sync_dir(path.parent().unwrap_or(&self.root))?;
                Ok(true)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    fn delete_case(&self, case: CaseId) -> Result<usize, BlobError> {
        let dir = self.root.join(case.to_string());
        if !dir.is_dir() {
            return Ok(0);
        }
        let mut n = 0;
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == SEALED) {
                n += 1;
            }
        }
        fs::remove_dir_all(&dir)?;
        sync_dir(&self.root)?;
        Ok(n)
    }

    fn list(&self) -> Result<Vec<(BlobKey, u64)>, BlobError> {
        let now = SystemTime::now();
        let mut out = Vec::new();
        for dir in self.case_dirs()? {
            let Some(case) = dir
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.parse::<CaseId>().ok())
            else {
                continue;
            };
            for entry in fs::read_dir(&dir)? {
                let entry = entry?;
                let path = entry.path();
                let attachment = path
                    .extension()
                    .filter(|e| *e == SEALED)
                    .and_then(|_| path.file_stem())
                    .and_then(|s| s.to_str())
                    .and_then(|s| s.parse().ok())
                    .map(AttachmentId);
                let Some(attachment) = attachment else {
                    continue;
                };
                let modified = entry.metadata()?.modified()?;
                let age = now.duration_since(modified).unwrap_or_default().as_secs();
                out.push((BlobKey { case, attachment }, age));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn key() -> BlobKey {
        BlobKey {
            case: CaseId(Uuid::now_v7()),
            attachment: AttachmentId(Uuid::now_v7()),
        }
    }

    #[test]
    fn a_blob_put_is_read_back_listed_and_deleted_with_its_case() {
        let tmp = tempfile::tempdir().unwrap();
        let store = FsBlobStore::open(tmp.path()).unwrap();
        let k = key();
        assert!(matches!(store.get(&k), Err(BlobError::Missing(_))));
        store.put(&k, b"sealed bytes").unwrap();
        assert_eq!(store.get(&k).unwrap(), b"sealed bytes");
        assert_eq!(store.list().unwrap().len(), 1);
        assert_eq!(store.list().unwrap()[0].0, k);
        assert_eq!(store.delete_case(k.case).unwrap(), 1);
        assert!(store.list().unwrap().is_empty());
        assert!(!store.delete(&k).unwrap());
    }

    #[test]
    fn stray_temporary_files_are_removed_and_other_files_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let k = key();
        let dir = tmp.path().join(k.case.to_string());
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(format!("{}.abcd.tmp", k.attachment)), b"half").unwrap();
        fs::write(tmp.path().join("0123.sealed"), b"a review's attestation").unwrap();
        let store = FsBlobStore::open(tmp.path()).unwrap();
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
        assert!(store.list().unwrap().is_empty());
        assert!(tmp.path().join("0123.sealed").exists());
    }
}
