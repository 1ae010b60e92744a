//! Shared helpers for HTTP tests: the demo agency's application served on port 0, browsers
//! (an HTTP client with its own cookie jar, redirects not followed so that tests see them),
//! and staff sign-in with the CSRF cookie, as a person would through the sign-in form.
//!
//! ```ignore
//! let t = spawn_app().await;
//! let board = t.sign_in(t.login_of(Role::Board)).await;
//! let page = board.get("/board").await;
//! ```

// Shared by the HTTP tests of several areas: each uses a part.
#![allow(dead_code)]

use std::path::Path;
use std::sync::{Arc, OnceLock};

use jiff::Timestamp;
use recourse::accounts::Accounts;
use recourse::data_dir::DataDir;
use recourse::demo::{self, DemoOptions};
use recourse::service::Service;
use recourse::web::{App, WebConfig};
use recourse_events::org::Role;
use recourse_projections::framework::Reference;
use reqwest::StatusCode;
use reqwest::cookie::{CookieStore, Jar};

use crate::helpers::DataFolder;

pub use recourse::cli::serve::DEMO_PASSWORD;

/// The demo's present: fixed, so that the ledger holds the same cases on every run.
pub const NOW: &str = "2026-03-11T16:30:00Z";

/// A staff member of the demo agency who can sign in (with [`DEMO_PASSWORD`]).
#[derive(Debug, Clone)]
pub struct StaffLogin {
    /// Their name (as the ledger holds it).
    pub name: String,
    /// Their sign-in name.
    pub login: String,
    /// Their roles.
    pub roles: Vec<Role>,
}

/// The running application and what tests need to know about it.
pub struct TestApp {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// The application (its service and read model, to compare figures).
    pub app: Arc<App>,
    /// Every staff member, the administrator first.
    pub staff: Vec<StaffLogin>,
    /// The demo's present.
    pub now: Timestamp,
    _data: DataFolder,
}

/// The demo agency (150 complaints, seed 3, [`NOW`]) served with the default configuration.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(WebConfig::default()).await
}

/// The demo agency served with `config` (rate limits, secure cookies).
///
/// The demo is built once per test process ([`demo_template`]) and its folder copied for each
/// test, so that each test has a ledger of its own without building the demo and hashing every
/// staff password with Argon2 again.
pub async fn spawn_app_with(config: WebConfig) -> TestApp {
    let template = demo_template();
    let data = DataFolder::empty();
    copy_folder(&template.data.path, &data.path);
    let dir = DataDir::new(&data.path);
    let service = Service::open(&dir, Arc::new(Reference::shipped()))
        .await
        .expect("the copied demo opens");
    let accounts = Accounts::open(&dir.accounts_path()).expect("accounts open");
    let app = Arc::new(App::new(service, Arc::new(accounts), config).expect("translations load"));
    let base = serve(app.clone()).await;
    TestApp {
        base,
        app,
        staff: template.staff.clone(),
        now: template.now,
        _data: data,
    }
}

/// The demo agency's data folder, built once per test process, and its staff.
pub struct DemoTemplate {
    /// The folder (never served itself: tests get copies).
    pub data: DataFolder,
    /// Every staff member, the administrator first.
    pub staff: Vec<StaffLogin>,
    /// The demo's present.
    pub now: Timestamp,
}

/// The demo (150 complaints, seed 3, [`NOW`], staff accounts with [`DEMO_PASSWORD`]), built on
/// its own runtime the first time a test asks, and closed (every connection dropped) before
/// anyone copies it.
pub fn demo_template() -> &'static DemoTemplate {
    static TEMPLATE: OnceLock<DemoTemplate> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        std::thread::spawn(|| {
            let runtime = tokio::runtime::Runtime::new().expect("a runtime");
            let template = runtime.block_on(async {
                let data = DataFolder::empty();
                let now: Timestamp = NOW.parse().expect("a timestamp");
                let dir = DataDir::new(&data.path);
                let options = DemoOptions {
                    complaints: 150,
                    seed: 3,
                    now: Some(now),
                    ..Default::default()
                };
                let report = demo::build(&dir, Arc::new(Reference::shipped()), &options)
                    .await
                    .expect("the demo builds");
                let accounts = Accounts::open(&dir.accounts_path()).expect("accounts open");
                recourse::cli::serve::demo_accounts(&accounts, &report).expect("demo accounts");
                let staff = std::iter::once(&report.admin)
                    .chain(&report.staff)
                    .map(|s| StaffLogin {
                        name: s.name.clone(),
                        login: s.login.clone(),
                        roles: s.roles.clone(),
                    })
                    .collect();
                DemoTemplate { data, staff, now }
            });
            // Dropping the runtime ends the service's tasks and waits for its blocking
            // threads: every database is closed before the folder is copied.
            drop(runtime);
            template
        })
        .join()
        .expect("the demo template builds")
    })
}

