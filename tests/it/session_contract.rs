//! The session contract: what every `SessionStore` backend must do. Each backend is a
//! [`Backend`] that opens a store over a temporary folder with the application's clock set by
//! the test (expiry is tested by moving the clock, never by waiting); a new backend adds itself
//! to [`backends`] and passes the same tests. Persistent backends (SQLite, and PostgreSQL where
//! its test server runs) are also opened twice at once (two server processes or instances over
//! one database) and again after being closed; the in-memory one ends its sessions with its
//! process, by design.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use recourse::service::ManualClock;
use recourse::sessions::{
    IDLE, LIFETIME, MemorySessions, PgSessions, SessionStore, SqliteSessions, lookup, same_secret,
};
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;

trait Backend {
    fn name(&self) -> &'static str;
    /// Opens the store (again: for a persistent backend, over the same files).
    fn open(&self) -> Arc<dyn SessionStore>;
    /// Whether sessions outlive the store (a reopen, another process).
    fn persistent(&self) -> bool;
    fn files(&self) -> Vec<PathBuf>;
    fn clock(&self) -> &ManualClock;
}

struct Memory {
    clock: Arc<ManualClock>,
    store: Arc<dyn SessionStore>,
}

impl Backend for Memory {
    fn name(&self) -> &'static str {
        "memory"
    }
    fn open(&self) -> Arc<dyn SessionStore> {
        self.store.clone()
    }
    fn persistent(&self) -> bool {
        false
    }
    fn files(&self) -> Vec<PathBuf> {
        Vec::new()
    }
    fn clock(&self) -> &ManualClock {
        &self.clock
    }
}

struct Sqlite {
    tmp: tempfile::TempDir,
    clock: Arc<ManualClock>,
    lifetime: SignedDuration,
}

impl Backend for Sqlite {
    fn name(&self) -> &'static str {
        "sqlite"
    }
    fn open(&self) -> Arc<dyn SessionStore> {
        Arc::new(
            SqliteSessions::open(
                &self.tmp.path().join("sessions.db"),
                self.lifetime,
                self.clock.clone(),
            )
            .unwrap(),
        )
    }
    fn persistent(&self) -> bool {
        true
    }
    fn files(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.tmp.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    }
    fn clock(&self) -> &ManualClock {
        &self.clock
    }
}

/// Sessions in a PostgreSQL database; each opening is a new pool (another instance).
struct Postgres {
    url: String,
    clock: Arc<ManualClock>,
    lifetime: SignedDuration,
}

impl Backend for Postgres {
    fn name(&self) -> &'static str {
        "postgres"
    }
    fn open(&self) -> Arc<dyn SessionStore> {
        Arc::new(PgSessions::open(
            crate::pg_tables::connect(&self.url),
            self.lifetime,
            self.clock.clone(),
        ))
    }
    fn persistent(&self) -> bool {
        true
    }
    fn files(&self) -> Vec<PathBuf> {
        crate::pg_tables::files(&self.url)
    }
    fn clock(&self) -> &ManualClock {
        &self.clock
    }
}

fn start() -> Timestamp {
    "2025-03-01T09:00:00Z".parse().unwrap()
}

/// Every backend, with sessions lasting `lifetime` from sign-in.
fn backends_with(lifetime: SignedDuration) -> Vec<Box<dyn Backend>> {
    let memory_clock = Arc::new(ManualClock::new(start()));
    let mut all: Vec<Box<dyn Backend>> = vec![
        Box::new(Memory {
            store: Arc::new(MemorySessions::new(lifetime, memory_clock.clone())),
            clock: memory_clock,
        }),
        Box::new(Sqlite {
            tmp: tempfile::tempdir().unwrap(),
            clock: Arc::new(ManualClock::new(start())),
            lifetime,
        }),
    ];
    if let Some(url) = crate::pg::fresh_url() {
        all.push(Box::new(Postgres {
            url,
            clock: Arc::new(ManualClock::new(start())),
            lifetime,
        }));
    }
    all
}

fn backends() -> Vec<Box<dyn Backend>> {
    backends_with(LIFETIME)
}

fn person() -> StaffId {
    StaffId(uuid::Uuid::now_v7())
}

fn key(n: u8) -> SecretKey {
    SecretKey::from_seed(&[n; 32])
}

