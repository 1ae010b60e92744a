//! What a person may do on a case now, asked of the rules once per page or answer: a dry run of
//! `decide` with placeholder values, so no door offers what the service would refuse, and none
//! keeps its own copy of the rules. The real submission is decided again with the real values.
//!
//! [`ClientCan`] is a client's (the tracking page's forms, the API's `can`); [`StaffCan`] is a
//! staff member's (the case page's forms, the API's `allowed_actions`).

use std::collections::BTreeMap;

use jiff::civil::Date;
use recourse_events::case::{
    AppealFiled, Audience, ClientText, MessagePosted, Purpose, SatisfactionRecorded,
};
use recourse_events::ids::{ActionId, CaseId, StaffId};
use recourse_events::org::Role;
use recourse_events::sealed::Sealed;
use recourse_projections::actor::Actor;
use recourse_projections::case::{Command, Context, Status, decide, escalation};
use serde::Serialize;

use super::Service;
use super::case_action::{ACTIONS, CaseAction};

/// Who may open the auditor's page (`/staff/audit`) and download the whole ledger as a bundle:
/// auditors, the committee's chair and administrators. The bundle holds personal data only
/// sealed, but still every case's structure, so it is not for every staff member.
pub const AUDIT_ROLES: &[Role] = &[Role::Auditor, Role::Chair, Role::Admin];

/// A sealed placeholder for dry runs (never recorded).
pub fn placeholder() -> Sealed {
    Sealed {
        sealed: String::new(),
        key: String::new(),
    }
}

/// Whether `actor` may do `command` on `case` now.
pub fn allowed(service: &Service, case: CaseId, actor: &Actor, command: &Command) -> bool {
    service.read(|m| {
        let Some(c) = m.case(&case) else { return false };
        let ctx = Context {
            actor,
            org: m.org(),
            reference: m.reference(),
            now: service.now(),
        };
        decide(c, &ctx, command).is_ok()
    })
}

/// What a client may do on their case now (the tracking page's forms, the API's `can`).
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct ClientCan {
    /// Add information to the complaint.
    pub info: bool,
    /// Write to the people handling it.
    pub message: bool,
    /// Comment on the file.
    pub comment: bool,
    /// Appeal the decision.
    pub appeal: bool,
    /// Say how satisfied they are.
    pub satisfaction: bool,
    /// Withdraw the complaint.
    pub withdraw: bool,
    /// Erase their personal data (until it is erased).
    pub erase: bool,
}

impl ClientCan {
    /// Asks the rules, for `client` on `case` in `status`.
    pub fn of(service: &Service, case: CaseId, client: &Actor, status: Status) -> ClientCan {
        let p = placeholder;
        let can = |cmd: Command| allowed(service, case, client, &cmd);
        ClientCan {
            info: can(Command::AddInformation(ClientText { text: p() })),
            message: can(Command::PostMessage(MessagePosted {
                audience: Audience::Client,
                body: p(),
            })),
            comment: can(Command::Comment(ClientText { text: p() })),
            appeal: can(Command::Appeal(AppealFiled { grounds: p() })),
            satisfaction: can(Command::RecordSatisfaction(SatisfactionRecorded {
                explained: true,
                fair: true,
                rating: 3,
            })),
            withdraw: can(Command::Withdraw),
            erase: status != Status::Erased,
        }
    }
}

/// The steps one corrective action offers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorrectiveCan {
    /// A progress note (and a new due date).
    pub update: bool,
    /// Report it done.
    pub complete: bool,
    /// Verify it done.
    pub verify: bool,
    /// Waive it.
    pub waive: bool,
}

impl CorrectiveCan {
    /// The slugs it allows, in the table's order.
    pub fn slugs(&self) -> Vec<&'static str> {
        [
            ("action-update", self.update),
            ("action-complete", self.complete),
            ("action-verify", self.verify),
            ("action-waive", self.waive),
        ]
        .into_iter()
        .filter_map(|(slug, can)| can.then_some(slug))
        .collect()
    }

    /// Whether it offers anything.
    pub fn any(&self) -> bool {
        self.update || self.complete || self.verify || self.waive
    }
}

