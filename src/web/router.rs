//! Routes: one table from (method, path) to handler. Handlers get a [`Ctx`] (the request, the
//! page language, the signed-in staff member if any, the CSRF token) and return a response or a
//! [`WebError`], which is rendered here.

use std::sync::Arc;

use warp::http::Method;

use super::error::WebError;
use super::http::{Request, Response};
use super::i18n::{Tr, negotiate};
use super::limits::Wait;
use super::pages::{self, layout};
use super::session::{CSRF_COOKIE, SESSION_COOKIE, Session, new_token, same_secret};
use super::{App, api};
use recourse_events::org::Role;

/// Language cookie name.
pub const LANG_COOKIE: &str = "recourse_lang";

/// What a handler knows about the request.
pub struct Ctx<'a> {
    /// The application.
    pub app: &'a Arc<App>,
    /// The request.
    pub req: &'a Request,
    /// The page language.
    pub tr: Tr,
    /// The signed-in staff member.
    pub session: Option<Session>,
    /// The CSRF token forms must carry (the session's, or the visitor cookie's).
    pub csrf: String,
    /// Set the visitor's CSRF cookie on the response (first visit).
    new_csrf_cookie: bool,
}

impl Ctx<'_> {
    /// The signed-in staff member, or `Unauthorized`.
    pub fn staff(&self) -> Result<&Session, WebError> {
        self.session.as_ref().ok_or(WebError::Unauthorized)
    }

    /// The signed-in staff member holding one of `roles`, or `Forbidden`.
    pub fn staff_with(&self, roles: &[Role]) -> Result<&Session, WebError> {
        let s = self.staff()?;
        let held = self.app.service.read(|m| m.org().roles(s.staff));
        if roles.iter().any(|r| held.contains(r)) {
            Ok(s)
        } else {
            Err(WebError::Forbidden(self.tr.t("error-role")))
        }
    }

    /// The signed-in staff member as the one who acts (their actor and signing key), or
    /// `Unauthorized`.
    pub fn acting(&self) -> Result<crate::service::Acting, WebError> {
        let s = self.staff()?;
        Ok(crate::service::Acting {
            actor: recourse_projections::actor::Actor::Staff(s.staff),
            key: s.key.clone(),
        })
    }

    /// Checks the form's CSRF token (constant time).
    pub fn check_csrf(&self, form: &super::http::Form) -> Result<(), WebError> {
        match form.get("csrf") {
            Some(t) if same_secret(t, &self.csrf) => Ok(()),
            _ => Err(WebError::Csrf),
        }
    }

    /// Whether cookies get the `Secure` flag.
    pub fn secure(&self) -> bool {
        self.app.config.secure_cookies
    }
}

fn context<'a>(app: &'a Arc<App>, req: &'a Request) -> Ctx<'a> {
    let offered = app.service.read(|m| m.org().settings.languages.clone());
    let chosen = req
        .query()
        .get("lang")
        .map(String::from)
        .or_else(|| req.cookie(LANG_COOKIE));
    let lang = negotiate(
        chosen.as_deref(),
        req.header(warp::http::header::ACCEPT_LANGUAGE),
        &offered,
        &app.catalog,
    );
    let tr = Tr::new(app.catalog.clone(), &lang);
    let session = req
        .cookie(SESSION_COOKIE)
        .and_then(|t| app.sessions.get(&t));
    let visitor = req.cookie(CSRF_COOKIE).filter(|c| c.len() == 43);
    let (csrf, new_csrf_cookie) = match (&session, visitor) {
        (Some(s), _) => (s.csrf.clone(), false),
        (None, Some(c)) => (c, false),
        (None, None) => (new_token(), true),
    };
    Ctx {
        app,
        req,
        tr,
        session,
        csrf,
        new_csrf_cookie,
    }
}

/// Routes a request and renders errors.
pub async fn route(app: &Arc<App>, req: &Request) -> Response {
    let ctx = context(app, req);
    let result = dispatch(&ctx).await;
    let mut response = match result {
        Ok(r) => r,
        Err(e) => render_error(&ctx, e),
    };
    if ctx.new_csrf_cookie && !req.path.starts_with("/api/") && !req.path.starts_with("/ledger/") {
        response = response.cookie(CSRF_COOKIE, &ctx.csrf, None, ctx.secure());
    }
    if let Some(lang) = req.query().get("lang").filter(|l| *l == ctx.tr.lang) {
        response = response.cookie(LANG_COOKIE, lang, Some(365 * 24 * 3600), ctx.secure());
    }
    response
}

fn render_error(ctx: &Ctx, e: WebError) -> Response {
    // A limit that did not say how long: its whole window, the longest the wait can be.
    let e = match e {
        WebError::TooMany => WebError::Throttled(Wait(ctx.app.limiter.limits().window)),
        e => e,
    };
    if let WebError::Internal(detail) = &e {
        tracing::error!(path = %ctx.req.path.split('/').take(3).collect::<Vec<_>>().join("/"), error = %detail, "request failed");
    }
    if ctx.req.wants_json() {
        return e.json_in(&ctx.tr);
    }
    if ctx.req.path.starts_with("/ledger/") || ctx.req.path == "/metrics" {
        // Machine endpoints: a status, never a sign-in page.
        let status = e.status();
        let mut r = Response::text(status.canonical_reason().unwrap_or("error")).status(status);
        if matches!(e, WebError::Unauthorized) {
            r = r.header(warp::http::header::WWW_AUTHENTICATE, "Bearer");
        }
        return e.headers(r);
    }
    if matches!(e, WebError::Unauthorized) {
        return Response::redirect(&format!("/staff/login?next={}", urlencode(&ctx.req.path)));
    }
    e.headers(pages::errors::page(ctx, &e).status(e.status()))
}

