//! Read models folded from events, and the shipped framework data.
pub mod framework;
pub mod holiday;