#[test]
fn a_session_is_found_by_its_token_with_its_key_and_csrf_and_ends() {
    for b in backends() {
        let s = b.open();
        let staff = person();
        // Given a session
        let t = s.begin(staff, key(1)).unwrap();
        // Then its token finds it, with the key and a CSRF token of its own
        let found = s.find(&t).unwrap().expect("found");
        assert_eq!(found.staff, staff, "{}", b.name());
        assert_eq!(found.key.key_id(), key(1).key_id());
        assert_eq!(found.csrf.len(), 43, "{}", b.name());
        assert!(
            !same_secret(&found.csrf, &t),
            "the CSRF token is not the session's"
        );
        assert_eq!(s.find(&t).unwrap().unwrap().csrf, found.csrf, "stable");
        let other = s.begin(staff, key(1)).unwrap();
        assert_ne!(other, t);
        assert_ne!(s.find(&other).unwrap().unwrap().csrf, found.csrf);
        assert_eq!(s.count().unwrap(), 2, "{}", b.name());
        // When it ends, it is found no more, and the other one still is
        s.finish(&t).unwrap();
        assert!(s.find(&t).unwrap().is_none(), "{}", b.name());
        assert!(s.find(&other).unwrap().is_some());
        s.finish(&t).unwrap();
        assert_eq!(s.count().unwrap(), 1);
    }
}

#[test]
fn only_the_exact_token_finds_a_session() {
    for b in backends() {
        let s = b.open();
        let t = s.begin(person(), key(1)).unwrap();
        let mut one_off = t.clone().into_bytes();
        one_off[10] = if one_off[10] == b'A' { b'B' } else { b'A' };
        let hash = lookup(&t);
        let near_misses = [
            String::from_utf8(one_off).unwrap(),
            t[..42].to_string(),
            format!("{t}A"),
            t.to_uppercase(),
            hex::encode(hash),
            String::new(),
            "forged".into(),
        ];
        for miss in &near_misses {
            if miss != &t {
                assert!(s.find(miss).unwrap().is_none(), "{}: {miss:?}", b.name());
            }
        }
        assert!(s.find(&t).unwrap().is_some(), "{}", b.name());
        assert!(
            same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("abc", "ab")
        );
    }
}

#[test]
fn a_person_can_be_signed_out_everywhere_or_everywhere_else() {
    for b in backends() {
        let s = b.open();
        let (staff, colleague) = (person(), person());
        let (a, c) = (
            s.begin(staff, key(1)).unwrap(),
            s.begin(staff, key(1)).unwrap(),
        );
        let theirs = s.begin(colleague, key(2)).unwrap();
        // When their password changes from session a, the others of theirs end
        s.end_others(staff, &a).unwrap();
        assert!(s.find(&a).unwrap().is_some(), "{}", b.name());
        assert!(s.find(&c).unwrap().is_none(), "{}", b.name());
        assert!(s.find(&theirs).unwrap().is_some(), "{}", b.name());
        // When they leave, all of theirs end, and only theirs
        s.end_all(staff).unwrap();
        assert!(s.find(&a).unwrap().is_none(), "{}", b.name());
        assert!(s.find(&theirs).unwrap().is_some(), "{}", b.name());
        assert_eq!(s.count().unwrap(), 1);
    }
}

#[test]
fn an_idle_session_ends_and_a_used_one_lives_on() {
    // A lifetime long enough that only idleness ends sessions here.
    for b in backends_with(SignedDuration::from_hours(48)) {
        let s = b.open();
        let (used, idle) = (
            s.begin(person(), key(1)).unwrap(),
            s.begin(person(), key(2)).unwrap(),
        );
        let nearly = IDLE - SignedDuration::from_mins(5);
        // Given one session used a little before the idle time, twice
        b.clock().advance(nearly);
        assert!(s.find(&used).unwrap().is_some(), "{}", b.name());
        b.clock().advance(nearly);
        // Then it lives on, past the idle time from sign-in
        assert!(s.find(&used).unwrap().is_some(), "{}", b.name());
        // And the one never used since sign-in has ended
        assert!(s.find(&idle).unwrap().is_none(), "{}", b.name());
        // When the used one is then left idle for the idle time, it ends too
        b.clock().advance(IDLE);
        assert!(s.find(&used).unwrap().is_none(), "{}", b.name());
        assert_eq!(s.count().unwrap(), 0);
    }
}

