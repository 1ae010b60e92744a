//! The API's staff answers, as the types they serialize from: a staff member, an actor, a case
//! with its timeline (sealed fields left out and named), an opened file, an action's result
//! and the access log. The OpenAPI document (`api/openapi.rs`) describes the same shapes.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_events::case::*;
use recourse_events::ids::{CaseId, StaffId};
use recourse_projections::actor::Actor;
use recourse_projections::case::{Case, Filing};
use recourse_projections::clock::ClockStatus;
use recourse_projections::history::TimelineEntry;
use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::service::case_action::action_status_name;
use crate::service::{StaffCan, clear_data};
use crate::web::router::Ctx;

/// A staff member.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "StaffMember")]
pub(in crate::web::api) struct StaffView {
    pub(super) id: StaffId,
    pub(super) name: String,
    #[schemars(with = "Vec<recourse_events::org::Role>")]
    pub(super) roles: Vec<&'static str>,
    pub(super) active: bool,
}

/// A staff member, as the API shows them.
pub(super) fn staff_view(ctx: &Ctx, staff: StaffId) -> StaffView {
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

/// Who recorded an event.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Actor")]
pub(super) struct ActorView {
    #[serde(rename = "type")]
    #[schemars(schema_with = "crate::web::api::openapi::actor_kind")]
    pub(super) kind: &'static str,
    pub(super) staff: Option<StaffId>,
    pub(super) name: Option<String>,
}

/// An actor, as the API shows them.
pub(super) fn actor_view(actor: &Actor, names: &HashMap<StaffId, String>) -> ActorView {
    let (kind, staff, name) = match actor {
        Actor::Staff(s) => ("staff", Some(*s), names.get(s).cloned()),
        Actor::Client => ("client", None, None),
        Actor::Service(n) => ("service", None, Some(n.clone())),
        Actor::Ledger => ("ledger", None, None),
        Actor::Unknown => ("unknown", None, None),
    };
    ActorView { kind, staff, name }
}

/// What was checked of an event.
#[derive(Serialize, schemars::JsonSchema)]
pub(super) struct Verification {
    pub(super) signature: bool,
    pub(super) chain: bool,
}

/// One event of a case's timeline.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "CaseEvent")]
pub(super) struct EventView {
    pub(super) position: u64,
    pub(super) seq: u64,
    pub(super) id: Uuid,
    pub(super) at: Timestamp,
    pub(super) kind: String,
    pub(super) actor: ActorView,
    #[schemars(description = "The payload's clear fields (sealed fields removed).")]
    pub(super) data: Map<String, Value>,
    #[schemars(description = "Sealed fields of the payload: POST /cases/{id}/open reads them.")]
    pub(super) sealed_fields: Vec<String>,
    pub(super) verification: Verification,
}

/// The clear facts of a filing.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Filing")]
pub(super) struct FilingView {
    pub(super) channel: Channel,
    pub(super) language: String,
    pub(super) anonymous: bool,
    pub(super) program: String,
    pub(super) site: String,
    pub(super) service_stream: Option<String>,
    pub(super) rights: Vec<String>,
    pub(super) contact_preference: ContactPreference,
    pub(super) accommodations: Vec<Accommodation>,
    pub(super) interpreter_language: Option<String>,
    pub(super) named_staff: Vec<StaffId>,
    /// The client said the complaint is about the director or the chair.
    pub(super) about_leadership: bool,
    /// The client described a staff member in their own words (sealed: open the file).
    pub(super) staff_described: bool,
}

/// A finding.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Finding")]
pub(super) struct FindingView {
    pub(super) at: Timestamp,
    pub(super) by: ActorView,
    pub(super) rights: Vec<String>,
    pub(super) framework_items: Vec<String>,
    pub(super) substantiated: bool,
}

/// The decision.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Decision")]
pub(super) struct DecisionView {
    pub(super) at: Timestamp,
    pub(super) by: ActorView,
    pub(super) outcome: Outcome,
}

/// A corrective action.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "CorrectiveAction")]
pub(super) struct CorrectiveView {
    pub(super) id: u32,
    pub(super) owner: StaffId,
    pub(super) due: Date,
    pub(super) framework_item: Option<String>,
    #[schemars(with = "recourse_projections::case::ActionStatus")]
    pub(super) status: &'static str,
    pub(super) opened_at: Timestamp,
    pub(super) settled_at: Option<Timestamp>,
    pub(super) overdue: bool,
    #[schemars(description = "What the signed-in person may do to this action now.")]
    #[schemars(schema_with = "crate::web::api::openapi::action_slugs")]
    pub(super) allowed_actions: Vec<&'static str>,
}

/// The appeal.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Appeal")]
pub(super) struct AppealView {
    pub(super) filed_at: Timestamp,
    pub(super) reviewer: Option<StaffId>,
    pub(super) decided_at: Option<Timestamp>,
    pub(super) outcome: Option<AppealOutcome>,
}

/// The client's satisfaction.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "SatisfactionAnswer")]
pub(super) struct SatisfactionView {
    pub(super) at: Timestamp,
    pub(super) explained: bool,
    pub(super) fair: bool,
    #[schemars(range(min = 1, max = 5))]
    pub(super) rating: u8,
}

/// The erasure of personal data.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Erasure")]
pub(super) struct ErasedView {
    pub(super) at: Timestamp,
    pub(super) reason: ErasureReason,
}

/// A case as the reader sees it.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Case")]
pub(in crate::web::api) struct CaseView {
    pub(super) id: CaseId,
    #[schemars(with = "recourse_projections::case::Status")]
    pub(super) status: &'static str,
    pub(super) filed_at: Option<Timestamp>,
    pub(super) filed_by: Option<ActorView>,
    pub(super) filing: Option<FilingView>,
    pub(super) acknowledged_at: Option<Timestamp>,
    pub(super) triage: Option<Triaged>,
    /// Escalated (about the director or the chair): handled by whom the settings route it to,
    /// never by a chair or the director.
    pub(super) escalated: bool,
    /// Staff the triages found the complaint to be about (they can never handle it).
    pub(super) named_at_triage: Vec<StaffId>,
    pub(super) reviewer: Option<StaffId>,
    pub(super) recused: Vec<StaffId>,
    pub(super) findings: Vec<FindingView>,
    pub(super) decision: Option<DecisionView>,
    pub(super) corrective_actions: Vec<CorrectiveView>,
    pub(super) appeal: Option<AppealView>,
    pub(super) appeals: u32,
    pub(super) paused_since: Option<Timestamp>,
    pub(super) closed_at: Option<Timestamp>,
    pub(super) withdrawn_at: Option<Timestamp>,
    pub(super) reopened: u32,
    pub(super) satisfaction: Option<SatisfactionView>,
    pub(super) erasure_requested_at: Option<Timestamp>,
    pub(super) erased: Option<ErasedView>,
    pub(super) clocks: ClockStatus,
    pub(super) timeline: Vec<EventView>,
    #[schemars(description = "Every event's signature and chain link checked out.")]
    pub(super) verified: bool,
    #[schemars(description = "The signed-in person may open the sealed data.")]
    pub(super) can_open: bool,
    #[schemars(
        description = "Commands the signed-in person may give now (POST /cases/{id}/actions/<slug>), as the rules decide."
    )]
    #[schemars(schema_with = "crate::web::api::openapi::action_slugs")]
    pub(super) allowed_actions: Vec<&'static str>,
    pub(super) assignable_reviewers: Vec<StaffId>,
    pub(super) appeal_reviewers: Vec<StaffId>,
}
/// One opened text.
#[derive(Serialize, schemars::JsonSchema)]
pub(in crate::web::api) struct OpenedText {
    pub(super) position: u64,
    pub(super) kind: String,
    pub(super) field: String,
    #[schemars(description = "Null once the personal data is erased.")]
    pub(super) text: Option<String>,
}

