//! The JSON API under `/api/v1`: what the HTML pages do, for programs.
//!
//! Clients (no account) file complaints and follow them with their receipt code, which travels
//! in the JSON body, never in a URL; staff sign in for a session cookie and send the session's
//! CSRF token in `X-CSRF-Token` with every call that changes something.
//!
//! One table, [`routes`], says every operation: its method and path, who may call it, the
//! fields of its body and query, and its answers. The dispatcher matches requests against it,
//! checks the session, the CSRF token and the roles it names, reads the body or query against
//! its fields (see [`fields`]), then calls the handler; the OpenAPI document
//! (`GET /api/v1/openapi.json`, see [`openapi`]) is generated from the same table, so no route
//! can be served undocumented nor documented unserved, and its answers' schemas from the types
//! the table names for them ([`Success::schema`]; see [`responses`]). The rules (`decide`) still judge every
//! command: the roles here only refuse early and clearly.

mod client;
pub mod fields;
pub mod openapi;
pub mod responses;
mod staff;

use std::sync::LazyLock;

use recourse_events::case::{
    Accommodation, AppealOutcome, Audience, Channel, ConflictKind, ContactPreference, Outcome,
    Purpose, Urgency,
};
use recourse_events::org::Role;
use recourse_projections::case::Status;
use recourse_projections::dashboard::Granularity;
use schemars::{Schema, SchemaGenerator};
use tracing::Instrument;
use warp::http::{HeaderMap, HeaderValue, Method, StatusCode, header};

use super::error::WebError;
use super::http::Response;
use super::router::Ctx;
use super::session::same_secret;
use fields::{Field, Input, Ty, opt, req};
use openapi::schema_of;

pub use staff::{ACTIONS, ActionSpec};

/// The header carrying the session's CSRF token.
pub const CSRF_HEADER: &str = "x-csrf-token";

// The choice lists are the vocabulary enums' own names (derived with strum in the serde
// spelling; see `recourse_events::variants`), so a value added to an enum is offered,
// accepted and documented without another list to update.

/// Complaint channels.
pub const CHANNELS: &[&str] = Channel::NAMES;
/// Contact preferences.
pub const CONTACTS: &[&str] = ContactPreference::NAMES;
/// Accommodations.
pub const ACCOMMODATIONS: &[&str] = Accommodation::NAMES;
/// Why a file is opened.
pub const PURPOSES: &[&str] = Purpose::NAMES;
/// Kinds of conflict of interest.
pub const CONFLICTS: &[&str] = ConflictKind::NAMES;
/// Who a message is for.
pub const AUDIENCES: &[&str] = Audience::NAMES;
/// Urgencies at triage.
pub const URGENCIES: &[&str] = Urgency::NAMES;
/// Decision outcomes staff may issue: every outcome but the last, `withdrawn`, which is the
/// client's (`complaint.withdrawn`).
pub const OUTCOMES: &[&str] = match Outcome::NAMES.split_last() {
    Some((_withdrawn, issued)) => issued,
    None => &[],
};
/// Appeal outcomes.
pub const APPEAL_OUTCOMES: &[&str] = AppealOutcome::NAMES;
/// Case statuses, as the queue and the rules name them.
pub const STATUSES: &[&str] = Status::NAMES;
/// Staff roles.
pub const ROLES: &[&str] = Role::NAMES;
/// Dashboard period lengths.
pub const GRANULARITIES: &[&str] = Granularity::NAMES;

/// Who may call an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// Anyone.
    Public,
    /// A signed-in staff member (session cookie).
    Session,
    /// A signed-in staff member, with the session's CSRF token in `X-CSRF-Token`.
    SessionCsrf,
    /// Anyone for web filings; staff filing for a client send their session and CSRF token.
    PublicOrStaff,
}

