//! Following a complaint with its receipt code: the timeline in plain words, the decision and
//! its reasons, messages both ways, and what the client may do next (add information, write to
//! the committee, comment on their file, appeal, say whether they were satisfied, withdraw, or
//! have their personal data erased), and which independent witnesses countersign the record
//! of the case (as the receipt says it). The code travels in the form body, never in a URL, and
//! every use of it counts against the look-up rate limit.
//!
//! The page parses the form into a [`ClientAction`] with its plain text; the service checks it,
//! seals it and records it ([`Service::client_act`](crate::service::Service::client_act)).
//!
//! The page is post, then redirect, then get: the code, or an action that was taken, answers
//! `303` to `GET /track/case`, which shows the case of the browser's tracking visit (the code
//! sealed in this process's memory under the visit cookie, see [`crate::web::visits`]), with
//! the notice of the action once. A reload or the Back button then sends nothing again. Each
//! action form carries a one-time id, so that the same form sent twice (a double tap, a
//! resubmission) acts once: the second only shows the page, saying so. A refusal (bad input)
//! still answers the page itself, with the error, so that nothing typed is lost. "I'm done"
//! forgets the visit (a shared phone). The JSON API is not concerned: its clients handle
//! their retries.

use askama::Template;
use recourse_events::ids::StaffId;
use recourse_events::org::{EscalationRoute, Role};
use recourse_events::vocabulary::Payload;
use recourse_projections::actor::Actor;
use recourse_projections::case::{ActionStatus, Case, Status};
use recourse_projections::framework::Reference;
use recourse_projections::read_model::ReadModel;

use super::layout::Layout;
use super::render;
use crate::receipt::ReceiptCode;
use crate::service::ClientCan;
use crate::service::{CaseFile, ClientAction, client_visible, client_what};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::limits::Purpose;
use crate::web::router::{Ctx, urlencode};
use crate::web::visits::{VISIT_COOKIE, VISIT_PATH, Visits};

#[derive(Template)]
#[template(path = "public/track_form.html")]
struct TrackForm {
    l: Layout,
    error: Option<String>,
}

/// One line of the client's timeline.
pub struct Line {
    /// Date, in the organization's time zone.
    pub date: String,
    /// What happened, in words.
    pub what: String,
    /// Who: the client, or the organization.
    pub by_you: bool,
    /// Texts to show (label, text).
    pub texts: Vec<(String, String)>,
    /// The sender's role, on a staff message ("Committee chair").
    pub from: Option<String>,
    /// A decision (the last one is the page's decision card).
    pub decision: bool,
    /// The decision shown as the card at the top (its reasons are there).
    pub card: bool,
}

/// One opening of the file, as the client reads it: date, the opener's role (never their
/// name: no setting lets the page name staff), the purpose in plain words.
pub struct Opening {
    /// Date, in the organization's time zone.
    pub date: String,
    /// The opener's role.
    pub role: String,
    /// The opener's name, when the organization's settings show names to clients.
    pub name: Option<String>,
    /// Why.
    pub purpose: String,
}

#[derive(Template)]
#[template(path = "public/track_case.html")]
struct TrackCase {
    l: Layout,
    /// Who handles the case when it is escalated, in plain words.
    handled_by: Option<String>,
    /// The openings show the openers' names (the organization's setting).
    opener_names: bool,
    code: String,
    status: String,
    status_hint: String,
    lines: Vec<Line>,
    /// The decision in force, as its card (the timeline's last decision line).
    decision: Option<Line>,
    /// Who opened the file and why, newest first.
    openings: Vec<Opening>,
    /// The verified corrective actions: (taken and checked on a date, the framework item's
    /// plain text). The action's description is the case's sealed text, for staff: not shown.
    actions: Vec<(String, Option<String>)>,
    can: ClientCan,
    /// The files the client attached.
    attachments: Vec<super::attachment::Row>,
    /// The client may attach a file now (the case is open and has room).
    can_attach: bool,
    /// The satisfaction answer given, once answered: (question, answer) pairs.
    answered: Vec<(String, String)>,
    /// The one-time id of this page's action forms.
    once: String,
    /// Who countersigns the complaint's record, in plain words (none when no witness is
    /// configured).
    witnessed: Vec<String>,
}

/// The code form.
pub fn form(ctx: &Ctx) -> Result<Response, WebError> {
    render(TrackForm {
        l: Layout::new(ctx, "track-title"),
        error: None,
    })
}