/// Copies the folder `from` (files and subfolders, with their permissions) to `to`.
pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create the copy");
    for entry in std::fs::read_dir(from).expect("read the template") {
        let entry = entry.expect("a folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// Serves `app` on a free loopback port until the test ends; its base URL.
pub async fn serve(app: Arc<App>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind port 0");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(recourse::web::serve(app, listener, std::future::pending()));
    base
}

/// A response read whole.
#[derive(Debug)]
pub struct Page {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: reqwest::header::HeaderMap,
    /// Body as text.
    pub body: String,
}

impl Page {
    /// A header's value as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The value of the first `name="csrf"` field of the page.
    pub fn csrf(&self) -> Option<String> {
        csrf_in(&self.body)
    }
}

/// The value of the first hidden `csrf` field in `html`.
pub fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(html[at..].split('"').next()?.to_owned())
}

/// A browser: its own cookie jar; redirects are returned, not followed.
pub struct Browser {
    /// The HTTP client.
    pub client: reqwest::Client,
    /// Its cookies.
    pub jar: Arc<Jar>,
    base: String,
}

impl Browser {
    /// A fresh browser (no cookies) for the app served at `base`.
    pub fn at(base: &str) -> Browser {
        let jar = Arc::new(Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client");
        Browser {
            client,
            jar,
            base: base.to_string(),
        }
    }

    /// The same browser (its cookies) talking to the app served at `base` (another server
    /// process on the same store).
    pub fn on(&self, base: &str) -> Browser {
        Browser {
            client: self.client.clone(),
            jar: self.jar.clone(),
            base: base.to_string(),
        }
    }

    /// The URL of `path` on the app.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A cookie's value.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let url: reqwest::Url = self.base.parse().ok()?;
        let header = self.jar.cookies(&url)?;
        header.to_str().ok()?.split(';').find_map(|c| {
            let (k, v) = c.trim().split_once('=')?;
            (k == name).then(|| v.to_owned())
        })
    }

    async fn read(response: reqwest::Response) -> Page {
        Page {
            status: response.status(),
            headers: response.headers().clone(),
            body: response.text().await.expect("a body"),
        }
    }

    /// GET `path`.
    pub async fn get(&self, path: &str) -> Page {
        Self::read(self.client.get(self.url(path)).send().await.expect("GET")).await
    }

    /// GET `path` with extra headers.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut r = self.client.get(self.url(path));
        for (k, v) in headers {
            r = r.header(*k, *v);
        }
        Self::read(r.send().await.expect("GET")).await
    }

    /// The page a `303` answer sends to (as the browser follows it), else `p` itself.
    pub async fn follow(&self, p: Page) -> Page {
        if p.status != reqwest::StatusCode::SEE_OTHER {
            return p;
        }
        let to = p.header("location").expect("a 303 says where").to_string();
        self.get(&to).await
    }

    /// POST an urlencoded form to `path`, following a `303` to the page it sends to.
    pub async fn post_form_followed<F: serde::Serialize + ?Sized>(
        &self,
        path: &str,
        form: &F,
    ) -> Page {
        let p = self.post_form(path, form).await;
        self.follow(p).await
    }

    /// POST an urlencoded form to `path`.
    pub async fn post_form<F: serde::Serialize + ?Sized>(&self, path: &str, form: &F) -> Page {
        Self::read(
            self.client
                .post(self.url(path))
                .form(form)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }
}

impl TestApp {
    /// The served data folder (to run the command line on the same ledger).
    pub fn data_path(&self) -> &Path {
        &self._data.path
    }

    /// A fresh browser (no cookies).
    pub fn browser(&self) -> Browser {
        let jar = Arc::new(Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client");
        Browser {
            client,
            jar,
            base: self.base.clone(),
        }
    }

    /// The sign-in name of the first staff member holding `role`.
    pub fn login_of(&self, role: Role) -> &str {
        &self
            .staff
            .iter()
            .find(|s| s.roles.contains(&role))
            .unwrap_or_else(|| panic!("no demo staff member is {role:?}"))
            .login
    }

    /// A browser signed in as `login` (see [`sign_in_at`]).
    pub async fn sign_in(&self, login: &str) -> Browser {
        sign_in_at(&self.base, login).await
    }
}

/// A browser signed in as `login` on the app served at `base`: GET the sign-in form (which sets the CSRF cookie),
/// then POST it with the cookie's token and the demo password.
pub async fn sign_in_at(base: &str, login: &str) -> Browser {
    let b = Browser::at(base);
    let form = b.get("/staff/login").await;
    assert_eq!(form.status, StatusCode::OK, "sign-in form");
    let csrf = b
        .cookie("recourse_csrf")
        .expect("the sign-in form sets a CSRF cookie");
    let done = b
        .post_form(
            "/staff/login",
            &[
                ("csrf", csrf.as_str()),
                ("login", login),
                ("password", DEMO_PASSWORD),
                ("next", "/staff"),
            ],
        )
        .await;
    assert_eq!(
        done.status,
        StatusCode::SEE_OTHER,
        "sign-in as {login} failed: {}",
        done.body
    );
    assert!(
        b.cookie("recourse_session").is_some(),
        "no session cookie after signing in as {login}"
    );
    b
}
