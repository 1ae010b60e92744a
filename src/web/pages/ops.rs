//! Operations: static assets, health and metrics.

use warp::http::StatusCode;

use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

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
    });
    let response = Response::json(&body);
    Ok(if failed {
        response.status(warp::http::StatusCode::SERVICE_UNAVAILABLE)
    } else {
        response
    })
}

/// Prometheus metrics.
pub async fn metrics(ctx: &Ctx<'_>) -> Result<Response, WebError> {
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
