//! Systemic corrective actions: organization-level actions, not inside one case.
//!
//! A case's corrective action fixes what went wrong for one client; a systemic action changes
//! a policy or a practice because a review found an item partly met or not met, or because a
//! pattern of complaints showed a shortfall. Each has an owner and a due date, records its
//! progress, is reported done, and is verified by someone else.
//!
//! - The chair opens one, naming its owner (an active staff member), its due date and, when it
//!   comes from a review, that review and item (which must be in the review's scope), or the
//!   cases whose pattern prompted it.
//! - Its owner or the chair records progress (and may move the due date) and reports it done.
//! - The chair or an auditor verifies it done, but not the owner nor whoever reported it
//!   done: a second pair of eyes is the point.
//! - A verified action is final.

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_events::ids::StaffId;
use recourse_events::limits;
use recourse_events::org::Role;
use recourse_events::review::*;
use recourse_events::vocabulary::Payload;

use crate::actor::Actor;
use crate::review::ReviewStatus;
use crate::review::rules::text;
use crate::rule::RuleError;

/// Where a systemic action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SystemicStatus {
    /// Not opened yet (a fresh stream).
    New,
    /// Open: being worked on.
    Open,
    /// Reported done, waiting for verification.
    Completed,
    /// Verified done: final.
    Verified,
}

impl SystemicStatus {
    /// The status as a slug.
    pub fn as_str(self) -> &'static str {
        match self {
            SystemicStatus::New => "new",
            SystemicStatus::Open => "open",
            SystemicStatus::Completed => "completed",
            SystemicStatus::Verified => "verified",
        }
    }
}

/// A note on a systemic action: who, when, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Who.
    pub by: StaffId,
    /// When.
    pub at: Timestamp,
    /// What.
    pub note: String,
    /// The due date it moved the action to (progress only).
    pub due: Option<Date>,
}

/// A systemic corrective action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Systemic {
    /// Its id.
    pub id: SystemicId,
    /// Next seq of its stream.
    pub seq: u64,
    /// What `systemic_action.opened` recorded.
    pub opened: Option<SystemicOpened>,
    /// Who opened it, and when.
    pub opened_by: Option<(StaffId, Timestamp)>,
    /// The due date in force (moved by progress notes).
    pub due: Option<Date>,
    /// Progress notes, in order.
    pub progress: Vec<Note>,
    /// The report that it is done.
    pub completed: Option<Note>,
    /// The verification.
    pub verified: Option<Note>,
    /// Where it stands.
    pub status: SystemicStatus,
}

impl Systemic {
    /// An action not opened yet.
    pub fn new(id: SystemicId) -> Systemic {
        Systemic {
            id,
            seq: 0,
            opened: None,
            opened_by: None,
            due: None,
            progress: Vec::new(),
            completed: None,
            verified: None,
            status: SystemicStatus::New,
        }
    }

    /// Overdue on `today`: not verified (or reported done) by its due date.
    pub fn overdue(&self, today: Date) -> bool {
        self.status == SystemicStatus::Open && self.due.is_some_and(|d| d < today)
    }

    /// Folds one of its events.
    pub fn apply(&mut self, seq: u64, at: Timestamp, actor: &Actor, payload: &Payload) {
        self.seq = seq + 1;
        let Actor::Staff(by) = *actor else { return };
        let note = |n: &SystemicNote| Note {
            by,
            at,
            note: n.note.clone(),
            due: n.due,
        };
        match payload {
            Payload::SystemicOpened(o) => {
                self.due = Some(o.due);
                self.opened = Some(o.clone());
                self.opened_by = Some((by, at));
                self.status = SystemicStatus::Open;
            }
            Payload::SystemicProgressed(n) => {
                if let Some(due) = n.due {
                    self.due = Some(due);
                }
                self.progress.push(note(n));
            }
            Payload::SystemicCompleted(n) => {
                self.completed = Some(note(n));
                self.status = SystemicStatus::Completed;
            }
            Payload::SystemicVerified(n) => {
                self.verified = Some(note(n));
                self.status = SystemicStatus::Verified;
            }
            _ => {}
        }
    }
}

