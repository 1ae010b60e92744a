//! RFC 8785 (JSON Canonicalization Scheme) for the values the ledger stores.
//!
//! Signatures and leaf hashes are computed over canonical bytes, so two parties that agree on an
//! event agree on its bytes. The ledger's payloads hold strings, integers, booleans, null, arrays
//! and objects only, which makes JCS simple: integers print as ECMAScript prints them (exact up
//! to 2^53 - 1, so larger ones are refused rather than silently rounded), strings escape exactly
//! what `JSON.stringify` escapes, object members are sorted by their UTF-16 code units, and no
//! whitespace is written. Floats are refused outright: a float's text can differ between
//! implementations, and nothing in the ledger needs one.
//!
//! This is written here rather than taken from `serde_json_canonicalizer` because verification
//! canonicalizes every entry twice and that crate re-parses each key to sort it; the test suite
//! checks this encoder against that crate on random values.

use serde_json::{Map, Value};

/// The largest integer JCS can represent exactly (2^53 - 1).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// A value that has no canonical form in the ledger.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CanonicalError {
    /// A number with a fraction or exponent.
    #[error("floating-point numbers are not allowed in ledger entries")]
    Float,
    /// An integer outside ±(2^53 - 1).
    #[error("integer {0} is outside the exactly representable range ±(2^53 - 1)")]
    IntegerRange(String),
}

/// The canonical bytes of `value`.
pub fn to_vec(value: &Value) -> Result<Vec<u8>, CanonicalError> {
    let mut out = Vec::with_capacity(256);
    write_value(value, &mut out)?;
    Ok(out)
}

/// Appends the canonical bytes of `value` to `out`.
pub fn write_value(value: &Value, out: &mut Vec<u8>) -> Result<(), CanonicalError> {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => {
            let i = if let Some(i) = n.as_i64() {
                i
            } else if let Some(u) = n.as_u64() {
                return Err(CanonicalError::IntegerRange(u.to_string()));
            } else {
                return Err(CanonicalError::Float);
            };
            write_integer(i, out)?;
        }
        Value::String(s) => write_str(s, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(item, out)?;
            }
            out.push(b']');
        }
        Value::Object(map) => write_object(map, out)?,
    }
    Ok(())
}

/// Appends an integer; refuses those JCS cannot represent exactly.
pub fn write_integer(i: i64, out: &mut Vec<u8>) -> Result<(), CanonicalError> {
    if !(-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&i) {
        return Err(CanonicalError::IntegerRange(i.to_string()));
    }
    out.extend_from_slice(i.to_string().as_bytes());
    Ok(())
}

/// Appends an object with its members in canonical order.
pub fn write_object(map: &Map<String, Value>, out: &mut Vec<u8>) -> Result<(), CanonicalError> {
    out.push(b'{');
    // serde_json's map is ordered by UTF-8 bytes, which equals UTF-16 order unless a key holds
    // characters above U+FFFF next to ones in U+E000..U+FFFF; only then pay for a re-sort.
    if map.keys().all(|k| k.is_ascii()) {
        write_members(map.iter(), out)?;
    } else {
        let mut members: Vec<_> = map.iter().collect();
        members.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
        write_members(members.into_iter(), out)?;
    }
    out.push(b'}');
    Ok(())
}

fn write_members<'a>(
    members: impl Iterator<Item = (&'a String, &'a Value)>,
    out: &mut Vec<u8>,
) -> Result<(), CanonicalError> {
    for (i, (k, v)) in members.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_str(k, out);
        out.push(b':');
        write_value(v, out)?;
    }
    Ok(())
}

/// Appends a JSON string escaped as ECMAScript's `JSON.stringify` does.
pub fn write_str(s: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = s.as_bytes();
    // Most strings (ids, base64 ciphertext) need no escaping: copy them in one go.
    if !bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\') {
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => {
                out.extend_from_slice(&bytes[start..i]);
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 0xf) as usize]);
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(escape);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn sorts_members_and_writes_no_whitespace() {
        let v = json!({"b": [1, "x", null, true], "a": {"d": false, "c": -7}});
        assert_eq!(
            to_vec(&v).unwrap(),
            br#"{"a":{"c":-7,"d":false},"b":[1,"x",null,true]}"#
        );
    }

    #[test]
    fn escapes_like_json_stringify() {
        let v = json!("q\"b\\n\n\u{1}\u{7f}\u{2028}é€😀/");
        assert_eq!(
            String::from_utf8(to_vec(&v).unwrap()).unwrap(),
            "\"q\\\"b\\\\n\\n\\u0001\u{7f}\u{2028}é€😀/\""
        );
    }

    #[test]
    fn sorts_by_utf16_code_units_not_utf8() {
        // U+FB01 sorts after U+1F600 in UTF-8 order but before it in UTF-16 order (a surrogate).
        let v = json!({"\u{fb01}": 1, "\u{1f600}": 2});
        assert_eq!(
            String::from_utf8(to_vec(&v).unwrap()).unwrap(),
            "{\"😀\":2,\"ﬁ\":1}"
        );
    }

    #[test]
    fn refuses_floats_and_unsafe_integers() {
        assert_eq!(to_vec(&json!(1.5)), Err(CanonicalError::Float));
        assert!(matches!(
            to_vec(&json!(1u64 << 53)),
            Err(CanonicalError::IntegerRange(_))
        ));
        assert!(matches!(
            to_vec(&json!(u64::MAX)),
            Err(CanonicalError::IntegerRange(_))
        ));
        assert!(to_vec(&json!(MAX_SAFE_INTEGER)).is_ok());
        assert!(to_vec(&json!(-MAX_SAFE_INTEGER)).is_ok());
    }

    fn arb_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).prop_map(|i| json!(i)),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn agrees_with_an_independent_jcs_implementation(v in arb_value()) {
            let ours = to_vec(&v).unwrap();
            let theirs = serde_json_canonicalizer::to_vec(&v).unwrap();
            prop_assert_eq!(String::from_utf8(ours.clone()).unwrap(), String::from_utf8(theirs).unwrap());
            // And canonical bytes parse back to the same value.
            prop_assert_eq!(serde_json::from_slice::<Value>(&ours).unwrap(), v);
        }
    }
}
