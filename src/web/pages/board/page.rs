//! The dashboard page: the period form, and for a valid period the key figures, the charts
//! and the breakdowns of the application's report; for a bad one, the form again with what to
//! correct beside each field (a 400).

use askama::Template;
use warp::http::StatusCode;

use super::ROLES;
use super::form::{Typed, granularities, granularity_id, report};
use super::view::View;
use crate::service::Invalid;
use crate::web::error::WebError;
use crate::web::http::{Form, Response};
use crate::web::pages::layout::Layout;
use crate::web::pages::render;
use crate::web::router::Ctx;

#[derive(Template)]
#[template(path = "board/dashboard.html")]
struct Page {
    l: Layout,
    typed: Typed,
    granularities: Vec<(&'static str, String)>,
    errors: Vec<(&'static str, String)>,
    view: Option<View>,
    /// The framework review due, if any (the board's home says so).
    due: Option<crate::web::pages::systemic::DueBanner>,
}

impl Page {
    fn error(&self, field: &str) -> Option<&String> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m)
    }
}

/// The dashboard.
pub fn dashboard(ctx: &Ctx) -> Result<Response, WebError> {
    ctx.staff_with(ROLES)?;
    let tr = &ctx.tr;
    let form = ctx.req.query();
    let asked = match report(ctx, &form) {
        Ok(asked) => asked,
        Err(WebError::Invalid(errors)) => return refused(ctx, &form, &errors),
        Err(e) => return Err(e),
    };
    let (reference, programs, sites) = ctx.app.service.read(|m| {
        let settings = &m.org().settings;
        (
            m.reference().clone(),
            settings.programs.clone(),
            settings.sites.clone(),
        )
    });
    let view = View::of(tr, &asked, &reference, &programs, &sites);
    let query = asked.query;
    render(Page {
        l: Layout::new(ctx, "board-title"),
        typed: Typed {
            granularity: granularity_id(query.granularity).to_owned(),
            from: query.from.to_string(),
            to: query.to.to_string(),
        },
        granularities: granularities(tr),
        errors: vec![],
        view: Some(view),
        due: crate::web::pages::systemic::due_banner(ctx),
    })
}

/// The form again, as typed, with why each refused field was refused (a 400).
fn refused(ctx: &Ctx, form: &Form, errors: &[Invalid]) -> Result<Response, WebError> {
    let typed = Typed {
        granularity: form.get("granularity").unwrap_or("quarter").to_owned(),
        from: form.get("from").unwrap_or_default().to_owned(),
        to: form.get("to").unwrap_or_default().to_owned(),
    };
    let page = Page {
        l: Layout::new(ctx, "board-title"),
        typed,
        granularities: granularities(&ctx.tr),
        errors: errors
            .iter()
            .map(|e| (e.field, ctx.tr.message(&e.message)))
            .collect(),
        view: None,
        due: crate::web::pages::systemic::due_banner(ctx),
    };
    render(page).map(|r| r.status(StatusCode::BAD_REQUEST))
}
