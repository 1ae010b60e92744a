//! The rules: who may do what to a case, and when.
//!
//! - Roles: the client acts through their receipt code; intake files, acknowledges, triages and
//!   routes; reviewers handle the cases assigned to them; the chair assigns, decides, verifies
//!   corrective actions and closes; auditors may open files for audit; the board and
//!   administrators never touch cases.
//! - A staff member named in a complaint, or who declared a conflict on it, can never be
//!   assigned to it, open its sealed data, or decide it.
//! - An appeal goes to a reviewer who took no part in the decision appealed.
//! - No decision without a recorded finding; a case closes only when every corrective action is
//!   verified or waived with reasons.
//! - A closed or withdrawn case accepts only the client's comments (and satisfaction answer), an
//!   appeal within the appeal window, reopening and erasure; opening its file is still recorded.
//! - After erasure nothing is accepted: the data key is gone.
//! - A complaint about the director or the chair is escalated: chairs and the director are
//!   excluded from it as named staff are, and the chair's part falls to the board or to the
//!   external reviewer the settings name (`super::escalation`).

use jiff::{SignedDuration, Timestamp};
use recourse_events::case::*;
use recourse_events::ids::{ActionId, StaffId};
use recourse_events::limits;
use recourse_events::org::Role;
use recourse_events::vocabulary::{Empty, Payload};

use super::command::Command;
use super::escalation;
use super::state::{ActionStatus, Case, Status};
use crate::actor::{Actor, WEB_INTAKE};
use crate::framework::Reference;
use crate::language::{is_client_language, is_interpreter_language};
use crate::org::Org;
use crate::rule::RuleError;

/// What a decision needs besides the case and the command.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// Who asks.
    pub actor: &'a Actor,
    /// The organization: roles and settings.
    pub org: &'a Org,
    /// The reference data: rights, framework items, service streams.
    pub reference: &'a Reference,
    /// When (the recorded events carry this time).
    pub now: Timestamp,
}

impl Context<'_> {
    /// The acting staff member if they hold one of `roles` for `case` (on an escalated case,
    /// the chair's role is the route's: [`escalation::acts_as`]). A chair or the director
    /// acting on an escalated case is refused as conflicted.
    fn staff_on(
        &self,
        case: &Case,
        roles: &[Role],
        why: &'static str,
    ) -> Result<StaffId, RuleError> {
        match self.actor {
            Actor::Staff(s) if roles.iter().any(|r| holds(case, self, *s, *r)) => Ok(*s),
            Actor::Staff(s)
                if case.escalated()
                    && escalation::leads_committee(&self.org.settings, self.org, *s) =>
            {
                Err(RuleError::Conflicted(*s))
            }
            _ => Err(RuleError::Forbidden(why)),
        }
    }

    fn is_client(&self) -> bool {
        *self.actor == Actor::Client
    }
}

/// Whether `staff` holds `role` for `case` ([`escalation::acts_as`]).
fn holds(case: &Case, ctx: &Context, staff: StaffId, role: Role) -> bool {
    escalation::acts_as(case, ctx.org, staff, role)
}

/// Whether `staff` may never handle `case` ([`escalation::excluded`]).
fn conflicted(case: &Case, ctx: &Context, staff: StaffId) -> bool {
    escalation::excluded(case, ctx.org, staff)
}

fn invalid(field: &'static str, reason: impl Into<String>) -> RuleError {
    RuleError::Invalid {
        field,
        reason: reason.into(),
    }
}

fn wrong_state(case: &Case, command: &Command) -> RuleError {
    RuleError::WrongState {
        status: case.status().as_str(),
        action: command.name(),
    }
}

fn check_ids(
    field: &'static str,
    ids: &[String],
    known: impl Fn(&str) -> bool,
) -> Result<(), RuleError> {
    let mut seen = std::collections::BTreeSet::new();
    for id in ids {
        if !known(id) || !seen.insert(id) {
            return Err(invalid(field, format!("{id:?} is unknown or repeated")));
        }
    }
    if ids.len() > 32 {
        return Err(invalid(field, "at most 32"));
    }
    Ok(())
}

fn check_rights(ctx: &Context, rights: &[String]) -> Result<(), RuleError> {
    check_ids("rights", rights, |id| ctx.reference.right(id).is_some())
}

