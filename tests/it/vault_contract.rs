//! The vault contract: what every `KeyVault` backend must do. Each backend is a [`Backend`]
//! that opens a vault over real files in a temporary folder, or over a fresh database of the
//! test PostgreSQL server, and opens it again (as after a restart, or from another process or
//! server instance); a new backend adds itself to [`backends`] and passes the same tests.
//! Erasure is checked to be permanent: after a reopen, and in the bytes of every file the
//! backend keeps (for PostgreSQL, its tables' files after a checkpoint). Two PostgreSQL
//! instances on one database are checked to share keys and erasure.

use std::path::PathBuf;

use recourse::vault::{KeyVault, PgVault, SqliteVault, VaultError};
use recourse_events::limits::{MAX_SEALED_PLAINTEXT, NARRATIVE};
use recourse_events::sealed::Sealed;

/// A vault backend under test, over its own temporary folder.
trait Backend {
    /// The backend's name, for failure messages.
    fn name(&self) -> &'static str;
    /// Opens the vault (again) with a master key.
    fn open(&self, master: &[u8; 32]) -> Box<dyn KeyVault>;
    /// Every file the backend keeps, to search their bytes.
    fn files(&self) -> Vec<PathBuf>;
}

struct Sqlite {
    tmp: tempfile::TempDir,
}

impl Backend for Sqlite {
    fn name(&self) -> &'static str {
        "sqlite"
    }
    fn open(&self, master: &[u8; 32]) -> Box<dyn KeyVault> {
        Box::new(SqliteVault::open(&self.tmp.path().join("vault.db"), master).unwrap())
    }
    fn files(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        let mut dirs = vec![self.tmp.path().to_path_buf()];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    dirs.push(p);
                } else {
                    files.push(p);
                }
            }
        }
        files
    }
}

/// The vault in a PostgreSQL database; each opening is a new pool (another instance).
struct Postgres {
    url: String,
}

impl Backend for Postgres {
    fn name(&self) -> &'static str {
        "postgres"
    }
    fn open(&self, master: &[u8; 32]) -> Box<dyn KeyVault> {
        Box::new(PgVault::open(crate::pg_tables::connect(&self.url), master))
    }
    fn files(&self) -> Vec<PathBuf> {
        crate::pg_tables::files(&self.url)
    }
}

/// Every backend: SQLite, and PostgreSQL where its test server runs.
fn backends() -> Vec<Box<dyn Backend>> {
    let mut all: Vec<Box<dyn Backend>> = vec![Box::new(Sqlite {
        tmp: tempfile::tempdir().unwrap(),
    })];
    if let Some(url) = crate::pg::fresh_url() {
        all.push(Box::new(Postgres { url }));
    }
    all
}

const MASTER: [u8; 32] = [7; 32];

/// Whether any of the backend's files holds `bytes`.
fn anywhere(b: &dyn Backend, bytes: &[u8]) -> bool {
    b.files().iter().any(|f| {
        std::fs::read(f)
            .map(|data| data.windows(bytes.len()).any(|w| w == bytes))
            .unwrap_or(false)
    })
}

#[test]
fn a_sealed_value_opens_only_for_its_field_and_key() {
    for b in backends() {
        let v = b.open(&MASTER);
        // Given a value sealed as a case's narrative
        let k = v.create_key().unwrap();
        let s = v
            .seal(&k, "narrative", "Je n'ai pas eu d'interprète.")
            .unwrap();
        assert!(!s.sealed.contains("interprète"), "{}", b.name());
        // Then it opens as that field, and not as another or under another key
        assert_eq!(
            v.open_sealed(&s, "narrative").unwrap(),
            "Je n'ai pas eu d'interprète."
        );
        assert!(
            matches!(v.open_sealed(&s, "contact"), Err(VaultError::Unsealable(_))),
            "{}",
            b.name()
        );
        let moved = Sealed {
            key: v.create_key().unwrap(),
            ..s.clone()
        };
        assert!(v.open_sealed(&moved, "narrative").is_err(), "{}", b.name());
        let garbled = Sealed {
            sealed: "not base64!".into(),
            ..s
        };
        assert!(matches!(
            v.open_sealed(&garbled, "narrative"),
            Err(VaultError::Malformed)
        ));
    }
}

