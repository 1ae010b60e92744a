//! The store contract: what every `EventStore` backend must do. Each test runs once per
//! backend (`both!` makes a `sqlite` and a `postgres` test of it), on a fresh store from
//! `fresh(backend)`; a new backend adds itself to [`Backend`] and passes the same tests.

use std::sync::Arc;

use recourse::store::{self, EventStore, LogSigner, StoreError, StoreUrl};
use recourse_events::chain::StreamHead;
use recourse_events::checkpoint::{Checkpoint, NoteVerifier};
use recourse_events::merkle::{self, MemoryTree};
use recourse_events::org::{self, LedgerInitialized};
use recourse_events::{Envelope, Event, EventType, SecretKey, StreamId};
use serde_json::json;
use uuid::Uuid;

/// The backends every contract test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded store, in a temporary folder.
    Sqlite,
    /// A fresh database on the test PostgreSQL server (`crate::pg`).
    Postgres,
}

/// `both! { #[attr] name }` runs `async fn name(backend: Backend)` as the tests
/// `name::sqlite` and `name::postgres`.
macro_rules! both {
    (#[$attr:meta] $name:ident) => {
        mod $name {
            #[$attr]
            async fn sqlite() {
                super::$name(super::Backend::Sqlite).await
            }
            #[$attr]
            async fn postgres() {
                super::$name(super::Backend::Postgres).await
            }
        }
    };
}

struct Fresh {
    _tmp: tempfile::TempDir,
    url: StoreUrl,
    store: Arc<dyn EventStore>,
    key: SecretKey,
    signer: LogSigner,
}

/// A fresh store of `backend` holding its first event; `None` where the backend cannot run
/// here (the PostgreSQL harness has said why, and fails instead under CI).
async fn fresh(backend: Backend) -> Option<Fresh> {
    let tmp = tempfile::tempdir().unwrap();
    let url = match backend {
        Backend::Sqlite => StoreUrl::parse(&format!(
            "sqlite://{}",
            tmp.path().join("ledger.db").display()
        ))
        .unwrap(),
        Backend::Postgres => StoreUrl::parse(&crate::pg::fresh_url()?).unwrap(),
    };
    let key = SecretKey::from_seed(&[3; 32]);
    let signer = LogSigner {
        origin: "contract.test/log".into(),
        key: key.clone(),
    };
    let store: Arc<dyn EventStore> =
        Arc::from(store::open(&url, Some(signer.clone())).await.unwrap());
    let init = LedgerInitialized {
        origin: signer.origin.clone(),
        ledger_key: key.public(),
    };
    let f = Fresh {
        _tmp: tmp,
        url,
        store,
        key,
        signer,
    };
    let e = event(
        &f.key,
        &StreamId::org(),
        StreamHead::default(),
        org::LEDGER_INITIALIZED,
        serde_json::to_value(init).unwrap(),
    );
    f.store.append(vec![e]).await.unwrap();
    Some(f)
}

fn event(
    key: &SecretKey,
    stream: &StreamId,
    head: StreamHead,
    kind: EventType,
    data: serde_json::Value,
) -> Event {
    Envelope {
        id: Uuid::now_v7(),
        stream: stream.clone(),
        seq: head.next_seq,
        kind,
        at: jiff::Timestamp::now(),
        actor: key.key_id(),
        prev: head.last,
        data: data.as_object().cloned().unwrap_or_default(),
    }
    .sign(key)
    .unwrap()
}

fn note(key: &SecretKey, stream: &StreamId, head: StreamHead, n: u64) -> Event {
    event(
        key,
        stream,
        head,
        EventType::parse("note.added").unwrap(),
        json!({ "n": n }),
    )
}

/// Appends `n` events to `stream` one by one.
async fn append_n(f: &Fresh, stream: &StreamId, n: u64) -> Vec<Event> {
    let mut out = Vec::new();
    for i in 0..n {
        let head = f.store.head(stream).await.unwrap();
        let e = note(&f.key, stream, head, i);
        f.store.append(vec![e.clone()]).await.unwrap();
        out.push(e);
    }
    out
}

