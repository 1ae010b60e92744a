//! A rule test for every rule of framework reviews and systemic corrective actions, in
//! given/when/then form, on a read model folded from signed entries (follow-ups reach a review
//! only through the model's fold).
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod common;
mod support;

use common::*;
use jiff::civil::{Date, date};
use recourse_events::limits;
use recourse_events::review::*;
use recourse_events::vocabulary::Payload;
use recourse_projections::framework::Reference;
use recourse_projections::review::{ReviewCommand, ReviewStatus};
use recourse_projections::rule::RuleError;
use recourse_projections::systemic::{SystemicCommand, SystemicStatus};
use support::*;

// --- Fixtures ---------------------------------------------------------------------------------

fn quarter() -> Period {
    Period::new(PeriodKind::Quarter, date(2026, 1, 1), 1).unwrap()
}

/// The first area of the shipped framework and its items (an area review's scope).
fn area() -> (String, Vec<String>) {
    let reference = Reference::shipped();
    let a = &reference.framework.areas[0];
    assert!(a.items.len() >= 2, "the first area has several items");
    (a.id.clone(), a.items.iter().map(|i| i.id.clone()).collect())
}

/// An item of another area (outside the first area's review).
fn other_item() -> String {
    Reference::shipped().framework.areas[1].items[0].id.clone()
}

fn chair() -> Who {
    Who::Staff(CHAIR)
}

fn open_area(l: &Ledger) -> ReviewCommand {
    ReviewCommand::Open(Box::new(l.opening(
        quarter(),
        Some(&area().0),
        Origin::default(),
    )))
}

/// Given the chair opened an area review `id` of the first area.
fn opened(l: &mut Ledger, id: ReviewId) {
    let open = open_area(l);
    l.on_review(chair(), id, open);
}

fn rate(item: &str, rating: Rating) -> ReviewCommand {
    ReviewCommand::Rate(ReviewRated {
        item: item.into(),
        rating,
        reasons: "the figures and the minutes show it".into(),
    })
}

fn attest(item: &str) -> ReviewCommand {
    ReviewCommand::Attest(ReviewAttested {
        item: item.into(),
        statement: "insurance in force for the year".into(),
        document: None,
    })
}

fn ret(comments: &str) -> ReviewCommand {
    ReviewCommand::Return {
        comments: comments.into(),
    }
}

fn approve() -> ReviewCommand {
    ReviewCommand::Approve {
        comments: String::new(),
    }
}

/// Given every item of review `id` rated met by the reviewer.
fn all_met(l: &mut Ledger, id: ReviewId) {
    for item in area().1 {
        l.on_review(Who::Staff(REVIEWER), id, rate(&item, Rating::Met));
    }
}

/// Given review `id` opened, all met, and submitted by the chair.
fn submitted(l: &mut Ledger, id: ReviewId) {
    opened(l, id);
    all_met(l, id);
    l.on_review(chair(), id, ReviewCommand::Submit);
}

fn forbidden_with(r: Result<Vec<Payload>, RuleError>, id: &str) -> bool {
    matches!(&r, Err(e @ RuleError::Forbidden(_)) if e.message().id == id)
}

fn not_now(r: Result<Vec<Payload>, RuleError>, status: &str, action: &str) -> bool {
    matches!(r, Err(RuleError::NotNow { status: s, action: a }) if s == status && a == action)
}

fn invalid(r: Result<Vec<Payload>, RuleError>, field: &str) -> bool {
    matches!(r, Err(RuleError::Invalid { field: f, .. }) if f == field)
}

const EVERYONE_ELSE: [Who; 6] = [
    Who::Staff(REVIEWER),
    Who::Staff(BOARD),
    Who::Staff(ADMIN),
    Who::Staff(AUDITOR),
    Who::Staff(INTAKE),
    Who::Client,
];

// --- Who may do what --------------------------------------------------------------------------

#[test]
fn only_the_chair_opens_a_review() {
    let l = Ledger::new();
    let id = review_id(1);
    let open = open_area(&l);
    for who in EVERYONE_ELSE.into_iter().chain([Who::Web]) {
        assert!(
            forbidden_with(l.when_review(who, id, &open), "rule-forbidden-open-review"),
            "{who:?}"
        );
    }
    let events = l.when_review(chair(), id, &open).unwrap();
    assert!(matches!(&events[..], [Payload::ReviewOpened(_)]));
    assert!(l.when_review(Who::Staff(BOARD_CHAIR), id, &open).is_ok());
}

#[test]
fn committee_members_rate_and_attest_and_no_one_else() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    let item = &area().1[0];
    for who in [Who::Staff(CHAIR), Who::Staff(REVIEWER)] {
        assert!(l.when_review(who, id, &rate(item, Rating::Met)).is_ok());
        assert!(l.when_review(who, id, &attest(item)).is_ok());
    }
    for who in EVERYONE_ELSE.into_iter().skip(1) {
        assert!(
            forbidden_with(
                l.when_review(who, id, &rate(item, Rating::Met)),
                "rule-forbidden-rate-review"
            ),
            "{who:?}"
        );
        assert!(
            forbidden_with(
                l.when_review(who, id, &attest(item)),
                "rule-forbidden-attest-review"
            ),
            "{who:?}"
        );
    }
    // A reviewer who left rates nothing.
    assert!(forbidden_with(
        l.when_review(Who::Staff(DEPARTED), id, &rate(item, Rating::Met)),
        "rule-forbidden-rate-review"
    ));
}

