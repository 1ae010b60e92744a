//! A complaint as an aggregate: [`Case`] is folded from the case stream ([`Case::apply`]), and
//! [`decide`] turns a [`Command`] by an [`Actor`](crate::actor::Actor) into the events to record,
//! or a [`RuleError`](crate::rule::RuleError). Both are pure: the service seals personal data
//! before deciding and signs and appends after.

mod command;
pub mod escalation;
mod rules;
mod state;

pub use command::Command;
pub use rules::{Context, decide};
pub use state::{
    ActionState, ActionStatus, Actions, AppealState, Attachment, Case, CaseNumber, Decision,
    Filing, Finding, StaffSet, Status, View,
};
