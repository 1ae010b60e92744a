//! The public transparency report: what an organization publishes each quarter or year about
//! its complaints — how many, how fast, the outcomes, what changed as a result (systemic
//! actions), and the latest approved framework review's ratings.
//!
//! Every count about people goes through [`suppression`](crate::suppression): no cell of 1 to
//! 4 complaints is shown, and a second cell is hidden wherever a published total would give
//! a hidden one away. The report is computed from the read model alone, so a board member's
//! `report.published` event (which pins the ledger's size and root) can be recomputed from an
//! export by anyone (`recourse report recompute`).
//!
//! The lines, for complaints filed in the period:
//!
//! | group | lines | total |
//! | --- | --- | --- |
//! | outcomes | one per outcome (`outcome:upheld`...), and `outcome:pending` (no decision yet) | `received` |
//! | acknowledgement | `acknowledged:on-time`, `acknowledged:late` | `acknowledged:total` |
//! | decision | `decided:on-time`, `decided:late` | `decided:total` |
//! | appeals | `appealed:yes`, `appealed:no` (of those decided) | `appealed:total` |
//! | fairness | `fair:yes`, `fair:no` (of those who answered) | `fair:total` |
//! | `systemic` | `systemic:opened`, `systemic:verified` in the period (not about people: never suppressed) | |

use recourse_events::case::Outcome;
use recourse_events::review::{Cell, Period, ReportLine, ReviewId, SystemicId};

use crate::read_model::ReadModel;
use crate::review::ReviewStatus;
use crate::suppression::{Entry, MIN_CELL, Table, suppress};

/// What a report holds besides its period and pinned head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contents {
    /// The figures, suppressed where small.
    pub lines: Vec<ReportLine>,
    /// The latest approved whole-framework review.
    pub review: Option<ReviewId>,
    /// The systemic actions opened or verified in the period, by id.
    pub systemic: Vec<SystemicId>,
}

fn cell(e: Entry) -> Cell {
    match e {
        Entry::Shown(n) => Cell::Shown(u64::from(n)),
        Entry::Suppressed => Cell::Suppressed,
    }
}

fn line(label: impl Into<String>, e: Entry) -> ReportLine {
    ReportLine {
        label: label.into(),
        cell: cell(e),
        of: None,
    }
}