#[test]
fn a_session_ends_at_its_lifetime_however_busy() {
    for b in backends() {
        let s = b.open();
        let t = s.begin(person(), key(1)).unwrap();
        let step = SignedDuration::from_hours(1);
        let mut elapsed = SignedDuration::ZERO;
        while elapsed + step < LIFETIME {
            b.clock().advance(step);
            elapsed += step;
            assert!(s.find(&t).unwrap().is_some(), "{} at {elapsed:?}", b.name());
        }
        b.clock().advance(LIFETIME - elapsed);
        assert!(
            s.find(&t).unwrap().is_none(),
            "{}: past its lifetime",
            b.name()
        );
    }
}

#[test]
fn cleanup_removes_expired_sessions_only() {
    for b in backends() {
        let s = b.open();
        let old = s.begin(person(), key(1)).unwrap();
        b.clock().advance(IDLE - SignedDuration::from_hours(1));
        let recent = s.begin(person(), key(2)).unwrap();
        assert_eq!(s.cleanup().unwrap(), 0, "{}", b.name());
        b.clock().advance(SignedDuration::from_hours(2));
        assert_eq!(s.count().unwrap(), 1, "{}", b.name());
        assert_eq!(s.cleanup().unwrap(), 1, "{}", b.name());
        assert!(s.find(&old).unwrap().is_none());
        assert!(s.find(&recent).unwrap().is_some());
    }
}

#[test]
fn persistent_sessions_are_shared_and_survive_a_restart() {
    for b in backends().into_iter().filter(|b| b.persistent()) {
        let staff = person();
        // Given two processes over the same sessions
        let (one, two) = (b.open(), b.open());
        let t = one.begin(staff, key(3)).unwrap();
        // Then the other finds the session, with the same key and CSRF token
        let (a, c) = (
            one.find(&t).unwrap().unwrap(),
            two.find(&t).unwrap().unwrap(),
        );
        assert_eq!(c.key.key_id(), key(3).key_id(), "{}", b.name());
        assert_eq!(a.csrf, c.csrf);
        // And a sign-out everywhere in one is seen by the other
        let u = two.begin(staff, key(3)).unwrap();
        one.end_all(staff).unwrap();
        assert!(two.find(&t).unwrap().is_none() && two.find(&u).unwrap().is_none());
        // When the store is closed and opened again, a session started before is still there
        let v = one.begin(staff, key(3)).unwrap();
        drop((one, two));
        let again = b.open();
        assert_eq!(
            again.find(&v).unwrap().unwrap().staff,
            staff,
            "{}",
            b.name()
        );
        // and still expires on time
        b.clock().advance(LIFETIME);
        assert!(again.find(&v).unwrap().is_none(), "{}", b.name());
    }
}

#[test]
fn the_files_hold_the_tokens_hash_and_nothing_that_opens_a_key() {
    for b in backends().into_iter().filter(|b| b.persistent()) {
        let s = b.open();
        let seed = [0x3c; 32];
        let t = s.begin(person(), SecretKey::from_seed(&seed)).unwrap();
        let csrf = s.find(&t).unwrap().unwrap().csrf;
        drop(s);
        let holds = |bytes: &[u8]| {
            b.files().iter().any(|f| {
                std::fs::read(f)
                    .map(|d| d.windows(bytes.len()).any(|w| w == bytes))
                    .unwrap_or(false)
            })
        };
        assert!(
            holds(&lookup(&t)),
            "{}: found by the token's SHA-256",
            b.name()
        );
        assert!(
            !holds(t.as_bytes()),
            "{}: the token is never stored",
            b.name()
        );
        assert!(!holds(&seed), "{}: nor the signing key", b.name());
        assert!(!holds(csrf.as_bytes()), "{}: nor the CSRF token", b.name());
    }
}

/// A persistent backend whose stored rows a test can alter, as someone with access to the
/// file or the database would.
trait Tamper: Backend {
    /// Runs one SQL statement with one parameter (`$1`) on the backend's storage.
    fn alter(&self, sql: &str, value: Vec<u8>);
    /// The sealed secrets of the only session stored.
    fn sealed(&self) -> Vec<u8>;
}