#[test]
fn only_the_chair_submits_a_review() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    all_met(&mut l, id);
    for who in EVERYONE_ELSE {
        assert!(
            forbidden_with(
                l.when_review(who, id, &ReviewCommand::Submit),
                "rule-forbidden-submit-review"
            ),
            "{who:?}"
        );
    }
    let events = l.when_review(chair(), id, &ReviewCommand::Submit).unwrap();
    assert!(matches!(&events[..], [Payload::ReviewSubmitted(_)]));
}

#[test]
fn only_the_board_returns_and_approves_a_review() {
    let mut l = Ledger::new();
    let id = review_id(1);
    submitted(&mut l, id);
    for who in [
        Who::Staff(CHAIR),
        Who::Staff(REVIEWER),
        Who::Staff(ADMIN),
        Who::Staff(AUDITOR),
        Who::Staff(INTAKE),
        Who::Client,
    ] {
        for command in [ret("please explain"), approve()] {
            assert!(
                forbidden_with(
                    l.when_review(who, id, &command),
                    "rule-forbidden-return-review"
                ),
                "{who:?} {command:?}"
            );
        }
    }
    assert!(l.when_review(Who::Staff(BOARD), id, &approve()).is_ok());
    assert!(
        l.when_review(Who::Staff(BOARD), id, &ret("please explain"))
            .is_ok()
    );
}

#[test]
fn a_board_member_who_submitted_the_review_as_chair_may_not_approve_it() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    all_met(&mut l, id);
    l.on_review(Who::Staff(BOARD_CHAIR), id, ReviewCommand::Submit);
    let r = l.when_review(Who::Staff(BOARD_CHAIR), id, &approve());
    assert_eq!(r, Err(RuleError::OwnWork("approve a review you submitted")));
    assert_eq!(
        r.unwrap_err().message().to_string(),
        "rule-own-work what=approve-a-review-you-submitted"
    );
    // Another board member approves it.
    l.on_review(Who::Staff(BOARD), id, approve());
    let review = l.review(id);
    assert_eq!(review.status, ReviewStatus::Approved);
    assert_eq!(review.approved.unwrap().by, staff(BOARD));
}

#[test]
fn a_board_member_who_submitted_an_earlier_round_may_approve_the_one_another_chair_submitted() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    all_met(&mut l, id);
    l.on_review(Who::Staff(BOARD_CHAIR), id, ReviewCommand::Submit)
        .on_review(Who::Staff(BOARD), id, ret("add the training records"))
        .on_review(chair(), id, ReviewCommand::Submit);
    // The submission under approval is CHAIR's.
    assert!(
        l.when_review(Who::Staff(BOARD_CHAIR), id, &approve())
            .is_ok()
    );
}

// --- Ratings ---------------------------------------------------------------------------------

#[test]
fn a_rating_records_its_rater_and_a_re_rating_replaces_it_and_counts() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    let item = area().1[0].clone();
    l.on_review(Who::Staff(REVIEWER), id, rate(&item, Rating::Met));
    let first = l.review(id).ratings[&item].clone();
    assert_eq!(first.by, staff(REVIEWER));
    assert_eq!(first.rating, Rating::Met);
    assert_eq!(first.times, 1);
    l.on_review(
        Who::Staff(REVIEWER2),
        id,
        ReviewCommand::Rate(ReviewRated {
            item: item.clone(),
            rating: Rating::NotMet,
            reasons: "no training was given".into(),
        }),
    );
    let review = l.review(id);
    let second = &review.ratings[&item];
    assert_eq!(second.by, staff(REVIEWER2));
    assert_eq!(second.rating, Rating::NotMet);
    assert_eq!(second.reasons, "no training was given");
    assert_eq!(second.times, 2);
    assert!(second.at > first.at);
    assert_eq!(review.ratings.len(), 1, "one current rating per item");
}

#[test]
fn an_attestation_records_who_attested() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    let item = area().1[1].clone();
    l.on_review(chair(), id, attest(&item));
    let review = l.review(id);
    assert_eq!(review.attestations.len(), 1);
    assert_eq!(review.attestations[0].by, staff(CHAIR));
    assert_eq!(review.attestations[0].item, item);
}

// --- Submission -------------------------------------------------------------------------------

#[test]
fn every_item_must_be_rated_before_submission() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    let items = area().1;
    assert_eq!(
        l.when_review(chair(), id, &ReviewCommand::Submit),
        Err(RuleError::Unrated(items.len()))
    );
    for item in &items[2..] {
        l.on_review(Who::Staff(REVIEWER), id, rate(item, Rating::NotApplicable));
    }
    let r = l.when_review(chair(), id, &ReviewCommand::Submit);
    assert_eq!(r, Err(RuleError::Unrated(2)));
    assert_eq!(r.unwrap_err().message().to_string(), "rule-unrated count=2");
    for item in &items[..2] {
        l.on_review(Who::Staff(REVIEWER), id, rate(item, Rating::Met));
    }
    assert!(l.when_review(chair(), id, &ReviewCommand::Submit).is_ok());
}

