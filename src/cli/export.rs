//! `recourse export`: write the ledger as a bundle (see `recourse_events::bundle`), with the
//! one exporter (`crate::export`) the auditor's download also uses.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use recourse_events::checkpoint::Note;

use super::DataArg;

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct Export {
    #[command(flatten)]
    data: DataArg,
    /// The bundle file to write.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Export the checkpoint the most witnesses have cosigned (the latest among equals)
    /// rather than the latest checkpoint, which witnesses see within seconds: for a bundle to
    /// verify with `verify --bundle --witness`.
    #[arg(long)]
    cosigned: bool,
}

impl Export {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let store = super::open_read_only(&self.data).await?;
        let note = if self.cosigned {
            crate::export::latest_cosigned(store.as_ref())
                .await?
                .context("no checkpoint of the ledger has been cosigned by a witness yet")?
        } else {
            store
                .checkpoint()
                .await?
                .context("the ledger has no checkpoint to export")?
        };
        let tmp = self.out.with_extension("partial");
        let file =
            std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
        let header = crate::export::write_bundle(store.as_ref(), &note, &mut w).await?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &self.out)?;
        let cosignatures = Note::parse(&header.checkpoint)
            .map(|n| n.signatures().len().saturating_sub(1))
            .unwrap_or(0);
        say!(
            "wrote {} entries, their checkpoint and {cosignatures} witness cosignature(s) to {}",
            header.size,
            self.out.display()
        );
        Ok(ExitCode::SUCCESS)
    }
}
