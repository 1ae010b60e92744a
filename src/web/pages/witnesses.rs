//! The administration's witness page (`/staff/admin/witnesses`), for administrators only: the
//! witnesses the log asks to cosign its checkpoints, where each stands, a form to add one and
//! a button to remove one.
//!
//! The list is the cosigner's own ([`cosigning::wanted`]): the witnesses given with
//! `serve --witness` (marked as set when the server was started, and not removable here, since
//! the next start would bring them back) and those of the settings, each key once. Each shows
//! its name (its key's name), URL, key id, the last checkpoint size it cosigned with that
//! cosignature's time (in the organization's time zone, as other staff pages show times) and
//! its last error. Adding and removing are the application's workflows
//! ([`crate::service::witnesses`]), which record the settings with that one change over the
//! settings the page was opened on; the page shows their refusals at the field, and a change
//! made meanwhile as the settings form does. POST, then a redirect to the page.

use askama::Template;
use recourse_events::cosignature::WitnessVerifier;
use recourse_events::org::Role;
use warp::http::StatusCode;

use super::admin::{Errors, acting, refused};
use super::layout::Layout;
use super::render;
use crate::service::administration::{SettingsSaved, fingerprint};
use crate::service::cosigning::{self, Configured, WitnessStatus};
use crate::service::witnesses::{KEY_FIELD, MAX_WITNESSES, URL_FIELD};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// One witness as the page shows it.
struct Row {
    name: String,
    url: String,
    /// Its verifier key (the value the remove button sends).
    key: String,
    /// Its key id, 8 hex digits.
    key_id: String,
    /// Set with `serve --witness` (not removable here).
    command_line: bool,
    /// The last cosigned size and when, as a sentence.
    cosigned: String,
    /// The last failure (the cosigner's technical words), cleared by a success.
    error: Option<String>,
    /// What that failure means, in the reader's language.
    problem: Option<String>,
    /// The remove button's words.
    remove: String,
}

#[derive(Template)]
#[template(path = "admin/witnesses.html")]
struct WitnessesPage {
    l: Layout,
    current: &'static str,
    rows: Vec<Row>,
    /// What was typed in the add form.
    url: String,
    key: String,
    /// Fingerprint of the settings the page shows.
    base: String,
    errors: Errors,
    /// Whether the settings have room for another witness.
    room: bool,
}

/// A cosignature's time `at` (RFC 3339) in the time zone `tz` (the organization's), as staff
/// pages show times; `at` itself if it does not read.
pub fn local_time(tz: &str, at: &str) -> String {
    at.parse::<jiff::Timestamp>()
        .ok()
        .and_then(|t| t.in_tz(tz).ok())
        .map(|z| z.strftime("%Y-%m-%d %H:%M %Z").to_string())
        .unwrap_or_else(|| at.to_string())
}

/// The page.
pub fn page(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    ctx.staff_with(&[Role::Admin])?;
    show(ctx, String::new(), String::new(), None, Errors::default())
}

/// Renders the page with what was typed and `errors`; `base` is the fingerprint the forms
/// carry (the current settings' unless given).
fn show(
    ctx: &Ctx,
    url: String,
    key: String,
    base: Option<String>,
    errors: Errors,
) -> Result<Response, WebError> {
    let settings = ctx.app.service.read(|m| m.org().settings.clone());
    let cosigning = ctx.app.service.cosigning();
    let status = cosigning.status();
    let when = |at: &str| local_time(&settings.time_zone, at);
    let rows = cosigning::wanted(&cosigning.command_line(), &settings.witnesses)
        .into_iter()
        .map(|(w, configured)| {
            let key = w.verifier.to_string();
            let s: Option<&WitnessStatus> = status.iter().find(|s| s.key == key);
            Row {
                name: w.verifier.name().to_string(),
                url: w.url.clone(),
                key_id: format!("{:08x}", w.verifier.id()),
                command_line: configured == Configured::CommandLine,
                cosigned: match s.and_then(|s| Some((s.cosigned_size?, s.cosigned_at.as_deref()))) {
                    Some((size, at)) => ctx.tr.t_args(
                        "witnesses-cosigned-size",
                        &[
                            ("size", &size.to_string()),
                            ("at", &when(at.unwrap_or_default())),
                        ],
                    ),
                    None => ctx.tr.t("witnesses-cosigned-never"),
                },
                error: s.and_then(|s| s.error.clone()),
                problem: s.and_then(|s| s.problem).map(|p| ctx.tr.t(p.message_key())),
                remove: ctx.tr.t1("witnesses-remove", "name", w.verifier.name()),
                key,
            }
        })
        .collect();
    render(WitnessesPage {
        l: Layout::new(ctx, "witnesses-title"),
        current: "witnesses",
        rows,
        url,
        key,
        base: base.unwrap_or_else(|| fingerprint(&settings)),
        errors,
        room: settings.witnesses.len() < MAX_WITNESSES,
    })
}

/// The page again after a change made meanwhile: what was typed kept, the forms on the
/// current settings, the notice at the top (409).
fn stale(ctx: &Ctx, url: String, key: String) -> Result<Response, WebError> {
    let errors = Errors::one("witnesses-form", ctx.tr.t("witnesses-stale"));
    show(ctx, url, key, None, errors).map(|r| r.status(StatusCode::CONFLICT))
}

/// `POST /staff/admin/witnesses/add`: `url`, `key`, `base`.
pub async fn add(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let admin = acting(ctx)?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let url = form.get(URL_FIELD).unwrap_or_default().trim().to_string();
    let key = form.get(KEY_FIELD).unwrap_or_default().trim().to_string();
    let base = form.get("base").unwrap_or_default();
    let added = ctx
        .app
        .administration()
        .add_witness(&admin, &url, &key, base)
        .await;
    match added {
        Ok(SettingsSaved::Saved | SettingsSaved::Unchanged) => Ok(Response::redirect(
            "/staff/admin/witnesses?done=witness-added",
        )),
        Ok(SettingsSaved::Stale) => stale(ctx, url, key),
        Err(e) => {
            let (status, errors) = refused(&ctx.tr, e, URL_FIELD, str::to_string)?;
            show(ctx, url, key, Some(base.to_string()), errors).map(|r| r.status(status))
        }
    }
}

/// `POST /staff/admin/witnesses/remove`: `key`, `base`. Only a witness of the settings.
pub async fn remove(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let admin = acting(ctx)?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let key = form.get("key").unwrap_or_default();
    if WitnessVerifier::parse(key).is_err() {
        return Err(WebError::BadRequest(ctx.tr.t("witness-error-key")));
    }
    let base = form.get("base").unwrap_or_default();
    let removed = ctx
        .app
        .administration()
        .remove_witness(&admin, key, base)
        .await;
    match removed {
        Ok(SettingsSaved::Saved | SettingsSaved::Unchanged) => Ok(Response::redirect(
            "/staff/admin/witnesses?done=witness-removed",
        )),
        Ok(SettingsSaved::Stale) => stale(ctx, String::new(), String::new()),
        Err(e) => Err(e.into()),
    }
}
