//! The state of one case, folded from its stream. `apply` is total: it never refuses an event
//! (that is `decide`'s job, before recording), so any history the ledger holds can be read.

use jiff::Timestamp;
use jiff::civil::Date;
use recourse_events::Hash;
use recourse_events::case::*;
use recourse_events::ids::{ActionId, AttachmentId, CaseId, StaffId};
use recourse_events::vocabulary::Payload;

use crate::actor::Actor;

/// Where a case stands, derived from what happened to it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::VariantArray,
    strum::VariantNames,
    strum::EnumCount,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "lowercase")]
pub enum Status {
    /// Filed, not yet acknowledged.
    Filed,
    /// Acknowledged, no reviewer yet.
    Acknowledged,
    /// A reviewer is on it.
    #[strum(to_string = "under review")]
    UnderReview,
    /// Decided, not closed.
    Decided,
    /// The client appealed; the appeal is not decided.
    #[strum(to_string = "under appeal")]
    UnderAppeal,
    /// Closed.
    Closed,
    /// Withdrawn by the client.
    Withdrawn,
    /// Personal data erased.
    Erased,
}

recourse_events::vocabulary_values!(Status);

/// A status is answered by its name ([`Status::as_str`], with its spaces): the schema lists
/// [`Status::NAMES`], so the API's documented values are the ones it sends.
impl schemars::JsonSchema for Status {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Status".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Where a case stands, as the queue and the rules name it.",
            "type": "string",
            "enum": Status::NAMES,
        })
    }
}

impl Status {
    /// Still being handled (not decided, closed, withdrawn or erased).
    pub fn is_open(&self) -> bool {
        matches!(
            self,
            Status::Filed | Status::Acknowledged | Status::UnderReview
        )
    }
}

/// A recorded finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// When.
    pub at: Timestamp,
    /// By whom.
    pub by: Actor,
    /// Rights concerned.
    pub rights: Vec<String>,
    /// Framework items concerned.
    pub framework_items: Vec<String>,
    /// Substantiated or not.
    pub substantiated: bool,
}

/// The decision in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// When.
    pub at: Timestamp,
    /// By whom.
    pub by: Actor,
    /// Outcome.
    pub outcome: Outcome,
}

/// Where a corrective action stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::VariantArray,
    strum::VariantNames,
    strum::EnumCount,
    strum::IntoStaticStr,
    strum::EnumString,
    schemars::JsonSchema,
)]
#[strum(serialize_all = "snake_case")]
#[schemars(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Open.
    Open,
    /// Reported done, awaiting verification.
    Completed,
    /// Verified done.
    Verified,
    /// Waived, with reasons.
    Waived,
}

recourse_events::vocabulary_values!(ActionStatus);

/// A corrective action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionState {
    /// Number within the case.
    pub id: ActionId,
    /// Owner.
    pub owner: StaffId,
    /// Due date.
    pub due: Date,
    /// Framework item served.
    pub framework_item: Option<String>,
    /// Status.
    pub status: ActionStatus,
    /// Opened when.
    pub opened_at: Timestamp,
    /// Verified or waived when.
    pub settled_at: Option<Timestamp>,
}

impl ActionState {
    /// Still to be verified or waived.
    pub fn outstanding(&self) -> bool {
        matches!(self.status, ActionStatus::Open | ActionStatus::Completed)
    }
}

/// An appeal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppealState {
    /// Filed when.
    pub filed_at: Timestamp,
    /// Its reviewer.
    pub reviewer: Option<StaffId>,
    /// Decided when, with what outcome.
    pub decided: Option<(Timestamp, AppealOutcome)>,
}

/// A small sorted set of staff: a case involves a handful, and a `BTreeSet` would spend a
/// ~200-byte node on each (tens of megabytes over a large ledger).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffSet(Vec<StaffId>);

impl StaffSet {
    /// Adds a staff member; false if already present.
    pub fn insert(&mut self, s: StaffId) -> bool {
        match self.0.binary_search(&s) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, s);
                true
            }
        }
    }

    /// Membership.
    pub fn contains(&self, s: &StaffId) -> bool {
        self.0.binary_search(s).is_ok()
    }

    /// Empties the set.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Members, ascending.
    pub fn iter(&self) -> impl Iterator<Item = &StaffId> {
        self.0.iter()
    }

    /// Number of members.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No members.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<StaffId> for StaffSet {
    fn from_iter<I: IntoIterator<Item = StaffId>>(iter: I) -> Self {
        let mut v: Vec<StaffId> = iter.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        StaffSet(v)
    }
}

