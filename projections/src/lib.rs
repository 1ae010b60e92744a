//! Read models folded from events, the pure domain rules, and the shipped framework data.
//!
//! - [`actor`]: who acts; [`rule`]: why a command is refused; [`message`]: what people are
//!   told, by message id; [`language`]: which languages
//!   a complaint may name.
//! - [`org`]: the organization (staff, roles, keys, settings) and its administration rules.
//! - [`case`]: a complaint as an aggregate: `decide` and `apply`.
//! - [`read_model`]: the fold of the whole ledger, checked link by link ([`log_view`]); [`history`]: one case's timeline;
//!   [`queue`]: the committee's work queue.
//! - [`framework`]: the sector's reference documents as data; [`holiday`]: business days.
//! - [`clock`]: service-level clocks (due dates, time taken, overdue, pauses).
//! - [`dashboard`]: the board's metrics, aggregated from one compact fact row per case.
//! - [`review`]: periodic framework compliance reviews; [`systemic`]: organization-level
//!   corrective actions.
//! - [`transparency`]: the public report, suppressed where small.
//! - [`suppression`]: which small counts of a published table must be hidden, and which others
//!   with them.

pub mod actor;
pub mod case;
pub mod clock;
pub mod dashboard;
pub mod framework;
pub mod history;
pub mod holiday;
pub mod language;
pub mod log_view;
pub mod message;
pub mod org;
pub mod queue;
pub mod read_model;
pub mod review;
pub mod rule;
pub mod suppression;
pub mod systemic;
pub mod transparency;
