//! Reading an action's fields from either door, checked against its [`ActionSpec`]: a form's
//! decoded pairs (the case page) or a JSON object (the API). The two differ only in how a value
//! arrives (every form value is text, a checkbox is present or absent; JSON has booleans and
//! numbers) and in a few names (see [`FieldSpec::form`]); what a value must be is the table's,
//! once. Every field is read and every refusal collected, so a person sees all that is wrong at
//! once.

use jiff::civil::Date;
use recourse_events::ids::{ActionId, StaffId};
use recourse_projections::message::Message;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::table::{ActionSpec, FieldSpec, Kind};
use crate::service::ServiceError;
use crate::service::validation::{Invalid, Refusals, at_most, chars};

/// Where the values come from.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    /// A form's decoded pairs, in order (several values for a name: checkboxes).
    Form(&'a [(String, String)]),
    /// A JSON object.
    Json(&'a Map<String, Value>),
}

/// One value as given, before it is read as its kind.
enum Raw {
    Text(String),
    Bool(bool),
    Number(i64),
    List(Vec<String>),
    /// Of a type the field cannot hold.
    Wrong,
}

impl Source<'_> {
    /// The field's value, `None` when absent, `null` or blank.
    fn raw(&self, field: &FieldSpec) -> Option<Raw> {
        match self {
            Source::Form(pairs) => {
                let mut values = pairs
                    .iter()
                    .filter(|(k, _)| k == field.form)
                    .map(|(_, v)| v.trim())
                    .filter(|v| !v.is_empty());
                match field.kind {
                    Kind::List { .. } => Some(Raw::List(values.map(String::from).collect())),
                    // A checkbox or radio: absent is no.
                    Kind::Flag => Some(Raw::Bool(
                        values
                            .next()
                            .is_some_and(|v| matches!(v, "yes" | "true" | "on" | "1")),
                    )),
                    _ => values.next().map(|v| Raw::Text(v.to_string())),
                }
            }
            Source::Json(map) => match map.get(field.name)? {
                Value::Null => None,
                Value::String(s) if s.trim().is_empty() => None,
                Value::String(s) => Some(Raw::Text(s.trim().to_string())),
                Value::Bool(b) => Some(Raw::Bool(*b)),
                Value::Number(n) => Some(n.as_i64().map_or(Raw::Wrong, Raw::Number)),
                Value::Array(a) => a
                    .iter()
                    .map(|v| v.as_str().map(|s| s.trim().to_string()))
                    .collect::<Option<Vec<_>>>()
                    .map(|v| Raw::List(v.into_iter().filter(|s| !s.is_empty()).collect()))
                    .or(Some(Raw::Wrong)),
                Value::Object(_) => Some(Raw::Wrong),
            },
        }
    }
}

/// The refusal of `field` as not of its kind.
fn not_its_kind(field: &FieldSpec) -> Invalid {
    let id = match field.kind {
        Kind::Choice(_) | Kind::Flag => "invalid-choice",
        Kind::Staff => "invalid-staff",
        Kind::Date => "invalid-date",
        Kind::ActionNumber => "invalid-action-number",
        Kind::Text(_) | Kind::Short(_) | Kind::List { .. } => "invalid-required",
    };
    Invalid::new(field.name, Message::new(id))
}

/// An action's fields being read: what was refused so far.
pub struct Fields<'a> {
    source: Source<'a>,
    spec: &'static ActionSpec,
    refusals: Refusals,
}