impl Extend<StaffId> for StaffSet {
    fn extend<I: IntoIterator<Item = StaffId>>(&mut self, iter: I) {
        for s in iter {
            self.insert(s);
        }
    }
}

/// A case's corrective actions by number (numbers are given in order, so a `Vec` is sorted).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actions(Vec<ActionState>);

impl Actions {
    /// The action numbered `id`.
    pub fn get(&self, id: &ActionId) -> Option<&ActionState> {
        self.0
            .binary_search_by_key(id, |a| a.id)
            .ok()
            .map(|i| &self.0[i])
    }

    /// The action numbered `id`, to change it.
    pub fn get_mut(&mut self, id: &ActionId) -> Option<&mut ActionState> {
        self.0
            .binary_search_by_key(id, |a| a.id)
            .ok()
            .map(|i| &mut self.0[i])
    }

    /// Adds or replaces an action.
    pub fn insert(&mut self, a: ActionState) {
        match self.0.binary_search_by_key(&a.id, |x| x.id) {
            Ok(i) => self.0[i] = a,
            Err(i) => self.0.insert(i, a),
        }
    }

    /// All actions, by number.
    pub fn values(&self) -> impl Iterator<Item = &ActionState> {
        self.0.iter()
    }

    /// The highest action number so far.
    pub fn last_id(&self) -> Option<ActionId> {
        self.0.last().map(|a| a.id)
    }

    /// Number of actions.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No actions.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Index<&ActionId> for Actions {
    type Output = ActionState;
    fn index(&self, id: &ActionId) -> &ActionState {
        self.get(id).expect("an action checked to exist")
    }
}

/// The clear (non-personal) facts of a filing; the sealed fields stay in the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filing {
    /// How it arrived.
    pub channel: Channel,
    /// Client's language.
    pub language: String,
    /// Anonymous filing.
    pub anonymous: bool,
    /// Program.
    pub program: String,
    /// Site.
    pub site: String,
    /// IRCC service stream.
    pub service_stream: Option<String>,
    /// Rights cited by the client.
    pub rights: Vec<String>,
    /// Contact preference.
    pub contact_preference: ContactPreference,
    /// Accommodations asked for.
    pub accommodations: Vec<Accommodation>,
    /// Interpreter language.
    pub interpreter_language: Option<String>,
    /// Staff named in the complaint.
    pub named_staff: Vec<StaffId>,
    /// The client said it is about the director or the chair.
    pub about_leadership: bool,
    /// The client described a staff member (sealed: only whether they did).
    pub staff_described: bool,
    /// The id of the complainant's key (enough to recognize their events).
    pub complainant_key: recourse_events::KeyId,
    /// Receipt lookup hash.
    pub receipt_lookup: recourse_events::Hash,
    /// Data key id.
    pub data_key: String,
}

impl From<&ComplaintFiled> for Filing {
    fn from(f: &ComplaintFiled) -> Self {
        Filing {
            channel: f.channel,
            language: f.language.clone(),
            anonymous: f.anonymous,
            program: f.program.clone(),
            site: f.site.clone(),
            service_stream: f.service_stream.clone(),
            rights: f.rights.clone(),
            contact_preference: f.contact_preference,
            accommodations: f.accommodations.clone(),
            interpreter_language: f.interpreter_language.clone(),
            named_staff: f.named_staff.clone(),
            about_leadership: f.about_leadership,
            staff_described: f.staff_described.is_some(),
            complainant_key: f.complainant_key.key_id(),
            receipt_lookup: f.receipt_lookup,
            data_key: f.data_key.clone(),
        }
    }
}

/// A file attached to the case: what its `attachment.added` entry vouches for. The file's
/// name and description stay sealed in the entry; the bytes are in the blob store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Its id.
    pub id: AttachmentId,
    /// When it was attached.
    pub at: Timestamp,
    /// Who attached it (the client, or a staff member).
    pub by: Actor,
    /// Its type, as the content was checked.
    pub content_type: AttachmentType,
    /// Size in bytes before sealing.
    pub size: u64,
    /// SHA-256 of the sealed bytes.
    pub sha256: Hash,
}

/// A recorded opening of the sealed data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// When.
    pub at: Timestamp,
    /// Who.
    pub by: StaffId,
    /// Why.
    pub purpose: Purpose,
    /// The viewer is not on the case: they have not acted on it (before or since the view,
    /// as far as the events folded so far go), were not assigned to it and own none of its
    /// corrective actions. One definition for the case page's access log, the board's
    /// dashboard and a review's `outsider-openings`.
    pub outsider: bool,
}