/// What an operation does (which handler serves it).
#[derive(Debug, Clone, Copy)]
pub enum Op {
    /// The OpenAPI document.
    OpenApi,
    /// The choices forms offer.
    Options,
    /// File a complaint.
    FileComplaint,
    /// A client's view of their case.
    Track,
    /// A client's action (`info`, `comment`, ...).
    TrackAct(&'static str),
    /// Who is signed in.
    SessionGet,
    /// Sign in.
    SessionStart,
    /// Sign out.
    SessionEnd,
    /// The staff directory.
    StaffList,
    /// The work queue.
    Queue,
    /// A case's facts and timeline.
    CaseGet,
    /// Open a case's sealed data.
    CaseOpen,
    /// A staff command on a case.
    CaseAction(&'static ActionSpec),
    /// Who opened a case's file.
    AccessLog,
    /// The files attached to a case.
    Attachments,
    /// The board's dashboard.
    Dashboard,
}

/// The schema of a response type, as the OpenAPI document refers to it (see
/// [`openapi::schema_of`]).
pub type SchemaOf = fn(&mut SchemaGenerator) -> Schema;

/// What a successful call answers.
#[derive(Debug, Clone, Copy)]
pub struct Success {
    /// Status code.
    pub status: u16,
    /// The schema of the type it answers (`None`: no content).
    pub schema: Option<SchemaOf>,
    /// What the answer means.
    pub about: &'static str,
}

/// One operation of the API.
#[derive(Debug, Clone)]
pub struct Route {
    /// HTTP method.
    pub method: Method,
    /// Path under `/api/v1`, with `{id}` for a case id.
    pub path: String,
    /// Handler.
    pub op: Op,
    /// `operationId`.
    pub operation_id: String,
    /// One line.
    pub summary: String,
    /// More words.
    pub description: String,
    /// Group in the document.
    pub tag: &'static str,
    /// Who may call.
    pub auth: Auth,
    /// Roles of which the staff member must hold one (empty: any, or not staff).
    pub roles: &'static [Role],
    /// Fields of the JSON body (`None`: no body).
    pub body: Option<&'static [Field]>,
    /// Query parameters.
    pub query: &'static [Field],
    /// The answer when it works.
    pub ok: Success,
    /// Error statuses it may answer (each with the JSON error body).
    pub errors: &'static [u16],
}

impl Route {
    fn segments(&self) -> impl Iterator<Item = &str> {
        self.path.split('/').filter(|s| !s.is_empty())
    }

    /// The value of `{id}` if `segs` match this path.
    fn matches<'a>(&self, segs: &[&'a str]) -> Option<Option<&'a str>> {
        if self.segments().count() != segs.len() {
            return None;
        }
        let mut id = None;
        for (pattern, seg) in self.segments().zip(segs) {
            if pattern.starts_with('{') {
                id = Some(*seg);
            } else if pattern != *seg {
                return None;
            }
        }
        Some(id)
    }
}

/// Staff who take part in handling cases (the case page's readers).
pub const COMMITTEE: &[Role] = &[Role::Intake, Role::Reviewer, Role::Chair, Role::Auditor];
/// Who may list the queue: the committee, and board members (escalated complaints are routed to
/// the board by default; the queue lists only what its caller may read).
pub const QUEUE_READERS: &[Role] = &[
    Role::Intake,
    Role::Reviewer,
    Role::Chair,
    Role::Auditor,
    Role::Board,
];
const DASHBOARD_ROLES: &[Role] = &[Role::Board, Role::Chair, Role::Admin];
const DIRECTORY_ROLES: &[Role] = &[
    Role::Intake,
    Role::Reviewer,
    Role::Chair,
    Role::Auditor,
    Role::Admin,
];

const CODE: Field = req(
    "code",
    Ty::Str(64),
    "The receipt code, as given at filing (any case; spaces and dashes are ignored).",
)
.matching(RECEIPT_CODE_PATTERN);
/// A receipt code as `ReceiptCode::parse` reads it: 20 characters of its alphabet (I, L and O
/// read as 1, 1 and 0; no U), in any case, spaces and dashes anywhere.
pub const RECEIPT_CODE_PATTERN: &str = "^[ \\u00a0-]*([0-9A-TV-Za-tv-z][ \\u00a0-]*){20}$";
const CLIENT_TEXT: usize = crate::limits::CLIENT_TEXT;

