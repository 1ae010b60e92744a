//! The JSON API over HTTP, on the demo agency: the OpenAPI document is valid and says exactly
//! what the server does (every documented operation answers with a documented status, content
//! type and body shape; every route is documented; nothing else answers); a complaint filed
//! through the API is followed with its receipt code and shows the status the tracking page
//! shows; a case goes from acknowledgement to closure (and through an appeal) through the API,
//! each command signed by the signed-in person; every staff call is refused without a session
//! (401), without the CSRF token (403) and to a role that may not make it (403); bad, oversize
//! and malformed bodies get JSON errors naming the field; look-ups and filings are rate limited.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use recourse::web::WebConfig;
use recourse::web::api::{Auth, routes};
use recourse::web::limits::Limits;
use recourse_events::org::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::web_helpers::{Browser, DEMO_PASSWORD, TestApp, spawn_app_with};

/// Limits high enough for a test's own calls.
pub(crate) fn roomy() -> WebConfig {
    WebConfig {
        limits: Limits {
            filing: 10_000,
            lookup: 10_000,
            sign_in: 10_000,
            sign_in_account: 10_000,
            window: Duration::from_secs(600),
        },
        ..WebConfig::default()
    }
}

/// An answer of the API.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    content_type: Option<String>,
    pub(crate) json: Value,
    pub(crate) text: String,
    headers: reqwest::header::HeaderMap,
}

impl Reply {
    pub(crate) fn code(&self) -> &str {
        self.json["error"]["code"].as_str().unwrap_or_default()
    }

    fn message(&self) -> &str {
        self.json["error"]["message"].as_str().unwrap_or_default()
    }

    #[track_caller]
    fn ok(&self) -> &Value {
        assert!(self.status.is_success(), "{}: {}", self.status, self.text);
        &self.json
    }
}

/// Calls `method path` (under `/api/v1`) with an optional JSON body and CSRF token.
async fn call_raw(
    b: &Browser,
    method: Method,
    path: &str,
    body: Option<Vec<u8>>,
    content_type: Option<&str>,
    csrf: Option<&str>,
) -> Reply {
    let mut r = b.client.request(method, b.url(&format!("/api/v1{path}")));
    if let Some(body) = body {
        r = r.body(body);
    }
    if let Some(ct) = content_type {
        r = r.header("content-type", ct);
    }
    if let Some(t) = csrf {
        r = r.header("x-csrf-token", t);
    }
    let response = r.send().await.expect("the API answers");
    let status = response.status();
    let headers = response.headers().clone();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let text = response.text().await.expect("a body");
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    Reply {
        status,
        content_type,
        json,
        text,
        headers,
    }
}

pub(crate) async fn call(
    b: &Browser,
    method: Method,
    path: &str,
    body: Option<&Value>,
    csrf: Option<&str>,
) -> Reply {
    call_raw(
        b,
        method,
        path,
        body.map(|v| serde_json::to_vec(v).unwrap()),
        body.map(|_| "application/json"),
        csrf,
    )
    .await
}

pub(crate) async fn get(b: &Browser, path: &str) -> Reply {
    call(b, Method::GET, path, None, None).await
}

pub(crate) async fn post(b: &Browser, path: &str, body: Value) -> Reply {
    call(b, Method::POST, path, Some(&body), None).await
}

/// A staff member signed in through the API.
pub(crate) struct Staff {
    pub(crate) b: Browser,
    pub(crate) csrf: String,
    pub(crate) id: String,
}

impl Staff {
    pub(crate) async fn post(&self, path: &str, body: Value) -> Reply {
        call(&self.b, Method::POST, path, Some(&body), Some(&self.csrf)).await
    }

    pub(crate) async fn get(&self, path: &str) -> Reply {
        get(&self.b, path).await
    }

    /// A command on a case, which must be recorded.
    pub(crate) async fn act(&self, case: &str, action: &str, body: Value) -> Value {
        let r = self
            .post(&format!("/cases/{case}/actions/{action}"), body)
            .await;
        assert_eq!(r.status, StatusCode::OK, "{action}: {}", r.text);
        assert_eq!(r.json["action"], action);
        r.json
    }
}

