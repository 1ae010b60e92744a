//! Rule tests of organization administration.
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod support;

use recourse_events::ids::StaffId;
use recourse_events::org::{KeyHolder, Role, Settings};
use recourse_events::vocabulary::Payload;
use recourse_events::{EventType, SecretKey, StreamId};
use recourse_projections::actor::Actor;
use recourse_projections::org::OrgCommand;
use recourse_projections::rule::RuleError;
use support::*;

#[test]
fn only_administrators_change_the_organization() {
    let org = org();
    let cmd = OrgCommand::Grant {
        staff: staff(REVIEWER),
        role: Role::Chair,
    };
    for who in [INTAKE, CHAIR, BOARD, AUDITOR] {
        assert!(
            matches!(
                org.decide(&as_staff(who), &cmd),
                Err(RuleError::Forbidden(_))
            ),
            "{who}"
        );
    }
    assert!(matches!(
        org.decide(&Actor::Client, &cmd),
        Err(RuleError::Forbidden(_))
    ));
    let events = org.decide(&as_staff(ADMIN), &cmd).unwrap();
    let Payload::RoleGranted(g) = &events[0] else {
        panic!()
    };
    assert_eq!(
        g.requested_by,
        Some(staff(ADMIN)),
        "the org stream says who asked"
    );
}

#[test]
fn the_last_administrator_cannot_be_removed() {
    let org = org();
    assert_eq!(
        org.decide(
            &as_staff(ADMIN),
            &OrgCommand::Revoke {
                staff: staff(ADMIN),
                role: Role::Admin
            }
        ),
        Err(RuleError::LastAdministrator)
    );
    assert_eq!(
        org.decide(
            &as_staff(ADMIN),
            &OrgCommand::Depart {
                staff: staff(ADMIN)
            }
        ),
        Err(RuleError::LastAdministrator)
    );
}

#[test]
fn keys_are_registered_once_for_enrolled_staff() {
    let mut org = org();
    let key = SecretKey::from_seed(&[5; 32]).public();
    let unknown = OrgCommand::RegisterKey {
        key,
        holder: KeyHolder::Staff {
            id: StaffId(uuid::Uuid::from_u128(999)).to_string(),
        },
    };
    assert!(matches!(
        org.decide(&as_staff(ADMIN), &unknown),
        Err(RuleError::UnknownStaff(_))
    ));
    let ok = OrgCommand::RegisterKey {
        key,
        holder: KeyHolder::Staff {
            id: staff(REVIEWER).to_string(),
        },
    };
    let events = org.decide(&as_staff(ADMIN), &ok).unwrap();
    let env = recourse_events::Envelope {
        id: uuid::Uuid::now_v7(),
        stream: StreamId::org(),
        seq: org.seq,
        kind: EventType::from_static("key.registered"),
        at: jiff::Timestamp::now(),
        actor: key.key_id(),
        prev: None,
        data: Default::default(),
    };
    org.apply(&env, &events[0]);
    assert_eq!(org.actor_of(&key.key_id()), as_staff(REVIEWER));
    assert!(
        org.decide(&as_staff(ADMIN), &ok).is_err(),
        "a key is registered once"
    );
}

#[test]
fn settings_are_validated_before_they_are_recorded() {
    let org = org();
    let bad = [
        Settings {
            acknowledge_business_days: 0,
            ..Settings::default()
        },
        Settings {
            holiday_jurisdiction: "atlantis".into(),
            ..Settings::default()
        },
        Settings {
            languages: vec!["English".into()],
            ..Settings::default()
        },
        Settings {
            programs: vec![],
            ..Settings::default()
        },
        Settings {
            time_zone: "Mars/Olympus_Mons".into(),
            ..Settings::default()
        },
        Settings {
            review_cadence: Some(recourse_events::review::Cadence {
                every: recourse_events::review::PeriodKind::Year,
                fiscal_start: 7,
            }),
            ..Settings::default()
        },
    ];
    for s in bad {
        assert!(matches!(
            org.decide(&as_staff(ADMIN), &OrgCommand::ChangeSettings(Box::new(s))),
            Err(RuleError::Invalid { .. })
        ));
    }
    assert!(
        org.decide(
            &as_staff(ADMIN),
            &OrgCommand::ChangeSettings(Box::default())
        )
        .is_ok()
    );
    let april_halves = Settings {
        review_cadence: Some(recourse_events::review::Cadence {
            every: recourse_events::review::PeriodKind::HalfYear,
            fiscal_start: 4,
        }),
        ..Settings::default()
    };
    assert!(
        org.decide(
            &as_staff(ADMIN),
            &OrgCommand::ChangeSettings(Box::new(april_halves))
        )
        .is_ok()
    );
}

