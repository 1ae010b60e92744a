//! Given/when/then fixtures for the domain rules: an organization with one person per role (two
//! reviewers, two chairs), and cases whose histories are built through `decide` itself.
#![allow(dead_code)]

use jiff::{SignedDuration, Timestamp};
use recourse_events::case::*;
use recourse_events::ids::{CaseId, StaffId};
use recourse_events::org::{Role, RoleChange, Settings, SettingsChanged, StaffEnrolled};
use recourse_events::sealed::Sealed;
use recourse_events::vocabulary::Payload;
use recourse_events::{Envelope, EventType, Hash, SecretKey, StreamId};
use recourse_projections::actor::{Actor, WEB_INTAKE};
use recourse_projections::case::{Case, Command, Context, decide};
use recourse_projections::framework::Reference;
use recourse_projections::org::Org;
use recourse_projections::rule::RuleError;
use uuid::Uuid;

pub fn sealed(text: &str) -> Sealed {
    Sealed {
        sealed: format!("opaque:{text}"),
        key: "dk-test".into(),
    }
}

pub fn staff(n: u128) -> StaffId {
    StaffId(Uuid::from_u128(n))
}

pub const ADMIN: u128 = 1;
pub const INTAKE: u128 = 2;
pub const REVIEWER: u128 = 3;
pub const REVIEWER2: u128 = 4;
pub const CHAIR: u128 = 5;
pub const CHAIR2: u128 = 6;
pub const BOARD: u128 = 7;
pub const AUDITOR: u128 = 8;
pub const REVIEWER3: u128 = 9;

pub fn as_staff(n: u128) -> Actor {
    Actor::Staff(staff(n))
}

fn envelope(stream: StreamId, seq: u64, kind: EventType, at: Timestamp) -> Envelope {
    Envelope {
        id: Uuid::now_v7(),
        stream,
        seq,
        kind,
        at,
        actor: SecretKey::from_seed(&[0; 32]).key_id(),
        prev: None,
        data: Default::default(),
    }
}

pub fn org() -> Org {
    let mut org = Org::default();
    let mut seq = 0;
    let t0: Timestamp = "2026-01-05T14:00:00Z".parse().unwrap();
    let mut apply = |org: &mut Org, p: Payload| {
        org.apply(&envelope(StreamId::org(), seq, p.kind(), t0), &p);
        seq += 1;
    };
    apply(
        &mut org,
        Payload::SettingsChanged(Box::new(SettingsChanged {
            settings: Settings::default(),
            requested_by: None,
        })),
    );
    let roles = [
        (ADMIN, Role::Admin),
        (INTAKE, Role::Intake),
        (REVIEWER, Role::Reviewer),
        (REVIEWER2, Role::Reviewer),
        (REVIEWER3, Role::Reviewer),
        (CHAIR, Role::Chair),
        (CHAIR2, Role::Chair),
        (BOARD, Role::Board),
        (AUDITOR, Role::Auditor),
    ];
    for (n, role) in roles {
        apply(
            &mut org,
            Payload::StaffEnrolled(StaffEnrolled {
                staff: staff(n),
                name: sealed("name"),
                login: sealed("login"),
                requested_by: None,
            }),
        );
        apply(
            &mut org,
            Payload::RoleGranted(RoleChange {
                staff: staff(n),
                role,
                requested_by: None,
            }),
        );
    }
    org
}

pub fn filing(named: &[u128]) -> ComplaintFiled {
    ComplaintFiled {
        channel: Channel::Web,
        language: "fr".into(),
        anonymous: true,
        program: "settlement".into(),
        site: "main".into(),
        service_stream: None,
        rights: vec!["respect".into()],
        narrative: sealed("what happened"),
        outcome_wanted: None,
        contact: None,
        contact_preference: ContactPreference::None,
        accommodations: vec![],
        interpreter_language: None,
        consent: Consent {
            handle: true,
            contact: false,
            text_version: "1".into(),
        },
        named_staff: named.iter().map(|n| staff(*n)).collect(),
        staff_described: None,
        about_leadership: false,
        complainant_key: SecretKey::from_seed(&[9; 32]).public(),
        receipt_lookup: Hash::digest(b"code"),
        data_key: "dk-test".into(),
    }
}

/// A case, the organization and the clock, for given/when/then.
pub struct World {
    pub org: Org,
    pub reference: Reference,
    pub case: Case,
    pub now: Timestamp,
}

impl World {
    /// Given a freshly filed web complaint naming `named` staff members.
    pub fn filed(named: &[u128]) -> Self {
        let mut w = World {
            org: org(),
            reference: Reference::shipped(),
            case: Case::new(CaseId(Uuid::from_u128(42))),
            now: "2026-03-02T15:00:00Z".parse().unwrap(),
        };
        w.run(
            Actor::Service(WEB_INTAKE.into()),
            Command::File(Box::new(filing(named))),
        );
        w
    }

    /// When `actor` asks `command`: the decision, without recording it.
    pub fn when(&self, actor: Actor, command: Command) -> Result<Vec<Payload>, RuleError> {
        let ctx = Context {
            actor: &actor,
            org: &self.org,
            reference: &self.reference,
            now: self.now,
        };
        decide(&self.case, &ctx, &command)
    }

    /// Given `actor` did `command`: decided, and recorded (panics if refused).
    pub fn run(&mut self, actor: Actor, command: Command) -> &mut Self {
        let events = self
            .when(actor.clone(), command.clone())
            .unwrap_or_else(|e| panic!("{} refused: {e}", command.name()));
        for p in events {
            let seq = self.case.seq;
            self.case.apply(seq, self.now, &actor, &p);
        }
        self.now += SignedDuration::from_hours(1);
        self
    }

    /// Given time passes.
    pub fn after_days(&mut self, days: i64) -> &mut Self {
        self.now += SignedDuration::from_hours(24 * days);
        self
    }

    /// Acknowledged, triaged, reviewer assigned.
    pub fn under_review(&mut self) -> &mut Self {
        self.run(as_staff(INTAKE), Command::Acknowledge { note: None })
            .run(
                as_staff(INTAKE),
                Command::AssignReviewer {
                    reviewer: staff(REVIEWER),
                },
            )
    }

    /// ...with a finding and a decision by the reviewer.
    pub fn decided(&mut self) -> &mut Self {
        self.under_review()
            .run(as_staff(REVIEWER), Command::RecordFinding(finding()))
            .run(
                as_staff(REVIEWER),
                Command::Decide(decision(Outcome::Upheld)),
            )
    }
}

pub fn finding() -> FindingRecorded {
    FindingRecorded {
        rights: vec!["respect".into()],
        framework_items: vec![],
        substantiated: true,
        summary: sealed("finding"),
    }
}

pub fn decision(outcome: Outcome) -> DecisionIssued {
    DecisionIssued {
        outcome,
        remedy: None,
        reasons: sealed("reasons"),
    }
}

pub fn forbidden(r: Result<Vec<Payload>, RuleError>) -> bool {
    matches!(r, Err(e) if e.is_forbidden())
}
