//! Systemic corrective actions: organization-level actions opened from a review's item rated
//! partly met or not met, or from a pattern of cases (`/board/systemic`).
//!
//! - `GET /board/systemic`: every action, with its framework item, owner, due date, status
//!   (open, overdue, completed, verified) and where it came from; filtered by status with
//!   `?status=`. The chair, reviewers, auditors, the board and administrators read it; only
//!   committee members (chair, reviewers, auditors: those who may open case files) see links
//!   to the cases an action came from, the others their number.
//! - `GET /board/systemic/new` (the chair): the form, prefilled from
//!   `?review=<id>&item=<item>` when it follows up a review's item; `POST /board/systemic`
//!   opens it through [`Service::open_systemic`](crate::service::Service::open_systemic).
//! - `GET /board/systemic/<id>`: everything recorded, and the forms the viewer may use, as
//!   the rules decide (a dry run of `decide`): progress and completion for its owner or the
//!   chair, verification for the chair or an auditor who neither owns it nor reported it done;
//!   a form not offered says why, in the rules' words. `POST /board/systemic/<id>/<action>`
//!   (`progress`, `complete`, `verify`).
//!
//! Handlers parse, call the service and render: the rules and the service decide.

mod view;

use askama::Template;
use jiff::civil::Date;
use recourse_events::limits;
use recourse_events::org::Role;
use recourse_events::review::{Origin, ReviewId, SystemicId, SystemicNote, SystemicOpened};
use recourse_projections::message::Message;
use recourse_projections::systemic::SystemicCommand;

use super::layout::Layout;
use super::render;
use crate::service::review::case_references;
use crate::service::{Invalid, ServiceError};
use crate::web::error::WebError;
use crate::web::http::{Form, Response};
use crate::web::router::Ctx;
use view::{Offer, Row, Shown};

/// Who reads systemic actions.
pub const ROLES: &[Role] = &[
    Role::Chair,
    Role::Reviewer,
    Role::Auditor,
    Role::Board,
    Role::Admin,
];

/// Who sees the cases an action came from as links (those who may open case files).
const COMMITTEE: &[Role] = &[Role::Chair, Role::Reviewer, Role::Auditor];

/// The statuses the list filters on, in order.
const STATUSES: [&str; 4] = ["open", "overdue", "completed", "verified"];

