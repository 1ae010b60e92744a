//! Reading a stream back through a backend's stream index, checked.
//!
//! A backend finds a stream's entries by walking back-pointers from the stream's last entry
//! (`streams.last_position`, then each entry's `prev_position`). The pointers and the stream
//! row are derived data: [`check`] holds what the walk found to the entries themselves, so a
//! rewired pointer is an error, never another stream's data. Every backend walks its own way
//! (SQLite a query per entry, PostgreSQL one recursive query) and checks the same way.

use recourse_events::chain::StreamHead;
use recourse_events::{Event, StreamId};

use super::{Link, StoreError, StoredEntry};

/// One entry the walk reached: its position, the index's seq and back-pointer, its bytes.
#[derive(Debug, Clone)]
pub struct Step {
    /// Where the entry is.
    pub position: u64,
    /// Its seq, as the index records it.
    pub seq: u64,
    /// The position of the stream's previous entry, as the index records it.
    pub prev_position: Option<u64>,
    /// The canonical entry bytes.
    pub entry: Vec<u8>,
}

/// Checks a walk of `stream` from its last entry back (`steps`, newest first) against the
/// stream's recorded head: each step is the entry its successor points to, of this stream at
/// the expected seq, linked by hash, down to seq 0 with nothing before it. Returns the entries
/// in seq order.
pub fn check(
    stream: &StreamId,
    head: StreamHead,
    last_position: Option<u64>,
    steps: Vec<Step>,
) -> Result<Vec<StoredEntry>, StoreError> {
    let corrupt = |what: String| StoreError::Corrupt(format!("stream {stream}: {what}"));
    let mut out = Vec::with_capacity(steps.len());
    let mut expected_position = last_position;
    let mut expected_hash = head.last;
    let mut expected_seq = head.next_seq;
    for step in steps {
        let position = step.position;
        if Some(position) != expected_position {
            return Err(corrupt(format!(
                "the walk reached entry {position} out of turn"
            )));
        }
        expected_seq = expected_seq
            .checked_sub(1)
            .filter(|e| step.seq == *e)
            .ok_or_else(|| {
                corrupt(format!(
                    "entry {position} has seq {} out of order",
                    step.seq
                ))
            })?;
        let event = Event::from_entry(&step.entry)
            .map_err(|e| corrupt(format!("entry {position} is not a valid event: {e}")))?;
        let env = event.envelope();
        if env.stream != *stream || env.seq != expected_seq {
            return Err(corrupt(format!(
                "the index points to entry {position}, which is seq {} of {}",
                env.seq, env.stream
            )));
        }
        if Some(event.leaf_hash()) != expected_hash {
            return Err(corrupt(format!(
                "entry {position} does not link to the entry after it"
            )));
        }
        expected_hash = env.prev;
        expected_position = step.prev_position;
        out.push(StoredEntry {
            position,
            entry: step.entry,
            link: Some(Link {
                seq: expected_seq,
                prev_position: step.prev_position,
            }),
        });
    }
    if expected_seq != 0 || expected_hash.is_some() || expected_position.is_some() {
        return Err(corrupt(format!(
            "entries before seq {expected_seq} are missing"
        )));
    }
    out.reverse();
    Ok(out)
}
