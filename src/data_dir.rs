//! The data folder: the ledger database, the ledger key, the master key and the public verifier
//! key, at fixed names so that every command finds them from `--data` alone.
//!
//! ```text
//! recourse-data/
//!   ledger.db          the embedded store (entries, tiles, checkpoints)
//!   store.url          where the store is instead, when it is not the embedded one (0600:
//!                      a PostgreSQL URL may hold a password); `--store` overrides it
//!   ledger.vkey        the ledger's public note verifier key: give this to auditors and witnesses
//!   keys/ledger.key    the ledger signing key (0600), in the standard note signer key format
//!   keys/master.key    the master key that wraps case data keys (0600)
//!   keys/web-intake.key  the web form's signing key (0600)
//!   vault.db           wrapped data keys (the key vault), apart from the ledger
//!   evidence/          documents, each sealed under its case's data key
//!   reference/         the organization's own copies of the reference documents, if any
//!                      (see [`crate::reference`])
//! ```
//!
//! Secrets are written to a temporary file created with mode 0600, fsynced, and renamed into
//! place, so a crash never leaves a half-written or world-readable key.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use recourse_events::SecretKey;
use recourse_events::checkpoint::{NoteVerifier, note_key_id};

use crate::store::{LogSigner, StoreUrl};

/// A problem with the data folder or its key files.
#[derive(Debug, thiserror::Error)]
pub enum DataDirError {
    /// The folder has no ledger yet.
    #[error("{0} holds no ledger: run `recourse init --data {0}` first")]
    NotInitialized(String),
    /// `init` on a folder that has a ledger.
    #[error("{0} already holds a ledger; refusing to overwrite its keys")]
    AlreadyInitialized(String),
    /// A key file is missing.
    #[error("key file {0} is missing")]
    MissingKey(String),
    /// A key file does not parse.
    #[error("key file {path} is unreadable: {reason}")]
    BadKey {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A filesystem error.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: String,
        /// The error.
        source: std::io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> DataDirError + '_ {
    move |source| DataDirError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Fills `buf` from the operating system's CSPRNG.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).expect("the operating system's random number generator is available");
    buf
}

/// The data folder.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
    /// The store named on the command line, over the folder's own `store.url`.
    store: Option<StoreUrl>,
}

