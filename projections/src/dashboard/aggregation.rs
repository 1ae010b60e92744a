//! Aggregation: [`Dashboard::report`] reads every fact row once, adding each case to the
//! accumulator of its period, of the total and of every group it belongs to; event-dated
//! figures (corrective actions, recusals) go by their own dates. Medians and the 90th
//! percentile come from per-accumulator histograms of whole days.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_events::case::{Channel, Outcome};

use super::facts::{
    ANONYMOUS, APPEALED, Dashboard, ERASED, Fact, Interner, OPEN, REOPENED, RETURNED, SETTLED,
    UNKNOWN,
};
use super::period::{Granularity, Period, Query};
use super::report::{Dimension, Metrics, Report, Satisfaction};
use crate::case::ActionStatus;
use crate::clock::Clocks;
use crate::framework::Reference;

impl Dashboard {
    /// The figures for `query`, as of `now`, with the targets of `clocks`; framework areas
    /// through `reference`. See the [module](super) for every definition.
    pub fn report(
        &self,
        query: &Query,
        reference: &Reference,
        now: Timestamp,
        clocks: &Clocks,
    ) -> Report {
        let targets = Targets {
            acknowledge: clocks.acknowledge_business_days(),
            decide: clocks.decide_calendar_days(),
        };
        let slots = Slots::of(query);
        let mut periods = vec![Acc::default(); slots.count];
        let mut total = Acc::default();
        let mut groups = self.groups(reference);
        let today = clocks.local_date(now);
        for fact in &self.facts {
            let mut add = |d: Date, op: &dyn Fn(&mut Acc)| {
                if let Some(i) = slots.slot(d) {
                    op(&mut periods[i]);
                    op(&mut total);
                    groups.each(fact, op);
                }
            };
            add(fact.filed, &|acc| acc.add_case(fact, today, &targets));
            for a in &fact.actions {
                add(a.opened, &|acc| acc.actions_opened += 1);
                if let Some(settled) = a.settled {
                    add(settled, &|acc| match a.status {
                        ActionStatus::Verified => acc.actions_verified += 1,
                        ActionStatus::Waived => acc.actions_waived += 1,
                        ActionStatus::Open | ActionStatus::Completed => {}
                    });
                }
            }
            for &r in &fact.recusals {
                add(r, &|acc| acc.recusals += 1);
            }
        }
        let periods = periods
            .iter()
            .enumerate()
            .map(|(i, acc)| (slots.period(i), acc.metrics()))
            .collect();
        Report {
            periods,
            total: total.metrics(),
            breakdowns: self.breakdowns(&groups, reference),
            // The cases' rows know nothing of systemic actions: the read model adds them.
            systemic: super::systemic::Systemic::empty(slots.count),
        }
    }

    /// Empty accumulators for every group, with each framework item's area (the areas'
    /// count for items the reference lacks).
    fn groups(&self, reference: &Reference) -> Groups {
        let areas = &reference.framework.areas;
        let item_area = self
            .items
            .names
            .iter()
            .map(|item| {
                areas
                    .iter()
                    .position(|a| a.items.iter().any(|i| &i.id == item))
                    .unwrap_or(areas.len())
            })
            .collect();
        Groups {
            program: vec![Acc::default(); self.programs.len()],
            site: vec![Acc::default(); self.sites.len()],
            stream: vec![Acc::default(); self.streams.len()],
            channel: vec![Acc::default(); Channel::ALL.len()],
            language: vec![Acc::default(); self.languages.len()],
            right: vec![Acc::default(); self.rights.len()],
            area: vec![Acc::default(); areas.len() + 1],
            item_area,
            area_stamp: vec![0; areas.len() + 1],
            stamp: 0,
        }
    }

    /// Every breakdown, only groups with something to count: rights and areas in the
    /// reference's order, other dimensions alphabetically.
    fn breakdowns(
        &self,
        groups: &Groups,
        reference: &Reference,
    ) -> BTreeMap<Dimension, Vec<(String, Metrics)>> {
        let named = |interner: &Interner, accs: &[Acc]| {
            let mut out = counted(accs.iter().enumerate(), |i| interner.names[i].clone());
            out.sort_by(|a, b| a.0.cmp(&b.0));
            out
        };
        let mut channels = counted(groups.channel.iter().enumerate(), |i| {
            Channel::ALL[i].as_str().to_owned()
        });
        channels.sort_by(|a, b| a.0.cmp(&b.0));
        let mut rights = named(&self.rights, &groups.right);
        let rank = |id: &str| {
            reference
                .client_code
                .rights
                .iter()
                .position(|r| r.id == id)
                .unwrap_or(usize::MAX)
        };
        rights.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then_with(|| a.0.cmp(&b.0)));
        let areas = &reference.framework.areas;
        let area_entries = counted(groups.area.iter().enumerate(), |i| {
            areas.get(i).map_or(UNKNOWN, |a| a.id.as_str()).to_owned()
        });
        BTreeMap::from([
            (Dimension::Program, named(&self.programs, &groups.program)),
            (Dimension::Site, named(&self.sites, &groups.site)),
            (
                Dimension::ServiceStream,
                named(&self.streams, &groups.stream),
            ),
            (Dimension::Channel, channels),
            (
                Dimension::Language,
                named(&self.languages, &groups.language),
            ),
            (Dimension::Right, rights),
            (Dimension::FrameworkArea, area_entries),
        ])
    }
}