#[test]
fn an_item_partly_met_or_not_met_cannot_be_submitted_without_its_follow_up() {
    for rating in [Rating::PartlyMet, Rating::NotMet] {
        let mut l = Ledger::new();
        let id = review_id(1);
        opened(&mut l, id);
        all_met(&mut l, id);
        let item = area().1[1].clone();
        l.on_review(chair(), id, rate(&item, rating));
        let r = l.when_review(chair(), id, &ReviewCommand::Submit);
        assert_eq!(
            r,
            Err(RuleError::FollowUpNeeded(item.clone())),
            "{rating:?}"
        );
        assert_eq!(r.unwrap_err().message().id, "rule-follow-up-needed");
    }
}

fn systemic_from(review: Option<ReviewId>, item: Option<&str>, owner: u128) -> SystemicOpened {
    SystemicOpened {
        title: "Train every reviewer on confidentiality".into(),
        description: "A half-day session, with a sign-off sheet.".into(),
        owner: staff(owner),
        due: date(2026, 6, 30),
        framework_item: item.map(String::from),
        origin: Origin {
            review,
            item: item.map(String::from),
            cases: vec![],
        },
    }
}

#[test]
fn a_systemic_action_opened_from_the_review_for_the_item_is_its_follow_up() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    all_met(&mut l, id);
    let items = area().1;
    l.on_review(chair(), id, rate(&items[0], Rating::PartlyMet));
    // An action for another item of the review does not follow this one up.
    l.on_systemic(
        chair(),
        systemic_id(1),
        SystemicCommand::Open(systemic_from(Some(id), Some(&items[1]), INTAKE)),
    );
    assert_eq!(
        l.when_review(chair(), id, &ReviewCommand::Submit),
        Err(RuleError::FollowUpNeeded(items[0].clone()))
    );
    l.on_systemic(
        chair(),
        systemic_id(2),
        SystemicCommand::Open(systemic_from(Some(id), Some(&items[0]), INTAKE)),
    );
    assert_eq!(
        l.review(id).follow_ups[&items[0]],
        vec![recourse_projections::review::FollowUp::Systemic(
            systemic_id(2)
        )]
    );
    assert!(l.when_review(chair(), id, &ReviewCommand::Submit).is_ok());
}

#[test]
fn an_area_review_opened_from_the_review_for_the_item_is_its_follow_up() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    all_met(&mut l, id);
    let (area_id, items) = area();
    l.on_review(chair(), id, rate(&items[0], Rating::NotMet));
    let from = Origin {
        review: Some(id),
        item: Some(items[0].clone()),
        cases: vec![],
    };
    let open = ReviewCommand::Open(Box::new(l.opening(quarter().next(), Some(&area_id), from)));
    l.on_review(chair(), review_id(2), open);
    assert_eq!(
        l.review(id).follow_ups[&items[0]],
        vec![recourse_projections::review::FollowUp::AreaReview(
            review_id(2)
        )]
    );
    assert!(l.when_review(chair(), id, &ReviewCommand::Submit).is_ok());
}

// --- States -----------------------------------------------------------------------------------

#[test]
fn an_approved_review_refuses_every_command() {
    let mut l = Ledger::new();
    let id = review_id(1);
    submitted(&mut l, id);
    l.on_review(Who::Staff(BOARD), id, approve());
    let item = &area().1[0];
    let open = open_area(&l);
    for command in [
        rate(item, Rating::NotMet),
        attest(item),
        ReviewCommand::Submit,
        ret("reconsider"),
        approve(),
        open,
    ] {
        for who in [chair(), Who::Staff(REVIEWER), Who::Staff(BOARD2)] {
            let r = l.when_review(who, id, &command);
            assert_eq!(r, Err(RuleError::ReviewFinal), "{who:?} {command:?}");
        }
    }
    assert_eq!(
        RuleError::ReviewFinal.message().to_string(),
        "rule-review-final"
    );
}

#[test]
fn a_submitted_review_refuses_ratings_and_attestations_until_returned() {
    let mut l = Ledger::new();
    let id = review_id(1);
    submitted(&mut l, id);
    let item = &area().1[0];
    let r = l.when_review(Who::Staff(REVIEWER), id, &rate(item, Rating::NotMet));
    assert!(not_now(r.clone(), "submitted", "rate an item"));
    assert_eq!(
        r.unwrap_err().message().to_string(),
        "rule-not-now status=submitted action=rate-an-item"
    );
    assert!(not_now(
        l.when_review(chair(), id, &attest(item)),
        "submitted",
        "attest"
    ));
    assert!(not_now(
        l.when_review(chair(), id, &ReviewCommand::Submit),
        "submitted",
        "submit"
    ));
    let open = open_area(&l);
    assert!(not_now(
        l.when_review(chair(), id, &open),
        "submitted",
        "open a review"
    ));
}