/// The opened contact details.
#[derive(Serialize, schemars::JsonSchema)]
pub(in crate::web::api) struct Contact {
    pub(super) name: Option<String>,
    pub(super) email: Option<String>,
    pub(super) phone: Option<String>,
}

/// What an action recorded.
#[derive(Serialize, schemars::JsonSchema)]
pub(in crate::web::api) struct ActionResult {
    pub(super) case: CaseId,
    #[schemars(schema_with = "crate::web::api::openapi::action_slug")]
    pub(super) action: &'static str,
    pub(super) event: &'static str,
    #[schemars(description = "The case's status after the command.")]
    #[schemars(with = "recourse_projections::case::Status")]
    pub(super) status: &'static str,
    #[schemars(description = "Ledger positions of the recorded events.")]
    pub(super) positions: Vec<u64>,
    #[schemars(description = "The number of the corrective action opened (action-open).")]
    pub(super) corrective_action: Option<u32>,
}

/// One opening (or refused opening) of the file.
#[derive(Serialize, schemars::JsonSchema)]
pub(in crate::web::api) struct ViewRow {
    pub(super) at: Timestamp,
    pub(super) by: StaffId,
    pub(super) by_name: Option<String>,
    pub(super) purpose: Purpose,
    #[schemars(
        description = "The viewer is not on the case: they never acted on it, were not assigned to it and own none of its corrective actions (an opening before they first acted counts as theirs once they do)."
    )]
    pub(super) outsider: bool,
}

