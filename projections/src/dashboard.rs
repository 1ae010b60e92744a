//! The board's dashboard: volumes, timeliness, outcomes, corrective actions, rights and
//! framework areas concerned, satisfaction, by month, quarter or year. Never personal data.
//!
//! # How it is kept
//!
//! [`Dashboard`] holds one compact fact row per filed case: dates, durations, counts and
//! interned ids of programs, sites, streams, languages, rights and framework items. No sealed
//! data, no staff ids or names. The read model calls [`Dashboard::update`] after each event of
//! a case, which rewrites that case's row from the folded [`Case`]; [`Dashboard::report`]
//! aggregates the rows in one pass. Durations are computed once, at update, with the
//! [`Clocks`] in force: when the settings that shape the clocks change (time zone, holidays),
//! rebuild the dashboard. Targets are read from the `Clocks` given to `report`, so a new target
//! applies at once.
//!
//! # Cohorts
//!
//! A case belongs to the period in which it was filed (its local filing date, see
//! [`crate::clock`]). Every figure of a period is about the cases filed in it, evaluated as of
//! the report's `now` (in practice, their state after their latest event) — except corrective
//! actions opened, verified and waived, and recusals, which count events whose own local date
//! falls in the period, whatever the case's filing date. A query's periods are clipped to its
//! range: with `from = 2026-02-15`, the period `2026-02` holds the cases filed from the 15th.
//! Every period overlapping the range is listed, empty ones included (received 0), so charts
//! have no gaps. The total is over the whole range, with the same rules.
//!
//! # Metrics
//!
//! Counts are `u32`. Percentages, averages and days are `Option<f64>` rounded to one decimal,
//! `None` when there is nothing to measure (a zero denominator). With the definitions of
//! [`crate::clock`]:
//!
//! - `received`: cases filed. `open`: of them, those not decided, closed, withdrawn or erased
//!   (filed, acknowledged or under review; a reopened case is open again; a case under appeal
//!   is not).
//! - `acknowledged`: cases acknowledged; `acknowledged_within_target_pct`: of them, the share
//!   acknowledged within the business-day target. `median_days_to_acknowledge`,
//!   `p90_days_to_acknowledge`: business days to acknowledge.
//! - `decided`: cases with a first decision; `decided_within_target_pct`: of them, the share
//!   decided within the calendar-day target; `median_days_to_decide`, `p90_days_to_decide`:
//!   calendar days to the first decision.
//! - Percentiles use the **nearest-rank** method on the sorted values: the `p`-th percentile of
//!   `n` values is the value of rank `ceil(p * n / 100)` (from 1). The median is the 50th
//!   percentile, so for an even count it is the *lower* of the two middle values.
//! - `outcomes`: cases by the outcome of the decision in force (`upheld`, `partly_upheld`, ...),
//!   or `withdrawn` for withdrawn cases; outcomes with no case are left out. A reopened case
//!   without a new decision has no outcome. An appeal's outcome does not change the decision
//!   in force.
//! - `appealed`: cases appealed at least once; `appeal_rate_pct = appealed / decided`.
//! - `reopened`: cases reopened at least once; `reopen_rate_pct = reopened / settled`, where
//!   `settled` counts the cases decided at least once or withdrawn (a reopening needs one of
//!   them, so a case withdrawn and then reopened still counts).
//! - `actions_opened`, `actions_verified`, `actions_waived`: corrective actions opened,
//!   verified, waived on a local date in the period (event-dated). `actions_overdue`:
//!   corrective actions of the period's cases still outstanding (open or reported done) with a
//!   due date before the local date of `now`.
//! - `recusals`: conflicts of interest declared on a local date in the period (event-dated).
//! - `satisfaction`: `responses`, cases whose client answered (their latest answer counts);
//!   `average_rating` (1 to 5), `explained_pct` and `fair_pct` over the responses.
//! - `anonymous`: anonymous filings; `anonymous_returned_pct`: of them, the share whose client
//!   came back with their receipt code (any later event they signed).
//! - `views`: openings of the sealed file; `outsider_views`: of them, those by staff who had no
//!   part in the case before.
//! - `erased`: cases whose personal data was erased.
//!
//! # Breakdowns
//!
//! Over the whole range (the total's rules), one entry per value, only values with something to
//! count: program, site, service stream (`unspecified` when the filing named none), channel and
//! language from the filing; right: a case counts once under each right it cites (filing,
//! triage and findings together); framework area: once under each area of its framework items
//! (triage and findings), through the [`Reference`] given to the report (`unknown` for items
//! the reference does not hold). Rights and areas are listed in the reference's order, other
//! dimensions alphabetically. Event-dated figures go to the groups of the case they belong to.
//!
//! # Cost
//!
//! `update` is a few hash look-ups and small copies; `report` is one pass over the rows with no
//! allocation per case, and medians come from per-group histograms of whole days.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use recourse_events::case::{Channel, Outcome};
use recourse_events::ids::CaseId;
use serde::{Deserialize, Serialize};

