//! What `backup`, `restore` and `migrate` share: opening a data folder's backends, building a
//! new data folder beside its destination and moving it into place only once it verifies,
//! the keys a copy needs, and the progress line.
//!
//! A new data folder (restore, migrate to SQLite) is built in a hidden sibling folder
//! (`.NAME.building-` and 8 random hex digits), verified there, and renamed into place: a failure or a crash
//! never leaves a half-made folder under the destination's name, and the staging folder is
//! removed on failure.

use std::fs;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use recourse_events::checkpoint::{Checkpoint, NoteVerifier};

use super::progress::Progress;
use crate::data_dir::{DataDir, random_bytes, write_secret};
use crate::store::{EventStore, StoreUrl};
use crate::transfer::{Copied, Live, Phase, TransferError};
use crate::verification;

/// The key files a data folder needs that no copy or backup carries, as named in `keys/`.
pub(super) const KEY_FILES: [&str; 3] = ["ledger.key", "master.key", "web-intake.key"];

/// A failure that is a verification failure (exit status 1), not bad usage (2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(super) struct VerificationFailed(pub String);

/// The exit status for an error of these commands.
pub(super) fn exit_status(e: &anyhow::Error) -> u8 {
    let verification = e.chain().any(|c| {
        c.downcast_ref::<VerificationFailed>().is_some()
            || c.downcast_ref::<TransferError>()
                .is_some_and(TransferError::is_verification_failure)
            || matches!(
                c.downcast_ref::<crate::backup::BackupError>(),
                Some(crate::backup::BackupError::Damaged { .. })
            )
    });
    if verification {
        super::EXIT_VERIFICATION_FAILED
    } else {
        super::exit_status_of(e)
    }
}

/// Runs a command body, printing its error with the right exit status.
pub(super) async fn report(
    body: impl std::future::Future<Output = anyhow::Result<()>>,
) -> anyhow::Result<std::process::ExitCode> {
    match body.await {
        Ok(()) => Ok(std::process::ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("error: {e:#}");
            Ok(std::process::ExitCode::from(exit_status(&e)))
        }
    }
}

/// The vault, accounts and attachments that go with the store at `url`, as a server on the
/// data folder `folder` opens them (`crate::storage`): the folder's files for the embedded
/// store, the same database for PostgreSQL; the vault under the folder's master key.
///
/// `FsBlobStore::open` removes `*.tmp` files a crash left in `evidence/`; on the folder of a
/// running server that can also be a file an upload is writing at that moment, whose upload
/// then fails with an error (nothing is lost silently).
pub(super) async fn live_state(folder: &DataDir, url: &StoreUrl) -> anyhow::Result<Live> {
    let storage = crate::storage::Storage::open(folder, url).await?;
    Ok(Live {
        vault: storage.vault(),
        accounts: storage.accounts()?,
        blobs: storage.blobs(),
    })
}

/// The folder whose vault, accounts and attachments go with the embedded store at `url`: the
/// folder of its file; for PostgreSQL, `keys` (the database holds the state, the folder the
/// master key that opens it).
pub(super) fn state_folder(url: &StoreUrl, keys: &DataDir) -> anyhow::Result<DataDir> {
    match url {
        StoreUrl::Sqlite(path) => {
            anyhow::ensure!(
                path.file_name().is_some_and(|n| n == "ledger.db"),
                "the embedded store of a data folder is FOLDER/ledger.db; {} is not named ledger.db",
                path.display()
            );
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
            Ok(DataDir::new(parent.unwrap_or(Path::new("."))))
        }
        StoreUrl::Postgres(_) => Ok(keys.clone().with_store(url.clone())),
    }
}

/// Records in the new folder `dir` that its store is `url` (when not the embedded one).
pub(super) fn record_store(dir: &DataDir, url: &StoreUrl) -> anyhow::Result<()> {
    if let StoreUrl::Postgres(u) = url {
        write_secret(&dir.store_url_path(), format!("{u}\n").as_bytes())?;
    }
    Ok(())
}

