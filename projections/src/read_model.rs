//! The read model: everything the service decides with and the pages show, folded from the
//! ledger in position order. It is rebuilt from position 0 at start-up and then follows new
//! events; the same `apply` serves both, so an incremental model and a rebuilt one agree.
//!
//! Only clear facts are kept in memory (the organization, each case's state, the receipt index);
//! sealed fields stay in the ledger and are read from a case's stream when someone with the
//! right to see them opens the file.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use recourse_events::ids::CaseId;
use recourse_events::review::{ReportId, ReportPublished, ReviewId, SystemicId};
use recourse_events::vocabulary::{Payload, PayloadError};
use recourse_events::{Envelope, Event, Hash};

use crate::actor::Actor;
use crate::case::{Case, CaseNumber};
use crate::clock::Clocks;
use crate::dashboard::{Dashboard, Query, Report};
use crate::framework::Reference;
use crate::log_view::{BrokenLink, LogView};
use crate::org::Org;
use crate::review::{FollowUp, Review};
use crate::systemic::Systemic;

/// An entry the model cannot fold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectionError {
    /// Positions must arrive in order, without gaps.
    #[error("expected position {expected}, got {got}")]
    OutOfOrder {
        /// The next position the model needs.
        expected: u64,
        /// The position offered.
        got: u64,
    },
    /// An entry that does not follow its stream's previous one.
    #[error(transparent)]
    Chain(#[from] BrokenLink),
    /// Not a valid entry (the verifier would say why).
    #[error("entry {position} is not a valid event: {reason}")]
    BadEntry {
        /// Its position.
        position: u64,
        /// Why.
        reason: String,
    },
}

/// The read model.
#[derive(Debug, Clone)]
pub struct ReadModel {
    next: u64,
    org: Org,
    /// Boxed: a case is ~1 KB and the map keeps up to half its slots empty.
    cases: HashMap<CaseId, Box<Case>>,
    receipts: HashMap<Hash, CaseId>,
    /// Filings folded per year (the next case number of each year).
    filed_per_year: HashMap<i16, u32>,
    /// Each case's short number.
    numbers: HashMap<CaseNumber, CaseId>,
    /// When the first complaint was filed (the start of the organization's history).
    first_filed: Option<jiff::Timestamp>,
    unreadable: u64,
    reference: Arc<Reference>,
    clocks: Clocks,
    dashboard: Dashboard,
    log: LogView,
    reviews: HashMap<ReviewId, Review>,
    systemic: HashMap<SystemicId, Systemic>,
    reports: HashMap<ReportId, Published>,
}

/// A published transparency report, as folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// Its id.
    pub id: ReportId,
    /// What was published.
    pub report: Box<ReportPublished>,
    /// Who published it.
    pub by: Actor,
    /// When.
    pub at: jiff::Timestamp,
    /// Its position in the ledger.
    pub position: u64,
}

/// An entry parsed for folding.
pub struct Parsed {
    /// Position.
    pub position: u64,
    /// The envelope (its `data` moved into `payload`).
    pub envelope: Envelope,
    /// The entry's leaf hash.
    pub leaf: Hash,
    /// Its payload, or why it could not be read.
    pub payload: Result<Payload, PayloadError>,
}

/// Parses an entry (signature not checked: the verifier does that).
pub fn parse(position: u64, entry: &[u8]) -> Result<Parsed, ProjectionError> {
    let event = Event::from_entry(entry).map_err(|e| ProjectionError::BadEntry {
        position,
        reason: e.to_string(),
    })?;
    let leaf = event.leaf_hash();
    let mut envelope = event.into_envelope();
    let data = std::mem::take(&mut envelope.data);
    let payload = Payload::from_data(&envelope.kind, data);
    Ok(Parsed {
        position,
        envelope,
        leaf,
        payload,
    })
}

impl ReadModel {
    /// An empty model.
    pub fn new(reference: Arc<Reference>) -> Self {
        let org = Org::default();
        let clocks =
            Clocks::from_settings(&org.settings).expect("the default settings make valid clocks");
        ReadModel {
            next: 0,
            org,
            cases: HashMap::new(),
            receipts: HashMap::new(),
            filed_per_year: HashMap::new(),
            numbers: HashMap::new(),
            first_filed: None,
            unreadable: 0,
            reference,
            clocks,
            dashboard: Dashboard::new(),
            log: LogView::default(),
            reviews: HashMap::new(),
            systemic: HashMap::new(),
            reports: HashMap::new(),
        }
    }

    /// The next position to fold (the number of events folded).
    pub fn position(&self) -> u64 {
        self.next
    }

    /// The reference data.
    pub fn reference(&self) -> &Arc<Reference> {
        &self.reference
    }

