//! Sessions at the web's edge: the cookies, and the CSRF tokens of forms.
//!
//! The sessions themselves live behind [`SessionStore`] (`crate::sessions`, where their expiry
//! and storage are explained). The session's token travels as the [`SESSION_COOKIE`], HttpOnly
//! and SameSite=Strict. Every form carries a CSRF token: the session's own for staff, and for
//! visitors a random token in the [`CSRF_COOKIE`] that the form must repeat (compared in
//! constant time, [`same_secret`]).
//!
//! Reading the session of a request fails closed: if the store cannot answer, the request is
//! treated as signed out (and the failure logged), never as someone else's.

pub use crate::sessions::{IDLE, LIFETIME, Session, SessionStore, new_token, same_secret};

/// Session cookie name.
pub const SESSION_COOKIE: &str = "recourse_session";
/// Visitors' CSRF cookie name.
pub const CSRF_COOKIE: &str = "recourse_csrf";

/// The web's view of the session store: what a handler needs in one call, failing closed.
impl dyn SessionStore {
    /// The live session of a cookie's token; `None` also when the store cannot answer.
    pub fn get(&self, token: &str) -> Option<Session> {
        self.find(token).unwrap_or_else(|e| {
            tracing::error!(error = %e, "session store unreadable; the request is signed out");
            None
        })
    }

    /// Ends a cookie's session (the cookie is cleared anyway; a store failure is logged).
    pub fn end(&self, token: &str) {
        if let Err(e) = self.finish(token) {
            tracing::error!(error = %e, "a session could not be ended");
        }
    }

    /// Number of live sessions (0 if the store cannot answer).
    pub fn len(&self) -> usize {
        self.count().unwrap_or(0)
    }

    /// No live sessions.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::same_secret;

    #[test]
    fn secrets_are_equal_only_when_identical() {
        assert!(
            same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("abc", "ab")
        );
    }
}
