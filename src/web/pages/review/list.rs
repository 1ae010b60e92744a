//! Every review, newest period first: its period, scope, status, when it was opened and
//! approved; and for the chair, the form that opens one.

use askama::Template;

use super::open::{OpenForm, form};
use super::view::{scope_label, status_label};
use super::viewer;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::pages::layout::Layout;
use crate::web::pages::render;
use crate::web::router::Ctx;

/// A review in the list.
struct Row {
    href: String,
    period: String,
    scope: String,
    /// The scope is a framework area (its title is the framework's, in English or French).
    area: bool,
    status: &'static str,
    status_label: String,
    opened: String,
    approved: String,
}

#[derive(Template)]
#[template(path = "review/list.html")]
struct ListPage {
    l: Layout,
    rows: Vec<Row>,
    form: Option<OpenForm>,
}

/// The list of reviews (and, for the chair, the open form).
pub fn list(ctx: &Ctx) -> Result<Response, WebError> {
    let viewer = viewer(ctx)?;
    let tr = &ctx.tr;
    let rows = ctx.app.service.read(|m| {
        let tz = m.clocks().time_zone().clone();
        let day = |at: jiff::Timestamp| at.to_zoned(tz.clone()).date().to_string();
        m.reviews()
            .into_iter()
            .filter_map(|r| {
                let o = r.opened.as_deref()?;
                Some(Row {
                    href: format!("/board/reviews/{}", r.id),
                    period: o.period.label(),
                    scope: scope_label(tr, m.reference(), o.area.as_deref()),
                    area: o.area.is_some(),
                    status: r.status.as_str(),
                    status_label: status_label(tr, r.status),
                    opened: r
                        .opened_step
                        .as_ref()
                        .map(|s| day(s.at))
                        .unwrap_or_default(),
                    approved: r.approved.as_ref().map(|s| day(s.at)).unwrap_or_default(),
                })
            })
            .collect()
    });
    render(ListPage {
        l: Layout::new(ctx, "review-list-title"),
        rows,
        form: viewer.chair.then(|| form(ctx, &ctx.req.query())),
    })
}
