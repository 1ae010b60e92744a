//! Every staff action on a case, as one typed vocabulary.
//!
//! A [`CaseAction`] is what a staff member asks for, in plain values: free text is still
//! plaintext. It is read from either door through one table ([`ACTIONS`]: each action's slug,
//! event, roles and fields with their kinds and limits), by [`CaseAction::from_form`] (the case
//! page) or [`CaseAction::from_json`] (the API), which refuse with
//! [`ServiceError::Invalid`] naming each field and why as a message id. The service then turns
//! it into the rules' [`Command`], sealing its texts under the case's data key with the
//! payload's field names ([`Service::act_on_case`]): no handler ever seals.
//!
//! The same vocabulary asks the rules what a person may do: [`CaseAction::sample`] gives an
//! action with placeholder values for a dry run (see [`crate::service::permission`]).

mod input;
mod table;

pub use input::Source;
pub use table::{
    ACTIONS, APPEAL_OUTCOMES, AUDIENCES, ActionSpec, COMMITTEE, CONFLICTS, FieldSpec, Kind,
    MAX_CATEGORY, MAX_REFERENCE_ID, MAX_REFERENCES, OUTCOMES, URGENCIES,
};

use jiff::Span;
use jiff::civil::Date;
use recourse_events::case::*;
use recourse_events::ids::{ActionId, CaseId, StaffId};
use recourse_events::sealed::Sealed;
use recourse_projections::case::{ActionStatus, Command, Status};
use recourse_projections::message::Message;
use recourse_projections::rule::RuleError;
use serde_json::{Map, Value};

use super::validation::Invalid;
use super::{Acting, Service, ServiceError};
use crate::store::Appended;
use input::Fields;

/// A staff action on a case, with its values (texts in plaintext, not yet sealed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseAction {
    /// Acknowledge the complaint, with an optional note to the client.
    Acknowledge {
        /// A note the client reads.
        note: Option<String>,
    },
    /// Triage: category, what is concerned, urgency, restricted handling.
    Triage {
        /// Category id.
        category: String,
        /// Client Code rights concerned.
        rights: Vec<String>,
        /// Framework items concerned.
        framework_items: Vec<String>,
        /// How fast.
        urgency: Urgency,
        /// Restricted handling.
        sensitive: bool,
        /// About the director or the chair: escalated.
        escalated: bool,
        /// Staff the complaint is about.
        named_staff: Vec<StaffId>,
    },
    /// Assign the reviewer.
    Assign {
        /// Who.
        reviewer: StaffId,
    },
    /// Declare a conflict of interest.
    Recuse {
        /// Who has the conflict (`None`: the one acting).
        staff: Option<StaffId>,
        /// Its kind.
        conflict: ConflictKind,
        /// In words.
        reason: String,
    },
    /// Post a message.
    Message {
        /// Who may read it.
        audience: Audience,
        /// The message.
        body: String,
    },
    /// Record a finding.
    Finding {
        /// Rights found concerned.
        rights: Vec<String>,
        /// Framework items found concerned.
        framework_items: Vec<String>,
        /// Whether the facts were substantiated.
        substantiated: bool,
        /// The finding, in words.
        summary: String,
    },
    /// Issue the decision.
    Decide {
        /// The outcome.
        outcome: Outcome,
        /// The remedy offered, if any.
        remedy: Option<String>,
        /// The reasons.
        reasons: String,
    },
    /// Open a corrective action.
    OpenAction {
        /// Who is responsible.
        owner: StaffId,
        /// By when.
        due: Date,
        /// The framework item it serves.
        framework_item: Option<String>,
        /// What is to be done.
        description: String,
    },
    /// A progress note on a corrective action, and maybe a new due date.
    UpdateAction {
        /// Which.
        action: ActionId,
        /// The note.
        note: String,
        /// The new due date.
        due: Option<Date>,
    },
    /// Report a corrective action done.
    CompleteAction {
        /// Which.
        action: ActionId,
        /// What was done.
        note: String,
    },
    /// Verify a corrective action done.
    VerifyAction {
        /// Which.
        action: ActionId,
        /// How it was checked.
        note: String,
    },
    /// Waive a corrective action.
    WaiveAction {
        /// Which.
        action: ActionId,
        /// Why.
        note: String,
    },
    /// Pause the clocks.
    Pause {
        /// What is awaited.
        reason: String,
    },
    /// Resume the clocks.
    Resume,
    /// Assign the appeal's reviewer.
    AssignAppeal {
        /// Who.
        reviewer: StaffId,
    },
    /// Decide the appeal.
    DecideAppeal {
        /// The outcome.
        outcome: AppealOutcome,
        /// The reasons.
        reasons: String,
    },
    /// Close the case.
    Close,
    /// Reopen it.
    Reopen {
        /// Why.
        reason: String,
    },
    /// Withdraw the complaint on the client's word.
    Withdraw,
}

