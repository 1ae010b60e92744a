//! `recourse verify`: check a data folder or an export bundle with only the ledger's public key.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use recourse_events::checkpoint::{Checkpoint, Note, NoteVerifier};
use recourse_events::cosignature::{WitnessVerifier, verify_cosignatures};

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
    /// After a full verification that passes, take the ledger's latest checkpoint as the data
    /// folder's high-water mark (for a folder whose mark is missing, or a ledger deliberately
    /// restored to an older state; anything already published beyond it is then disowned).
    #[arg(long, conflicts_with = "bundle")]
    reset_mark: bool,
    /// A witness whose cosignature the checkpoint verified against (the data folder's latest,
    /// or the bundle's) must carry: its verifier key (name+id+key, as `recourse witness init`
    /// printed it). Repeat for several.
    #[arg(long = "witness", value_name = "VKEY", value_parser = parse_witness)]
    witness: Vec<WitnessVerifier>,
    /// How many of the --witness keys must have cosigned (default: all of them).
    #[arg(long, value_name = "N", requires = "witness")]
    quorum: Option<usize>,
}

fn parse_witness(s: &str) -> Result<WitnessVerifier, String> {
    WitnessVerifier::parse(s.trim()).map_err(|e| format!("not a witness verifier key: {e}"))
}

/// Checks that `note`, the checkpoint a full verification just passed against with the
/// cosignature lines found for it, carries `quorum` valid cosignatures by `witnesses`; says
/// which witnesses cosigned and which are missing. `Err` holds the failure to print.
fn check_witnesses(note: &str, witnesses: &[WitnessVerifier], quorum: usize) -> Result<(), String> {
    let parsed = Note::parse(note).map_err(|e| format!("the checkpoint does not parse: {e}"))?;
    let size = Checkpoint::parse_text(parsed.text())
        .map(|c| c.size)
        .map_err(|e| format!("the checkpoint does not parse: {e}"))?;
    let found = verify_cosignatures(&parsed, witnesses)
        .map_err(|e| format!("a cosignature does not verify: {e}"))?;
    for c in &found {
        say!(
            "cosigned by {} at {}",
            c.witness.name(),
            jiff::Timestamp::from_second(c.timestamp as i64)
                .map(|t| t.to_string())
                .unwrap_or_else(|_| c.timestamp.to_string())
        );
    }
    if found.len() >= quorum {
        say!(
            "witnesses: {} of {} cosigned the checkpoint of {size} entries (quorum {quorum})",
            found.len(),
            witnesses.len()
        );
        return Ok(());
    }
    let missing: Vec<&str> = witnesses
        .iter()
        .filter(|w| !found.iter().any(|c| c.witness == *w))
        .map(|w| w.name())
        .collect();
    Err(format!(
        "only {} of the {quorum} witness cosignatures required on the checkpoint of {size} entries; missing: {}",
        found.len(),
        missing.join(", ")
    ))
}

/// Prints why a verification failed and returns its exit status.
fn failed(why: &str) -> ExitCode {
    eprintln!("verification FAILED: {why}");
    ExitCode::from(EXIT_VERIFICATION_FAILED)
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
            let checkpoint = result.as_ref().ok().map(|r| r.checkpoint.clone());
            let status = report(result);
            if let Some(note) = checkpoint
                && !self.witness.is_empty()
            {
                let quorum = self.quorum.unwrap_or(self.witness.len());
                if let Err(why) = check_witnesses(&note, &self.witness, quorum) {
                    return Ok(failed(&why));
                }
            }
            return Ok(status);
        }
        let dir = self.data.dir();
        let vkey = match &self.vkey {
            Some(v) => parse_vkey(v)?,
            None => dir.verifier()?,
        };
        // The high-water mark: a data folder without one cannot be told from a rolled-back
        // copy, so its absence fails verification (unless it is being reset).
        let mark = match crate::mark::read(&dir.mark_path(), &vkey) {
            Ok(m) => m.map(|m| m.checkpoint),
            Err(_) if self.reset_mark => None,
            Err(crate::mark::MarkError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                return Ok(failed(&format!(
                    "{} is missing, so a rolled-back copy of the ledger cannot be told from the real one (`recourse verify --reset-mark` accepts the ledger as it is)",
                    dir.mark_path().display()
                )));
            }
            Err(e) => return Ok(failed(&e.to_string())),
        };
        let store: std::sync::Arc<dyn crate::store::EventStore> =
            super::open_read_only(&self.data).await?.into();
        let mark = if self.reset_mark { None } else { mark };
        let options = verification::Options {
            mark: mark.as_ref(),
            live: false,
        };
        let result = verification::verify_store(store.clone(), &vkey, options).await;
        let verified = result
            .as_ref()
            .ok()
            .map(|r| (r.entries, r.checkpoint.clone()));
        let passed = result.is_ok();
        let status = report(result);
        if let Some((size, note)) = verified
            && !self.witness.is_empty()
        {
            let quorum = self.quorum.unwrap_or(self.witness.len());
            let note =
                crate::service::cosigning::cosigned_note(store.as_ref(), &note, size).await?;
            if let Err(why) = check_witnesses(&note, &self.witness, quorum) {
                return Ok(failed(&why));
            }
        }
        if passed && self.reset_mark {
            let note = store
                .checkpoint()
                .await?
                .ok_or_else(|| anyhow::anyhow!("the ledger has no checkpoint to mark"))?;
            crate::ledger::Ledger::reset_mark(&dir, &note).await?;
            say!(
                "high-water mark reset to this checkpoint: {}",
                dir.mark_path().display()
            );
        }
        Ok(status)
    }
}
