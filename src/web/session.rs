//! Staff sessions and CSRF tokens.
//!
//! Signing in opens the staff member's signing key (see `accounts`); the session keeps it in
//! memory only, under a random 256-bit token sent as an HttpOnly, SameSite=Strict cookie and
//! looked up by its SHA-256 (so the map never holds a usable token). Sessions end after eight
//! idle hours, at sign-out, or when the server restarts (the key is never written down in
//! clear). Every form carries a CSRF token: the session's own for staff, and for visitors a
//! random token in a cookie that the form must repeat (compared in constant time).

use std::collections::HashMap;
use std::sync::Mutex;
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

/// A signed-in staff member.
#[derive(Clone)]
pub struct Session {
    /// Who.
    pub staff: StaffId,
    /// Their signing key, opened at sign-in.
    pub key: SecretKey,
    /// CSRF token for their forms.
    pub csrf: String,
    last_seen: Instant,
}

/// Live sessions.
#[derive(Default)]
pub struct Sessions {
    map: Mutex<HashMap<[u8; 32], Session>>,
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
    /// Starts a session; returns its token.
    pub fn start(&self, staff: StaffId, key: SecretKey) -> String {
        let token = new_token();
        let session = Session {
            staff,
            key,
            csrf: new_token(),
            last_seen: Instant::now(),
        };
        let mut map = self.map.lock().expect("sessions lock");
        map.retain(|_, s| s.last_seen.elapsed() < IDLE);
        map.insert(lookup(&token), session);
        token
    }

    /// The live session of a token, refreshed.
    pub fn get(&self, token: &str) -> Option<Session> {
        let mut map = self.map.lock().expect("sessions lock");
        let key = lookup(token);
        let s = map.get_mut(&key)?;
        if s.last_seen.elapsed() >= IDLE {
            map.remove(&key);
            return None;
        }
        s.last_seen = Instant::now();
        Some(s.clone())
    }

    /// Ends a session.
    pub fn end(&self, token: &str) {
        self.map
            .lock()
            .expect("sessions lock")
            .remove(&lookup(token));
    }

    /// Ends every session of a staff member (roles changed, departed, key revoked).
    pub fn end_all(&self, staff: StaffId) {
        self.map
            .lock()
            .expect("sessions lock")
            .retain(|_, s| s.staff != staff);
    }

    /// Number of live sessions.
    pub fn len(&self) -> usize {
        self.map.lock().expect("sessions lock").len()
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
        assert!(
            same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("abc", "ab")
        );
    }
}
