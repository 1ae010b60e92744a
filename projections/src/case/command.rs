//! What people ask a case to do. Personal fields arrive already sealed.

use jiff::civil::Date;
use recourse_events::case::*;
use recourse_events::ids::StaffId;
use recourse_events::sealed::Sealed;

/// A command on one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// File a complaint (web intake for a client, or intake staff on their behalf).
    File(Box<ComplaintFiled>),
    /// Acknowledge receipt to the client.
    Acknowledge {
        /// Note to the client.
        note: Option<Sealed>,
    },
    /// Triage: category, rights, framework items, urgency, sensitivity.
    Triage(Triaged),
    /// Assign the reviewer.
    AssignReviewer {
        /// Who.
        reviewer: StaffId,
    },
    /// Declare a conflict of interest and step aside (oneself, or recorded by the chair).
    Recuse(Recused),
    /// Post a message to the client or to the committee.
    PostMessage(MessagePosted),
    /// Add a document, stored outside the log by hash.
    AddEvidence(EvidenceAdded),
    /// Attach a document or photo, sealed and stored outside the log by the hash of its
    /// sealed bytes.
    AddAttachment(AttachmentAdded),
    /// Open the sealed data, recording why.
    View {
        /// Why.
        purpose: Purpose,
    },
    /// Record that opening the file of a sensitive case was refused to the actor (the service
    /// records it when [`Command::View`] is refused with `RuleError::Restricted`).
    RefuseView {
        /// Why they wanted it.
        purpose: Purpose,
    },
    /// Record a finding.
    RecordFinding(FindingRecorded),
    /// Issue the decision.
    Decide(DecisionIssued),
    /// Open a corrective action.
    OpenAction {
        /// Owner.
        owner: StaffId,
        /// Due date.
        due: Date,
        /// Framework item served.
        framework_item: Option<String>,
        /// What is to be done.
        description: Sealed,
    },
    /// Update a corrective action.
    UpdateAction(ActionUpdated),
    /// Report a corrective action done.
    CompleteAction(ActionNote),
    /// Verify a corrective action done.
    VerifyAction(ActionNote),
    /// Waive a corrective action, with reasons.
    WaiveAction(ActionNote),
    /// The client comments on their file.
    Comment(ClientText),
    /// The client adds information.
    AddInformation(ClientText),
    /// The client appeals the decision.
    Appeal(AppealFiled),
    /// Assign the appeal's reviewer.
    AssignAppealReviewer {
        /// Who.
        reviewer: StaffId,
    },
    /// Decide the appeal.
    DecideAppeal(AppealDecided),
    /// Pause the clocks while waiting for the client.
    PauseClock(ClockPaused),
    /// Resume the clocks.
    ResumeClock,
    /// The client says how satisfied they are.
    RecordSatisfaction(SatisfactionRecorded),
    /// Close the case.
    Close,
    /// Reopen a closed or withdrawn case.
    Reopen(Reopened),
    /// Withdraw the complaint (the client, or staff on their word).
    Withdraw,
    /// The client asks for their personal data to be erased.
    RequestErasure,
    /// Record that the case's data key was destroyed.
    Erase(PersonalDataErased),
}

impl Command {
    /// A short name for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Command::File(_) => "file a complaint",
            Command::Acknowledge { .. } => "acknowledge",
            Command::Triage(_) => "triage",
            Command::AssignReviewer { .. } => "assign a reviewer",
            Command::Recuse(_) => "recuse",
            Command::PostMessage(_) => "post a message",
            Command::AddEvidence(_) | Command::AddAttachment(_) => "add evidence",
            Command::View { .. } => "open the file",
            Command::RefuseView { .. } => "record a refused opening",
            Command::RecordFinding(_) => "record a finding",
            Command::Decide(_) => "issue a decision",
            Command::OpenAction { .. } => "open a corrective action",
            Command::UpdateAction(_) => "update a corrective action",
            Command::CompleteAction(_) => "complete a corrective action",
            Command::VerifyAction(_) => "verify a corrective action",
            Command::WaiveAction(_) => "waive a corrective action",
            Command::Comment(_) => "comment on the file",
            Command::AddInformation(_) => "add information",
            Command::Appeal(_) => "appeal",
            Command::AssignAppealReviewer { .. } => "assign an appeal reviewer",
            Command::DecideAppeal(_) => "decide the appeal",
            Command::PauseClock(_) => "pause the clock",
            Command::ResumeClock => "resume the clock",
            Command::RecordSatisfaction(_) => "record satisfaction",
            Command::Close => "close",
            Command::Reopen(_) => "reopen",
            Command::Withdraw => "withdraw",
            Command::RequestErasure => "request erasure",
            Command::Erase(_) => "erase personal data",
        }
    }
}