/// The action called `slug`, or `NotFound`.
fn spec_of(slug: &str) -> Result<&'static ActionSpec, ServiceError> {
    ActionSpec::of(slug).ok_or_else(|| ServiceError::NotFound(format!("no case action {slug}")))
}

/// Reads the action `spec` from `f`: every field is read, so every refusal is collected.
fn read(spec: &'static ActionSpec, mut f: Fields) -> Result<CaseAction, ServiceError> {
    let built = match spec.slug {
        "acknowledge" | "triage" | "assign" | "recuse" | "message" => routing(spec.slug, &mut f),
        "action-open" | "action-update" | "action-complete" | "action-verify" | "action-waive" => {
            corrective(spec.slug, &mut f)
        }
        other => handling(other, &mut f)?,
    };
    f.finish(built)
}

/// Receiving and routing a complaint, and writing to it.
fn routing(slug: &str, f: &mut Fields) -> Option<CaseAction> {
    use CaseAction as A;
    match slug {
        "acknowledge" => Some(A::Acknowledge {
            note: f.text("note"),
        }),
        "triage" => {
            let category = f.text("category");
            let rights = f.list("rights");
            let framework_items = f.list("framework_items");
            let urgency = f.choice("urgency");
            let sensitive = f.flag("sensitive");
            let escalated = f.flag("escalated");
            let named_staff = f.staff_list("named_staff");
            category.zip(urgency).map(|(category, urgency)| A::Triage {
                category,
                rights,
                framework_items,
                urgency,
                sensitive,
                escalated,
                named_staff,
            })
        }
        "assign" => f.staff("reviewer").map(|reviewer| A::Assign { reviewer }),
        "recuse" => {
            let staff = f.staff("staff");
            let conflict = f.choice("conflict");
            let reason = f.text("reason");
            conflict.zip(reason).map(|(conflict, reason)| A::Recuse {
                staff,
                conflict,
                reason,
            })
        }
        _ => {
            let audience = f.choice("audience");
            let body = f.text("body");
            audience
                .zip(body)
                .map(|(audience, body)| A::Message { audience, body })
        }
    }
}

/// A corrective action: opening it, and each step after.
fn corrective(slug: &str, f: &mut Fields) -> Option<CaseAction> {
    use CaseAction as A;
    if slug == "action-open" {
        let owner = f.staff("owner");
        let due = f.date("due");
        let framework_item = f.text("framework_item");
        let description = f.text("description");
        return owner
            .zip(due)
            .zip(description)
            .map(|((owner, due), description)| A::OpenAction {
                owner,
                due,
                framework_item,
                description,
            });
    }
    let action = f.action("action");
    let note = f.text("note");
    let due = (slug == "action-update").then(|| f.date("due")).flatten();
    action.zip(note).map(|(action, note)| match slug {
        "action-update" => A::UpdateAction { action, note, due },
        "action-complete" => A::CompleteAction { action, note },
        "action-verify" => A::VerifyAction { action, note },
        _ => A::WaiveAction { action, note },
    })
}

