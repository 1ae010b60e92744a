//! Request bodies and query parameters of the API, declared once: the same tables check what
//! arrives (unknown, missing, mistyped or too long fields get a 400 naming the field) and
//! describe it in the OpenAPI document, so the two cannot drift apart.

use crate::service::Message;
use crate::service::validation::{self, Invalid};
use jiff::civil::Date;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use uuid::Uuid;
use warp::http::header;

use crate::web::error::WebError;
use crate::web::http::{Form, Request};

/// Longest `lang` query parameter (a BCP 47 tag).
pub const LANG_MAX: usize = 35;

/// The type and limits of one field.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// Free text, trimmed, at most this many characters.
    Text(usize),
    /// A short value (an id, a code, a name), trimmed, at most this many characters.
    Str(usize),
    /// A secret, untouched (not trimmed), at most this many characters.
    Secret(usize),
    /// `true` or `false`.
    Bool,
    /// One of these values.
    OneOf(&'static [&'static str]),
    /// A UUID (a staff member or a case).
    Uuid,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// An integer in this range (inclusive).
    Int(i64, i64),
    /// A list of short strings: at most `items`, each at most `max` characters.
    Strings {
        /// Most items.
        items: usize,
        /// Longest item.
        max: usize,
    },
    /// A list of distinct values, each one of these.
    OneOfList(&'static [&'static str]),
    /// A list of UUIDs, at most this many.
    Uuids(usize),
}

/// One field of a JSON body, or one query parameter.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Its name.
    pub name: &'static str,
    /// Its type.
    pub ty: Ty,
    /// Must be given (and, for text, not blank).
    pub required: bool,
    /// What it means.
    pub about: &'static str,
    /// The JSON Schema `pattern` its text follows, as documented (the handler that reads the
    /// field checks it: a receipt code, a category id).
    pub pattern: Option<&'static str>,
}

/// A required field.
pub const fn req(name: &'static str, ty: Ty, about: &'static str) -> Field {
    Field {
        name,
        ty,
        required: true,
        about,
        pattern: None,
    }
}

/// An optional field (absent, `null` and blank text all mean "not given").
pub const fn opt(name: &'static str, ty: Ty, about: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        about,
        pattern: None,
    }
}

impl Field {
    /// The field, documented as following `pattern` (an ECMA-262 regular expression).
    pub const fn matching(self, pattern: &'static str) -> Field {
        Field {
            pattern: Some(pattern),
            ..self
        }
    }
}

/// The schema pattern of required text: at least one character that is not white space, as
/// Rust's `str::trim` counts it (spelled out, since regular expression engines disagree on
/// `\s`): white space alone is blank, and blank required text is refused.
pub const NON_BLANK: &str = "[^\\u0009-\\u000d\\u0020\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";

fn bad(field: &str, why: impl std::fmt::Display) -> WebError {
    WebError::BadRequest(format!("{field}: {why}"))
}

fn list(values: &[&str]) -> String {
    values.join(", ")
}

