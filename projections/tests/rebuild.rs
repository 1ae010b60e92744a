//! Property: folding random valid command sequences incrementally (typed payloads straight from
//! `decide`) gives the same read model as a rebuild from position 0 that parses the signed
//! entries, at the end and at a random prefix.
//!
//! Each step tries its command with every actor in a random order, so the rules pick who may do
//! it and histories go deep: across the 64 generated histories every event type of the
//! vocabulary occurs (decisions, corrective actions, appeals, closures, reopenings, erasures).
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod support;

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use recourse_events::case::*;
use recourse_events::chain::Chains;
use recourse_events::ids::{ActionId, CaseId, StaffId};
use recourse_events::org::*;
use recourse_events::vocabulary::Payload;
use recourse_events::{Envelope, Event, SecretKey, StreamId};
use recourse_projections::actor::{Actor, WEB_INTAKE};
use recourse_projections::case::{Case, Command, Context, decide};
use recourse_projections::dashboard::{Granularity, Query};
use recourse_projections::framework::Reference;
use recourse_projections::read_model::{Parsed, ReadModel};
use support::*;
use uuid::Uuid;

const CASES: u128 = 3;

struct Ledger {
    incremental: ReadModel,
    entries: Vec<Vec<u8>>,
    chains: Chains,
    now: Timestamp,
    ledger_key: SecretKey,
    web: SecretKey,
}

fn staff_key(n: u128) -> SecretKey {
    SecretKey::from_seed(&[n as u8 + 100; 32])
}

fn client_key(case: u128) -> SecretKey {
    SecretKey::from_seed(&[case as u8 + 200; 32])
}

impl Ledger {
    fn append(&mut self, key: &SecretKey, stream: StreamId, payload: Payload) {
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
        // The incremental path folds the typed payload as decided, not the parsed entry.
        self.incremental
            .apply(&Parsed {
                position,
                leaf: event.leaf_hash(),
                envelope: event.into_envelope(),
                payload: Ok(payload),
            })
            .unwrap();
        self.now += SignedDuration::from_mins(97);
    }

    fn new() -> Self {
        let ledger_key = SecretKey::from_seed(&[1; 32]);
        let web = SecretKey::from_seed(&[2; 32]);
        let mut l = Ledger {
            incremental: ReadModel::new(Arc::new(Reference::shipped())),
            entries: vec![],
            chains: Chains::new(),
            now: "2026-01-05T14:00:00Z".parse().unwrap(),
            ledger_key: ledger_key.clone(),
            web: web.clone(),
        };
        let org = |p: Payload, l: &mut Ledger| l.append(&ledger_key, StreamId::org(), p);
        org(
            Payload::LedgerInitialized(LedgerInitialized {
                origin: "t".into(),
                ledger_key: ledger_key.public(),
            }),
            &mut l,
        );
        org(
            Payload::SettingsChanged(Box::new(SettingsChanged {
                settings: Settings::default(),
                requested_by: None,
            })),
            &mut l,
        );
        let reg = |key: &SecretKey, holder| {
            Payload::KeyRegistered(KeyRegistered {
                key_id: key.key_id(),
                public_key: key.public(),
                holder,
                requested_by: None,
            })
        };
        org(
            reg(
                &web,
                KeyHolder::Service {
                    name: WEB_INTAKE.into(),
                },
            ),
            &mut l,
        );
        for (n, role) in [
            (INTAKE, Role::Intake),
            (REVIEWER, Role::Reviewer),
            (REVIEWER2, Role::Reviewer),
            (CHAIR, Role::Chair),
            (CHAIR2, Role::Chair),
            (AUDITOR, Role::Auditor),
        ] {
            org(
                Payload::StaffEnrolled(StaffEnrolled {
                    staff: staff(n),
                    name: sealed("n"),
                    login: sealed("l"),
                    requested_by: None,
                }),
                &mut l,
            );
            org(
                Payload::RoleGranted(RoleChange {
                    staff: staff(n),
                    role,
                    requested_by: None,
                }),
                &mut l,
            );
            org(
                reg(
                    &staff_key(n),
                    KeyHolder::Staff {
                        id: staff(n).to_string(),
                    },
                ),
                &mut l,
            );
        }
        l
    }

