//! A review's figures, checked against hand computation on a small ledger of signed entries:
//! every measure's count and `of`, and the cases behind each figure.
//!
//! The organization uses the default settings: America/Toronto (UTC-5 until 2026-03-08, then
//! UTC-4), Ontario holidays (Family Day Monday 2026-02-16), 2 business days to acknowledge, 30
//! calendar days to decide. The period is 2026-Q1: local dates 2026-01-01 to 2026-03-31.
//!
//! The history (case numbers as in `Ledger::case_id`; X and Y are two framework items):
//!
//! | case | filed (local) | in Q1 | what happens |
//! | --- | --- | --- | --- |
//! | 1 | Mon 01-12 | yes | ack next day (1 business day); triaged citing privacy, tagged X; viewed by its reviewer, then by an auditor (an outsider); finding tagged X and Y; decided 01-22 (10 days); actions #1 (X, due 02-28, verified 02-20) and #2 (due 03-15, verified 03-20, late); client rates 4, explained, not fair; appealed |
//! | 2 | Fri 02-13 | yes | cites privacy, names a staff member; ack Thu 02-19 (Tue 17, Wed 18, Thu 19: 3 business days, late); its reviewer recuses (02-20) |
//! | 3 | Mon 03-02 | yes | withdrawn by the client, never acknowledged |
//! | 4 | Tue 03-10 | yes | ack next day; finding tagged Y citing information; decided 04-20 (41 days, late); action due 04-30; client rates 2, not explained, fair; a recusal on 04-02 |
//! | 5 | 2025-12-20 | no | triaged X, decided in December; action #1 (X) opened 01-15 due 03-31, still open; a chair opens it (outsider, 02-02); the chair records a recusal (02-03) |
//! | 6 | Thu 04-02 | no | viewed by intake on 04-03 |
//!
//! Systemic actions: S1 opened 01-20 for X, due 03-15, verified 03-10 (on time); S2 opened
//! 02-01 for Y, due 03-31 moved to 04-30 by progress (not due in Q1); S3 opened 2025-12-15 for
//! X, due 02-15, verified 02-20 (late).
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod common;
mod support;

use common::*;
use jiff::civil::{Date, date};
use recourse_events::case::*;
use recourse_events::ids::{ActionId, CaseId};
use recourse_events::review::*;
use recourse_projections::case::Command;
use recourse_projections::framework::Reference;
use recourse_projections::review::evidence::{ItemMeasures, cases_behind, figures};
use recourse_projections::review::measure::Measure;
use recourse_projections::systemic::SystemicCommand;
use support::*;

fn q1() -> Period {
    Period::new(PeriodKind::Quarter, date(2026, 1, 1), 1).unwrap()
}

/// Two framework items of the shipped framework.
fn items() -> (String, String) {
    let reference = Reference::shipped();
    let items = &reference.framework.areas[0].items;
    (items[1].id.clone(), items[2].id.clone())
}

fn web(rights: &[&str], named: &[u128]) -> Command {
    let mut f = filing(named);
    f.rights = rights.iter().map(|r| r.to_string()).collect();
    Command::File(Box::new(f))
}

fn ack() -> Command {
    Command::Acknowledge { note: None }
}

fn triage(rights: &[&str], items: &[&str]) -> Command {
    Command::Triage(Triaged {
        category: "service_quality".into(),
        rights: rights.iter().map(|r| r.to_string()).collect(),
        framework_items: items.iter().map(|r| r.to_string()).collect(),
        urgency: Urgency::Routine,
        sensitive: false,
        escalated: false,
        named_staff: vec![],
    })
}

fn assign(n: u128) -> Command {
    Command::AssignReviewer { reviewer: staff(n) }
}

fn find(rights: &[&str], items: &[&str]) -> Command {
    Command::RecordFinding(FindingRecorded {
        rights: rights.iter().map(|r| r.to_string()).collect(),
        framework_items: items.iter().map(|r| r.to_string()).collect(),
        substantiated: true,
        summary: sealed("finding"),
    })
}