use crate::case::{ActionStatus, Case};
use crate::clock::Clocks;
use crate::framework::Reference;

/// The length of a reporting period.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::VariantNames,
    strum::EnumCount,
    strum::IntoStaticStr,
    strum::EnumString,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Granularity {
    /// Calendar months.
    Month,
    /// Calendar quarters (January to March is Q1).
    Quarter,
    /// Calendar years.
    Year,
}

recourse_events::vocabulary_values!(Granularity);

/// A calendar month, quarter or year.
///
/// Displayed, parsed and serialized as `2026-03` (month), `2026-Q1` (quarter), `2026` (year).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    /// Month, quarter or year.
    pub granularity: Granularity,
    /// The year.
    pub year: i16,
    /// Month 1-12, quarter 1-4, or 1 for a year.
    pub index: u8,
}

/// Why a string is not a [`Period`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a period: expected a month (2026-03), a quarter (2026-Q1) or a year (2026)")]
pub struct ParsePeriodError(pub String);

impl Period {
    /// The period of `granularity` holding `d`.
    pub fn of(granularity: Granularity, d: Date) -> Period {
        let index = match granularity {
            Granularity::Month => d.month() as u8,
            Granularity::Quarter => (d.month() as u8 - 1) / 3 + 1,
            Granularity::Year => 1,
        };
        Period {
            granularity,
            year: d.year(),
            index,
        }
    }

    /// A number that increases by one from each period to the next of the same granularity.
    fn key(&self) -> i32 {
        let (per_year, index) = match self.granularity {
            Granularity::Month => (12, self.index),
            Granularity::Quarter => (4, self.index),
            Granularity::Year => (1, 1),
        };
        i32::from(self.year) * per_year + i32::from(index) - 1
    }

    fn from_key(granularity: Granularity, key: i32) -> Period {
        let per_year = match granularity {
            Granularity::Month => 12,
            Granularity::Quarter => 4,
            Granularity::Year => 1,
        };
        Period {
            granularity,
            year: key.div_euclid(per_year) as i16,
            index: (key.rem_euclid(per_year) + 1) as u8,
        }
    }

    /// The first day.
    pub fn start(&self) -> Date {
        let month = match self.granularity {
            Granularity::Month => self.index as i8,
            Granularity::Quarter => (self.index as i8 - 1) * 3 + 1,
            Granularity::Year => 1,
        };
        date(self.year, month, 1)
    }

    /// The last day (inclusive).
    pub fn end(&self) -> Date {
        let month = match self.granularity {
            Granularity::Month => self.index as i8,
            Granularity::Quarter => self.index as i8 * 3,
            Granularity::Year => 12,
        };
        date(self.year, month, 1).last_of_month()
    }

    /// Whether `d` falls in this period.
    pub fn contains(&self, d: Date) -> bool {
        Period::of(self.granularity, d) == *self
    }

