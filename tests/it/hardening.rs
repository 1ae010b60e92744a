//! Hardening of the HTTP server, attacked over real TCP on a port-0 server:
//!
//! * slow clients: 500 half-sent request heads do not keep a normal request from being
//!   answered, and each is closed after the header time limit; a stalled body gets 408; an idle
//!   keep-alive connection is closed; past the connection cap, a new connection waits for a
//!   slot instead of being served beside the others;
//! * sign-in limits count failures, per address and per account: a whole office signs in from
//!   one address; twenty wrong passwords lock that account only, from any address; a forged
//!   `X-Forwarded-For` from an untrusted peer changes nothing; behind a trusted proxy each
//!   forwarded client has its own budget; every 429 says how long to wait (`Retry-After` and
//!   the message), on both doors (the form and `/api/v1/session`), and the current-password
//!   check of a password change is throttled too;
//! * `next` after sign-in never leads off the site;
//! * sessions: a password change ends the person's other sessions, and sessions end at their
//!   absolute lifetime;
//! * `/metrics` only to this machine or to the bearer of the token;
//! * the security headers on 413 and 429 too.
//!
//! No assertion is on elapsed time: bounds on waiting (60 s for a socket to close) are only
//! there so that a broken server fails the test instead of hanging it.

use std::sync::Arc;
use std::time::Duration;

use recourse::accounts::{AccountStore, Accounts};
use recourse::data_dir::DataDir;
use recourse::service::Service;
use recourse::web::limits::{Limits, Proxies};
use recourse::web::server::ServerLimits;
use recourse::web::{App, WebConfig};
use recourse_events::org::Role;
use recourse_projections::framework::Reference;
use reqwest::StatusCode;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::DataFolder;
use crate::web_helpers::{Browser, DEMO_PASSWORD, Page, TestApp, spawn_app_with};

/// Generous bound on waiting for the server to close a socket (the limits under test are 2 s).
const PATIENCE: Duration = Duration::from_secs(60);

/// A fresh data folder with a new organization (no staff yet): the service and its accounts.
async fn organization(origin: &str) -> (DataFolder, Service, Accounts) {
    let data = DataFolder::empty();
    let dir = DataDir::new(&data.path);
    let service = Service::setup(&dir, origin, Arc::new(Reference::shipped()))
        .await
        .expect("set-up");
    let accounts = Accounts::open(&dir.accounts_path()).expect("accounts");
    (data, service, accounts)
}

/// The app on a fresh data folder (no staff), served on port 0; its base URL and address.
async fn fresh(config: WebConfig) -> (String, Arc<App>, DataFolder) {
    let (data, service, accounts) = organization("test.recourse.example/hardening").await;
    let app = Arc::new(App::new(service, Arc::new(accounts), config).expect("translations"));
    let base = crate::web_helpers::serve(app.clone()).await;
    (base, app, data)
}

fn addr_of(base: &str) -> String {
    base.trim_start_matches("http://").to_string()
}

/// Raises the soft limit on open files to what this test needs (both ends of every socket live
/// in this process), as far as the hard limit allows.
#[allow(clippy::unnecessary_cast)] // `rlim_t` is u64 here, not on every platform
fn raise_open_files(needed: u64) {
    // SAFETY: getrlimit and setrlimit only read and write the struct passed.
    unsafe {
        let mut l = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut l) == 0 && (l.rlim_cur as u64) < needed {
            l.rlim_cur = (needed as libc::rlim_t).min(l.rlim_max);
            libc::setrlimit(libc::RLIMIT_NOFILE, &l);
        }
    }
}

