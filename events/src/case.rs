//! Events of `case/<id>` streams: a complaint from filing to closure, appeal and erasure.
//!
//! Free text and anything that identifies a person is [`Sealed`] with the case's data key;
//! everything dashboards count (channel, language, program, rights, outcomes, dates) is in clear
//! and holds no personal data. Staff appear by id only.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::hash::Hash;
use crate::ids::{ActionId, AttachmentId, StaffId};
use crate::key::PublicKey;
use crate::sealed::Sealed;

crate::vocabulary! {
    /// How a complaint reached the organization.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Channel {
        /// The web form, by the client.
        Web,
        /// By phone, filed by staff.
        Phone,
        /// In person, filed by staff.
        InPerson,
        /// By email, filed by staff.
        Email,
        /// Referred by another organization, filed by staff.
        Referral,
    }
}

crate::vocabulary! {
    /// How the client wants to be contacted.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ContactPreference {
        /// Not at all: the client follows the case with the receipt code.
        None,
        /// By email.
        Email,
        /// By phone call.
        Phone,
        /// By text message.
        TextMessage,
        /// In person.
        InPerson,
    }
}

crate::vocabulary! {
    /// An accommodation the client asks for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Accommodation {
        /// An interpreter (language in `interpreter_language`).
        Interpreter,
        /// Large print, audio, or another accessible format.
        AccessibleFormat,
        /// A support person present.
        SupportPerson,
        /// Meetings outside office hours or remotely.
        FlexibleMeeting,
    }
}

/// What the client consented to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The organization may use the information to handle the complaint.
    pub handle: bool,
    /// The organization may contact the client as they chose.
    pub contact: bool,
    /// Version of the consent text shown.
    pub text_version: String,
}

/// `complaint.filed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintFiled {
    /// How it arrived.
    pub channel: Channel,
    /// The client's language (BCP 47).
    pub language: String,
    /// The client chose not to give their name.
    pub anonymous: bool,
    /// Program concerned (settings id).
    pub program: String,
    /// Site concerned (settings id).
    pub site: String,
    /// IRCC service stream concerned, if known.
    pub service_stream: Option<String>,
    /// Client Code rights the client cites.
    pub rights: Vec<String>,
    /// What happened.
    pub narrative: Sealed,
    /// The outcome the client wants.
    pub outcome_wanted: Option<Sealed>,
    /// Name and contact details, if given.
    pub contact: Option<Sealed>,
    /// How the client wants to be contacted.
    pub contact_preference: ContactPreference,
    /// Accommodations asked for.
    pub accommodations: Vec<Accommodation>,
    /// Interpreter language, if an interpreter is asked for.
    pub interpreter_language: Option<String>,
    /// Consent given.
    pub consent: Consent,
    /// Staff members the complaint names (they can never handle it).
    pub named_staff: Vec<StaffId>,
    /// The staff member the client says the complaint is about, in their own words (a name or
    /// a description), sealed: intake reads it and names the staff at triage. Absent from older
    /// ledgers' filings, and not written when absent, so their bytes do not change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_described: Option<Sealed>,
    /// The client says the complaint is about the person who runs the organization (the
    /// director) or the chair of the complaints committee: the case is escalated, handled by
    /// whom the settings name and never by a chair or the director. Absent (false) from older
    /// ledgers' filings, and not written when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub about_leadership: bool,
    /// The complainant's key, derived from the receipt code: signs their follow-ups.
    pub complainant_key: PublicKey,
    /// Lookup hash of the receipt code (not reversible: the code has 100+ bits).
    pub receipt_lookup: Hash,
    /// Id of the case's data key.
    pub data_key: String,
}

crate::vocabulary! {
    /// Urgency set at triage.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Urgency {
        /// Normal handling.
        Routine,
        /// Faster handling.
        Priority,
        /// Risk of harm: immediate attention.
        Urgent,
    }
}

/// `complaint.acknowledged`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledged {
    /// A note to the client, if any.
    pub note: Option<Sealed>,
}

