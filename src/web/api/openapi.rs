//! The OpenAPI 3.1 document of the API, generated from the route table ([`super::routes`]):
//! paths, methods, security, parameters and request bodies come from the same declarations
//! the server routes and checks by; the response schemas below describe the handlers'
//! answers (the integration tests check real answers against them).

use std::sync::LazyLock;

use serde_json::{Map, Value, json};

use super::fields::{Field, field_schema, object_schema};
use super::{
    ACCOMMODATIONS, ACTIONS, APPEAL_OUTCOMES, AUDIENCES, Auth, CHANNELS, CONFLICTS, CONTACTS,
    GRANULARITIES, OUTCOMES, PURPOSES, ROLES, Route, STATUSES, URGENCIES, camel, routes,
};
use crate::web::session::SESSION_COOKIE;

static DOCUMENT: LazyLock<Value> = LazyLock::new(build);

/// The document.
pub fn document() -> &'static Value {
    &DOCUMENT
}

fn r(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn string() -> Value {
    json!({ "type": "string" })
}

fn integer() -> Value {
    json!({ "type": "integer", "minimum": 0 })
}

fn boolean() -> Value {
    json!({ "type": "boolean" })
}

fn number() -> Value {
    json!({ "type": ["number", "null"] })
}

fn uuid() -> Value {
    json!({ "type": "string", "format": "uuid" })
}

fn time() -> Value {
    json!({ "type": "string", "format": "date-time" })
}

fn date() -> Value {
    json!({ "type": "string", "format": "date" })
}

fn one_of(values: &[&str]) -> Value {
    json!({ "type": "string", "enum": values })
}

fn array(items: Value) -> Value {
    json!({ "type": "array", "items": items })
}

/// `schema` or null.
fn null(schema: Value) -> Value {
    match (schema.get("type").cloned(), schema.get("$ref")) {
        (Some(Value::String(t)), None) => {
            let mut s = schema;
            s["type"] = json!([t, "null"]);
            if let Some(values) = s.get_mut("enum").and_then(Value::as_array_mut) {
                values.push(Value::Null);
            }
            s
        }
        _ => json!({ "anyOf": [schema, { "type": "null" }] }),
    }
}

/// An object whose every property is always present, and nothing else.
fn object(props: &[(&str, Value)]) -> Value {
    let properties: Map<String, Value> = props
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let required: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    })
}

/// One opening (or refused opening) of a file in the access log.
fn view_row() -> Value {
    object(&[
        ("at", time()),
        ("by", uuid()),
        ("by_name", null(string())),
        ("purpose", one_of(PURPOSES)),
        (
            "outsider",
            described(boolean(), "The viewer had no part in the case before."),
        ),
    ])
}

fn described(mut schema: Value, about: &str) -> Value {
    schema["description"] = json!(about);
    schema
}

fn all_outcomes() -> Vec<&'static str> {
    let mut v = OUTCOMES.to_vec();
    v.push("withdrawn");
    v
}

fn slugs() -> Vec<&'static str> {
    ACTIONS.iter().map(|a| a.slug).collect()
}

/// Codes of the JSON error body.
pub const ERROR_CODES: &[&str] = &[
    "bad_request",
    "unauthorized",
    "bad_credentials",
    "forbidden",
    "csrf",
    "not_found",
    "method_not_allowed",
    "conflict",
    "too_large",
    "request_timeout",
    "too_many_requests",
    "internal",
];

