//! Staff sessions: who is signed in, with the signing key their password opened.
//!
//! Signing in opens the staff member's signing key (see `crate::accounts`); a session keeps it
//! under a random 256-bit token, which the web sends as an HttpOnly, SameSite=Strict cookie and
//! which is never stored: a session is found by the token's SHA-256. Sessions end after
//! [`IDLE`] hours without a request, after an absolute lifetime however busy (`--session-hours`,
//! [`LIFETIME`] by default, so a stolen cookie or a forgotten shared computer is not good
//! forever), at sign-out, when the person's password is changed (their other sessions) or reset
//! (all of them), and when they leave or their roles or keys change (all of them). Each session
//! has its own CSRF token for its forms.
//!
//! Sessions are a trait, [`SessionStore`], as the event store is, so that several server
//! processes can share them: [`SqliteSessions`] keeps them in `sessions.db`, with the signing
//! key sealed under a key derived from the token (the file holds nothing that opens a key
//! without the cookie; [`seal`] is that sealing); [`PgSessions`] keeps the same rows in the
//! shared PostgreSQL database, for several server instances; [`MemorySessions`] keeps them in this process only (they end when it
//! stops). Time is read from the application's clock ([`crate::service::Clock`]), so expiry
//! is tested without waiting. `tests/it/session_contract.rs` holds every backend to the same
//! behaviour.

pub mod memory;
pub mod postgres;
pub mod seal;
pub mod sqlite;

pub use memory::MemorySessions;
pub use postgres::PgSessions;
pub use sqlite::SqliteSessions;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use jiff::{SignedDuration, Timestamp};
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::data_dir::random_bytes;

/// Idle time before a session ends.
pub const IDLE: SignedDuration = SignedDuration::from_hours(8);
/// Default absolute lifetime of a session, from sign-in.
pub const LIFETIME: SignedDuration = SignedDuration::from_hours(12);

/// A signed-in staff member.
#[derive(Clone)]
pub struct Session {
    /// Who.
    pub staff: StaffId,
    /// Their signing key, opened at sign-in.
    pub key: SecretKey,
    /// CSRF token for their forms.
    pub csrf: String,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Session({}, key {})", self.staff, self.key.key_id())
    }
}

/// A session store that failed.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The storage failed.
    #[error("session storage: {0}")]
    Storage(String),
}

impl From<rusqlite::Error> for SessionError {
    fn from(e: rusqlite::Error) -> Self {
        SessionError::Storage(e.to_string())
    }
}

/// A fresh random token (URL-safe base64 of 32 bytes).
pub fn new_token() -> String {
    B64.encode(random_bytes::<32>())
}

/// What a store keeps to find a session: the token's SHA-256, never the token.
pub fn lookup(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Constant-time equality of two secrets.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// When a session started and was last used, and whether that is still live at `now`.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    /// Sign-in.
    pub started: Timestamp,
    /// The last request.
    pub last_seen: Timestamp,
}

impl Span {
    /// Whether a session with this span lives at `now`, given its absolute `lifetime`.
    pub fn live(&self, now: Timestamp, lifetime: SignedDuration) -> bool {
        now.duration_since(self.last_seen) < IDLE && now.duration_since(self.started) < lifetime
    }
}

/// Where sessions live.
///
/// Tokens are looked up by their SHA-256 only: no backend stores a token, and a token that
/// differs in any way (one character, a prefix, its hash given as a token) finds nothing.
pub trait SessionStore: Send + Sync + 'static {
    /// Starts a session for `staff` with their signing key; returns its token (to give to the
    /// client once). Expired sessions are cleaned up on the way.
    fn begin(&self, staff: StaffId, key: SecretKey) -> Result<String, SessionError>;

    /// The live session of a token, its last use moved to now; `None` if there is none, or it
    /// ended or expired.
    fn find(&self, token: &str) -> Result<Option<Session>, SessionError>;

    /// Ends the session of a token (nothing if there is none).
    fn finish(&self, token: &str) -> Result<(), SessionError>;

    /// Ends every session of a staff member (roles changed, departed, key revoked, password
    /// reset).
    fn end_all(&self, staff: StaffId) -> Result<(), SessionError>;

    /// Ends every session of a staff member but the one of `keep` (their password changed:
    /// whoever else knew the old one is out, the person who changed it stays in).
    fn end_others(&self, staff: StaffId, keep: &str) -> Result<(), SessionError>;

    /// Removes expired sessions; returns how many.
    fn cleanup(&self) -> Result<usize, SessionError>;

    /// Number of live sessions.
    fn count(&self) -> Result<usize, SessionError>;
}