fn decide() -> Command {
    Command::Decide(decision(Outcome::Upheld))
}

fn view(purpose: Purpose) -> Command {
    Command::View { purpose }
}

fn open_action(due: Date, item: Option<&str>) -> Command {
    Command::OpenAction {
        owner: staff(INTAKE),
        due,
        framework_item: item.map(String::from),
        description: sealed("retrain"),
    }
}

fn action_note(n: u32) -> ActionNote {
    ActionNote {
        action: ActionId(n),
        note: sealed("note"),
    }
}

fn satisfaction(rating: u8, explained: bool, fair: bool) -> Command {
    Command::RecordSatisfaction(SatisfactionRecorded {
        rating,
        explained,
        fair,
    })
}

fn recuse(n: u128) -> Command {
    Command::Recuse(Recused {
        staff: staff(n),
        conflict: ConflictKind::Relationship,
        reason: sealed("conflict"),
    })
}

fn systemic(item: &str, due: Date) -> SystemicCommand {
    SystemicCommand::Open(SystemicOpened {
        title: "Review the confidentiality practice".into(),
        description: "Across every site.".into(),
        owner: staff(INTAKE),
        due,
        framework_item: Some(item.into()),
        origin: Origin::default(),
    })
}

fn note(text: &str, due: Option<Date>) -> SystemicNote {
    SystemicNote {
        note: text.into(),
        due,
    }
}

const I: Who = Who::Staff(INTAKE);
const R: Who = Who::Staff(REVIEWER);
const C: Who = Who::Staff(CHAIR);

