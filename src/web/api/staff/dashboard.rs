//! The board's dashboard through the API: the range rule and the report are the application's
//! ([`Service::dashboard`](crate::service::Service::dashboard)), as on the page, and so are its
//! suppressed groups: `suppressed: true` and `metrics: null`.

use crate::web::api::fields::Input;
use crate::web::api::responses::{DashboardReport as DashboardBody, GroupFigures, PeriodFigures};
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
    let systemic = report.systemic;
    let periods = report
        .periods
        .into_iter()
        .zip(systemic.periods)
        .map(|((p, metrics), systemic)| PeriodFigures {
            period: p.to_string(),
            metrics,
            systemic,
        })
        .collect();
    let breakdowns = report
        .breakdowns
        .into_iter()
        .map(|(dim, rows)| {
            let groups = rows
                .into_iter()
                .map(|g| GroupFigures {
                    value: g.value,
                    suppressed: g.suppressed,
                    metrics: g.metrics,
                })
                .collect();
            (dim, groups)
        })
        .collect();
    Ok(Response::json(&DashboardBody {
        query: q,
        generated_at: now,
        periods,
        total: report.total,
        min_cell: report.min_cell,
        breakdowns,
        systemic: systemic.total,
    }))
}
