//! `recourse init`: create a data folder with fresh keys and the ledger's first event.

use std::process::ExitCode;

use clap::Args;

use super::DataArg;
use crate::ledger::Ledger;

/// Arguments of `init`.
#[derive(Debug, Args)]
pub struct Init {
    #[command(flatten)]
    data: DataArg,
    /// The log's name: checkpoint origin and key name (default: recourse.local/<key id>).
    #[arg(long, value_name = "NAME")]
    origin: Option<String>,
}

impl Init {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let dir = self.data.dir();
        let origin = self.origin.unwrap_or_else(|| {
            format!(
                "recourse.local/{}",
                hex::encode(crate::data_dir::random_bytes::<4>())
            )
        });
        let ledger = Ledger::init(&dir, &origin).await?;
        let vkey = dir.verifier()?;
        say!("Initialized a Recourse ledger in {}", dir.root().display());
        say!("  origin:       {origin}");
        say!("  verifier key: {vkey}");
        say!("  entries:      {}", ledger.store().size().await?);
        say!(
            "Keep {} and {} secret and backed up.",
            dir.ledger_key_path().display(),
            dir.master_key_path().display()
        );
        say!(
            "Give the verifier key (also in {}) to auditors and witnesses.",
            dir.vkey_path().display()
        );
        Ok(ExitCode::SUCCESS)
    }
}