/// The history of the table above, in time order (entries must be folded in order, and the
/// rules judge each command at its time).
fn history() -> Ledger {
    let (x, y) = items();
    let (x, y) = (x.as_str(), y.as_str());
    let mut l = Ledger::new();
    // Before the period.
    l.at("2025-12-15T15:00:00Z")
        .on_systemic(C, systemic_id(3), systemic(x, date(2026, 2, 15)));
    l.at("2025-12-20T15:00:00Z")
        .on_case(5, Who::Web, web(&["respect"], &[]))
        .on_case(5, I, ack())
        .on_case(5, I, triage(&[], &[x]))
        .on_case(5, I, assign(REVIEWER))
        .on_case(5, R, find(&["respect"], &[]))
        .on_case(5, R, decide());
    // January.
    l.at("2026-01-12T15:00:00Z")
        .on_case(1, Who::Web, web(&["respect"], &[]));
    l.at("2026-01-13T15:00:00Z")
        .on_case(1, I, ack())
        .on_case(1, I, triage(&["privacy"], &[x]))
        .on_case(1, I, assign(REVIEWER));
    l.at("2026-01-14T15:00:00Z")
        .on_case(1, R, view(Purpose::Handling));
    l.at("2026-01-15T15:00:00Z")
        .on_case(1, Who::Staff(AUDITOR), view(Purpose::Audit))
        .on_case(5, R, open_action(date(2026, 3, 31), Some(x)));
    l.at("2026-01-20T15:00:00Z")
        .on_case(1, R, find(&["respect"], &[x, y]))
        .on_systemic(C, systemic_id(1), systemic(x, date(2026, 3, 15)));
    l.at("2026-01-22T15:00:00Z").on_case(1, R, decide());
    l.at("2026-01-23T15:00:00Z")
        .on_case(1, R, open_action(date(2026, 2, 28), Some(x)))
        .on_case(1, R, open_action(date(2026, 3, 15), None));
    l.at("2026-01-25T15:00:00Z")
        .on_case(1, Who::Client, satisfaction(4, true, false));
    l.at("2026-01-26T15:00:00Z").on_case(
        1,
        Who::Client,
        Command::Appeal(AppealFiled {
            grounds: sealed("unfair"),
        }),
    );
    // February.
    l.at("2026-02-01T15:00:00Z")
        .on_systemic(C, systemic_id(2), systemic(y, date(2026, 3, 31)));
    l.at("2026-02-02T15:00:00Z")
        .on_case(5, C, view(Purpose::Handling));
    l.at("2026-02-03T15:00:00Z")
        .on_case(5, C, recuse(REVIEWER2));
    l.at("2026-02-10T15:00:00Z")
        .on_case(1, I, Command::CompleteAction(action_note(1)))
        .on_case(1, I, Command::CompleteAction(action_note(2)));
    l.at("2026-02-13T15:00:00Z")
        .on_case(2, Who::Web, web(&["privacy"], &[REVIEWER2]));
    l.at("2026-02-19T15:00:00Z")
        .on_case(2, I, ack())
        .on_case(2, I, triage(&[], &[]))
        .on_case(2, I, assign(REVIEWER));
    l.at("2026-02-20T15:00:00Z")
        .on_case(2, R, recuse(REVIEWER))
        .on_case(1, C, Command::VerifyAction(action_note(1)))
        .on_systemic(
            I,
            systemic_id(3),
            SystemicCommand::Complete(note("done", None)),
        )
        .on_systemic(
            Who::Staff(AUDITOR),
            systemic_id(3),
            SystemicCommand::Verify(note("checked", None)),
        );
    // March (Toronto moves to UTC-4 on the 8th).
    l.at("2026-03-01T15:00:00Z")
        .on_systemic(
            I,
            systemic_id(1),
            SystemicCommand::Complete(note("done", None)),
        )
        .on_systemic(
            I,
            systemic_id(2),
            SystemicCommand::Progress(note("delayed", Some(date(2026, 4, 30)))),
        );
    l.at("2026-03-02T15:00:00Z")
        .on_case(3, Who::Web, web(&["respect"], &[]));
    l.at("2026-03-05T15:00:00Z")
        .on_case(3, Who::Client, Command::Withdraw);
    l.at("2026-03-10T14:00:00Z")
        .on_case(4, Who::Web, web(&["respect"], &[]))
        .on_systemic(
            Who::Staff(AUDITOR),
            systemic_id(1),
            SystemicCommand::Verify(note("checked", None)),
        );
    l.at("2026-03-11T14:00:00Z")
        .on_case(4, I, ack())
        .on_case(4, I, assign(REVIEWER2));
    l.at("2026-03-12T14:00:00Z")
        .on_case(4, Who::Staff(REVIEWER2), view(Purpose::Handling))
        .on_case(4, Who::Staff(REVIEWER2), find(&["information"], &[y]));
    l.at("2026-03-20T14:00:00Z")
        .on_case(1, C, Command::VerifyAction(action_note(2)));
    // March 31, 23:30 in Toronto is still the first quarter; 04:30 UTC on April 1 too.
    l.at("2026-04-01T03:30:00Z")
        .on_case(2, Who::Staff(CHAIR2), view(Purpose::Handling));
    // April.
    l.at("2026-04-02T14:00:00Z")
        .on_case(4, C, recuse(REVIEWER))
        .on_case(6, Who::Web, web(&["privacy"], &[]));
    l.at("2026-04-03T14:00:00Z")
        .on_case(6, I, view(Purpose::Handling));
    l.at("2026-04-20T14:00:00Z")
        .on_case(4, Who::Staff(REVIEWER2), decide())
        .on_case(
            4,
            Who::Staff(REVIEWER2),
            open_action(date(2026, 4, 30), None),
        );
    l.at("2026-04-21T14:00:00Z")
        .on_case(4, Who::Client, satisfaction(2, false, true));
    l
}

fn cases(ns: &[u128]) -> Vec<CaseId> {
    ns.iter().map(|n| Ledger::case_id(*n)).collect()
}

