//! The organization's own calendar, beside the complaints: framework compliance reviews and
//! systemic corrective actions, planned from a generator of their own (so that the complaint
//! scripts of a seed draw exactly what they drew before) and run through the service at past
//! times, in time order with the complaint steps.
//!
//! - **Quarterly reviews.** A few weeks after each quarter of the demo ends, a chair opens a
//!   whole-framework review of it (its figures pin the ledger as it stood then). A reviewer
//!   and the chair (alternating halves of the framework) rate every item in two sittings, the
//!   chair attests what no ledger data shows (insurance, free services, training); each item
//!   partly met or not met gets a systemic action opened from the review; the chair submits;
//!   a board member approves a week or two later. One review is returned by the board, an
//!   item re-rated and followed up, and approved when resubmitted. The latest review is left
//!   in progress: the board has not met on it yet.
//! - **Trends.** Ratings follow the actions: an item that falls short gets an action; at the
//!   next review it is met again if the action was verified, improving or still short if it
//!   is reported done, open or overdue.
//! - **An area review** opened from a pattern of complaints (those citing the privacy right,
//!   or tagged with an item of the area the privacy item belongs to), with a systemic action.
//! - **Systemic actions in every state**: most verified (by an auditor or a chair, never the
//!   owner), some with progress notes and a moved due date, one overdue (stalled past its
//!   due date), and two opened from patterns of recent complaints rather than from a review:
//!   one reported done and waiting for verification, one open and not yet due.
//!
//! - **A transparency report** for each complete fiscal year, published by a board member in
//!   the summer after it, once its last quarter's review is approved.
//!
//! Item ids come from the [`Reference`] (by area and position), never from code.
//!
//! Steps that read the model to decide what they record (opening a review: its figures and
//! pinned head; a pattern's cases) are *barriers* ([`OrgStep::is_barrier`]): the runner starts
//! one only when every earlier step of every lane is done, and nothing else while it runs, so
//! what it records depends on the seed and "now" alone. They are each the first step of their
//! lane, so that they are queued from the start at their own time.

mod run;
mod texts;

use jiff::Timestamp;
use jiff::civil::Date;
use rand::{RngExt, SeedableRng};
use recourse_events::review::{Cadence, Period, PeriodKind, Rating};
use recourse_projections::framework::Reference;

pub(super) use run::{Ids, execute};

use super::DemoOptions;
use super::agency::{AUDITOR, BOARD, CHAIRS, INTAKE, REVIEWERS};
use super::calendar::{Cal, add_days};
use super::random::{Rng, one, weighted};
use super::step::{Script, Step};

/// The demo agency's review cadence: quarterly, on an April year (as its IRCC funding is).
pub(super) const CADENCE: Cadence = Cadence {
    every: PeriodKind::Quarter,
    fiscal_start: 4,
};

/// Mixed into the seed for the calendar's own generator.
const SALT: u64 = 0x5245_5649_4557_5321;

/// Where a pattern of complaints is looked for, when the step runs.
#[derive(Debug, Clone)]
pub(super) enum Pattern {
    /// Complaints filed since `since` citing the privacy right, then those tagged with an item
    /// of `area`: the cases an area review is opened from.
    Area {
        /// The area.
        area: String,
        /// From this day.
        since: Date,
    },
    /// The framework item most complaints of the quarter containing the step and the one
    /// before were triaged under (not one an earlier pattern action chose), and those
    /// complaints.
    TopItem,
}

/// A systemic action opened from a review for one of its items.
#[derive(Debug, Clone)]
pub(super) struct FollowUp {
    /// Its index among the calendar's actions.
    pub(super) action: usize,
    /// The review (index) and item it follows up.
    pub(super) review: usize,
    /// The item.
    pub(super) item: String,
    /// Who owns it.
    pub(super) owner: usize,
    /// Due date.
    pub(super) due: Date,
    /// What is to be done, in a line.
    pub(super) title: String,
    /// Details.
    pub(super) description: String,
}

