//! Corrective actions: a decision that upholds the complaint usually opens one to three, each
//! on its own timeline from opening to verification (sometimes an update or a new due date on
//! the way, sometimes late), or waived by a chair.

use jiff::Timestamp;
use jiff::civil::Date;
use rand::RngExt;
use recourse_events::case::Outcome;
use recourse_events::case::Purpose;

use super::decision::Decided;
use super::filing::Complaint;
use super::handling::Handling;
use super::{Timed, other_chair};
use crate::demo::agency::{CHAIRS, INTAKE, REVIEWERS};
use crate::demo::calendar::{Cal, add_days};
use crate::demo::corpus::Corpus;
use crate::demo::random::{Rng, one, one_str, weighted};
use crate::demo::step::Step;

/// A corrective action to open.
pub(super) struct ActionPlan {
    /// Its number on the case.
    pub(super) number: u32,
    /// Who opens it.
    pub(super) by: usize,
    /// Who owns it.
    pub(super) owner: usize,
    /// When it is opened.
    pub(super) open: Timestamp,
    /// The framework item it addresses.
    pub(super) item: Option<String>,
    /// What is to be done.
    pub(super) description: String,
    /// Whether it may be waived.
    pub(super) may_waive: bool,
}

/// The decision's corrective actions; how many were opened, and when the last settled (the
/// decision's time if none).
pub(super) fn corrective(
    c: &Complaint,
    h: &Handling,
    d: &Decided,
    rng: &mut Rng,
    steps: &mut Vec<Timed>,
) -> (u32, Timestamp) {
    let mut actions = 0u32;
    let mut settled = d.at;
    let count = match d.outcome {
        Outcome::Upheld if rng.random_bool(0.85) => rng.random_range(1..=3),
        Outcome::PartlyUpheld if rng.random_bool(0.7) => rng.random_range(1..=2),
        _ => 0,
    };
    let mut opener = d.at;
    for _ in 0..count {
        actions += 1;
        let by = if rng.random_bool(0.8) {
            h.reviewer
        } else {
            c.chair
        };
        let open = c.cal.staff(rng, &mut opener, 0..=1);
        let owner = action_owner(rng, |s| c.conflicted(s, &h.recused));
        let item = rng
            .random_bool(0.7)
            .then(|| h.triage_items[rng.random_range(0..h.triage_items.len())].clone());
        let plan = ActionPlan {
            number: actions,
            by,
            owner,
            open,
            item,
            description: c.vars.pick(rng, &c.category.actions),
            may_waive: true,
        };
        let end = action_path(c.cal, c.corpus, rng, steps, plan);
        settled = settled.max(end);
    }
    (actions, settled)
}

/// A corrective action from opening to verification (or waiver); returns when it settles.
pub(super) fn action_path(
    cal: &Cal,
    corpus: &Corpus,
    rng: &mut Rng,
    steps: &mut Vec<Timed>,
    a: ActionPlan,
) -> Timestamp {
    let notes = &corpus.notes;
    let opened = cal.date(a.open);
    let mut due = add_days(opened, rng.random_range(14..=56));
    steps.push((
        a.open,
        Step::OpenAction {
            by: a.by,
            owner: a.owner,
            due,
            item: a.item,
            description: a.description,
        },
    ));
    let mut c = a.open;
    if a.may_waive && rng.random_bool(0.12) {
        let date = add_days(opened, rng.random_range(7..=40));
        let at = cal.staff_on(rng, &mut c, date);
        let step = Step::WaiveAction {
            by: one(rng, &CHAIRS),
            action: a.number,
            note: one_str(rng, &notes.waive_reasons).into(),
        };
        steps.push((at, step));
        return at;
    }
    if rng.random_bool(0.25) {
        let at = cal.staff(rng, &mut c, 0..=3);
        steps.push((
            at,
            Step::View {
                by: a.owner,
                purpose: Purpose::CorrectiveAction,
            },
        ));
    }
    if rng.random_bool(0.15) {
        due = update(
            cal,
            corpus,
            rng,
            steps,
            (a.open, a.owner, a.number),
            &mut c,
            due,
        );
    }
    let window = i64::from(opened.until(due).map_or(14, |s| s.get_days())).max(1);
    let done = if rng.random_bool(0.8) {
        add_days(opened, (window as f64 * rng.random_range(0.3..1.0)) as i64)
    } else {
        add_days(due, rng.random_range(3..=60))
    };
    let by = if rng.random_bool(0.9) {
        a.owner
    } else {
        one(rng, &CHAIRS)
    };
    let at = cal.staff_on(rng, &mut c, done);
    let step = Step::CompleteAction {
        by,
        action: a.number,
        note: one_str(rng, &notes.action_done).into(),
    };
    steps.push((at, step));
    let verifier = if CHAIRS.contains(&a.owner) {
        other_chair(a.owner)
    } else {
        one(rng, &CHAIRS)
    };
    let at = cal.staff(rng, &mut c, 1..=8);
    let step = Step::VerifyAction {
        by: verifier,
        action: a.number,
        note: one_str(rng, &notes.action_verified).into(),
    };
    steps.push((at, step));
    at
}

/// The owner reports progress on the action opened at `open` (after `c`), sometimes with a
/// new due date; the due date in force.
fn update(
    cal: &Cal,
    corpus: &Corpus,
    rng: &mut Rng,
    steps: &mut Vec<Timed>,
    (open, owner, number): (Timestamp, usize, u32),
    c: &mut Timestamp,
    due: Date,
) -> Date {
    let moved = rng
        .random_bool(0.4)
        .then(|| add_days(due, rng.random_range(14..=28)));
    let date = add_days(cal.date(open), rng.random_range(5..=15));
    let at = cal.staff_on(rng, c, date);
    let step = Step::UpdateAction {
        by: owner,
        action: number,
        note: one_str(rng, &corpus.notes.action_updates).into(),
        due: moved,
    };
    steps.push((at, step));
    moved.unwrap_or(due)
}

/// Who owns a corrective action: intake, reviewers or chairs, never someone in conflict.
pub(super) fn action_owner(rng: &mut Rng, conflicted: impl Fn(usize) -> bool) -> usize {
    loop {
        let pool: &[usize] = weighted(
            rng,
            &[(&INTAKE[..], 30), (&REVIEWERS[..], 40), (&CHAIRS[..], 30)],
        );
        let s = one(rng, pool);
        if !conflicted(s) {
            return s;
        }
    }
}