const TRACK_FIELDS: &[Field] = &[CODE];
const TRACK_TEXT: &[Field] = &[
    CODE,
    req("text", Ty::Text(CLIENT_TEXT), "The client's words."),
];
const TRACK_SATISFACTION: &[Field] = &[
    CODE,
    req(
        "rating",
        Ty::Int(1, 5),
        "Overall, 1 (very dissatisfied) to 5 (very satisfied).",
    ),
    opt(
        "explained",
        Ty::Bool,
        "Was the decision explained clearly? (default false)",
    ),
    opt("fair", Ty::Bool, "Was the process fair? (default false)"),
];
const TRACK_CONFIRM: &[Field] = &[
    CODE,
    req(
        "confirm",
        Ty::Bool,
        "Must be true: the client confirms (this cannot be undone).",
    ),
];

/// Client actions: path segment, body, summary, description.
const TRACK_ACTIONS: &[(&str, &[Field], &str, &str)] = &[
    (
        "info",
        TRACK_TEXT,
        "Add information to the complaint",
        "Records `information.added` in the client's name (signed with the key derived from the receipt code).",
    ),
    (
        "comment",
        TRACK_TEXT,
        "Comment on the file (right 4 of the Client Code)",
        "Records `complainant.commented`; accepted even after closure.",
    ),
    (
        "message",
        TRACK_TEXT,
        "Write to the people handling the complaint",
        "Records a `message.posted` for the client audience.",
    ),
    (
        "appeal",
        TRACK_TEXT,
        "Appeal the decision",
        "Records `appeal.filed` with the text as grounds; only after a decision, within the appeal window.",
    ),
    (
        "satisfaction",
        TRACK_SATISFACTION,
        "Say how satisfied the client is",
        "Records `satisfaction.recorded`; only after a decision or a withdrawal.",
    ),
    (
        "withdraw",
        TRACK_CONFIRM,
        "Withdraw the complaint",
        "Records `complaint.withdrawn`; only while the complaint is being handled.",
    ),
    (
        "erase",
        TRACK_CONFIRM,
        "Erase the client's personal data",
        "Records `erasure.requested`, destroys the case's data key and records `personal_data.erased`: what the client told us becomes unreadable everywhere, while the ledger still verifies.",
    ),
];

const LOGIN_FIELDS: &[Field] = &[
    req("login", Ty::Str(100), "Sign-in name."),
    req("password", Ty::Secret(1024), "Password."),
];
const OPEN_FIELDS: &[Field] = &[req(
    "purpose",
    Ty::OneOf(PURPOSES),
    "Why the file is opened (recorded in the ledger before anything is unsealed).",
)];
const QUEUE_QUERY: &[Field] = &[
    opt(
        "owner",
        Ty::Str(40),
        "Only cases held by this staff member (an id, or `me`).",
    ),
    opt(
        "status",
        Ty::OneOfList(STATUSES),
        "Only cases in these statuses (repeat the parameter); default: every case in the queue.",
    ),
    opt("overdue", Ty::Bool, "Only overdue cases."),
    opt("program", Ty::Str(100), "Only this program (an id)."),
    opt("site", Ty::Str(100), "Only this site (an id)."),
    opt("urgent", Ty::Bool, "Only urgent or priority cases."),
    opt(
        "q",
        Ty::Str(100),
        "Only the cases this search finds, whatever their status: a case number (`2026-0007`), a case id, or a part of one of at least 6 characters.",
    ),
];
const DASHBOARD_QUERY: &[Field] = &[
    opt(
        "granularity",
        Ty::OneOf(GRANULARITIES),
        "Length of the periods (default quarter).",
    ),
    opt(
        "from",
        Ty::Date,
        "First day of the range, local date (default: the first day of the quarter holding `to` and the seven before it, two years in whole quarters; at most 10 years before `to`).",
    ),
    opt(
        "to",
        Ty::Date,
        "Last day of the range, inclusive (default: today in the organization's time zone).",
    ),
];

