//! The administration area over HTTP, on a fresh data folder with one administrator: enrolling
//! a reviewer whose set-up link lets them choose a password and sign in; roles granted and
//! revoked; the last administrator kept; a departure ending sessions and sign-in; a password
//! reset replacing the key; settings saved (and seen on the complaint form) or refused with
//! every error named and nothing changed; everyone else refused, and forms without the CSRF
//! token refused.

use std::sync::Arc;

use recourse::accounts::{AccountStore, Accounts};
use recourse::data_dir::DataDir;
use recourse::service::Service;
use recourse::web::limits::Limits;
use recourse::web::{App, WebConfig};
use recourse_events::ids::StaffId;
use recourse_events::org::{Role, Settings};
use recourse_projections::framework::Reference;
use reqwest::StatusCode;
use reqwest::cookie::{CookieStore, Jar};

use crate::helpers::DataFolder;

const ADMIN_LOGIN: &str = "ada";
const ADMIN_PASSWORD: &str = "ada's long admin passphrase";
const REVIEWER_PASSWORD: &str = "rui chooses a long passphrase";

/// The app on a fresh data folder with one administrator, served on port 0.
struct TestApp {
    base: String,
    app: Arc<App>,
    admin: StaffId,
    _data: DataFolder,
}

async fn spawn() -> TestApp {
    let data = DataFolder::empty();
    let dir = DataDir::new(&data.path);
    let service = Service::setup(
        &dir,
        "test.recourse.example/admin",
        Arc::new(Reference::shipped()),
    )
    .await
    .expect("set-up");
    let accounts = Accounts::open(&dir.accounts_path()).expect("accounts");
    let (admin, acting) = service
        .enroll_staff(
            &service.ledger_acting(),
            "Ada Admin",
            ADMIN_LOGIN,
            &[Role::Admin],
        )
        .await
        .expect("first administrator");
    accounts
        .create_with_password(ADMIN_LOGIN, admin, &acting.key, ADMIN_PASSWORD)
        .expect("administrator account");
    let config = WebConfig {
        limits: Limits {
            sign_in: 1000,
            ..Limits::default()
        },
        ..WebConfig::default()
    };
    let app = Arc::new(App::new(service, Arc::new(accounts), config).expect("translations"));
    let base = crate::web_helpers::serve(app.clone()).await;
    TestApp {
        base,
        app,
        admin,
        _data: data,
    }
}

/// A response read whole.
struct Page {
    status: StatusCode,
    location: String,
    body: String,
}

impl Page {
    /// The value of the hidden field `name` (the first one).
    fn field(&self, name: &str) -> String {
        let marker = format!("name=\"{name}\" value=\"");
        let at = self
            .body
            .find(&marker)
            .unwrap_or_else(|| panic!("no field {name} in {}", self.body))
            + marker.len();
        self.body[at..].split('"').next().unwrap().to_string()
    }

    fn csrf(&self) -> String {
        self.field("csrf")
    }

    /// The table row naming `name` in the staff list.
    fn row(&self, name: &str) -> String {
        let at = self
            .body
            .find(&format!(">{name}</a>"))
            .unwrap_or_else(|| panic!("{name} is not listed"));
        let start = self.body[..at].rfind("<tr>").unwrap();
        let end = at + self.body[at..].find("</tr>").unwrap();
        self.body[start..end].to_string()
    }
}

/// A browser: its own cookies, redirects returned rather than followed.
struct Browser {
    client: reqwest::Client,
    jar: Arc<Jar>,
    base: String,
}

