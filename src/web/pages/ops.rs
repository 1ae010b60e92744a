//! Operations: static assets, health and metrics.
//!
//! `/metrics` tells how busy the office is and how many staff are signed in: it is answered to
//! clients on this machine (a loopback address, with no `X-Forwarded-For`, so that a proxy on
//! this machine does not make every visitor local) and to those presenting
//! `Authorization: Bearer <RECOURSE_METRICS_TOKEN>` (compared in constant time); others get 404
//! when no token is set (nothing to see here), 401 when one is.

use warp::http::StatusCode;

use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;
use crate::web::session::same_secret;

/// The stylesheet and the progressive-enhancement script, compiled in.
pub fn asset(file: &str) -> Result<Response, WebError> {
    match file {
        "style.css" => Ok(Response::new(
            StatusCode::OK,
            "text/css; charset=utf-8",
            include_str!("../../../static/style.css"),
        )),
        "app.js" => Ok(Response::new(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            include_str!("../../../static/app.js"),
        )),
        "audit.js" => Ok(Response::new(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            include_str!("../../../static/audit.js"),
        )),
        _ => Err(WebError::NotFound),
    }
}

/// Liveness and readiness: the store answers and the read model is current.
pub async fn healthz(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let size = ctx
        .app
        .service
        .store()
        .size()
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let folded = ctx.app.service.read(|m| m.position());
    let verification = ctx.app.service.verification();
    let failed = matches!(verification, crate::service::Verification::Failed { .. });
    let body = serde_json::json!({
        "status": if failed { "failing" } else { "ok" },
        "ledger_entries": size,
        "read_model_position": folded,
        "verification": verification,
        "witnesses": ctx.app.service.cosigning().status(),
    });
    let response = Response::json(&body);
    Ok(if failed {
        response.status(warp::http::StatusCode::SERVICE_UNAVAILABLE)
    } else {
        response
    })
}

/// Whether this request may read the metrics (see the module's documentation).
fn may_see_metrics(ctx: &Ctx) -> Result<(), WebError> {
    let req = ctx.req;
    if let Some(token) = ctx
        .app
        .config
        .metrics_token
        .as_deref()
        .filter(|t| !t.is_empty())
    {
        let offered = req
            .header(warp::http::header::AUTHORIZATION)
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        if offered.is_some_and(|o| same_secret(o, token)) {
            return Ok(());
        }
    }
    let forwarded = req.headers.contains_key("x-forwarded-for")
        || req.headers.contains_key(warp::http::header::FORWARDED);
    if req.remote.is_some_and(|a| a.to_canonical().is_loopback()) && !forwarded {
        return Ok(());
    }
    match ctx.app.config.metrics_token {
        Some(_) => Err(WebError::Unauthorized),
        None => Err(WebError::NotFound),
    }
}

/// Prometheus metrics.
pub async fn metrics(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    may_see_metrics(ctx)?;
    let size = ctx
        .app
        .service
        .store()
        .size()
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let cases = ctx.app.service.read(|m| m.case_count());
    Ok(ctx.app.metrics.render(
        size,
        cases,
        ctx.app.sessions.len(),
        ctx.app.started.elapsed(),
    ))
}