#[test]
fn a_returned_review_is_rated_again_and_resubmitted() {
    let mut l = Ledger::new();
    let id = review_id(1);
    submitted(&mut l, id);
    l.on_review(
        Who::Staff(BOARD),
        id,
        ret("the confidentiality rating is generous"),
    );
    let review = l.review(id);
    assert_eq!(review.status, ReviewStatus::Open);
    assert_eq!(
        review.returns[0].comments,
        "the confidentiality rating is generous"
    );
    assert_eq!(review.returns[0].by, staff(BOARD));
    // Neither returned again nor approved while open.
    assert!(not_now(
        l.when_review(Who::Staff(BOARD), id, &approve()),
        "open",
        "approve"
    ));
    assert!(not_now(
        l.when_review(Who::Staff(BOARD), id, &ret("again")),
        "open",
        "return"
    ));
    let item = area().1[0].clone();
    l.on_review(Who::Staff(REVIEWER), id, rate(&item, Rating::NotApplicable))
        .on_review(chair(), id, attest(&item))
        .on_review(chair(), id, ReviewCommand::Submit);
    let review = l.review(id);
    assert_eq!(review.status, ReviewStatus::Submitted);
    assert_eq!(review.submissions.len(), 2);
    assert_eq!(review.ratings[&item].times, 2);
}

#[test]
fn returning_a_review_needs_comments_and_approving_does_not() {
    let mut l = Ledger::new();
    let id = review_id(1);
    submitted(&mut l, id);
    for empty in ["", "  \n\t"] {
        assert!(invalid(
            l.when_review(Who::Staff(BOARD), id, &ret(empty)),
            "comments"
        ));
    }
    assert!(l.when_review(Who::Staff(BOARD), id, &approve()).is_ok());
    // Blank comments on an approval record none.
    let blank = ReviewCommand::Approve {
        comments: " \r\n".into(),
    };
    let events = l.when_review(Who::Staff(BOARD), id, &blank).unwrap();
    assert!(matches!(&events[..], [Payload::ReviewApproved(c)] if c.comments.is_empty()));
}

#[test]
fn a_review_not_opened_accepts_nothing_but_its_opening() {
    let l = Ledger::new();
    let id = review_id(9);
    let item = &area().1[0];
    assert!(not_now(
        l.when_review(Who::Staff(REVIEWER), id, &rate(item, Rating::Met)),
        "new",
        "rate an item"
    ));
    assert!(not_now(
        l.when_review(chair(), id, &ReviewCommand::Submit),
        "new",
        "submit"
    ));
    assert!(not_now(
        l.when_review(Who::Staff(BOARD), id, &approve()),
        "new",
        "approve"
    ));
}

// --- Scope and origin -------------------------------------------------------------------------

#[test]
fn rating_or_attesting_an_item_outside_an_area_review_is_refused() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    let outside = other_item();
    let r = l.when_review(Who::Staff(REVIEWER), id, &rate(&outside, Rating::Met));
    assert_eq!(r, Err(RuleError::NotInScope(outside.clone())));
    assert_eq!(
        r.unwrap_err().message().to_string(),
        format!("rule-not-in-scope item={outside}")
    );
    assert_eq!(
        l.when_review(chair(), id, &attest(&outside)),
        Err(RuleError::NotInScope(outside.clone()))
    );
    assert_eq!(
        l.when_review(chair(), id, &attest("no-such.item")),
        Err(RuleError::NotInScope("no-such.item".into()))
    );
}

#[test]
fn opening_with_figures_that_do_not_cover_exactly_the_items_in_scope_is_refused() {
    let l = Ledger::new();
    let (area_id, _) = area();
    let id = review_id(1);
    let whole = l.opening(quarter(), None, Origin::default());
    let part = l.opening(quarter(), Some(&area_id), Origin::default());
    assert!(
        l.when_review(chair(), id, &ReviewCommand::Open(Box::new(whole.clone())))
            .is_ok()
    );
    let mut missing = part.clone();
    missing.items.pop();
    let mut extra = part.clone();
    extra.items.push(whole.items.last().unwrap().clone());
    let mut doubled = part.clone();
    doubled.items.push(part.items[0].clone());
    let mut reordered = part.clone();
    reordered.items.swap(0, 1);
    // An area's figures under a whole-framework review.
    let mut unscoped = part.clone();
    unscoped.area = None;
    // The whole framework's under an area review.
    let mut widened = whole.clone();
    widened.area = Some(area_id.clone());
    for opened in [missing, extra, doubled, reordered, unscoped, widened] {
        assert!(
            invalid(
                l.when_review(chair(), id, &ReviewCommand::Open(Box::new(opened.clone()))),
                "items"
            ),
            "{:?}",
            opened.items.iter().map(|i| &i.item).collect::<Vec<_>>()
        );
    }
}

#[test]
fn an_unknown_area_is_refused() {
    let l = Ledger::new();
    let mut opened = l.opening(quarter(), None, Origin::default());
    opened.area = Some("no-such-area".into());
    assert!(invalid(
        l.when_review(
            chair(),
            review_id(1),
            &ReviewCommand::Open(Box::new(opened))
        ),
        "area"
    ));
}

