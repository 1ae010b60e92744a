//! Cases through the API: the staff directory, the work queue, a case's facts and timeline with
//! what the reader may do, opening its sealed data (recorded first), and its access log.

use recourse_events::case::Purpose;
use recourse_projections::queue::QueueFilter;
use serde_json::Value;

use super::bad;
use super::reader;
use super::views::{CaseFacts, Contact, OpenedText, StaffView, ViewRow, case_view};
use crate::service::StaffCan;
use crate::web::api::fields::Input;
use crate::web::api::responses::{
    AccessLog, AttachmentRow, Attachments, OpenedFile, Queue, QueueEntry, StaffList,
};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// The staff directory.
pub(in crate::web::api) fn directory(ctx: &Ctx) -> Result<Response, WebError> {
    let names = ctx.app.service.staff_names();
    let staff: Vec<StaffView> = ctx.app.service.read(|m| {
        m.org()
            .staff
            .values()
            .map(|s| StaffView {
                id: s.id,
                name: names.get(&s.id).cloned().unwrap_or_default(),
                roles: s.roles.iter().map(|r| r.as_str()).collect(),
                active: s.active,
            })
            .collect()
    });
    Ok(Response::json(&StaffList { staff }))
}

/// The work queue.
pub(in crate::web::api) fn queue(ctx: &Ctx, query: &Input) -> Result<Response, WebError> {
    let me = ctx.staff()?.staff;
    let owner = match query.str("owner") {
        None => None,
        Some("me") => Some(me),
        Some(s) => Some(
            s.parse()
                .map_err(|_| bad("owner: a staff id (a UUID) or me"))?,
        ),
    };
    let filter = QueueFilter {
        owner,
        status: query.strings("status"),
        overdue: query.bool("overdue"),
        program: query.str("program").map(String::from),
        site: query.str("site").map(String::from),
        urgent: query.bool("urgent"),
        found: query
            .str("q")
            .filter(|q| !q.trim().is_empty())
            .map(|q| ctx.app.service.read(|m| m.find_cases(q))),
    };
    let now = ctx.app.service.now();
    let rows: Vec<QueueEntry> = ctx.app.service.read(|m| {
        let readable = m
            .cases()
            .filter(|c| crate::service::case_reader::may_read(m.org(), c, me).is_ok());
        recourse_projections::queue::queue(readable, m.clocks(), &filter, now)
            .into_iter()
            .map(|row| QueueEntry {
                overdue: row.overdue(),
                row,
            })
            .collect()
    });
    Ok(Response::json(&Queue {
        count: rows.len(),
        rows,
    }))
}

/// A case: facts, clocks, timeline without sealed text, and what the reader may do.
pub(in crate::web::api) async fn case(ctx: &Ctx<'_>, id: &str) -> Result<Response, WebError> {
    let (_, state) = reader(ctx, id)?;
    let staff = ctx.staff()?.staff;
    let service = &ctx.app.service;
    let timeline = service.timeline(state.id).await?;
    let names = service.staff_names();
    let now = service.now();
    let clocks = service.read(|m| m.clocks().clone());
    let today = clocks.local_date(now);
    let can = StaffCan::of(service, state.id, staff, today);
    let view = case_view(CaseFacts {
        state: &state,
        timeline: &timeline,
        names: &names,
        can,
        clocks: clocks.status(&state, now),
        today,
    });
    Ok(Response::json(&view))
}

pub(in crate::web::api) async fn open(
    ctx: &Ctx<'_>,
    id: &str,
    input: &Input,
) -> Result<Response, WebError> {
    let (me, state) = reader(ctx, id)?;
    let purpose: Purpose = input.required("purpose")?;
    let file = ctx
        .app
        .service
        .open_file(&me, state.id, purpose, ctx.app.service.now())
        .await?;
    let kinds: std::collections::HashMap<u64, &str> = file
        .timeline
        .iter()
        .map(|e| (e.position, e.kind.as_str()))
        .collect();
    let contact = file
        .fields
        .iter()
        .find(|f| f.field == "contact")
        .and_then(|f| f.text.as_ref().ok())
        .and_then(|t| serde_json::from_str::<Value>(t).ok())
        .map(|v| {
            let get = |k: &str| v.get(k).and_then(Value::as_str).map(String::from);
            Contact {
                name: get("name"),
                email: get("email"),
                phone: get("phone"),
            }
        });
    let fields: Vec<OpenedText> = file
        .fields
        .iter()
        .filter(|f| f.field != "contact")
        .map(|f| OpenedText {
            position: f.position,
            kind: kinds.get(&f.position).copied().unwrap_or_default().into(),
            field: f.field.clone(),
            text: f.text.clone().ok(),
        })
        .collect();
    Ok(Response::json(&OpenedFile {
        case: state.id,
        purpose,
        contact,
        fields,
    }))
}

/// Who opened the file, and why.
pub(in crate::web::api) fn access_log(ctx: &Ctx, id: &str) -> Result<Response, WebError> {
    let (_, state) = reader(ctx, id)?;
    let names = ctx.app.service.staff_names();
    let row = |v: &recourse_projections::case::View| ViewRow {
        at: v.at,
        by: v.by,
        by_name: names.get(&v.by).cloned(),
        purpose: v.purpose,
        outsider: v.outsider,
    };
    let views: Vec<ViewRow> = state.views.iter().map(row).collect();
    let refused: Vec<ViewRow> = state.refused_views.iter().map(row).collect();
    Ok(Response::json(&AccessLog {
        case: state.id,
        views,
        refused,
    }))
}

/// The files attached to a case, none of them opened.
pub(in crate::web::api) fn attachments(ctx: &Ctx, id: &str) -> Result<Response, WebError> {
    let (_, state) = reader(ctx, id)?;
    let attachments = ctx
        .app
        .service
        .attachments(state.id)
        .into_iter()
        .map(|a| AttachmentRow {
            id: a.id,
            at: a.at,
            by: a.by.staff(),
            content_type: a.content_type,
            media_type: a.content_type.media_type().to_string(),
            size: a.size,
            erased: a.erased,
        })
        .collect();
    Ok(Response::json(&Attachments {
        case: state.id,
        attachments,
    }))
}
