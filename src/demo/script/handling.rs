//! Handling before the decision, as one sequence in time: information the client adds, the
//! acknowledgement, triage, the reviewer (a recusal and a new reviewer, sometimes), notes for
//! the committee, messages with the client, and a clock paused while the client is asked for
//! something.

use jiff::{SignedDuration, Timestamp};
use rand::RngExt;
use recourse_events::case::{Audience, ConflictKind, Purpose, Urgency};

use super::filing::Complaint;
use super::{Timed, reviewer_but};
use crate::demo::random::{Rng, one, one_str, some_of, weighted};
use crate::demo::step::{By, Step};

/// What handling did before the decision, which the later stages read.
pub(super) struct Handling {
    /// Its steps, in time order.
    pub(super) steps: Vec<Timed>,
    /// When its last step was taken.
    pub(super) cur: Timestamp,
    /// Whether the client comes back with their receipt code.
    pub(super) returns: bool,
    /// The reviewer handling the case.
    pub(super) reviewer: usize,
    /// Reviewers who stepped aside.
    pub(super) recused: Vec<usize>,
    /// Rights found concerned at triage.
    pub(super) triage_rights: Vec<String>,
    /// Framework items found concerned at triage.
    pub(super) triage_items: Vec<String>,
}

/// Handles the complaint up to the decision.
pub(super) fn handle(c: &Complaint, rng: &mut Rng) -> Handling {
    let mut h = Handling {
        steps: Vec::new(),
        cur: c.filed,
        returns: rng.random_bool(if c.anonymous { 0.35 } else { 0.15 }),
        reviewer: 0,
        recused: Vec::new(),
        triage_rights: Vec::new(),
        triage_items: Vec::new(),
    };
    acknowledge(c, rng, &mut h);
    triage(c, rng, &mut h);
    assign(c, rng, &mut h);
    exchange(c, rng, &mut h);
    h
}

impl Handling {
    fn push(&mut self, at: Timestamp, step: Step) {
        self.steps.push((at, step));
    }
}

/// The acknowledgement (information the client adds at once, sometimes, before it) and intake
/// opening the file.
fn acknowledge(c: &Complaint, rng: &mut Rng, h: &mut Handling) {
    let notes = &c.corpus.notes;
    if h.returns && rng.random_bool(0.4) {
        let text = one_str(rng, &notes.client_information);
        let at = c.cal.client(rng, &mut h.cur, 0..=3);
        h.push(at, Step::AddInformation(c.vars.fill(rng, text)));
    }
    let acknowledger = if rng.random_bool(0.85) {
        c.intake
    } else {
        c.chair
    };
    let ack_days = weighted(
        rng,
        &[(0, 45), (1, 30), (2, 15), (3, 4), (4, 3), (5, 2), (7, 1)],
    );
    let note = rng.random_bool(0.6).then(|| {
        if c.lang == "fr" {
            c.corpus.acknowledgement_fr.clone()
        } else {
            c.vars.pick(rng, &notes.acknowledgements)
        }
    });
    // Intake works through the new complaints in order: never within half an hour.
    h.cur += SignedDuration::from_mins(rng.random_range(30..=180));
    let at = c.cal.staff(rng, &mut h.cur, ack_days..=ack_days);
    h.push(
        at,
        Step::Acknowledge {
            by: acknowledger,
            note,
        },
    );
    if rng.random_bool(0.4) {
        let at = c.cal.staff(rng, &mut h.cur, 0..=0);
        h.push(
            at,
            Step::View {
                by: c.intake,
                purpose: Purpose::Handling,
            },
        );
    }
}

/// Triage: the category, rights and items concerned, urgency, and whether the case is
/// sensitive (restricted to its handling).
fn triage(c: &Complaint, rng: &mut Rng, h: &mut Handling) {
    let sensitive_kind = matches!(
        c.category.id.as_str(),
        "discrimination" | "staff_conduct" | "privacy"
    );
    let urgency = weighted(
        rng,
        &if sensitive_kind {
            [
                (Urgency::Routine, 60),
                (Urgency::Priority, 30),
                (Urgency::Urgent, 10),
            ]
        } else {
            [
                (Urgency::Routine, 85),
                (Urgency::Priority, 13),
                (Urgency::Urgent, 2),
            ]
        },
    );
    h.triage_rights = some_of(rng, &c.category.rights, 2);
    h.triage_items = some_of(rng, &c.category.items, 2);
    let triage_days = u32::from(rng.random_bool(0.3));
    let at = c.cal.staff(rng, &mut h.cur, triage_days..=triage_days);
    let step = Step::Triage {
        by: if rng.random_bool(0.85) {
            c.intake
        } else {
            c.chair
        },
        category: c.category.id.clone(),
        rights: h.triage_rights.clone(),
        items: h.triage_items.clone(),
        urgency,
        sensitive: !c.named.is_empty() || (sensitive_kind && rng.random_bool(0.4)),
    };
    h.push(at, step);
}

