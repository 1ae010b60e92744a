//! The dashboard's read model: one compact fact row per filed case, rewritten from the folded
//! [`Case`] after each of its events. A row holds dates, durations, counts and interned ids,
//! never sealed data, staff ids or names.

use std::collections::HashMap;

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_events::case::{Channel, Outcome};
use recourse_events::ids::CaseId;

use crate::case::{ActionStatus, Case};
use crate::clock::Clocks;

/// Strings seen in facts, numbered, so a fact row holds small ids.
#[derive(Debug, Clone, Default)]
pub(super) struct Interner {
    pub(super) names: Vec<String>,
    pub(super) ids: HashMap<String, u32>,
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

    pub(super) fn len(&self) -> usize {
        self.names.len()
    }
}

/// A set of interned ids: ids below 64 as bits, inline, so that reading a fact row follows no
/// pointer; larger ids, rare, in a list.
#[derive(Debug, Clone, Default)]
pub(super) struct IdSet {
    pub(super) bits: u64,
    pub(super) spill: Vec<u32>,
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

    pub(super) fn for_each(&self, mut f: impl FnMut(u32)) {
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

pub(super) const OPEN: u16 = 1;
pub(super) const ANONYMOUS: u16 = 1 << 1;
pub(super) const RETURNED: u16 = 1 << 2;
pub(super) const APPEALED: u16 = 1 << 3;
pub(super) const REOPENED: u16 = 1 << 4;
pub(super) const SETTLED: u16 = 1 << 5;
pub(super) const ERASED: u16 = 1 << 6;

/// A corrective action, as the dashboard needs it.
#[derive(Debug, Clone, Copy)]
pub(super) struct ActionFact {
    pub(super) opened: Date,
    pub(super) due: Date,
    /// Verified or waived (which, in `status`) on this local date.
    pub(super) settled: Option<Date>,
    pub(super) status: ActionStatus,
}

/// One case, as the dashboard needs it: no personal data, no staff.
#[derive(Debug, Clone)]
pub(super) struct Fact {
    pub(super) filed: Date,
    pub(super) channel: Channel,
    pub(super) program: u32,
    pub(super) site: u32,
    pub(super) stream: u32,
    pub(super) language: u32,
    pub(super) flags: u16,
    pub(super) outcome: Option<Outcome>,
    pub(super) ack_days: Option<u32>,
    pub(super) decide_days: Option<u32>,
    /// Rating, explained, fair.
    pub(super) satisfaction: Option<(u8, bool, bool)>,
    pub(super) views: u32,
    pub(super) outsider_views: u32,
    /// Interned right ids.
    pub(super) rights: IdSet,
    /// Interned framework item ids.
    pub(super) items: IdSet,
    pub(super) actions: Vec<ActionFact>,
    /// Local dates of the recusals.
    pub(super) recusals: Vec<Date>,
}

impl Fact {
    pub(super) fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// The dashboard's read model: one fact row per filed case. See the [module](self).
#[derive(Debug, Clone, Default)]
pub struct Dashboard {
    pub(super) facts: Vec<Fact>,
    pub(super) index: HashMap<CaseId, usize>,
    pub(super) programs: Interner,
    pub(super) sites: Interner,
    pub(super) streams: Interner,
    pub(super) languages: Interner,
    pub(super) rights: Interner,
    pub(super) items: Interner,
}

pub(super) const UNSPECIFIED: &str = "unspecified";
pub(super) const UNKNOWN: &str = "unknown";

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
        let row = match self.index.get(&case.id) {
            Some(&row) => row,
            // The filing never changes once recorded.
            None => {
                let fact = Fact {
                    filed: clocks.local_date(filed_at),
                    channel: filing.channel,
                    program: self.programs.intern(&filing.program),
                    site: self.sites.intern(&filing.site),
                    stream: self
                        .streams
                        .intern(filing.service_stream.as_deref().unwrap_or(UNSPECIFIED)),
                    language: self.languages.intern(&filing.language),
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
                };
                self.facts.push(fact);
                self.index.insert(case.id, self.facts.len() - 1);
                self.facts.len() - 1
            }
        };
        let fact = &mut self.facts[row];
        fact.flags = flags(case, filing.anonymous);
        fact.measure(case, clocks);
        fact.concerns(case, &mut self.rights, &mut self.items);
    }
}

/// The flags of a case's state.
fn flags(case: &Case, anonymous: bool) -> u16 {
    let mut flags = 0;
    let mut set = |on: bool, flag: u16| {
        if on {
            flags |= flag;
        }
    };
    set(case.status().is_open(), OPEN);
    set(anonymous, ANONYMOUS);
    set(case.client_returned, RETURNED);
    set(case.appeals > 0, APPEALED);
    set(case.reopened > 0, REOPENED);
    set(
        case.first_decided_at.is_some() || case.withdrawn_at.is_some() || case.reopened > 0,
        SETTLED,
    );
    set(case.erased.is_some(), ERASED);
    flags
}

impl Fact {
    /// The outcome, durations, answers, openings, actions and recusals of `case` now.
    fn measure(&mut self, case: &Case, clocks: &Clocks) {
        let local = |t: Timestamp| clocks.local_date(t);
        self.outcome = if case.withdrawn_at.is_some() {
            Some(Outcome::Withdrawn)
        } else {
            case.decision.as_ref().map(|d| d.outcome)
        };
        let days = |d: Option<i64>| d.map(|d| u32::try_from(d.max(0)).unwrap_or(u32::MAX));
        self.ack_days = days(clocks.business_days_to_acknowledge(case));
        self.decide_days = days(clocks.days_to_decide(case));
        self.satisfaction = case
            .satisfaction
            .as_ref()
            .map(|(_, s)| (s.rating, s.explained, s.fair));
        self.views = case.views.len() as u32;
        self.outsider_views = case.views.iter().filter(|v| v.outsider).count() as u32;
        self.actions.clear();
        self.actions
            .extend(case.actions.values().map(|a| ActionFact {
                opened: local(a.opened_at),
                due: a.due,
                settled: a.settled_at.map(local),
                status: a.status,
            }));
        self.recusals.clear();
        self.recusals
            .extend(case.recusal_times.iter().map(|&t| local(t)));
    }

    /// The rights `case` cites (filing, triage, findings) and the framework items it concerns
    /// (triage, findings), interned.
    fn concerns(&mut self, case: &Case, rights: &mut Interner, items: &mut Interner) {
        self.rights.clear();
        self.items.clear();
        let triage = case.triage.iter();
        let filed = case.filing.iter().flat_map(|f| &f.rights);
        let cited = filed.chain(triage.clone().flat_map(|t| &t.rights));
        for r in cited.chain(case.findings.iter().flat_map(|f| &f.rights)) {
            self.rights.insert(rights.intern(r));
        }
        let concerned = triage.flat_map(|t| &t.framework_items);
        for i in concerned.chain(case.findings.iter().flat_map(|f| &f.framework_items)) {
            self.items.insert(items.intern(i));
        }
    }
}
