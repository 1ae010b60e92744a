//! `recourse show`: print the exact bytes of the entry at a position.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::DataArg;

/// Arguments of `show`.
#[derive(Debug, Args)]
pub struct Show {
    #[command(flatten)]
    data: DataArg,
    /// The entry's position (leaf index).
    #[arg(long, value_name = "N")]
    position: u64,
}

impl Show {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let store = super::open_read_only(&self.data).await?;
        // Checked against the log before the store sees it: a position past the log (up to
        // 2^64 - 1 on the command line) is a usage error, never arithmetic on it.
        let size = store.size().await?;
        if self.position >= size {
            anyhow::bail!(
                "no entry at position {} (the log holds {size})",
                self.position
            );
        }
        let found = store
            .read_from(self.position, 1)
            .await?
            .into_iter()
            .find(|e| e.position == self.position);
        let Some(entry) = found else {
            anyhow::bail!(
                "no entry at position {} (the log holds {})",
                self.position,
                store.size().await?
            );
        };
        let mut out = std::io::stdout().lock();
        out.write_all(&entry.entry)?;
        out.flush()?;
        Ok(ExitCode::SUCCESS)
    }
}