/// A case's short number, said on the phone: the year of filing (in the organization's time
/// zone when it was filed) and the order of filing within that year, as the ledger orders
/// filings (`2026-0007`). The read model gives it as it folds the filing: no event holds it, so
/// every rebuild gives every case the same number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CaseNumber {
    /// Year of filing.
    pub year: i16,
    /// Order of filing within the year, from 1.
    pub seq: u32,
}

impl std::fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:04}", self.year, self.seq)
    }
}

impl CaseNumber {
    /// A number as people type or say it: `2026-0007`, `2026-7`, `2026 7`, `20260007`
    /// (spaces and a leading `#` allowed).
    pub fn parse(s: &str) -> Option<CaseNumber> {
        let s = s.trim().trim_start_matches('#').trim();
        let (year, seq) = match s.split_once(['-', ' ', '/', '.']) {
            Some((y, n)) => (y.trim(), n.trim()),
            None if s.len() > 4 && s.is_char_boundary(4) => s.split_at(4),
            None => return None,
        };
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !digits(year) || !digits(seq) || seq.len() > 9 {
            return None;
        }
        let seq: u32 = seq.parse().ok()?;
        (seq > 0).then_some(CaseNumber {
            year: year.parse().ok()?,
            seq,
        })
    }
}

/// One case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// Id.
    pub id: CaseId,
    /// Its short number (given by the read model as it folds the filing).
    pub number: Option<CaseNumber>,
    /// Next seq of the stream.
    pub seq: u64,
    /// Where the stream ends in the log (checked as the model folds).
    pub tip: Option<crate::log_view::LogTip>,
    /// The filing's clear facts.
    pub filing: Option<Filing>,
    /// Filed when.
    pub filed_at: Option<Timestamp>,
    /// Filed by.
    pub filed_by: Option<Actor>,
    /// First acknowledged when.
    pub acknowledged_at: Option<Timestamp>,
    /// Latest triage.
    pub triage: Option<Triaged>,
    /// Some triage marked it escalated (see [`Case::escalated`]).
    pub escalated_at_triage: bool,
    /// Staff every triage so far found the complaint to be about.
    pub named_at_triage: StaffSet,
    /// Current reviewer.
    pub reviewer: Option<StaffId>,
    /// Everyone who recused.
    pub recused: StaffSet,
    /// When each recusal happened.
    pub recusal_times: Vec<Timestamp>,
    /// Staff who took part in the case (acted on it, were assigned to it, own an action).
    pub involved: StaffSet,
    /// The access log: every opening of the sealed data.
    pub views: Vec<View>,
    /// Refused attempts at opening the sealed data (sensitive cases), in order.
    pub refused_views: Vec<View>,
    /// Findings since filing or the last reopening.
    pub findings: Vec<Finding>,
    /// Decision in force.
    pub decision: Option<Decision>,
    /// When the first decision was issued (for timeliness).
    pub first_decided_at: Option<Timestamp>,
    /// Staff who took part in the decision in force (reviewer, finding authors, decider).
    pub decision_participants: StaffSet,
    /// Corrective actions.
    pub actions: Actions,
    /// Appeal of the decision in force.
    pub appeal: Option<AppealState>,
    /// Appeals ever filed.
    pub appeals: u32,
    /// Paused since, while waiting for the client.
    pub paused_since: Option<Timestamp>,
    /// Completed pauses.
    pub pauses: Vec<(Timestamp, Timestamp)>,
    /// Closed (and not reopened since) when.
    pub closed_at: Option<Timestamp>,
    /// Withdrawn (and not reopened since) when.
    pub withdrawn_at: Option<Timestamp>,
    /// Times reopened.
    pub reopened: u32,
    /// Latest satisfaction answer.
    pub satisfaction: Option<(Timestamp, SatisfactionRecorded)>,
    /// The client asked for erasure when.
    pub erasure_requested_at: Option<Timestamp>,
    /// Erased when, why.
    pub erased: Option<(Timestamp, ErasureReason)>,
    /// The client came back with their code (any event they signed after filing).
    pub client_returned: bool,
    /// Files attached, in order.
    pub attachments: Vec<Attachment>,
}