/// Checks framework item ids and returns them as current ids: an id the framework has renamed
/// (its `[[renamed]]` table) is accepted and recorded under its new id, so that a client of the
/// API written against older ids keeps working and new events carry only current ids. Two old
/// ids merged into one item are recorded once.
fn check_items(ctx: &Context, items: &[String]) -> Result<Vec<String>, RuleError> {
    check_ids("framework_items", items, |id| {
        ctx.reference.canonical_item(id).is_some()
    })?;
    let mut current: Vec<String> = Vec::with_capacity(items.len());
    for id in items {
        let id = ctx.reference.canonical_item(id).unwrap_or(id);
        if !current.iter().any(|seen| seen == id) {
            current.push(id.to_owned());
        }
    }
    Ok(current)
}

/// The staff member must exist, be active, hold reviewer or chair, and have no conflict.
fn check_assignable(case: &Case, ctx: &Context, staff: StaffId) -> Result<(), RuleError> {
    if !ctx.org.staff.get(&staff).is_some_and(|m| m.active) {
        return Err(RuleError::UnknownStaff(staff));
    }
    if conflicted(case, ctx, staff) {
        return Err(RuleError::Conflicted(staff));
    }
    if !holds(case, ctx, staff, Role::Reviewer) && !holds(case, ctx, staff, Role::Chair) {
        return Err(RuleError::NotReviewer(staff));
    }
    Ok(())
}

/// The assigned reviewer or a chair, without a conflict.
fn handler(case: &Case, ctx: &Context, why: &'static str) -> Result<StaffId, RuleError> {
    let staff = match ctx.actor {
        Actor::Staff(s) if case.reviewer == Some(*s) && holds(case, ctx, *s, Role::Reviewer) => *s,
        _ => ctx.staff_on(case, &[Role::Chair], why)?,
    };
    if conflicted(case, ctx, staff) {
        return Err(RuleError::Conflicted(staff));
    }
    Ok(staff)
}

/// Intake, the assigned reviewer or a chair, without a conflict.
fn committee(case: &Case, ctx: &Context, why: &'static str) -> Result<StaffId, RuleError> {
    let staff = match ctx.actor {
        Actor::Staff(s) if case.reviewer == Some(*s) && holds(case, ctx, *s, Role::Reviewer) => *s,
        _ => ctx.staff_on(case, &[Role::Intake, Role::Chair], why)?,
    };
    if conflicted(case, ctx, staff) {
        return Err(RuleError::Conflicted(staff));
    }
    Ok(staff)
}

fn action_owner_or_chair(case: &Case, ctx: &Context, action: ActionId) -> Result<(), RuleError> {
    let a = case
        .actions
        .get(&action)
        .ok_or(RuleError::UnknownAction(action))?;
    match ctx.actor {
        Actor::Staff(s) if *s == a.owner && ctx.org.staff.get(s).is_some_and(|m| m.active) => {
            Ok(())
        }
        _ => ctx
            .staff_on(
                case,
                &[Role::Chair],
                "only the action's owner or the chair may update it",
            )
            .map(|_| ()),
    }
}

/// When the appeal window of the decision in force closes.
fn appeal_deadline(case: &Case, ctx: &Context) -> Option<Timestamp> {
    let days = i64::from(ctx.org.settings.appeal_window_days);
    case.decision
        .as_ref()
        .map(|d| d.at + SignedDuration::from_hours(24 * days))
}

