//! A rule test for every rule of the case aggregate, in given/when/then form.
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod support;

use recourse_events::case::*;
use recourse_events::ids::ActionId;
use recourse_events::vocabulary::Payload;
use recourse_projections::actor::{Actor, WEB_INTAKE};
use recourse_projections::case::{Command, Status};
use recourse_projections::rule::RuleError;
use support::*;

fn open_action(w: &mut World, owner: u128) -> ActionId {
    let due = jiff::civil::date(2027, 1, 31);
    let events = w
        .when(
            as_staff(REVIEWER),
            Command::OpenAction {
                owner: staff(owner),
                due,
                framework_item: None,
                description: sealed("retrain"),
            },
        )
        .unwrap();
    let Payload::ActionOpened(a) = &events[0] else {
        panic!()
    };
    let id = a.action;
    w.run(
        as_staff(REVIEWER),
        Command::OpenAction {
            owner: staff(owner),
            due,
            framework_item: None,
            description: sealed("retrain"),
        },
    );
    id
}

fn note(id: ActionId) -> ActionNote {
    ActionNote {
        action: id,
        note: sealed("note"),
    }
}

// --- Roles decide who may do what -------------------------------------------------------------

#[test]
fn web_filings_come_from_the_web_intake_and_staff_filings_from_intake() {
    let w = World::filed(&[]);
    let mut phone = filing(&[]);
    phone.channel = Channel::Phone;
    let new = World {
        case: recourse_projections::case::Case::new(recourse_events::ids::CaseId(
            uuid::Uuid::from_u128(7),
        )),
        ..w
    };
    assert!(
        new.when(as_staff(INTAKE), Command::File(Box::new(phone.clone())))
            .is_ok()
    );
    assert!(forbidden(new.when(
        as_staff(REVIEWER),
        Command::File(Box::new(phone.clone()))
    )));
    assert!(forbidden(new.when(
        Actor::Service(WEB_INTAKE.into()),
        Command::File(Box::new(phone))
    )));
    assert!(forbidden(
        new.when(as_staff(INTAKE), Command::File(Box::new(filing(&[]))))
    ));
}

#[test]
fn only_intake_or_the_chair_acknowledge_triage_and_route() {
    let w = World::filed(&[]);
    for who in [
        as_staff(REVIEWER),
        as_staff(BOARD),
        as_staff(ADMIN),
        as_staff(AUDITOR),
        Actor::Client,
    ] {
        assert!(
            forbidden(w.when(who.clone(), Command::Acknowledge { note: None })),
            "{who:?}"
        );
    }
    assert!(
        w.when(as_staff(INTAKE), Command::Acknowledge { note: None })
            .is_ok()
    );
    assert!(
        w.when(as_staff(CHAIR), Command::Acknowledge { note: None })
            .is_ok()
    );
    let triage = Triaged {
        category: "service_quality".into(),
        rights: vec![],
        framework_items: vec![],
        urgency: Urgency::Routine,
        sensitive: false,
        escalated: false,
        named_staff: vec![],
    };
    assert!(forbidden(
        w.when(Actor::Client, Command::Triage(triage.clone()))
    ));
    assert!(w.when(as_staff(INTAKE), Command::Triage(triage)).is_ok());
}

#[test]
fn the_board_and_administrators_never_open_a_file() {
    let w = World::filed(&[]);
    for who in [BOARD, ADMIN] {
        assert!(forbidden(w.when(
            as_staff(who),
            Command::View {
                purpose: Purpose::Handling
            }
        )));
    }
    assert!(
        w.when(
            as_staff(AUDITOR),
            Command::View {
                purpose: Purpose::Audit
            }
        )
        .is_ok()
    );
    assert!(forbidden(w.when(
        as_staff(INTAKE),
        Command::View {
            purpose: Purpose::Audit
        }
    )));
}

