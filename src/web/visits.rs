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
//! pick it up must not find the case open; "I'm done" forgets the visit at once. A restart
//! forgets every visit (the client gives the code again); issue 13 moves such state into the
//! store.
//!
//! The notice after an action ("Your message was sent") is kept with the visit as a message id
//! and shown once, by the next page. Each rendering of the tracking page gives its forms a
//! one-time id; an action with an id already used acts not again ([`Visits::begin`]), so that
//! a double tap or a resubmitted form sends one message, one file.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::data_dir::random_bytes;
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
/// At most this many visits at once (the oldest untouched goes first).
pub const MAX_VISITS: usize = 20_000;
/// At most this many used one-time ids remembered.
pub const MAX_USED: usize = 200_000;

/// A visit as its browser sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    /// The receipt code, as the client gave it.
    pub code: String,
    /// The message id of the notice to show once, if any.
    pub flash: Option<String>,
}

struct Entry {
    sealed_code: Vec<u8>,
    flash: Option<String>,
    touched: Instant,
}

/// Whether a one-time id is being used now or was used.
#[derive(Clone, Copy)]
enum Use {
    Acting,
    Done(Instant),
}

#[derive(Default)]
struct Inner {
    visits: HashMap<[u8; 32], Entry>,
    used: HashMap<String, Use>,
}

/// The tracking visits of this process.
#[derive(Default)]
pub struct Visits {
    inner: Mutex<Inner>,
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

impl Inner {
    fn sweep(&mut self, now: Instant) {
        self.visits
            .retain(|_, e| now.duration_since(e.touched) < VISIT_IDLE);
        self.used.retain(|_, u| match u {
            Use::Acting => true,
            Use::Done(at) => now.duration_since(*at) < USED_KEPT,
        });
        if self.visits.len() >= MAX_VISITS
            && let Some(oldest) = self
                .visits
                .iter()
                .min_by_key(|(_, e)| e.touched)
                .map(|(k, _)| *k)
        {
            self.visits.remove(&oldest);
        }
        if self.used.len() >= MAX_USED
            && let Some(oldest) = self
                .used
                .iter()
                .filter_map(|(k, u)| match u {
                    Use::Done(at) => Some((k, *at)),
                    Use::Acting => None,
                })
                .min_by_key(|(_, at)| *at)
                .map(|(k, _)| k.clone())
        {
            self.used.remove(&oldest);
        }
    }
}

impl Visits {
    /// Keeps `code` (and the notice `flash`) as the visit of cookie `token` when this process
    /// has it, else as a new visit: the visit's token, and whether it is new (its cookie must
    /// be set).
    pub fn keep(&self, token: Option<&str>, code: &str, flash: Option<&str>) -> (String, bool) {
        let now = Instant::now();
        let mut inner = self.inner.lock().expect("visits lock");
        inner.sweep(now);
        let known = token.filter(|t| inner.visits.contains_key(&lookup(t)));
        let (token, new) = match known {
            Some(t) => (t.to_owned(), false),
            None => (new_token(), true),
        };
        inner.visits.insert(
            lookup(&token),
            Entry {
                sealed_code: seal(&token, code),
                flash: flash.map(String::from),
                touched: now,
            },
        );
        (token, new)
    }

    /// The visit of cookie `token`, if this process has it and it was used lately; its notice
    /// is taken (shown once).
    pub fn open(&self, token: &str) -> Option<Visit> {
        self.open_at(token, Instant::now())
    }

    /// [`Visits::open`] at `now`.
    fn open_at(&self, token: &str, now: Instant) -> Option<Visit> {
        let mut inner = self.inner.lock().expect("visits lock");
        inner.sweep(now);
        let e = inner.visits.get_mut(&lookup(token))?;
        let code = unseal(token, &e.sealed_code)?;
        e.touched = now;
        Some(Visit {
            code,
            flash: e.flash.take(),
        })
    }

    /// Forgets the visit of cookie `token` ("I'm done").
    pub fn forget(&self, token: &str) {
        self.inner
            .lock()
            .expect("visits lock")
            .visits
            .remove(&lookup(token));
    }

    /// A new one-time id for the forms of a page.
    pub fn once() -> String {
        hex::encode(random_bytes::<16>())
    }

    /// Starts the action of the form with one-time id `id`: false if that form already acted
    /// (or is acting now), so that it acts once.
    pub fn begin(&self, id: &str) -> bool {
        if !well_formed(id) {
            return false;
        }
        let now = Instant::now();
        let mut inner = self.inner.lock().expect("visits lock");
        inner.sweep(now);
        if inner.used.contains_key(id) {
            return false;
        }
        inner.used.insert(id.to_owned(), Use::Acting);
        true
    }

    /// The action of form `id` is over: if it acted, the id stays used; if it was refused, the
    /// form may be sent again (corrected).
    pub fn end(&self, id: &str, acted: bool) {
        let mut inner = self.inner.lock().expect("visits lock");
        if acted {
            inner.used.insert(id.to_owned(), Use::Done(Instant::now()));
        } else {
            inner.used.remove(id);
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
        let later = Instant::now() + VISIT_IDLE - Duration::from_secs(60);
        assert!(
            visits.open_at(&token, later).is_some(),
            "used within the idle time"
        );
        let idle = later + VISIT_IDLE;
        assert!(visits.open_at(&token, idle).is_none(), "idle too long");
        assert!(visits.open(&token).is_none(), "and gone for good");
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