/// Checks one value against its field; `Ok(None)` when it counts as absent.
fn check(f: &Field, v: &Value) -> Result<Option<Value>, WebError> {
    if v.is_null() {
        return Ok(None);
    }
    let name = f.name;
    let string = |v: &Value| -> Result<String, WebError> {
        v.as_str()
            .map(String::from)
            .ok_or_else(|| bad(name, "must be a string"))
    };
    // The same check and message id as the pages and the service (counted in characters).
    let within = |s: &str, max: usize| -> Result<(), WebError> {
        validation::at_most(name, s, max).map_err(|e| WebError::Invalid(vec![e]))
    };
    let checked = match f.ty {
        Ty::Text(max) | Ty::Str(max) => {
            let s = string(v)?;
            // Counted as sent, as the schema's `maxLength` counts.
            within(&s, max)?;
            let t = s.trim();
            if t.is_empty() {
                return Ok(None);
            }
            Value::String(t.to_string())
        }
        Ty::Secret(max) => {
            let s = string(v)?;
            within(&s, max)?;
            if s.is_empty() {
                return Ok(None);
            }
            Value::String(s)
        }
        Ty::Bool => Value::Bool(
            v.as_bool()
                .ok_or_else(|| bad(name, "must be true or false"))?,
        ),
        Ty::OneOf(values) => {
            let s = string(v)?;
            if !values.contains(&s.as_str()) {
                return Err(bad(name, format!("must be one of: {}", list(values))));
            }
            Value::String(s)
        }
        Ty::Uuid => {
            let s = string(v)?;
            Uuid::try_parse(s.trim()).map_err(|_| bad(name, "must be an id (a UUID)"))?;
            Value::String(s.trim().to_string())
        }
        Ty::Date => {
            let s = string(v)?;
            s.trim()
                .parse::<Date>()
                .map_err(|_| bad(name, "must be a date such as 2026-12-31"))?;
            Value::String(s.trim().to_string())
        }
        Ty::Int(min, max) => {
            let n = v
                .as_i64()
                .filter(|n| (min..=max).contains(n))
                .ok_or_else(|| bad(name, format!("must be a whole number from {min} to {max}")))?;
            Value::from(n)
        }
        Ty::Strings { items, max } => {
            let a = v
                .as_array()
                .ok_or_else(|| bad(name, "must be a list of strings"))?;
            if a.len() > items {
                return Err(bad(name, format!("at most {items} items")));
            }
            let mut out = Vec::with_capacity(a.len());
            for item in a {
                let s = item
                    .as_str()
                    .ok_or_else(|| bad(name, "must be a list of strings"))?
                    .trim();
                within(s, max)?;
                if !s.is_empty() {
                    out.push(Value::String(s.to_string()));
                }
            }
            Value::Array(out)
        }
        Ty::OneOfList(values) => {
            let a = v.as_array().ok_or_else(|| bad(name, "must be a list"))?;
            let mut out: Vec<Value> = Vec::with_capacity(a.len());
            for item in a {
                let s = item.as_str().unwrap_or_default();
                if !values.contains(&s) {
                    return Err(bad(
                        name,
                        format!("each item must be one of: {}", list(values)),
                    ));
                }
                if out.iter().any(|o| o.as_str() == Some(s)) {
                    return Err(bad(name, format!("{s} is repeated")));
                }
                out.push(Value::String(s.to_string()));
            }
            Value::Array(out)
        }
        Ty::Uuids(items) => {
            let a = v
                .as_array()
                .ok_or_else(|| bad(name, "must be a list of ids"))?;
            if a.len() > items {
                return Err(bad(name, format!("at most {items} items")));
            }
            for item in a {
                item.as_str()
                    .and_then(|s| Uuid::try_parse(s.trim()).ok())
                    .ok_or_else(|| bad(name, "must be a list of ids (UUIDs)"))?;
            }
            v.clone()
        }
    };
    Ok(Some(checked))
}

fn check_all(fields: &[Field], mut given: Map<String, Value>) -> Result<Input, WebError> {
    if let Some(unknown) = given
        .keys()
        .find(|k| !fields.iter().any(|f| f.name == k.as_str()))
    {
        let expected = fields.iter().map(|f| f.name).collect::<Vec<_>>();
        return Err(bad(
            unknown,
            if expected.is_empty() {
                "unknown field (this call takes no fields)".to_string()
            } else {
                format!("unknown field; expected: {}", list(&expected))
            },
        ));
    }
    let mut out = Map::new();
    for f in fields {
        let value = match given.remove(f.name) {
            Some(v) => check(f, &v)?,
            None => None,
        };
        match value {
            Some(v) => {
                out.insert(f.name.to_string(), v);
            }
            None if f.required => {
                return Err(WebError::Invalid(vec![Invalid::new(
                    f.name,
                    Message::new("invalid-required"),
                )]));
            }
            None => {}
        }
    }
    Ok(Input(out))
}

/// Reads a JSON body against `fields`. An empty body is an empty object; anything else must be
/// a JSON object sent as `application/json`.
pub fn body(req: &Request, fields: &[Field]) -> Result<Input, WebError> {
    if req.body.iter().all(u8::is_ascii_whitespace) {
        return check_all(fields, Map::new());
    }
    let json = req.header(header::CONTENT_TYPE).is_some_and(|c| {
        c.trim()
            .to_ascii_lowercase()
            .starts_with("application/json")
    });
    if !json {
        return Err(bad("body", "send JSON with Content-Type: application/json"));
    }
    let value: Value = serde_json::from_slice(&req.body)
        .map_err(|e| bad("body", format!("not valid JSON ({e})")))?;
    match value {
        Value::Object(map) => check_all(fields, map),
        _ => Err(bad("body", "must be a JSON object")),
    }
}