fn schemas() -> Map<String, Value> {
    let outcomes = all_outcomes();
    let slugs = slugs();
    let metrics = object(&[
        ("received", integer()),
        ("open", integer()),
        ("acknowledged", integer()),
        ("acknowledged_within_target_pct", number()),
        ("median_days_to_acknowledge", number()),
        ("p90_days_to_acknowledge", number()),
        ("decided", integer()),
        ("decided_within_target_pct", number()),
        ("median_days_to_decide", number()),
        ("p90_days_to_decide", number()),
        (
            "outcomes",
            json!({ "type": "object", "additionalProperties": integer(),
                    "propertyNames": { "enum": outcomes } }),
        ),
        ("appealed", integer()),
        ("appeal_rate_pct", number()),
        ("reopened", integer()),
        ("reopen_rate_pct", number()),
        ("actions_opened", integer()),
        ("actions_overdue", integer()),
        ("actions_verified", integer()),
        ("actions_waived", integer()),
        ("recusals", integer()),
        (
            "satisfaction",
            object(&[
                ("responses", integer()),
                ("average_rating", number()),
                ("explained_pct", number()),
                ("fair_pct", number()),
            ]),
        ),
        ("anonymous", integer()),
        ("anonymous_returned_pct", number()),
        ("views", integer()),
        ("outsider_views", integer()),
        ("erased", integer()),
    ]);
    let breakdown = array(object(&[("value", string()), ("metrics", r("Metrics"))]));
    let dimensions: Map<String, Value> = [
        "program",
        "site",
        "service_stream",
        "channel",
        "language",
        "right",
        "framework_area",
    ]
    .iter()
    .map(|d| (d.to_string(), breakdown.clone()))
    .collect();
    let named = array(object(&[("id", string()), ("name", string())]));
    let list = |values: &[&str]| array(one_of(values));
    let entries = [
        (
            "Error",
            described(
                object(&[(
                    "error",
                    json!({
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["code", "message"],
                        "properties": {
                            "code": one_of(ERROR_CODES),
                            "message": string(),
                            "message_id": described(
                                string(),
                                "A rule's refusal: the id of its message (locales/<lang>/rules.ftl).",
                            ),
                            "fields": described(
                                array(object(&[
                                    ("field", string()),
                                    ("message_id", string()),
                                    ("message", string()),
                                ])),
                                "Refused fields: each field's name, why as a message id, and the message in the request's language.",
                            ),
                        },
                    }),
                )]),
                "Why a call failed: a machine-readable code and a message for people (in the request's language), with the message id of a rule's refusal and the refused fields.",
            ),
        ),
        (
            "OpenApiDocument",
            json!({ "type": "object", "required": ["openapi", "info", "paths"],
                    "description": "An OpenAPI 3.1 document." }),
        ),
        (
            "Options",
            object(&[
                (
                    "languages",
                    described(
                        array(string()),
                        "Languages the organization offers clients.",
                    ),
                ),
                ("programs", named.clone()),
                ("sites", named.clone()),
                (
                    "service_streams",
                    array(object(&[
                        ("id", string()),
                        ("program", string()),
                        ("title", string()),
                    ])),
                ),
                (
                    "rights",
                    array(json!({
                        "type": "object", "additionalProperties": false,
                        "required": ["id", "label"],
                        "properties": { "id": string(), "label": string(), "hint": string() }
                    })),
                ),
                (
                    "framework_areas",
                    array(object(&[
                        ("id", string()),
                        ("title", string()),
                        (
                            "items",
                            array(object(&[("id", string()), ("text", string())])),
                        ),
                    ])),
                ),
                ("interpreter_languages", named),
                ("channels", list(CHANNELS)),
                ("contact_preferences", list(CONTACTS)),
                ("accommodations", list(ACCOMMODATIONS)),
                ("urgencies", list(URGENCIES)),
                ("outcomes", list(OUTCOMES)),
                ("appeal_outcomes", list(APPEAL_OUTCOMES)),
                ("purposes", list(PURPOSES)),
                ("conflicts", list(CONFLICTS)),
                ("audiences", list(AUDIENCES)),
                ("statuses", list(STATUSES)),
                ("roles", list(ROLES)),
            ]),
        ),
        (
            "Filed",
            object(&[
                ("case", uuid()),
                (
                    "receipt_code",
                    json!({ "type": "string", "pattern": "^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$",
                            "description": "The client's receipt code, shown once: it is never stored." }),
                ),
                ("status", one_of(STATUSES)),
            ]),
        ),
        (
            "ClientCase",
            object(&[
                ("status", one_of(STATUSES)),
                (
                    "status_label",
                    described(
                        string(),
                        "The status in plain words, as the tracking page shows it.",
                    ),
                ),
                ("status_hint", string()),
                (
                    "notice",
                    described(null(string()), "What the last action did."),
                ),
                ("timeline", array(r("ClientEvent"))),
                (
                    "can",
                    described(
                        object(&[
                            ("info", boolean()),
                            ("message", boolean()),
                            ("comment", boolean()),
                            ("appeal", boolean()),
                            ("satisfaction", boolean()),
                            ("withdraw", boolean()),
                            ("erase", boolean()),
                        ]),
                        "What the client may do now (POST /track/<name>).",
                    ),
                ),
            ]),
        ),
        (
            "ClientEvent",
            object(&[
                ("at", time()),
                (
                    "date",
                    described(date(), "Local date in the organization's time zone."),
                ),
                (
                    "kind",
                    described(string(), "The event type, such as decision.issued."),
                ),
                ("what", string()),
                ("by_you", boolean()),
                ("outcome", null(one_of(&outcomes))),
                ("appeal_outcome", null(one_of(APPEAL_OUTCOMES))),
                (
                    "texts",
                    array(object(&[
                        ("field", string()),
                        ("label", string()),
                        (
                            "text",
                            described(null(string()), "Null once the personal data is erased."),
                        ),
                    ])),
                ),
            ]),
        ),
        (
            "StaffMember",
            object(&[
                ("id", uuid()),
                ("name", string()),
                ("roles", list(ROLES)),
                ("active", boolean()),
            ]),
        ),
        (
            "Session",
            object(&[
                ("staff", r("StaffMember")),
                (
                    "csrf",
                    described(
                        string(),
                        "Send it in the X-CSRF-Token header with every call that changes something.",
                    ),
                ),
            ]),
        ),
        ("StaffList", object(&[("staff", array(r("StaffMember")))])),
        (
            "ClockStatus",
            object(&[
                ("acknowledge_due", null(date())),
                ("decide_due", null(date())),
                ("acknowledge_overdue", boolean()),
                ("decide_overdue", boolean()),
                ("overdue_actions", integer()),
                ("paused", boolean()),
                ("next_due", null(date())),
            ]),
        ),
        (
            "QueueRow",
            object(&[
                ("case", uuid()),
                ("status", one_of(STATUSES)),
                ("filed_at", time()),
                ("channel", one_of(CHANNELS)),
                ("language", string()),
                ("program", string()),
                ("site", string()),
                ("urgency", null(one_of(URGENCIES))),
                ("sensitive", boolean()),
                (
                    "owner",
                    described(
                        null(uuid()),
                        "Who holds it: the appeal's reviewer during an appeal, else the reviewer; null means intake.",
                    ),
                ),
                ("clocks", r("ClockStatus")),
                ("outstanding_actions", integer()),
                ("interpreter", boolean()),
                ("overdue", boolean()),
            ]),
        ),
        (
            "Queue",
            object(&[("count", integer()), ("rows", array(r("QueueRow")))]),
        ),
        (
            "Actor",
            object(&[
                (
                    "type",
                    one_of(&["staff", "client", "service", "ledger", "unknown"]),
                ),
                ("staff", null(uuid())),
                (
                    "name",
                    described(null(string()), "The staff member's or the service's name."),
                ),
            ]),
        ),
        (
            "Filing",
            object(&[
                ("channel", one_of(CHANNELS)),
                ("language", string()),
                ("anonymous", boolean()),
                ("program", string()),
                ("site", string()),
                ("service_stream", null(string())),
                ("rights", array(string())),
                ("contact_preference", one_of(CONTACTS)),
                ("accommodations", list(ACCOMMODATIONS)),
                ("interpreter_language", null(string())),
                ("named_staff", array(uuid())),
            ]),
        ),
        (
            "Triage",
            object(&[
                ("category", string()),
                ("rights", array(string())),
                ("framework_items", array(string())),
                ("urgency", one_of(URGENCIES)),
                ("sensitive", boolean()),
            ]),
        ),
        (
            "Finding",
            object(&[
                ("at", time()),
                ("by", r("Actor")),
                ("rights", array(string())),
                ("framework_items", array(string())),
                ("substantiated", boolean()),
            ]),
        ),
        (
            "Decision",
            object(&[
                ("at", time()),
                ("by", r("Actor")),
                ("outcome", one_of(&outcomes)),
            ]),
        ),
        (
            "CorrectiveAction",
            object(&[
                ("id", integer()),
                ("owner", uuid()),
                ("due", date()),
                ("framework_item", null(string())),
                (
                    "status",
                    one_of(&["open", "completed", "verified", "waived"]),
                ),
                ("opened_at", time()),
                ("settled_at", null(time())),
                ("overdue", boolean()),
                (
                    "allowed_actions",
                    described(
                        list(&slugs),
                        "What the signed-in person may do to this action now.",
                    ),
                ),
            ]),
        ),
        (
            "Appeal",
            object(&[
                ("filed_at", time()),
                ("reviewer", null(uuid())),
                ("decided_at", null(time())),
                ("outcome", null(one_of(APPEAL_OUTCOMES))),
            ]),
        ),
        (
            "CaseEvent",
            object(&[
                ("position", described(integer(), "Position in the ledger.")),
                (
                    "seq",
                    described(integer(), "Position in the case's stream."),
                ),
                ("id", uuid()),
                ("at", time()),
                ("kind", string()),
                ("actor", r("Actor")),
                (
                    "data",
                    json!({ "type": "object", "description": "The payload's clear fields (sealed fields removed)." }),
                ),
                (
                    "sealed_fields",
                    described(
                        array(string()),
                        "Sealed fields of the payload: POST /cases/{id}/open reads them.",
                    ),
                ),
                (
                    "verification",
                    described(
                        object(&[("signature", boolean()), ("chain", boolean())]),
                        "Signed by the key registered for its author; linked to the previous event of the case.",
                    ),
                ),
            ]),
        ),
        (
            "Case",
            object(&[
                ("id", uuid()),
                ("status", one_of(STATUSES)),
                ("filed_at", null(time())),
                ("filed_by", null(r("Actor"))),
                ("filing", null(r("Filing"))),
                ("acknowledged_at", null(time())),
                ("triage", null(r("Triage"))),
                ("reviewer", null(uuid())),
                ("recused", array(uuid())),
                ("findings", array(r("Finding"))),
                ("decision", null(r("Decision"))),
                ("corrective_actions", array(r("CorrectiveAction"))),
                ("appeal", null(r("Appeal"))),
                ("appeals", integer()),
                ("paused_since", null(time())),
                ("closed_at", null(time())),
                ("withdrawn_at", null(time())),
                ("reopened", integer()),
                (
                    "satisfaction",
                    null(object(&[
                        ("at", time()),
                        ("explained", boolean()),
                        ("fair", boolean()),
                        (
                            "rating",
                            json!({ "type": "integer", "minimum": 1, "maximum": 5 }),
                        ),
                    ])),
                ),
                ("erasure_requested_at", null(time())),
                (
                    "erased",
                    null(object(&[
                        ("at", time()),
                        ("reason", one_of(&["client_request", "retention"])),
                    ])),
                ),
                ("clocks", r("ClockStatus")),
                ("timeline", array(r("CaseEvent"))),
                (
                    "verified",
                    described(
                        boolean(),
                        "Every event's signature and chain link checked out.",
                    ),
                ),
                (
                    "can_open",
                    described(boolean(), "The signed-in person may open the sealed data."),
                ),
                (
                    "allowed_actions",
                    described(
                        list(&slugs),
                        "Commands the signed-in person may give now (POST /cases/{id}/actions/<slug>), as the rules decide.",
                    ),
                ),
                ("assignable_reviewers", array(uuid())),
                ("appeal_reviewers", array(uuid())),
            ]),
        ),
        (
            "OpenedFile",
            object(&[
                ("case", uuid()),
                ("purpose", one_of(PURPOSES)),
                (
                    "contact",
                    null(object(&[
                        ("name", null(string())),
                        ("email", null(string())),
                        ("phone", null(string())),
                    ])),
                ),
                (
                    "fields",
                    array(object(&[
                        ("position", integer()),
                        ("kind", string()),
                        ("field", string()),
                        (
                            "text",
                            described(null(string()), "Null once the personal data is erased."),
                        ),
                    ])),
                ),
            ]),
        ),
        (
            "ActionResult",
            object(&[
                ("case", uuid()),
                ("action", one_of(&slugs)),
                ("event", string()),
                (
                    "status",
                    described(one_of(STATUSES), "The case's status after the command."),
                ),
                (
                    "positions",
                    described(array(integer()), "Ledger positions of the recorded events."),
                ),
                (
                    "corrective_action",
                    described(
                        null(integer()),
                        "The number of the corrective action opened (action-open).",
                    ),
                ),
            ]),
        ),
        (
            "AccessLog",
            object(&[
                ("case", uuid()),
                ("views", array(view_row())),
                (
                    "refused",
                    described(
                        array(view_row()),
                        "Refused attempts at opening the file of a case triaged as sensitive (`file.view_refused`).",
                    ),
                ),
            ]),
        ),
        ("Metrics", metrics),
        (
            "Dashboard",
            object(&[
                (
                    "query",
                    object(&[
                        ("granularity", one_of(GRANULARITIES)),
                        ("from", date()),
                        ("to", date()),
                    ]),
                ),
                ("generated_at", time()),
                (
                    "periods",
                    array(object(&[
                        (
                            "period",
                            described(
                                string(),
                                "2026-03 (month), 2026-Q1 (quarter) or 2026 (year).",
                            ),
                        ),
                        ("metrics", r("Metrics")),
                    ])),
                ),
                ("total", r("Metrics")),
                (
                    "breakdowns",
                    json!({ "type": "object", "additionalProperties": false, "properties": dimensions }),
                ),
            ]),
        ),
    ];
    entries
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
}