#[test]
fn only_the_assigned_reviewer_or_the_chair_record_findings_and_decide() {
    let mut w = World::filed(&[]);
    w.under_review();
    assert!(forbidden(
        w.when(as_staff(REVIEWER2), Command::RecordFinding(finding()))
    ));
    assert!(forbidden(
        w.when(as_staff(INTAKE), Command::RecordFinding(finding()))
    ));
    assert!(
        w.when(as_staff(CHAIR), Command::RecordFinding(finding()))
            .is_ok()
    );
    w.run(as_staff(REVIEWER), Command::RecordFinding(finding()));
    assert!(forbidden(w.when(
        as_staff(INTAKE),
        Command::Decide(decision(Outcome::Upheld))
    )));
    assert!(forbidden(w.when(
        Actor::Client,
        Command::Decide(decision(Outcome::Upheld))
    )));
    assert!(
        w.when(
            as_staff(REVIEWER),
            Command::Decide(decision(Outcome::Upheld))
        )
        .is_ok()
    );
}

#[test]
fn where_the_organization_has_the_chair_decide_the_reviewer_records_findings_only() {
    // Given an organization whose settings leave every decision to the chair, and a case
    // under review with the reviewer's finding,
    let mut w = World::filed(&[]);
    w.org.settings.chair_decides = true;
    w.under_review();
    w.run(as_staff(REVIEWER), Command::RecordFinding(finding()));
    // when the assigned reviewer decides, it is refused, saying why;
    let refused = w.when(
        as_staff(REVIEWER),
        Command::Decide(decision(Outcome::Upheld)),
    );
    assert_eq!(
        refused,
        Err(RuleError::Forbidden(
            "the organization has the chair decide every complaint: the reviewer records findings"
        ))
    );
    // then the chair decides.
    assert!(
        w.when(as_staff(CHAIR), Command::Decide(decision(Outcome::Upheld)))
            .is_ok()
    );
}

#[test]
fn clients_speak_only_for_themselves() {
    let mut w = World::filed(&[]);
    w.under_review();
    let to_committee = MessagePosted {
        audience: Audience::Committee,
        body: sealed("x"),
    };
    assert!(forbidden(
        w.when(Actor::Client, Command::PostMessage(to_committee))
    ));
    let to_client = MessagePosted {
        audience: Audience::Client,
        body: sealed("x"),
    };
    assert!(
        w.when(Actor::Client, Command::PostMessage(to_client))
            .is_ok()
    );
    let text = ClientText {
        text: sealed("more"),
    };
    assert!(forbidden(
        w.when(as_staff(INTAKE), Command::Comment(text.clone()))
    ));
    assert!(forbidden(w.when(as_staff(CHAIR), Command::RequestErasure)));
    assert!(w.when(Actor::Client, Command::AddInformation(text)).is_ok());
}

fn attachment(n: u128, size: u64) -> Command {
    Command::AddAttachment(AttachmentAdded {
        attachment: recourse_events::ids::AttachmentId(uuid::Uuid::from_u128(n)),
        content_type: AttachmentType::Jpeg,
        size,
        sha256: recourse_events::Hash::digest(b"sealed"),
        file_name: Some(sealed("photo.jpg")),
        file_description: None,
    })
}

#[test]
fn the_client_and_the_committee_attach_files_within_the_limits_and_nobody_else() {
    // Given a filed complaint
    let mut w = World::filed(&[]);
    // Then the client and intake may attach a file, the board may not
    assert!(w.when(Actor::Client, attachment(1, 1000)).is_ok());
    assert!(w.when(as_staff(INTAKE), attachment(1, 1000)).is_ok());
    assert!(forbidden(w.when(as_staff(BOARD), attachment(1, 1000))));
    // An empty file or one over 5 MiB is refused
    let too_big = recourse_events::limits::ATTACHMENT_BYTES as u64 + 1;
    assert!(matches!(
        w.when(Actor::Client, attachment(1, 0)),
        Err(RuleError::Invalid { field: "size", .. })
    ));
    assert!(matches!(
        w.when(Actor::Client, attachment(1, too_big)),
        Err(RuleError::Invalid { field: "size", .. })
    ));
    // When the case holds its limit of files
    for n in 0..recourse_events::limits::ATTACHMENTS_PER_CASE as u128 {
        w.run(Actor::Client, attachment(n, 10));
    }
    assert_eq!(
        w.case.attachments.len(),
        recourse_events::limits::ATTACHMENTS_PER_CASE
    );
    // Then one more is refused, as is an id used twice
    assert!(matches!(
        w.when(Actor::Client, attachment(99, 10)),
        Err(RuleError::Invalid {
            field: "attachment",
            ..
        })
    ));
    let mut w = World::filed(&[]);
    w.run(Actor::Client, attachment(1, 10));
    assert!(w.when(as_staff(INTAKE), attachment(1, 10)).is_err());
}

