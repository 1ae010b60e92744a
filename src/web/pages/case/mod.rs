//! A case for the committee: its facts and clocks, the timeline with a verification mark per
//! event, who opened the file and why, and the actions the signed-in person may take, as the
//! rules decide (a dry run of `decide`, asked once: [`StaffCan`]). Opening the sealed data asks
//! for a purpose and is recorded before anything is shown. "Verify this case" re-checks every
//! event and its inclusion proof against the current checkpoint. Intake also files complaints
//! here for clients who phone, come in, write or are referred.
//!
//! The page is built in pieces: the summary ([`summary`]), the timeline ([`timeline`]), the
//! forms and their choices ([`offers`]), the opened file ([`file`]), the verification
//! ([`verify`]) and intake's form ([`intake`]). An action's form is read by the application's
//! [`CaseAction`] parser, the same one the API uses, and the service seals and records it.

mod attachment;
mod file;
mod intake;
mod offers;
mod summary;
mod timeline;
mod verify;

pub use attachment::{attach, download};
pub use file::open;
pub use intake::{file, file_form};
pub use offers::ActionRow;
pub use timeline::{Line, language_name};
pub use verify::verify;

use askama::Template;
use recourse_events::ids::CaseId;
use recourse_projections::case::Case;

use super::layout::Layout;
use super::render;
use crate::service::{Acting, CaseAction, ReadRefused, StaffCan};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;
use summary::{Names, Summary};

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

fn parse_case(id: &str) -> Result<CaseId, WebError> {
    id.parse().map_err(|_| WebError::NotFound)
}

/// The signed-in staff member, acting with their own key, and the case: they must be a
/// committee member or auditor with no conflict on it (the service's reader check).
fn reader(ctx: &Ctx, case: CaseId) -> Result<(Acting, Case), WebError> {
    let staff = ctx.staff()?.staff;
    let refused = |why| match why {
        ReadRefused::Role => WebError::Forbidden(ctx.tr.t("error-role")),
        ReadRefused::NotFound => WebError::NotFound,
        ReadRefused::Conflicted => WebError::Forbidden(ctx.tr.t("case-conflicted")),
    };
    let state = ctx
        .app
        .service
        .case_for_reader(staff, case)
        .map_err(refused)?;
    Ok((ctx.acting()?, state))
}

/// A labelled option.
pub struct Opt {
    /// Value.
    pub value: String,
    /// Label.
    pub label: String,
}

fn snake<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
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

#[derive(Template)]
#[template(path = "staff/case.html")]
struct CasePage {
    l: Layout,
    id: String,
    /// Its short number (`2026-0007`).
    number: String,
    facts: Vec<(String, String)>,
    clocks: Vec<(String, String, bool)>,
    lines: Vec<Line>,
    views: Vec<(String, String, String, bool)>,
    /// Refused attempts at opening a sensitive case's file: when, who, why.
    refused: Vec<(String, String, String)>,
    actions: Vec<ActionRow>,
    /// The files attached to the case.
    attachments: Vec<crate::web::pages::attachment::Row>,
    o: StaffCan,
    reviewers: Vec<Opt>,
    appeal_reviewers: Vec<Opt>,
    staff: Vec<Opt>,
    categories: Vec<Opt>,
    rights: Vec<Opt>,
    areas: Vec<offers::ItemArea>,
    outcomes: Vec<Opt>,
    purposes: Vec<Opt>,
    conflicts: Vec<Opt>,
    me: String,
    is_chair: bool,
    today: String,
    /// The organization's time zone (IANA name), which the timeline's times are in.
    zone: String,
    /// The triage form's values: the case's current triage, so that triaging again starts
    /// from it and changes only what is changed.
    t: TriageValues,
}

/// The triage form's values.
struct TriageValues {
    /// The case was triaged already.
    done: bool,
    category: String,
    urgency: String,
    sensitive: bool,
    /// Escalated (about the director or the chair), by the filing or a triage.
    escalated: bool,
    /// Staff ids already named (by the filing or a triage).
    named: Vec<String>,
    rights: Vec<String>,
    items: Vec<String>,
}

impl TriageValues {
    fn of(state: &Case) -> TriageValues {
        let escalated = state.escalated();
        let named = state
            .filing
            .iter()
            .flat_map(|f| f.named_staff.iter())
            .chain(state.named_at_triage.iter())
            .map(|s| s.to_string())
            .collect();
        match &state.triage {
            Some(t) => TriageValues {
                done: true,
                category: t.category.clone(),
                urgency: snake(t.urgency),
                sensitive: t.sensitive,
                escalated,
                named,
                rights: t.rights.clone(),
                items: t.framework_items.clone(),
            },
            // Before triage: the form's defaults.
            None => TriageValues {
                done: false,
                category: String::new(),
                urgency: "routine".into(),
                sensitive: false,
                escalated,
                named,
                rights: vec![],
                items: vec![],
            },
        }
    }

