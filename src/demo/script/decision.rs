//! The findings and the decision: an outcome, a target date it is reached around (early
//! resolutions and referrals soon, most within the 30-day target, some later), one finding or
//! two, and the decision with its reasons and remedy; and the texts of findings and decisions,
//! drawn from the corpus by outcome.

use jiff::Timestamp;
use rand::RngExt;
use recourse_events::case::Outcome;

use super::filing::Complaint;
use super::handling::Handling;
use super::{Timed, Vars};
use crate::demo::calendar::add_days;
use crate::demo::corpus::Corpus;
use crate::demo::random::{Rng, one_str, weighted};
use crate::demo::step::Step;

/// What the decision was, which the later stages read.
pub(super) struct Decided {
    /// The outcome.
    pub(super) outcome: Outcome,
    /// When it was decided.
    pub(super) at: Timestamp,
    /// Who wrote a finding or decided (none of them may hear an appeal).
    pub(super) participants: Vec<usize>,
}

/// Records the findings and the decision.
pub(super) fn decide(
    c: &Complaint,
    h: &mut Handling,
    rng: &mut Rng,
    steps: &mut Vec<Timed>,
) -> Decided {
    let outcome = weighted(
        rng,
        &[
            (Outcome::Upheld, 25),
            (Outcome::PartlyUpheld, 20),
            (Outcome::NotUpheld, 30),
            (Outcome::ResolvedEarly, 15),
            (Outcome::ReferredOutOfScope, 5),
        ],
    );
    let target = add_days(c.cal.date(c.filed), days_to_decide(rng, outcome));
    let substantiated: Vec<bool> = match outcome {
        Outcome::Upheld => vec![true; rng.random_range(1..=2)],
        Outcome::PartlyUpheld if rng.random_bool(0.7) => vec![true, false],
        Outcome::PartlyUpheld => vec![true],
        Outcome::ResolvedEarly => vec![rng.random_bool(0.5)],
        _ => vec![false],
    };
    let mut participants = vec![h.reviewer];
    let items = if outcome == Outcome::ReferredOutOfScope {
        vec!["scope.beyond-scope".into()]
    } else {
        h.triage_items.clone()
    };
    for (k, s) in substantiated.iter().enumerate() {
        let by = if k > 0 && rng.random_bool(0.3) {
            c.chair
        } else {
            h.reviewer
        };
        participants.push(by);
        let at = if k == 0 {
            c.cal.staff_on(rng, &mut h.cur, target)
        } else {
            c.cal.staff(rng, &mut h.cur, 0..=2)
        };
        let summary = finding_summary(c.corpus, rng, &c.vars, *s, outcome);
        steps.push((
            at,
            Step::Finding {
                by,
                rights: h.triage_rights.clone(),
                items: items.clone(),
                substantiated: *s,
                summary,
            },
        ));
    }
    let decider = if rng.random_bool(0.85) {
        h.reviewer
    } else {
        c.chair
    };
    let at = c.cal.staff(rng, &mut h.cur, 0..=3);
    steps.push((at, decision(c, rng, decider, outcome)));
    participants.push(decider);
    Decided {
        outcome,
        at,
        participants,
    }
}

/// Calendar days from filing to the decision: early resolutions and referrals soon; of the
/// others, 70% within the target, 25% a little late, 5% much later.
fn days_to_decide(rng: &mut Rng, outcome: Outcome) -> i64 {
    let band = match outcome {
        Outcome::ResolvedEarly => rng.random_range(4..=15),
        Outcome::ReferredOutOfScope => rng.random_range(3..=12),
        _ => weighted(rng, &[(0, 70), (1, 25), (2, 5)]),
    };
    match (outcome, band) {
        (Outcome::ResolvedEarly | Outcome::ReferredOutOfScope, d) => d,
        (_, 0) => rng.random_range(10..=28),
        (_, 1) => rng.random_range(29..=45),
        _ => rng.random_range(46..=90),
    }
}

/// The decision step by `by`: its remedy, then its reasons.
pub(super) fn decision(c: &Complaint, rng: &mut Rng, by: usize, outcome: Outcome) -> Step {
    Step::Decide {
        by,
        outcome,
        remedy: remedy(c.corpus, rng, &c.vars, outcome),
        reasons: decision_reasons(c.corpus, rng, &c.vars, outcome),
    }
}

/// A finding's summary: why the complaint is out of scope, what the records showed, or why
/// they did not settle it.
pub(super) fn finding_summary(
    corpus: &Corpus,
    rng: &mut Rng,
    vars: &Vars,
    substantiated: bool,
    outcome: Outcome,
) -> String {
    let f = &corpus.findings;
    if outcome == Outcome::ReferredOutOfScope {
        return vars.pick(rng, &f.referred);
    }
    if substantiated {
        let t = one_str(rng, &f.substantiated);
        vars.fill(rng, t)
    } else {
        one_str(rng, &f.not_substantiated).into()
    }
}

/// A decision's reasons, by outcome.
fn decision_reasons(corpus: &Corpus, rng: &mut Rng, vars: &Vars, outcome: Outcome) -> String {
    let d = &corpus.decisions;
    let t = match outcome {
        Outcome::Upheld => one_str(rng, &d.upheld),
        Outcome::PartlyUpheld => &d.partly_upheld,
        Outcome::NotUpheld => one_str(rng, &d.not_upheld),
        Outcome::ResolvedEarly => &d.resolved_early,
        _ => one_str(rng, &d.referred),
    };
    vars.fill(rng, &t.replace("{Issue}", &vars.issue_capitalized()))
}

/// A remedy, for a decision that upholds the complaint (in part) or resolves it.
fn remedy(corpus: &Corpus, rng: &mut Rng, vars: &Vars, outcome: Outcome) -> Option<String> {
    match outcome {
        Outcome::Upheld | Outcome::PartlyUpheld | Outcome::ResolvedEarly => {
            Some(vars.pick(rng, &corpus.decisions.remedies))
        }
        _ => None,
    }
}
