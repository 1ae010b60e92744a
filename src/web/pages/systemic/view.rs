//! What the systemic pages show of the read model: rows of the list, an action's page, the
//! form's choices and the forms offered, in the page's language.

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_events::ids::StaffId;
use recourse_events::review::{Origin, SystemicId};
use recourse_projections::framework::Reference;
use recourse_projections::read_model::ReadModel;
use recourse_projections::rule::RuleError;
use recourse_projections::systemic::{Systemic, SystemicStatus};
use std::collections::HashMap;

use crate::service::Acting;
use crate::web::error::WebError;
use crate::web::router::Ctx;

/// Where an action came from, as shown.
pub struct OriginView {
    /// The review and item it follows up: (link, sentence).
    pub review: Option<(String, String)>,
    /// The cases behind it, as links (committee members only): (link, short number).
    pub case_links: Vec<(String, String)>,
    /// How many cases, said in words (every viewer).
    pub cases: Option<String>,
}

/// One action in the list.
pub struct Row {
    /// Its page.
    pub href: String,
    /// Its title.
    pub title: String,
    /// Its framework item (id and text), or empty.
    pub item: String,
    /// Its owner's name.
    pub owner: String,
    /// The due date in force.
    pub due: String,
    /// `open`, `overdue`, `completed` or `verified`.
    pub status: &'static str,
    /// The status in words.
    pub status_label: String,
    /// Where it came from.
    pub origin: OriginView,
}

/// A recorded step: who, when, what.
pub struct Step {
    /// Who.
    pub by: String,
    /// When (local date and time).
    pub at: String,
    /// Their note.
    pub note: String,
    /// The due date the step moved the action to.
    pub due: Option<String>,
}

/// An action's page.
pub struct Shown {
    /// Its id.
    pub id: String,
    /// The list row (title, owner, due, status, origin).
    pub row: Row,
    /// Details.
    pub description: String,
    /// The due date it was opened with, when since moved.
    pub first_due: Option<String>,
    /// Who opened it, when.
    pub opened: Step,
    /// Progress notes, in order.
    pub progress: Vec<Step>,
    /// The report that it is done.
    pub completed: Option<Step>,
    /// The verification.
    pub verified: Option<Step>,
}

/// A form: offered, or why not (in the page's language).
pub struct Offer {
    /// Offered.
    pub ok: bool,
    /// Why not.
    pub why: String,
}

/// What a row shows: overdue is open past its due date.
fn status(a: &Systemic, today: Date) -> &'static str {
    match a.status {
        _ if a.overdue(today) => "overdue",
        SystemicStatus::Completed => "completed",
        SystemicStatus::Verified => "verified",
        SystemicStatus::Open | SystemicStatus::New => "open",
    }
}

fn item_label(ctx: &Ctx, reference: &Reference, id: &str) -> String {
    match reference.framework_item(id) {
        Some((_, item)) => {
            let text = if ctx.tr.lang == "fr" {
                &item.text_fr
            } else {
                &item.text
            };
            format!("{id} — {text}")
        }
        None => id.to_owned(),
    }
}

struct Names<'a>(&'a HashMap<StaffId, String>);

impl Names<'_> {
    fn of(&self, s: &StaffId) -> String {
        self.0.get(s).cloned().unwrap_or_else(|| s.to_string())
    }
}

fn origin(ctx: &Ctx, m: &ReadModel, o: &Origin, committee: bool) -> OriginView {
    let review = o.review.map(|id| {
        let period = m
            .review(&id)
            .and_then(|r| r.period())
            .map(|p| p.label())
            .unwrap_or_else(|| id.to_string());
        let item = o.item.clone().unwrap_or_default();
        (
            format!("/board/reviews/{id}"),
            ctx.tr.t_args(
                "systemic-origin-review",
                &[("period", &period), ("item", &item)],
            ),
        )
    });
    let case_links = if committee {
        o.cases
            .iter()
            .map(|c| {
                let id = c.to_string();
                let short = id[id.len().saturating_sub(8)..].to_owned();
                (format!("/staff/case/{id}"), short)
            })
            .collect()
    } else {
        Vec::new()
    };
    let cases = (!o.cases.is_empty()).then(|| {
        ctx.tr
            .t_count("systemic-origin-cases", "count", o.cases.len() as u32)
    });
    OriginView {
        review,
        case_links,
        cases,
    }
}

