//! Service-level clocks and the board's dashboard, checked against figures computed by hand.
//!
//! The organization uses the default settings: America/Toronto, Ontario holidays, 2 business
//! days to acknowledge, 30 calendar days to decide. Toronto is UTC-5 (EST) until 2026-03-08
//! 02:00, then UTC-4 (EDT) until 2026-11-01 02:00. Ontario holidays met here: Family Day Monday
//! 2026-02-16, Good Friday 2026-04-03, Christmas Friday 2026-12-25 and Boxing Day (Saturday
//! 2026-12-26, observed Monday 2026-12-28).
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod support;

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use recourse_events::case::*;
use recourse_events::ids::{ActionId, CaseId};
use recourse_events::org::Settings;
use recourse_projections::actor::{Actor, WEB_INTAKE};
use recourse_projections::case::{Case, Command};
use recourse_projections::clock::{ClockError, ClockStatus, Clocks};
use recourse_projections::dashboard::{
    Dashboard, Dimension, Granularity, Metrics, Period, Query, Satisfaction,
};
use recourse_projections::framework::Reference;
use support::*;
use uuid::Uuid;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn clocks() -> Clocks {
    Clocks::from_settings(&Settings::default()).unwrap()
}

/// A new case `id` filed at `at` (web filings by the web intake, others by intake staff).
fn file(id: u128, at: &str, f: ComplaintFiled) -> World {
    let mut w = World::filed(&[]);
    w.case = Case::new(CaseId(Uuid::from_u128(id)));
    w.now = ts(at);
    let by = if f.channel == Channel::Web {
        Actor::Service(WEB_INTAKE.into())
    } else {
        as_staff(INTAKE)
    };
    w.run(by, Command::File(Box::new(f)));
    w
}

fn web(language: &str, anonymous: bool, stream: Option<&str>, rights: &[&str]) -> ComplaintFiled {
    let mut f = filing(&[]);
    f.language = language.into();
    f.anonymous = anonymous;
    f.service_stream = stream.map(String::from);
    f.rights = rights.iter().map(|r| r.to_string()).collect();
    f
}

/// `command` by `who` at `at`.
fn at(w: &mut World, at: &str, who: Actor, command: Command) {
    w.now = ts(at);
    w.run(who, command);
}

fn ack() -> Command {
    Command::Acknowledge { note: None }
}

