//! The public transparency report (`/transparency`, no sign-in, in every language) and the
//! board's page to preview and publish one (`/board/transparency`).
//!
//! The public page shows only what a board member published: the figures recorded in the
//! signed `report.published` event (already suppressed where small), the titles and states of
//! the systemic actions it names, and the ratings of the approved review it names. The board's
//! preview computes the same report from the ledger as it stands, with the same suppression,
//! so what they see is what they publish.

use askama::Template;
use recourse_events::review::{Cell, Period, PeriodKind, ReportPublished};

use crate::service::transparency::report;
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::pages::layout::Layout;
use crate::web::pages::render;
use crate::web::router::Ctx;
use recourse_events::org::Role;

/// One line as shown: its label and its value, translated.
pub struct Shown {
    /// The line's label.
    pub label: String,
    /// The value ("12", or "not shown: small numbers").
    pub value: String,
    /// Indented under a total.
    pub part: bool,
}

/// A rating of the approved review, as shown.
pub struct Rated {
    /// The item's text.
    pub item: String,
    /// The rating, translated.
    pub rating: String,
}

/// A systemic action, as shown.
pub struct Action {
    /// Its title.
    pub title: String,
    /// Its status, translated.
    pub status: String,
}

/// The report, ready for a template.
pub struct View {
    /// The period's label.
    pub period: String,
    /// The lines.
    pub lines: Vec<Shown>,
    /// The systemic actions.
    pub actions: Vec<Action>,
    /// The approved review's period and ratings.
    pub review: Option<(String, Vec<Rated>)>,
    /// The pinned ledger size and root (hex).
    pub pinned: (u64, String),
}

fn view(ctx: &Ctx, published: &ReportPublished) -> View {
    let tr = &ctx.tr;
    let value = |c: &Cell| match c {
        Cell::Shown(n) => n.to_string(),
        Cell::Suppressed => tr.t("transparency-suppressed"),
    };
    let lines = published
        .lines
        .iter()
        .map(|l| Shown {
            label: tr.t(&format!("transparency-line-{}", l.label.replace(':', "-"))),
            value: value(&l.cell),
            part: l.label.contains(':') && !l.label.ends_with(":total"),
        })
        .collect();
    let french = tr.lang == "fr";
    let (actions, review) = ctx.app.service.read(|m| {
        let actions = published
            .systemic
            .iter()
            .filter_map(|id| m.systemic_action(id))
            .filter_map(|s| {
                s.opened.as_ref().map(|o| Action {
                    title: o.title.clone(),
                    status: tr.t(&format!("transparency-systemic-{}", s.status.as_str())),
                })
            })
            .collect();
        let review = published.review.and_then(|id| m.review(&id)).map(|r| {
            let reference = m.reference();
            let ratings = r
                .items()
                .map(|i| {
                    let text = reference
                        .framework_item(&i.item)
                        .map(|(_, item)| {
                            if french {
                                item.text_fr.clone()
                            } else {
                                item.text.clone()
                            }
                        })
                        .unwrap_or_else(|| i.item.clone());
                    let rating = r.ratings.get(&i.item).map_or_else(
                        || tr.t("transparency-unrated"),
                        |x| tr.t(&format!("transparency-rating-{}", x.rating.as_str())),
                    );
                    Rated { item: text, rating }
                })
                .collect();
            (r.period().map(|p| p.label()).unwrap_or_default(), ratings)
        });
        (actions, review)
    });
    View {
        period: published.period.label(),
        lines,
        actions,
        review,
        pinned: (published.pinned.size, published.pinned.root.to_hex()),
    }
}

#[derive(Template)]
#[template(path = "public/transparency.html")]
struct Public {
    l: Layout,
    report: Option<View>,
    /// Every report: (id, its period and the day it was published).
    others: Vec<(String, String)>,
    current: String,
}

