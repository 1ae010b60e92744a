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
    let title = match e {
        WebError::TooMany | WebError::Throttled(_) => "error-too-many-title",
        _ => "error-title",
    };
    let page = ErrorPage {
        l: Layout::new(ctx, title),
        heading: tr.t(title),
        message,
    };
    Response::html(page.render().unwrap_or_default())
}
