//! Reading a case: its timeline, and its sealed fields for those allowed to open them.
//!
//! Staff open a file only through a recorded `file.viewed` event, which the rules refuse to
//! conflicted staff, the board and administrators; the opening is in the ledger before a single
//! field is unsealed. Clients read their own file with their receipt code, minus what is
//! internal to the committee.

use std::collections::HashMap;

use jiff::Timestamp;
use recourse_events::Event;
use recourse_events::case::{Audience, Purpose};
use recourse_events::ids::{CaseId, StaffId};
use recourse_events::sealed::Sealed;
use recourse_events::vocabulary::Payload;
use recourse_projections::case::Command;
use recourse_projections::history::{TimelineEntry, timeline};
use recourse_projections::rule::RuleError;
use serde_json::Value;

use super::{Acting, STAFF_KEY, Service, ServiceError};
use crate::receipt::ReceiptCode;

/// One sealed field, opened (or why it could not be).
#[derive(Debug, Clone)]
pub struct OpenedField {
    /// Position of the event holding it.
    pub position: u64,
    /// Field name in the payload.
    pub field: String,
    /// The text, or why it is unreadable (erased).
    pub text: Result<String, String>,
}

/// A case as a reader sees it.
#[derive(Debug, Clone)]
pub struct CaseFile {
    /// The case.
    pub case: CaseId,
    /// Its timeline.
    pub timeline: Vec<TimelineEntry>,
    /// Opened sealed fields (empty unless the reader may open them).
    pub fields: Vec<OpenedField>,
}

impl CaseFile {
    /// The opened text of `field` of the event at `position`.
    pub fn text(&self, position: u64, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.position == position && f.field == field)
            .and_then(|f| f.text.as_deref().ok())
    }
}

/// The sealed values of a payload, with their field names (sealed values are top-level fields).
pub fn sealed_fields(payload: &Payload) -> Vec<(String, Sealed)> {
    payload
        .to_data()
        .into_iter()
        .filter_map(|(k, v)| match v {
            Value::Object(_) => serde_json::from_value::<Sealed>(v).ok().map(|s| (k, s)),
            _ => None,
        })
        .collect()
}

/// The kinds of event internal to the committee, which the client never sees on their
/// timeline: file openings and refused openings, recusals, triage, assignments, findings,
/// corrective actions, and attached files (the client sees the files they attached in a list
/// of their own, never the committee's).
pub const INTERNAL_KINDS: &[&str] = &[
    "attachment.added",
    "file.viewed",
    "file.view_refused",
    "reviewer.recused",
    "finding.recorded",
    "corrective_action.opened",
    "corrective_action.updated",
    "corrective_action.completed",
    "corrective_action.verified",
    "corrective_action.waived",
    "reviewer.assigned",
    "appeal.reviewer_assigned",
    "complaint.triaged",
];

/// What a client may read of their own file: everything but what is internal to the
/// committee ([`INTERNAL_KINDS`], and committee messages). The tracking page and the API
/// show, and the service opens, only this.
pub fn client_visible(payload: &Payload) -> bool {
    match payload {
        Payload::MessagePosted(m) => m.audience == Audience::Client,
        p => !INTERNAL_KINDS.contains(&p.kind().as_str()),
    }
}

impl Service {
    /// The case's events, as the store reads its stream, held to what the model folded from
    /// the signed entries: as many events as the model counted, ending at the same leaf hash
    /// (the store has already checked each link), so a rewired or truncated stream index is an
    /// error, never another case's events or a shortened history.
    async fn events(&self, case: CaseId) -> Result<Vec<(u64, Event)>, ServiceError> {
        let stored = self.store().read_stream(&case.stream()).await?;
        if stored.is_empty() {
            return Err(ServiceError::NotFound(format!("no case {case}")));
        }
        let events: Vec<(u64, Event)> = stored
            .into_iter()
            .map(|s| {
                Event::from_entry(&s.entry)
                    .map(|e| (s.position, e))
                    .map_err(|e| ServiceError::Input(e.to_string()))
            })
            .collect::<Result<_, _>>()?;
        let folded = self.read(|m| m.case(&case).map(|c| (c.seq, c.tip)));
        let last = events.last().map(|(p, e)| (*p, e.leaf_hash()));
        let agrees = folded.is_some_and(|(seq, tip)| {
            seq == events.len() as u64 && tip.map(|t| (t.position, t.hash)) == last
        });
        if !agrees {
            tracing::error!(%case, "the store's stream index disagrees with the folded ledger");
            return Err(ServiceError::Integrity(format!(
                "the stored history of case {case} disagrees with the ledger; run `recourse verify`"
            )));
        }
        Ok(events)
    }

    /// The case's timeline, sealed fields unopened (no view is recorded).
    pub async fn timeline(&self, case: CaseId) -> Result<Vec<TimelineEntry>, ServiceError> {
        let events = self.events(case).await?;
        Ok(self.read(|m| timeline(m, &events)))
    }

