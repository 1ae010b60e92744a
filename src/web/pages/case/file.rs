//! The opened file: opening the sealed data asks for a purpose, which is recorded before
//! anything is shown; then the timeline with its texts, and the contact details.

use askama::Template;
use recourse_events::case::Purpose;
use recourse_events::vocabulary::Payload;

use super::super::layout::Layout;
use super::super::render;
use super::timeline::{Line, lines, staff_label};
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
    actions: Vec<FileAction>,
}

/// A corrective action in the opened file, with its sealed texts (what is to be done, the
/// notes of each step) beside it.
struct FileAction {
    id: u32,
    owner: String,
    due: String,
    status: String,
    /// (when, label, text), in ledger order.
    texts: Vec<(String, String, String)>,
}

/// A choice of `name` from the form, as the enum it names.
pub(super) fn enum_field<T: serde::de::DeserializeOwned>(
    form: &Form,
    name: &str,
) -> Result<T, WebError> {
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
    let (_, state) = reader(ctx, case)?;
    let names = ctx.app.service.staff_names();
    let clocks = ctx.app.service.read(|m| m.clocks().clone());
    let actions = state
        .actions
        .values()
        .map(|a| FileAction {
            id: a.id.0,
            owner: names
                .get(&a.owner)
                .cloned()
                .unwrap_or_else(|| a.owner.to_string()),
            due: a.due.to_string(),
            status: ctx.tr.t(&format!(
                "action-status-{}",
                crate::service::case_action::action_status_name(a.status)
            )),
            texts: file
                .timeline
                .iter()
                .filter(|e| {
                    let on = match &e.payload {
                        Some(Payload::ActionOpened(x)) => x.action,
                        Some(Payload::ActionUpdated(x)) => x.action,
                        Some(Payload::ActionCompleted(x))
                        | Some(Payload::ActionVerified(x))
                        | Some(Payload::ActionWaived(x)) => x.action,
                        _ => return false,
                    };
                    on == a.id
                })
                .flat_map(|e| {
                    let when =
                        e.at.to_zoned(clocks.time_zone().clone())
                            .strftime("%Y-%m-%d %H:%M %Z")
                            .to_string();
                    file.fields
                        .iter()
                        .filter(move |f| f.position == e.position)
                        .map(move |f| {
                            (
                                when.clone(),
                                staff_label(ctx, &f.field),
                                f.text.clone().unwrap_or_else(|_| ctx.tr.t("text-erased")),
                            )
                        })
                })
                .collect(),
        })
        .collect();
    let page = FilePage {
        actions,
        l: Layout::new(ctx, "file-title"),
        id: case.to_string(),
        purpose: ctx.tr.t(&format!("purpose-{}", snake(purpose))),
        lines: lines(ctx, &file.timeline, Some(&file)),
        contact,
    };
    render(page)
}