/// One step of the organization's calendar. Staff are indices in the roster; reviews and
/// systemic actions are indices the runner maps to the ids the service gave them.
#[derive(Debug, Clone)]
#[allow(missing_docs)]
pub(super) enum OrgStep {
    /// The chair opens a review (a barrier: its figures come from the model as it stands).
    OpenReview {
        review: usize,
        by: usize,
        period: Period,
        area: Option<String>,
        pattern: Option<Pattern>,
    },
    /// A committee member rates items (item, rating, reasons) and attests (item, statement)
    /// in one sitting.
    Sitting {
        review: usize,
        by: usize,
        ratings: Vec<(String, Rating, String)>,
        attestations: Vec<(String, String)>,
    },
    /// The chair opens the follow-ups of a review's items.
    FollowUps {
        by: usize,
        actions: Vec<FollowUp>,
    },
    /// The chair opens a systemic action from a pattern of complaints (a barrier: the cases
    /// come from the model as it stands).
    OpenFromPattern {
        action: usize,
        by: usize,
        owner: usize,
        due: Date,
        pattern: Pattern,
    },
    Progress {
        action: usize,
        by: usize,
        note: String,
        due: Option<Date>,
    },
    Complete {
        action: usize,
        by: usize,
        note: String,
    },
    Verify {
        action: usize,
        by: usize,
        note: String,
    },
    Submit {
        review: usize,
        by: usize,
    },
    Return {
        review: usize,
        by: usize,
        comments: String,
    },
    Approve {
        review: usize,
        by: usize,
        comments: String,
    },
    /// A board member publishes the transparency report of a year (a barrier: its figures
    /// come from the model as it stands).
    Publish {
        by: usize,
        period: Period,
    },
}

impl OrgStep {
    /// What the step does, for errors.
    pub(super) fn name(&self) -> &'static str {
        match self {
            OrgStep::OpenReview { .. } => "open a framework review",
            OrgStep::Sitting { .. } => "rate and attest review items",
            OrgStep::FollowUps { .. } => "open a review's systemic actions",
            OrgStep::OpenFromPattern { .. } => "open a systemic action from a pattern",
            OrgStep::Progress { .. } => "record progress on a systemic action",
            OrgStep::Complete { .. } => "complete a systemic action",
            OrgStep::Verify { .. } => "verify a systemic action",
            OrgStep::Submit { .. } => "submit a review",
            OrgStep::Return { .. } => "return a review",
            OrgStep::Approve { .. } => "approve a review",
            OrgStep::Publish { .. } => "publish a transparency report",
        }
    }

    /// True if the runner must start it alone, after every earlier step.
    pub(super) fn is_barrier(&self) -> bool {
        matches!(
            self,
            OrgStep::OpenReview { .. } | OrgStep::OpenFromPattern { .. } | OrgStep::Publish { .. }
        )
    }
}

/// A systemic action as planned: enough to know its state on a later day.
struct Planned {
    due: Date,
    completed: Option<Timestamp>,
    verified: Option<Timestamp>,
}

/// What the committee finds when it rates an item whose action is `a` at `t`.
enum Seen {
    Verified,
    Completed,
    Open,
    Overdue,
}

/// An item's history across the quarterly reviews.
#[derive(Clone)]
struct ItemState {
    last: Rating,
    action: Option<usize>,
}

/// The calendar's planner: its generator, the calendar, and what it has planned so far.
struct Planner<'a> {
    cal: &'a Cal,
    reference: &'a Reference,
    rng: Rng,
    now: Timestamp,
    today: Date,
    actions: Vec<Planned>,
    stalled: bool,
    lanes: Vec<Vec<(Timestamp, OrgStep)>>,
}

