//! Events of the accountability loop above single cases: framework compliance reviews
//! (`review/<uuid>` streams), systemic corrective actions (`systemic/<uuid>`) and published
//! transparency reports (`report/<uuid>`).
//!
//! None of these carry personal data: a review records counts and the committee's own words
//! about the organization, a systemic action is about a policy or a practice, and a report is
//! published. Their texts are therefore in clear, and the forms that write them say so.
//!
//! A review and a report **pin a checkpoint**: the tree size and root of the ledger their
//! figures were computed from. Anyone holding an export can fold the first `size` entries,
//! check that they give `root`, recompute every figure and compare it with the recorded one.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::envelope::StreamId;
use crate::hash::Hash;
use crate::ids::CaseId;
use crate::ids::StaffId;

macro_rules! stream_id {
    ($(#[$meta:meta])* $name:ident, $kind:literal) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            schemars::JsonSchema,
        )]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// Its stream.
            pub fn stream(&self) -> StreamId {
                StreamId::parse(&format!(concat!($kind, "/{}"), self.0))
                    .expect("a UUID makes a valid stream name")
            }

            /// The id of a stream of this kind.
            pub fn from_stream(stream: &StreamId) -> Option<$name> {
                let (kind, id) = stream.as_str().split_once('/')?;
                (kind == $kind).then(|| id.parse().ok().map($name)).flatten()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::try_parse(s).map(Self)
            }
        }
    };
}

stream_id!(
    /// A framework compliance review; its stream is `review/<id>`.
    ReviewId,
    "review"
);
stream_id!(
    /// A systemic corrective action; its stream is `systemic/<id>`.
    SystemicId,
    "systemic"
);
stream_id!(
    /// A published transparency report; its stream is `report/<id>`.
    ReportId,
    "report"
);

crate::vocabulary! {
    /// How long a review period is.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum PeriodKind {
        /// Three months.
        Quarter,
        /// Six months.
        HalfYear,
        /// Twelve months.
        Year,
    }
}

impl PeriodKind {
    /// Its length in months.
    pub fn months(self) -> i8 {
        match self {
            PeriodKind::Quarter => 3,
            PeriodKind::HalfYear => 6,
            PeriodKind::Year => 12,
        }
    }
}

/// A review or report period: from `start` (included) for one [`PeriodKind`]. Periods are
/// aligned on the organization's year, which starts in January or in April (`fiscal_start`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Its length.
    pub kind: PeriodKind,
    /// Its first day (a first of the month, aligned on the year).
    #[schemars(with = "String")]
    pub start: Date,
    /// The month the organization's year starts in (1 or 4).
    pub fiscal_start: i8,
}

/// Why a period is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// The year starts in January or April.
    #[error("the year starts in January (1) or April (4), not month {0}")]
    FiscalStart(i8),
    /// Not aligned.
    #[error("a {kind} starts on the first of a month {months} months from the start of the year")]
    Misaligned {
        /// The period's kind.
        kind: &'static str,
        /// Its length.
        months: i8,
    },
}

impl Period {
    /// Checks the alignment.
    pub fn new(kind: PeriodKind, start: Date, fiscal_start: i8) -> Result<Period, PeriodError> {
        if fiscal_start != 1 && fiscal_start != 4 {
            return Err(PeriodError::FiscalStart(fiscal_start));
        }
        let offset = (start.month() - fiscal_start).rem_euclid(12);
        if start.day() != 1 || offset % kind.months() != 0 {
            return Err(PeriodError::Misaligned {
                kind: kind.as_str(),
                months: kind.months(),
            });
        }
        Ok(Period {
            kind,
            start,
            fiscal_start,
        })
    }

    /// The period of `kind` that contains `day`.
    pub fn containing(kind: PeriodKind, day: Date, fiscal_start: i8) -> Period {
        let fiscal_start = if fiscal_start == 4 { 4 } else { 1 };
        let offset = (day.month() - fiscal_start).rem_euclid(12);
        let back = offset % kind.months();
        let first = day.first_of_month();
        let start = first
            .checked_sub(jiff::Span::new().months(back))
            .unwrap_or(first);
        Period {
            kind,
            start,
            fiscal_start,
        }
    }