fn check_filing(ctx: &Context, f: &ComplaintFiled) -> Result<(), RuleError> {
    let settings = &ctx.org.settings;
    if !is_client_language(settings, &f.language) {
        return Err(invalid(
            "language",
            "one of the languages the organization offers, or an interpreter's",
        ));
    }
    if !settings.programs.iter().any(|p| p.id == f.program) {
        return Err(invalid(
            "program",
            format!("{:?} is not one of the organization's programs", f.program),
        ));
    }
    if !settings.sites.iter().any(|s| s.id == f.site) {
        return Err(invalid(
            "site",
            format!("{:?} is not one of the organization's sites", f.site),
        ));
    }
    if let Some(s) = &f.service_stream
        && ctx.reference.service_stream(s).is_none()
    {
        return Err(invalid("service_stream", format!("{s:?} is unknown")));
    }
    check_rights(ctx, &f.rights)?;
    if !f.consent.handle {
        return Err(invalid(
            "consent",
            "the complaint can only be handled with consent to use the information",
        ));
    }
    if f.contact_preference != ContactPreference::None
        && (f.contact.is_none() || !f.consent.contact)
    {
        return Err(invalid(
            "contact",
            "a contact preference needs contact details and consent to be contacted",
        ));
    }
    let wants_interpreter = f.accommodations.contains(&Accommodation::Interpreter);
    match &f.interpreter_language {
        Some(l) if !wants_interpreter || !is_interpreter_language(l) => {
            return Err(invalid(
                "interpreter_language",
                "one of the interpreter languages, only with an interpreter",
            ));
        }
        None if wants_interpreter => {
            return Err(invalid(
                "interpreter_language",
                "which language the interpreter should speak",
            ));
        }
        _ => {}
    }
    if f.named_staff.len() > 16 {
        return Err(invalid("named_staff", "at most 16"));
    }
    Ok(())
}

/// Whether `staff` may open the sealed file of `case` for `purpose` as far as sensitivity goes:
/// a case triaged as sensitive (say, allegations against a manager) is opened only by its
/// assigned reviewer (or appeal reviewer), the chair, and intake for intake work (handling it,
/// or a client's request). Every case that is not sensitive: anyone the other rules allow.
pub fn may_open_restricted(case: &Case, ctx: &Context, staff: StaffId, purpose: Purpose) -> bool {
    if !case.triage.as_ref().is_some_and(|t| t.sensitive) {
        return true;
    }
    let assigned = case.reviewer == Some(staff)
        || case.appeal.as_ref().and_then(|a| a.reviewer) == Some(staff);
    let intake_work = holds(case, ctx, staff, Role::Intake)
        && matches!(purpose, Purpose::Handling | Purpose::ClientRequest);
    assigned || holds(case, ctx, staff, Role::Chair) || intake_work
}

/// Decides `command` on `case`: the events to record, or why not.
pub fn decide(case: &Case, ctx: &Context, command: &Command) -> Result<Vec<Payload>, RuleError> {
    let status = case.status();
    if let Command::File(f) = command {
        if case.filing.is_some() {
            return Err(invalid("case", "this case is already filed"));
        }
        match ctx.actor {
            Actor::Service(name) if name == WEB_INTAKE && f.channel == Channel::Web => {}
            Actor::Staff(_) if f.channel != Channel::Web => {
                ctx.staff_on(
                    case,
                    &[Role::Intake],
                    "only intake staff file complaints for clients",
                )?;
            }
            _ => {
                return Err(RuleError::Forbidden(
                    "web filings come from the form; staff file by phone, in person, email or referral",
                ));
            }
        }
        check_filing(ctx, f)?;
        return Ok(vec![Payload::ComplaintFiled(f.clone())]);
    }
    if case.filing.is_none() {
        return Err(invalid("case", "no such case"));
    }
    if status == Status::Erased {
        return Err(RuleError::Erased);
    }
    let settled = matches!(status, Status::Closed | Status::Withdrawn);
    let allowed_when_settled = matches!(
        command,
        Command::Comment(_)
            | Command::RecordSatisfaction(_)
            | Command::Appeal(_)
            | Command::Reopen(_)
            | Command::RequestErasure
            | Command::Erase(_)
            | Command::View { .. }
            | Command::RefuseView { .. }
    );
    if settled && !allowed_when_settled {
        return Err(wrong_state(case, command));
    }

    let event = match command {
        Command::File(_) => unreachable!("handled above"),
        Command::Acknowledge { .. }
        | Command::Triage(_)
        | Command::AssignReviewer { .. }
        | Command::Recuse(_) => receive(case, ctx, command)?,
        Command::PostMessage(_)
        | Command::AddEvidence(_)
        | Command::AddAttachment(_)
        | Command::View { .. }
        | Command::RefuseView { .. }
        | Command::RecordFinding(_)
        | Command::Decide(_) => review(case, ctx, command)?,
        Command::OpenAction { .. }
        | Command::UpdateAction(_)
        | Command::CompleteAction(_)
        | Command::VerifyAction(_)
        | Command::WaiveAction(_) => corrective(case, ctx, command)?,
        Command::Comment(_)
        | Command::AddInformation(_)
        | Command::Appeal(_)
        | Command::AssignAppealReviewer { .. }
        | Command::DecideAppeal(_) => appeal(case, ctx, command)?,
        Command::PauseClock(_)
        | Command::ResumeClock
        | Command::RecordSatisfaction(_)
        | Command::Close
        | Command::Reopen(_)
        | Command::Withdraw
        | Command::RequestErasure
        | Command::Erase(_) => lifecycle(case, ctx, command)?,
    };
    Ok(vec![event])
}