/// The figure of `measure` for `item`, checked against `count`/`of`, and the cases behind it
/// against `behind` (both ways of computing it give the same figure).
fn check(l: &Ledger, item: &str, measure: &str, count: u64, of: Option<u64>, behind: &[u128]) {
    let m = Measure::parse(measure).unwrap();
    let recorded = figures(
        &l.model,
        q1(),
        &[ItemMeasures {
            item: item.into(),
            measures: vec![m.clone()],
        }],
    );
    let figure = &recorded[0].figures[0];
    assert_eq!(figure.measure, measure);
    assert_eq!(
        (figure.count, figure.of),
        (count, of),
        "{measure} for {item}"
    );
    let (again, list) = cases_behind(&l.model, q1(), item, &m);
    assert_eq!(
        &again, figure,
        "{measure}: cases_behind gives the same figure"
    );
    assert_eq!(list, cases(behind), "{measure}: the cases behind");
}

#[test]
fn the_history_is_as_the_table_says() {
    let l = history();
    let clocks = l.model.clocks();
    assert_eq!(clocks.business_days_to_acknowledge(l.case(1)), Some(1));
    assert_eq!(clocks.business_days_to_acknowledge(l.case(2)), Some(3));
    assert_eq!(clocks.business_days_to_acknowledge(l.case(4)), Some(1));
    assert_eq!(clocks.days_to_decide(l.case(1)), Some(10));
    assert_eq!(clocks.days_to_decide(l.case(4)), Some(41));
    let views: Vec<bool> = l.case(1).views.iter().map(|v| v.outsider).collect();
    assert_eq!(views, [false, true]);
    assert_eq!(
        l.model.systemic_action(&systemic_id(2)).unwrap().due,
        Some(date(2026, 4, 30))
    );
}

#[test]
fn complaints_count_those_filed_in_the_period_in_local_time() {
    let l = history();
    check(&l, "any", "complaints", 4, None, &[1, 2, 3, 4]);
}

#[test]
fn acknowledged_and_decided_on_time_are_shares_of_those_acknowledged_and_decided() {
    let l = history();
    check(&l, "any", "acknowledged-on-time", 2, Some(3), &[1, 4]);
    check(&l, "any", "decided-on-time", 1, Some(2), &[1]);
}

#[test]
fn decided_counts_decisions_and_withdrawals_of_all_filed() {
    let l = history();
    check(&l, "any", "decided", 3, Some(4), &[1, 3, 4]);
}

#[test]
fn appeals_are_a_share_of_the_decided() {
    let l = history();
    check(&l, "any", "appeals", 1, Some(2), &[1]);
}

#[test]
fn satisfaction_sums_the_ratings_and_explained_and_fair_count_yes() {
    let l = history();
    check(&l, "any", "satisfaction", 6, Some(2), &[1, 4]);
    check(&l, "any", "explained", 1, Some(2), &[1]);
    check(&l, "any", "fair", 1, Some(2), &[4]);
}

#[test]
fn outsider_openings_count_openings_in_the_period_on_any_case() {
    // In Q1: case 1 by its reviewer and by an auditor (outsider), case 5 by the chair
    // (outsider), case 4 by its reviewer, case 2 by a chair late on March 31 local time
    // (outsider). Case 6's opening is in April.
    let l = history();
    check(&l, "any", "outsider-openings", 3, Some(5), &[1, 2, 5]);
}

#[test]
fn citing_a_right_looks_at_the_filing_the_triage_and_the_findings() {
    let l = history();
    check(&l, "any", "citing-right:privacy", 2, Some(4), &[1, 2]);
    check(&l, "any", "citing-right:information", 1, Some(4), &[4]);
    check(&l, "any", "citing-right:respect", 3, Some(4), &[1, 3, 4]);
}

#[test]
fn recusals_count_those_recorded_in_the_period_on_any_case() {
    let l = history();
    check(&l, "any", "recusals", 2, None, &[2, 5]);
}

#[test]
fn named_staff_is_a_share_of_the_filed() {
    let l = history();
    check(&l, "any", "named-staff", 1, Some(4), &[2]);
}

