//! What staff do through the API: sign in and out ([`session`]), the staff directory, the work
//! queue, a case's facts and timeline, opening its sealed data and its access log
//! ([`cases`]), every action the case page offers ([`actions`]), and the board's dashboard
//! ([`dashboard`]). The answers' types are in [`views`].
//!
//! Actions act as the signed-in person, signed with the key their session opened; the service
//! seals their free text with the case's data key under the payload's own field name.

mod actions;
mod cases;
mod dashboard;
mod session;
mod views;

pub(super) use actions::act;
pub use actions::{ACTIONS, ActionSpec, body_of};
pub(super) use cases::{access_log, attachments, case, directory, open, queue};
pub(super) use dashboard::dashboard;
pub(super) use session::{SessionView, session, sign_in, sign_out};
pub(super) use views::{ActionResult, CaseView, Contact, OpenedText, StaffView, ViewRow};

use recourse_events::ids::CaseId;
use recourse_projections::case::Case;

use crate::service::{Acting, ReadRefused};
use crate::web::error::WebError;
use crate::web::router::Ctx;

fn bad(msg: impl Into<String>) -> WebError {
    WebError::BadRequest(msg.into())
}

fn parse_case(id: &str) -> Result<CaseId, WebError> {
    id.parse().map_err(|_| bad("id: not a case id (a UUID)"))
}

/// The signed-in committee member acting, and the case, which they must have no conflict on
/// (the service's reader check).
fn reader(ctx: &Ctx, id: &str) -> Result<(Acting, Case), WebError> {
    let case = parse_case(id)?;
    let staff = ctx.staff()?.staff;
    let me = ctx.acting()?;
    match ctx.app.service.case_for_reader(staff, case) {
        Ok(state) => Ok((me, state)),
        Err(ReadRefused::Role) => Err(WebError::Forbidden(ctx.tr.t("error-role"))),
        Err(ReadRefused::NotFound) => Err(WebError::NotFound),
        Err(ReadRefused::Conflicted) => Err(WebError::Forbidden(ctx.tr.t("case-conflicted"))),
    }
}
