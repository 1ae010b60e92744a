//! The complaint form's drafts, so that every step is a page of its own (post, then redirect,
//! then get): a reload, the Back button, a language switch or a "Change" link shows the answers
//! again without sending anything twice, and a draft is filed at most once.
//!
//! A draft is kept sealed with XChaCha20-Poly1305
//! under a key derived from the browser's draft cookie (a random token, `HttpOnly`,
//! `SameSite=Strict`), which the store never keeps: it finds a draft by the token's domain-separated
//! SHA-256. Each draft also has a public id, carried by the form, which says which draft a
//! submitted form belongs to. Once filed, the draft's answers are dropped and only the receipt
//! code stays, sealed the same way, for [`RECEIPT_SHOWN`]: only the browser that filed it can see
//! it again. The ids of filed drafts are remembered for [`FILED_KEPT`], so that the same form sent
//! again, from anywhere, files nothing. All of this is kept in the [`TransientStore`]: this
//! process's memory on the embedded store (a restart forgets it: a draft is lost, and a form
//! posted again after a restart is a new draft), the shared database on PostgreSQL (any server
//! answers the next step, and a filed draft is filed once whichever server the form reaches).

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_NO_PAD as B64;
use zeroize::Zeroizing;

use crate::data_dir::random_bytes;
use crate::transient::{MemoryTransient, Space, TransientStore};
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

/// A draft as stored: its public id, steps, where it is and what is sealed (the answers, or
/// once filed the receipt code).
#[derive(serde::Serialize, serde::Deserialize, Clone, PartialEq, Eq)]
struct Stored {
    id: String,
    step: u8,
    reached: u8,
    state: Kind,
    sealed: String,
}

#[derive(serde::Serialize, serde::Deserialize, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open,
    Filing,
    Filed,
}

impl Stored {
    fn bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a stored draft serializes")
    }

    fn parse(bytes: &[u8]) -> Option<Stored> {
        serde_json::from_slice(bytes).ok()
    }

    fn sealed(&self) -> Option<Vec<u8>> {
        B64.decode(&self.sealed).ok()
    }
}

/// The drafts, in a transient store.
pub struct Drafts {
    store: Arc<dyn TransientStore>,
}

impl Default for Drafts {
    fn default() -> Self {
        Self::new(Arc::new(MemoryTransient::default()))
    }
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

impl Drafts {
    /// The drafts kept in `store`.
    pub fn new(store: Arc<dyn TransientStore>) -> Drafts {
        Drafts { store }
    }

    fn load(&self, token: &str) -> Option<(Vec<u8>, Stored)> {
        match self
            .store
            .get(Space::Draft, &lookup(token), SystemTime::now())
        {
            Ok(v) => {
                let v = v?;
                let s = Stored::parse(&v)?;
                Some((v, s))
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot read a draft");
                None
            }
        }
    }

    fn keep(&self, token: &str, s: &Stored, ttl: Duration) {
        if let Err(e) = self.store.put(
            Space::Draft,
            &lookup(token),
            &s.bytes(),
            SystemTime::now(),
            ttl,
        ) {
            tracing::error!(error = %e, "cannot keep a draft");
        }
    }

    /// A new draft holding `d` at `step`: its cookie token and its public id.
    pub fn create(&self, d: &Draft, step: u8) -> (String, String) {
        let token = new_token();
        let id = hex::encode(random_bytes::<16>());
        let stored = Stored {
            id: id.clone(),
            step,
            reached: step,
            state: Kind::Open,
            sealed: B64.encode(seal_draft(&token, d)),
        };
        self.keep(&token, &stored, DRAFT_IDLE);
        (token, id)
    }

    /// The draft of cookie `token`, if there is one.
    pub fn open(&self, token: &str) -> Option<Opened> {
        let (_, s) = self.load(token)?;
        let sealed = s.sealed()?;
        let read = |sealed: &[u8]| -> Option<Draft> {
            serde_json::from_slice(&open(token, b"draft", sealed)?).ok()
        };
        let (draft, state) = match s.state {
            Kind::Open => (read(&sealed)?, State::Open),
            Kind::Filing => (read(&sealed)?, State::Filing),
            Kind::Filed => {
                let code = open(token, b"receipt", &sealed)
                    .and_then(|c| String::from_utf8(c.to_vec()).ok());
                (Draft::default(), State::Filed(code))
            }
        };
        Some(Opened {
            id: s.id,
            draft,
            step: s.step,
            reached: s.reached,
            state,
        })
    }

    /// Keeps `d` as the answers of the open draft of `token`, shown next at `step`.
    pub fn save(&self, token: &str, d: &Draft, step: u8) {
        if let Some((_, mut s)) = self.load(token)
            && s.state == Kind::Open
        {
            s.sealed = B64.encode(seal_draft(token, d));
            s.step = step;
            s.reached = s.reached.max(step);
            self.keep(token, &s, DRAFT_IDLE);
        }
    }

    /// Starts filing the open draft of `token`: false if it is not open (already sent, or
    /// being sent, here or on another server), so that it is filed once.
    pub fn begin_filing(&self, token: &str) -> bool {
        let Some((current, mut s)) = self.load(token) else {
            return false;
        };
        if s.state != Kind::Open {
            return false;
        }
        s.state = Kind::Filing;
        self.store
            .swap(
                Space::Draft,
                &lookup(token),
                &current,
                &s.bytes(),
                SystemTime::now(),
                DRAFT_IDLE,
            )
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "cannot mark a draft as being filed");
                false
            })
    }

    /// Filing failed: the draft is open again.
    pub fn failed(&self, token: &str) {
        if let Some((_, mut s)) = self.load(token)
            && s.state == Kind::Filing
        {
            s.state = Kind::Open;
            self.keep(token, &s, DRAFT_IDLE);
        }
    }

    /// The draft of `token` was filed with receipt `code`: its answers are dropped.
    pub fn filed(&self, token: &str, code: &str) {
        let Some((_, mut s)) = self.load(token) else {
            return;
        };
        s.state = Kind::Filed;
        s.sealed = B64.encode(seal(token, b"receipt", code.as_bytes()));
        self.keep(token, &s, RECEIPT_SHOWN);
        if let Err(e) = self.store.put(
            Space::Filed,
            s.id.as_bytes(),
            b"",
            SystemTime::now(),
            FILED_KEPT,
        ) {
            tracing::error!(error = %e, "cannot record a filed draft");
        }
    }

    /// Whether the draft with public id `id` was filed (by anyone).
    pub fn was_filed(&self, id: &str) -> bool {
        self.store
            .get(Space::Filed, id.as_bytes(), SystemTime::now())
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "cannot read filed drafts");
                None
            })
            .is_some()
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