#[test]
fn a_departure_revokes_the_persons_keys_in_the_same_decision() {
    let mut org = org();
    let key = SecretKey::from_seed(&[6; 32]).public();
    let reg = OrgCommand::RegisterKey {
        key,
        holder: KeyHolder::Staff {
            id: staff(REVIEWER).to_string(),
        },
    };
    let events = org.decide(&as_staff(ADMIN), &reg).unwrap();
    let env = recourse_events::Envelope {
        id: uuid::Uuid::now_v7(),
        stream: StreamId::org(),
        seq: org.seq,
        kind: EventType::from_static("key.registered"),
        at: jiff::Timestamp::now(),
        actor: key.key_id(),
        prev: None,
        data: Default::default(),
    };
    org.apply(&env, &events[0]);
    let events = org
        .decide(
            &as_staff(ADMIN),
            &OrgCommand::Depart {
                staff: staff(REVIEWER),
            },
        )
        .unwrap();
    assert_eq!(events.len(), 2);
    assert!(matches!(&events[0], Payload::KeyRevoked(r) if r.key_id == key.key_id()));
    assert!(matches!(&events[1], Payload::StaffDeparted(d) if d.staff == staff(REVIEWER)));
}

#[test]
fn enrolment_brings_roles_and_key_at_once() {
    let org = org();
    let key = SecretKey::from_seed(&[8; 32]).public();
    let new = StaffId(uuid::Uuid::from_u128(77));
    let cmd = OrgCommand::Enroll {
        staff: new,
        name: sealed("n"),
        login: sealed("l"),
        roles: vec![Role::Reviewer, Role::Reviewer, Role::Auditor],
        key: Some(key),
    };
    let events = org.decide(&as_staff(ADMIN), &cmd).unwrap();
    let kinds: Vec<String> = events.iter().map(|e| e.kind().to_string()).collect();
    assert_eq!(
        kinds,
        [
            "staff.enrolled",
            "role.granted",
            "role.granted",
            "key.registered"
        ]
    );
}

fn change(org: &recourse_projections::org::Org, s: Settings) -> Result<Vec<Payload>, RuleError> {
    org.decide(&as_staff(ADMIN), &OrgCommand::ChangeSettings(Box::new(s)))
}

fn refused_field(r: Result<Vec<Payload>, RuleError>) -> &'static str {
    match r {
        Err(RuleError::Invalid { field, .. }) => field,
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn settings_that_would_route_escalated_complaints_to_nobody_are_refused() {
    let org = org();
    let base = org.settings.clone();
    // Given the board route: a director who is a reviewer is accepted (a board member remains).
    assert!(
        change(
            &org,
            Settings {
                director: Some(staff(REVIEWER2)),
                ..base.clone()
            }
        )
        .is_ok()
    );
    // An external reviewer who is a chair, the director, or nobody enrolled is refused.
    for (external, director) in [
        (staff(CHAIR), None),
        (staff(REVIEWER3), Some(staff(REVIEWER3))),
        (StaffId(uuid::Uuid::from_u128(999)), None),
    ] {
        let s = Settings {
            external_reviewer: Some(external),
            director,
            ..base.clone()
        };
        assert_eq!(refused_field(change(&org, s)), "external_reviewer");
    }
    // A director who is not enrolled is refused.
    let s = Settings {
        director: Some(StaffId(uuid::Uuid::from_u128(999))),
        ..base.clone()
    };
    assert_eq!(refused_field(change(&org, s)), "director");
    // When the only board member is the director, the board route reaches nobody: refused,
    // and an external reviewer makes it acceptable.
    let s = Settings {
        director: Some(staff(BOARD)),
        ..base.clone()
    };
    assert_eq!(refused_field(change(&org, s.clone())), "external_reviewer");
    let routed = Settings {
        external_reviewer: Some(staff(REVIEWER3)),
        ..s
    };
    assert!(change(&org, routed).is_ok());
    // And settings that leave the route alone are never refused for it.
    let unrelated = Settings {
        retention_days: 400,
        ..base
    };
    assert!(change(&org, unrelated).is_ok());
}
