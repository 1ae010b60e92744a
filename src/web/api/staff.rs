//! What staff do through the API: sign in and out, the staff directory, the work queue, a
//! case's facts and timeline, opening its sealed data (recorded first), every command the case
//! page offers, the access log, and the board's dashboard.
//!
//! Commands act as the signed-in person, signed with the key their session opened. Free text is
//! sealed with the case's data key under the payload's own field name before it is recorded.

use jiff::civil::Date;
use jiff::{Span, Timestamp};
use recourse_events::case::*;
use recourse_events::ids::{ActionId, CaseId, StaffId};
use recourse_events::org::Role;
use recourse_events::sealed::Sealed;
use recourse_projections::actor::Actor;
use recourse_projections::case::{ActionStatus, Case, Command, Status};
use recourse_projections::dashboard::{Granularity, Query};
use recourse_projections::queue::QueueFilter;
use serde::Serialize;
use serde_json::{Map, Value, json};
use uuid::Uuid;
use warp::http::StatusCode;

use super::fields::{Field, Input, Ty, opt, req};
use super::{APPEAL_OUTCOMES, AUDIENCES, COMMITTEE, CONFLICTS, OUTCOMES, URGENCIES};
use crate::service::{Acting, sealed_fields_of};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::pages::permit::{allowed, placeholder};
use crate::web::router::Ctx;
use crate::web::session::SESSION_COOKIE;

/// Longest free text staff write (as on the case page).
pub const MAX_TEXT: usize = crate::limits::STAFF_TEXT;

/// A staff command on a case, as the API offers it.
#[derive(Debug)]
pub struct ActionSpec {
    /// Path segment (`/cases/{id}/actions/<slug>`), as on the case page's forms.
    pub slug: &'static str,
    /// One line.
    pub summary: &'static str,
    /// More words.
    pub about: &'static str,
    /// The event it records.
    pub event: &'static str,
    /// Roles that may ask (the rules then decide).
    pub roles: &'static [Role],
    /// Fields of its body.
    pub fields: &'static [Field],
}

const HANDLERS: &[Role] = &[Role::Reviewer, Role::Chair];
const WRITERS: &[Role] = &[Role::Intake, Role::Reviewer, Role::Chair];
const INTAKE_CHAIR: &[Role] = &[Role::Intake, Role::Chair];
const CHAIR: &[Role] = &[Role::Chair];

const RIGHTS: Field = opt(
    "rights",
    Ty::Strings {
        items: 32,
        max: 100,
    },
    "Client Code rights concerned (ids from GET /options).",
);
const ITEMS: Field = opt(
    "framework_items",
    Ty::Strings {
        items: 32,
        max: 100,
    },
    "Framework items concerned (ids from GET /options).",
);
const ACTION: Field = req(
    "action",
    Ty::Int(1, u32::MAX as i64),
    "The corrective action's number within the case.",
);
const fn text(name: &'static str, about: &'static str) -> Field {
    req(name, Ty::Text(MAX_TEXT), about)
}

