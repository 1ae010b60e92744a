//! Every event type Recourse writes, with its typed payload: one table, so the name in the
//! ledger and the Rust type can never drift apart.
//!
//! [`Payload::parse`] reads an envelope's `type` and `data`; [`Payload::kind`] and
//! [`Payload::to_data`] go the other way. Readers skip types they do not know
//! ([`PayloadError::UnknownType`]) so that an older reader survives a newer ledger.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::case::*;
use crate::envelope::EventType;
use crate::org::*;
use crate::review::*;

/// A payload with no fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Empty {}

/// A payload that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PayloadError {
    /// A type this version does not know.
    #[error("unknown event type {0}")]
    UnknownType(String),
    /// A known type whose data does not match its schema.
    #[error("invalid {kind} payload: {reason}")]
    Invalid {
        /// The event type.
        kind: String,
        /// What is wrong.
        reason: String,
    },
}

macro_rules! vocabulary {
    ($( $name:literal => $variant:ident($payload:ty), $doc:literal; )*) => {
        /// A typed event payload.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(tag = "type", content = "data")]
        pub enum Payload {
            $(
                #[doc = $doc]
                #[serde(rename = $name)]
                $variant($payload),
            )*
        }

        impl Payload {
            /// Every event type name, in table order.
            pub const TYPES: &'static [&'static str] = &[$($name),*];

            /// The event type.
            pub fn kind(&self) -> EventType {
                match self {
                    $(Payload::$variant(_) => EventType::from_static($name),)*
                }
            }
        }
    };
}

vocabulary! {
    "ledger.initialized" => LedgerInitialized(LedgerInitialized), "The ledger was created.";
    "key.registered" => KeyRegistered(KeyRegistered), "A signing key became valid.";
    "key.revoked" => KeyRevoked(KeyRevoked), "A signing key stopped being valid.";
    "staff.enrolled" => StaffEnrolled(StaffEnrolled), "A staff member joined.";
    "staff.departed" => StaffDeparted(StaffDeparted), "A staff member left.";
    "role.granted" => RoleGranted(RoleChange), "A role was granted.";
    "role.revoked" => RoleRevoked(RoleChange), "A role was revoked.";
    "settings.changed" => SettingsChanged(Box<SettingsChanged>), "The settings were replaced.";
    "logo.set" => LogoSet(LogoSet), "The organization's logo was replaced.";
    "complaint.filed" => ComplaintFiled(Box<ComplaintFiled>), "A complaint was filed.";
    "complaint.acknowledged" => Acknowledged(Acknowledged), "The complaint was acknowledged.";
    "complaint.triaged" => Triaged(Triaged), "The complaint was triaged.";
    "reviewer.assigned" => ReviewerAssigned(ReviewerAssigned), "A reviewer was assigned.";
    "reviewer.recused" => Recused(Recused), "A staff member declared a conflict and stepped aside.";
    "message.posted" => MessagePosted(MessagePosted), "A message was posted.";
    "evidence.added" => EvidenceAdded(EvidenceAdded), "A document was added.";
    "attachment.added" => AttachmentAdded(AttachmentAdded), "A document or photo was attached.";
    "file.viewed" => FileViewed(FileViewed), "Sealed data was opened.";
    "file.view_refused" => FileViewRefused(FileViewed), "Opening the sealed data of a restricted case was refused.";
    "finding.recorded" => FindingRecorded(FindingRecorded), "A finding was recorded.";
    "decision.issued" => DecisionIssued(DecisionIssued), "A decision was issued.";
    "corrective_action.opened" => ActionOpened(ActionOpened), "A corrective action was opened.";
    "corrective_action.updated" => ActionUpdated(ActionUpdated), "A corrective action was updated.";
    "corrective_action.completed" => ActionCompleted(ActionNote), "A corrective action was reported done.";
    "corrective_action.verified" => ActionVerified(ActionNote), "A corrective action was verified done.";
    "corrective_action.waived" => ActionWaived(ActionNote), "A corrective action was waived, with reasons.";
    "complainant.commented" => ComplainantCommented(ClientText), "The client commented on their file.";
    "information.added" => InformationAdded(ClientText), "The client added information.";
    "appeal.filed" => AppealFiled(AppealFiled), "The client appealed the decision.";
    "appeal.reviewer_assigned" => AppealReviewerAssigned(ReviewerAssigned), "An appeal reviewer was assigned.";
    "appeal.decided" => AppealDecided(AppealDecided), "The appeal was decided.";
    "clock.paused" => ClockPaused(ClockPaused), "Clocks paused: waiting for the client.";
    "clock.resumed" => ClockResumed(Empty), "Clocks resumed.";
    "satisfaction.recorded" => SatisfactionRecorded(SatisfactionRecorded), "The client said how satisfied they were.";
    "case.closed" => CaseClosed(Empty), "The case was closed.";
    "case.reopened" => CaseReopened(Reopened), "The case was reopened.";
    "complaint.withdrawn" => Withdrawn(Empty), "The client withdrew the complaint.";
    "erasure.requested" => ErasureRequested(Empty), "The client asked for their personal data to be erased.";
    "personal_data.erased" => PersonalDataErased(PersonalDataErased), "The case's personal data was erased.";
    "review.opened" => ReviewOpened(Box<ReviewOpened>), "A framework review was opened, its figures computed from a pinned checkpoint.";
    "review.rated" => ReviewRated(ReviewRated), "A framework item was rated in a review.";
    "review.attested" => ReviewAttested(ReviewAttested), "A committee member attested what no ledger data shows.";
    "review.submitted" => ReviewSubmitted(Empty), "The chair submitted the review to the board.";
    "review.returned" => ReviewReturned(ReviewComments), "The board returned the review with comments.";
    "review.approved" => ReviewApproved(ReviewComments), "The board approved the review; it never changes again.";
    "systemic_action.opened" => SystemicOpened(SystemicOpened), "An organization-level corrective action was opened.";
    "systemic_action.progressed" => SystemicProgressed(SystemicNote), "Progress on a systemic action was recorded.";
    "systemic_action.completed" => SystemicCompleted(SystemicNote), "A systemic action was reported done.";
    "systemic_action.verified" => SystemicVerified(SystemicNote), "A systemic action was verified done by someone else.";
    "report.published" => ReportPublished(Box<ReportPublished>), "A board member published a transparency report.";
}