    /// The day after its last day.
    pub fn end(&self) -> Date {
        self.start
            .checked_add(jiff::Span::new().months(self.kind.months()))
            .unwrap_or(Date::MAX)
    }

    /// The period just before.
    pub fn previous(&self) -> Period {
        let start = self
            .start
            .checked_sub(jiff::Span::new().months(self.kind.months()))
            .unwrap_or(Date::MIN);
        Period { start, ..*self }
    }

    /// The period just after.
    pub fn next(&self) -> Period {
        Period {
            start: self.end(),
            ..*self
        }
    }

    /// True if `day` falls in it.
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day < self.end()
    }

    /// A short label: `2026-Q1`, `2026-H2`, `2026`, or for a year starting in April
    /// `FY2026-Q1` (the fiscal year named by the calendar year it starts in).
    pub fn label(&self) -> String {
        let offset = (self.start.month() - self.fiscal_start).rem_euclid(12);
        let year = if self.start.month() < self.fiscal_start {
            self.start.year() - 1
        } else {
            self.start.year()
        };
        let prefix = if self.fiscal_start == 1 { "" } else { "FY" };
        match self.kind {
            PeriodKind::Quarter => format!("{prefix}{year}-Q{}", offset / 3 + 1),
            PeriodKind::HalfYear => format!("{prefix}{year}-H{}", offset / 6 + 1),
            PeriodKind::Year => format!("{prefix}{year}"),
        }
    }
}

/// The organization's review cadence (a setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cadence {
    /// One review per period of this length.
    pub every: PeriodKind,
    /// The month the organization's year starts in (1 or 4).
    pub fiscal_start: i8,
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence {
            every: PeriodKind::Quarter,
            fiscal_start: 1,
        }
    }
}

/// A tree head: the size and root of the ledger a review's figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pinned {
    /// Entries covered (positions 0 to size - 1).
    pub size: u64,
    /// Their RFC 9162 Merkle root.
    #[schemars(with = "String")]
    pub root: Hash,
}

/// One recorded figure: `count`, or `count` out of `of` for a share (a sum over `of`
/// answers for an average). Integers, so a recomputation compares exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The measure, as the framework file names it (`decided-on-time`, `citing-right:privacy`).
    pub measure: String,
    /// The count (or the sum).
    pub count: u64,
    /// Out of how many, for a share or an average.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<u64>,
}

/// The figures of one framework item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemFigures {
    /// The framework item.
    pub item: String,
    /// Its figures, in the order the framework file lists its measures (then the tagged
    /// counts every item has).
    pub figures: Vec<Figure>,
}

/// Where a review or a systemic action came from, when not from the calendar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// The review (and its item) whose rating asked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewId>,
    /// That item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The cases whose pattern prompted it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<CaseId>,
}

impl Origin {
    /// True when it names nothing.
    pub fn is_empty(&self) -> bool {
        self.review.is_none() && self.cases.is_empty()
    }
}

/// `review.opened`: a review of a period under one framework version, of the whole framework
/// or of one area, with its figures computed from the pinned checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewOpened {
    /// The period the evidence covers.
    pub period: Period,
    /// One area only (an area review), or the whole framework.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// The framework's version (`version` in its file).
    pub framework_version: String,
    /// SHA-256 of the framework file used.
    pub framework_sha256: Hash,
    /// The ledger the figures come from.
    pub pinned: Pinned,
    /// The figures, per item in scope.
    pub items: Vec<ItemFigures>,
    /// Why it was opened, when not from the calendar.
    #[serde(default, skip_serializing_if = "Origin::is_empty")]
    pub origin: Origin,
}

crate::vocabulary! {
    /// How far an item is met.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Rating {
        /// Met.
        Met,
        /// Partly met: needs a follow-up.
        PartlyMet,
        /// Not met: needs a follow-up.
        NotMet,
        /// Does not apply to this organization.
        NotApplicable,
    }
}

