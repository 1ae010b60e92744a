//! The OpenAPI document checked with a JSON Schema validator (the `jsonschema` crate), offline:
//! the whole document against the OpenAPI 3.1 meta-schema (vendored in
//! `tests/data/openapi-3.1`, see its `SOURCES.md`), every Schema Object in it against the
//! OpenAPI 3.1 dialect, and real answers of every read operation, as a visitor and as each
//! role on the demo agency, against their operation's documented response.
//!
//! [`answer_errors`] is also what `api.rs` checks every answer with.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use jsonschema::{Draft, Registry, Validator};
use recourse::web::api::openapi::document;
use recourse_events::org::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::api::{Reply, call, conforms, file, logins, post, roomy, sign_in};
use crate::web_helpers::spawn_app_with;

/// The OpenAPI 3.1 meta-schemas, by `$id`.
const META_SCHEMAS: &[(&str, &str)] = &[
    (
        "https://spec.openapis.org/oas/3.1/schema/2022-10-07",
        include_str!("../data/openapi-3.1/schema.json"),
    ),
    (
        SCHEMA_BASE,
        include_str!("../data/openapi-3.1/schema-base.json"),
    ),
    (
        "https://spec.openapis.org/oas/3.1/dialect/base",
        include_str!("../data/openapi-3.1/dialect-base.json"),
    ),
    (
        "https://spec.openapis.org/oas/3.1/meta/base",
        include_str!("../data/openapi-3.1/meta-base.json"),
    ),
];

/// Where validation starts: the document's structure, and each Schema Object in the dialect.
const SCHEMA_BASE: &str = "https://spec.openapis.org/oas/3.1/schema-base/2022-10-07";

/// The URI the API's own document is registered under, so its `#/components/...` references
/// resolve.
const DOCUMENT: &str = "urn:recourse:api:v1:openapi";

/// The OpenAPI 3.1 meta-schema, compiled.
fn meta_validator() -> Validator {
    let mut builder = Registry::new().draft(Draft::Draft202012);
    for (id, text) in META_SCHEMAS {
        let schema: Value = serde_json::from_str(text).expect("a vendored meta-schema is JSON");
        builder = builder.add(id, schema).expect("a meta-schema's URI");
    }
    let registry = builder.prepare().expect("the meta-schemas resolve offline");
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .with_registry(&registry)
        .build(&json!({ "$ref": SCHEMA_BASE }))
        .expect("the meta-schema compiles")
}

/// Every error of `doc` against the meta-schema, one per line.
fn document_errors(doc: &Value) -> Vec<String> {
    meta_validator()
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// The API's document, registered for references into it.
static ANSWERS: LazyLock<Registry<'static>> = LazyLock::new(|| {
    Registry::new()
        .draft(Draft::Draft202012)
        .add(DOCUMENT, document().clone())
        .expect("the document's URI")
        .prepare()
        .expect("the document's references resolve")
});

/// `schema` (a part of the document) with its local references made absolute, so it can be
/// compiled on its own against the registered document.
fn anchored(schema: &Value) -> Value {
    match schema {
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("$ref", Value::String(r)) if r.starts_with('#') => {
                        (k.clone(), json!(format!("{DOCUMENT}{r}")))
                    }
                    _ => (k.clone(), anchored(v)),
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(anchored).collect()),
        other => other.clone(),
    }
}

/// Checks `answer` against `schema`, a schema of the API's document (formats included: a
/// `date-time` must be one, a `uuid` must be one).
pub(crate) fn answer_errors(schema: &Value, answer: &Value) -> Result<(), String> {
    let validator = jsonschema::options()
        .with_draft(Draft::Draft202012)
        .with_registry(&ANSWERS)
        .should_validate_formats(true)
        .build(&anchored(schema))
        .map_err(|e| format!("the schema {schema} does not compile: {e}"))?;
    let errors: Vec<String> = validator
        .iter_errors(answer)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

#[test]
fn the_document_validates_against_the_openapi_3_1_meta_schema() {
    let doc = document();
    let errors = document_errors(doc);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1."));
}

#[test]
fn the_meta_schema_refuses_a_broken_document_and_a_broken_schema() {
    // Given the document without its info object, then with a malformed response schema.
    let mut no_info = document().clone();
    no_info.as_object_mut().unwrap().remove("info");
    let mut bad_schema = document().clone();
    bad_schema["components"]["schemas"]["Case"]["properties"]["status"] = json!({ "type": 5 });
    let mut bad_path = document().clone();
    bad_path["paths"]["/options"]["get"]["responses"] = json!({ "200": { "content": {} } });

    // Then each is refused, the schema by the dialect (`schema.json` alone accepts it).
    assert!(!document_errors(&no_info).is_empty(), "no info");
    let errors = document_errors(&bad_schema);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("/components/schemas/Case")),
        "{errors:?}"
    );
    assert!(
        !document_errors(&bad_path).is_empty(),
        "a response needs a description"
    );
}

#[test]
fn every_component_is_named_as_its_type_says_and_every_object_is_closed() {
    let schemas = document()["components"]["schemas"].as_object().unwrap();
    for (name, schema) in schemas {
        // Two types of one name would be numbered (`Satisfaction2`): each name means one type.
        assert!(
            !name.ends_with(|c: char| c.is_ascii_digit()),
            "{name}: two types share a schema name"
        );
        if schema.get("properties").is_some() {
            assert_eq!(
                schema["additionalProperties"],
                json!(false),
                "{name} is closed"
            );
        }
    }
    for name in [
        "Case",
        "CaseEvent",
        "ClientCase",
        "Dashboard",
        "Error",
        "Options",
        "Queue",
        "QueueRow",
        "Session",
        "StaffList",
        "StaffMember",
    ] {
        assert!(schemas.contains_key(name), "{name}");
    }
}

