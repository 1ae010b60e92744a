//! Signed notes and checkpoints. The input is `<verifier key>\n<note>`; when the first line is
//! not a valid verifier key a fixed one is used, so arbitrary notes meet a verifier either way.
//! Properties: a parsed verifier key prints back as its input (up to the case of its hex id);
//! a parsed note prints back as its input byte for byte and parses again to the same note;
//! checkpoint text round-trips; `verify` only returns trusted keys whose signature really
//! verifies; `Checkpoint::open` accepts only a note signed by the log key and named after it,
//! and refuses it once its text is changed; and any checkpoint that parses, signed by a known
//! key, opens again to the same checkpoint.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recourse_events::SecretKey;
use recourse_events::checkpoint::{Checkpoint, Note, NoteError, NoteVerifier};
use recourse_events::key::Signature;

fn log_key() -> SecretKey {
    SecretKey::from_seed(&[9; 32])
}

fn check_checkpoint_text(text: &str) {
    let Ok(cp) = Checkpoint::parse_text(text) else {
        return;
    };
    assert_eq!(cp.to_text(), text, "checkpoint text does not round-trip");
    // Signed by a key named after its origin, it opens to itself; by another key, it does not.
    let Ok(note) = cp.sign(&log_key()) else {
        return;
    };
    let v = NoteVerifier::new(&cp.origin, log_key().public()).expect("sign checked the name");
    let signed = note.to_string();
    let (opened, reparsed) = Checkpoint::open(&signed, &v).expect("a signed checkpoint opens");
    assert_eq!(opened, cp);
    assert_eq!(reparsed, note);
    let other = NoteVerifier::new(&cp.origin, SecretKey::from_seed(&[10; 32]).public()).unwrap();
    assert!(Checkpoint::open(&signed, &other).is_err());
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let (first, note) = input.split_once('\n').unwrap_or((input, ""));
    let verifier = match NoteVerifier::parse(first) {
        Ok(v) => {
            // The key id's hex digits may come in either case (as golang.org/x/mod/sumdb/note
            // accepts them); everything else prints back exactly.
            assert!(
                v.to_string().eq_ignore_ascii_case(first.trim()),
                "verifier key does not round-trip"
            );
            assert_eq!(NoteVerifier::parse(&v.to_string()).as_ref(), Ok(&v));
            v
        }
        Err(_) => NoteVerifier::new("fuzz.example/log", log_key().public()).unwrap(),
    };
    check_checkpoint_text(note);
    let Ok(parsed) = Note::parse(note) else {
        assert!(Checkpoint::open(note, &verifier).is_err());
        return;
    };
    assert_eq!(parsed.to_string(), note, "note does not round-trip");
    assert_eq!(Note::parse(&parsed.to_string()).as_ref(), Ok(&parsed));
    check_checkpoint_text(parsed.text());
    let trusted = std::slice::from_ref(&verifier);
    match parsed.verify(trusted) {
        Ok(vs) => {
            assert_eq!(vs, vec![&verifier]);
            assert!(parsed.signatures().iter().any(|s| {
                s.name == verifier.name()
                    && s.id == verifier.id()
                    && <[u8; 64]>::try_from(s.sig.as_slice()).is_ok_and(|b| {
                        verifier
                            .key()
                            .verify_strict(parsed.text().as_bytes(), &Signature::from_bytes(&b))
                    })
            }));
        }
        Err(NoteError::Unverified) => {
            assert!(
                !parsed
                    .signatures()
                    .iter()
                    .any(|s| s.name == verifier.name() && s.id == verifier.id())
            );
        }
        Err(_) => {}
    }
    if let Ok((cp, opened)) = Checkpoint::open(note, &verifier) {
        assert_eq!(opened, parsed);
        assert_eq!(cp.origin, verifier.name());
        assert_eq!(Checkpoint::parse_text(parsed.text()).as_ref(), Ok(&cp));
        // Any change to the signed text breaks it.
        let tampered = note.replacen(&cp.to_text(), &format!("{}x\n", cp.to_text()), 1);
        assert!(
            Checkpoint::open(&tampered, &verifier).is_err(),
            "tampered checkpoint opened"
        );
    }
});
