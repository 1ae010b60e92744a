//! Periodic framework compliance reviews.
//!
//! A review closes the accountability loop: evidence from the ledger, the committee's
//! assessment of each framework item, the board's approval, corrective action where an item
//! falls short, and the next review's trend. It is an aggregate like a case (`decide` in
//! [`rules`], `apply` in [`state`]), on its own `review/<uuid>` stream.
//!
//! - [`measure`]: the vocabulary of figures the framework file maps items to;
//! - [`evidence`]: the figures, computed from the read model (the same function serves the
//!   server and `recourse review recompute`);
//! - [`command`], [`rules`], [`state`]: the aggregate.

pub mod command;
pub mod evidence;
pub mod measure;
pub mod rules;
pub mod state;

pub use command::ReviewCommand;
pub use rules::{ReviewContext, decide};
pub use state::{Attestation, FollowUp, ItemRating, Review, ReviewStatus, Step};