/// Every staff command the case page offers.
pub const ACTIONS: &[ActionSpec] = &[
    ActionSpec {
        slug: "acknowledge",
        summary: "Acknowledge the complaint",
        about: "Confirms receipt to the client, with an optional note they will read.",
        event: "complaint.acknowledged",
        roles: INTAKE_CHAIR,
        fields: &[opt("note", Ty::Text(MAX_TEXT), "A note to the client.")],
    },
    ActionSpec {
        slug: "triage",
        summary: "Triage the complaint",
        about: "Category, rights and framework items concerned, urgency, and whether handling is restricted.",
        event: "complaint.triaged",
        roles: INTAKE_CHAIR,
        fields: &[
            req(
                "category",
                Ty::Str(64),
                "A category id of lowercase letters and underscores, such as service_quality, interpreter_access, discrimination, privacy, fees, staff_conduct, wait_times, accessibility or other.",
            )
            .matching("^[a-z_]{1,64}$"),
            RIGHTS,
            ITEMS,
            req("urgency", Ty::OneOf(URGENCIES), "How fast to handle it."),
            opt(
                "sensitive",
                Ty::Bool,
                "Restricted handling, e.g. allegations against a manager (default false).",
            ),
        ],
    },
    ActionSpec {
        slug: "assign",
        summary: "Assign the reviewer",
        about: "Routes the case to a reviewer or chair with no conflict on it.",
        event: "reviewer.assigned",
        roles: INTAKE_CHAIR,
        fields: &[req(
            "reviewer",
            Ty::Uuid,
            "The staff member (see `assignable_reviewers` on GET /cases/{id}).",
        )],
    },
    ActionSpec {
        slug: "recuse",
        summary: "Declare a conflict of interest",
        about: "The signed-in person steps aside (or the chair records another's conflict); they can never handle the case again.",
        event: "reviewer.recused",
        roles: COMMITTEE,
        fields: &[
            opt(
                "staff",
                Ty::Uuid,
                "Who has the conflict (default: the signed-in person; only the chair records it for another).",
            ),
            req("conflict", Ty::OneOf(CONFLICTS), "The kind of conflict."),
            text("reason", "The conflict, in words."),
        ],
    },
    ActionSpec {
        slug: "message",
        summary: "Post a message",
        about: "To the client (they read it with their receipt code) or internal to the committee.",
        event: "message.posted",
        roles: WRITERS,
        fields: &[
            req("audience", Ty::OneOf(AUDIENCES), "Who may read it."),
            text("body", "The message."),
        ],
    },
    ActionSpec {
        slug: "finding",
        summary: "Record a finding",
        about: "Rights and framework items found concerned, and whether the facts were substantiated.",
        event: "finding.recorded",
        roles: HANDLERS,
        fields: &[
            RIGHTS,
            ITEMS,
            req(
                "substantiated",
                Ty::Bool,
                "Whether the facts complained of were substantiated.",
            ),
            text("summary", "The finding, in words."),
        ],
    },
    ActionSpec {
        slug: "decide",
        summary: "Issue the decision",
        about: "Needs a recorded finding. The client reads the outcome, the reasons and any remedy.",
        event: "decision.issued",
        roles: HANDLERS,
        fields: &[
            req("outcome", Ty::OneOf(OUTCOMES), "The outcome."),
            opt(
                "remedy",
                Ty::Text(crate::limits::REMEDY),
                "The remedy offered, if any.",
            ),
            text("reasons", "The reasons, for the client."),
        ],
    },
    ActionSpec {
        slug: "action-open",
        summary: "Open a corrective action",
        about: "After a finding: what is to be done, by whom, by when. The answer names the new action's number.",
        event: "corrective_action.opened",
        roles: HANDLERS,
        fields: &[
            req(
                "owner",
                Ty::Uuid,
                "Who is responsible (an active staff member).",
            ),
            req("due", Ty::Date, "Due date (today or later)."),
            opt(
                "framework_item",
                Ty::Str(100),
                "The framework item the action serves (an id from GET /options).",
            ),
            text("description", "What is to be done."),
        ],
    },
    ActionSpec {
        slug: "action-update",
        summary: "Update a corrective action",
        about: "A progress note, and a new due date if it moves (the owner or the chair).",
        event: "corrective_action.updated",
        roles: COMMITTEE,
        fields: &[
            ACTION,
            text("note", "Progress note."),
            opt("due", Ty::Date, "New due date, if it moves."),
        ],
    },
    ActionSpec {
        slug: "action-complete",
        summary: "Report a corrective action done",
        about: "The owner or the chair reports it done; the chair then verifies it.",
        event: "corrective_action.completed",
        roles: COMMITTEE,
        fields: &[ACTION, text("note", "What was done.")],
    },
    ActionSpec {
        slug: "action-verify",
        summary: "Verify a corrective action done",
        about: "The chair checks it was done (never their own action).",
        event: "corrective_action.verified",
        roles: CHAIR,
        fields: &[ACTION, text("note", "How it was checked.")],
    },
    ActionSpec {
        slug: "action-waive",
        summary: "Waive a corrective action",
        about: "The chair waives it, with reasons.",
        event: "corrective_action.waived",
        roles: CHAIR,
        fields: &[ACTION, text("note", "Why it is waived.")],
    },
    ActionSpec {
        slug: "pause",
        summary: "Pause the clocks",
        about: "While waiting for the client; service-level clocks stop.",
        event: "clock.paused",
        roles: WRITERS,
        fields: &[text("reason", "What is awaited from the client.")],
    },
    ActionSpec {
        slug: "resume",
        summary: "Resume the clocks",
        about: "The client answered, or waiting is over.",
        event: "clock.resumed",
        roles: WRITERS,
        fields: &[],
    },
    ActionSpec {
        slug: "appeal-assign",
        summary: "Assign the appeal's reviewer",
        about: "Someone with no conflict who took no part in the decision appealed.",
        event: "appeal.reviewer_assigned",
        roles: CHAIR,
        fields: &[req(
            "reviewer",
            Ty::Uuid,
            "The staff member (see `appeal_reviewers` on GET /cases/{id}).",
        )],
    },
    ActionSpec {
        slug: "appeal-decide",
        summary: "Decide the appeal",
        about: "By the appeal's reviewer only.",
        event: "appeal.decided",
        roles: HANDLERS,
        fields: &[
            req("outcome", Ty::OneOf(APPEAL_OUTCOMES), "The outcome."),
            text("reasons", "The reasons, for the client."),
        ],
    },
    ActionSpec {
        slug: "close",
        summary: "Close the case",
        about: "After the decision, once every corrective action is verified or waived.",
        event: "case.closed",
        roles: CHAIR,
        fields: &[],
    },
    ActionSpec {
        slug: "reopen",
        summary: "Reopen a closed or withdrawn case",
        about: "The decision and findings in force are set aside.",
        event: "case.reopened",
        roles: CHAIR,
        fields: &[text("reason", "Why.")],
    },
    ActionSpec {
        slug: "withdraw",
        summary: "Withdraw the complaint on the client's word",
        about: "When the client asks staff to withdraw it.",
        event: "complaint.withdrawn",
        roles: INTAKE_CHAIR,
        fields: &[],
    },
];