/// What a staff member may do on a case now (the case page's forms, the API's
/// `allowed_actions`, `assignable_reviewers`, `appeal_reviewers` and `can_open`).
#[derive(Debug, Clone, Default)]
pub struct StaffCan {
    /// Acknowledge the complaint.
    pub acknowledge: bool,
    /// Triage it.
    pub triage: bool,
    /// Assign the reviewer (someone can be assigned).
    pub assign: bool,
    /// Declare their own conflict.
    pub recuse: bool,
    /// Post a message.
    pub message: bool,
    /// Record a finding.
    pub finding: bool,
    /// Issue the decision.
    pub decide: bool,
    /// Open a corrective action.
    pub open_action: bool,
    /// Pause the clocks.
    pub pause: bool,
    /// Resume them.
    pub resume: bool,
    /// Assign the appeal's reviewer (someone can be assigned).
    pub appeal_assign: bool,
    /// Decide the appeal.
    pub appeal_decide: bool,
    /// Close the case.
    pub close: bool,
    /// Reopen it.
    pub reopen: bool,
    /// Withdraw it on the client's word.
    pub withdraw: bool,
    /// Open the sealed file (for handling or for an audit).
    pub view: bool,
    /// Who may be assigned as reviewer.
    pub reviewers: Vec<StaffId>,
    /// Who may be assigned as the appeal's reviewer.
    pub appeal_reviewers: Vec<StaffId>,
    /// The steps each corrective action offers.
    pub corrective: BTreeMap<ActionId, CorrectiveCan>,
}

impl StaffCan {
    /// Asks the rules, for staff member `me` on `case`, on `today` (the organization's date).
    pub fn of(service: &Service, case: CaseId, me: StaffId, today: Date) -> StaffCan {
        let actor = Actor::Staff(me);
        let can = |cmd: &Command| allowed(service, case, &actor, cmd);
        let sample = |slug: &str, action: Option<ActionId>| {
            CaseAction::sample(slug, me, today, action)
                .and_then(|a| a.into_command(Some(me), |_, _| Ok(placeholder())).ok())
                .is_some_and(|c| can(&c))
        };
        let (candidates, actions) = service.read(|m| {
            let candidates: Vec<StaffId> = m
                .org()
                .staff
                .values()
                .filter(|s| {
                    s.active
                        && (s.roles.contains(&Role::Reviewer)
                            || s.roles.contains(&Role::Chair)
                            || escalation::escalation_handler(m.org(), s.id))
                })
                .map(|s| s.id)
                .collect();
            let actions: Vec<ActionId> = m
                .case(&case)
                .map(|c| c.actions.values().map(|a| a.id).collect())
                .unwrap_or_default();
            (candidates, actions)
        });
        let reviewers: Vec<StaffId> = candidates
            .iter()
            .copied()
            .filter(|s| can(&Command::AssignReviewer { reviewer: *s }))
            .collect();
        let appeal_reviewers: Vec<StaffId> = candidates
            .iter()
            .copied()
            .filter(|s| can(&Command::AssignAppealReviewer { reviewer: *s }))
            .collect();
        let corrective = actions
            .into_iter()
            .map(|a| {
                let step = |slug| sample(slug, Some(a));
                let steps = CorrectiveCan {
                    update: step("action-update"),
                    complete: step("action-complete"),
                    verify: step("action-verify"),
                    waive: step("action-waive"),
                };
                (a, steps)
            })
            .collect();
        StaffCan {
            acknowledge: sample("acknowledge", None),
            triage: sample("triage", None),
            assign: !reviewers.is_empty(),
            recuse: sample("recuse", None),
            message: sample("message", None),
            finding: sample("finding", None),
            decide: sample("decide", None),
            open_action: sample("action-open", None),
            pause: sample("pause", None),
            resume: sample("resume", None),
            appeal_assign: !appeal_reviewers.is_empty(),
            appeal_decide: sample("appeal-decide", None),
            close: sample("close", None),
            reopen: sample("reopen", None),
            withdraw: sample("withdraw", None),
            view: [Purpose::Handling, Purpose::Audit]
                .into_iter()
                .any(|purpose| can(&Command::View { purpose })),
            reviewers,
            appeal_reviewers,
            corrective,
        }
    }

    /// The steps corrective action `action` offers.
    pub fn on(&self, action: ActionId) -> CorrectiveCan {
        self.corrective.get(&action).copied().unwrap_or_default()
    }

    /// Whether the action `slug` is offered (for a corrective action's step: on any of them).
    pub fn allows(&self, slug: &str) -> bool {
        match slug {
            "acknowledge" => self.acknowledge,
            "triage" => self.triage,
            "assign" => self.assign,
            "recuse" => self.recuse,
            "message" => self.message,
            "finding" => self.finding,
            "decide" => self.decide,
            "action-open" => self.open_action,
            "action-update" | "action-complete" | "action-verify" | "action-waive" => {
                self.corrective.values().any(|c| c.slugs().contains(&slug))
            }
            "pause" => self.pause,
            "resume" => self.resume,
            "appeal-assign" => self.appeal_assign,
            "appeal-decide" => self.appeal_decide,
            "close" => self.close,
            "reopen" => self.reopen,
            "withdraw" => self.withdraw,
            _ => false,
        }
    }

    /// The slugs of every action offered, in the table's order.
    pub fn slugs(&self) -> Vec<&'static str> {
        ACTIONS
            .iter()
            .map(|a| a.slug)
            .filter(|slug| self.allows(slug))
            .collect()
    }
}
