//! Parsing a case action: the form and the JSON body give the same action; an unknown slug is
//! no action; missing, oversize or mistyped fields are refused by name and message id, all of
//! them at once.

use super::*;
use serde_json::json;

fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn json_of(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        other => panic!("not an object: {other}"),
    }
}

/// The refused fields and message ids of `result`.
fn refused(result: Result<CaseAction, ServiceError>) -> Vec<(&'static str, &'static str)> {
    match result {
        Err(ServiceError::Invalid(v)) => v.iter().map(|i| (i.field, i.message.id)).collect(),
        other => panic!("not refused: {other:?}"),
    }
}

#[test]
fn a_form_and_a_json_body_give_the_same_action() {
    let owner = StaffId(uuid::Uuid::from_u128(7));
    let owner_text = owner.to_string();
    // Given a decision, a triage and a corrective action, through each door
    for (slug, pairs, body) in [
        (
            "decide",
            form(&[
                ("csrf", "x"),
                ("outcome", "partly_upheld"),
                ("reasons", "  The booking was never made.  "),
                ("remedy", "An apology."),
            ]),
            json!({ "outcome": "partly_upheld", "reasons": "The booking was never made.", "remedy": "An apology." }),
        ),
        (
            "triage",
            form(&[
                ("category", "interpreter_access"),
                ("urgency", "priority"),
                ("sensitive", "yes"),
                ("rights", "r1"),
                ("rights", "r2"),
                ("items", "i1"),
            ]),
            json!({ "category": "interpreter_access", "urgency": "priority", "sensitive": true, "rights": ["r1", "r2"], "framework_items": ["i1"] }),
        ),
        (
            "action-open",
            form(&[
                ("owner", &owner_text),
                ("due", "2026-03-01"),
                ("item", ""),
                ("description", "Book interpreters a week ahead."),
            ]),
            json!({ "owner": owner, "due": "2026-03-01", "framework_item": null, "description": "Book interpreters a week ahead." }),
        ),
        (
            "action-waive",
            form(&[("action", "2"), ("note", "Superseded.")]),
            json!({ "action": 2, "note": "Superseded." }),
        ),
        (
            "finding",
            form(&[("substantiated", "no"), ("summary", "Not shown.")]),
            json!({ "substantiated": false, "summary": "Not shown." }),
        ),
    ] {
        // When both are parsed
        let from_form = CaseAction::from_form(slug, &pairs).unwrap();
        let from_json = CaseAction::from_json(slug, &json_of(body)).unwrap();
        // Then they are the same action, of that slug
        assert_eq!(from_form, from_json, "{slug}");
        assert_eq!(from_form.slug(), slug);
    }
}

#[test]
fn every_slug_of_the_table_parses_and_names_its_own_action() {
    for spec in ACTIONS {
        // The actions without fields parse from nothing; the others refuse what is missing.
        match CaseAction::from_json(spec.slug, &Map::new()) {
            Ok(a) => assert_eq!(a.slug(), spec.slug),
            Err(ServiceError::Invalid(v)) => assert!(!v.is_empty(), "{}", spec.slug),
            Err(e) => panic!("{}: {e}", spec.slug),
        }
    }
}

#[test]
fn an_unknown_slug_is_no_action() {
    assert!(matches!(
        CaseAction::from_form("approve-everything", &[]),
        Err(ServiceError::NotFound(_))
    ));
    assert!(matches!(
        CaseAction::from_json("", &Map::new()),
        Err(ServiceError::NotFound(_))
    ));
}

#[test]
fn missing_fields_are_refused_by_name_all_at_once() {
    // Given a decision with no outcome and blank reasons
    let r = CaseAction::from_form("decide", &form(&[("reasons", "   ")]));
    // Then both are named, each as required
    assert_eq!(
        refused(r),
        [
            ("outcome", "invalid-required"),
            ("reasons", "invalid-required")
        ]
    );
    let r = CaseAction::from_json("message", &json_of(json!({ "audience": "client" })));
    assert_eq!(refused(r), [("body", "invalid-required")]);
}