    fn is_named(&self, s: &str) -> bool {
        self.named.iter().any(|x| x == s)
    }

    fn has_right(&self, r: &str) -> bool {
        self.rights.iter().any(|x| x == r)
    }

    fn has_item(&self, i: &str) -> bool {
        self.items.iter().any(|x| x == i)
    }
}

/// The case page.
pub async fn show(ctx: &Ctx<'_>, id: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    let (_, state) = reader(ctx, case)?;
    let staff = ctx.staff()?.staff;
    let service = &ctx.app.service;
    let timeline = service.timeline(case).await?;
    let names = service.staff_names();
    let now = service.now();
    let (org, reference, clocks) =
        service.read(|m| (m.org().clone(), m.reference().clone(), m.clocks().clone()));
    let today = clocks.local_date(now);
    let can = StaffCan::of(service, case, staff, today);
    let summary = Summary {
        tr: &ctx.tr,
        state: &state,
        org: &org,
        reference: &reference,
        clocks: &clocks,
        names: Names(&names),
    };
    let c = offers::choices(ctx, &org, &reference, &can, &summary.names);
    let page = CasePage {
        l: Layout::new(ctx, "case-title"),
        id: case.to_string(),
        number: state.number.map(|n| n.to_string()).unwrap_or_default(),
        facts: summary.facts(),
        clocks: summary.clocks(now),
        lines: timeline::lines(ctx, &timeline, None),
        views: summary.views(),
        refused: summary.refused(),
        actions: offers::action_rows(ctx, &state, &can, &summary.names, today),
        attachments: crate::web::pages::attachment::rows(
            &ctx.tr,
            &clocks,
            &service.attachments(case),
            |by| match by.staff() {
                Some(s) => summary.names.of(&s),
                None => ctx.tr.t("attachment-by-client"),
            },
        ),
        o: can,
        reviewers: c.reviewers,
        appeal_reviewers: c.appeal_reviewers,
        staff: c.staff,
        categories: c.categories,
        rights: c.rights,
        areas: c.areas,
        outcomes: c.outcomes,
        purposes: c.purposes,
        conflicts: c.conflicts,
        me: staff.to_string(),
        is_chair: org.has_role(staff, recourse_events::org::Role::Chair),
        today: today.to_string(),
        t: TriageValues::of(&state),
        zone: clocks.time_zone().iana_name().unwrap_or("UTC").to_string(),
    };
    render(page)
}

/// An action on a case, from its form: read by the application's parser, sealed and recorded
/// by the service.
pub async fn act(ctx: &Ctx<'_>, id: &str, action: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let (me, _) = reader(ctx, case)?;
    let parsed = CaseAction::from_form(action, form.pairs())?;
    // Closing may carry a note to the client: read (and checked) before anything is recorded,
    // and posted just before the case closes (a closed case takes no message), once the rules
    // say it may close.
    let closing_note = match form.get("note").map(str::trim) {
        Some(note) if action == "close" && !note.is_empty() => Some(CaseAction::from_form(
            "message",
            &[
                ("audience".to_string(), "client".to_string()),
                ("body".to_string(), note.to_string()),
            ],
        )?),
        _ => None,
    };
    if let Some(note) = closing_note {
        let service = &ctx.app.service;
        let today = service.read(|m| m.clocks().local_date(service.now()));
        // Where the rules would refuse the close, the note is not sent either: the close
        // below answers with the rules' reason.
        if StaffCan::of(service, case, ctx.staff()?.staff, today).close {
            service.act_on_case(&me, case, note).await?;
        }
    }
    ctx.app.service.act_on_case(&me, case, parsed).await?;
    // Whoever can no longer see the case (they declared their own conflict) goes back to the
    // queue, told what happened, rather than to a page that now refuses them.
    let staff = ctx.staff()?.staff;
    if ctx.app.service.case_for_reader(staff, case).is_err() {
        return Ok(Response::redirect("/staff?done=case-recused-self"));
    }
    Ok(Response::redirect(&format!(
        "/staff/case/{case}?done=case-{action}"
    )))
}

#[derive(Template)]
#[template(path = "staff/close.html")]
struct ClosePage {
    l: Layout,
    id: String,
}

/// "Close the case": a confirmation step (a page of its own, so it needs no script), with an
/// optional closing note sent to the client.
pub async fn close_form(ctx: &Ctx<'_>, id: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    reader(ctx, case)?;
    let staff = ctx.staff()?.staff;
    let service = &ctx.app.service;
    let today = service.read(|m| m.clocks().local_date(service.now()));
    if !StaffCan::of(service, case, staff, today).close {
        return Ok(Response::redirect(&format!("/staff/case/{case}")));
    }
    render(ClosePage {
        l: Layout::new(ctx, "case-close-confirm-title"),
        id: case.to_string(),
    })
}