// --- Conflicts of interest -------------------------------------------------------------------

#[test]
fn staff_named_in_a_complaint_can_never_be_assigned_open_it_or_decide_it() {
    let mut w = World::filed(&[REVIEWER, CHAIR]);
    w.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    assert_eq!(
        w.when(
            as_staff(INTAKE),
            Command::AssignReviewer {
                reviewer: staff(REVIEWER)
            }
        ),
        Err(RuleError::Conflicted(staff(REVIEWER)))
    );
    assert_eq!(
        w.when(
            as_staff(CHAIR),
            Command::View {
                purpose: Purpose::Handling
            }
        ),
        Err(RuleError::Conflicted(staff(CHAIR)))
    );
    w.run(
        as_staff(INTAKE),
        Command::AssignReviewer {
            reviewer: staff(REVIEWER2),
        },
    );
    w.run(as_staff(REVIEWER2), Command::RecordFinding(finding()));
    // The named chair may not decide in place of the reviewer.
    assert_eq!(
        w.when(as_staff(CHAIR), Command::Decide(decision(Outcome::Upheld))),
        Err(RuleError::Conflicted(staff(CHAIR)))
    );
    assert!(
        w.when(as_staff(CHAIR2), Command::Decide(decision(Outcome::Upheld)))
            .is_ok()
    );
}

#[test]
fn a_recused_reviewer_is_unassigned_and_can_never_come_back() {
    let mut w = World::filed(&[]);
    w.under_review();
    w.run(
        as_staff(REVIEWER),
        Command::Recuse(Recused {
            staff: staff(REVIEWER),
            conflict: ConflictKind::Relationship,
            reason: sealed("cousin"),
        }),
    );
    assert_eq!(w.case.reviewer, None);
    assert_eq!(w.case.status(), Status::Acknowledged);
    assert_eq!(
        w.when(
            as_staff(CHAIR),
            Command::AssignReviewer {
                reviewer: staff(REVIEWER)
            }
        ),
        Err(RuleError::Conflicted(staff(REVIEWER)))
    );
    assert_eq!(
        w.when(
            as_staff(REVIEWER),
            Command::View {
                purpose: Purpose::Handling
            }
        ),
        Err(RuleError::Conflicted(staff(REVIEWER)))
    );
    // Only the chair records a recusal for someone else.
    let for_other = Recused {
        staff: staff(REVIEWER2),
        conflict: ConflictKind::Reporting,
        reason: sealed("manager"),
    };
    assert!(forbidden(
        w.when(as_staff(INTAKE), Command::Recuse(for_other.clone()))
    ));
    assert!(w.when(as_staff(CHAIR), Command::Recuse(for_other)).is_ok());
}

#[test]
fn a_reviewer_must_hold_a_reviewing_role_and_be_active() {
    let mut w = World::filed(&[]);
    w.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    assert_eq!(
        w.when(
            as_staff(INTAKE),
            Command::AssignReviewer {
                reviewer: staff(BOARD)
            }
        ),
        Err(RuleError::NotReviewer(staff(BOARD)))
    );
    assert_eq!(
        w.when(
            as_staff(INTAKE),
            Command::AssignReviewer {
                reviewer: staff(999)
            }
        ),
        Err(RuleError::UnknownStaff(staff(999)))
    );
}

// --- Appeals --------------------------------------------------------------------------------

