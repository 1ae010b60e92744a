//! The pages, one module per area. Handlers are thin: parse the input, call the service,
//! render a template.

pub mod admin;
pub mod attachment;
pub mod audit;
pub mod board;
pub mod case;
pub mod errors;
pub mod identity;
pub mod layout;
pub mod ledger;
pub mod ops;
pub mod public;
pub mod queue;
pub mod review;
pub mod staff;
pub mod systemic;
pub mod track;
pub mod transparency;
pub mod witnessed;
pub mod witnesses;

use askama::Template;

use crate::web::error::WebError;
use crate::web::http::Response;

/// Renders a page template as an HTML response (a template that fails is an internal error).
pub fn render(t: impl Template) -> Result<Response, WebError> {
    Ok(Response::html(
        t.render().map_err(|e| WebError::Internal(e.to_string()))?,
    ))
}
