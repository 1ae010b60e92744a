//! The OpenAPI 3.1 document of the API, generated from the route table ([`super::routes`]):
//! paths, methods, security, parameters and request bodies come from the same declarations
//! the server routes and checks by; the response schemas below describe the handlers'
//! answers (the integration tests check real answers against them).

//! The OpenAPI 3.1 document of the API, generated from the route table ([`super::routes`]) and
//! from the response types.
//!
//! Paths, methods, security, parameters and request bodies come from the same declarations the
//! server routes and checks by ([`super::fields`]). Each route names the type it answers
//! ([`super::Success::schema`]), and the response schemas are derived from those types
//! (`schemars::JsonSchema`, in the JSON Schema 2020-12 dialect OpenAPI 3.1 uses), so a field
//! added to an answer is documented by adding it. The schemas describe what the server sends:
//! every property is present (an absent value is `null`) unless the type skips it, and objects
//! are closed (`additionalProperties: false`), so a client may rely on both. The integration
//! tests check the document against the OpenAPI 3.1 meta-schema and real answers against it.
//!
//! A few fields hold names as `&'static str` (a status, an action's slug); their types point
//! the schema at the enum or the table those names come from (`#[schemars(with = ...)]`, or
//! one of the `schema_with` functions here).

use std::sync::LazyLock;

use recourse_projections::actor::Actor;
use schemars::generate::{SchemaGenerator, SchemaSettings};
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, json_schema};
use serde_json::{Map, Value, json};

use super::fields::{Field, field_schema, object_schema};
use super::responses::ErrorBody;
use super::{ACTIONS, Auth, OUTCOMES, Route, camel, routes};
use crate::web::session::SESSION_COOKIE;

static DOCUMENT: LazyLock<Value> = LazyLock::new(build);

/// The document.
pub fn document() -> &'static Value {
    &DOCUMENT
}

/// Where the document keeps its schemas.
const SCHEMAS: &str = "/components/schemas";

/// A response type's schema: a `$ref` into the document's components, which the generator
/// fills with the type's definition and those it uses.
pub fn schema_of<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

/// The generator of the response schemas: JSON Schema 2020-12 (OpenAPI 3.1's dialect), the
/// definitions under `#/components/schemas`, what is serialized (not what would be accepted),
/// and closed objects.
pub fn generator() -> SchemaGenerator {
    SchemaSettings::draft2020_12()
        .with(|s| {
            s.definitions_path = SCHEMAS.into();
            s.meta_schema = None;
        })
        .for_serialize()
        .with_transform(Closed)
        .into_generator()
}

/// Closes every object schema that lists its properties: an answer holds what its type names
/// and nothing else (as the hand-written schemas said before the types did).
#[derive(Debug, Clone)]
struct Closed;

impl Transform for Closed {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(o) = schema.as_object_mut()
            && o.contains_key("properties")
            && !o.contains_key("additionalProperties")
            && !o.contains_key("unevaluatedProperties")
        {
            o.insert("additionalProperties".into(), Value::Bool(false));
        }
        transform_subschemas(self, schema);
    }
}

fn r(name: &str) -> Value {
    json!({ "$ref": format!("#{SCHEMAS}/{name}") })
}

/// The slug of a staff command, one of [`ACTIONS`].
pub fn action_slug(_: &mut SchemaGenerator) -> Schema {
    let slugs: Vec<&str> = ACTIONS.iter().map(|a| a.slug).collect();
    json_schema!({ "type": "string", "enum": slugs })
}

/// A list of slugs of staff commands.
pub fn action_slugs(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "array", "items": action_slug(generator) })
}

/// The outcomes staff may issue ([`OUTCOMES`]: every outcome but `withdrawn`, the client's).
pub fn issued_outcomes(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "array", "items": { "type": "string", "enum": OUTCOMES } })
}

/// The kind of an event's author ([`Actor::KINDS`]).
pub fn actor_kind(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "enum": Actor::KINDS })
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

fn operation(
    route: &Route,
    generator: &mut SchemaGenerator,
    schemas: &mut Map<String, Value>,
) -> Value {
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
        ok["content"] = json!({ "application/json": { "schema": schema(generator) } });
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
    let mut generator = generator();
    let mut requests = Map::new();
    let mut paths = Map::new();
    for route in routes() {
        let op = operation(route, &mut generator, &mut requests);
        let item = paths.entry(route.path.clone()).or_insert_with(|| json!({}));
        item[route.method.as_str().to_ascii_lowercase()] = op;
    }
    let error = schema_of::<ErrorBody>(&mut generator);
    let mut responses = Map::new();
    for status in [400, 401, 403, 404, 409, 413, 429, 500] {
        let (name, about) = error_response(status);
        let mut response = json!({
            "description": about,
            "content": { "application/json": { "schema": error } },
        });
        if status == 429 {
            response["headers"] = json!({ "Retry-After": {
                "description": "Seconds until the attempt may be made again.",
                "schema": { "type": "integer", "minimum": 1 },
            }});
        }
        responses.insert(name.to_string(), response);
    }
    let mut schemas = generator.take_definitions(true);
    schemas.extend(requests);
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
