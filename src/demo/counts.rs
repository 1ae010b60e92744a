//! The figures of a finished demo, read from its read model: what the dashboards and queues
//! show, so that a test can check that every figure has something to show and that a seed
//! gives the same figures twice.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use recourse_events::case::{AppealOutcome, Channel, ErasureReason, Outcome};
use recourse_projections::case::{ActionStatus, Status};
use recourse_projections::read_model::ReadModel;
use recourse_projections::review::ReviewStatus;
use recourse_projections::systemic::SystemicStatus;

/// Figures of a ledger, from its read model (what the dashboards and queues show).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoCounts {
    /// Cases.
    pub cases: usize,
    /// Cases by status.
    pub by_status: BTreeMap<Status, usize>,
    /// Cases by channel.
    pub by_channel: BTreeMap<Channel, usize>,
    /// Cases by client language.
    pub by_language: BTreeMap<String, usize>,
    /// Cases by the outcome of the decision in force.
    pub outcomes: BTreeMap<Outcome, usize>,
    /// Cases decided at least once.
    pub decided: usize,
    /// Cases withdrawn.
    pub withdrawn: usize,
    /// Appeals filed.
    pub appeals: usize,
    /// Appeals decided, by outcome.
    pub appeal_outcomes: BTreeMap<AppealOutcome, usize>,
    /// Conflicts of interest declared.
    pub recusals: usize,
    /// Times cases were reopened.
    pub reopened: usize,
    /// Corrective actions opened.
    pub actions: usize,
    /// Corrective actions verified.
    pub actions_verified: usize,
    /// Corrective actions waived.
    pub actions_waived: usize,
    /// Corrective actions outstanding (open or reported done).
    pub actions_outstanding: usize,
    /// Outstanding corrective actions past their due date.
    pub actions_overdue: usize,
    /// Clients who answered the satisfaction questions.
    pub satisfaction: usize,
    /// Anonymous filings.
    pub anonymous: usize,
    /// Anonymous clients who came back with their receipt code.
    pub anonymous_returned: usize,
    /// Interpreters asked for.
    pub interpreters: usize,
    /// Complaints naming a staff member.
    pub naming_staff: usize,
    /// Openings of sealed data.
    pub views: usize,
    /// Openings by someone with no part in the case.
    pub outsider_views: usize,
    /// Cases erased at the client's request.
    pub erased_on_request: usize,
    /// Cases erased at the end of the retention period.
    pub erased_by_retention: usize,
    /// Framework reviews opened.
    pub reviews: usize,
    /// Reviews open (being rated).
    pub reviews_open: usize,
    /// Reviews submitted to the board, not yet approved.
    pub reviews_submitted: usize,
    /// Reviews approved.
    pub reviews_approved: usize,
    /// Reviews the board returned at least once.
    pub reviews_returned: usize,
    /// Area reviews (of one area of the framework).
    pub area_reviews: usize,
    /// Systemic corrective actions opened.
    pub systemic: usize,
    /// Systemic actions open (not reported done).
    pub systemic_open: usize,
    /// Open systemic actions past their due date.
    pub systemic_overdue: usize,
    /// Systemic actions reported done, waiting for verification.
    pub systemic_completed: usize,
    /// Systemic actions verified.
    pub systemic_verified: usize,
    /// Systemic actions opened from a pattern of complaints rather than from a review.
    pub systemic_from_cases: usize,
    /// Transparency reports published.
    pub reports: usize,
}

impl DemoCounts {
    /// The figures of `model` at `now`.
    pub fn of(model: &ReadModel, now: Timestamp) -> DemoCounts {
        let tz = TimeZone::get(&model.org().settings.time_zone).unwrap_or(TimeZone::UTC);
        let today = now.to_zoned(tz).date();
        let mut c = DemoCounts::default();
        for case in model.cases() {
            let Some(f) = &case.filing else { continue };
            c.cases += 1;
            *c.by_status.entry(case.status()).or_default() += 1;
            *c.by_channel.entry(f.channel).or_default() += 1;
            *c.by_language.entry(f.language.clone()).or_default() += 1;
            if let Some(d) = &case.decision {
                *c.outcomes.entry(d.outcome).or_default() += 1;
            }
            c.decided += usize::from(case.first_decided_at.is_some());
            c.withdrawn += usize::from(case.withdrawn_at.is_some());
            c.appeals += case.appeals as usize;
            if let Some((_, o)) = case.appeal.as_ref().and_then(|a| a.decided) {
                *c.appeal_outcomes.entry(o).or_default() += 1;
            }
            c.recusals += case.recusal_times.len();
            c.reopened += case.reopened as usize;
            for a in case.actions.values() {
                c.actions += 1;
                c.actions_verified += usize::from(a.status == ActionStatus::Verified);
                c.actions_waived += usize::from(a.status == ActionStatus::Waived);
                c.actions_outstanding += usize::from(a.outstanding());
                c.actions_overdue += usize::from(a.outstanding() && a.due < today);
            }
            c.satisfaction += usize::from(case.satisfaction.is_some());
            c.anonymous += usize::from(f.anonymous);
            c.anonymous_returned += usize::from(f.anonymous && case.client_returned);
            c.interpreters += usize::from(f.interpreter_language.is_some());
            c.naming_staff += usize::from(!f.named_staff.is_empty());
            c.views += case.views.len();
            c.outsider_views += case.views.iter().filter(|v| v.outsider).count();
            match case.erased {
                Some((_, ErasureReason::ClientRequest)) => c.erased_on_request += 1,
                Some((_, ErasureReason::Retention)) => c.erased_by_retention += 1,
                None => {}
            }
        }
        for r in model.reviews() {
            c.reviews += 1;
            match r.status {
                ReviewStatus::Open => c.reviews_open += 1,
                ReviewStatus::Submitted => c.reviews_submitted += 1,
                ReviewStatus::Approved => c.reviews_approved += 1,
                ReviewStatus::New => {}
            }
            c.reviews_returned += usize::from(!r.returns.is_empty());
            c.area_reviews += usize::from(r.opened.as_ref().is_some_and(|o| o.area.is_some()));
        }
        for s in model.systemic_actions() {
            c.systemic += 1;
            match s.status {
                SystemicStatus::Open => c.systemic_open += 1,
                SystemicStatus::Completed => c.systemic_completed += 1,
                SystemicStatus::Verified => c.systemic_verified += 1,
                SystemicStatus::New => {}
            }
            c.systemic_overdue += usize::from(s.overdue(today));
            c.systemic_from_cases += usize::from(
                s.opened
                    .as_ref()
                    .is_some_and(|o| o.origin.review.is_none() && !o.origin.cases.is_empty()),
            );
        }
        c.reports = model.reports().len();
        c
    }

    /// Cases erased, for either reason.
    pub fn erased(&self) -> usize {
        self.erased_on_request + self.erased_by_retention
    }
}
