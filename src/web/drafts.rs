//! The complaint form's drafts, so that every step is a page of its own (post, then redirect,
//! then get): a reload, the Back button, a language switch or a "Change" link shows the answers
//! again without sending anything twice, and a draft is filed at most once.
//!
//! A draft lives in this process's memory only, never on disk, sealed with XChaCha20-Poly1305
//! under a key derived from the browser's draft cookie (a random token, `HttpOnly`,
//! `SameSite=Strict`), which the store never keeps: it finds a draft by the token's domain-separated
//! SHA-256. Each draft also has a public id, carried by the form, which says which draft a
//! submitted form belongs to. Once filed, the draft's answers are dropped and only the receipt
//! code stays, sealed the same way, for [`RECEIPT_SHOWN`]: only the browser that filed it can see
//! it again. The ids of filed drafts are remembered for [`FILED_KEPT`], so that the same form sent
//! again, from anywhere, files nothing. A restart forgets all of this (a draft is lost, and a form
//! posted again after a restart is a new draft).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use zeroize::Zeroizing;

use crate::data_dir::random_bytes;
use crate::web::pages::public::Draft;
use crate::web::session::new_token;
use crate::web::token_seal::TokenSeal;

/// The draft cookie's name.
pub const DRAFT_COOKIE: &str = "recourse_draft";
/// A draft nobody touched for this long is forgotten.
pub const DRAFT_IDLE: Duration = Duration::from_secs(3 * 3600);
/// How long the browser that filed a complaint can see its receipt again (a reload).
pub const RECEIPT_SHOWN: Duration = Duration::from_secs(3600);
/// How long the id of a filed draft is remembered (a form sent again files nothing).
pub const FILED_KEPT: Duration = Duration::from_secs(7 * 24 * 3600);
/// At most this many drafts at once (the oldest untouched goes first).
pub const MAX_DRAFTS: usize = 20_000;
/// At most this many filed ids remembered.
pub const MAX_FILED: usize = 200_000;

/// Where a draft is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Being written.
    Open,
    /// Being filed now (a second send waits for the first).
    Filing,
    /// Filed: the receipt code, while it may still be shown (else `None`).
    Filed(Option<String>),
}

/// A draft as its browser sees it.
pub struct Opened {
    /// The public id the form carries.
    pub id: String,
    /// The answers so far (empty once filed).
    pub draft: Draft,
    /// The step last shown.
    pub step: u8,
    /// The furthest step reached.
    pub reached: u8,
    /// Where it is.
    pub state: State,
}

enum Stored {
    Open { sealed: Vec<u8> },
    Filing { sealed: Vec<u8> },
    Filed { sealed_code: Vec<u8>, at: Instant },
}

struct Entry {
    id: String,
    step: u8,
    reached: u8,
    touched: Instant,
    stored: Stored,
}

#[derive(Default)]
struct Inner {
    drafts: HashMap<[u8; 32], Entry>,
    filed: HashMap<String, Instant>,
}

/// The drafts of this process.
#[derive(Default)]
pub struct Drafts {
    inner: Mutex<Inner>,
}

/// Drafts' tokens, separated from other uses.
const SEAL: TokenSeal = TokenSeal {
    lookup: b"recourse/draft-lookup/v1\n",
    key: b"recourse/draft-key/v1\n",
};

fn lookup(token: &str) -> [u8; 32] {
    SEAL.lookup(token)
}

fn seal(token: &str, what: &[u8], plain: &[u8]) -> Vec<u8> {
    SEAL.seal(token, what, plain)
}

fn open(token: &str, what: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    SEAL.open(token, what, sealed)
}

fn seal_draft(token: &str, d: &Draft) -> Vec<u8> {
    let plain = Zeroizing::new(serde_json::to_vec(d).expect("a draft serializes"));
    seal(token, b"draft", &plain)
}

impl Inner {
    fn sweep(&mut self, now: Instant) {
        self.drafts.retain(|_, e| match &e.stored {
            Stored::Filed { at, .. } => now.duration_since(*at) < RECEIPT_SHOWN,
            _ => now.duration_since(e.touched) < DRAFT_IDLE,
        });
        self.filed
            .retain(|_, at| now.duration_since(*at) < FILED_KEPT);
        if self.drafts.len() >= MAX_DRAFTS
            && let Some(oldest) = self
                .drafts
                .iter()
                .min_by_key(|(_, e)| e.touched)
                .map(|(k, _)| *k)
        {
            self.drafts.remove(&oldest);
        }
        if self.filed.len() >= MAX_FILED
            && let Some(oldest) = self
                .filed
                .iter()
                .min_by_key(|(_, at)| **at)
                .map(|(k, _)| k.clone())
        {
            self.filed.remove(&oldest);
        }
    }
}

