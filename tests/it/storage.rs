//! The state behind one store URL (`recourse::storage`): a SQLite URL keeps the vault, blobs,
//! accounts and sessions in the data folder's files; a PostgreSQL URL keeps them all in the
//! database, so that two server instances, each with its own data folder holding copies of the
//! same keys, share them.

use std::sync::Arc;

use recourse::blob::BlobKey;
use recourse::data_dir::DataDir;
use recourse::service::ManualClock;
use recourse::sessions::LIFETIME;
use recourse::storage::Storage;
use recourse::store::StoreUrl;
use recourse_events::SecretKey;
use recourse_events::ids::{AttachmentId, CaseId, StaffId};
use uuid::Uuid;

/// A new data folder with its keys.
fn folder() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::new(tmp.path().join("data"));
    dir.create("test.local/storage").unwrap();
    (tmp, dir)
}

/// A copy of `dir`'s keys in a new data folder (another instance of the same organization).
fn copy_of(dir: &DataDir) -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let copy = DataDir::new(tmp.path().join("data"));
    std::fs::create_dir_all(copy.master_key_path().parent().unwrap()).unwrap();
    std::fs::copy(dir.master_key_path(), copy.master_key_path()).unwrap();
    (tmp, copy)
}

fn clock() -> Arc<ManualClock> {
    Arc::new(ManualClock::new("2025-03-01T09:00:00Z".parse().unwrap()))
}

#[tokio::test]
async fn a_sqlite_url_keeps_the_state_in_the_data_folder() {
    let (_t, dir) = folder();
    let state = Storage::open(&dir, &dir.store_url().unwrap())
        .await
        .unwrap();
    assert!(state.database().is_none());
    let k = state.vault().create_key().unwrap();
    let blob = BlobKey {
        case: CaseId(Uuid::now_v7()),
        attachment: AttachmentId(Uuid::now_v7()),
    };
    state.blobs().put(&blob, b"sealed").unwrap();
    let staff = StaffId(Uuid::now_v7());
    let key = SecretKey::from_seed(&[1; 32]);
    state
        .accounts()
        .unwrap()
        .create_with_password("rui", staff, &key, "a long passphrase")
        .unwrap();
    let sessions = state.sessions(LIFETIME, clock()).unwrap();
    let token = sessions.begin(staff, key).unwrap();
    // Each is where the data folder has always kept it
    for path in [dir.vault_path(), dir.accounts_path(), dir.sessions_path()] {
        assert!(path.is_file(), "{}", path.display());
    }
    assert!(
        dir.evidence_path()
            .join(blob.case.to_string())
            .join(format!("{}.sealed", blob.attachment))
            .is_file()
    );
    // And a second opening of the folder finds all of it
    let again = Storage::open(&dir, &dir.store_url().unwrap())
        .await
        .unwrap();
    assert!(again.vault().has_key(&k).unwrap());
    assert_eq!(again.blobs().get(&blob).unwrap(), b"sealed");
    assert!(
        again
            .accounts()
            .unwrap()
            .sign_in("rui", "a long passphrase")
            .is_ok()
    );
    assert!(
        again
            .sessions(LIFETIME, clock())
            .unwrap()
            .find(&token)
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn two_instances_on_one_postgres_url_share_the_whole_state() {
    let Some(url) = crate::pg::fresh_url() else {
        return;
    };
    let url = StoreUrl::Postgres(url);
    // Given two instances, each with its own data folder holding a copy of the master key
    let (_t1, first) = folder();
    let (_t2, second) = copy_of(&first);
    let one = Storage::open(&first, &url).await.unwrap();
    let two = Storage::open(&second, &url).await.unwrap();
    assert!(one.database().is_some() && two.database().is_some());
    // When the first makes a key, stores a file, an account and a session
    let k = one.vault().create_key().unwrap();
    let sealed = one.vault().seal(&k, "contact", "Amina").unwrap();
    let blob = BlobKey {
        case: CaseId(Uuid::now_v7()),
        attachment: AttachmentId(Uuid::now_v7()),
    };
    one.blobs().put(&blob, b"sealed").unwrap();
    let staff = StaffId(Uuid::now_v7());
    let key = SecretKey::from_seed(&[2; 32]);
    one.accounts()
        .unwrap()
        .create_with_password("ina", staff, &key, "a long passphrase")
        .unwrap();
    let token = one
        .sessions(LIFETIME, clock())
        .unwrap()
        .begin(staff, key)
        .unwrap();
    // Then the second has all of it
    assert_eq!(
        two.vault().open_sealed(&sealed, "contact").unwrap(),
        "Amina"
    );
    assert_eq!(two.blobs().get(&blob).unwrap(), b"sealed");
    assert!(
        two.accounts()
            .unwrap()
            .sign_in("ina", "a long passphrase")
            .is_ok()
    );
    let theirs = two.sessions(LIFETIME, clock()).unwrap();
    assert_eq!(theirs.find(&token).unwrap().unwrap().staff, staff);
    // And nothing of the state was written to either data folder
    for dir in [&first, &second] {
        for path in [dir.vault_path(), dir.accounts_path(), dir.sessions_path()] {
            assert!(!path.exists(), "{}", path.display());
        }
        assert!(!dir.evidence_path().exists());
    }
    // While an erasure or a sign-out through the second holds for the first at once
    two.vault().destroy(&k).unwrap();
    assert!(one.vault().open_sealed(&sealed, "contact").is_err());
    theirs.finish(&token).unwrap();
    let mine = one.sessions(LIFETIME, clock()).unwrap();
    assert!(mine.find(&token).unwrap().is_none());
}

#[tokio::test]
async fn a_postgres_url_that_cannot_be_reached_is_a_clear_error() {
    let (_t, dir) = folder();
    let url = StoreUrl::Postgres("postgres://nobody@%2Fnonexistent-socket-dir:5999/none".into());
    let e = Storage::open(&dir, &url).await.unwrap_err();
    assert!(e.to_string().starts_with("PostgreSQL"), "{e}");
}