pub(crate) async fn sign_in(t: &TestApp, login: &str) -> Staff {
    let b = t.browser();
    let r = post(
        &b,
        "/session",
        json!({ "login": login, "password": DEMO_PASSWORD }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "sign-in as {login}: {}", r.text);
    assert!(
        b.cookie("recourse_session").is_some(),
        "the session cookie is set"
    );
    let set_cookie = r
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"));
    Staff {
        b,
        csrf: r.json["csrf"].as_str().expect("a CSRF token").to_string(),
        id: r.json["staff"]["id"].as_str().expect("an id").to_string(),
    }
}

/// The sign-in names of demo staff holding `role`.
pub(crate) fn logins(t: &TestApp, role: Role) -> Vec<String> {
    t.staff
        .iter()
        .filter(|s| s.roles.contains(&role))
        .map(|s| s.login.clone())
        .collect()
}

/// A complaint the web form would accept.
pub(crate) fn complaint(what: &str) -> Value {
    json!({
        "language": "fr",
        "name": "Nadia Haddad",
        "email": "nadia@example.org",
        "program": "settlement",
        "site": "downtown",
        "rights": ["respect"],
        "what_happened": what,
        "outcome_wanted": "An apology and a new appointment.",
        "contact_preference": "email",
        "accommodations": ["interpreter"],
        "interpreter_language": "ar",
        "consent_handle": true,
        "consent_contact": true,
    })
}

/// Files a web complaint; returns (case id, receipt code).
pub(crate) async fn file(t: &TestApp, what: &str) -> (String, String) {
    let b = t.browser();
    let rights = get(&b, "/options").await.json["rights"].clone();
    assert!(
        rights
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "respect")
    );
    let r = post(&b, "/complaints", complaint(what)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    (
        r.json["case"].as_str().unwrap().to_string(),
        r.json["receipt_code"].as_str().unwrap().to_string(),
    )
}

pub(crate) async fn track(t: &TestApp, code: &str) -> Value {
    let r = post(&t.browser(), "/track", json!({ "code": code })).await;
    r.ok().clone()
}

// ---------------------------------------------------------------------------------------------
// Answers are checked with a JSON Schema validator against the served document's schemas
// (`openapi::answer_errors`; the served document is the library's, asserted below).

fn check(v: &Value, s: &Value, _doc: &Value, at: &str) -> Result<(), String> {
    crate::openapi::answer_errors(s, v).map_err(|e| format!("{at}: {e}"))
}

/// Checks a reply against the operation's documented responses: a documented status, JSON,
/// and a body of the documented shape.
#[track_caller]
pub(crate) fn conforms(doc: &Value, method: &str, path: &str, r: &Reply) {
    let op = &doc["paths"][path][method];
    let status = r.status.as_u16().to_string();
    let mut response = op["responses"]
        .get(&status)
        .unwrap_or_else(|| {
            panic!(
                "{method} {path} answered {} which is not documented ({:?}): {}",
                r.status,
                op["responses"]
                    .as_object()
                    .map(|o| o.keys().collect::<Vec<_>>()),
                r.text
            )
        })
        .clone();
    if let Some(target) = response.get("$ref").and_then(Value::as_str) {
        response = doc.pointer(target.trim_start_matches('#')).unwrap().clone();
    }
    match response["content"]["application/json"].get("schema") {
        Some(schema) => {
            assert!(
                r.content_type
                    .as_deref()
                    .is_some_and(|c| c.starts_with("application/json")),
                "{method} {path}: content type {:?}",
                r.content_type
            );
            if let Err(e) = check(&r.json, schema, doc, "body") {
                panic!(
                    "{method} {path} ({status}) does not match its schema: {e}\n{}",
                    r.text
                );
            }
        }
        None => assert!(r.text.is_empty(), "{method} {path}: no content documented"),
    }
}

/// `path` with its `{id}` filled.
fn concrete(path: &str, id: &str) -> String {
    path.replace("{id}", id)
}

// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document_is_valid_and_says_what_the_server_does() {
    let t = spawn_app_with(roomy()).await;
    let visitor = t.browser();
    let r = get(&visitor, "/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json.clone();
    assert_eq!(
        &doc,
        recourse::web::api::openapi::document(),
        "the served document is the one answers are checked against"
    );

    // Structure.
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1."),
        "OpenAPI 3.1"
    );
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    for scheme in ["session", "csrf"] {
        assert!(
            doc["components"]["securitySchemes"][scheme].is_object(),
            "{scheme}"
        );
    }
    let paths = doc["paths"].as_object().expect("paths");
    let mut documented = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for (path, item) in paths {
        assert!(path.starts_with('/'));
        for (method, op) in item.as_object().unwrap() {
            documented.insert((method.to_uppercase(), path.clone()));
            assert!(
                ids.insert(op["operationId"].as_str().unwrap().to_string()),
                "operationId"
            );
            let responses = op["responses"].as_object().expect("responses");
            assert!(!responses.is_empty(), "{method} {path} has responses");
            assert!(
                responses.keys().any(|s| s.starts_with('2')),
                "{method} {path} documents success"
            );
            for (status, response) in responses {
                let response = match response.get("$ref").and_then(Value::as_str) {
                    Some(target) => doc
                        .pointer(target.trim_start_matches('#'))
                        .expect("a response"),
                    None => response,
                };
                assert!(
                    response["description"].is_string(),
                    "{method} {path} {status}"
                );
                if status != "204" {
                    assert!(
                        response["content"]["application/json"]["schema"].is_object(),
                        "{method} {path} {status} has a JSON schema"
                    );
                }
            }
            for requirement in op["security"].as_array().expect("security") {
                for scheme in requirement.as_object().unwrap().keys() {
                    assert!(doc["components"]["securitySchemes"][scheme].is_object());
                }
            }
            let declared: Vec<&str> = op["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["in"] == "path")
                .map(|p| p["name"].as_str().unwrap())
                .collect();
            assert_eq!(
                path.contains("{id}"),
                declared == ["id"],
                "{method} {path} path parameters"
            );
        }
    }

    // The router's table and the document name the same operations.
    let served: BTreeSet<(String, String)> = routes()
        .iter()
        .map(|r| (r.method.as_str().to_string(), r.path.clone()))
        .collect();
    assert_eq!(
        served, documented,
        "every route is documented, and only routes"
    );
    for action in [
        "acknowledge",
        "triage",
        "assign",
        "recuse",
        "message",
        "finding",
        "decide",
        "action-open",
        "action-update",
        "action-complete",
        "action-verify",
        "action-waive",
        "pause",
        "resume",
        "appeal-assign",
        "appeal-decide",
        "close",
        "reopen",
        "withdraw",
    ] {
        let path = format!("/cases/{{id}}/actions/{action}");
        assert!(
            documented.contains(&("POST".into(), path.clone())),
            "{path}"
        );
    }

    // Every documented operation answers as documented: as a visitor, then signed in as a chair
    // with the CSRF token, on a real case and on a case that does not exist.
    let (case, _) = file(&t, "The interpreter did not come to my appointment.").await;
    let chair = sign_in(&t, &logins(&t, Role::Chair)[0]).await;
    let missing = uuid::Uuid::now_v7().to_string();
    for (who, b, csrf) in [
        ("visitor", &visitor, None),
        ("chair", &chair.b, Some(chair.csrf.as_str())),
    ] {
        for id in [case.as_str(), missing.as_str()] {
            for (method, path) in &documented {
                if path == "/session" && method == "DELETE" {
                    continue; // below, last
                }
                let m: Method = method.parse().unwrap();
                let body = (m != Method::GET).then(|| json!({}));
                let r = call(b, m, &concrete(path, id), body.as_ref(), csrf).await;
                assert!(
                    r.status != StatusCode::NOT_FOUND
                        || path.contains("{id}")
                        || path.starts_with("/track"),
                    "{who}: {method} {path} is served: {}",
                    r.text
                );
                assert_ne!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
                conforms(&doc, &method.to_lowercase(), path, &r);
            }
        }
    }
    // Real answers of the read operations match their schemas too.
    for path in ["/session", "/staff", "/queue", "/dashboard", "/options"] {
        let r = chair.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text);
        conforms(&doc, "get", path, &r);
    }
    for path in [
        format!("/cases/{case}"),
        format!("/cases/{case}/access-log"),
    ] {
        let r = chair.get(&path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.text);
        conforms(&doc, "get", &path.replace(&case, "{id}"), &r);
    }
    let out = call(
        &chair.b,
        Method::DELETE,
        "/session",
        None,
        Some(&chair.csrf),
    )
    .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    conforms(&doc, "delete", "/session", &out);

    // Nothing undocumented answers.
    for path in [
        format!("/cases/{case}/actions/bogus"),
        "/nothing".to_string(),
        "/track/bogus".to_string(),
        format!("/cases/{case}/open/more"),
    ] {
        let r = post(&visitor, &path, json!({})).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(r.code(), "not_found");
    }
    let r = call(&visitor, Method::PUT, "/session", Some(&json!({})), None).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.code(), "method_not_allowed");
    assert!(r.headers.get("allow").is_some());
}