/// `complaint.triaged`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Triage")]
pub struct Triaged {
    /// Category (e.g. `service_quality`, `discrimination`, `privacy`, `fees`, `staff_conduct`).
    pub category: String,
    /// Client Code rights concerned.
    pub rights: Vec<String>,
    /// Framework items concerned.
    pub framework_items: Vec<String>,
    /// Urgency.
    pub urgency: Urgency,
    /// Sensitive: restricted handling (e.g. allegations against a manager, safety).
    pub sensitive: bool,
    /// Intake found the complaint is about the director or the chair: the case is escalated
    /// (as if the client had said so when filing). Once escalated a case stays so. Absent
    /// (false) from older triages and not written when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub escalated: bool,
    /// Staff members the complaint is about, as intake found them (for instance from the
    /// client's own description): like the staff a filing names, they can never handle the
    /// case. Added to, never removed by, a later triage. Absent from older triages and not
    /// written when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub named_staff: Vec<StaffId>,
}

/// `reviewer.assigned` and `appeal.reviewer_assigned`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewerAssigned {
    /// The reviewer.
    pub reviewer: StaffId,
}

crate::vocabulary! {
    /// Kind of conflict of interest.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ConflictKind {
        /// Personal or family relationship with a party.
        Relationship,
        /// Supervises or reports to a person involved.
        Reporting,
        /// Was involved in the events complained of.
        Involved,
        /// Another reason (explained in the sealed reason).
        Other,
    }
}

/// `reviewer.recused`: a staff member declares a conflict on this case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recused {
    /// Who declares the conflict (the actor, or a chair recording it for them).
    pub staff: StaffId,
    /// The kind of conflict.
    pub conflict: ConflictKind,
    /// The reason, in words.
    pub reason: Sealed,
}

crate::vocabulary! {
    /// Who a message is for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Audience {
        /// Between the committee and the client (visible to the client).
        Client,
        /// Internal to the committee.
        Committee,
    }
}

/// `message.posted`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessagePosted {
    /// Who can read it.
    pub audience: Audience,
    /// The message.
    pub body: Sealed,
}

/// `evidence.added`: a document stored outside the log, encrypted, by hash. The first form of
/// a document on a case, which nothing records any more: files are attached with
/// [`AttachmentAdded`], which binds the sealed bytes (not the plaintext) to an attachment id.
/// Kept so that any ledger holding one still reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceAdded {
    /// SHA-256 of the plaintext document.
    pub sha256: Hash,
    /// Size in bytes.
    pub size: u64,
    /// Media type.
    pub media_type: String,
    /// File name and description.
    pub description: Sealed,
}

crate::vocabulary! {
    /// The type of an attached file, as its content shows it (never as the sender claims).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum AttachmentType {
        /// A PNG image.
        Png,
        /// A JPEG image (a phone's photo).
        Jpeg,
        /// A WebP image.
        Webp,
        /// A PDF document.
        Pdf,
    }
}

impl AttachmentType {
    /// Its media type, as the file is served.
    pub fn media_type(self) -> &'static str {
        match self {
            AttachmentType::Png => "image/png",
            AttachmentType::Jpeg => "image/jpeg",
            AttachmentType::Webp => "image/webp",
            AttachmentType::Pdf => "application/pdf",
        }
    }

    /// The file name extension it is served with.
    pub fn extension(self) -> &'static str {
        match self {
            AttachmentType::Png => "png",
            AttachmentType::Jpeg => "jpg",
            AttachmentType::Webp => "webp",
            AttachmentType::Pdf => "pdf",
        }
    }
}

/// `attachment.added`: a document or photo attached to the case. The file itself is sealed
/// under the case's data key and kept outside the ledger (the blob store); this entry vouches
/// for it by the SHA-256 of the sealed bytes, so a file read back is used only if it is the
/// one recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentAdded {
    /// The attachment's id (names its blob).
    pub attachment: AttachmentId,
    /// Its type, as the content was checked.
    pub content_type: AttachmentType,
    /// Size of the file in bytes (before sealing).
    pub size: u64,
    /// SHA-256 of the sealed bytes the blob store holds.
    pub sha256: Hash,
    /// The file's name as sent, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<Sealed>,
    /// What it shows, in the sender's words, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_description: Option<Sealed>,
}