fn case(n: u128) -> StreamId {
    StreamId::case(Uuid::from_u128(n))
}

both! { #[tokio::test] appends_are_read_back_by_stream_and_by_position }
async fn appends_are_read_back_by_stream_and_by_position(backend: Backend) {
    let Some(f) = fresh(backend).await else {
        return;
    };
    let a = append_n(&f, &case(1), 5).await;
    let b = append_n(&f, &case(2), 3).await;
    let more_a = append_n(&f, &case(1), 0).await;
    assert!(more_a.is_empty());
    let stream_a = f.store.read_stream(&case(1)).await.unwrap();
    assert_eq!(
        stream_a.iter().map(|e| e.entry.clone()).collect::<Vec<_>>(),
        a.iter().map(|e| e.entry().to_vec()).collect::<Vec<_>>()
    );
    assert_eq!(
        stream_a.iter().map(|e| e.position).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5]
    );
    assert_eq!(f.store.read_stream(&case(2)).await.unwrap().len(), 3);
    assert!(f.store.read_stream(&case(3)).await.unwrap().is_empty());
    let all = f.store.read_from(0, 100).await.unwrap();
    assert_eq!(all.len(), 9);
    assert_eq!(
        all.iter().map(|e| e.position).collect::<Vec<_>>(),
        (0..9).collect::<Vec<_>>()
    );
    assert_eq!(
        f.store.read_from(6, 2).await.unwrap()[0].entry,
        b[0].entry()
    );
    let head = f.store.head(&case(2)).await.unwrap();
    assert_eq!(
        head,
        StreamHead {
            next_seq: 3,
            last: Some(b[2].leaf_hash())
        }
    );
    assert_eq!(f.store.size().await.unwrap(), 9);
}