    /// Opens the sealed fields of the entries `keep` selects, with the case's own data key
    /// only: a sealed value naming any other key (another case's) is not opened.
    fn open_all(
        &self,
        case: CaseId,
        timeline: Vec<TimelineEntry>,
        keep: impl Fn(&Payload) -> bool,
    ) -> CaseFile {
        let own_key = self.read(|m| {
            m.case(&case)
                .and_then(|c| c.filing.as_ref().map(|f| f.data_key.clone()))
        });
        let mut fields = Vec::new();
        for entry in &timeline {
            let Some(payload) = entry.payload.as_ref().filter(|p| keep(p)) else {
                continue;
            };
            for (field, sealed) in sealed_fields(payload) {
                let text = if own_key.as_deref() == Some(sealed.key.as_str()) {
                    self.vault
                        .open_sealed(&sealed, &field)
                        .map_err(|e| e.to_string())
                } else {
                    tracing::error!(%case, "a sealed value names another data key; not opened");
                    Err("sealed under a key that is not this case's".to_string())
                };
                fields.push(OpenedField {
                    position: entry.position,
                    field,
                    text,
                });
            }
        }
        CaseFile {
            case,
            timeline,
            fields,
        }
    }

    /// Records that `who` opens the file for `purpose`, then opens its sealed fields.
    pub async fn open_file(
        &self,
        who: &Acting,
        case: CaseId,
        purpose: Purpose,
        at: Timestamp,
    ) -> Result<CaseFile, ServiceError> {
        self.record_view(who, case, purpose, at).await?;
        let timeline = self.timeline(case).await?;
        Ok(self.open_all(case, timeline, |_| true))
    }

    /// Records that `who` opens the case's sealed data (its texts or an attachment) for
    /// `purpose`; a refusal on a restricted case is recorded too, before it is answered.
    pub(super) async fn record_view(
        &self,
        who: &Acting,
        case: CaseId,
        purpose: Purpose,
        at: Timestamp,
    ) -> Result<(), ServiceError> {
        if let Err(e) = self.act(who, case, Command::View { purpose }, at).await {
            if matches!(e, ServiceError::Rule(RuleError::Restricted)) {
                self.act(who, case, Command::RefuseView { purpose }, at)
                    .await?;
            }
            return Err(e);
        }
        Ok(())
    }

    /// The client's own file, by receipt code.
    pub async fn client_file(&self, code: &ReceiptCode) -> Result<CaseFile, ServiceError> {
        let (case, _) = self.client(code)?;
        let timeline = self.timeline(case).await?;
        Ok(self.open_all(case, timeline, client_visible))
    }

    /// Staff names (unsealed with the organization's staff key).
    pub fn staff_names(&self) -> HashMap<StaffId, String> {
        self.read(|m| {
            m.org()
                .staff
                .values()
                .map(|s| {
                    (
                        s.id,
                        self.vault
                            .open_sealed(&s.name, "name")
                            .unwrap_or_else(|_| "(name unavailable)".into()),
                    )
                })
                .collect()
        })
    }

    /// Seals a staff member's name or sign-in with the organization's staff key.
    pub fn seal_staff(&self, field: &str, text: &str) -> Result<Sealed, ServiceError> {
        debug_assert!(field == "name" || field == "login");
        Ok(self.vault.seal(STAFF_KEY, field, text)?)
    }

    /// Seals text for a case's field with the case's data key.
    pub fn seal_for(&self, case: CaseId, field: &str, text: &str) -> Result<Sealed, ServiceError> {
        let key = self
            .read(|m| {
                m.case(&case)
                    .and_then(|c| c.filing.as_ref().map(|f| f.data_key.clone()))
            })
            .ok_or_else(|| ServiceError::NotFound(format!("no case {case}")))?;
        Ok(self.vault.seal(&key, field, text)?)
    }

    /// Opens a staff file purpose-less read for the audit trail: who viewed this file and why.
    pub fn access_log(&self, case: CaseId) -> Vec<recourse_projections::case::View> {
        self.read(|m| m.case(&case).map(|c| c.views.clone()).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recourse_events::case::{MessagePosted, Triaged, Urgency};

    #[test]
    fn internal_kinds_name_events_of_the_vocabulary() {
        for kind in INTERNAL_KINDS {
            assert!(Payload::TYPES.contains(kind), "{kind} is no event type");
        }
    }

    #[test]
    fn sealed_fields_are_found_by_name_and_clear_ones_ignored() {
        let s = Sealed {
            sealed: "AAAA".into(),
            key: "dk-1".into(),
        };
        let p = Payload::MessagePosted(MessagePosted {
            audience: Audience::Client,
            body: s.clone(),
        });
        assert_eq!(sealed_fields(&p), vec![("body".to_string(), s.clone())]);
        let t = Payload::Triaged(Triaged {
            category: "fees".into(),
            rights: vec![],
            framework_items: vec![],
            urgency: Urgency::Routine,
            sensitive: false,
            escalated: false,
            named_staff: vec![],
        });
        assert!(sealed_fields(&t).is_empty());
        assert!(!client_visible(&t), "triage is the committee's");
        let committee = Payload::MessagePosted(MessagePosted {
            audience: Audience::Committee,
            body: s.clone(),
        });
        assert!(client_visible(&p) && !client_visible(&committee));
        let _ = Purpose::Handling;
    }
}