impl DataDir {
    /// The folder at `root` (not necessarily existing).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            store: None,
        }
    }

    /// The folder with its store at `url` rather than where `store.url` (or the default)
    /// says; `init` records a non-default one in `store.url`.
    pub fn with_store(mut self, url: StoreUrl) -> Self {
        self.store = Some(url);
        self
    }

    /// The file naming the store, when it is not the embedded one.
    pub fn store_url_path(&self) -> PathBuf {
        self.root.join("store.url")
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The embedded database.
    pub fn db_path(&self) -> PathBuf {
        self.root.join("ledger.db")
    }

    /// Where the store is: the one given with [`with_store`](Self::with_store), else the one
    /// `store.url` names, else the embedded database.
    pub fn store_url(&self) -> Result<StoreUrl, DataDirError> {
        if let Some(url) = &self.store {
            return Ok(url.clone());
        }
        let path = self.store_url_path();
        if !path.exists() {
            return Ok(StoreUrl::Sqlite(self.db_path()));
        }
        let text = read_text(&path)?;
        StoreUrl::parse(text.trim()).map_err(|reason| DataDirError::BadKey {
            path: path.display().to_string(),
            reason,
        })
    }

    /// The ledger signing key file.
    pub fn ledger_key_path(&self) -> PathBuf {
        self.root.join("keys").join("ledger.key")
    }

    /// The master key file.
    pub fn master_key_path(&self) -> PathBuf {
        self.root.join("keys").join("master.key")
    }

    /// The key vault database (wrapped data keys), kept apart from the ledger database.
    pub fn vault_path(&self) -> PathBuf {
        self.root.join("vault.db")
    }

    /// The folder of sealed documents: attachments (one folder per case, see
    /// `crate::blob::FsBlobStore`) and the sealed attestations of reviews.
    pub fn evidence_path(&self) -> PathBuf {
        self.root.join("evidence")
    }

    /// Staff accounts (sign-in names, sealed signing keys).
    pub fn accounts_path(&self) -> PathBuf {
        self.root.join("accounts.db")
    }

    /// Staff sessions (shared by every server process serving this folder).
    pub fn sessions_path(&self) -> PathBuf {
        self.root.join("sessions.db")
    }

    /// The web intake service's signing key.
    pub fn web_intake_key_path(&self) -> PathBuf {
        self.root.join("keys").join("web-intake.key")
    }

    /// The web intake service's signing key (hex seed).
    pub fn web_intake_key(&self) -> Result<SecretKey, DataDirError> {
        let path = self.web_intake_key_path();
        let text = read_text(&path)?;
        let mut seed = [0u8; 32];
        hex::decode_to_slice(text.trim(), &mut seed).map_err(|_| DataDirError::BadKey {
            path: path.display().to_string(),
            reason: "expected 64 hex digits".into(),
        })?;
        Ok(SecretKey::from_seed(&seed))
    }

    /// The high-water mark: the latest checkpoint published (see [`crate::mark`]).
    pub fn mark_path(&self) -> PathBuf {
        self.root.join("checkpoint.mark")
    }

    /// The folder of the organization's own reference documents (see [`crate::reference`]).
    pub fn reference_dir(&self) -> PathBuf {
        self.root.join("reference")
    }

    /// The public verifier key file.
    pub fn vkey_path(&self) -> PathBuf {
        self.root.join("ledger.vkey")
    }

    /// True once `init` has written the ledger key.
    pub fn is_initialized(&self) -> bool {
        self.ledger_key_path().exists()
    }

    /// Creates the folder and fresh keys for a ledger named `origin`.
    pub fn create(&self, origin: &str) -> Result<LogSigner, DataDirError> {
        if self.is_initialized() || self.db_path().exists() {
            return Err(DataDirError::AlreadyInitialized(
                self.root.display().to_string(),
            ));
        }
        let keys = self.root.join("keys");
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&keys)
            .map_err(io_err(&keys))?;
        let key = SecretKey::from_seed(&random_bytes::<32>());
        let verifier =
            NoteVerifier::new(origin, key.public()).map_err(|e| DataDirError::BadKey {
                path: "--origin".into(),
                reason: e.to_string(),
            })?;
        write_secret(
            &self.master_key_path(),
            format!("{}\n", BASE64.encode(random_bytes::<32>())).as_bytes(),
        )?;
        write_secret(
            &self.ledger_key_path(),
            encode_signer_key(origin, &key).as_bytes(),
        )?;
        write_file(&self.vkey_path(), format!("{verifier}\n").as_bytes(), 0o644)?;
        if let Some(StoreUrl::Postgres(url)) = &self.store {
            write_secret(&self.store_url_path(), format!("{url}\n").as_bytes())?;
        }
        Ok(LogSigner {
            origin: origin.into(),
            key,
        })
    }

    /// The ledger key and origin.
    pub fn signer(&self) -> Result<LogSigner, DataDirError> {
        let path = self.ledger_key_path();
        if !self.root.exists() || (!path.exists() && !self.db_path().exists()) {
            return Err(DataDirError::NotInitialized(
                self.root.display().to_string(),
            ));
        }
        let text = read_text(&path)?;
        decode_signer_key(text.trim()).map_err(|reason| DataDirError::BadKey {
            path: path.display().to_string(),
            reason,
        })
    }

    /// The public verifier key from `ledger.vkey`.
    pub fn verifier(&self) -> Result<NoteVerifier, DataDirError> {
        read_verifier(&self.vkey_path())
    }

    /// The master key.
    pub fn master_key(&self) -> Result<[u8; 32], DataDirError> {
        let path = self.master_key_path();
        let text = read_text(&path)?;
        BASE64
            .decode(text.trim())
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .ok_or_else(|| DataDirError::BadKey {
                path: path.display().to_string(),
                reason: "expected base64 of 32 bytes".into(),
            })
    }
}

