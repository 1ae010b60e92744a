//! First use by every role (issue 12): each role's home page after signing in, choosing a
//! first password or changing it, and the brand link there; the wording a new staff member
//! meets (a used set-up link, the set-up sentence, the flash after a message, the appeal
//! outcomes' menu); a way back from "too many attempts"; the client's next step and date on
//! the tracking page; the satisfaction survey answered once; case numbers said on the phone and
//! found whatever the case's status; the board's default period, the organization's own
//! history.

use std::sync::Arc;
use std::time::Duration;

use jiff::civil::Date;
use recourse::accounts::{AccountStore, Accounts};
use recourse::data_dir::DataDir;
use recourse::service::Service;
use recourse::service::case_action::ACTIONS;
use recourse::web::i18n::{Catalog, Tr};
use recourse::web::limits::Limits;
use recourse::web::{App, WebConfig};
use recourse_events::org::Role;
use recourse_projections::case::{CaseNumber, Status};
use recourse_projections::framework::Reference;
use reqwest::StatusCode;
use serde_json::json;

use crate::api::{Staff, file, roomy, sign_in};
use crate::helpers::DataFolder;
use crate::web_helpers::{Browser, Page, TestApp, csrf_in, spawn_app_with};

const FRESH_ADMIN: &str = "ada";
const FRESH_PASSWORD: &str = "ada's long admin passphrase";

/// A fresh install with one administrator, served; the app and its base URL.
pub(crate) async fn fresh() -> (Arc<App>, String, DataFolder) {
    let data = DataFolder::empty();
    let dir = DataDir::new(&data.path);
    let service = Service::setup(&dir, "roles.example/admin", Arc::new(Reference::shipped()))
        .await
        .expect("set-up");
    let accounts = Accounts::open(&dir.accounts_path()).expect("accounts");
    let (admin, acting) = service
        .enroll_staff(
            &service.ledger_acting(),
            "Ada Admin",
            FRESH_ADMIN,
            &[Role::Admin],
        )
        .await
        .expect("first administrator");
    accounts
        .create_with_password(FRESH_ADMIN, admin, &acting.key, FRESH_PASSWORD)
        .expect("administrator account");
    let app = Arc::new(App::new(service, Arc::new(accounts), roomy()).expect("translations"));
    let base = crate::web_helpers::serve(app.clone()).await;
    (app, base, data)
}

fn location(p: &Page) -> &str {
    p.header("location").unwrap_or_default()
}

/// The `href` of the brand link.
fn brand(p: &Page) -> String {
    let at = p
        .body
        .find("class=\"brand\" href=\"")
        .expect("a brand link")
        + 20;
    p.body[at..].split('"').next().unwrap().to_string()
}

/// The set-up link's path on the page answering an enrolment.
fn setup_path(body: &str) -> String {
    let at = body.find("/staff/setup/").expect("a set-up link");
    body[at..]
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '/'))
        .next()
        .unwrap()
        .to_string()
}

/// Enrols `name` with `roles` through the administration form; the set-up link's path.
async fn enrol(admin: &Browser, name: &str, login: &str, roles: &[&str]) -> String {
    let form = admin.get("/staff/admin?view=enrol").await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = form.csrf().unwrap();
    let mut fields = vec![("csrf", csrf.as_str()), ("name", name), ("login", login)];
    fields.extend(roles.iter().map(|r| ("roles", *r)));
    let page = admin.post_form("/staff/admin/enrol", &fields).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    setup_path(&page.body)
}

