//! The values of a vocabulary enum, derived once: its `ALL`, its `NAMES` and its `as_str`.
//!
//! A vocabulary enum (a channel, an outcome, a role, a case status...) is spelled in three
//! places that must agree: in events and JSON (serde), in the API's choice lists and the
//! OpenAPI document, and on the pages. Hand-written lists of its values drifted from the enum,
//! so each enum derives them instead: `strum::VariantArray` (its values), `strum::VariantNames`
//! (their names), `strum::IntoStaticStr` (a value's name) and `strum::EnumString` (parsing),
//! with `#[strum(serialize_all = "snake_case")]` beside serde's `rename_all`, and
//! `schemars::JsonSchema` for the OpenAPI document. [`vocabulary_values!`](crate::vocabulary_values)
//! then gives the enum the three items its callers use:
//!
//! - `ALL`: every value in declaration order, as an array (callers iterate it by value and
//!   size tables with `ALL.len()`);
//! - `NAMES`: every value's name, as serialized;
//! - `as_str()`: one value's name.
//!
//! Each enum's tests check that the strum names are the serde names, so the two attributes
//! cannot drift apart either.

/// The first `N` values of `all` as an array; `all` must hold exactly `N` (checked when the
/// constant is evaluated, so a wrong length does not compile).
pub const fn array<T: Copy, const N: usize>(all: &[T]) -> [T; N] {
    assert!(all.len() == N, "the array's length is the enum's count");
    let mut out = [all[0]; N];
    let mut i = 0;
    while i < N {
        out[i] = all[i];
        i += 1;
    }
    out
}

/// Declares a vocabulary enum spelled in snake case: the enum as written (its docs, its own
/// derives such as `Debug, Clone, Copy`), plus serde, the strum derives and
/// `schemars::JsonSchema` in one spelling, and its [`vocabulary_values!`](crate::vocabulary_values).
/// The crate using it depends on serde, strum and schemars.
///
/// ```ignore
/// recourse_events::vocabulary! {
///     /// How urgent a case is.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
///     pub enum Urgency {
///         /// The usual.
///         Routine,
///         /// Sooner.
///         Urgent,
///     }
/// }
/// ```
#[macro_export]
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            ::serde::Serialize,
            ::serde::Deserialize,
            ::strum::VariantArray,
            ::strum::VariantNames,
            ::strum::EnumCount,
            ::strum::IntoStaticStr,
            ::strum::EnumString,
            ::schemars::JsonSchema,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),*
        }

        $crate::vocabulary_values!($name);
    };
}

/// Gives a vocabulary enum that derives `strum::VariantArray`, `strum::VariantNames`,
/// `strum::EnumCount` and `strum::IntoStaticStr` its `ALL`, `NAMES` and `as_str` (see the
/// [module](crate::variants)).
#[macro_export]
macro_rules! vocabulary_values {
    ($t:ident) => {
        impl $t {
            /// Every value, in declaration order.
            pub const ALL: [$t; <$t as ::strum::EnumCount>::COUNT] =
                $crate::variants::array(<$t as ::strum::VariantArray>::VARIANTS);
            /// Every value's name, as events and JSON spell it, in declaration order.
            pub const NAMES: &'static [&'static str] = <$t as ::strum::VariantNames>::VARIANTS;

            /// The name, as events and JSON spell it.
            pub fn as_str(&self) -> &'static str {
                self.into()
            }
        }
    };
}

/// The schema of a map keyed by a vocabulary enum (`BTreeMap<K, V>`, or a map whose string
/// keys are `K`'s names): an object whose property names are `K`'s names, each holding a `V`.
/// For `#[schemars(schema_with = "...")]`: schemars' own map schema only knows keys whose
/// schema is a plain `enum`, and a documented enum's is a `oneOf` of its documented values.
pub fn map_schema<K: strum::VariantNames, V: schemars::JsonSchema>(
    generator: &mut schemars::SchemaGenerator,
) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "propertyNames": { "enum": K::VARIANTS },
        "additionalProperties": generator.subschema_for::<V>(),
    })
}

/// Checks, in a test, that every value of `T` serializes to its strum name and parses back
/// from it: serde and strum spell the enum alike.
#[cfg(test)]
pub(crate) fn check_spelling<T>(all: &[T], name: impl Fn(&T) -> &'static str)
where
    T: serde::Serialize
        + serde::de::DeserializeOwned
        + std::str::FromStr
        + PartialEq
        + std::fmt::Debug,
{
    for v in all {
        let json = serde_json::to_value(v).unwrap();
        assert_eq!(json, serde_json::json!(name(v)), "{v:?}");
        assert_eq!(&serde_json::from_value::<T>(json).unwrap(), v);
        assert!(
            name(v).parse::<T>().ok().as_ref() == Some(v),
            "{v:?} parses"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::*;
    use crate::org::Role;

    #[test]
    fn every_vocabulary_enum_spells_its_values_as_serde_does() {
        check_spelling(&Channel::ALL, Channel::as_str);
        check_spelling(&ContactPreference::ALL, ContactPreference::as_str);
        check_spelling(&Accommodation::ALL, Accommodation::as_str);
        check_spelling(&Urgency::ALL, Urgency::as_str);
        check_spelling(&ConflictKind::ALL, ConflictKind::as_str);
        check_spelling(&Audience::ALL, Audience::as_str);
        check_spelling(&Purpose::ALL, Purpose::as_str);
        check_spelling(&Outcome::ALL, Outcome::as_str);
        check_spelling(&AppealOutcome::ALL, AppealOutcome::as_str);
        check_spelling(&ErasureReason::ALL, ErasureReason::as_str);
        check_spelling(&Role::ALL, Role::as_str);
    }

    #[test]
    fn all_and_names_list_every_value_once_in_declaration_order() {
        assert_eq!(
            Channel::ALL,
            [
                Channel::Web,
                Channel::Phone,
                Channel::InPerson,
                Channel::Email,
                Channel::Referral
            ]
        );
        assert_eq!(
            Channel::NAMES,
            ["web", "phone", "in_person", "email", "referral"]
        );
        assert_eq!(Outcome::ALL.len(), 6);
        assert_eq!(Outcome::ALL[5], Outcome::Withdrawn);
        assert_eq!(
            Role::NAMES,
            ["intake", "reviewer", "chair", "board", "admin", "auditor"]
        );
        for names in [Channel::NAMES, Outcome::NAMES, Purpose::NAMES, Role::NAMES] {
            let distinct: std::collections::BTreeSet<_> = names.iter().collect();
            assert_eq!(distinct.len(), names.len());
        }
    }

    /// The values a schema allows: its `enum`, or the `const` of each `oneOf` (schemars
    /// writes one per documented value, with the value's doc comment as its description).
    fn allowed(schema: &schemars::Schema) -> Vec<serde_json::Value> {
        if let Some(values) = schema.get("enum").and_then(|v| v.as_array()) {
            return values.clone();
        }
        schema
            .get("oneOf")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .map(|v| v["const"].clone())
            .collect()
    }

    #[test]
    fn the_schema_of_an_enum_allows_its_names_only() {
        let names = |n: &[&str]| n.iter().map(|n| serde_json::json!(n)).collect::<Vec<_>>();
        assert_eq!(
            allowed(&schemars::schema_for!(Outcome)),
            names(Outcome::NAMES)
        );
        assert_eq!(allowed(&schemars::schema_for!(Role)), names(Role::NAMES));
        assert_eq!(
            allowed(&schemars::schema_for!(Purpose)),
            names(Purpose::NAMES)
        );
    }
}
