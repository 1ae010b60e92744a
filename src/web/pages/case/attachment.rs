//! Files on the case page: committee staff attach one (a `multipart/form-data` form, the
//! route listed in `crate::web::upload::UPLOAD_ROUTES`), and open one for a purpose: the
//! opening is recorded in the access log first, as for the sealed texts, then the file is
//! served as a download (`super::super::attachment::download`).

use recourse_events::case::Purpose;
use recourse_events::ids::AttachmentId;

use super::file::enum_field;
use super::{parse_case, reader};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::pages::attachment::{PARTS, download as serve, upload_of};
use crate::web::router::Ctx;

/// Attaches the uploaded file to the case.
pub async fn attach(ctx: &Ctx<'_>, id: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    let parts = ctx.req.multipart(&PARTS).await?;
    ctx.check_csrf(&parts.form)?;
    let (me, _) = reader(ctx, case)?;
    let upload = upload_of(&parts)?;
    let service = &ctx.app.service;
    service.attach(&me, case, upload, service.now()).await?;
    Ok(Response::redirect(&format!(
        "/staff/case/{case}?done=case-attach#attachments"
    )))
}

/// Opens an attachment for the purpose chosen (recorded first) and serves it.
pub async fn download(ctx: &Ctx<'_>, id: &str, file: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    let attachment = file
        .parse()
        .map(AttachmentId)
        .map_err(|_| WebError::NotFound)?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let (me, _) = reader(ctx, case)?;
    let purpose: Purpose = enum_field(&form, "purpose")?;
    let service = &ctx.app.service;
    let opened = service
        .open_attachment(&me, case, attachment, purpose, service.now())
        .await?;
    Ok(serve(opened))
}