#[test]
fn an_origin_naming_an_unknown_review_is_refused() {
    let l = Ledger::new();
    let (area_id, items) = area();
    let ghost = review_id(99);
    let from = Origin {
        review: Some(ghost),
        item: Some(items[0].clone()),
        cases: vec![],
    };
    let open = ReviewCommand::Open(Box::new(l.opening(quarter(), Some(&area_id), from)));
    let r = l.when_review(chair(), review_id(1), &open);
    assert_eq!(r, Err(RuleError::UnknownReview(ghost)));
    assert_eq!(
        r.unwrap_err().message().to_string(),
        format!("rule-unknown-review review={ghost}")
    );
    let r = l.when_systemic(
        chair(),
        systemic_id(1),
        &SystemicCommand::Open(systemic_from(Some(ghost), Some(&items[0]), INTAKE)),
    );
    assert_eq!(r, Err(RuleError::UnknownReview(ghost)));
}

#[test]
fn a_review_opened_from_another_is_an_area_review_naming_an_item_in_the_other_s_scope() {
    let mut l = Ledger::new();
    let first = review_id(1);
    opened(&mut l, first);
    let (area_id, items) = area();
    let origin = |item: Option<String>| Origin {
        review: Some(first),
        item,
        cases: vec![],
    };
    // No item.
    let open = ReviewCommand::Open(Box::new(l.opening(quarter(), Some(&area_id), origin(None))));
    assert!(invalid(l.when_review(chair(), review_id(2), &open), "item"));
    // An item the first review does not cover.
    let open = ReviewCommand::Open(Box::new(l.opening(
        quarter(),
        Some(&area_id),
        origin(Some(other_item())),
    )));
    assert_eq!(
        l.when_review(chair(), review_id(2), &open),
        Err(RuleError::NotInScope(other_item()))
    );
    // The whole framework.
    let open = ReviewCommand::Open(Box::new(l.opening(
        quarter(),
        None,
        origin(Some(items[0].clone())),
    )));
    assert!(invalid(l.when_review(chair(), review_id(2), &open), "area"));
}

#[test]
fn an_area_review_opened_for_an_item_reviews_that_item_s_area() {
    let mut l = Ledger::new();
    let whole = review_id(1);
    let open = ReviewCommand::Open(Box::new(l.opening(quarter(), None, Origin::default())));
    l.on_review(chair(), whole, open);
    let (area_id, items) = area();
    let origin = Origin {
        review: Some(whole),
        item: Some(items[0].clone()),
        cases: vec![],
    };
    let another_area = Reference::shipped().framework.areas[1].id.clone();
    let open = ReviewCommand::Open(Box::new(l.opening(
        quarter(),
        Some(&another_area),
        origin.clone(),
    )));
    assert!(invalid(l.when_review(chair(), review_id(2), &open), "area"));
    let open = ReviewCommand::Open(Box::new(l.opening(quarter(), Some(&area_id), origin)));
    assert!(l.when_review(chair(), review_id(2), &open).is_ok());
}

// --- Texts ------------------------------------------------------------------------------------

fn reasons(text: String) -> ReviewCommand {
    ReviewCommand::Rate(ReviewRated {
        item: area().1[0].clone(),
        rating: Rating::Met,
        reasons: text,
    })
}

#[test]
fn texts_are_limited_in_characters_not_bytes() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    let who = Who::Staff(REVIEWER);
    // Arabic letters are two bytes each in UTF-8: the limit counts characters.
    let arabic = "ع".repeat(limits::REVIEW_TEXT);
    assert_eq!(arabic.len(), 2 * limits::REVIEW_TEXT);
    assert!(l.when_review(who, id, &reasons(arabic.clone())).is_ok());
    assert!(invalid(
        l.when_review(who, id, &reasons(format!("{arabic}ع"))),
        "reasons"
    ));
    assert!(
        l.when_review(who, id, &reasons("x".repeat(limits::REVIEW_TEXT)))
            .is_ok()
    );
    assert!(invalid(
        l.when_review(who, id, &reasons("x".repeat(limits::REVIEW_TEXT + 1))),
        "reasons"
    ));
    let item = area().1[0].clone();
    let statement = |text: String| {
        ReviewCommand::Attest(ReviewAttested {
            item: item.clone(),
            statement: text,
            document: None,
        })
    };
    assert!(l.when_review(who, id, &statement(arabic.clone())).is_ok());
    assert!(invalid(
        l.when_review(who, id, &statement(format!("{arabic}ع"))),
        "statement"
    ));
    let document = |name: String| {
        ReviewCommand::Attest(ReviewAttested {
            item: item.clone(),
            statement: "the policy as adopted".into(),
            document: Some(Document {
                sha256: Default::default(),
                size: 10,
                media_type: "application/pdf".into(),
                name,
            }),
        })
    };
    assert!(
        l.when_review(who, id, &document("م".repeat(limits::TITLE)))
            .is_ok()
    );
    assert!(invalid(
        l.when_review(who, id, &document("م".repeat(limits::TITLE + 1))),
        "document"
    ));
    all_met(&mut l, id);
    l.on_review(chair(), id, ReviewCommand::Submit);
    let long = "ع".repeat(limits::REVIEW_TEXT + 1);
    assert!(invalid(
        l.when_review(Who::Staff(BOARD), id, &ret(&long)),
        "comments"
    ));
    assert!(invalid(
        l.when_review(
            Who::Staff(BOARD),
            id,
            &ReviewCommand::Approve { comments: long }
        ),
        "comments"
    ));
}

