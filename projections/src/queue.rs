//! The committee's work queue: open cases with their status, owner, due dates and overdue
//! flags, most pressing first.
//!
//! Derived on demand from the read model's cases and the clocks (there are few open cases
//! compared with events, and due dates depend on `now`). Settled cases (closed, withdrawn,
//! erased) appear only when asked for: by their status, or by a search (a case's short number
//! or its id), which finds a case whatever its status.

use jiff::Timestamp;
use recourse_events::case::{Channel, Urgency};
use recourse_events::ids::{CaseId, StaffId};
use serde::{Deserialize, Serialize};

use crate::case::{Case, Status};
use crate::clock::{ClockStatus, Clocks};

/// One row of the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct QueueRow {
    /// The case.
    pub case: CaseId,
    /// Its short number (`2026-0007`: year of filing, order of filing in that year).
    pub number: String,
    /// Where it stands.
    #[schemars(with = "Status")]
    pub status: &'static str,
    /// Filed when.
    pub filed_at: Timestamp,
    /// Channel.
    pub channel: Channel,
    /// Client's language.
    pub language: String,
    /// Program.
    pub program: String,
    /// Site.
    pub site: String,
    /// Urgency from triage (none before triage).
    pub urgency: Option<Urgency>,
    /// Restricted handling.
    pub sensitive: bool,
    /// Escalated: about the director or the chair, handled by whom the settings route it to.
    pub escalated: bool,
    /// Who holds it now: the appeal's reviewer during an appeal, else the reviewer; none means
    /// intake.
    pub owner: Option<StaffId>,
    /// Clocks and overdue flags.
    pub clocks: ClockStatus,
    /// Corrective actions still to verify or waive.
    pub outstanding_actions: usize,
    /// An interpreter was asked for.
    pub interpreter: bool,
    /// The deadline still to meet, for pages that show only that one: the acknowledgement
    /// while it is awaited, else the decision while it is awaited, else none (the API gives
    /// every clock, and `clocks.next_due`).
    #[serde(skip)]
    #[schemars(skip)]
    pub next_deadline: Option<Deadline>,
}

/// Which of a case's own deadlines comes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// The acknowledgement.
    Acknowledge,
    /// The decision.
    Decide,
}

impl Deadline {
    /// The deadline still to meet on `case`: the acknowledgement while it is awaited, else the
    /// decision while it is awaited.
    pub fn next(case: &Case) -> Option<Deadline> {
        if case.awaiting_acknowledgement() {
            Some(Deadline::Acknowledge)
        } else if case.awaiting_decision() {
            Some(Deadline::Decide)
        } else {
            None
        }
    }
}

impl QueueRow {
    /// Anything overdue.
    pub fn overdue(&self) -> bool {
        self.clocks.acknowledge_overdue
            || self.clocks.decide_overdue
            || self.clocks.overdue_actions > 0
    }
}

/// Which rows to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct QueueFilter {
    /// Only cases held by this staff member.
    pub owner: Option<StaffId>,
    /// Only cases in these statuses (by name, e.g. "under review"); empty means all open ones.
    pub status: Vec<String>,
    /// Only overdue cases.
    pub overdue: bool,
    /// Only this program.
    pub program: Option<String>,
    /// Only this site.
    pub site: Option<String>,
    /// Only urgent or priority cases.
    pub urgent: bool,
    /// Only the cases this search finds (see [`ReadModel::find_cases`]), whatever their
    /// status.
    ///
    /// [`ReadModel::find_cases`]: crate::read_model::ReadModel::find_cases
    pub found: Option<Vec<CaseId>>,
}

fn in_queue(case: &Case, filter: &QueueFilter) -> bool {
    if let Some(found) = &filter.found {
        return found.contains(&case.id);
    }
    match case.status() {
        Status::Filed
        | Status::Acknowledged
        | Status::UnderReview
        | Status::Decided
        | Status::UnderAppeal => true,
        // Settled: only when their status is asked for.
        s @ (Status::Closed | Status::Withdrawn | Status::Erased) => {
            filter.status.iter().any(|f| f == s.as_str())
        }
    }
}

/// The queue of `cases` (typically all the read model's) at `now`, filtered, most pressing first: overdue cases, then by next due date,
/// then urgency, then age.
pub fn queue<'a>(
    cases: impl IntoIterator<Item = &'a Case>,
    clocks: &Clocks,
    filter: &QueueFilter,
    now: Timestamp,
) -> Vec<QueueRow> {
    let mut rows: Vec<QueueRow> = cases
        .into_iter()
        .filter(|c| in_queue(c, filter))
        .filter_map(|c| row(c, clocks, now))
        .filter(|r| filter.owner.is_none_or(|o| r.owner == Some(o)))
        .filter(|r| filter.status.is_empty() || filter.status.iter().any(|s| s == r.status))
        .filter(|r| !filter.overdue || r.overdue())
        .filter(|r| filter.program.as_ref().is_none_or(|p| *p == r.program))
        .filter(|r| filter.site.as_ref().is_none_or(|s| *s == r.site))
        .filter(|r| {
            !filter.urgent || matches!(r.urgency, Some(Urgency::Urgent | Urgency::Priority))
        })
        .collect();
    rows.sort_by(|a, b| {
        b.overdue()
            .cmp(&a.overdue())
            .then(a.clocks.next_due.cmp(&b.clocks.next_due))
            .then(b.urgency.cmp(&a.urgency))
            .then(a.filed_at.cmp(&b.filed_at))
    });
    rows
}

fn row(case: &Case, clocks: &Clocks, now: Timestamp) -> Option<QueueRow> {
    let filing = case.filing.as_ref()?;
    let owner = match case.status() {
        Status::UnderAppeal => case.appeal.as_ref().and_then(|a| a.reviewer),
        _ => case.reviewer,
    };
    Some(QueueRow {
        case: case.id,
        number: case.number.map(|n| n.to_string()).unwrap_or_default(),
        status: case.status().as_str(),
        filed_at: case.filed_at?,
        channel: filing.channel,
        language: filing.language.clone(),
        program: filing.program.clone(),
        site: filing.site.clone(),
        urgency: case.triage.as_ref().map(|t| t.urgency),
        sensitive: case.triage.as_ref().is_some_and(|t| t.sensitive),
        escalated: case.escalated(),
        owner,
        clocks: clocks.status(case, now),
        outstanding_actions: case.outstanding_actions(),
        interpreter: filing.interpreter_language.is_some(),
        next_deadline: Deadline::next(case),
    })
}