#[derive(Template)]
#[template(path = "systemic/list.html")]
struct ListPage {
    l: Layout,
    rows: Vec<Row>,
    /// (slug, label, count) for each status filter.
    filters: Vec<(&'static str, String, usize)>,
    status: String,
    all: usize,
    can_open: bool,
}

#[derive(Template)]
#[template(path = "systemic/new.html")]
struct NewPage {
    l: Layout,
    owners: Vec<(String, String)>,
    items: Vec<(String, String)>,
    /// The review and item it follows up: (review id, item id, the sentence naming them).
    from_review: Option<(String, String, String)>,
    /// The framework item chosen first: the review's item it follows up, if any.
    item: String,
    title_max: usize,
    text_max: usize,
    today: String,
}

#[derive(Template)]
#[template(path = "systemic/show.html")]
struct ShowPage {
    l: Layout,
    a: Shown,
    progress: Offer,
    complete: Offer,
    verify: Offer,
    text_max: usize,
}

fn parse_id(id: &str) -> Result<SystemicId, WebError> {
    id.parse().map_err(|_| WebError::NotFound)
}

/// True if the signed-in staff member holds one of `roles`.
fn holds(ctx: &Ctx, roles: &[Role]) -> Result<bool, WebError> {
    let me = ctx.staff()?.staff;
    let held = ctx.app.service.read(|m| m.org().roles(me));
    Ok(roles.iter().any(|r| held.contains(r)))
}

/// The organization's local date now.
fn today(ctx: &Ctx) -> Date {
    let now = ctx.app.service.now();
    ctx.app.service.read(|m| m.clocks().local_date(now))
}

/// `GET /board/systemic`: every action, newest due first, perhaps filtered by status.
pub fn list(ctx: &Ctx) -> Result<Response, WebError> {
    ctx.staff_with(ROLES)?;
    let committee = holds(ctx, COMMITTEE)?;
    let can_open = holds(ctx, &[Role::Chair])?;
    let query = ctx.req.query();
    let status = query.get("status").unwrap_or_default().to_owned();
    if !status.is_empty() && !STATUSES.contains(&status.as_str()) {
        return Err(WebError::Invalid(vec![Invalid::new(
            "status",
            Message::new("invalid-choice"),
        )]));
    }
    let all = view::rows(ctx, committee, today(ctx));
    let filters = STATUSES
        .iter()
        .map(|s| {
            let n = all.iter().filter(|r| r.status == *s).count();
            (*s, ctx.tr.t(&format!("systemic-status-{s}")), n)
        })
        .collect();
    let count = all.len();
    let rows = all
        .into_iter()
        .filter(|r| status.is_empty() || r.status == status)
        .collect();
    render(ListPage {
        l: Layout::new(ctx, "systemic-title"),
        rows,
        filters,
        status,
        all: count,
        can_open,
    })
}

/// `GET /board/systemic/new`: the chair's form.
pub fn new_form(ctx: &Ctx) -> Result<Response, WebError> {
    ctx.staff_with(&[Role::Chair])?;
    let query = ctx.req.query();
    let from_review = match (query.get("review"), query.get("item")) {
        (Some(review), Some(item)) => {
            let id: ReviewId = review.parse().map_err(|_| WebError::NotFound)?;
            let label = ctx
                .app
                .service
                .read(|m| m.review(&id).and_then(|r| r.period()).map(|p| p.label()))
                .ok_or(WebError::NotFound)?;
            let sentence = ctx.tr.t_args(
                "systemic-new-from-review",
                &[("period", &label), ("item", item)],
            );
            Some((id.to_string(), item.to_owned(), sentence))
        }
        (None, None) => None,
        _ => {
            return Err(WebError::BadRequest(
                ctx.tr.t("systemic-new-review-and-item"),
            ));
        }
    };
    let (owners, items) = view::choices(ctx);
    // An action following up a review's item serves that item (unless the chair changes it).
    let item = from_review
        .as_ref()
        .map(|(_, item, _)| item.clone())
        .filter(|item| items.iter().any(|(value, _)| value == item))
        .unwrap_or_default();
    render(NewPage {
        l: Layout::new(ctx, "systemic-new-title"),
        owners,
        items,
        from_review,
        item,
        title_max: limits::TITLE,
        text_max: limits::REVIEW_TEXT,
        today: today(ctx).to_string(),
    })
}

/// The form's fields as the service takes them, or every field refused.
fn opened_from(ctx: &Ctx, form: &Form) -> Result<SystemicOpened, WebError> {
    let mut refused = Vec::new();
    let text = |name: &str| form.text(name).unwrap_or_default().trim().to_owned();
    let title = text("title");
    let description = text("description");
    for (field, value, max) in [
        ("title", &title, limits::TITLE),
        ("description", &description, limits::REVIEW_TEXT),
    ] {
        if let Err(e) = crate::service::validation::required(field, value)
            .and_then(|()| crate::service::validation::at_most(field, value, max))
        {
            refused.push(e);
        }
    }
    let owner = form.get("owner").and_then(|o| o.parse().ok());
    if owner.is_none() {
        refused.push(Invalid::new("owner", Message::new("invalid-staff")));
    }
    let due = form.get("due").and_then(|d| d.parse::<Date>().ok());
    if due.is_none() {
        refused.push(Invalid::new("due", Message::new("invalid-date")));
    }
    let framework_item = form
        .get("framework_item")
        .filter(|i| !i.is_empty())
        .map(String::from);
    let review = match form.get("review").filter(|r| !r.is_empty()) {
        None => None,
        Some(r) => match r.parse::<ReviewId>() {
            Ok(id) => Some(id),
            Err(_) => {
                refused.push(Invalid::new("review", Message::new("invalid-choice")));
                None
            }
        },
    };
    let item = form.get("item").filter(|i| !i.is_empty()).map(String::from);
    let cases = match ctx
        .app
        .service
        .read(|m| case_references(m, "cases", form.text("cases").unwrap_or_default()))
    {
        Ok(cases) => cases,
        Err(ServiceError::Invalid(v)) => {
            refused.extend(v);
            Vec::new()
        }
        Err(e) => return Err(e.into()),
    };
    match (owner, due) {
        (Some(owner), Some(due)) if refused.is_empty() => Ok(SystemicOpened {
            title,
            description,
            owner,
            due,
            framework_item,
            origin: Origin {
                review,
                item: review.and(item),
                cases,
            },
        }),
        _ => Err(WebError::Invalid(refused)),
    }
}

/// `POST /board/systemic`: opens an action, then shows it.
pub async fn create(ctx: &Ctx<'_>) -> Result<Response, WebError> {
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    ctx.staff_with(&[Role::Chair])?;
    let opened = opened_from(ctx, &form)?;
    let who = ctx.acting()?;
    let at = ctx.app.service.now();
    let (id, _) = ctx.app.service.open_systemic(&who, opened, at).await?;
    Ok(Response::redirect(&format!(
        "/board/systemic/{id}?done=systemic-opened"
    )))
}

/// `GET /board/systemic/<id>`: the action and the forms the viewer may use.
pub fn show(ctx: &Ctx, id: &str) -> Result<Response, WebError> {
    ctx.staff_with(ROLES)?;
    let id = parse_id(id)?;
    let committee = holds(ctx, COMMITTEE)?;
    let me = ctx.acting()?;
    let today = today(ctx);
    let a = view::shown(ctx, id, committee, today)?;
    let [progress, complete, verify] = view::offers(ctx, id, &me);
    render(ShowPage {
        l: Layout::new(ctx, "systemic-page-title"),
        a,
        progress,
        complete,
        verify,
        text_max: limits::REVIEW_TEXT,
    })
}

/// `POST /board/systemic/<id>/<action>`: progress (with perhaps a new due date), complete or
/// verify; then back to the action.
pub async fn act(ctx: &Ctx<'_>, id: &str, action: &str) -> Result<Response, WebError> {
    let id = parse_id(id)?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    ctx.staff_with(ROLES)?;
    let note = form.text("note").unwrap_or_default().trim().to_owned();
    let mut refused = Vec::new();
    if let Err(e) = crate::service::validation::required("note", &note)
        .and_then(|()| crate::service::validation::at_most("note", &note, limits::REVIEW_TEXT))
    {
        refused.push(e);
    }
    let due = match form.get("due").filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => match d.parse::<Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                refused.push(Invalid::new("due", Message::new("invalid-date")));
                None
            }
        },
    };
    let command = match action {
        "progress" => SystemicCommand::Progress(SystemicNote { note, due }),
        "complete" => SystemicCommand::Complete(SystemicNote { note, due: None }),
        "verify" => SystemicCommand::Verify(SystemicNote { note, due: None }),
        _ => return Err(WebError::NotFound),
    };
    if !refused.is_empty() {
        return Err(WebError::Invalid(refused));
    }
    let who = ctx.acting()?;
    let at = ctx.app.service.now();
    ctx.app
        .service
        .act_on_systemic(&who, id, command, at)
        .await?;
    Ok(Response::redirect(&format!(
        "/board/systemic/{id}?done=systemic-{action}"
    )))
}

/// The banner saying a framework review is due (or in progress) for the last complete period.
pub struct DueBanner {
    /// `due` or `in-progress`.
    pub state: &'static str,
    /// The sentence, in the page's language.
    pub text: String,
    /// The link's text (to `/board/reviews`).
    pub link: String,
}

/// The due-review banner of the board's home, if a review is due
/// ([`due_review_state`](crate::service::review::due_review_state)).
pub fn due_banner(ctx: &Ctx) -> Option<DueBanner> {
    use crate::service::review::{DueState, due_review_state};
    let today = today(ctx);
    let (period, state) = ctx.app.service.read(|m| due_review_state(m, today))?;
    let label = period.label();
    let (state, id) = match state {
        DueState::Due => ("due", "systemic-review-due"),
        DueState::InProgress(_) => ("in-progress", "systemic-review-in-progress"),
    };
    Some(DueBanner {
        state,
        text: ctx.tr.t1(id, "period", &label),
        link: ctx.tr.t("systemic-review-link"),
    })
}
