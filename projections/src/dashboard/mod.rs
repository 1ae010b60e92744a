//! The board's dashboard: volumes, timeliness, outcomes, corrective actions, rights and
//! framework areas concerned, satisfaction, by month, quarter or year. Never personal data.
//!
//! # How it is kept
//!
//! [`Dashboard`] holds one compact fact row per filed case: dates, durations, counts and
//! interned ids of programs, sites, streams, languages, rights and framework items. No sealed
//! data, no staff ids or names. The read model calls [`Dashboard::update`] after each event of
//! a case, which rewrites that case's row from the folded [`Case`]; [`Dashboard::report`]
//! aggregates the rows in one pass. Durations are computed once, at update, with the
//! [`Clocks`] in force: when the settings that shape the clocks change (time zone, holidays),
//! rebuild the dashboard. Targets are read from the `Clocks` given to `report`, so a new target
//! applies at once.
//!
//! # Cohorts
//!
//! A case belongs to the period in which it was filed (its local filing date, see
//! [`crate::clock`]). Every figure of a period is about the cases filed in it, evaluated as of
//! the report's `now` (in practice, their state after their latest event) — except corrective
//! actions opened, verified and waived, and recusals, which count events whose own local date
//! falls in the period, whatever the case's filing date. A query's periods are clipped to its
//! range: with `from = 2026-02-15`, the period `2026-02` holds the cases filed from the 15th.
//! Every period overlapping the range is listed, empty ones included (received 0), so charts
//! have no gaps. The total is over the whole range, with the same rules.
//!
//! # Metrics
//!
//! Counts are `u32`. Percentages, averages and days are `Option<f64>` rounded to one decimal,
//! `None` when there is nothing to measure (a zero denominator). With the definitions of
//! [`crate::clock`]:
//!
//! - `received`: cases filed. `open`: of them, those not decided, closed, withdrawn or erased
//!   (filed, acknowledged or under review; a reopened case is open again; a case under appeal
//!   is not).
//! - `acknowledged`: cases acknowledged; `acknowledged_within_target_pct`: of them, the share
//!   acknowledged within the business-day target. `median_days_to_acknowledge`,
//!   `p90_days_to_acknowledge`: business days to acknowledge.
//! - `decided`: cases with a first decision; `decided_within_target_pct`: of them, the share
//!   decided within the calendar-day target; `median_days_to_decide`, `p90_days_to_decide`:
//!   calendar days to the first decision.
//! - Percentiles use the **nearest-rank** method on the sorted values: the `p`-th percentile of
//!   `n` values is the value of rank `ceil(p * n / 100)` (from 1). The median is the 50th
//!   percentile, so for an even count it is the *lower* of the two middle values.
//! - `outcomes`: cases by the outcome of the decision in force (`upheld`, `partly_upheld`, ...),
//!   or `withdrawn` for withdrawn cases; outcomes with no case are left out. A reopened case
//!   without a new decision has no outcome. An appeal's outcome does not change the decision
//!   in force.
//! - `appealed`: cases appealed at least once; `appeal_rate_pct = appealed / decided`.
//! - `reopened`: cases reopened at least once; `reopen_rate_pct = reopened / settled`, where
//!   `settled` counts the cases decided at least once or withdrawn (a reopening needs one of
//!   them, so a case withdrawn and then reopened still counts).
//! - `actions_opened`, `actions_verified`, `actions_waived`: corrective actions opened,
//!   verified, waived on a local date in the period (event-dated). `actions_overdue`:
//!   corrective actions of the period's cases still outstanding (open or reported done) with a
//!   due date before the local date of `now`.
//! - `recusals`: conflicts of interest declared on a local date in the period (event-dated).
//! - `satisfaction`: `responses`, cases whose client answered (their latest answer counts);
//!   `average_rating` (1 to 5), `explained_pct` and `fair_pct` over the responses.
//! - `anonymous`: anonymous filings; `anonymous_returned_pct`: of them, the share whose client
//!   came back with their receipt code (any later event they signed).
//! - `views`: openings of the sealed file; `outsider_views`: of them, those by staff not on the case
//!   (who never acted on it: `View::outsider`).
//! - `erased`: cases whose personal data was erased.
//!
//! # Breakdowns
//!
//! Over the whole range (the total's rules), one entry per value, only values with something to
//! count: program, site, service stream (`unspecified` when the filing named none), channel and
//! language from the filing; right: a case counts once under each right it cites (filing,
//! triage and findings together); framework area: once under each area of its framework items
//! (triage and findings), through the [`Reference`] given to the report (`unknown` for items
//! the reference does not hold). Rights and areas are listed in the reference's order, other
//! dimensions alphabetically. Event-dated figures go to the groups of the case they belong to.
//!
//! A report's breakdowns are exact; what is shown of them is [`Report::published`], where
//! groups of fewer than 5 cases are suppressed (see [`published`]).
//!
//! # Cost
//!
//! `update` is a few hash look-ups and small copies; `report` is one pass over the rows with no
//! allocation per case, and medians come from per-group histograms of whole days.
//!
//! # Where things are
//!
//! - [`period`]: months, quarters and years, a [`Query`]'s range, and the one rule for its
//!   default and its longest span, which the page and the API both apply.
//! - [`facts`]: the [`Dashboard`] read model, one compact fact row per case, and its update.
//! - [`aggregation`]: [`Dashboard::report`], one pass over the rows into accumulators.
//! - [`report`]: what a report holds ([`Report`], [`Metrics`], [`Dimension`]).
//! - [`published`]: what of it may be published ([`Published`]): small groups of a breakdown
//!   suppressed, with [`crate::suppression`]'s rule.
//! - [`systemic`]: the systemic corrective actions of each period, beside the cases' own.

pub mod aggregation;
pub mod facts;
pub mod period;
pub mod published;
pub mod report;
pub mod systemic;

pub use facts::Dashboard;
pub use period::{Granularity, MAX_YEARS, ParsePeriodError, Period, Query, RangeError};
pub use published::{Group, Published};
pub use report::{Dimension, Metrics, Report, Satisfaction};
pub use systemic::{Systemic, SystemicFigures};