impl Browser {
    fn new(base: &str) -> Browser {
        let jar = Arc::new(Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser {
            client,
            jar,
            base: base.to_string(),
        }
    }

    fn cookie(&self, name: &str) -> Option<String> {
        let header = self.jar.cookies(&self.base.parse().unwrap())?;
        header.to_str().ok()?.split(';').find_map(|c| {
            let (k, v) = c.trim().split_once('=')?;
            (k == name && !v.is_empty()).then(|| v.to_string())
        })
    }

    async fn read(r: reqwest::Response) -> Page {
        Page {
            status: r.status(),
            location: r
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string(),
            body: r.text().await.unwrap(),
        }
    }

    async fn get(&self, path: &str) -> Page {
        let url = format!("{}{path}", self.base);
        Self::read(self.client.get(url).send().await.unwrap()).await
    }

    async fn post(&self, path: &str, form: &[(&str, &str)]) -> Page {
        let url = format!("{}{path}", self.base);
        Self::read(self.client.post(url).form(form).send().await.unwrap()).await
    }

    /// Signs in through the form; the response (303 on success).
    async fn sign_in(&self, login: &str, password: &str) -> Page {
        let form = self.get("/staff/login").await;
        assert_eq!(form.status, StatusCode::OK);
        let csrf = self.cookie("recourse_csrf").expect("a CSRF cookie");
        self.post(
            "/staff/login",
            &[
                ("csrf", &csrf),
                ("login", login),
                ("password", password),
                ("next", "/staff/admin"),
            ],
        )
        .await
    }
}

impl TestApp {
    fn browser(&self) -> Browser {
        Browser::new(&self.base)
    }

    async fn admin(&self) -> Browser {
        let b = self.browser();
        let r = b.sign_in(ADMIN_LOGIN, ADMIN_PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        b
    }

    fn settings(&self) -> Settings {
        self.app.service.read(|m| m.org().settings.clone())
    }

    fn org_seq(&self) -> u64 {
        self.app.service.read(|m| m.org().seq)
    }

    /// The id of the staff member called `name`.
    fn staff_id(&self, name: &str) -> StaffId {
        *self
            .app
            .service
            .staff_names()
            .iter()
            .find(|(_, n)| n.as_str() == name)
            .expect("enrolled")
            .0
    }
}

/// The path of the set-up link on a page.
fn setup_path(body: &str) -> String {
    let at = body.find("/staff/setup/").expect("a set-up link");
    body[at..]
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '/'))
        .next()
        .unwrap()
        .to_string()
}

/// Enrols a staff member through the form; the page showing their set-up link.
async fn enrol(admin: &Browser, name: &str, login: &str, roles: &[&str]) -> Page {
    let form = admin.get("/staff/admin?view=enrol").await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = form.csrf();
    let mut fields = vec![("csrf", csrf.as_str()), ("name", name), ("login", login)];
    fields.extend(roles.iter().map(|r| ("roles", *r)));
    admin.post("/staff/admin/enrol", &fields).await
}