/// Percent-encodes a path for a query value.
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn dispatch(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let req = ctx.req;
    let segs = req.segments();
    let get = req.method == Method::GET || req.method == Method::HEAD;
    let post = req.method == Method::POST;
    match (segs.as_slice(), get, post) {
        ([], true, _) => pages::public::landing(ctx),
        (["complain"], true, _) => pages::public::complain_form(ctx),
        (["complain"], _, true) => pages::public::complain_post(ctx).await,
        (["complain", "receipt"], true, _) => pages::public::receipt(ctx).await,
        (["receipt"], _, true) => pages::public::receipt_file(ctx).await,
        (["track"], true, _) => pages::track::form(ctx),
        (["track"], _, true) => pages::track::show(ctx).await,
        (["track", "case"], true, _) => pages::track::case(ctx).await,
        (["track", "done"], _, true) => pages::track::done(ctx),
        (["track", "attach"], _, true) => pages::track::attach(ctx).await,
        (["track", "attachment"], _, true) => pages::track::download(ctx).await,
        (["track", action], _, true) => pages::track::act(ctx, action).await,
        (["static", file], true, _) => pages::ops::asset(file),
        (["logo", id], true, _) => pages::identity::logo(ctx, id),
        (["healthz"], true, _) => pages::ops::healthz(ctx).await,
        (["metrics"], true, _) => pages::ops::metrics(ctx).await,

        (["staff", "login"], true, _) => pages::staff::login_form(ctx),
        (["staff", "login"], _, true) => pages::staff::login(ctx).await,
        (["staff", "logout"], _, true) => pages::staff::logout(ctx),
        (["staff", "setup", token], true, _) => pages::staff::setup_form(ctx, token),
        (["staff", "setup", token], _, true) => pages::staff::setup(ctx, token).await,
        (["staff", "password"], true, _) => pages::staff::password_form(ctx),
        (["staff", "password"], _, true) => pages::staff::password(ctx).await,
        (["staff"], true, _) => pages::queue::queue(ctx),
        (["staff", "file"], true, _) => pages::case::file_form(ctx),
        (["staff", "file"], _, true) => pages::case::file(ctx).await,
        (["staff", "case", id], true, _) => pages::case::show(ctx, id).await,
        (["staff", "case", id, "verify"], true, _) => pages::case::verify(ctx, id).await,
        (["staff", "audit"], true, _) => pages::audit::page(ctx),
        (["staff", "audit", "bundle"], true, _) => pages::audit::bundle(ctx).await,
        (["staff", "case", id, "open"], _, true) => pages::case::open(ctx, id).await,
        (["staff", "case", id, "close"], true, _) => pages::case::close_form(ctx, id).await,
        (["staff", "case", id, "attach"], _, true) => pages::case::attach(ctx, id).await,
        (["staff", "case", id, "attachment", file], _, true) => {
            pages::case::download(ctx, id, file).await
        }
        (["staff", "case", id, action], _, true) => pages::case::act(ctx, id, action).await,
        (["staff", "admin"], true, _) => pages::admin::page(ctx).await,
        (["staff", "admin", "logo"], _, true) => pages::admin::logo(ctx).await,
        (["staff", "admin", "witnesses"], true, _) => pages::witnesses::page(ctx),
        (["staff", "admin", "witnesses", "add"], _, true) => pages::witnesses::add(ctx).await,
        (["staff", "admin", "witnesses", "remove"], _, true) => pages::witnesses::remove(ctx).await,
        (["staff", "admin", action], _, true) => pages::admin::act(ctx, action).await,

        (["board"], true, _) => pages::board::dashboard(ctx),
        (["board", "export.csv"], true, _) => pages::board::csv(ctx),
        (["board", "export.json"], true, _) => pages::board::json(ctx),
        (["board", "transparency"], true, _) => pages::transparency::board(ctx),
        (["board", "transparency"], _, true) => pages::transparency::publish(ctx).await,
        (["transparency"], true, _) => pages::transparency::public(ctx, None),
        (["transparency", id], true, _) => pages::transparency::public(ctx, Some(id)),
        (["board", "reviews"], true, _) => pages::review::list(ctx),
        (["board", "reviews"], _, true) => pages::review::open(ctx).await,
        (["board", "reviews", id], true, _) => pages::review::page(ctx, id),
        (["board", "reviews", id, "report"], true, _) => pages::review::report(ctx, id),
        (["board", "reviews", id, "cases"], true, _) => pages::review::cases(ctx, id),
        (["board", "reviews", id, "export.csv"], true, _) => pages::review::csv(ctx, id),
        (["board", "reviews", id, "export.json"], true, _) => pages::review::json(ctx, id),
        (["board", "reviews", id, action], _, true) => pages::review::act(ctx, id, action).await,
        (["board", "systemic"], true, _) => pages::systemic::list(ctx),
        (["board", "systemic"], _, true) => pages::systemic::create(ctx).await,
        (["board", "systemic", "new"], true, _) => pages::systemic::new_form(ctx),
        (["board", "systemic", id], true, _) => pages::systemic::show(ctx, id),
        (["board", "systemic", id, action], _, true) => pages::systemic::act(ctx, id, action).await,

        (["ledger", "checkpoint"], true, _) => pages::ledger::checkpoint(ctx).await,
        (["ledger", "tile", ..], true, _) => pages::ledger::tile(ctx).await,

        (["api", "v1", rest @ ..], _, _) => api::route(ctx, rest).await,
        _ => Err(WebError::NotFound),
    }
}

/// The layout of a page titled by message `title`.
pub fn layout(ctx: &Ctx, title_id: &str) -> layout::Layout {
    layout::Layout::new(ctx, title_id)
}
