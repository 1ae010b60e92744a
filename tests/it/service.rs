//! The service end to end on a real data folder: a web complaint filed, followed by the client
//! with their receipt code, handled by the committee through closure, opened (and the opening
//! recorded), then erased: `recourse verify` still passes and the sealed fields cannot be opened.

use std::sync::Arc;

use jiff::Timestamp;
use recourse::data_dir::DataDir;
use recourse::service::{Acting, ComplaintForm, Service, ServiceError};
use recourse_events::case::*;
use recourse_events::org::Role;
use recourse_projections::actor::Actor;
use recourse_projections::case::{Command, Status};
use recourse_projections::framework::Reference;
use recourse_projections::rule::RuleError;

use crate::helpers::{DataFolder, assert_verifies};

pub struct Org {
    pub service: Service,
    pub intake: Acting,
    pub reviewer: Acting,
    pub chair: Acting,
    pub auditor: Acting,
    pub board: Acting,
}

pub async fn organization(d: &DataFolder) -> Org {
    let service = Service::setup(
        &DataDir::new(&d.path),
        "test.recourse.example/ledger",
        Arc::new(Reference::shipped()),
    )
    .await
    .unwrap();
    let root = service.ledger_acting();
    let (_, admin) = service
        .enroll_staff(&root, "Ada Admin", "ada", &[Role::Admin])
        .await
        .unwrap();
    let mut people = Vec::new();
    for (name, role) in [
        ("Ina Intake", Role::Intake),
        ("Rui Reviewer", Role::Reviewer),
        ("Cleo Chair", Role::Chair),
        ("Aud Itor", Role::Auditor),
        ("Bo Ard", Role::Board),
    ] {
        people.push(
            service
                .enroll_staff(
                    &admin,
                    name,
                    &name.to_lowercase().replace(' ', "."),
                    &[role],
                )
                .await
                .unwrap()
                .1,
        );
    }
    let mut p = people.into_iter();
    Org {
        service,
        intake: p.next().unwrap(),
        reviewer: p.next().unwrap(),
        chair: p.next().unwrap(),
        auditor: p.next().unwrap(),
        board: p.next().unwrap(),
    }
}