    /// The organization.
    pub fn org(&self) -> &Org {
        &self.org
    }

    /// A case.
    pub fn case(&self, id: &CaseId) -> Option<&Case> {
        self.cases.get(id).map(|c| &**c)
    }

    /// All cases.
    pub fn cases(&self) -> impl Iterator<Item = &Case> {
        self.cases.values().map(|c| &**c)
    }

    /// Number of cases.
    pub fn case_count(&self) -> usize {
        self.cases.len()
    }

    /// The service-level clocks of the settings in force.
    pub fn clocks(&self) -> &Clocks {
        &self.clocks
    }

    /// The board's dashboard for `query` as of `now`.
    pub fn dashboard(&self, query: &Query, now: jiff::Timestamp) -> Report {
        let mut report = self
            .dashboard
            .report(query, &self.reference, now, &self.clocks);
        let today = self.clocks.local_date(now);
        report.systemic =
            crate::dashboard::Systemic::of(self.systemic_actions(), query, today, &self.clocks);
        report
    }

    /// A framework review.
    pub fn review(&self, id: &ReviewId) -> Option<&Review> {
        self.reviews.get(id)
    }

    /// Every framework review, newest period first (then newest opened).
    pub fn reviews(&self) -> Vec<&Review> {
        let mut all: Vec<&Review> = self
            .reviews
            .values()
            .filter(|r| r.opened.is_some())
            .collect();
        all.sort_by_key(|r| {
            std::cmp::Reverse((
                r.period().map(|p| p.start),
                r.opened_step.as_ref().map(|s| s.at),
            ))
        });
        all
    }

    /// A systemic corrective action.
    pub fn systemic_action(&self, id: &SystemicId) -> Option<&Systemic> {
        self.systemic.get(id)
    }

    /// Every systemic corrective action (in no particular order).
    pub fn systemic_actions(&self) -> impl Iterator<Item = &Systemic> {
        self.systemic.values().filter(|s| s.opened.is_some())
    }

    /// A published transparency report.
    pub fn report(&self, id: &ReportId) -> Option<&Published> {
        self.reports.get(id)
    }

    /// Every published report, newest first.
    pub fn reports(&self) -> Vec<&Published> {
        let mut all: Vec<&Published> = self.reports.values().collect();
        all.sort_by_key(|r| std::cmp::Reverse(r.position));
        all
    }

    /// The case a receipt lookup hash belongs to.
    pub fn case_by_receipt(&self, lookup: &Hash) -> Option<CaseId> {
        self.receipts.get(lookup).copied()
    }

    /// When the first complaint was filed, if any was.
    pub fn first_filed(&self) -> Option<jiff::Timestamp> {
        self.first_filed
    }

    /// The case with short number `number`.
    pub fn case_by_number(&self, number: &CaseNumber) -> Option<CaseId> {
        self.numbers.get(number).copied()
    }

    /// The cases a search finds: by short number (`2026-0007`, as [`CaseNumber::parse`]
    /// reads it), by id, or by a part of an id of at least 6 characters (the short reference
    /// lists show); nothing for anything else.
    pub fn find_cases(&self, query: &str) -> Vec<CaseId> {
        let q = query.trim().to_ascii_lowercase();
        if let Some(id) = CaseNumber::parse(&q).and_then(|n| self.case_by_number(&n)) {
            return vec![id];
        }
        if let Ok(uuid) = q.parse::<uuid::Uuid>() {
            let id = CaseId(uuid);
            return self
                .cases
                .contains_key(&id)
                .then_some(id)
                .into_iter()
                .collect();
        }
        let hex = |c: char| c.is_ascii_hexdigit() || c == '-';
        if q.chars().count() < 6 || !q.chars().all(hex) {
            return Vec::new();
        }
        let mut found: Vec<CaseId> = self
            .cases
            .keys()
            .filter(|id| id.to_string().contains(&q))
            .copied()
            .collect();
        found.sort();
        found
    }

    /// Events whose payload this version could not read (skipped).
    pub fn unreadable(&self) -> u64 {
        self.unreadable
    }

    /// Who signed `envelope`: the case's complainant, or whoever the org stream says.
    pub fn actor(&self, envelope: &Envelope) -> Actor {
        if let Some(case) = CaseId::from_stream(&envelope.stream).and_then(|id| self.cases.get(&id))
            && case
                .filing
                .as_ref()
                .is_some_and(|f| f.complainant_key == envelope.actor)
        {
            return Actor::Client;
        }
        self.org.actor_of(&envelope.actor)
    }