#[test]
fn the_longest_text_in_any_script_seals_and_a_longer_one_is_refused() {
    for b in backends() {
        let v = b.open(&MASTER);
        let k = v.create_key().unwrap();
        for ch in ['a', 'ع', '中', '😀'] {
            let text: String = std::iter::repeat_n(ch, NARRATIVE).collect();
            let s = v.seal(&k, "narrative", &text).unwrap();
            assert_eq!(
                v.open_sealed(&s, "narrative").unwrap(),
                text,
                "{}",
                b.name()
            );
        }
        let over = "x".repeat(MAX_SEALED_PLAINTEXT + 1);
        assert!(matches!(
            v.seal(&k, "narrative", &over),
            Err(VaultError::TooLong(f, _)) if f == "narrative"
        ));
    }
}

#[test]
fn keys_are_durable_before_use_and_found_after_reopening() {
    for b in backends() {
        // Given keys made by one vault (and one with a chosen id)
        let (ids, sealed, doc) = {
            let v = b.open(&MASTER);
            let ids: Vec<String> = (0..70).map(|_| v.create_key().unwrap()).collect();
            v.create_key_with_id("org-staff").unwrap();
            let doc = v.store_document(&ids[0], b"scan of a letter").unwrap();
            (
                ids.clone(),
                v.seal(&ids[1], "contact", "Amina").unwrap(),
                doc,
            )
        };
        let distinct: std::collections::BTreeSet<_> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len(), "{}", b.name());
        // When it is opened again
        let v = b.open(&MASTER);
        // Then every key handed out is there, and what they sealed opens
        for id in ids.iter().chain([&"org-staff".to_string()]) {
            assert!(v.has_key(id).unwrap(), "{}: {id} is durable", b.name());
        }
        assert_eq!(v.open_sealed(&sealed, "contact").unwrap(), "Amina");
        assert_eq!(v.read_document(&ids[0], &doc).unwrap(), b"scan of a letter");
        let audit = v.audit().unwrap();
        assert!(ids.iter().all(|i| audit.usable.contains(i)));
        assert!(audit.broken.is_empty() && audit.destroyed.is_empty());
        // And a chosen id is not given twice
        assert!(v.create_key_with_id("org-staff").is_err(), "{}", b.name());
    }
}

#[test]
fn erasure_is_permanent_after_reopening_and_in_every_file() {
    for b in backends() {
        // Given a case's contact and a document, sealed under its key
        let v = b.open(&MASTER);
        let k = v.create_key().unwrap();
        let other = v.create_key().unwrap();
        let s = v.seal(&k, "contact", "Amina, 555-0100").unwrap();
        let kept = v.seal(&other, "contact", "Rui").unwrap();
        let doc = v.store_document(&k, b"scan of a letter").unwrap();
        // When its key is destroyed
        assert!(v.destroy(&k).unwrap(), "{}", b.name());
        assert!(!v.destroy(&k).unwrap(), "{}: already gone", b.name());
        // Then nothing of it opens, now
        assert!(matches!(
            v.open_sealed(&s, "contact"),
            Err(VaultError::NoKey(_))
        ));
        assert!(v.read_document(&k, &doc).is_err());
        drop(v);
        // nor after reopening, while other cases are untouched
        let v = b.open(&MASTER);
        assert!(!v.has_key(&k).unwrap(), "{}", b.name());
        assert!(matches!(
            v.open_sealed(&s, "contact"),
            Err(VaultError::NoKey(_))
        ));
        assert!(v.read_document(&k, &doc).is_err());
        assert_eq!(v.open_sealed(&kept, "contact").unwrap(), "Rui");
        let audit = v.audit().unwrap();
        assert!(audit.destroyed.contains(&k) && !audit.usable.contains(&k));
        assert!(audit.usable.contains(&other));
        drop(v);
        // and no file holds the sealed value's plaintext or the key id's wrapped key
        assert!(!anywhere(b.as_ref(), b"Amina, 555-0100"), "{}", b.name());
        assert!(!anywhere(b.as_ref(), b"scan of a letter"), "{}", b.name());
    }
}