fn error_response(status: u16) -> (&'static str, &'static str) {
    match status {
        400 => ("BadRequest", "Bad input: the message names the field."),
        401 => (
            "Unauthorized",
            "Not signed in (or, signing in, a wrong name or password).",
        ),
        403 => (
            "Forbidden",
            "Not allowed: the role, a conflict of interest, the rules, or a missing or wrong CSRF token (code `csrf`).",
        ),
        404 => (
            "NotFound",
            "No such case, or no complaint has this receipt code.",
        ),
        409 => (
            "Conflict",
            "The case is not in a state for this, or changed at the same time.",
        ),
        413 => ("TooLarge", "The body is larger than 256 KiB."),
        429 => (
            "TooMany",
            "Too many attempts (filings or look-ups from this address, or failed sign-ins from this address or for this account): the `Retry-After` header gives the seconds to wait, and the message says it in words.",
        ),
        _ => (
            "Internal",
            "Something failed on the server; nothing was recorded.",
        ),
    }
}

fn security(auth: Auth) -> Value {
    match auth {
        Auth::Public => json!([]),
        Auth::Session => json!([{ "session": [] }]),
        Auth::SessionCsrf => json!([{ "session": [], "csrf": [] }]),
        Auth::PublicOrStaff => json!([{}, { "session": [], "csrf": [] }]),
    }
}