/// Plans the calendar: one lane per review (its rating, follow-ups, submission, approval and
/// its actions' lives) and one per pattern action, each in time order, none after `now`.
pub(super) fn plan(
    cal: &Cal,
    reference: &Reference,
    options: &DemoOptions,
    started: Timestamp,
    now: Timestamp,
) -> Vec<Script> {
    let mut p = Planner {
        cal,
        reference,
        rng: Rng::seed_from_u64(options.seed ^ SALT),
        now,
        today: cal.date(now),
        actions: Vec::new(),
        stalled: false,
        lanes: Vec::new(),
    };
    p.quarterly(started);
    p.patterns(started);
    p.reports(started);
    p.lanes
        .into_iter()
        .map(|mut lane| {
            lane.sort_by_key(|s| s.0);
            lane.retain(|s| s.0 < now);
            Script {
                steps: lane
                    .into_iter()
                    .map(|(at, s)| (at, Step::Org(Box::new(s))))
                    .collect(),
            }
        })
        .filter(|s| !s.steps.is_empty())
        .collect()
}

/// `template` with `{period}`, `{previous}` and `{item}` filled.
fn fill(template: &str, period: Period, item: &str) -> String {
    template
        .replace("{period}", &period.label())
        .replace("{previous}", &period.previous().label())
        .replace("{item}", item)
}