    fn case_id(n: u128) -> CaseId {
        CaseId(Uuid::from_u128(1000 + n))
    }

    /// Tries `command` on case `n` by each actor in `order` until the rules accept one.
    fn try_actors(&mut self, n: u128, order: &[Who], command: Command) {
        for who in order {
            if self.try_command(n, *who, command.clone()) {
                return;
            }
        }
    }

    /// Decides `command` for `actor` on case `n`; records it if the rules accept it.
    fn try_command(&mut self, n: u128, who: Who, command: Command) -> bool {
        let id = Self::case_id(n);
        let (actor, key) = match who {
            Who::Web => (Actor::Service(WEB_INTAKE.into()), self.web.clone()),
            Who::Client => (Actor::Client, client_key(n)),
            Who::Ledger => (Actor::Ledger, self.ledger_key.clone()),
            Who::Staff(s) => (Actor::Staff(staff(s)), staff_key(s)),
        };
        let model = &self.incremental;
        let fresh = Case::new(id);
        let case = model.case(&id).unwrap_or(&fresh);
        let ctx = Context {
            actor: &actor,
            org: model.org(),
            reference: model.reference(),
            now: self.now,
        };
        match decide(case, &ctx, &command) {
            Ok(payloads) => {
                for p in payloads {
                    self.append(&key, id.stream(), p);
                }
                true
            }
            Err(_) => false,
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Who {
    Web,
    Client,
    Ledger,
    Staff(u128),
}

/// Every actor, in a random order.
fn actors() -> impl Strategy<Value = Vec<Who>> {
    let all = vec![
        Who::Web,
        Who::Client,
        Who::Ledger,
        Who::Staff(INTAKE),
        Who::Staff(REVIEWER),
        Who::Staff(REVIEWER2),
        Who::Staff(CHAIR),
        Who::Staff(CHAIR2),
        Who::Staff(AUDITOR),
    ];
    Just(all).prop_shuffle()
}

fn command(case: u128) -> impl Strategy<Value = Command> {
    let staff_id = prop::sample::select(vec![INTAKE, REVIEWER, REVIEWER2, CHAIR, CHAIR2, AUDITOR])
        .prop_map(staff);
    let action = (1u32..4).prop_map(ActionId);
    let outcome = prop::sample::select(Outcome::ALL.to_vec());
    // Weighted toward progress: terminal commands (withdraw, erase) and recusals are rare,
    // so that histories reach decisions, corrective actions, appeals and closure.
    prop_oneof![
        1 => Just(()).prop_map(move |_| {
            let mut f = filing(&[]);
            f.complainant_key = client_key(case).public();
            f.receipt_lookup = recourse_events::Hash::digest(&case.to_le_bytes());
            Command::File(Box::new(f))
        }),
        6 => Just(Command::Acknowledge { note: None }),
        3 => any::<bool>().prop_map(|sensitive| Command::Triage(Triaged { category: "fees".into(), rights: vec!["privacy".into()], framework_items: vec![], urgency: Urgency::Routine, sensitive, escalated: false, named_staff: vec![] })),
        8 => staff_id.clone().prop_map(|reviewer| Command::AssignReviewer { reviewer }),
        1 => staff_id.clone().prop_map(|s: StaffId| Command::Recuse(Recused { staff: s, conflict: ConflictKind::Other, reason: sealed("r") })),
        3 => Just(Command::View { purpose: Purpose::Handling }),
        1 => Just(Command::View { purpose: Purpose::Audit }),
        8 => any::<bool>().prop_map(|substantiated| Command::RecordFinding(FindingRecorded { rights: vec!["respect".into()], framework_items: vec![], substantiated, summary: sealed("f") })),
        8 => outcome.prop_map(|o| Command::Decide(DecisionIssued { outcome: o, remedy: None, reasons: sealed("r") })),
        6 => staff_id.clone().prop_map(|owner| Command::OpenAction { owner, due: jiff::civil::date(2030, 1, 1), framework_item: None, description: sealed("d") }),
        6 => action.clone().prop_map(|a| Command::CompleteAction(ActionNote { action: a, note: sealed("c") })),
        6 => action.clone().prop_map(|a| Command::VerifyAction(ActionNote { action: a, note: sealed("v") })),
        2 => action.prop_map(|a| Command::WaiveAction(ActionNote { action: a, note: sealed("w") })),
        2 => Just(Command::Comment(ClientText { text: sealed("c") })),
        3 => Just(Command::Appeal(AppealFiled { grounds: sealed("g") })),
        6 => staff_id.prop_map(|reviewer| Command::AssignAppealReviewer { reviewer }),
        6 => Just(Command::DecideAppeal(AppealDecided { outcome: AppealOutcome::Varied, reasons: sealed("r") })),
        2 => Just(Command::PauseClock(ClockPaused { reason: sealed("p") })),
        3 => Just(Command::ResumeClock),
        2 => (1u8..6).prop_map(|rating| Command::RecordSatisfaction(SatisfactionRecorded { explained: true, fair: rating > 2, rating })),
        6 => Just(Command::Close),
        1 => Just(Command::Reopen(Reopened { reason: sealed("r") })),
        1 => Just(Command::Withdraw),
        1 => Just(Command::RequestErasure),
        1 => prop::sample::select(vec![ErasureReason::ClientRequest, ErasureReason::Retention])
            .prop_map(|reason| Command::Erase(PersonalDataErased { reason, data_key: "dk-test".into() })),
    ]
}

fn step() -> impl Strategy<Value = (u128, Vec<Who>, Command)> {
    (0..CASES).prop_flat_map(|case| (Just(case), actors(), command(case)))
}

fn rebuild(entries: &[Vec<u8>]) -> ReadModel {
    let mut m = ReadModel::new(Arc::new(Reference::shipped()));
    let refs: Vec<(u64, &[u8])> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (i as u64, e.as_slice()))
        .collect();
    for chunk in refs.chunks(17) {
        m.apply_entries(chunk).unwrap();
    }
    m
}

fn assert_same(a: &ReadModel, b: &ReadModel) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.position(), b.position());
    prop_assert_eq!(a.case_count(), b.case_count());
    prop_assert_eq!(&a.org().staff, &b.org().staff);
    prop_assert_eq!(&a.org().settings, &b.org().settings);
    // The board's figures agree too.
    let query = Query {
        granularity: Granularity::Month,
        from: jiff::civil::date(2026, 1, 1),
        to: jiff::civil::date(2026, 12, 31),
    };
    let now: Timestamp = "2026-12-31T12:00:00Z".parse().unwrap();
    let (ra, rb) = (
        serde_json::to_value(a.dashboard(&query, now)).unwrap(),
        serde_json::to_value(b.dashboard(&query, now)).unwrap(),
    );
    prop_assert_eq!(ra, rb);
    for case in a.cases() {
        prop_assert_eq!(Some(case), b.case(&case.id));
        if let Some(f) = &case.filing {
            prop_assert_eq!(b.case_by_receipt(&f.receipt_lookup), Some(case.id));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn incremental_folding_equals_a_rebuild_from_position_zero(steps in prop::collection::vec(step(), 1..400), cut in any::<prop::sample::Index>()) {
        let mut l = Ledger::new();
        // Every case is filed first so that the random steps have something to act on.
        for n in 0..CASES {
            let mut f = filing(&[]);
            f.complainant_key = client_key(n).public();
            f.receipt_lookup = recourse_events::Hash::digest(&n.to_le_bytes());
            l.try_command(n, Who::Web, Command::File(Box::new(f)));
        }
        let mut snapshots = Vec::new();
        let snapshot_at = cut.index(steps.len());
        for (i, (case, order, command)) in steps.into_iter().enumerate() {
            l.try_actors(case, &order, command);
            if i == snapshot_at {
                snapshots.push((l.entries.len(), l.incremental.clone()));
            }
        }
        assert_same(&l.incremental, &rebuild(&l.entries))?;
        for (len, model) in snapshots {
            assert_same(&model, &rebuild(&l.entries[..len]))?;
        }
        // The generated histories are valid ledgers.
        let mut v = recourse_events::verify::LedgerVerifier::new(l.ledger_key.public());
        v.verify(&l.entries, |_, _, _| {}).unwrap();
        let _ = Event::from_entry(&l.entries[0]).unwrap();
    }
}

/// A ledger recorded before the framework followed its source item for item holds the old item
/// ids (the rules of the time accepted them; events are never rewritten). Folded, they count
/// under the items that replaced them: in the case's state, and on the board, whether the model
/// follows the ledger or is rebuilt from it.
#[test]
fn old_framework_item_ids_count_under_their_new_ids() {
    let mut l = Ledger::new();
    let mut f = filing(&[]);
    f.complainant_key = client_key(0).public();
    assert!(l.try_command(0, Who::Web, Command::File(Box::new(f))));
    assert!(l.try_command(0, Who::Staff(INTAKE), Command::Acknowledge { note: None }));
    let id = Ledger::case_id(0);
    // Appended as recorded then, without today's rules.
    l.append(
        &staff_key(INTAKE),
        id.stream(),
        Payload::Triaged(Triaged {
            category: "privacy".into(),
            rights: vec!["privacy".into()],
            framework_items: vec![
                "ethics.confidentiality".into(),
                "ethics.informed-consent".into(),
            ],
            urgency: Urgency::Routine,
            sensitive: false,
            escalated: false,
            named_staff: vec![],
        }),
    );
    assert!(l.try_command(
        0,
        Who::Staff(INTAKE),
        Command::AssignReviewer {
            reviewer: staff(REVIEWER)
        }
    ));
    l.append(
        &staff_key(REVIEWER),
        id.stream(),
        Payload::FindingRecorded(FindingRecorded {
            rights: vec![],
            framework_items: vec!["scope.referrals".into()],
            substantiated: true,
            summary: sealed("f"),
        }),
    );
    l.append(
        &staff_key(REVIEWER),
        id.stream(),
        Payload::ActionOpened(ActionOpened {
            action: ActionId(1),
            owner: staff(INTAKE),
            due: jiff::civil::date(2030, 1, 1),
            framework_item: Some("knowledge.up-to-date".into()),
            description: sealed("d"),
        }),
    );

    let rebuilt = rebuild(&l.entries);
    for model in [&l.incremental, &rebuilt] {
        let case = model.case(&id).unwrap();
        assert_eq!(
            case.triage.as_ref().unwrap().framework_items,
            ["ethics.conflict-confidentiality-conduct"],
            "two old ids merged into one item count once"
        );
        assert_eq!(case.findings[0].framework_items, ["scope.legal-advice"]);
        assert_eq!(
            case.actions[&ActionId(1)].framework_item.as_deref(),
            Some("knowledge.keeping-updated")
        );
        let query = Query {
            granularity: Granularity::Year,
            from: jiff::civil::date(2026, 1, 1),
            to: jiff::civil::date(2026, 12, 31),
        };
        let report = model.dashboard(&query, "2026-12-31T12:00:00Z".parse().unwrap());
        let areas: Vec<(&str, u32)> = report.breakdowns
            [&recourse_projections::dashboard::Dimension::FrameworkArea]
            .iter()
            .map(|(area, m)| (area.as_str(), m.received))
            .collect();
        // Without the renamed table the old ids would count under "unknown".
        assert_eq!(areas, [("ethics", 1), ("scope", 1)]);
    }
}