fn row(
    ctx: &Ctx,
    m: &ReadModel,
    names: &Names,
    a: &Systemic,
    committee: bool,
    today: Date,
) -> Option<Row> {
    let o = a.opened.as_ref()?;
    let status = status(a, today);
    Some(Row {
        href: format!("/board/systemic/{}", a.id),
        title: o.title.clone(),
        item: o
            .framework_item
            .as_deref()
            .map(|i| item_label(ctx, m.reference(), i))
            .unwrap_or_default(),
        owner: names.of(&o.owner),
        due: a.due.map(|d| d.to_string()).unwrap_or_default(),
        status,
        status_label: ctx.tr.t(&format!("systemic-status-{status}")),
        origin: origin(ctx, m, &o.origin, committee),
    })
}

/// Every action, the soonest due first (the ones still to do, then the done ones).
pub fn rows(ctx: &Ctx, committee: bool, today: Date) -> Vec<Row> {
    let names = ctx.app.service.staff_names();
    let names = Names(&names);
    ctx.app.service.read(|m| {
        let mut all: Vec<&Systemic> = m.systemic_actions().collect();
        all.sort_by_key(|a| {
            (
                a.status != SystemicStatus::Open,
                a.due,
                a.opened_by.map(|(_, at)| at),
            )
        });
        all.into_iter()
            .filter_map(|a| row(ctx, m, &names, a, committee, today))
            .collect()
    })
}

/// An action's page, or not found.
pub fn shown(ctx: &Ctx, id: SystemicId, committee: bool, today: Date) -> Result<Shown, WebError> {
    let names = ctx.app.service.staff_names();
    let names = Names(&names);
    ctx.app.service.read(|m| {
        let a = m.systemic_action(&id).ok_or(WebError::NotFound)?;
        let o = a.opened.as_ref().ok_or(WebError::NotFound)?;
        let row = row(ctx, m, &names, a, committee, today).ok_or(WebError::NotFound)?;
        let when = |at: Timestamp| {
            at.to_zoned(m.clocks().time_zone().clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        };
        let step = |n: &recourse_projections::systemic::Note| Step {
            by: names.of(&n.by),
            at: when(n.at),
            note: n.note.clone(),
            due: n.due.map(|d| d.to_string()),
        };
        let (by, at) = a.opened_by.ok_or(WebError::NotFound)?;
        Ok(Shown {
            id: id.to_string(),
            description: o.description.clone(),
            first_due: (a.due != Some(o.due)).then(|| o.due.to_string()),
            opened: Step {
                by: names.of(&by),
                at: when(at),
                note: String::new(),
                due: None,
            },
            progress: a.progress.iter().map(step).collect(),
            completed: a.completed.as_ref().map(step),
            verified: a.verified.as_ref().map(step),
            row,
        })
    })
}

/// Choices of a select: (value, label).
pub type Options = Vec<(String, String)>;

/// The owner choices (active staff, by name) and the framework items (id and text).
pub fn choices(ctx: &Ctx) -> (Options, Options) {
    let names = ctx.app.service.staff_names();
    ctx.app.service.read(|m| {
        let mut owners: Vec<(String, String)> = m
            .org()
            .staff
            .values()
            .filter(|s| s.active)
            .map(|s| {
                (
                    s.id.to_string(),
                    names
                        .get(&s.id)
                        .cloned()
                        .unwrap_or_else(|| s.id.to_string()),
                )
            })
            .collect();
        owners.sort_by(|a, b| a.1.cmp(&b.1));
        let items = m
            .reference()
            .framework
            .areas
            .iter()
            .flat_map(|a| &a.items)
            .map(|i| (i.id.clone(), item_label(ctx, m.reference(), &i.id)))
            .collect();
        (owners, items)
    })
}

/// The forms offered to `me` (progress, complete, verify), each with why not.
pub fn offers(ctx: &Ctx, id: SystemicId, me: &Acting) -> [Offer; 3] {
    let offer = |r: Result<(), RuleError>| match r {
        Ok(()) => Offer {
            ok: true,
            why: String::new(),
        },
        Err(e) => Offer {
            ok: false,
            why: ctx.tr.message(&e.message()),
        },
    };
    match ctx.app.service.systemic_can(me, id) {
        Some(can) => [offer(can.progress), offer(can.complete), offer(can.verify)],
        None => std::array::from_fn(|_| Offer {
            ok: false,
            why: String::new(),
        }),
    }
}
