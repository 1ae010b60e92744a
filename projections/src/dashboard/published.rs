//! What of a [`Report`] may be published: its breakdowns with small groups suppressed by the
//! rule of [`crate::suppression`]. The page, its exports and the API show a [`Published`]
//! report, never the raw one.
//!
//! - A group's size is its `received`, the cases filed in it. A group of 1 to 4 cases is
//!   suppressed (zeros are shown), and with it every figure of the group, counts and derived
//!   figures alike (percentages, medians, averages): its [`Group::metrics`] is `None`.
//! - Where the groups of a breakdown sum to the total the page shows (program, site, service
//!   stream, channel, language: every case is in exactly one group), the breakdown is a list
//!   with its total and gets complementary suppression: no suppressed group can be found by
//!   subtracting the shown ones from the total. Since a suppressed group's figures are all
//!   hidden, the same holds for every additive figure (open, decided, ...): only the sum over
//!   two or more suppressed groups can be read.
//! - Where a case counts under several groups (rights, framework areas), no published total is
//!   their sum, and primary suppression alone applies.
//! - The periods and the total are not broken down and are published as they are, even under
//!   the threshold: the rule is for breakdowns. So when a breakdown's total is itself
//!   suppressed by the rule (under the threshold, or a single group), the page still shows it,
//!   and a single group is then readable from it; this is the one known gap, documented here
//!   rather than hidden.

use std::collections::BTreeMap;

use serde::Serialize;

use super::period::Period;
use super::report::{Dimension, Metrics, Report};
use crate::suppression::{Table, primary, suppress};

/// One group of a published breakdown.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Group {
    /// The value (a program, a site, a language...).
    pub value: String,
    /// Whether the group's figures are suppressed: fewer cases than the threshold, or hidden
    /// so that the others and the total do not give such a group away.
    pub suppressed: bool,
    /// Its figures; `None` when suppressed.
    pub metrics: Option<Metrics>,
}

/// A [`Report`] as it may be published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Published {
    /// Groups of fewer cases than this are suppressed.
    pub min_cell: u32,
    /// Every period overlapping the range, in order, empty ones included (never suppressed).
    pub periods: Vec<(Period, Metrics)>,
    /// The whole range (never suppressed).
    pub total: Metrics,
    /// The whole range, by dimension and value, small groups suppressed.
    pub breakdowns: BTreeMap<Dimension, Vec<Group>>,
    /// Systemic corrective actions, by period and in total (about the organization, not
    /// people: never suppressed).
    pub systemic: super::systemic::Systemic,
}

impl Dimension {
    /// Whether every case is in exactly one group of this dimension, so that the groups sum
    /// to the total.
    pub fn partitions(self) -> bool {
        match self {
            Dimension::Program
            | Dimension::Site
            | Dimension::ServiceStream
            | Dimension::Channel
            | Dimension::Language => true,
            Dimension::Right | Dimension::FrameworkArea => false,
        }
    }
}

impl Report {
    /// The report as it may be published, groups of fewer than `min` cases suppressed (see
    /// the [module](self)).
    pub fn published(self, min: u32) -> Published {
        let breakdowns = self
            .breakdowns
            .into_iter()
            .map(|(dim, groups)| (dim, publish(dim, groups, min)))
            .collect();
        Published {
            min_cell: min,
            periods: self.periods,
            total: self.total,
            systemic: self.systemic,
            breakdowns,
        }
    }
}

/// One breakdown, suppressed.
fn publish(dim: Dimension, groups: Vec<(String, Metrics)>, min: u32) -> Vec<Group> {
    let counts: Vec<u32> = groups.iter().map(|(_, m)| m.received).collect();
    let hidden: Vec<bool> = match Table::column(&counts) {
        Ok(table) if dim.partitions() => suppress(&table, min)
            .cells
            .iter()
            .map(|row| row.iter().any(|e| e.is_suppressed()))
            .collect(),
        // Rights and areas; or counts whose sum overflows a u32, which the groups of a
        // partition cannot (they sum to the total's `received`).
        _ => counts
            .iter()
            .map(|&n| primary(n, min).is_suppressed())
            .collect(),
    };
    groups
        .into_iter()
        .zip(hidden)
        .map(|((value, metrics), suppressed)| Group {
            value,
            suppressed,
            metrics: (!suppressed).then_some(metrics),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suppression::MIN_CELL;

    fn group(received: u32) -> Metrics {
        Metrics {
            received,
            open: received / 2,
            decided_within_target_pct: Some(50.0),
            ..Metrics::default()
        }
    }

    fn report(dim: Dimension, counts: &[u32]) -> Report {
        let groups = counts
            .iter()
            .enumerate()
            .map(|(i, &n)| (format!("g{i}"), group(n)))
            .collect();
        Report {
            periods: vec![],
            total: group(counts.iter().sum()),
            breakdowns: BTreeMap::from([(dim, groups)]),
            systemic: Default::default(),
        }
    }

    fn hidden(p: &Published, dim: Dimension) -> Vec<bool> {
        p.breakdowns[&dim].iter().map(|g| g.suppressed).collect()
    }

    #[test]
    fn a_partition_gets_complementary_suppression_and_hides_every_figure() {
        let p = report(Dimension::Language, &[12, 3, 7]).published(MIN_CELL);
        assert_eq!(hidden(&p, Dimension::Language), [false, true, true]);
        let groups = &p.breakdowns[&Dimension::Language];
        assert_eq!(groups[0].metrics, Some(group(12)));
        assert_eq!(groups[1].metrics, None, "no figure of a small group");
        assert_eq!(groups[2].metrics, None, "nor of its complement");
        assert_eq!(p.total.received, 22, "the total stays");
    }

    #[test]
    fn groups_that_overlap_get_primary_suppression_only() {
        let p = report(Dimension::Right, &[12, 3, 7]).published(MIN_CELL);
        assert_eq!(hidden(&p, Dimension::Right), [false, true, false]);
        let p = report(Dimension::FrameworkArea, &[0, 4, 5]).published(MIN_CELL);
        assert_eq!(hidden(&p, Dimension::FrameworkArea), [false, true, false]);
    }

    #[test]
    fn zeros_and_large_groups_are_shown() {
        for dim in Dimension::ALL {
            let p = report(dim, &[0, 5, 40]).published(MIN_CELL);
            assert_eq!(hidden(&p, dim), [false, false, false], "{dim:?}");
        }
    }
}