#[test]
fn an_appeal_goes_to_a_reviewer_who_took_no_part_in_the_decision() {
    let mut w = World::filed(&[]);
    w.under_review();
    w.run(as_staff(REVIEWER), Command::RecordFinding(finding()))
        .run(
            as_staff(CHAIR),
            Command::Decide(decision(Outcome::NotUpheld)),
        )
        .run(
            Actor::Client,
            Command::Appeal(AppealFiled {
                grounds: sealed("unfair"),
            }),
        );
    assert_eq!(w.case.status(), Status::UnderAppeal);
    // The reviewer (assigned, finding) and the chair (decider) took part.
    assert_eq!(
        w.when(
            as_staff(CHAIR2),
            Command::AssignAppealReviewer {
                reviewer: staff(REVIEWER)
            }
        ),
        Err(RuleError::TookPartInDecision(staff(REVIEWER)))
    );
    assert_eq!(
        w.when(
            as_staff(CHAIR2),
            Command::AssignAppealReviewer {
                reviewer: staff(CHAIR)
            }
        ),
        Err(RuleError::TookPartInDecision(staff(CHAIR)))
    );
    w.run(
        as_staff(CHAIR2),
        Command::AssignAppealReviewer {
            reviewer: staff(REVIEWER3),
        },
    );
    let appeal = AppealDecided {
        outcome: AppealOutcome::Varied,
        reasons: sealed("r"),
    };
    assert!(forbidden(w.when(
        as_staff(REVIEWER),
        Command::DecideAppeal(appeal.clone())
    )));
    w.run(as_staff(REVIEWER3), Command::DecideAppeal(appeal));
    assert_eq!(w.case.status(), Status::Decided);
}

#[test]
fn an_appeal_is_accepted_only_within_the_window_and_once() {
    let mut w = World::filed(&[]);
    w.decided();
    w.run(as_staff(CHAIR), Command::Close);
    w.after_days(29);
    assert!(
        w.when(
            Actor::Client,
            Command::Appeal(AppealFiled {
                grounds: sealed("g")
            })
        )
        .is_ok()
    );
    w.after_days(2);
    assert!(matches!(
        w.when(
            Actor::Client,
            Command::Appeal(AppealFiled {
                grounds: sealed("g")
            })
        ),
        Err(RuleError::AppealWindowClosed(_))
    ));

    let mut w = World::filed(&[]);
    w.decided();
    w.run(
        Actor::Client,
        Command::Appeal(AppealFiled {
            grounds: sealed("g"),
        }),
    );
    assert!(
        w.when(
            Actor::Client,
            Command::Appeal(AppealFiled {
                grounds: sealed("g")
            })
        )
        .is_err()
    );
}

// --- Findings, decisions, corrective actions, closure ------------------------------------------

#[test]
fn no_decision_without_a_recorded_finding() {
    let mut w = World::filed(&[]);
    w.under_review();
    assert_eq!(
        w.when(
            as_staff(REVIEWER),
            Command::Decide(decision(Outcome::Upheld))
        ),
        Err(RuleError::NoFinding)
    );
}

#[test]
fn a_case_closes_only_when_every_corrective_action_is_verified_or_waived() {
    let mut w = World::filed(&[]);
    w.decided();
    let a1 = open_action(&mut w, INTAKE);
    let a2 = open_action(&mut w, CHAIR);
    assert_eq!(
        w.when(as_staff(CHAIR), Command::Close),
        Err(RuleError::ActionsOutstanding(2))
    );
    w.run(as_staff(INTAKE), Command::CompleteAction(note(a1)));
    assert_eq!(
        w.when(as_staff(CHAIR), Command::Close),
        Err(RuleError::ActionsOutstanding(2))
    );
    w.run(as_staff(CHAIR), Command::VerifyAction(note(a1)));
    w.run(as_staff(CHAIR), Command::WaiveAction(note(a2)));
    assert!(w.when(as_staff(CHAIR), Command::Close).is_ok());
}

