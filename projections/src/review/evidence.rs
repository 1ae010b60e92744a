//! The figures of a review, computed from the read model: one function, used when a review is
//! opened (the figures it records), when its page lists the cases behind a figure, and by
//! `recourse review recompute`, which folds the pinned entries of an export and calls it
//! again. Because the figures are integers computed from the folded ledger alone (no clock, no
//! sealed data), the same entries always give the same figures.
//!
//! What each [`Measure`] counts, for a review of period `P` (dates are the organization's local
//! dates):
//!
//! | measure | count | of |
//! | --- | --- | --- |
//! | `complaints` | complaints filed in `P` | |
//! | `acknowledged-on-time` | of those acknowledged, within the target | acknowledged |
//! | `decided-on-time` | of those decided, within the target | decided |
//! | `decided` | with a decision recorded, or withdrawn | filed in `P` |
//! | `appeals` | appealed | decided |
//! | `satisfaction` | sum of the ratings (1 to 5) | answers |
//! | `explained`, `fair` | answered yes | answers |
//! | `outsider-openings` | openings in `P` by staff not on the case | all openings in `P` |
//! | `citing-right:R` | citing right `R` (filing, triage or finding) | filed in `P` |
//! | `recusals` | recusals in `P` | |
//! | `named-staff` | naming a staff member | filed in `P` |
//! | `actions-verified-on-time` | case actions due in `P` verified by their due date | due in `P` |
//! | `systemic-verified-on-time` | systemic actions due in `P` verified by their due date | due in `P` |
//! | `tagged-complaints` | complaints of `P` triaged with the item | |
//! | `tagged-findings` | findings on complaints of `P` naming the item | |
//! | `tagged-actions` | case actions opened in `P` serving the item | |
//! | `tagged-systemic` | systemic actions opened in `P` serving the item, or following it up from a review | |

use jiff::Timestamp;
use recourse_events::ids::CaseId;
use recourse_events::review::{Figure, ItemFigures, Period};

use super::measure::Measure;
use crate::case::{ActionStatus, Case};
use crate::clock::Clocks;
use crate::read_model::ReadModel;
use crate::systemic::{Systemic, SystemicStatus};

/// One item to measure: its id and the measures its framework entry maps it to.
#[derive(Debug, Clone)]
pub struct ItemMeasures {
    /// The framework item.
    pub item: String,
    /// Its measures (the tagged ones are added).
    pub measures: Vec<Measure>,
}

/// What the figures are computed over: the cases, once, in case id order (so lists of cases
/// come out the same whatever the map's order), and the period as instants, so that telling
/// whether an event falls in it is two comparisons rather than a time-zone conversion.
struct Scope<'a> {
    period: Period,
    clocks: &'a Clocks,
    model: &'a ReadModel,
    /// From the first instant of the period's first day, in the organization's time zone...
    from: Timestamp,
    /// ...to the first instant of the day after its last.
    to: Timestamp,
    /// Every case.
    all: Vec<&'a Case>,
    /// The complaints filed in the period.
    filed: Vec<&'a Case>,
}

