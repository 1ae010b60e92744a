//! Systemic corrective actions over HTTP, on the demo agency: the chair opens one for an
//! owner, the owner records progress and moves the due date, reports it done, cannot verify
//! it; an auditor verifies it and a verified action takes nothing more. Who reads and who is
//! refused; an action past its due date shown as overdue; the dashboard's systemic counts (the
//! page and the API) equal to the read model's; the due-review banner, gone once a
//! whole-framework review of the period is approved; the review cadence setting saved, kept
//! absent when left at the default, and refused when it names another month.

use jiff::civil::Date;
use recourse::service::administration::fingerprint;
use recourse::service::review::{OpenReview, due_review};
use recourse::service::{Acting, DashboardAsk};
use recourse_events::ids::StaffId;
use recourse_events::org::{Role, Settings};
use recourse_events::review::{Cadence, Origin, Period, PeriodKind, Rating, ReviewRated};
use recourse_projections::actor::Actor;
use recourse_projections::review::ReviewCommand;
use recourse_projections::systemic::SystemicStatus;
use reqwest::StatusCode;

use crate::web_helpers::{Browser, Page, TestApp, csrf_in, spawn_app};

/// The id of the demo staff member called `name`.
fn staff_id(t: &TestApp, name: &str) -> StaffId {
    *t.app
        .service
        .staff_names()
        .iter()
        .find(|(_, n)| n.as_str() == name)
        .expect("a demo staff member")
        .0
}

/// A demo staff member holding `role` other than `not`: (name, login).
fn other_with(t: &TestApp, role: Role, not: &str) -> (String, String) {
    let s = t
        .staff
        .iter()
        .find(|s| s.roles.contains(&role) && s.login != not)
        .unwrap_or_else(|| panic!("a second {role:?}"));
    (s.name.clone(), s.login.clone())
}

/// The signed-in browser's session as the service's `Acting` (to set up reviews directly).
fn acting(t: &TestApp, b: &Browser) -> Acting {
    let token = b.cookie("recourse_session").expect("signed in");
    let s = t.app.sessions.get(&token).expect("a session");
    Acting {
        actor: Actor::Staff(s.staff),
        key: s.key,
    }
}

/// The organization's local date now.
fn today(t: &TestApp) -> Date {
    let now = t.app.service.now();
    t.app.service.read(|m| m.clocks().local_date(now))
}

/// Where a 303 goes.
fn location(p: &Page) -> String {
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    p.header("location").expect("a location").to_owned()
}

/// Opens an action through the form as `chair`; its page's path.
async fn open(chair: &Browser, fields: &[(&str, &str)]) -> Page {
    let form = chair.get("/board/systemic/new").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let csrf = form.csrf().expect("a CSRF field");
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    chair.post_form("/board/systemic", &all).await
}

