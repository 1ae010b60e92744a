//! Staff actions on a case through the API, from the application's one table
//! ([`crate::service::case_action::ACTIONS`]): each action's route, body and OpenAPI entry are
//! derived from it, and its body is read into a [`CaseAction`] by the service's parser (the
//! same one the case page uses). The service seals the texts and the rules decide.

use std::sync::LazyLock;

use serde_json::{Map, Value};

use super::reader;
use super::views::ActionResult;
use crate::service::CaseAction;
pub use crate::service::case_action::{ACTIONS, ActionSpec};
use crate::service::case_action::{FieldSpec, Kind};
use crate::web::api::fields::{Field, Input, Ty, opt, req};
use crate::web::error::WebError;
use crate::web::http::Response;
use crate::web::router::Ctx;

/// The API's field for one of the table's.
fn api_field(f: &FieldSpec) -> Field {
    let ty = match f.kind {
        Kind::Text(max) => Ty::Text(max),
        Kind::Short(max) => Ty::Str(max),
        Kind::Choice(values) => Ty::OneOf(values),
        Kind::Staff => Ty::Uuid,
        Kind::Date => Ty::Date,
        Kind::Flag => Ty::Bool,
        Kind::List { items, max } => Ty::Strings { items, max },
        Kind::ActionNumber => Ty::Int(1, i64::from(u32::MAX)),
    };
    let field = if f.required {
        req(f.name, ty, f.about)
    } else {
        opt(f.name, ty, f.about)
    };
    match f.pattern {
        Some(p) => field.matching(p),
        None => field,
    }
}

/// Every action's body, in the table's order.
static BODIES: LazyLock<Vec<Vec<Field>>> = LazyLock::new(|| {
    ACTIONS
        .iter()
        .map(|a| a.fields.iter().map(api_field).collect())
        .collect()
});

/// The fields of `spec`'s body, as the API checks and documents them.
pub fn body_of(spec: &ActionSpec) -> &'static [Field] {
    ACTIONS
        .iter()
        .position(|a| a.slug == spec.slug)
        .and_then(|i| BODIES.get(i))
        .map_or(&[], Vec::as_slice)
}

/// The request's JSON object (its fields already checked against [`body_of`]).
fn json_body(ctx: &Ctx) -> Result<Map<String, Value>, WebError> {
    if ctx.req.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice(&ctx.req.body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(WebError::BadRequest("body: must be a JSON object".into())),
    }
}

/// A staff action on a case, as the signed-in person.
pub(in crate::web::api) async fn act(
    ctx: &Ctx<'_>,
    id: &str,
    spec: &'static ActionSpec,
    _checked: &Input,
) -> Result<Response, WebError> {
    let (me, state) = reader(ctx, id)?;
    let action = CaseAction::from_json(spec.slug, &json_body(ctx)?)?;
    let acted = ctx.app.service.act_on_case(&me, state.id, action).await?;
    let body = ActionResult {
        case: state.id,
        action: spec.slug,
        event: spec.event,
        status: acted.status.as_str(),
        positions: acted.appended.positions.collect(),
        corrective_action: acted.opened.map(|a| a.0),
    };
    Ok(Response::json(&body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::case_action as app;

    #[test]
    fn every_text_is_sealed_under_a_payload_field_name() {
        for a in ACTIONS {
            for f in body_of(a) {
                if let Ty::Text(_) = f.ty {
                    // Sealed under the payload's field name: the label and AAD depend on it.
                    assert!(
                        [
                            "note",
                            "reason",
                            "body",
                            "summary",
                            "remedy",
                            "reasons",
                            "description"
                        ]
                        .contains(&f.name),
                        "{}",
                        f.name
                    );
                }
            }
        }
    }

    #[test]
    fn the_tables_choices_are_the_apis() {
        assert_eq!(app::URGENCIES, crate::web::api::URGENCIES);
        assert_eq!(app::CONFLICTS, crate::web::api::CONFLICTS);
        assert_eq!(app::AUDIENCES, crate::web::api::AUDIENCES);
        assert_eq!(app::OUTCOMES, crate::web::api::OUTCOMES);
        assert_eq!(app::APPEAL_OUTCOMES, crate::web::api::APPEAL_OUTCOMES);
        assert_eq!(app::COMMITTEE, crate::web::api::COMMITTEE);
        assert_eq!(body_of(&ACTIONS[0]).len(), ACTIONS[0].fields.len());
    }
}
