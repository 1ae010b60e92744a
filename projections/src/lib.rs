//! Read models folded from events, the pure domain rules, and the shipped framework data.
//!
//! - [`actor`]: who acts; [`rule`]: why a command is refused.
//! - [`org`]: the organization (staff, roles, keys, settings) and its administration rules.
//! - [`case`]: a complaint as an aggregate: `decide` and `apply`.
//! - [`framework`]: the sector's reference documents as data; [`holiday`]: business days.

pub mod actor;
pub mod case;
pub mod framework;
pub mod holiday;
pub mod org;
pub mod rule;
