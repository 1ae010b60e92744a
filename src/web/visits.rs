//! The client's tracking visits, so that the tracking page is post, then redirect, then get: a
//! reload, pull-to-refresh or the Back button after sending a message shows the page again
//! without sending anything twice.
//!
//! After the receipt code is given (or an action is taken) the browser gets a visit cookie (a
//! random token, `HttpOnly`, `SameSite=Strict`, `Path=/track`, `Secure` when the app's cookies
//! are) and is sent to `GET /track/case`, which shows the case of the visit. The receipt code is
//! never put in a URL: it is kept in this process's memory only, sealed with XChaCha20-Poly1305
//! under a key derived from the token, which the store never keeps (it finds a visit by the
//! token's domain-separated SHA-256). A visit nobody used for [`VISIT_IDLE`] is forgotten: a
//! newcomer often tracks their complaint on a shared or borrowed phone, and the next person to
//! pick it up must not find the case open; "I'm done" forgets the visit at once. Visits are
//! kept in the [`TransientStore`] (this process's memory on the embedded store, where a restart
//! forgets them and the client gives the code again; the shared database on PostgreSQL, so
//! that any server answers the next request).
//!
//! The notice after an action ("Your message was sent") is kept with the visit as a message id
//! and shown once, by the next page. Each rendering of the tracking page gives its forms a
//! one-time id; an action with an id already used acts not again ([`Visits::begin`]), so that
//! a double tap or a resubmitted form sends one message, one file.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::data_dir::random_bytes;
use crate::transient::{MemoryTransient, Space, TransientStore};
use crate::web::session::new_token;
use crate::web::token_seal::TokenSeal;

/// The visit cookie's name.
pub const VISIT_COOKIE: &str = "recourse_visit";
/// The visit cookie's path: only the tracking pages see it.
pub const VISIT_PATH: &str = "/track";
/// A visit nobody used for this long is forgotten (a shared phone).
pub const VISIT_IDLE: Duration = Duration::from_secs(30 * 60);
/// How long a used one-time id is remembered (a form sent again acts not again).
pub const USED_KEPT: Duration = Duration::from_secs(24 * 3600);
/// How long a one-time id counts as acting, at most (a process that died while acting).
pub const ACTING_AT_MOST: Duration = Duration::from_secs(10 * 60);

/// A visit as its browser sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    /// The receipt code, as the client gave it.
    pub code: String,
    /// The message id of the notice to show once, if any.
    pub flash: Option<String>,
}

/// A one-time id's value while its action runs, and after it acted.
const ACTING: &[u8] = b"acting";
const DONE: &[u8] = b"done";

/// The tracking visits, in a transient store.
pub struct Visits {
    store: Arc<dyn TransientStore>,
}

impl Default for Visits {
    fn default() -> Self {
        Self::new(Arc::new(MemoryTransient::default()))
    }
}

/// A stored visit: the notice's length, the notice, the sealed code.
fn encode(flash: Option<&str>, sealed_code: &[u8]) -> Vec<u8> {
    let flash = flash.unwrap_or("").as_bytes();
    let flash = &flash[..flash.len().min(255)];
    let mut v = Vec::with_capacity(1 + flash.len() + sealed_code.len());
    v.push(flash.len() as u8);
    v.extend_from_slice(flash);
    v.extend_from_slice(sealed_code);
    v
}

fn decode(v: &[u8]) -> Option<(Option<String>, &[u8])> {
    let (&n, rest) = v.split_first()?;
    let n = usize::from(n);
    let flash = rest.get(..n)?;
    let flash = (n > 0)
        .then(|| String::from_utf8(flash.to_vec()).ok())
        .flatten();
    Some((flash, rest.get(n..)?))
}

/// Visits' tokens, separated from other uses.
const SEAL: TokenSeal = TokenSeal {
    lookup: b"recourse/visit-lookup/v1\n",
    key: b"recourse/visit-key/v1\n",
};

fn lookup(token: &str) -> [u8; 32] {
    SEAL.lookup(token)
}

fn seal(token: &str, code: &str) -> Vec<u8> {
    SEAL.seal(token, b"receipt", code.as_bytes())
}

fn unseal(token: &str, sealed: &[u8]) -> Option<String> {
    let plain = SEAL.open(token, b"receipt", sealed)?;
    String::from_utf8(plain.to_vec()).ok()
}

