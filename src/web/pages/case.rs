//! A case for the committee: its facts and clocks, the timeline with a verification mark per
//! event, who opened the file and why, and the actions the signed-in person may take, as the
//! rules decide (a dry run of `decide`). Opening the sealed data asks for a purpose and is
//! recorded before anything is shown. "Verify this case" re-checks every event and its
//! inclusion proof against the current checkpoint. Intake also files complaints here for
//! clients who phone, come in, write or are referred.

use askama::Template;
use jiff::civil::Date;
use recourse_events::case::*;
use recourse_events::checkpoint::{Checkpoint, Note};
use recourse_events::ids::{ActionId, CaseId, StaffId};
use recourse_events::merkle::verify_inclusion;
use recourse_events::org::Role;
use recourse_events::vocabulary::Payload;
use recourse_projections::actor::Actor;
use recourse_projections::case::{ActionStatus, Case, Command};
use recourse_projections::history::TimelineEntry;

use super::layout::Layout;
use super::permit::{allowed, placeholder};
use super::public::{self, Draft};
use super::render;
use crate::service::{Acting, CaseFile};
use crate::web::error::WebError;
use crate::web::http::{Form, Response};
use crate::web::router::Ctx;

/// Complaint categories offered at triage.
pub const CATEGORIES: &[&str] = &[
    "service_quality",
    "interpreter_access",
    "discrimination",
    "privacy",
    "fees",
    "staff_conduct",
    "wait_times",
    "accessibility",
    "other",
];

const OUTCOMES: &[&str] = &[
    "upheld",
    "partly_upheld",
    "not_upheld",
    "resolved_early",
    "referred_out_of_scope",
];

fn parse_case(id: &str) -> Result<CaseId, WebError> {
    id.parse().map_err(|_| WebError::NotFound)
}

/// The signed-in staff member, acting with their own key.
/// A committee member or auditor with no conflict on the case.
fn reader(ctx: &Ctx, case: CaseId) -> Result<(Acting, Case), WebError> {
    ctx.staff_with(&[Role::Intake, Role::Reviewer, Role::Chair, Role::Auditor])?;
    let who = ctx.acting()?;
    let staff = who.actor.staff().expect("staff");
    let state = ctx
        .app
        .service
        .read(|m| m.case(&case).cloned())
        .ok_or(WebError::NotFound)?;
    if state.conflicted(staff) {
        return Err(WebError::Forbidden(ctx.tr.t("case-conflicted")));
    }
    Ok((who, state))
}

/// A labelled option.
pub struct Opt {
    /// Value.
    pub value: String,
    /// Label.
    pub label: String,
}

/// A line of the staff timeline.
pub struct Line {
    /// Position in the ledger.
    pub position: u64,
    /// Local date and time.
    pub when: String,
    /// What happened, in words (clear facts only).
    pub what: String,
    /// Who.
    pub who: String,
    /// Signature and chain checked.
    pub verified: bool,
    /// Opened texts (label, text), only on the opened file.
    pub texts: Vec<(String, String)>,
}

/// A corrective action as shown.
pub struct ActionRow {
    /// Number.
    pub id: u32,
    /// Owner name.
    pub owner: String,
    /// Due date.
    pub due: String,
    /// Status words.
    pub status: String,
    /// Overdue.
    pub late: bool,
    /// Offered: update, complete, verify, waive.
    pub can: [bool; 4],
}

/// Which forms to show.
#[derive(Default)]
pub struct Offers {
    acknowledge: bool,
    triage: bool,
    assign: bool,
    recuse: bool,
    message: bool,
    finding: bool,
    decide: bool,
    open_action: bool,
    pause: bool,
    resume: bool,
    appeal_assign: bool,
    appeal_decide: bool,
    close: bool,
    reopen: bool,
    withdraw: bool,
    view: bool,
}