impl Tamper for Sqlite {
    fn alter(&self, sql: &str, value: Vec<u8>) {
        let db = rusqlite::Connection::open(self.tmp.path().join("sessions.db")).unwrap();
        db.execute(&sql.replace("$1", "?1"), [value]).unwrap();
    }
    fn sealed(&self) -> Vec<u8> {
        let db = rusqlite::Connection::open(self.tmp.path().join("sessions.db")).unwrap();
        db.query_row("SELECT sealed FROM sessions", [], |r| r.get(0))
            .unwrap()
    }
}

impl Tamper for Postgres {
    fn alter(&self, sql: &str, value: Vec<u8>) {
        let sql = sql.to_string();
        crate::pg::server()
            .unwrap()
            .on(&self.url, move |c| c.execute(&sql, &[&value]))
            .unwrap();
    }
    fn sealed(&self) -> Vec<u8> {
        crate::pg::server()
            .unwrap()
            .on(&self.url, |c| {
                c.query_one("SELECT sealed FROM sessions", &[])
                    .map(|r| r.get(0))
            })
            .unwrap()
    }
}

/// The persistent backends, with a way to alter what they store.
fn tamperable() -> Vec<Box<dyn Tamper>> {
    let mut all: Vec<Box<dyn Tamper>> = vec![Box::new(Sqlite {
        tmp: tempfile::tempdir().unwrap(),
        clock: Arc::new(ManualClock::new(start())),
        lifetime: LIFETIME,
    })];
    if let Some(url) = crate::pg::fresh_url() {
        all.push(Box::new(Postgres {
            url,
            clock: Arc::new(ManualClock::new(start())),
            lifetime: LIFETIME,
        }));
    }
    all
}

#[test]
fn a_session_altered_in_storage_is_no_session() {
    for b in tamperable() {
        let s = b.open();
        let (staff, other) = (person(), person());
        let t = s.begin(staff, key(1)).unwrap();
        // The new staff id is given as bytes, in each backend's SQL for text from bytes.
        let set_staff = if b.name() == "sqlite" {
            "UPDATE sessions SET staff = CAST($1 AS TEXT)"
        } else {
            "UPDATE sessions SET staff = convert_from($1, 'UTF8')"
        };
        // Moved to another person: the seal is bound to whose session it is.
        b.alter(set_staff, other.to_string().into_bytes());
        assert!(s.find(&t).unwrap().is_none(), "{}", b.name());
        b.alter(set_staff, staff.to_string().into_bytes());
        assert!(
            s.find(&t).unwrap().is_some(),
            "{}: restored, it opens again",
            b.name()
        );
        // Its sealed secrets altered (one bit).
        let mut sealed = b.sealed();
        sealed[30] ^= 1;
        b.alter("UPDATE sessions SET sealed = $1", sealed);
        assert!(s.find(&t).unwrap().is_none(), "{}", b.name());
    }
}

#[test]
fn signed_out_on_one_postgres_instance_is_signed_out_on_the_other() {
    let Some(url) = crate::pg::fresh_url() else {
        return;
    };
    let b = Postgres {
        url,
        clock: Arc::new(ManualClock::new(start())),
        lifetime: LIFETIME,
    };
    // Given two instances, each with its own pool on the one database
    let (one, two) = (b.open(), b.open());
    let (staff, colleague) = (person(), person());
    let t = one.begin(staff, key(1)).unwrap();
    let theirs = two.begin(colleague, key(2)).unwrap();
    // Then a session begun on one is found on the other, after the other has used it too
    assert_eq!(two.find(&t).unwrap().unwrap().staff, staff);
    b.clock().advance(SignedDuration::from_mins(5));
    assert!(two.find(&t).unwrap().is_some(), "touched through two");
    assert!(one.find(&t).unwrap().is_some());
    // When the person signs out through the other instance
    two.finish(&t).unwrap();
    // Then the session is gone on the first at once, and a colleague's is not
    assert!(one.find(&t).unwrap().is_none());
    assert!(one.find(&theirs).unwrap().is_some());
    // And a password changed through one ends the person's sessions begun through the other
    let (keep, other) = (
        one.begin(staff, key(1)).unwrap(),
        two.begin(staff, key(1)).unwrap(),
    );
    one.end_others(staff, &keep).unwrap();
    assert!(two.find(&other).unwrap().is_none());
    assert!(two.find(&keep).unwrap().is_some());
    assert_eq!(two.count().unwrap(), 2);
}