fn code_of(ctx: &Ctx, form: &crate::web::http::Form) -> Result<ReceiptCode, Box<Response>> {
    let bad = |ctx: &Ctx| {
        let page = TrackForm {
            l: Layout::new(ctx, "track-title"),
            error: Some(ctx.tr.t("track-not-found")),
        };
        render(page)
            .map(|r| r.status(warp::http::StatusCode::NOT_FOUND))
            .unwrap_or_else(|e| Response::text(e.to_string()))
    };
    let code =
        ReceiptCode::parse(form.get("code").unwrap_or_default()).map_err(|_| Box::new(bad(ctx)))?;
    if ctx.app.service.client(&code).is_err() {
        return Err(Box::new(bad(ctx)));
    }
    Ok(code)
}

/// The visit cookie's token, when the browser sent one shaped like ours.
fn visit_token(ctx: &Ctx) -> Option<String> {
    ctx.req.cookie(VISIT_COOKIE).filter(|t| t.len() == 43)
}

/// To the case page (`303`), keeping `code` and the notice `flash` (a message id) as the
/// browser's visit; the address keeps the language asked for, never the code.
fn to_case(ctx: &Ctx, code: &ReceiptCode, flash: Option<&str>) -> Response {
    let (token, new) = ctx
        .app
        .visits
        .keep(visit_token(ctx).as_deref(), &code.grouped(), flash);
    let to = match ctx.req.query().get("lang") {
        Some(lang) => format!("/track/case?lang={}", urlencode(lang)),
        None => "/track/case".to_string(),
    };
    let r = Response::redirect(&to);
    if new {
        r.cookie_at(VISIT_COOKIE, &token, VISIT_PATH, None, ctx.secure())
    } else {
        r
    }
}

/// A one-time id being used: released if the action did not act (refused, or the request
/// dropped), kept as used once it acted.
struct Acting<'a> {
    visits: &'a Visits,
    id: Option<String>,
    acted: bool,
}

impl Acting<'_> {
    /// Starts the action of a form with one-time id `id` (a form without one, not from this
    /// page, is not protected): `None` if that form already acted.
    fn begin<'a>(visits: &'a Visits, id: Option<&str>) -> Option<Acting<'a>> {
        if let Some(id) = id
            && !visits.begin(id)
        {
            return None;
        }
        Some(Acting {
            visits,
            id: id.map(String::from),
            acted: false,
        })
    }
}

impl Drop for Acting<'_> {
    fn drop(&mut self) {
        if let Some(id) = &self.id {
            self.visits.end(id, self.acted);
        }
    }
}

/// The code given: to the case page.
pub async fn show(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    ctx.app.limiter.check(Purpose::Lookup, ctx.req.remote)?;
    match code_of(ctx, &form) {
        Ok(code) => Ok(to_case(ctx, &code, None)),
        Err(response) => Ok(*response),
    }
}

/// The case of the browser's visit, with the notice of its last action once; without a
/// visit (another browser, an expired or forged cookie), the code form.
pub async fn case(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let visit = visit_token(ctx).and_then(|t| ctx.app.visits.open(&t));
    let code = visit
        .as_ref()
        .and_then(|v| ReceiptCode::parse(&v.code).ok());
    match (code, visit) {
        (Some(code), Some(visit)) if ctx.app.service.client(&code).is_ok() => {
            page(ctx, &code, visit.flash.map(|f| ctx.tr.t(&f))).await
        }
        _ => form(ctx),
    }
}

/// "I'm done": the visit is forgotten and its cookie cleared; to the code form.
pub fn done(ctx: &Ctx) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    if let Some(token) = visit_token(ctx) {
        ctx.app.visits.forget(&token);
    }
    Ok(Response::redirect("/track").cookie_at(VISIT_COOKIE, "", VISIT_PATH, Some(0), ctx.secure()))
}

/// An action by the client.
pub async fn act(ctx: &Ctx<'_>, action: &str) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    ctx.app.limiter.check(Purpose::Lookup, ctx.req.remote)?;
    let code = match code_of(ctx, &form) {
        Ok(c) => c,
        Err(response) => return Ok(*response),
    };
    let text = || form.text("text").unwrap_or_default().to_string();
    let confirmed = form.checked("confirm");
    let action = match action {
        "satisfaction" => ClientAction::Satisfaction {
            explained: form.get("explained") == Some("yes"),
            fair: form.get("fair") == Some("yes"),
            // Not a number from 1 to 5: the service refuses it, naming the rating.
            rating: form.get("rating").and_then(|r| r.parse().ok()).unwrap_or(0),
        },
        "withdraw" | "erase" if !confirmed => {
            return page(ctx, &code, Some(ctx.tr.t("track-confirm-needed"))).await;
        }
        "withdraw" => ClientAction::Withdraw,
        "erase" => ClientAction::Erase,
        other => ClientAction::with_text(other, text()).ok_or(WebError::NotFound)?,
    };
    let done = match action {
        ClientAction::Erase => "done-erased".to_string(),
        ref a => format!("done-{}", a.slug()),
    };
    let Some(mut acting) = Acting::begin(&ctx.app.visits, form.get("once")) else {
        return Ok(to_case(ctx, &code, Some("track-already-done")));
    };
    let service = &ctx.app.service;
    service.client_act(&code, action, service.now()).await?;
    acting.acted = true;
    Ok(to_case(ctx, &code, Some(&done)))
}