impl Rating {
    /// Partly met and not met need a follow-up before the review is submitted.
    pub fn needs_follow_up(self) -> bool {
        matches!(self, Rating::PartlyMet | Rating::NotMet)
    }
}

/// `review.rated`: the committee member who signs it rates one item, with reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewRated {
    /// The item.
    pub item: String,
    /// The rating.
    pub rating: Rating,
    /// Why.
    pub reasons: String,
}

/// A document kept as evidence: its bytes are in the vault under the review's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// SHA-256 of the document.
    pub sha256: Hash,
    /// Size in bytes.
    pub size: u64,
    /// Media type.
    pub media_type: String,
    /// File name.
    pub name: String,
}

/// `review.attested`: a statement for what no ledger data shows (insurance in force, training
/// given, services free of charge), with an optional document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewAttested {
    /// The item.
    pub item: String,
    /// What is attested.
    pub statement: String,
    /// The document kept as evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<Document>,
}

/// `review.returned`, `review.approved`: the board's word, with comments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewComments {
    /// Comments (required when returning).
    pub comments: String,
}

/// `systemic_action.opened`: an organization-level corrective action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemicOpened {
    /// What is to be done, in a line.
    pub title: String,
    /// Details.
    pub description: String,
    /// Who is responsible.
    pub owner: StaffId,
    /// Due date (organization's calendar date).
    pub due: Date,
    /// The framework item it serves, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework_item: Option<String>,
    /// The review or the cases it came from.
    #[serde(default, skip_serializing_if = "Origin::is_empty")]
    pub origin: Origin,
}

/// `systemic_action.progressed`, `.completed`, `.verified`: a note, and a new due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemicNote {
    /// What was done or checked.
    pub note: String,
    /// A new due date (progress only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

/// A cell of a published report: a count, or suppressed (under the threshold, or to protect
/// one that is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// Shown.
    Shown(u64),
    /// Not shown.
    Suppressed,
}

/// One line of a report: a label and its cells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportLine {
    /// What it counts (`received`, `outcome:upheld`, `language:ar`...).
    pub label: String,
    /// The count.
    pub cell: Cell,
    /// Out of how many, for a share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<Cell>,
}

/// `report.published`: the transparency report a board member publishes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportPublished {
    /// The period reported on.
    pub period: Period,
    /// The ledger the figures come from.
    pub pinned: Pinned,
    /// The figures, suppressed where small.
    pub lines: Vec<ReportLine>,
    /// The latest approved review whose ratings it shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewId>,
    /// The systemic actions it reports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub systemic: Vec<SystemicId>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn periods_align_on_the_calendar_or_the_fiscal_year() {
        let q = Period::new(PeriodKind::Quarter, date("2026-04-01"), 1).unwrap();
        assert_eq!(q.label(), "2026-Q2");
        assert_eq!(q.end(), date("2026-07-01"));
        assert_eq!(q.previous().label(), "2026-Q1");
        let fq = Period::new(PeriodKind::Quarter, date("2026-04-01"), 4).unwrap();
        assert_eq!(fq.label(), "FY2026-Q1");
        let fy = Period::new(PeriodKind::Year, date("2026-04-01"), 4).unwrap();
        assert_eq!(fy.end(), date("2027-04-01"));
        assert_eq!(fy.label(), "FY2026");
        assert_eq!(
            Period::containing(PeriodKind::Year, date("2027-02-10"), 4).label(),
            "FY2026"
        );
        assert_eq!(
            Period::containing(PeriodKind::HalfYear, date("2026-09-30"), 1).label(),
            "2026-H2"
        );
        assert!(Period::new(PeriodKind::Year, date("2026-04-01"), 1).is_err());
        assert!(Period::new(PeriodKind::Quarter, date("2026-04-02"), 1).is_err());
        assert!(Period::new(PeriodKind::Quarter, date("2026-04-01"), 2).is_err());
    }

    #[test]
    fn stream_ids_round_trip() {
        let id = ReviewId(Uuid::nil());
        assert_eq!(ReviewId::from_stream(&id.stream()), Some(id));
        assert_eq!(SystemicId::from_stream(&id.stream()), None);
    }
}
