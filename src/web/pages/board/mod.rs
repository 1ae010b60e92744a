//! The board's dashboard: how many complaints, how fast, what was decided, what was promised
//! and done, which rights and framework areas they concern, what clients thought, and the
//! safeguards (appeals, conflicts of interest, access to personal data), by month, quarter or
//! year; with breakdown tables and CSV and JSON exports.
//!
//! Only the figures of the projections' [`Report`] reach these pages and files: no case ids, no
//! staff ids, no names, no client text. The page is for board members (and the chair and
//! administrators); it works without JavaScript: the period is a GET form, the charts are SVG
//! drawn here (in [`svg`]), each in a `<figure>` with a caption, a title and description for
//! screen readers, patterns and labels besides colour, and the same numbers in a table.
//!
//! Rendering is a few string pushes per number: the report itself (one pass over the cases)
//! is the cost, so the page answers in about the report's time.
//!
//! # Where things are
//!
//! - [`form`]: the period form, read strictly and shown back as typed.
//! - [`page`]: the dashboard page's handler and its template.
//! - [`view`]: the view of a report: labels, tables, breakdowns, sections; [`charts`]: each
//!   chart of it, drawn with [`svg`].
//! - [`export`]: the CSV and JSON exports.
//! - [`numbers`]: how figures are written in the page's language.
//!
//! The period's defaults and its longest range are not here: the application's
//! [`Service::dashboard`](crate::service::Service::dashboard) applies the one rule
//! ([`Query::asked`](recourse_projections::dashboard::Query::asked)), for the page, its exports
//! and the API alike.

use recourse_events::org::Role;

mod charts;
mod export;
mod form;
mod numbers;
mod page;
pub mod svg;
mod view;

pub use export::{csv, json};
pub use page::dashboard;
pub use view::{Breakdown, Chart, Section, Table, View};

/// Who may read the dashboard.
pub const ROLES: &[Role] = &[Role::Board, Role::Chair, Role::Admin];