#[test]
fn empty_reasons_and_statements_are_refused() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    let item = area().1[0].clone();
    for empty in ["", " ", "\n\t "] {
        let r = l.when_review(Who::Staff(REVIEWER), id, &reasons(empty.into()));
        assert!(invalid(r.clone(), "reasons"), "{empty:?}");
        assert_eq!(
            r.unwrap_err().message().to_string(),
            "rule-invalid field=reasons reason=required"
        );
        let attested = ReviewCommand::Attest(ReviewAttested {
            item: item.clone(),
            statement: empty.into(),
            document: None,
        });
        assert!(invalid(
            l.when_review(Who::Staff(REVIEWER), id, &attested),
            "statement"
        ));
    }
}

// --- Systemic actions -------------------------------------------------------------------------

fn note(text: &str, due: Option<Date>) -> SystemicNote {
    SystemicNote {
        note: text.into(),
        due,
    }
}

/// Given the chair opened systemic action `id` owned by `owner`, from no review.
fn systemic_opened(l: &mut Ledger, id: SystemicId, owner: u128) {
    l.on_systemic(
        chair(),
        id,
        SystemicCommand::Open(systemic_from(None, None, owner)),
    );
}

#[test]
fn only_the_chair_opens_a_systemic_action() {
    let l = Ledger::new();
    let open = SystemicCommand::Open(systemic_from(None, None, INTAKE));
    for who in EVERYONE_ELSE.into_iter().take(5) {
        assert!(
            forbidden_with(
                l.when_systemic(who, systemic_id(1), &open),
                "rule-forbidden-open-systemic"
            ),
            "{who:?}"
        );
    }
    for who in [Who::Client, Who::Web] {
        assert!(forbidden_with(
            l.when_systemic(who, systemic_id(1), &open),
            "rule-forbidden-systemic-staff"
        ));
    }
    let events = l.when_systemic(chair(), systemic_id(1), &open).unwrap();
    assert!(matches!(&events[..], [Payload::SystemicOpened(_)]));
}

#[test]
fn a_systemic_action_is_owned_by_active_staff() {
    let mut l = Ledger::new();
    for owner in [DEPARTED, 4242] {
        let open = SystemicCommand::Open(systemic_from(None, None, owner));
        let r = l.when_systemic(chair(), systemic_id(1), &open);
        assert_eq!(r, Err(RuleError::UnknownStaff(staff(owner))), "{owner}");
    }
    // Staff without a role in Recourse may own one, and record its progress.
    let id = systemic_id(1);
    systemic_opened(&mut l, id, NO_ROLE);
    l.on_systemic(
        Who::Staff(NO_ROLE),
        id,
        SystemicCommand::Progress(note("the new practice is drafted", None)),
    );
    assert_eq!(l.systemic(id).progress[0].by, staff(NO_ROLE));
}

#[test]
fn a_systemic_action_serves_a_known_framework_item() {
    let l = Ledger::new();
    let mut opened = systemic_from(None, None, INTAKE);
    opened.framework_item = Some("no-such.item".into());
    assert!(invalid(
        l.when_systemic(
            chair(),
            systemic_id(1),
            &SystemicCommand::Open(opened.clone())
        ),
        "framework_item"
    ));
    opened.framework_item = Some(other_item());
    assert!(
        l.when_systemic(chair(), systemic_id(1), &SystemicCommand::Open(opened))
            .is_ok()
    );
}

#[test]
fn a_systemic_action_opened_from_a_review_names_an_item_in_its_scope() {
    let mut l = Ledger::new();
    let id = review_id(1);
    opened(&mut l, id);
    let mut from = systemic_from(Some(id), None, INTAKE);
    assert!(invalid(
        l.when_systemic(
            chair(),
            systemic_id(1),
            &SystemicCommand::Open(from.clone())
        ),
        "item"
    ));
    from.origin.item = Some(other_item());
    assert_eq!(
        l.when_systemic(chair(), systemic_id(1), &SystemicCommand::Open(from)),
        Err(RuleError::NotInScope(other_item()))
    );
}

#[test]
fn a_systemic_action_s_texts_are_required_and_limited() {
    let l = Ledger::new();
    let open = |title: String, description: String| {
        let mut o = systemic_from(None, None, INTAKE);
        o.title = title;
        o.description = description;
        SystemicCommand::Open(o)
    };
    let ok = "d".to_string();
    for (title, description, field) in [
        (String::new(), ok.clone(), "title"),
        ("ت".repeat(limits::TITLE + 1), ok.clone(), "title"),
        (ok.clone(), " ".into(), "description"),
        (
            ok.clone(),
            "ت".repeat(limits::REVIEW_TEXT + 1),
            "description",
        ),
    ] {
        assert!(
            invalid(
                l.when_systemic(chair(), systemic_id(1), &open(title, description)),
                field
            ),
            "{field}"
        );
    }
    assert!(
        l.when_systemic(
            chair(),
            systemic_id(1),
            &open("ت".repeat(limits::TITLE), "ت".repeat(limits::REVIEW_TEXT))
        )
        .is_ok()
    );
}

