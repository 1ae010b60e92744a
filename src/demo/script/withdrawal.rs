//! A withdrawal before the decision (about one complaint in twenty): handling stops somewhere,
//! the client (or intake for them) withdraws, and the client may still answer the
//! satisfaction questions or ask for their data to be erased. It ends the script.

use rand::RngExt;

use super::Timed;
use super::aftermath::satisfaction;
use super::filing::Complaint;
use crate::demo::random::Rng;
use crate::demo::step::{By, Step};

/// The withdrawal's steps, if the complaint is withdrawn; `handled` is cut to the steps taken
/// before it.
pub(super) fn withdraw(
    c: &Complaint,
    rng: &mut Rng,
    handled: &mut Vec<Timed>,
) -> Option<Vec<Timed>> {
    if !rng.random_bool(0.05) {
        return None;
    }
    let keep = rng.random_range(0..=handled.len());
    handled.truncate(keep);
    let mut cur = handled.last().map_or(c.filed, |s| s.0);
    let by_client = rng.random_bool(0.75);
    let at = if by_client {
        c.cal.client(rng, &mut cur, 1..=10)
    } else {
        c.cal.staff(rng, &mut cur, 1..=5)
    };
    let by = if by_client {
        By::Client
    } else {
        By::Staff(c.intake)
    };
    let mut steps = vec![(at, Step::Withdraw(by))];
    if rng.random_bool(0.35) {
        let at = c.cal.client(rng, &mut cur, 2..=20);
        steps.push((at, Step::Satisfaction(satisfaction(rng, None))));
    }
    if rng.random_bool(0.04) {
        steps.push((c.cal.client(rng, &mut cur, 5..=60), Step::RequestErasure));
    }
    Some(steps)
}
