//! `recourse retention`: erase the personal data of every case whose retention period after
//! closure or withdrawal has ended, and finish erasures clients asked for. Safe to run daily:
//! a case is erased once, and a second run erases nothing more.

use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use jiff::Timestamp;
use recourse_events::case::ErasureReason;

use super::DataArg;
use crate::service::Service;

/// Arguments of `retention`.
#[derive(Debug, Args)]
pub struct Retention {
    #[command(flatten)]
    data: DataArg,
    /// Run as of this time (RFC 3339, e.g. 2027-01-31T12:00:00Z; default: now).
    #[arg(long, value_name = "TIMESTAMP")]
    now: Option<Timestamp>,
}

impl Retention {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let dir = self.data.dir();
        if !dir.is_initialized() {
            anyhow::bail!(
                "{} holds no ledger: run `recourse init --data {}` first",
                dir.root().display(),
                dir.root().display()
            );
        }
        let reference = crate::reference::load_announced(&dir)?;
        let service = Service::open(&dir, Arc::new(reference)).await?;
        let now = self.now.unwrap_or_else(Timestamp::now);
        let erased = service.retention(now).await?;
        for (case, reason) in &erased {
            let why = match reason {
                ErasureReason::Retention => "retention period ended",
                ErasureReason::ClientRequest => "the client asked",
            };
            say!("erased case {case}: {why}");
        }
        let n = erased.len();
        say!("{n} case{} erased", if n == 1 { "" } else { "s" });
        Ok(ExitCode::SUCCESS)
    }
}