impl Planner<'_> {
    /// Every item of the framework, in its order, with its text.
    fn items(&self) -> Vec<(String, String)> {
        self.reference
            .framework
            .areas
            .iter()
            .flat_map(|a| &a.items)
            .map(|i| (i.id.clone(), i.text.clone()))
            .collect()
    }

    fn text(&mut self, table: &[&str], period: Period, item: &str) -> String {
        fill(one(&mut self.rng, table), period, item)
    }

    /// An owner for a systemic action: intake or a reviewer, never a chair or the auditor,
    /// who verify.
    fn owner(&mut self) -> usize {
        let pool: Vec<usize> = INTAKE.into_iter().chain(REVIEWERS).collect();
        one(&mut self.rng, &pool)
    }

    /// A review per quarter of the demo (the first one partial: the agency started in it),
    /// each opened two or three weeks after its quarter ends.
    fn quarterly(&mut self, started: Timestamp) {
        let mut period =
            Period::containing(CADENCE.every, self.cal.date(started), CADENCE.fiscal_start);
        let mut opens = Vec::new();
        loop {
            let day = add_days(period.end(), self.rng.random_range(14..=21));
            let at = self
                .cal
                .office_time(&mut self.rng, self.cal.business_day_on_or_after(day));
            if at >= self.now {
                break;
            }
            opens.push((period, at));
            period = period.next();
        }
        let items = self.items();
        let mut states = vec![
            ItemState {
                last: Rating::Met,
                action: None,
            };
            items.len()
        ];
        let count = opens.len();
        // The review the board returns: the third, or the one before the latest.
        let returned = (count >= 3).then(|| 2.min(count - 2));
        // The area review comes in the middle of the demo, after the quarterly one there.
        let area_after = count / 2;
        for (k, (period, open)) in opens.into_iter().enumerate() {
            let review = self.lanes.len();
            let latest = k + 1 == count;
            self.review(
                review,
                k,
                period,
                open,
                &items,
                &mut states,
                latest,
                returned == Some(k),
            );
            if k == area_after {
                self.area_review(period, open);
            }
        }
    }

    /// The state of action `a` as the committee sees it at `t`.
    fn seen(&self, a: usize, t: Timestamp) -> Seen {
        let a = &self.actions[a];
        if a.verified.is_some_and(|v| v < t) {
            Seen::Verified
        } else if a.completed.is_some_and(|c| c < t) {
            Seen::Completed
        } else if a.due < self.cal.date(t) {
            Seen::Overdue
        } else {
            Seen::Open
        }
    }

    /// The rating of an item at `t`, with reasons, from its history.
    fn rate(&mut self, state: &ItemState, t: Timestamp, period: Period) -> (Rating, String) {
        let (rating, table) = match state.action.map(|a| self.seen(a, t)) {
            Some(Seen::Verified) if self.rng.random_bool(0.8) => {
                (Rating::Met, texts::MET_AFTER_ACTION)
            }
            Some(Seen::Verified) => (Rating::PartlyMet, texts::IMPROVING),
            Some(Seen::Completed) => (Rating::PartlyMet, texts::AWAITING_VERIFICATION),
            Some(Seen::Open) if state.last == Rating::NotMet => {
                (Rating::PartlyMet, texts::IMPROVING)
            }
            Some(Seen::Open) => (Rating::PartlyMet, texts::ACTION_OPEN),
            Some(Seen::Overdue) => (Rating::PartlyMet, texts::ACTION_OVERDUE),
            None => match weighted(&mut self.rng, &[(0u8, 94), (1, 4), (2, 2)]) {
                0 => (Rating::Met, texts::MET),
                1 => (Rating::PartlyMet, texts::PARTLY_MET),
                _ => (Rating::NotMet, texts::NOT_MET),
            },
        };
        (rating, self.text(table, period, ""))
    }

    /// One quarterly review, in its own lane.
    #[allow(clippy::too_many_arguments)]
    fn review(
        &mut self,
        review: usize,
        k: usize,
        period: Period,
        open: Timestamp,
        items: &[(String, String)],
        states: &mut [ItemState],
        latest: bool,
        returned: bool,
    ) {
        let chair = CHAIRS[k % 2];
        let reviewer = REVIEWERS[k % REVIEWERS.len()];
        let mut lane = vec![(
            open,
            OrgStep::OpenReview {
                review,
                by: chair,
                period,
                area: None,
                pattern: None,
            },
        )];
        let mut cur = open;
        // Two sittings: the reviewer rates one half of the framework, the chair the other
        // half (which half alternates) and attests.
        let first = self.cal.staff(&mut self.rng, &mut cur, 2..=5);
        let second = self.cal.staff(&mut self.rng, &mut cur, 2..=4);
        let half = items.len() / 2;
        let mut sittings = [(reviewer, first, Vec::new()), (chair, second, Vec::new())];
        let mut short = Vec::new();
        for (i, (item, _)) in items.iter().enumerate() {
            let s = usize::from((i < half) == (k % 2 == 1));
            let (rating, reasons) = self.rate(&states[i], sittings[s].1, period);
            if rating.needs_follow_up() {
                short.push(i);
            }
            states[i].last = rating;
            if rating == Rating::Met {
                states[i].action = None;
            }
            sittings[s].2.push((item.clone(), rating, reasons));
        }
        // A review nearly always finds something to improve: if nothing fell short, one item
        // is partly met.
        if short.is_empty() && !items.is_empty() {
            let i = self.rng.random_range(0..items.len());
            let s = usize::from((i < half) == (k % 2 == 1));
            let reasons = self.text(texts::PARTLY_MET, period, "");
            if let Some(r) = sittings[s].2.iter_mut().find(|r| r.0 == items[i].0) {
                *r = (items[i].0.clone(), Rating::PartlyMet, reasons);
            }
            states[i].last = Rating::PartlyMet;
            short.push(i);
        }
        let attestations: Vec<(String, String)> = texts::ATTESTATIONS
            .iter()
            .filter_map(|(phrase, statement)| {
                items
                    .iter()
                    .find(|(_, text)| text.to_lowercase().contains(phrase))
                    .map(|(item, _)| (item.clone(), fill(statement, period, "")))
            })
            .collect();
        for (s, (by, at, ratings)) in sittings.into_iter().enumerate() {
            lane.push((
                at,
                OrgStep::Sitting {
                    review,
                    by,
                    ratings,
                    attestations: if s == 1 {
                        attestations.clone()
                    } else {
                        Vec::new()
                    },
                },
            ));
        }
        let at = self.cal.staff(&mut self.rng, &mut cur, 1..=2);
        let actions = short
            .iter()
            .map(|&i| self.follow_up(review, period, at, &items[i], &mut lane, &mut states[i]))
            .collect();
        lane.push((at, OrgStep::FollowUps { by: chair, actions }));
        let at = self.cal.staff(&mut self.rng, &mut cur, 1..=3);
        lane.push((at, OrgStep::Submit { review, by: chair }));
        if latest {
            // The board has not met on the latest review yet.
            self.lanes.push(lane);
            return;
        }
        let board = BOARD[k % 2];
        if returned {
            // The board returns it about an item rated met; the chair looks again, rates it
            // partly met, opens its follow-up and submits again.
            let met: Vec<usize> = (0..items.len())
                .filter(|i| !short.contains(i) && states[*i].last == Rating::Met)
                .collect();
            if !met.is_empty() {
                let i = one(&mut self.rng, &met);
                let at = self.cal.staff(&mut self.rng, &mut cur, 4..=8);
                let comments = self.text(texts::RETURN_COMMENTS, period, &items[i].1);
                lane.push((
                    at,
                    OrgStep::Return {
                        review,
                        by: board,
                        comments,
                    },
                ));
                let at = self.cal.staff(&mut self.rng, &mut cur, 2..=4);
                let reasons = self.text(texts::RE_RATED, period, "");
                lane.push((
                    at,
                    OrgStep::Sitting {
                        review,
                        by: chair,
                        ratings: vec![(items[i].0.clone(), Rating::PartlyMet, reasons)],
                        attestations: Vec::new(),
                    },
                ));
                states[i].last = Rating::PartlyMet;
                let at = self.cal.staff(&mut self.rng, &mut cur, 1..=2);
                let action =
                    self.follow_up(review, period, at, &items[i], &mut lane, &mut states[i]);
                lane.push((
                    at,
                    OrgStep::FollowUps {
                        by: chair,
                        actions: vec![action],
                    },
                ));
                let at = self.cal.staff(&mut self.rng, &mut cur, 1..=2);
                lane.push((at, OrgStep::Submit { review, by: chair }));
                let at = self.cal.staff(&mut self.rng, &mut cur, 3..=8);
                lane.push((
                    at,
                    OrgStep::Approve {
                        review,
                        by: BOARD[(k + 1) % 2],
                        comments: texts::APPROVAL_COMMENTS[2].into(),
                    },
                ));
                self.lanes.push(lane);
                return;
            }
        }
        let at = self.cal.staff(&mut self.rng, &mut cur, 3..=8);
        let comments = one(&mut self.rng, &[0, 1, 3, 4]);
        lane.push((
            at,
            OrgStep::Approve {
                review,
                by: board,
                comments: texts::APPROVAL_COMMENTS[comments].into(),
            },
        ));
        self.lanes.push(lane);
    }

    /// A systemic action following up `item` of review `review`, opened at `at`, and its life
    /// (progress, done, verified) in `lane`; the item's state now names it.
    fn follow_up(
        &mut self,
        review: usize,
        period: Period,
        at: Timestamp,
        (item, text): &(String, String),
        lane: &mut Vec<(Timestamp, OrgStep)>,
        state: &mut ItemState,
    ) -> FollowUp {
        let owner = self.owner();
        let weeks = self.rng.random_range(5..=9);
        let due = self
            .cal
            .business_day_on_or_after(add_days(self.cal.date(at), 7 * weeks));
        let title = self.text(texts::ACTION_TITLES, period, text);
        let description = self.text(texts::ACTION_DESCRIPTIONS, period, text);
        let action = self.life(at, owner, due, lane);
        state.action = Some(action);
        FollowUp {
            action,
            review,
            item: item.clone(),
            owner,
            due,
            title,
            description,
        }
    }

    /// The life of an action opened at `opened`: a progress note (sometimes moving the due
    /// date), reported done near its due date, verified by an auditor or a chair. The first
    /// action falling due in the sixteen weeks before now stalls instead:
    /// its due date is moved once and it is never done, so the demo shows one overdue.
    fn life(
        &mut self,
        opened: Timestamp,
        owner: usize,
        due: Date,
        lane: &mut Vec<(Timestamp, OrgStep)>,
    ) -> usize {
        let action = self.actions.len();
        let mut cur = opened;
        let window = add_days(self.today, -16 * 7)..add_days(self.today, -7);
        let stall = !self.stalled && window.contains(&due);
        self.stalled |= stall;
        let day = add_days(self.cal.date(opened), self.rng.random_range(10..=25));
        let at = self.cal.staff_on(&mut self.rng, &mut cur, day);
        let by = if self.rng.random_bool(0.8) {
            owner
        } else {
            one(&mut self.rng, &CHAIRS)
        };
        let mut due_now = due;
        let moved = if stall {
            // Moved once, and still past.
            let later = add_days(due, 14).min(add_days(self.today, -3));
            (later > due).then_some(later)
        } else if self.rng.random_bool(0.3) {
            Some(add_days(due, 7 * self.rng.random_range(2..=4)))
        } else {
            None
        };
        let note = if moved.is_some() || stall {
            one(&mut self.rng, texts::DELAYED)
        } else {
            one(&mut self.rng, texts::PROGRESS)
        };
        if let Some(d) = moved {
            due_now = d;
        }
        lane.push((
            at,
            OrgStep::Progress {
                action,
                by,
                note: note.into(),
                due: moved,
            },
        ));
        if stall {
            self.actions.push(Planned {
                due: due_now,
                completed: None,
                verified: None,
            });
            return action;
        }
        let day = add_days(due_now, -self.rng.random_range(0..=5));
        let done = self.cal.staff_on(&mut self.rng, &mut cur, day);
        let note = one(&mut self.rng, texts::DONE);
        lane.push((
            done,
            OrgStep::Complete {
                action,
                by: owner,
                note: note.into(),
            },
        ));
        let verified = self.cal.staff(&mut self.rng, &mut cur, 3..=10);
        let by = if self.rng.random_bool(0.6) {
            AUDITOR
        } else {
            one(&mut self.rng, &CHAIRS)
        };
        let note = one(&mut self.rng, texts::VERIFIED);
        lane.push((
            verified,
            OrgStep::Verify {
                action,
                by,
                note: note.into(),
            },
        ));
        self.actions.push(Planned {
            due: due_now,
            completed: Some(done),
            verified: Some(verified),
        });
        action
    }

    /// The area review opened from a pattern of complaints, some weeks after the quarterly
    /// review opened at `after` (of `period`): the area of the framework's privacy item, rated
    /// by a reviewer, that item not met and followed up, submitted and approved.
    fn area_review(&mut self, period: Period, after: Timestamp) {
        let areas = &self.reference.framework.areas;
        let Some(area) = areas
            .iter()
            .find(|a| a.items.iter().any(|i| about_privacy(&i.text)))
            .or(areas.first())
        else {
            return;
        };
        let area_id = area.id.clone();
        let items: Vec<(String, String)> = area
            .items
            .iter()
            .map(|i| (i.id.clone(), i.text.clone()))
            .collect();
        let short = items
            .iter()
            .position(|(_, text)| about_privacy(text))
            .unwrap_or(0);
        let day = add_days(self.cal.date(after), self.rng.random_range(35..=49));
        let open = self
            .cal
            .office_time(&mut self.rng, self.cal.business_day_on_or_after(day));
        let review = self.lanes.len();
        let chair = CHAIRS[0];
        let mut lane = vec![(
            open,
            OrgStep::OpenReview {
                review,
                by: chair,
                period,
                area: Some(area_id.clone()),
                pattern: Some(Pattern::Area {
                    area: area_id,
                    since: add_days(self.cal.date(open), -182),
                }),
            },
        )];
        let mut cur = open;
        let at = self.cal.staff(&mut self.rng, &mut cur, 2..=4);
        let ratings = items
            .iter()
            .enumerate()
            .map(|(i, (item, _))| {
                if i == short {
                    (item.clone(), Rating::NotMet, AREA_NOT_MET.into())
                } else {
                    (
                        item.clone(),
                        Rating::Met,
                        one(&mut self.rng, AREA_MET).into(),
                    )
                }
            })
            .collect();
        lane.push((
            at,
            OrgStep::Sitting {
                review,
                by: one(&mut self.rng, &REVIEWERS),
                ratings,
                attestations: Vec::new(),
            },
        ));
        let at = self.cal.staff(&mut self.rng, &mut cur, 1..=3);
        let mut state = ItemState {
            last: Rating::NotMet,
            action: None,
        };
        let action = self.follow_up(review, period, at, &items[short], &mut lane, &mut state);
        lane.push((
            at,
            OrgStep::FollowUps {
                by: chair,
                actions: vec![action],
            },
        ));
        let at = self.cal.staff(&mut self.rng, &mut cur, 1..=2);
        lane.push((at, OrgStep::Submit { review, by: chair }));
        let at = self.cal.staff(&mut self.rng, &mut cur, 3..=8);
        lane.push((
            at,
            OrgStep::Approve {
                review,
                by: BOARD[1],
                comments: AREA_APPROVED.into(),
            },
        ));
        self.lanes.push(lane);
    }

    /// Two systemic actions opened from patterns of recent complaints rather than from a
    /// review, timed from now: one opened ten weeks ago and reported done last week (waiting
    /// for verification), one opened three weeks ago and due in six (open, not yet due).
    fn patterns(&mut self, started: Timestamp) {
        let earliest = add_days(self.cal.date(started), 21);
        for (back, due_in, done) in [(70..=80, 7..=7, true), (18..=25, 35..=49, false)] {
            let day = add_days(self.today, -self.rng.random_range(back));
            let open_day = self.cal.business_day_on_or_after(day);
            if open_day < earliest || open_day >= self.today {
                continue;
            }
            let open = self.cal.office_time(&mut self.rng, open_day);
            let due = self
                .cal
                .business_day_on_or_after(add_days(self.today, self.rng.random_range(due_in)));
            let owner = self.owner();
            let action = self.actions.len();
            let mut lane = vec![(
                open,
                OrgStep::OpenFromPattern {
                    action,
                    by: one(&mut self.rng, &CHAIRS),
                    owner,
                    due,
                    pattern: Pattern::TopItem,
                },
            )];
            let mut cur = open;
            let day = add_days(open_day, self.rng.random_range(7..=14));
            let at = self.cal.staff_on(&mut self.rng, &mut cur, day);
            lane.push((
                at,
                OrgStep::Progress {
                    action,
                    by: owner,
                    note: one(&mut self.rng, texts::PROGRESS).into(),
                    due: None,
                },
            ));
            let mut completed = None;
            if done {
                let day = self
                    .cal
                    .business_day_on_or_before(add_days(self.today, -self.rng.random_range(4..=8)));
                let at = self.cal.staff_on(&mut self.rng, &mut cur, day);
                completed = Some(at);
                lane.push((
                    at,
                    OrgStep::Complete {
                        action,
                        by: owner,
                        note: one(&mut self.rng, texts::DONE).into(),
                    },
                ));
            }
            self.actions.push(Planned {
                due,
                completed,
                verified: None,
            });
            self.lanes.push(lane);
        }
    }
}