/// Handling the case: findings, the decision, the clocks, the appeal, closing and after.
fn handling(slug: &str, f: &mut Fields) -> Result<Option<CaseAction>, ServiceError> {
    use CaseAction as A;
    Ok(match slug {
        "finding" => {
            let rights = f.list("rights");
            let framework_items = f.list("framework_items");
            let substantiated = f.flag("substantiated");
            f.text("summary").map(|summary| A::Finding {
                rights,
                framework_items,
                substantiated,
                summary,
            })
        }
        "decide" => {
            let outcome = f.choice("outcome");
            let remedy = f.text("remedy");
            let reasons = f.text("reasons");
            outcome.zip(reasons).map(|(outcome, reasons)| A::Decide {
                outcome,
                remedy,
                reasons,
            })
        }
        "pause" => f.text("reason").map(|reason| A::Pause { reason }),
        "resume" => Some(A::Resume),
        "appeal-assign" => f
            .staff("reviewer")
            .map(|reviewer| A::AssignAppeal { reviewer }),
        "appeal-decide" => {
            let outcome = f.choice("outcome");
            let reasons = f.text("reasons");
            outcome
                .zip(reasons)
                .map(|(outcome, reasons)| A::DecideAppeal { outcome, reasons })
        }
        "close" => Some(A::Close),
        "reopen" => f.text("reason").map(|reason| A::Reopen { reason }),
        "withdraw" => Some(A::Withdraw),
        other => return Err(ServiceError::NotFound(format!("no case action {other}"))),
    })
}

impl CaseAction {
    /// The action `slug` from a form's decoded pairs (the case page's names).
    pub fn from_form(slug: &str, pairs: &[(String, String)]) -> Result<CaseAction, ServiceError> {
        let spec = spec_of(slug)?;
        read(spec, Fields::new(spec, Source::Form(pairs)))
    }

    /// The action `slug` from a JSON object (the API's names).
    pub fn from_json(slug: &str, body: &Map<String, Value>) -> Result<CaseAction, ServiceError> {
        let spec = spec_of(slug)?;
        read(spec, Fields::new(spec, Source::Json(body)))
    }