impl Case {
    /// A case with no events yet.
    pub fn new(id: CaseId) -> Self {
        Case {
            id,
            number: None,
            seq: 0,
            tip: None,
            filing: None,
            filed_at: None,
            filed_by: None,
            acknowledged_at: None,
            triage: None,
            escalated_at_triage: false,
            named_at_triage: StaffSet::default(),
            reviewer: None,
            recused: StaffSet::default(),
            recusal_times: Vec::new(),
            involved: StaffSet::default(),
            views: Vec::new(),
            refused_views: Vec::new(),
            findings: Vec::new(),
            decision: None,
            first_decided_at: None,
            decision_participants: StaffSet::default(),
            actions: Actions::default(),
            appeal: None,
            appeals: 0,
            paused_since: None,
            pauses: Vec::new(),
            closed_at: None,
            withdrawn_at: None,
            reopened: 0,
            satisfaction: None,
            erasure_requested_at: None,
            erased: None,
            client_returned: false,
            attachments: Vec::new(),
        }
    }

    /// Where the case stands.
    pub fn status(&self) -> Status {
        if self.erased.is_some() {
            Status::Erased
        } else if self.withdrawn_at.is_some() {
            Status::Withdrawn
        } else if self.closed_at.is_some() {
            Status::Closed
        } else if self.appeal.as_ref().is_some_and(|a| a.decided.is_none()) {
            Status::UnderAppeal
        } else if self.decision.is_some() {
            Status::Decided
        } else if self.reviewer.is_some() {
            Status::UnderReview
        } else if self.acknowledged_at.is_some() {
            Status::Acknowledged
        } else {
            Status::Filed
        }
    }

    /// Escalated: the client said it is about the director or the chair, or a triage found so
    /// (see [`super::escalation`]).
    pub fn escalated(&self) -> bool {
        self.escalated_at_triage || self.filing.as_ref().is_some_and(|f| f.about_leadership)
    }

    /// Named in the complaint (by the filing or at triage) or recused: may never handle it.
    pub fn conflicted(&self, staff: StaffId) -> bool {
        self.recused.contains(&staff)
            || self.named_at_triage.contains(&staff)
            || self
                .filing
                .as_ref()
                .is_some_and(|f| f.named_staff.contains(&staff))
    }

    /// The acknowledgement is still awaited: not acknowledged, and not withdrawn or erased.
    pub fn awaiting_acknowledgement(&self) -> bool {
        self.acknowledged_at.is_none() && self.withdrawn_at.is_none() && self.erased.is_none()
    }

    /// The decision is still awaited: never decided, and not withdrawn, closed or erased.
    pub fn awaiting_decision(&self) -> bool {
        self.first_decided_at.is_none()
            && self.withdrawn_at.is_none()
            && self.erased.is_none()
            && self.closed_at.is_none()
    }

    /// Corrective actions still to be verified or waived.
    pub fn outstanding_actions(&self) -> usize {
        self.actions.values().filter(|a| a.outstanding()).count()
    }

    /// `s` took part in the case: on it from now, and their openings of the file so far are
    /// no longer by someone off the case.
    fn involve(&mut self, s: StaffId) {
        if self.involved.insert(s) {
            for v in self.views.iter_mut().chain(self.refused_views.iter_mut()) {
                if v.by == s {
                    v.outsider = false;
                }
            }
        }
    }

