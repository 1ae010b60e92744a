//! Bodies the API answers that are made of parts defined elsewhere: the staff directory, the
//! queue, an opened file, the access log, the dashboard, the error body and the OpenAPI
//! document itself.
//!
//! The OpenAPI document's response schemas are derived from the response types
//! (`schemars::JsonSchema`, see [`super::openapi`]): the types in `staff/views.rs` and
//! `client.rs`, and these. Handlers build these types (never a `json!` of the same shape), and
//! the integration tests check every real answer against its operation's schema.

use std::collections::BTreeMap;

use jiff::Timestamp;
use recourse_events::case::Purpose;
use recourse_events::ids::CaseId;
use recourse_projections::dashboard::{Dimension, Metrics, Query, SystemicFigures};
use recourse_projections::queue::QueueRow;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;

use super::staff::{Contact, OpenedText, StaffView, ViewRow};

/// `GET /staff`: the staff directory.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "StaffList")]
pub struct StaffList {
    /// Every staff member, departed ones included (`active` false).
    pub(super) staff: Vec<StaffView>,
}

/// `GET /queue`: the cases being handled, most pressing first.
#[derive(Serialize, JsonSchema)]
pub struct Queue {
    /// How many rows.
    pub(super) count: usize,
    /// The rows.
    pub(super) rows: Vec<QueueEntry>,
}

/// One case of the queue.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "QueueRow")]
pub struct QueueEntry {
    /// The case, its clocks and its holder.
    #[serde(flatten)]
    pub(super) row: QueueRow,
    /// Anything overdue: the acknowledgement, the decision or a corrective action.
    pub(super) overdue: bool,
}

/// `POST /cases/{id}/open`: the opened texts.
#[derive(Serialize, JsonSchema)]
pub struct OpenedFile {
    /// The case.
    pub(super) case: CaseId,
    /// Why it was opened (recorded as `file.viewed`).
    pub(super) purpose: Purpose,
    /// The client's name and contact details, if they gave any.
    pub(super) contact: Option<Contact>,
    /// Every sealed text of the case, in ledger order.
    pub(super) fields: Vec<OpenedText>,
}

/// `GET /cases/{id}/access-log`: who opened the file, and why.
#[derive(Serialize, JsonSchema)]
pub struct AccessLog {
    /// The case.
    pub(super) case: CaseId,
    /// Every recorded opening, oldest first.
    pub(super) views: Vec<ViewRow>,
    /// Refused attempts at opening the file of a case triaged as sensitive
    /// (`file.view_refused`).
    pub(super) refused: Vec<ViewRow>,
}

/// `GET /cases/{id}/attachments`: the files attached to a case (nothing sealed is opened; a
/// file is downloaded from the case page, through a recorded opening).
#[derive(Serialize, JsonSchema)]
pub struct Attachments {
    /// The case.
    pub(super) case: CaseId,
    /// Every attached file, oldest first.
    pub(super) attachments: Vec<AttachmentRow>,
}

/// One attached file.
#[derive(Serialize, JsonSchema)]
pub struct AttachmentRow {
    /// Its id.
    pub(super) id: recourse_events::ids::AttachmentId,
    /// When it was attached.
    pub(super) at: Timestamp,
    /// The staff member who attached it; none when the client did.
    pub(super) by: Option<recourse_events::ids::StaffId>,
    /// Its type, as its content was checked.
    pub(super) content_type: recourse_events::case::AttachmentType,
    /// Its media type.
    pub(super) media_type: String,
    /// Its size in bytes.
    pub(super) size: u64,
    /// The case was erased: the file is gone.
    pub(super) erased: bool,
}

