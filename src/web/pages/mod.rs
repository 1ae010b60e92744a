//! The pages, one module per area. Handlers are thin: parse the input, call the service,
//! render a template.

pub mod admin;
pub mod board;
pub mod case;
pub mod errors;
pub mod layout;
pub mod ledger;
pub mod ops;
pub mod permit;
pub mod public;
pub mod queue;
pub mod staff;
pub mod track;