fn query_parameter(f: &Field) -> Value {
    let mut schema = field_schema(&Field {
        required: true,
        ..*f
    });
    let about = schema
        .as_object_mut()
        .and_then(|o| {
            // Optional in a query: blank means not given.
            o.remove("minLength");
            if o.get("pattern").and_then(Value::as_str) == Some(super::fields::NON_BLANK) {
                o.remove("pattern");
            }
            o.remove("description")
        })
        .unwrap_or_default();
    let mut p = json!({
        "name": f.name, "in": "query", "required": false,
        "description": about, "schema": schema,
    });
    if schema_is_array(&p["schema"]) {
        p["style"] = json!("form");
        p["explode"] = json!(true);
    }
    p
}

fn schema_is_array(s: &Value) -> bool {
    s.get("type").and_then(Value::as_str) == Some("array")
}

fn operation(route: &Route, schemas: &mut Map<String, Value>) -> Value {
    let mut parameters = Vec::new();
    if route.path.contains("{id}") {
        parameters.push(json!({
            "name": "id", "in": "path", "required": true,
            "description": "The case's id.",
            "schema": { "type": "string", "format": "uuid" },
        }));
    }
    parameters.extend(route.query.iter().map(query_parameter));
    parameters.push(json!({ "$ref": "#/components/parameters/lang" }));
    let mut responses = Map::new();
    let mut ok = json!({ "description": route.ok.about });
    if let Some(schema) = route.ok.schema {
        ok["content"] = json!({ "application/json": { "schema": r(schema) } });
    }
    if matches!(route.op, super::Op::SessionStart | super::Op::SessionEnd) {
        ok["headers"] = json!({ "Set-Cookie": {
            "description": format!("The `{SESSION_COOKIE}` session cookie (HttpOnly, SameSite=Strict), set or cleared."),
            "schema": { "type": "string" },
        }});
    }
    responses.insert(route.ok.status.to_string(), ok);
    for status in route.errors {
        let (name, _) = error_response(*status);
        responses.insert(
            status.to_string(),
            json!({ "$ref": format!("#/components/responses/{name}") }),
        );
    }
    let mut op = json!({
        "operationId": route.operation_id,
        "summary": route.summary,
        "description": route.description,
        "tags": [route.tag],
        "parameters": parameters,
        "responses": responses,
        "security": security(route.auth),
    });
    if !route.roles.is_empty() {
        op["x-recourse-roles"] = json!(route.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>());
    }
    if let Some(fields) = route.body {
        let name = format!("{}Request", camel_id(&route.operation_id));
        schemas.insert(name.clone(), object_schema(fields));
        op["requestBody"] = json!({
            "required": fields.iter().any(|f| f.required),
            "content": { "application/json": { "schema": r(&name) } },
        });
    }
    op
}