/// Whether `id` looks like a one-time id this module makes (32 hex digits).
fn well_formed(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Visits {
    /// The visits kept in `store`.
    pub fn new(store: Arc<dyn TransientStore>) -> Visits {
        Visits { store }
    }

    /// Keeps `code` (and the notice `flash`) as the visit of cookie `token` when there is one,
    /// else as a new visit: the visit's token, and whether it is new (its cookie must be set).
    pub fn keep(&self, token: Option<&str>, code: &str, flash: Option<&str>) -> (String, bool) {
        let now = SystemTime::now();
        let known = token.filter(|t| {
            self.store
                .get(Space::Visit, &lookup(t), now)
                .unwrap_or_else(|e| {
                    tracing::error!(error = %e, "cannot read a tracking visit");
                    None
                })
                .is_some()
        });
        let (token, new) = match known {
            Some(t) => (t.to_owned(), false),
            None => (new_token(), true),
        };
        let value = encode(flash, &seal(&token, code));
        if let Err(e) = self
            .store
            .put(Space::Visit, &lookup(&token), &value, now, VISIT_IDLE)
        {
            tracing::error!(error = %e, "cannot keep a tracking visit");
        }
        (token, new)
    }

    /// The visit of cookie `token`, if it was used lately; its notice is taken (shown once).
    pub fn open(&self, token: &str) -> Option<Visit> {
        self.open_at(token, SystemTime::now())
    }

    /// [`Visits::open`] at `now`.
    fn open_at(&self, token: &str, now: SystemTime) -> Option<Visit> {
        let key = lookup(token);
        let stored = match self.store.get(Space::Visit, &key, now) {
            Ok(v) => v?,
            Err(e) => {
                tracing::error!(error = %e, "cannot read a tracking visit");
                return None;
            }
        };
        let (flash, sealed) = decode(&stored)?;
        let code = unseal(token, sealed)?;
        // Used now: idle from now on, and the notice shown.
        if let Err(e) = self
            .store
            .put(Space::Visit, &key, &encode(None, sealed), now, VISIT_IDLE)
        {
            tracing::error!(error = %e, "cannot keep a tracking visit");
        }
        Some(Visit { code, flash })
    }

    /// Forgets the visit of cookie `token` ("I'm done").
    pub fn forget(&self, token: &str) {
        if let Err(e) = self.store.delete(Space::Visit, &lookup(token)) {
            tracing::error!(error = %e, "cannot forget a tracking visit");
        }
    }

    /// A new one-time id for the forms of a page.
    pub fn once() -> String {
        hex::encode(random_bytes::<16>())
    }

    /// Starts the action of the form with one-time id `id`: false if that form already acted
    /// (or is acting now), so that it acts once. (Where the store fails, nothing acts.)
    pub fn begin(&self, id: &str) -> bool {
        if !well_formed(id) {
            return false;
        }
        self.store
            .put_new(
                Space::Once,
                id.as_bytes(),
                ACTING,
                SystemTime::now(),
                ACTING_AT_MOST,
            )
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "cannot record a one-time id");
                false
            })
    }

    /// The action of form `id` is over: if it acted, the id stays used; if it was refused, the
    /// form may be sent again (corrected).
    pub fn end(&self, id: &str, acted: bool) {
        let result = if acted {
            self.store.put(
                Space::Once,
                id.as_bytes(),
                DONE,
                SystemTime::now(),
                USED_KEPT,
            )
        } else {
            self.store.delete(Space::Once, id.as_bytes())
        };
        if let Err(e) = result {
            tracing::error!(error = %e, "cannot record a one-time id");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visit_opens_only_with_its_token_and_its_notice_shows_once() {
        let visits = Visits::default();
        let (token, new) = visits.keep(None, "AAAA-BBBB", Some("done-message"));
        assert!(new);
        assert!(visits.open(&new_token()).is_none());
        let v = visits.open(&token).expect("the visit");
        assert_eq!(v.code, "AAAA-BBBB");
        assert_eq!(v.flash.as_deref(), Some("done-message"));
        assert_eq!(visits.open(&token).expect("the visit").flash, None);
        let (again, new) = visits.keep(Some(&token), "CCCC-DDDD", None);
        assert!(!new);
        assert_eq!(again, token);
        assert_eq!(visits.open(&token).expect("the visit").code, "CCCC-DDDD");
        visits.forget(&token);
        assert!(visits.open(&token).is_none());
    }

    #[test]
    fn a_visit_left_idle_is_forgotten() {
        let visits = Visits::default();
        let (token, _) = visits.keep(None, "AAAA-BBBB", None);
        let later = SystemTime::now() + VISIT_IDLE - Duration::from_secs(60);
        assert!(
            visits.open_at(&token, later).is_some(),
            "used within the idle time"
        );
        let idle = later + VISIT_IDLE;
        assert!(visits.open_at(&token, idle).is_none(), "idle too long");
        assert!(
            visits
                .open_at(&token, idle + Duration::from_secs(1))
                .is_none(),
            "and gone for good"
        );
    }

    #[test]
    fn a_one_time_id_acts_once_unless_refused() {
        let visits = Visits::default();
        let id = Visits::once();
        assert!(visits.begin(&id));
        assert!(!visits.begin(&id), "a second send waits");
        visits.end(&id, false);
        assert!(visits.begin(&id), "a refused form may be sent again");
        visits.end(&id, true);
        assert!(!visits.begin(&id), "acted once");
        assert!(!visits.begin("not an id"));
    }
}
