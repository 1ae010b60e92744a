//! The board's dashboard through the API. Moved here unchanged from `api/staff.rs`.

use jiff::Span;
use recourse_projections::dashboard::{Granularity, Query};
use serde_json::{Map, Value, json};

use super::{bad, snake};
use crate::web::api::fields::Input;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// The board's dashboard.
pub(in crate::web::api) fn dashboard(ctx: &Ctx, query: &Input) -> Result<Response, WebError> {
    let now = ctx.app.service.now();
    let today = ctx.app.service.read(|m| m.clocks().local_date(now));
    let granularity: Granularity = query.choice("granularity")?.unwrap_or(Granularity::Quarter);
    let to = query.date("to").unwrap_or(today);
    let from = match query.date("from") {
        Some(d) => d,
        None => to
            .checked_sub(Span::new().years(2))
            .map_err(|_| bad("to: out of range"))?,
    };
    if from > to {
        return Err(bad("from: must not be after to"));
    }
    if i32::from(to.year()) - i32::from(from.year()) > 50 {
        return Err(bad("from: at most 50 years before to"));
    }
    let q = Query {
        granularity,
        from,
        to,
    };
    let report = ctx.app.service.read(|m| m.dashboard(&q, now));
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
