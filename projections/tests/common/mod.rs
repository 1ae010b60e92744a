//! A ledger for the review and systemic-action tests: signed entries, parsed back and folded
//! into a read model in position order, as the server does. Reviews need the whole model (not
//! one aggregate): a systemic action or an area review opened from a review becomes that
//! review's follow-up only through the model's fold, and the figures come from every case.
//!
//! The organization is the support module's (one person per role), plus `BOARD_CHAIR`, who is
//! both on the board and the committee's chair, `DEPARTED`, a reviewer who left, and
//! `NO_ROLE`, enrolled without a role. Every
//! staff member signs with their own registered key, so the model knows who signed.
#![allow(dead_code)]

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use recourse_events::chain::Chains;
use recourse_events::ids::CaseId;
use recourse_events::org::*;
use recourse_events::review::*;
use recourse_events::vocabulary::Payload;
use recourse_events::{Envelope, SecretKey, StreamId};
use recourse_projections::actor::{Actor, WEB_INTAKE};
use recourse_projections::case::{Case, Command, Context};
use recourse_projections::framework::Reference;
use recourse_projections::read_model::{ReadModel, parse};
use recourse_projections::review::evidence::{self, ItemMeasures};
use recourse_projections::review::{self, Review, ReviewCommand, ReviewContext};
use recourse_projections::rule::RuleError;
use recourse_projections::systemic::{self, Systemic, SystemicCommand, SystemicContext};
use uuid::Uuid;

use crate::support::*;

/// Holds both the board and the chair roles.
pub const BOARD_CHAIR: u128 = 10;
/// A reviewer who has left the organization.
pub const DEPARTED: u128 = 11;
/// A second board member.
pub const BOARD2: u128 = 12;
/// A staff member with no role in Recourse (a program manager, say).
pub const NO_ROLE: u128 = 13;

/// Who signs an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// A staff member (by the support module's number).
    Staff(u128),
    /// The web form's service key.
    Web,
    /// The complainant (every test filing carries the same complainant key).
    Client,
}

impl Who {
    /// The actor the rules see.
    pub fn actor(self) -> Actor {
        match self {
            Who::Staff(n) => Actor::Staff(staff(n)),
            Who::Web => Actor::Service(WEB_INTAKE.into()),
            Who::Client => Actor::Client,
        }
    }
}

fn staff_key(n: u128) -> SecretKey {
    SecretKey::from_seed(&[n as u8 + 100; 32])
}

/// The complainant key of `support::filing`.
fn client_key() -> SecretKey {
    SecretKey::from_seed(&[9; 32])
}

/// A ledger and the read model folded from it.
pub struct Ledger {
    /// The model, folded from the signed entries.
    pub model: ReadModel,
    /// The entries, in position order.
    pub entries: Vec<Vec<u8>>,
    chains: Chains,
    /// The time the next entry is recorded at (each entry moves it on a minute).
    pub now: Timestamp,
    ledger_key: SecretKey,
    web: SecretKey,
}

impl Ledger {
    /// An organization with one person per role (and the extra staff above), on the default
    /// settings (America/Toronto), from Monday 2026-01-05.
    pub fn new() -> Ledger {
        let ledger_key = SecretKey::from_seed(&[1; 32]);
        let web = SecretKey::from_seed(&[2; 32]);
        let mut l = Ledger {
            model: ReadModel::new(Arc::new(Reference::shipped())),
            entries: vec![],
            chains: Chains::new(),
            now: "2026-01-05T14:00:00Z".parse().unwrap(),
            ledger_key: ledger_key.clone(),
            web: web.clone(),
        };
        l.org(Payload::LedgerInitialized(LedgerInitialized {
            origin: "t".into(),
            ledger_key: ledger_key.public(),
        }));
        l.org(Payload::SettingsChanged(Box::new(SettingsChanged {
            settings: Settings::default(),
            requested_by: None,
        })));
        l.org(Payload::KeyRegistered(KeyRegistered {
            key_id: web.key_id(),
            public_key: web.public(),
            holder: KeyHolder::Service {
                name: WEB_INTAKE.into(),
            },
            requested_by: None,
        }));
        let staff_roles: &[(u128, &[Role])] = &[
            (ADMIN, &[Role::Admin]),
            (INTAKE, &[Role::Intake]),
            (REVIEWER, &[Role::Reviewer]),
            (REVIEWER2, &[Role::Reviewer]),
            (CHAIR, &[Role::Chair]),
            (CHAIR2, &[Role::Chair]),
            (BOARD, &[Role::Board]),
            (BOARD2, &[Role::Board]),
            (AUDITOR, &[Role::Auditor]),
            (BOARD_CHAIR, &[Role::Board, Role::Chair]),
            (DEPARTED, &[Role::Reviewer]),
            (NO_ROLE, &[]),
        ];
        for (n, roles) in staff_roles {
            l.org(Payload::StaffEnrolled(StaffEnrolled {
                staff: staff(*n),
                name: sealed("n"),
                login: sealed("l"),
                requested_by: None,
            }));
            for role in *roles {
                l.org(Payload::RoleGranted(RoleChange {
                    staff: staff(*n),
                    role: *role,
                    requested_by: None,
                }));
            }
            let key = staff_key(*n);
            l.org(Payload::KeyRegistered(KeyRegistered {
                key_id: key.key_id(),
                public_key: key.public(),
                holder: KeyHolder::Staff {
                    id: staff(*n).to_string(),
                },
                requested_by: None,
            }));
        }
        l.org(Payload::StaffDeparted(StaffDeparted {
            staff: staff(DEPARTED),
            requested_by: None,
        }));
        l
    }