    /// Folds entries from the next position on: parsed in parallel, applied in order.
    pub fn apply_entries(&mut self, entries: &[(u64, &[u8])]) -> Result<(), ProjectionError> {
        let parsed: Vec<Result<Parsed, ProjectionError>> =
            entries.par_iter().map(|(p, e)| parse(*p, e)).collect();
        for p in parsed {
            self.apply(&p?)?;
        }
        Ok(())
    }

    /// Folds a whole sequence of batches (a rebuild from position 0): each batch is parsed in
    /// parallel while the previous one is applied, since applying is sequential.
    pub fn fold_batches(
        &mut self,
        batches: impl Iterator<Item = Vec<(u64, Vec<u8>)>>,
    ) -> Result<(), ProjectionError> {
        let parse_all = |batch: Vec<(u64, Vec<u8>)>| -> Vec<Result<Parsed, ProjectionError>> {
            batch.par_iter().map(|(p, e)| parse(*p, e)).collect()
        };
        let mut batches = batches;
        let mut ready = batches.next().map(parse_all);
        while let Some(current) = ready.take() {
            let next = batches.next();
            let (applied, parsed) = rayon::join(
                || -> Result<(), ProjectionError> {
                    for p in current {
                        self.apply(&p?)?;
                    }
                    Ok(())
                },
                || next.map(parse_all),
            );
            applied?;
            ready = parsed;
        }
        Ok(())
    }

    /// Folds one parsed entry, which must be at the next position.
    pub fn apply(&mut self, parsed: &Parsed) -> Result<(), ProjectionError> {
        if parsed.position != self.next {
            return Err(ProjectionError::OutOfOrder {
                expected: self.next,
                got: parsed.position,
            });
        }
        self.link(parsed)?;
        self.next += 1;
        let Ok(payload) = &parsed.payload else {
            self.unreadable += 1;
            return Ok(());
        };
        self.apply_payload(parsed.position, &parsed.envelope, payload);
        Ok(())
    }

    /// Checks that the entry follows its stream's tip, and advances the tip and the tree.
    fn link(&mut self, parsed: &Parsed) -> Result<(), BrokenLink> {
        let (env, position, leaf) = (&parsed.envelope, parsed.position, parsed.leaf);
        if env.stream.is_org() {
            let org = &mut self.org;
            self.log.link(&mut org.tip, org.seq, env, position, leaf)?;
            org.seq = env.seq + 1;
        } else if let Some(id) = CaseId::from_stream(&env.stream) {
            let case = self
                .cases
                .entry(id)
                .or_insert_with(|| Box::new(Case::new(id)));
            self.log
                .link(&mut case.tip, case.seq, env, position, leaf)?;
            case.seq = env.seq + 1;
        } else {
            self.log.link_other(env, position, leaf)?;
        }
        Ok(())
    }

    /// The Merkle root of every entry folded (compared with the signed checkpoint).
    pub fn log_root(&self) -> Hash {
        self.log.root()
    }

    /// Where every stream ends, as folded: (stream, head, position of its last entry).
    pub fn stream_tips(
        &self,
    ) -> Vec<(
        recourse_events::StreamId,
        recourse_events::chain::StreamHead,
        u64,
    )> {
        use recourse_events::chain::StreamHead;
        let mut tips: Vec<_> = self.log.other_tips().collect();
        let org = self
            .org
            .tip
            .map(|t| (recourse_events::StreamId::org(), self.org.seq, t));
        let cases = self
            .cases
            .values()
            .filter_map(|c| c.tip.map(|t| (c.id.stream(), c.seq, t)));
        tips.extend(org.into_iter().chain(cases).map(|(s, n, t)| {
            (
                s,
                StreamHead {
                    next_seq: n,
                    last: Some(t.hash),
                },
                t.position,
            )
        }));
        tips
    }

    fn apply_payload(&mut self, position: u64, envelope: &Envelope, payload: &Payload) {
        if envelope.stream.is_org() {
            self.org.apply(envelope, payload);
            if matches!(payload, Payload::SettingsChanged(_)) {
                self.settings_changed();
            }
            return;
        }
        let Some(id) = CaseId::from_stream(&envelope.stream) else {
            self.apply_other(position, envelope, payload);
            return;
        };
        if let Payload::ComplaintFiled(f) = payload {
            self.receipts.insert(f.receipt_lookup, id);
        }
        let number = match payload {
            Payload::ComplaintFiled(_)
                if self.cases.get(&id).is_none_or(|c| c.number.is_none()) =>
            {
                let first = self.first_filed.get_or_insert(envelope.at);
                *first = (*first).min(envelope.at);
                let year = self.clocks.local_date(envelope.at).year();
                let next = self.filed_per_year.entry(year).or_insert(0);
                *next += 1;
                let number = CaseNumber { year, seq: *next };
                self.numbers.insert(number, id);
                Some(number)
            }
            _ => None,
        };
        let actor = match payload {
            // The filing registers the complainant key; it is signed by intake or the web form.
            Payload::ComplaintFiled(_) => self.org.actor_of(&envelope.actor),
            _ => self.actor(envelope),
        };
        let payload = current_items(&self.reference, payload);
        let case = self
            .cases
            .entry(id)
            .or_insert_with(|| Box::new(Case::new(id)));
        if number.is_some() {
            case.number = number;
        }
        case.apply(envelope.seq, envelope.at, &actor, &payload);
        self.dashboard.update(case, &self.clocks);
    }