/// A command on one systemic action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SystemicCommand {
    /// Open it.
    Open(SystemicOpened),
    /// Record progress (and perhaps a new due date).
    Progress(SystemicNote),
    /// Report it done.
    Complete(SystemicNote),
    /// Verify it done.
    Verify(SystemicNote),
}

/// What a decision on a systemic action needs: what a review's needs (who asks, the
/// organization, the framework, and the review its origin names, if any).
pub type SystemicContext<'a> = crate::review::ReviewContext<'a>;

/// Decides `command` on `action`.
pub fn decide(
    action: &Systemic,
    ctx: &SystemicContext,
    command: &SystemicCommand,
) -> Result<Vec<Payload>, RuleError> {
    let Actor::Staff(me) = *ctx.actor else {
        return Err(RuleError::Forbidden("only staff work on systemic actions"));
    };
    let not_now = |what: &'static str| RuleError::NotNow {
        status: action.status.as_str(),
        action: what,
    };
    let owner = action.opened.as_ref().map(|o| o.owner);
    let chair = ctx.org.has_role(me, Role::Chair);
    match command {
        SystemicCommand::Open(opened) => {
            if !chair {
                return Err(RuleError::Forbidden(
                    "only the chair opens a systemic action",
                ));
            }
            if action.status != SystemicStatus::New {
                return Err(not_now("open a systemic action"));
            }
            text("title", &opened.title, limits::TITLE)?;
            text("description", &opened.description, limits::REVIEW_TEXT)?;
            // Any active staff member may own one, with or without a role in Recourse (a
            // program manager who changes a practice).
            if !ctx.org.staff.get(&opened.owner).is_some_and(|m| m.active) {
                return Err(RuleError::UnknownStaff(opened.owner));
            }
            if let Some(item) = &opened.framework_item
                && ctx.reference.framework_item(item).is_none()
            {
                return Err(RuleError::Invalid {
                    field: "framework_item",
                    reason: format!("no framework item {item}"),
                });
            }
            if let Some(id) = opened.origin.review {
                let Some(origin) = ctx.origin.filter(|r| r.status != ReviewStatus::New) else {
                    return Err(RuleError::UnknownReview(id));
                };
                let Some(item) = &opened.origin.item else {
                    return Err(RuleError::Invalid {
                        field: "item",
                        reason: "an action opened from a review names the item it follows up"
                            .into(),
                    });
                };
                if !origin.in_scope(item) {
                    return Err(RuleError::NotInScope(item.clone()));
                }
            }
            Ok(vec![Payload::SystemicOpened(opened.clone())])
        }
        SystemicCommand::Progress(n) | SystemicCommand::Complete(n) => {
            if !(chair || owner == Some(me)) {
                return Err(RuleError::Forbidden(
                    "only its owner or the chair record progress on a systemic action",
                ));
            }
            if action.status != SystemicStatus::Open {
                return Err(not_now(
                    if matches!(command, SystemicCommand::Complete(_)) {
                        "complete a systemic action"
                    } else {
                        "record progress"
                    },
                ));
            }
            text("note", &n.note, limits::REVIEW_TEXT)?;
            Ok(vec![match command {
                SystemicCommand::Complete(n) => Payload::SystemicCompleted(SystemicNote {
                    due: None,
                    ..n.clone()
                }),
                _ => Payload::SystemicProgressed(n.clone()),
            }])
        }
        SystemicCommand::Verify(n) => {
            if !(chair || ctx.org.has_role(me, Role::Auditor)) {
                return Err(RuleError::Forbidden(
                    "only the chair or an auditor verify a systemic action",
                ));
            }
            if action.status != SystemicStatus::Completed {
                return Err(not_now("verify a systemic action"));
            }
            let completer = action.completed.as_ref().map(|c| c.by);
            if owner == Some(me) || completer == Some(me) {
                return Err(RuleError::OwnWork("verify an action you own or completed"));
            }
            text("note", &n.note, limits::REVIEW_TEXT)?;
            Ok(vec![Payload::SystemicVerified(SystemicNote {
                due: None,
                ..n.clone()
            })])
        }
    }
}
