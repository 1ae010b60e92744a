//! What anyone may see of an event without opening the file: its data with the sealed fields
//! taken out, and the names of those fields (so a reader knows there is text to open, and
//! under which purpose it would be recorded).

use recourse_events::vocabulary::Payload;
use serde_json::{Map, Value};

use super::file::sealed_fields;

/// `payload`'s clear data, and the names of its sealed fields.
pub fn clear_data(payload: &Payload) -> (Map<String, Value>, Vec<String>) {
    let mut data = payload.to_data();
    let sealed: Vec<String> = sealed_fields(payload).into_iter().map(|(f, _)| f).collect();
    for field in &sealed {
        data.remove(field);
    }
    (data, sealed)
}