/// Reads until the server closes the socket; what it sent. `None` if it stayed open past
/// [`PATIENCE`].
async fn until_closed(mut s: TcpStream) -> Option<Vec<u8>> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let read = async {
        loop {
            match s.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout(PATIENCE, read).await.ok()?;
    Some(got)
}

fn quick(header: u64) -> WebConfig {
    WebConfig {
        server: ServerLimits {
            header_timeout: Duration::from_secs(header),
            body_timeout: Duration::from_secs(2),
            idle_timeout: Duration::from_secs(2),
            max_connections: 1024,
        },
        ..WebConfig::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_sent_requests_are_closed_and_do_not_starve_others() {
    raise_open_files(4096);
    let (base, _app, _data) = fresh(quick(3)).await;
    let addr = addr_of(&base);
    let mut slow = Vec::new();
    for _ in 0..500 {
        let mut s = TcpStream::connect(&addr).await.expect("connect");
        s.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Never-Ends: ")
            .await
            .expect("half a head");
        slow.push(s);
    }
    let normal = reqwest::get(format!("{base}/healthz")).await.expect("GET");
    assert_eq!(
        normal.status(),
        StatusCode::OK,
        "answered beside 500 slow clients"
    );
    let closed = futures_util::future::join_all(slow.into_iter().map(until_closed)).await;
    let open = closed.iter().filter(|c| c.is_none()).count();
    assert_eq!(open, 0, "{open} half-sent requests were never closed");
    assert!(
        closed
            .iter()
            .flatten()
            .all(|got| !got.starts_with(b"HTTP/1.1 200")),
        "no half-sent request is answered as if complete"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_body_gets_408_and_an_idle_connection_is_closed() {
    let (base, _app, _data) = fresh(quick(2)).await;
    let addr = addr_of(&base);

    let mut s = TcpStream::connect(&addr).await.unwrap();
    s.write_all(
        b"POST /complain HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nwhat=only",
    )
    .await
    .unwrap();
    let got = until_closed(s)
        .await
        .expect("the stalled body's connection is closed");
    let text = String::from_utf8_lossy(&got);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(
        text.to_lowercase().contains("content-security-policy"),
        "{text}"
    );

    // A complete request on a keep-alive connection, then silence: closed after the idle limit.
    let mut s = TcpStream::connect(&addr).await.unwrap();
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .await
        .unwrap();
    let got = until_closed(s)
        .await
        .expect("the idle connection is closed");
    let text = String::from_utf8_lossy(&got);
    assert!(text.starts_with("HTTP/1.1 200"), "answered first: {text}");
    assert_eq!(text.matches("HTTP/1.1").count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_the_connection_cap_a_client_waits_for_a_slot() {
    let mut config = quick(2);
    config.server.max_connections = 4;
    let (base, _app, _data) = fresh(config).await;
    let addr = addr_of(&base);
    let mut silent = Vec::new();
    for _ in 0..4 {
        silent.push(TcpStream::connect(&addr).await.unwrap());
    }
    // The fifth is served once a silent one is closed for sending no head in time.
    let r = reqwest::get(format!("{base}/healthz")).await.expect("GET");
    assert_eq!(r.status(), StatusCode::OK);
    let mut closed = 0;
    for mut s in silent {
        let mut b = [0u8; 16];
        if let Ok(Ok(0) | Err(_)) =
            tokio::time::timeout(Duration::from_millis(500), s.read(&mut b)).await
        {
            closed += 1;
        }
    }
    assert!(
        closed >= 1,
        "the fifth client was served before any slot was freed"
    );
}

/// The sign-in form posted as `login` with `password`, with extra headers.
async fn form_sign_in(
    b: &Browser,
    login: &str,
    password: &str,
    next: &str,
    headers: &[(&str, &str)],
) -> Page {
    if b.cookie("recourse_csrf").is_none() {
        b.get("/staff/login").await;
    }
    let csrf = b.cookie("recourse_csrf").expect("a CSRF cookie");
    let mut r = b.client.post(b.url("/staff/login")).form(&[
        ("csrf", csrf.as_str()),
        ("login", login),
        ("password", password),
        ("next", next),
    ]);
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    let r = r.send().await.expect("POST");
    Page {
        status: r.status(),
        headers: r.headers().clone(),
        body: r.text().await.expect("a body"),
    }
}

/// `POST /api/v1/session` as `login` with `password`, with extra headers.
async fn api_sign_in(b: &Browser, login: &str, password: &str, headers: &[(&str, &str)]) -> Page {
    let mut r = b
        .client
        .post(b.url("/api/v1/session"))
        .header("content-type", "application/json")
        .body(json!({ "login": login, "password": password }).to_string());
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    let r = r.send().await.expect("POST");
    Page {
        status: r.status(),
        headers: r.headers().clone(),
        body: r.text().await.expect("a body"),
    }
}

/// Asserts a proper 429: `Retry-After` within the window, a message saying how long, the
/// security headers.
#[track_caller]
fn assert_told_to_wait(p: &Page) {
    assert_eq!(p.status, StatusCode::TOO_MANY_REQUESTS, "{}", p.body);
    let secs: u64 = p
        .header("retry-after")
        .expect("Retry-After on a 429")
        .parse()
        .expect("Retry-After in seconds");
    assert!((1..=600).contains(&secs), "Retry-After {secs}");
    assert!(
        p.body.contains("minute"),
        "the message says how long: {}",
        p.body
    );
    assert!(p.header("content-security-policy").is_some());
    assert_eq!(p.header("x-frame-options"), Some("DENY"));
}

fn handler_logins(t: &TestApp) -> Vec<String> {
    t.staff
        .iter()
        .filter(|s| {
            s.roles
                .iter()
                .any(|r| matches!(r, Role::Intake | Role::Reviewer | Role::Chair))
        })
        .map(|s| s.login.clone())
        .collect()
}

fn behind_proxy(limits: Limits) -> WebConfig {
    WebConfig {
        limits,
        trusted_proxies: "127.0.0.1".parse::<Proxies>().unwrap(),
        ..WebConfig::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_office_signs_in_from_one_address() {
    let t = spawn_app_with(WebConfig::default()).await;
    let mut signed_in = 0;
    while signed_in < 12 {
        for s in &t.staff {
            t.sign_in(&s.login).await;
            signed_in += 1;
        }
    }
    // And through the API, from the same address.
    for s in &t.staff {
        let r = api_sign_in(&t.browser(), &s.login, DEMO_PASSWORD, &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", s.login, r.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_passwords_lock_the_account_only_from_any_address() {
    let t = spawn_app_with(behind_proxy(Limits::default())).await;
    let logins = handler_logins(&t);
    let (victim, colleague) = (&logins[0], &logins[1]);
    let attacker = [("x-forwarded-for", "203.0.113.66")];
    let b = t.browser();
    let mut statuses = Vec::new();
    let mut last = None;
    for i in 0..20 {
        // Half through the form, half through the API: both doors count.
        let p = if i % 2 == 0 {
            form_sign_in(&b, victim, "a wrong guess", "/staff", &attacker).await
        } else {
            api_sign_in(&b, victim, "a wrong guess", &attacker).await
        };
        statuses.push(p.status);
        last = Some(p);
    }
    assert!(
        statuses[..10]
            .iter()
            .all(|s| *s == StatusCode::UNAUTHORIZED),
        "{statuses:?}"
    );
    assert!(
        statuses[10..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    assert_told_to_wait(&last.unwrap());

    // The right password, from elsewhere: the account is locked for everyone, on both doors.
    let elsewhere = [("x-forwarded-for", "198.51.100.7")];
    let p = form_sign_in(&t.browser(), victim, DEMO_PASSWORD, "/staff", &elsewhere).await;
    assert_told_to_wait(&p);
    let p = api_sign_in(
        &t.browser(),
        &victim.to_uppercase(),
        DEMO_PASSWORD,
        &elsewhere,
    )
    .await;
    assert_told_to_wait(&p);
    assert!(p.body.contains("too_many_requests"), "{}", p.body);

    // Another account, from the attacker's own address, still signs in.
    let p = form_sign_in(&t.browser(), colleague, DEMO_PASSWORD, "/staff", &attacker).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    let p = api_sign_in(&t.browser(), colleague, DEMO_PASSWORD, &attacker).await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
    let limits = Limits {
        sign_in: 3,
        ..Limits::default()
    };
    // No trusted proxy: a forged header does not give each guess a new address.
    let t = spawn_app_with(WebConfig {
        limits,
        ..WebConfig::default()
    })
    .await;
    let logins = handler_logins(&t);
    let b = t.browser();
    for (i, login) in logins.iter().take(3).enumerate() {
        let forged = format!("192.0.2.{}", i + 1);
        let p = form_sign_in(
            &b,
            login,
            "wrong",
            "/staff",
            &[("x-forwarded-for", &forged)],
        )
        .await;
        assert_eq!(p.status, StatusCode::UNAUTHORIZED);
    }
    let p = api_sign_in(
        &b,
        &logins[3],
        DEMO_PASSWORD,
        &[("x-forwarded-for", "192.0.2.99")],
    )
    .await;
    assert_told_to_wait(&p);
    drop(t);

    // Behind a trusted proxy: two forwarded clients, two budgets; the right-most untrusted
    // entry counts, whatever the client wrote to its left.
    let t = spawn_app_with(behind_proxy(limits)).await;
    let logins = handler_logins(&t);
    let b = t.browser();
    for login in logins.iter().take(3) {
        let p = api_sign_in(&b, login, "wrong", &[("x-forwarded-for", "203.0.113.1")]).await;
        assert_eq!(p.status, StatusCode::UNAUTHORIZED);
    }
    let p = api_sign_in(
        &b,
        &logins[3],
        DEMO_PASSWORD,
        &[("x-forwarded-for", "203.0.113.1")],
    )
    .await;
    assert_told_to_wait(&p);
    let spoofed = [("x-forwarded-for", "203.0.113.2, 203.0.113.1")];
    let p = api_sign_in(&b, &logins[3], DEMO_PASSWORD, &spoofed).await;
    assert_told_to_wait(&p);
    let other = [("x-forwarded-for", "203.0.113.1, 203.0.113.2")];
    let p = api_sign_in(&b, &logins[3], DEMO_PASSWORD, &other).await;
    assert_eq!(
        p.status,
        StatusCode::OK,
        "another client has its own budget: {}",
        p.body
    );
    let p = form_sign_in(&t.browser(), &logins[3], DEMO_PASSWORD, "/staff", &other).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_sign_in_next_never_leads_off_the_site() {
    let t = spawn_app_with(WebConfig::default()).await;
    let login = t.login_of(Role::Chair).to_string();
    let hostile = [
        "//evil.example",
        "/\\evil.example",
        "/%09/evil.example/phish",
        "/%2F/evil.example",
        "/%2f%2fevil.example",
        "/%252F/evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/ /evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "evil.example",
        "",
    ];
    for next in hostile {
        let p = form_sign_in(&t.browser(), &login, DEMO_PASSWORD, next, &[]).await;
        assert_eq!(p.status, StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(
            p.header("location"),
            Some("/staff"),
            "next {next:?} is not followed"
        );
        // The sign-in form does not carry it either.
        let url = format!(
            "/staff/login?next={}",
            recourse::web::router::urlencode(next)
        );
        let form = t.browser().get(&url).await;
        assert!(
            form.body.contains("name=\"next\" value=\"\""),
            "{next:?} kept in the form"
        );
    }
    for next in [
        "/staff/case/0191?tab=history",
        "/board",
        "/staff/admin",
        "/staff?mine=on",
    ] {
        let p = form_sign_in(&t.browser(), &login, DEMO_PASSWORD, next, &[]).await;
        assert_eq!(p.header("location"), Some(next), "a local path is followed");
    }
    // Without `next`, each role lands on its own home page.
    let board = t
        .staff
        .iter()
        .find(|s| s.roles == [Role::Board])
        .map(|s| s.login.clone())
        .expect("the demo has a board member");
    let p = form_sign_in(&t.browser(), &board, DEMO_PASSWORD, "//evil.example", &[]).await;
    assert_eq!(p.header("location"), Some("/board"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_change_ends_other_sessions_and_its_check_is_throttled() {
    let t = spawn_app_with(WebConfig {
        limits: Limits {
            sign_in_account: 3,
            ..Limits::default()
        },
        ..WebConfig::default()
    })
    .await;
    let logins = handler_logins(&t);
    let (me, other) = (&logins[0], &logins[1]);
    let here = t.sign_in(me).await;
    let there = t.sign_in(me).await;
    let colleague = t.sign_in(other).await;
    let form = here.get("/staff/password").await;
    let csrf = form.csrf().expect("the form's token");
    let new = "a brand new and long passphrase";
    let done = here
        .post_form(
            "/staff/password",
            &[
                ("csrf", csrf.as_str()),
                ("current", DEMO_PASSWORD),
                ("password", new),
                ("confirm", new),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        here.get("/staff").await.status,
        StatusCode::OK,
        "this session stays"
    );
    let gone = there.get("/staff").await;
    assert_eq!(
        gone.status,
        StatusCode::SEE_OTHER,
        "the other session ended"
    );
    assert!(gone.header("location").unwrap().starts_with("/staff/login"));
    assert_eq!(
        colleague.get("/staff").await.status,
        StatusCode::OK,
        "others' stay"
    );

    // Guessing the current password costs like guessing at sign-in.
    let form = colleague.get("/staff/password").await;
    let csrf = form.csrf().unwrap();
    let guess = |current: &'static str| {
        let csrf = csrf.clone();
        let colleague = &colleague;
        async move {
            colleague
                .post_form(
                    "/staff/password",
                    &[
                        ("csrf", csrf.as_str()),
                        ("current", current),
                        ("password", new),
                        ("confirm", new),
                    ],
                )
                .await
        }
    };
    for _ in 0..3 {
        let p = guess("not the password").await;
        assert_eq!(p.status, StatusCode::OK, "the form again, with the error");
    }
    assert_told_to_wait(&guess(DEMO_PASSWORD).await);
    assert_told_to_wait(&form_sign_in(&t.browser(), other, DEMO_PASSWORD, "/staff", &[]).await);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_ends_at_its_lifetime() {
    let t = spawn_app_with(WebConfig {
        session_lifetime: Duration::from_secs(4),
        ..WebConfig::default()
    })
    .await;
    let b = t.sign_in(t.login_of(Role::Chair)).await;
    assert_eq!(b.get("/staff").await.status, StatusCode::OK);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let p = b.get("/staff").await;
    assert_eq!(
        p.status,
        StatusCode::SEE_OTHER,
        "signed out by the lifetime"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_are_for_this_machine_or_the_token_bearer() {
    let client = reqwest::Client::new();
    let get = |base: String, headers: Vec<(&'static str, &'static str)>| {
        let client = client.clone();
        async move {
            let mut r = client.get(format!("{base}/metrics"));
            for (k, v) in headers {
                r = r.header(k, v);
            }
            let r = r.send().await.expect("GET /metrics");
            let secured = r.headers().contains_key("content-security-policy");
            (r.status(), secured, r.text().await.unwrap())
        }
    };
    let (base, _app, _data) = fresh(WebConfig::default()).await;
    let (status, _, body) = get(base.clone(), vec![]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("recourse_http_requests_total"));
    let (status, ..) = get(base.clone(), vec![("x-forwarded-for", "203.0.113.9")]).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "a proxied visitor is not this machine"
    );

    let (proxied, _app2, _data2) = fresh(behind_proxy(Limits::default())).await;
    let (status, ..) = get(proxied, vec![("x-forwarded-for", "203.0.113.9")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (base, _app3, _data3) = fresh(WebConfig {
        metrics_token: Some("s3cret-token-of-the-monitoring".into()),
        ..WebConfig::default()
    })
    .await;
    let away = ("x-forwarded-for", "203.0.113.9");
    let (status, secured, _) = get(base.clone(), vec![away]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(secured);
    let wrong = ("authorization", "Bearer s3cret-token-of-the-monitorinG");
    assert_eq!(
        get(base.clone(), vec![away, wrong]).await.0,
        StatusCode::UNAUTHORIZED
    );
    let right = ("authorization", "Bearer s3cret-token-of-the-monitoring");
    let (status, _, body) = get(base.clone(), vec![away, right]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("recourse_uptime_seconds"));
    assert_eq!(
        get(base, vec![]).await.0,
        StatusCode::OK,
        "this machine still sees them"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_made_by_the_server_carry_the_security_headers() {
    let (base, _app, _data) = fresh(WebConfig::default()).await;
    let big = "x".repeat(300 * 1024);
    let r = reqwest::Client::new()
        .post(format!("{base}/api/v1/complaints"))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    for h in [
        "content-security-policy",
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
        "cache-control",
    ] {
        assert!(r.headers().contains_key(h), "413 without {h}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_organization_sets_up_its_staff_from_one_address() {
    let (_data, service, accounts) = organization("test.recourse.example/enrolment").await;
    let mut links = Vec::new();
    for i in 0..12 {
        let login = format!("staff{i}");
        let (id, acting) = service
            .enroll_staff(
                &service.ledger_acting(),
                &format!("Staff Member {i}"),
                &login,
                &[Role::Intake],
            )
            .await
            .expect("enrolled");
        let token = accounts
            .create_with_setup(&login, id, &acting.key, jiff::Timestamp::now())
            .expect("a set-up link");
        links.push(format!("/staff/setup/{}", token.0));
    }
    let app = Arc::new(
        App::new(service, Arc::new(accounts), WebConfig::default()).expect("translations"),
    );
    let base = crate::web_helpers::serve(app).await;
    let client = || {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    };
    let set_up = |link: String| {
        let (b, base) = (client(), base.clone());
        async move {
            // The set-up form's token; for a dead link, the visitor's token of the sign-in form.
            let form = b.get(format!("{base}{link}")).send().await.unwrap();
            let csrf = match crate::web_helpers::csrf_in(&form.text().await.unwrap()) {
                Some(t) => t,
                None => {
                    let login = b.get(format!("{base}/staff/login")).send().await.unwrap();
                    crate::web_helpers::csrf_in(&login.text().await.unwrap()).expect("a token")
                }
            };
            let password = "a passphrase of my own choosing";
            b.post(format!("{base}{link}"))
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("password", password),
                    ("confirm", password),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    for link in links {
        let r = set_up(link).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "every set-up completes");
    }
    // Links that do not work are what counts: guessing them runs out.
    let mut statuses = Vec::new();
    for i in 0..31 {
        statuses.push(set_up(format!("/staff/setup/{i:032x}")).await.status());
    }
    assert!(
        statuses[..30]
            .iter()
            .all(|s| s.is_client_error() && *s != StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    assert_eq!(statuses[30], StatusCode::TOO_MANY_REQUESTS);
}