pub fn form() -> ComplaintForm {
    ComplaintForm {
        language: "ar".into(),
        anonymous: false,
        name: Some("Layla Haddad".into()),
        email: Some("layla@example.org".into()),
        program: "settlement".into(),
        site: "main".into(),
        rights: vec!["respect".into(), "information".into()],
        what_happened: "I was refused an interpreter at my appointment and told to come back with a family member.".into(),
        outcome_wanted: Some("An interpreter next time and an apology.".into()),
        contact_preference: Some(ContactPreference::Email),
        accommodations: vec![Accommodation::Interpreter],
        interpreter_language: Some("ar".into()),
        consent_handle: true,
        consent_contact: true,
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_complaint_from_filing_to_closure_then_erasure() {
    let d = DataFolder::empty();
    let o = organization(&d).await;
    let s = &o.service;
    let now = Timestamp::now;

    // Filed through the web form: the ledger holds none of it in clear.
    let filed = s.file(&s.web_intake(), form(), now()).await.unwrap();
    let raw = String::from_utf8(
        s.store().read_stream(&filed.case.stream()).await.unwrap()[0]
            .entry
            .clone(),
    )
    .unwrap();
    for secret in [
        "Layla",
        "layla@example.org",
        "interpreter at my appointment",
        "apology",
    ] {
        assert!(
            !raw.contains(secret),
            "{secret} appears in clear in the ledger"
        );
    }

    // The client follows with the receipt code (as typed, lowercase with spaces).
    let typed = recourse::receipt::ReceiptCode::parse(
        &filed.receipt.grouped().to_lowercase().replace('-', " "),
    )
    .unwrap();
    let (case, client) = s.client(&typed).unwrap();
    assert_eq!(case, filed.case);
    let text = ClientText {
        text: s
            .seal_for(case, "text", "My appointment was on 3 March.")
            .unwrap(),
    };
    s.act(&client, case, Command::AddInformation(text), now())
        .await
        .unwrap();

    // The committee handles it.
    s.act(&o.intake, case, Command::Acknowledge { note: None }, now())
        .await
        .unwrap();
    let triage = Triaged {
        category: "service_quality".into(),
        rights: vec!["respect".into()],
        framework_items: vec![],
        urgency: Urgency::Priority,
        sensitive: false,
        escalated: false,
        named_staff: vec![],
    };
    s.act(&o.intake, case, Command::Triage(triage), now())
        .await
        .unwrap();
    let reviewer = o.reviewer.actor.staff().unwrap();
    s.act(&o.chair, case, Command::AssignReviewer { reviewer }, now())
        .await
        .unwrap();
    let file = s
        .open_file(&o.reviewer, case, Purpose::Handling, now())
        .await
        .unwrap();
    assert_eq!(
        file.text(filed.position, "narrative").unwrap(),
        form().what_happened
    );
    assert!(
        file.text(filed.position, "contact")
            .unwrap()
            .contains("layla@example.org")
    );
    let summary = s
        .seal_for(case, "summary", "No interpreter was booked.")
        .unwrap();
    s.act(
        &o.reviewer,
        case,
        Command::RecordFinding(FindingRecorded {
            rights: vec!["respect".into()],
            framework_items: vec![],
            substantiated: true,
            summary,
        }),
        now(),
    )
    .await
    .unwrap();
    let reasons = s
        .seal_for(case, "reasons", "The interpreter policy was not followed.")
        .unwrap();
    s.act(
        &o.reviewer,
        case,
        Command::Decide(DecisionIssued {
            outcome: Outcome::Upheld,
            remedy: None,
            reasons,
        }),
        now(),
    )
    .await
    .unwrap();
    let due = jiff::civil::date(2030, 1, 31);
    let description = s
        .seal_for(case, "description", "Book interpreters at intake.")
        .unwrap();
    let intake_id = o.intake.actor.staff().unwrap();
    s.act(
        &o.reviewer,
        case,
        Command::OpenAction {
            owner: intake_id,
            due,
            framework_item: None,
            description,
        },
        now(),
    )
    .await
    .unwrap();
    let note = |t: &str| ActionNote {
        action: recourse_events::ids::ActionId(1),
        note: s.seal_for(case, "note", t).unwrap(),
    };
    s.act(
        &o.intake,
        case,
        Command::CompleteAction(note("Done")),
        now(),
    )
    .await
    .unwrap();
    assert!(matches!(
        s.act(&o.chair, case, Command::Close, now()).await,
        Err(ServiceError::Rule(RuleError::ActionsOutstanding(1)))
    ));
    s.act(
        &o.chair,
        case,
        Command::VerifyAction(note("Checked the bookings")),
        now(),
    )
    .await
    .unwrap();
    s.act(&o.chair, case, Command::Close, now()).await.unwrap();
    s.act(
        &client,
        case,
        Command::RecordSatisfaction(SatisfactionRecorded {
            explained: true,
            fair: true,
            rating: 4,
        }),
        now(),
    )
    .await
    .unwrap();

    // The client's own file shows the decision reasons but not committee-internal text.
    let mine = s.client_file(&filed.receipt).await.unwrap();
    assert!(
        mine.fields
            .iter()
            .any(|f| f.text.as_deref() == Ok("The interpreter policy was not followed."))
    );
    assert!(
        !mine
            .fields
            .iter()
            .any(|f| f.text.as_deref() == Ok("No interpreter was booked."))
    );

    // The board may not open it; the access log names who did and why.
    let board_view = s.open_file(&o.board, case, Purpose::Audit, now()).await;
    assert!(
        matches!(&board_view, Err(ServiceError::Rule(e)) if e.is_forbidden()),
        "{:?}",
        board_view.map(|f| f.case)
    );
    s.open_file(&o.auditor, case, Purpose::Audit, now())
        .await
        .unwrap();
    let log = s.access_log(case);
    assert_eq!(log.len(), 2);
    assert_eq!(
        (log[0].by, log[0].purpose, log[0].outsider),
        (reviewer, Purpose::Handling, false)
    );
    assert_eq!(
        (log[1].by, log[1].purpose, log[1].outsider),
        (o.auditor.actor.staff().unwrap(), Purpose::Audit, true)
    );
    assert_eq!(s.read(|m| m.case(&case).unwrap().status()), Status::Closed);
    let names = s.staff_names();
    assert_eq!(names[&reviewer], "Rui Reviewer");

    // Erasure at the client's request: the ledger still verifies, nothing can be opened.
    s.request_erasure(&filed.receipt, now()).await.unwrap();
    assert_eq!(s.read(|m| m.case(&case).unwrap().status()), Status::Erased);
    assert!(
        s.open_file(&o.auditor, case, Purpose::Audit, now())
            .await
            .is_err()
    );
    let timeline = s.timeline(case).await.unwrap();
    let mut sealed_count = 0;
    for entry in &timeline {
        assert!(
            entry.verification.ok(),
            "{} at {} does not verify",
            entry.kind,
            entry.position
        );
        for (field, sealed) in recourse::service::sealed_fields_of(entry.payload.as_ref().unwrap())
        {
            sealed_count += 1;
            assert!(
                s.vault().open_sealed(&sealed, &field).is_err(),
                "{field} still opens after erasure"
            );
        }
    }
    assert!(
        sealed_count >= 8,
        "only {sealed_count} sealed fields checked"
    );
    drop(o);
    assert_verifies(&d);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retention_erases_settled_cases_once_their_period_ends_and_is_idempotent() {
    let d = DataFolder::empty();
    let o = organization(&d).await;
    let s = &o.service;
    let t0: Timestamp = "2026-02-02T15:00:00Z".parse().unwrap();
    let filed = s.file(&s.web_intake(), form(), t0).await.unwrap();
    let open = s.file(&s.web_intake(), form(), t0).await.unwrap();
    let (case, client) = s.client(&filed.receipt).unwrap();
    s.act(&client, case, Command::Withdraw, t0).await.unwrap();
    let retention = s.read(|m| m.org().settings.retention_days) as i64;
    let just_before = t0 + jiff::SignedDuration::from_hours(24 * retention - 1);
    assert!(s.retention(just_before).await.unwrap().is_empty());
    let after = t0 + jiff::SignedDuration::from_hours(24 * retention + 1);
    assert_eq!(
        s.retention(after).await.unwrap(),
        vec![(case, ErasureReason::Retention)]
    );
    assert!(
        s.retention(after).await.unwrap().is_empty(),
        "a second run erases nothing more"
    );
    assert_eq!(
        s.read(|m| m.case(&open.case).unwrap().status()),
        Status::Filed,
        "open cases are kept"
    );
    let _ = Actor::Ledger;
    drop(o);
    assert_verifies(&d);
}