fn bad(msg: impl Into<String>) -> WebError {
    WebError::BadRequest(msg.into())
}

fn snake<T: Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn parse_case(id: &str) -> Result<CaseId, WebError> {
    id.parse().map_err(|_| bad("id: not a case id (a UUID)"))
}

/// The signed-in committee member acting, and the case, which they must have no conflict on.
fn reader(ctx: &Ctx, id: &str) -> Result<(Acting, Case), WebError> {
    let case = parse_case(id)?;
    ctx.staff_with(COMMITTEE)?;
    let me = ctx.acting()?;
    let state = ctx
        .app
        .service
        .read(|m| m.case(&case).cloned())
        .filter(|c| c.filing.is_some())
        .ok_or(WebError::NotFound)?;
    if me.actor.staff().is_some_and(|s| state.conflicted(s)) {
        return Err(WebError::Forbidden(ctx.tr.t("case-conflicted")));
    }
    Ok((me, state))
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "StaffMember")]
pub(super) struct StaffView {
    id: StaffId,
    name: String,
    #[schemars(with = "Vec<Role>")]
    roles: Vec<&'static str>,
    active: bool,
}

fn staff_view(ctx: &Ctx, staff: StaffId) -> StaffView {
    let names = ctx.app.service.staff_names();
    ctx.app.service.read(|m| {
        let member = m.org().staff.get(&staff);
        StaffView {
            id: staff,
            name: names.get(&staff).cloned().unwrap_or_default(),
            roles: m.org().roles(staff).iter().map(|r| r.as_str()).collect(),
            active: member.is_some_and(|s| s.active),
        }
    })
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Session")]
pub(super) struct SessionView {
    staff: StaffView,
    #[schemars(
        description = "Send it in the X-CSRF-Token header with every call that changes something."
    )]
    csrf: String,
}

/// Who is signed in.
pub(super) fn session(ctx: &Ctx) -> Result<Response, WebError> {
    let s = ctx.staff()?;
    Ok(Response::json(&SessionView {
        staff: staff_view(ctx, s.staff),
        csrf: s.csrf.clone(),
    }))
}

