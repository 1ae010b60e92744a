//! Service-level clocks: when a case must be acknowledged and decided, how long it took, and
//! what is overdue now. The board reads these figures, so the definitions are exact.
//!
//! # Calendar
//!
//! Everything is counted on *local dates* in the organization's time zone
//! ([`Settings::time_zone`], an IANA name), never in 24-hour blocks: a complaint filed at
//! 23:30 on a Friday in Toronto is filed on Friday, whatever the UTC date and whatever the
//! daylight-saving changes in between. Business days are the weekdays that are not holidays in
//! the organization's [`Calendar`]: the statutory holidays of
//! [`Settings::holiday_jurisdiction`], plus [`Settings::extra_holidays`], minus
//! [`Settings::removed_holidays`].
//!
//! # Definitions
//!
//! - **Filing date** `F`: the local date of [`Case::filed_at`].
//! - **Days elapsed** from date `A` to date `B`: the days `d` with `A < d <= B`; business days
//!   elapsed are those of them that are business days
//!   ([`Calendar::business_days_between`]). Filed Friday, acknowledged Monday: 1 business day;
//!   acknowledged the same day: 0.
//! - **Pauses**: while the case waits for the client ([`Case::pauses`], and an ongoing pause
//!   from [`Case::paused_since`] to now), the clocks stop. A pause `[start, end)` removes the
//!   days `d` with `local(start) < d <= local(end)`, the same convention as elapsed days, so two
//!   pauses never remove the same day. Only the part of a pause before the acknowledgement
//!   counts against the acknowledgement clock (business days), and only the part before the
//!   first decision against the decision clock (calendar days).
//! - **Business days to acknowledge**: business days elapsed from `F` to the local date of
//!   [`Case::acknowledged_at`], minus the paused business days before the acknowledgement.
//! - **Days to decide**: calendar days elapsed from `F` to the local date of the *first*
//!   decision ([`Case::first_decided_at`]; a reopened case keeps its first timeliness), minus
//!   the paused calendar days before it.
//! - **Acknowledgement due**: the `(acknowledge_business_days + p)`-th business day after `F`,
//!   where `p` is the paused business days before the acknowledgement (or before now, when not
//!   acknowledged yet).
//! - **Decision due**: `F + decide_calendar_days + p` calendar days, where `p` is the paused
//!   calendar days before the first decision (or before now).
//! - **Within target**: acknowledged within target iff business days to acknowledge `<=
//!   acknowledge_business_days`; decided within target iff days to decide `<=
//!   decide_calendar_days`.
//! - **Overdue at `now`** (for the work queue, [`Clocks::status`]), with `today = local(now)`:
//!   - acknowledgement: not acknowledged, not withdrawn or erased, and `today >
//!     acknowledgement due`;
//!   - decision: not decided yet (no first decision), not withdrawn, closed or erased, and
//!     `today > decision due`;
//!   - corrective actions: those still outstanding (open or reported done, not verified or
//!     waived) whose own `due` date is before `today`. Actions are the organization's own
//!     commitments, not something the client is awaited for, so a pause does not stop them.
//!
//!   While a case is paused nothing *becomes* overdue: the due dates move with the pause, and
//!   the acknowledgement and decision flags are those of the moment the pause began. A case
//!   that was already overdue when it was paused stays overdue: a pause does not hide
//!   lateness. (Freezing the flags also avoids a false alarm: paused on the Wednesday the
//!   acknowledgement is due, on Saturday only Thursday and Friday have been removed, which
//!   would put the due date on Friday, before Saturday.)
//!
//! One consequence of counting on dates: an acknowledgement due on a Friday is overdue on
//! Saturday in the queue, yet an acknowledgement actually sent that Saturday is still within
//! target (no business day went by). Both readings are the natural ones for their audience.
//!
//! # Settings changes
//!
//! [`Clocks`] is built from the settings in force ([`Clocks::from_settings`]); build a new one
//! when the settings change. Durations folded earlier with other settings (for example in the
//! [dashboard](crate::dashboard)) must then be recomputed.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use recourse_events::org::Settings;

use crate::case::Case;
use crate::holiday::{Calendar, Jurisdiction, ParseJurisdictionError};

