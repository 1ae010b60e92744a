//! A case for staff (being written).
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// Filing form for intake.
pub fn file_form(_ctx: &Ctx) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
/// Filing by intake.
pub async fn file(_ctx: &Ctx<'_>) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
/// The case page.
pub async fn show(_ctx: &Ctx<'_>, _id: &str) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
/// Verify this case.
pub async fn verify(_ctx: &Ctx<'_>, _id: &str) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
/// Open the file.
pub async fn open(_ctx: &Ctx<'_>, _id: &str) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
/// An action.
pub async fn act(_ctx: &Ctx<'_>, _id: &str, _action: &str) -> Result<Response, WebError> {
    Err(WebError::NotFound)
}
