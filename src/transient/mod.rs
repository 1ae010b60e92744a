//! Short-lived state of the web application: clients' tracking visits, complaint-form drafts
//! and the one-time ids that make a form act once.
//!
//! This state is not evidence and never enters the ledger, but a client must find it on the
//! next request whichever server process answers it: behind a load balancer, a client who
//! gives their receipt code on one server and is redirected to the tracking page may reach
//! another. So it is a trait, [`TransientStore`], as the event store is: [`MemoryTransient`]
//! keeps it in this process (the embedded setup: one server; a restart forgets it), and
//! [`PgTransient`] in the PostgreSQL database every server shares.
//!
//! Values are opaque bytes (the web layer seals anything personal under a key derived from the
//! browser's cookie, which no store keeps), under a key in a [`Space`], each with an expiry.
//! Times are the caller's (milliseconds since the Unix epoch), so that tests set them; servers
//! sharing a database need clocks in step (NTP), as their sessions already do.

pub mod memory;
pub mod postgres;

pub use memory::MemoryTransient;
pub use postgres::PgTransient;

use std::time::{Duration, SystemTime};

/// What a key names: each space has its own keys and its own cap in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Space {
    /// A tracking visit, by the lookup hash of its cookie token.
    Visit,
    /// A form's one-time id being used or used.
    Once,
    /// A complaint-form draft, by the lookup hash of its cookie token.
    Draft,
    /// The public id of a filed draft.
    Filed,
}

impl Space {
    /// The space's name in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Space::Visit => "visit",
            Space::Once => "once",
            Space::Draft => "draft",
            Space::Filed => "filed",
        }
    }
}

/// The storage failed (the web treats the state as absent, and says so in the log).
#[derive(Debug, thiserror::Error)]
#[error("transient state storage: {0}")]
pub struct TransientError(pub String);

/// A moment, in milliseconds since the Unix epoch.
pub fn millis(t: SystemTime) -> i64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// `now` plus `ttl`, in milliseconds since the Unix epoch.
pub fn expiry(now: SystemTime, ttl: Duration) -> i64 {
    millis(now).saturating_add(i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX))
}

/// Short-lived keyed values with expiry, shared by every server process on one store.
///
/// Every method may block on storage, briefly (a local map, or one statement).
pub trait TransientStore: Send + Sync + 'static {
    /// The value at `key`, unless it expired by `now`.
    fn get(
        &self,
        space: Space,
        key: &[u8],
        now: SystemTime,
    ) -> Result<Option<Vec<u8>>, TransientError>;

    /// Sets `key` to `value` until `now + ttl`.
    fn put(
        &self,
        space: Space,
        key: &[u8],
        value: &[u8],
        now: SystemTime,
        ttl: Duration,
    ) -> Result<(), TransientError>;

    /// Sets `key` to `value` until `now + ttl` only if it holds nothing unexpired; whether it
    /// did (atomically: of two concurrent callers, one wins).
    fn put_new(
        &self,
        space: Space,
        key: &[u8],
        value: &[u8],
        now: SystemTime,
        ttl: Duration,
    ) -> Result<bool, TransientError>;

    /// Replaces the value at `key` with `value` (until `now + ttl`) only if it is still
    /// `expected` and unexpired; whether it did (atomically).
    fn swap(
        &self,
        space: Space,
        key: &[u8],
        expected: &[u8],
        value: &[u8],
        now: SystemTime,
        ttl: Duration,
    ) -> Result<bool, TransientError>;

    /// Removes `key`.
    fn delete(&self, space: Space, key: &[u8]) -> Result<(), TransientError>;
}