    fn org(&mut self, p: Payload) {
        let key = self.ledger_key.clone();
        self.append(&key, StreamId::org(), p);
    }

    /// Signs `payload` as the next event of `stream`, parses the entry back and folds it.
    pub fn append(&mut self, key: &SecretKey, stream: StreamId, payload: Payload) {
        let head = self.chains.head(&stream);
        let envelope = Envelope {
            id: Uuid::now_v7(),
            stream,
            seq: head.next_seq,
            kind: payload.kind(),
            at: self.now,
            actor: key.key_id(),
            prev: head.last,
            data: payload.to_data(),
        };
        let event = envelope.sign(key).unwrap();
        self.chains
            .append(event.envelope(), event.leaf_hash())
            .unwrap();
        let position = self.entries.len() as u64;
        self.entries.push(event.entry().to_vec());
        let parsed = parse(position, event.entry()).unwrap();
        self.model.apply(&parsed).unwrap();
        self.now += SignedDuration::from_mins(1);
    }

    fn key(&self, who: Who) -> SecretKey {
        match who {
            Who::Staff(n) => staff_key(n),
            Who::Web => self.web.clone(),
            Who::Client => client_key(),
        }
    }

    /// From now on, entries are recorded at `at` (RFC 3339).
    pub fn at(&mut self, at: &str) -> &mut Self {
        self.now = at.parse().unwrap();
        self
    }

    // --- Cases ---------------------------------------------------------------------------

    /// The id of test case `n`.
    pub fn case_id(n: u128) -> CaseId {
        CaseId(Uuid::from_u128(1000 + n))
    }

    /// Case `n` as folded.
    pub fn case(&self, n: u128) -> &Case {
        self.model.case(&Self::case_id(n)).unwrap()
    }

    /// `who` does `command` on case `n` now: decided by the case rules, and recorded (panics
    /// if refused, naming the command).
    pub fn on_case(&mut self, n: u128, who: Who, command: Command) -> &mut Self {
        let id = Self::case_id(n);
        let fresh = Case::new(id);
        let actor = who.actor();
        let case = self.model.case(&id).unwrap_or(&fresh);
        let ctx = Context {
            actor: &actor,
            org: self.model.org(),
            reference: self.model.reference(),
            now: self.now,
        };
        let payloads = recourse_projections::case::decide(case, &ctx, &command)
            .unwrap_or_else(|e| panic!("{} on case {n} refused: {e}", command.name()));
        let key = self.key(who);
        for p in payloads {
            self.append(&key, id.stream(), p);
        }
        self
    }

    // --- Reviews -------------------------------------------------------------------------

    /// The `review.opened` a review of `period` (of `area`, or the whole framework) records
    /// when opened now: the figures of every item in scope, computed from the model as it
    /// stands, and the model's tree head.
    pub fn opening(&self, period: Period, area: Option<&str>, origin: Origin) -> ReviewOpened {
        ReviewOpened {
            period,
            area: area.map(String::from),
            framework_version: String::new(),
            framework_sha256: Default::default(),
            pinned: Pinned {
                size: self.model.position(),
                root: self.model.log_root(),
            },
            items: evidence::figures(&self.model, period, &items_in_scope(area)),
            origin,
        }
    }