#[test]
fn the_wrapped_keys_leave_no_copy_in_the_sqlite_file_after_erasure() {
    let b = Sqlite {
        tmp: tempfile::tempdir().unwrap(),
    };
    let v = b.open(&MASTER);
    let k = v.create_key().unwrap();
    drop(v);
    let db = rusqlite::Connection::open(b.tmp.path().join("vault.db")).unwrap();
    let wrapped: Vec<u8> = db
        .query_row("SELECT wrapped FROM data_keys WHERE id = ?1", [&k], |r| {
            r.get(0)
        })
        .unwrap();
    drop(db);
    assert!(
        anywhere(&b, &wrapped),
        "the wrapped key is in the file first"
    );
    b.open(&MASTER).destroy(&k).unwrap();
    assert!(
        !anywhere(&b, &wrapped),
        "the wrapped key's bytes must not survive in any file"
    );
}

#[test]
fn a_wrong_master_key_unwraps_nothing() {
    for b in backends() {
        let s = {
            let v = b.open(&[1; 32]);
            let k = v.create_key().unwrap();
            v.seal(&k, "f", "secret").unwrap()
        };
        let v = b.open(&[2; 32]);
        assert!(
            matches!(v.open_sealed(&s, "f"), Err(VaultError::Storage(_))),
            "{}",
            b.name()
        );
        let audit = v.audit().unwrap();
        assert!(audit.broken.contains(&s.key) && audit.usable.is_empty());
    }
}

#[test]
fn sealed_files_open_only_with_their_associated_data_and_key() {
    use recourse::vault::seal::attachment_aad;
    for b in backends() {
        // Given a file sealed for attachment 1 of a case
        let v = b.open(&MASTER);
        let k = v.create_key().unwrap();
        let aad = attachment_aad(&k, "case-1", "attachment-1");
        let photo = vec![0xffu8; 100_000];
        let sealed = v.seal_bytes(&k, &aad, &photo).unwrap();
        assert_ne!(
            sealed[..photo.len().min(sealed.len())],
            photo[..],
            "{}",
            b.name()
        );
        // Then it opens for that attachment, after a reopen too
        drop(v);
        let v = b.open(&MASTER);
        assert_eq!(
            v.open_bytes(&k, &aad, &sealed).unwrap(),
            photo,
            "{}",
            b.name()
        );
        // and not as another attachment, or altered
        let other = attachment_aad(&k, "case-1", "attachment-2");
        assert!(v.open_bytes(&k, &other, &sealed).is_err(), "{}", b.name());
        let mut altered = sealed.clone();
        altered[40] ^= 1;
        assert!(v.open_bytes(&k, &aad, &altered).is_err(), "{}", b.name());
        // and not once the key is destroyed
        v.destroy(&k).unwrap();
        assert!(matches!(
            v.open_bytes(&k, &aad, &sealed),
            Err(VaultError::NoKey(_))
        ));
    }
}

#[test]
fn two_postgres_instances_share_keys_and_an_erasure_holds_on_both() {
    let Some(url) = crate::pg::fresh_url() else {
        return;
    };
    let b = Postgres { url };
    // Given two server instances on one database, each with its copy of the master key
    let (one, two) = (b.open(&MASTER), b.open(&MASTER));
    let k = one.create_key().unwrap();
    let s = one.seal(&k, "contact", "Amina, 555-0100").unwrap();
    let doc = one.store_document(&k, b"scan of a letter").unwrap();
    // Then a key made by one opens through the other, and so do its documents
    assert!(two.has_key(&k).unwrap());
    assert_eq!(two.open_sealed(&s, "contact").unwrap(), "Amina, 555-0100");
    assert_eq!(two.read_document(&k, &doc).unwrap(), b"scan of a letter");
    let t = two.seal(&k, "narrative", "sealed by the other").unwrap();
    assert_eq!(
        one.open_sealed(&t, "narrative").unwrap(),
        "sealed by the other"
    );
    // When the key is destroyed through one
    assert!(one.destroy(&k).unwrap());
    // Then the other, which just used it, opens nothing with it any more
    assert!(matches!(
        two.open_sealed(&s, "contact"),
        Err(VaultError::NoKey(_))
    ));
    assert!(two.open_sealed(&t, "narrative").is_err());
    assert!(two.read_document(&k, &doc).is_err());
    assert!(two.seal(&k, "contact", "new").is_err());
    assert!(!two.has_key(&k).unwrap());
    assert!(!two.destroy(&k).unwrap(), "already gone, for both");
    assert!(two.audit().unwrap().destroyed.contains(&k));
    // And a destroyed id cannot be made again, through either
    assert!(two.create_key_with_id(&k).is_err());
    assert!(!one.has_key(&k).unwrap());
}