impl Planner<'_> {
    /// A transparency report for each fiscal year of the demo that ended long enough ago for
    /// its last quarter's review to be approved: a board member publishes it in the summer.
    fn reports(&mut self, started: Timestamp) {
        let first = self.cal.date(started);
        let mut year = Period::containing(PeriodKind::Year, first, CADENCE.fiscal_start);
        if year.start < first {
            // The year the agency started in is partial: nothing to publish about it.
            year = year.next();
        }
        loop {
            let day = add_days(year.end(), self.rng.random_range(80..=100));
            let at = self
                .cal
                .office_time(&mut self.rng, self.cal.business_day_on_or_after(day));
            if at >= self.now {
                break;
            }
            let by = BOARD[self.lanes.len() % BOARD.len()];
            self.lanes
                .push(vec![(at, OrgStep::Publish { by, period: year })]);
            year = year.next();
        }
    }
}

/// True if an item's text is about privacy (the item a pattern of privacy complaints
/// concerns).
fn about_privacy(text: &str) -> bool {
    let t = text.to_lowercase();
    ["confidential", "privacy", "personal information"]
        .iter()
        .any(|w| t.contains(w))
}

/// The area review's rating of its privacy item.
const AREA_NOT_MET: &str = "Not met. The complaints that prompted this review show personal information shared without the client's consent, at more than one site, and no one checks that the confidentiality policy is followed.";

