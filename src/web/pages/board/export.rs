//! The CSV and JSON exports: the same figures as the page, for the same roles and period, as
//! files to download. CSV: a header row, one row per period and the total, the targets in
//! force in their own columns (no breakdown, so nothing to suppress). JSON: the query, the
//! targets and the published report as the projections serialize it: each group of a
//! breakdown `{ value, suppressed, metrics }`, `metrics` null when suppressed.

use std::fmt::Write as _;

use jiff::civil::Date;
use recourse_events::case::Outcome;
use recourse_projections::dashboard::Metrics;
use warp::http::{StatusCode, header};

use super::ROLES;
use super::form::report;
use crate::service::DashboardReport;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// A named CSV column.
type Column = (String, Box<dyn Fn(&Metrics) -> String>);

/// The report of an export request (same roles and parameters as the page), or why not.
fn export_report(ctx: &Ctx) -> Result<DashboardReport, WebError> {
    ctx.staff_with(ROLES)?;
    report(ctx, &ctx.req.query())
}

/// A CSV field, quoted when it must be (RFC 4180).
fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The columns of the CSV export after `period,from,to`: the [`Metrics`] field names, and
/// one `outcome_<name>` column per outcome (the targets in force follow, in `csv`).
fn csv_columns() -> Vec<Column> {
    fn c(n: u32) -> String {
        n.to_string()
    }
    fn o(x: Option<f64>) -> String {
        x.map(|x| x.to_string()).unwrap_or_default()
    }
    type Col = (&'static str, fn(&Metrics) -> String);
    let before: [Col; 11] = [
        ("received", |m| c(m.received)),
        ("open", |m| c(m.open)),
        ("acknowledged", |m| c(m.acknowledged)),
        ("acknowledged_within_target_pct", |m| {
            o(m.acknowledged_within_target_pct)
        }),
        ("median_days_to_acknowledge", |m| {
            o(m.median_days_to_acknowledge)
        }),
        ("p90_days_to_acknowledge", |m| o(m.p90_days_to_acknowledge)),
        ("decided", |m| c(m.decided)),
        ("decided_within_target_pct", |m| {
            o(m.decided_within_target_pct)
        }),
        ("median_days_to_decide", |m| o(m.median_days_to_decide)),
        ("p90_days_to_decide", |m| o(m.p90_days_to_decide)),
        ("appealed", |m| c(m.appealed)),
    ];
    let after: [Col; 17] = [
        ("appeal_rate_pct", |m| o(m.appeal_rate_pct)),
        ("reopened", |m| c(m.reopened)),
        ("reopen_rate_pct", |m| o(m.reopen_rate_pct)),
        ("actions_opened", |m| c(m.actions_opened)),
        ("actions_overdue", |m| c(m.actions_overdue)),
        ("actions_verified", |m| c(m.actions_verified)),
        ("actions_waived", |m| c(m.actions_waived)),
        ("recusals", |m| c(m.recusals)),
        ("satisfaction_responses", |m| c(m.satisfaction.responses)),
        ("satisfaction_average_rating", |m| {
            o(m.satisfaction.average_rating)
        }),
        ("satisfaction_explained_pct", |m| {
            o(m.satisfaction.explained_pct)
        }),
        ("satisfaction_fair_pct", |m| o(m.satisfaction.fair_pct)),
        ("anonymous", |m| c(m.anonymous)),
        ("anonymous_returned_pct", |m| o(m.anonymous_returned_pct)),
        ("views", |m| c(m.views)),
        ("outsider_views", |m| c(m.outsider_views)),
        ("erased", |m| c(m.erased)),
    ];
    let mut cols: Vec<Column> = Vec::new();
    for (name, f) in before {
        cols.push((name.to_owned(), Box::new(f)));
    }
    for outcome in Outcome::ALL {
        let key = outcome.as_str();
        cols.push((
            format!("outcome_{key}"),
            Box::new(move |m: &Metrics| c(m.outcomes.get(key).copied().unwrap_or(0))),
        ));
    }
    for (name, f) in after {
        cols.push((name.to_owned(), Box::new(f)));
    }
    cols
}

/// The CSV export: a header row, one row per period, and the total.
pub fn csv(ctx: &Ctx) -> Result<Response, WebError> {
    let DashboardReport {
        query,
        report,
        acknowledge_business_days,
        decide_calendar_days,
        ..
    } = export_report(ctx)?;
    let targets = (acknowledge_business_days, decide_calendar_days);
    let cols = csv_columns();
    let mut out = String::with_capacity(256 * (report.periods.len() + 2));
    out.push_str("period,from,to");
    for (name, _) in &cols {
        out.push(',');
        out.push_str(name);
    }
    out.push_str(",target_acknowledge_business_days,target_decide_calendar_days\r\n");
    let mut row = |period: &str, from: Date, to: Date, m: &Metrics| {
        csv_field(&mut out, period);
        let _ = write!(out, ",{from},{to}");
        for (_, f) in &cols {
            out.push(',');
            csv_field(&mut out, &f(m));
        }
        let _ = write!(out, ",{},{}\r\n", targets.0, targets.1);
    };
    for (p, m) in &report.periods {
        let from = p.start().max(query.from);
        let to = p.end().min(query.to);
        row(&p.to_string(), from, to, m);
    }
    row("total", query.from, query.to, &report.total);
    Ok(
        Response::new(StatusCode::OK, "text/csv; charset=utf-8", out).header(
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"recourse-dashboard.csv\"",
        ),
    )
}

/// The JSON export: the query, the targets in force, and the published report as the
/// projections serialize it.
pub fn json(ctx: &Ctx) -> Result<Response, WebError> {
    let DashboardReport {
        query,
        report,
        acknowledge_business_days,
        decide_calendar_days,
        ..
    } = export_report(ctx)?;
    let targets = (acknowledge_business_days, decide_calendar_days);
    let body = serde_json::json!({
        "query": query,
        "targets": {
            "acknowledge_business_days": targets.0,
            "decide_calendar_days": targets.1,
        },
        "report": report,
    });
    Ok(Response::json(&body).header(
        header::CONTENT_DISPOSITION,
        "attachment; filename=\"recourse-dashboard.json\"",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        let mut s = String::new();
        csv_field(&mut s, "a,\"b\"");
        assert_eq!(s, "\"a,\"\"b\"\"\"");
    }
}
