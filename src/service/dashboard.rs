//! The board's dashboard, as the application gives it to every door (the page, its CSV and
//! JSON exports, the API): what was asked, completed and checked by the one range rule
//! ([`Query::asked`]: one default, one longest range), and the read model's report for it as
//! of the service's clock, with the targets it was measured against.
//!
//! The report is the [published](recourse_projections::dashboard::Report::published) one:
//! groups of fewer than [`MIN_CELL`] cases in a breakdown are suppressed, with what would give
//! them away, so no door can show a small group by forgetting to.
//!
//! The doors only parse what they were given into a [`DashboardAsk`] and render the
//! [`DashboardReport`]; a range refused is [`ServiceError::Invalid`], with the field and a
//! message id each door translates.

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_projections::dashboard::{Granularity, Published, Query};
use recourse_projections::suppression::MIN_CELL;

use super::{Invalid, Service, ServiceError};

/// What the board asked for; what is missing takes the rule's default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DashboardAsk {
    /// Month, quarter or year (by quarter if not given).
    pub granularity: Option<Granularity>,
    /// The first day (the default range's if not given).
    pub from: Option<Date>,
    /// The last day (today, the agency's local date, if not given).
    pub to: Option<Date>,
}

/// A dashboard report and what it was made from.
#[derive(Debug, Clone)]
pub struct DashboardReport {
    /// The query, defaults filled in.
    pub query: Query,
    /// The figures, small groups of the breakdowns suppressed.
    pub report: Published,
    /// When the figures were read (the service's clock).
    pub generated_at: Timestamp,
    /// The acknowledgement target in force, in business days.
    pub acknowledge_business_days: u32,
    /// The decision target in force, in calendar days.
    pub decide_calendar_days: u32,
}

impl Service {
    /// The report for `ask`, now; refused if its range breaks the rule.
    pub fn dashboard(&self, ask: &DashboardAsk) -> Result<DashboardReport, ServiceError> {
        let now = self.now();
        self.read(|m| {
            let today = m.clocks().local_date(now);
            let first = m.first_filed().map(|at| m.clocks().local_date(at));
            let query = Query::asked(ask.granularity, ask.from, ask.to, today, first)
                .map_err(|e| ServiceError::Invalid(vec![Invalid::new(e.field(), e.message())]))?;
            Ok(DashboardReport {
                query,
                report: m.dashboard(&query, now).published(MIN_CELL),
                generated_at: now,
                acknowledge_business_days: m.clocks().acknowledge_business_days(),
                decide_calendar_days: m.clocks().decide_calendar_days(),
            })
        })
    }
}