/// The groups with something to count, named by `name` from their index.
fn counted<'a>(
    accs: impl Iterator<Item = (usize, &'a Acc)>,
    name: impl Fn(usize) -> String,
) -> Vec<(String, Metrics)> {
    accs.filter(|(_, acc)| !acc.is_empty())
        .map(|(i, acc)| (name(i), acc.metrics()))
        .collect()
}

/// A query's periods, numbered from 0: the range is clipped to `from..=to`.
pub(super) struct Slots {
    granularity: Granularity,
    first: Period,
    from: Date,
    to: Date,
    pub(super) count: usize,
}

impl Slots {
    pub(super) fn of(query: &Query) -> Slots {
        let (from, to) = (query.from, query.to);
        let first = Period::of(query.granularity, from);
        let count = if from <= to {
            (Period::of(query.granularity, to).key() - first.key() + 1) as usize
        } else {
            0
        };
        Slots {
            granularity: query.granularity,
            first,
            from,
            to,
            count,
        }
    }

    /// The slot of a local date, if it is in the range.
    pub(super) fn slot(&self, d: Date) -> Option<usize> {
        (self.from <= d && d <= self.to)
            .then(|| (Period::of(self.granularity, d).key() - self.first.key()) as usize)
    }

    /// The period of slot `i`.
    fn period(&self, i: usize) -> Period {
        Period::from_key(self.granularity, self.first.key() + i as i32)
    }
}

/// The targets, read once per report.
struct Targets {
    acknowledge: u32,
    decide: u32,
}

/// The accumulators of every breakdown.
struct Groups {
    program: Vec<Acc>,
    site: Vec<Acc>,
    stream: Vec<Acc>,
    channel: Vec<Acc>,
    language: Vec<Acc>,
    right: Vec<Acc>,
    area: Vec<Acc>,
    /// Framework item -> index of its area.
    item_area: Vec<usize>,
    /// The `stamp` of the latest [`Groups::each`] that counted each area: a case with several
    /// items of one area counts there once, without a per-case set.
    area_stamp: Vec<u32>,
    stamp: u32,
}

impl Groups {
    /// Applies `op` to every group `fact` belongs to, once per group.
    fn each(&mut self, fact: &Fact, op: &dyn Fn(&mut Acc)) {
        op(&mut self.program[fact.program as usize]);
        op(&mut self.site[fact.site as usize]);
        op(&mut self.stream[fact.stream as usize]);
        let channel = Channel::ALL
            .iter()
            .position(|c| *c == fact.channel)
            .unwrap_or(0);
        op(&mut self.channel[channel]);
        op(&mut self.language[fact.language as usize]);
        fact.rights.for_each(|r| op(&mut self.right[r as usize]));
        self.stamp += 1;
        fact.items.for_each(|item| {
            let area = self.item_area[item as usize];
            if self.area_stamp[area] != self.stamp {
                self.area_stamp[area] = self.stamp;
                op(&mut self.area[area]);
            }
        });
    }
}

/// Counts of whole days: exact nearest-rank percentiles without keeping the values.
#[derive(Debug, Clone, Default)]
struct Histogram {
    counts: Vec<u32>,
    n: u32,
}

impl Histogram {
    fn add(&mut self, days: u32) {
        let i = days as usize;
        if i >= self.counts.len() {
            self.counts.resize(i + 1, 0);
        }
        self.counts[i] += 1;
        self.n += 1;
    }

    /// Nearest rank: the value of rank `ceil(p * n / 100)`.
    fn percentile(&self, p: u32) -> Option<f64> {
        if self.n == 0 {
            return None;
        }
        let rank = (u64::from(p) * u64::from(self.n)).div_ceil(100).max(1);
        let mut seen = 0u64;
        for (days, &c) in self.counts.iter().enumerate() {
            seen += u64::from(c);
            if seen >= rank {
                return Some(days as f64);
            }
        }
        None
    }
}