#[test]
fn a_vault_copied_between_backends_keeps_keys_erasures_and_documents() {
    for from in backends() {
        for to in backends() {
            // Given a vault with a key in use, a destroyed one and a document
            let source = from.open(&MASTER);
            let k = source.create_key().unwrap();
            let gone = source.create_key().unwrap();
            let s = source.seal(&k, "contact", "Rui").unwrap();
            let doc = source
                .store_document(&k, b"a review's attestation")
                .unwrap();
            source.destroy(&gone).unwrap();
            let rows = source.export_rows().unwrap();
            // When its rows are imported into another vault under the same master key
            let target = to.open(&MASTER);
            target.import_rows(&rows).unwrap();
            let (f, t) = (from.name(), to.name());
            // Then the copy opens what the source sealed, and knows what was destroyed
            assert_eq!(
                target.open_sealed(&s, "contact").unwrap(),
                "Rui",
                "{f} to {t}"
            );
            assert_eq!(
                target.read_document(&k, &doc).unwrap(),
                b"a review's attestation",
                "{f} to {t}"
            );
            assert!(!target.has_key(&gone).unwrap(), "{f} to {t}");
            assert!(target.audit().unwrap().destroyed.contains(&gone));
            // and a second import of the same rows changes nothing
            target.import_rows(&rows).unwrap();
            // while a key id present with other bytes is refused, leaving the vault as it was
            let mut other = rows.clone();
            other.keys.iter_mut().for_each(|(_, w)| w[30] ^= 1);
            let before = target.export_rows().unwrap();
            assert!(target.import_rows(&other).is_err(), "{f} to {t}");
            assert_eq!(target.export_rows().unwrap(), before, "{f} to {t}");
        }
    }
}

/// How many tuples on the pages of `vault_keys` (live or dead, as `pageinspect` reads them)
/// hold `bytes`.
fn tuples_holding(url: &str, bytes: &[u8]) -> i64 {
    let bytes = bytes.to_vec();
    crate::pg::server()
        .unwrap()
        .on(url, move |c| {
            c.batch_execute("CREATE EXTENSION IF NOT EXISTS pageinspect")?;
            c.query_one(
                "SELECT count(*) FROM
                   generate_series(0, (pg_relation_size('vault_keys') / 8192)::int - 1) AS p,
                   heap_page_items(get_raw_page('vault_keys', p)) AS t
                 WHERE t.t_data IS NOT NULL AND position($1::bytea IN t.t_data) > 0",
                &[&bytes],
            )
            .map(|r| r.get(0))
        })
        .unwrap()
}

#[test]
fn an_erasure_leaves_no_version_of_the_wrapped_key_on_the_postgres_pages() {
    let Some(url) = crate::pg::fresh_url() else {
        return;
    };
    let b = Postgres { url: url.clone() };
    let v = b.open(&MASTER);
    // Given keys in the table (the one destroyed is the last written to its page)
    let keys: Vec<String> = (0..3).map(|_| v.create_key().unwrap()).collect();
    let id = keys[0].clone();
    let wrapped: Vec<u8> = crate::pg::server()
        .unwrap()
        .on(&url, move |c| {
            c.query_one("SELECT wrapped FROM vault_keys WHERE id = $1", &[&id])
                .map(|r| r.get(0))
        })
        .unwrap();
    assert_eq!(tuples_holding(&url, &wrapped), 1, "one version at first");
    assert!(anywhere(&b, &wrapped), "and it is in the table's file");
    // When it is destroyed (which vacuums the table)
    assert!(v.destroy(&keys[0]).unwrap());
    // Then no version of it is left on any page: a deletion alone would leave the dead one
    // there until a vacuum. (The page's free space is not zeroed by PostgreSQL: what remains,
    // and why it is useless without the master key, is in `vault::postgres`.)
    assert_eq!(tuples_holding(&url, &wrapped), 0);
    assert!(v.has_key(&keys[1]).unwrap() && v.has_key(&keys[2]).unwrap());
}