/// Reads query parameters against `fields` (`lang`, which picks the language of messages, is
/// accepted everywhere). Lists repeat the parameter: `status=filed&status=acknowledged`.
pub fn query(form: &Form, fields: &[Field]) -> Result<Input, WebError> {
    let mut given = Map::new();
    for (k, v) in form.pairs() {
        if k == "lang" {
            // Picks the language of messages (the router reads it); documented as at most
            // LANG_MAX characters, and so checked.
            if v.chars().count() > LANG_MAX {
                return Err(bad("lang", format!("at most {LANG_MAX} characters")));
            }
            continue;
        }
        let Some(f) = fields.iter().find(|f| f.name == k) else {
            let expected = fields.iter().map(|f| f.name).collect::<Vec<_>>();
            return Err(bad(
                k,
                format!(
                    "unknown query parameter; expected: {}",
                    if expected.is_empty() {
                        "none".to_string()
                    } else {
                        list(&expected)
                    }
                ),
            ));
        };
        let v = v.trim();
        let value = match f.ty {
            // Exactly the document's booleans: an empty value (`?overdue=`) or `1` is not one,
            // and a parameter left out is false.
            Ty::Bool => match v {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => return Err(bad(k, "must be true or false")),
            },
            Ty::Int(..) => v
                .parse::<i64>()
                .map(Value::from)
                .map_err(|_| bad(k, "must be a whole number"))?,
            Ty::Strings { .. } | Ty::OneOfList(_) | Ty::Uuids(_) => {
                let entry = given
                    .entry(k.clone())
                    .or_insert_with(|| Value::Array(vec![]));
                if let Value::Array(a) = entry
                    && !v.is_empty()
                {
                    a.push(Value::String(v.to_string()));
                }
                continue;
            }
            _ => Value::String(v.to_string()),
        };
        if given.insert(k.clone(), value).is_some() {
            return Err(bad(k, "given more than once"));
        }
    }
    check_all(fields, given)
}

/// Checked input: every value present has its field's type.
#[derive(Debug, Clone, Default)]
pub struct Input(Map<String, Value>);

impl Input {
    /// A text or short value, trimmed (`None` if not given).
    pub fn str(&self, name: &str) -> Option<&str> {
        self.0.get(name).and_then(Value::as_str)
    }

    /// A required text (checked present and not blank).
    pub fn text(&self, name: &str) -> Result<&str, WebError> {
        self.str(name).ok_or_else(|| bad(name, "required"))
    }

    /// A boolean (`false` if not given).
    pub fn bool(&self, name: &str) -> bool {
        self.0.get(name).and_then(Value::as_bool).unwrap_or(false)
    }

    /// A boolean, if given.
    pub fn opt_bool(&self, name: &str) -> Option<bool> {
        self.0.get(name).and_then(Value::as_bool)
    }

    /// A value of one of the field's names, as the enum it names (`None` if not given).
    pub fn choice<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>, WebError> {
        self.0
            .get(name)
            .map(|v| {
                serde_json::from_value(v.clone()).map_err(|_| bad(name, "not one of the options"))
            })
            .transpose()
    }

    /// A required choice.
    pub fn required<T: DeserializeOwned>(&self, name: &str) -> Result<T, WebError> {
        self.choice(name)?.ok_or_else(|| bad(name, "required"))
    }

    /// A UUID-like id (`None` if not given).
    pub fn id<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, WebError> {
        self.str(name)
            .map(|s| s.parse().map_err(|_| bad(name, "must be an id (a UUID)")))
            .transpose()
    }

    /// A date (`None` if not given).
    pub fn date(&self, name: &str) -> Option<Date> {
        self.str(name).and_then(|s| s.parse().ok())
    }

    /// An integer (`None` if not given).
    pub fn int(&self, name: &str) -> Option<i64> {
        self.0.get(name).and_then(Value::as_i64)
    }