    /// Folds an event of a review, systemic action or report stream. Follow-ups are linked to
    /// the review they name, so its rules see them.
    fn apply_other(&mut self, position: u64, envelope: &Envelope, payload: &Payload) {
        let stream = &envelope.stream;
        let actor = self.org.actor_of(&envelope.actor);
        if let Some(id) = ReviewId::from_stream(stream) {
            if let Payload::ReviewOpened(o) = payload
                && let (Some(from), Some(item)) = (o.origin.review, &o.origin.item)
            {
                self.follow_up(from, item, FollowUp::AreaReview(id));
            }
            let review = self.reviews.entry(id).or_insert_with(|| Review::new(id));
            review.apply(envelope.seq, envelope.at, &actor, payload);
        } else if let Some(id) = SystemicId::from_stream(stream) {
            if let Payload::SystemicOpened(o) = payload
                && let (Some(from), Some(item)) = (o.origin.review, &o.origin.item)
            {
                self.follow_up(from, item, FollowUp::Systemic(id));
            }
            let action = self.systemic.entry(id).or_insert_with(|| Systemic::new(id));
            action.apply(envelope.seq, envelope.at, &actor, payload);
        } else if let Some(id) = ReportId::from_stream(stream)
            && let Payload::ReportPublished(report) = payload
        {
            self.reports.insert(
                id,
                Published {
                    id,
                    report: report.clone(),
                    by: actor,
                    at: envelope.at,
                    position,
                },
            );
        }
    }

    fn follow_up(&mut self, review: ReviewId, item: &str, follow_up: FollowUp) {
        if let Some(r) = self.reviews.get_mut(&review) {
            r.follow_ups
                .entry(item.to_owned())
                .or_default()
                .push(follow_up);
        }
    }

    /// New settings may move the calendar or the time zone: rebuild the clocks and every
    /// case's durations. Settings accepted by the rules always make clocks; should a ledger hold
    /// settings that do not, the previous clocks stay (the fold must not stop on them).
    fn settings_changed(&mut self) {
        let Ok(clocks) = Clocks::from_settings(&self.org.settings) else {
            return;
        };
        self.clocks = clocks;
        for case in self.cases.values() {
            self.dashboard.update(case, &self.clocks);
        }
    }
}

/// `payload` with the framework item ids it records (triage, finding, corrective action) as the
/// framework's current ids ([`Reference::canonical_item`]): the ledger keeps the ids events were
/// recorded with, and the model folds them under the items that replaced them, so the case
/// state, the dashboard and the pages of an old ledger count under the new ids. An id the
/// framework does not know at all is kept as recorded (the dashboard counts it under
/// "unknown"). Borrowed, without copying, when nothing changes.
fn current_items<'p>(reference: &Reference, payload: &'p Payload) -> Cow<'p, Payload> {
    let renamed = |id: &String| {
        reference
            .canonical_item(id)
            .is_some_and(|current| current != id)
    };
    let current = |ids: &[String]| {
        let mut out: Vec<String> = Vec::with_capacity(ids.len());
        for id in ids {
            let id = reference.canonical_item(id).unwrap_or(id);
            if !out.iter().any(|seen| seen == id) {
                out.push(id.to_owned());
            }
        }
        out
    };
    match payload {
        Payload::Triaged(t) if t.framework_items.iter().any(renamed) => {
            let mut t = t.clone();
            t.framework_items = current(&t.framework_items);
            Cow::Owned(Payload::Triaged(t))
        }
        Payload::FindingRecorded(f) if f.framework_items.iter().any(renamed) => {
            let mut f = f.clone();
            f.framework_items = current(&f.framework_items);
            Cow::Owned(Payload::FindingRecorded(f))
        }
        Payload::ActionOpened(a) if a.framework_item.as_ref().is_some_and(renamed) => {
            let mut a = a.clone();
            a.framework_item = current(a.framework_item.as_slice()).pop();
            Cow::Owned(Payload::ActionOpened(a))
        }
        _ => Cow::Borrowed(payload),
    }
}
