//! The JSON API under `/api/v1` (being written).
use super::error::WebError;
use super::http::Response;
use super::router::Ctx;

/// Routes an API call.
pub async fn route(_ctx: &Ctx<'_>, _rest: &[&str]) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