    /// A list of strings (empty if not given).
    pub fn strings(&self, name: &str) -> Vec<String> {
        self.0
            .get(name)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(|s| s.trim().to_string()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A list of choices, as the enum they name.
    pub fn choices<T: DeserializeOwned>(&self, name: &str) -> Result<Vec<T>, WebError> {
        self.strings(name)
            .into_iter()
            .map(|s| {
                serde_json::from_value(Value::String(s)).map_err(|_| bad(name, "not an option"))
            })
            .collect()
    }

    /// A list of ids.
    pub fn ids<T: std::str::FromStr>(&self, name: &str) -> Result<Vec<T>, WebError> {
        self.strings(name)
            .into_iter()
            .map(|s| s.parse().map_err(|_| bad(name, "must be a list of ids")))
            .collect()
    }
}

/// The JSON Schema of one field.
pub fn field_schema(f: &Field) -> Value {
    let mut s = match f.ty {
        Ty::Text(max) | Ty::Str(max) | Ty::Secret(max) => {
            json!({ "type": "string", "maxLength": max })
        }
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::OneOf(values) => json!({ "type": "string", "enum": values }),
        Ty::Uuid => json!({ "type": "string", "format": "uuid" }),
        Ty::Date => json!({ "type": "string", "format": "date" }),
        Ty::Int(min, max) => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Ty::Strings { items, max } => json!({
            "type": "array", "maxItems": items, "items": { "type": "string", "maxLength": max }
        }),
        Ty::OneOfList(values) => json!({
            "type": "array", "uniqueItems": true, "maxItems": values.len(),
            "items": { "type": "string", "enum": values }
        }),
        Ty::Uuids(items) => json!({
            "type": "array", "maxItems": items, "items": { "type": "string", "format": "uuid" }
        }),
    };
    if f.required && matches!(f.ty, Ty::Text(_) | Ty::Str(_) | Ty::Secret(_)) {
        s["minLength"] = json!(1);
    }
    if f.required && matches!(f.ty, Ty::Text(_) | Ty::Str(_)) {
        s["pattern"] = json!(NON_BLANK);
    }
    if let Some(p) = f.pattern {
        s["pattern"] = json!(p);
    }
    if !f.required {
        // Optional fields may also be sent as null.
        let t = s["type"].clone();
        s["type"] = json!([t, "null"]);
        if let Some(values) = s.get_mut("enum").and_then(Value::as_array_mut) {
            values.push(Value::Null);
        }
    }
    s["description"] = json!(f.about);
    s
}

/// The JSON Schema of a body made of `fields`.
pub fn object_schema(fields: &[Field]) -> Value {
    let properties: Map<String, Value> = fields
        .iter()
        .map(|f| (f.name.to_string(), field_schema(f)))
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    let mut s = json!({
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
    });
    if !required.is_empty() {
        s["required"] = json!(required);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[Field] = &[
        req("text", Ty::Text(5), "a text"),
        opt("flag", Ty::Bool, "a flag"),
        opt("kind", Ty::OneOf(&["a", "b"]), "a kind"),
        opt("n", Ty::Int(1, 5), "a number"),
        opt("tags", Ty::Strings { items: 2, max: 3 }, "tags"),
    ];

    fn parse(v: Value) -> Result<Input, String> {
        match v {
            Value::Object(m) => check_all(FIELDS, m).map_err(|e| e.to_string()),
            _ => unreachable!(),
        }
    }

    #[test]
    fn bodies_are_checked_field_by_field_and_errors_name_the_field() {
        let ok = parse(json!({"text": "  hi ", "flag": true, "kind": null, "n": 3})).unwrap();
        assert_eq!(ok.text("text").unwrap(), "hi");
        assert!(ok.bool("flag") && ok.str("kind").is_none() && ok.int("n") == Some(3));
        for (body, needle) in [
            (json!({}), "text: invalid-required"),
            (json!({"text": "   "}), "text: invalid-required"),
            (
                json!({"text": "toolong"}),
                "text: invalid-too-long limit=5 length=7",
            ),
            (json!({"text": "a", "flag": "yes"}), "flag: must be true"),
            (
                json!({"text": "a", "kind": "c"}),
                "kind: must be one of: a, b",
            ),
            (
                json!({"text": "a", "n": 9}),
                "n: must be a whole number from 1 to 5",
            ),
            (
                json!({"text": "a", "tags": ["a", "b", "c"]}),
                "tags: at most 2",
            ),
            (json!({"text": "a", "other": 1}), "other: unknown field"),
        ] {
            let e = parse(body.clone()).unwrap_err();
            assert!(e.starts_with(needle), "{body}: {e}");
        }
    }

    #[test]
    fn optional_fields_accept_null_in_the_schema() {
        let s = object_schema(FIELDS);
        assert_eq!(s["required"], json!(["text"]));
        assert_eq!(s["properties"]["flag"]["type"], json!(["boolean", "null"]));
        assert_eq!(s["properties"]["kind"]["enum"], json!(["a", "b", null]));
        assert_eq!(s["properties"]["text"]["minLength"], json!(1));
        // Blank required text is refused, and documented so.
        assert_eq!(s["properties"]["text"]["pattern"], json!(NON_BLANK));
        assert!(s["properties"]["kind"].get("pattern").is_none());
    }

    #[test]
    fn lengths_count_as_sent_and_lang_is_bounded() {
        // Six characters as sent, five once trimmed: over, as the schema's maxLength says.
        let e = parse(json!({"text": " abcde"})).unwrap_err();
        assert!(
            e.starts_with("text: invalid-too-long limit=5 length=6"),
            "{e}"
        );
        let long = Form::new(vec![("lang".into(), "a".repeat(LANG_MAX + 1))]);
        let e = query(&long, &[]).unwrap_err().to_string();
        assert!(e.starts_with("lang: at most 35"), "{e}");
        assert!(query(&Form::new(vec![("lang".into(), "fr".into())]), &[]).is_ok());
    }

    #[test]
    fn a_query_boolean_is_true_or_false_and_nothing_else() {
        const FLAG: &[Field] = &[opt("flag", Ty::Bool, "a flag")];
        let q = |v: &str| query(&Form::new(vec![("flag".into(), v.into())]), FLAG);
        assert!(q("true").unwrap().bool("flag"));
        assert!(!q("false").unwrap().bool("flag"));
        assert!(!query(&Form::default(), FLAG).unwrap().bool("flag"));
        for bad in ["", "1", "yes", "no", "TRUE", "0"] {
            let e = q(bad).unwrap_err().to_string();
            assert!(e.starts_with("flag: must be true or false"), "{bad:?}: {e}");
        }
    }
}