fn camel_id(operation_id: &str) -> String {
    camel(operation_id)
}

fn build() -> Value {
    let mut schemas = schemas();
    let mut paths = Map::new();
    for route in routes() {
        let op = operation(route, &mut schemas);
        let item = paths.entry(route.path.clone()).or_insert_with(|| json!({}));
        item[route.method.as_str().to_ascii_lowercase()] = op;
    }
    let mut responses = Map::new();
    for status in [400, 401, 403, 404, 409, 413, 429, 500] {
        let (name, about) = error_response(status);
        let mut response = json!({
            "description": about,
            "content": { "application/json": { "schema": r("Error") } },
        });
        if status == 429 {
            response["headers"] = json!({ "Retry-After": {
                "description": "Seconds until the attempt may be made again.",
                "schema": { "type": "integer", "minimum": 1 },
            }});
        }
        responses.insert(name.to_string(), response);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Recourse API",
            "version": "1",
            "summary": "An event-sourced complaints ledger for organizations serving immigrants and refugees.",
            "description": "Clients file complaints and follow them with their receipt code (always in the JSON body, never in a URL); staff sign in (POST /session) for a session cookie and send the answered CSRF token in the X-CSRF-Token header with every call that changes something. Every command is decided by the ledger's rules and recorded as a signed event; personal data is sealed and opened only through a recorded view. Errors are JSON: {\"error\": {\"code\", \"message\"}}. Messages follow the `lang` query parameter or Accept-Language.",
            "license": { "name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later" },
        },
        "servers": [{ "url": "/api/v1" }],
        "tags": [
            { "name": "meta", "description": "This document." },
            { "name": "clients", "description": "Filing and following a complaint, without an account." },
            { "name": "session", "description": "Staff sign-in." },
            { "name": "staff", "description": "The staff directory." },
            { "name": "cases", "description": "The queue and cases, for the committee and auditors." },
            { "name": "case actions", "description": "Commands on a case, as the signed-in staff member." },
            { "name": "board", "description": "The board's dashboard: figures, never personal data." },
        ],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": responses,
            "parameters": {
                "lang": {
                    "name": "lang", "in": "query", "required": false,
                    "description": "Language of the messages (en, fr, ar, fa, es, uk, as offered); default: Accept-Language.",
                    "schema": { "type": "string", "maxLength": super::fields::LANG_MAX },
                },
            },
            "securitySchemes": {
                "session": {
                    "type": "apiKey", "in": "cookie", "name": SESSION_COOKIE,
                    "description": "The session cookie set by POST /session.",
                },
                "csrf": {
                    "type": "apiKey", "in": "header", "name": "X-CSRF-Token",
                    "description": "The session's CSRF token, as answered by POST /session or GET /session.",
                },
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `$ref` in `v` names something the document defines.
    fn refs(v: &Value, doc: &Value) {
        match v {
            Value::Object(o) => {
                if let Some(Value::String(target)) = o.get("$ref") {
                    let pointer = target.trim_start_matches('#');
                    assert!(doc.pointer(pointer).is_some(), "dangling {target}");
                }
                o.values().for_each(|x| refs(x, doc));
            }
            Value::Array(a) => a.iter().for_each(|x| refs(x, doc)),
            _ => {}
        }
    }

    #[test]
    fn the_document_is_whole() {
        let doc = document();
        assert_eq!(doc["openapi"], "3.1.0");
        refs(doc, doc);
        let ops: usize = doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .map(|p| p.as_object().unwrap().len())
            .sum();
        assert_eq!(ops, routes().len());
    }
}