#[test]
fn nobody_verifies_their_own_corrective_action() {
    let mut w = World::filed(&[]);
    w.decided();
    let a = open_action(&mut w, CHAIR);
    w.run(as_staff(CHAIR), Command::CompleteAction(note(a)));
    assert!(forbidden(
        w.when(as_staff(CHAIR), Command::VerifyAction(note(a)))
    ));
    assert!(
        w.when(as_staff(CHAIR2), Command::VerifyAction(note(a)))
            .is_ok()
    );
    assert!(forbidden(
        w.when(as_staff(REVIEWER2), Command::CompleteAction(note(a)))
    ));
}

#[test]
fn only_the_chair_closes_and_only_a_decided_case() {
    let mut w = World::filed(&[]);
    w.under_review();
    assert!(matches!(
        w.when(as_staff(CHAIR), Command::Close),
        Err(RuleError::WrongState { .. })
    ));
    w.run(as_staff(REVIEWER), Command::RecordFinding(finding()))
        .run(
            as_staff(REVIEWER),
            Command::Decide(decision(Outcome::ResolvedEarly)),
        );
    assert!(forbidden(w.when(as_staff(REVIEWER), Command::Close)));
    w.run(as_staff(CHAIR), Command::Close);
    assert_eq!(w.case.status(), Status::Closed);
}

// --- Closed and withdrawn cases ----------------------------------------------------------------

#[test]
fn a_closed_case_accepts_only_comments_appeal_reopening_and_erasure() {
    let mut w = World::filed(&[]);
    w.decided();
    w.run(as_staff(CHAIR), Command::Close);
    let text = ClientText { text: sealed("t") };
    assert!(
        w.when(Actor::Client, Command::Comment(text.clone()))
            .is_ok()
    );
    assert!(
        w.when(
            Actor::Client,
            Command::Appeal(AppealFiled {
                grounds: sealed("g")
            })
        )
        .is_ok()
    );
    assert!(
        w.when(
            as_staff(CHAIR),
            Command::Reopen(Reopened {
                reason: sealed("new facts")
            })
        )
        .is_ok()
    );
    assert!(w.when(Actor::Client, Command::RequestErasure).is_ok());
    assert!(
        w.when(
            as_staff(AUDITOR),
            Command::View {
                purpose: Purpose::Audit
            }
        )
        .is_ok(),
        "opening the file is still recorded"
    );
    for (who, refused) in [
        (Actor::Client, Command::AddInformation(text)),
        (
            as_staff(CHAIR),
            Command::PostMessage(MessagePosted {
                audience: Audience::Client,
                body: sealed("m"),
            }),
        ),
        (
            as_staff(CHAIR),
            Command::Triage(Triaged {
                category: "fees".into(),
                rights: vec![],
                framework_items: vec![],
                urgency: Urgency::Routine,
                sensitive: false,
                escalated: false,
                named_staff: vec![],
            }),
        ),
        (as_staff(REVIEWER), Command::RecordFinding(finding())),
        (
            as_staff(CHAIR),
            Command::PauseClock(ClockPaused {
                reason: sealed("r"),
            }),
        ),
    ] {
        let name = refused.name();
        assert!(
            matches!(w.when(who, refused), Err(RuleError::WrongState { .. })),
            "{name}"
        );
    }
}

#[test]
fn a_withdrawn_case_can_be_reopened_but_not_appealed() {
    let mut w = World::filed(&[]);
    w.under_review();
    w.run(Actor::Client, Command::Withdraw);
    assert_eq!(w.case.status(), Status::Withdrawn);
    assert!(matches!(
        w.when(
            Actor::Client,
            Command::Appeal(AppealFiled {
                grounds: sealed("g")
            })
        ),
        Err(RuleError::WrongState { .. })
    ));
    assert!(matches!(
        w.when(as_staff(REVIEWER), Command::RecordFinding(finding())),
        Err(RuleError::WrongState { .. })
    ));
    w.run(
        as_staff(CHAIR),
        Command::Reopen(Reopened {
            reason: sealed("client came back"),
        }),
    );
    assert_eq!(w.case.status(), Status::UnderReview);
}

#[test]
fn reopening_needs_a_new_finding_before_a_new_decision() {
    let mut w = World::filed(&[]);
    w.decided();
    w.run(as_staff(CHAIR), Command::Close).run(
        as_staff(CHAIR),
        Command::Reopen(Reopened {
            reason: sealed("r"),
        }),
    );
    assert_eq!(
        w.when(
            as_staff(REVIEWER),
            Command::Decide(decision(Outcome::Upheld))
        ),
        Err(RuleError::NoFinding)
    );
}