/// The reviewer, who opens the file; sometimes they step aside and another is assigned.
fn assign(c: &Complaint, rng: &mut Rng, h: &mut Handling) {
    let assign_days = weighted(
        rng,
        &[
            (0, 20),
            (1, 20),
            (2, 15),
            (3, 15),
            (4, 10),
            (5, 8),
            (6, 6),
            (8, 6),
        ],
    );
    h.reviewer = reviewer_but(rng, &c.named);
    let at = c.cal.staff(rng, &mut h.cur, assign_days..=assign_days);
    let by = if rng.random_bool(0.6) {
        c.intake
    } else {
        c.chair
    };
    let reviewer = h.reviewer;
    h.push(at, Step::Assign { by, reviewer });
    let at = c.cal.staff(rng, &mut h.cur, 0..=2);
    h.push(
        at,
        Step::View {
            by: reviewer,
            purpose: Purpose::Handling,
        },
    );
    if rng.random_bool(0.07) {
        recuse(c, rng, h);
    }
}

/// The reviewer steps aside (or the chair records it), and another is assigned.
fn recuse(c: &Complaint, rng: &mut Rng, h: &mut Handling) {
    let conflict = weighted(
        rng,
        &[
            (ConflictKind::Relationship, 40),
            (ConflictKind::Reporting, 25),
            (ConflictKind::Involved, 25),
            (ConflictKind::Other, 10),
        ],
    );
    let reasons = &c.corpus.recusal_reasons;
    let reason = match conflict {
        ConflictKind::Relationship => &reasons.relationship,
        ConflictKind::Reporting => &reasons.reporting,
        ConflictKind::Involved => &reasons.involved,
        ConflictKind::Other => &reasons.other,
    };
    let at = c.cal.staff(rng, &mut h.cur, 0..=0);
    let step = Step::Recuse {
        by: if rng.random_bool(0.85) {
            h.reviewer
        } else {
            c.chair
        },
        staff: h.reviewer,
        conflict,
        reason: reason.clone(),
    };
    h.push(at, step);
    h.recused.push(h.reviewer);
    let mut excluded = c.named.clone();
    excluded.push(h.reviewer);
    h.reviewer = reviewer_but(rng, &excluded);
    let at = c.cal.staff(rng, &mut h.cur, 0..=2);
    h.push(
        at,
        Step::Assign {
            by: c.chair,
            reviewer: h.reviewer,
        },
    );
    let at = c.cal.staff(rng, &mut h.cur, 0..=1);
    h.push(
        at,
        Step::View {
            by: h.reviewer,
            purpose: Purpose::Handling,
        },
    );
}

/// Notes for the committee, messages with the client, a paused clock, later information.
fn exchange(c: &Complaint, rng: &mut Rng, h: &mut Handling) {
    let (notes, vars, reviewer) = (&c.corpus.notes, &c.vars, h.reviewer);
    if rng.random_bool(0.2) {
        let by = one(rng, &[reviewer, reviewer, c.chair, c.intake]);
        let at = c.cal.staff(rng, &mut h.cur, 0..=3);
        let body = vars.pick(rng, &notes.committee_notes);
        h.push(
            at,
            Step::Message {
                by: By::Staff(by),
                audience: Audience::Committee,
                body,
            },
        );
    }
    if rng.random_bool(0.3) {
        let at = c.cal.staff(rng, &mut h.cur, 1..=4);
        let body = vars.pick(rng, &notes.to_client);
        h.push(
            at,
            Step::Message {
                by: By::Staff(reviewer),
                audience: Audience::Client,
                body,
            },
        );
        if h.returns || rng.random_bool(0.4) {
            let at = c.cal.client(rng, &mut h.cur, 0..=5);
            let body = vars.pick(rng, &notes.from_client);
            h.push(
                at,
                Step::Message {
                    by: By::Client,
                    audience: Audience::Client,
                    body,
                },
            );
        }
    }
    if rng.random_bool(0.12) {
        pause(c, rng, h);
    }
    if h.returns && rng.random_bool(0.3) {
        let at = c.cal.client(rng, &mut h.cur, 1..=10);
        let text = vars.pick(rng, &notes.client_information);
        h.push(at, Step::AddInformation(text));
    }
}

/// The clock paused while the client is asked for something, and resumed when they answer
/// (or after a while if they do not).
fn pause(c: &Complaint, rng: &mut Rng, h: &mut Handling) {
    let (notes, vars, reviewer) = (&c.corpus.notes, &c.vars, h.reviewer);
    let at = c.cal.staff(rng, &mut h.cur, 1..=5);
    let reason = vars.pick(rng, &notes.pause_reasons);
    h.push(
        at,
        Step::Pause {
            by: reviewer,
            reason,
        },
    );
    let answered = h.returns || rng.random_bool(0.6);
    if answered {
        let at = c.cal.client(rng, &mut h.cur, 2..=12);
        let text = vars.pick(rng, &notes.client_information);
        h.push(at, Step::AddInformation(text));
    }
    let wait = if answered {
        rng.random_range(0..=2)
    } else {
        rng.random_range(8..=14)
    };
    let at = c.cal.staff(rng, &mut h.cur, wait..=wait);
    h.push(at, Step::Resume { by: reviewer });
}