    /// Its slug.
    pub fn slug(&self) -> &'static str {
        match self {
            CaseAction::Acknowledge { .. } => "acknowledge",
            CaseAction::Triage { .. } => "triage",
            CaseAction::Assign { .. } => "assign",
            CaseAction::Recuse { .. } => "recuse",
            CaseAction::Message { .. } => "message",
            CaseAction::Finding { .. } => "finding",
            CaseAction::Decide { .. } => "decide",
            CaseAction::OpenAction { .. } => "action-open",
            CaseAction::UpdateAction { .. } => "action-update",
            CaseAction::CompleteAction { .. } => "action-complete",
            CaseAction::VerifyAction { .. } => "action-verify",
            CaseAction::WaiveAction { .. } => "action-waive",
            CaseAction::Pause { .. } => "pause",
            CaseAction::Resume => "resume",
            CaseAction::AssignAppeal { .. } => "appeal-assign",
            CaseAction::DecideAppeal { .. } => "appeal-decide",
            CaseAction::Close => "close",
            CaseAction::Reopen { .. } => "reopen",
            CaseAction::Withdraw => "withdraw",
        }
    }

    /// Its entry in the table.
    pub fn spec(&self) -> Option<&'static ActionSpec> {
        ActionSpec::of(self.slug())
    }

    /// The action `slug` with placeholder values, for asking the rules whether `me` may take
    /// it today (`action`: the corrective action it concerns). `None` for an assignment, which
    /// is asked per candidate, and for a corrective action's step without `action`.
    pub fn sample(
        slug: &str,
        me: StaffId,
        today: Date,
        action: Option<ActionId>,
    ) -> Option<CaseAction> {
        let text = String::new;
        Some(match (slug, action) {
            ("acknowledge", _) => CaseAction::Acknowledge { note: None },
            ("triage", _) => CaseAction::Triage {
                category: "other".into(),
                rights: vec![],
                framework_items: vec![],
                urgency: Urgency::Routine,
                sensitive: false,
                escalated: false,
                named_staff: vec![],
            },
            ("recuse", _) => CaseAction::Recuse {
                staff: Some(me),
                conflict: ConflictKind::Other,
                reason: text(),
            },
            ("message", _) => CaseAction::Message {
                audience: Audience::Committee,
                body: text(),
            },
            ("finding", _) => CaseAction::Finding {
                rights: vec![],
                framework_items: vec![],
                substantiated: true,
                summary: text(),
            },
            ("decide", _) => CaseAction::Decide {
                outcome: Outcome::Upheld,
                remedy: None,
                reasons: text(),
            },
            ("action-open", _) => CaseAction::OpenAction {
                owner: me,
                // A month ahead; at the end of the calendar (never reached), today.
                due: today.checked_add(Span::new().days(30)).unwrap_or(today),
                framework_item: None,
                description: text(),
            },
            ("action-update", Some(action)) => CaseAction::UpdateAction {
                action,
                note: text(),
                due: None,
            },
            ("action-complete", Some(action)) => CaseAction::CompleteAction {
                action,
                note: text(),
            },
            ("action-verify", Some(action)) => CaseAction::VerifyAction {
                action,
                note: text(),
            },
            ("action-waive", Some(action)) => CaseAction::WaiveAction {
                action,
                note: text(),
            },
            ("pause", _) => CaseAction::Pause { reason: text() },
            ("resume", _) => CaseAction::Resume,
            ("appeal-decide", _) => CaseAction::DecideAppeal {
                outcome: AppealOutcome::Confirmed,
                reasons: text(),
            },
            ("close", _) => CaseAction::Close,
            ("reopen", _) => CaseAction::Reopen { reason: text() },
            ("withdraw", _) => CaseAction::Withdraw,
            _ => return None,
        })
    }

    /// The rule it runs: the rules' command, its texts sealed by `seal` (field name, text)
    /// under the payload's own field names. `me` is who acts (a recusal is theirs unless it
    /// names another).
    pub fn into_command(
        self,
        me: Option<StaffId>,
        mut seal: impl FnMut(&'static str, &str) -> Result<Sealed, ServiceError>,
    ) -> Result<Command, ServiceError> {
        use CaseAction as A;
        Ok(match self {
            A::Acknowledge { note } => Command::Acknowledge {
                note: note.map(|n| seal("note", &n)).transpose()?,
            },
            A::Triage {
                category,
                rights,
                framework_items,
                urgency,
                sensitive,
                escalated,
                named_staff,
            } => Command::Triage(Triaged {
                category,
                rights,
                framework_items,
                urgency,
                sensitive,
                escalated,
                named_staff,
            }),
            A::Assign { reviewer } => Command::AssignReviewer { reviewer },
            A::Recuse {
                staff,
                conflict,
                reason,
            } => Command::Recuse(Recused {
                staff: staff.or(me).ok_or_else(|| {
                    ServiceError::Invalid(vec![Invalid::new(
                        "staff",
                        Message::new("invalid-staff"),
                    )])
                })?,
                conflict,
                reason: seal("reason", &reason)?,
            }),
            A::Message { audience, body } => Command::PostMessage(MessagePosted {
                audience,
                body: seal("body", &body)?,
            }),
            A::Finding {
                rights,
                framework_items,
                substantiated,
                summary,
            } => Command::RecordFinding(FindingRecorded {
                rights,
                framework_items,
                substantiated,
                summary: seal("summary", &summary)?,
            }),
            A::Decide {
                outcome,
                remedy,
                reasons,
            } => Command::Decide(DecisionIssued {
                outcome,
                remedy: remedy.map(|r| seal("remedy", &r)).transpose()?,
                reasons: seal("reasons", &reasons)?,
            }),
            A::Pause { reason } => Command::PauseClock(ClockPaused {
                reason: seal("reason", &reason)?,
            }),
            A::Resume => Command::ResumeClock,
            A::AssignAppeal { reviewer } => Command::AssignAppealReviewer { reviewer },
            A::DecideAppeal { outcome, reasons } => Command::DecideAppeal(AppealDecided {
                outcome,
                reasons: seal("reasons", &reasons)?,
            }),
            A::Close => Command::Close,
            A::Reopen { reason } => Command::Reopen(Reopened {
                reason: seal("reason", &reason)?,
            }),
            A::Withdraw => Command::Withdraw,
            corrective => corrective_command(corrective, &mut seal)?,
        })
    }
}

