//! Administration (being written).
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// The page.
pub async fn page(_ctx: &Ctx<'_>) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
/// An action.
pub async fn act(_ctx: &Ctx<'_>, _action: &str) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
