//! A step of a complaint's script: what someone does to the case, with the text they write,
//! staff named by their index in the roster. A script is one complaint's steps in time order.

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_events::case::*;

use crate::service::ComplaintForm;

/// Who takes a step: a staff member (by index) or the client.
#[derive(Debug, Clone, Copy)]
pub(super) enum By {
    Staff(usize),
    Client,
}

/// One thing done to a case.
#[derive(Debug)]
#[allow(missing_docs)]
pub(super) enum Step {
    File {
        by: Option<usize>,
        form: Box<ComplaintForm>,
        named: Vec<usize>,
    },
    Acknowledge {
        by: usize,
        note: Option<String>,
    },
    Triage {
        by: usize,
        category: String,
        rights: Vec<String>,
        items: Vec<String>,
        urgency: Urgency,
        sensitive: bool,
    },
    Assign {
        by: usize,
        reviewer: usize,
    },
    Recuse {
        by: usize,
        staff: usize,
        conflict: ConflictKind,
        reason: String,
    },
    View {
        by: usize,
        purpose: Purpose,
    },
    Message {
        by: By,
        audience: Audience,
        body: String,
    },
    AddInformation(String),
    Comment(String),
    Pause {
        by: usize,
        reason: String,
    },
    Resume {
        by: usize,
    },
    Finding {
        by: usize,
        rights: Vec<String>,
        items: Vec<String>,
        substantiated: bool,
        summary: String,
    },
    Decide {
        by: usize,
        outcome: Outcome,
        remedy: Option<String>,
        reasons: String,
    },
    OpenAction {
        by: usize,
        owner: usize,
        due: Date,
        item: Option<String>,
        description: String,
    },
    UpdateAction {
        by: usize,
        action: u32,
        note: String,
        due: Option<Date>,
    },
    CompleteAction {
        by: usize,
        action: u32,
        note: String,
    },
    VerifyAction {
        by: usize,
        action: u32,
        note: String,
    },
    WaiveAction {
        by: usize,
        action: u32,
        note: String,
    },
    Close {
        by: usize,
    },
    Satisfaction(SatisfactionRecorded),
    Appeal(String),
    AssignAppeal {
        by: usize,
        reviewer: usize,
    },
    DecideAppeal {
        by: usize,
        outcome: AppealOutcome,
        reasons: String,
    },
    Reopen {
        by: usize,
        reason: String,
    },
    Withdraw(By),
    RequestErasure,
    /// A step of the organization's own calendar (reviews, systemic actions), not of a case.
    Org(Box<super::reviews::OrgStep>),
}

impl Step {
    /// What the step does, for errors.
    pub(super) fn name(&self) -> &'static str {
        match self {
            Step::File { .. } => "file",
            Step::Acknowledge { .. } => "acknowledge",
            Step::Triage { .. } => "triage",
            Step::Assign { .. } => "assign a reviewer",
            Step::Recuse { .. } => "recuse",
            Step::View { .. } => "open the file",
            Step::Message { .. } => "post a message",
            Step::AddInformation(_) => "add information",
            Step::Comment(_) => "comment",
            Step::Pause { .. } => "pause the clock",
            Step::Resume { .. } => "resume the clock",
            Step::Finding { .. } => "record a finding",
            Step::Decide { .. } => "decide",
            Step::OpenAction { .. } => "open a corrective action",
            Step::UpdateAction { .. } => "update a corrective action",
            Step::CompleteAction { .. } => "complete a corrective action",
            Step::VerifyAction { .. } => "verify a corrective action",
            Step::WaiveAction { .. } => "waive a corrective action",
            Step::Close { .. } => "close",
            Step::Satisfaction(_) => "record satisfaction",
            Step::Appeal(_) => "appeal",
            Step::AssignAppeal { .. } => "assign the appeal",
            Step::DecideAppeal { .. } => "decide the appeal",
            Step::Reopen { .. } => "reopen",
            Step::Withdraw(_) => "withdraw",
            Step::RequestErasure => "request erasure",
            Step::Org(o) => o.name(),
        }
    }

    /// True if the runner must start it alone, after every earlier step of every lane (see
    /// [`super::reviews`]).
    pub(super) fn is_barrier(&self) -> bool {
        matches!(self, Step::Org(o) if o.is_barrier())
    }
}

/// One complaint's script, or one lane of the organization's calendar, in time order.
pub(super) struct Script {
    pub(super) steps: Vec<(Timestamp, Step)>,
}
