//! The error page, in the visitor's language: refused fields and the rules' refusals are
//! translated from their message ids ([`WebError::message_in`]).

use askama::Template;

use super::layout::Layout;
use recourse_projections::rule::RuleError;

use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    l: Layout,
    heading: String,
    message: String,
    /// Refused fields: (field name, for tests and scripts; the message, translated).
    fields: Vec<(String, String)>,
    /// Where to go back to (the case a refused action was sent from), and its label.
    back: Option<(String, String)>,
}

/// The page a refused action came from, and the message naming it: the case page for a
/// case action (`/staff/case/<id>/<action>`), the review page for a review's
/// (`/board/reviews/<id>/<action>`), the list of reviews for opening one.
fn back_to(path: &str) -> Option<(String, &'static str)> {
    match path
        .trim_start_matches('/')
        .split('/')
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["staff", "case", id, _action] if id.parse::<uuid::Uuid>().is_ok() => {
            Some((format!("/staff/case/{id}"), "file-back"))
        }
        ["board", "reviews", id, _action] if id.parse::<uuid::Uuid>().is_ok() => {
            Some((format!("/board/reviews/{id}"), "review-back"))
        }
        ["board", "reviews"] => Some(("/board/reviews".to_owned(), "review-back-list")),
        // Told to wait after too many tries: the way back to where one tries again.
        ["staff", "login"] | ["staff", "setup", _] => {
            Some(("/staff/login".to_owned(), "login-back"))
        }
        ["track"] | ["track", _] => Some(("/track".to_owned(), "track-back")),
        _ => None,
    }
}

/// The page for `e`.
pub fn page(ctx: &Ctx, e: &WebError) -> Response {
    let tr = &ctx.tr;
    let message = match e {
        WebError::NotFound => tr.t("error-not-found"),
        WebError::Unauthorized => tr.t("error-forbidden"),
        WebError::Csrf => tr.t("error-csrf"),
        WebError::TooMany => tr.t("error-too-many"),
        WebError::Throttled(w) => tr.t_count("error-too-many-wait", "minutes", w.minutes()),
        WebError::Internal(_) => tr.t("error-internal"),
        WebError::TooLarge => tr.t("error-bad-request"),
        WebError::Forbidden(m) if *m == RuleError::Restricted.to_string() => {
            tr.t("error-restricted")
        }
        // Refused fields and rule refusals, translated from their ids; other input messages
        // as they are.
        other => other.message_in(tr),
    };
    // Refused fields are listed one by one, each in the page's language (a person reads the
    // message, not the form's field name), and nothing was recorded.
    let (message, fields) = match e {
        WebError::Invalid(v) => (
            tr.t("error-nothing-recorded"),
            v.iter()
                .map(|i| (i.field.to_string(), tr.message(&i.message)))
                .collect(),
        ),
        _ => (message, Vec::new()),
    };
    let title = match e {
        WebError::TooMany | WebError::Throttled(_) => "error-too-many-title",
        WebError::Invalid(_) => "error-summary",
        _ => "error-title",
    };
    let back = back_to(&ctx.req.path).map(|(to, label)| (to, tr.t(label)));
    let page = ErrorPage {
        l: Layout::new(ctx, title),
        heading: tr.t(title),
        message,
        fields,
        back,
    };
    Response::html(page.render().unwrap_or_default())
}