/// Receiving a complaint: acknowledgement, triage, assignment, recusal.
fn receive(case: &Case, ctx: &Context, command: &Command) -> Result<Payload, RuleError> {
    let status = case.status();
    let event = match command {
        Command::Acknowledge { note } => {
            ctx.staff_on(
                case,
                &[Role::Intake, Role::Chair],
                "only intake or the chair acknowledge complaints",
            )?;
            if case.acknowledged_at.is_some() {
                return Err(wrong_state(case, command));
            }
            Payload::Acknowledged(Acknowledged { note: note.clone() })
        }
        Command::Triage(t) => {
            let staff = ctx.staff_on(
                case,
                &[Role::Intake, Role::Chair],
                "only intake or the chair triage complaints",
            )?;
            if conflicted(case, ctx, staff) {
                return Err(RuleError::Conflicted(staff));
            }
            if !status.is_open() {
                return Err(wrong_state(case, command));
            }
            check_rights(ctx, &t.rights)?;
            let framework_items = check_items(ctx, &t.framework_items)?;
            if t.category.is_empty()
                || t.category.len() > 64
                || !t
                    .category
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_')
            {
                return Err(invalid("category", "a category id such as service_quality"));
            }
            Payload::Triaged(Triaged {
                framework_items,
                ..t.clone()
            })
        }
        Command::AssignReviewer { reviewer } => {
            let staff = ctx.staff_on(
                case,
                &[Role::Intake, Role::Chair],
                "only intake or the chair route complaints",
            )?;
            if conflicted(case, ctx, staff) {
                return Err(RuleError::Conflicted(staff));
            }
            if !matches!(status, Status::Acknowledged | Status::UnderReview) {
                return Err(wrong_state(case, command));
            }
            check_assignable(case, ctx, *reviewer)?;
            if case.reviewer == Some(*reviewer) {
                return Err(invalid("reviewer", "already the reviewer"));
            }
            Payload::ReviewerAssigned(ReviewerAssigned {
                reviewer: *reviewer,
            })
        }
        Command::Recuse(r) => {
            match ctx.actor {
                Actor::Staff(s)
                    if *s == r.staff && ctx.org.staff.get(s).is_some_and(|m| m.active) => {}
                _ => {
                    ctx.staff_on(
                        case,
                        &[Role::Chair],
                        "staff recuse themselves; only the chair records it for another",
                    )?;
                }
            }
            if !ctx.org.staff.contains_key(&r.staff) {
                return Err(RuleError::UnknownStaff(r.staff));
            }
            if case.recused.contains(&r.staff) {
                return Err(invalid("staff", "already recused"));
            }
            Payload::Recused(r.clone())
        }
        _ => return Err(wrong_state(case, command)),
    };
    Ok(event)
}
/// The review: messages, evidence, file openings, findings, the decision.
fn review(case: &Case, ctx: &Context, command: &Command) -> Result<Payload, RuleError> {
    let status = case.status();
    let event = match command {
        Command::PostMessage(m) => {
            if ctx.is_client() {
                if m.audience != Audience::Client {
                    return Err(RuleError::Forbidden(
                        "clients write to the committee through client messages",
                    ));
                }
            } else {
                committee(
                    case,
                    ctx,
                    "only intake, the assigned reviewer or the chair write on a case",
                )?;
            }
            Payload::MessagePosted(m.clone())
        }
        Command::AddEvidence(e) => {
            if !ctx.is_client() {
                committee(
                    case,
                    ctx,
                    "only intake, the assigned reviewer, the chair or the client add documents",
                )?;
            }
            if e.size == 0 || e.size > 50 << 20 {
                return Err(invalid("size", "1 byte to 50 MiB"));
            }
            Payload::EvidenceAdded(e.clone())
        }
        Command::AddAttachment(a) => {
            if !ctx.is_client() {
                committee(
                    case,
                    ctx,
                    "only intake, the assigned reviewer, the chair or the client add documents",
                )?;
            }
            if a.size == 0 || a.size > limits::ATTACHMENT_BYTES as u64 {
                return Err(invalid("size", "1 byte to 5 MiB"));
            }
            if case.attachments.len() >= limits::ATTACHMENTS_PER_CASE {
                return Err(invalid("attachment", "at most 20 files on a case"));
            }
            if case.attachments.iter().any(|x| x.id == a.attachment) {
                return Err(invalid("attachment", "an attachment id is used once"));
            }
            Payload::AttachmentAdded(a.clone())
        }
        Command::View { purpose } => {
            let staff = ctx.staff_on(
                case,
                &[Role::Intake, Role::Reviewer, Role::Chair, Role::Auditor],
                "only committee members and auditors open complaint files",
            )?;
            if conflicted(case, ctx, staff) {
                return Err(RuleError::Conflicted(staff));
            }
            if *purpose == Purpose::Audit
                && !holds(case, ctx, staff, Role::Auditor)
                && !holds(case, ctx, staff, Role::Chair)
            {
                return Err(RuleError::Forbidden(
                    "audit views are for auditors and the chair",
                ));
            }
            if !may_open_restricted(case, ctx, staff, *purpose) {
                return Err(RuleError::Restricted);
            }
            Payload::FileViewed(FileViewed { purpose: *purpose })
        }
        Command::RefuseView { purpose } => {
            // Only a refusal that the rules would make is recorded, in the refused person's
            // name (their own key signs it).
            let staff = ctx.actor.staff().ok_or(RuleError::Forbidden(
                "only staff attempts at opening a file are recorded",
            ))?;
            if may_open_restricted(case, ctx, staff, *purpose) {
                return Err(invalid("purpose", "this opening is not refused"));
            }
            Payload::FileViewRefused(FileViewed { purpose: *purpose })
        }
        Command::RecordFinding(f) => {
            handler(
                case,
                ctx,
                "only the assigned reviewer or the chair record findings",
            )?;
            if status != Status::UnderReview {
                return Err(wrong_state(case, command));
            }
            check_rights(ctx, &f.rights)?;
            let framework_items = check_items(ctx, &f.framework_items)?;
            Payload::FindingRecorded(FindingRecorded {
                framework_items,
                ..f.clone()
            })
        }
        Command::Decide(d) => {
            if ctx.org.settings.chair_decides {
                let staff = ctx.staff_on(case,
                    &[Role::Chair],
                    "the organization has the chair decide every complaint: the reviewer records findings",
                )?;
                if conflicted(case, ctx, staff) {
                    return Err(RuleError::Conflicted(staff));
                }
            } else {
                handler(case, ctx, "only the assigned reviewer or the chair decide")?;
            }
            if status != Status::UnderReview {
                return Err(wrong_state(case, command));
            }
            if case.findings.is_empty() {
                return Err(RuleError::NoFinding);
            }
            if d.outcome == Outcome::Withdrawn {
                return Err(invalid(
                    "outcome",
                    "a withdrawal is the client's, not a decision",
                ));
            }
            Payload::DecisionIssued(d.clone())
        }
        _ => return Err(wrong_state(case, command)),
    };
    Ok(event)
}
/// Corrective actions: opening, updating, completing, verifying, waiving.
fn corrective(case: &Case, ctx: &Context, command: &Command) -> Result<Payload, RuleError> {
    let status = case.status();
    let event = match command {
        Command::OpenAction {
            owner,
            due,
            framework_item,
            description,
        } => {
            handler(
                case,
                ctx,
                "only the assigned reviewer or the chair open corrective actions",
            )?;
            if !matches!(
                status,
                Status::UnderReview | Status::Decided | Status::UnderAppeal
            ) || case.findings.is_empty()
            {
                return Err(RuleError::WrongState {
                    status: status.as_str(),
                    action: "open a corrective action before a finding",
                });
            }
            if !ctx.org.staff.get(owner).is_some_and(|m| m.active) {
                return Err(RuleError::UnknownStaff(*owner));
            }
            if *due < ctx.now.to_zoned(jiff::tz::TimeZone::UTC).date() {
                return Err(invalid("due", "a date in the future"));
            }
            let framework_item = match framework_item {
                Some(item) => check_items(ctx, std::slice::from_ref(item))?.pop(),
                None => None,
            };
            let next = case.actions.last_id().map_or(1, |a| a.0 + 1);
            Payload::ActionOpened(ActionOpened {
                action: ActionId(next),
                owner: *owner,
                due: *due,
                framework_item,
                description: description.clone(),
            })
        }
        Command::UpdateAction(u) => {
            action_owner_or_chair(case, ctx, u.action)?;
            if case.actions[&u.action].status != ActionStatus::Open {
                return Err(invalid("action", "only an open action is updated"));
            }
            Payload::ActionUpdated(u.clone())
        }
        Command::CompleteAction(n) => {
            action_owner_or_chair(case, ctx, n.action)?;
            if case.actions[&n.action].status != ActionStatus::Open {
                return Err(invalid("action", "only an open action is completed"));
            }
            Payload::ActionCompleted(n.clone())
        }
        Command::VerifyAction(n) => {
            let chair = ctx.staff_on(
                case,
                &[Role::Chair],
                "only the chair verifies corrective actions",
            )?;
            let a = case
                .actions
                .get(&n.action)
                .ok_or(RuleError::UnknownAction(n.action))?;
            if a.status != ActionStatus::Completed {
                return Err(invalid(
                    "action",
                    "only an action reported done is verified",
                ));
            }
            if a.owner == chair {
                return Err(RuleError::Forbidden(
                    "the owner of an action cannot verify it: another chair must",
                ));
            }
            Payload::ActionVerified(n.clone())
        }
        Command::WaiveAction(n) => {
            ctx.staff_on(
                case,
                &[Role::Chair],
                "only the chair waives corrective actions",
            )?;
            let a = case
                .actions
                .get(&n.action)
                .ok_or(RuleError::UnknownAction(n.action))?;
            if !a.outstanding() {
                return Err(invalid("action", "already verified or waived"));
            }
            Payload::ActionWaived(n.clone())
        }
        _ => return Err(wrong_state(case, command)),
    };
    Ok(event)
}
/// The client's words and appeals: comments, information, appeals and their decisions.
fn appeal(case: &Case, ctx: &Context, command: &Command) -> Result<Payload, RuleError> {
    let status = case.status();
    let event = match command {
        Command::Comment(c) => {
            if !ctx.is_client() {
                return Err(RuleError::Forbidden(
                    "comments on the file are the client's",
                ));
            }
            Payload::ComplainantCommented(c.clone())
        }
        Command::AddInformation(c) => {
            if !ctx.is_client() {
                return Err(RuleError::Forbidden(
                    "only the client adds information to their complaint",
                ));
            }
            Payload::InformationAdded(c.clone())
        }
        Command::Appeal(a) => {
            if !ctx.is_client() {
                return Err(RuleError::Forbidden("only the client appeals"));
            }
            if !matches!(status, Status::Decided | Status::Closed) || case.decision.is_none() {
                return Err(wrong_state(case, command));
            }
            if case.appeal.is_some() {
                return Err(invalid("appeal", "this decision was already appealed"));
            }
            let deadline = appeal_deadline(case, ctx).expect("a decision");
            if ctx.now > deadline {
                return Err(RuleError::AppealWindowClosed(
                    deadline.to_zoned(jiff::tz::TimeZone::UTC).date(),
                ));
            }
            Payload::AppealFiled(a.clone())
        }
        Command::AssignAppealReviewer { reviewer } => {
            ctx.staff_on(case, &[Role::Chair], "only the chair assigns appeals")?;
            if status != Status::UnderAppeal {
                return Err(wrong_state(case, command));
            }
            check_assignable(case, ctx, *reviewer)?;
            if case.decision_participants.contains(reviewer) {
                return Err(RuleError::TookPartInDecision(*reviewer));
            }
            Payload::AppealReviewerAssigned(ReviewerAssigned {
                reviewer: *reviewer,
            })
        }
        Command::DecideAppeal(d) => {
            let reviewer = case.appeal.as_ref().and_then(|a| a.reviewer);
            match ctx.actor {
                Actor::Staff(s) if Some(*s) == reviewer => {
                    if conflicted(case, ctx, *s) {
                        return Err(RuleError::Conflicted(*s));
                    }
                }
                _ => {
                    return Err(RuleError::Forbidden(
                        "only the appeal's reviewer decides it",
                    ));
                }
            }
            if status != Status::UnderAppeal {
                return Err(wrong_state(case, command));
            }
            Payload::AppealDecided(d.clone())
        }
        _ => return Err(wrong_state(case, command)),
    };
    Ok(event)
}
/// The clocks, satisfaction, closing, reopening, withdrawal and erasure.
fn lifecycle(case: &Case, ctx: &Context, command: &Command) -> Result<Payload, RuleError> {
    let status = case.status();
    let event = match command {
        Command::PauseClock(p) => {
            committee(
                case,
                ctx,
                "only intake, the assigned reviewer or the chair pause the clock",
            )?;
            if !status.is_open() || case.paused_since.is_some() {
                return Err(wrong_state(case, command));
            }
            Payload::ClockPaused(p.clone())
        }
        Command::ResumeClock => {
            committee(
                case,
                ctx,
                "only intake, the assigned reviewer or the chair resume the clock",
            )?;
            if case.paused_since.is_none() {
                return Err(invalid("clock", "not paused"));
            }
            Payload::ClockResumed(Empty {})
        }
        Command::RecordSatisfaction(s) => {
            if !ctx.is_client() {
                return Err(RuleError::Forbidden("satisfaction is the client's to say"));
            }
            if case.decision.is_none() && status != Status::Withdrawn {
                return Err(wrong_state(case, command));
            }
            // One answer per case: the survey closes once answered.
            if case.satisfaction.is_some() {
                return Err(RuleError::AlreadyAnswered);
            }
            if !(1..=5).contains(&s.rating) {
                return Err(invalid("rating", "1 to 5"));
            }
            Payload::SatisfactionRecorded(s.clone())
        }
        Command::Close => {
            ctx.staff_on(case, &[Role::Chair], "only the chair closes cases")?;
            if status != Status::Decided || case.paused_since.is_some() {
                return Err(wrong_state(case, command));
            }
            let outstanding = case.outstanding_actions();
            if outstanding > 0 {
                return Err(RuleError::ActionsOutstanding(outstanding));
            }
            Payload::CaseClosed(Empty {})
        }
        Command::Reopen(r) => {
            ctx.staff_on(case, &[Role::Chair], "only the chair reopens cases")?;
            if !matches!(status, Status::Closed | Status::Withdrawn) {
                return Err(wrong_state(case, command));
            }
            Payload::CaseReopened(r.clone())
        }
        Command::Withdraw => {
            if !ctx.is_client() {
                ctx.staff_on(
                    case,
                    &[Role::Intake, Role::Chair],
                    "only the client, or intake or the chair on their word, withdraw",
                )?;
            }
            if !status.is_open() {
                return Err(wrong_state(case, command));
            }
            Payload::Withdrawn(Empty {})
        }
        Command::RequestErasure => {
            if !ctx.is_client() {
                return Err(RuleError::Forbidden(
                    "only the client asks for erasure; retention erasure is automatic",
                ));
            }
            Payload::ErasureRequested(Empty {})
        }
        Command::Erase(e) => {
            if *ctx.actor != Actor::Ledger {
                return Err(RuleError::Forbidden(
                    "erasure is recorded by the organization once the data key is destroyed",
                ));
            }
            if case.filing.as_ref().map(|f| &f.data_key) != Some(&e.data_key) {
                return Err(invalid("data_key", "not this case's data key"));
            }
            if e.reason == ErasureReason::ClientRequest && case.erasure_requested_at.is_none() {
                return Err(invalid("reason", "the client has not asked for erasure"));
            }
            Payload::PersonalDataErased(e.clone())
        }
        _ => return Err(wrong_state(case, command)),
    };
    Ok(event)
}