/// Why the settings do not make a clock.
#[derive(Debug, thiserror::Error)]
pub enum ClockError {
    /// The time zone is not a known IANA name.
    #[error("unknown time zone {name:?}: use an IANA name such as America/Toronto")]
    TimeZone {
        /// The name given.
        name: String,
        /// What jiff said.
        #[source]
        source: jiff::Error,
    },
    /// The holiday jurisdiction is not a known code.
    #[error(transparent)]
    Jurisdiction(#[from] ParseJurisdictionError),
}

/// The organization's service-level clocks: its calendar, time zone and targets.
#[derive(Clone, Debug)]
pub struct Clocks {
    calendar: Calendar,
    tz: TimeZone,
    acknowledge_business_days: u32,
    decide_calendar_days: u32,
}

/// Where a case stands against its clocks at one moment (see the [module](self) for the
/// definitions).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct ClockStatus {
    /// The acknowledgement's due date (pauses up to now included); `None` if not filed.
    pub acknowledge_due: Option<Date>,
    /// The decision's due date (pauses up to now included); `None` if not filed.
    pub decide_due: Option<Date>,
    /// The acknowledgement is overdue.
    pub acknowledge_overdue: bool,
    /// The decision is overdue.
    pub decide_overdue: bool,
    /// Outstanding corrective actions past their due date.
    pub overdue_actions: usize,
    /// The clock is paused now (the case waits for the client).
    pub paused: bool,
    /// The earliest date something is still due: the acknowledgement if not acknowledged, the
    /// decision if not decided (and not withdrawn, closed or erased), and each outstanding
    /// corrective action. Past dates included (overdue items come first in a queue).
    pub next_due: Option<Date>,
}

impl Clocks {
    /// The clocks the settings describe.
    pub fn from_settings(s: &Settings) -> Result<Clocks, ClockError> {
        let tz = TimeZone::get(&s.time_zone).map_err(|source| ClockError::TimeZone {
            name: s.time_zone.clone(),
            source,
        })?;
        let jurisdiction: Jurisdiction = s.holiday_jurisdiction.parse()?;
        let calendar = Calendar::new(jurisdiction)
            .with_extra(s.extra_holidays.iter().copied())
            .without(s.removed_holidays.iter().copied());
        Ok(Clocks {
            calendar,
            tz,
            acknowledge_business_days: s.acknowledge_business_days,
            decide_calendar_days: s.decide_calendar_days,
        })
    }

    /// The business-day calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The organization's time zone.
    pub fn time_zone(&self) -> &TimeZone {
        &self.tz
    }

    /// Target: business days to acknowledge.
    pub fn acknowledge_business_days(&self) -> u32 {
        self.acknowledge_business_days
    }

    /// Target: calendar days to decide.
    pub fn decide_calendar_days(&self) -> u32 {
        self.decide_calendar_days
    }

    /// The civil date of `at` in the organization's time zone.
    pub fn local_date(&self, at: Timestamp) -> Date {
        self.tz.to_datetime(at).date()
    }

    fn filing_date(&self, case: &Case) -> Option<Date> {
        case.filed_at.map(|t| self.local_date(t))
    }

    /// The pauses of `case` as `[start, end)` pairs clipped to end at `until`; an ongoing pause
    /// ends at `until` (when there is no `until`, an ongoing pause counts as not yet begun).
    fn pauses(&self, case: &Case, until: Option<Timestamp>) -> impl Iterator<Item = (Date, Date)> {
        let ongoing = case
            .paused_since
            .map(|since| (since, until.unwrap_or(since)));
        case.pauses
            .iter()
            .copied()
            .chain(ongoing)
            .filter_map(move |(start, end)| {
                let end = until.map_or(end, |u| end.min(u));
                (start < end).then(|| (self.local_date(start), self.local_date(end)))
            })
    }

    /// Business days removed by the pauses before `until`.
    fn paused_business_days(&self, case: &Case, until: Option<Timestamp>) -> i64 {
        self.pauses(case, until)
            .map(|(a, b)| self.calendar.business_days_between(a, b).max(0))
            .sum()
    }

    /// Calendar days removed by the pauses before `until`.
    fn paused_calendar_days(&self, case: &Case, until: Option<Timestamp>) -> i64 {
        self.pauses(case, until)
            .map(|(a, b)| days_between(a, b).max(0))
            .sum()
    }

    /// When the acknowledgement is due, counting the pauses before the acknowledgement, or, if
    /// not acknowledged, the completed pauses (an ongoing one counts from [`Clocks::status`],
    /// which knows the time). `None` if not filed.
    pub fn acknowledge_due(&self, case: &Case) -> Option<Date> {
        self.acknowledge_due_at(case, case.acknowledged_at)
    }