/// The document also passes a standard validator, where Python's `openapi-spec-validator` is
/// installed (`pip install openapi-spec-validator`); elsewhere the test says it was skipped.
#[test]
fn the_openapi_document_passes_openapi_spec_validator() {
    let doc = recourse::web::api::openapi::document();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("openapi.json");
    std::fs::write(&path, serde_json::to_vec_pretty(doc).unwrap()).unwrap();
    let script = "import sys, json\n\
                  from openapi_spec_validator import validate\n\
                  from openapi_spec_validator.readers import read_from_filename\n\
                  spec, _ = read_from_filename(sys.argv[1])\n\
                  validate(spec)\n\
                  print('valid')\n";
    let probe = std::process::Command::new("python3")
        .args(["-c", "import openapi_spec_validator"])
        .output();
    match probe {
        Ok(o) if o.status.success() => {}
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "python3 with openapi-spec-validator is missing, and CI must not skip this check"
            );
            eprintln!(
                "SKIPPED the_openapi_document_passes_openapi_spec_validator: python3 with \
                 openapi-spec-validator is not installed (pip install openapi-spec-validator); \
                 the Rust-side checks still ran"
            );
            return;
        }
    }
    let out = std::process::Command::new("python3")
        .args(["-c", script, path.to_str().unwrap()])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "openapi-spec-validator rejects the document: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_complaint_filed_through_the_api_shows_the_status_the_tracking_page_shows() {
    let t = spawn_app_with(roomy()).await;
    let (case, code) = file(&t, "They asked me to pay for a free orientation session.").await;
    assert_eq!(code.len(), 24, "grouped receipt code");

    let view = track(&t, &code).await;
    assert_eq!(view["status"], "filed");
    let filed = &view["timeline"][0];
    assert_eq!(filed["kind"], "complaint.filed");
    assert_eq!(
        filed["by_you"], false,
        "the web intake files for the client"
    );
    let texts = filed["texts"].as_array().unwrap();
    assert!(
        texts
            .iter()
            .any(|x| x["text"] == "They asked me to pay for a free orientation session."),
        "the client reads their own words: {texts:?}"
    );
    assert!(
        !texts.iter().any(|x| x["field"] == "contact"),
        "contact details are not shown"
    );
    assert_eq!(view["can"]["withdraw"], true);
    assert_eq!(view["can"]["appeal"], false);

    // The tracking page, through its form, shows the same status in the same words.
    let b = t.browser();
    let form = b.get("/track").await;
    let csrf = form.csrf().expect("a CSRF field");
    let page = b
        .post_form_followed(
            "/track",
            &[("csrf", csrf.as_str()), ("code", code.as_str())],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let label = view["status_label"].as_str().unwrap();
    assert!(page.body.contains(label), "the page shows {label:?}");

    // Codes are read as people type them; unknown codes are not found, bad ones named.
    let loose = code.to_lowercase().replace('-', " ");
    assert_eq!(track(&t, &loose).await["status"], "filed");
    let unknown = post(
        &t.browser(),
        "/track",
        json!({ "code": "0000-0000-0000-0000-0000" }),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), "not_found");
    let bad = post(&t.browser(), "/track", json!({ "code": "nope" })).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.message().starts_with("code:"), "{}", bad.message());

    // The client adds information and writes to the committee.
    let b = t.browser();
    let r = post(
        &b,
        "/track/info",
        json!({ "code": code, "text": "The receipt is attached." }),
    )
    .await;
    let after = r.ok();
    assert!(after["notice"].is_string());
    let added = after["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["kind"] == "information.added")
        .expect("the information is on the timeline");
    assert_eq!(added["by_you"], true);
    assert_eq!(added["texts"][0]["text"], "The receipt is attached.");
    let r = post(
        &b,
        "/track/message",
        json!({ "code": code, "text": "When will I hear back?" }),
    )
    .await;
    r.ok();
    let r = post(
        &b,
        "/track/appeal",
        json!({ "code": code, "text": "No decision yet" }),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "no appeal before a decision: {}",
        r.text
    );
    let r = post(
        &b,
        "/track/withdraw",
        json!({ "code": code, "confirm": false }),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.message().starts_with("confirm:"));
    let r = post(
        &b,
        "/track/satisfaction",
        json!({ "code": code, "rating": 6 }),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.message().starts_with("rating:"));

    // The web form's checks apply, naming the API's fields.
    let mut no_consent = complaint("Something happened.");
    no_consent["consent_contact"] = json!(false);
    let r = post(&b, "/complaints", no_consent).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.message().contains("consent_contact:"), "{}", r.message());
    let mut bad_site = complaint("Something happened.");
    bad_site["site"] = json!("moon-base");
    let r = post(&b, "/complaints", bad_site).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.message().contains("site:"), "{}", r.message());
    let mut staff_only = complaint("Something happened.");
    staff_only["named_staff"] = json!([uuid::Uuid::now_v7()]);
    let r = post(&b, "/complaints", staff_only).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.message().starts_with("named_staff:"));
    let mut by_phone = complaint("Something happened.");
    by_phone["channel"] = json!("phone");
    let r = post(&b, "/complaints", by_phone).await;
    assert_eq!(
        r.status,
        StatusCode::UNAUTHORIZED,
        "phone filings are staff's"
    );

    // Withdrawing, then erasing: the texts become unreadable, the case stays.
    let r = post(
        &b,
        "/track/withdraw",
        json!({ "code": code, "confirm": true }),
    )
    .await;
    assert_eq!(r.ok()["status"], "withdrawn");
    let r = post(&b, "/track/erase", json!({ "code": code, "confirm": true })).await;
    let erased = r.ok();
    assert_eq!(erased["status"], "erased");
    assert_eq!(erased["can"]["erase"], false);
    let all_texts: Vec<&Value> = erased["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["texts"].as_array().unwrap())
        .collect();
    assert!(!all_texts.is_empty() && all_texts.iter().all(|x| x["text"].is_null()));
    let r = post(
        &b,
        "/track/comment",
        json!({ "code": code, "text": "Hello?" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let _ = case;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_goes_from_acknowledgement_to_closure_through_the_api() {
    let t = spawn_app_with(roomy()).await;
    let what = "The settlement worker shouted at me and refused to help with my forms.";
    let (case, code) = file(&t, what).await;
    let intake = sign_in(&t, &logins(&t, Role::Intake)[0]).await;
    let reviewers = logins(&t, Role::Reviewer);
    let reviewer = sign_in(&t, &reviewers[0]).await;
    let chair = sign_in(&t, &logins(&t, Role::Chair)[0]).await;
    let c = |s: &str| format!("/cases/{case}{s}");

    // Intake: acknowledge, triage, route to the reviewer.
    let facts = intake.get(&c("")).await;
    let facts = facts.ok();
    assert_eq!(facts["status"], "filed");
    assert!(
        facts["allowed_actions"]
            .as_array()
            .unwrap()
            .contains(&json!("acknowledge"))
    );
    assert!(
        facts["assignable_reviewers"].as_array().unwrap().is_empty(),
        "no reviewer before acknowledgement"
    );
    let r = intake
        .act(
            &case,
            "acknowledge",
            json!({ "note": "We received your complaint." }),
        )
        .await;
    assert_eq!(r["status"], "acknowledged");
    assert_eq!(r["event"], "complaint.acknowledged");
    intake
        .act(
            &case,
            "triage",
            json!({ "category": "staff_conduct", "urgency": "priority", "sensitive": true,
                    "rights": [], "framework_items": [] }),
        )
        .await;
    let facts = intake.get(&c("")).await.ok().clone();
    assert!(
        facts["assignable_reviewers"]
            .as_array()
            .unwrap()
            .contains(&json!(reviewer.id)),
        "the reviewer can be assigned"
    );
    let r = intake
        .act(&case, "assign", json!({ "reviewer": reviewer.id }))
        .await;
    assert_eq!(r["status"], "under review");

    // The reviewer finds it in their queue, opens the file (recorded), writes, waits, decides.
    let q = reviewer.get("/queue?owner=me&status=under+review").await;
    let rows = q.ok()["rows"].as_array().unwrap().clone();
    assert!(
        rows.iter().any(|r| r["case"] == case.as_str()),
        "in the reviewer's queue"
    );
    assert!(rows.iter().all(|r| r["owner"] == reviewer.id.as_str()));
    let opened = reviewer
        .post(&c("/open"), json!({ "purpose": "handling" }))
        .await;
    let opened = opened.ok();
    assert!(
        opened["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["text"] == what),
        "the opened file holds the narrative"
    );
    assert_eq!(opened["contact"]["email"], "nadia@example.org");
    reviewer
        .act(
            &case,
            "message",
            json!({ "audience": "client", "body": "Could you tell us the date?" }),
        )
        .await;
    reviewer
        .act(
            &case,
            "message",
            json!({ "audience": "committee", "body": "Internal: check the roster." }),
        )
        .await;
    reviewer
        .act(
            &case,
            "pause",
            json!({ "reason": "Waiting for the date of the appointment." }),
        )
        .await;
    assert_eq!(reviewer.get(&c("")).await.ok()["clocks"]["paused"], true);
    let b = t.browser();
    post(
        &b,
        "/track/info",
        json!({ "code": code, "text": "It was on March 3." }),
    )
    .await
    .ok();
    reviewer.act(&case, "resume", json!({})).await;
    let r = reviewer
        .post(
            &c("/actions/decide"),
            json!({ "outcome": "upheld", "reasons": "Too early." }),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "no decision without a finding: {}",
        r.text
    );
    reviewer
        .act(
            &case,
            "finding",
            json!({ "substantiated": true, "summary": "Two witnesses confirm it.",
                    "rights": facts["filing"]["rights"] }),
        )
        .await;
    let r = reviewer
        .act(
            &case,
            "decide",
            json!({ "outcome": "upheld", "reasons": "The worker's conduct breached the Client Code.",
                    "remedy": "A new appointment with another worker." }),
        )
        .await;
    assert_eq!(r["status"], "decided");
    let due = jiff::Zoned::now()
        .date()
        .checked_add(jiff::Span::new().days(20))
        .unwrap();
    let r = reviewer
        .act(
            &case,
            "action-open",
            json!({ "owner": reviewer.id, "due": due.to_string(), "description": "Train the team on respectful service." }),
        )
        .await;
    assert_eq!(r["corrective_action"], 1);
    let r = reviewer
        .act(
            &case,
            "action-open",
            json!({ "owner": reviewer.id, "due": due.to_string(), "description": "Review the roster." }),
        )
        .await;
    assert_eq!(r["corrective_action"], 2);
    reviewer
        .act(
            &case,
            "action-update",
            json!({ "action": 1, "note": "Training booked.", "due": due.to_string() }),
        )
        .await;
    reviewer
        .act(
            &case,
            "action-complete",
            json!({ "action": 1, "note": "Training given." }),
        )
        .await;

    // The chair: close is refused while actions are outstanding; verify, waive, close.
    let r = chair.post(&c("/actions/close"), json!({})).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    let r = reviewer
        .post(
            &c("/actions/action-verify"),
            json!({ "action": 1, "note": "ok" }),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "only the chair verifies");
    chair
        .act(
            &case,
            "action-verify",
            json!({ "action": 1, "note": "Attendance sheet seen." }),
        )
        .await;
    chair
        .act(
            &case,
            "action-waive",
            json!({ "action": 2, "note": "The roster was already changed." }),
        )
        .await;
    let r = chair.act(&case, "close", json!({})).await;
    assert_eq!(r["status"], "closed");

    // The client reads the decision and the message to them, not the committee's.
    let view = track(&t, &code).await;
    assert_eq!(view["status"], "closed");
    let timeline = view["timeline"].as_array().unwrap();
    let decision = timeline
        .iter()
        .find(|l| l["kind"] == "decision.issued")
        .expect("the decision");
    assert_eq!(decision["outcome"], "upheld");
    let texts: Vec<&str> = timeline
        .iter()
        .flat_map(|l| l["texts"].as_array().unwrap())
        .filter_map(|x| x["text"].as_str())
        .collect();
    assert!(texts.contains(&"The worker's conduct breached the Client Code."));
    assert!(texts.contains(&"Could you tell us the date?"));
    assert!(
        !texts.iter().any(|x| x.starts_with("Internal")),
        "committee messages stay internal"
    );
    assert!(
        !timeline
            .iter()
            .any(|l| l["kind"] == "finding.recorded" || l["kind"] == "file.viewed")
    );
    assert_eq!(view["can"]["appeal"], true);

    // An appeal goes to a reviewer who took no part in the decision.
    post(
        &b,
        "/track/satisfaction",
        json!({ "code": code, "rating": 4, "explained": true, "fair": true }),
    )
    .await
    .ok();
    let r = post(
        &b,
        "/track/appeal",
        json!({ "code": code, "text": "The remedy is not enough." }),
    )
    .await;
    assert_eq!(r.ok()["status"], "under appeal");
    let r = chair
        .post(
            &c("/actions/appeal-assign"),
            json!({ "reviewer": reviewer.id }),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "the decider cannot review the appeal: {}",
        r.text
    );
    let second = sign_in(&t, &reviewers[1]).await;
    let facts = chair.get(&c("")).await.ok().clone();
    assert!(
        facts["appeal_reviewers"]
            .as_array()
            .unwrap()
            .contains(&json!(second.id))
    );
    chair
        .act(&case, "appeal-assign", json!({ "reviewer": second.id }))
        .await;
    let r = second
        .act(
            &case,
            "appeal-decide",
            json!({ "outcome": "confirmed", "reasons": "The remedy is fair." }),
        )
        .await;
    assert_eq!(r["status"], "decided");
    let r = chair.act(&case, "close", json!({})).await;
    assert_eq!(r["status"], "closed");

    // The case as staff see it: every event verified, no sealed text, the views logged.
    let r = chair.get(&c("")).await;
    let facts = r.ok();
    assert_eq!(facts["verified"], true);
    assert_eq!(facts["status"], "closed");
    assert!(!r.text.contains(what), "no sealed text on the case");
    assert!(!r.text.contains("Two witnesses"));
    let kinds: Vec<&str> = facts["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "complaint.filed",
        "complaint.acknowledged",
        "complaint.triaged",
        "reviewer.assigned",
        "file.viewed",
        "message.posted",
        "clock.paused",
        "information.added",
        "clock.resumed",
        "finding.recorded",
        "decision.issued",
        "corrective_action.opened",
        "corrective_action.updated",
        "corrective_action.completed",
        "corrective_action.verified",
        "corrective_action.waived",
        "case.closed",
        "satisfaction.recorded",
        "appeal.filed",
        "appeal.reviewer_assigned",
        "appeal.decided",
    ] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    // Each command was signed by the person who gave it.
    let by = |kind: &str| {
        facts["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == kind)
            .map(|e| e["actor"].clone())
            .unwrap()
    };
    assert_eq!(by("complaint.acknowledged")["staff"], intake.id.as_str());
    assert_eq!(by("decision.issued")["staff"], reviewer.id.as_str());
    assert_eq!(by("corrective_action.verified")["staff"], chair.id.as_str());
    assert_eq!(by("appeal.decided")["staff"], second.id.as_str());
    assert_eq!(by("information.added")["type"], "client");
    let log = chair.get(&c("/access-log")).await;
    let views = log.ok()["views"].as_array().unwrap().clone();
    assert_eq!(views.len(), 1);
    assert_eq!(views[0]["by"], reviewer.id.as_str());
    assert_eq!(views[0]["purpose"], "handling");

    // The chair may reopen; staff may withdraw on the client's word.
    let r = chair
        .act(&case, "reopen", json!({ "reason": "New facts came in." }))
        .await;
    assert_ne!(r["status"], "closed");
    let r = intake.act(&case, "withdraw", json!({})).await;
    assert_eq!(r["status"], "withdrawn");

    // Intake files by phone, naming a reviewer, who then cannot see or take the case.
    let named = sign_in(&t, &reviewers[2]).await;
    let mut by_phone = complaint("Told us by phone: the reviewer was rude at the front desk.");
    by_phone["channel"] = json!("phone");
    by_phone["named_staff"] = json!([named.id]);
    let r = intake.post("/complaints", by_phone.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let phone_case = r.json["case"].as_str().unwrap().to_string();
    let r = chair.get(&format!("/cases/{phone_case}")).await;
    assert_eq!(r.ok()["filing"]["channel"], "phone");
    assert_eq!(r.json["filed_by"]["staff"], intake.id.as_str());
    let r = named.get(&format!("/cases/{phone_case}")).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "a named reviewer cannot see the case"
    );
    intake.act(&phone_case, "acknowledge", json!({})).await;
    let r = intake
        .post(
            &format!("/cases/{phone_case}/actions/assign"),
            json!({ "reviewer": named.id }),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    let r = reviewer
        .act(
            &phone_case,
            "recuse",
            json!({ "conflict": "relationship", "reason": "My cousin." }),
        )
        .await;
    assert_eq!(r["status"], "acknowledged");
    let r = chair.post("/complaints", by_phone).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "only intake files for clients"
    );

    // The board reads the dashboard; the committee does not.
    let board = sign_in(&t, &logins(&t, Role::Board)[0]).await;
    let r = board
        .get("/dashboard?granularity=month&from=2026-01-01&to=2026-12-31")
        .await;
    let report = r.ok();
    assert_eq!(report["periods"].as_array().unwrap().len(), 12);
    assert!(report["total"]["received"].as_u64().unwrap() >= 2);
    assert!(!r.text.contains(what) && !r.text.contains(&case));
    let r = board.get("/dashboard?from=2026-02-01&to=2026-01-01").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.message().starts_with("from:"));
    let r = board.get("/dashboard?granularity=week").await;
    assert!(r.message().starts_with("granularity:"), "{}", r.message());
    let r = board.get("/dashboard?colour=blue").await;
    assert!(r.message().starts_with("colour:"), "{}", r.message());
    assert_eq!(
        reviewer.get("/dashboard").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(board.get(&c("")).await.status, StatusCode::FORBIDDEN);

    // Signing out ends the session.
    let r = call(
        &intake.b,
        Method::DELETE,
        "/session",
        None,
        Some(&intake.csrf),
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        intake.get("/session").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_staff_call_is_refused_without_a_session_a_csrf_token_or_the_role() {
    let t = spawn_app_with(roomy()).await;
    let (case, _) = file(&t, "Nobody answered my calls for three weeks.").await;
    let visitor = t.browser();
    let chair = sign_in(&t, &logins(&t, Role::Chair)[0]).await;
    let board = sign_in(&t, &logins(&t, Role::Board)[0]).await;
    let intake = sign_in(&t, &logins(&t, Role::Intake)[0]).await;
    let admin = sign_in(&t, &logins(&t, Role::Admin)[0]).await;
    let mut checked = HashMap::new();
    for r in routes() {
        let path = concrete(&r.path, &case);
        let body = (r.method != Method::GET).then(|| json!({}));
        match r.auth {
            Auth::Session | Auth::SessionCsrf => {
                let reply = call(&visitor, r.method.clone(), &path, body.as_ref(), None).await;
                assert_eq!(
                    reply.status,
                    StatusCode::UNAUTHORIZED,
                    "{} {path}",
                    r.method
                );
                assert_eq!(reply.code(), "unauthorized");
                *checked.entry("401").or_insert(0) += 1;
            }
            Auth::Public | Auth::PublicOrStaff => continue,
        }
        if r.auth == Auth::SessionCsrf {
            for token in [None, Some("forged-token")] {
                let reply = call(&chair.b, r.method.clone(), &path, body.as_ref(), token).await;
                assert_eq!(
                    reply.status,
                    StatusCode::FORBIDDEN,
                    "{} {path} with {token:?}",
                    r.method
                );
                assert_eq!(reply.code(), "csrf", "{}", reply.text);
            }
            *checked.entry("csrf").or_insert(0) += 1;
        }
        if !r.roles.is_empty() {
            // Someone signed in, with the right token, but without any of the roles.
            let outsider = if !r.roles.contains(&Role::Board) {
                &board
            } else if !r.roles.contains(&Role::Intake) {
                &intake
            } else {
                &admin
            };
            let reply = call(
                &outsider.b,
                r.method.clone(),
                &path,
                body.as_ref(),
                Some(&outsider.csrf),
            )
            .await;
            assert_eq!(
                reply.status,
                StatusCode::FORBIDDEN,
                "{} {path}: {}",
                r.method,
                reply.text
            );
            assert_eq!(reply.code(), "forbidden");
            *checked.entry("role").or_insert(0) += 1;
        }
    }
    assert!(
        checked["401"] >= 25 && checked["csrf"] >= 20 && checked["role"] >= 20,
        "{checked:?}"
    );
    // Finer refusals come from the rules: intake may not record findings or close.
    for action in [
        "finding",
        "decide",
        "close",
        "action-verify",
        "appeal-assign",
        "reopen",
    ] {
        let r = intake
            .post(&format!("/cases/{case}/actions/{action}"), json!({}))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{action}");
    }
    // The staff filing for a client needs the CSRF token and the intake role too.
    let mut by_phone = complaint("By phone.");
    by_phone["channel"] = json!("referral");
    let r = call(
        &intake.b,
        Method::POST,
        "/complaints",
        Some(&by_phone),
        None,
    )
    .await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "csrf"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_oversize_and_malformed_bodies_get_json_errors_naming_the_field() {
    let t = spawn_app_with(roomy()).await;
    let (case, code) = file(&t, "My file was shared with my sponsor without my consent.").await;
    let b = t.browser();
    let chair = sign_in(&t, &logins(&t, Role::Chair)[0]).await;

    let json_error = |r: &Reply, status: StatusCode| {
        assert_eq!(r.status, status, "{}", r.text);
        assert!(
            r.content_type
                .as_deref()
                .is_some_and(|c| c.starts_with("application/json"))
        );
        assert!(r.json["error"]["code"].is_string() && r.json["error"]["message"].is_string());
    };

    // Over the body limit: 413, as JSON.
    let huge = format!(
        "{{\"code\": \"{code}\", \"text\": \"{}\"}}",
        "x".repeat(300 * 1024)
    );
    let r = call_raw(
        &b,
        Method::POST,
        "/track/comment",
        Some(huge.into_bytes()),
        Some("application/json"),
        None,
    )
    .await;
    json_error(&r, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.code(), "too_large");

    // Malformed JSON, not an object, not JSON at all.
    for (body, ct) in [
        ("{\"code\": ", "application/json"),
        ("[1, 2]", "application/json"),
        ("code=ABCD", "application/x-www-form-urlencoded"),
        ("{\"code\": \"x\"}", "text/plain"),
    ] {
        let r = call_raw(
            &b,
            Method::POST,
            "/track",
            Some(body.into()),
            Some(ct),
            None,
        )
        .await;
        json_error(&r, StatusCode::BAD_REQUEST);
        assert!(r.message().starts_with("body:"), "{body}: {}", r.message());
    }

    // Field by field.
    let long = "y".repeat(10_001);
    for (path, body, field) in [
        ("/track", json!({}), "code"),
        ("/track", json!({ "code": 12 }), "code"),
        ("/track", json!({ "code": code, "extra": 1 }), "extra"),
        (
            "/track/comment",
            json!({ "code": code, "text": "   " }),
            "text",
        ),
        (
            "/track/comment",
            json!({ "code": code, "text": long }),
            "text",
        ),
        (
            "/track/satisfaction",
            json!({ "code": code, "rating": "five" }),
            "rating",
        ),
        (
            "/complaints",
            json!({ "program": "settlement", "site": "downtown", "what_happened": long, "consent_handle": true }),
            "what_happened",
        ),
        (
            "/complaints",
            json!({ "program": "settlement", "site": "downtown", "what_happened": "x", "consent_handle": "yes" }),
            "consent_handle",
        ),
        (
            "/complaints",
            json!({ "program": "settlement", "site": "downtown", "what_happened": "x", "consent_handle": true, "accommodations": ["a pony"] }),
            "accommodations",
        ),
        (
            "/complaints",
            json!({ "program": "settlement", "site": "downtown", "what_happened": "x", "consent_handle": true, "language": "Klingon!" }),
            "language",
        ),
        ("/session", json!({ "login": "x" }), "password"),
    ] {
        let r = post(&b, path, body.clone()).await;
        json_error(&r, StatusCode::BAD_REQUEST);
        assert!(
            r.message().starts_with(&format!("{field}:")),
            "{path} {body}: {}",
            r.message()
        );
    }
    for (action, body, field) in [
        (
            "triage",
            json!({ "category": "fees", "urgency": "whenever" }),
            "urgency",
        ),
        (
            "triage",
            json!({ "category": "Fees!", "urgency": "routine" }),
            "category",
        ),
        ("assign", json!({ "reviewer": "not-an-id" }), "reviewer"),
        (
            "action-open",
            json!({ "owner": chair.id, "due": "next week", "description": "x" }),
            "due",
        ),
        (
            "message",
            json!({ "audience": "client", "body": "z".repeat(8001) }),
            "body",
        ),
        ("close", json!({ "now": true }), "now"),
    ] {
        let r = chair
            .post(&format!("/cases/{case}/actions/{action}"), body)
            .await;
        json_error(&r, StatusCode::BAD_REQUEST);
        assert!(
            r.message().starts_with(&format!("{field}:")),
            "{action}: {}",
            r.message()
        );
    }
    let r = chair
        .post("/cases/not-a-case/actions/close", json!({}))
        .await;
    json_error(&r, StatusCode::BAD_REQUEST);
    assert!(r.message().starts_with("id:"));
    let r = chair.get(&format!("/cases/{}", uuid::Uuid::now_v7())).await;
    json_error(&r, StatusCode::NOT_FOUND);
    let r = chair.get("/queue?status=lost").await;
    json_error(&r, StatusCode::BAD_REQUEST);
    assert!(r.message().starts_with("status:"));
    let r = chair.get("/queue?owner=someone").await;
    assert!(r.message().starts_with("owner:"));

    // A wrong password is a 401 that says so, without saying which part was wrong.
    let r = post(
        &b,
        "/session",
        json!({ "login": logins(&t, Role::Chair)[0], "password": "wrong password" }),
    )
    .await;
    json_error(&r, StatusCode::UNAUTHORIZED);
    assert_eq!(r.code(), "bad_credentials");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn look_ups_filings_and_sign_ins_are_rate_limited() {
    let t = spawn_app_with(WebConfig {
        limits: Limits {
            filing: 1,
            lookup: 2,
            sign_in: 1,
            ..Limits::default()
        },
        ..WebConfig::default()
    })
    .await;
    let (_, code) = file(&t, "The office was closed during its posted hours.").await;
    let b = t.browser();
    let r = post(&b, "/complaints", complaint("Again.")).await;
    assert_eq!(
        (r.status, r.code()),
        (StatusCode::TOO_MANY_REQUESTS, "too_many_requests")
    );
    for _ in 0..2 {
        post(&b, "/track", json!({ "code": code })).await.ok();
    }
    let r = post(
        &b,
        "/track/comment",
        json!({ "code": code, "text": "Hello" }),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::TOO_MANY_REQUESTS,
        "client actions count as look-ups"
    );
    let login = logins(&t, Role::Intake)[0].clone();
    let r = post(
        &b,
        "/session",
        json!({ "login": login, "password": "wrong password" }),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = post(
        &b,
        "/session",
        json!({ "login": login, "password": DEMO_PASSWORD }),
    )
    .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
}
