//! After the decision, while the case is decided or closed: the client's answers to the
//! satisfaction questions (anonymous clients who never came back rarely answer) and comments,
//! audits of the file; rarely, new information reopens a closed case after everything else;
//! and sometimes the client asks for their personal data to be erased.

use rand::RngExt;
use recourse_events::case::{Outcome, Purpose, SatisfactionRecorded};

use super::decision::{Decided, decision, finding_summary};
use super::filing::Complaint;
use super::handling::Handling;
use super::{Timed, other_chair};
use crate::demo::agency::AUDITOR;
use crate::demo::calendar::add_days;
use crate::demo::random::{Rng, one_str, weighted};
use crate::demo::step::Step;

/// The steps after the decision (and after the appeal, if `appealed`).
pub(super) fn follow(
    c: &Complaint,
    h: &Handling,
    d: &Decided,
    appealed: bool,
    rng: &mut Rng,
    steps: &mut Vec<Timed>,
) {
    answers_and_audits(c, h, d, rng, steps);
    let mut last = steps.iter().map(|s| s.0).max().unwrap_or(c.filed);
    if !appealed && rng.random_bool(0.025) {
        last = reopen(c, h, d, rng, steps, last);
    }
    if rng.random_bool(0.025) {
        let mut cur = last;
        steps.push((c.cal.client(rng, &mut cur, 3..=90), Step::RequestErasure));
    }
}

/// The client's answers and comments, and audits, each on its own time after the decision.
fn answers_and_audits(
    c: &Complaint,
    h: &Handling,
    d: &Decided,
    rng: &mut Rng,
    steps: &mut Vec<Timed>,
) {
    let cal = c.cal;
    if rng.random_bool(if c.anonymous && !h.returns { 0.15 } else { 0.5 }) {
        let mut cur = d.at;
        let at = cal.client(rng, &mut cur, 2..=45);
        steps.push((at, Step::Satisfaction(satisfaction(rng, Some(d.outcome)))));
    }
    if rng.random_bool(if c.anonymous && h.returns { 0.4 } else { 0.1 }) {
        let mut cur = d.at;
        let at = cal.client(rng, &mut cur, 1..=20);
        let text = c.vars.pick(rng, &c.corpus.notes.client_comments);
        steps.push((at, Step::Comment(text)));
    }
    if rng.random_bool(0.04) {
        let mut cur = d.at;
        steps.push((
            cal.staff(rng, &mut cur, 1..=40),
            Step::View {
                by: AUDITOR,
                purpose: Purpose::Audit,
            },
        ));
    }
    if rng.random_bool(0.015) {
        let mut cur = d.at;
        steps.push((
            cal.staff(rng, &mut cur, 1..=20),
            Step::View {
                by: other_chair(c.chair),
                purpose: Purpose::Audit,
            },
        ));
    }
}

/// New information reopens the closed case after `last`: a new finding, decision and
/// closing; when it ends.
fn reopen(
    c: &Complaint,
    h: &Handling,
    d: &Decided,
    rng: &mut Rng,
    steps: &mut Vec<Timed>,
    last: jiff::Timestamp,
) -> jiff::Timestamp {
    let cal = c.cal;
    let mut cur = last;
    let date = add_days(cal.date(last), rng.random_range(10..=60));
    let at = cal.staff_on(rng, &mut cur, date);
    let step = Step::Reopen {
        by: c.chair,
        reason: one_str(rng, &c.corpus.notes.reopen_reasons).into(),
    };
    steps.push((at, step));
    steps.push((
        cal.staff(rng, &mut cur, 0..=2),
        Step::View {
            by: h.reviewer,
            purpose: Purpose::Handling,
        },
    ));
    let substantiated = rng.random_bool(0.5);
    let at = cal.staff(rng, &mut cur, 3..=10);
    let summary = finding_summary(c.corpus, rng, &c.vars, substantiated, d.outcome);
    steps.push((
        at,
        Step::Finding {
            by: h.reviewer,
            rights: h.triage_rights.clone(),
            items: h.triage_items.clone(),
            substantiated,
            summary,
        },
    ));
    let outcome = if substantiated {
        Outcome::PartlyUpheld
    } else {
        Outcome::NotUpheld
    };
    let at = cal.staff(rng, &mut cur, 0..=2);
    steps.push((at, decision(c, rng, h.reviewer, outcome)));
    steps.push((cal.staff(rng, &mut cur, 1..=3), Step::Close { by: c.chair }));
    cur
}

/// The client's answers to the satisfaction questions, more favourable as the outcome is.
pub(super) fn satisfaction(rng: &mut Rng, outcome: Option<Outcome>) -> SatisfactionRecorded {
    let weights: [u32; 5] = match outcome {
        Some(Outcome::Upheld) => [3, 5, 15, 40, 37],
        Some(Outcome::PartlyUpheld) => [5, 10, 30, 35, 20],
        Some(Outcome::NotUpheld) => [25, 30, 25, 15, 5],
        Some(Outcome::ResolvedEarly) => [2, 5, 15, 40, 38],
        Some(_) => [10, 20, 35, 25, 10],
        None => [10, 15, 35, 25, 15],
    };
    let rating = weighted(
        rng,
        &[
            (1u8, weights[0]),
            (2, weights[1]),
            (3, weights[2]),
            (4, weights[3]),
            (5, weights[4]),
        ],
    );
    SatisfactionRecorded {
        explained: rng.random_bool(if outcome == Some(Outcome::NotUpheld) {
            0.7
        } else {
            0.88
        }),
        fair: rng.random_bool(if rating >= 3 { 0.88 } else { 0.4 }),
        rating,
    }
}
