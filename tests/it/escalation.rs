//! Complaints about the people at the top (issue 12): a complaint about the director or the
//! chair is escalated, hidden from every chair and handled by the board or the external
//! reviewer the settings name; the staff member a complaint describes in free text is sealed,
//! read by intake through a recorded opening and turned into the named-staff exclusion; and
//! the setting that shows the openers' names to the client.

use recourse::service::administration::fingerprint;
use recourse_events::ids::StaffId;
use recourse_events::org::{Role, Settings};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api::{complaint, post, roomy, sign_in};
use crate::web_helpers::{Browser, Page, TestApp, spawn_app_with};

/// The id of the demo staff member signing in as `login`.
fn id_of(t: &TestApp, login: &str) -> StaffId {
    let name = &t.staff.iter().find(|s| s.login == login).unwrap().name;
    *t.app
        .service
        .staff_names()
        .iter()
        .find(|(_, n)| *n == name)
        .unwrap()
        .0
}

fn settings(t: &TestApp) -> Settings {
    t.app.service.read(|m| m.org().settings.clone())
}

/// The settings form as the admin page sends it: the current settings, with the escalation
/// choices `changes` (`director`, `external_reviewer`, `show_opener_names`).
async fn save_settings(t: &TestApp, admin: &Browser, changes: &[(&str, &str)]) -> Page {
    let page = admin.get("/staff/admin?view=settings").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let s = settings(t);
    let lines = |v: &[recourse_events::org::Named]| {
        v.iter()
            .map(|n| format!("{} = {}", n.id, n.name))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut form: Vec<(String, String)> = vec![
        ("csrf".into(), page.csrf().unwrap()),
        ("base".into(), fingerprint(&s)),
        (
            "acknowledge_business_days".into(),
            s.acknowledge_business_days.to_string(),
        ),
        (
            "decide_calendar_days".into(),
            s.decide_calendar_days.to_string(),
        ),
        (
            "appeal_window_days".into(),
            s.appeal_window_days.to_string(),
        ),
        ("retention_days".into(), s.retention_days.to_string()),
        ("time_zone".into(), s.time_zone.clone()),
        (
            "holiday_jurisdiction".into(),
            s.holiday_jurisdiction.clone(),
        ),
        (
            "extra_holidays".into(),
            s.extra_holidays
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        (
            "removed_holidays".into(),
            s.removed_holidays
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("default_language".into(), s.languages[0].clone()),
        ("programs".into(), lines(&s.programs)),
        ("sites".into(), lines(&s.sites)),
        ("framework".into(), s.framework.clone()),
        ("escalation_shown".into(), "1".into()),
    ];
    form.extend(s.languages.iter().map(|l| ("languages".into(), l.clone())));
    form.extend(changes.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    admin.post_form("/staff/admin/settings", &form).await
}

/// Files a web complaint through the API with `extra` fields; returns (case id, code).
async fn file_with(t: &TestApp, what: &str, extra: Value) -> (String, String) {
    let mut body = complaint(what);
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let r = post(&t.browser(), "/complaints", body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    (
        r.json["case"].as_str().unwrap().to_string(),
        r.json["receipt_code"].as_str().unwrap().to_string(),
    )
}

/// Posts the case page's form `action` with `fields`; the page answers with a redirect.
async fn act(b: &Browser, case: &str, action: &str, fields: &[(&str, &str)]) {
    let page = b.get(&format!("/staff/case/{case}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let csrf = page.csrf().unwrap();
    let mut form = vec![("csrf", csrf.as_str())];
    form.extend_from_slice(fields);
    let r = b
        .post_form(&format!("/staff/case/{case}/{action}"), &form)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{action}: {}", r.body);
}

/// The tracking page of `code`, in `lang`.
async fn track_page(t: &TestApp, code: &str, lang: &str) -> Page {
    let b = t.browser();
    let form = b.get(&format!("/track?lang={lang}")).await;
    let p = b
        .post_form_followed(
            &format!("/track?lang={lang}"),
            &[("csrf", form.csrf().unwrap().as_str()), ("code", code)],
        )
        .await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    p
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_complaint_about_the_leadership_is_hidden_from_chairs_and_decided_by_the_board() {
    let t = spawn_app_with(roomy()).await;
    // Given a web complaint the client says is about the director or the chair.
    let (case, code) = file_with(
        &t,
        "The chair shouted at me in the waiting room.",
        json!({ "about_leadership": true }),
    )
    .await;
    let intake = sign_in(&t, t.login_of(Role::Intake)).await;
    intake.act(&case, "acknowledge", json!({})).await;

    // Then no chair reads it: not on the case page, not in the API, not in either queue.
    for chair in t
        .staff
        .iter()
        .filter(|s| s.roles.contains(&Role::Chair))
        .map(|s| s.login.clone())
        .collect::<Vec<_>>()
    {
        let web = t.sign_in(&chair).await;
        let page = web.get(&format!("/staff/case/{case}")).await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{chair}");
        let queue = web.get("/staff?q=").await;
        assert_eq!(queue.status, StatusCode::OK);
        assert!(!queue.body.contains(&case), "{chair} sees it in the queue");
        let api = sign_in(&t, &chair).await;
        assert_eq!(
            api.get(&format!("/cases/{case}")).await.status,
            StatusCode::FORBIDDEN
        );
        let listed = api.get("/queue").await;
        assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
        assert!(!listed.text.contains(&case));
    }

    // When a board member looks: it is in their queue, marked escalated to the board.
    let board_login = t.login_of(Role::Board).to_string();
    let board = t.sign_in(&board_login).await;
    let queue = board.get("/staff").await;
    assert_eq!(queue.status, StatusCode::OK, "{}", queue.body);
    assert!(queue.body.contains(&case), "{}", queue.body);
    assert!(queue.body.contains("Escalated: the board handles it"));
    // The API's queue lists it for them too, and nothing a board member may not read.
    let board_api = sign_in(&t, &board_login).await;
    let listed = board_api.get("/queue").await;
    assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
    assert_eq!(listed.json["count"], 1, "{}", listed.text);
    assert!(listed.text.contains(&case));
    // And they handle it: assign themselves, record a finding, decide.
    let me = id_of(&t, &board_login).to_string();
    act(&board, &case, "assign", &[("reviewer", &me)]).await;
    act(
        &board,
        &case,
        "finding",
        &[
            ("summary", "The chair did raise their voice."),
            ("substantiated", "yes"),
        ],
    )
    .await;
    act(
        &board,
        &case,
        "decide",
        &[
            ("outcome", "upheld"),
            ("reasons", "Staff must treat clients with respect."),
        ],
    )
    .await;
    let page = board.get(&format!("/staff/case/{case}")).await;
    assert!(page.body.contains("Escalated"), "{}", page.body);
    let status = t
        .app
        .service
        .read(|m| m.case(&case.parse().unwrap()).unwrap().status());
    assert_eq!(status.as_str(), "decided");
    // The client reads who handles it, in plain words.
    let track = track_page(&t, &code, "en").await;
    assert!(
        track.body.contains("so the board handles it"),
        "{}",
        track.body
    );

    // But an ordinary complaint stays out of the board's reach.
    let (plain, _) = file_with(&t, "The office was closed.", json!({})).await;
    let page = board.get(&format!("/staff/case/{plain}")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    // Through the API alike: the escalated case answers, the ordinary one is refused.
    let api = sign_in(&t, &board_login).await;
    let view = api.get(&format!("/cases/{case}")).await;
    assert_eq!(view.status, StatusCode::OK, "{}", view.text);
    assert_eq!(view.json["escalated"], true);
    assert_eq!(
        api.get(&format!("/cases/{plain}")).await.status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_external_reviewer_in_the_settings_gets_escalated_complaints_instead_of_the_board() {
    let t = spawn_app_with(roomy()).await;
    let admin = t.sign_in(t.login_of(Role::Admin)).await;
    // Given settings naming a reviewer from a partner agency as the external reviewer.
    let reviewer_login = t.login_of(Role::Reviewer).to_string();
    let external = id_of(&t, &reviewer_login);
    let r = save_settings(&t, &admin, &[("external_reviewer", &external.to_string())]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(settings(&t).external_reviewer, Some(external));
    // And a chair cannot be the external reviewer: the settings are refused.
    let chair = id_of(&t, t.login_of(Role::Chair));
    let refused = save_settings(&t, &admin, &[("external_reviewer", &chair.to_string())]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert_eq!(settings(&t).external_reviewer, Some(external));

    // When an escalated complaint is filed.
    let (case, code) = file_with(
        &t,
        "The director refused to hear me.",
        json!({ "about_leadership": true }),
    )
    .await;
    // Then the board does not see it, the external reviewer does and decides it.
    let board = t.sign_in(t.login_of(Role::Board)).await;
    let page = board.get(&format!("/staff/case/{case}")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let web = t.sign_in(&reviewer_login).await;
    let queue = web.get("/staff").await;
    assert!(queue.body.contains(&case));
    let name = t
        .staff
        .iter()
        .find(|s| s.login == reviewer_login)
        .unwrap()
        .name
        .clone();
    assert!(
        queue
            .body
            .contains(&format!("Escalated: {name} handles it")),
        "{}",
        queue.body
    );
    let intake = sign_in(&t, t.login_of(Role::Intake)).await;
    intake.act(&case, "acknowledge", json!({})).await;
    let api = sign_in(&t, &reviewer_login).await;
    api.act(&case, "assign", json!({ "reviewer": external.to_string() }))
        .await;
    api.act(
        &case,
        "finding",
        json!({ "summary": "Confirmed.", "substantiated": true }),
    )
    .await;
    api.act(
        &case,
        "decide",
        json!({ "outcome": "upheld", "reasons": "The director must hear complaints." }),
    )
    .await;
    let view = api.get(&format!("/cases/{case}")).await;
    assert_eq!(view.json["escalated"], true, "{}", view.text);
    assert_eq!(view.json["filing"]["about_leadership"], true);
    assert_eq!(view.json["status"], "decided");
    let track = track_page(&t, &code, "en").await;
    assert!(track.body.contains("an independent reviewer handles it"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_staff_member_described_in_free_text_is_sealed_and_intake_excludes_them() {
    let t = spawn_app_with(roomy()).await;
    // Given a web complaint describing the staff member it is about.
    let described = "Mehdi at the front desk, tall with glasses";
    let (case, _) = file_with(
        &t,
        "He laughed at my accent.",
        json!({ "staff_described": described }),
    )
    .await;
    // Then the description is not in the ledger's bytes in clear.
    let id: recourse_events::ids::CaseId = case.parse().unwrap();
    let entry = t
        .app
        .service
        .store()
        .read_stream(&id.stream())
        .await
        .unwrap()[0]
        .entry
        .clone();
    let raw = String::from_utf8(entry).unwrap();
    assert!(raw.contains("\"staff_described\":{\"key\""), "{raw}");
    for clear in ["Mehdi", "front desk", "glasses"] {
        assert!(!raw.contains(clear), "{clear} is in clear: {raw}");
    }
    // When intake opens the file (a recorded opening), they read it.
    let intake_login = t.login_of(Role::Intake).to_string();
    let intake = t.sign_in(&intake_login).await;
    let page = intake.get(&format!("/staff/case/{case}")).await;
    assert!(
        page.body.contains("Staff member described"),
        "{}",
        page.body
    );
    let opened = intake
        .post_form(
            &format!("/staff/case/{case}/open"),
            &[
                ("csrf", page.csrf().unwrap().as_str()),
                ("purpose", "handling"),
            ],
        )
        .await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
    assert!(opened.body.contains(described), "{}", opened.body);
    let views = t.app.service.read(|m| m.case(&id).unwrap().views.len());
    assert_eq!(views, 1);
    // And names that reviewer at triage.
    let mehdi = id_of(&t, "mkarimi").to_string();
    act(&intake, &case, "acknowledge", &[]).await;
    act(
        &intake,
        &case,
        "triage",
        &[
            ("category", "staff_conduct"),
            ("urgency", "priority"),
            ("named_staff", &mehdi),
        ],
    )
    .await;
    // Then the named reviewer cannot open the case, and nobody can assign them.
    let named = t.sign_in("mkarimi").await;
    let refused = named.get(&format!("/staff/case/{case}")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let chair = sign_in(&t, t.login_of(Role::Chair)).await;
    let r = chair
        .post(
            &format!("/cases/{case}/actions/assign"),
            json!({ "reviewer": mehdi }),
        )
        .await;
    assert_ne!(r.status, StatusCode::OK, "{}", r.text);
    // And a description longer than the limit is refused, naming the field.
    let mut body = complaint("Too long.");
    body["staff_described"] = json!("x".repeat(recourse::limits::STAFF_DESCRIBED + 1));
    let r = post(&t.browser(), "/complaints", body).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    assert!(r.text.contains("staff_described"), "{}", r.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openers_names_show_on_the_tracking_page_only_when_the_setting_is_on() {
    let t = spawn_app_with(roomy()).await;
    // Given a complaint whose file an intake worker opened.
    let (case, code) = file_with(&t, "Nobody called me back.", json!({})).await;
    let intake_login = t.login_of(Role::Intake).to_string();
    let name = t
        .staff
        .iter()
        .find(|s| s.login == intake_login)
        .unwrap()
        .name
        .clone();
    let intake = sign_in(&t, &intake_login).await;
    let r = intake
        .post(
            &format!("/cases/{case}/open"),
            json!({ "purpose": "handling" }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // Then by default the client sees the role, not the name.
    let page = track_page(&t, &code, "en").await;
    assert!(page.body.contains("Intake"), "{}", page.body);
    assert!(!page.body.contains(&name), "{}", page.body);
    // When the administrator turns the setting on.
    let admin = t.sign_in(t.login_of(Role::Admin)).await;
    let r = save_settings(&t, &admin, &[("show_opener_names", "on")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(settings(&t).show_opener_names);
    // Then the name shows beside the role, isolated for right-to-left pages.
    let page = track_page(&t, &code, "ar").await;
    assert!(
        page.body.contains(&format!("<bdi>{name}</bdi>")),
        "{}",
        page.body
    );
    // And off again, it is gone.
    let r = save_settings(&t, &admin, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = track_page(&t, &code, "en").await;
    assert!(!page.body.contains(&name));
}

#[test]
fn old_settings_keep_their_bytes_and_their_fingerprint() {
    // Given settings as an older ledger wrote them (no escalation, no openers' names).
    let old = serde_json::to_string(&Settings::default()).unwrap();
    assert!(!old.contains("director"), "{old}");
    assert!(!old.contains("external_reviewer"));
    assert!(!old.contains("show_opener_names"));
    // Then they read back and write out byte for byte, with the same fingerprint.
    let read: Settings = serde_json::from_str(&old).unwrap();
    assert_eq!(serde_json::to_string(&read).unwrap(), old);
    assert_eq!(fingerprint(&read), fingerprint(&Settings::default()));
    // And the new fields are written only when set.
    let set = Settings {
        show_opener_names: true,
        ..Settings::default()
    };
    let json = serde_json::to_string(&set).unwrap();
    assert!(json.contains("\"show_opener_names\":true"));
    let back: Settings = serde_json::from_str(&json).unwrap();
    assert_eq!(back, set);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn intake_files_for_a_client_about_the_chair_with_the_staff_member_in_their_words() {
    let t = spawn_app_with(roomy()).await;
    let escalated = |t: &TestApp| {
        t.app
            .service
            .read(|m| m.cases().filter(|c| c.escalated()).count())
    };
    assert_eq!(escalated(&t), 0);
    // Given intake taking a complaint by phone, about the chair, naming someone in words.
    let intake = t.sign_in(t.login_of(Role::Intake)).await;
    let form = intake.get("/staff/file").await;
    assert!(form.body.contains("name=\"about\""), "{}", form.body);
    assert!(form.body.contains("name=\"who\""));
    let csrf = form.csrf().unwrap();
    let page = intake
        .post_form(
            "/staff/file?lang=en",
            &[
                ("csrf", csrf.as_str()),
                ("channel", "phone"),
                ("language", "en"),
                ("what", "The chair of the committee mocked my complaint."),
                ("program", "settlement"),
                ("site", "downtown"),
                ("about", "leadership"),
                ("who", "the chair, and a volunteer called Sam"),
                ("identity", "anonymous"),
                ("contact", "none"),
                ("consent_handle", "yes"),
            ],
        )
        .await;
    assert!(
        page.status.is_success() || page.status.is_redirection(),
        "{}",
        page.body
    );
    // Then the case is escalated and the words are sealed in its filing.
    assert_eq!(escalated(&t), 1);
    let case = t
        .app
        .service
        .read(|m| m.cases().find(|c| c.escalated()).unwrap().id);
    let entry = t
        .app
        .service
        .store()
        .read_stream(&case.stream())
        .await
        .unwrap()[0]
        .entry
        .clone();
    let raw = String::from_utf8(entry).unwrap();
    assert!(raw.contains("\"about_leadership\":true"), "{raw}");
    assert!(raw.contains("\"staff_described\":{"));
    assert!(!raw.contains("volunteer called Sam"));
}