    fn acknowledge_due_at(&self, case: &Case, until: Option<Timestamp>) -> Option<Date> {
        let filed = self.filing_date(case)?;
        let paused = self.paused_business_days(case, until);
        let n = i64::from(self.acknowledge_business_days) + paused;
        Some(
            self.calendar
                .add_business_days(filed, u32::try_from(n).unwrap_or(u32::MAX)),
        )
    }

    /// When the decision is due, counting the pauses before the first decision, or, if not
    /// decided, the completed pauses (an ongoing one counts from [`Clocks::status`]). `None` if
    /// not filed.
    pub fn decide_due(&self, case: &Case) -> Option<Date> {
        self.decide_due_at(case, case.first_decided_at)
    }

    fn decide_due_at(&self, case: &Case, until: Option<Timestamp>) -> Option<Date> {
        let filed = self.filing_date(case)?;
        let days = i64::from(self.decide_calendar_days) + self.paused_calendar_days(case, until);
        filed
            .checked_add(jiff::SignedDuration::from_hours(days.saturating_mul(24)))
            .ok()
    }

    /// Business days from filing to acknowledgement, pauses removed; `None` until acknowledged.
    pub fn business_days_to_acknowledge(&self, case: &Case) -> Option<i64> {
        let filed = self.filing_date(case)?;
        let ack = case.acknowledged_at?;
        let elapsed = self
            .calendar
            .business_days_between(filed, self.local_date(ack));
        Some((elapsed - self.paused_business_days(case, Some(ack))).max(0))
    }

    /// Calendar days from filing to the first decision, pauses removed; `None` until decided.
    pub fn days_to_decide(&self, case: &Case) -> Option<i64> {
        let filed = self.filing_date(case)?;
        let decided = case.first_decided_at?;
        let elapsed = days_between(filed, self.local_date(decided));
        Some((elapsed - self.paused_calendar_days(case, Some(decided))).max(0))
    }

    /// Acknowledged within the target; `None` until acknowledged.
    pub fn acknowledged_within_target(&self, case: &Case) -> Option<bool> {
        self.business_days_to_acknowledge(case)
            .map(|d| d <= i64::from(self.acknowledge_business_days))
    }

    /// Decided within the target; `None` until decided.
    pub fn decided_within_target(&self, case: &Case) -> Option<bool> {
        self.days_to_decide(case)
            .map(|d| d <= i64::from(self.decide_calendar_days))
    }

    /// Where `case` stands at `now`, for the work queue.
    pub fn status(&self, case: &Case, now: Timestamp) -> ClockStatus {
        let today = self.local_date(now);
        let awaiting_ack = case.awaiting_acknowledgement();
        let awaiting_decision = case.awaiting_decision();
        let acknowledge_due =
            self.acknowledge_due_at(case, Some(case.acknowledged_at.unwrap_or(now)));
        let decide_due = self.decide_due_at(case, Some(case.first_decided_at.unwrap_or(now)));
        // While paused, the flags are those of the moment the pause began.
        let judged = case.paused_since.map_or(now, |since| since.min(now));
        let judged_day = self.local_date(judged);
        let acknowledge_overdue = awaiting_ack
            && self
                .acknowledge_due_at(case, Some(judged))
                .is_some_and(|d| judged_day > d);
        let decide_overdue = awaiting_decision
            && self
                .decide_due_at(case, Some(judged))
                .is_some_and(|d| judged_day > d);
        let outstanding = || case.actions.values().filter(|a| a.outstanding());
        let overdue_actions = outstanding().filter(|a| a.due < today).count();
        let next_due = outstanding()
            .map(|a| a.due)
            .chain(acknowledge_due.filter(|_| awaiting_ack))
            .chain(decide_due.filter(|_| awaiting_decision))
            .min();
        ClockStatus {
            acknowledge_due,
            decide_due,
            acknowledge_overdue,
            decide_overdue,
            overdue_actions,
            paused: case.paused_since.is_some(),
            next_due,
        }
    }
}

/// Calendar days `d` with `a < d <= b` (negative when `b < a`).
pub(crate) fn days_between(a: Date, b: Date) -> i64 {
    // Civil dates have no time of day: the duration is an exact multiple of 24 hours.
    b.duration_since(a).as_secs() / 86_400
}