#[derive(Template)]
#[template(path = "staff/case.html")]
struct CasePage {
    l: Layout,
    id: String,
    facts: Vec<(String, String)>,
    clocks: Vec<(String, String, bool)>,
    lines: Vec<Line>,
    views: Vec<(String, String, String, bool)>,
    /// Refused attempts at opening a sensitive case's file: when, who, why.
    refused: Vec<(String, String, String)>,
    actions: Vec<ActionRow>,
    o: Offers,
    reviewers: Vec<Opt>,
    appeal_reviewers: Vec<Opt>,
    staff: Vec<Opt>,
    categories: Vec<Opt>,
    rights: Vec<Opt>,
    items: Vec<Opt>,
    outcomes: Vec<Opt>,
    purposes: Vec<Opt>,
    conflicts: Vec<Opt>,
    me: String,
    is_chair: bool,
    today: String,
}

#[derive(Template)]
#[template(path = "staff/file.html")]
struct FilePage {
    l: Layout,
    id: String,
    purpose: String,
    lines: Vec<Line>,
    contact: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "staff/verify.html")]
struct VerifyPage {
    l: Layout,
    id: String,
    checkpoint: String,
    vkey: String,
    size: u64,
    rows: Vec<(u64, String, bool, bool, usize)>,
    all_ok: bool,
}

#[derive(Template)]
#[template(path = "staff/file_complaint.html")]
struct FileComplaint {
    l: Layout,
    d: Draft,
    channel: String,
    named: Vec<String>,
    errors: Vec<(&'static str, String)>,
    channels: Vec<Opt>,
    programs: Vec<Opt>,
    sites: Vec<Opt>,
    rights: Vec<Opt>,
    staff: Vec<Opt>,
    contacts: Vec<Opt>,
    accommodations: Vec<Opt>,
    interpreters: &'static [(&'static str, &'static str)],
}

impl FileComplaint {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m)
    }
    fn named_has(&self, v: &str) -> bool {
        self.named.iter().any(|n| n == v)
    }
}

#[derive(Template)]
#[template(path = "staff/filed.html")]
struct Filed {
    l: Layout,
    case: String,
    code: String,
}

fn snake<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// Clear facts of one event, in words.
fn describe(
    ctx: &Ctx,
    e: &TimelineEntry,
    names: &std::collections::HashMap<StaffId, String>,
) -> String {
    let tr = &ctx.tr;
    let name = |s: &StaffId| names.get(s).cloned().unwrap_or_else(|| s.to_string());
    let base = tr.t(&format!(
        "staff-{}",
        super::track::event_id(e.kind.as_str())
    ));
    let detail = match &e.payload {
        Some(Payload::ComplaintFiled(f)) => format!(
            "{} · {}",
            tr.t(&format!("channel-{}", f.channel.as_str())),
            f.language
        ),
        Some(Payload::Triaged(t)) => format!(
            "{} · {}{}",
            tr.t(&format!("category-{}", t.category)),
            tr.t(&format!("urgency-{}", snake(t.urgency))),
            if t.sensitive {
                format!(" · {}", tr.t("queue-sensitive"))
            } else {
                String::new()
            }
        ),
        Some(Payload::ReviewerAssigned(r)) | Some(Payload::AppealReviewerAssigned(r)) => {
            name(&r.reviewer)
        }
        Some(Payload::Recused(r)) => format!(
            "{} ({})",
            name(&r.staff),
            tr.t(&format!("conflict-{}", snake(r.conflict)))
        ),
        Some(Payload::MessagePosted(m)) => tr.t(&format!("audience-{}", snake(m.audience))),
        Some(Payload::FileViewed(v)) => tr.t(&format!("purpose-{}", snake(v.purpose))),
        Some(Payload::FindingRecorded(f)) => tr.t(if f.substantiated {
            "finding-substantiated"
        } else {
            "finding-not-substantiated"
        }),
        Some(Payload::DecisionIssued(d)) => tr.t(&format!("decision-{}", d.outcome.as_str())),
        Some(Payload::ActionOpened(a)) => format!("#{} · {} · {}", a.action, name(&a.owner), a.due),
        Some(Payload::ActionUpdated(a)) => format!("#{}", a.action),
        Some(Payload::ActionCompleted(a))
        | Some(Payload::ActionVerified(a))
        | Some(Payload::ActionWaived(a)) => format!("#{}", a.action),
        Some(Payload::AppealDecided(d)) => tr.t(&format!("appeal-outcome-{}", snake(d.outcome))),
        Some(Payload::SatisfactionRecorded(s)) => format!("{}/5", s.rating),
        Some(Payload::PersonalDataErased(p)) => tr.t(&format!("erasure-{}", snake(p.reason))),
        _ => String::new(),
    };
    if detail.is_empty() {
        base
    } else {
        format!("{base}: {detail}")
    }
}

