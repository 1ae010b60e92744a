//! Sessions in this process's memory: a map from the token's SHA-256 to the session. They end
//! when the process stops (the key is never written down). For one server process and for
//! tests; several processes sharing a database use [`super::SqliteSessions`].
//!
//! The map's lock is taken over if a panic poisoned it: it holds whole sessions only, so one
//! failed request must not sign every later one out or fail it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use jiff::SignedDuration;
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;

use super::{Session, SessionError, SessionStore, Span, lookup, new_token};
use crate::service::Clock;

/// Live sessions, in memory.
pub struct MemorySessions {
    map: Mutex<HashMap<[u8; 32], (Session, Span)>>,
    lifetime: SignedDuration,
    clock: Arc<dyn Clock>,
}

impl MemorySessions {
    /// No sessions yet; each will last at most `lifetime` from sign-in, by `clock`.
    pub fn new(lifetime: SignedDuration, clock: Arc<dyn Clock>) -> Self {
        MemorySessions {
            map: Mutex::new(HashMap::new()),
            lifetime,
            clock,
        }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<[u8; 32], (Session, Span)>> {
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl SessionStore for MemorySessions {
    fn begin(&self, staff: StaffId, key: SecretKey) -> Result<String, SessionError> {
        let token = new_token();
        let now = self.clock.now();
        let session = Session {
            staff,
            key,
            csrf: new_token(),
        };
        let span = Span {
            started: now,
            last_seen: now,
        };
        let mut map = self.lock();
        map.retain(|_, (_, s)| s.live(now, self.lifetime));
        map.insert(lookup(&token), (session, span));
        Ok(token)
    }

    fn find(&self, token: &str) -> Result<Option<Session>, SessionError> {
        let now = self.clock.now();
        let mut map = self.lock();
        let key = lookup(token);
        let Some((session, span)) = map.get_mut(&key) else {
            return Ok(None);
        };
        if !span.live(now, self.lifetime) {
            map.remove(&key);
            return Ok(None);
        }
        span.last_seen = now;
        Ok(Some(session.clone()))
    }

    fn finish(&self, token: &str) -> Result<(), SessionError> {
        self.lock().remove(&lookup(token));
        Ok(())
    }

    fn end_all(&self, staff: StaffId) -> Result<(), SessionError> {
        self.lock().retain(|_, (s, _)| s.staff != staff);
        Ok(())
    }

    fn end_others(&self, staff: StaffId, keep: &str) -> Result<(), SessionError> {
        let kept = lookup(keep);
        self.lock()
            .retain(|k, (s, _)| s.staff != staff || *k == kept);
        Ok(())
    }

    fn cleanup(&self) -> Result<usize, SessionError> {
        let now = self.clock.now();
        let mut map = self.lock();
        let before = map.len();
        map.retain(|_, (_, s)| s.live(now, self.lifetime));
        Ok(before - map.len())
    }

    fn count(&self) -> Result<usize, SessionError> {
        let now = self.clock.now();
        Ok(self
            .lock()
            .values()
            .filter(|(_, s)| s.live(now, self.lifetime))
            .count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::SystemClock;

    #[test]
    fn a_poisoned_lock_does_not_end_the_service() {
        let s = Arc::new(MemorySessions::new(
            super::super::LIFETIME,
            Arc::new(SystemClock),
        ));
        let t = s
            .begin(
                StaffId(uuid::Uuid::now_v7()),
                SecretKey::from_seed(&[1; 32]),
            )
            .unwrap();
        let s2 = s.clone();
        let _ = std::thread::spawn(move || {
            let _guard = s2.map.lock().unwrap();
            panic!("a handler fails while holding the lock");
        })
        .join();
        assert!(s.map.is_poisoned());
        assert!(s.find(&t).unwrap().is_some(), "the session survives");
    }
}