// --- Erasure ------------------------------------------------------------------------------------

#[test]
fn after_erasure_nothing_reads_or_adds_to_the_case() {
    let mut w = World::filed(&[]);
    w.decided();
    w.run(Actor::Client, Command::RequestErasure);
    let erase = PersonalDataErased {
        reason: ErasureReason::ClientRequest,
        data_key: "dk-test".into(),
    };
    assert!(
        forbidden(w.when(as_staff(CHAIR), Command::Erase(erase.clone()))),
        "only the organization records erasure"
    );
    let wrong_key = PersonalDataErased {
        data_key: "dk-other".into(),
        ..erase.clone()
    };
    assert!(w.when(Actor::Ledger, Command::Erase(wrong_key)).is_err());
    w.run(Actor::Ledger, Command::Erase(erase));
    assert_eq!(w.case.status(), Status::Erased);
    for (who, cmd) in [
        (
            as_staff(AUDITOR),
            Command::View {
                purpose: Purpose::Audit,
            },
        ),
        (
            Actor::Client,
            Command::Comment(ClientText { text: sealed("t") }),
        ),
        (
            as_staff(CHAIR),
            Command::Reopen(Reopened {
                reason: sealed("r"),
            }),
        ),
    ] {
        assert_eq!(w.when(who, cmd), Err(RuleError::Erased));
    }
}

#[test]
fn retention_erasure_needs_no_client_request_but_client_erasure_does() {
    let mut w = World::filed(&[]);
    let by_client = PersonalDataErased {
        reason: ErasureReason::ClientRequest,
        data_key: "dk-test".into(),
    };
    assert!(w.when(Actor::Ledger, Command::Erase(by_client)).is_err());
    w.run(
        Actor::Ledger,
        Command::Erase(PersonalDataErased {
            reason: ErasureReason::Retention,
            data_key: "dk-test".into(),
        }),
    );
    assert_eq!(w.case.status(), Status::Erased);
}

// --- Clocks and input -------------------------------------------------------------------------

#[test]
fn the_clock_pauses_once_and_resumes_only_when_paused() {
    let mut w = World::filed(&[]);
    w.under_review();
    assert!(w.when(as_staff(REVIEWER), Command::ResumeClock).is_err());
    w.run(
        as_staff(REVIEWER),
        Command::PauseClock(ClockPaused {
            reason: sealed("waiting for documents"),
        }),
    );
    assert!(
        w.when(
            as_staff(REVIEWER),
            Command::PauseClock(ClockPaused {
                reason: sealed("again")
            })
        )
        .is_err()
    );
    w.after_days(3)
        .run(as_staff(REVIEWER), Command::ResumeClock);
    assert_eq!(w.case.pauses.len(), 1);
}

#[test]
fn filings_with_unknown_rights_programs_or_missing_consent_are_refused() {
    let w = World::filed(&[]);
    let new = World {
        case: recourse_projections::case::Case::new(recourse_events::ids::CaseId(
            uuid::Uuid::from_u128(8),
        )),
        ..w
    };
    let web = Actor::Service(WEB_INTAKE.into());
    let mut f = filing(&[]);
    f.rights = vec!["no-such-right".into()];
    assert!(matches!(
        new.when(web.clone(), Command::File(Box::new(f))),
        Err(RuleError::Invalid {
            field: "rights",
            ..
        })
    ));
    let mut f = filing(&[]);
    f.program = "elsewhere".into();
    assert!(matches!(
        new.when(web.clone(), Command::File(Box::new(f))),
        Err(RuleError::Invalid {
            field: "program",
            ..
        })
    ));
    let mut f = filing(&[]);
    f.consent.handle = false;
    assert!(matches!(
        new.when(web.clone(), Command::File(Box::new(f))),
        Err(RuleError::Invalid {
            field: "consent",
            ..
        })
    ));
    let mut f = filing(&[]);
    f.accommodations = vec![Accommodation::Interpreter];
    assert!(matches!(
        new.when(web, Command::File(Box::new(f))),
        Err(RuleError::Invalid {
            field: "interpreter_language",
            ..
        })
    ));
}

