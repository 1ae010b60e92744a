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
    /// A witness whose cosignature the checkpoint verified against must carry: its verifier
    /// key (name+id+key, as `recourse witness init` printed it). Repeat for several.
    #[arg(long = "witness", value_name = "VKEY", conflicts_with = "bundle", value_parser = parse_witness)]
    witness: Vec<WitnessVerifier>,
    /// How many of the --witness keys must have cosigned (default: all of them).
    #[arg(long, value_name = "N", requires = "witness")]
    quorum: Option<usize>,
}

fn parse_witness(s: &str) -> Result<WitnessVerifier, String> {
    WitnessVerifier::parse(s.trim()).map_err(|e| format!("not a witness verifier key: {e}"))
}

/// Checks that the checkpoint of `size` entries and root `root` (the one a full verification
/// just passed against) carries `quorum` valid cosignatures by `witnesses`; says which
/// witnesses cosigned and which are missing. `Err` holds the failure to print.
async fn check_witnesses(
    store: &dyn crate::store::EventStore,
    vkey: &NoteVerifier,
    size: u64,
    root: recourse_events::Hash,
    witnesses: &[WitnessVerifier],
    quorum: usize,
) -> anyhow::Result<Result<(), String>> {
    let stored = store.checkpoints(size.saturating_sub(1), 1).await?;
    let Some((_, note)) = stored.into_iter().find(|(s, _)| *s == size) else {
        return Ok(Err(format!(
            "the checkpoint of {size} entries verified against is no longer stored (the ledger grew meanwhile): run verify again"
        )));
    };
    let (checkpoint, _) = Checkpoint::open(&note, vkey)
        .map_err(|e| anyhow::anyhow!("the checkpoint of {size} entries: {e}"))?;
    if checkpoint.root != root {
        return Ok(Err(format!(
            "the stored checkpoint of {size} entries is not the tree verified"
        )));
    }
    let cosigned = crate::service::cosigning::cosigned_note(store, &note, size).await?;
    let parsed = Note::parse(&cosigned)?;
    let found = match verify_cosignatures(&parsed, witnesses) {
        Ok(found) => found,
        Err(e) => return Ok(Err(format!("a cosignature does not verify: {e}"))),
    };
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
        return Ok(Ok(()));
    }
    let missing: Vec<&str> = witnesses
        .iter()
        .filter(|w| !found.iter().any(|c| c.witness == *w))
        .map(|w| w.name())
        .collect();
    Ok(Err(format!(
        "only {} of the {quorum} witness cosignatures required on the checkpoint of {size} entries; missing: {}",
        found.len(),
        missing.join(", ")
    )))
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
                eprintln!(
                    "verification FAILED: {} is missing, so a rolled-back copy of the ledger cannot be told from the real one (`recourse verify --reset-mark` accepts the ledger as it is)",
                    dir.mark_path().display()
                );
                return Ok(ExitCode::from(EXIT_VERIFICATION_FAILED));
            }
            Err(e) => {
                eprintln!("verification FAILED: {e}");
                return Ok(ExitCode::from(EXIT_VERIFICATION_FAILED));
            }
        };
        let store: std::sync::Arc<dyn crate::store::EventStore> =
            super::open_read_only(&self.data).await?.into();
        let mark = if self.reset_mark { None } else { mark };
        let options = verification::Options {
            mark: mark.as_ref(),
            live: false,
        };
        let result = verification::verify_store(store.clone(), &vkey, options).await;
        let verified = result.as_ref().ok().map(|r| (r.entries, r.root));
        let passed = result.is_ok();
        let status = report(result);
        if let Some((size, root)) = verified
            && !self.witness.is_empty()
        {
            let quorum = self.quorum.unwrap_or(self.witness.len());
            if let Err(why) =
                check_witnesses(store.as_ref(), &vkey, size, root, &self.witness, quorum).await?
            {
                eprintln!("verification FAILED: {why}");
                return Ok(ExitCode::from(EXIT_VERIFICATION_FAILED));
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
