//! The authorization matrix over HTTP: every role against every action, through both doors (the
//! JSON API and the HTML forms), on the demo agency.
//!
//! The expectations are written here, from DESIGN.md's roles, not read from the server's own
//! tables: intake files, acknowledges, triages and routes; the assigned reviewer investigates,
//! finds and decides; the chair assigns, decides, verifies corrective actions, handles appeals
//! and closes; auditors read and open files for audit; the board and administrators never touch
//! a case; only administrators administer; the board, the chair and administrators read the
//! dashboard; visitors are sent to sign in (HTML) or told 401 (API).
//!
//! A case is walked from filing to closure, through an appeal, a second closure, reopening, a
//! recusal and withdrawal. At each step every actor who may not take it is refused (403) on
//! both doors and the ledger does not grow; the case's offered actions (the rules' dry run) name
//! the step for exactly the actors who may; then one who may takes it.

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::api::{Staff, call, complaint, roomy, sign_in};
use crate::web_helpers::{Browser, TestApp, spawn_app_with};

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    /// No session.
    Visitor,
    Intake,
    /// The reviewer the case is assigned to.
    Reviewer,
    /// Another reviewer (later the appeal's reviewer).
    OtherReviewer,
    Chair,
    Board,
    Admin,
    Auditor,
}

use Who::*;

const STAFF: [Who; 7] = [
    Intake,
    Reviewer,
    OtherReviewer,
    Chair,
    Board,
    Admin,
    Auditor,
];
const COMMITTEE: &[Who] = &[Intake, Reviewer, OtherReviewer, Chair, Auditor];

fn login(who: Who) -> &'static str {
    match who {
        Visitor => unreachable!("visitors do not sign in"),
        Intake => "ahaddad",
        Reviewer => "praman",
        OtherReviewer => "mkarimi",
        Chair => "gnakamura",
        Board => "hbouchard",
        Admin => "fsiddiqui",
        Auditor => "cokafor",
    }
}

/// Everyone, signed in.
struct Cast {
    /// The application (kept: dropping it removes its data folder).
    _app: TestApp,
    visitor: Browser,
    staff: Vec<(Who, Staff)>,
}

impl Cast {
    async fn new() -> Cast {
        let t = spawn_app_with(roomy()).await;
        let mut staff = Vec::new();
        for who in STAFF {
            staff.push((who, sign_in(&t, login(who)).await));
        }
        let visitor = t.browser();
        // A visitor who has been on the site holds a CSRF token: refusals are about who they are.
        visitor.get("/staff/login").await;
        Cast {
            visitor,
            _app: t,
            staff,
        }
    }

    fn get(&self, who: Who) -> &Staff {
        &self
            .staff
            .iter()
            .find(|(w, _)| *w == who)
            .expect("signed in")
            .1
    }

    fn id(&self, who: Who) -> String {
        self.get(who).id.clone()
    }

