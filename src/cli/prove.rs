//! `recourse prove`: print inclusion and consistency proofs, one base64 hash per line.

use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};
use recourse_events::checkpoint::{Checkpoint, Note};

use super::DataArg;
use crate::store::EventStore;

/// Arguments of `prove`.
#[derive(Debug, Args)]
pub struct Prove {
    #[command(subcommand)]
    kind: ProofKind,
}

/// Which proof.
#[derive(Debug, Subcommand)]
enum ProofKind {
    /// That the entry at --position is in the tree of the latest checkpoint (or --size).
    Inclusion {
        #[command(flatten)]
        data: DataArg,
        /// The entry's position.
        #[arg(long, value_name = "N")]
        position: u64,
        /// The tree size to prove against (default: the latest checkpoint's).
        #[arg(long, value_name = "N")]
        size: Option<u64>,
    },
    /// That the tree of --to entries (default: the latest checkpoint's) extends that of --from.
    Consistency {
        #[command(flatten)]
        data: DataArg,
        /// The older tree size.
        #[arg(long, value_name = "A")]
        from: u64,
        /// The newer tree size.
        #[arg(long, value_name = "B")]
        to: Option<u64>,
    },
}

async fn latest_size(store: &dyn EventStore) -> anyhow::Result<u64> {
    let note = store
        .checkpoint()
        .await?
        .context("the ledger has no checkpoint yet")?;
    Ok(Checkpoint::parse_text(Note::parse(&note)?.text())?.size)
}

/// `n` if the log holds at least `n` entries: checked before the store computes anything, so
/// that a number past the log (up to 2^64 - 1 on the command line) is a usage error.
async fn within_log(store: &dyn EventStore, flag: &str, n: u64) -> anyhow::Result<u64> {
    let size = store.size().await?;
    if n > size {
        anyhow::bail!("{flag} {n} is beyond the log's {size} entries");
    }
    Ok(n)
}

impl Prove {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let proof = match self.kind {
            ProofKind::Inclusion {
                data,
                position,
                size,
            } => {
                let store = super::open_read_only(&data).await?;
                let size = match size {
                    Some(s) => within_log(store.as_ref(), "--size", s).await?,
                    None => latest_size(store.as_ref()).await?,
                };
                if position >= size {
                    anyhow::bail!("--position {position} is not below tree size {size}");
                }
                store.inclusion_proof(position, size).await?
            }
            ProofKind::Consistency { data, from, to } => {
                let store = super::open_read_only(&data).await?;
                let to = match to {
                    Some(s) => within_log(store.as_ref(), "--to", s).await?,
                    None => latest_size(store.as_ref()).await?,
                };
                if from > to {
                    anyhow::bail!("--from {from} is beyond tree size {to}");
                }
                store.consistency_proof(from, to).await?
            }
        };
        for h in proof {
            say!("{}", h.to_base64());
        }
        Ok(ExitCode::SUCCESS)
    }
}