/// A progress line for a copy.
pub(super) fn show(progress: &Progress) -> impl Fn(Phase) + Sync + '_ {
    move |phase| match phase {
        Phase::Ledger(done, total) => {
            progress.say(format_args!("ledger: {done} of {total} entries"));
        }
        Phase::Cosignatures(done) => {
            progress.say(format_args!("witness cosignatures: {done}"));
        }
        Phase::Vault => progress.say(format_args!("vault…")),
        Phase::Accounts => progress.say(format_args!("staff accounts…")),
        Phase::Blobs(done, total) => {
            progress.say(format_args!("attachments: {done} of {total}"));
        }
    }
}

/// One line saying what a copy copied.
pub(super) fn summary(c: &Copied) -> String {
    format!(
        "{} entries (root {}), {} witness cosignatures{}, {} data keys ({} destroyed), {} sealed documents, {} staff accounts, {} attachments",
        c.size,
        c.root.to_base64(),
        c.cosignatures,
        if c.cosignatures_refused > 0 {
            format!(
                " ({} stored ones did not verify and were left out)",
                c.cosignatures_refused
            )
        } else {
            String::new()
        },
        c.keys,
        c.destroyed,
        c.documents,
        c.accounts,
        c.blobs
    )
}

/// Refuses a destination that holds anything; true if it exists (empty).
pub(super) fn check_destination(target: &Path) -> anyhow::Result<bool> {
    match fs::read_dir(target) {
        Ok(mut entries) => {
            if entries.next().is_none() {
                return Ok(true);
            }
            let dir = DataDir::new(target);
            if dir.db_path().exists() || dir.is_initialized() {
                anyhow::bail!(
                    "{} already holds a ledger: a restore or migration goes into a new or empty folder (nothing was changed)",
                    target.display()
                );
            }
            anyhow::bail!(
                "{} is not empty: a restore or migration goes into a new or empty folder (nothing was changed)",
                target.display()
            )
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => anyhow::bail!(
            "{} is a file, not a folder (nothing was changed)",
            target.display()
        ),
        Err(e) => Err(e).with_context(|| format!("reading {}", target.display())),
    }
}

/// A data folder being built beside its destination; removed when dropped unless committed.
pub(super) struct Staging {
    /// The folder being built.
    pub dir: DataDir,
    target: PathBuf,
    existed: bool,
    committed: bool,
}

impl Staging {
    /// Checks `target` is new or empty and creates the staging folder beside it.
    pub(super) fn new(target: &Path) -> anyhow::Result<Staging> {
        let existed = check_destination(target)?;
        let name = target
            .file_name()
            .with_context(|| format!("{} names no folder", target.display()))?
            .to_string_lossy()
            .into_owned();
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        let staging = parent.join(format!(
            ".{name}.building-{}",
            hex::encode(random_bytes::<4>())
        ));
        fs::DirBuilder::new()
            .mode(0o700)
            .create(&staging)
            .with_context(|| format!("creating {}", staging.display()))?;
        Ok(Staging {
            dir: DataDir::new(staging),
            target: target.to_path_buf(),
            existed,
            committed: false,
        })
    }

    /// Moves the built folder into place (durably).
    pub(super) fn commit(mut self) -> anyhow::Result<Committed> {
        if self.existed {
            // An empty folder is replaced by the rename; one that gained files meanwhile is not.
            check_destination(&self.target)?;
        }
        fs::rename(self.dir.root(), &self.target).with_context(|| {
            format!(
                "moving {} to {}",
                self.dir.root().display(),
                self.target.display()
            )
        })?;
        self.committed = true;
        if let Some(parent) = self.target.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::File::open(parent).and_then(|d| d.sync_all())?;
        }
        Ok(Committed {
            dir: DataDir::new(&self.target),
            existed: self.existed,
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(self.dir.root());
        }
    }
}

/// A data folder moved into place, still undone if the start-up check fails.
pub(super) struct Committed {
    /// The folder.
    pub dir: DataDir,
    existed: bool,
}

impl Committed {
    /// Removes the folder again (recreating it empty if it existed before).
    pub(super) fn undo(self) {
        let _ = fs::remove_dir_all(self.dir.root());
        if self.existed {
            let _ = fs::create_dir(self.dir.root());
        }
    }
}

/// Copies the three key files from `keys` into `dir/keys/` (0600) and writes `ledger.vkey`;
/// the ledger's verifier key (from the ledger key: trusted, as the operator's own copy).
/// Names exactly the files that are missing.
pub(super) fn install_keys(keys: &Path, dir: &DataDir) -> anyhow::Result<NoteVerifier> {
    let missing: Vec<&str> = KEY_FILES
        .into_iter()
        .filter(|f| !keys.join(f).is_file())
        .collect();
    if !missing.is_empty() {
        anyhow::bail!(
            "{} lacks {}: a backup or copy holds no keys, so the ledger key, master key and web intake key (ledger.key, master.key, web-intake.key) must come from your own copy of the data folder's keys/ folder",
            keys.display(),
            missing.join(", ")
        );
    }
    let folder = dir.root().join("keys");
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&folder)
        .with_context(|| format!("creating {}", folder.display()))?;
    for f in KEY_FILES {
        let from = keys.join(f);
        let bytes = fs::read(&from).with_context(|| format!("reading {}", from.display()))?;
        write_secret(&folder.join(f), &bytes)?;
    }
    let signer = dir.signer()?;
    dir.master_key()?;
    dir.web_intake_key()?;
    let verifier = NoteVerifier::new(&signer.origin, signer.key.public())
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.ledger_key_path().display()))?;
    let vkey = dir.vkey_path();
    write_secret(&vkey, format!("{verifier}\n").as_bytes())?;
    fs::set_permissions(&vkey, fs::Permissions::from_mode(0o644))?;
    Ok(verifier)
}

