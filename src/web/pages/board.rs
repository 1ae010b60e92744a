//! The board's dashboard (being written).
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// The dashboard.
pub fn dashboard(_ctx: &Ctx) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
/// CSV export.
pub fn csv(_ctx: &Ctx) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
/// JSON export.
pub fn json(_ctx: &Ctx) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
