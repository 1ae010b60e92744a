//! Following a complaint with its receipt code: the timeline in plain words, the decision and
//! its reasons, messages both ways, and what the client may do next (add information, write to
//! the committee, comment on their file, appeal, say whether they were satisfied, withdraw, or
//! have their personal data erased). The code travels in the form body, never in a URL, and
//! every use of it counts against the look-up rate limit.

use askama::Template;
use recourse_events::case::*;
use recourse_events::vocabulary::Payload;
use recourse_projections::actor::Actor;
use recourse_projections::case::Command;

use super::layout::Layout;
use super::permit::ClientCan;
use super::render;
use crate::receipt::ReceiptCode;
use crate::service::CaseFile;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::limits::Purpose;
use crate::web::router::Ctx;

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
}

#[derive(Template)]
#[template(path = "public/track_case.html")]
struct TrackCase {
    l: Layout,
    code: String,
    status: String,
    status_hint: String,
    lines: Vec<Line>,
    can: ClientCan,
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

/// Shows the case of a code.
pub async fn show(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    ctx.app.limiter.check(Purpose::Lookup, ctx.req.remote)?;
    match code_of(ctx, &form) {
        Ok(code) => page(ctx, &code, None).await,
        Err(response) => Ok(*response),
    }
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
    let service = &ctx.app.service;
    let (case, client) = service.client(&code)?;
    let now = ctx.app.service.now();
    let text = |name: &str| -> Result<String, WebError> {
        let t = form.text(name).map(str::trim).unwrap_or_default();
        if t.is_empty() {
            return Err(WebError::BadRequest(ctx.tr.t("track-empty")));
        }
        if t.chars().count() > crate::limits::CLIENT_TEXT {
            return Err(WebError::BadRequest(ctx.tr.t("error-too-long")));
        }
        Ok(t.to_string())
    };
    let seal = |field: &str, t: &str| service.seal_for(case, field, t).map_err(WebError::from);
    let command = match action {
        "info" => Command::AddInformation(ClientText {
            text: seal("text", &text("text")?)?,
        }),
        "comment" => Command::Comment(ClientText {
            text: seal("text", &text("text")?)?,
        }),
        "message" => Command::PostMessage(MessagePosted {
            audience: Audience::Client,
            body: seal("body", &text("text")?)?,
        }),
        "appeal" => Command::Appeal(AppealFiled {
            grounds: seal("grounds", &text("text")?)?,
        }),
        "satisfaction" => {
            let rating = form
                .get("rating")
                .and_then(|r| r.parse().ok())
                .filter(|r| (1..=5).contains(r))
                .ok_or_else(|| WebError::BadRequest(ctx.tr.t("track-rating")))?;
            Command::RecordSatisfaction(SatisfactionRecorded {
                explained: form.get("explained") == Some("yes"),
                fair: form.get("fair") == Some("yes"),
                rating,
            })
        }
        "withdraw" => {
            if !form.checked("confirm") {
                return page(ctx, &code, Some(ctx.tr.t("track-confirm-needed"))).await;
            }
            Command::Withdraw
        }
        "erase" => {
            if !form.checked("confirm") {
                return page(ctx, &code, Some(ctx.tr.t("track-confirm-needed"))).await;
            }
            service.request_erasure(&code, now).await?;
            return page(ctx, &code, Some(ctx.tr.t("done-erased"))).await;
        }
        _ => return Err(WebError::NotFound),
    };
    service.act(&client, case, command, now).await?;
    page(ctx, &code, Some(ctx.tr.t(&format!("done-{action}")))).await
}

/// The kind of an event as a message id: `complaint.filed` -> `event-complaint-filed`.
pub fn event_id(kind: &str) -> String {
    format!("event-{}", kind.replace(['.', '_'], "-"))
}

/// Whether the client sees an event in their timeline: not the committee's internal work
/// (file openings, recusals, findings, corrective actions, assignments, triage, internal
/// messages). Shared by the tracking page and the API.
pub fn client_visible(payload: Option<&Payload>) -> bool {
    payload.is_some_and(crate::service::client_visible)
}

/// What an event means for the client, in words (with the decision's or appeal's outcome).
pub fn client_what(tr: &crate::web::i18n::Tr, kind: &str, payload: Option<&Payload>) -> String {
    let what = tr.t(&event_id(kind));
    match payload {
        Some(Payload::DecisionIssued(d)) => format!(
            "{what}: {}",
            tr.t(&format!("outcome-{}", d.outcome.as_str()))
        ),
        Some(Payload::AppealDecided(d)) => {
            let name = serde_json::to_value(d.outcome)
                .ok()
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default();
            format!("{what}: {}", tr.t(&format!("appeal-outcome-{name}")))
        }
        _ => what,
    }
}

fn lines(ctx: &Ctx, file: &CaseFile) -> Vec<Line> {
    let tr = &ctx.tr;
    let clocks = ctx.app.service.read(|m| m.clocks().clone());
    let label = |field: &str| tr.t(&format!("text-{field}"));
    file.timeline
        .iter()
        .filter(|e| client_visible(e.payload.as_ref()))
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
                what: client_what(tr, e.kind.as_str(), e.payload.as_ref()),
                by_you: e.actor == Actor::Client,
                texts,
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
    let status = service
        .read(|m| m.case(&case).map(|c| c.status()))
        .ok_or(WebError::NotFound)?;
    let key = status.as_str().replace(' ', "-");
    let mut l = Layout::new(ctx, "track-case-title");
    l.notice = notice;
    render(TrackCase {
        l,
        code: code.grouped(),
        status: ctx.tr.t(&format!("status-{key}")),
        status_hint: ctx.tr.t(&format!("status-{key}-hint")),
        lines: lines(ctx, &file),
        can: ClientCan::of(service, case, &client.actor, status),
    })
}
