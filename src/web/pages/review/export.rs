//! A review as files: CSV, one row per item and figure, with its rating and the previous
//! approved review's rating and figure beside it; JSON, the whole review with its pinned tree
//! head (what `review.opened` recorded: period, scope, framework, pinned head, figures and
//! origin) and everything folded since (ratings, attestations, follow-ups, submissions,
//! returns, approval). Both are named after the period (and the area, for an area review).
//!
//! Neither holds a case id or a client's words: a review holds none.

use jiff::Timestamp;
use recourse_projections::review::{FollowUp, Step};
use serde_json::{Value, json};
use warp::http::{StatusCode, header};

use super::view::Snapshot;
use super::{parse_review, viewer};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// A CSV field, quoted when it must be (RFC 4180).
fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// The file name: `recourse-review-<period>[-<area>].<ext>` (characters a file name may
/// hold only).
fn file_name(s: &Snapshot, ext: &str) -> String {
    let opened = s.review.opened.as_deref();
    let mut name = format!(
        "recourse-review-{}",
        opened.map(|o| o.period.label()).unwrap_or_default()
    );
    if let Some(area) = opened.and_then(|o| o.area.as_deref()) {
        name.push('-');
        name.push_str(area);
    }
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("attachment; filename=\"{safe}.{ext}\"")
}

/// The CSV header.
const HEADER: &str = "period,scope,item,measure,count,of,rating,rater,reasons,previous_rating,previous_count,previous_of\r\n";

/// The CSV export.
pub fn csv(ctx: &Ctx, id: &str) -> Result<Response, WebError> {
    viewer(ctx)?;
    let s = Snapshot::read(ctx, parse_review(id)?)?;
    let r = &s.review;
    let opened = r.opened.as_deref();
    let period = opened.map(|o| o.period.label()).unwrap_or_default();
    let scope = opened
        .and_then(|o| o.area.clone())
        .unwrap_or_else(|| "framework".into());
    let mut out = String::from(HEADER);
    for item in r.items() {
        let rating = r.ratings.get(&item.item);
        let previous = s.previous_rating(&item.item);
        for f in &item.figures {
            let before = s.previous_figure(&item.item, &f.measure);
            let cells = [
                period.clone(),
                scope.clone(),
                item.item.clone(),
                f.measure.clone(),
                f.count.to_string(),
                f.of.map(|n| n.to_string()).unwrap_or_default(),
                rating
                    .map(|x| x.rating.as_str().to_owned())
                    .unwrap_or_default(),
                rating.map(|x| s.name(&x.by)).unwrap_or_default(),
                rating.map(|x| x.reasons.clone()).unwrap_or_default(),
                previous.map(|p| p.as_str().to_owned()).unwrap_or_default(),
                before.map(|b| b.count.to_string()).unwrap_or_default(),
                before
                    .and_then(|b| b.of)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ];
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                field(&mut out, c);
            }
            out.push_str("\r\n");
        }
    }
    Ok(
        Response::new(StatusCode::OK, "text/csv; charset=utf-8", out)
            .header(header::CONTENT_DISPOSITION, &file_name(&s, "csv")),
    )
}

/// The JSON export: the whole review with its pinned head.
pub fn json(ctx: &Ctx, id: &str) -> Result<Response, WebError> {
    viewer(ctx)?;
    let s = Snapshot::read(ctx, parse_review(id)?)?;
    let body = document(&s);
    Ok(Response::json(&body).header(header::CONTENT_DISPOSITION, &file_name(&s, "json")))
}

fn step(s: &Snapshot, st: &Step) -> Value {
    json!({ "by": s.name(&st.by), "at": at(st.at), "comments": st.comments })
}

fn at(t: Timestamp) -> String {
    t.to_string()
}

/// The review as a JSON document.
fn document(s: &Snapshot) -> Value {
    let r = &s.review;
    let ratings: serde_json::Map<String, Value> = r
        .ratings
        .iter()
        .map(|(item, x)| {
            (
                item.clone(),
                json!({
                    "rating": x.rating,
                    "reasons": x.reasons,
                    "by": s.name(&x.by),
                    "at": at(x.at),
                    "times": x.times,
                }),
            )
        })
        .collect();
    let attestations: Vec<Value> = r
        .attestations
        .iter()
        .map(|a| {
            json!({
                "item": a.item,
                "statement": a.statement,
                "document": a.document.as_ref().map(|d| json!({
                    "name": d.name,
                    "media_type": d.media_type,
                    "size": d.size,
                    "sha256": d.sha256.to_hex(),
                })),
                "by": s.name(&a.by),
                "at": at(a.at),
            })
        })
        .collect();
    let follow_ups: serde_json::Map<String, Value> = r
        .follow_ups
        .iter()
        .map(|(item, list)| {
            let list: Vec<Value> = list
                .iter()
                .map(|f| match f {
                    FollowUp::Systemic(id) => json!({ "systemic_action": id }),
                    FollowUp::AreaReview(id) => json!({ "area_review": id }),
                })
                .collect();
            (item.clone(), Value::Array(list))
        })
        .collect();
    let previous = s.previous.as_ref().map(|p| {
        let ratings: serde_json::Map<String, Value> = p
            .ratings
            .iter()
            .map(|(item, x)| (item.clone(), json!(x.rating)))
            .collect();
        json!({
            "id": p.id,
            "period": p.period().map(|x| x.label()),
            "ratings": ratings,
            "items": p.opened.as_ref().map(|o| &o.items),
        })
    });
    json!({
        "id": r.id,
        "label": r.period().map(|p| p.label()),
        "status": r.status.as_str(),
        "opened": r.opened,
        "opened_by": r.opened_step.as_ref().map(|st| step(s, st)),
        "ratings": ratings,
        "attestations": attestations,
        "follow_ups": follow_ups,
        "submissions": r.submissions.iter().map(|st| step(s, st)).collect::<Vec<_>>(),
        "returns": r.returns.iter().map(|st| step(s, st)).collect::<Vec<_>>(),
        "approved": r.approved.as_ref().map(|st| step(s, st)),
        "previous": previous,
    })
}