/// A group of counts with its published total: the counts and the total suppressed together.
fn group(lines: &mut Vec<ReportLine>, total: &str, parts: &[(String, u32)]) {
    let counts: Vec<u32> = parts.iter().map(|(_, n)| *n).collect();
    let suppressed = match Table::column(&counts) {
        Ok(table) => suppress(&table, MIN_CELL),
        // Counts of one period's complaints always fit; should they not, publish nothing.
        Err(_) => {
            lines.push(line(total, Entry::Suppressed));
            return;
        }
    };
    for ((label, _), row) in parts.iter().zip(&suppressed.cells) {
        lines.push(line(
            label.clone(),
            row.first().copied().unwrap_or(Entry::Suppressed),
        ));
    }
    let total_entry = suppressed
        .column_totals
        .first()
        .copied()
        .unwrap_or(Entry::Suppressed);
    lines.push(line(total, total_entry));
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The report of `period`, from `model` as it stands.
pub fn contents(model: &ReadModel, period: Period) -> Contents {
    let clocks = model.clocks();
    let filed: Vec<_> = model
        .cases()
        .filter(|c| {
            c.filed_at
                .is_some_and(|t| period.contains(clocks.local_date(t)))
        })
        .collect();
    let mut lines = Vec::new();

    let mut outcomes: Vec<(String, u32)> = Outcome::ALL
        .iter()
        .map(|o| {
            let n = filed
                .iter()
                .filter(|c| {
                    let outcome = if c.withdrawn_at.is_some() {
                        Some(Outcome::Withdrawn)
                    } else {
                        c.decision.as_ref().map(|d| d.outcome)
                    };
                    outcome == Some(*o)
                })
                .count();
            (format!("outcome:{}", o.as_str()), count(n))
        })
        .collect();
    let decided_or_withdrawn: u32 = outcomes.iter().map(|(_, n)| n).sum();
    outcomes.push((
        "outcome:pending".into(),
        count(filed.len()).saturating_sub(decided_or_withdrawn),
    ));
    group(&mut lines, "received", &outcomes);

    let split = |label: &str, values: &mut dyn Iterator<Item = bool>| -> Vec<(String, u32)> {
        let (mut yes, mut no) = (0u32, 0u32);
        for v in values {
            if v {
                yes += 1;
            } else {
                no += 1;
            }
        }
        let (a, b) = if label == "acknowledged" || label == "decided" {
            ("on-time", "late")
        } else {
            ("yes", "no")
        };
        vec![(format!("{label}:{a}"), yes), (format!("{label}:{b}"), no)]
    };
    let ack = split(
        "acknowledged",
        &mut filed
            .iter()
            .filter_map(|c| clocks.acknowledged_within_target(c)),
    );
    group(&mut lines, "acknowledged:total", &ack);
    let dec = split(
        "decided",
        &mut filed.iter().filter_map(|c| clocks.decided_within_target(c)),
    );
    group(&mut lines, "decided:total", &dec);
    let appealed = split(
        "appealed",
        &mut filed
            .iter()
            .filter(|c| c.first_decided_at.is_some())
            .map(|c| c.appeals > 0),
    );
    group(&mut lines, "appealed:total", &appealed);
    let fair = split(
        "fair",
        &mut filed
            .iter()
            .filter_map(|c| c.satisfaction.as_ref().map(|(_, s)| s.fair)),
    );
    group(&mut lines, "fair:total", &fair);

    let in_period = |t: jiff::Timestamp| period.contains(clocks.local_date(t));
    let mut systemic: Vec<SystemicId> = model
        .systemic_actions()
        .filter(|s| {
            s.opened_by.is_some_and(|(_, at)| in_period(at))
                || s.verified.as_ref().is_some_and(|v| in_period(v.at))
        })
        .map(|s| s.id)
        .collect();
    systemic.sort();
    let opened = model
        .systemic_actions()
        .filter(|s| s.opened_by.is_some_and(|(_, at)| in_period(at)))
        .count();
    let verified = model
        .systemic_actions()
        .filter(|s| s.verified.as_ref().is_some_and(|v| in_period(v.at)))
        .count();
    lines.push(line("systemic:opened", Entry::Shown(count(opened))));
    lines.push(line("systemic:verified", Entry::Shown(count(verified))));

    let review = model
        .reviews()
        .into_iter()
        .filter(|r| r.status == ReviewStatus::Approved)
        .filter(|r| r.opened.as_ref().is_some_and(|o| o.area.is_none()))
        .max_by_key(|r| {
            (
                r.period().map(|p| p.start),
                r.approved.as_ref().map(|a| a.at),
            )
        })
        .map(|r| r.id);
    Contents {
        lines,
        review,
        systemic,
    }
}

/// Decides a board member's publication of `report`: only the board publishes, and the
/// report's contents must be the ones computed from the pinned ledger (the service computes
/// both under the model's lock).
pub fn decide_publish(
    actor: &crate::actor::Actor,
    org: &crate::org::Org,
    report: &recourse_events::review::ReportPublished,
) -> Result<Vec<recourse_events::vocabulary::Payload>, crate::rule::RuleError> {
    use recourse_events::org::Role;
    match actor {
        crate::actor::Actor::Staff(s) if org.has_role(*s, Role::Board) => {
            Ok(vec![recourse_events::vocabulary::Payload::ReportPublished(
                Box::new(report.clone()),
            )])
        }
        _ => Err(crate::rule::RuleError::Forbidden(
            "only the board publishes a transparency report",
        )),
    }
}
