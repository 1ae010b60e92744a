//! The framework review pages, for the committee and the board: the list of reviews and the
//! form that opens one, a review's page (its pinned checkpoint, each item's figures with their
//! trend, ratings, attestations and follow-ups, and the forms the signed-in person may use),
//! the cases behind a figure, a printable report, and CSV and JSON exports.
//!
//! Handlers parse, call the application ([`Service::open_review`],
//! [`Service::act_on_review`]) and render; the rules decide who may do what, and a refusal
//! is shown in the page's language. The forms a page offers follow the roles the rules name
//! (the chair opens and submits, committee members rate and attest, the board returns and
//! approves), so that nobody is shown a button the rules would refuse.
//!
//! A review holds counts and the committee's words about the organization, never a client's
//! data. Case ids are personal data for the board: only committee members and auditors see
//! the cases behind a figure ([`CASE_READERS`]); the board sees counts only.
//!
//! # Where things are
//!
//! - [`list`]: every review; [`open`]: the form that opens one, and its post;
//! - [`view`]: the view of one review (shared by its page, its report and its exports);
//! - [`show`]: the review's page, its printable report, the cases behind a figure;
//! - [`act`]: rate, attest, submit, return, approve;
//! - [`export`]: CSV and JSON.
//!
//! [`Service::open_review`]: crate::service::Service::open_review
//! [`Service::act_on_review`]: crate::service::Service::act_on_review

use recourse_events::org::Role;
use recourse_events::review::ReviewId;

use crate::web::error::WebError;
use crate::web::router::Ctx;

mod act;
mod export;
mod list;
mod open;
mod show;
mod view;

pub use act::act;
pub use export::{csv, json};
pub use list::list;
pub use open::open;
pub use show::{cases, page, report};

/// Who may read reviews: the board and the administrators (as for the dashboard), the
/// committee, and auditors.
pub const ROLES: &[Role] = &[
    Role::Board,
    Role::Chair,
    Role::Reviewer,
    Role::Auditor,
    Role::Admin,
];

/// Who sees the cases behind a figure: those who may open complaint files (the committee and
/// auditors). The board and administrators see counts only.
pub const CASE_READERS: &[Role] = &[Role::Chair, Role::Reviewer, Role::Auditor];

/// What the signed-in person may do on review pages, from their roles (the rules decide;
/// this only chooses which forms to show).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Viewer {
    /// The chair: opens and submits.
    pub chair: bool,
    /// A committee member (chair or reviewer): rates and attests.
    pub committee: bool,
    /// A board member: returns and approves.
    pub board: bool,
    /// Sees the cases behind figures.
    pub reads_cases: bool,
}

/// The signed-in person, who must hold one of [`ROLES`].
pub(crate) fn viewer(ctx: &Ctx) -> Result<Viewer, WebError> {
    let staff = ctx.staff_with(ROLES)?.staff;
    let roles = ctx.app.service.read(|m| m.org().roles(staff));
    let has = |r: &Role| roles.contains(r);
    Ok(Viewer {
        chair: has(&Role::Chair),
        committee: has(&Role::Chair) || has(&Role::Reviewer),
        board: has(&Role::Board),
        reads_cases: CASE_READERS.iter().any(has),
    })
}

/// A review id from the path (anything else is not found).
pub(crate) fn parse_review(id: &str) -> Result<ReviewId, WebError> {
    id.parse().map_err(|_| WebError::NotFound)
}