#[test]
fn its_owner_or_the_chair_record_progress_and_complete_a_systemic_action() {
    let mut l = Ledger::new();
    let id = systemic_id(1);
    systemic_opened(&mut l, id, INTAKE);
    for who in [Who::Staff(INTAKE), Who::Staff(CHAIR2)] {
        for command in [
            SystemicCommand::Progress(note("half the staff trained", None)),
            SystemicCommand::Complete(note("all trained", None)),
        ] {
            assert!(l.when_systemic(who, id, &command).is_ok(), "{who:?}");
        }
    }
    for who in [
        Who::Staff(REVIEWER),
        Who::Staff(AUDITOR),
        Who::Staff(BOARD),
        Who::Staff(ADMIN),
    ] {
        for command in [
            SystemicCommand::Progress(note("half the staff trained", None)),
            SystemicCommand::Complete(note("all trained", None)),
        ] {
            assert!(
                forbidden_with(
                    l.when_systemic(who, id, &command),
                    "rule-forbidden-progress-systemic"
                ),
                "{who:?}"
            );
        }
    }
    assert!(invalid(
        l.when_systemic(
            Who::Staff(INTAKE),
            id,
            &SystemicCommand::Progress(note(" ", None))
        ),
        "note"
    ));
}

#[test]
fn progress_moves_the_due_date_and_completion_does_not() {
    let mut l = Ledger::new();
    let id = systemic_id(1);
    systemic_opened(&mut l, id, INTAKE);
    assert_eq!(l.systemic(id).due, Some(date(2026, 6, 30)));
    l.on_systemic(
        Who::Staff(INTAKE),
        id,
        SystemicCommand::Progress(note(
            "the trainer is booked for July",
            Some(date(2026, 7, 31)),
        )),
    );
    assert_eq!(l.systemic(id).due, Some(date(2026, 7, 31)));
    l.on_systemic(
        Who::Staff(INTAKE),
        id,
        SystemicCommand::Progress(note("room booked", None)),
    );
    assert_eq!(l.systemic(id).due, Some(date(2026, 7, 31)));
    let events = l
        .when_systemic(
            Who::Staff(INTAKE),
            id,
            &SystemicCommand::Complete(note("done", Some(date(2027, 1, 1)))),
        )
        .unwrap();
    assert!(matches!(&events[..], [Payload::SystemicCompleted(n)] if n.due.is_none()));
    l.on_systemic(
        Who::Staff(INTAKE),
        id,
        SystemicCommand::Complete(note("done", Some(date(2027, 1, 1)))),
    );
    let action = l.systemic(id);
    assert_eq!(action.due, Some(date(2026, 7, 31)));
    assert_eq!(action.progress.len(), 2);
    assert_eq!(action.status, SystemicStatus::Completed);
    assert_eq!(action.completed.unwrap().by, staff(INTAKE));
}

#[test]
fn the_chair_or_an_auditor_verify_but_not_its_owner_nor_who_completed_it() {
    let verify = SystemicCommand::Verify(note("checked the sign-off sheets", None));
    // Owned by the chair, completed by the chair: another chair or an auditor verifies.
    let mut l = Ledger::new();
    let id = systemic_id(1);
    systemic_opened(&mut l, id, CHAIR);
    assert!(not_now(
        l.when_systemic(Who::Staff(AUDITOR), id, &verify),
        "open",
        "verify a systemic action"
    ));
    l.on_systemic(chair(), id, SystemicCommand::Complete(note("done", None)));
    let r = l.when_systemic(chair(), id, &verify);
    assert_eq!(
        r,
        Err(RuleError::OwnWork("verify an action you own or completed"))
    );
    assert_eq!(
        r.unwrap_err().message().to_string(),
        "rule-own-work what=verify-an-action-you-own-or-completed"
    );
    assert!(l.when_systemic(Who::Staff(CHAIR2), id, &verify).is_ok());
    assert!(l.when_systemic(Who::Staff(AUDITOR), id, &verify).is_ok());
    for who in [Who::Staff(REVIEWER), Who::Staff(BOARD), Who::Staff(INTAKE)] {
        assert!(
            forbidden_with(
                l.when_systemic(who, id, &verify),
                "rule-forbidden-verify-systemic"
            ),
            "{who:?}"
        );
    }
    // Owned by an auditor, completed by the chair: neither verifies, another chair does.
    let id = systemic_id(2);
    systemic_opened(&mut l, id, AUDITOR);
    l.on_systemic(chair(), id, SystemicCommand::Complete(note("done", None)));
    for who in [Who::Staff(AUDITOR), chair()] {
        assert!(
            matches!(
                l.when_systemic(who, id, &verify),
                Err(RuleError::OwnWork(_))
            ),
            "{who:?}"
        );
    }
    assert!(l.when_systemic(Who::Staff(CHAIR2), id, &verify).is_ok());
}