    /// Folds one event of this case's stream.
    pub fn apply(&mut self, seq: u64, at: Timestamp, actor: &Actor, payload: &Payload) {
        self.seq = seq + 1;
        if *actor == Actor::Client && !matches!(payload, Payload::ComplaintFiled(_)) {
            self.client_returned = true;
        }
        // A view is judged as the viewer stands now; acting on the case later puts them on it,
        // and their earlier openings with it (`involve`).
        if let (Payload::FileViewed(v), Some(by)) = (payload, actor.staff()) {
            self.views.push(View {
                at,
                by,
                purpose: v.purpose,
                outsider: !self.involved.contains(&by),
            });
        }
        if let (Payload::FileViewRefused(v), Some(by)) = (payload, actor.staff()) {
            self.refused_views.push(View {
                at,
                by,
                purpose: v.purpose,
                outsider: !self.involved.contains(&by),
            });
        }
        if let Some(s) = actor.staff()
            && !matches!(
                payload,
                Payload::FileViewed(_) | Payload::FileViewRefused(_) | Payload::Recused(_)
            )
        {
            self.involve(s);
        }
        match payload {
            Payload::ComplaintFiled(f) => {
                self.filing = Some(Filing::from(&**f));
                self.filed_at = Some(at);
                self.filed_by = Some(actor.clone());
            }
            Payload::Acknowledged(_) => {
                self.acknowledged_at.get_or_insert(at);
            }
            Payload::AttachmentAdded(a) => self.attachments.push(Attachment {
                id: a.attachment,
                at,
                by: actor.clone(),
                content_type: a.content_type,
                size: a.size,
                sha256: a.sha256,
            }),
            Payload::Triaged(t) => {
                self.escalated_at_triage |= t.escalated;
                self.named_at_triage.extend(t.named_staff.iter().copied());
                self.triage = Some(t.clone());
            }
            Payload::ReviewerAssigned(r) => {
                self.reviewer = Some(r.reviewer);
                self.involve(r.reviewer);
            }
            Payload::Recused(r) => {
                self.recused.insert(r.staff);
                self.recusal_times.push(at);
                if self.reviewer == Some(r.staff) {
                    self.reviewer = None;
                }
                if let Some(a) = self.appeal.as_mut().filter(|a| a.reviewer == Some(r.staff)) {
                    a.reviewer = None;
                }
            }
            Payload::FindingRecorded(f) => self.findings.push(Finding {
                at,
                by: actor.clone(),
                rights: f.rights.clone(),
                framework_items: f.framework_items.clone(),
                substantiated: f.substantiated,
            }),
            Payload::DecisionIssued(d) => {
                let mut participants: StaffSet =
                    self.findings.iter().filter_map(|f| f.by.staff()).collect();
                participants.extend(self.reviewer);
                participants.extend(actor.staff());
                self.decision_participants = participants;
                self.decision = Some(Decision {
                    at,
                    by: actor.clone(),
                    outcome: d.outcome,
                });
                // Once decided the clock stops for good: nothing is awaited from the client.
                self.end_pause(at);
                self.first_decided_at.get_or_insert(at);
                self.appeal = None;
            }
            Payload::ActionOpened(a) => {
                self.involve(a.owner);
                self.actions.insert(ActionState {
                    id: a.action,
                    owner: a.owner,
                    due: a.due,
                    framework_item: a.framework_item.clone(),
                    status: ActionStatus::Open,
                    opened_at: at,
                    settled_at: None,
                });
            }
            Payload::ActionUpdated(u) => {
                if let (Some(a), Some(due)) = (self.actions.get_mut(&u.action), u.due) {
                    a.due = due;
                }
            }
            Payload::ActionCompleted(n) => self.set_action(n.action, ActionStatus::Completed, None),
            Payload::ActionVerified(n) => {
                self.set_action(n.action, ActionStatus::Verified, Some(at))
            }
            Payload::ActionWaived(n) => self.set_action(n.action, ActionStatus::Waived, Some(at)),
            Payload::AppealFiled(_) => {
                self.appeal = Some(AppealState {
                    filed_at: at,
                    reviewer: None,
                    decided: None,
                });
                self.appeals += 1;
                self.closed_at = None;
            }
            Payload::AppealReviewerAssigned(r) => {
                self.involve(r.reviewer);
                if let Some(a) = self.appeal.as_mut() {
                    a.reviewer = Some(r.reviewer);
                }
            }
            Payload::AppealDecided(d) => {
                if let Some(a) = self.appeal.as_mut() {
                    a.decided = Some((at, d.outcome));
                }
            }
            Payload::ClockPaused(_) => {
                self.paused_since.get_or_insert(at);
            }
            Payload::ClockResumed(_) => self.end_pause(at),
            Payload::SatisfactionRecorded(s) => self.satisfaction = Some((at, s.clone())),
            Payload::CaseClosed(_) => self.closed_at = Some(at),
            Payload::CaseReopened(_) => {
                self.closed_at = None;
                self.withdrawn_at = None;
                self.decision = None;
                self.findings.clear();
                self.decision_participants.clear();
                self.appeal = None;
                self.reopened += 1;
            }
            Payload::Withdrawn(_) => {
                self.withdrawn_at = Some(at);
                self.end_pause(at);
            }
            Payload::ErasureRequested(_) => {
                self.erasure_requested_at.get_or_insert(at);
            }
            Payload::PersonalDataErased(e) => {
                self.erased = Some((at, e.reason));
                self.end_pause(at);
            }
            _ => {}
        }
    }

    fn end_pause(&mut self, at: Timestamp) {
        if let Some(since) = self.paused_since.take() {
            self.pauses.push((since, at));
        }
    }

    fn set_action(&mut self, id: ActionId, status: ActionStatus, settled: Option<Timestamp>) {
        if let Some(a) = self.actions.get_mut(&id) {
            a.status = status;
            a.settled_at = settled.or(a.settled_at);
        }
    }
}
