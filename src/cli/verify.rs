//! `recourse verify`: check a data folder or an export bundle with only the ledger's public key.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use recourse_events::checkpoint::NoteVerifier;

use super::{DataArg, EXIT_USAGE, EXIT_VERIFICATION_FAILED};
use crate::verification::{self, Report, VerifyError};

/// Arguments of `verify`.
#[derive(Debug, Args)]
pub struct Verify {
    #[command(flatten)]
    data: DataArg,
    /// Verify this export bundle instead of the data folder (needs --vkey).
    #[arg(long, value_name = "FILE", requires = "vkey")]
    bundle: Option<PathBuf>,
    /// The ledger's verifier key: a file holding it, or the key itself (name+id+key). Default
    /// for a data folder: its ledger.vkey.
    #[arg(long, value_name = "VKEY")]
    vkey: Option<String>,
}

/// Reads `--vkey`: a path to a key file, or the key text itself.
pub fn parse_vkey(arg: &str) -> anyhow::Result<NoteVerifier> {
    if Path::new(arg).exists() {
        return Ok(crate::data_dir::read_verifier(Path::new(arg))?);
    }
    NoteVerifier::parse(arg).map_err(|e| {
        anyhow::anyhow!("--vkey {arg:?} is neither a readable file nor a verifier key: {e}")
    })
}

/// Prints a verification outcome; returns the exit status.
pub fn report(result: Result<Report, VerifyError>) -> ExitCode {
    match result {
        Ok(r) => {
            let secs = r.elapsed.as_secs_f64();
            say!(
                "ok: {} entries in {} streams verified in {:.2} s ({:.0} events/s)",
                r.entries,
                r.streams,
                secs,
                r.entries as f64 / secs.max(1e-9)
            );
            say!(
                "root {} matches {} signed checkpoint(s)",
                r.root.to_base64(),
                r.checkpoints
            );
            ExitCode::SUCCESS
        }
        Err(e @ VerifyError::Failed { .. }) => {
            eprintln!("{e}");
            ExitCode::from(EXIT_VERIFICATION_FAILED)
        }
        Err(VerifyError::Unreadable(e)) => {
            eprintln!("error: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

impl Verify {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        if let Some(bundle) = &self.bundle {
            let vkey = parse_vkey(
                self.vkey
                    .as_deref()
                    .expect("clap requires --vkey with --bundle"),
            )?;
            let bundle = bundle.clone();
            let result =
                tokio::task::spawn_blocking(move || verification::verify_bundle(&bundle, &vkey))
                    .await?;
            return Ok(report(result));
        }
        let vkey = match &self.vkey {
            Some(v) => parse_vkey(v)?,
            None => self.data.dir().verifier()?,
        };
        let store = super::open_read_only(&self.data).await?;
        Ok(report(
            verification::verify_store(store.into(), &vkey).await,
        ))
    }
}
