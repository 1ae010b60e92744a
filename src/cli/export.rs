//! `recourse export`: write the ledger as a bundle (see `recourse_events::bundle`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use recourse_events::bundle::{BUNDLE_FORMAT, BundleHeader};
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
}

impl Export {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let store = super::open_read_only(&self.data).await?;
        let note = store
            .checkpoint()
            .await?
            .context("the ledger has no checkpoint to export")?;
        let parsed = Note::parse(&note)?;
        let cp = recourse_events::checkpoint::Checkpoint::parse_text(parsed.text())?;
        let header = BundleHeader {
            format: BUNDLE_FORMAT.into(),
            origin: cp.origin.clone(),
            size: cp.size,
            checkpoint: note,
        };
        let tmp = self.out.with_extension("partial");
        let file =
            std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
        serde_json::to_writer(&mut w, &header)?;
        w.write_all(b"\n")?;
        let mut position = 0;
        while position < cp.size {
            let batch = store.read_from(position, 8192).await?;
            anyhow::ensure!(
                !batch.is_empty(),
                "the log ends at {position}, before its checkpoint's size {}",
                cp.size
            );
            for e in batch.into_iter().take((cp.size - position) as usize) {
                anyhow::ensure!(
                    e.position == position,
                    "entry {position} is missing from the log"
                );
                w.write_all(&e.entry)?;
                w.write_all(b"\n")?;
                position += 1;
            }
        }
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &self.out)?;
        say!(
            "wrote {} entries and checkpoint of size {} to {}",
            position,
            cp.size,
            self.out.display()
        );
        Ok(ExitCode::SUCCESS)
    }
}
