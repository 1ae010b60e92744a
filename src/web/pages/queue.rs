//! The work queue (being written).
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// The queue.
pub fn queue(_ctx: &Ctx) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