fn assign(n: u128) -> Command {
    Command::AssignReviewer { reviewer: staff(n) }
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

fn find(rights: &[&str], items: &[&str], substantiated: bool) -> Command {
    Command::RecordFinding(FindingRecorded {
        rights: rights.iter().map(|r| r.to_string()).collect(),
        framework_items: items.iter().map(|r| r.to_string()).collect(),
        substantiated,
        summary: sealed("finding"),
    })
}

fn decide(outcome: Outcome) -> Command {
    Command::Decide(decision(outcome))
}

fn view(purpose: Purpose) -> Command {
    Command::View { purpose }
}

fn recuse(n: u128) -> Command {
    Command::Recuse(Recused {
        staff: staff(n),
        conflict: ConflictKind::Relationship,
        reason: sealed("conflict"),
    })
}

fn pause() -> Command {
    Command::PauseClock(ClockPaused {
        reason: sealed("waiting for documents"),
    })
}

fn note(n: u32) -> ActionNote {
    ActionNote {
        action: ActionId(n),
        note: sealed("note"),
    }
}

fn open_action(due: Date, item: Option<&str>) -> Command {
    Command::OpenAction {
        owner: staff(INTAKE),
        due,
        framework_item: item.map(String::from),
        description: sealed("retrain"),
    }
}

/// The report's "now": Monday 2026-04-20, 12:00 in Toronto.
const NOW: &str = "2026-04-20T16:00:00Z";

/// The fixed history, folded into a dashboard after every event. Each case is described with
/// its hand-computed clock figures; the dashboard figures are derived in the tests below.
struct History {
    dash: Dashboard,
    clocks: Clocks,
    /// A, B, C, D, E (filed in February), F, G (filed in March).
    cases: BTreeMap<char, Case>,
}

/// Folds every step into the dashboard right away, as the read model does.
struct Recorder {
    dash: Dashboard,
    clocks: Clocks,
}

impl Recorder {
    fn file(&mut self, id: u128, when: &str, f: ComplaintFiled) -> World {
        let w = file(id, when, f);
        self.dash.update(&w.case, &self.clocks);
        w
    }

    fn go(&mut self, w: &mut World, when: &str, who: Actor, cmd: Command) {
        at(w, when, who, cmd);
        self.dash.update(&w.case, &self.clocks);
    }
}

fn history() -> History {
    let mut rec = Recorder {
        dash: Dashboard::default(),
        clocks: clocks(),
    };
    let mut cases = BTreeMap::new();

    // A: filed Friday 2026-02-13 10:00 EST, acknowledged Tuesday 2026-02-17 09:00.
    // Business days d with Feb 13 < d <= Feb 17: Sat 14, Sun 15 and Family Day Mon 16 do not
    // count, Tue 17 does: 1 business day, within the target of 2.
    // Decided Thursday 2026-03-05: Feb 13 -> Mar 13 is 28 days (February 2026 has 28), so
    // Mar 5 is 20 calendar days, within 30. Two corrective actions opened 2026-03-06 (March):
    // #1 due 03-31, verified 03-20 (March); #2 due 04-10, still open at NOW: overdue.
    // Appealed, and the client answered: rating 4, explained, not fair.
    // Rights: respect (filing, finding), privacy (triage). Framework items:
    // ethics.conflict-confidentiality-conduct (triage), monitoring.complaints-review (finding);
    // the action's knowledge.training item is not a case item.
    let mut a = rec.file(
        101,
        "2026-02-13T15:00:00Z",
        web("fr", false, Some("language-training"), &["respect"]),
    );
    let w = &mut a;
    rec.go(w, "2026-02-17T14:00:00Z", as_staff(INTAKE), ack());
    rec.go(
        w,
        "2026-02-17T15:00:00Z",
        as_staff(INTAKE),
        triage(&["privacy"], &["ethics.conflict-confidentiality-conduct"]),
    );
    rec.go(
        w,
        "2026-02-17T16:00:00Z",
        as_staff(INTAKE),
        assign(REVIEWER),
    );
    rec.go(
        w,
        "2026-02-18T15:00:00Z",
        as_staff(REVIEWER),
        view(Purpose::Handling),
    );
    rec.go(
        w,
        "2026-03-04T15:00:00Z",
        as_staff(REVIEWER),
        find(&["respect"], &["monitoring.complaints-review"], true),
    );
    rec.go(
        w,
        "2026-03-05T15:00:00Z",
        as_staff(REVIEWER),
        decide(Outcome::Upheld),
    );
    rec.go(
        w,
        "2026-03-06T15:00:00Z",
        as_staff(REVIEWER),
        open_action(date(2026, 3, 31), Some("knowledge.training")),
    );
    rec.go(
        w,
        "2026-03-06T16:00:00Z",
        as_staff(REVIEWER),
        open_action(date(2026, 4, 10), None),
    );
    rec.go(
        w,
        "2026-03-18T14:00:00Z",
        as_staff(INTAKE),
        Command::CompleteAction(note(1)),
    );
    rec.go(
        w,
        "2026-03-20T14:00:00Z",
        as_staff(CHAIR),
        Command::VerifyAction(note(1)),
    );
    rec.go(
        w,
        "2026-03-25T14:00:00Z",
        Actor::Client,
        Command::Appeal(AppealFiled {
            grounds: sealed("unfair"),
        }),
    );
    rec.go(
        w,
        "2026-03-26T14:00:00Z",
        Actor::Client,
        Command::RecordSatisfaction(SatisfactionRecorded {
            explained: true,
            fair: false,
            rating: 4,
        }),
    );
    cases.insert('A', a.case);

    // B: filed Monday 2026-02-02 09:00 EST, acknowledged the same day: 0 business days.
    // The reviewer recuses on 2026-02-05 (a February recusal). Paused Tuesday 2026-02-10 10:00,
    // resumed Sunday 2026-02-15 10:00: days d with Feb 10 < d <= Feb 15, 5 calendar days.
    // Decided Friday 2026-03-06: Feb 2 -> Mar 2 is 28 days, -> Mar 6 is 32 days: late without
    // the pause (due Mar 4), 32 - 5 = 27 days with it (due Mar 9): within target.
    // Views: the new reviewer (involved, not an outsider), then an auditor (outsider). Closed.
    // Framework items scope.individual-roles and scope.defined: one area, scope.
    let mut b = rec.file(
        102,
        "2026-02-02T14:00:00Z",
        web("ar", false, None, &["information"]),
    );
    let w = &mut b;
    rec.go(w, "2026-02-02T16:00:00Z", as_staff(INTAKE), ack());
    rec.go(
        w,
        "2026-02-02T17:00:00Z",
        as_staff(INTAKE),
        triage(&[], &["scope.individual-roles"]),
    );
    rec.go(
        w,
        "2026-02-03T15:00:00Z",
        as_staff(INTAKE),
        assign(REVIEWER),
    );
    rec.go(
        w,
        "2026-02-05T15:00:00Z",
        as_staff(REVIEWER),
        recuse(REVIEWER),
    );
    rec.go(
        w,
        "2026-02-05T16:00:00Z",
        as_staff(INTAKE),
        assign(REVIEWER2),
    );
    rec.go(
        w,
        "2026-02-06T15:00:00Z",
        as_staff(REVIEWER2),
        view(Purpose::Handling),
    );
    rec.go(w, "2026-02-10T15:00:00Z", as_staff(REVIEWER2), pause());
    rec.go(
        w,
        "2026-02-15T15:00:00Z",
        as_staff(REVIEWER2),
        Command::ResumeClock,
    );
    rec.go(
        w,
        "2026-03-05T15:00:00Z",
        as_staff(REVIEWER2),
        find(&["information"], &["scope.defined"], false),
    );
    rec.go(
        w,
        "2026-03-06T15:00:00Z",
        as_staff(REVIEWER2),
        decide(Outcome::NotUpheld),
    );
    rec.go(
        w,
        "2026-03-10T14:00:00Z",
        as_staff(AUDITOR),
        view(Purpose::Audit),
    );
    rec.go(w, "2026-03-11T14:00:00Z", as_staff(CHAIR), Command::Close);
    cases.insert('B', b.case);

    // C: by phone, filed Thursday 2026-02-19, acknowledged Tuesday 2026-02-24: Fri 20, Mon 23,
    // Tue 24 are 3 business days, late. Withdrawn the next day.
    let mut phone = web("en", false, Some("employment"), &["respect"]);
    phone.channel = Channel::Phone;
    let mut c = rec.file(103, "2026-02-19T15:00:00Z", phone);
    let w = &mut c;
    rec.go(w, "2026-02-24T15:00:00Z", as_staff(INTAKE), ack());
    rec.go(
        w,
        "2026-02-25T15:00:00Z",
        as_staff(INTAKE),
        Command::Withdraw,
    );
    cases.insert('C', c.case);

    // D: anonymous, filed Thursday 2026-02-26 15:00, acknowledged Friday 27: 1 business day.
    // The client comes back with their code on 2026-03-02. A recusal on 2026-04-02 (April:
    // outside the first quarter). Still open.
    let mut d = rec.file(
        104,
        "2026-02-26T20:00:00Z",
        web("es", true, Some("language-training"), &["complaint"]),
    );
    let w = &mut d;
    rec.go(w, "2026-02-27T14:00:00Z", as_staff(CHAIR), ack());
    rec.go(
        w,
        "2026-03-02T14:00:00Z",
        Actor::Client,
        Command::AddInformation(ClientText {
            text: sealed("more"),
        }),
    );
    rec.go(
        w,
        "2026-04-02T13:00:00Z",
        as_staff(CHAIR),
        recuse(REVIEWER2),
    );
    cases.insert('D', d.case);

    // E: anonymous, filed Saturday 2026-02-28 21:00 EST, which is already March 1 in UTC: it
    // belongs to February. Never acknowledged, no rights cited. Open.
    let e = rec.file(105, "2026-03-01T02:00:00Z", web("fa", true, None, &[]));
    cases.insert('E', e.case);

    // F: filed Monday 2026-03-09 09:00 EDT, acknowledged Friday 13: Tue 10 .. Fri 13 are 4
    // business days, late. Decided (resolved early) Monday 16: 7 days. Closed, reopened:
    // the decision and findings are gone (no outcome, no framework item), the first decision's
    // timeliness stays. The reviewer then recuses on 2026-03-20 (a March recusal). Open.
    let mut f = rec.file(
        106,
        "2026-03-09T13:00:00Z",
        web("fr", false, Some("employment"), &["file"]),
    );
    let w = &mut f;
    rec.go(w, "2026-03-13T13:00:00Z", as_staff(INTAKE), ack());
    rec.go(
        w,
        "2026-03-13T14:00:00Z",
        as_staff(CHAIR),
        assign(REVIEWER3),
    );
    rec.go(
        w,
        "2026-03-16T13:00:00Z",
        as_staff(REVIEWER3),
        find(&[], &["ethics.complaints"], true),
    );
    rec.go(
        w,
        "2026-03-16T14:00:00Z",
        as_staff(REVIEWER3),
        decide(Outcome::ResolvedEarly),
    );
    rec.go(w, "2026-03-17T13:00:00Z", as_staff(CHAIR), Command::Close);
    rec.go(
        w,
        "2026-03-19T13:00:00Z",
        as_staff(CHAIR),
        Command::Reopen(Reopened {
            reason: sealed("new facts"),
        }),
    );
    rec.go(
        w,
        "2026-03-20T13:00:00Z",
        as_staff(REVIEWER3),
        recuse(REVIEWER3),
    );
    cases.insert('F', f.case);

    // G: anonymous, filed Monday 2026-03-16, acknowledged Tuesday 17: 1 business day.
    // Decided (partly upheld) Friday 2026-04-17: Mar 16 -> Apr 16 is 31 days, so 32: late.
    // The client asks for erasure (they came back), and the data is erased.
    let mut g = rec.file(
        107,
        "2026-03-16T13:00:00Z",
        web("fr", true, None, &["privacy"]),
    );
    let w = &mut g;
    rec.go(w, "2026-03-17T13:00:00Z", as_staff(INTAKE), ack());
    rec.go(
        w,
        "2026-03-17T14:00:00Z",
        as_staff(INTAKE),
        assign(REVIEWER),
    );
    rec.go(
        w,
        "2026-04-14T13:00:00Z",
        as_staff(REVIEWER),
        find(
            &["privacy"],
            &["ethics.conflict-confidentiality-conduct"],
            true,
        ),
    );
    rec.go(
        w,
        "2026-04-17T13:00:00Z",
        as_staff(REVIEWER),
        decide(Outcome::PartlyUpheld),
    );
    rec.go(
        w,
        "2026-04-18T13:00:00Z",
        Actor::Client,
        Command::RequestErasure,
    );
    rec.go(
        w,
        "2026-04-19T13:00:00Z",
        Actor::Ledger,
        Command::Erase(PersonalDataErased {
            reason: ErasureReason::ClientRequest,
            data_key: "dk-test".into(),
        }),
    );
    cases.insert('G', g.case);

    History {
        dash: rec.dash,
        clocks: rec.clocks,
        cases,
    }
}

fn outcomes(list: &[(&str, u32)]) -> BTreeMap<String, u32> {
    list.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

fn q1_by_month() -> Query {
    Query {
        granularity: Granularity::Month,
        from: date(2026, 1, 1),
        to: date(2026, 3, 31),
    }
}

// --- Clock figures of the history -----------------------------------------------------------

#[test]
fn clock_figures_of_the_history_match_the_hand_computation() {
    let h = history();
    let c = &h.clocks;
    let case = |k: char| &h.cases[&k];
    let ack: Vec<Option<i64>> = "ABCDEFG"
        .chars()
        .map(|k| c.business_days_to_acknowledge(case(k)))
        .collect();
    assert_eq!(
        ack,
        [Some(1), Some(0), Some(3), Some(1), None, Some(4), Some(1)]
    );
    let decide: Vec<Option<i64>> = "ABCDEFG"
        .chars()
        .map(|k| c.days_to_decide(case(k)))
        .collect();
    assert_eq!(
        decide,
        [Some(20), Some(27), None, None, None, Some(7), Some(32)]
    );
    // Family Day is not a business day: Tue 17 is the first, Wed 18 the second after Fri 13.
    assert_eq!(c.acknowledge_due(case('A')), Some(date(2026, 2, 18)));
    assert_eq!(c.acknowledged_within_target(case('A')), Some(true));
    assert_eq!(c.acknowledged_within_target(case('C')), Some(false));
    // E was filed on Saturday Feb 28 in Toronto (Mar 1 in UTC): Mon Mar 2, Tue Mar 3.
    assert_eq!(c.local_date(case('E').filed_at.unwrap()), date(2026, 2, 28));
    assert_eq!(c.acknowledge_due(case('E')), Some(date(2026, 3, 3)));
    assert_eq!(c.acknowledged_within_target(case('E')), None);
}

#[test]
fn a_pause_moves_the_decision_due_date_and_saves_a_late_decision() {
    let h = history();
    let c = &h.clocks;
    let b = &h.cases[&'B'];
    assert_eq!(b.pauses.len(), 1);
    // Feb 2 + 30 days = Mar 4; plus the 5 paused days: Mar 9.
    assert_eq!(c.decide_due(b), Some(date(2026, 3, 9)));
    assert_eq!(c.days_to_decide(b), Some(27));
    assert_eq!(c.decided_within_target(b), Some(true));
    // The same history without the pause: 32 days, due Mar 4, late.
    let mut unpaused = b.clone();
    unpaused.pauses.clear();
    assert_eq!(c.decide_due(&unpaused), Some(date(2026, 3, 4)));
    assert_eq!(c.days_to_decide(&unpaused), Some(32));
    assert_eq!(c.decided_within_target(&unpaused), Some(false));
    // The pause came after the acknowledgement: it does not touch the acknowledgement clock.
    assert_eq!(c.business_days_to_acknowledge(b), Some(0));
    assert_eq!(c.acknowledge_due(b), Some(date(2026, 2, 4)));
}

#[test]
fn the_work_queue_status_of_the_history_at_now() {
    let h = history();
    let c = &h.clocks;
    let now = ts(NOW);
    // A: acknowledged and decided; action #2 (due Apr 10) is overdue, and is what is next due.
    assert_eq!(
        c.status(&h.cases[&'A'], now),
        ClockStatus {
            acknowledge_due: Some(date(2026, 2, 18)),
            decide_due: Some(date(2026, 3, 15)),
            acknowledge_overdue: false,
            decide_overdue: false,
            overdue_actions: 1,
            paused: false,
            next_due: Some(date(2026, 4, 10)),
        }
    );
    // E: never acknowledged (due Mar 3), not decided (Feb 28 + 30 = Mar 30): both overdue.
    assert_eq!(
        c.status(&h.cases[&'E'], now),
        ClockStatus {
            acknowledge_due: Some(date(2026, 3, 3)),
            decide_due: Some(date(2026, 3, 30)),
            acknowledge_overdue: true,
            decide_overdue: true,
            overdue_actions: 0,
            paused: false,
            next_due: Some(date(2026, 3, 3)),
        }
    );
    // Not overdue on the due date itself (Tuesday Mar 3, evening), overdue the day after.
    let e = &h.cases[&'E'];
    assert!(!c.status(e, ts("2026-03-04T04:59:00Z")).acknowledge_overdue);
    assert!(c.status(e, ts("2026-03-04T05:00:00Z")).acknowledge_overdue);
    // C was withdrawn: nothing is due any more.
    let withdrawn = c.status(&h.cases[&'C'], now);
    assert!(!withdrawn.acknowledge_overdue && !withdrawn.decide_overdue);
    assert_eq!(withdrawn.next_due, None);
    // D: acknowledged, undecided, Feb 26 + 30 = Mar 28.
    let d = c.status(&h.cases[&'D'], now);
    assert_eq!(d.decide_due, Some(date(2026, 3, 28)));
    assert!(d.decide_overdue && !d.acknowledge_overdue);
    assert_eq!(d.next_due, Some(date(2026, 3, 28)));
}

// --- Clocks on their own --------------------------------------------------------------------

#[test]
fn acknowledgement_due_dates_skip_weekends_and_holidays() {
    let c = clocks();
    // Thursday 2026-12-24: Fri 25 Christmas, the weekend, Mon 28 Boxing Day observed;
    // Tue 29 is the first business day, Wed 30 the second.
    let w = file(1, "2026-12-24T15:00:00Z", web("en", false, None, &[]));
    assert_eq!(c.acknowledge_due(&w.case), Some(date(2026, 12, 30)));
    // Thursday 2026-04-02: Good Friday; Mon 6, Tue 7.
    let w = file(2, "2026-04-02T15:00:00Z", web("en", false, None, &[]));
    assert_eq!(c.acknowledge_due(&w.case), Some(date(2026, 4, 7)));
    // Decision dates are calendar days: Good Friday and weekends count.
    assert_eq!(c.decide_due(&w.case), Some(date(2026, 5, 2)));
    // Not filed: nothing is due.
    let empty = Case::new(CaseId(Uuid::from_u128(3)));
    assert_eq!(c.acknowledge_due(&empty), None);
    assert_eq!(c.decide_due(&empty), None);
    assert_eq!(c.status(&empty, ts(NOW)).next_due, None);
}

#[test]
fn a_pause_before_the_acknowledgement_stops_the_business_day_clock() {
    let c = clocks();
    // Filed Monday 2026-03-02 10:00 EST.
    let mut w = file(1, "2026-03-02T15:00:00Z", web("en", false, None, &[]));
    assert_eq!(c.acknowledge_due(&w.case), Some(date(2026, 3, 4)));
    // Paused Tuesday Mar 3 10:00.
    at(&mut w, "2026-03-03T15:00:00Z", as_staff(INTAKE), pause());
    // Friday Mar 6: the pause so far removes Wed 4, Thu 5, Fri 6 (3 business days), so the
    // acknowledgement is due on the 2 + 3 = 5th business day after Mar 2: Mon Mar 9.
    let friday = c.status(&w.case, ts("2026-03-06T20:00:00Z"));
    assert!(friday.paused);
    assert_eq!(friday.acknowledge_due, Some(date(2026, 3, 9)));
    assert!(!friday.acknowledge_overdue);
    // Long pause: three weeks later still not overdue, the due date moves with it.
    let later = c.status(&w.case, ts("2026-03-27T20:00:00Z"));
    assert!(later.paused && !later.acknowledge_overdue && !later.decide_overdue);
    // Resumed Monday Mar 9 10:00 EDT: the pause removed Mar 4, 5, 6, 9 (4 business days).
    at(
        &mut w,
        "2026-03-09T14:00:00Z",
        as_staff(INTAKE),
        Command::ResumeClock,
    );
    // Due: the 6th business day after Mar 2: Mar 3, 4, 5, 6, 9, 10.
    assert_eq!(c.acknowledge_due(&w.case), Some(date(2026, 3, 10)));
    let s = c.status(&w.case, ts("2026-03-10T20:00:00Z"));
    assert!(!s.paused && !s.acknowledge_overdue);
    assert!(
        c.status(&w.case, ts("2026-03-11T14:00:00Z"))
            .acknowledge_overdue
    );
    // Acknowledged Tuesday Mar 10: 6 business days elapsed, 4 paused: 2, within target.
    at(&mut w, "2026-03-10T14:00:00Z", as_staff(INTAKE), ack());
    assert_eq!(c.business_days_to_acknowledge(&w.case), Some(2));
    assert_eq!(c.acknowledged_within_target(&w.case), Some(true));
    // The decision clock lost Mar 4 .. Mar 9: 6 calendar days: Mar 2 + 30 + 6 = Apr 7.
    assert_eq!(c.decide_due(&w.case), Some(date(2026, 4, 7)));
}

#[test]
fn an_ongoing_pause_keeps_the_decision_from_becoming_overdue() {
    let c = clocks();
    let mut w = file(1, "2026-03-02T15:00:00Z", web("en", false, None, &[]));
    at(&mut w, "2026-03-02T16:00:00Z", as_staff(INTAKE), ack());
    assert_eq!(c.decide_due(&w.case), Some(date(2026, 4, 1)));
    // Paused Friday Mar 20.
    at(&mut w, "2026-03-20T14:00:00Z", as_staff(INTAKE), pause());
    // On Apr 10 the pause has removed Mar 21 .. Apr 10, 21 days: due Apr 1 + 21 = Apr 22.
    let s = c.status(&w.case, ts("2026-04-10T13:00:00Z"));
    assert_eq!(s.decide_due, Some(date(2026, 4, 22)));
    assert!(s.paused && !s.decide_overdue);
    // Without `now`, an ongoing pause is not counted yet.
    assert_eq!(c.decide_due(&w.case), Some(date(2026, 4, 1)));
    // Resumed Apr 10: due Apr 22, overdue from Apr 23.
    at(
        &mut w,
        "2026-04-10T14:00:00Z",
        as_staff(INTAKE),
        Command::ResumeClock,
    );
    assert_eq!(c.decide_due(&w.case), Some(date(2026, 4, 22)));
    assert!(!c.status(&w.case, ts("2026-04-22T20:00:00Z")).decide_overdue);
    let s = c.status(&w.case, ts("2026-04-23T14:00:00Z"));
    assert!(s.decide_overdue && !s.paused);
    assert_eq!(s.next_due, Some(date(2026, 4, 22)));
}

#[test]
fn a_pause_freezes_the_overdue_flags_without_hiding_lateness() {
    let c = clocks();
    // Filed Monday 2026-03-02: acknowledgement due Wednesday Mar 4.
    let mut w = file(1, "2026-03-02T15:00:00Z", web("en", false, None, &[]));
    let mut late = w.case.clone();
    // Paused on the due day itself. On Saturday Mar 7 the pause has removed Thu 5 and Fri 6,
    // which alone would put the due date on Friday Mar 6; the flag is the one of Mar 4: not
    // overdue.
    at(&mut w, "2026-03-04T15:00:00Z", as_staff(INTAKE), pause());
    let saturday = c.status(&w.case, ts("2026-03-07T17:00:00Z"));
    assert_eq!(saturday.acknowledge_due, Some(date(2026, 3, 6)));
    assert!(saturday.paused && !saturday.acknowledge_overdue);
    // Paused only on Friday Mar 6, two days late: still overdue while paused, weeks later.
    late.apply(
        late.seq,
        ts("2026-03-06T15:00:00Z"),
        &as_staff(INTAKE),
        &recourse_events::vocabulary::Payload::ClockPaused(ClockPaused {
            reason: sealed("r"),
        }),
    );
    let s = c.status(&late, ts("2026-03-27T15:00:00Z"));
    assert!(s.paused && s.acknowledge_overdue);
    // The decision (due Apr 1) was not late when paused: not overdue, even on May 1.
    assert!(!c.status(&late, ts("2026-05-01T15:00:00Z")).decide_overdue);
}

#[test]
fn local_dates_are_safe_across_daylight_saving_changes() {
    let c = clocks();
    let day = |s: &str| c.local_date(ts(s));
    // Spring forward, Sunday 2026-03-08 02:00 EST -> 03:00 EDT (07:00 UTC).
    assert_eq!(day("2026-03-08T04:59:59Z"), date(2026, 3, 7)); // 23:59:59 EST
    assert_eq!(day("2026-03-08T05:00:00Z"), date(2026, 3, 8)); // 00:00 EST
    assert_eq!(day("2026-03-08T07:30:00Z"), date(2026, 3, 8)); // 03:30 EDT
    assert_eq!(day("2026-03-09T03:59:59Z"), date(2026, 3, 8)); // 23:59:59 EDT
    assert_eq!(day("2026-03-09T04:00:00Z"), date(2026, 3, 9)); // 00:00 EDT
    // Fall back, Sunday 2026-11-01 02:00 EDT -> 01:00 EST (06:00 UTC).
    assert_eq!(day("2026-11-01T03:59:59Z"), date(2026, 10, 31)); // 23:59:59 EDT
    assert_eq!(day("2026-11-01T04:00:00Z"), date(2026, 11, 1)); // 00:00 EDT
    assert_eq!(day("2026-11-02T04:59:59Z"), date(2026, 11, 1)); // 23:59:59 EST
    assert_eq!(day("2026-11-02T05:00:00Z"), date(2026, 11, 2)); // 00:00 EST

    // Filed Saturday Mar 7 23:30 EST (Mar 8 in UTC): due Mon 9, Tue 10. Acknowledged Monday
    // Mar 9 at 23:30 EDT (Mar 10 in UTC): 1 business day, not 2.
    let mut w = file(1, "2026-03-08T04:30:00Z", web("en", false, None, &[]));
    assert_eq!(c.acknowledge_due(&w.case), Some(date(2026, 3, 10)));
    at(&mut w, "2026-03-10T03:30:00Z", as_staff(INTAKE), ack());
    assert_eq!(c.business_days_to_acknowledge(&w.case), Some(1));

    // Filed Saturday Oct 31 23:30 EDT (Nov 1 in UTC), decided Sunday Nov 29 23:30 EST
    // (Nov 30 in UTC): 29 calendar days, whatever the hour gained on Nov 1.
    let mut w = file(2, "2026-11-01T03:30:00Z", web("en", false, None, &[]));
    assert_eq!(c.decide_due(&w.case), Some(date(2026, 11, 30)));
    w.under_review();
    at(
        &mut w,
        "2026-11-30T04:00:00Z",
        as_staff(REVIEWER),
        find(&[], &[], true),
    );
    at(
        &mut w,
        "2026-11-30T04:30:00Z",
        as_staff(REVIEWER),
        decide(Outcome::Upheld),
    );
    assert_eq!(c.days_to_decide(&w.case), Some(29));
}

#[test]
fn settings_shape_the_clocks_and_bad_settings_are_refused() {
    let w = file(
        1,
        "2026-02-13T15:00:00Z",
        web("en", false, None, &["respect"]),
    );
    // An extra closure on Tue Feb 17 pushes the due date to Thu Feb 19.
    let closed = Clocks::from_settings(&Settings {
        extra_holidays: vec![date(2026, 2, 17)],
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(closed.acknowledge_due(&w.case), Some(date(2026, 2, 19)));
    // Working on Family Day: Mon 16, Tue 17.
    let working = Clocks::from_settings(&Settings {
        removed_holidays: vec![date(2026, 2, 16)],
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(working.acknowledge_due(&w.case), Some(date(2026, 2, 17)));
    // Federal: Family Day is not a federal holiday either.
    let federal = Clocks::from_settings(&Settings {
        holiday_jurisdiction: "federal".into(),
        acknowledge_business_days: 5,
        decide_calendar_days: 10,
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(federal.acknowledge_due(&w.case), Some(date(2026, 2, 20)));
    assert_eq!(federal.decide_due(&w.case), Some(date(2026, 2, 23)));
    // Vancouver: 10:00 EST on Feb 13 is 07:00 PST, still Feb 13; 02:00 UTC is the evening before.
    let bc = Clocks::from_settings(&Settings {
        time_zone: "America/Vancouver".into(),
        holiday_jurisdiction: "bc".into(),
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(bc.local_date(ts("2026-02-14T02:00:00Z")), date(2026, 2, 13));
    assert_eq!(bc.acknowledge_due(&w.case), Some(date(2026, 2, 18)));

    let bad_zone = Clocks::from_settings(&Settings {
        time_zone: "Mars/Olympus_Mons".into(),
        ..Settings::default()
    });
    assert!(
        matches!(bad_zone, Err(ClockError::TimeZone { ref name, .. }) if name == "Mars/Olympus_Mons")
    );
    let bad_place = Clocks::from_settings(&Settings {
        holiday_jurisdiction: "zz".into(),
        ..Settings::default()
    });
    assert!(matches!(bad_place, Err(ClockError::Jurisdiction(_))));
    assert!(bad_place.unwrap_err().to_string().contains("zz"));
}

// --- The dashboard --------------------------------------------------------------------------

/// February's cohort: A, B, C, D, E.
fn february() -> Metrics {
    Metrics {
        received: 5,
        // D (acknowledged) and E (filed); A is under appeal, B closed, C withdrawn.
        open: 2,
        // A 1, B 0, C 3, D 1 business days; E never acknowledged.
        acknowledged: 4,
        // A, B, D within 2 days: 3 of 4.
        acknowledged_within_target_pct: Some(75.0),
        // Sorted 0 1 1 3: median rank ceil(0.5 * 4) = 2 -> 1; p90 rank ceil(3.6) = 4 -> 3.
        median_days_to_acknowledge: Some(1.0),
        p90_days_to_acknowledge: Some(3.0),
        // A 20 days, B 27 (32 less the 5 paused).
        decided: 2,
        decided_within_target_pct: Some(100.0),
        // Sorted 20 27: median rank 1 -> 20; p90 rank ceil(1.8) = 2 -> 27.
        median_days_to_decide: Some(20.0),
        p90_days_to_decide: Some(27.0),
        outcomes: outcomes(&[("upheld", 1), ("not_upheld", 1), ("withdrawn", 1)]),
        // A, of the 2 decided.
        appealed: 1,
        appeal_rate_pct: Some(50.0),
        // None of A, B (decided) and C (withdrawn) reopened.
        reopened: 0,
        reopen_rate_pct: Some(0.0),
        // A's actions were opened and verified in March: they count there.
        actions_opened: 0,
        // A's action #2, due Apr 10, still open at Apr 20: February's cohort.
        actions_overdue: 1,
        actions_verified: 0,
        actions_waived: 0,
        // B's reviewer on Feb 5.
        recusals: 1,
        satisfaction: Satisfaction {
            responses: 1,
            average_rating: Some(4.0),
            explained_pct: Some(100.0),
            fair_pct: Some(0.0),
        },
        // D came back, E did not.
        anonymous: 2,
        anonymous_returned_pct: Some(50.0),
        // A: reviewer; B: reviewer, auditor (the outsider).
        views: 3,
        outsider_views: 1,
        erased: 0,
    }
}

/// March's cohort: F, G; plus A's actions (opened and verified in March) and F's recusal.
fn march() -> Metrics {
    Metrics {
        received: 2,
        // F (reopened, reviewer recused: acknowledged); G is erased.
        open: 1,
        // F 4, G 1 business days.
        acknowledged: 2,
        acknowledged_within_target_pct: Some(50.0),
        // Sorted 1 4: median rank 1 -> 1; p90 rank 2 -> 4.
        median_days_to_acknowledge: Some(1.0),
        p90_days_to_acknowledge: Some(4.0),
        // F 7 days (its first decision, before the reopening), G 32 (late).
        decided: 2,
        decided_within_target_pct: Some(50.0),
        median_days_to_decide: Some(7.0),
        p90_days_to_decide: Some(32.0),
        // F has no decision in force since it was reopened.
        outcomes: outcomes(&[("partly_upheld", 1)]),
        appealed: 0,
        appeal_rate_pct: Some(0.0),
        // F, of F and G.
        reopened: 1,
        reopen_rate_pct: Some(50.0),
        actions_opened: 2,
        actions_overdue: 0,
        actions_verified: 1,
        actions_waived: 0,
        recusals: 1,
        satisfaction: Satisfaction::default(),
        // G asked for erasure with their code: they came back.
        anonymous: 1,
        anonymous_returned_pct: Some(100.0),
        views: 0,
        outsider_views: 0,
        erased: 1,
    }
}

/// The first quarter: A to G.
fn quarter() -> Metrics {
    Metrics {
        received: 7,
        open: 3,
        acknowledged: 6,
        // Within 2: 0 1 1 1 of 0 1 1 1 3 4: 4 of 6 = 66.67 -> 66.7.
        acknowledged_within_target_pct: Some(66.7),
        // Rank ceil(3) = 3 -> 1; rank ceil(5.4) = 6 -> 4.
        median_days_to_acknowledge: Some(1.0),
        p90_days_to_acknowledge: Some(4.0),
        // Sorted 7 20 27 32: within 30: 3 of 4.
        decided: 4,
        decided_within_target_pct: Some(75.0),
        // Rank 2 -> 20 (the lower middle); rank ceil(3.6) = 4 -> 32.
        median_days_to_decide: Some(20.0),
        p90_days_to_decide: Some(32.0),
        outcomes: outcomes(&[
            ("upheld", 1),
            ("partly_upheld", 1),
            ("not_upheld", 1),
            ("withdrawn", 1),
        ]),
        appealed: 1,
        appeal_rate_pct: Some(25.0),
        // F, of A, B, C, F, G.
        reopened: 1,
        reopen_rate_pct: Some(20.0),
        actions_opened: 2,
        actions_overdue: 1,
        actions_verified: 1,
        actions_waived: 0,
        // Feb 5 and Mar 20; D's recusal of Apr 2 is outside the range.
        recusals: 2,
        satisfaction: Satisfaction {
            responses: 1,
            average_rating: Some(4.0),
            explained_pct: Some(100.0),
            fair_pct: Some(0.0),
        },
        // D and G of D, E, G: 66.7.
        anonymous: 3,
        anonymous_returned_pct: Some(66.7),
        views: 3,
        outsider_views: 1,
        erased: 1,
    }
}

#[test]
fn the_first_quarter_by_month() {
    let h = history();
    assert_eq!(h.dash.len(), 7);
    let r = h
        .dash
        .report(&q1_by_month(), &reference(), ts(NOW), &h.clocks);
    let names: Vec<String> = r.periods.iter().map(|(p, _)| p.to_string()).collect();
    assert_eq!(names, ["2026-01", "2026-02", "2026-03"]);
    // January: no case, every rate empty.
    assert_eq!(r.periods[0].1, Metrics::default());
    assert_eq!(r.periods[0].1.acknowledged_within_target_pct, None);
    assert_eq!(r.periods[1].1, february());
    assert_eq!(r.periods[2].1, march());
    assert_eq!(r.total, quarter());
}

#[test]
fn the_same_quarter_as_one_period_and_an_april_with_only_events() {
    let h = history();
    let reference = reference();
    let q = Query {
        granularity: Granularity::Quarter,
        from: date(2026, 1, 1),
        to: date(2026, 3, 31),
    };
    let r = h.dash.report(&q, &reference, ts(NOW), &h.clocks);
    assert_eq!(r.periods.len(), 1);
    assert_eq!(r.periods[0].0, "2026-Q1".parse::<Period>().unwrap());
    assert_eq!(r.periods[0].1, quarter());
    assert_eq!(r.total, quarter());

    // April: nothing filed, but D's recusal happened on Apr 2.
    let april = Query {
        granularity: Granularity::Month,
        from: date(2026, 4, 1),
        to: date(2026, 4, 30),
    };
    let r = h.dash.report(&april, &reference, ts(NOW), &h.clocks);
    let expected = Metrics {
        recusals: 1,
        ..Metrics::default()
    };
    assert_eq!(
        r.periods,
        vec![("2026-04".parse::<Period>().unwrap(), expected.clone())]
    );
    assert_eq!(r.total, expected);
    // The recusal is D's: web, Spanish, language training, right "complaint".
    let web = &r.breakdowns[&Dimension::Channel];
    assert_eq!(web.len(), 1);
    assert_eq!((web[0].0.as_str(), web[0].1.recusals), ("web", 1));
    assert_eq!(r.breakdowns[&Dimension::Right][0].0, "complaint");
    assert!(r.breakdowns[&Dimension::FrameworkArea].is_empty());

    // Mid-February to mid-March: clipped periods. B (Feb 2) and F (Mar 9) are out, as are
    // G (Mar 16), and F's recusal (Mar 20) and A's verification (Mar 20).
    let clipped = Query {
        granularity: Granularity::Month,
        from: date(2026, 2, 10),
        to: date(2026, 3, 8),
    };
    let r = h.dash.report(&clipped, &reference, ts(NOW), &h.clocks);
    assert_eq!(r.periods.len(), 2);
    assert_eq!(r.periods[0].1.received, 4); // A, C, D, E
    assert_eq!(r.periods[0].1.recusals, 0); // B's Feb 5 recusal is before the range
    assert_eq!(r.periods[1].1.received, 0);
    assert_eq!(r.periods[1].1.actions_opened, 2);
    assert_eq!(r.total.actions_verified, 0);

    // An empty range.
    let none = Query {
        granularity: Granularity::Year,
        from: date(2026, 5, 1),
        to: date(2026, 4, 1),
    };
    let r = h.dash.report(&none, &reference, ts(NOW), &h.clocks);
    assert!(r.periods.is_empty());
    assert_eq!(r.total, Metrics::default());
}

fn reference() -> Reference {
    Reference::shipped()
}

fn entry<'a>(list: &'a [(String, Metrics)], key: &str) -> &'a Metrics {
    &list
        .iter()
        .find(|(k, _)| k == key)
        .unwrap_or_else(|| panic!("no {key}"))
        .1
}

fn keys(list: &[(String, Metrics)]) -> Vec<&str> {
    list.iter().map(|(k, _)| k.as_str()).collect()
}

#[test]
fn breakdowns_over_the_quarter() {
    let h = history();
    let r = h
        .dash
        .report(&q1_by_month(), &reference(), ts(NOW), &h.clocks);
    let b = &r.breakdowns;
    assert_eq!(b.len(), Dimension::ALL.len());

    // One program and one site: the whole quarter.
    assert_eq!(
        b[&Dimension::Program],
        vec![("settlement".into(), quarter())]
    );
    assert_eq!(b[&Dimension::Site], vec![("main".into(), quarter())]);

    // Channels: C by phone, the six others by the web form.
    let channels = &b[&Dimension::Channel];
    assert_eq!(keys(channels), ["phone", "web"]);
    let phone = entry(channels, "phone");
    assert_eq!(
        *phone,
        Metrics {
            received: 1,
            acknowledged: 1,
            acknowledged_within_target_pct: Some(0.0),
            median_days_to_acknowledge: Some(3.0),
            p90_days_to_acknowledge: Some(3.0),
            outcomes: outcomes(&[("withdrawn", 1)]),
            reopen_rate_pct: Some(0.0),
            ..Metrics::default()
        }
    );
    assert_eq!(entry(channels, "web").received, 6);

    // Service streams: A, D language training; C, F employment; B, E, G unspecified.
    let streams = &b[&Dimension::ServiceStream];
    assert_eq!(
        keys(streams),
        ["employment", "language-training", "unspecified"]
    );
    let lt = entry(streams, "language-training");
    assert_eq!((lt.received, lt.open, lt.anonymous), (2, 1, 1));
    assert_eq!(lt.actions_opened, 2);
    assert_eq!(lt.actions_overdue, 1);
    let unspecified = entry(streams, "unspecified");
    assert_eq!(unspecified.received, 3);
    // B 27, G 32: median (lower middle) 27, one of two within target.
    assert_eq!(unspecified.median_days_to_decide, Some(27.0));
    assert_eq!(unspecified.decided_within_target_pct, Some(50.0));
    assert_eq!(unspecified.erased, 1);

    // Languages.
    let languages = &b[&Dimension::Language];
    assert_eq!(keys(languages), ["ar", "en", "es", "fa", "fr"]);
    let fr = entry(languages, "fr");
    assert_eq!(
        (fr.received, fr.decided, fr.reopened, fr.recusals),
        (3, 3, 1, 1)
    );

    // Rights, in the Client Code's order: respect (A, C), privacy (A, G), file (F),
    // information (B), complaint (D). E cites none. A counts once under respect although it
    // cites it in the filing and in the finding.
    let rights = &b[&Dimension::Right];
    assert_eq!(
        keys(rights),
        ["respect", "privacy", "file", "information", "complaint"]
    );
    assert_eq!(entry(rights, "respect").received, 2);
    let privacy = entry(rights, "privacy");
    assert_eq!(
        (privacy.received, privacy.decided, privacy.erased),
        (2, 2, 1)
    );
    assert_eq!(privacy.decided_within_target_pct, Some(50.0));
    assert_eq!((privacy.actions_opened, privacy.actions_verified), (2, 1));
    assert_eq!(entry(rights, "information").outsider_views, 1);
    assert_eq!(entry(rights, "file").recusals, 1);
    assert_eq!(entry(rights, "complaint").recusals, 0);

    // Framework areas, in the framework's order: ethics (A's triage, G's finding), scope (B,
    // two items, counted once), monitoring (A's finding). F's finding went with the reopening;
    // A's action item (knowledge) is not a case item.
    let areas = &b[&Dimension::FrameworkArea];
    assert_eq!(keys(areas), ["ethics", "scope", "monitoring"]);
    let ethics = entry(areas, "ethics");
    assert_eq!(
        (ethics.received, ethics.decided, ethics.anonymous),
        (2, 2, 1)
    );
    assert_eq!(
        ethics.outcomes,
        outcomes(&[("upheld", 1), ("partly_upheld", 1)])
    );
    let scope = entry(areas, "scope");
    assert_eq!((scope.received, scope.views, scope.recusals), (1, 2, 1));
    assert_eq!(scope.median_days_to_decide, Some(27.0));
    assert_eq!(entry(areas, "monitoring").satisfaction.responses, 1);
}

#[test]
fn the_dashboard_is_incremental_and_rebuilds_to_the_same_figures() {
    let h = history();
    let reference = reference();
    let q = q1_by_month();
    let incremental = h.dash.report(&q, &reference, ts(NOW), &h.clocks);
    // Rebuilt from the final states only, in another order, some twice.
    let mut rebuilt = Dashboard::default();
    for case in h.cases.values().rev() {
        rebuilt.update(case, &h.clocks);
        rebuilt.update(case, &h.clocks);
    }
    assert_eq!(rebuilt.len(), 7);
    assert_eq!(
        rebuilt.report(&q, &reference, ts(NOW), &h.clocks),
        incremental
    );
    // A case not filed yet is not counted.
    rebuilt.update(&Case::new(CaseId(Uuid::from_u128(999))), &h.clocks);
    assert_eq!(rebuilt.len(), 7);

    // Overdue actions depend on `now`: on Apr 10 action #2 is due, not yet overdue.
    let earlier = h
        .dash
        .report(&q, &reference, ts("2026-04-10T20:00:00Z"), &h.clocks);
    assert_eq!(earlier.total.actions_overdue, 0);
    assert_eq!(earlier.periods[1].1.actions_overdue, 0);

    // Targets come from the clocks given to the report: with 3 business days and 20 calendar
    // days, C's 3 days are within target and B's 27 are not.
    let strict = Clocks::from_settings(&Settings {
        acknowledge_business_days: 3,
        decide_calendar_days: 20,
        ..Settings::default()
    })
    .unwrap();
    let r = h.dash.report(&q, &reference, ts(NOW), &strict);
    assert_eq!(r.periods[1].1.acknowledged_within_target_pct, Some(100.0));
    assert_eq!(r.periods[1].1.decided_within_target_pct, Some(50.0));
}

#[test]
fn reports_serialize_for_the_api_without_personal_data() {
    let h = history();
    let r = h
        .dash
        .report(&q1_by_month(), &reference(), ts(NOW), &h.clocks);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["periods"][1][0], "2026-02");
    assert_eq!(json["periods"][1][1]["received"], 5);
    assert_eq!(
        json["periods"][1][1]["acknowledged_within_target_pct"],
        75.0
    );
    assert_eq!(
        json["periods"][0][1]["median_days_to_acknowledge"],
        serde_json::Value::Null
    );
    assert_eq!(json["total"]["outcomes"]["partly_upheld"], 1);
    assert_eq!(json["total"]["satisfaction"]["average_rating"], 4.0);
    assert_eq!(json["breakdowns"]["service_stream"][0][0], "employment");
    assert_eq!(json["breakdowns"]["framework_area"][1][0], "scope");
    // No staff id, no key, no sealed text anywhere in the report or the dashboard's rows.
    let text = json.to_string();
    for secret in [
        staff(REVIEWER).0.to_string(),
        staff(INTAKE).0.to_string(),
        "opaque:".to_string(),
        "dk-test".to_string(),
    ] {
        assert!(!text.contains(&secret), "{secret}");
    }
    let rows = format!("{:?}", h.dash);
    assert!(!rows.contains(&staff(REVIEWER).0.to_string()));
    assert!(!rows.contains("opaque:"));
    // Query and dimensions read from the API in snake case.
    let q: Query =
        serde_json::from_str(r#"{"granularity":"quarter","from":"2026-01-01","to":"2026-06-30"}"#)
            .unwrap();
    assert_eq!(q.granularity, Granularity::Quarter);
    assert_eq!(
        serde_json::to_string(&Dimension::FrameworkArea).unwrap(),
        "\"framework_area\""
    );
}
