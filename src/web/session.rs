//! Staff sessions and CSRF tokens.
//!
//! Signing in opens the staff member's signing key (see `accounts`); the session keeps it in
//! memory only, under a random 256-bit token sent as an HttpOnly, SameSite=Strict cookie and
//! looked up by its SHA-256 (so the map never holds a usable token). Sessions end after eight
//! idle hours, after an absolute lifetime however busy (`--session-hours`, 12 by default, so a
//! stolen cookie or a forgotten shared computer is not good forever), at sign-out, when the
//! person's password is changed (their other sessions) or reset (all of them), or when the
//! server restarts (the key is never written down in clear). Every form carries a CSRF token:
//! the session's own for staff, and for visitors a random token in a cookie that the form must
//! repeat (compared in constant time).
//!
//! The map's lock is taken over if a panic poisoned it: it holds whole sessions only, so one
//! failed request must not sign every later one out or fail it.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::data_dir::random_bytes;

/// Session cookie name.
pub const SESSION_COOKIE: &str = "recourse_session";
/// Visitors' CSRF cookie name.
pub const CSRF_COOKIE: &str = "recourse_csrf";
/// Idle time before a session ends.
pub const IDLE: Duration = Duration::from_secs(8 * 3600);
/// Default absolute lifetime of a session, from sign-in.
pub const LIFETIME: Duration = Duration::from_secs(12 * 3600);

/// A signed-in staff member.
#[derive(Clone)]
pub struct Session {
    /// Who.
    pub staff: StaffId,
    /// Their signing key, opened at sign-in.
    pub key: SecretKey,
    /// CSRF token for their forms.
    pub csrf: String,
    started: Instant,
    last_seen: Instant,
}

impl Session {
    fn live(&self, lifetime: Duration) -> bool {
        self.last_seen.elapsed() < IDLE && self.started.elapsed() < lifetime
    }
}

/// Live sessions.
pub struct Sessions {
    map: Mutex<HashMap<[u8; 32], Session>>,
    lifetime: Duration,
}

impl Default for Sessions {
    fn default() -> Self {
        Sessions::new(LIFETIME)
    }
}

fn lookup(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// A fresh random token (URL-safe base64 of 32 bytes).
pub fn new_token() -> String {
    B64.encode(random_bytes::<32>())
}

/// Constant-time equality of two secrets.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

impl Sessions {
    /// No sessions yet; each will last at most `lifetime` from sign-in.
    pub fn new(lifetime: Duration) -> Self {
        Sessions {
            map: Mutex::new(HashMap::new()),
            lifetime,
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<[u8; 32], Session>> {
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts a session; returns its token.
    pub fn start(&self, staff: StaffId, key: SecretKey) -> String {
        let token = new_token();
        let session = Session {
            staff,
            key,
            csrf: new_token(),
            started: Instant::now(),
            last_seen: Instant::now(),
        };
        let mut map = self.lock();
        map.retain(|_, s| s.live(self.lifetime));
        map.insert(lookup(&token), session);
        token
    }

    /// The live session of a token, refreshed.
    pub fn get(&self, token: &str) -> Option<Session> {
        let mut map = self.lock();
        let key = lookup(token);
        let s = map.get_mut(&key)?;
        if !s.live(self.lifetime) {
            map.remove(&key);
            return None;
        }
        s.last_seen = Instant::now();
        Some(s.clone())
    }

    /// Ends a session.
    pub fn end(&self, token: &str) {
        self.lock().remove(&lookup(token));
    }

    /// Ends every session of a staff member (roles changed, departed, key revoked, password
    /// reset).
    pub fn end_all(&self, staff: StaffId) {
        self.lock().retain(|_, s| s.staff != staff);
    }

    /// Ends every session of a staff member but the one of `keep` (their password changed:
    /// whoever else knew the old one is out, the person who changed it stays in).
    pub fn end_others(&self, staff: StaffId, keep: &str) {
        let kept = lookup(keep);
        self.lock().retain(|k, s| s.staff != staff || *k == kept);
    }

    /// Number of live sessions.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// No live sessions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_are_found_by_token_and_end() {
        let s = Sessions::default();
        let staff = StaffId(uuid::Uuid::now_v7());
        let t = s.start(staff, SecretKey::from_seed(&[1; 32]));
        assert_eq!(s.get(&t).unwrap().staff, staff);
        assert!(s.get("forged").is_none());
        s.end(&t);
        assert!(s.get(&t).is_none());
        let (a, b) = (
            s.start(staff, SecretKey::from_seed(&[1; 32])),
            s.start(staff, SecretKey::from_seed(&[1; 32])),
        );
        let other = s.start(
            StaffId(uuid::Uuid::now_v7()),
            SecretKey::from_seed(&[2; 32]),
        );
        s.end_others(staff, &a);
        assert!(s.get(&a).is_some() && s.get(&b).is_none() && s.get(&other).is_some());
        s.end_all(staff);
        assert!(s.get(&a).is_none() && s.get(&other).is_some());
        assert!(
            same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("abc", "ab")
        );
    }

    #[test]
    fn sessions_end_at_their_lifetime_however_busy() {
        let s = Sessions::new(Duration::from_millis(1));
        let t = s.start(
            StaffId(uuid::Uuid::now_v7()),
            SecretKey::from_seed(&[1; 32]),
        );
        std::thread::sleep(Duration::from_millis(5));
        assert!(s.get(&t).is_none(), "past its lifetime");
        assert_eq!(s.len(), 0);
    }

    #[test]
    fn a_poisoned_lock_does_not_end_the_service() {
        let s = std::sync::Arc::new(Sessions::default());
        let t = s.start(
            StaffId(uuid::Uuid::now_v7()),
            SecretKey::from_seed(&[1; 32]),
        );
        let s2 = s.clone();
        let _ = std::thread::spawn(move || {
            let _guard = s2.map.lock().unwrap();
            panic!("a handler fails while holding the lock");
        })
        .join();
        assert!(s.map.is_poisoned());
        assert!(s.get(&t).is_some(), "the session survives");
    }
}
