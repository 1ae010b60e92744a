//! `recourse restore`: a backup into a new data folder, verified before it is put in place.
//!
//! The backup holds no keys: the operator gives their own copy of the data folder's `keys/`
//! (`--keys`). The backup's checkpoint is checked with that ledger key, never with anything in
//! the file; the folder is built beside its destination, its ledger verified in full (what
//! `recourse verify` checks) with the backup's checkpoint as its high-water mark, moved into
//! place, and opened once as the server opens it (the start-up check, which needs a working
//! data key for every case not erased). Only then does the command say it is restored.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use recourse_events::checkpoint::Checkpoint;

use super::DataArg;
use super::copying::{self, Staging, VerificationFailed, live_state};
use super::progress::Progress;
use crate::backup::BackupFile;
use crate::store::{self, EventStore, StoreUrl};
use crate::transfer::{self, Source, Target};

/// Arguments of `restore`.
#[derive(Debug, Args)]
pub struct Restore {
    #[command(flatten)]
    data: DataArg,
    /// The backup file (from `recourse backup`).
    #[arg(long, value_name = "FILE")]
    from: PathBuf,
    /// The folder holding your copy of the keys: ledger.key, master.key, web-intake.key (the
    /// backed-up data folder's keys/).
    #[arg(long, value_name = "DIR")]
    keys: Option<PathBuf>,
}

impl Restore {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        copying::report(self.restore()).await
    }

    async fn restore(self) -> anyhow::Result<()> {
        let target = self.data.data.clone();
        copying::check_destination(&target)?;
        let Some(keys) = &self.keys else {
            anyhow::bail!(
                "restore needs the keys a backup leaves out: ledger.key, master.key and web-intake.key. Give the folder of your copy of the backed-up data folder's keys/ with --keys DIR"
            );
        };
        let store_url = match &self.data.store {
            None => None,
            Some(StoreUrl::Sqlite(_)) => anyhow::bail!(
                "--store sqlite://... is the default (the data folder's ledger.db); leave it out"
            ),
            Some(url) => Some(url.clone()),
        };
        let (file, header) = BackupFile::open(&self.from)?;
        let staging = Staging::new(&target)?;
        let dir = match &store_url {
            Some(url) => staging.dir.clone().with_store(url.clone()),
            None => staging.dir.clone(),
        };
        let verifier = copying::install_keys(keys, &dir)?;
        anyhow::ensure!(
            verifier.name() == header.origin,
            "the ledger key in {} is for {:?}, the backup is of {:?}: give the keys of the ledger that was backed up",
            keys.display(),
            verifier.name(),
            header.origin
        );
        if let Err(e) = Checkpoint::open(&header.checkpoint, &verifier) {
            anyhow::bail!(
                "the backup's checkpoint does not verify under the ledger key in {} ({e}): these are not the keys of the ledger that was backed up, or the backup was altered",
                keys.display()
            );
        }
        let signer = dir.signer()?;
        let url = dir.store_url()?;
        copying::record_store(&dir, &url)?;
        let progress = Progress::new();
        let file = Arc::new(file);
        let source = Source {
            entries: file.clone(),
            state: file.clone(),
        };
        let state = live_state(&dir, &url).await?;
        let vault = state.vault.clone();
        let target_store: Arc<dyn EventStore> = store::open(&url, Some(signer)).await?.into();
        let sink = Target {
            store: target_store,
            state: Arc::new(state),
        };
        let copied = transfer::copy(&source, &sink, &verifier, &copying::show(&progress)).await;
        progress.clear();
        let copied = copied?;
        drop(sink);
        if copied.size != header.size {
            return Err(VerificationFailed(format!(
                "the backup's header says {} entries, its checkpoint {}",
                header.size, copied.size
            ))
            .into());
        }
        // The master key must open the backup's data keys: a wrong one would restore a system
        // whose every personal field is unreadable.
        let audit = tokio::task::spawn_blocking(move || vault.audit()).await??;
        if !audit.broken.is_empty() {
            anyhow::bail!(
                "the master key in {} does not open {} of the backup's {} data keys: give the master key of the ledger that was backed up",
                keys.display(),
                audit.broken.len(),
                audit.broken.len() + audit.usable.len()
            );
        }
        copying::write_files(&dir.reference_dir(), &file.files()?)?;
        drop(source);
        drop(file);
        copying::mark_and_verify(&dir, &url, &copied, &verifier, &progress).await?;
        let committed = staging.commit()?;
        if let Err(e) = copying::check_starts(&committed.dir).await {
            committed.undo();
            return Err(e);
        }
        say!(
            "restored {} (taken {}) into {}: {}",
            self.from.display(),
            header.created,
            target.display(),
            copying::summary(&copied)
        );
        say!(
            "Sessions are not restored: staff sign in again. Serve it with `recourse serve --data {}`.",
            target.display()
        );
        Ok(())
    }
}