impl Payload {
    /// Reads the payload of an event of type `kind`.
    pub fn parse(kind: &EventType, data: &Map<String, Value>) -> Result<Payload, PayloadError> {
        Self::from_data(kind, data.clone())
    }

    /// Like [`parse`](Self::parse), taking the data (no copy).
    pub fn from_data(kind: &EventType, data: Map<String, Value>) -> Result<Payload, PayloadError> {
        if !Self::TYPES.contains(&kind.as_str()) {
            return Err(PayloadError::UnknownType(kind.to_string()));
        }
        let tagged = Value::Object(Map::from_iter([
            ("type".to_string(), Value::String(kind.to_string())),
            ("data".to_string(), Value::Object(data)),
        ]));
        serde_json::from_value(tagged).map_err(|e| PayloadError::Invalid {
            kind: kind.to_string(),
            reason: e.to_string(),
        })
    }

    /// The payload as an envelope's `data`.
    pub fn to_data(&self) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(mut m)) => match m.remove("data") {
                Some(Value::Object(data)) => data,
                _ => Map::new(),
            },
            _ => Map::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_name_is_a_valid_event_type_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for t in Payload::TYPES {
            assert!(EventType::parse(t).is_ok(), "{t}");
            assert!(seen.insert(t), "duplicate {t}");
        }
    }

    #[test]
    fn payloads_round_trip_through_envelope_data() {
        let p = Payload::Triaged(Triaged {
            category: "service_quality".into(),
            rights: vec!["respect".into()],
            framework_items: vec![],
            urgency: Urgency::Priority,
            sensitive: false,
            escalated: false,
            named_staff: vec![],
        });
        let data = p.to_data();
        assert_eq!(data["urgency"], "priority");
        assert_eq!(Payload::parse(&p.kind(), &data).unwrap(), p);
        assert_eq!(
            Payload::parse(&EventType::from_static("clock.resumed"), &Map::new()).unwrap(),
            Payload::ClockResumed(Empty {})
        );
    }

    #[test]
    fn unknown_and_invalid_payloads_are_told_apart() {
        let unknown = Payload::parse(&EventType::from_static("future.thing"), &Map::new());
        assert!(matches!(unknown, Err(PayloadError::UnknownType(_))));
        let mut data = Map::new();
        data.insert("urgency".into(), "whenever".into());
        let invalid = Payload::parse(&EventType::from_static("complaint.triaged"), &data);
        assert!(matches!(invalid, Err(PayloadError::Invalid { .. })));
    }
}
