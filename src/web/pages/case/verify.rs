//! "Verify this case": every event's signature and chain, and its inclusion proof against the
//! current checkpoint's tree, re-checked and shown row by row; then the independent witnesses
//! that cosigned a checkpoint including the case's latest event (and so every event of it),
//! and those that have not yet ([`crate::service::Service::witnessed`]).

use askama::Template;
use recourse_events::checkpoint::{Checkpoint, Note};
use recourse_events::merkle::verify_inclusion;

use super::super::layout::Layout;
use super::super::render;
use super::super::witnessed::{StaffLine, staff_lines};
use super::timeline::describe;
use super::{parse_case, reader};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

#[derive(Template)]
#[template(path = "staff/verify.html")]
struct VerifyPage {
    l: Layout,
    id: String,
    checkpoint: String,
    vkey: String,
    size: u64,
    rows: Vec<(u64, String, bool, bool, usize)>,
    all_ok: bool,
    /// Each witness asked now, for the case's latest event (empty: none is configured).
    witnesses: Vec<StaffLine>,
}

/// Verifies each event of the case and its inclusion in the current checkpoint's tree.
pub async fn verify(ctx: &Ctx<'_>, id: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    reader(ctx, case)?;
    let service = &ctx.app.service;
    let store = service.store();
    let note = service.ledger().checkpoint().ok_or(WebError::NotFound)?;
    let cp = Note::parse(&note)
        .ok()
        .and_then(|n| Checkpoint::parse_text(n.text()).ok())
        .ok_or_else(|| WebError::Internal("checkpoint".into()))?;
    let timeline = service.timeline(case).await?;
    let entries = store
        .read_stream(&case.stream())
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let names = service.staff_names();
    let mut rows = Vec::new();
    for (e, stored) in timeline.iter().zip(&entries) {
        let proof = store
            .inclusion_proof(e.position, cp.size)
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?;
        let leaf = recourse_events::merkle::leaf_hash(&stored.entry);
        let included = e.position < cp.size
            && verify_inclusion(e.position, cp.size, &leaf.0, &proof, &cp.root.0).is_ok();
        rows.push((
            e.position,
            describe(ctx, e, &names),
            e.verification.ok(),
            included,
            proof.len(),
        ));
    }
    let all_ok = rows.iter().all(|r| r.2 && r.3);
    let witnessed = match entries.last() {
        Some(last) => service.witnessed(last.position).await?,
        None => Vec::new(),
    };
    let tz = service.read(|m| m.org().settings.time_zone.clone());
    let page = VerifyPage {
        l: Layout::new(ctx, "verify-title"),
        id: case.to_string(),
        checkpoint: note,
        vkey: service
            .read(|m| {
                m.org().ledger_public.map(|k| {
                    recourse_events::checkpoint::NoteVerifier::new(&m.org().origin, k)
                        .map(|v| v.to_string())
                        .unwrap_or_default()
                })
            })
            .unwrap_or_default(),
        size: cp.size,
        rows,
        all_ok,
        witnesses: staff_lines(&ctx.tr, &tz, &witnessed),
    };
    render(page)
}
