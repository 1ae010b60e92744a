//! The transient store contract (tracking visits, drafts, one-time ids): the same behaviour in
//! memory and in PostgreSQL, and on PostgreSQL shared by every server process.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use recourse::postgres::Database;
use recourse::transient::{MemoryTransient, PgTransient, Space, TransientStore};

/// The backends: memory always, PostgreSQL where the test server runs (twice on one database:
/// two server processes).
fn backends() -> Vec<Backend> {
    let memory: Arc<dyn TransientStore> = Arc::new(MemoryTransient::default());
    let mut out = vec![("memory", memory.clone(), memory)];
    if let Some(url) = crate::pg::fresh_url() {
        let open = || -> Arc<dyn TransientStore> {
            let url = url.clone();
            let db = std::thread::spawn(move || Database::connect(&url, 2).unwrap())
                .join()
                .unwrap();
            Arc::new(PgTransient::new(db))
        };
        out.push(("postgres", open(), open()));
    }
    out
}

/// A backend's name and two handles on it (two processes).
type Backend = (
    &'static str,
    Arc<dyn TransientStore>,
    Arc<dyn TransientStore>,
);

const MINUTE: Duration = Duration::from_secs(60);

#[test]
fn values_expire_and_one_time_writes_win_once() {
    for (name, a, b) in backends() {
        let now = SystemTime::now();
        let later = now + 2 * MINUTE;
        a.put(Space::Visit, b"k", b"v1", now, MINUTE).unwrap();
        // Another process sees it; another space does not.
        assert_eq!(
            b.get(Space::Visit, b"k", now).unwrap().as_deref(),
            Some(&b"v1"[..]),
            "{name}"
        );
        assert_eq!(b.get(Space::Draft, b"k", now).unwrap(), None, "{name}");
        assert_eq!(
            b.get(Space::Visit, b"k", later).unwrap(),
            None,
            "{name}: expired"
        );
        // put_new: once while live, again once expired.
        assert!(
            !b.put_new(Space::Visit, b"k", b"v2", now, MINUTE).unwrap(),
            "{name}"
        );
        assert!(
            b.put_new(Space::Visit, b"k", b"v2", later, MINUTE).unwrap(),
            "{name}"
        );
        assert_eq!(
            a.get(Space::Visit, b"k", later).unwrap().as_deref(),
            Some(&b"v2"[..]),
            "{name}"
        );
        // swap only from the expected value.
        assert!(
            !a.swap(Space::Visit, b"k", b"v1", b"v3", later, MINUTE)
                .unwrap(),
            "{name}"
        );
        assert!(
            a.swap(Space::Visit, b"k", b"v2", b"v3", later, MINUTE)
                .unwrap(),
            "{name}"
        );
        assert!(
            !b.swap(Space::Visit, b"k", b"v2", b"v4", later, MINUTE)
                .unwrap(),
            "{name}"
        );
        assert_eq!(
            b.get(Space::Visit, b"k", later).unwrap().as_deref(),
            Some(&b"v3"[..]),
            "{name}"
        );
        b.delete(Space::Visit, b"k").unwrap();
        assert_eq!(a.get(Space::Visit, b"k", later).unwrap(), None, "{name}");
        // Of many processes racing for one id, one wins.
        let id = format!("race-{name}");
        let wins: usize = (0..16)
            .map(|i| {
                let store = if i % 2 == 0 { a.clone() } else { b.clone() };
                let id = id.clone();
                std::thread::spawn(move || {
                    store
                        .put_new(
                            Space::Once,
                            id.as_bytes(),
                            b"acting",
                            SystemTime::now(),
                            MINUTE,
                        )
                        .unwrap()
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| usize::from(t.join().unwrap()))
            .sum();
        assert_eq!(wins, 1, "{name}");
    }
}