/// Chooses a first password through `path` in a new browser: the browser and the answer.
async fn set_up(t: &TestApp, path: &str, password: &str) -> (Browser, Page) {
    let b = t.browser();
    let form = b.get(path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let csrf = form.csrf().unwrap();
    let r = b
        .post_form(
            path,
            &[
                ("csrf", csrf.as_str()),
                ("password", password),
                ("confirm", password),
            ],
        )
        .await;
    (b, r)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_lands_on_its_own_home_after_choosing_or_changing_a_password() {
    // Given an administrator who enrols a board member, another administrator and a reviewer
    let t = spawn_app_with(roomy()).await;
    let admin = t.sign_in(t.login_of(Role::Admin)).await;
    let password = "a long enough first passphrase";
    for (name, login, role, home) in [
        ("Bea Board", "bea", "board", "/board"),
        ("Al Admin", "al", "admin", "/staff/admin"),
        ("Rita Reviewer", "rita", "reviewer", "/staff"),
    ] {
        let path = enrol(&admin, name, login, &[role]).await;
        // When each chooses their password through their link
        let (b, r) = set_up(&t, &path, password).await;
        // Then they are sent to their own home page, which answers, with the notice
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{role}: {}", r.body);
        assert_eq!(location(&r), format!("{home}?done=password-set"), "{role}");
        let landed = b.get(location(&r)).await;
        assert_eq!(landed.status, StatusCode::OK, "{role}: {}", landed.body);
        assert!(
            landed
                .body
                .contains("Your password is saved. You are signed in."),
            "{role}"
        );
        // and the brand link of every page they see goes there too.
        assert_eq!(brand(&landed), home, "{role}");
        assert_eq!(brand(&b.get("/staff/password").await), home, "{role}");

        // Changing the password lands there too.
        let form = b.get("/staff/password").await;
        let new = "another long passphrase for this";
        let r = b
            .post_form(
                "/staff/password",
                &[
                    ("csrf", form.csrf().unwrap().as_str()),
                    ("current", password),
                    ("password", new),
                    ("confirm", new),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{role}: {}", r.body);
        assert_eq!(location(&r), format!("{home}?done=password-changed"));
        assert_eq!(b.get(location(&r)).await.status, StatusCode::OK, "{role}");
    }
    // Visitors' brand link is the landing page.
    assert_eq!(brand(&t.browser().get("/track").await), "/");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_used_setup_link_is_explained_in_the_page_language_and_the_setup_sentence_ends() {
    let t = spawn_app_with(roomy()).await;
    let admin = t.sign_in(t.login_of(Role::Admin)).await;
    let path = enrol(&admin, "Nour Intake", "nour", &["intake"]).await;
    let form = t.browser().get(&path).await;
    assert!(
        form.body
            .contains("Choose a password for <strong>nour</strong>."),
        "the sentence ends with a full stop"
    );
    let (_, r) = set_up(&t, &path, "a long enough first passphrase").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    for (lang, says) in [
        ("en", "This set-up link no longer works"),
        ("fr", "Ce lien de création de compte ne fonctionne plus"),
        ("ar", "رابط إعداد الحساب هذا لم يعد يعمل"),
    ] {
        let again = t.browser().get(&format!("{path}?lang={lang}")).await;
        assert_eq!(again.status, StatusCode::BAD_REQUEST);
        assert!(again.body.contains(says), "{lang}: {}", again.body);
        assert!(!again.body.contains("not valid any more"), "{lang}");
    }
}

#[test]
fn every_case_action_has_its_own_notice() {
    let catalog = Arc::new(Catalog::load().unwrap());
    for lang in ["en", "fr", "ar", "es", "fa", "uk"] {
        let tr = Tr::new(catalog.clone(), lang);
        for a in ACTIONS {
            let id = format!("done-case-{}", a.slug);
            assert!(tr.t_opt(&id).is_some(), "{lang}: {id} is missing");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_notice_after_a_message_says_it_was_sent() {
    let t = spawn_app_with(roomy()).await;
    let (case, _) = file(&t, "Nobody called me back.").await;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    let page = chair.get(&format!("/staff/case/{case}")).await;
    let r = chair
        .post_form(
            &format!("/staff/case/{case}/message"),
            &[
                ("csrf", page.csrf().unwrap().as_str()),
                ("audience", "committee"),
                ("body", "Who took the call?"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let after = chair.get(location(&r)).await;
    assert!(after.body.contains("Message sent."), "{}", after.body);
    assert!(!after.body.contains(">Done.<"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn being_told_to_wait_after_too_many_sign_ins_leaves_a_way_back() {
    let config = WebConfig {
        limits: Limits {
            sign_in: 1,
            sign_in_account: 1,
            window: Duration::from_secs(600),
            ..Limits::default()
        },
        ..WebConfig::default()
    };
    let t = spawn_app_with(config).await;
    let b = t.browser();
    let mut last = None;
    for _ in 0..3 {
        b.get("/staff/login").await;
        let csrf = b.cookie("recourse_csrf").unwrap();
        let r = b
            .post_form(
                "/staff/login",
                &[
                    ("csrf", csrf.as_str()),
                    ("login", "nobody"),
                    ("password", "a wrong guess"),
                ],
            )
            .await;
        last = Some(r);
    }
    let r = last.unwrap();
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    assert!(
        r.body
            .contains("<a href=\"/staff/login\">Back to the sign-in page</a>"),
        "{}",
        r.body
    );
}

// --- The client's tracking page -----------------------------------------------------------

/// The tracking page of `code`, as the client's browser shows it.
async fn track_page(b: &Browser, code: &str) -> Page {
    let form = b.get("/track").await;
    let p = b
        .post_form_followed(
            "/track",
            &[("csrf", form.csrf().unwrap().as_str()), ("code", code)],
        )
        .await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    p
}

/// The client's action `action` with `fields`, from their tracking page.
async fn track_act(b: &Browser, code: &str, action: &str, fields: &[(&str, &str)]) -> Page {
    let page = track_page(b, code).await;
    let csrf = csrf_in(&page.body).unwrap();
    let mut all = vec![("csrf", csrf.as_str()), ("code", code)];
    all.extend_from_slice(fields);
    b.post_form_followed(&format!("/track/{action}"), &all)
        .await
}

/// The status hint under "Where it is now" (the paragraph after it).
fn next_step(p: &Page) -> String {
    let at = p.body.find("class=\"next-step\"").expect("the next step");
    let rest = &p.body[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = rest.find("</p>").unwrap();
    rest[start..end].replace(['\u{2068}', '\u{2069}'], "")
}

/// A case taken to its decision by the chair: its id and receipt code.
async fn decided(t: &TestApp, chair: &Staff) -> (String, String) {
    let (case, code) = file(t, "The interpreter did not come.").await;
    chair.act(&case, "acknowledge", json!({})).await;
    chair
        .act(&case, "assign", json!({ "reviewer": chair.id }))
        .await;
    chair
        .act(
            &case,
            "finding",
            json!({ "substantiated": true, "summary": "No booking was made." }),
        )
        .await;
    let r = chair
        .act(
            &case,
            "decide",
            json!({ "outcome": "upheld", "reasons": "The booking was never made." }),
        )
        .await;
    assert_eq!(r["status"], "decided");
    (case, code)
}

fn local(t: &TestApp, at: jiff::Timestamp) -> Date {
    t.app.service.read(|m| m.clocks().local_date(at))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_is_told_the_next_date_and_never_offered_what_the_page_lacks() {
    let t = spawn_app_with(roomy()).await;
    let chair = sign_in(&t, t.login_of(Role::Chair)).await;
    let b = t.browser();

    // Filed: confirmed by the acknowledgement's due date.
    let (case, code) = file(&t, "My file was lost.").await;
    let id: recourse_events::ids::CaseId = case.parse().unwrap();
    let (ack, decide) = t.app.service.read(|m| {
        let c = m.case(&id).unwrap();
        (
            m.clocks().acknowledge_due(c).unwrap(),
            m.clocks().decide_due(c).unwrap(),
        )
    });
    let p = track_page(&b, &code).await;
    assert_eq!(
        next_step(&p),
        format!("We received your complaint. We will confirm it by {ack}.")
    );
    // Acknowledged: decided by the decision's due date.
    chair.act(&case, "acknowledge", json!({})).await;
    let p = track_page(&b, &code).await;
    assert!(
        next_step(&p).ends_with(&format!("We will decide by {decide}.")),
        "{}",
        next_step(&p)
    );

    // Decided: appeal until the window's last day, and the appeal form is there.
    let (case, code) = decided(&t, &chair).await;
    let id: recourse_events::ids::CaseId = case.parse().unwrap();
    let (decided_at, window) = t.app.service.read(|m| {
        (
            m.case(&id).unwrap().decision.as_ref().unwrap().at,
            m.org().settings.appeal_window_days,
        )
    });
    let until = local(
        &t,
        decided_at + jiff::SignedDuration::from_hours(24 * i64::from(window)),
    );
    let p = track_page(&b, &code).await;
    assert!(
        next_step(&p).contains(&format!("you can appeal until {until}.")),
        "{}",
        next_step(&p)
    );
    assert!(p.body.contains("action=\"/track/appeal\""));
    // French says the same date.
    let fr = t.browser();
    fr.get("/?lang=fr").await;
    let p = track_page(&fr, &code).await;
    assert!(
        next_step(&p).contains(&format!("faire appel jusqu&#39;au {until}.")),
        "{}",
        next_step(&p)
    );

    // After the appeal is decided: no more "you can appeal", and no appeal form.
    let r = track_act(&b, &code, "appeal", &[("text", "The remedy is too small.")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let other = t
        .staff
        .iter()
        .find(|s| s.roles.contains(&Role::Reviewer))
        .unwrap()
        .login
        .clone();
    let reviewer = sign_in(&t, &other).await;
    chair
        .act(&case, "appeal-assign", json!({ "reviewer": reviewer.id }))
        .await;
    reviewer
        .act(
            &case,
            "appeal-decide",
            json!({ "outcome": "confirmed", "reasons": "The decision stands." }),
        )
        .await;
    let p = track_page(&b, &code).await;
    assert_eq!(
        next_step(&p),
        "Your appeal was decided. You can read the outcome below."
    );
    assert!(!p.body.contains("action=\"/track/appeal\""));
    assert!(!p.body.to_lowercase().contains("you can appeal"));

    // Closed after the appeal: the same, with no appeal offered "within the time allowed".
    chair.act(&case, "close", json!({})).await;
    let p = track_page(&b, &code).await;
    assert_eq!(
        next_step(&p),
        "Your complaint is closed and your appeal was decided. You can still comment on your file."
    );
    assert!(!p.body.contains("within the time allowed"));
    assert!(!p.body.contains("action=\"/track/appeal\""));

    // The API tells the client the same.
    let api = crate::api::track(&t, &code).await;
    assert_eq!(api["status_hint"], next_step(&p));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_satisfaction_survey_closes_once_answered_and_shows_the_answer() {
    let t = spawn_app_with(roomy()).await;
    let chair = sign_in(&t, t.login_of(Role::Chair)).await;
    let (case, code) = decided(&t, &chair).await;
    let id: recourse_events::ids::CaseId = case.parse().unwrap();
    let b = t.browser();
    assert!(
        track_page(&b, &code)
            .await
            .body
            .contains("action=\"/track/satisfaction\"")
    );

    // The first answer is recorded, thanked for and shown; the form is gone.
    let answer = [("explained", "yes"), ("fair", "no"), ("rating", "3")];
    let r = track_act(&b, &code, "satisfaction", &answer).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Thank you for your answer."));
    assert!(r.body.contains("<dd>3 out of 5</dd>"), "{}", r.body);
    assert!(r.body.contains("<dt>Was the process fair?</dt><dd>No</dd>"));
    assert!(!r.body.contains("action=\"/track/satisfaction\""));

    // A second answer is refused, clearly, and the first stands.
    let again = [("explained", "yes"), ("fair", "yes"), ("rating", "5")];
    let r = track_act(&b, &code, "satisfaction", &again).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert!(
        r.body.contains("These questions were already answered"),
        "{}",
        r.body
    );
    let api = crate::api::post(
        &b,
        "/track/satisfaction",
        json!({ "code": code, "rating": 5, "explained": true, "fair": true }),
    )
    .await;
    assert_eq!(api.status, StatusCode::CONFLICT, "{}", api.text);
    let kept = t
        .app
        .service
        .read(|m| m.case(&id).unwrap().satisfaction.clone().unwrap().1);
    assert_eq!((kept.rating, kept.fair), (3, false));
    assert_eq!(
        crate::api::track(&t, &code).await["can"]["satisfaction"],
        false
    );
}

// --- Case numbers and search --------------------------------------------------------------

#[test]
fn case_numbers_are_read_as_people_say_them() {
    let n = CaseNumber { year: 2026, seq: 7 };
    assert_eq!(n.to_string(), "2026-0007");
    for typed in [
        "2026-0007",
        "2026-7",
        " 2026 07 ",
        "#2026-0007",
        "20260007",
        "2026/7",
    ] {
        assert_eq!(CaseNumber::parse(typed), Some(n), "{typed:?}");
    }
    for typed in [
        "",
        "2026",
        "2026-",
        "26-7",
        "2026-0",
        "2026-x",
        "abcd-1",
        "2026-1234567890",
    ] {
        assert_eq!(CaseNumber::parse(typed), None, "{typed:?}");
    }
    let big = CaseNumber {
        year: 2027,
        seq: 12345,
    };
    assert_eq!(big.to_string(), "2027-12345");
    assert_eq!(CaseNumber::parse("2027-12345"), Some(big));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_case_has_a_number_in_filing_order_and_is_found_whatever_its_status() {
    let t = spawn_app_with(roomy()).await;
    // The demo's cases are numbered per year of filing, 1, 2, 3... without gaps or repeats.
    let mut by_year: std::collections::BTreeMap<i16, Vec<u32>> = Default::default();
    t.app.service.read(|m| {
        for c in m.cases().filter(|c| c.filing.is_some()) {
            let n = c.number.expect("every filed case has a number");
            assert_eq!(n.year, m.clocks().local_date(c.filed_at.unwrap()).year());
            by_year.entry(n.year).or_default().push(n.seq);
            assert_eq!(m.case_by_number(&n), Some(c.id));
        }
    });
    assert!(by_year.len() > 1, "the demo spans years");
    for (year, seqs) in &mut by_year {
        seqs.sort();
        let expected: Vec<u32> = (1..=seqs.len() as u32).collect();
        assert_eq!(*seqs, expected, "{year}");
    }

    // Complaints filed now take the next numbers of this year, in the ledger's order, shown on
    // the queue and the case page, with the id underneath.
    let number_of = |case: &str| {
        let id: recourse_events::ids::CaseId = case.parse().unwrap();
        t.app.service.read(|m| m.case(&id).unwrap().number.unwrap())
    };
    let year = local(&t, t.app.service.now()).year();
    let before = by_year.get(&year).map_or(0, |s| s.len() as u32);
    let (first, _) = file(&t, "The letter never came.").await;
    let (case, code) = file(&t, "I was not told about my rights.").await;
    assert_eq!(
        number_of(&first),
        CaseNumber {
            year,
            seq: before + 1
        }
    );
    assert_eq!(
        number_of(&case),
        CaseNumber {
            year,
            seq: before + 2
        }
    );
    let number = number_of(&case).to_string();
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    let queue = chair.get("/staff").await;
    assert!(
        queue.body.contains(&format!(
            "href=\"/staff/case/{case}\" class=\"case-number\">{number}</a>"
        )),
        "the queue shows the number"
    );
    let page = chair.get(&format!("/staff/case/{case}")).await;
    assert!(
        page.body
            .contains(&format!("<span class=\"case-number\">{number}</span>"))
    );
    assert!(
        page.body
            .contains(&format!("<span class=\"uuid\">{case}</span>"))
    );

    // Withdrawn, it leaves the queue but is found by its number, its id, a part of its id,
    // and by the status filter, which offers the settled statuses.
    let b = t.browser();
    let r = track_act(&b, &code, "withdraw", &[("confirm", "yes")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let link = format!("href=\"/staff/case/{case}\"");
    assert!(!chair.get("/staff").await.body.contains(&link));
    let short = &case[case.len() - 8..];
    let spoken = number
        .replace("-000", "-")
        .replace("-00", "-")
        .replace("-0", "-");
    for q in [number.as_str(), spoken.as_str(), case.as_str(), short] {
        let found = chair.get(&format!("/staff?q={q}")).await;
        assert_eq!(found.status, StatusCode::OK);
        assert!(found.body.contains(&link), "found by {q:?}");
        assert_eq!(
            found.body.matches("class=\"case-number\"").count(),
            1,
            "{q:?}"
        );
    }
    let none = chair.get("/staff?q=1999-0001").await;
    assert!(none.body.contains("No case has this number or id."));
    assert!(!none.body.contains("class=\"case-number\""));
    let filter = chair.get("/staff").await;
    for s in ["closed", "withdrawn", "erased"] {
        assert!(
            filter.body.contains(&format!("<option value=\"{s}\"")),
            "{s}"
        );
    }
    let withdrawn = chair.get("/staff?status=withdrawn").await;
    assert!(withdrawn.body.contains(&link));
    // The API finds it the same way.
    let api = sign_in(&t, t.login_of(Role::Chair)).await;
    let r = api.get(&format!("/queue?q={number}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let rows = r.json["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["case"], case.as_str());
    assert_eq!(rows[0]["number"], number.as_str());
    assert_eq!(rows[0]["status"], Status::Withdrawn.as_str());
}

// --- The board's period form --------------------------------------------------------------

/// The value of the input `id` on a page.
fn input_value(p: &Page, id: &str) -> String {
    let marker = format!("id=\"{id}\" name=\"{id}\" value=\"");
    let at = p.body.find(&marker).unwrap_or_else(|| panic!("no {id}")) + marker.len();
    p.body[at..].split('"').next().unwrap().to_string()
}

fn quarter_start(d: Date) -> Date {
    jiff::civil::date(d.year(), (d.month() - 1) / 3 * 3 + 1, 1)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_board_period_defaults_to_the_organizations_own_history() {
    // A new install: the current quarter only.
    let (app, base, _data) = fresh().await;
    let b = Browser::at(&base);
    b.get("/staff/login").await;
    let csrf = b.cookie("recourse_csrf").unwrap();
    let r = b
        .post_form(
            "/staff/login",
            &[
                ("csrf", csrf.as_str()),
                ("login", FRESH_ADMIN),
                ("password", FRESH_PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(location(&r), "/staff/admin", "an administrator's home");
    let page = b.get("/board").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let today = app
        .service
        .read(|m| m.clocks().local_date(app.service.now()));
    assert_eq!(input_value(&page, "from"), quarter_start(today).to_string());
    assert_eq!(input_value(&page, "to"), today.to_string());
    // The date format hint is under the first day's label, by its field, not the period's.
    let hint = page.body.find("id=\"date-hint\"").unwrap();
    assert!(page.body.find("<label for=\"from\">").unwrap() < hint);
    assert!(hint < page.body.find("id=\"from\" name=\"from\"").unwrap());
    assert!(page.body.find("</select>").unwrap() < page.body.find("<label for=\"from\">").unwrap());

    // The demo: from the quarter of its first filing.
    let t = spawn_app_with(roomy()).await;
    let board = t.sign_in(t.login_of(Role::Board)).await;
    let first = t.app.service.read(|m| {
        m.cases()
            .filter_map(|c| c.filed_at)
            .min()
            .map(|at| m.clocks().local_date(at))
            .unwrap()
    });
    let page = board.get("/board").await;
    assert_eq!(input_value(&page, "from"), quarter_start(first).to_string());
}