/// Reads a verifier key file (`name+id+key`).
pub fn read_verifier(path: &Path) -> Result<NoteVerifier, DataDirError> {
    let text = read_text(path)?;
    NoteVerifier::parse(text.trim()).map_err(|e| DataDirError::BadKey {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

fn read_text(path: &Path) -> Result<String, DataDirError> {
    match fs::read_to_string(path) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(DataDirError::MissingKey(path.display().to_string()))
        }
        Err(e) => Err(io_err(path)(e)),
    }
}

/// `PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>`, the signer key format of Go's note
/// package, so that standard tools can use the ledger key directly.
fn encode_signer_key(name: &str, key: &SecretKey) -> String {
    let mut data = vec![0x01];
    data.extend_from_slice(&key.seed());
    format!(
        "PRIVATE+KEY+{name}+{:08x}+{}\n",
        note_key_id(name, &key.public()),
        BASE64.encode(data)
    )
}

fn decode_signer_key(text: &str) -> Result<LogSigner, String> {
    let rest = text
        .strip_prefix("PRIVATE+KEY+")
        .ok_or("expected PRIVATE+KEY+name+id+key")?;
    let mut parts = rest.splitn(3, '+');
    let (Some(name), Some(id), Some(data)) = (parts.next(), parts.next(), parts.next()) else {
        return Err("expected PRIVATE+KEY+name+id+key".into());
    };
    let data = BASE64.decode(data).map_err(|_| "key is not base64")?;
    let seed: [u8; 32] = match data.split_first() {
        Some((0x01, seed)) => seed.try_into().map_err(|_| "Ed25519 seed is 32 bytes")?,
        _ => return Err("only Ed25519 (0x01) keys are supported".into()),
    };
    let key = SecretKey::from_seed(&seed);
    if format!("{:08x}", note_key_id(name, &key.public())) != id {
        return Err("key id does not match the name and key".into());
    }
    Ok(LogSigner {
        origin: name.into(),
        key,
    })
}

/// Writes a secret file (mode 0600) atomically and durably.
pub fn write_secret(path: &Path, bytes: &[u8]) -> Result<(), DataDirError> {
    write_file(path, bytes, 0o600)
}

/// Writes `bytes` to `path` atomically and durably, with `mode`.
fn write_file(path: &Path, bytes: &[u8], mode: u32) -> Result<(), DataDirError> {
    let tmp = path.with_extension("tmp");
    let mut f = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode)
        .open(&tmp)
        .map_err(io_err(&tmp))?;
    f.write_all(bytes).map_err(io_err(&tmp))?;
    f.sync_all().map_err(io_err(&tmp))?;
    fs::rename(&tmp, path).map_err(io_err(path))?;
    if let Some(dir) = path.parent() {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io_err(dir))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn creates_keys_once_with_private_modes() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = DataDir::new(tmp.path().join("data"));
        let signer = dir.create("test.example/log").unwrap();
        assert_eq!(dir.signer().unwrap().key.key_id(), signer.key.key_id());
        assert_eq!(dir.verifier().unwrap().key(), &signer.key.public());
        for p in [dir.ledger_key_path(), dir.master_key_path()] {
            assert_eq!(
                fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o600,
                "{}",
                p.display()
            );
        }
        assert!(dir.master_key().is_ok());
        assert!(matches!(
            dir.create("again"),
            Err(DataDirError::AlreadyInitialized(_))
        ));
    }

    #[test]
    fn signer_key_file_interoperates_with_signed_note() {
        let key = SecretKey::from_seed(&[5; 32]);
        let text = encode_signer_key("log.example", &key);
        assert!(signed_note::StandardSigner::new(text.trim()).is_ok());
        assert_eq!(
            decode_signer_key(text.trim()).unwrap().key.key_id(),
            key.key_id()
        );
        assert!(decode_signer_key(&text.trim().replace("+log.example+", "+other+")).is_err());
    }
}