    /// The period after this one.
    pub fn next(&self) -> Period {
        Period::from_key(self.granularity, self.key() + 1)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.granularity {
            Granularity::Month => write!(f, "{:04}-{:02}", self.year, self.index),
            Granularity::Quarter => write!(f, "{:04}-Q{}", self.year, self.index),
            Granularity::Year => write!(f, "{:04}", self.year),
        }
    }
}

impl FromStr for Period {
    type Err = ParsePeriodError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParsePeriodError(s.to_owned());
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let (year, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if year.len() != 4 || !digits(year) {
            return Err(bad());
        }
        let year: i16 = year.parse().map_err(|_| bad())?;
        let (granularity, index) = match rest {
            None => (Granularity::Year, 1),
            Some(q) if q.len() == 2 && (q.starts_with('Q') || q.starts_with('q')) => {
                let n: u8 = q[1..].parse().map_err(|_| bad())?;
                if !(1..=4).contains(&n) || !digits(&q[1..]) {
                    return Err(bad());
                }
                (Granularity::Quarter, n)
            }
            Some(m) if m.len() == 2 && digits(m) => {
                let n: u8 = m.parse().map_err(|_| bad())?;
                if !(1..=12).contains(&n) {
                    return Err(bad());
                }
                (Granularity::Month, n)
            }
            Some(_) => return Err(bad()),
        };
        Ok(Period {
            granularity,
            year,
            index,
        })
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What a breakdown groups cases by.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::VariantNames,
    strum::EnumCount,
    strum::IntoStaticStr,
    strum::EnumString,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
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

recourse_events::vocabulary_values!(Dimension);

/// What to report: the cases filed from `from` to `to` (inclusive, local dates), by period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Query {
    /// Month, quarter or year.
    pub granularity: Granularity,
    /// First day.
    pub from: Date,
    /// Last day (inclusive).
    pub to: Date,
}

/// The clients' answers on satisfaction (see the [module](self) for definitions).
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

/// The figures of one period, group or total (see the [module](self) for definitions).
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
    #[schemars(schema_with = "recourse_events::variants::map_schema::<Outcome, u32>")]
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
    /// Of them, by staff with no part in the case before.
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
}

/// Strings seen in facts, numbered, so a fact row holds small ids.
#[derive(Debug, Clone, Default)]
struct Interner {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Interner {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(s.to_owned());
        self.ids.insert(s.to_owned(), id);
        id
    }

    fn len(&self) -> usize {
        self.names.len()
    }
}

/// A set of interned ids: ids below 64 as bits, inline, so that reading a fact row follows no
/// pointer; larger ids, rare, in a list.
#[derive(Debug, Clone, Default)]
struct IdSet {
    bits: u64,
    spill: Vec<u32>,
}

impl IdSet {
    fn clear(&mut self) {
        self.bits = 0;
        self.spill.clear();
    }

    fn insert(&mut self, id: u32) {
        if id < 64 {
            self.bits |= 1 << id;
        } else if !self.spill.contains(&id) {
            self.spill.push(id);
        }
    }

    fn for_each(&self, mut f: impl FnMut(u32)) {
        let mut bits = self.bits;
        while bits != 0 {
            f(bits.trailing_zeros());
            bits &= bits - 1;
        }
        for &id in &self.spill {
            f(id);
        }
    }
}

const OPEN: u16 = 1;
const ANONYMOUS: u16 = 1 << 1;
const RETURNED: u16 = 1 << 2;
const APPEALED: u16 = 1 << 3;
const REOPENED: u16 = 1 << 4;
const SETTLED: u16 = 1 << 5;
const ERASED: u16 = 1 << 6;

/// A corrective action, as the dashboard needs it.
#[derive(Debug, Clone, Copy)]
struct ActionFact {
    opened: Date,
    due: Date,
    /// Verified or waived (which, in `status`) on this local date.
    settled: Option<Date>,
    status: ActionStatus,
}

