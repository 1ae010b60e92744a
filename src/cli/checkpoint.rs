//! `recourse checkpoint`: print the latest signed checkpoint, or the ledger's verifier key.

use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::DataArg;

/// Arguments of `checkpoint`.
#[derive(Debug, Args)]
pub struct CheckpointCmd {
    #[command(flatten)]
    data: DataArg,
    /// Print the verifier key (`name+<8 hex key id>+<base64(0x01 || key)>`) instead.
    #[arg(long)]
    vkey: bool,
}

impl CheckpointCmd {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        if self.vkey {
            say!("{}", self.data.dir().verifier()?);
            return Ok(ExitCode::SUCCESS);
        }
        let store = super::open_read_only(&self.data).await?;
        let note = store
            .checkpoint()
            .await?
            .context("the ledger has no checkpoint yet")?;
        {
            use std::io::Write as _;
            let _ = std::io::stdout().lock().write_all(note.as_bytes());
        }
        Ok(ExitCode::SUCCESS)
    }
}