/// Posts `action` with `note` (and fields) on the action at `path`, with the page's token.
async fn act(b: &Browser, path: &str, action: &str, fields: &[(&str, &str)]) -> Page {
    let page = b.get(path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let csrf = csrf_in(&page.body).expect("a CSRF field");
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    b.post_form(&format!("{path}/{action}"), &all).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_systemic_action_is_opened_worked_completed_and_verified_by_someone_else() {
    let t = spawn_app().await;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    let owner_login = t.login_of(Role::Reviewer).to_owned();
    let owner_name = t
        .staff
        .iter()
        .find(|s| s.login == owner_login)
        .unwrap()
        .name
        .clone();
    let owner_id = staff_id(&t, &owner_name);
    let case = t.app.service.read(|m| {
        m.cases()
            .find(|c| c.filing.is_some())
            .map(|c| c.id)
            .unwrap()
    });
    let short = case.to_string()[28..].to_owned();

    // The form says the texts are in clear, with the limits.
    let form = chair.get("/board/systemic/new").await;
    assert!(form.body.contains("kept in clear and may be published"));
    assert!(
        form.body
            .contains(&format!("maxlength=\"{}\"", recourse_events::limits::TITLE))
    );
    assert!(form.body.contains(&owner_name), "the owner is offered");

    // A case reference nobody has is refused, named, and nothing is recorded.
    let before = t.app.service.read(|m| m.systemic_actions().count());
    let refused = open(
        &chair,
        &[
            ("title", "Interpreters on every intake line"),
            ("description", "Book interpreters ahead for each language."),
            ("owner", &owner_id.to_string()),
            ("due", "2030-06-30"),
            ("cases", "zzzz0000"),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(
        refused
            .body
            .contains("No complaint has the number zzzz0000")
    );
    assert_eq!(t.app.service.read(|m| m.systemic_actions().count()), before);

    let opened = open(
        &chair,
        &[
            ("title", "Interpreters on every intake line"),
            ("description", "Book interpreters ahead for each language."),
            ("owner", &owner_id.to_string()),
            ("due", "2030-06-30"),
            ("framework_item", ""),
            ("cases", &short),
        ],
    )
    .await;
    let path = location(&opened);
    let path = path.split('?').next().unwrap().to_owned();
    let id: recourse_events::review::SystemicId =
        path.trim_start_matches("/board/systemic/").parse().unwrap();
    let a = t
        .app
        .service
        .read(|m| m.systemic_action(&id).cloned())
        .unwrap();
    assert_eq!(a.status, SystemicStatus::Open);
    assert_eq!(a.opened.as_ref().unwrap().origin.cases, vec![case]);
    assert_eq!(a.opened.as_ref().unwrap().owner, owner_id);

    // The chair sees the case as a link; the board only how many.
    let page = chair.get(&path).await;
    assert!(page.body.contains(&format!("href=\"/staff/case/{case}\"")));
    let board = t.sign_in(t.login_of(Role::Board)).await;
    let page = board.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("One complaint"));
    assert!(
        !page.body.contains("/staff/case/"),
        "no case link for the board"
    );
    let list = board.get("/board/systemic").await;
    assert!(list.body.contains("Interpreters on every intake line"));
    assert!(!list.body.contains("/staff/case/"));

    // The owner records progress and moves the due date; then reports it done.
    let owner = t.sign_in(&owner_login).await;
    let page = owner.get(&path).await;
    assert!(page.body.contains("id=\"progress\""));
    assert!(!page.body.contains("id=\"verify\""));
    let r = act(
        &owner,
        &path,
        "progress",
        &[("note", "Two interpreters booked."), ("due", "2030-09-30")],
    )
    .await;
    assert!(location(&r).contains("done=systemic-progress"));
    let page = owner.get(&path).await;
    assert!(page.body.contains("Two interpreters booked."));
    assert!(page.body.contains("due date moved to 2030-09-30"));
    assert!(
        page.body.contains("2030-06-30"),
        "the first due date is kept"
    );
    let r = act(&owner, &path, "complete", &[("note", "All lines covered.")]).await;
    location(&r);

    // The owner cannot verify: the form says why, and the rules refuse a post.
    let page = owner.get(&path).await;
    assert!(!page.body.contains("id=\"verify\""));
    assert!(
        page.body
            .contains("Not allowed: only the chair or an auditor verify")
    );
    let r = act(&owner, &path, "verify", &[("note", "Looks done to me.")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let status = t
        .app
        .service
        .read(|m| m.systemic_action(&id).map(|a| a.status));
    assert_eq!(status, Some(SystemicStatus::Completed));

    // An auditor verifies it; a verified action takes nothing more.
    let auditor = t.sign_in(t.login_of(Role::Auditor)).await;
    let page = auditor.get(&path).await;
    assert!(page.body.contains("id=\"verify\""), "{}", page.body);
    let r = act(&auditor, &path, "verify", &[("note", "Checked the rota.")]).await;
    assert!(location(&r).contains("done=systemic-verify"));
    let a = t
        .app
        .service
        .read(|m| m.systemic_action(&id).cloned())
        .unwrap();
    assert_eq!(a.status, SystemicStatus::Verified);
    assert_eq!(a.progress.len(), 1);
    assert_eq!(a.progress[0].due, Some(jiff::civil::date(2030, 9, 30)));
    let page = chair.get(&path).await;
    assert!(page.body.contains("Checked the rota."));
    assert!(page.body.contains("data-status=\"verified\""));
    for action in ["progress", "complete", "verify"] {
        let r = act(&chair, &path, action, &[("note", "Once more.")]).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{action}: {}", r.body);
    }
    let again = t
        .app
        .service
        .read(|m| m.systemic_action(&id).map(|a| a.seq));
    assert_eq!(
        again,
        Some(4),
        "opened, progressed, completed, verified: nothing more"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_reads_or_is_refused_and_only_the_chair_opens() {
    let t = spawn_app().await;
    let visitor = t.browser();
    for path in ["/board/systemic", "/board/systemic/new"] {
        let p = visitor.get(path).await;
        assert_eq!(p.status, StatusCode::SEE_OTHER, "{path}");
    }
    let intake = t.sign_in(t.login_of(Role::Intake)).await;
    assert!(
        !t.staff
            .iter()
            .find(|s| s.login == t.login_of(Role::Intake))
            .unwrap()
            .roles
            .iter()
            .any(|r| [
                Role::Chair,
                Role::Reviewer,
                Role::Auditor,
                Role::Board,
                Role::Admin
            ]
            .contains(r)),
        "the demo's intake officer holds no reading role"
    );
    for path in ["/board/systemic", "/board/systemic/new"] {
        assert_eq!(
            intake.get(path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    for role in [Role::Reviewer, Role::Auditor, Role::Board, Role::Admin] {
        let b = t.sign_in(t.login_of(role)).await;
        assert_eq!(
            b.get("/board/systemic").await.status,
            StatusCode::OK,
            "{role:?}"
        );
        assert_eq!(
            b.get("/board/systemic/new").await.status,
            StatusCode::FORBIDDEN,
            "{role:?} does not open actions"
        );
        // Posting the form without the chair's role is refused too.
        let page = b.get("/board/systemic").await;
        let csrf = page.csrf().unwrap();
        let r = b
            .post_form(
                "/board/systemic",
                &[
                    ("csrf", csrf.as_str()),
                    ("title", "x"),
                    ("description", "y"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?}");
    }
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    let list = chair.get("/board/systemic").await;
    assert!(list.body.contains("href=\"/board/systemic/new\""));
    // An unknown action is not found; a bad status filter is refused.
    let missing = chair
        .get("/board/systemic/00000000-0000-4000-8000-000000000000")
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(
        chair.get("/board/systemic?status=lost").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_action_past_its_due_date_is_overdue_and_counted_on_the_dashboard() {
    let t = spawn_app().await;
    // The demo's own systemic actions, before this test's two.
    let demo = t
        .app
        .service
        .dashboard(&DashboardAsk::default())
        .unwrap()
        .report
        .systemic
        .total;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    let (owner_name, _) = other_with(&t, Role::Reviewer, "");
    let owner = staff_id(&t, &owner_name).to_string();
    let yesterday = today(&t).yesterday().unwrap().to_string();
    let later = today(&t).tomorrow().unwrap().to_string();
    for (title, due) in [("Late review of fees", &yesterday), ("Posters", &later)] {
        let r = open(
            &chair,
            &[
                ("title", title),
                ("description", "Policy change."),
                ("owner", &owner),
                ("due", due),
            ],
        )
        .await;
        location(&r);
    }
    let overdue = chair.get("/board/systemic?status=overdue").await;
    assert!(overdue.body.contains("Late review of fees"));
    assert!(!overdue.body.contains("Posters"));
    assert!(overdue.body.contains("data-status=\"overdue\""));
    let open_list = chair.get("/board/systemic?status=open").await;
    assert!(open_list.body.contains("Posters"));
    assert!(!open_list.body.contains("Late review of fees"));

    // The dashboard: the read model's counts, in the page's table and in the API.
    let expected = t
        .app
        .service
        .dashboard(&DashboardAsk::default())
        .unwrap()
        .report
        .systemic
        .total;
    assert_eq!(
        (expected.opened, expected.overdue),
        (demo.opened + 2, demo.overdue + 1),
        "{expected:?}"
    );
    let board = t.sign_in(t.login_of(Role::Board)).await;
    let page = board.get("/board").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("href=\"/board/systemic\""));
    let total = format!(
        "<th scope=\"row\">Total</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
        expected.opened, expected.overdue, expected.completed, expected.verified
    );
    let table = &page.body[page.body.find("id=\"systemic-table\"").unwrap()..];
    assert!(table.contains(&total), "{table}");
    let api = board
        .get_with("/api/v1/dashboard", &[("accept", "application/json")])
        .await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.body);
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(json["systemic"]["opened"], demo.opened + 2);
    assert_eq!(json["systemic"]["overdue"], demo.overdue + 1);
    let by_period: u64 = json["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["systemic"]["opened"].as_u64().unwrap())
        .sum();
    assert_eq!(by_period, u64::from(demo.opened) + 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_due_review_banner_goes_once_the_periods_review_is_approved() {
    let t = spawn_app().await;
    let board = t.sign_in(t.login_of(Role::Board)).await;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    let today = today(&t);
    let fiscal = t.app.service.read(|m| {
        m.org()
            .settings
            .review_cadence
            .unwrap_or_default()
            .fiscal_start
    });
    let period = Period::containing(PeriodKind::Quarter, today, fiscal).previous();
    assert_eq!(t.app.service.read(|m| due_review(m, today)), Some(period));
    let page = board.get("/board").await;
    assert!(page.body.contains(&format!(
        "The framework review of {} is due.",
        period.label()
    )));
    assert!(page.body.contains("href=\"/board/reviews\""));

    // Open, rate, submit: in progress.
    let chair_acting = acting(&t, &chair);
    let at = t.app.service.now();
    let ask = OpenReview {
        period,
        area: None,
        origin: Origin::default(),
    };
    let (review, _) = t
        .app
        .service
        .open_review(&chair_acting, &ask, at)
        .await
        .unwrap();
    let items: Vec<String> = t.app.service.read(|m| {
        m.review(&review)
            .unwrap()
            .items()
            .map(|i| i.item.clone())
            .collect()
    });
    assert!(!items.is_empty());
    let page = board.get("/board").await;
    assert!(
        page.body.contains("data-state=\"in-progress\""),
        "{}",
        page.body
    );
    for item in items {
        let rate = ReviewCommand::Rate(ReviewRated {
            item,
            rating: Rating::Met,
            reasons: "Shown by the figures.".into(),
        });
        let at = t.app.service.now();
        t.app
            .service
            .act_on_review(&chair_acting, review, rate, at)
            .await
            .unwrap();
    }
    let at = t.app.service.now();
    t.app
        .service
        .act_on_review(&chair_acting, review, ReviewCommand::Submit, at)
        .await
        .unwrap();
    assert!(board.get("/board").await.body.contains("is in progress"));

    // Approved by the board: the banner is gone.
    let at = t.app.service.now();
    t.app
        .service
        .act_on_review(
            &acting(&t, &board),
            review,
            ReviewCommand::Approve {
                comments: String::new(),
            },
            at,
        )
        .await
        .unwrap();
    assert_eq!(t.app.service.read(|m| due_review(m, today)), None);
    let page = board.get("/board").await;
    assert!(!page.body.contains("id=\"due-review\""));
}

/// The settings form's fields for `s`, with the page's token and fingerprint.
fn settings_fields(
    csrf: &str,
    s: &Settings,
    cadence: Option<(&str, &str)>,
) -> Vec<(String, String)> {
    let lines = |v: &[recourse_events::org::Named]| {
        v.iter()
            .map(|n| format!("{} = {}", n.id, n.name))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let dates = |v: &[Date]| {
        v.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut f: Vec<(String, String)> = vec![
        ("csrf".into(), csrf.into()),
        ("base".into(), fingerprint(s)),
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
        ("extra_holidays".into(), dates(&s.extra_holidays)),
        ("removed_holidays".into(), dates(&s.removed_holidays)),
        ("default_language".into(), s.languages[0].clone()),
        ("programs".into(), lines(&s.programs)),
        ("sites".into(), lines(&s.sites)),
        ("framework".into(), s.framework.clone()),
    ];
    f.extend(s.languages.iter().map(|l| ("languages".into(), l.clone())));
    if let Some((every, start)) = cadence {
        f.push(("review_every".into(), every.into()));
        f.push(("review_year_start".into(), start.into()));
    }
    f
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_review_cadence_is_saved_kept_absent_at_the_default_and_validated() {
    let t = spawn_app().await;
    let admin = t.sign_in(t.login_of(Role::Admin)).await;
    let settings = || t.app.service.read(|m| m.org().settings.clone());
    let org_seq = || t.app.service.read(|m| m.org().seq);
    let post = |fields: Vec<(String, String)>| {
        let admin = &admin;
        async move {
            let pairs: Vec<(&str, &str)> = fields
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            admin.post_form("/staff/admin/settings", &pairs).await
        }
    };
    // The demo reviews itself quarterly on an April year: back to the default first.
    let page = admin.get("/staff/admin?view=settings").await;
    let demo = settings();
    assert!(demo.review_cadence.is_some());
    let reset = post(settings_fields(
        &page.csrf().unwrap(),
        &demo,
        Some(("quarter", "1")),
    ))
    .await;
    assert!(location(&reset).contains("done=admin-settings-saved"));
    let page = admin.get("/staff/admin?view=settings").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("name=\"review_every\""));
    assert!(page.body.contains("<option value=\"quarter\" selected>"));
    assert!(page.body.contains("<option value=\"1\" selected>"));
    let csrf = page.csrf().unwrap();
    let before = settings();
    assert_eq!(before.review_cadence, None);

    // Saving the default leaves the setting absent: nothing changes, nothing is recorded.
    let seq = org_seq();
    let r = post(settings_fields(&csrf, &before, Some(("quarter", "1")))).await;
    assert!(location(&r).contains("done=admin-settings-unchanged"));
    assert_eq!(settings(), before);
    assert_eq!(org_seq(), seq);

    // A year starting in another month is refused beside its field, nothing recorded.
    let r = post(settings_fields(&csrf, &before, Some(("half_year", "7")))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(
        r.body
            .contains("The year starts in: choose January or April.")
    );
    assert!(r.body.contains("href=\"#review_cadence\""));
    let r = post(settings_fields(&csrf, &before, Some(("fortnight", "1")))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("choose quarter, half-year or year"));
    assert_eq!(org_seq(), seq);

    // Half-years of an April year: saved, shown, and the due period follows.
    let r = post(settings_fields(&csrf, &before, Some(("half_year", "4")))).await;
    assert!(
        location(&r).contains("done=admin-settings-saved"),
        "{}",
        r.body
    );
    let saved = settings();
    assert_eq!(
        saved.review_cadence,
        Some(Cadence {
            every: PeriodKind::HalfYear,
            fiscal_start: 4,
        })
    );
    let page = admin.get("/staff/admin?view=settings").await;
    assert!(page.body.contains("<option value=\"half_year\" selected>"));
    assert!(page.body.contains("<option value=\"4\" selected>"));
    let today = today(&t);
    let due = t.app.service.read(|m| due_review(m, today)).unwrap();
    assert_eq!(
        due,
        Period::containing(PeriodKind::HalfYear, today, 4).previous()
    );
    assert!(due.label().starts_with("FY"));

    // A form without the two fields keeps the cadence; back to the default removes it.
    let r = post(settings_fields(&csrf, &saved, None)).await;
    assert!(location(&r).contains("done=admin-settings-unchanged"));
    let r = post(settings_fields(&csrf, &saved, Some(("quarter", "1")))).await;
    assert!(location(&r).contains("done=admin-settings-saved"));
    assert_eq!(settings().review_cadence, None);
    assert_eq!(fingerprint(&settings()), fingerprint(&before));
}