/// One case, as the dashboard needs it: no personal data, no staff.
#[derive(Debug, Clone)]
struct Fact {
    filed: Date,
    channel: Channel,
    program: u32,
    site: u32,
    stream: u32,
    language: u32,
    flags: u16,
    outcome: Option<Outcome>,
    ack_days: Option<u32>,
    decide_days: Option<u32>,
    /// Rating, explained, fair.
    satisfaction: Option<(u8, bool, bool)>,
    views: u32,
    outsider_views: u32,
    /// Interned right ids.
    rights: IdSet,
    /// Interned framework item ids.
    items: IdSet,
    actions: Vec<ActionFact>,
    /// Local dates of the recusals.
    recusals: Vec<Date>,
}

impl Fact {
    fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// The dashboard's read model: one fact row per filed case. See the [module](self).
#[derive(Debug, Clone, Default)]
pub struct Dashboard {
    facts: Vec<Fact>,
    index: HashMap<CaseId, usize>,
    programs: Interner,
    sites: Interner,
    streams: Interner,
    languages: Interner,
    rights: Interner,
    items: Interner,
}

const UNSPECIFIED: &str = "unspecified";
const UNKNOWN: &str = "unknown";

impl Dashboard {
    /// An empty dashboard.
    pub fn new() -> Dashboard {
        Dashboard::default()
    }

    /// Cases counted.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// No case counted yet.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// Rewrites the fact row of `case` from its current state. Call after each of its events;
    /// a case not filed yet is ignored.
    pub fn update(&mut self, case: &Case, clocks: &Clocks) {
        let (Some(filing), Some(filed_at)) = (&case.filing, case.filed_at) else {
            return;
        };
        let Dashboard {
            facts,
            index,
            programs,
            sites,
            streams,
            languages,
            rights,
            items,
        } = self;
        let mut new = false;
        let row = *index.entry(case.id).or_insert_with(|| {
            new = true;
            facts.push(Fact {
                filed: Date::default(),
                channel: filing.channel,
                program: 0,
                site: 0,
                stream: 0,
                language: 0,
                flags: 0,
                outcome: None,
                ack_days: None,
                decide_days: None,
                satisfaction: None,
                views: 0,
                outsider_views: 0,
                rights: IdSet::default(),
                items: IdSet::default(),
                actions: Vec::new(),
                recusals: Vec::new(),
            });
            facts.len() - 1
        });
        let fact = &mut facts[row];
        let local = |t: Timestamp| clocks.local_date(t);

        // The filing never changes once recorded.
        if new {
            fact.filed = local(filed_at);
            fact.channel = filing.channel;
            fact.program = programs.intern(&filing.program);
            fact.site = sites.intern(&filing.site);
            fact.stream = streams.intern(filing.service_stream.as_deref().unwrap_or(UNSPECIFIED));
            fact.language = languages.intern(&filing.language);
        }

        let mut flags = 0;
        let mut set = |on: bool, flag: u16| {
            if on {
                flags |= flag;
            }
        };
        set(case.status().is_open(), OPEN);
        set(filing.anonymous, ANONYMOUS);
        set(case.client_returned, RETURNED);
        set(case.appeals > 0, APPEALED);
        set(case.reopened > 0, REOPENED);
        set(
            case.first_decided_at.is_some() || case.withdrawn_at.is_some() || case.reopened > 0,
            SETTLED,
        );
        set(case.erased.is_some(), ERASED);
        fact.flags = flags;

        fact.outcome = if case.withdrawn_at.is_some() {
            Some(Outcome::Withdrawn)
        } else {
            case.decision.as_ref().map(|d| d.outcome)
        };
        let days = |d: Option<i64>| d.map(|d| u32::try_from(d.max(0)).unwrap_or(u32::MAX));
        fact.ack_days = days(clocks.business_days_to_acknowledge(case));
        fact.decide_days = days(clocks.days_to_decide(case));
        fact.satisfaction = case
            .satisfaction
            .as_ref()
            .map(|(_, s)| (s.rating, s.explained, s.fair));
        fact.views = case.views.len() as u32;
        fact.outsider_views = case.views.iter().filter(|v| v.outsider).count() as u32;

        fact.rights.clear();
        fact.items.clear();
        let triage = case.triage.iter();
        let cited = filing.rights.iter();
        let cited = cited.chain(triage.clone().flat_map(|t| &t.rights));
        for r in cited.chain(case.findings.iter().flat_map(|f| &f.rights)) {
            fact.rights.insert(rights.intern(r));
        }
        let concerned = triage.flat_map(|t| &t.framework_items);
        for i in concerned.chain(case.findings.iter().flat_map(|f| &f.framework_items)) {
            fact.items.insert(items.intern(i));
        }

        fact.actions.clear();
        fact.actions
            .extend(case.actions.values().map(|a| ActionFact {
                opened: local(a.opened_at),
                due: a.due,
                settled: a.settled_at.map(local),
                status: a.status,
            }));
        fact.recusals.clear();
        fact.recusals
            .extend(case.recusal_times.iter().map(|&t| local(t)));
    }

