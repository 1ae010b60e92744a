//! Staff sessions through the API: who is signed in, signing in (the session cookie and the
//! CSRF token) and signing out. The sign-in rule is the application's
//! ([`Administration::sign_in`](crate::service::Administration::sign_in)), as on the sign-in page.

use serde::Serialize;
use warp::http::StatusCode;

use super::views::{StaffView, staff_view};
use crate::service::SignInError;
use crate::web::api::fields::Input;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;
use crate::web::session::SESSION_COOKIE;

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Session")]
pub(in crate::web::api) struct SessionView {
    staff: StaffView,
    #[schemars(
        description = "Send it in the X-CSRF-Token header with every call that changes something."
    )]
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
    let result = ctx.app.administration().sign_in(&login, &password).await;
    if matches!(result, Ok(_) | Err(SignInError::Inactive)) {
        // The password was right (even for an account that no longer signs anything).
        ctx.app.limiter.sign_in_succeeded(&login);
    }
    match result {
        Ok(signed_in) => {
            let body = SessionView {
                staff: staff_view(ctx, signed_in.staff),
                csrf: signed_in.csrf,
            };
            Ok(Response::json(&body).cookie(SESSION_COOKIE, &signed_in.token, None, ctx.secure()))
        }
        Err(e @ SignInError::BadCredentials) => {
            ctx.app.limiter.sign_in_failed(ctx.req.remote, Some(&login));
            Ok(super::super::error(
                StatusCode::UNAUTHORIZED,
                "bad_credentials",
                &e.to_string(),
            ))
        }
        // A departed member, or a revoked key: the account no longer signs anything.
        Err(SignInError::Inactive) => Err(WebError::Forbidden(ctx.tr.t("login-inactive"))),
        Err(e) => Err(e.into()),
    }
}

/// Signs out.
pub(in crate::web::api) fn sign_out(ctx: &Ctx) -> Result<Response, WebError> {
    if let Some(token) = ctx.req.cookie(SESSION_COOKIE) {
        ctx.app.sessions.end(&token);
    }
    Ok(super::super::no_content().cookie(SESSION_COOKIE, "", Some(0), ctx.secure()))
}
