//! The auditor's page (`/staff/audit`): the ledger's origin, size and published checkpoint, the
//! verifier key with the command line that checks a bundle offline, the bundle itself
//! (`/staff/audit/bundle`), and a check of any bundle entirely in the browser
//! (`static/audit.js`).
//!
//! Without JavaScript the page still offers the download, the key (a read-only field, to
//! select and copy) and the command. With it, the script reads a chosen file locally and never
//! sends it anywhere; it trusts only the verifier key in the page's field (this ledger's, or
//! one the auditor pastes), never anything in the bundle. Its messages are the page's, in the
//! page language, handed over in a hidden list (`#audit-messages`), so the script holds no
//! words of its own.

use askama::Template;
use warp::http::{StatusCode, header};

use super::layout::Layout;
use super::render;
use crate::service::permission::AUDIT_ROLES;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// The messages the browser check uses, by id (`audit-js-*`); `{ $position }`, `{ $done }`,
/// `{ $total }`, `{ $size }` and `{ $reason }` are filled in by the script.
const SCRIPT_MESSAGES: &[&str] = &[
    "audit-js-no-file",
    "audit-js-reading",
    "audit-js-progress",
    "audit-js-ok",
    "audit-js-failed",
    "audit-js-failed-at",
    "audit-js-no-ed25519",
    "audit-why-unreadable",
    "audit-why-header",
    "audit-why-vkey",
    "audit-why-checkpoint",
    "audit-why-note",
    "audit-why-size",
    "audit-why-truncated",
    "audit-why-extra",
    "audit-why-entry",
    "audit-why-key",
    "audit-why-signature",
    "audit-why-chain",
    "audit-why-root",
];

/// The checks the browser does, in the order it does them, as the page lists them.
const CHECKS: &[&str] = &[
    "audit-check-header",
    "audit-check-note",
    "audit-check-count",
    "audit-check-entries",
    "audit-check-keys",
    "audit-check-signatures",
    "audit-check-chains",
    "audit-check-root",
];

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    l: Layout,
    origin: String,
    size: u64,
    root: String,
    checkpoint: String,
    vkey: String,
    command: String,
    checks: Vec<String>,
    messages: Vec<(&'static str, String)>,
}

/// The command that verifies the bundle offline with this ledger's key.
fn command(file_name: &str, vkey: &str) -> String {
    format!("recourse verify --bundle {file_name} --vkey '{vkey}'")
}

/// `GET /staff/audit`.
pub fn page(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    ctx.staff_with(AUDIT_ROLES)?;
    let summary = ctx.app.service.ledger_summary()?;
    // The script fills in its own values: the placeholders stay as they are.
    let placeholders = [
        ("position", "{position}"),
        ("done", "{done}"),
        ("total", "{total}"),
        ("size", "{size}"),
        ("reason", "{reason}"),
    ];
    let messages = SCRIPT_MESSAGES
        .iter()
        .map(|id| (*id, ctx.tr.t_args(id, &placeholders)))
        .collect();
    render(AuditPage {
        l: Layout::new(ctx, "audit-title"),
        command: command(&summary.file_name, &summary.vkey),
        origin: summary.origin,
        size: summary.size,
        root: summary.root,
        checkpoint: summary.checkpoint,
        vkey: summary.vkey,
        checks: CHECKS.iter().map(|id| ctx.tr.t(id)).collect(),
        messages,
    })
}

/// `GET /staff/audit/bundle`: the export bundle of the published checkpoint, as a download.
pub async fn bundle(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let session = ctx.staff_with(AUDIT_ROLES)?;
    let bundle = ctx.app.service.bundle(session.staff).await?;
    Ok(
        Response::new(StatusCode::OK, "application/jsonl", bundle.bytes).header(
            header::CONTENT_DISPOSITION,
            &format!("attachment; filename=\"{}\"", bundle.file_name),
        ),
    )
}