#[test]
fn satisfaction_is_the_clients_after_a_decision_rated_one_to_five() {
    let mut w = World::filed(&[]);
    let s = |rating| SatisfactionRecorded {
        explained: true,
        fair: true,
        rating,
    };
    assert!(
        w.when(Actor::Client, Command::RecordSatisfaction(s(4)))
            .is_err()
    );
    w.decided();
    assert!(
        w.when(Actor::Client, Command::RecordSatisfaction(s(6)))
            .is_err()
    );
    assert!(forbidden(
        w.when(as_staff(CHAIR), Command::RecordSatisfaction(s(5)))
    ));
    w.run(Actor::Client, Command::RecordSatisfaction(s(4)));
    assert!(w.case.client_returned);
}

#[test]
fn a_decision_ends_a_pause_so_the_case_can_close() {
    let mut w = World::filed(&[]);
    w.under_review();
    w.run(
        as_staff(REVIEWER),
        Command::PauseClock(ClockPaused {
            reason: sealed("documents"),
        }),
    )
    .run(as_staff(REVIEWER), Command::RecordFinding(finding()))
    .run(
        as_staff(REVIEWER),
        Command::Decide(decision(Outcome::NotUpheld)),
    );
    assert_eq!(w.case.paused_since, None);
    assert_eq!(w.case.pauses.len(), 1);
    assert!(w.when(as_staff(CHAIR), Command::Close).is_ok());
}

#[test]
fn a_complaint_names_only_offered_or_interpreter_languages_never_free_text() {
    let w = World::filed(&[]);
    let new = World {
        case: recourse_projections::case::Case::new(recourse_events::ids::CaseId(
            uuid::Uuid::from_u128(9),
        )),
        ..w
    };
    let web = Actor::Service(WEB_INTAKE.into());
    for (language, ok) in [
        ("fr", true),
        ("ti", true),
        ("zh", true),
        ("xx-John-Smith-1985", false),
        ("de", false),
        ("", false),
    ] {
        let mut f = filing(&[]);
        f.language = language.into();
        let r = new.when(web.clone(), Command::File(Box::new(f)));
        if ok {
            assert!(r.is_ok(), "{language}: {r:?}");
        } else {
            assert!(
                matches!(
                    r,
                    Err(RuleError::Invalid {
                        field: "language",
                        ..
                    })
                ),
                "{language}: {r:?}"
            );
        }
    }
    let mut f = filing(&[]);
    f.accommodations = vec![Accommodation::Interpreter];
    f.interpreter_language = Some("xx-Jane-Doe".into());
    assert!(matches!(
        new.when(web, Command::File(Box::new(f))),
        Err(RuleError::Invalid {
            field: "interpreter_language",
            ..
        })
    ));
}