crate::vocabulary! {
    /// Why sealed data was opened.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Purpose {
        /// Handling the case (intake, review, decision).
        Handling,
        /// Handling an appeal.
        Appeal,
        /// Following up a corrective action.
        CorrectiveAction,
        /// Audit of the trail.
        Audit,
        /// Answering the client.
        ClientRequest,
    }
}

/// `file.viewed`: sealed data was opened, by the actor, for a purpose. The same payload, as
/// `file.view_refused`, records an attempt the rules refused (a case triaged as sensitive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileViewed {
    /// Why.
    pub purpose: Purpose,
}

/// `finding.recorded`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingRecorded {
    /// Client Code rights found to be concerned.
    pub rights: Vec<String>,
    /// Framework items found to be concerned.
    pub framework_items: Vec<String>,
    /// Whether the facts complained of were substantiated.
    pub substantiated: bool,
    /// The finding, in words.
    pub summary: Sealed,
}

crate::vocabulary! {
    /// The outcome of a decision.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Outcome {
        /// The complaint is upheld.
        Upheld,
        /// Partly upheld.
        PartlyUpheld,
        /// Not upheld.
        NotUpheld,
        /// Resolved early, by agreement.
        ResolvedEarly,
        /// Out of scope; referred elsewhere.
        ReferredOutOfScope,
        /// Withdrawn by the client.
        Withdrawn,
    }
}

/// `decision.issued`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionIssued {
    /// The outcome (never `withdrawn`: that is `complaint.withdrawn`).
    pub outcome: Outcome,
    /// The remedy offered, if any.
    pub remedy: Option<Sealed>,
    /// The reasons, for the client.
    pub reasons: Sealed,
}

/// `corrective_action.opened`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionOpened {
    /// Action number within the case.
    pub action: ActionId,
    /// Who is responsible.
    pub owner: StaffId,
    /// Due date (organization's calendar date).
    pub due: Date,
    /// Framework item the action serves, if any.
    pub framework_item: Option<String>,
    /// What is to be done.
    pub description: Sealed,
}

/// `corrective_action.updated`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionUpdated {
    /// The action.
    pub action: ActionId,
    /// Progress note.
    pub note: Sealed,
    /// New due date, if moved.
    pub due: Option<Date>,
}

/// `corrective_action.completed`, `corrective_action.verified`, `corrective_action.waived`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionNote {
    /// The action.
    pub action: ActionId,
    /// What was done, how it was checked, or why it is waived.
    pub note: Sealed,
}

/// `complainant.commented` (right 4 of the Client Code) and `information.added`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientText {
    /// The client's words.
    pub text: Sealed,
}

/// `appeal.filed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppealFiled {
    /// The grounds.
    pub grounds: Sealed,
}

crate::vocabulary! {
    /// Outcome of an appeal.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum AppealOutcome {
        /// The decision stands.
        Confirmed,
        /// The decision is changed.
        Varied,
        /// The decision is overturned.
        Overturned,
    }
}

/// `appeal.decided`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppealDecided {
    /// The outcome.
    pub outcome: AppealOutcome,
    /// The reasons.
    pub reasons: Sealed,
}

/// `clock.paused`: the case waits for the client; service-level clocks stop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockPaused {
    /// What is awaited, in words.
    pub reason: Sealed,
}

/// `satisfaction.recorded`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SatisfactionRecorded {
    /// Was the decision explained?
    pub explained: bool,
    /// Was the process fair?
    pub fair: bool,
    /// Overall, 1 (very dissatisfied) to 5 (very satisfied).
    pub rating: u8,
}

/// `case.reopened`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reopened {
    /// Why.
    pub reason: Sealed,
}

crate::vocabulary! {
    /// Why personal data was erased.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum ErasureReason {
        /// The client asked.
        ClientRequest,
        /// The retention period after closure ended.
        Retention,
    }
}

/// `personal_data.erased`: the case's data key was destroyed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalDataErased {
    /// Why.
    pub reason: ErasureReason,
    /// The destroyed key's id.
    pub data_key: String,
}
