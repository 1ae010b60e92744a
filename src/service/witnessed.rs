//! Which witnesses vouch for an entry of the ledger: what the "verify this case" page, the
//! client's receipt and the tracking page say about the independent witnesses.
//!
//! A witness that cosigned a checkpoint of `size` entries has seen that tree and, by the
//! consistency proofs it checks, every earlier one: it vouches for every entry at a position
//! below `size`. So for an entry at `position`, a witness's latest stored cosignature says
//! everything there is to say: of a size above `position`, the witness vouches for the entry;
//! otherwise not yet.
//!
//! Only the witnesses asked now are named (those of `serve --witness` and of the settings, in
//! the cosigner's order, [`Cosigning::status`](super::cosigning::Cosigning::status)): a
//! witness removed from the settings is no longer presented as standing behind the ledger.
//! A stored cosignature is read back untrusted, as the cosigner and the served checkpoint read
//! it: its line is verified again over the stored checkpoint note of its size under the
//! witness's key ([`verified_latest`]) before it is reported. A row altered in the database
//! is reported as "not yet", never as a cosignature.

use recourse_events::ids::CaseId;

use super::cosigning::{rfc3339, verified_latest};
use super::{Service, ServiceError};

/// One witness asked to cosign, and whether it vouches for a given entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witnessed {
    /// The witness's name (its verifier key's name).
    pub name: String,
    /// The checkpoint it cosigned that includes the entry: its size and the cosignature's
    /// time (RFC 3339, UTC). `None` when it has not cosigned one yet, or when its stored
    /// cosignature does not verify.
    pub cosigned: Option<(u64, String)>,
}

impl Witnessed {
    /// The names of those that `cosigned` (or not): for a sentence naming them.
    pub fn names(all: &[Witnessed], cosigned: bool) -> Vec<String> {
        all.iter()
            .filter(|w| w.cosigned.is_some() == cosigned)
            .map(|w| w.name.clone())
            .collect()
    }
}

impl Service {
    /// For each witness asked now (in the cosigner's order), whether it cosigned a checkpoint
    /// that includes the entry at `position`: its latest stored cosignature, if of a size
    /// above `position` and verified again over the stored checkpoint of that size. Empty when
    /// no witness is configured.
    pub async fn witnessed(&self, position: u64) -> Result<Vec<Witnessed>, ServiceError> {
        let asked = self.cosigning().status();
        if asked.is_empty() {
            return Ok(Vec::new());
        }
        let latest = verified_latest(self.store().as_ref()).await?;
        Ok(asked
            .into_iter()
            .map(|witness| Witnessed {
                cosigned: latest
                    .iter()
                    .find(|(key, size, _)| *key == witness.key && *size > position)
                    .and_then(|(_, size, timestamp)| Some((*size, rfc3339(*timestamp)?))),
                name: witness.name,
            })
            .collect())
    }

    /// [`witnessed`](Self::witnessed) for the last event of `case` as the read model folded it
    /// (a witness that vouches for it vouches for every event of the case). Empty when no
    /// witness is configured.
    pub async fn case_witnessed(&self, case: CaseId) -> Result<Vec<Witnessed>, ServiceError> {
        if self.cosigning().status().is_empty() {
            return Ok(Vec::new());
        }
        let last = self
            .read(|m| m.case(&case).and_then(|c| c.tip).map(|t| t.position))
            .ok_or_else(|| ServiceError::NotFound(format!("no case {case}")))?;
        self.witnessed(last).await
    }
}