/// Its ratings of the other items.
const AREA_MET: &[&str] = &[
    "Met. The complaints behind this review do not concern this item, and the files sampled show the practice followed.",
    "Met: looked at again for this area review; nothing in the pattern of complaints points to it.",
];

/// The board's approval of the area review.
const AREA_APPROVED: &str = "Approved. The board asks for a report on the confidentiality action at each meeting until it is verified.";

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use recourse_projections::clock::Clocks;

    use super::*;
    use crate::demo::agency::settings;

    fn calendar(seed: u64) -> (Vec<Script>, Timestamp, Timestamp) {
        let clocks = Clocks::from_settings(&settings()).unwrap();
        let cal = Cal {
            tz: clocks.time_zone().clone(),
            cal: clocks.calendar().clone(),
        };
        let now: Timestamp = "2026-03-11T16:30:00Z".parse().unwrap();
        let options = DemoOptions {
            complaints: 120,
            seed,
            days: 730,
            now: Some(now),
        };
        let started = now - jiff::SignedDuration::from_hours(24 * options.days);
        let lanes = plan(&cal, &Reference::shipped(), &options, started, now);
        (lanes, started, now)
    }

    fn org(step: &Step) -> &OrgStep {
        match step {
            Step::Org(o) => o,
            other => panic!("a complaint step in the calendar: {other:?}"),
        }
    }

    #[test]
    fn barriers_open_their_lanes_and_lanes_keep_time_order() {
        let (lanes, started, now) = calendar(7);
        assert!(lanes.len() >= 10, "{} lanes", lanes.len());
        for lane in &lanes {
            assert!(lane.steps.windows(2).all(|w| w[0].0 <= w[1].0));
            assert!(lane.steps.iter().all(|(at, _)| *at > started && *at < now));
            for (k, (_, step)) in lane.steps.iter().enumerate() {
                assert_eq!(step.is_barrier(), k == 0, "{:?}", org(step).name());
            }
        }
    }

    #[test]
    fn each_quarterly_review_rates_every_item_and_follows_up_before_submitting() {
        let (lanes, _, _) = calendar(7);
        let reference = Reference::shipped();
        let all: Vec<String> = reference
            .framework
            .areas
            .iter()
            .flat_map(|a| a.items.iter().map(|i| i.id.clone()))
            .collect();
        let mut quarterly = 0;
        for lane in &lanes {
            let OrgStep::OpenReview { area: None, .. } = org(&lane.steps[0].1) else {
                continue;
            };
            quarterly += 1;
            let mut rated = Vec::new();
            let mut short = BTreeSet::new();
            let mut followed = BTreeSet::new();
            for (_, step) in &lane.steps {
                match org(step) {
                    OrgStep::Sitting { ratings, .. } => {
                        for (item, rating, reasons) in ratings {
                            assert!(!reasons.is_empty());
                            rated.push(item.clone());
                            if rating.needs_follow_up() {
                                short.insert(item.clone());
                            }
                        }
                    }
                    OrgStep::FollowUps { actions, .. } => {
                        followed.extend(actions.iter().map(|a| a.item.clone()));
                    }
                    OrgStep::Submit { .. } => break,
                    _ => {}
                }
            }
            rated.sort();
            let mut expected = all.clone();
            expected.sort();
            assert_eq!(rated, expected, "every item rated once");
            assert!(!short.is_empty(), "each review finds something to improve");
            assert_eq!(short, followed, "each item short of met is followed up");
        }
        assert_eq!(quarterly, 8);
    }

    #[test]
    fn a_seed_gives_the_same_calendar() {
        let text =
            |lanes: &[Script]| format!("{:?}", lanes.iter().map(|l| &l.steps).collect::<Vec<_>>());
        assert_eq!(text(&calendar(7).0), text(&calendar(7).0));
        assert_ne!(text(&calendar(7).0), text(&calendar(8).0));
    }
}