/// Signs in: sets the session cookie, answers the CSRF token.
pub(super) async fn sign_in(ctx: &Ctx<'_>, input: &Input) -> Result<Response, WebError> {
    let login = input.text("login")?.to_string();
    let password = input.text("password")?.to_string();
    // Failures count, per address and per account (see `web::limits`).
    ctx.app
        .limiter
        .sign_in_allowed(ctx.req.remote, Some(&login))?;
    let accounts = ctx.app.accounts.clone();
    let name = login.clone();
    let result = tokio::task::spawn_blocking(move || accounts.sign_in(&name, &password))
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let (staff, key) = match result {
        Ok(found) => {
            ctx.app.limiter.sign_in_succeeded(&login);
            found
        }
        Err(e @ crate::accounts::AccountError::BadCredentials) => {
            ctx.app.limiter.sign_in_failed(ctx.req.remote, Some(&login));
            return Ok(super::error(
                StatusCode::UNAUTHORIZED,
                "bad_credentials",
                &e.to_string(),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let active = ctx.app.service.read(|m| {
        m.org()
            .staff
            .get(&staff)
            .is_some_and(|s| s.active && s.keys.contains(&key.key_id()))
    });
    if !active {
        // A departed member, or a revoked key: the account no longer signs anything.
        return Err(WebError::Forbidden(ctx.tr.t("login-inactive")));
    }
    let token = ctx.app.sessions.start(staff, key);
    let csrf = ctx
        .app
        .sessions
        .get(&token)
        .map(|s| s.csrf)
        .ok_or_else(|| WebError::Internal("session vanished".into()))?;
    let body = SessionView {
        staff: staff_view(ctx, staff),
        csrf,
    };
    Ok(Response::json(&body).cookie(SESSION_COOKIE, &token, None, ctx.secure()))
}

/// Signs out.
pub(super) fn sign_out(ctx: &Ctx) -> Result<Response, WebError> {
    if let Some(token) = ctx.req.cookie(SESSION_COOKIE) {
        ctx.app.sessions.end(&token);
    }
    Ok(super::no_content().cookie(SESSION_COOKIE, "", Some(0), ctx.secure()))
}

/// The staff directory.
pub(super) fn directory(ctx: &Ctx) -> Result<Response, WebError> {
    let names = ctx.app.service.staff_names();
    let staff: Vec<StaffView> = ctx.app.service.read(|m| {
        m.org()
            .staff
            .values()
            .map(|s| StaffView {
                id: s.id,
                name: names.get(&s.id).cloned().unwrap_or_default(),
                roles: s.roles.iter().map(|r| r.as_str()).collect(),
                active: s.active,
            })
            .collect()
    });
    Ok(Response::json(&json!({ "staff": staff })))
}

/// The work queue.
pub(super) fn queue(ctx: &Ctx, query: &Input) -> Result<Response, WebError> {
    let me = ctx.staff()?.staff;
    let owner = match query.str("owner") {
        None => None,
        Some("me") => Some(me),
        Some(s) => Some(
            s.parse()
                .map_err(|_| bad("owner: a staff id (a UUID) or me"))?,
        ),
    };
    let filter = QueueFilter {
        owner,
        status: query.strings("status"),
        overdue: query.bool("overdue"),
        program: query.str("program").map(String::from),
        site: query.str("site").map(String::from),
        urgent: query.bool("urgent"),
    };
    let now = ctx.app.service.now();
    let rows: Vec<Value> = ctx.app.service.read(|m| {
        recourse_projections::queue::queue(m.cases(), m.clocks(), &filter, now)
            .into_iter()
            .map(|r| {
                let overdue = r.overdue();
                let mut v = serde_json::to_value(&r).unwrap_or_default();
                v["overdue"] = json!(overdue);
                v
            })
            .collect()
    });
    Ok(Response::json(
        &json!({ "count": rows.len(), "rows": rows }),
    ))
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Actor")]
struct ActorView {
    #[serde(rename = "type")]
    #[schemars(schema_with = "super::openapi::actor_kind")]
    kind: &'static str,
    staff: Option<StaffId>,
    name: Option<String>,
}

fn actor_view(actor: &Actor, names: &std::collections::HashMap<StaffId, String>) -> ActorView {
    let (kind, staff, name) = match actor {
        Actor::Staff(s) => ("staff", Some(*s), names.get(s).cloned()),
        Actor::Client => ("client", None, None),
        Actor::Service(n) => ("service", None, Some(n.clone())),
        Actor::Ledger => ("ledger", None, None),
        Actor::Unknown => ("unknown", None, None),
    };
    ActorView { kind, staff, name }
}

#[derive(Serialize, schemars::JsonSchema)]
struct Verification {
    signature: bool,
    chain: bool,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "CaseEvent")]
struct EventView {
    position: u64,
    seq: u64,
    id: Uuid,
    at: Timestamp,
    kind: String,
    actor: ActorView,
    #[schemars(description = "The payload's clear fields (sealed fields removed).")]
    data: Map<String, Value>,
    #[schemars(description = "Sealed fields of the payload: POST /cases/{id}/open reads them.")]
    sealed_fields: Vec<String>,
    verification: Verification,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Filing")]
struct FilingView {
    channel: Channel,
    language: String,
    anonymous: bool,
    program: String,
    site: String,
    service_stream: Option<String>,
    rights: Vec<String>,
    contact_preference: ContactPreference,
    accommodations: Vec<Accommodation>,
    interpreter_language: Option<String>,
    named_staff: Vec<StaffId>,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Finding")]
struct FindingView {
    at: Timestamp,
    by: ActorView,
    rights: Vec<String>,
    framework_items: Vec<String>,
    substantiated: bool,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Decision")]
struct DecisionView {
    at: Timestamp,
    by: ActorView,
    outcome: Outcome,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "CorrectiveAction")]
struct CorrectiveView {
    id: u32,
    owner: StaffId,
    due: Date,
    framework_item: Option<String>,
    #[schemars(with = "recourse_projections::case::ActionStatus")]
    status: &'static str,
    opened_at: Timestamp,
    settled_at: Option<Timestamp>,
    overdue: bool,
    #[schemars(description = "What the signed-in person may do to this action now.")]
    #[schemars(schema_with = "super::openapi::action_slugs")]
    allowed_actions: Vec<&'static str>,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Appeal")]
struct AppealView {
    filed_at: Timestamp,
    reviewer: Option<StaffId>,
    decided_at: Option<Timestamp>,
    outcome: Option<AppealOutcome>,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "SatisfactionAnswer")]
struct SatisfactionView {
    at: Timestamp,
    explained: bool,
    fair: bool,
    #[schemars(range(min = 1, max = 5))]
    rating: u8,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Erasure")]
struct ErasedView {
    at: Timestamp,
    reason: ErasureReason,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Case")]
pub(super) struct CaseView {
    id: CaseId,
    #[schemars(with = "Status")]
    status: &'static str,
    filed_at: Option<Timestamp>,
    filed_by: Option<ActorView>,
    filing: Option<FilingView>,
    acknowledged_at: Option<Timestamp>,
    triage: Option<Triaged>,
    reviewer: Option<StaffId>,
    recused: Vec<StaffId>,
    findings: Vec<FindingView>,
    decision: Option<DecisionView>,
    corrective_actions: Vec<CorrectiveView>,
    appeal: Option<AppealView>,
    appeals: u32,
    paused_since: Option<Timestamp>,
    closed_at: Option<Timestamp>,
    withdrawn_at: Option<Timestamp>,
    reopened: u32,
    satisfaction: Option<SatisfactionView>,
    erasure_requested_at: Option<Timestamp>,
    erased: Option<ErasedView>,
    clocks: recourse_projections::clock::ClockStatus,
    timeline: Vec<EventView>,
    #[schemars(description = "Every event's signature and chain link checked out.")]
    verified: bool,
    #[schemars(description = "The signed-in person may open the sealed data.")]
    can_open: bool,
    #[schemars(
        description = "Commands the signed-in person may give now (POST /cases/{id}/actions/<slug>), as the rules decide."
    )]
    #[schemars(schema_with = "super::openapi::action_slugs")]
    allowed_actions: Vec<&'static str>,
    assignable_reviewers: Vec<StaffId>,
    appeal_reviewers: Vec<StaffId>,
}

fn action_status(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Open => "open",
        ActionStatus::Completed => "completed",
        ActionStatus::Verified => "verified",
        ActionStatus::Waived => "waived",
    }
}

/// A command of `slug` with placeholder values, for asking the rules whether it is allowed.
fn sample(slug: &str, me: StaffId, today: Date, action: Option<ActionId>) -> Option<Command> {
    let p = placeholder;
    let note = |action| ActionNote { action, note: p() };
    Some(match (slug, action) {
        ("acknowledge", _) => Command::Acknowledge { note: None },
        ("triage", _) => Command::Triage(Triaged {
            category: "other".into(),
            rights: vec![],
            framework_items: vec![],
            urgency: Urgency::Routine,
            sensitive: false,
        }),
        ("recuse", _) => Command::Recuse(Recused {
            staff: me,
            conflict: ConflictKind::Other,
            reason: p(),
        }),
        ("message", _) => Command::PostMessage(MessagePosted {
            audience: Audience::Committee,
            body: p(),
        }),
        ("finding", _) => Command::RecordFinding(FindingRecorded {
            rights: vec![],
            framework_items: vec![],
            substantiated: true,
            summary: p(),
        }),
        ("decide", _) => Command::Decide(DecisionIssued {
            outcome: Outcome::Upheld,
            remedy: None,
            reasons: p(),
        }),
        ("action-open", _) => Command::OpenAction {
            owner: me,
            due: today.checked_add(Span::new().days(30)).unwrap_or(today),
            framework_item: None,
            description: p(),
        },
        ("action-update", Some(a)) => Command::UpdateAction(ActionUpdated {
            action: a,
            note: p(),
            due: None,
        }),
        ("action-complete", Some(a)) => Command::CompleteAction(note(a)),
        ("action-verify", Some(a)) => Command::VerifyAction(note(a)),
        ("action-waive", Some(a)) => Command::WaiveAction(note(a)),
        ("pause", _) => Command::PauseClock(ClockPaused { reason: p() }),
        ("resume", _) => Command::ResumeClock,
        ("appeal-decide", _) => Command::DecideAppeal(AppealDecided {
            outcome: AppealOutcome::Confirmed,
            reasons: p(),
        }),
        ("close", _) => Command::Close,
        ("reopen", _) => Command::Reopen(Reopened { reason: p() }),
        ("withdraw", _) => Command::Withdraw,
        _ => return None,
    })
}

/// A case: facts, clocks, timeline without sealed text, and what the reader may do.
pub(super) async fn case(ctx: &Ctx<'_>, id: &str) -> Result<Response, WebError> {
    let (me, state) = reader(ctx, id)?;
    let case = state.id;
    let staff_id = me.actor.staff().expect("staff acting");
    let service = &ctx.app.service;
    let timeline = service.timeline(case).await?;
    let names = service.staff_names();
    let now = ctx.app.service.now();
    let (clocks, candidates) = service.read(|m| {
        let candidates: Vec<StaffId> = m
            .org()
            .staff
            .values()
            .filter(|s| {
                s.active && (s.roles.contains(&Role::Reviewer) || s.roles.contains(&Role::Chair))
            })
            .map(|s| s.id)
            .collect();
        (m.clocks().clone(), candidates)
    });
    let today = clocks.local_date(now);
    let can = |cmd: &Command| allowed(service, case, &me.actor, cmd);
    let assignable_reviewers: Vec<StaffId> = candidates
        .iter()
        .copied()
        .filter(|s| can(&Command::AssignReviewer { reviewer: *s }))
        .collect();
    let appeal_reviewers: Vec<StaffId> = candidates
        .iter()
        .copied()
        .filter(|s| can(&Command::AssignAppealReviewer { reviewer: *s }))
        .collect();
    let corrective_actions: Vec<CorrectiveView> = state
        .actions
        .values()
        .map(|a| CorrectiveView {
            id: a.id.0,
            owner: a.owner,
            due: a.due,
            framework_item: a.framework_item.clone(),
            status: action_status(a.status),
            opened_at: a.opened_at,
            settled_at: a.settled_at,
            overdue: a.outstanding() && a.due < today,
            allowed_actions: [
                "action-update",
                "action-complete",
                "action-verify",
                "action-waive",
            ]
            .into_iter()
            .filter(|slug| sample(slug, staff_id, today, Some(a.id)).is_some_and(|c| can(&c)))
            .collect(),
        })
        .collect();
    let allowed_actions: Vec<&'static str> = ACTIONS
        .iter()
        .map(|a| a.slug)
        .filter(|slug| match *slug {
            "assign" => !assignable_reviewers.is_empty(),
            "appeal-assign" => !appeal_reviewers.is_empty(),
            "action-update" | "action-complete" | "action-verify" | "action-waive" => {
                corrective_actions
                    .iter()
                    .any(|a| a.allowed_actions.contains(slug))
            }
            other => sample(other, staff_id, today, None).is_some_and(|c| can(&c)),
        })
        .collect();
    let can_open = [Purpose::Handling, Purpose::Audit]
        .into_iter()
        .any(|purpose| can(&Command::View { purpose }));
    let events: Vec<EventView> = timeline
        .iter()
        .map(|e| {
            let (mut data, sealed) = match &e.payload {
                Some(p) => (
                    p.to_data(),
                    sealed_fields_of(p).into_iter().map(|(f, _)| f).collect(),
                ),
                None => (Map::new(), Vec::<String>::new()),
            };
            for field in &sealed {
                data.remove(field);
            }
            EventView {
                position: e.position,
                seq: e.seq,
                id: e.id,
                at: e.at,
                kind: e.kind.as_str().to_string(),
                actor: actor_view(&e.actor, &names),
                data,
                sealed_fields: sealed,
                verification: Verification {
                    signature: e.verification.signature,
                    chain: e.verification.chain,
                },
            }
        })
        .collect();
    let verified = timeline.iter().all(|e| e.verification.ok());
    let view = CaseView {
        id: case,
        status: state.status().as_str(),
        filed_at: state.filed_at,
        filed_by: state.filed_by.as_ref().map(|a| actor_view(a, &names)),
        filing: state.filing.as_ref().map(|f| FilingView {
            channel: f.channel,
            language: f.language.clone(),
            anonymous: f.anonymous,
            program: f.program.clone(),
            site: f.site.clone(),
            service_stream: f.service_stream.clone(),
            rights: f.rights.clone(),
            contact_preference: f.contact_preference,
            accommodations: f.accommodations.clone(),
            interpreter_language: f.interpreter_language.clone(),
            named_staff: f.named_staff.clone(),
        }),
        acknowledged_at: state.acknowledged_at,
        triage: state.triage.clone(),
        reviewer: state.reviewer,
        recused: state.recused.iter().copied().collect(),
        findings: state
            .findings
            .iter()
            .map(|f| FindingView {
                at: f.at,
                by: actor_view(&f.by, &names),
                rights: f.rights.clone(),
                framework_items: f.framework_items.clone(),
                substantiated: f.substantiated,
            })
            .collect(),
        decision: state.decision.as_ref().map(|d| DecisionView {
            at: d.at,
            by: actor_view(&d.by, &names),
            outcome: d.outcome,
        }),
        corrective_actions,
        appeal: state.appeal.as_ref().map(|a| AppealView {
            filed_at: a.filed_at,
            reviewer: a.reviewer,
            decided_at: a.decided.map(|(at, _)| at),
            outcome: a.decided.map(|(_, o)| o),
        }),
        appeals: state.appeals,
        paused_since: state.paused_since,
        closed_at: state.closed_at,
        withdrawn_at: state.withdrawn_at,
        reopened: state.reopened,
        satisfaction: state.satisfaction.as_ref().map(|(at, s)| SatisfactionView {
            at: *at,
            explained: s.explained,
            fair: s.fair,
            rating: s.rating,
        }),
        erasure_requested_at: state.erasure_requested_at,
        erased: state.erased.map(|(at, reason)| ErasedView { at, reason }),
        clocks: clocks.status(&state, now),
        timeline: events,
        verified,
        can_open,
        allowed_actions,
        assignable_reviewers,
        appeal_reviewers,
    };
    Ok(Response::json(&view))
}

#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct OpenedText {
    position: u64,
    kind: String,
    field: String,
    #[schemars(description = "Null once the personal data is erased.")]
    text: Option<String>,
}

#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct Contact {
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
}

/// Records the opening of the sealed data, then answers it.
pub(super) async fn open(ctx: &Ctx<'_>, id: &str, input: &Input) -> Result<Response, WebError> {
    let (me, state) = reader(ctx, id)?;
    let purpose: Purpose = input.required("purpose")?;
    let file = ctx
        .app
        .service
        .open_file(&me, state.id, purpose, ctx.app.service.now())
        .await?;
    let kinds: std::collections::HashMap<u64, &str> = file
        .timeline
        .iter()
        .map(|e| (e.position, e.kind.as_str()))
        .collect();
    let contact = file
        .fields
        .iter()
        .find(|f| f.field == "contact")
        .and_then(|f| f.text.as_ref().ok())
        .and_then(|t| serde_json::from_str::<Value>(t).ok())
        .map(|v| {
            let get = |k: &str| v.get(k).and_then(Value::as_str).map(String::from);
            Contact {
                name: get("name"),
                email: get("email"),
                phone: get("phone"),
            }
        });
    let fields: Vec<OpenedText> = file
        .fields
        .iter()
        .filter(|f| f.field != "contact")
        .map(|f| OpenedText {
            position: f.position,
            kind: kinds.get(&f.position).copied().unwrap_or_default().into(),
            field: f.field.clone(),
            text: f.text.clone().ok(),
        })
        .collect();
    Ok(Response::json(&json!({
        "case": state.id,
        "purpose": purpose,
        "contact": contact,
        "fields": fields,
    })))
}

fn command(ctx: &Ctx, case: CaseId, spec: &ActionSpec, input: &Input) -> Result<Command, WebError> {
    let service = &ctx.app.service;
    let seal = |field: &str| -> Result<Sealed, WebError> {
        Ok(service.seal_for(case, field, input.text(field)?)?)
    };
    let seal_opt = |field: &str| -> Result<Option<Sealed>, WebError> {
        input
            .str(field)
            .map(|t| service.seal_for(case, field, t).map_err(WebError::from))
            .transpose()
    };
    let staff = |field: &str| -> Result<StaffId, WebError> {
        input
            .id(field)?
            .ok_or_else(|| bad(format!("{field}: required")))
    };
    let action = || -> Result<ActionId, WebError> {
        input
            .int("action")
            .and_then(|n| u32::try_from(n).ok())
            .map(ActionId)
            .ok_or_else(|| bad("action: required"))
    };
    let note = || -> Result<ActionNote, WebError> {
        Ok(ActionNote {
            action: action()?,
            note: seal("note")?,
        })
    };
    Ok(match spec.slug {
        "acknowledge" => Command::Acknowledge {
            note: seal_opt("note")?,
        },
        "triage" => Command::Triage(Triaged {
            category: input.text("category")?.to_string(),
            rights: input.strings("rights"),
            framework_items: input.strings("framework_items"),
            urgency: input.required("urgency")?,
            sensitive: input.bool("sensitive"),
        }),
        "assign" => Command::AssignReviewer {
            reviewer: staff("reviewer")?,
        },
        "recuse" => Command::Recuse(Recused {
            staff: match input.id("staff")? {
                Some(s) => s,
                None => ctx.staff()?.staff,
            },
            conflict: input.required("conflict")?,
            reason: seal("reason")?,
        }),
        "message" => Command::PostMessage(MessagePosted {
            audience: input.required("audience")?,
            body: seal("body")?,
        }),
        "finding" => Command::RecordFinding(FindingRecorded {
            rights: input.strings("rights"),
            framework_items: input.strings("framework_items"),
            substantiated: input.bool("substantiated"),
            summary: seal("summary")?,
        }),
        "decide" => Command::Decide(DecisionIssued {
            outcome: input.required("outcome")?,
            remedy: seal_opt("remedy")?,
            reasons: seal("reasons")?,
        }),
        "action-open" => Command::OpenAction {
            owner: staff("owner")?,
            due: input.date("due").ok_or_else(|| bad("due: required"))?,
            framework_item: input.str("framework_item").map(String::from),
            description: seal("description")?,
        },
        "action-update" => Command::UpdateAction(ActionUpdated {
            action: action()?,
            note: seal("note")?,
            due: input.date("due"),
        }),
        "action-complete" => Command::CompleteAction(note()?),
        "action-verify" => Command::VerifyAction(note()?),
        "action-waive" => Command::WaiveAction(note()?),
        "pause" => Command::PauseClock(ClockPaused {
            reason: seal("reason")?,
        }),
        "resume" => Command::ResumeClock,
        "appeal-assign" => Command::AssignAppealReviewer {
            reviewer: staff("reviewer")?,
        },
        "appeal-decide" => Command::DecideAppeal(AppealDecided {
            outcome: input.required("outcome")?,
            reasons: seal("reasons")?,
        }),
        "close" => Command::Close,
        "reopen" => Command::Reopen(Reopened {
            reason: seal("reason")?,
        }),
        "withdraw" => Command::Withdraw,
        other => return Err(WebError::Internal(format!("no command for {other}"))),
    })
}

#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct ActionResult {
    case: CaseId,
    #[schemars(schema_with = "super::openapi::action_slug")]
    action: &'static str,
    event: &'static str,
    #[schemars(description = "The case's status after the command.")]
    #[schemars(with = "Status")]
    status: &'static str,
    #[schemars(description = "Ledger positions of the recorded events.")]
    positions: Vec<u64>,
    #[schemars(description = "The number of the corrective action opened (action-open).")]
    corrective_action: Option<u32>,
}

/// A staff command on a case, as the signed-in person.
pub(super) async fn act(
    ctx: &Ctx<'_>,
    id: &str,
    spec: &'static ActionSpec,
    input: &Input,
) -> Result<Response, WebError> {
    let (me, state) = reader(ctx, id)?;
    if state.status() == Status::Erased {
        // Nothing can be sealed any more: the data key is gone.
        return Err(WebError::Conflict(
            recourse_projections::rule::RuleError::Erased.to_string(),
        ));
    }
    let command = command(ctx, state.id, spec, input)?;
    let service = &ctx.app.service;
    let appended = service
        .act(&me, state.id, command, ctx.app.service.now())
        .await?;
    let (status, last_action) = service.read(|m| {
        m.case(&state.id)
            .map(|c| (c.status(), c.actions.last_id()))
            .unwrap_or((state.status(), None))
    });
    let body = ActionResult {
        case: state.id,
        action: spec.slug,
        event: spec.event,
        status: status.as_str(),
        positions: appended.positions.collect(),
        corrective_action: (spec.slug == "action-open")
            .then_some(last_action)
            .flatten()
            .map(|a| a.0),
    };
    Ok(Response::json(&body))
}

#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct ViewRow {
    at: Timestamp,
    by: StaffId,
    by_name: Option<String>,
    purpose: Purpose,
    #[schemars(description = "The viewer had no part in the case before.")]
    outsider: bool,
}

/// Who opened the file, and why.
pub(super) fn access_log(ctx: &Ctx, id: &str) -> Result<Response, WebError> {
    let (_, state) = reader(ctx, id)?;
    let names = ctx.app.service.staff_names();
    let row = |v: &recourse_projections::case::View| ViewRow {
        at: v.at,
        by: v.by,
        by_name: names.get(&v.by).cloned(),
        purpose: v.purpose,
        outsider: v.outsider,
    };
    let views: Vec<ViewRow> = state.views.iter().map(row).collect();
    let refused: Vec<ViewRow> = state.refused_views.iter().map(row).collect();
    Ok(Response::json(
        &json!({ "case": state.id, "views": views, "refused": refused }),
    ))
}

/// The board's dashboard.
pub(super) fn dashboard(ctx: &Ctx, query: &Input) -> Result<Response, WebError> {
    let now = ctx.app.service.now();
    let today = ctx.app.service.read(|m| m.clocks().local_date(now));
    let granularity: Granularity = query.choice("granularity")?.unwrap_or(Granularity::Quarter);
    let to = query.date("to").unwrap_or(today);
    let from = match query.date("from") {
        Some(d) => d,
        None => to
            .checked_sub(Span::new().years(2))
            .map_err(|_| bad("to: out of range"))?,
    };
    if from > to {
        return Err(bad("from: must not be after to"));
    }
    if i32::from(to.year()) - i32::from(from.year()) > 50 {
        return Err(bad("from: at most 50 years before to"));
    }
    let q = Query {
        granularity,
        from,
        to,
    };
    let report = ctx.app.service.read(|m| m.dashboard(&q, now));
    let metrics = |m| serde_json::to_value(m).unwrap_or_default();
    let periods: Vec<Value> = report
        .periods
        .iter()
        .map(|(p, m)| json!({ "period": p.to_string(), "metrics": metrics(m) }))
        .collect();
    let breakdowns: Map<String, Value> = report
        .breakdowns
        .iter()
        .map(|(dim, rows)| {
            (
                snake(dim),
                Value::Array(
                    rows.iter()
                        .map(|(value, m)| json!({ "value": value, "metrics": metrics(m) }))
                        .collect(),
                ),
            )
        })
        .collect();
    Ok(Response::json(&json!({
        "query": q,
        "generated_at": now,
        "periods": periods,
        "total": metrics(&report.total),
        "breakdowns": breakdowns,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_builds_a_sample_or_is_assignment() {
        let me = StaffId(Uuid::nil());
        let today = jiff::civil::date(2026, 1, 1);
        for a in ACTIONS {
            let sample = sample(a.slug, me, today, Some(ActionId(1)));
            assert!(
                sample.is_some() || a.slug.ends_with("assign"),
                "{} has no sample",
                a.slug
            );
            for f in a.fields {
                if let Ty::Text(_) = f.ty {
                    // Sealed under the payload's field name: the label and AAD depend on it.
                    assert!(
                        [
                            "note",
                            "reason",
                            "body",
                            "summary",
                            "remedy",
                            "reasons",
                            "description"
                        ]
                        .contains(&f.name),
                        "{}",
                        f.name
                    );
                }
            }
        }
    }
}
