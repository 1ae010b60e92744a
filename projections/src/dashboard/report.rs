//! What a report holds: the [`Metrics`] of each period, of the whole range and of each group
//! of a breakdown ([`Dimension`]). The figures are defined in the [dashboard](super)'s
//! documentation.

use std::collections::BTreeMap;

use serde::Serialize;

use super::period::Period;

recourse_events::vocabulary! {
    /// What a breakdown groups cases by.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Dimension {
        /// The program the complaint concerns.
        Program,
        /// The site.
        Site,
        /// The IRCC service stream (`unspecified` when none was given).
        ServiceStream,
        /// How the complaint arrived.
        Channel,
        /// The client's language.
        Language,
        /// Client Code rights cited (filing, triage, findings): a case counts under each.
        Right,
        /// Framework areas of the items concerned (triage, findings): a case counts under each.
        FrameworkArea,
    }
}

/// The clients' answers on satisfaction (see the [module](super) for definitions).
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Satisfaction {
    /// Cases whose client answered.
    pub responses: u32,
    /// Average rating, 1 to 5.
    pub average_rating: Option<f64>,
    /// Share of answers saying the decision was explained.
    pub explained_pct: Option<f64>,
    /// Share of answers saying the process was fair.
    pub fair_pct: Option<f64>,
}

/// The figures of one period, group or total (see the [module](super) for definitions).
#[derive(Debug, Clone, Default, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Metrics {
    /// Cases filed.
    pub received: u32,
    /// Of them, still being handled.
    pub open: u32,
    /// Of them, acknowledged.
    pub acknowledged: u32,
    /// Share of the acknowledged acknowledged within target.
    pub acknowledged_within_target_pct: Option<f64>,
    /// Median business days to acknowledge (nearest rank).
    pub median_days_to_acknowledge: Option<f64>,
    /// 90th percentile of business days to acknowledge (nearest rank).
    pub p90_days_to_acknowledge: Option<f64>,
    /// Of them, decided at least once.
    pub decided: u32,
    /// Share of the decided decided within target.
    pub decided_within_target_pct: Option<f64>,
    /// Median calendar days to the first decision (nearest rank).
    pub median_days_to_decide: Option<f64>,
    /// 90th percentile of calendar days to the first decision (nearest rank).
    pub p90_days_to_decide: Option<f64>,
    /// Cases by outcome of the decision in force, or `withdrawn`.
    #[schemars(
        schema_with = "recourse_events::variants::map_schema::<recourse_events::case::Outcome, u32>"
    )]
    pub outcomes: BTreeMap<String, u32>,
    /// Cases appealed at least once.
    pub appealed: u32,
    /// `appealed / decided`.
    pub appeal_rate_pct: Option<f64>,
    /// Cases reopened at least once.
    pub reopened: u32,
    /// `reopened / (decided or withdrawn)`.
    pub reopen_rate_pct: Option<f64>,
    /// Corrective actions opened in the period.
    pub actions_opened: u32,
    /// Corrective actions of these cases past due and outstanding at `now`.
    pub actions_overdue: u32,
    /// Corrective actions verified in the period.
    pub actions_verified: u32,
    /// Corrective actions waived in the period.
    pub actions_waived: u32,
    /// Recusals declared in the period.
    pub recusals: u32,
    /// Satisfaction answers.
    pub satisfaction: Satisfaction,
    /// Anonymous filings.
    pub anonymous: u32,
    /// Share of anonymous filings whose client came back.
    pub anonymous_returned_pct: Option<f64>,
    /// Openings of the sealed file.
    pub views: u32,
    /// Of them, by staff not on the case (who never acted on it, `View::outsider`).
    pub outsider_views: u32,
    /// Cases whose personal data was erased.
    pub erased: u32,
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Every period overlapping the range, in order, empty ones included.
    pub periods: Vec<(Period, Metrics)>,
    /// The whole range.
    pub total: Metrics,
    /// The whole range, by dimension and value.
    pub breakdowns: BTreeMap<Dimension, Vec<(String, Metrics)>>,
    /// Systemic corrective actions, by period and in total (no breakdown: they are not about
    /// one case).
    pub systemic: super::systemic::Systemic,
}
