//! Opening a review: the form the chair sees on the list (a period of the chosen length among
//! the last eight, aligned on the organization's year; the whole framework or one area; and,
//! when it comes from a review's item, that origin), and its post, which the application
//! turns into `review.opened` with the figures computed from the ledger as it stands.
//!
//! The period's length is chosen first (a GET that lists that length's periods): a page
//! without script cannot change one list from another, and a start date only means something
//! for one length.

use std::str::FromStr;

use jiff::civil::Date;
use recourse_events::review::{Cadence, Origin, Period, PeriodKind, ReviewId};
use recourse_projections::message::Message;

use super::view::scope_label;
use super::viewer;
use crate::service::Invalid;
use crate::service::review::OpenReview;
use crate::web::error::WebError;
use crate::web::http::{Form, Response};
use crate::web::router::Ctx;

/// How many periods the form offers.
const PERIODS: usize = 8;

/// The open form as shown.
pub(crate) struct OpenForm {
    /// The length chosen (`quarter`, `half_year`, `year`).
    pub kind: &'static str,
    /// The lengths offered: (value, words).
    pub kinds: Vec<(&'static str, String)>,
    /// The periods of that length: (start date, words, selected).
    pub periods: Vec<(String, String, bool)>,
    /// The scopes: (area id, or empty for the whole framework; words; selected).
    pub areas: Vec<(String, String, bool)>,
    /// The review and item this one follows up, with a sentence saying so.
    pub origin: Option<(String, String, String)>,
}

/// The organization's review cadence (a calendar year of quarters unless set).
fn cadence(ctx: &Ctx) -> Cadence {
    ctx.app
        .service
        .read(|m| m.org().settings.review_cadence)
        .unwrap_or_default()
}

/// Today in the organization's time zone.
fn today(ctx: &Ctx) -> Date {
    let now = ctx.app.service.now();
    ctx.app.service.read(|m| m.clocks().local_date(now))
}

/// The last [`PERIODS`] periods of `kind` that have begun by `today`, newest first.
fn recent(kind: PeriodKind, today: Date, fiscal_start: i8) -> Vec<Period> {
    let mut p = Period::containing(kind, today, fiscal_start);
    let mut out = Vec::with_capacity(PERIODS);
    for _ in 0..PERIODS {
        out.push(p);
        p = p.previous();
    }
    out
}

/// The form, for the length asked in `query` (else the cadence's), prefilled with the origin
/// a review's item link gives (`?review=<id>&item=<item>&area=<area>`).
pub(crate) fn form(ctx: &Ctx, query: &Form) -> OpenForm {
    let tr = &ctx.tr;
    let cadence = cadence(ctx);
    let kind = query
        .get("kind")
        .and_then(|k| PeriodKind::from_str(k).ok())
        .unwrap_or(cadence.every);
    let today = today(ctx);
    let recent = recent(kind, today, cadence.fiscal_start);
    // The last complete period is the usual choice.
    let chosen = recent.get(1).copied();
    let periods = recent
        .iter()
        .map(|p| {
            let last = p.end().yesterday().unwrap_or(p.end());
            (
                p.start.to_string(),
                tr.t_args(
                    "review-period-option",
                    &[
                        ("label", &p.label()),
                        ("from", &p.start.to_string()),
                        ("to", &last.to_string()),
                    ],
                ),
                Some(*p) == chosen,
            )
        })
        .collect();
    let (reference, origin) = ctx.app.service.read(|m| {
        let origin = query
            .get("review")
            .and_then(|r| r.parse::<ReviewId>().ok())
            .and_then(|id| m.review(&id))
            .zip(query.get("item"))
            .filter(|(r, item)| r.in_scope(item))
            .map(|(r, item)| {
                let label = r.period().map(|p| p.label()).unwrap_or_default();
                (
                    r.id.to_string(),
                    item.to_owned(),
                    tr.t_args("review-open-origin", &[("item", item), ("period", &label)]),
                )
            });
        (m.reference().clone(), origin)
    });
    let wanted = query
        .get("area")
        .map(str::to_owned)
        .or_else(|| {
            let (_, item, _) = origin.as_ref()?;
            Some(reference.area_of_item(item)?.id.clone())
        })
        .unwrap_or_default();
    let mut areas = Vec::new();
    // A review opened from another review's item is an area review: no whole framework.
    if origin.is_none() {
        areas.push((
            String::new(),
            tr.t("review-open-area-all"),
            wanted.is_empty(),
        ));
    }
    for a in &reference.framework.areas {
        areas.push((
            a.id.clone(),
            scope_label(tr, &reference, Some(&a.id)),
            a.id == wanted,
        ));
    }
    OpenForm {
        kind: kind.as_str(),
        kinds: PeriodKind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str(),
                    tr.t(&format!("review-kind-{}", k.as_str().replace('_', "-"))),
                )
            })
            .collect(),
        periods,
        areas,
        origin,
    }
}

/// Reads the open form: every field checked, every refusal reported.
fn read(ctx: &Ctx, form: &Form) -> Result<OpenReview, WebError> {
    let cadence = cadence(ctx);
    let mut refused = Vec::new();
    let choice = |field| Invalid::new(field, Message::new("invalid-choice"));
    let kind = form.get("kind").and_then(|k| PeriodKind::from_str(k).ok());
    if kind.is_none() {
        refused.push(choice("kind"));
    }
    let start = form.get("period").and_then(|d| d.parse::<Date>().ok());
    let period = match (kind, start) {
        (Some(kind), Some(start)) => Period::new(kind, start, cadence.fiscal_start)
            .ok()
            .filter(|p| p.start <= today(ctx)),
        _ => None,
    };
    if period.is_none() && kind.is_some() {
        refused.push(Invalid::new(
            "period",
            Message::new("review-invalid-period"),
        ));
    }
    let area = form.get("area").map(str::to_owned);
    if let Some(a) = &area
        && ctx.app.service.read(|m| m.reference().area(a).is_none())
    {
        refused.push(choice("area"));
    }
    let review = match form.get("origin_review") {
        None => None,
        Some(r) => match r.parse::<ReviewId>() {
            Ok(id) => Some(id),
            Err(_) => {
                refused.push(choice("origin_review"));
                None
            }
        },
    };
    match period {
        Some(period) if refused.is_empty() => Ok(OpenReview {
            period,
            area,
            origin: Origin {
                review,
                item: form.get("origin_item").map(str::to_owned),
                cases: Vec::new(),
            },
        }),
        _ => Err(WebError::Invalid(refused)),
    }
}

/// Opens a review from the form, then shows it (303).
pub async fn open(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    viewer(ctx)?;
    let ask = read(ctx, &form)?;
    let who = ctx.acting()?;
    let service = &ctx.app.service;
    let (id, _) = service.open_review(&who, &ask, service.now()).await?;
    Ok(Response::redirect(&format!(
        "/board/reviews/{id}?done=review-opened"
    )))
}
