//! Systemic corrective actions on the dashboard, beside the cases' corrective actions: how
//! many were opened, reported done and verified in each period, and how many of those opened
//! in it are overdue now.
//!
//! They are not case facts (no program, site or right), so they have no breakdown: only the
//! periods and the total, computed from [`ReadModel::systemic_actions`] as the report is asked
//! for (there are few of them; a pass over all is cheap).
//!
//! Definitions, with local dates in the organization's time zone ([`Clocks::local_date`]):
//!
//! - `opened`: actions opened on a date in the period;
//! - `completed`: actions reported done on a date in the period (whatever happened next);
//! - `verified`: actions verified on a date in the period;
//! - `overdue`: of the actions opened in the period, those still open (not reported done) whose
//!   due date in force is before the local date of `now` (the rule of
//!   [`crate::systemic::Systemic::overdue`]).
//!
//! [`ReadModel::systemic_actions`]: crate::read_model::ReadModel::systemic_actions

use jiff::civil::Date;
use serde::Serialize;

use super::aggregation::Slots;
use super::period::Query;
use crate::clock::Clocks;
use crate::systemic::Systemic as Action;

/// The systemic-action figures of one period or of the whole range.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SystemicFigures {
    /// Systemic actions opened in the period.
    pub opened: u32,
    /// Of those opened in the period, still open past their due date at `now`.
    pub overdue: u32,
    /// Systemic actions reported done in the period.
    pub completed: u32,
    /// Systemic actions verified in the period.
    pub verified: u32,
}

/// The systemic-action figures of a report: one per period of the report, in the same order,
/// and the total over the range.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Systemic {
    /// One per period of [`Report::periods`](super::Report::periods), in order.
    pub periods: Vec<SystemicFigures>,
    /// The whole range.
    pub total: SystemicFigures,
}

impl Systemic {
    /// Zeros for `count` periods.
    pub fn empty(count: usize) -> Systemic {
        Systemic {
            periods: vec![SystemicFigures::default(); count],
            total: SystemicFigures::default(),
        }
    }

    /// The figures of `actions` for `query`, as of the local date `today`.
    pub fn of<'a>(
        actions: impl Iterator<Item = &'a Action>,
        query: &Query,
        today: Date,
        clocks: &Clocks,
    ) -> Systemic {
        let slots = Slots::of(query);
        let mut out = Systemic::empty(slots.count);
        for action in actions {
            let mut add = |at: Option<jiff::Timestamp>, op: &dyn Fn(&mut SystemicFigures)| {
                if let Some(i) = at.and_then(|t| slots.slot(clocks.local_date(t))) {
                    op(&mut out.periods[i]);
                    op(&mut out.total);
                }
            };
            let opened = action.opened_by.map(|(_, at)| at);
            add(opened, &|f| f.opened += 1);
            if action.overdue(today) {
                add(opened, &|f| f.overdue += 1);
            }
            add(action.completed.as_ref().map(|n| n.at), &|f| {
                f.completed += 1
            });
            add(action.verified.as_ref().map(|n| n.at), &|f| f.verified += 1);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::Actor;
    use crate::dashboard::Granularity;
    use jiff::civil::date;
    use recourse_events::ids::StaffId;
    use recourse_events::review::{Origin, SystemicId, SystemicNote, SystemicOpened};
    use recourse_events::vocabulary::Payload;

    fn at(day: &str) -> jiff::Timestamp {
        format!("{day}T15:00:00Z").parse().unwrap()
    }

    /// A later event: how its payload is made from a note, and its day.
    type Then<'a> = (fn(SystemicNote) -> Payload, &'a str);

    /// An action opened on `opened`, due `due`, then the given events.
    fn action(opened: &str, due: Date, then: &[Then]) -> Action {
        let by = Actor::Staff(StaffId(uuid::Uuid::from_u128(7)));
        let mut a = Action::new(SystemicId(uuid::Uuid::from_u128(1)));
        let open = Payload::SystemicOpened(SystemicOpened {
            title: "t".into(),
            description: "d".into(),
            owner: StaffId(uuid::Uuid::from_u128(7)),
            due,
            framework_item: None,
            origin: Origin::default(),
        });
        a.apply(0, at(opened), &by, &open);
        for (i, (make, day)) in then.iter().enumerate() {
            let note = SystemicNote {
                note: "n".into(),
                due: None,
            };
            a.apply(i as u64 + 1, at(day), &by, &make(note));
        }
        a
    }

    #[test]
    fn figures_count_events_in_their_period_and_overdue_by_opening() {
        let clocks = Clocks::from_settings(&Default::default()).unwrap();
        let query = Query {
            granularity: Granularity::Quarter,
            from: date(2026, 1, 1),
            to: date(2026, 6, 30),
        };
        let actions = [
            // Opened in Q1, due in Q1, still open on 2026-05-01: overdue, counted in Q1.
            action("2026-01-10", date(2026, 3, 1), &[]),
            // Opened in Q1, completed in Q2 (no longer overdue), verified in Q2.
            action(
                "2026-02-10",
                date(2026, 3, 1),
                &[
                    (Payload::SystemicCompleted, "2026-04-02"),
                    (Payload::SystemicVerified, "2026-04-20"),
                ],
            ),
            // Opened in Q2, not due yet.
            action("2026-04-15", date(2026, 9, 1), &[]),
            // Opened before the range: only its completion in Q2 counts.
            action(
                "2025-11-01",
                date(2026, 1, 1),
                &[(Payload::SystemicCompleted, "2026-05-01")],
            ),
        ];
        let s = Systemic::of(actions.iter(), &query, date(2026, 5, 1), &clocks);
        let q1 = SystemicFigures {
            opened: 2,
            overdue: 1,
            completed: 0,
            verified: 0,
        };
        let q2 = SystemicFigures {
            opened: 1,
            overdue: 0,
            completed: 2,
            verified: 1,
        };
        assert_eq!(s.periods, vec![q1, q2]);
        assert_eq!(
            s.total,
            SystemicFigures {
                opened: 3,
                overdue: 1,
                completed: 2,
                verified: 1
            }
        );
    }
}
