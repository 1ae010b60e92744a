//! The `add-checkpoint` call of C2SP tlog-witness: its request body, parsed strictly, and the
//! witness's checks, in the specification's order, each with the status it prescribes.
//!
//! | Refusal | Status |
//! |---|---|
//! | body not `old <size>`, proof lines, blank line, checkpoint note; over 63 proof lines | 400 |
//! | old size above the checkpoint's size | 400 |
//! | an origin the witness was not told to witness | 404 |
//! | no signature by the log's key verifies (wrong key id, bad signature) | 403 |
//! | old size is not the size of the latest checkpoint cosigned (body: that size) | 409 |
//! | same size as the latest cosigned, another root | 409 |
//! | a consistency proof that does not verify (or is given where none is due) | 422 |
//!
//! Nothing refused changes the state. Accepting stores the new checkpoint durably first, then
//! answers with the cosignature line.

use std::collections::HashMap;
use std::path::Path;

pub use recourse_events::add_checkpoint::{AddCheckpoint, BadRequest, MAX_PROOF_LINES};
use recourse_events::checkpoint::{Checkpoint, Note, NoteError, NoteVerifier};
use recourse_events::cosignature;
use recourse_events::merkle::verify_consistency;
use tokio::sync::Mutex;

use super::key::WitnessKey;
use super::state::{Latest, LogState};

/// The witness's answer to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: &'static str,
    /// Body.
    pub body: String,
}

const TEXT: &str = "text/plain; charset=utf-8";

impl Reply {
    fn text(status: u16, body: impl Into<String>) -> Self {
        let mut body = body.into();
        if !body.ends_with('\n') {
            body.push('\n');
        }
        Self {
            status,
            content_type: TEXT,
            body,
        }
    }

    /// 409 with the witness's latest size, as `text/x.tlog.size`.
    fn conflict(size: u64) -> Self {
        Self {
            status: 409,
            content_type: "text/x.tlog.size",
            body: format!("{size}\n"),
        }
    }
}

/// One witnessed log: its keys and its state, behind the lock that serializes its requests.
#[derive(Debug)]
struct Log {
    keys: Vec<NoteVerifier>,
    file: LogState,
    latest: Mutex<Option<Latest>>,
}

/// A witness: its key and the logs it witnesses.
#[derive(Debug)]
pub struct Witness {
    key: WitnessKey,
    logs: HashMap<String, Log>,
}

impl Witness {
    /// The witness of data folder `dir` for the logs with verifier keys `logs` (several keys
    /// of one origin are all trusted for it), with the state each log left on disk.
    pub fn open(dir: &Path, logs: &[NoteVerifier]) -> anyhow::Result<Self> {
        let key = WitnessKey::load(dir)?;
        let mut by_origin: HashMap<String, Vec<NoteVerifier>> = HashMap::new();
        for v in logs {
            by_origin
                .entry(v.name().into())
                .or_default()
                .push(v.clone());
        }
        let mut witnessed = HashMap::new();
        for (origin, keys) in by_origin {
            let file = LogState::new(dir, &origin);
            let latest = file.load(&keys)?;
            witnessed.insert(
                origin,
                Log {
                    keys,
                    file,
                    latest: Mutex::new(latest),
                },
            );
        }
        Ok(Self {
            key,
            logs: witnessed,
        })
    }

    /// The witness's key.
    pub fn key(&self) -> &WitnessKey {
        &self.key
    }

    /// The latest size cosigned for `origin` (None: not witnessed or never cosigned).
    pub async fn latest_size(&self, origin: &str) -> Option<u64> {
        let log = self.logs.get(origin)?;
        log.latest.lock().await.as_ref().map(|l| l.size)
    }