/// The client attaches a file (a `multipart/form-data` form; the code is one of its fields).
pub async fn attach(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let parts = ctx.req.multipart(&super::attachment::PARTS).await?;
    ctx.check_csrf(&parts.form)?;
    ctx.app.limiter.check(Purpose::Lookup, ctx.req.remote)?;
    let code = match code_of(ctx, &parts.form) {
        Ok(c) => c,
        Err(response) => return Ok(*response),
    };
    let upload = super::attachment::upload_of(&parts)?;
    let Some(mut acting) = Acting::begin(&ctx.app.visits, parts.form.get("once")) else {
        return Ok(to_case(ctx, &code, Some("track-already-done")));
    };
    let service = &ctx.app.service;
    service.client_attach(&code, upload, service.now()).await?;
    acting.acted = true;
    Ok(to_case(ctx, &code, Some("done-attach")))
}

/// The client downloads one of their case's files (the code in the form body, never in a
/// URL).
pub async fn download(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    ctx.app.limiter.check(Purpose::Lookup, ctx.req.remote)?;
    let code = match code_of(ctx, &form) {
        Ok(c) => c,
        Err(response) => return Ok(*response),
    };
    let id = form
        .get("attachment")
        .and_then(|a| a.parse().ok())
        .map(recourse_events::ids::AttachmentId)
        .ok_or(WebError::NotFound)?;
    let opened = ctx.app.service.client_open_attachment(&code, id).await?;
    Ok(super::attachment::download(opened))
}

/// The kind of an event as a message id (see [`crate::service::event_id`]).
pub fn event_id(kind: &str) -> String {
    crate::service::event_id(kind)
}

fn snake<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The message id of a staff member's role as the client reads it: their role on the case
/// (its reviewer), else their highest role in the organization, else "a staff member".
fn role_id(m: &ReadModel, case: Option<&Case>, staff: StaffId) -> &'static str {
    if case.and_then(|c| c.reviewer) == Some(staff) && m.org().has_role(staff, Role::Reviewer) {
        return "admin-role-reviewer";
    }
    let roles = m.org().roles(staff);
    [
        (Role::Chair, "admin-role-chair"),
        (Role::Reviewer, "admin-role-reviewer"),
        (Role::Intake, "admin-role-intake"),
        (Role::Auditor, "admin-role-auditor"),
        (Role::Admin, "admin-role-admin"),
        (Role::Board, "admin-role-board"),
    ]
    .into_iter()
    .find(|(r, _)| roles.contains(r))
    .map_or("track-staff-member", |(_, id)| id)
}

fn item_text(ctx: &Ctx, reference: &Reference, id: &str) -> String {
    match reference.framework_item(id) {
        Some((_, item)) if ctx.tr.lang == "fr" => item.text_fr.clone(),
        Some((_, item)) => item.text.clone(),
        None => id.to_owned(),
    }
}

fn lines(ctx: &Ctx, file: &CaseFile) -> Vec<Line> {
    let tr = &ctx.tr;
    let clocks = ctx.app.service.read(|m| m.clocks().clone());
    let roles: Vec<(StaffId, &'static str)> = ctx.app.service.read(|m| {
        let case = m.case(&file.case);
        file.timeline
            .iter()
            .filter_map(|e| e.actor.staff())
            .map(|s| (s, role_id(m, case, s)))
            .collect()
    });
    let label = |field: &str| tr.t(&format!("text-{field}"));
    file.timeline
        .iter()
        .filter(|e| e.payload.as_ref().is_some_and(client_visible))
        .map(|e| {
            let texts = file
                .fields
                .iter()
                .filter(|f| f.position == e.position && f.field != "contact")
                .map(|f| {
                    (
                        label(&f.field),
                        f.text.clone().unwrap_or_else(|_| tr.t("text-erased")),
                    )
                })
                .collect();
            Line {
                date: clocks.local_date(e.at).to_string(),
                what: tr.what(&client_what(e.kind.as_str(), e.payload.as_ref())),
                by_you: e.actor == Actor::Client,
                texts,
                from: match (e.payload.as_ref(), e.actor.staff()) {
                    (Some(Payload::MessagePosted(_)), Some(s)) => {
                        roles.iter().find(|(r, _)| *r == s).map(|(_, id)| tr.t(id))
                    }
                    _ => None,
                },
                decision: matches!(e.payload, Some(Payload::DecisionIssued(_))),
                card: false,
            }
        })
        .collect()
}

