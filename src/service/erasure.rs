//! Erasure: destroy the case's data key, then record `personal_data.erased`, then delete the
//! case's attached files (best effort: without the key they are unreadable anyway). On the client's
//! request at once; at the end of the retention period after closure or withdrawal, by
//! `recourse retention`, which is safe to run daily (and finishes any erasure interrupted
//! between the two steps).

use jiff::{SignedDuration, Timestamp};
use recourse_events::case::{ErasureReason, PersonalDataErased};
use recourse_events::ids::CaseId;
use recourse_projections::case::{Command, Context, Status, decide};

use super::{Service, ServiceError};
use crate::receipt::ReceiptCode;

impl Service {
    /// Erases a case's personal data; false if it was already erased.
    pub async fn erase(
        &self,
        case: CaseId,
        reason: ErasureReason,
        at: Timestamp,
    ) -> Result<bool, ServiceError> {
        let ledger = self.ledger_acting();
        let key = self.read(|m| -> Result<Option<String>, ServiceError> {
            let c = m
                .case(&case)
                .ok_or_else(|| ServiceError::NotFound(format!("no case {case}")))?;
            if c.status() == Status::Erased {
                return Ok(None);
            }
            let data_key = c
                .filing
                .as_ref()
                .map(|f| f.data_key.clone())
                .unwrap_or_default();
            // Check the rules before destroying anything.
            let command = Command::Erase(PersonalDataErased {
                reason,
                data_key: data_key.clone(),
            });
            decide(
                c,
                &Context {
                    actor: &ledger.actor,
                    org: m.org(),
                    reference: m.reference(),
                    now: at,
                },
                &command,
            )?;
            Ok(Some(data_key))
        })?;
        let Some(data_key) = key else {
            return Ok(false);
        };
        let (vault, key) = (self.vault.clone(), data_key.clone());
        super::blocking(move || vault.destroy(&key)).await?;
        self.act(
            &ledger,
            case,
            Command::Erase(PersonalDataErased { reason, data_key }),
            at,
        )
        .await?;
        // The key is gone, so the files are unreadable already; now they go too.
        self.delete_blobs(case).await;
        Ok(true)
    }

    /// The client asks for erasure: recorded in their name, then carried out.
    pub async fn request_erasure(
        &self,
        code: &ReceiptCode,
        at: Timestamp,
    ) -> Result<CaseId, ServiceError> {
        let (case, client) = self.client(code)?;
        self.act(&client, case, Command::RequestErasure, at).await?;
        self.erase(case, ErasureReason::ClientRequest, at).await?;
        Ok(case)
    }

    /// Erases every case whose retention period after closure or withdrawal has ended at `now`,
    /// and finishes erasures the client asked for. Returns the cases erased.
    pub async fn retention(
        &self,
        now: Timestamp,
    ) -> Result<Vec<(CaseId, ErasureReason)>, ServiceError> {
        let due: Vec<(CaseId, ErasureReason)> = self.read(|m| {
            let keep = SignedDuration::from_hours(24 * i64::from(m.org().settings.retention_days));
            m.cases()
                .filter(|c| c.status() != Status::Erased)
                .filter_map(|c| {
                    if c.erasure_requested_at.is_some() {
                        return Some((c.id, ErasureReason::ClientRequest));
                    }
                    let settled = c.closed_at.or(c.withdrawn_at)?;
                    (settled + keep <= now).then_some((c.id, ErasureReason::Retention))
                })
                .collect()
        });
        let mut erased = Vec::new();
        for (case, reason) in due {
            if self.erase(case, reason, now).await? {
                erased.push((case, reason));
            }
        }
        Ok(erased)
    }
}
