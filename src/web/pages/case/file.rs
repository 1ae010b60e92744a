//! The opened file: opening the sealed data asks for a purpose, which is recorded before
//! anything is shown; then the timeline with its texts, and the contact details.

use askama::Template;
use recourse_events::case::Purpose;

use super::super::layout::Layout;
use super::super::render;
use super::timeline::{Line, lines};
use super::{parse_case, reader, snake};
use crate::web::error::WebError;
use crate::web::http::{Form, Response};
use crate::web::router::Ctx;

#[derive(Template)]
#[template(path = "staff/file.html")]
struct FilePage {
    l: Layout,
    id: String,
    purpose: String,
    lines: Vec<Line>,
    contact: Vec<(String, String)>,
}

/// A choice of `name` from the form, as the enum it names.
fn enum_field<T: serde::de::DeserializeOwned>(form: &Form, name: &str) -> Result<T, WebError> {
    let v = form.get(name).unwrap_or_default();
    serde_json::from_value(serde_json::Value::String(v.to_string()))
        .map_err(|_| WebError::BadRequest(format!("{name}: choose one of the options")))
}

/// Opens the sealed data for a purpose (recorded first), and shows it.
pub async fn open(ctx: &Ctx<'_>, id: &str) -> Result<Response, WebError> {
    let case = parse_case(id)?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let (me, _) = reader(ctx, case)?;
    let purpose: Purpose = enum_field(&form, "purpose")?;
    let file = ctx
        .app
        .service
        .open_file(&me, case, purpose, ctx.app.service.now())
        .await?;
    let contact = file
        .fields
        .iter()
        .find(|f| f.field == "contact")
        .and_then(|f| f.text.as_ref().ok())
        .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok())
        .map(|v| {
            ["name", "email", "phone"]
                .iter()
                .filter_map(|k| {
                    v.get(*k)
                        .and_then(|x| x.as_str())
                        .map(|x| (ctx.tr.t(&format!("contact-field-{k}")), x.to_string()))
                })
                .collect()
        })
        .unwrap_or_default();
    let page = FilePage {
        l: Layout::new(ctx, "file-title"),
        id: case.to_string(),
        purpose: ctx.tr.t(&format!("purpose-{}", snake(purpose))),
        lines: lines(ctx, &file.timeline, Some(&file)),
        contact,
    };
    render(page)
}