    /// Handles an `add-checkpoint` request body.
    pub async fn add_checkpoint(&self, body: &[u8]) -> Reply {
        let req = match AddCheckpoint::parse(body) {
            Ok(r) => r,
            Err(e) => return Reply::text(400, e.to_string()),
        };
        let note = match Note::parse(&req.checkpoint) {
            Ok(n) => n,
            Err(e) => return Reply::text(400, format!("checkpoint: {e}")),
        };
        let cp = match Checkpoint::parse_text(note.text()) {
            Ok(c) => c,
            Err(e) => return Reply::text(400, format!("checkpoint: {e}")),
        };
        let Some(log) = self.logs.get(&cp.origin) else {
            return Reply::text(404, "unknown log origin");
        };
        match note.verify(&log.keys) {
            Ok(_) => {}
            Err(NoteError::Unverified) => {
                return Reply::text(403, "no signature by the log's key");
            }
            Err(e) => return Reply::text(403, e.to_string()),
        }
        if req.old > cp.size {
            return Reply::text(400, "old size is above the checkpoint's size");
        }
        // From the check of the old size until the new state is on disk, this log is ours.
        let mut latest = log.latest.lock().await;
        let have = latest.as_ref().map_or(0, |l| l.size);
        if req.old != have {
            return Reply::conflict(have);
        }
        let refuse = |why: &str| {
            tracing::warn!(origin = %cp.origin, old = req.old, size = cp.size, why, "checkpoint refused");
            Reply::text(422, why)
        };
        // A cosigned empty tree is like no state: every tree extends it, with an empty proof.
        let grows = match latest.as_ref().filter(|l| l.size > 0) {
            Some(l) if req.old == cp.size => {
                if l.root != cp.root {
                    tracing::warn!(origin = %cp.origin, size = cp.size, "a second root for a cosigned size");
                    return Reply::conflict(have);
                }
                if !req.proof.is_empty() {
                    return refuse("a proof between equal sizes must be empty");
                }
                false
            }
            Some(l) => {
                if let Err(e) = verify_consistency(
                    req.old,
                    cp.size,
                    &req.proof,
                    l.root.as_ref(),
                    cp.root.as_ref(),
                ) {
                    return refuse(&format!("consistency proof does not verify: {e}"));
                }
                true
            }
            None => {
                if !req.proof.is_empty() {
                    return refuse("the proof from old size 0 must be empty");
                }
                true
            }
        };
        if grows {
            let new = Latest {
                size: cp.size,
                root: cp.root,
                note: req.checkpoint.clone(),
            };
            let file = log.file.clone();
            let stored = {
                let new = new.clone();
                tokio::task::spawn_blocking(move || file.store(&new)).await
            };
            match stored {
                Ok(Ok(())) => *latest = Some(new),
                Ok(Err(e)) => {
                    tracing::error!(error = %e, "cannot store the witness state");
                    return Reply::text(500, "the witness cannot store its state");
                }
                Err(e) => {
                    tracing::error!(error = %e, "the state writer failed");
                    return Reply::text(500, "the witness cannot store its state");
                }
            }
        }
        drop(latest);
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        match cosignature::cosign(&self.key.name, &self.key.key, now, note.text()) {
            Ok(sig) => Reply::text(200, cosignature::line(&sig)),
            Err(e) => {
                tracing::error!(error = %e, "cannot cosign");
                Reply::text(500, "the witness cannot cosign")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recourse_events::merkle::{MemoryTree, consistency_proof, leaf_hash};
    use recourse_events::{Hash, SecretKey};

    /// A log of `n` leaves with its signed checkpoint.
    fn log(key: &SecretKey, leaves: &[&[u8]]) -> (MemoryTree, String) {
        let tree = MemoryTree::from_leaves(leaves.iter().map(|l| leaf_hash(l)));
        let cp = Checkpoint {
            origin: "example.org/log".into(),
            size: tree.size(),
            root: tree.root(),
            extensions: vec![],
        };
        (tree, cp.sign(key).unwrap().to_string())
    }

    fn req(old: u64, proof: &[Hash], note: &str) -> Vec<u8> {
        AddCheckpoint {
            old,
            proof: proof.to_vec(),
            checkpoint: note.into(),
        }
        .to_body()
        .into_bytes()
    }

    #[tokio::test]
    async fn follows_a_log_from_the_empty_tree_and_never_signs_two_roots_for_a_size() {
        let tmp = tempfile::tempdir().unwrap();
        WitnessKey::create(tmp.path(), "witness.example/w").unwrap();
        let key = SecretKey::from_seed(&[1; 32]);
        let vkey = NoteVerifier::new("example.org/log", key.public()).unwrap();
        let w = Witness::open(tmp.path(), std::slice::from_ref(&vkey)).unwrap();
        let (_, empty) = log(&key, &[]);
        assert_eq!(w.add_checkpoint(&req(0, &[], &empty)).await.status, 200);
        assert_eq!(w.latest_size("example.org/log").await, Some(0));
        // From a cosigned empty tree, any tree follows with an empty proof.
        let (t3, three) = log(&key, &[b"a", b"b", b"c"]);
        assert_eq!(w.add_checkpoint(&req(0, &[], &three)).await.status, 200);
        let (_, other3) = log(&key, &[b"a", b"b", b"x"]);
        let r = w.add_checkpoint(&req(3, &[], &other3)).await;
        assert_eq!((r.status, r.body.as_str()), (409, "3\n"));
        let (t5, five) = log(&key, &[b"a", b"b", b"c", b"d", b"e"]);
        let good = consistency_proof(&t5, 3, 5).unwrap();
        let (t5x, _) = log(&key, &[b"a", b"b", b"x", b"d", b"e"]);
        let bad = consistency_proof(&t5x, 3, 5).unwrap();
        assert_eq!(w.add_checkpoint(&req(3, &bad, &five)).await.status, 422);
        assert_eq!(
            w.add_checkpoint(&req(3, &good[1..], &five)).await.status,
            422
        );
        assert_eq!(w.latest_size("example.org/log").await, Some(3));
        let r = w.add_checkpoint(&req(3, &good, &five)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(t3.size() + 2, t5.size());
        // What a restart reads back is what was cosigned last.
        drop(w);
        let w = Witness::open(tmp.path(), &[vkey]).unwrap();
        assert_eq!(w.latest_size("example.org/log").await, Some(5));
        // The cosignature verifies over the checkpoint.
        let full = format!("{five}{}", w.add_checkpoint(&req(5, &[], &five)).await.body);
        let wv = w.key().verifier();
        let note = Note::parse(&full).unwrap();
        assert_eq!(
            cosignature::verify_cosignatures(&note, std::slice::from_ref(&wv))
                .unwrap()
                .len(),
            1
        );
    }

    #[test]
    fn parses_the_specification_example() {
        let body = "old 20852014\n\
            PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=\n\
            jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=\n\
            5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=\n\
            /6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=\n\
            \n\
            example.com/behind-the-sofa\n\
            20852163\n\
            CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\
            \n\
            — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n\
            — example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n";
        let req = AddCheckpoint::parse(body.as_bytes()).unwrap();
        assert_eq!(req.old, 20852014);
        assert_eq!(req.proof.len(), 4);
        let note = Note::parse(&req.checkpoint).unwrap();
        assert_eq!(note.signatures().len(), 2);
        assert_eq!(Checkpoint::parse_text(note.text()).unwrap().size, 20852163);
    }
}