/// The regular files of the folder `from` (none if it does not exist), by name.
pub(super) fn read_files(from: &Path) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    let Ok(entries) = fs::read_dir(from) else {
        return Ok(files);
    };
    for entry in entries {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let bytes = fs::read(entry.path())
                .with_context(|| format!("reading {}", entry.path().display()))?;
            files.push((name, bytes));
        }
    }
    files.sort();
    Ok(files)
}

/// Writes `files` into the folder `to` (created if there are any).
pub(super) fn write_files(to: &Path, files: &[(String, Vec<u8>)]) -> anyhow::Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    fs::create_dir_all(to)?;
    for (name, bytes) in files {
        anyhow::ensure!(
            !name.contains('/') && name != ".." && name != ".",
            "refusing the file name {name:?}"
        );
        fs::write(to.join(name), bytes)?;
    }
    Ok(())
}

/// Marks the copied checkpoint as the new folder's high-water mark, then runs the full
/// verification `recourse verify` runs on the store at `url`; prints its result line.
pub(super) async fn mark_and_verify(
    dir: &DataDir,
    url: &StoreUrl,
    copied: &Copied,
    verifier: &NoteVerifier,
    progress: &Progress,
) -> anyhow::Result<()> {
    crate::ledger::Ledger::reset_mark(dir, &copied.note).await?;
    let (checkpoint, _) = Checkpoint::open(&copied.note, verifier)
        .map_err(|e| VerificationFailed(format!("checkpoint does not verify: {e}")))?;
    progress.say(format_args!("verifying {} entries…", copied.size));
    let store: Arc<dyn EventStore> = crate::store::open(url, None).await?.into();
    let options = verification::Options {
        mark: Some(&checkpoint),
        live: false,
    };
    let result = verification::verify_store(store, verifier, options).await;
    progress.clear();
    match result {
        Ok(r) => {
            say!(
                "verified: {} entries in {} streams, root {} matches {} signed checkpoint(s)",
                r.entries,
                r.streams,
                r.root.to_base64(),
                r.checkpoints
            );
            Ok(())
        }
        Err(e @ verification::VerifyError::Failed { .. }) => {
            Err(VerificationFailed(e.to_string()).into())
        }
        Err(e) => Err(anyhow::anyhow!("{e}")),
    }
}

/// Opens the service on the new folder: the start-up check the server runs (the read model's
/// root, the stream index, a working data key for every case not erased, no key for one
/// erased), so that what is reported restored is known to start.
pub(super) async fn check_starts(dir: &DataDir) -> anyhow::Result<()> {
    let reference = Arc::new(crate::reference::load(dir)?.reference);
    match crate::service::Service::open(dir, reference).await {
        Ok(_) => Ok(()),
        Err(e) => Err(VerificationFailed(format!(
            "the copy does not pass the server's start-up check: {e}"
        ))
        .into()),
    }
}
