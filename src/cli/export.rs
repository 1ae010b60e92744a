//! `recourse export`: write the ledger as a bundle (see `recourse_events::bundle`), with the
//! one exporter (`crate::export`) the auditor's download also uses.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::DataArg;

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct Export {
    #[command(flatten)]
    data: DataArg,
    /// The bundle file to write.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

impl Export {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let store = super::open_read_only(&self.data).await?;
        let note = store
            .checkpoint()
            .await?
            .context("the ledger has no checkpoint to export")?;
        let tmp = self.out.with_extension("partial");
        let file =
            std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
        let header = crate::export::write_bundle(store.as_ref(), &note, &mut w).await?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &self.out)?;
        say!(
            "wrote {} entries and checkpoint of size {} to {}",
            header.size,
            header.size,
            self.out.display()
        );
        Ok(ExitCode::SUCCESS)
    }
}
