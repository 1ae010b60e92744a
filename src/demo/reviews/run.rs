//! A calendar step carried out through the service: the ids the service gave reviews and
//! systemic actions are kept by plan index, and a pattern's cases are found in the read model
//! when its (barrier) step runs.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use recourse_events::ids::CaseId;
use recourse_events::review::{
    Origin, Period, ReviewAttested, ReviewId, ReviewRated, SystemicId, SystemicNote, SystemicOpened,
};
use recourse_projections::read_model::ReadModel;
use recourse_projections::review::ReviewCommand;
use recourse_projections::review::evidence::cases_behind;
use recourse_projections::review::measure::Measure;
use recourse_projections::systemic::SystemicCommand;

use super::{CADENCE, OrgStep, Pattern, texts};
use crate::demo::run::Shared;
use crate::service::{OpenReview, ServiceError};

/// The most cases a pattern names.
const PATTERN_MAX: usize = 6;
/// The right a pattern of complaints behind an area review cites first.
const PRIVACY: &str = "privacy";

/// The ids the service gave the calendar's reviews and actions, by plan index, and the items
/// pattern actions chose (so the next pattern looks at another).
#[derive(Debug, Default)]
pub(in crate::demo) struct Ids {
    reviews: BTreeMap<usize, ReviewId>,
    actions: BTreeMap<usize, SystemicId>,
    pattern_items: Vec<String>,
    /// Pattern actions not opened: no complaint was tagged in their window (a tiny demo).
    skipped: BTreeSet<usize>,
}

fn ids(shared: &Shared) -> std::sync::MutexGuard<'_, Ids> {
    // A step that panicked while holding the lock is reported by the runner already.
    shared.org.lock().unwrap_or_else(|e| e.into_inner())
}

fn review_id(shared: &Shared, i: usize) -> Result<ReviewId, ServiceError> {
    ids(shared)
        .reviews
        .get(&i)
        .copied()
        .ok_or_else(|| ServiceError::Input(format!("the demo's review {i} was not opened")))
}

/// The id of action `i`, or `None` if it was skipped.
fn action_id(shared: &Shared, i: usize) -> Result<Option<SystemicId>, ServiceError> {
    let ids = ids(shared);
    if ids.skipped.contains(&i) {
        return Ok(None);
    }
    ids.actions.get(&i).copied().map(Some).ok_or_else(|| {
        ServiceError::Input(format!("the demo's systemic action {i} was not opened"))
    })
}

/// Carries out one calendar step.
pub(in crate::demo) async fn execute(
    shared: &Shared,
    at: Timestamp,
    step: &OrgStep,
) -> Result<(), ServiceError> {
    let s = &shared.service;
    let staff = |i: usize| &shared.staff[i];
    match step {
        OrgStep::OpenReview {
            review,
            by,
            period,
            area,
            pattern,
        } => {
            let cases = match pattern {
                Some(p) => s.read(|m| pattern_cases(m, p, at, &[])).1,
                None => Vec::new(),
            };
            let ask = OpenReview {
                period: *period,
                area: area.clone(),
                origin: Origin {
                    cases,
                    ..Origin::default()
                },
            };
            let (id, _) = s.open_review(staff(*by), &ask, at).await?;
            ids(shared).reviews.insert(*review, id);
        }
        OrgStep::Sitting {
            review,
            by,
            ratings,
            attestations,
        } => {
            let id = review_id(shared, *review)?;
            let commands: Vec<ReviewCommand> = ratings
                .iter()
                .map(|(item, rating, reasons)| {
                    ReviewCommand::Rate(ReviewRated {
                        item: item.clone(),
                        rating: *rating,
                        reasons: reasons.clone(),
                    })
                })
                .chain(attestations.iter().map(|(item, statement)| {
                    ReviewCommand::Attest(ReviewAttested {
                        item: item.clone(),
                        statement: statement.clone(),
                        document: None,
                    })
                }))
                .collect();
            s.act_on_review_at_once(staff(*by), id, &commands, at)
                .await?;
        }
        OrgStep::FollowUps { by, actions } => {
            for a in actions {
                let review = review_id(shared, a.review)?;
                let opened = SystemicOpened {
                    title: a.title.clone(),
                    description: a.description.clone(),
                    owner: shared.ids[a.owner],
                    due: a.due,
                    framework_item: Some(a.item.clone()),
                    origin: Origin {
                        review: Some(review),
                        item: Some(a.item.clone()),
                        cases: Vec::new(),
                    },
                };
                let (id, _) = s.open_systemic(staff(*by), opened, at).await?;
                ids(shared).actions.insert(a.action, id);
            }
        }
        OrgStep::OpenFromPattern {
            action,
            by,
            owner,
            due,
            pattern,
        } => {
            let chosen = ids(shared).pattern_items.clone();
            let (item, cases, since) = s.read(|m| {
                let (item, cases) = pattern_cases(m, pattern, at, &chosen);
                (item, cases, window(m, at).0.start)
            });
            let Some(item) = item else {
                // Too few complaints for a pattern: this action is not opened, nor worked on.
                ids(shared).skipped.insert(*action);
                return Ok(());
            };
            let (area, text) = s.read(|m| {
                let r = m.reference();
                let area = r.area_of_item(&item).map(|a| a.title.clone());
                let text = r.framework_item(&item).map(|(_, i)| i.text.clone());
                (area.unwrap_or_default(), text.unwrap_or_default())
            });
            let opened = SystemicOpened {
                title: texts::PATTERN_TITLE.replace("{area}", &area),
                description: texts::PATTERN_DESCRIPTION
                    .replace("{count}", &cases.len().to_string())
                    .replace("{since}", &since.to_string())
                    .replace("{item}", &text),
                owner: shared.ids[*owner],
                due: *due,
                framework_item: Some(item.clone()),
                origin: Origin {
                    cases,
                    ..Origin::default()
                },
            };
            let (id, _) = s.open_systemic(staff(*by), opened, at).await?;
            let mut ids = ids(shared);
            ids.actions.insert(*action, id);
            ids.pattern_items.push(item);
        }
        OrgStep::Progress {
            action,
            by,
            note,
            due,
        } => {
            let Some(id) = action_id(shared, *action)? else {
                return Ok(());
            };
            let command = SystemicCommand::Progress(SystemicNote {
                note: note.clone(),
                due: *due,
            });
            s.act_on_systemic(staff(*by), id, command, at).await?;
        }
        OrgStep::Complete { action, by, note } | OrgStep::Verify { action, by, note } => {
            let Some(id) = action_id(shared, *action)? else {
                return Ok(());
            };
            let note = SystemicNote {
                note: note.clone(),
                due: None,
            };
            let command = if matches!(step, OrgStep::Complete { .. }) {
                SystemicCommand::Complete(note)
            } else {
                SystemicCommand::Verify(note)
            };
            s.act_on_systemic(staff(*by), id, command, at).await?;
        }
        OrgStep::Submit { review, by } => {
            let id = review_id(shared, *review)?;
            s.act_on_review(staff(*by), id, ReviewCommand::Submit, at)
                .await?;
        }
        OrgStep::Return {
            review,
            by,
            comments,
        } => {
            let id = review_id(shared, *review)?;
            let command = ReviewCommand::Return {
                comments: comments.clone(),
            };
            s.act_on_review(staff(*by), id, command, at).await?;
        }
        OrgStep::Approve {
            review,
            by,
            comments,
        } => {
            let id = review_id(shared, *review)?;
            let command = ReviewCommand::Approve {
                comments: comments.clone(),
            };
            s.act_on_review(staff(*by), id, command, at).await?;
        }
        OrgStep::Publish { by, period } => {
            s.publish_report(staff(*by), *period, at).await?;
        }
    }
    Ok(())
}