fn who(ctx: &Ctx, actor: &Actor, names: &std::collections::HashMap<StaffId, String>) -> String {
    match actor {
        Actor::Staff(s) => names.get(s).cloned().unwrap_or_else(|| s.to_string()),
        Actor::Client => ctx.tr.t("actor-client"),
        Actor::Service(_) => ctx.tr.t("actor-web"),
        Actor::Ledger => ctx.tr.t("actor-organization"),
        Actor::Unknown => ctx.tr.t("actor-unknown"),
    }
}

fn lines(ctx: &Ctx, timeline: &[TimelineEntry], file: Option<&CaseFile>) -> Vec<Line> {
    let names = ctx.app.service.staff_names();
    let clocks = ctx.app.service.read(|m| m.clocks().clone());
    timeline
        .iter()
        .map(|e| {
            let local = e.at.to_zoned(clocks.time_zone().clone());
            Line {
                position: e.position,
                when: local.strftime("%Y-%m-%d %H:%M").to_string(),
                what: describe(ctx, e, &names),
                who: who(ctx, &e.actor, &names),
                verified: e.verification.ok(),
                texts: file
                    .map(|f| {
                        f.fields
                            .iter()
                            .filter(|x| x.position == e.position && x.field != "contact")
                            .map(|x| {
                                (
                                    ctx.tr.t(&format!("text-{}", x.field)),
                                    x.text.clone().unwrap_or_else(|_| ctx.tr.t("text-erased")),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn options(ctx: &Ctx, prefix: &str, values: &[&str]) -> Vec<Opt> {
    values
        .iter()
        .map(|v| Opt {
            value: v.to_string(),
            label: ctx.tr.t(&format!("{prefix}-{v}")),
        })
        .collect()
}

/// The case page.
pub async fn show(ctx: &Ctx<'_>, id: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    let (me, state) = reader(ctx, case)?;
    let service = &ctx.app.service;
    let timeline = service.timeline(case).await?;
    let names = service.staff_names();
    let now = ctx.app.service.now();
    let tr = &ctx.tr;
    let staff_id = me.actor.staff().expect("staff");
    let (org, reference, clocks) =
        service.read(|m| (m.org().clone(), m.reference().clone(), m.clocks().clone()));
    let name = |s: &StaffId| names.get(s).cloned().unwrap_or_default();
    let p = placeholder;
    let can = |cmd: Command| allowed(service, case, &me.actor, &cmd);

    let mut facts = vec![(
        tr.t("fact-status"),
        tr.t(&format!(
            "staff-status-{}",
            state.status().as_str().replace(' ', "-")
        )),
    )];
    if let (Some(f), Some(at)) = (&state.filing, state.filed_at) {
        let program = org
            .settings
            .programs
            .iter()
            .find(|x| x.id == f.program)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| f.program.clone());
        let site = org
            .settings
            .sites
            .iter()
            .find(|x| x.id == f.site)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| f.site.clone());
        facts.push((
            tr.t("fact-filed"),
            format!(
                "{} · {}",
                clocks.local_date(at),
                tr.t(&format!("channel-{}", f.channel.as_str()))
            ),
        ));
        facts.push((
            tr.t("fact-language"),
            f.interpreter_language
                .as_ref()
                .map(|i| format!("{} · {} {i}", f.language, tr.t("queue-interpreter")))
                .unwrap_or_else(|| f.language.clone()),
        ));
        facts.push((
            tr.t("fact-anonymous"),
            tr.t(if f.anonymous { "yes" } else { "no" }),
        ));
        facts.push((tr.t("field-program"), format!("{program} · {site}")));
        if !f.rights.is_empty() {
            let titles: Vec<String> = f
                .rights
                .iter()
                .map(|r| {
                    reference
                        .right(r)
                        .map(|x| x.title.clone())
                        .unwrap_or_else(|| r.clone())
                })
                .collect();
            facts.push((tr.t("fact-rights"), titles.join("; ")));
        }
        facts.push((
            tr.t("fact-contact"),
            tr.t(&format!("contact-{}", snake(f.contact_preference))),
        ));
        if !f.accommodations.is_empty() {
            facts.push((
                tr.t("field-accommodations"),
                f.accommodations
                    .iter()
                    .map(|a| tr.t(&format!("accommodation-{}", snake(a))))
                    .collect::<Vec<_>>()
                    .join("; "),
            ));
        }
        if !f.named_staff.is_empty() {
            facts.push((
                tr.t("fact-named"),
                f.named_staff
                    .iter()
                    .map(&name)
                    .collect::<Vec<_>>()
                    .join("; "),
            ));
        }
    }
    if let Some(t) = &state.triage {
        facts.push((
            tr.t("fact-triage"),
            format!(
                "{} · {}",
                tr.t(&format!("category-{}", t.category)),
                tr.t(&format!("urgency-{}", snake(t.urgency)))
            ),
        ));
    }
    facts.push((
        tr.t("queue-owner"),
        state
            .reviewer
            .map(|r| name(&r))
            .unwrap_or_else(|| tr.t("queue-owner-intake")),
    ));
    if let Some(a) = state.appeal.as_ref().and_then(|a| a.reviewer) {
        facts.push((tr.t("fact-appeal-reviewer"), name(&a)));
    }
    if !state.recused.is_empty() {
        facts.push((
            tr.t("fact-recused"),
            state
                .recused
                .iter()
                .map(&name)
                .collect::<Vec<_>>()
                .join("; "),
        ));
    }
    let status = clocks.status(&state, now);
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
    let clock_rows = vec![
        (
            tr.t("queue-ack"),
            date(status.acknowledge_due),
            status.acknowledge_overdue,
        ),
        (
            tr.t("queue-decide"),
            date(status.decide_due),
            status.decide_overdue,
        ),
    ];
    let today = clocks.local_date(now);
    let is_chair = org.has_role(staff_id, Role::Chair);
    let actions = state
        .actions
        .values()
        .map(|a| {
            let note = |n: u32| ActionNote {
                action: ActionId(n),
                note: p(),
            };
            ActionRow {
                id: a.id.0,
                owner: name(&a.owner),
                due: a.due.to_string(),
                status: tr.t(&format!(
                    "action-status-{}",
                    match a.status {
                        ActionStatus::Open => "open",
                        ActionStatus::Completed => "completed",
                        ActionStatus::Verified => "verified",
                        ActionStatus::Waived => "waived",
                    }
                )),
                late: a.outstanding() && a.due < today,
                can: [
                    can(Command::UpdateAction(ActionUpdated {
                        action: a.id,
                        note: p(),
                        due: None,
                    })),
                    can(Command::CompleteAction(note(a.id.0))),
                    can(Command::VerifyAction(note(a.id.0))),
                    can(Command::WaiveAction(note(a.id.0))),
                ],
            }
        })
        .collect();
    let reviewing: Vec<StaffId> = org
        .staff
        .values()
        .filter(|s| {
            s.active && (s.roles.contains(&Role::Reviewer) || s.roles.contains(&Role::Chair))
        })
        .map(|s| s.id)
        .collect();
    let reviewers: Vec<Opt> = reviewing
        .iter()
        .filter(|s| can(Command::AssignReviewer { reviewer: **s }))
        .map(|s| Opt {
            value: s.to_string(),
            label: name(s),
        })
        .collect();
    let appeal_reviewers: Vec<Opt> = reviewing
        .iter()
        .filter(|s| can(Command::AssignAppealReviewer { reviewer: **s }))
        .map(|s| Opt {
            value: s.to_string(),
            label: name(s),
        })
        .collect();
    let recusal = Recused {
        staff: staff_id,
        conflict: ConflictKind::Other,
        reason: p(),
    };
    let o = Offers {
        acknowledge: can(Command::Acknowledge { note: None }),
        triage: can(Command::Triage(Triaged {
            category: "other".into(),
            rights: vec![],
            framework_items: vec![],
            urgency: Urgency::Routine,
            sensitive: false,
        })),
        assign: !reviewers.is_empty(),
        recuse: can(Command::Recuse(recusal)),
        message: can(Command::PostMessage(MessagePosted {
            audience: Audience::Committee,
            body: p(),
        })),
        finding: can(Command::RecordFinding(FindingRecorded {
            rights: vec![],
            framework_items: vec![],
            substantiated: true,
            summary: p(),
        })),
        decide: can(Command::Decide(DecisionIssued {
            outcome: Outcome::Upheld,
            remedy: None,
            reasons: p(),
        })),
        open_action: can(Command::OpenAction {
            owner: staff_id,
            due: today + jiff::Span::new().days(30),
            framework_item: None,
            description: p(),
        }),
        pause: can(Command::PauseClock(ClockPaused { reason: p() })),
        resume: can(Command::ResumeClock),
        appeal_assign: !appeal_reviewers.is_empty(),
        appeal_decide: can(Command::DecideAppeal(AppealDecided {
            outcome: AppealOutcome::Confirmed,
            reasons: p(),
        })),
        close: can(Command::Close),
        reopen: can(Command::Reopen(Reopened { reason: p() })),
        withdraw: can(Command::Withdraw),
        view: can(Command::View {
            purpose: Purpose::Handling,
        }) || can(Command::View {
            purpose: Purpose::Audit,
        }),
    };
    let views = state
        .views
        .iter()
        .rev()
        .map(|v| {
            (
                clocks.local_date(v.at).to_string(),
                name(&v.by),
                tr.t(&format!("purpose-{}", snake(v.purpose))),
                v.outsider,
            )
        })
        .collect();
    let refused = state
        .refused_views
        .iter()
        .rev()
        .map(|v| {
            (
                clocks.local_date(v.at).to_string(),
                name(&v.by),
                tr.t(&format!("purpose-{}", snake(v.purpose))),
            )
        })
        .collect();
    let fr = tr.lang == "fr";
    let page = CasePage {
        l: Layout::new(ctx, "case-title"),
        id: case.to_string(),
        facts,
        clocks: clock_rows,
        lines: lines(ctx, &timeline, None),
        views,
        refused,
        actions,
        o,
        reviewers,
        appeal_reviewers,
        staff: org
            .staff
            .values()
            .filter(|s| s.active)
            .map(|s| Opt {
                value: s.id.to_string(),
                label: name(&s.id),
            })
            .collect(),
        categories: options(ctx, "category", CATEGORIES),
        rights: reference
            .client_code
            .rights
            .iter()
            .map(|r| Opt {
                value: r.id.clone(),
                label: if fr {
                    r.title_fr.clone()
                } else {
                    r.title.clone()
                },
            })
            .collect(),
        items: reference
            .framework
            .areas
            .iter()
            .flat_map(|a| {
                a.items.iter().map(move |i| Opt {
                    value: i.id.clone(),
                    label: if fr {
                        i.text_fr.clone()
                    } else {
                        i.text.clone()
                    },
                })
            })
            .collect(),
        outcomes: options(ctx, "decision", OUTCOMES),
        purposes: options(
            ctx,
            "purpose",
            &[
                "handling",
                "appeal",
                "corrective_action",
                "audit",
                "client_request",
            ],
        ),
        conflicts: options(
            ctx,
            "conflict",
            &["relationship", "reporting", "involved", "other"],
        ),
        me: staff_id.to_string(),
        is_chair,
        today: today.to_string(),
    };
    render(page)
}

fn text(form: &Form, name: &str, ctx: &Ctx) -> Result<String, WebError> {
    let t = form.text(name).map(str::trim).unwrap_or_default();
    if t.is_empty() {
        return Err(WebError::BadRequest(ctx.tr.t("case-text-needed")));
    }
    if t.chars().count() > crate::limits::STAFF_TEXT {
        return Err(WebError::BadRequest(ctx.tr.t("error-too-long")));
    }
    Ok(t.to_string())
}

fn staff_field(form: &Form, name: &str) -> Result<StaffId, WebError> {
    form.get(name)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| WebError::BadRequest(format!("{name}: choose a staff member")))
}

fn action_field(form: &Form) -> Result<ActionId, WebError> {
    form.get("action")
        .and_then(|s| s.parse().ok())
        .map(ActionId)
        .ok_or_else(|| WebError::BadRequest("action: which corrective action".into()))
}

fn enum_field<T: serde::de::DeserializeOwned>(form: &Form, name: &str) -> Result<T, WebError> {
    let v = form.get(name).unwrap_or_default();
    serde_json::from_value(serde_json::Value::String(v.to_string()))
        .map_err(|_| WebError::BadRequest(format!("{name}: choose one of the options")))
}

/// Longest optional text of a case form: the remedy sits beside the reasons in one event.
fn optional_limit(field: &str) -> usize {
    match field {
        "remedy" => crate::limits::REMEDY,
        _ => crate::limits::STAFF_TEXT,
    }
}

/// A command from a case form.
fn command(ctx: &Ctx, case: CaseId, action: &str, form: &Form) -> Result<Command, WebError> {
    let service = &ctx.app.service;
    let seal = |field: &str, t: &str| service.seal_for(case, field, t).map_err(WebError::from);
    let optional =
        |name: &str, field: &str| -> Result<Option<recourse_events::sealed::Sealed>, WebError> {
            match form.text(name).map(str::trim).filter(|t| !t.is_empty()) {
                Some(t) if t.chars().count() > optional_limit(field) => {
                    Err(WebError::BadRequest(ctx.tr.t("error-too-long")))
                }
                Some(t) => Ok(Some(seal(field, t)?)),
                None => Ok(None),
            }
        };
    let list = |name: &str| {
        form.all(name)
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    Ok(match action {
        "acknowledge" => Command::Acknowledge {
            note: optional("note", "note")?,
        },
        "triage" => Command::Triage(Triaged {
            category: form.get("category").unwrap_or_default().to_string(),
            rights: list("rights"),
            framework_items: list("items"),
            urgency: enum_field(form, "urgency")?,
            sensitive: form.checked("sensitive"),
        }),
        "assign" => Command::AssignReviewer {
            reviewer: staff_field(form, "reviewer")?,
        },
        "recuse" => Command::Recuse(Recused {
            staff: form
                .get("staff")
                .and_then(|s| s.parse().ok())
                .unwrap_or(ctx.staff()?.staff),
            conflict: enum_field(form, "conflict")?,
            reason: seal("reason", &text(form, "reason", ctx)?)?,
        }),
        "message" => Command::PostMessage(MessagePosted {
            audience: enum_field(form, "audience")?,
            body: seal("body", &text(form, "body", ctx)?)?,
        }),
        "finding" => Command::RecordFinding(FindingRecorded {
            rights: list("rights"),
            framework_items: list("items"),
            substantiated: form.get("substantiated") == Some("yes"),
            summary: seal("summary", &text(form, "summary", ctx)?)?,
        }),
        "decide" => Command::Decide(DecisionIssued {
            outcome: enum_field(form, "outcome")?,
            remedy: optional("remedy", "remedy")?,
            reasons: seal("reasons", &text(form, "reasons", ctx)?)?,
        }),
        "action-open" => Command::OpenAction {
            owner: staff_field(form, "owner")?,
            due: form
                .get("due")
                .and_then(|d| d.parse().ok())
                .ok_or_else(|| WebError::BadRequest(ctx.tr.t("case-due-needed")))?,
            framework_item: form.get("item").map(String::from),
            description: seal("description", &text(form, "description", ctx)?)?,
        },
        "action-update" => Command::UpdateAction(ActionUpdated {
            action: action_field(form)?,
            note: seal("note", &text(form, "note", ctx)?)?,
            due: form.get("due").and_then(|d| d.parse().ok()),
        }),
        "action-complete" => Command::CompleteAction(ActionNote {
            action: action_field(form)?,
            note: seal("note", &text(form, "note", ctx)?)?,
        }),
        "action-verify" => Command::VerifyAction(ActionNote {
            action: action_field(form)?,
            note: seal("note", &text(form, "note", ctx)?)?,
        }),
        "action-waive" => Command::WaiveAction(ActionNote {
            action: action_field(form)?,
            note: seal("note", &text(form, "note", ctx)?)?,
        }),
        "pause" => Command::PauseClock(ClockPaused {
            reason: seal("reason", &text(form, "reason", ctx)?)?,
        }),
        "resume" => Command::ResumeClock,
        "appeal-assign" => Command::AssignAppealReviewer {
            reviewer: staff_field(form, "reviewer")?,
        },
        "appeal-decide" => Command::DecideAppeal(AppealDecided {
            outcome: enum_field(form, "outcome")?,
            reasons: seal("reasons", &text(form, "reasons", ctx)?)?,
        }),
        "close" => Command::Close,
        "reopen" => Command::Reopen(Reopened {
            reason: seal("reason", &text(form, "reason", ctx)?)?,
        }),
        "withdraw" => Command::Withdraw,
        _ => return Err(WebError::NotFound),
    })
}

/// An action on a case.
pub async fn act(ctx: &Ctx<'_>, id: &str, action: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let (me, _) = reader(ctx, case)?;
    let command = command(ctx, case, action, &form)?;
    ctx.app
        .service
        .act(&me, case, command, ctx.app.service.now())
        .await?;
    Ok(Response::redirect(&format!(
        "/staff/case/{case}?done=case-{action}"
    )))
}

/// Opens the sealed data for a purpose (recorded first), and shows it.
pub async fn open(ctx: &Ctx<'_>, id: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let (me, _) = reader(ctx, case)?;
    let purpose: Purpose = enum_field(&form, "purpose")?;
    let file = ctx
        .app
        .service
        .open_file(&me, case, purpose, ctx.app.service.now())
        .await?;
    let contact = file
        .fields
        .iter()
        .find(|f| f.field == "contact")
        .and_then(|f| f.text.as_ref().ok())
        .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
        .map(|v| {
            ["name", "email", "phone"]
                .iter()
                .filter_map(|k| {
                    v.get(*k)
                        .and_then(|x| x.as_str())
                        .map(|x| (ctx.tr.t(&format!("contact-field-{k}")), x.to_string()))
                })
                .collect()
        })
        .unwrap_or_default();
    let page = FilePage {
        l: Layout::new(ctx, "file-title"),
        id: case.to_string(),
        purpose: ctx.tr.t(&format!("purpose-{}", snake(purpose))),
        lines: lines(ctx, &file.timeline, Some(&file)),
        contact,
    };
    render(page)
}

/// Verifies each event of the case and its inclusion in the current checkpoint's tree.
pub async fn verify(ctx: &Ctx<'_>, id: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    reader(ctx, case)?;
    let service = &ctx.app.service;
    let store = service.store();
    let note = service.ledger().checkpoint().ok_or(WebError::NotFound)?;
    let vkey = crate::data_dir::DataDir::new(".").verifier().ok();
    let cp = Note::parse(&note)
        .ok()
        .and_then(|n| Checkpoint::parse_text(n.text()).ok())
        .ok_or_else(|| WebError::Internal("checkpoint".into()))?;
    let timeline = service.timeline(case).await?;
    let entries = store
        .read_stream(&case.stream())
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let names = service.staff_names();
    let mut rows = Vec::new();
    for (e, stored) in timeline.iter().zip(&entries) {
        let proof = store
            .inclusion_proof(e.position, cp.size)
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?;
        let leaf = recourse_events::merkle::leaf_hash(&stored.entry);
        let included = e.position < cp.size
            && verify_inclusion(e.position, cp.size, &leaf.0, &proof, &cp.root.0).is_ok();
        rows.push((
            e.position,
            describe(ctx, e, &names),
            e.verification.ok(),
            included,
            proof.len(),
        ));
    }
    let all_ok = rows.iter().all(|r| r.2 && r.3);
    let _ = vkey;
    let page = VerifyPage {
        l: Layout::new(ctx, "verify-title"),
        id: case.to_string(),
        checkpoint: note,
        vkey: service
            .read(|m| {
                m.org().ledger_public.map(|k| {
                    recourse_events::checkpoint::NoteVerifier::new(&m.org().origin, k)
                        .map(|v| v.to_string())
                        .unwrap_or_default()
                })
            })
            .unwrap_or_default(),
        size: cp.size,
        rows,
        all_ok,
    };
    render(page)
}

fn file_page(
    ctx: &Ctx,
    d: Draft,
    channel: String,
    named: Vec<String>,
    errors: Vec<(&'static str, String)>,
) -> Result<Response, WebError> {
    let tr = &ctx.tr;
    let (org, reference) = ctx
        .app
        .service
        .read(|m| (m.org().clone(), m.reference().clone()));
    let names = ctx.app.service.staff_names();
    let invalid = !errors.is_empty();
    let page = FileComplaint {
        l: Layout::new(ctx, "intake-title"),
        d,
        channel,
        named,
        errors,
        channels: options(ctx, "channel", &["phone", "in_person", "email", "referral"]),
        programs: org
            .settings
            .programs
            .iter()
            .map(|p| Opt {
                value: p.id.clone(),
                label: p.name.clone(),
            })
            .collect(),
        sites: org
            .settings
            .sites
            .iter()
            .map(|p| Opt {
                value: p.id.clone(),
                label: p.name.clone(),
            })
            .collect(),
        rights: public::rights(tr, &reference)
            .into_iter()
            .map(|c| Opt {
                value: c.value,
                label: c.label,
            })
            .collect(),
        staff: org
            .staff
            .values()
            .map(|s| Opt {
                value: s.id.to_string(),
                label: names.get(&s.id).cloned().unwrap_or_default(),
            })
            .collect(),
        contacts: options(
            ctx,
            "contact",
            &["none", "email", "phone", "text_message", "in_person"],
        ),
        accommodations: options(
            ctx,
            "accommodation",
            &[
                "interpreter",
                "accessible_format",
                "support_person",
                "flexible_meeting",
            ],
        ),
        interpreters: public::INTERPRETER_LANGUAGES,
    };
    // The form again with what is wrong at each field: a refusal (400).
    let page = render(page)?;
    Ok(if invalid {
        page.status(warp::http::StatusCode::BAD_REQUEST)
    } else {
        page
    })
}

/// The intake form (a complaint taken by phone, in person, by email or referral).
pub fn file_form(ctx: &Ctx) -> Result<Response, WebError> {
    ctx.staff_with(&[Role::Intake])?;
    let d = Draft {
        identity: "named".into(),
        contact: "none".into(),
        consent_handle: false,
        ..Draft::default()
    };
    file_page(ctx, d, "phone".into(), vec![], vec![])
}

/// Files a complaint for a client.
pub async fn file(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    ctx.staff_with(&[Role::Intake])?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let d = Draft::from_form(&form);
    let channel = form.get("channel").unwrap_or("phone").to_string();
    let named: Vec<String> = form.all("named").into_iter().map(String::from).collect();
    let mut errors: Vec<(&'static str, String)> = (1..=public::STEPS)
        .flat_map(|s| public::check(ctx, s, &d))
        .collect();
    let channel_value: Option<Channel> =
        serde_json::from_value(serde_json::Value::String(channel.clone()))
            .ok()
            .filter(|c| *c != Channel::Web);
    if channel_value.is_none() {
        errors.push(("channel", ctx.tr.t("intake-channel")));
    }
    let language = match form.get("language").filter(|l| !l.is_empty()) {
        Some(l) if public::is_client_language(ctx, l) => l.to_string(),
        Some(_) => {
            errors.push(("language", ctx.tr.t("error-language")));
            String::new()
        }
        None => public::client_language(ctx),
    };
    if !errors.is_empty() {
        return file_page(ctx, d, channel, named, errors);
    }
    let mut complaint = public::to_form(&d, &language);
    complaint.channel = channel_value;
    complaint.named_staff = named.iter().filter_map(|n| n.parse().ok()).collect();
    let filed = ctx
        .app
        .service
        .file(&ctx.acting()?, complaint, ctx.app.service.now())
        .await?;
    render(Filed {
        l: Layout::new(ctx, "intake-filed"),
        case: filed.case.to_string(),
        code: filed.receipt.grouped(),
    })
}