#[test]
fn an_answer_that_drifts_from_its_type_is_refused() {
    let session = json!({ "$ref": "#/components/schemas/Session" });
    let good = json!({
        "staff": {
            "id": "01900000-0000-7000-8000-000000000000",
            "name": "A. Chair",
            "roles": ["chair"],
            "active": true
        },
        "csrf": "token"
    });
    assert_eq!(answer_errors(&session, &good), Ok(()));
    let mut extra = good.clone();
    extra["staff"]["email"] = json!("a@example.org");
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("csrf");
    let mut role = good.clone();
    role["staff"]["roles"] = json!(["janitor"]);
    let mut id = good.clone();
    id["staff"]["id"] = json!("not-a-uuid");
    for (what, answer) in [
        ("extra", extra),
        ("missing", missing),
        ("role", role),
        ("id", id),
    ] {
        assert!(answer_errors(&session, &answer).is_err(), "{what}");
    }
}

/// The concrete calls of a documented read operation.
fn reads(path: &str, cases: &[String], missing: &str) -> Vec<String> {
    let mut out = Vec::new();
    if path.contains("{id}") {
        for id in cases.iter().map(String::as_str).chain([missing]) {
            out.push(path.replace("{id}", id));
        }
    } else if path == "/queue" {
        let statuses: String = recourse::web::api::STATUSES
            .iter()
            .map(|s| format!("status={}", s.replace(' ', "%20")))
            .collect::<Vec<_>>()
            .join("&");
        out.extend([
            "/queue".to_string(),
            format!("/queue?{statuses}"),
            "/queue?owner=me&overdue=true".to_string(),
            "/queue?urgent=true".to_string(),
        ]);
    } else if path == "/dashboard" {
        out.push("/dashboard".to_string());
        for g in recourse::web::api::GRANULARITIES {
            out.push(format!(
                "/dashboard?granularity={g}&from=2024-01-01&to=2026-12-31"
            ));
        }
    } else {
        out.push(path.to_string());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_read_answers_as_documented_to_a_visitor_and_to_every_role() {
    // Given the demo agency, a web complaint with its receipt code, and the served document.
    let t = spawn_app_with(roomy()).await;
    let visitor = t.browser();
    let served = crate::api::get(&visitor, "/openapi.json").await;
    assert_eq!(&served.json, document(), "the server answers the document");
    let doc = document();
    let (filed, code) = file(&t, "Nobody called me back about my work permit.").await;
    // Up to two cases of each status the demo holds, and the new one.
    let mut by_status: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    t.app.service.read(|m| {
        for case in m.cases().filter(|c| c.filing.is_some()) {
            let ids = by_status.entry(case.status().as_str()).or_default();
            if ids.len() < 2 {
                ids.push(case.id.to_string());
            }
        }
    });
    assert!(
        by_status.len() >= 6,
        "the demo has cases in many states: {by_status:?}"
    );
    let mut cases: Vec<String> = by_status.into_values().flatten().collect();
    cases.push(filed);
    let missing = uuid::Uuid::now_v7().to_string();
    let get_paths: Vec<String> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, item)| item.get("get").is_some())
        .map(|(path, _)| path.clone())
        .collect();
    assert!(get_paths.len() >= 8, "{get_paths:?}");

    // When each reads everything it can name.
    let mut people = vec![("visitor".to_string(), t.browser(), None)];
    for role in Role::ALL {
        let who = sign_in(&t, &logins(&t, role)[0]).await;
        people.push((role.as_str().to_string(), who.b, Some(who.csrf)));
    }
    let mut answered: BTreeSet<String> = BTreeSet::new();
    let mut statuses: BTreeMap<String, BTreeSet<u16>> = BTreeMap::new();
    for (who, b, csrf) in &people {
        for path in &get_paths {
            for concrete in reads(path, &cases, &missing) {
                let r: Reply = call(b, Method::GET, &concrete, None, csrf.as_deref()).await;
                // Then every answer, whatever its status, is one the operation documents.
                conforms(doc, "get", path, &r);
                statuses
                    .entry(format!("{who} GET {path}"))
                    .or_default()
                    .insert(r.status.as_u16());
                if r.status == StatusCode::OK {
                    answered.insert(path.clone());
                }
            }
        }
        // The client's read: the case by its receipt code.
        let r = post(b, "/track", json!({ "code": code })).await;
        assert_eq!(r.status, StatusCode::OK, "{who} tracks: {}", r.text);
        conforms(doc, "post", "/track", &r);
    }

    // And every read operation was answered in full by someone.
    let unanswered: Vec<&String> = get_paths
        .iter()
        .filter(|p| !answered.contains(*p))
        .collect();
    assert!(unanswered.is_empty(), "never answered 200: {unanswered:?}");
    // Each role's refusals are documented answers too: a board member may not read a case.
    assert!(
        statuses["board GET /cases/{id}"].contains(&403),
        "{statuses:?}"
    );
    assert!(statuses["chair GET /cases/{id}"].contains(&404));
    assert!(statuses["visitor GET /queue"].contains(&401));
}