const E_PUBLIC_READ: &[u16] = &[400, 500];
const E_FILE: &[u16] = &[400, 401, 403, 409, 413, 429, 500];
const E_TRACK: &[u16] = &[400, 404, 413, 429, 500];
const E_TRACK_ACT: &[u16] = &[400, 403, 404, 409, 413, 429, 500];
const E_LOGIN: &[u16] = &[400, 401, 403, 413, 429, 500];
const E_SESSION: &[u16] = &[400, 401, 500];
const E_LOGOUT: &[u16] = &[400, 401, 403, 413, 500];
const E_STAFF_READ: &[u16] = &[400, 401, 403, 500];
const E_CASE_READ: &[u16] = &[400, 401, 403, 404, 500];
const E_CASE_WRITE: &[u16] = &[400, 401, 403, 404, 409, 413, 500];

#[allow(clippy::too_many_arguments)]
fn define(
    method: Method,
    path: impl Into<String>,
    op: Op,
    operation_id: impl Into<String>,
    tag: &'static str,
    auth: Auth,
    roles: &'static [Role],
    summary: impl Into<String>,
    description: impl Into<String>,
    body: Option<&'static [Field]>,
    query: &'static [Field],
    ok: Success,
    errors: &'static [u16],
) -> Route {
    Route {
        method,
        path: path.into(),
        op,
        operation_id: operation_id.into(),
        summary: summary.into(),
        description: description.into(),
        tag,
        auth,
        roles,
        body,
        query,
        ok,
        errors,
    }
}

const fn ok(status: u16, schema: SchemaOf, about: &'static str) -> Success {
    Success {
        status,
        schema: Some(schema),
        about,
    }
}

