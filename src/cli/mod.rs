//! The command line: one command per file, each a clap `Args` struct with an async `run`.
//!
//! Exit status: 0 success, 1 verification failure, 2 bad usage or unreadable input (clap's own
//! usage errors already exit with 2).

/// `println!` that does not panic when stdout is closed (`recourse checkpoint | head -1`):
/// the reader has gone, so there is no one left to tell.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

mod backup;
mod bench;
mod checkpoint;
mod copying;
mod demo;
mod export;
mod init;
mod migrate;
mod progress;
mod prove;
mod report;
mod restore;
mod retention;
mod review;
pub mod serve;
mod show;
mod verify;
mod witness;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Exit status of a verification failure.
pub const EXIT_VERIFICATION_FAILED: u8 = 1;
/// Exit status of bad usage or unreadable input.
pub const EXIT_USAGE: u8 = 2;

/// Recourse: an event-sourced complaints and accountability ledger.
#[derive(Debug, Parser)]
#[command(name = "recourse", version, about, propagate_version = true)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The data folder, shared by every command.
#[derive(Debug, Clone, Args)]
pub struct DataArg {
    /// The data folder (ledger database and keys).
    #[arg(
        long,
        env = "RECOURSE_DATA",
        default_value = "./recourse-data",
        value_name = "DIR"
    )]
    pub data: PathBuf,
    /// Where the ledger, vault, accounts and sessions are kept, when not in the data folder's
    /// embedded database: `postgres://USER@HOST/DB` (a Unix socket as `?host=/run/postgresql`).
    /// `init` records it in the folder's `store.url`, which later commands read.
    #[arg(long, env = "RECOURSE_STORE", value_name = "URL", value_parser = crate::store::StoreUrl::parse)]
    pub store: Option<crate::store::StoreUrl>,
}

impl DataArg {
    /// The data folder.
    pub fn dir(&self) -> crate::data_dir::DataDir {
        let dir = crate::data_dir::DataDir::new(&self.data);
        match &self.store {
            Some(url) => dir.with_store(url.clone()),
            None => dir,
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a data folder: ledger key, master key, database and the org stream's first event.
    Init(init::Init),
    /// Verify every signature, chain link, key validity and the Merkle tree against checkpoints.
    Verify(verify::Verify),
    /// Write a bundle that a third party verifies without the server.
    Export(export::Export),
    /// Print the latest signed checkpoint, or with --vkey the ledger's verifier key.
    Checkpoint(checkpoint::CheckpointCmd),
    /// Print the exact entry bytes at a position.
    Show(show::Show),
    /// Print an inclusion or consistency proof, one base64 hash per line.
    Prove(prove::Prove),
    /// Measure append, verification and proof performance.
    Bench(bench::Bench),
    /// Build a demo agency's ledger: two years of synthetic complaints, in a new data folder.
    Demo(demo::Demo),
    /// Erase personal data whose retention period has ended (safe to run daily).
    Retention(retention::Retention),
    /// Run the web application (initializes a fresh data folder; --demo loads the demo agency).
    Serve(serve::Serve),
    /// List and show framework compliance reviews; recompute a review's figures from a bundle.
    Review(review::ReviewCmd),
    /// Recompute a published transparency report from a bundle.
    Report(report::ReportCmd),
    /// Back up the ledger, vault, accounts and attachments to one file while the server runs
    /// (the keys are not in it).
    Backup(backup::Backup),
    /// Restore a backup into a new data folder with your copy of the keys, and verify it.
    Restore(restore::Restore),
    /// Copy a ledger, vault, accounts and attachments to another (empty) store, and verify it.
    Migrate(migrate::Migrate),
    /// Run a witness that cosigns logs' checkpoints (C2SP tlog-witness): init, serve.
    Witness(witness::WitnessCmd),
}

/// Runs a parsed command line.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Init(c) => c.run().await,
        Command::Verify(c) => c.run().await,
        Command::Export(c) => c.run().await,
        Command::Checkpoint(c) => c.run().await,
        Command::Show(c) => c.run().await,
        Command::Prove(c) => c.run().await,
        Command::Bench(c) => c.run().await,
        Command::Demo(c) => c.run().await,
        Command::Retention(c) => c.run().await,
        Command::Serve(c) => c.run().await,
        Command::Review(c) => c.run().await,
        Command::Report(c) => c.run().await,
        Command::Backup(c) => c.run().await,
        Command::Restore(c) => c.run().await,
        Command::Migrate(c) => c.run().await,
        Command::Witness(c) => c.run().await,
    }
}

/// Opens the data folder's store for reading only.
async fn open_read_only(data: &DataArg) -> anyhow::Result<Box<dyn crate::store::EventStore>> {
    let dir = data.dir();
    let url = dir.store_url()?;
    if let crate::store::StoreUrl::Sqlite(path) = &url
        && !path.exists()
    {
        anyhow::bail!(
            "{} holds no ledger database (ledger.db): run `recourse init --data {}` first",
            dir.root().display(),
            dir.root().display()
        );
    }
    Ok(crate::store::open(&url, None).await?)
}

/// The exit status for a command that failed with `e`: [`EXIT_VERIFICATION_FAILED`] when the
/// stored ledger is not what its signatures say (the server refuses to start on it), else
/// [`EXIT_USAGE`].
pub fn exit_status_of(e: &anyhow::Error) -> u8 {
    use crate::ledger::LedgerError;
    use crate::service::ServiceError;
    use crate::store::StoreError;
    // `#[error(transparent)]` wrappers hide the wrapped error from `chain()`: look inside.
    let ledger = |l: &LedgerError| {
        matches!(
            l,
            LedgerError::RolledBack(_)
                | LedgerError::Mark(_)
                | LedgerError::Store(StoreError::Corrupt(_))
        )
    };
    let integrity = e.chain().any(|cause| {
        match cause.downcast_ref::<ServiceError>() {
            Some(ServiceError::Integrity(_) | ServiceError::Store(StoreError::Corrupt(_))) => {
                return true;
            }
            Some(ServiceError::Ledger(l)) if ledger(l) => return true,
            _ => {}
        }
        cause.downcast_ref::<LedgerError>().is_some_and(ledger)
            || matches!(
                cause.downcast_ref::<StoreError>(),
                Some(StoreError::Corrupt(_))
            )
    });
    if integrity {
        EXIT_VERIFICATION_FAILED
    } else {
        EXIT_USAGE
    }
}