/// Chooses a password through a set-up link: the new browser, signed in.
async fn set_up(t: &TestApp, path: &str, password: &str) -> Browser {
    let b = t.browser();
    let form = b.get(path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let r = b
        .post(
            path,
            &[
                ("csrf", &form.csrf()),
                ("password", password),
                ("confirm", password),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(b.cookie("recourse_session").is_some());
    b
}

/// A reviewer enrolled and set up: their id and signed-in browser.
async fn reviewer(t: &TestApp, admin: &Browser) -> (StaffId, Browser) {
    let page = enrol(admin, "Rui Reviewer", "rui", &["reviewer"]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let b = set_up(t, &setup_path(&page.body), REVIEWER_PASSWORD).await;
    (t.staff_id("Rui Reviewer"), b)
}

/// The settings form's fields as the page shows them, with `changes` applied.
fn settings_form(page: &Page, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let s = Settings::default();
    let mut fields: Vec<(String, String)> = vec![
        ("csrf".into(), page.csrf()),
        ("base".into(), page.field("base")),
        (
            "acknowledge_business_days".into(),
            page.field("acknowledge_business_days"),
        ),
        (
            "decide_calendar_days".into(),
            page.field("decide_calendar_days"),
        ),
        (
            "appeal_window_days".into(),
            page.field("appeal_window_days"),
        ),
        ("retention_days".into(), page.field("retention_days")),
        ("time_zone".into(), page.field("time_zone")),
        (
            "holiday_jurisdiction".into(),
            s.holiday_jurisdiction.clone(),
        ),
        ("extra_holidays".into(), String::new()),
        ("removed_holidays".into(), String::new()),
        ("default_language".into(), "en".into()),
        ("programs".into(), "settlement = Settlement services".into()),
        ("sites".into(), "main = Main office".into()),
        ("framework".into(), page.field("framework")),
    ];
    fields.extend(s.languages.iter().map(|l| ("languages".into(), l.clone())));
    for (k, v) in changes {
        match fields.iter_mut().find(|(f, _)| f == k) {
            Some(f) => f.1 = v.to_string(),
            None => fields.push((k.to_string(), v.to_string())),
        }
    }
    fields
}

async fn post_owned(b: &Browser, path: &str, fields: &[(String, String)]) -> Page {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    b.post(path, &pairs).await
}

#[tokio::test(flavor = "multi_thread")]
async fn an_enrolled_reviewer_sets_a_password_through_the_link_and_signs_in() {
    let t = spawn().await;
    let admin = t.admin().await;
    let list = admin.get("/staff/admin").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.row("Ada Admin").contains("Administrator"));

    let page = enrol(&admin, "Rui Reviewer", "Rui", &["reviewer"]).await;
    // The link is on the page answering the form, not behind a redirect.
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let path = setup_path(&page.body);
    assert!(page.body.contains(&format!("{}{path}", t.base)));
    assert!(page.body.contains("expires in 7 days"));
    let list = admin.get("/staff/admin").await;
    assert!(!list.body.contains(&path), "the link is shown once only");
    let row = list.row("Rui Reviewer");
    assert!(row.contains(">rui<") && row.contains("Reviewer") && row.contains("Active"));
    assert!(row.contains("<td>1</td>"), "one active key: {row}");

    let rui = set_up(&t, &path, REVIEWER_PASSWORD).await;
    assert_eq!(rui.get("/staff/password").await.status, StatusCode::OK);
    assert_eq!(
        t.browser().get(&path).await.status,
        StatusCode::BAD_REQUEST,
        "a used link does not work again"
    );
    let again = t.browser();
    let r = again.sign_in("rui", REVIEWER_PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // The same sign-in name cannot be given twice.
    let taken = enrol(&admin, "Another Rui", "RUI", &["intake"]).await;
    assert_eq!(taken.status, StatusCode::BAD_REQUEST);
    assert!(taken.body.contains("already used"));
    assert!(taken.body.contains("value=\"Another Rui\""));
    // Nor is anyone enrolled without a name or a role; the summary links to the fields.
    let empty = enrol(&admin, "", "someone", &[]).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    assert!(empty.body.contains("href=\"#name\"") && empty.body.contains("href=\"#role-intake\""));
    assert_eq!(t.app.service.staff_names().len(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn roles_granted_and_revoked_show_in_the_staff_list() {
    let t = spawn().await;
    let admin = t.admin().await;
    let (rui, _) = reviewer(&t, &admin).await;
    let csrf = admin.get("/staff/admin").await.csrf();
    let id = rui.to_string();

    let r = admin
        .post(
            "/staff/admin/grant",
            &[("csrf", &csrf), ("staff", &id), ("role", "chair")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location.contains("done=admin-role-granted"));
    let shown = admin.get(&r.location).await;
    assert!(shown.body.contains("The role is given."));
    let row = admin.get("/staff/admin").await.row("Rui Reviewer");
    assert!(row.contains("Reviewer, Committee chair"), "{row}");

    let r = admin
        .post(
            "/staff/admin/revoke",
            &[("csrf", &csrf), ("staff", &id), ("role", "reviewer")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let row = admin.get("/staff/admin").await.row("Rui Reviewer");
    assert!(
        row.contains("Committee chair") && !row.contains("Reviewer,"),
        "{row}"
    );
    let roles = t.app.service.read(|m| m.org().roles(rui));
    assert_eq!(roles.into_iter().collect::<Vec<_>>(), vec![Role::Chair]);

    // A role not held cannot be revoked: the rules' message, on the page.
    let r = admin
        .post(
            "/staff/admin/revoke",
            &[("csrf", &csrf), ("staff", &id), ("role", "auditor")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("not held"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_last_administrator_keeps_the_role() {
    let t = spawn().await;
    let admin = t.admin().await;
    let csrf = admin.get("/staff/admin").await.csrf();
    let id = t.admin.to_string();
    let seq = t.org_seq();

    let r = admin
        .post(
            "/staff/admin/revoke",
            &[("csrf", &csrf), ("staff", &id), ("role", "admin")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.body
            .contains("The organization must keep at least one administrator"),
        "{}",
        r.body
    );
    assert!(r.body.contains("href=\"#roles\""));
    let r = admin
        .post(
            "/staff/admin/depart",
            &[("csrf", &csrf), ("staff", &id), ("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("at least one administrator"));
    assert_eq!(t.org_seq(), seq, "nothing recorded");
    assert!(
        admin
            .get("/staff/admin")
            .await
            .row("Ada Admin")
            .contains("Administrator")
    );

    // With a second administrator, Ada may leave: her keys are revoked (while she still
    // administers) and she is signed out.
    let page = enrol(&admin, "Bea Admin", "bea", &["admin"]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let r = admin
        .post(
            "/staff/admin/depart",
            &[("csrf", &csrf), ("staff", &id), ("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(r.location.starts_with("/staff/login"));
    let ada = t.app.service.read(|m| m.org().staff[&t.admin].clone());
    assert!(!ada.active && ada.keys.is_empty());
    assert_eq!(
        admin.get("/staff/admin").await.status,
        StatusCode::SEE_OTHER,
        "signed out"
    );
    let bea = t.staff_id("Bea Admin");
    assert_eq!(
        t.app.service.read(|m| m.org().holders(Role::Admin)),
        vec![bea]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_departure_ends_sessions_and_sign_in() {
    let t = spawn().await;
    let admin = t.admin().await;
    let (rui, rui_browser) = reviewer(&t, &admin).await;
    assert_eq!(
        rui_browser.get("/staff/password").await.status,
        StatusCode::OK
    );
    let csrf = admin.get("/staff/admin").await.csrf();
    let id = rui.to_string();

    // Without the confirmation nothing happens.
    let r = admin
        .post("/staff/admin/depart", &[("csrf", &csrf), ("staff", &id)])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("href=\"#confirm\""));
    assert!(t.app.service.read(|m| m.org().staff[&rui].active));

    let r = admin
        .post(
            "/staff/admin/depart",
            &[("csrf", &csrf), ("staff", &id), ("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let member = t.app.service.read(|m| m.org().staff[&rui].clone());
    assert!(!member.active && member.roles.is_empty() && member.keys.is_empty());

    // Their cookie no longer works, and they cannot sign in again.
    let r = rui_browser.get("/staff/password").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location.starts_with("/staff/login"));
    let again = t.browser();
    let r = again.sign_in("rui", REVIEWER_PASSWORD).await;
    assert_ne!(r.status, StatusCode::SEE_OTHER);
    assert!(again.cookie("recourse_session").is_none());

    let row = admin.get("/staff/admin").await.row("Rui Reviewer");
    assert!(
        row.contains("Departed") && row.contains("<td>0</td>"),
        "{row}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_password_reset_replaces_the_key_and_gives_a_new_link() {
    let t = spawn().await;
    let admin = t.admin().await;
    let (rui, rui_browser) = reviewer(&t, &admin).await;
    let old_keys = t.app.service.read(|m| m.org().staff[&rui].keys.clone());
    let csrf = admin.get("/staff/admin").await.csrf();
    let id = rui.to_string();

    let r = admin
        .post(
            "/staff/admin/rotate",
            &[("csrf", &csrf), ("staff", &id), ("reason", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("href=\"#reason\""));

    let r = admin
        .post(
            "/staff/admin/rotate",
            &[
                ("csrf", &csrf),
                ("staff", &id),
                ("reason", "forgotten password"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let path = setup_path(&r.body);
    let new_keys = t.app.service.read(|m| m.org().staff[&rui].keys.clone());
    assert_eq!(new_keys.len(), 1);
    assert!(new_keys.is_disjoint(&old_keys));

    assert_eq!(
        rui_browser.get("/staff/password").await.status,
        StatusCode::SEE_OTHER,
        "signed out"
    );
    let r = t.browser().sign_in("rui", REVIEWER_PASSWORD).await;
    assert_ne!(r.status, StatusCode::SEE_OTHER, "the old password is gone");
    set_up(&t, &path, "rui's brand new passphrase").await;
    let r = t
        .browser()
        .sign_in("rui", "rui's brand new passphrase")
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_are_saved_and_used() {
    let t = spawn().await;
    let admin = t.admin().await;
    let page = admin.get("/staff/admin?view=settings").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("value=\"America/Toronto\""));
    let fields = settings_form(
        &page,
        &[
            ("acknowledge_business_days", "3"),
            ("time_zone", "America/Vancouver"),
            ("holiday_jurisdiction", "bc"),
            ("extra_holidays", "2026-12-24\n2026-12-31"),
            (
                "programs",
                "settlement = Settlement services\nlinc = Language training (LINC)",
            ),
            ("default_language", "fr"),
        ],
    );
    let r = post_owned(&admin, "/staff/admin/settings", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(r.location.contains("done=admin-settings-saved"));

    let s = t.settings();
    assert_eq!(s.acknowledge_business_days, 3);
    assert_eq!(s.time_zone, "America/Vancouver");
    assert_eq!(s.holiday_jurisdiction, "bc");
    assert_eq!(s.extra_holidays.len(), 2);
    assert_eq!(s.languages.first().map(String::as_str), Some("fr"));
    assert_eq!(s.languages.len(), Settings::default().languages.len());
    assert_eq!(s.programs.len(), 2);

    // French is now the default language; the administrator reads English.
    let shown = admin.get(&format!("{}&lang=en", r.location)).await;
    assert!(shown.body.contains("The settings are saved."));
    assert!(shown.body.contains("linc = Language training (LINC)"));
    let complain = t.browser().get("/complain?lang=en").await;
    assert_eq!(complain.status, StatusCode::OK);
    assert!(
        complain
            .body
            .contains("<option value=\"linc\">Language training (LINC)</option>"),
        "the new program is offered on the complaint form"
    );
    // The promise made to clients follows the new target.
    let landing = t.browser().get("/?lang=en").await;
    assert!(
        landing.body.contains("within 3 working days"),
        "the landing page states the acknowledgement target"
    );
}

/// The setting that leaves every decision to the chair: ticked, it is saved and shown ticked;
/// a form without the choice (a script, an older page) leaves it as it is; unticked on the
/// page, it is cleared.
#[tokio::test(flavor = "multi_thread")]
async fn the_chair_decides_setting_is_saved_kept_and_cleared() {
    let t = spawn().await;
    let admin = t.admin().await;
    let page = admin.get("/staff/admin?view=settings").await;
    assert!(
        page.body.contains("name=\"chair_decides\""),
        "{}",
        page.body
    );
    assert!(!t.settings().chair_decides);
    let ticked = settings_form(
        &page,
        &[("chair_decides_shown", "1"), ("chair_decides", "on")],
    );
    let r = post_owned(&admin, "/staff/admin/settings", &ticked).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(t.settings().chair_decides);
    let page = admin.get("/staff/admin?view=settings").await;
    assert!(
        page.body.contains(
            "name=\"chair_decides\" value=\"on\" aria-describedby=\"chair_decides-hint\" checked"
        ),
        "{}",
        page.body
    );
    // Without the choice on the form, the setting stays.
    let r = post_owned(
        &admin,
        "/staff/admin/settings",
        &settings_form(&page, &[("acknowledge_business_days", "4")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(t.settings().chair_decides);
    // Unticked on the page, it is cleared.
    let page = admin.get("/staff/admin?view=settings").await;
    let unticked = settings_form(&page, &[("chair_decides_shown", "1")]);
    let r = post_owned(&admin, "/staff/admin/settings", &unticked).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(!t.settings().chair_decides);
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_settings_are_refused_with_every_error_and_nothing_changes() {
    let t = spawn().await;
    let admin = t.admin().await;
    let before = t.settings();
    let seq = t.org_seq();
    let page = admin.get("/staff/admin?view=settings").await;
    let fields = settings_form(
        &page,
        &[
            ("acknowledge_business_days", "0"),
            ("time_zone", "Mars/Base"),
            ("extra_holidays", "next tuesday"),
            ("sites", "main office"),
        ],
    );
    let r = post_owned(&admin, "/staff/admin/settings", &fields).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    for field in [
        "acknowledge_business_days",
        "time_zone",
        "extra_holidays",
        "sites",
    ] {
        assert!(
            r.body.contains(&format!("href=\"#{field}\"")),
            "{field} is named in the summary"
        );
        assert!(r.body.contains(&format!("id=\"{field}-error\"")));
    }
    assert!(r.body.contains("between 1 and 30"));
    assert!(r.body.contains("an IANA time zone"));
    // What was typed is kept.
    assert!(r.body.contains("value=\"Mars/Base\""));
    assert!(r.body.contains(">next tuesday</textarea>"));
    assert_eq!(t.settings(), before);
    assert_eq!(t.org_seq(), seq);

    // A form opened before someone else saved is not applied over their change.
    let stale = settings_form(&page, &[("acknowledge_business_days", "5")]);
    let fresh = admin.get("/staff/admin?view=settings").await;
    let ok = post_owned(
        &admin,
        "/staff/admin/settings",
        &settings_form(&fresh, &[("acknowledge_business_days", "4")]),
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let r = post_owned(&admin, "/staff/admin/settings", &stale).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.body
            .contains("Another administrator changed the settings")
    );
    assert_eq!(t.settings().acknowledge_business_days, 4);
}

#[tokio::test(flavor = "multi_thread")]
async fn only_administrators_get_in() {
    let t = spawn().await;
    let admin = t.admin().await;
    let (rui, rui_browser) = reviewer(&t, &admin).await;
    let admin_id = t.admin.to_string();
    let seq = t.org_seq();
    for path in [
        "/staff/admin",
        "/staff/admin?view=enrol",
        "/staff/admin?view=settings",
        &format!("/staff/admin?staff={admin_id}"),
    ] {
        assert_eq!(
            rui_browser.get(path).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        let visitor = t.browser().get(path).await;
        assert_eq!(visitor.status, StatusCode::SEE_OTHER, "{path}");
        assert!(visitor.location.starts_with("/staff/login"));
    }
    // Their own valid CSRF token does not help.
    let csrf = rui_browser.get("/staff/password").await.csrf();
    let own = rui.to_string();
    for (action, extra) in [
        (
            "enrol",
            vec![("name", "X"), ("login", "x"), ("roles", "admin")],
        ),
        ("grant", vec![("staff", own.as_str()), ("role", "admin")]),
        (
            "revoke",
            vec![("staff", admin_id.as_str()), ("role", "admin")],
        ),
        (
            "depart",
            vec![("staff", admin_id.as_str()), ("confirm", "yes")],
        ),
        (
            "rotate",
            vec![("staff", admin_id.as_str()), ("reason", "takeover")],
        ),
        ("settings", vec![("acknowledge_business_days", "9")]),
    ] {
        let mut form = vec![("csrf", csrf.as_str())];
        form.extend(extra);
        let r = rui_browser
            .post(&format!("/staff/admin/{action}"), &form)
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{action}");
    }
    assert_eq!(t.org_seq(), seq, "nothing recorded");
}

#[tokio::test(flavor = "multi_thread")]
async fn forms_without_the_csrf_token_are_refused() {
    let t = spawn().await;
    let admin = t.admin().await;
    let seq = t.org_seq();
    let id = t.admin.to_string();
    let page = admin.get("/staff/admin?view=settings").await;
    for csrf in [None, Some("forged-token-forged-token-forged-token-forg")] {
        let with = |mut v: Vec<(&'static str, String)>| {
            if let Some(c) = csrf {
                v.push(("csrf", c.to_string()));
            }
            v.into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect::<Vec<_>>()
        };
        let forms = [
            (
                "enrol",
                with(vec![
                    ("name", "Mallory".into()),
                    ("login", "mallory".into()),
                    ("roles", "admin".into()),
                ]),
            ),
            (
                "grant",
                with(vec![("staff", id.clone()), ("role", "auditor".into())]),
            ),
            (
                "rotate",
                with(vec![("staff", id.clone()), ("reason", "csrf".into())]),
            ),
            (
                "settings",
                settings_form(&page, &[("acknowledge_business_days", "9")])
                    .into_iter()
                    .filter(|(k, _)| k != "csrf")
                    .chain(with(vec![]))
                    .collect(),
            ),
        ];
        for (action, form) in forms {
            let r = post_owned(&admin, &format!("/staff/admin/{action}"), &form).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{action} with {csrf:?}");
            assert!(r.body.contains("This form has expired"));
        }
    }
    assert_eq!(t.org_seq(), seq, "nothing recorded");
    assert_eq!(t.app.service.staff_names().len(), 1);
}

/// Drift fixed: the enrolment page counted a name's bytes and the service its characters, so a
/// 150-character Arabic name (300 bytes) was refused by the page and accepted by the service.
/// One validator now, for both doors: 150 characters are accepted by both, 201 refused by both,
/// with the field named and the message in the page's language.
#[tokio::test(flavor = "multi_thread")]
async fn a_150_character_arabic_name_is_accepted_by_both_doors_and_201_refused_by_both() {
    use recourse::service::ServiceError;
    use recourse::service::administration::{AdminError, Enrolment};
    let t = spawn().await;
    let admin = t.admin().await;
    let root = t.app.service.ledger_acting();
    let (fits, over) = ("ع".repeat(150), "ع".repeat(201));
    assert_eq!(fits.len(), 300, "more bytes than the limit's characters");

    // Given a 150-character name, the page enrols it
    let page = enrol(&admin, &fits, "amal", &["intake"]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("/staff/setup/"));
    assert!(t.app.service.staff_names().values().any(|n| *n == fits));
    // and so does the service
    let (id, _) = t
        .app
        .service
        .enroll_staff(&root, &fits, "amal2", &[Role::Intake])
        .await
        .expect("the service accepts 150 characters");
    assert_eq!(t.app.service.staff_names()[&id], fits);

    // Given 201 characters, the page refuses, naming the field, in its language
    let before = t.org_seq();
    let refused = enrol(&admin, &over, "amal3", &["intake"]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("href=\"#name\""), "{}", refused.body);
    assert!(refused.body.contains("201 characters, and at most 200"));
    assert!(
        refused.body.contains(&format!("value=\"{over}\"")),
        "kept as typed"
    );
    let form = admin.get("/staff/admin?view=enrol&lang=fr").await;
    let fr = admin
        .post(
            "/staff/admin/enrol?lang=fr",
            &[
                ("csrf", form.csrf().as_str()),
                ("name", over.as_str()),
                ("login", "amal3"),
                ("roles", "intake"),
            ],
        )
        .await;
    assert_eq!(fr.status, StatusCode::BAD_REQUEST);
    assert!(
        fr.body.contains("201 caractères, pour 200 au plus"),
        "{}",
        fr.body
    );
    // and so do the service and the administration workflow, with the same field and id
    for refusal in [
        t.app
            .service
            .enroll_staff(&root, &over, "amal4", &[Role::Intake])
            .await
            .map(|_| ())
            .map_err(AdminError::from),
        t.app
            .administration()
            .enrol(
                &root,
                &Enrolment {
                    name: over.clone(),
                    login: "amal5".into(),
                    roles: vec![Role::Intake],
                },
            )
            .await
            .map(|_| ()),
    ] {
        match refusal {
            Err(AdminError::Service(ServiceError::Invalid(v))) => {
                assert_eq!(v.len(), 1, "{v:?}");
                assert_eq!((v[0].field, v[0].message.id), ("name", "invalid-too-long"));
            }
            other => panic!("not refused as invalid: {other:?}"),
        }
    }
    assert_eq!(t.org_seq(), before, "nothing recorded for a refused name");
}

/// When the account cannot be created after the enrolment was recorded (the sign-in name was
/// taken by an account meanwhile), the enrolment is undone in the ledger: the key revoked and
/// the departure recorded, and the account's refusal returned.
#[tokio::test(flavor = "multi_thread")]
async fn an_enrolment_whose_account_fails_is_undone_in_the_ledger() {
    use recourse::accounts::AccountError;
    use recourse::service::administration::{AdminError, Enrolment};
    let t = spawn().await;
    let root = t.app.service.ledger_acting();
    // Given an account named "late" that no enrolment records (made straight in the accounts)
    let stranger = recourse_events::SecretKey::from_seed(&[9; 32]);
    t.app
        .accounts
        .create_with_password(
            "late",
            StaffId(uuid::Uuid::now_v7()),
            &stranger,
            "a long passphrase",
        )
        .unwrap();
    // When someone is enrolled with that sign-in name
    let result = t
        .app
        .administration()
        .enrol(
            &root,
            &Enrolment {
                name: "Late Comer".into(),
                login: "late".into(),
                roles: vec![Role::Intake],
            },
        )
        .await;
    // Then the account's refusal is returned
    assert!(
        matches!(
            result,
            Err(AdminError::Account(AccountError::LoginTaken(_)))
        ),
        "{result:?}"
    );
    // And the member recorded is departed, with no active key
    let id = t.staff_id("Late Comer");
    let member = t
        .app
        .service
        .read(|m| m.org().staff.get(&id).cloned())
        .unwrap();
    assert!(!member.active, "the enrolment is undone");
    assert!(
        member.keys.is_empty(),
        "its key is revoked: {:?}",
        member.keys
    );
}

/// Two server processes over one data folder share its sessions (`sessions.db`): signed in on
/// one, the cookie works on the other; signed out on the other, it works on neither.
#[tokio::test(flavor = "multi_thread")]
async fn two_servers_share_their_sessions_through_the_data_folder() {
    use recourse::sessions::{SessionStore, SqliteSessions};
    let t = spawn().await;
    let path = t._data.path.join("sessions.db");
    let server = |app: &Arc<App>| {
        let sessions: Arc<dyn SessionStore> = Arc::new(
            SqliteSessions::open(&path, recourse::sessions::LIFETIME, app.service.clock()).unwrap(),
        );
        Arc::new(
            App::with_sessions(
                app.service.clone(),
                app.accounts.clone(),
                sessions,
                WebConfig::default(),
            )
            .unwrap(),
        )
    };
    let (one, two) = (server(&t.app), server(&t.app));
    let (one, two) = (
        crate::web_helpers::serve(one).await,
        crate::web_helpers::serve(two).await,
    );
    // Given an administrator signed in on the first server
    let b = Browser::new(&one);
    assert_eq!(
        b.sign_in(ADMIN_LOGIN, ADMIN_PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let cookie = format!("recourse_session={}", b.cookie("recourse_session").unwrap());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let admin_page = |base: &str| {
        client
            .get(format!("{base}/staff/admin"))
            .header("cookie", &cookie)
            .send()
    };
    // Then the second server knows the session
    assert_eq!(admin_page(&one).await.unwrap().status(), StatusCode::OK);
    let on_two = admin_page(&two).await.unwrap();
    assert_eq!(on_two.status(), StatusCode::OK);
    // When they sign out on the second server
    let csrf = crate::web_helpers::csrf_in(&on_two.text().await.unwrap()).unwrap();
    let out = client
        .post(format!("{two}/staff/logout"))
        .header("cookie", &cookie)
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::SEE_OTHER);
    // Then the session works on neither
    for base in [&one, &two] {
        assert_eq!(
            admin_page(base).await.unwrap().status(),
            StatusCode::SEE_OTHER,
            "signed out on {base}"
        );
    }
}
