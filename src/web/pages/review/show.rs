//! A review's page, its printable report (everything but the forms, with a print stylesheet
//! and no navigation), and the cases behind one of its figures.
//!
//! The cases behind a figure are listed as of now (from the read model as it stands), while
//! the recorded figure is as of the pinned checkpoint: the page says so, and shows both. Only
//! committee members and auditors see them ([`CASE_READERS`]): a case id is personal data
//! for the board.

use askama::Template;
use recourse_events::review::Figure;
use recourse_projections::review::evidence;
use recourse_projections::review::measure::Measure;

use super::view::{ReviewView, Snapshot, measure_label, ratings, value};
use super::{CASE_READERS, Viewer, parse_review, viewer};
use crate::limits::{REVIEW_TEXT, utf16_max};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::pages::layout::Layout;
use crate::web::pages::render;
use crate::web::router::Ctx;

#[derive(Template)]
#[template(path = "review/show.html")]
struct ReviewPage {
    l: Layout,
    v: ReviewView,
    me: Viewer,
    /// Forms are shown (never on the report).
    forms: bool,
    ratings: Vec<(&'static str, String)>,
    /// The `maxlength` of the texts.
    max: usize,
    /// What the texts' limit is, in words.
    text_hint: String,
}

#[derive(Template)]
#[template(path = "review/report.html")]
struct ReportPage {
    l: Layout,
    v: ReviewView,
    me: Viewer,
    forms: bool,
    ratings: Vec<(&'static str, String)>,
    max: usize,
    text_hint: String,
}

/// The review's page.
pub fn page(ctx: &Ctx, id: &str) -> Result<Response, WebError> {
    let me = viewer(ctx)?;
    let id = parse_review(id)?;
    let snapshot = Snapshot::read(ctx, id)?;
    render(ReviewPage {
        l: Layout::new(ctx, "review-title"),
        v: ReviewView::of(&ctx.tr, &snapshot, &me),
        me,
        forms: true,
        ratings: ratings(&ctx.tr),
        max: utf16_max(REVIEW_TEXT),
        text_hint: ctx.tr.t1("review-text-hint", "limit", REVIEW_TEXT),
    })
}

/// The printable report: the page without its forms.
pub fn report(ctx: &Ctx, id: &str) -> Result<Response, WebError> {
    let me = viewer(ctx)?;
    let id = parse_review(id)?;
    let snapshot = Snapshot::read(ctx, id)?;
    render(ReportPage {
        l: Layout::new(ctx, "review-report-title"),
        v: ReviewView::of(&ctx.tr, &snapshot, &me),
        me,
        forms: false,
        ratings: Vec::new(),
        max: utf16_max(REVIEW_TEXT),
        text_hint: ctx.tr.t1("review-text-hint", "limit", REVIEW_TEXT),
    })
}

#[derive(Template)]
#[template(path = "review/cases.html")]
struct CasesPage {
    l: Layout,
    back: String,
    item: String,
    measure: String,
    recorded: String,
    now: String,
    note: String,
    cases: Vec<String>,
}

/// The cases behind a figure (`?item=..&measure=..`), for committee members and auditors.
pub fn cases(ctx: &Ctx, id: &str) -> Result<Response, WebError> {
    ctx.staff_with(CASE_READERS)?;
    let id = parse_review(id)?;
    let query = ctx.req.query();
    let bad = || WebError::BadRequest(ctx.tr.t("review-cases-bad"));
    let item = query.get("item").ok_or_else(bad)?.to_owned();
    let name = query.get("measure").ok_or_else(bad)?.to_owned();
    let measure = Measure::parse(&name).map_err(|_| bad())?;
    let found = ctx.app.service.read(|m| {
        let review = m.review(&id).filter(|r| r.opened.is_some())?;
        let recorded = review
            .items()
            .find(|i| i.item == item)?
            .figures
            .iter()
            .find(|f| f.measure == name)?
            .clone();
        let period = review.period()?;
        let size = review.opened.as_ref().map_or(0, |o| o.pinned.size);
        let (now, cases) = evidence::cases_behind(m, period, &item, &measure);
        Some((recorded, now, cases, size, m.reference().clone()))
    });
    let (recorded, now, cases, size, reference): (Figure, Figure, _, u64, _) =
        found.ok_or(WebError::NotFound)?;
    let tr = &ctx.tr;
    let text = reference
        .framework_item(&item)
        .map(|(_, i)| {
            if tr.lang == "fr" && !i.text_fr.is_empty() {
                i.text_fr.clone()
            } else {
                i.text.clone()
            }
        })
        .unwrap_or_else(|| item.clone());
    render(CasesPage {
        l: Layout::new(ctx, "review-cases-title"),
        back: format!("/board/reviews/{id}#item-{item}"),
        item: text,
        measure: measure_label(tr, &reference, &name),
        recorded: value(tr, &recorded),
        now: value(tr, &now),
        note: tr.t1("review-cases-note", "size", size),
        cases: cases.iter().map(ToString::to_string).collect(),
    })
}
