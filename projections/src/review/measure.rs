//! What a framework review can measure from the ledger: the vocabulary of figures.
//!
//! The framework data file (`framework.toml`) maps each item to the measures that are evidence
//! for it (`evidence = ["decided-on-time", "citing-right:privacy"]`), so an organization can
//! change what counts as evidence for an item without touching code. Every item also gets the
//! [`Measure::TAGGED`] figures: the complaints, findings, corrective actions and systemic
//! actions tagged with it.
//!
//! A measure is spelled in the data file as its [`name`](Measure::name); one takes an argument
//! after a colon (`citing-right:<right id>`).

use std::fmt;

/// One figure a review computes for an item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// Complaints filed in the period.
    Complaints,
    /// Of the complaints acknowledged, those acknowledged within the deadline.
    AcknowledgedOnTime,
    /// Of the complaints decided, those decided within the deadline.
    DecidedOnTime,
    /// Of the complaints filed, those with a recorded decision (or withdrawn).
    Decided,
    /// Complaints of the period that were appealed.
    Appeals,
    /// The clients' satisfaction rating (1 to 5): the sum over the answers.
    Satisfaction,
    /// Of the clients who answered, those who said the decision was explained.
    Explained,
    /// Of the clients who answered, those who said the process was fair.
    Fair,
    /// Openings of a complaint file by staff not on the case.
    OutsiderOpenings,
    /// Complaints citing a right of the Client Code (by its id).
    CitingRight(String),
    /// Recusals: staff who declared a conflict and stepped aside.
    Recusals,
    /// Complaints naming a staff member (who is excluded from handling it).
    NamedStaff,
    /// Of the corrective actions on cases due in the period, those verified by their due date.
    ActionsVerifiedOnTime,
    /// Of the systemic actions due in the period, those verified by their due date.
    SystemicVerifiedOnTime,
    /// Complaints tagged with the item (at triage).
    TaggedComplaints,
    /// Findings tagged with the item.
    TaggedFindings,
    /// Corrective actions on cases serving the item.
    TaggedActions,
    /// Systemic actions serving the item.
    TaggedSystemic,
}

/// A measure name the data file uses that Recourse does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown measure {0:?} (known: {known})", known = Measure::NAMES.join(", "))]
pub struct UnknownMeasure(pub String);

impl Measure {
    /// The names a data file may use (`citing-right` takes `:<right id>`).
    pub const NAMES: &'static [&'static str] = &[
        "complaints",
        "acknowledged-on-time",
        "decided-on-time",
        "decided",
        "appeals",
        "satisfaction",
        "explained",
        "fair",
        "outsider-openings",
        "citing-right",
        "recusals",
        "named-staff",
        "actions-verified-on-time",
        "systemic-verified-on-time",
        "tagged-complaints",
        "tagged-findings",
        "tagged-actions",
        "tagged-systemic",
    ];

    /// The figures every item gets, whatever its mapping says.
    pub const TAGGED: [Measure; 4] = [
        Measure::TaggedComplaints,
        Measure::TaggedFindings,
        Measure::TaggedActions,
        Measure::TaggedSystemic,
    ];

    /// Reads a measure as the data file spells it. The argument of `citing-right` is not checked
    /// here: the caller knows the rights.
    pub fn parse(s: &str) -> Result<Measure, UnknownMeasure> {
        let unknown = || UnknownMeasure(s.to_owned());
        if let Some(right) = s.strip_prefix("citing-right:") {
            if right.is_empty() {
                return Err(unknown());
            }
            return Ok(Measure::CitingRight(right.to_owned()));
        }
        Ok(match s {
            "complaints" => Measure::Complaints,
            "acknowledged-on-time" => Measure::AcknowledgedOnTime,
            "decided-on-time" => Measure::DecidedOnTime,
            "decided" => Measure::Decided,
            "appeals" => Measure::Appeals,
            "satisfaction" => Measure::Satisfaction,
            "explained" => Measure::Explained,
            "fair" => Measure::Fair,
            "outsider-openings" => Measure::OutsiderOpenings,
            "recusals" => Measure::Recusals,
            "named-staff" => Measure::NamedStaff,
            "actions-verified-on-time" => Measure::ActionsVerifiedOnTime,
            "systemic-verified-on-time" => Measure::SystemicVerifiedOnTime,
            "tagged-complaints" => Measure::TaggedComplaints,
            "tagged-findings" => Measure::TaggedFindings,
            "tagged-actions" => Measure::TaggedActions,
            "tagged-systemic" => Measure::TaggedSystemic,
            _ => return Err(unknown()),
        })
    }

    /// The name as the data file and recorded figures spell it.
    pub fn name(&self) -> String {
        match self {
            Measure::CitingRight(r) => format!("citing-right:{r}"),
            other => other.base_name().to_owned(),
        }
    }

    /// The name without its argument (the message id suffix on pages).
    pub fn base_name(&self) -> &'static str {
        match self {
            Measure::Complaints => "complaints",
            Measure::AcknowledgedOnTime => "acknowledged-on-time",
            Measure::DecidedOnTime => "decided-on-time",
            Measure::Decided => "decided",
            Measure::Appeals => "appeals",
            Measure::Satisfaction => "satisfaction",
            Measure::Explained => "explained",
            Measure::Fair => "fair",
            Measure::OutsiderOpenings => "outsider-openings",
            Measure::CitingRight(_) => "citing-right",
            Measure::Recusals => "recusals",
            Measure::NamedStaff => "named-staff",
            Measure::ActionsVerifiedOnTime => "actions-verified-on-time",
            Measure::SystemicVerifiedOnTime => "systemic-verified-on-time",
            Measure::TaggedComplaints => "tagged-complaints",
            Measure::TaggedFindings => "tagged-findings",
            Measure::TaggedActions => "tagged-actions",
            Measure::TaggedSystemic => "tagged-systemic",
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_and_prints_back() {
        for name in Measure::NAMES {
            let spelled = if *name == "citing-right" {
                "citing-right:privacy".to_owned()
            } else {
                (*name).to_owned()
            };
            let m = Measure::parse(&spelled).unwrap();
            assert_eq!(m.name(), spelled);
            assert_eq!(m.base_name(), *name);
        }
        assert!(Measure::parse("citing-right:").is_err());
        assert!(Measure::parse("complaint").is_err());
    }
}