fn build_routes() -> Vec<Route> {
    use Method as M;
    let mut r = vec![
        define(
            M::GET,
            "/openapi.json",
            Op::OpenApi,
            "getOpenApi",
            "meta",
            Auth::Public,
            &[],
            "This document",
            "The OpenAPI 3.1 description of this API, generated from the same table the server routes by.",
            None,
            &[],
            ok(
                200,
                schema_of::<responses::OpenApiDocument>,
                "The OpenAPI document.",
            ),
            E_PUBLIC_READ,
        ),
        define(
            M::GET,
            "/options",
            Op::Options,
            "getOptions",
            "clients",
            Auth::Public,
            &[],
            "Choices for the forms",
            "Programs, sites, service streams, rights of the Client Code, framework items, languages and the values of every choice, with labels in the request's language (English or French where the reference has it).",
            None,
            &[],
            ok(200, schema_of::<client::Options>, "The choices."),
            E_PUBLIC_READ,
        ),
        define(
            M::POST,
            "/complaints",
            Op::FileComplaint,
            "fileComplaint",
            "clients",
            Auth::PublicOrStaff,
            &[],
            "File a complaint",
            "A client files on the web (`channel` absent or `web`): no account, rate limited per address. Intake staff file for a client who phoned, came in, wrote or was referred (`channel` `phone`, `in_person`, `email` or `referral`) with their session cookie and `X-CSRF-Token`; only they may name staff (`named_staff`). The same checks as the web form apply. The answer holds the receipt code, shown once and never stored: the client needs it to follow the complaint.",
            Some(client::COMPLAINT_FIELDS),
            &[],
            ok(
                201,
                schema_of::<client::Filed>,
                "Filed: the case and its receipt code.",
            ),
            E_FILE,
        ),
        define(
            M::POST,
            "/track",
            Op::Track,
            "track",
            "clients",
            Auth::Public,
            &[],
            "Follow a complaint with its receipt code",
            "The case as the client sees it: its status in plain words, the timeline without what is internal to the committee (with the client's own texts and the messages and decision addressed to them), and what the client may do next. Every use of a receipt code counts against the look-up rate limit.",
            Some(TRACK_FIELDS),
            &[],
            ok(
                200,
                schema_of::<client::ClientCase>,
                "The client's view of the case.",
            ),
            E_TRACK,
        ),
    ];
    for (action, body, summary, description) in TRACK_ACTIONS {
        r.push(define(
            M::POST,
            format!("/track/{action}"),
            Op::TrackAct(action),
            format!("track{}", camel(action)),
            "clients",
            Auth::Public,
            &[],
            *summary,
            format!(
                "{description} The receipt code is in the body; the answer is the client's view after the action, with a notice."
            ),
            Some(*body),
            &[],
            ok(200, schema_of::<client::ClientCase>, "Done: the client's view of the case."),
            E_TRACK_ACT,
        ));
    }
    r.extend([
        define(
            M::POST,
            "/session",
            Op::SessionStart,
            "signIn",
            "session",
            Auth::Public,
            &[],
            "Sign in",
            "Opens the staff member's signing key with their password (Argon2id) and starts a session: sets the HttpOnly, SameSite=Strict `recourse_session` cookie and answers the CSRF token to send in `X-CSRF-Token` with every call that changes something. Rate limited per address.",
            Some(LOGIN_FIELDS),
            &[],
            ok(200, schema_of::<staff::SessionView>, "Signed in (the cookie is set)."),
            E_LOGIN,
        ),
        define(
            M::GET,
            "/session",
            Op::SessionGet,
            "getSession",
            "session",
            Auth::Session,
            &[],
            "Who is signed in",
            "The signed-in staff member, their roles and the session's CSRF token.",
            None,
            &[],
            ok(200, schema_of::<staff::SessionView>, "The session."),
            E_SESSION,
        ),
        define(
            M::DELETE,
            "/session",
            Op::SessionEnd,
            "signOut",
            "session",
            Auth::SessionCsrf,
            &[],
            "Sign out",
            "Ends the session and clears its cookie.",
            None,
            &[],
            Success {
                status: 204,
                schema: None,
                about: "Signed out.",
            },
            E_LOGOUT,
        ),
        define(
            M::GET,
            "/staff",
            Op::StaffList,
            "listStaff",
            "staff",
            Auth::Session,
            DIRECTORY_ROLES,
            "The staff directory",
            "Staff members with their names and roles: whom to assign, who owns an action.",
            None,
            &[],
            ok(200, schema_of::<responses::StaffList>, "The staff."),
            E_STAFF_READ,
        ),
        define(
            M::GET,
            "/queue",
            Op::Queue,
            "getQueue",
            "cases",
            Auth::Session,
            QUEUE_READERS,
            "The work queue",
            "Cases being handled (filed, acknowledged, under review, decided, under appeal) with their service-level clocks and overdue flags, most pressing first: only the cases the caller may read (a board member, only the complaints about the director or the chair that the settings route to the board).",
            None,
            QUEUE_QUERY,
            ok(200, schema_of::<responses::Queue>, "The queue."),
            E_STAFF_READ,
        ),
        define(
            M::GET,
            "/cases/{id}",
            Op::CaseGet,
            "getCase",
            "cases",
            Auth::Session,
            COMMITTEE,
            "A case: facts, clocks and timeline",
            "The case's clear facts, its clocks, and its timeline with each event's verification (signature by a registered key, link in the case's chain); sealed fields are named, never shown. Also what the signed-in person may do now, as the rules decide. Refused to staff with a conflict on the case.",
            None,
            &[],
            ok(200, schema_of::<staff::CaseView>, "The case."),
            E_CASE_READ,
        ),
        define(
            M::POST,
            "/cases/{id}/open",
            Op::CaseOpen,
            "openCase",
            "cases",
            Auth::SessionCsrf,
            COMMITTEE,
            "Open the sealed data",
            "Records `file.viewed` with the purpose (refused to conflicted staff; audit views are for auditors and the chair; a case triaged as sensitive opens only for its assigned reviewer, the chair, and intake for handling or a client's request, and a refused attempt is recorded as `file.view_refused`), then answers the opened texts.",
            Some(OPEN_FIELDS),
            &[],
            ok(200, schema_of::<responses::OpenedFile>, "The opened texts."),
            E_CASE_WRITE,
        ),
        define(
            M::GET,
            "/cases/{id}/access-log",
            Op::AccessLog,
            "getAccessLog",
            "cases",
            Auth::Session,
            COMMITTEE,
            "Who opened the file, and why",
            "Every recorded opening of the case's sealed data, oldest first, and whether the viewer had any part in the case before.",
            None,
            &[],
            ok(200, schema_of::<responses::AccessLog>, "The access log."),
            E_CASE_READ,
        ),
        define(
            M::GET,
            "/cases/{id}/attachments",
            Op::Attachments,
            "listAttachments",
            "cases",
            Auth::Session,
            COMMITTEE,
            "The files attached to a case",
            "Every document or photo attached to the case, oldest first: who attached it, when, its type as its content was checked, its size, and whether the case was erased. Nothing sealed is opened; a file is opened on the case page, through a recorded opening.",
            None,
            &[],
            ok(200, schema_of::<responses::Attachments>, "The attachments."),
            E_CASE_READ,
        ),
    ]);
    for a in ACTIONS {
        r.push(define(
            M::POST,
            format!("/cases/{{id}}/actions/{}", a.slug),
            Op::CaseAction(a),
            format!("case{}", camel(a.slug)),
            "case actions",
            Auth::SessionCsrf,
            a.roles,
            a.summary,
            format!(
                "{} Recorded as `{}`, signed by the signed-in staff member's own key. Allowed to: {}; the rules then decide (who holds the case, conflicts, the case's state).",
                a.about,
                a.event,
                a.roles
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Some(staff::body_of(a)),
            &[],
            ok(200, schema_of::<staff::ActionResult>, "Recorded."),
            E_CASE_WRITE,
        ));
    }
    r.push(define(
        M::GET,
        "/dashboard",
        Op::Dashboard,
        "getDashboard",
        "board",
        Auth::Session,
        DASHBOARD_ROLES,
        "The board's dashboard",
        "Volumes, timeliness, outcomes, corrective actions, rights and framework areas, satisfaction, by period and broken down by program, site, service stream, channel, language, right and framework area. Never personal data.",
        None,
        DASHBOARD_QUERY,
        ok(200, schema_of::<responses::DashboardReport>, "The report."),
        E_STAFF_READ,
    ));
    r
}

fn camel(slug: &str) -> String {
    slug.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

static ROUTES: LazyLock<Vec<Route>> = LazyLock::new(build_routes);

/// Every operation of the API.
pub fn routes() -> &'static [Route] {
    &ROUTES
}

/// A JSON error answer like [`WebError::json`], for statuses `WebError` does not name.
pub fn error(status: StatusCode, code: &str, message: &str) -> Response {
    Response::json(&serde_json::json!({ "error": { "code": code, "message": message } }))
        .status(status)
}

/// An answer with no content.
pub fn no_content() -> Response {
    Response {
        status: StatusCode::NO_CONTENT,
        headers: HeaderMap::new(),
        body: Vec::new(),
    }
}

/// Checks the `X-CSRF-Token` header against the session's token (constant time).
pub fn check_csrf(ctx: &Ctx) -> Result<(), WebError> {
    let session = ctx.staff()?;
    match ctx
        .req
        .headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
    {
        Some(t) if same_secret(t.trim(), &session.csrf) => Ok(()),
        _ => Err(WebError::Csrf),
    }
}

/// Routes an API call (`rest`: the path after `/api/v1`).
pub async fn route(ctx: &Ctx<'_>, rest: &[&str]) -> Result<Response, WebError> {
    let method = if ctx.req.method == Method::HEAD {
        Method::GET
    } else {
        ctx.req.method.clone()
    };
    let mut allow = Vec::new();
    for r in routes() {
        let Some(id) = r.matches(rest) else { continue };
        if r.method == method {
            let span = tracing::info_span!("api", op = %r.operation_id);
            return call(ctx, r, id).instrument(span).await;
        }
        allow.push(r.method.as_str());
    }
    if allow.is_empty() {
        return Err(WebError::NotFound);
    }
    let allow = allow.join(", ");
    let mut response = error(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        &format!("this path answers {allow}"),
    );
    if let Ok(v) = HeaderValue::from_str(&allow) {
        response.headers.insert(header::ALLOW, v);
    }
    Ok(response)
}

async fn call(ctx: &Ctx<'_>, r: &Route, id: Option<&str>) -> Result<Response, WebError> {
    // Who first (401, then 403 for the CSRF token, then 403 for the role), then the input.
    match r.auth {
        Auth::Public | Auth::PublicOrStaff => {}
        Auth::Session => {
            ctx.staff()?;
        }
        Auth::SessionCsrf => check_csrf(ctx)?,
    }
    // Whom escalated cases are routed to (board members, an external reviewer) reach the case
    // calls and the queue whatever their roles: the reader check and the rules decide each case
    // (`recourse_projections::case::escalation`), and the queue lists only what they may read.
    let escalation_door = (r.path == "/queue" || r.path.starts_with("/cases/{id}"))
        && ctx.session.as_ref().is_some_and(|s| {
            let handler = ctx.app.service.read(|m| {
                recourse_projections::case::escalation::escalation_handler(m.org(), s.staff)
            });
            handler
                && (r.path == "/queue"
                    || id
                        .and_then(|id| id.parse().ok())
                        .is_some_and(|case| ctx.app.service.case_for_reader(s.staff, case).is_ok()))
        });
    if !r.roles.is_empty() && !escalation_door {
        ctx.staff_with(r.roles)?;
    }
    let query = fields::query(&ctx.req.query(), r.query)?;
    let body = match r.body {
        Some(fields) => fields::body(ctx.req, fields)?,
        None if ctx.req.method == Method::GET || ctx.req.method == Method::HEAD => Input::default(),
        None => fields::body(ctx.req, &[])?,
    };
    let id = id.unwrap_or_default();
    match r.op {
        Op::OpenApi => Ok(Response::json(openapi::document())),
        Op::Options => client::options(ctx),
        Op::FileComplaint => client::file(ctx, &body).await,
        Op::Track => client::track(ctx, &body).await,
        Op::TrackAct(action) => client::act(ctx, action, &body).await,
        Op::SessionGet => staff::session(ctx),
        Op::SessionStart => staff::sign_in(ctx, &body).await,
        Op::SessionEnd => staff::sign_out(ctx),
        Op::StaffList => staff::directory(ctx),
        Op::Queue => staff::queue(ctx, &query),
        Op::CaseGet => staff::case(ctx, id).await,
        Op::CaseOpen => staff::open(ctx, id, &body).await,
        Op::CaseAction(spec) => staff::act(ctx, id, spec, &body).await,
        Op::AccessLog => staff::access_log(ctx, id),
        Op::Attachments => staff::attachments(ctx, id),
        Op::Dashboard => staff::dashboard(ctx, &query),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_parse<T: serde::de::DeserializeOwned>(values: &[&str]) {
        for v in values {
            serde_json::from_value::<T>(serde_json::Value::String(v.to_string()))
                .unwrap_or_else(|_| panic!("{v} is not a value of its enum"));
        }
    }

    #[test]
    fn the_choice_lists_are_the_enums_values() {
        all_parse::<Channel>(CHANNELS);
        all_parse::<ContactPreference>(CONTACTS);
        all_parse::<Accommodation>(ACCOMMODATIONS);
        all_parse::<Purpose>(PURPOSES);
        all_parse::<ConflictKind>(CONFLICTS);
        all_parse::<Audience>(AUDIENCES);
        all_parse::<Urgency>(URGENCIES);
        all_parse::<Outcome>(OUTCOMES);
        all_parse::<AppealOutcome>(APPEAL_OUTCOMES);
        all_parse::<recourse_projections::dashboard::Granularity>(GRANULARITIES);
        all_parse::<Role>(ROLES);
        assert_eq!(Outcome::ALL.len(), OUTCOMES.len() + 1);
        assert!(
            !OUTCOMES.contains(&"withdrawn"),
            "withdrawing is the client's"
        );
        assert_eq!(Role::ALL.len(), ROLES.len());
    }

    #[test]
    fn paths_and_operation_ids_are_unique_and_match_themselves() {
        let mut seen = std::collections::HashSet::new();
        for r in routes() {
            assert!(
                seen.insert((r.method.clone(), r.path.clone())),
                "{}",
                r.path
            );
            let segs: Vec<&str> = r
                .segments()
                .map(|s| if s == "{id}" { "x" } else { s })
                .collect();
            // The first route matching its own path is itself: no route hides another.
            let first = routes()
                .iter()
                .find(|o| o.method == r.method && o.matches(&segs).is_some())
                .unwrap();
            assert_eq!(first.operation_id, r.operation_id);
        }
        let ids: std::collections::HashSet<_> = routes().iter().map(|r| &r.operation_id).collect();
        assert_eq!(ids.len(), routes().len());
    }
}
