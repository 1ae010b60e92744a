//! One complaint's script: what happens to it and when, stage by stage, each stage in its own
//! module. Every choice comes from the case's own seeded generator *in the order the stages
//! make them*: reordering two choices, even within a stage, gives a seed another plan (the
//! demo's tests pin the plan of a seed, text for text).
//!
//! 1. [`filing`]: who complains, about what, in which language, and the form they send.
//! 2. [`handling`]: acknowledgement, triage, the reviewer (and a recusal), messages, a paused
//!    clock: one sequence before the decision.
//! 3. [`withdrawal`]: about one in twenty withdraws before a decision, which ends the script.
//! 4. [`decision`]: the findings and the decision, with their texts.
//! 5. [`actions`]: corrective actions, each on its own timeline.
//! 6. [`appeal`]: the closing of the case, and an appeal within the window.
//! 7. [`aftermath`]: the client's answers and audits while the case is decided or closed,
//!    rarely a reopening, and an erasure at the client's request.
//!
//! The parts that run side by side after a decision (actions, an appeal, the client's
//! answers, audits) are timed so that every interleaving is one the rules accept. The caller
//! sorts the steps by time (a stable sort: steps at the same time keep the order they were
//! written in) and drops those after the demo's "now".

mod actions;
mod aftermath;
mod appeal;
mod decision;
mod filing;
mod handling;
mod withdrawal;

use jiff::Timestamp;
use recourse_events::case::Channel;

use super::agency::{CHAIRS, REVIEWERS};
use super::calendar::Cal;
use super::corpus::Corpus;
use super::random::{Rng, one, pick};
use super::step::Step;

/// A step and when it is taken.
pub(super) type Timed = (Timestamp, Step);

/// One complaint's path, steps in any order (the caller sorts them by time).
pub(super) fn script(
    cal: &Cal,
    corpus: &Corpus,
    rng: &mut Rng,
    filed: Timestamp,
    channel: Channel,
) -> Vec<Timed> {
    let c = filing::Complaint::choose(cal, corpus, rng, filed, channel);
    let mut steps = vec![c.filing(rng)];
    let mut h = handling::handle(&c, rng);
    if let Some(withdrawn) = withdrawal::withdraw(&c, rng, &mut h.steps) {
        steps.append(&mut h.steps);
        steps.extend(withdrawn);
        return steps;
    }
    steps.append(&mut h.steps);
    let d = decision::decide(&c, &mut h, rng, &mut steps);
    let (actions, settled) = actions::corrective(&c, &h, &d, rng, &mut steps);
    let appealed = appeal::close(&c, &h, &d, rng, &mut steps, actions, settled);
    aftermath::follow(&c, &h, &d, appealed, rng, &mut steps);
    steps
}

/// Fills `{site}`, `{program}`, `{lang}`, `{day}`, `{weeks}` and `{issue}`.
pub(super) struct Vars<'a> {
    site: &'a str,
    program: &'a str,
    lang: &'a str,
    issue: &'a str,
    days: &'a [String],
}

impl Vars<'_> {
    /// `template` with its placeholders filled (a weekday and a count of weeks drawn only if
    /// it holds them).
    pub(super) fn fill(&self, rng: &mut Rng, template: &str) -> String {
        let mut s = template
            .replace("{site}", self.site)
            .replace("{program}", self.program)
            .replace("{lang}", self.lang)
            .replace("{issue}", self.issue);
        if s.contains("{day}") {
            s = s.replace("{day}", pick::<String>(rng, self.days));
        }
        if s.contains("{weeks}") {
            s = s.replace(
                "{weeks}",
                &rand::RngExt::random_range(rng, 5..=14).to_string(),
            );
        }
        s
    }

    /// One of `templates`, filled.
    pub(super) fn pick(&self, rng: &mut Rng, templates: &[String]) -> String {
        let t = pick(rng, templates);
        self.fill(rng, t)
    }

    /// The issue, its first letter capitalized.
    pub(super) fn issue_capitalized(&self) -> String {
        let mut c = self.issue.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }
}

/// A reviewer who is not excluded.
pub(super) fn reviewer_but(rng: &mut Rng, excluded: &[usize]) -> usize {
    let pool: Vec<usize> = REVIEWERS
        .into_iter()
        .filter(|r| !excluded.contains(r))
        .collect();
    one(rng, &pool)
}

/// The chair who is not `chair`.
pub(super) fn other_chair(chair: usize) -> usize {
    if chair == CHAIRS[0] {
        CHAIRS[1]
    } else {
        CHAIRS[0]
    }
}