impl Drafts {
    /// A new draft holding `d` at `step`: its cookie token and its public id.
    pub fn create(&self, d: &Draft, step: u8) -> (String, String) {
        let token = new_token();
        let id = hex::encode(random_bytes::<16>());
        let now = Instant::now();
        let mut inner = self.inner.lock().expect("drafts lock");
        inner.sweep(now);
        inner.drafts.insert(
            lookup(&token),
            Entry {
                id: id.clone(),
                step,
                reached: step,
                touched: now,
                stored: Stored::Open {
                    sealed: seal_draft(&token, d),
                },
            },
        );
        (token, id)
    }

    /// The draft of cookie `token`, if this process has it.
    pub fn open(&self, token: &str) -> Option<Opened> {
        let now = Instant::now();
        let inner = self.inner.lock().expect("drafts lock");
        let e = inner.drafts.get(&lookup(token))?;
        let read = |sealed: &[u8]| -> Option<Draft> {
            serde_json::from_slice(&open(token, b"draft", sealed)?).ok()
        };
        let (draft, state) = match &e.stored {
            Stored::Open { sealed } => (read(sealed)?, State::Open),
            Stored::Filing { sealed } => (read(sealed)?, State::Filing),
            Stored::Filed { sealed_code, at } => {
                let code = (now.duration_since(*at) < RECEIPT_SHOWN)
                    .then(|| open(token, b"receipt", sealed_code))
                    .flatten()
                    .and_then(|c| String::from_utf8(c.to_vec()).ok());
                (Draft::default(), State::Filed(code))
            }
        };
        Some(Opened {
            id: e.id.clone(),
            draft,
            step: e.step,
            reached: e.reached,
            state,
        })
    }

    /// Keeps `d` as the answers of the open draft of `token`, shown next at `step`.
    pub fn save(&self, token: &str, d: &Draft, step: u8) {
        let mut inner = self.inner.lock().expect("drafts lock");
        if let Some(e) = inner.drafts.get_mut(&lookup(token))
            && let Stored::Open { sealed } = &mut e.stored
        {
            *sealed = seal_draft(token, d);
            e.step = step;
            e.reached = e.reached.max(step);
            e.touched = Instant::now();
        }
    }

    /// Starts filing the open draft of `token`: false if it is not open (already sent, or
    /// being sent), so that it is filed once.
    pub fn begin_filing(&self, token: &str) -> bool {
        let mut inner = self.inner.lock().expect("drafts lock");
        match inner.drafts.get_mut(&lookup(token)) {
            Some(e) => {
                match std::mem::replace(&mut e.stored, Stored::Filing { sealed: Vec::new() }) {
                    Stored::Open { sealed } => {
                        e.stored = Stored::Filing { sealed };
                        true
                    }
                    other => {
                        e.stored = other;
                        false
                    }
                }
            }
            None => false,
        }
    }

    /// Filing failed: the draft is open again.
    pub fn failed(&self, token: &str) {
        let mut inner = self.inner.lock().expect("drafts lock");
        if let Some(e) = inner.drafts.get_mut(&lookup(token))
            && let Stored::Filing { sealed } = &mut e.stored
        {
            let sealed = std::mem::take(sealed);
            e.stored = Stored::Open { sealed };
        }
    }

    /// The draft of `token` was filed with receipt `code`: its answers are dropped.
    pub fn filed(&self, token: &str, code: &str) {
        let now = Instant::now();
        let mut inner = self.inner.lock().expect("drafts lock");
        let Some(e) = inner.drafts.get_mut(&lookup(token)) else {
            return;
        };
        e.stored = Stored::Filed {
            sealed_code: seal(token, b"receipt", code.as_bytes()),
            at: now,
        };
        e.touched = now;
        let id = e.id.clone();
        inner.filed.insert(id, now);
    }

    /// Whether the draft with public id `id` was filed (by anyone).
    pub fn was_filed(&self, id: &str) -> bool {
        self.inner
            .lock()
            .expect("drafts lock")
            .filed
            .contains_key(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_opens_only_with_its_token_and_files_once() {
        let drafts = Drafts::default();
        let d = Draft {
            what: "The interpreter never came.".into(),
            ..Draft::default()
        };
        let (token, id) = drafts.create(&d, 1);
        assert!(drafts.open(&new_token()).is_none());
        let o = drafts.open(&token).expect("the draft");
        assert_eq!(
            (o.id.as_str(), o.draft.what.as_str()),
            (id.as_str(), d.what.as_str())
        );
        assert!(drafts.begin_filing(&token));
        assert!(!drafts.begin_filing(&token), "a second send waits");
        drafts.filed(&token, "AAAA-BBBB");
        assert!(!drafts.begin_filing(&token), "filed once");
        assert!(drafts.was_filed(&id));
        let o = drafts.open(&token).expect("the filed draft");
        assert_eq!(o.state, State::Filed(Some("AAAA-BBBB".into())));
        assert!(
            o.draft.what.is_empty(),
            "the answers are dropped once filed"
        );
    }
}
