//! `recourse migrate`: copies a ledger, its vault, accounts and attachments from one store to
//! another (e.g. the embedded SQLite store to PostgreSQL), then verifies the copy: the same
//! entries, so the same root at the source's checkpoint, re-signed by the same ledger key.
//!
//! The vault, accounts and attachments go with each store: for `sqlite://FOLDER/ledger.db`,
//! the files of FOLDER; for PostgreSQL, the same database. `--data DIR` names the data folder
//! whose keys sign the copy (its `keys/`; the keys are copied into a new SQLite data folder,
//! never into a database). Stop the server first: a migration is not an online backup, and
//! appends made during it would not be in the copy.

use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use recourse_events::checkpoint::NoteVerifier;

use super::DataArg;
use super::copying::{self, Staging, live_state};
use super::progress::Progress;
use crate::store::{self, EventStore, StoreUrl};
use crate::transfer::{self, Source, StoreEntries, Target};

/// Arguments of `migrate`.
#[derive(Debug, Args)]
pub struct Migrate {
    #[command(flatten)]
    data: DataArg,
    /// The store to copy from, e.g. sqlite://./recourse-data/ledger.db.
    #[arg(long, value_name = "URL")]
    from: String,
    /// The store to copy to, which must be empty: sqlite://NEWFOLDER/ledger.db or
    /// postgres://...
    #[arg(long, value_name = "URL")]
    to: String,
    /// The new data folder of the copy (its keys, and `store.url` naming the database): for
    /// `--to postgres://...`; for `--to sqlite://NEWFOLDER/ledger.db` it is NEWFOLDER.
    #[arg(long, value_name = "DIR")]
    into: Option<std::path::PathBuf>,
}

impl Migrate {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        copying::report(self.migrate()).await
    }

    async fn migrate(self) -> anyhow::Result<()> {
        let from = StoreUrl::parse(&self.from).map_err(|e| anyhow::anyhow!("--from {e}"))?;
        let to = StoreUrl::parse(&self.to).map_err(|e| anyhow::anyhow!("--to {e}"))?;
        anyhow::ensure!(from != to, "--from and --to name the same store");
        let keys = self.data.dir();
        let signer = keys.signer()?;
        keys.master_key()?;
        let verifier = NoteVerifier::new(&signer.origin, signer.key.public())
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let source_folder = copying::state_folder(&from, &keys)?;
        let target_root = match (&to, &self.into) {
            (StoreUrl::Sqlite(_), None) => copying::state_folder(&to, &keys)?.root().to_path_buf(),
            (StoreUrl::Sqlite(_), Some(_)) => anyhow::bail!(
                "--into is for --to postgres://...; the copy of an embedded store is the folder of its ledger.db"
            ),
            (StoreUrl::Postgres(_), Some(into)) => into.clone(),
            (StoreUrl::Postgres(_), None) => anyhow::bail!(
                "--to postgres://... needs --into DIR: the new data folder that holds the keys and names the database"
            ),
        };
        let staging = Staging::new(&target_root)?;
        let dir = match &to {
            StoreUrl::Postgres(_) => staging.dir.clone().with_store(to.clone()),
            StoreUrl::Sqlite(_) => staging.dir.clone(),
        };
        let installed = copying::install_keys(&keys.root().join("keys"), &dir)?;
        anyhow::ensure!(installed == verifier, "the keys changed while being copied");
        copying::write_files(
            &dir.reference_dir(),
            &copying::read_files(&keys.reference_dir())?,
        )?;
        let url = dir.store_url()?;
        copying::record_store(&dir, &url)?;

        let progress = Progress::new();
        let source_store: Arc<dyn EventStore> = store::open(&from, None).await?.into();
        let source = Source {
            entries: Arc::new(StoreEntries(source_store)),
            state: Arc::new(live_state(&source_folder, &from).await?),
        };
        let target = Target {
            store: store::open(&url, Some(signer)).await?.into(),
            state: Arc::new(live_state(&dir, &url).await?),
        };
        let copied = transfer::copy(&source, &target, &verifier, &copying::show(&progress)).await;
        progress.clear();
        let copied = copied?;
        drop(target);
        drop(source);
        copying::mark_and_verify(&dir, &url, &copied, &verifier, &progress).await?;
        let committed = staging.commit()?;
        if let Err(e) = copying::check_starts(&committed.dir).await {
            committed.undo();
            return Err(e);
        }
        say!(
            "migrated {} to {}: {}",
            self.from,
            self.to,
            copying::summary(&copied)
        );
        say!(
            "The root at size {} is the source's signed checkpoint root. Sessions are not copied: staff sign in again. Serve it with `recourse serve --data {}`.",
            copied.size,
            committed.dir.root().display()
        );
        Ok(())
    }
}
