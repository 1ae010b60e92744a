//! The forms the case page offers: which ones the rules allow ([`StaffCan`], asked once), the
//! corrective actions with the steps each allows, and the choices each form lists (reviewers
//! who may be assigned, active staff, categories, rights, framework items, outcomes, purposes,
//! conflicts).

use jiff::civil::Date;
use recourse_events::ids::StaffId;
use recourse_projections::case::Case;
use recourse_projections::framework::Reference;
use recourse_projections::org::Org;

use super::summary::Names;
use super::{CATEGORIES, Opt, options};
use crate::service::StaffCan;
use crate::service::case_action::{CONFLICTS, OUTCOMES, action_status_name};
use crate::web::router::Ctx;

/// Why a file may be opened, as the form offers them.
const PURPOSES: &[&str] = &[
    "handling",
    "appeal",
    "corrective_action",
    "audit",
    "client_request",
];

/// A corrective action as shown.
pub struct ActionRow {
    /// Number.
    pub id: u32,
    /// Owner name.
    pub owner: String,
    /// Due date.
    pub due: String,
    /// Status words.
    pub status: String,
    /// Overdue.
    pub late: bool,
    /// Offered: update, complete, verify, waive.
    pub can: [bool; 4],
}

/// The case's corrective actions, each with the steps `can` allows on it.
pub(super) fn action_rows(
    ctx: &Ctx,
    state: &Case,
    can: &StaffCan,
    names: &Names,
    today: Date,
) -> Vec<ActionRow> {
    state
        .actions
        .values()
        .map(|a| {
            let steps = can.on(a.id);
            ActionRow {
                id: a.id.0,
                owner: names.of(&a.owner),
                due: a.due.to_string(),
                status: ctx
                    .tr
                    .t(&format!("action-status-{}", action_status_name(a.status))),
                late: a.outstanding() && a.due < today,
                can: [steps.update, steps.complete, steps.verify, steps.waive],
            }
        })
        .collect()
}

/// The choices the forms list.
pub(super) struct Choices {
    /// Who may be assigned as reviewer.
    pub(super) reviewers: Vec<Opt>,
    /// Who may be assigned as the appeal's reviewer.
    pub(super) appeal_reviewers: Vec<Opt>,
    /// Active staff (owners of corrective actions, who recuses).
    pub(super) staff: Vec<Opt>,
    /// Categories.
    pub(super) categories: Vec<Opt>,
    /// Client Code rights.
    pub(super) rights: Vec<Opt>,
    /// Framework items, under their areas (in file order).
    pub(super) areas: Vec<ItemArea>,
    /// Decision outcomes.
    pub(super) outcomes: Vec<Opt>,
    /// Why a file is opened.
    pub(super) purposes: Vec<Opt>,
    /// Kinds of conflict.
    pub(super) conflicts: Vec<Opt>,
}

/// The staff `ids` as options.
fn people(ids: &[StaffId], names: &Names) -> Vec<Opt> {
    ids.iter()
        .map(|s| Opt {
            value: s.to_string(),
            label: names.of(s),
        })
        .collect()
}

/// A framework area with its items, as the forms group them.
pub struct ItemArea {
    /// The area's title, in the page's language (English if the framework has no other).
    pub title: String,
    /// Its items.
    pub items: Vec<Opt>,
}

/// The reference's rights and framework items (under their areas) as options, in the page's
/// language.
fn references(ctx: &Ctx, reference: &Reference) -> (Vec<Opt>, Vec<ItemArea>) {
    let fr = ctx.tr.lang == "fr";
    // The rights as the public Client Code page names them, in every page language.
    let rights = crate::web::choice::rights(&ctx.tr, reference)
        .into_iter()
        .map(|c| Opt {
            value: c.value,
            label: c.label,
        })
        .collect();
    let areas = reference
        .framework
        .areas
        .iter()
        .map(|a| ItemArea {
            title: if fr {
                a.title_fr.clone()
            } else {
                a.title.clone()
            },
            items: a
                .items
                .iter()
                .map(|i| Opt {
                    value: i.id.clone(),
                    label: if fr {
                        i.text_fr.clone()
                    } else {
                        i.text.clone()
                    },
                })
                .collect(),
        })
        .collect();
    (rights, areas)
}

/// Every form's choices.
pub(super) fn choices(
    ctx: &Ctx,
    org: &Org,
    reference: &Reference,
    can: &StaffCan,
    names: &Names,
) -> Choices {
    let active: Vec<StaffId> = org
        .staff
        .values()
        .filter(|s| s.active)
        .map(|s| s.id)
        .collect();
    let (rights, areas) = references(ctx, reference);
    Choices {
        reviewers: people(&can.reviewers, names),
        appeal_reviewers: people(&can.appeal_reviewers, names),
        staff: people(&active, names),
        categories: options(ctx, "category", CATEGORIES),
        rights,
        areas,
        outcomes: options(ctx, "decision", OUTCOMES),
        purposes: options(ctx, "purpose", PURPOSES),
        conflicts: options(ctx, "conflict", CONFLICTS),
    }
}