#[test]
fn a_sensitive_case_opens_only_for_its_reviewer_the_chair_and_intake_and_refusals_are_recorded() {
    let mut w = World::filed(&[]);
    w.under_review().run(
        as_staff(INTAKE),
        Command::Triage(Triaged {
            category: "staff_conduct".into(),
            rights: vec![],
            framework_items: vec![],
            urgency: Urgency::Priority,
            sensitive: true,
            escalated: false,
            named_staff: vec![],
        }),
    );
    let view = |purpose| Command::View { purpose };
    // Another reviewer, an auditor, and intake for other than intake work are refused.
    for (who, purpose) in [
        (REVIEWER2, Purpose::Handling),
        (AUDITOR, Purpose::Audit),
        (INTAKE, Purpose::CorrectiveAction),
    ] {
        assert_eq!(
            w.when(as_staff(who), view(purpose)),
            Err(RuleError::Restricted),
            "{who}"
        );
        assert!(forbidden(w.when(as_staff(who), view(purpose))));
        // The refusal is recorded in the refused person's name, as the rules decide it.
        assert_eq!(
            w.when(as_staff(who), Command::RefuseView { purpose }),
            Ok(vec![Payload::FileViewRefused(FileViewed { purpose })])
        );
    }
    for (who, purpose) in [
        (REVIEWER, Purpose::Handling),
        (CHAIR, Purpose::Handling),
        (CHAIR, Purpose::Audit),
        (INTAKE, Purpose::Handling),
    ] {
        assert!(w.when(as_staff(who), view(purpose)).is_ok(), "{who}");
        // Nobody records a refusal that did not happen.
        assert!(
            w.when(as_staff(who), Command::RefuseView { purpose })
                .is_err()
        );
    }
    w.run(
        as_staff(REVIEWER2),
        Command::RefuseView {
            purpose: Purpose::Handling,
        },
    );
    assert_eq!(w.case.refused_views.len(), 1);
    assert_eq!(w.case.refused_views[0].by, staff(REVIEWER2));
    assert!(w.case.views.is_empty(), "a refusal is no opening");
    // Not sensitive: every committee member the other rules allow opens it.
    let plain = World::filed(&[]);
    assert!(
        plain
            .when(as_staff(REVIEWER2), view(Purpose::Handling))
            .is_ok()
    );
}

#[test]
fn framework_items_are_recorded_under_their_current_ids() {
    let mut w = World::filed(&[]);
    w.run(as_staff(INTAKE), Command::Acknowledge { note: None });
    // Two ids the framework renamed into one item, and a current id: accepted, recorded once
    // each under the current ids.
    let triage = Triaged {
        category: "privacy".into(),
        rights: vec!["privacy".into()],
        framework_items: vec![
            "ethics.confidentiality".into(),
            "ethics.code-of-conduct".into(),
            "ethics.complaints".into(),
        ],
        urgency: Urgency::Routine,
        sensitive: false,
        escalated: false,
        named_staff: vec![],
    };
    let events = w.when(as_staff(INTAKE), Command::Triage(triage)).unwrap();
    let [Payload::Triaged(recorded)] = events.as_slice() else {
        panic!("one triage: {events:?}");
    };
    assert_eq!(
        recorded.framework_items,
        [
            "ethics.conflict-confidentiality-conduct",
            "ethics.complaints"
        ]
    );

    // An unknown id, or the same id twice, is still refused.
    for items in [
        vec!["ethics.no-such-item".to_string()],
        vec!["ethics.complaints".into(), "ethics.complaints".into()],
    ] {
        let triage = Triaged {
            category: "privacy".into(),
            rights: vec![],
            framework_items: items.clone(),
            urgency: Urgency::Routine,
            sensitive: false,
            escalated: false,
            named_staff: vec![],
        };
        assert!(
            matches!(
                w.when(as_staff(INTAKE), Command::Triage(triage)),
                Err(RuleError::Invalid { .. })
            ),
            "{items:?}"
        );
    }

    // A finding and a corrective action: the same.
    w.run(
        as_staff(INTAKE),
        Command::AssignReviewer {
            reviewer: staff(REVIEWER),
        },
    );
    let finding = FindingRecorded {
        framework_items: vec!["scope.referrals".into()],
        ..finding()
    };
    let events = w
        .when(as_staff(REVIEWER), Command::RecordFinding(finding.clone()))
        .unwrap();
    assert!(
        matches!(events.as_slice(), [Payload::FindingRecorded(f)]
            if f.framework_items == ["scope.legal-advice"]),
        "{events:?}"
    );
    w.run(as_staff(REVIEWER), Command::RecordFinding(finding));
    let events = w
        .when(
            as_staff(REVIEWER),
            Command::OpenAction {
                owner: staff(INTAKE),
                due: "2027-01-01".parse().unwrap(),
                framework_item: Some("knowledge.up-to-date".into()),
                description: sealed("keep up"),
            },
        )
        .unwrap();
    assert!(
        matches!(events.as_slice(), [Payload::ActionOpened(a)]
            if a.framework_item.as_deref() == Some("knowledge.keeping-updated")),
        "{events:?}"
    );
}