/// The quarters a pattern at `at` looks at: the one containing it and the one before.
fn window(model: &ReadModel, at: Timestamp) -> (Period, Period) {
    let day = model.clocks().local_date(at);
    let current = Period::containing(CADENCE.every, day, CADENCE.fiscal_start);
    (current.previous(), current)
}

/// The cases of a pattern as the model stands at `at`, newest filing first, at most
/// [`PATTERN_MAX`]; for [`Pattern::TopItem`], also the item chosen (not one of `chosen`).
fn pattern_cases(
    model: &ReadModel,
    pattern: &Pattern,
    at: Timestamp,
    chosen: &[String],
) -> (Option<String>, Vec<CaseId>) {
    let reference = model.reference();
    let filed = |id: &CaseId| model.case(id).and_then(|c| c.filed_at);
    match pattern {
        Pattern::Area { area, since } => {
            let mut periods = Vec::new();
            let mut p = Period::containing(CADENCE.every, *since, CADENCE.fiscal_start);
            while p.start <= model.clocks().local_date(at) {
                periods.push(p);
                p = p.next();
            }
            let since_at = |id: &CaseId| {
                filed(id).is_some_and(|t| model.clocks().local_date(t) >= *since && t < at)
            };
            let mut privacy = Vec::new();
            let mut tagged = Vec::new();
            let items: Vec<String> = reference
                .area(area)
                .map(|a| a.items.iter().map(|i| i.id.clone()).collect())
                .unwrap_or_default();
            for p in &periods {
                if reference.right(PRIVACY).is_some() {
                    let any = items.first().map_or("", String::as_str);
                    let right = Measure::CitingRight(PRIVACY.into());
                    privacy.extend(cases_behind(model, *p, any, &right).1);
                }
                for item in &items {
                    tagged.extend(cases_behind(model, *p, item, &Measure::TaggedComplaints).1);
                }
            }
            let mut picked = Vec::new();
            for list in [privacy, tagged] {
                let mut list: Vec<CaseId> = list.into_iter().filter(|c| since_at(c)).collect();
                list.sort_by_key(|c| std::cmp::Reverse((filed(c), *c)));
                for c in list {
                    if picked.len() < PATTERN_MAX && !picked.contains(&c) {
                        picked.push(c);
                    }
                }
            }
            (None, picked)
        }
        Pattern::TopItem => {
            let (previous, current) = window(model, at);
            let mut best: Option<(String, Vec<CaseId>)> = None;
            for item in reference.framework.areas.iter().flat_map(|a| &a.items) {
                if chosen.contains(&item.id) {
                    continue;
                }
                let mut cases: Vec<CaseId> = [previous, current]
                    .into_iter()
                    .flat_map(|p| cases_behind(model, p, &item.id, &Measure::TaggedComplaints).1)
                    .filter(|c| filed(c).is_some_and(|t| t < at))
                    .collect();
                cases.sort_by_key(|c| std::cmp::Reverse((filed(c), *c)));
                cases.dedup();
                // The first item (in the framework's order) with the most complaints wins.
                if best.as_ref().is_none_or(|(_, b)| cases.len() > b.len()) {
                    best = Some((item.id.clone(), cases));
                }
            }
            match best {
                Some((item, mut cases)) if !cases.is_empty() => {
                    cases.truncate(PATTERN_MAX);
                    (Some(item), cases)
                }
                _ => (None, Vec::new()),
            }
        }
    }
}