both! { #[tokio::test] a_stale_expected_seq_is_a_conflict_and_changes_nothing }
async fn a_stale_expected_seq_is_a_conflict_and_changes_nothing(backend: Backend) {
    let Some(f) = fresh(backend).await else {
        return;
    };
    append_n(&f, &case(1), 2).await;
    let stale = note(&f.key, &case(1), StreamHead::default(), 99);
    let err = f.store.append(vec![stale]).await.unwrap_err();
    assert_eq!(
        err,
        StoreError::Conflict {
            stream: case(1),
            expected: 0,
            actual: 2
        }
    );
    assert_eq!(f.store.size().await.unwrap(), 3);
    assert_eq!(f.store.read_stream(&case(1)).await.unwrap().len(), 2);
}

both! { #[tokio::test(flavor = "multi_thread", worker_threads = 4)] concurrent_appends_with_the_same_expected_seq_exactly_one_wins }
async fn concurrent_appends_with_the_same_expected_seq_exactly_one_wins(backend: Backend) {
    let Some(f) = fresh(backend).await else {
        return;
    };
    append_n(&f, &case(7), 3).await;
    for round in 0..5 {
        let head = f.store.head(&case(7)).await.unwrap();
        let attempts: Vec<Event> = (0..24)
            .map(|i| note(&f.key, &case(7), head, 1000 * round + i))
            .collect();
        let tasks: Vec<_> = attempts
            .iter()
            .cloned()
            .map(|e| {
                let store = f.store.clone();
                tokio::spawn(async move { store.append(vec![e]).await })
            })
            .collect();
        let mut wins = Vec::new();
        for (i, t) in tasks.into_iter().enumerate() {
            match t.await.unwrap() {
                Ok(_) => wins.push(i),
                Err(StoreError::Conflict {
                    expected, actual, ..
                }) => assert_eq!((expected, actual), (head.next_seq, head.next_seq + 1)),
                Err(e) => panic!("unexpected error {e}"),
            }
        }
        assert_eq!(wins.len(), 1, "round {round}: exactly one append wins");
        let stream = f.store.read_stream(&case(7)).await.unwrap();
        assert_eq!(stream.len() as u64, head.next_seq + 1);
        assert_eq!(stream.last().unwrap().entry, attempts[wins[0]].entry());
    }
    assert_eq!(f.store.size().await.unwrap(), 1 + 3 + 5);
}

both! { #[tokio::test] malformed_appends_are_refused_whole }
async fn malformed_appends_are_refused_whole(backend: Backend) {
    let Some(f) = fresh(backend).await else {
        return;
    };
    let first = note(&f.key, &case(1), StreamHead::default(), 0);
    // Events of two streams in one append.
    let other = note(&f.key, &case(2), StreamHead::default(), 0);
    assert!(matches!(
        f.store.append(vec![first.clone(), other]).await,
        Err(StoreError::InvalidAppend(_))
    ));
    // A second event that does not link to the first.
    let unlinked = note(
        &f.key,
        &case(1),
        StreamHead {
            next_seq: 1,
            last: Some(recourse_events::Hash::digest(b"x")),
        },
        1,
    );
    assert!(matches!(
        f.store.append(vec![first.clone(), unlinked]).await,
        Err(StoreError::InvalidAppend(_))
    ));
    assert!(matches!(
        f.store.append(vec![]).await,
        Err(StoreError::InvalidAppend(_))
    ));
    assert_eq!(f.store.size().await.unwrap(), 1);
    // A well-linked pair is appended whole, in one commit.
    let second = note(
        &f.key,
        &case(1),
        StreamHead {
            next_seq: 1,
            last: Some(first.leaf_hash()),
        },
        1,
    );
    let appended = f.store.append(vec![first, second]).await.unwrap();
    assert_eq!(appended.positions, 1..3);
    assert_eq!(appended.tree_size, 3);
}

both! { #[tokio::test] followers_see_new_events_as_they_land }
async fn followers_see_new_events_as_they_land(backend: Backend) {
    let Some(f) = fresh(backend).await else {
        return;
    };
    let mut size = f.store.watch_size();
    assert_eq!(*size.borrow_and_update(), 1);
    let store = f.store.clone();
    let key = f.key.clone();
    let writer = tokio::spawn(async move {
        for i in 0..3 {
            let head = store.head(&case(5)).await.unwrap();
            store
                .append(vec![note(&key, &case(5), head, i)])
                .await
                .unwrap();
        }
    });
    let mut seen = 1;
    while seen < 4 {
        tokio::time::timeout(std::time::Duration::from_secs(10), size.changed())
            .await
            .unwrap()
            .unwrap();
        let now = *size.borrow_and_update();
        // Everything the watch reports is readable (more may have landed since).
        let new = f.store.read_from(seen, 100).await.unwrap();
        assert!(
            new.len() as u64 >= now.saturating_sub(seen),
            "size {now} reported, {} readable from {seen}",
            new.len()
        );
        assert!(new.iter().zip(seen..).all(|(e, p)| e.position == p));
        seen += new.len() as u64;
    }
    writer.await.unwrap();
}

both! { #[tokio::test] proofs_roots_and_checkpoints_agree_with_an_in_memory_tree }
async fn proofs_roots_and_checkpoints_agree_with_an_in_memory_tree(backend: Backend) {
    let Some(f) = fresh(backend).await else {
        return;
    };
    for s in 0..9 {
        append_n(&f, &case(s), 70).await;
    }
    let entries = f.store.read_from(0, 10_000).await.unwrap();
    let tree = MemoryTree::from_leaves(entries.iter().map(|e| merkle::leaf_hash(&e.entry)));
    let n = tree.size();
    assert_eq!(n, 631);
    for size in [1, 2, 255, 256, 257, 512, 600, n] {
        assert_eq!(
            f.store.root(size).await.unwrap(),
            merkle::root(&tree, size).unwrap(),
            "root {size}"
        );
        for index in [0, size / 2, size - 1] {
            assert_eq!(
                f.store.inclusion_proof(index, size).await.unwrap(),
                merkle::inclusion_proof(&tree, index, size).unwrap()
            );
        }
        if size > 1 {
            assert_eq!(
                f.store.consistency_proof(1, size).await.unwrap(),
                merkle::consistency_proof(&tree, 1, size).unwrap()
            );
        }
    }
    assert!(matches!(
        f.store.inclusion_proof(0, n + 1).await,
        Err(StoreError::NotFound(_))
    ));
    let note = f.store.checkpoint().await.unwrap().unwrap();
    let vkey = NoteVerifier::new(&f.signer.origin, f.key.public()).unwrap();
    let (cp, _) = Checkpoint::open(&note, &vkey).unwrap();
    assert_eq!((cp.size, cp.root), (n, tree.root()));
    // History holds the first checkpoint and the latest at least, all signed, ascending.
    let history = f.store.checkpoints(0, 100).await.unwrap();
    assert_eq!(history.first().unwrap().0, 1);
    assert_eq!(history.last().unwrap().0, n);
    for (size, note) in history {
        let (cp, _) = Checkpoint::open(&note, &vkey).unwrap();
        assert_eq!(
            (cp.size, cp.root),
            (size, merkle::root(&tree, size).unwrap())
        );
    }
}

both! { #[tokio::test] a_reopened_store_continues_where_it_stopped }
async fn a_reopened_store_continues_where_it_stopped(backend: Backend) {
    let Some(f) = fresh(backend).await else {
        return;
    };
    append_n(&f, &case(1), 300).await;
    let root_before = f.store.root(301).await.unwrap();
    let Fresh {
        _tmp,
        url,
        store,
        key,
        signer,
    } = f;
    drop(store);
    let reopened: Arc<dyn EventStore> =
        Arc::from(store::open(&url, Some(signer.clone())).await.unwrap());
    assert_eq!(reopened.size().await.unwrap(), 301);
    assert_eq!(reopened.root(301).await.unwrap(), root_before);
    let head = reopened.head(&case(1)).await.unwrap();
    assert_eq!(head.next_seq, 300);
    reopened
        .append(vec![note(&key, &case(1), head, 300)])
        .await
        .unwrap();
    let f2 = Fresh {
        _tmp,
        url,
        store: reopened,
        key,
        signer,
    };
    assert_eq!(f2.store.read_stream(&case(1)).await.unwrap().len(), 301);
    // A read-only handle reads but refuses to append.
    let ro = store::open(&f2.url, None).await.unwrap();
    assert_eq!(ro.size().await.unwrap(), 302);
    let head = ro.head(&case(1)).await.unwrap();
    assert_eq!(
        ro.append(vec![note(&f2.key, &case(1), head, 301)]).await,
        Err(StoreError::ReadOnly)
    );
}

/// SQLite backend: under sustained concurrent appends the write-ahead log stays small (the
/// writer checkpoints it after commits), instead of growing with everything appended.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sqlite_write_ahead_log_stays_small_under_sustained_appends() {
    let f = fresh(Backend::Sqlite).await.unwrap();
    let writers: Vec<_> = (0..32u8)
        .map(|w| {
            let store = f.store.clone();
            let key = f.key.clone();
            tokio::spawn(async move {
                let stream = case(100 + u128::from(w));
                let mut head = StreamHead::default();
                for i in 0..400 {
                    let e = note(&key, &stream, head, i);
                    head = head.advanced(e.leaf_hash());
                    store.append(vec![e]).await.unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.await.unwrap();
    }
    assert_eq!(f.store.size().await.unwrap(), 1 + 32 * 400);
    let wal = f._tmp.path().join("ledger.db-wal");
    let bytes = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    // 12,801 entries with their index rows and tiles take tens of MB of log pages if the
    // log is never restarted; checkpointed every 1,000 pages it stays near 4 MB.
    assert!(bytes < 16 << 20, "the WAL holds {bytes} bytes");
}

/// PostgreSQL: three writers (three store handles, as three server processes have) append to
/// one database at once, to streams of their own and to one shared stream, while a reader
/// follows. No reader ever sees a gap, every acknowledged event is stored exactly once at a
/// position of its own, every checkpoint verifies and agrees with the entries, and every
/// writer's view ends the same.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn several_writers_on_one_postgres_database_keep_one_order() {
    let Some(f) = fresh(Backend::Postgres).await else {
        return;
    };
    let mut writers: Vec<Arc<dyn EventStore>> = vec![f.store.clone()];
    for _ in 0..2 {
        writers.push(Arc::from(
            store::open(&f.url, Some(f.signer.clone())).await.unwrap(),
        ));
    }
    let reader: Arc<dyn EventStore> = Arc::from(store::open(&f.url, None).await.unwrap());
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let follower = {
        let (reader, done) = (reader.clone(), done.clone());
        tokio::spawn(async move {
            let mut next = 0u64;
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst);
                for e in reader.read_from(next, 500).await.unwrap() {
                    assert_eq!(e.position, next, "a reader saw a gap");
                    next += 1;
                }
                if finished {
                    return next;
                }
            }
        })
    };
    let mut tasks = Vec::new();
    for (w, store) in writers.iter().enumerate() {
        for t in 0..8u128 {
            let (store, key) = (store.clone(), f.key.clone());
            let own = case(1000 + w as u128 * 100 + t);
            tasks.push(tokio::spawn(async move {
                let mut acked = Vec::new();
                for i in 0..40 {
                    // Its own stream, and now and then the stream everyone contends for.
                    let stream = if i % 5 == 0 { case(7) } else { own.clone() };
                    loop {
                        let head = store.head(&stream).await.unwrap();
                        let e = note(&key, &stream, head, i);
                        match store.append(vec![e.clone()]).await {
                            Ok(a) => {
                                acked.push((a.positions.start, e.leaf_hash()));
                                break;
                            }
                            Err(StoreError::Conflict { .. }) => continue,
                            Err(other) => panic!("append failed: {other}"),
                        }
                    }
                }
                acked
            }));
        }
    }
    let mut acked = Vec::new();
    for t in tasks {
        acked.extend(t.await.unwrap());
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let followed = follower.await.unwrap();
    let total = 1 + acked.len() as u64;
    assert_eq!(acked.len(), 3 * 8 * 40);
    assert_eq!(followed, total);
    let entries = reader.read_from(0, 100_000).await.unwrap();
    assert_eq!(entries.len() as u64, total);
    // Every acknowledged event is at its position, once.
    let mut positions: Vec<u64> = acked.iter().map(|(p, _)| *p).collect();
    positions.sort();
    positions.dedup();
    assert_eq!(positions.len(), acked.len(), "two events share a position");
    for (position, hash) in &acked {
        assert_eq!(merkle::leaf_hash(&entries[*position as usize].entry), *hash);
    }
    // The tree over the entries in position order is what every checkpoint signed.
    let tree = MemoryTree::from_leaves(entries.iter().map(|e| merkle::leaf_hash(&e.entry)));
    let vkey = NoteVerifier::new(&f.signer.origin, f.key.public()).unwrap();
    for (size, note) in reader.checkpoints(0, 100_000).await.unwrap() {
        let (cp, _) = Checkpoint::open(&note, &vkey).unwrap();
        assert_eq!(
            (cp.size, cp.root),
            (size, merkle::root(&tree, size).unwrap())
        );
    }
    for w in &writers {
        let (cp, _) = Checkpoint::open(&w.checkpoint().await.unwrap().unwrap(), &vkey).unwrap();
        assert_eq!((cp.size, cp.root), (total, tree.root()));
        assert_eq!(w.root(total).await.unwrap(), tree.root());
        assert_eq!(w.read_stream(&case(7)).await.unwrap().len(), 3 * 8 * 8);
    }
}

both! { #[tokio::test] cosignatures_are_verified_before_they_are_kept }
async fn cosignatures_are_verified_before_they_are_kept(backend: Backend) {
    use recourse_events::cosignature::{self, WitnessVerifier};
    let Some(f) = fresh(backend).await else {
        return;
    };
    append_n(&f, &case(7), 3).await;
    let note = f.store.checkpoint().await.unwrap().unwrap();
    let (checkpoint, signed) = Checkpoint::open(
        &note,
        &NoteVerifier::new(&f.signer.origin, f.key.public()).unwrap(),
    )
    .unwrap();
    let size = checkpoint.size;
    let w1 = SecretKey::from_seed(&[41; 32]);
    let w2 = SecretKey::from_seed(&[42; 32]);
    let v1 = WitnessVerifier::new("witness.test/one", w1.public()).unwrap();
    let v2 = WitnessVerifier::new("witness.test/two", w2.public()).unwrap();
    let line = |name: &str, key: &SecretKey, t: u64, text: &str| {
        cosignature::line(&cosignature::cosign(name, key, t, text).unwrap())
    };
    assert!(f.store.cosignatures(size).await.unwrap().is_empty());

    // A good line is kept, for its size, with its time.
    let good = line("witness.test/one", &w1, 1_700_000_000, signed.text());
    assert_eq!(
        f.store.add_cosignature(&note, &v1, &good).await.unwrap(),
        1_700_000_000
    );
    let kept = f.store.cosignatures(size).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].witness, v1.to_string());
    assert_eq!(kept[0].line, good);
    assert_eq!(kept[0].timestamp, 1_700_000_000);
    assert!(f.store.cosignatures(size - 1).await.unwrap().is_empty());

    // Refused, and nothing written: a line by another witness than the one named, a line
    // over another text, a line that is not one, a checkpoint whose root is not the tree's,
    // a checkpoint beyond the log.
    let by_two = line("witness.test/two", &w2, 1_700_000_001, signed.text());
    let refused = |r: Result<u64, StoreError>| {
        assert!(matches!(r, Err(StoreError::Refused(_))), "{r:?}");
    };
    refused(f.store.add_cosignature(&note, &v1, &by_two).await);
    let other_text = signed.text().replace(&format!("\n{size}\n"), "\n1\n");
    refused(
        f.store
            .add_cosignature(&note, &v2, &line("witness.test/two", &w2, 5, &other_text))
            .await,
    );
    refused(
        f.store
            .add_cosignature(&note, &v2, "— witness.test/two !!!")
            .await,
    );
    refused(
        f.store
            .add_cosignature(&note, &v2, &format!("{by_two}{by_two}"))
            .await,
    );
    let forged = Checkpoint {
        root: recourse_events::Hash([9; 32]),
        ..checkpoint.clone()
    };
    let forged_text = forged.to_text();
    refused(
        f.store
            .add_cosignature(
                &forged_text,
                &v2,
                &line("witness.test/two", &w2, 5, &forged_text),
            )
            .await,
    );
    let beyond = Checkpoint {
        size: size + 10,
        ..checkpoint.clone()
    }
    .to_text();
    refused(
        f.store
            .add_cosignature(&beyond, &v2, &line("witness.test/two", &w2, 5, &beyond))
            .await,
    );
    assert_eq!(f.store.cosignatures(size).await.unwrap().len(), 1);

    // A second witness adds its own; a newer line of the first replaces its older one.
    f.store.add_cosignature(&note, &v2, &by_two).await.unwrap();
    let newer = line("witness.test/one", &w1, 1_700_000_100, signed.text());
    f.store.add_cosignature(&note, &v1, &newer).await.unwrap();
    let kept = f.store.cosignatures(size).await.unwrap();
    assert_eq!(kept.len(), 2);
    let one = kept.iter().find(|c| c.witness == v1.to_string()).unwrap();
    assert_eq!(
        (one.line.as_str(), one.timestamp),
        (newer.as_str(), 1_700_000_100)
    );

    // A later checkpoint cosigned by the first witness only: it is that witness's latest,
    // the second's latest stays the earlier size; both sizes are listed, in order.
    append_n(&f, &case(8), 2).await;
    let later_note = f.store.checkpoint().await.unwrap().unwrap();
    let (later, later_signed) = Checkpoint::open(
        &later_note,
        &NoteVerifier::new(&f.signer.origin, f.key.public()).unwrap(),
    )
    .unwrap();
    let later_line = line("witness.test/one", &w1, 1_700_000_200, later_signed.text());
    f.store
        .add_cosignature(&later_note, &v1, &later_line)
        .await
        .unwrap();
    let latest: Vec<(u64, String, String)> = f
        .store
        .latest_cosignatures()
        .await
        .unwrap()
        .into_iter()
        .map(|(n, c)| (n, c.witness, c.line))
        .collect();
    assert_eq!(
        latest,
        [
            (later.size, v1.to_string(), later_line.clone()),
            (size, v2.to_string(), by_two.clone()),
        ]
    );
    assert_eq!(
        f.store.cosigned_sizes(0, 10).await.unwrap(),
        [size, later.size]
    );
    assert_eq!(f.store.cosigned_sizes(0, 1).await.unwrap(), [size]);
    assert_eq!(
        f.store.cosigned_sizes(size, 10).await.unwrap(),
        [later.size]
    );
    assert!(
        f.store
            .cosigned_sizes(later.size, 10)
            .await
            .unwrap()
            .is_empty()
    );

    // Kept across a reopen; a read-only store reads them and refuses to add.
    let url = f.url.clone();
    drop(f.store);
    let reader = store::open(&url, None).await.unwrap();
    assert_eq!(reader.cosignatures(size).await.unwrap().len(), 2);
    assert_eq!(reader.latest_cosignatures().await.unwrap().len(), 2);
    assert!(matches!(
        reader.add_cosignature(&note, &v1, &newer).await,
        Err(StoreError::ReadOnly)
    ));
}

both! { #[tokio::test] a_cosigned_checkpoint_outlives_the_thinning_of_the_history }
async fn a_cosigned_checkpoint_outlives_the_thinning_of_the_history(backend: Backend) {
    use recourse_events::cosignature::{self, WitnessVerifier};
    let Some(f) = fresh(backend).await else {
        return;
    };
    let log = NoteVerifier::new(&f.signer.origin, f.key.public()).unwrap();
    let w = SecretKey::from_seed(&[43; 32]);
    let v = WitnessVerifier::new("witness.test/one", w.public()).unwrap();
    let cosign = |note: &str| {
        let (_, signed) = Checkpoint::open(note, &log).unwrap();
        cosignature::line(
            &cosignature::cosign("witness.test/one", &w, 1_700_000_000, signed.text()).unwrap(),
        )
    };
    let stored = |size: u64| {
        let store = &f.store;
        async move {
            store
                .checkpoints(size - 1, 1)
                .await
                .unwrap()
                .into_iter()
                .any(|(s, _)| s == size)
        }
    };
    append_n(&f, &case(7), 3).await;
    let n = f.store.size().await.unwrap();
    // An uncosigned checkpoint is thinned out of the history by the next append...
    assert!(
        !stored(n - 1).await,
        "the checkpoint before the latest was thinned"
    );
    // ... a cosigned one is not.
    let latest = f.store.checkpoint().await.unwrap().unwrap();
    f.store
        .add_cosignature(&latest, &v, &cosign(&latest))
        .await
        .unwrap();
    append_n(&f, &case(8), 2).await;
    assert!(stored(n).await, "the cosigned checkpoint stays");
    assert!(!stored(n + 1).await, "the next, uncosigned, is thinned");
    // A witness's answer arriving after its checkpoint was thinned brings it back with it.
    let later = f.store.checkpoint().await.unwrap().unwrap();
    append_n(&f, &case(9), 1).await;
    assert!(!stored(n + 2).await);
    f.store
        .add_cosignature(&later, &v, &cosign(&later))
        .await
        .unwrap();
    assert!(stored(n + 2).await, "stored again with its cosignature");
    let (_, back) = f
        .store
        .checkpoints(n + 1, 1)
        .await
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    assert_eq!(back, later);
    // And the ledger, with those rows, still verifies in full.
    let report = recourse::verification::verify_store(f.store.clone(), &log, Default::default())
        .await
        .expect("verifies");
    assert_eq!(report.entries, n + 3);
}
