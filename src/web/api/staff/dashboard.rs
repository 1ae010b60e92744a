//! The board's dashboard through the API: the range rule and the report are the application's
//! ([`Service::dashboard`](crate::service::Service::dashboard)), as on the page.

use serde_json::{Map, Value, json};

use super::snake;
use crate::web::api::fields::Input;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// The board's dashboard.
pub(in crate::web::api) fn dashboard(ctx: &Ctx, query: &Input) -> Result<Response, WebError> {
    let ask = crate::service::DashboardAsk {
        granularity: query.choice("granularity")?,
        from: query.date("from"),
        to: query.date("to"),
    };
    let crate::service::DashboardReport {
        query: q,
        report,
        generated_at: now,
        ..
    } = ctx.app.service.dashboard(&ask)?;
    let metrics = |m| serde_json::to_value(m).unwrap_or_default();
    let periods: Vec<Value> = report
        .periods
        .iter()
        .map(|(p, m)| json!({ "period": p.to_string(), "metrics": metrics(m) }))
        .collect();
    let breakdowns: Map<String, Value> = report
        .breakdowns
        .iter()
        .map(|(dim, rows)| {
            (
                snake(dim),
                Value::Array(
                    rows.iter()
                        .map(|(value, m)| json!({ "value": value, "metrics": metrics(m) }))
                        .collect(),
                ),
            )
        })
        .collect();
    Ok(Response::json(&json!({
        "query": q,
        "generated_at": now,
        "periods": periods,
        "total": metrics(&report.total),
        "breakdowns": breakdowns,
    })))
}
