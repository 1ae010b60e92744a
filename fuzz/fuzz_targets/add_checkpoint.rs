//! The witness's `add-checkpoint` request body (C2SP tlog-witness), which a witness reads from
//! anyone on the network. Properties: parsing never panics; a body that parses has at most 63
//! proof lines and a non-empty checkpoint, and writes back (`to_body`) as exactly its input,
//! so there is one spelling of each request; and any request written parses back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recourse_events::Hash;
use recourse_events::add_checkpoint::{AddCheckpoint, MAX_PROOF_LINES};

fuzz_target!(|data: &[u8]| {
    if let Ok(req) = AddCheckpoint::parse(data) {
        assert!(req.proof.len() <= MAX_PROOF_LINES);
        assert!(!req.checkpoint.is_empty());
        assert_eq!(req.to_body().as_bytes(), data, "a parsed body writes back as itself");
    }
    // A request built from the input's bytes, written, reads back as itself.
    let (head, rest) = data.split_at(data.len().min(8 + 32 * 3));
    let mut old = [0u8; 8];
    old[..head.len().min(8)].copy_from_slice(&head[..head.len().min(8)]);
    let proof: Vec<Hash> = head
        .get(8..)
        .unwrap_or_default()
        .chunks_exact(32)
        .map(|c| Hash(c.try_into().unwrap()))
        .collect();
    let Ok(checkpoint) = std::str::from_utf8(rest) else {
        return;
    };
    if checkpoint.is_empty() {
        return;
    }
    let req = AddCheckpoint {
        old: u64::from_be_bytes(old),
        proof,
        checkpoint: checkpoint.to_string(),
    };
    assert_eq!(AddCheckpoint::parse(req.to_body().as_bytes()), Ok(req));
});
