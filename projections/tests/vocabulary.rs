//! The read model's vocabulary enums spell their values as serde and the pages do: the
//! derived `ALL`, `NAMES` and `as_str` (strum) agree with the JSON (serde) and with the
//! schemas of the OpenAPI document (schemars).

use recourse_projections::case::{ActionStatus, Status};
use recourse_projections::dashboard::{Dimension, Granularity};
use serde_json::{Value, json};

/// The values a schema allows: its `enum`, or the `const` of each `oneOf`.
fn allowed(schema: &schemars::Schema) -> Vec<Value> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.clone();
    }
    schema
        .get("oneOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|v| v["const"].clone())
        .collect()
}

fn names(n: &[&str]) -> Vec<Value> {
    n.iter().map(|n| json!(n)).collect()
}

#[test]
fn dashboard_enums_serialize_parse_and_describe_their_names() {
    for g in Granularity::ALL {
        assert_eq!(serde_json::to_value(g).unwrap(), json!(g.as_str()));
        assert_eq!(g.as_str().parse::<Granularity>().ok(), Some(g));
    }
    for d in Dimension::ALL {
        assert_eq!(serde_json::to_value(d).unwrap(), json!(d.as_str()));
        assert_eq!(d.as_str().parse::<Dimension>().ok(), Some(d));
    }
    assert_eq!(Granularity::NAMES, ["month", "quarter", "year"]);
    assert_eq!(Dimension::ALL.len(), 7);
    assert_eq!(
        allowed(&schemars::schema_for!(Granularity)),
        names(Granularity::NAMES)
    );
    assert_eq!(
        allowed(&schemars::schema_for!(Dimension)),
        names(Dimension::NAMES)
    );
}

#[test]
fn statuses_are_named_with_their_spaces_everywhere() {
    assert_eq!(
        Status::NAMES,
        [
            "filed",
            "acknowledged",
            "under review",
            "decided",
            "under appeal",
            "closed",
            "withdrawn",
            "erased"
        ]
    );
    for s in Status::ALL {
        assert_eq!(s.as_str().parse::<Status>().ok(), Some(s));
    }
    assert_eq!(Status::UnderReview.as_str(), "under review");
    assert_eq!(
        allowed(&schemars::schema_for!(Status)),
        names(Status::NAMES)
    );
    assert_eq!(
        ActionStatus::NAMES,
        ["open", "completed", "verified", "waived"]
    );
    assert_eq!(
        allowed(&schemars::schema_for!(ActionStatus)),
        names(ActionStatus::NAMES)
    );
}
