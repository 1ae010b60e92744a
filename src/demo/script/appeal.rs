//! The closing of the case, and an appeal within the window (most often of a decision that did
//! not uphold the complaint): heard by a reviewer with no part in the case, sometimes changing
//! the decision and opening a corrective action of its own. Appealed before closure, the case
//! closes once the appeal is decided; appealed after, it closes again.

use jiff::Timestamp;
use rand::RngExt;
use recourse_events::case::{AppealOutcome, Outcome, Purpose};

use super::actions::{ActionPlan, action_owner, action_path};
use super::decision::Decided;
use super::filing::Complaint;
use super::handling::Handling;
use super::{Timed, reviewer_but};
use crate::demo::calendar::add_days;
use crate::demo::random::{Rng, one_str, weighted};
use crate::demo::step::Step;

/// Closes the case, after its `actions` corrective actions settled (at `settled`), and after
/// an appeal if there is one; whether there was.
pub(super) fn close(
    c: &Complaint,
    h: &Handling,
    d: &Decided,
    rng: &mut Rng,
    steps: &mut Vec<Timed>,
    actions: u32,
    settled: Timestamp,
) -> bool {
    let mut close_cursor = settled;
    let mut close = c.cal.staff(rng, &mut close_cursor, 1..=5);
    let appeal_chance = match d.outcome {
        Outcome::NotUpheld => 0.14,
        Outcome::PartlyUpheld | Outcome::ReferredOutOfScope => 0.10,
        Outcome::Upheld => 0.03,
        _ => 0.02,
    };
    let mut closes = vec![];
    let appealed = rng.random_bool(appeal_chance);
    if appealed {
        let (filed_appeal, appeal_end) = appeal(c, h, d, rng, steps, actions);
        let mut cur = appeal_end.max(if filed_appeal < close {
            settled
        } else {
            appeal_end
        });
        let after = c.cal.staff(rng, &mut cur, 1..=3);
        if filed_appeal < close {
            // Appealed before closure: the case closes once the appeal is decided.
            close = after;
        } else {
            closes.push(after);
        }
    }
    closes.insert(0, close);
    for at in &closes {
        steps.push((*at, Step::Close { by: c.chair }));
    }
    appealed
}

/// The appeal: filed, assigned, heard and decided, with a corrective action when it changes
/// the decision (sometimes); when it was filed and when it ended.
fn appeal(
    c: &Complaint,
    h: &Handling,
    d: &Decided,
    rng: &mut Rng,
    steps: &mut Vec<Timed>,
    actions: u32,
) -> (Timestamp, Timestamp) {
    let notes = &c.corpus.notes;
    let mut cur = d.at;
    let filed_appeal = c.cal.client(rng, &mut cur, 3..=25);
    steps.push((
        filed_appeal,
        Step::Appeal(one_str(rng, &notes.appeal_grounds).into()),
    ));
    let mut excluded = d.participants.clone();
    excluded.extend(&c.named);
    excluded.extend(&h.recused);
    let reviewer = reviewer_but(rng, &excluded);
    let at = c.cal.staff(rng, &mut cur, 1..=3);
    steps.push((
        at,
        Step::AssignAppeal {
            by: c.chair,
            reviewer,
        },
    ));
    let at = c.cal.staff(rng, &mut cur, 0..=2);
    steps.push((
        at,
        Step::View {
            by: reviewer,
            purpose: Purpose::Appeal,
        },
    ));
    let outcome = weighted(
        rng,
        &[
            (AppealOutcome::Confirmed, 70),
            (AppealOutcome::Varied, 20),
            (AppealOutcome::Overturned, 10),
        ],
    );
    let date = add_days(c.cal.date(filed_appeal), rng.random_range(10..=30));
    let mut appeal_end = c.cal.staff_on(rng, &mut cur, date);
    let reasons = match outcome {
        AppealOutcome::Confirmed => &notes.appeal_confirmed,
        AppealOutcome::Varied => &notes.appeal_varied,
        AppealOutcome::Overturned => &notes.appeal_overturned,
    };
    let step = Step::DecideAppeal {
        by: reviewer,
        outcome,
        reasons: one_str(rng, reasons).into(),
    };
    steps.push((appeal_end, step));
    if outcome != AppealOutcome::Confirmed && rng.random_bool(0.6) {
        let open = c.cal.staff(rng, &mut cur, 0..=2);
        let plan = ActionPlan {
            number: actions + 1,
            by: c.chair,
            owner: action_owner(rng, |s| c.conflicted(s, &h.recused)),
            open,
            item: Some("monitoring.complaints-review".into()),
            description: notes.appeal_action.clone(),
            may_waive: false,
        };
        let end = action_path(c.cal, c.corpus, rng, steps, plan);
        appeal_end = appeal_end.max(end);
    }
    (filed_appeal, appeal_end)
}