async fn page(
    ctx: &Ctx<'_>,
    code: &ReceiptCode,
    notice: Option<String>,
) -> Result<Response, WebError> {
    let service = &ctx.app.service;
    let (case, client) = service.client(code)?;
    let file = service.client_file(code).await?;
    let tr = &ctx.tr;
    let names = service.staff_names();
    let (status, satisfaction, decided, openings, actions, handled_by) = service
        .read(|m| {
            let c = m.case(&case)?;
            let clocks = m.clocks();
            let settings = &m.org().settings;
            // Who handles an escalated case, in plain words (never a name).
            let handled_by = c.escalated().then(|| {
                tr.t(match settings.escalation_route() {
                    EscalationRoute::Board => "track-handled-board",
                    EscalationRoute::External(_) => "track-handled-external",
                })
            });
            let openings = c
                .views
                .iter()
                .rev()
                .map(|v| Opening {
                    date: clocks.local_date(v.at).to_string(),
                    role: tr.t(role_id(m, Some(c), v.by)),
                    name: settings
                        .show_opener_names
                        .then(|| names.get(&v.by).cloned())
                        .flatten(),
                    purpose: tr.t(&format!("purpose-{}", snake(v.purpose))),
                })
                .collect::<Vec<_>>();
            let actions = c
                .actions
                .values()
                .filter(|a| a.status == ActionStatus::Verified)
                .map(|a| {
                    (
                        tr.t1(
                            "track-action-verified",
                            "date",
                            clocks.local_date(a.settled_at.unwrap_or(a.opened_at)),
                        ),
                        a.framework_item
                            .as_deref()
                            .map(|i| item_text(ctx, m.reference(), i)),
                    )
                })
                .collect::<Vec<_>>();
            Some((
                c.status(),
                c.satisfaction.clone(),
                c.decision.is_some(),
                openings,
                actions,
                handled_by,
            ))
        })
        .ok_or(WebError::NotFound)?;
    let witnessed = super::witnessed::client_lines(tr, &service.case_witnessed(case).await?);
    let key = status.as_str().replace(' ', "-");
    let files = service.client_attachments(code)?;
    let can_attach = !matches!(status, Status::Closed | Status::Withdrawn | Status::Erased)
        && files.len() < crate::limits::ATTACHMENTS_PER_CASE;
    let attachments = service.read(|m| {
        super::attachment::rows(tr, m.clocks(), &files, |by| {
            tr.t(if *by == Actor::Client {
                "track-by-you"
            } else {
                "attachment-by-organization"
            })
        })
    });
    let can = ClientCan::of(service, case, &client.actor, status);
    let mut l = Layout::new(ctx, "track-case-title");
    l.notice = notice;
    let yes_no = |b: bool| tr.t(if b { "yes" } else { "no" });
    let answered = satisfaction
        .as_ref()
        .map(|(_, s)| {
            vec![
                (tr.t("track-explained"), yes_no(s.explained)),
                (tr.t("track-fair"), yes_no(s.fair)),
                (
                    tr.t("track-rating-label"),
                    tr.t1("track-rating-given", "rating", s.rating),
                ),
            ]
        })
        .unwrap_or_default();
    let mut lines = lines(ctx, &file);
    // The decision in force is the card at the top: its line in the timeline says so instead
    // of repeating its reasons.
    let decision = lines
        .iter_mut()
        .rev()
        .find(|l| decided && l.decision)
        .map(|l| {
            l.card = true;
            Line {
                date: l.date.clone(),
                what: l.what.clone(),
                by_you: false,
                texts: std::mem::take(&mut l.texts),
                from: None,
                decision: true,
                card: false,
            }
        });
    render(TrackCase {
        l,
        code: code.grouped(),
        status: tr.t(&format!("status-{key}")),
        status_hint: tr.message(&service.client_next_step(case, &can)),
        handled_by,
        opener_names: openings.iter().any(|o| o.name.is_some()),
        decision,
        lines,
        openings,
        actions,
        can,
        attachments,
        can_attach,
        answered,
        once: Visits::once(),
        witnessed,
    })
}