impl<'a> Scope<'a> {
    fn new(model: &'a ReadModel, period: Period) -> Scope<'a> {
        let clocks = model.clocks();
        let midnight = |d: jiff::civil::Date| {
            d.to_zoned(clocks.time_zone().clone())
                .map(|z| z.timestamp())
                .unwrap_or(Timestamp::MAX)
        };
        let (from, to) = (midnight(period.start), midnight(period.end()));
        let mut all: Vec<&Case> = model.cases().collect();
        all.sort_unstable_by_key(|c| c.id);
        let filed = all
            .iter()
            .copied()
            .filter(|c| c.filed_at.is_some_and(|t| from <= t && t < to))
            .collect();
        Scope {
            period,
            clocks,
            model,
            from,
            to,
            all,
            filed,
        }
    }

    fn in_period(&self, t: Timestamp) -> bool {
        self.from <= t && t < self.to
    }
}

/// The figures of every item, in the given order: its own measures, then the tagged counts.
pub fn figures(model: &ReadModel, period: Period, items: &[ItemMeasures]) -> Vec<ItemFigures> {
    let scope = Scope::new(model, period);
    items
        .iter()
        .map(|i| ItemFigures {
            item: i.item.clone(),
            figures: measures_of(i)
                .map(|m| measure(&scope, &i.item, m, None))
                .collect(),
        })
        .collect()
}

/// The measures of an item: its own, then the tagged counts every item has.
pub fn measures_of(item: &ItemMeasures) -> impl Iterator<Item = &Measure> {
    item.measures.iter().chain(
        Measure::TAGGED
            .iter()
            .filter(|t| !item.measures.contains(t)),
    )
}

/// The cases behind one figure (for staff), in case id order, and its figure.
pub fn cases_behind(
    model: &ReadModel,
    period: Period,
    item: &str,
    m: &Measure,
) -> (Figure, Vec<CaseId>) {
    let scope = Scope::new(model, period);
    let mut cases = Vec::new();
    let figure = measure(&scope, item, m, Some(&mut cases));
    cases.dedup();
    (figure, cases)
}

fn measure(scope: &Scope, item: &str, m: &Measure, mut cases: Option<&mut Vec<CaseId>>) -> Figure {
    let mut count = 0u64;
    let mut of = 0u64;
    let mut hit = |case: &Case, n: u64| {
        count += n;
        if let Some(list) = cases.as_deref_mut()
            && n > 0
        {
            list.push(case.id);
        }
    };
    let clocks = scope.clocks;
    let model = scope.model;
    let with_of = match m {
        Measure::Complaints => {
            for c in &scope.filed {
                hit(c, 1);
            }
            None
        }
        Measure::AcknowledgedOnTime | Measure::DecidedOnTime => {
            for c in &scope.filed {
                let on_time = if *m == Measure::AcknowledgedOnTime {
                    clocks.acknowledged_within_target(c)
                } else {
                    clocks.decided_within_target(c)
                };
                if let Some(on_time) = on_time {
                    of += 1;
                    hit(c, u64::from(on_time));
                }
            }
            Some(of)
        }
        Measure::Decided => {
            for c in &scope.filed {
                of += 1;
                hit(
                    c,
                    u64::from(c.first_decided_at.is_some() || c.withdrawn_at.is_some()),
                );
            }
            Some(of)
        }
        Measure::Appeals => {
            for c in &scope.filed {
                if c.first_decided_at.is_some() {
                    of += 1;
                    hit(c, u64::from(c.appeals > 0));
                }
            }
            Some(of)
        }
        Measure::Satisfaction | Measure::Explained | Measure::Fair => {
            for c in &scope.filed {
                if let Some((_, s)) = &c.satisfaction {
                    of += 1;
                    let n = match m {
                        Measure::Satisfaction => u64::from(s.rating),
                        Measure::Explained => u64::from(s.explained),
                        _ => u64::from(s.fair),
                    };
                    hit(c, n);
                }
            }
            Some(of)
        }
        Measure::OutsiderOpenings => {
            for c in &scope.all {
                let views = c.views.iter().filter(|v| scope.in_period(v.at));
                let (n, outsiders) =
                    views.fold((0, 0), |(n, o), v| (n + 1, o + u64::from(v.outsider)));
                of += n;
                hit(c, outsiders);
            }
            Some(of)
        }
        Measure::CitingRight(right) => {
            for c in &scope.filed {
                of += 1;
                let filed = c.filing.iter().flat_map(|f| &f.rights);
                let triaged = c.triage.iter().flat_map(|t| &t.rights);
                let found = c.findings.iter().flat_map(|f| &f.rights);
                let cites = filed.chain(triaged).chain(found).any(|r| r == right);
                hit(c, u64::from(cites));
            }
            Some(of)
        }
        Measure::Recusals => {
            for c in &scope.all {
                let n = c
                    .recusal_times
                    .iter()
                    .filter(|t| scope.in_period(**t))
                    .count();
                hit(c, n as u64);
            }
            None
        }
        Measure::NamedStaff => {
            for c in &scope.filed {
                of += 1;
                hit(
                    c,
                    u64::from(c.filing.as_ref().is_some_and(|f| !f.named_staff.is_empty())),
                );
            }
            Some(of)
        }
        Measure::ActionsVerifiedOnTime => {
            for c in &scope.all {
                for a in c.actions.values().filter(|a| scope.period.contains(a.due)) {
                    of += 1;
                    let on_time = a.status == ActionStatus::Verified
                        && a.settled_at.is_some_and(|t| clocks.local_date(t) <= a.due);
                    hit(c, u64::from(on_time));
                }
            }
            Some(of)
        }
        Measure::SystemicVerifiedOnTime => {
            for s in systemic(model) {
                if s.due.is_some_and(|d| scope.period.contains(d)) {
                    of += 1;
                    let on_time = s.status == SystemicStatus::Verified
                        && s.due.is_some_and(|due| {
                            s.verified
                                .as_ref()
                                .is_some_and(|v| clocks.local_date(v.at) <= due)
                        });
                    count += u64::from(on_time);
                }
            }
            Some(of)
        }
        // The read model folded renamed item ids under their current ones
        // (`Reference::canonical_item`): an old ledger counts under the items that replaced them.
        Measure::TaggedComplaints => {
            for c in &scope.filed {
                let tagged = c
                    .triage
                    .iter()
                    .flat_map(|t| &t.framework_items)
                    .any(|i| i == item);
                hit(c, u64::from(tagged));
            }
            None
        }
        Measure::TaggedFindings => {
            for c in &scope.filed {
                let n = c
                    .findings
                    .iter()
                    .filter(|f| f.framework_items.iter().any(|i| i == item))
                    .count();
                hit(c, n as u64);
            }
            None
        }
        Measure::TaggedActions => {
            for c in &scope.all {
                let n = c
                    .actions
                    .values()
                    .filter(|a| scope.in_period(a.opened_at))
                    .filter(|a| a.framework_item.as_deref().is_some_and(|i| i == item))
                    .count();
                hit(c, n as u64);
            }
            None
        }
        Measure::TaggedSystemic => {
            for s in systemic(model) {
                // It serves the item it names, or the item of the review it follows up.
                let serves = s.opened.as_ref().is_some_and(|o| {
                    let named = o.framework_item.as_deref();
                    let followed = o.origin.item.as_deref();
                    named.into_iter().chain(followed).any(|i| i == item)
                });
                let opened = s.opened_by.is_some_and(|(_, at)| scope.in_period(at));
                count += u64::from(serves && opened);
            }
            None
        }
    };
    Figure {
        measure: m.name(),
        count,
        of: with_of,
    }
}

fn systemic(model: &ReadModel) -> impl Iterator<Item = &Systemic> {
    model.systemic_actions()
}
