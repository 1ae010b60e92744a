//! The blob store contract: what every `BlobStore` backend must do. Each backend opens a store
//! over a temporary folder, or over a fresh database of the test PostgreSQL server, and opens it
//! again (a restart, another process or server instance); a new backend adds itself to
//! [`backends`] and passes the same tests.

use recourse::blob::{BlobError, BlobKey, BlobStore, FsBlobStore, PgBlobStore};
use recourse_events::ids::{AttachmentId, CaseId};
use uuid::Uuid;

trait Backend {
    fn name(&self) -> &'static str;
    /// Opens the store (again: over the same folder or database).
    fn open(&self) -> Box<dyn BlobStore>;
}

struct Fs {
    tmp: tempfile::TempDir,
}

impl Backend for Fs {
    fn name(&self) -> &'static str {
        "files"
    }
    fn open(&self) -> Box<dyn BlobStore> {
        Box::new(FsBlobStore::open(&self.tmp.path().join("evidence")).unwrap())
    }
}

/// Blobs in a PostgreSQL database; each opening is a new pool (another instance).
struct Postgres {
    url: String,
}

impl Backend for Postgres {
    fn name(&self) -> &'static str {
        "postgres"
    }
    fn open(&self) -> Box<dyn BlobStore> {
        Box::new(PgBlobStore::open(crate::pg_tables::connect(&self.url)))
    }
}

/// Every backend: files, and PostgreSQL where its test server runs.
fn backends() -> Vec<Box<dyn Backend>> {
    let mut all: Vec<Box<dyn Backend>> = vec![Box::new(Fs {
        tmp: tempfile::tempdir().unwrap(),
    })];
    if let Some(url) = crate::pg::fresh_url() {
        all.push(Box::new(Postgres { url }));
    }
    all
}

fn key(case: CaseId) -> BlobKey {
    BlobKey {
        case,
        attachment: AttachmentId(Uuid::now_v7()),
    }
}

fn case() -> CaseId {
    CaseId(Uuid::now_v7())
}

#[test]
fn a_blob_put_is_read_back_after_reopening_and_a_missing_one_says_so() {
    for b in backends() {
        let store = b.open();
        let k = key(case());
        // A blob never written is missing, by its attachment
        assert!(
            matches!(store.get(&k), Err(BlobError::Missing(a)) if a == k.attachment),
            "{}",
            b.name()
        );
        // Given a blob put: the largest attachment, sealed (nonce and tag added), every byte value
        let size = recourse_events::limits::ATTACHMENT_BYTES + 40;
        let bytes: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
        store.put(&k, &bytes).unwrap();
        // Then it reads back as put, also from a store opened afterwards
        assert_eq!(store.get(&k).unwrap(), bytes, "{}", b.name());
        drop(store);
        let again = b.open();
        assert_eq!(again.get(&k).unwrap(), bytes, "{}", b.name());
        // And a put again replaces it whole
        again.put(&k, b"replaced").unwrap();
        assert_eq!(again.get(&k).unwrap(), b"replaced", "{}", b.name());
        // An empty blob is a blob
        let empty = key(k.case);
        again.put(&empty, b"").unwrap();
        assert_eq!(again.get(&empty).unwrap(), b"", "{}", b.name());
    }
}

#[test]
fn blobs_are_listed_and_deleted_one_by_one_or_by_case() {
    for b in backends() {
        let store = b.open();
        let (one, two) = (case(), case());
        let (a, c, d) = (key(one), key(one), key(two));
        for k in [&a, &c, &d] {
            store.put(k, k.attachment.to_string().as_bytes()).unwrap();
        }
        // Every blob is listed once, just stored (young)
        let mut listed: Vec<BlobKey> = store.list().unwrap().into_iter().map(|l| l.0).collect();
        listed.sort_by_key(|k| k.attachment.0);
        let mut expected = vec![a, c, d];
        expected.sort_by_key(|k| k.attachment.0);
        assert_eq!(listed, expected, "{}", b.name());
        assert!(
            store.list().unwrap().iter().all(|(_, age)| *age < 3600),
            "{}",
            b.name()
        );
        // One is deleted, once
        assert!(store.delete(&a).unwrap(), "{}", b.name());
        assert!(!store.delete(&a).unwrap(), "{}", b.name());
        assert!(matches!(store.get(&a), Err(BlobError::Missing(_))));
        // A case's are deleted together, and only that case's
        assert_eq!(store.delete_case(one).unwrap(), 1, "{}", b.name());
        assert_eq!(store.delete_case(one).unwrap(), 0, "{}", b.name());
        assert!(store.get(&c).is_err());
        assert_eq!(
            store.get(&d).unwrap(),
            d.attachment.to_string().as_bytes(),
            "{}",
            b.name()
        );
        let left: Vec<BlobKey> = store.list().unwrap().into_iter().map(|l| l.0).collect();
        assert_eq!(left, vec![d], "{}", b.name());
    }
}

#[test]
fn a_blob_put_through_one_postgres_instance_is_read_and_deleted_through_another() {
    let Some(url) = crate::pg::fresh_url() else {
        return;
    };
    let b = Postgres { url };
    let (one, two) = (b.open(), b.open());
    let k = key(case());
    one.put(&k, b"sealed photo").unwrap();
    assert_eq!(two.get(&k).unwrap(), b"sealed photo");
    assert_eq!(two.list().unwrap().len(), 1);
    assert_eq!(two.delete_case(k.case).unwrap(), 1);
    assert!(matches!(one.get(&k), Err(BlobError::Missing(_))));
}