    /// Files a web complaint as a visitor: (case id, receipt code).
    async fn file(&self, what: &str) -> (String, String) {
        let filed = call(
            &self.visitor,
            Method::POST,
            "/complaints",
            Some(&complaint(what)),
            None,
        )
        .await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.text);
        let field = |name: &str| filed.json[name].as_str().unwrap().to_string();
        (field("case"), field("receipt_code"))
    }

    /// Entries in the ledger.
    async fn ledger_size(&self) -> u64 {
        let page = self.visitor.get("/healthz").await;
        let health: Value = serde_json::from_str(&page.body).expect("healthz answers JSON");
        health["ledger_entries"]
            .as_u64()
            .unwrap_or_else(|| panic!("healthz: {}", page.body))
    }

    /// The HTML form's fields for an API body.
    fn form(body: &Value, csrf: &str) -> Vec<(String, String)> {
        let mut form = vec![("csrf".to_string(), csrf.to_string())];
        for (k, v) in body.as_object().expect("an object") {
            let k = match k.as_str() {
                "framework_items" => "items",
                "framework_item" => "item",
                k => k,
            };
            let values = match v {
                Value::Array(a) => a.clone(),
                v => vec![v.clone()],
            };
            for v in values {
                let v = match v {
                    Value::String(s) => s,
                    Value::Bool(true) => "yes".into(),
                    Value::Bool(false) => continue,
                    v => v.to_string(),
                };
                form.push((k.to_string(), v));
            }
        }
        form
    }

    /// `who` is refused `slug` on `case` through the API and the HTML form, and nothing is
    /// recorded.
    async fn refused(&self, who: Who, case: &str, slug: &str, body: &Value) {
        let api = format!("/cases/{case}/actions/{slug}");
        let html = format!("/staff/case/{case}/{slug}");
        if who == Visitor {
            let r = call(&self.visitor, Method::POST, &api, Some(body), None).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "visitor {slug}");
            let csrf = self
                .visitor
                .cookie("recourse_csrf")
                .expect("a visitor's token");
            let page = self
                .visitor
                .post_form(&html, &Self::form(body, &csrf))
                .await;
            assert_eq!(page.status, StatusCode::SEE_OTHER, "visitor {slug} (form)");
            assert!(
                page.header("location")
                    .is_some_and(|l| l.starts_with("/staff/login")),
                "visitor {slug} is sent to sign in"
            );
            return;
        }
        let s = self.get(who);
        let r = s.post(&api, body.clone()).await;
        assert_eq!(
            (r.status, r.code()),
            (StatusCode::FORBIDDEN, "forbidden"),
            "{who:?} may not {slug}: {}",
            r.text
        );
        let page = s.b.post_form(&html, &Self::form(body, &s.csrf)).await;
        assert_eq!(
            page.status,
            StatusCode::FORBIDDEN,
            "{who:?} may not {slug} (form): {}",
            page.body.chars().take(300).collect::<String>()
        );
    }

    /// The actions the case page offers `who` now.
    async fn offered(&self, who: Who, case: &str) -> BTreeSet<String> {
        let r = self.get(who).get(&format!("/cases/{case}")).await;
        if r.status == StatusCode::FORBIDDEN {
            return BTreeSet::new();
        }
        assert_eq!(
            r.status,
            StatusCode::OK,
            "{who:?} reads the case: {}",
            r.text
        );
        r.json["allowed_actions"]
            .as_array()
            .unwrap_or_else(|| panic!("allowed_actions: {}", r.text))
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect()
    }

    /// One step of the walk: everyone not in `may` is refused, the rules offer it to exactly
    /// `may`, and `by` takes it.
    async fn step(&self, case: &str, slug: &str, body: Value, may: &[Who], by: Who) -> Value {
        assert!(may.contains(&by));
        let before = self.ledger_size().await;
        for who in std::iter::once(Visitor).chain(STAFF) {
            if !may.contains(&who) {
                self.refused(who, case, slug, &body).await;
            }
        }
        assert_eq!(
            self.ledger_size().await,
            before,
            "refused {slug} recorded nothing"
        );
        for who in STAFF {
            assert_eq!(
                self.offered(who, case).await.contains(slug),
                may.contains(&who),
                "{slug} offered to {who:?}?"
            );
        }
        self.get(by).act(case, slug, body).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_against_every_case_action() {
    let c = Cast::new().await;
    let (case, code) = c.file("The interpreter never came, three times.").await;
    let due = jiff::Zoned::now()
        .date()
        .checked_add(jiff::Span::new().days(30))
        .unwrap()
        .to_string();
    let writers = &[Intake, Reviewer, Chair];
    let handlers = &[Reviewer, Chair];
    let front = &[Intake, Chair];

    let ack = json!({ "note": "We have your complaint." });
    c.step(&case, "acknowledge", ack, front, Intake).await;
    let triage = json!({ "category": "interpreter_access", "urgency": "routine",
                         "rights": ["respect"], "framework_items": [] });
    c.step(&case, "triage", triage, front, Intake).await;
    let assign = json!({ "reviewer": c.id(Reviewer) });
    c.step(&case, "assign", assign, front, Chair).await;
    let message = json!({ "audience": "committee", "body": "Calling the agency." });
    c.step(&case, "message", message, writers, Reviewer).await;
    let pause = json!({ "reason": "Waiting for the appointment letters." });
    c.step(&case, "pause", pause, writers, Intake).await;
    c.step(&case, "resume", json!({}), writers, Reviewer).await;
    let finding = json!({ "substantiated": true, "summary": "Three missed bookings.",
                          "rights": ["respect"], "framework_items": [] });
    c.step(&case, "finding", finding, handlers, Reviewer).await;
    let open = json!({ "owner": c.id(Intake), "due": due,
                       "description": "Book interpreters a week ahead." });
    let opened = c.step(&case, "action-open", open, handlers, Reviewer).await;
    assert_eq!(opened["corrective_action"], 1, "{opened}");
    let decide = json!({ "outcome": "upheld", "reasons": "The bookings were missed." });
    c.step(&case, "decide", decide, handlers, Reviewer).await;
    // The action's owner (intake here) or the chair.
    let owner = &[Intake, Chair];
    let update = json!({ "action": 1, "note": "Booking rule drafted." });
    c.step(&case, "action-update", update, owner, Intake).await;
    let complete = json!({ "action": 1, "note": "Rule in force." });
    c.step(&case, "action-complete", complete, owner, Intake)
        .await;
    let verify = json!({ "action": 1, "note": "Checked the bookings of March." });
    c.step(&case, "action-verify", verify, &[Chair], Chair)
        .await;
    c.step(&case, "close", json!({}), &[Chair], Chair).await;

    // Only the client appeals, with the receipt code; staff have no appeal of their own.
    let appeal = call(
        &c.visitor,
        Method::POST,
        "/track/appeal",
        Some(&json!({ "code": code, "text": "The remedy does not help me." })),
        None,
    )
    .await;
    assert_eq!(appeal.status, StatusCode::OK, "{}", appeal.text);
    let appeal_to = json!({ "reviewer": c.id(OtherReviewer) });
    c.step(&case, "appeal-assign", appeal_to, &[Chair], Chair)
        .await;
    // Only the appeal's reviewer decides it: not the chair, not the first reviewer.
    let appeal_decide = json!({ "outcome": "confirmed", "reasons": "The decision stands." });
    c.step(
        &case,
        "appeal-decide",
        appeal_decide,
        &[OtherReviewer],
        OtherReviewer,
    )
    .await;
    c.step(&case, "close", json!({}), &[Chair], Chair).await;
    let reopen = json!({ "reason": "New facts from the agency." });
    c.step(&case, "reopen", reopen, &[Chair], Chair).await;
    // Anyone on the committee, auditors included, may declare their own conflict.
    let recuse = json!({ "conflict": "relationship", "reason": "My cousin works there." });
    c.step(&case, "recuse", recuse, COMMITTEE, Auditor).await;
    c.step(&case, "withdraw", json!({}), front, Intake).await;
}

/// What `who` gets for a read: 200, 403, or the visitor's 303 / 401.
async fn read(c: &Cast, who: Who, path: &str) -> StatusCode {
    let b = match who {
        Visitor => &c.visitor,
        w => &c.get(w).b,
    };
    b.get(path).await.status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_against_every_page_and_read() {
    let c = Cast::new().await;
    let (case, _) = c.file("I was turned away at the desk.").await;
    let dashboard = &[Board, Chair, Admin];
    let directory = &[Intake, Reviewer, OtherReviewer, Chair, Auditor, Admin];
    let pages: Vec<(String, &[Who])> = vec![
        // Board members handle complaints about the director or the chair (the default
        // route), so the queue opens for them too, listing only those.
        (
            "/staff".into(),
            &[Intake, Reviewer, OtherReviewer, Chair, Auditor, Board],
        ),
        (format!("/staff/case/{case}"), COMMITTEE),
        (format!("/staff/case/{case}/verify"), COMMITTEE),
        ("/staff/file".into(), &[Intake]),
        ("/staff/admin".into(), &[Admin]),
        ("/staff/admin?view=settings".into(), &[Admin]),
        // The whole ledger (sealed): auditors, the chair, administrators.
        ("/staff/audit".into(), &[Auditor, Chair, Admin]),
        ("/staff/audit/bundle".into(), &[Auditor, Chair, Admin]),
        ("/board".into(), dashboard),
        ("/board/export.csv".into(), dashboard),
        ("/board/export.json".into(), dashboard),
        // Likewise the API's queue.
        (
            "/api/v1/queue".into(),
            &[Intake, Reviewer, OtherReviewer, Chair, Auditor, Board],
        ),
        (format!("/api/v1/cases/{case}"), COMMITTEE),
        (format!("/api/v1/cases/{case}/access-log"), COMMITTEE),
        (format!("/api/v1/cases/{case}/attachments"), COMMITTEE),
        ("/api/v1/staff".into(), directory),
        ("/api/v1/dashboard".into(), dashboard),
        // Entry bundles hold the (sealed) entries: auditors only.
        ("/ledger/tile/entries/000".into(), &[Auditor]),
    ];
    let mut checked = 0;
    for (path, may) in &pages {
        for who in std::iter::once(Visitor).chain(STAFF) {
            let status = read(&c, who, path).await;
            let expected = if may.contains(&who) {
                StatusCode::OK
            } else if who != Visitor {
                StatusCode::FORBIDDEN
            } else if path.starts_with("/api/") || path.starts_with("/ledger/") {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::SEE_OTHER
            };
            assert_eq!(status, expected, "{who:?} GET {path}");
            checked += 1;
        }
    }
    // Public to everyone, signed in or not.
    for path in [
        "/",
        "/complain",
        "/track",
        "/ledger/checkpoint",
        "/ledger/tile/0/000",
    ] {
        for who in std::iter::once(Visitor).chain(STAFF) {
            assert_eq!(read(&c, who, path).await, StatusCode::OK, "{who:?} {path}");
            checked += 1;
        }
    }
    assert_eq!(checked, (pages.len() + 5) * 8);

    // Opening the sealed data is recorded; the board and administrators may not.
    let before = c.ledger_size().await;
    for who in [Board, Admin] {
        let r = c
            .get(who)
            .post(
                &format!("/cases/{case}/open"),
                json!({ "purpose": "handling" }),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who:?} opens");
    }
    assert_eq!(c.ledger_size().await, before, "refusals record nothing");
    for who in COMMITTEE {
        let purpose = if *who == Auditor { "audit" } else { "handling" };
        let r = c
            .get(*who)
            .post(
                &format!("/cases/{case}/open"),
                json!({ "purpose": purpose }),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{who:?} opens: {}", r.text);
    }
    assert_eq!(
        c.ledger_size().await,
        before + COMMITTEE.len() as u64,
        "each opening is recorded"
    );
    // An audit opening is for auditors and the chair.
    for who in [Intake, Reviewer] {
        let r = c
            .get(who)
            .post(
                &format!("/cases/{case}/open"),
                json!({ "purpose": "audit" }),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who:?} audits");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_intake_files_for_a_client_and_only_administrators_administer() {
    let c = Cast::new().await;
    let before = c.ledger_size().await;
    let mut by_phone = complaint("Told on the phone that I had no right to an interpreter.");
    by_phone["channel"] = json!("phone");
    for who in STAFF.into_iter().filter(|w| *w != Intake) {
        let r = c.get(who).post("/complaints", by_phone.clone()).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who:?} files by phone");
    }
    let admin_id = c.id(Admin);
    let forms: [(&str, Vec<(&str, &str)>); 6] = [
        (
            "enrol",
            vec![
                ("name", "Mallory"),
                ("login", "mallory"),
                ("roles", "admin"),
            ],
        ),
        ("grant", vec![("staff", &admin_id), ("role", "auditor")]),
        ("revoke", vec![("staff", &admin_id), ("role", "admin")]),
        ("depart", vec![("staff", &admin_id), ("confirm", "yes")]),
        ("rotate", vec![("staff", &admin_id), ("reason", "takeover")]),
        ("settings", vec![("acknowledge_business_days", "9")]),
    ];
    for who in STAFF.into_iter().filter(|w| *w != Admin) {
        let s = c.get(who);
        for (action, fields) in &forms {
            let mut form = vec![("csrf", s.csrf.as_str())];
            form.extend(fields.iter().copied());
            let r =
                s.b.post_form(&format!("/staff/admin/{action}"), &form)
                    .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{who:?} {action}");
        }
    }
    for (action, fields) in &forms {
        let r = c
            .visitor
            .post_form(&format!("/staff/admin/{action}"), fields)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "visitor {action}");
    }
    assert_eq!(c.ledger_size().await, before, "nothing recorded");
    // Intake may.
    let r = c.get(Intake).post("/complaints", by_phone).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    assert!(c.ledger_size().await > before);
}
