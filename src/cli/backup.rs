//! `recourse backup`: a consistent backup of a data folder's ledger, vault, accounts and
//! attachments in one file, taken while the server runs (format and consistency:
//! [`crate::backup`]). The keys are left out, and the command says so.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;
use recourse_events::checkpoint::NoteVerifier;

use super::DataArg;
use super::copying::{self, live_state};
use super::progress::Progress;
use crate::backup::{BackupFile, Header, create_private};
use crate::store::{self, EventStore};
use crate::transfer::{self, Source, StoreEntries, Target};

/// Arguments of `backup`.
#[derive(Debug, Args)]
pub struct Backup {
    #[command(flatten)]
    data: DataArg,
    /// The backup file to write (replaced atomically if it exists).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

/// Removes a temporary backup and SQLite's companions unless disarmed.
struct TmpFile(Option<PathBuf>);

impl Drop for TmpFile {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut name = p.clone().into_os_string();
                name.push(suffix);
                let _ = std::fs::remove_file(name);
            }
        }
    }
}

impl Backup {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        copying::report(self.backup()).await
    }

    async fn backup(self) -> anyhow::Result<()> {
        let dir = self.data.dir();
        if !dir.is_initialized()
            || matches!(dir.store_url()?, crate::store::StoreUrl::Sqlite(_))
                && !dir.db_path().exists()
        {
            anyhow::bail!(
                "{} holds no ledger database (ledger.db): nothing to back up",
                dir.root().display()
            );
        }
        let signer = dir.signer()?;
        // The master key is not copied, but a folder without it is not one to back up.
        dir.master_key()?;
        let verifier = NoteVerifier::new(&signer.origin, signer.key.public())
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let name = self
            .out
            .file_name()
            .with_context(|| format!("--out {} names no file", self.out.display()))?
            .to_string_lossy()
            .into_owned();
        anyhow::ensure!(
            !self.out.is_dir(),
            "--out {} is a folder; give a file name",
            self.out.display()
        );
        let parent = self
            .out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = parent.join(format!(
            ".{name}.{}.tmp",
            hex::encode(crate::data_dir::random_bytes::<4>())
        ));
        create_private(&tmp)?;
        let mut guard = TmpFile(Some(tmp.clone()));

        let progress = Progress::new();
        let started = jiff::Timestamp::now();
        // Read-only: the running server keeps the only writer.
        let url = dir.store_url()?;
        let source_store: Arc<dyn EventStore> = store::open(&url, None).await?.into();
        let source = Source {
            entries: Arc::new(StoreEntries(source_store)),
            state: Arc::new(live_state(&dir, &url).await?),
        };
        let target_store: Arc<dyn EventStore> =
            Arc::new(store::sqlite::SqliteStore::open(&tmp, Some(signer.clone())).await?);
        let file = Arc::new(BackupFile::create(&tmp)?);
        let target = Target {
            store: target_store,
            state: file.clone(),
        };
        let copied = transfer::copy(&source, &target, &verifier, &copying::show(&progress)).await;
        progress.clear();
        let copied = copied?;
        drop(target);
        drop(source);
        let files = copying::read_files(&dir.reference_dir())?;
        file.put_files(&files)?;
        let file = Arc::into_inner(file).context("the backup file is still in use")?;
        file.finish(&Header {
            origin: signer.origin.clone(),
            size: copied.size,
            checkpoint: copied.note.clone(),
            created: started.to_string(),
        })?;
        std::fs::rename(&tmp, &self.out)
            .with_context(|| format!("moving {} to {}", tmp.display(), self.out.display()))?;
        guard.0 = None;
        std::fs::File::open(parent).and_then(|d| d.sync_all())?;
        say!(
            "backup written to {}: {}",
            self.out.display(),
            copying::summary(&copied)
        );
        say!(
            "The backup holds NO keys. Restoring it needs {}/keys/ (ledger.key, master.key, web-intake.key): keep a copy of that folder apart from the backups and offline (a USB key in a safe, a printout); without master.key the personal data in every backup is lost for good.",
            dir.root().display()
        );
        say!("Sessions are not kept: after a restore, staff sign in again.");
        Ok(())
    }
}
