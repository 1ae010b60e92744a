//! The start-up check: before the service answers anyone or signs anything, what it folded and
//! what it will build on must be what the ledger's key signed.
//!
//! - The read model was folded from the store's entries in position order, checking each chain
//!   link as it went ([`recourse_projections::log_view`]); its Merkle root must equal the root
//!   of the published (marked) checkpoint. So every page and decision comes from exactly the
//!   signed entries, in their signed order, whatever else the database says.
//! - The store's stream index (the tips the writer builds on and `read_stream` starts from)
//!   must equal the tips the fold found.
//! - The vault must hold a working data key for every case whose personal data the ledger has
//!   not erased (or record that it destroyed it, when an erasure was interrupted before it was
//!   recorded), and no key for a case the ledger records as erased: a key that came back (an
//!   older vault put back) is destroyed again, so an erasure is never undone.
//!
//! Signatures are not checked here: the checkpoint's root vouches for the entry bytes. The
//! full verification (`recourse verify`) runs in the background after start.

use std::sync::Arc;

use jiff::Timestamp;
use recourse_projections::case::Status;
use serde::Serialize;

use super::{STAFF_KEY, Service, ServiceError};
use crate::verification::{self, Options};

/// Where the full verification of the running ledger stands (shown on `/healthz`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Verification {
    /// Not started (commands other than `serve` do not run it).
    #[default]
    NotStarted,
    /// Running since `since`.
    Running {
        /// When it started.
        since: Timestamp,
    },
    /// Every signature, link, tile, checkpoint and index entry checked out.
    Passed {
        /// Entries verified.
        entries: u64,
        /// When it finished.
        at: Timestamp,
        /// How long it took.
        seconds: f64,
    },
    /// It found the ledger altered: appends are refused from then on.
    Failed {
        /// What it found.
        reason: String,
        /// When.
        at: Timestamp,
    },
}

impl Service {
    /// Starts the full verification of the ledger (everything `recourse verify` checks, up to
    /// the checkpoint published now) on a background task. Should it fail, the failure is
    /// logged, shown on `/healthz`, and the ledger refuses every later append.
    pub fn verify_in_background(&self) {
        let service = self.clone();
        tokio::spawn(async move {
            service.set_verification(Verification::Running {
                since: service.now(),
            });
            let outcome = service.verify_now().await;
            let state = match outcome {
                Ok(report) => {
                    tracing::info!(
                        entries = report.entries,
                        seconds = report.elapsed.as_secs_f64(),
                        "full verification of the ledger passed"
                    );
                    Verification::Passed {
                        entries: report.entries,
                        at: service.now(),
                        seconds: report.elapsed.as_secs_f64(),
                    }
                }
                Err(reason) => {
                    tracing::error!(%reason, "full verification of the ledger FAILED; appends are refused from now on");
                    service.ledger.halt(reason.clone());
                    Verification::Failed {
                        reason,
                        at: service.now(),
                    }
                }
            };
            service.set_verification(state);
            crate::memory::release();
        });
    }

    async fn verify_now(&self) -> Result<verification::Report, String> {
        let mark = self.ledger.published().map(|m| m.checkpoint);
        let options = Options {
            mark: mark.as_ref(),
            live: true,
        };
        let store: Arc<dyn crate::store::EventStore> = self.store().clone();
        verification::verify_store(store, self.ledger.verifier(), options)
            .await
            .map_err(|e| e.to_string())
    }

    fn set_verification(&self, state: Verification) {
        *self.verification.write().unwrap_or_else(|e| e.into_inner()) = state;
    }

    /// Where the background verification stands.
    pub fn verification(&self) -> Verification {
        self.verification
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Checks the read model, the stream index and the vault against the signed ledger.
    pub(super) async fn check_at_start(&self) -> Result<(), ServiceError> {
        let fail = |what: String| Err(ServiceError::Integrity(what));
        let (size, root) = self.read(|m| (m.position(), m.log_root()));
        match self.ledger.published().map(|m| m.checkpoint) {
            None if size == 0 => {}
            None => {
                return fail(format!(
                    "the ledger holds {size} entries but no published checkpoint"
                ));
            }
            Some(cp) => {
                if cp.size != size || cp.root != root {
                    return fail(format!(
                        "the entries read from the store (size {size}) do not give the root of the signed checkpoint of size {}: entries were altered, removed or reordered; run `recourse verify` to find where",
                        cp.size
                    ));
                }
            }
        }
        self.check_stream_index().await?;
        self.check_vault().await
    }

    async fn check_stream_index(&self) -> Result<(), ServiceError> {
        let mut folded = self.read(|m| m.stream_tips());
        folded.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
        let mut folded = folded.into_iter();
        let mut after = String::new();
        loop {
            let page = self.store().stream_tips(&after, 10_000).await?;
            let Some(last) = page.last() else { break };
            after = last.stream.as_str().to_string();
            for tip in page {
                let expected = folded.next();
                let matches = expected.as_ref().is_some_and(|(s, head, position)| {
                    *s == tip.stream && *head == tip.head && *position == tip.last_position
                });
                if !matches {
                    return Err(ServiceError::Integrity(format!(
                        "the store's stream index disagrees with the entries at stream {}: run `recourse verify`",
                        expected.map_or(tip.stream, |e| e.0)
                    )));
                }
            }
        }
        if let Some((stream, _, _)) = folded.next() {
            return Err(ServiceError::Integrity(format!(
                "the store's stream index has no row for stream {stream}: run `recourse verify`"
            )));
        }
        Ok(())
    }

    async fn check_vault(&self) -> Result<(), ServiceError> {
        let vault = self.vault.clone();
        let audit = super::blocking(move || vault.audit()).await?;
        let cases: Vec<(String, String, bool)> = self.read(|m| {
            m.cases()
                .filter_map(|c| {
                    let key = c.filing.as_ref()?.data_key.clone();
                    Some((c.id.to_string(), key, c.status() == Status::Erased))
                })
                .collect()
        });
        if !audit.usable.contains(STAFF_KEY) && self.read(|m| !m.org().staff.is_empty()) {
            return Err(ServiceError::Integrity(format!(
                "the vault's staff key {STAFF_KEY} is missing or does not unwrap"
            )));
        }
        let mut resurrected = Vec::new();
        for (case, key, erased) in cases {
            let present = audit.usable.contains(&key) || audit.broken.contains(&key);
            if erased {
                if present {
                    resurrected.push(key);
                }
            } else if audit.broken.contains(&key) {
                return Err(ServiceError::Integrity(format!(
                    "the data key of case {case} in vault.db does not unwrap under the master key: the vault was altered or belongs to another ledger"
                )));
            } else if !present && !audit.destroyed.contains(&key) {
                return Err(ServiceError::Integrity(format!(
                    "vault.db has lost the data key of case {case}, whose personal data the ledger has not erased: restore the latest vault.db"
                )));
            }
        }
        for key in resurrected {
            tracing::warn!(key = %key, "a data key the ledger records as erased was back in the vault; destroying it again");
            let vault = self.vault.clone();
            super::blocking(move || vault.destroy(&key)).await?;
        }
        Ok(())
    }
}