/// `GET /transparency` (the latest report) and `GET /transparency/<id>`.
pub fn public(ctx: &Ctx, id: Option<&str>) -> Result<Response, WebError> {
    // Each with the day it was published: a period may be published more than once.
    let reports = ctx.app.service.read(|m| {
        m.reports()
            .into_iter()
            .map(|r| (r.id, r.report.clone(), m.clocks().local_date(r.at)))
            .collect::<Vec<_>>()
    });
    let chosen = match id {
        None => reports.first(),
        Some(id) => {
            let found = reports.iter().find(|(r, _, _)| r.to_string() == id);
            Some(found.ok_or(WebError::NotFound)?)
        }
    };
    render(Public {
        l: Layout::new(ctx, "transparency-title"),
        report: chosen.map(|(_, r, _)| view(ctx, r)),
        current: chosen.map(|(id, _, _)| id.to_string()).unwrap_or_default(),
        others: reports
            .iter()
            .map(|(id, r, day)| {
                let label = ctx.tr.t_args(
                    "transparency-published-on",
                    &[("period", &r.period.label()), ("date", &day.to_string())],
                );
                (id.to_string(), label)
            })
            .collect(),
    })
}

#[derive(Template)]
#[template(path = "board/transparency.html")]
struct Board {
    l: Layout,
    /// The periods offered: (kind slug, start, label), newest first.
    periods: Vec<(String, String, String)>,
    chosen: String,
    preview: Option<View>,
    can_publish: bool,
}

/// The periods a report may cover: the last 8 quarters and the last 3 years, aligned on the
/// organization's year.
fn periods(ctx: &Ctx) -> Vec<Period> {
    let (today, fiscal) = ctx.app.service.read(|m| {
        (
            m.clocks().local_date(ctx.app.service.now()),
            m.org()
                .settings
                .review_cadence
                .unwrap_or_default()
                .fiscal_start,
        )
    });
    let mut out = Vec::new();
    for (kind, n) in [(PeriodKind::Quarter, 8), (PeriodKind::Year, 3)] {
        let mut p = Period::containing(kind, today, fiscal);
        for _ in 0..n {
            out.push(p);
            p = p.previous();
        }
    }
    out
}

fn period_key(p: &Period) -> String {
    format!("{}:{}", p.kind.as_str(), p.start)
}

/// `GET /board/transparency?period=<kind>:<start>`: the periods, and a preview of one.
pub fn board(ctx: &Ctx) -> Result<Response, WebError> {
    let s = ctx.staff_with(&[Role::Board, Role::Chair, Role::Admin])?;
    let can_publish = ctx
        .app
        .service
        .read(|m| m.org().has_role(s.staff, Role::Board));
    let offered = periods(ctx);
    let asked = ctx.req.query().get("period").map(str::to_owned);
    let chosen = asked
        .as_deref()
        .and_then(|k| offered.iter().find(|p| period_key(p) == k))
        .copied();
    if asked.is_some() && chosen.is_none() {
        return Err(WebError::BadRequest(ctx.tr.t("transparency-bad-period")));
    }
    let preview = chosen.map(|p| {
        let published = ctx.app.service.read(|m| report(m, p));
        view(ctx, &published)
    });
    render(Board {
        l: Layout::new(ctx, "transparency-board-title"),
        periods: offered
            .iter()
            .map(|p| (period_key(p), p.start.to_string(), p.label()))
            .collect(),
        chosen: chosen.map(|p| period_key(&p)).unwrap_or_default(),
        preview,
        can_publish,
    })
}

/// `POST /board/transparency`: a board member publishes the report of the period.
pub async fn publish(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    let who = ctx.acting()?;
    let offered = periods(ctx);
    let period = form
        .get("period")
        .and_then(|k| offered.iter().find(|p| period_key(p) == k))
        .copied()
        .ok_or_else(|| WebError::BadRequest(ctx.tr.t("transparency-bad-period")))?;
    let (id, _) = ctx
        .app
        .service
        .publish_report(&who, period, ctx.app.service.now())
        .await?;
    Ok(Response::redirect(&format!("/transparency/{id}")))
}
