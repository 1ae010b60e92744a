//! RFC 8785 canonical JSON on arbitrary JSON values: the encoder agrees byte for byte with an
//! independent implementation (serde_json_canonicalizer) wherever it accepts a value, its
//! output parses back to the same value, and canonicalizing is idempotent (canonical bytes are
//! their own canonical form). Refusals are only for floats and integers beyond ±(2^53 - 1).
#![no_main]

use libfuzzer_sys::fuzz_target;
use recourse_events::canonical::{self, CanonicalError, MAX_SAFE_INTEGER};
use serde_json::Value;

fn has_float_or_big_int(v: &Value) -> bool {
    match v {
        Value::Number(n) => n
            .as_i64()
            .is_none_or(|i| !(-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&i)),
        Value::Array(a) => a.iter().any(has_float_or_big_int),
        Value::Object(m) => m.values().any(has_float_or_big_int),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    match canonical::to_vec(&value) {
        Ok(ours) => {
            assert!(
                !has_float_or_big_int(&value),
                "accepted a float or unsafe integer"
            );
            let theirs = serde_json_canonicalizer::to_vec(&value).expect("independent JCS");
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs),
                "disagrees with serde_json_canonicalizer"
            );
            let back: Value = serde_json::from_slice(&ours).expect("canonical bytes are JSON");
            assert_eq!(back, value);
            assert_eq!(canonical::to_vec(&back).expect("still canonical"), ours);
            // Canonical bytes hold no raw newline (bundles rely on it: one entry per line).
            assert!(!ours.contains(&b'\n'));
        }
        Err(CanonicalError::Float | CanonicalError::IntegerRange(_)) => {
            assert!(
                has_float_or_big_int(&value),
                "refused a value with a canonical form"
            );
        }
    }
});