#[test]
fn corrective_actions_due_in_the_period_verified_by_their_due_date() {
    // Case 1 #1 (due 02-28, verified 02-20), case 1 #2 (due 03-15, verified 03-20), case 5 #1
    // (due 03-31, open); case 4's action is due in April.
    let l = history();
    check(&l, "any", "actions-verified-on-time", 1, Some(3), &[1]);
}

#[test]
fn systemic_actions_due_in_the_period_verified_by_their_due_date() {
    let l = history();
    check(&l, "any", "systemic-verified-on-time", 1, Some(2), &[]);
}

#[test]
fn tagged_counts_are_per_item() {
    let (x, y) = items();
    let l = history();
    check(&l, &x, "tagged-complaints", 1, None, &[1]);
    check(&l, &y, "tagged-complaints", 0, None, &[]);
    check(&l, &x, "tagged-findings", 1, None, &[1]);
    check(&l, &y, "tagged-findings", 2, None, &[1, 4]);
    check(&l, &x, "tagged-actions", 2, None, &[1, 5]);
    check(&l, &y, "tagged-actions", 0, None, &[]);
    check(&l, &x, "tagged-systemic", 1, None, &[]);
    check(&l, &y, "tagged-systemic", 1, None, &[]);
}

#[test]
fn every_item_gets_its_measures_then_the_tagged_counts_once() {
    let (x, _) = items();
    let l = history();
    let recorded = figures(
        &l.model,
        q1(),
        &[
            ItemMeasures {
                item: x.clone(),
                measures: vec![Measure::Complaints, Measure::TaggedActions],
            },
            ItemMeasures {
                item: "other".into(),
                measures: vec![],
            },
        ],
    );
    let names: Vec<&str> = recorded[0]
        .figures
        .iter()
        .map(|f| f.measure.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "complaints",
            "tagged-actions",
            "tagged-complaints",
            "tagged-findings",
            "tagged-systemic"
        ]
    );
    assert_eq!(recorded[1].item, "other");
    assert!(recorded[1].figures.iter().all(|f| f.count == 0));
    assert_eq!(recorded[1].figures.len(), 4);
}

#[test]
fn another_period_gives_its_own_figures() {
    let l = history();
    let q2 = q1().next();
    let one = |m: &str| {
        let f = &figures(
            &l.model,
            q2,
            &[ItemMeasures {
                item: "any".into(),
                measures: vec![Measure::parse(m).unwrap()],
            }],
        )[0]
        .figures[0];
        (f.count, f.of)
    };
    assert_eq!(one("complaints"), (1, None));
    // Case 6's opening by intake, who is on no case yet: an outsider.
    assert_eq!(one("outsider-openings"), (1, Some(1)));
    assert_eq!(one("recusals"), (1, None));
    // Case 4's action (due 04-30, open) and systemic action 2 (moved to 04-30).
    assert_eq!(one("actions-verified-on-time"), (0, Some(1)));
    assert_eq!(one("systemic-verified-on-time"), (0, Some(1)));
}

#[test]
fn the_same_entries_folded_again_give_the_same_figures() {
    let l = history();
    let mut again =
        recourse_projections::read_model::ReadModel::new(std::sync::Arc::new(Reference::shipped()));
    let entries: Vec<(u64, &[u8])> = l
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (i as u64, e.as_slice()))
        .collect();
    again.apply_entries(&entries).unwrap();
    let all: Vec<Measure> = [
        "complaints",
        "acknowledged-on-time",
        "decided-on-time",
        "decided",
        "appeals",
        "satisfaction",
        "explained",
        "fair",
        "outsider-openings",
        "citing-right:privacy",
        "recusals",
        "named-staff",
        "actions-verified-on-time",
        "systemic-verified-on-time",
    ]
    .iter()
    .map(|m| Measure::parse(m).unwrap())
    .collect();
    let items = [ItemMeasures {
        item: items().0,
        measures: all,
    }];
    assert_eq!(
        figures(&l.model, q1(), &items),
        figures(&again, q1(), &items)
    );
}