impl<'a> Fields<'a> {
    /// Reads `spec`'s fields from `source`.
    pub fn new(spec: &'static ActionSpec, source: Source<'a>) -> Fields<'a> {
        Fields {
            source,
            spec,
            refusals: Refusals::default(),
        }
    }

    /// The field called `name`, as the table declares it.
    fn spec(&self, name: &str) -> Option<&'static FieldSpec> {
        self.spec.field(name)
    }

    /// The value of `name` as text, checked present if required; `None` when absent or refused.
    fn given(&mut self, name: &str) -> Option<(&'static FieldSpec, String)> {
        let field = self.spec(name)?;
        match self.source.raw(field) {
            Some(Raw::Text(t)) => Some((field, t)),
            None if field.required => {
                self.refusals
                    .push(Invalid::new(field.name, Message::new("invalid-required")));
                None
            }
            None => None,
            Some(_) => {
                self.refusals.push(not_its_kind(field));
                None
            }
        }
    }

    /// Free text or a short value, within its limit.
    pub fn text(&mut self, name: &str) -> Option<String> {
        let (field, text) = self.given(name)?;
        let max = match field.kind {
            Kind::Text(max) | Kind::Short(max) => max,
            _ => usize::MAX,
        };
        match at_most(field.name, &text, max) {
            Ok(()) => Some(text),
            Err(e) => {
                self.refusals.push(e);
                None
            }
        }
    }

    /// One of the field's choices, as the enum it names.
    pub fn choice<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        let (field, text) = self.given(name)?;
        let offered = match field.kind {
            Kind::Choice(values) => values.contains(&text.as_str()),
            _ => true,
        };
        let value = serde_json::from_value(Value::String(text)).ok();
        if !offered || value.is_none() {
            self.refusals.push(not_its_kind(field));
            return None;
        }
        value
    }

    /// A staff member's id.
    pub fn staff(&mut self, name: &str) -> Option<StaffId> {
        let (field, text) = self.given(name)?;
        let id = text.parse().ok();
        if id.is_none() {
            self.refusals.push(not_its_kind(field));
        }
        id
    }

    /// A date.
    pub fn date(&mut self, name: &str) -> Option<Date> {
        let (field, text) = self.given(name)?;
        let date = text.parse().ok();
        if date.is_none() {
            self.refusals.push(not_its_kind(field));
        }
        date
    }

    /// Yes or no (`false` when absent).
    pub fn flag(&mut self, name: &str) -> bool {
        let Some(field) = self.spec(name) else {
            return false;
        };
        match self.source.raw(field) {
            Some(Raw::Bool(b)) => b,
            None if field.required => {
                self.refusals
                    .push(Invalid::new(field.name, Message::new("invalid-required")));
                false
            }
            None => false,
            Some(_) => {
                self.refusals.push(not_its_kind(field));
                false
            }
        }
    }

    /// A corrective action's number.
    pub fn action(&mut self, name: &str) -> Option<ActionId> {
        let field = self.spec(name)?;
        let number = match self.source.raw(field) {
            Some(Raw::Number(n)) => Some(n),
            Some(Raw::Text(t)) => t.parse().ok(),
            None => None,
            Some(_) => None,
        };
        let id = number
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| *n >= 1)
            .map(ActionId);
        if id.is_none() {
            self.refusals.push(not_its_kind(field));
        }
        id
    }

    /// A list of reference ids, within its limits.
    pub fn list(&mut self, name: &str) -> Vec<String> {
        let Some(field) = self.spec(name) else {
            return vec![];
        };
        let (items, max) = match field.kind {
            Kind::List { items, max } => (items, max),
            _ => (usize::MAX, usize::MAX),
        };
        let values = match self.source.raw(field) {
            Some(Raw::List(v)) => v,
            None => vec![],
            Some(_) => {
                self.refusals.push(not_its_kind(field));
                return vec![];
            }
        };
        if values.len() > items {
            self.refusals.push(Invalid::new(
                field.name,
                Message::new("invalid-too-many").count("limit", items),
            ));
            return vec![];
        }
        if let Some(long) = values.iter().find(|v| chars(v) > max) {
            self.refusals.check(at_most(field.name, long, max));
            return vec![];
        }
        values
    }

    /// A list of staff ids, within its limits.
    pub fn staff_list(&mut self, name: &str) -> Vec<StaffId> {
        let values = self.list(name);
        let ids: Vec<StaffId> = values.iter().filter_map(|v| v.parse().ok()).collect();
        if ids.len() != values.len()
            && let Some(field) = self.spec(name)
        {
            self.refusals.push(not_its_kind(field));
        }
        ids
    }

    /// `built` if nothing was refused; else every refusal.
    pub fn finish<T>(self, built: Option<T>) -> Result<T, ServiceError> {
        let slug = self.spec.slug;
        self.refusals.finish()?;
        // A value is missing only where a refusal was recorded, so this holds.
        built.ok_or_else(|| ServiceError::Input(format!("{slug}: incomplete")))
    }
}
