//! The work queue: given cases at various stages, when the queue is read at a moment, then it
//! lists the open ones, most pressing first, with their owners and overdue flags.
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod support;

use recourse_events::case::*;
use recourse_events::org::Settings;
use recourse_projections::actor::Actor;
use recourse_projections::case::Command;
use recourse_projections::clock::Clocks;
use recourse_projections::queue::{QueueFilter, queue};
use support::*;

fn clocks() -> Clocks {
    Clocks::from_settings(&Settings::default()).unwrap()
}

#[test]
fn overdue_cases_come_first_and_settled_ones_are_left_out() {
    // Filed Monday 2026-03-02 10:00 Toronto.
    let late = World::filed(&[]);
    let mut fresh = World::filed(&[]);
    fresh.case.id = recourse_events::ids::CaseId(uuid::Uuid::from_u128(43));
    fresh.case.filed_at = Some("2026-03-05T15:00:00Z".parse().unwrap());
    let mut closed = World::filed(&[]);
    closed.case.id = recourse_events::ids::CaseId(uuid::Uuid::from_u128(44));
    closed.decided().run(as_staff(CHAIR), Command::Close);
    let mut withdrawn = World::filed(&[]);
    withdrawn.case.id = recourse_events::ids::CaseId(uuid::Uuid::from_u128(45));
    withdrawn.run(Actor::Client, Command::Withdraw);

    // Thursday 2026-03-05 at noon: the first case was due on Wednesday (2 business days).
    let now = "2026-03-05T17:00:00Z".parse().unwrap();
    let cases = [&late.case, &fresh.case, &closed.case, &withdrawn.case];
    let rows = queue(cases, &clocks(), &QueueFilter::default(), now);
    assert_eq!(
        rows.len(),
        2,
        "closed and withdrawn cases are not in the queue"
    );
    assert_eq!(rows[0].case, late.case.id);
    assert!(rows[0].clocks.acknowledge_overdue);
    assert_eq!(
        rows[0].clocks.acknowledge_due,
        Some(jiff::civil::date(2026, 3, 4))
    );
    assert!(!rows[1].overdue());
    assert_eq!(rows[1].owner, None, "no reviewer yet: intake holds it");

    let only_overdue = queue(
        cases,
        &clocks(),
        &QueueFilter {
            overdue: true,
            ..Default::default()
        },
        now,
    );
    assert_eq!(
        only_overdue.iter().map(|r| r.case).collect::<Vec<_>>(),
        vec![late.case.id]
    );
}

#[test]
fn the_owner_is_the_reviewer_or_during_an_appeal_the_appeal_reviewer() {
    let mut w = World::filed(&[]);
    w.under_review();
    let now = w.now;
    let rows = queue(
        [&w.case],
        &clocks(),
        &QueueFilter {
            owner: Some(staff(REVIEWER)),
            ..Default::default()
        },
        now,
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].status, "under review");
    w.run(as_staff(REVIEWER), Command::RecordFinding(finding()))
        .run(
            as_staff(REVIEWER),
            Command::Decide(decision(Outcome::NotUpheld)),
        )
        .run(
            Actor::Client,
            Command::Appeal(AppealFiled {
                grounds: sealed("g"),
            }),
        )
        .run(
            as_staff(CHAIR),
            Command::AssignAppealReviewer {
                reviewer: staff(REVIEWER2),
            },
        );
    let rows = queue([&w.case], &clocks(), &QueueFilter::default(), w.now);
    assert_eq!(
        (rows[0].status, rows[0].owner),
        ("under appeal", Some(staff(REVIEWER2)))
    );
    let mine = queue(
        [&w.case],
        &clocks(),
        &QueueFilter {
            owner: Some(staff(REVIEWER)),
            ..Default::default()
        },
        w.now,
    );
    assert!(mine.is_empty());
}