/// One event of the timeline, its sealed fields left out and named.
pub(super) fn event_view(e: &TimelineEntry, names: &HashMap<StaffId, String>) -> EventView {
    let (data, sealed_fields) = match &e.payload {
        Some(p) => clear_data(p),
        None => (Map::new(), Vec::new()),
    };
    EventView {
        position: e.position,
        seq: e.seq,
        id: e.id,
        at: e.at,
        kind: e.kind.as_str().to_string(),
        actor: actor_view(&e.actor, names),
        data,
        sealed_fields,
        verification: Verification {
            signature: e.verification.signature,
            chain: e.verification.chain,
        },
    }
}

/// The facts of a filing (its sealed texts are not among them).
fn filing_view(f: &Filing) -> FilingView {
    FilingView {
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
        about_leadership: f.about_leadership,
        staff_described: f.staff_described,
    }
}

/// The case's corrective actions, each with the steps the reader may take on it.
fn corrective_views(state: &Case, can: &StaffCan, today: Date) -> Vec<CorrectiveView> {
    state
        .actions
        .values()
        .map(|a| CorrectiveView {
            id: a.id.0,
            owner: a.owner,
            due: a.due,
            framework_item: a.framework_item.clone(),
            status: action_status_name(a.status),
            opened_at: a.opened_at,
            settled_at: a.settled_at,
            overdue: a.outstanding() && a.due < today,
            allowed_actions: can.on(a.id).slugs(),
        })
        .collect()
}

/// What the reader sees of a case.
pub(super) struct CaseFacts<'a> {
    /// The case.
    pub(super) state: &'a Case,
    /// Its timeline.
    pub(super) timeline: &'a [TimelineEntry],
    /// Staff names.
    pub(super) names: &'a HashMap<StaffId, String>,
    /// What the reader may do.
    pub(super) can: StaffCan,
    /// Its clocks now.
    pub(super) clocks: ClockStatus,
    /// The organization's date.
    pub(super) today: Date,
}

/// The case as the API answers it.
pub(super) fn case_view(f: CaseFacts) -> CaseView {
    let CaseFacts {
        state,
        timeline,
        names,
        can,
        clocks,
        today,
    } = f;
    CaseView {
        id: state.id,
        status: state.status().as_str(),
        filed_at: state.filed_at,
        filed_by: state.filed_by.as_ref().map(|a| actor_view(a, names)),
        filing: state.filing.as_ref().map(filing_view),
        acknowledged_at: state.acknowledged_at,
        triage: state.triage.clone(),
        escalated: state.escalated(),
        named_at_triage: state.named_at_triage.iter().copied().collect(),
        reviewer: state.reviewer,
        recused: state.recused.iter().copied().collect(),
        findings: state
            .findings
            .iter()
            .map(|f| FindingView {
                at: f.at,
                by: actor_view(&f.by, names),
                rights: f.rights.clone(),
                framework_items: f.framework_items.clone(),
                substantiated: f.substantiated,
            })
            .collect(),
        decision: state.decision.as_ref().map(|d| DecisionView {
            at: d.at,
            by: actor_view(&d.by, names),
            outcome: d.outcome,
        }),
        corrective_actions: corrective_views(state, &can, today),
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
        clocks,
        timeline: timeline.iter().map(|e| event_view(e, names)).collect(),
        verified: timeline.iter().all(|e| e.verification.ok()),
        can_open: can.view,
        allowed_actions: can.slugs(),
        assignable_reviewers: can.reviewers,
        appeal_reviewers: can.appeal_reviewers,
    }
}