/// The command of a corrective action's step, its texts sealed by `seal`.
fn corrective_command(
    action: CaseAction,
    seal: &mut impl FnMut(&'static str, &str) -> Result<Sealed, ServiceError>,
) -> Result<Command, ServiceError> {
    use CaseAction as A;
    let mut note = |action, note: String| -> Result<ActionNote, ServiceError> {
        Ok(ActionNote {
            action,
            note: seal("note", &note)?,
        })
    };
    Ok(match action {
        A::OpenAction {
            owner,
            due,
            framework_item,
            description,
        } => Command::OpenAction {
            owner,
            due,
            framework_item,
            description: seal("description", &description)?,
        },
        A::UpdateAction {
            action,
            note: n,
            due,
        } => {
            let ActionNote { action, note } = note(action, n)?;
            Command::UpdateAction(ActionUpdated { action, note, due })
        }
        A::CompleteAction { action, note: n } => Command::CompleteAction(note(action, n)?),
        A::VerifyAction { action, note: n } => Command::VerifyAction(note(action, n)?),
        A::WaiveAction { action, note: n } => Command::WaiveAction(note(action, n)?),
        other => {
            return Err(ServiceError::Input(format!(
                "{} is not a corrective action's step",
                other.slug()
            )));
        }
    })
}

/// The name of a corrective action's status, as the API answers it and the page's message ids
/// (`action-status-<name>`) spell it.
pub fn action_status_name(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "open",
        ActionStatus::Completed => "completed",
        ActionStatus::Verified => "verified",
        ActionStatus::Waived => "waived",
    }
}

/// What an action recorded, and where the case stands after it.
#[derive(Debug)]
pub struct Acted {
    /// The appended events.
    pub appended: Appended,
    /// The case's status after it.
    pub status: Status,
    /// The corrective action it opened, if it opened one.
    pub opened: Option<ActionId>,
}

impl Service {
    /// Takes `action` on `case` as `who`, now: its texts are sealed under the case's data key,
    /// then the rules decide and the events are recorded.
    pub async fn act_on_case(
        &self,
        who: &Acting,
        case: CaseId,
        action: CaseAction,
    ) -> Result<Acted, ServiceError> {
        let status = self.read(|m| m.case(&case).map(|c| c.status()));
        if status == Some(Status::Erased) {
            // Nothing can be sealed any more: the data key is gone.
            return Err(RuleError::Erased.into());
        }
        let opens = matches!(action, CaseAction::OpenAction { .. });
        let command = action.into_command(who.actor.staff(), |field, text| {
            self.seal_for(case, field, text)
        })?;
        let appended = self.act(who, case, command, self.now()).await?;
        let (status, last) = self.read(|m| {
            m.case(&case)
                .map(|c| (c.status(), c.actions.last_id()))
                .unwrap_or((status.unwrap_or(Status::Filed), None))
        });
        Ok(Acted {
            appended,
            status,
            opened: last.filter(|_| opens),
        })
    }
}

#[cfg(test)]
mod tests;
