//! Staff sessions through the API: who is signed in, signing in (the session cookie and the
//! CSRF token) and signing out. Moved here unchanged from `api/staff.rs`.

use serde::Serialize;
use warp::http::StatusCode;

use super::views::{StaffView, staff_view};
use crate::web::api::fields::Input;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;
use crate::web::session::SESSION_COOKIE;

#[derive(Serialize)]
struct SessionView {
    staff: StaffView,
    csrf: String,
}

/// Who is signed in.
pub(in crate::web::api) fn session(ctx: &Ctx) -> Result<Response, WebError> {
    let s = ctx.staff()?;
    Ok(Response::json(&SessionView {
        staff: staff_view(ctx, s.staff),
        csrf: s.csrf.clone(),
    }))
}

/// Signs in: sets the session cookie, answers the CSRF token.
pub(in crate::web::api) async fn sign_in(
    ctx: &Ctx<'_>,
    input: &Input,
) -> Result<Response, WebError> {
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
            return Ok(super::super::error(
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
pub(in crate::web::api) fn sign_out(ctx: &Ctx) -> Result<Response, WebError> {
    if let Some(token) = ctx.req.cookie(SESSION_COOKIE) {
        ctx.app.sessions.end(&token);
    }
    Ok(super::super::no_content().cookie(SESSION_COOKIE, "", Some(0), ctx.secure()))
}