    /// The figures for `query`, as of `now`, with the targets of `clocks`; framework areas
    /// through `reference`. See the [module](self) for every definition.
    pub fn report(
        &self,
        query: &Query,
        reference: &Reference,
        now: Timestamp,
        clocks: &Clocks,
    ) -> Report {
        let today = clocks.local_date(now);
        let targets = Targets {
            acknowledge: clocks.acknowledge_business_days(),
            decide: clocks.decide_calendar_days(),
        };
        let (from, to) = (query.from, query.to);
        let first = Period::of(query.granularity, from);
        let period_count = if from <= to {
            (Period::of(query.granularity, to).key() - first.key() + 1) as usize
        } else {
            0
        };
        let slot = |d: Date| (Period::of(query.granularity, d).key() - first.key()) as usize;
        let in_range = |d: Date| from <= d && d <= to;

        // Framework item -> index of its area (areas.len() for items the reference lacks).
        let areas = &reference.framework.areas;
        let item_area: Vec<usize> = self
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

        let mut periods = vec![Acc::default(); period_count];
        let mut total = Acc::default();
        let mut groups = Groups {
            program: vec![Acc::default(); self.programs.len()],
            site: vec![Acc::default(); self.sites.len()],
            stream: vec![Acc::default(); self.streams.len()],
            channel: vec![Acc::default(); Channel::ALL.len()],
            language: vec![Acc::default(); self.languages.len()],
            right: vec![Acc::default(); self.rights.len()],
            area: vec![Acc::default(); areas.len() + 1],
            area_stamp: vec![0; areas.len() + 1],
            stamp: 0,
        };

        for fact in &self.facts {
            if in_range(fact.filed) {
                let add = |acc: &mut Acc| acc.add_case(fact, today, &targets);
                add(&mut periods[slot(fact.filed)]);
                add(&mut total);
                groups.each(fact, &item_area, add);
            }
            for a in &fact.actions {
                if in_range(a.opened) {
                    let add = |acc: &mut Acc| acc.actions_opened += 1;
                    add(&mut periods[slot(a.opened)]);
                    add(&mut total);
                    groups.each(fact, &item_area, add);
                }
                if let Some(settled) = a.settled.filter(|&d| in_range(d)) {
                    let add = |acc: &mut Acc| match a.status {
                        ActionStatus::Verified => acc.actions_verified += 1,
                        ActionStatus::Waived => acc.actions_waived += 1,
                        ActionStatus::Open | ActionStatus::Completed => {}
                    };
                    add(&mut periods[slot(settled)]);
                    add(&mut total);
                    groups.each(fact, &item_area, add);
                }
            }
            for &r in fact.recusals.iter().filter(|&&d| in_range(d)) {
                let add = |acc: &mut Acc| acc.recusals += 1;
                add(&mut periods[slot(r)]);
                add(&mut total);
                groups.each(fact, &item_area, add);
            }
        }

        let periods = periods
            .iter()
            .enumerate()
            .map(|(i, acc)| {
                let p = Period::from_key(query.granularity, first.key() + i as i32);
                (p, acc.metrics())
            })
            .collect();

        let named = |interner: &Interner, accs: &[Acc]| -> Vec<(String, Metrics)> {
            let mut out: Vec<(String, Metrics)> = accs
                .iter()
                .enumerate()
                .filter(|(_, acc)| !acc.is_empty())
                .map(|(i, acc)| (interner.names[i].clone(), acc.metrics()))
                .collect();
            out.sort_by(|a, b| a.0.cmp(&b.0));
            out
        };
        let mut breakdowns = BTreeMap::new();
        breakdowns.insert(Dimension::Program, named(&self.programs, &groups.program));
        breakdowns.insert(Dimension::Site, named(&self.sites, &groups.site));
        breakdowns.insert(
            Dimension::ServiceStream,
            named(&self.streams, &groups.stream),
        );
        let mut channels: Vec<(String, Metrics)> = Channel::ALL
            .iter()
            .zip(&groups.channel)
            .filter(|(_, acc)| !acc.is_empty())
            .map(|(c, acc)| (c.as_str().to_owned(), acc.metrics()))
            .collect();
        channels.sort_by(|a, b| a.0.cmp(&b.0));
        breakdowns.insert(Dimension::Channel, channels);
        breakdowns.insert(
            Dimension::Language,
            named(&self.languages, &groups.language),
        );
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
        breakdowns.insert(Dimension::Right, rights);
        let area_entries = groups
            .area
            .iter()
            .enumerate()
            .filter(|(_, acc)| !acc.is_empty())
            .map(|(i, acc)| {
                let name = areas.get(i).map_or(UNKNOWN, |a| a.id.as_str());
                (name.to_owned(), acc.metrics())
            })
            .collect();
        breakdowns.insert(Dimension::FrameworkArea, area_entries);

        Report {
            periods,
            total: total.metrics(),
            breakdowns,
        }
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
    /// The `stamp` of the latest [`Groups::each`] that counted each area: a case with several
    /// items of one area counts there once, without a per-case set.
    area_stamp: Vec<u32>,
    stamp: u32,
}

impl Groups {
    /// Applies `op` to every group `fact` belongs to, once per group.
    fn each(&mut self, fact: &Fact, item_area: &[usize], mut op: impl FnMut(&mut Acc)) {
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
            let area = item_area[item as usize];
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
    fn periods_display_parse_and_bound() {
        let cases = [
            (
                Granularity::Month,
                "2026-03",
                date(2026, 3, 1),
                date(2026, 3, 31),
            ),
            (
                Granularity::Month,
                "2024-02",
                date(2024, 2, 1),
                date(2024, 2, 29),
            ),
            (
                Granularity::Quarter,
                "2026-Q1",
                date(2026, 1, 1),
                date(2026, 3, 31),
            ),
            (
                Granularity::Quarter,
                "2026-Q4",
                date(2026, 10, 1),
                date(2026, 12, 31),
            ),
            (
                Granularity::Year,
                "2026",
                date(2026, 1, 1),
                date(2026, 12, 31),
            ),
        ];
        for (g, text, start, end) in cases {
            let p: Period = text.parse().unwrap();
            assert_eq!(p.granularity, g);
            assert_eq!(p.to_string(), text);
            assert_eq!((p.start(), p.end()), (start, end), "{text}");
            assert!(p.contains(start) && p.contains(end));
            assert!(!p.contains(start.yesterday().unwrap()));
            assert!(!p.contains(end.tomorrow().unwrap()));
            assert_eq!(Period::of(g, end), p);
            assert_eq!(p.next().start(), end.tomorrow().unwrap());
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{text}\""));
            assert_eq!(
                serde_json::from_str::<Period>(&format!("\"{text}\"")).unwrap(),
                p
            );
        }
        assert_eq!(
            Period::of(Granularity::Quarter, date(2026, 8, 15)).to_string(),
            "2026-Q3"
        );
        assert_eq!(
            "2026-12".parse::<Period>().unwrap().next().to_string(),
            "2027-01"
        );
        for bad in [
            "", "26", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-3", "2026-Q+", "x026",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

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
