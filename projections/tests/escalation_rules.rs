//! Rule tests for escalation (a complaint about the director or the chair) and for the staff
//! intake names at triage, in given/when/then form.
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod support;

use recourse_events::case::*;
use recourse_projections::actor::{Actor, WEB_INTAKE};
use recourse_projections::case::{Case, Command, Status};
use recourse_projections::rule::RuleError;
use support::*;

/// Given a web complaint the client says is about the director or the chair.
fn about_leadership() -> World {
    let mut w = World::filed(&[]);
    w.case = Case::new(w.case.id);
    let mut f = filing(&[]);
    f.about_leadership = true;
    w.run(
        Actor::Service(WEB_INTAKE.into()),
        Command::File(Box::new(f)),
    );
    w
}

fn triage(escalated: bool, named: &[u128]) -> Command {
    Command::Triage(Triaged {
        category: "staff_conduct".into(),
        rights: vec![],
        framework_items: vec![],
        urgency: Urgency::Priority,
        sensitive: false,
        escalated,
        named_staff: named.iter().map(|n| staff(*n)).collect(),
    })
}

fn view() -> Command {
    Command::View {
        purpose: Purpose::Handling,
    }
}

fn assign(n: u128) -> Command {
    Command::AssignReviewer { reviewer: staff(n) }
}

fn conflicted(r: Result<Vec<recourse_events::vocabulary::Payload>, RuleError>) -> bool {
    matches!(r, Err(RuleError::Conflicted(_)))
}

#[test]
fn a_chair_cannot_open_assign_or_decide_an_escalated_case() {
    // Given a complaint about the leadership, acknowledged by intake.
    let mut w = about_leadership();
    assert!(w.case.escalated());
    w.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    // Then neither chair opens its file, triages it or assigns it: they are excluded as named
    // staff are.
    for chair in [CHAIR, CHAIR2] {
        assert!(conflicted(w.when(as_staff(chair), view())));
        assert!(conflicted(w.when(as_staff(chair), triage(false, &[]))));
        assert!(conflicted(w.when(as_staff(chair), assign(REVIEWER))));
    }
    // And no chair can be assigned to it.
    assert!(conflicted(w.when(as_staff(INTAKE), assign(CHAIR))));
    // When a board member assigns a reviewer and the reviewer records a finding.
    w.run(as_staff(BOARD), assign(REVIEWER));
    w.run(as_staff(REVIEWER), Command::RecordFinding(finding()));
    // Then a chair still cannot decide it, nor can they close it later.
    assert!(conflicted(w.when(
        as_staff(CHAIR),
        Command::Decide(decision(Outcome::Upheld))
    )));
    w.org.settings.chair_decides = true;
    // With the chair deciding every complaint, the chair's part is the board's here.
    assert!(conflicted(w.when(
        as_staff(CHAIR),
        Command::Decide(decision(Outcome::Upheld))
    )));
    w.run(as_staff(BOARD), Command::Decide(decision(Outcome::Upheld)));
    assert!(conflicted(w.when(as_staff(CHAIR), Command::Close)));
    w.run(as_staff(BOARD), Command::Close);
    assert_eq!(w.case.status(), Status::Closed);
}

#[test]
fn the_board_handles_an_escalated_case_and_opens_its_file_but_no_other() {
    // Given the default route (the board) and a complaint about the leadership.
    let w = about_leadership();
    // Then a board member opens its file for handling, and assigns it.
    assert!(w.when(as_staff(BOARD), view()).is_ok());
    let mut w = w;
    w.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    assert!(w.when(as_staff(BOARD), assign(REVIEWER)).is_ok());
    // But on an ordinary complaint the board never opens the file nor assigns.
    let mut plain = World::filed(&[]);
    plain.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    assert!(forbidden(plain.when(as_staff(BOARD), view())));
    assert!(forbidden(plain.when(as_staff(BOARD), assign(REVIEWER))));
}

#[test]
fn an_external_reviewer_named_in_the_settings_handles_it_instead_of_the_board() {
    // Given settings that route escalated cases to one external reviewer.
    let mut w = about_leadership();
    w.org.settings.external_reviewer = Some(staff(REVIEWER3));
    w.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    // Then the board no longer has the chair's part.
    assert!(forbidden(w.when(as_staff(BOARD), assign(REVIEWER))));
    assert!(forbidden(w.when(as_staff(BOARD), view())));
    // The external reviewer assigns themselves, records a finding, decides and closes.
    w.run(as_staff(REVIEWER3), assign(REVIEWER3));
    w.run(as_staff(REVIEWER3), Command::RecordFinding(finding()));
    w.run(
        as_staff(REVIEWER3),
        Command::Decide(decision(Outcome::PartlyUpheld)),
    );
    assert!(conflicted(w.when(as_staff(CHAIR), Command::Close)));
    w.run(as_staff(REVIEWER3), Command::Close);
    assert_eq!(w.case.status(), Status::Closed);
}

#[test]
fn the_director_named_in_the_settings_is_excluded_from_escalated_cases_only() {
    // Given the director is a reviewer with a staff account.
    let mut w = about_leadership();
    w.org.settings.director = Some(staff(REVIEWER2));
    w.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    // Then they cannot open or be assigned to the complaint about the leadership.
    assert!(conflicted(w.when(as_staff(REVIEWER2), view())));
    assert!(conflicted(w.when(as_staff(BOARD), assign(REVIEWER2))));
    // But an ordinary complaint is theirs to handle as a reviewer's.
    let mut plain = World::filed(&[]);
    plain.org.settings.director = Some(staff(REVIEWER2));
    plain.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    assert!(plain.when(as_staff(CHAIR), assign(REVIEWER2)).is_ok());
}

#[test]
fn intake_escalates_at_triage_and_the_case_stays_escalated() {
    // Given an ordinary complaint, acknowledged: a chair may assign it.
    let mut w = World::filed(&[]);
    w.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    assert!(!w.case.escalated());
    assert!(w.when(as_staff(CHAIR), assign(REVIEWER)).is_ok());
    // When intake finds at triage that it is about the chair.
    w.run(as_staff(INTAKE), triage(true, &[]));
    // Then it is escalated: chairs are out, the board is in.
    assert!(w.case.escalated());
    assert!(conflicted(w.when(as_staff(CHAIR), assign(REVIEWER))));
    assert!(w.when(as_staff(BOARD), assign(REVIEWER)).is_ok());
    // And a later triage without the mark does not undo it.
    w.run(as_staff(INTAKE), triage(false, &[]));
    assert!(w.case.escalated());
}

#[test]
fn staff_named_at_triage_can_never_handle_the_case() {
    // Given a complaint describing a staff member in free text, acknowledged.
    let mut w = World::filed(&[]);
    w.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    assert!(w.when(as_staff(REVIEWER), view()).is_ok());
    // When intake names that reviewer at triage.
    w.run(as_staff(INTAKE), triage(false, &[REVIEWER]));
    // Then the reviewer cannot open the file or be assigned, as if the filing named them.
    assert!(conflicted(w.when(as_staff(REVIEWER), view())));
    assert!(conflicted(w.when(as_staff(CHAIR), assign(REVIEWER))));
    // And a later triage naming someone else adds to, never removes, the exclusion.
    w.run(as_staff(INTAKE), triage(false, &[REVIEWER2]));
    assert!(w.case.conflicted(staff(REVIEWER)));
    assert!(w.case.conflicted(staff(REVIEWER2)));
    assert!(w.when(as_staff(CHAIR), assign(REVIEWER3)).is_ok());
}
