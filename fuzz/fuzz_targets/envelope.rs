//! Signing, the other way round from `entry`: an envelope built from fuzzer-chosen fields
//! (stream, type, seq and prev, any timestamp jiff can hold, any JSON payload) that `sign`
//! accepts must come back from `Event::from_entry` as the same event, verify under the signing
//! key and no other, and keep its `at` to the millisecond (finer precision truncated towards
//! the past). Whatever the ledger can sign, the verifier must be able to read.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use recourse_events::envelope::{Envelope, EventType, StreamId};
use recourse_events::{Event, Hash, SecretKey};
use serde_json::{Map, Value};

const STREAMS: &[&str] = &["org", "case/0192f0c1-7e2a-7000-8000-0000000000aa", "a/b"];
const TYPES: &[&str] = &["complaint.filed", "org.key_registered", "a.b"];

fn pick<'a>(u: &mut Unstructured<'a>, known: &[&str]) -> Result<String> {
    if u.ratio(3, 4)? {
        Ok(u.choose(known)?.to_string())
    } else {
        u.arbitrary()
    }
}

fn run(u: &mut Unstructured) -> Result<()> {
    let key = SecretKey::from_seed(&[u.int_in_range(0..=3)?; 32]);
    let Ok(stream) = StreamId::parse(&pick(u, STREAMS)?) else {
        return Ok(());
    };
    let Ok(kind) = EventType::parse(&pick(u, TYPES)?) else {
        return Ok(());
    };
    let mut id: [u8; 16] = u.arbitrary()?;
    id[6] = (id[6] & 0x0f) | 0x70; // version 7
    id[8] = (id[8] & 0x3f) | 0x80; // RFC 9562 variant
    let seq: u64 = if u.arbitrary()? {
        u.int_in_range(0..=3)?
    } else {
        u.arbitrary()?
    };
    let prev = (seq != 0).then(|| u.arbitrary().map(Hash)).transpose()?;
    let nanos = u.int_in_range(
        jiff::Timestamp::MIN.as_nanosecond()..=jiff::Timestamp::MAX.as_nanosecond(),
    )?;
    let at = jiff::Timestamp::from_nanosecond(nanos).expect("in range");
    let data = match serde_json::from_slice::<Value>(u.bytes(u.len())?) {
        Ok(Value::Object(m)) => m,
        Ok(other) => Map::from_iter([("v".to_string(), other)]),
        Err(_) => Map::new(),
    };
    let envelope = Envelope {
        id: uuid::Uuid::from_bytes(id),
        stream,
        seq,
        kind,
        at,
        actor: key.key_id(),
        prev,
        data,
    };
    let Ok(event) = envelope.clone().sign(&key) else {
        return Ok(());
    };
    let parsed = Event::from_entry(event.entry())
        .unwrap_or_else(|e| panic!("a signed entry does not parse: {e}: {envelope:?}"));
    let mut want = envelope;
    want.at = jiff::Timestamp::from_nanosecond(nanos.div_euclid(1_000_000) * 1_000_000).unwrap();
    assert_eq!(parsed.envelope(), &want);
    assert_eq!(parsed.entry(), event.entry());
    assert!(parsed.verify(&key.public()));
    assert!(!parsed.verify(&SecretKey::from_seed(&[9; 32]).public()));
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