/// `GET /dashboard`: the board's figures, never personal data.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Dashboard")]
pub struct DashboardReport {
    /// The range and period length reported.
    pub(super) query: Query,
    /// When the figures were computed.
    pub(super) generated_at: Timestamp,
    /// Every period overlapping the range, in order, empty ones included.
    pub(super) periods: Vec<PeriodFigures>,
    /// The whole range.
    pub(super) total: Metrics,
    /// Groups of a breakdown with fewer cases than this are suppressed (the periods and the
    /// total never are).
    pub(super) min_cell: u32,
    /// The whole range, by dimension and value, small groups suppressed.
    #[schemars(
        schema_with = "recourse_events::variants::map_schema::<Dimension, Vec<GroupFigures>>"
    )]
    pub(super) breakdowns: BTreeMap<Dimension, Vec<GroupFigures>>,
    /// Systemic corrective actions over the whole range (they have no breakdown: they are
    /// not about one case).
    pub(super) systemic: SystemicFigures,
}

/// The figures of one period.
#[derive(Serialize, JsonSchema)]
pub struct PeriodFigures {
    /// 2026-03 (month), 2026-Q1 (quarter) or 2026 (year).
    pub(super) period: String,
    /// Its figures.
    pub(super) metrics: Metrics,
    /// Its systemic corrective actions.
    pub(super) systemic: SystemicFigures,
}

/// The figures of the cases with one value of a dimension, unless the group is suppressed: a
/// group of fewer than `min_cell` cases, or one hidden so that the others and the total do not
/// give such a group away.
#[derive(Serialize, JsonSchema)]
pub struct GroupFigures {
    /// The value (a program, a site, a language...).
    pub(super) value: String,
    /// Whether its figures are suppressed.
    pub(super) suppressed: bool,
    /// Its figures; `null` when suppressed.
    pub(super) metrics: Option<Metrics>,
}

/// Codes of the JSON error body.
pub const ERROR_CODES: &[&str] = &[
    "bad_request",
    "unauthorized",
    "bad_credentials",
    "forbidden",
    "csrf",
    "not_found",
    "method_not_allowed",
    "conflict",
    "too_large",
    "request_timeout",
    "too_many_requests",
    "internal",
];

/// Why a call failed: a machine-readable code and a message for people (in the request's
/// language where the page has one).
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Error")]
pub struct ErrorBody {
    /// The error.
    pub(super) error: ErrorDetail,
}

/// What went wrong.
#[derive(Serialize, JsonSchema)]
pub struct ErrorDetail {
    /// What went wrong, for programs.
    #[schemars(schema_with = "error_code")]
    pub(super) code: String,
    /// What went wrong, for people (in the request's language).
    pub(super) message: String,
    /// A rule's refusal: the id of its message (`locales/<lang>/rules.ftl`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub(super) message_id: Option<String>,
    /// The refused fields, each with its message (bad input only).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub(super) fields: Vec<RefusedField>,
}

/// A field the input validator refused.
#[derive(Serialize, JsonSchema)]
pub struct RefusedField {
    /// The field's name, as in the request.
    pub(super) field: String,
    /// The message's id (the same in every language).
    pub(super) message_id: String,
    /// The message, in the request's language.
    pub(super) message: String,
}

fn error_code(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "enum": ERROR_CODES })
}

/// `GET /openapi.json`: an OpenAPI 3.1 document (this one).
pub struct OpenApiDocument;

impl JsonSchema for OpenApiDocument {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "OpenApiDocument".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "required": ["openapi", "info", "paths"],
            "description": "An OpenAPI 3.1 document.",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::error::WebError;

    #[test]
    fn every_error_code_the_server_answers_is_documented() {
        let errors = [
            WebError::NotFound,
            WebError::Unauthorized,
            WebError::Forbidden(String::new()),
            WebError::BadRequest(String::new()),
            WebError::Invalid(Vec::new()),
            WebError::Conflict(String::new()),
            WebError::Csrf,
            WebError::TooMany,
            WebError::TooLarge,
            WebError::Timeout,
            WebError::Internal(String::new()),
        ];
        for e in &errors {
            assert!(ERROR_CODES.contains(&e.code()), "{}", e.code());
        }
        // The API's own answers for what `WebError` does not name.
        for code in ["bad_credentials", "method_not_allowed"] {
            assert!(ERROR_CODES.contains(&code), "{code}");
        }
    }
}