#[test]
fn a_remedy_over_its_limit_is_refused_through_both_doors() {
    let long = "ع".repeat(crate::limits::REMEDY + 1);
    let fits = "ع".repeat(crate::limits::REMEDY);
    let r = CaseAction::from_form(
        "decide",
        &form(&[("outcome", "upheld"), ("reasons", "r"), ("remedy", &long)]),
    );
    assert_eq!(refused(r), [("remedy", "invalid-too-long")]);
    let r = CaseAction::from_json(
        "decide",
        &json_of(json!({ "outcome": "upheld", "reasons": "r", "remedy": long })),
    );
    match r {
        Err(ServiceError::Invalid(v)) => {
            assert_eq!(v[0].field, "remedy");
            // The message says the limit and the length, in characters.
            assert_eq!(
                v[0].message.to_string(),
                format!(
                    "invalid-too-long limit={} length={}",
                    crate::limits::REMEDY,
                    crate::limits::REMEDY + 1
                )
            );
        }
        other => panic!("{other:?}"),
    }
    // At the limit it is taken.
    let ok = CaseAction::from_json(
        "decide",
        &json_of(json!({ "outcome": "upheld", "reasons": "r", "remedy": fits })),
    );
    assert!(ok.is_ok());
    // The acknowledgement's note and a message have the staff text's limit.
    let over = "x".repeat(crate::limits::STAFF_TEXT + 1);
    let r = CaseAction::from_form("acknowledge", &form(&[("note", &over)]));
    assert_eq!(refused(r), [("note", "invalid-too-long")]);
}

#[test]
fn mistyped_values_are_refused_with_their_kinds_message() {
    let r = CaseAction::from_form(
        "action-open",
        &form(&[
            ("owner", "someone"),
            ("due", "next week"),
            ("description", "x"),
        ]),
    );
    assert_eq!(
        refused(r),
        [("owner", "invalid-staff"), ("due", "invalid-date")]
    );
    let r = CaseAction::from_json(
        "triage",
        &json_of(json!({ "category": "fees", "urgency": "whenever" })),
    );
    assert_eq!(refused(r), [("urgency", "invalid-choice")]);
    let r = CaseAction::from_json(
        "action-complete",
        &json_of(json!({ "action": 0, "note": "x" })),
    );
    assert_eq!(refused(r), [("action", "invalid-action-number")]);
    let many: Vec<String> = (0..=MAX_REFERENCES).map(|i| format!("r{i}")).collect();
    let r = CaseAction::from_json(
        "finding",
        &json_of(json!({ "substantiated": true, "summary": "s", "rights": many })),
    );
    assert_eq!(refused(r), [("rights", "invalid-too-many")]);
}

#[test]
fn texts_are_sealed_under_the_payloads_field_names() {
    let me = StaffId(uuid::Uuid::from_u128(1));
    let today = jiff::civil::date(2026, 1, 1);
    for spec in ACTIONS {
        let Some(sample) = CaseAction::sample(spec.slug, me, today, Some(ActionId(1))) else {
            // Assignments are asked per candidate.
            assert!(spec.slug.ends_with("assign"), "{} has no sample", spec.slug);
            continue;
        };
        let mut sealed = vec![];
        sample
            .into_command(Some(me), |field, _| {
                sealed.push(field);
                Ok(crate::service::permission::placeholder())
            })
            .unwrap();
        // Every field sealed is a text field of the table, under the same name.
        for field in sealed {
            let f = spec.field(field).unwrap_or_else(|| panic!("{field}"));
            assert!(matches!(f.kind, Kind::Text(_)), "{}.{field}", spec.slug);
        }
    }
}

#[test]
fn a_sample_corrective_action_is_due_within_the_calendar() {
    let me = StaffId(uuid::Uuid::from_u128(1));
    let last = Date::MAX;
    match CaseAction::sample("action-open", me, last, None) {
        Some(CaseAction::OpenAction { due, .. }) => assert_eq!(due, last),
        other => panic!("{other:?}"),
    }
}