    /// The review `id` as folded (a fresh one if its stream is empty).
    pub fn review(&self, id: ReviewId) -> Review {
        self.model
            .review(&id)
            .cloned()
            .unwrap_or_else(|| Review::new(id))
    }

    /// When `who` asks `command` on review `id`: the decision, nothing recorded.
    pub fn when_review(
        &self,
        who: Who,
        id: ReviewId,
        command: &ReviewCommand,
    ) -> Result<Vec<Payload>, RuleError> {
        let actor = who.actor();
        let origin = match command {
            ReviewCommand::Open(o) => o.origin.review,
            _ => None,
        };
        let ctx = ReviewContext {
            actor: &actor,
            org: self.model.org(),
            reference: self.model.reference(),
            origin: origin.and_then(|o| self.model.review(&o)),
        };
        review::decide(&self.review(id), &ctx, command)
    }

    /// `who` does `command` on review `id`: decided and, if accepted, recorded.
    pub fn try_review(
        &mut self,
        who: Who,
        id: ReviewId,
        command: &ReviewCommand,
    ) -> Result<(), RuleError> {
        let payloads = self.when_review(who, id, command)?;
        let key = self.key(who);
        for p in payloads {
            self.append(&key, id.stream(), p);
        }
        Ok(())
    }

    /// Given `who` did `command` on review `id` (panics if refused).
    pub fn on_review(&mut self, who: Who, id: ReviewId, command: ReviewCommand) -> &mut Self {
        if let Err(e) = self.try_review(who, id, &command) {
            panic!("{command:?} on review {id} refused: {e}");
        }
        self
    }

    // --- Systemic actions ----------------------------------------------------------------

    /// The systemic action `id` as folded (a fresh one if its stream is empty).
    pub fn systemic(&self, id: SystemicId) -> Systemic {
        self.model
            .systemic_action(&id)
            .cloned()
            .unwrap_or_else(|| Systemic::new(id))
    }

    /// When `who` asks `command` on systemic action `id`: the decision, nothing recorded.
    pub fn when_systemic(
        &self,
        who: Who,
        id: SystemicId,
        command: &SystemicCommand,
    ) -> Result<Vec<Payload>, RuleError> {
        let actor = who.actor();
        let origin = match command {
            SystemicCommand::Open(o) => o.origin.review,
            _ => None,
        };
        let ctx = SystemicContext {
            actor: &actor,
            org: self.model.org(),
            reference: self.model.reference(),
            origin: origin.and_then(|o| self.model.review(&o)),
        };
        systemic::decide(&self.systemic(id), &ctx, command)
    }

    /// `who` does `command` on systemic action `id`: decided and, if accepted, recorded.
    pub fn try_systemic(
        &mut self,
        who: Who,
        id: SystemicId,
        command: &SystemicCommand,
    ) -> Result<(), RuleError> {
        let payloads = self.when_systemic(who, id, command)?;
        let key = self.key(who);
        for p in payloads {
            self.append(&key, id.stream(), p);
        }
        Ok(())
    }

    /// Given `who` did `command` on systemic action `id` (panics if refused).
    pub fn on_systemic(&mut self, who: Who, id: SystemicId, command: SystemicCommand) -> &mut Self {
        if let Err(e) = self.try_systemic(who, id, &command) {
            panic!("{command:?} on systemic action {id} refused: {e}");
        }
        self
    }
}

/// The items a review of `area` (or of the whole framework) covers, in framework order, with
/// no measures of their own (every item gets the tagged counts).
pub fn items_in_scope(area: Option<&str>) -> Vec<ItemMeasures> {
    Reference::shipped()
        .framework
        .areas
        .iter()
        .filter(|a| area.is_none_or(|id| a.id == id))
        .flat_map(|a| &a.items)
        .map(|i| ItemMeasures {
            item: i.id.clone(),
            measures: vec![],
        })
        .collect()
}

/// Review id `n`.
pub fn review_id(n: u128) -> ReviewId {
    ReviewId(Uuid::from_u128(5000 + n))
}

/// Systemic action id `n`.
pub fn systemic_id(n: u128) -> SystemicId {
    SystemicId(Uuid::from_u128(7000 + n))
}