/// Running totals of one period or group.
#[derive(Debug, Clone, Default)]
struct Acc {
    received: u32,
    open: u32,
    acknowledged: u32,
    acknowledged_within: u32,
    ack_days: Histogram,
    decided: u32,
    decided_within: u32,
    decide_days: Histogram,
    outcomes: [u32; Outcome::ALL.len()],
    appealed: u32,
    reopened: u32,
    settled: u32,
    actions_opened: u32,
    actions_overdue: u32,
    actions_verified: u32,
    actions_waived: u32,
    recusals: u32,
    responses: u32,
    rating_sum: u32,
    explained: u32,
    fair: u32,
    anonymous: u32,
    anonymous_returned: u32,
    views: u32,
    outsider_views: u32,
    erased: u32,
}

fn pct(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| round1(f64::from(part) * 100.0 / f64::from(whole)))
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl Acc {
    fn is_empty(&self) -> bool {
        self.received == 0
            && self.actions_opened == 0
            && self.actions_verified == 0
            && self.actions_waived == 0
            && self.recusals == 0
    }

    fn add_case(&mut self, f: &Fact, today: Date, targets: &Targets) {
        self.received += 1;
        self.open += u32::from(f.has(OPEN));
        if let Some(d) = f.ack_days {
            self.acknowledged += 1;
            self.acknowledged_within += u32::from(d <= targets.acknowledge);
            self.ack_days.add(d);
        }
        if let Some(d) = f.decide_days {
            self.decided += 1;
            self.decided_within += u32::from(d <= targets.decide);
            self.decide_days.add(d);
        }
        if let Some(o) = f.outcome {
            self.outcomes[o as usize] += 1;
        }
        self.appealed += u32::from(f.has(APPEALED));
        self.reopened += u32::from(f.has(REOPENED));
        self.settled += u32::from(f.has(SETTLED));
        self.actions_overdue += f
            .actions
            .iter()
            .filter(|a| {
                matches!(a.status, ActionStatus::Open | ActionStatus::Completed) && a.due < today
            })
            .count() as u32;
        if let Some((rating, explained, fair)) = f.satisfaction {
            self.responses += 1;
            self.rating_sum += u32::from(rating);
            self.explained += u32::from(explained);
            self.fair += u32::from(fair);
        }
        if f.has(ANONYMOUS) {
            self.anonymous += 1;
            self.anonymous_returned += u32::from(f.has(RETURNED));
        }
        self.views += f.views;
        self.outsider_views += f.outsider_views;
        self.erased += u32::from(f.has(ERASED));
    }

    fn metrics(&self) -> Metrics {
        let outcomes = Outcome::ALL
            .iter()
            .zip(self.outcomes)
            .filter(|(_, n)| *n > 0)
            .map(|(o, n)| (o.as_str().to_owned(), n))
            .collect();
        Metrics {
            received: self.received,
            open: self.open,
            acknowledged: self.acknowledged,
            acknowledged_within_target_pct: pct(self.acknowledged_within, self.acknowledged),
            median_days_to_acknowledge: self.ack_days.percentile(50),
            p90_days_to_acknowledge: self.ack_days.percentile(90),
            decided: self.decided,
            decided_within_target_pct: pct(self.decided_within, self.decided),
            median_days_to_decide: self.decide_days.percentile(50),
            p90_days_to_decide: self.decide_days.percentile(90),
            outcomes,
            appealed: self.appealed,
            appeal_rate_pct: pct(self.appealed, self.decided),
            reopened: self.reopened,
            reopen_rate_pct: pct(self.reopened, self.settled),
            actions_opened: self.actions_opened,
            actions_overdue: self.actions_overdue,
            actions_verified: self.actions_verified,
            actions_waived: self.actions_waived,
            recusals: self.recusals,
            satisfaction: Satisfaction {
                responses: self.responses,
                average_rating: (self.responses > 0)
                    .then(|| round1(f64::from(self.rating_sum) / f64::from(self.responses))),
                explained_pct: pct(self.explained, self.responses),
                fair_pct: pct(self.fair, self.responses),
            },
            anonymous: self.anonymous,
            anonymous_returned_pct: pct(self.anonymous_returned, self.anonymous),
            views: self.views,
            outsider_views: self.outsider_views,
            erased: self.erased,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let mut h = Histogram::default();
        assert_eq!(h.percentile(50), None);
        for d in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3] {
            h.add(d);
        }
        // Sorted: 1 1 2 3 3 4 5 5 6 9. Rank ceil(5) = 5 -> 3 (lower middle); ceil(9) = 9 -> 6.
        assert_eq!(h.percentile(50), Some(3.0));
        assert_eq!(h.percentile(90), Some(6.0));
        assert_eq!(h.percentile(100), Some(9.0));
        let mut one = Histogram::default();
        one.add(7);
        assert_eq!(
            (one.percentile(50), one.percentile(90)),
            (Some(7.0), Some(7.0))
        );
    }
}
