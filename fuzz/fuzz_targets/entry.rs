//! `Event::from_entry` on arbitrary bytes. An accepted entry must be exactly canonical: its bytes
//! are the RFC 8785 form of the JSON they hold, it parses again to the same event, its leaf hash
//! and signed bytes are recomputed identically from the envelope, and re-signing the envelope
//! yields an entry that parses back to the same envelope and verifies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recourse_events::canonical;
use recourse_events::envelope::SIGNING_PREFIX;
use recourse_events::merkle::leaf_hash;
use recourse_events::{Event, SecretKey};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(event) = Event::from_entry(data) else {
        return;
    };
    // The stored bytes are the input, and they are canonical JSON.
    assert_eq!(event.entry(), data);
    let value: Value = serde_json::from_slice(data).expect("accepted entry is JSON");
    assert_eq!(canonical::to_vec(&value).expect("canonical"), data);
    assert_eq!(event.leaf_hash(), leaf_hash(data));
    // Parsing is deterministic.
    assert_eq!(Event::from_entry(event.entry()).as_ref(), Ok(&event));
    // What the signature covers: cut from the entry = re-encoded from the envelope = JCS of the
    // entry without "sig".
    let signing = event.signing_bytes();
    assert_eq!(signing, event.envelope().signing_bytes().expect("encodes"));
    let mut unsigned = value;
    unsigned.as_object_mut().expect("object").remove("sig");
    let mut jcs = SIGNING_PREFIX.to_vec();
    jcs.extend(canonical::to_vec(&unsigned).expect("canonical"));
    assert_eq!(signing, jcs);
    // Re-signed by a fuzzer-independent key, the envelope round-trips through an entry.
    let key = SecretKey::from_seed(&[7; 32]);
    let mut envelope = event.envelope().clone();
    envelope.actor = key.key_id();
    if let Ok(resigned) = envelope.clone().sign(&key) {
        let parsed = Event::from_entry(resigned.entry()).expect("a signed envelope parses");
        assert_eq!(parsed.envelope(), &envelope);
        assert!(parsed.verify(&key.public()));
        assert_eq!(parsed, resigned);
    }
});