#[test]
fn a_verified_systemic_action_is_final() {
    let mut l = Ledger::new();
    let id = systemic_id(1);
    systemic_opened(&mut l, id, INTAKE);
    l.on_systemic(
        Who::Staff(INTAKE),
        id,
        SystemicCommand::Complete(note("done", None)),
    )
    .on_systemic(
        Who::Staff(AUDITOR),
        id,
        SystemicCommand::Verify(note("seen the records", None)),
    );
    let action = l.systemic(id);
    assert_eq!(action.status, SystemicStatus::Verified);
    assert_eq!(action.verified.unwrap().by, staff(AUDITOR));
    for (command, action) in [
        (
            SystemicCommand::Open(systemic_from(None, None, INTAKE)),
            "open a systemic action",
        ),
        (
            SystemicCommand::Progress(note("more", None)),
            "record progress",
        ),
        (
            SystemicCommand::Complete(note("again", None)),
            "complete a systemic action",
        ),
        (
            SystemicCommand::Verify(note("again", None)),
            "verify a systemic action",
        ),
    ] {
        assert!(
            not_now(l.when_systemic(chair(), id, &command), "verified", action),
            "{action}"
        );
    }
}

// --- Wording ----------------------------------------------------------------------------------

/// The source of message `id` in `locales/<lang>/rules.ftl`: its line and the indented lines
/// after it.
fn message_source(lang: &str, id: &str) -> String {
    let path = format!("{}/../locales/{lang}/rules.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let start = format!("{id} =");
    let mut lines = text.lines().skip_while(|l| !l.starts_with(&start));
    let first = lines.next().unwrap_or_else(|| panic!("{lang} has no {id}"));
    let rest = lines.take_while(|l| l.starts_with(' '));
    std::iter::once(first)
        .chain(rest)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_state_and_own_work_refusal_the_rules_give_has_its_own_wording_in_every_language() {
    // Every refusal for the state of a review or a systemic action, and for checking one's own
    // work, as the rules give them (not as a list that could drift from them).
    let mut refusals = vec![];
    let mut l = Ledger::new();
    let item = area().1[0].clone();
    let review_commands = |l: &Ledger| {
        vec![
            open_area(l),
            rate(&item, Rating::Met),
            attest(&item),
            ReviewCommand::Submit,
            ret("comments"),
            approve(),
        ]
    };
    let try_all = |l: &Ledger, id: ReviewId, refusals: &mut Vec<RuleError>| {
        for command in review_commands(l) {
            for who in [chair(), Who::Staff(REVIEWER), Who::Staff(BOARD)] {
                if let Err(e) = l.when_review(who, id, &command) {
                    refusals.push(e);
                }
            }
        }
    };
    let id = review_id(1);
    try_all(&l, id, &mut refusals);
    opened(&mut l, id);
    all_met(&mut l, id);
    try_all(&l, id, &mut refusals);
    l.on_review(Who::Staff(BOARD_CHAIR), id, ReviewCommand::Submit);
    try_all(&l, id, &mut refusals);
    refusals.extend(l.when_review(Who::Staff(BOARD_CHAIR), id, &approve()).err());
    let s = systemic_id(1);
    let systemic_commands = [
        SystemicCommand::Open(systemic_from(None, None, CHAIR)),
        SystemicCommand::Progress(note("n", None)),
        SystemicCommand::Complete(note("n", None)),
        SystemicCommand::Verify(note("n", None)),
    ];
    let try_systemic = |l: &Ledger, refusals: &mut Vec<RuleError>| {
        for command in &systemic_commands {
            for who in [chair(), Who::Staff(AUDITOR)] {
                if let Err(e) = l.when_systemic(who, s, command) {
                    refusals.push(e);
                }
            }
        }
    };
    try_systemic(&l, &mut refusals);
    systemic_opened(&mut l, s, CHAIR);
    try_systemic(&l, &mut refusals);
    l.on_systemic(chair(), s, SystemicCommand::Complete(note("done", None)));
    try_systemic(&l, &mut refusals);
    l.on_systemic(
        Who::Staff(AUDITOR),
        s,
        SystemicCommand::Verify(note("ok", None)),
    );
    try_systemic(&l, &mut refusals);

    let mut checked = 0;
    for e in &refusals {
        let m = e.message();
        if !matches!(m.id, "rule-not-now" | "rule-own-work") {
            continue;
        }
        for lang in ["en", "fr", "ar", "es", "fa", "uk"] {
            let source = message_source(lang, m.id);
            for (name, value) in &m.args {
                let variant = format!("[{value}]");
                assert!(
                    source.contains(&variant),
                    "{lang}: {} has no variant {variant} for ${name}",
                    m.id
                );
                checked += 1;
            }
        }
    }
    // Ten attempted actions, the statuses a review or an action refuses them in, and two kinds
    // of one's own work.
    let distinct: std::collections::BTreeSet<String> = refusals
        .iter()
        .map(|e| e.message().to_string())
        .filter(|m| m.starts_with("rule-not-now") || m.starts_with("rule-own-work"))
        .collect();
    assert!(distinct.len() >= 20, "{distinct:#?}");
    assert!(checked > 200);
}
