//! The accounts contract: what every `AccountStore` backend must do. Each backend is a
//! [`Backend`] that opens its store over real files in a temporary folder, or over a fresh
//! database of the test PostgreSQL server, and opens it again (a restart, another process or
//! server instance); a new backend adds itself to [`backends`] and passes the same
//! tests. Besides sign-in and set-up links, the files are searched for what must never be in
//! them: a password, a set-up link's token, a signing key's seed.

use std::path::PathBuf;

use jiff::{SignedDuration, Timestamp};
use recourse::accounts::{
    AccountError, AccountRow, AccountStore, PgAccounts, SETUP_VALIDITY, SqliteAccounts,
};
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;

trait Backend {
    fn name(&self) -> &'static str;
    fn open(&self) -> Box<dyn AccountStore>;
    fn files(&self) -> Vec<PathBuf>;
}

struct Sqlite {
    tmp: tempfile::TempDir,
}

impl Backend for Sqlite {
    fn name(&self) -> &'static str {
        "sqlite"
    }
    fn open(&self) -> Box<dyn AccountStore> {
        Box::new(SqliteAccounts::open(&self.tmp.path().join("accounts.db")).unwrap())
    }
    fn files(&self) -> Vec<PathBuf> {
        std::fs::read_dir(self.tmp.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    }
}

/// The accounts in a PostgreSQL database; each opening is a new pool (another instance).
struct Postgres {
    url: String,
}

impl Backend for Postgres {
    fn name(&self) -> &'static str {
        "postgres"
    }
    fn open(&self) -> Box<dyn AccountStore> {
        Box::new(PgAccounts::open(crate::pg_tables::connect(&self.url)))
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

fn anywhere(b: &dyn Backend, bytes: &[u8]) -> bool {
    b.files().iter().any(|f| {
        std::fs::read(f)
            .map(|data| data.windows(bytes.len()).any(|w| w == bytes))
            .unwrap_or(false)
    })
}

fn staff() -> StaffId {
    StaffId(uuid::Uuid::now_v7())
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[test]
fn the_password_opens_the_signing_key_and_nothing_else_does() {
    for b in backends() {
        let a = b.open();
        let (id, key) = (staff(), SecretKey::from_seed(&[4; 32]));
        // Given an account with a password
        a.create_with_password("Rui", id, &key, "correct horse battery")
            .unwrap();
        // Then the name, in any case and with spaces around, and the password open the key
        let (s, k) = a.sign_in(" rui ", "correct horse battery").unwrap();
        assert_eq!((s, k.key_id()), (id, key.key_id()), "{}", b.name());
        assert!(a.has_password(id).unwrap());
        assert_eq!(a.login_of(id).unwrap().as_deref(), Some("rui"));
        // And nothing else does, without saying which part was wrong
        for (login, password) in [
            ("rui", "correct horse batterz"),
            ("nobody", "correct horse battery"),
        ] {
            assert!(
                matches!(
                    a.sign_in(login, password),
                    Err(AccountError::BadCredentials)
                ),
                "{}: {login}",
                b.name()
            );
        }
        // And a name is not given twice, nor a short password accepted
        assert!(matches!(
            a.create_with_password("RUI", id, &key, "another long password"),
            Err(AccountError::LoginTaken(_))
        ));
        assert!(matches!(
            a.create_with_password("ana", staff(), &key, "short"),
            Err(AccountError::WeakPassword)
        ));
        assert!(a.login_of(staff()).unwrap().is_none());
    }
}

#[test]
fn a_changed_password_is_the_only_one_that_works_and_survives_reopening() {
    for b in backends() {
        let key = SecretKey::from_seed(&[6; 32]);
        {
            let a = b.open();
            a.create_with_password("ina", staff(), &key, "the first passphrase")
                .unwrap();
            assert!(matches!(
                a.change_password("ina", "a wrong passphrase", "a brand new passphrase"),
                Err(AccountError::BadCredentials)
            ));
            assert!(matches!(
                a.change_password("ina", "the first passphrase", "short"),
                Err(AccountError::WeakPassword)
            ));
            a.change_password("ina", "the first passphrase", "a brand new passphrase")
                .unwrap();
        }
        let a = b.open();
        assert!(
            a.sign_in("ina", "the first passphrase").is_err(),
            "{}",
            b.name()
        );
        assert_eq!(
            a.sign_in("ina", "a brand new passphrase")
                .unwrap()
                .1
                .key_id(),
            key.key_id()
        );
    }
}

#[test]
fn a_setup_link_works_once_and_expires() {
    for b in backends() {
        let a = b.open();
        let (id, key) = (staff(), SecretKey::from_seed(&[5; 32]));
        let now = at("2025-03-01T09:00:00Z");
        // Given an account made with a set-up link
        let token = a.create_with_setup("ina", id, &key, now).unwrap();
        assert_eq!(format!("{token:?}"), "SetupToken(<redacted>)");
        assert!(!a.has_password(id).unwrap());
        assert!(matches!(
            a.sign_in("ina", "anything at all"),
            Err(AccountError::BadCredentials)
        ));
        // Then it names its account until it expires
        assert_eq!(a.setup_account(&token.0, now).unwrap(), ("ina".into(), id));
        let last = now + SETUP_VALIDITY;
        assert!(a.setup_account(&token.0, last).is_ok(), "{}", b.name());
        let late = last + SignedDuration::from_secs(1);
        assert!(matches!(
            a.complete_setup(&token.0, "my new passphrase", late),
            Err(AccountError::BadSetupLink)
        ));
        assert!(matches!(
            a.complete_setup(&token.0, "short", now),
            Err(AccountError::WeakPassword)
        ));
        // When the password is chosen, the key is the one sealed, and the link is used up
        let (s, k) = a
            .complete_setup(&token.0, "my new passphrase", now)
            .unwrap();
        assert_eq!((s, k.key_id()), (id, key.key_id()), "{}", b.name());
        assert!(matches!(
            a.complete_setup(&token.0, "my new passphrase", now),
            Err(AccountError::BadSetupLink)
        ));
        assert!(a.setup_account(&token.0, now).is_err());
        assert!(a.has_password(id).unwrap());
        assert_eq!(
            a.sign_in("ina", "my new passphrase").unwrap().1.key_id(),
            key.key_id()
        );
        // And a link nobody issued opens nothing
        assert!(matches!(
            a.setup_account(&"0".repeat(32), now),
            Err(AccountError::BadSetupLink)
        ));
    }
}

#[test]
fn a_reset_removes_the_password_and_the_earlier_link() {
    for b in backends() {
        let a = b.open();
        let (id, old) = (staff(), SecretKey::from_seed(&[8; 32]));
        let now = at("2025-03-01T09:00:00Z");
        a.create_with_password("mo", id, &old, "the old passphrase")
            .unwrap();
        let new = SecretKey::from_seed(&[9; 32]);
        let first = a.reset("MO", &new, now).unwrap();
        assert!(
            a.sign_in("mo", "the old passphrase").is_err(),
            "{}",
            b.name()
        );
        assert!(!a.has_password(id).unwrap());
        let second = a.reset("mo", &new, now).unwrap();
        assert!(a.setup_account(&first.0, now).is_err(), "{}", b.name());
        let (_, k) = a
            .complete_setup(&second.0, "a new passphrase", now)
            .unwrap();
        assert_eq!(k.key_id(), new.key_id());
        // A reset of an account that does not exist says so
        assert!(matches!(
            a.reset("nobody", &new, now),
            Err(AccountError::BadCredentials)
        ));
    }
}

#[test]
fn accounts_survive_reopening_and_the_files_hold_no_secret() {
    for b in backends() {
        let now = at("2025-03-01T09:00:00Z");
        let (rui, ina) = (staff(), staff());
        let seed = [0x5a; 32];
        let token = {
            let a = b.open();
            a.create_with_password(
                "rui",
                rui,
                &SecretKey::from_seed(&seed),
                "a passphrase in clear",
            )
            .unwrap();
            a.create_with_setup("ina", ina, &SecretKey::from_seed(&[0x6b; 32]), now)
                .unwrap()
        };
        // When the store is opened again (a restart)
        let a = b.open();
        // Then both accounts are there, as they were
        assert_eq!(
            a.login_of(rui).unwrap().as_deref(),
            Some("rui"),
            "{}",
            b.name()
        );
        assert!(a.sign_in("rui", "a passphrase in clear").is_ok());
        assert_eq!(a.setup_account(&token.0, now).unwrap().1, ina);
        drop(a);
        // And no file holds the password, the link's token or a seed
        assert!(
            !anywhere(b.as_ref(), b"a passphrase in clear"),
            "{}",
            b.name()
        );
        assert!(!anywhere(b.as_ref(), token.0.as_bytes()), "{}", b.name());
        assert!(!anywhere(b.as_ref(), &seed), "{}", b.name());
        assert!(!anywhere(b.as_ref(), &[0x6b; 32]), "{}", b.name());
    }
}

#[test]
fn accounts_copied_between_backends_sign_in_alike() {
    for from in backends() {
        let now = at("2025-03-01T09:00:00Z");
        let (rui, ina) = (staff(), staff());
        let key = SecretKey::from_seed(&[9; 32]);
        // Given an account with a password and one waiting for its set-up
        let source = from.open();
        source
            .create_with_password("rui", rui, &key, "a long enough passphrase")
            .unwrap();
        let token = source.create_with_setup("ina", ina, &key, now).unwrap();
        let rows = source.export_rows().unwrap();
        for to in backends() {
            // When the rows are imported elsewhere
            let target = to.open();
            target.import_rows(&rows).unwrap();
            let (f, t) = (from.name(), to.name());
            // Then the same password and the same link work there
            let (s, k) = target.sign_in("rui", "a long enough passphrase").unwrap();
            assert_eq!((s, k.key_id()), (rui, key.key_id()), "{f} to {t}");
            assert_eq!(target.setup_account(&token.0, now).unwrap().1, ina);
            assert_eq!(target.export_rows().unwrap(), rows, "{f} to {t}");
            // And an import that meets a sign-in name already there adds nothing at all
            let mut more = rows.clone();
            more.push(AccountRow {
                login: "new-one".into(),
                setup_lookup: None,
                ..rows[1].clone()
            });
            more.rotate_right(1);
            assert!(
                matches!(target.import_rows(&more), Err(AccountError::LoginTaken(l)) if l == "ina"),
                "{f} to {t}"
            );
            assert_eq!(target.export_rows().unwrap(), rows, "{f} to {t}");
        }
    }
}

#[test]
fn two_postgres_instances_see_one_set_of_accounts() {
    let Some(url) = crate::pg::fresh_url() else {
        return;
    };
    let b = Postgres { url };
    let (one, two) = (b.open(), b.open());
    let (id, key) = (staff(), SecretKey::from_seed(&[8; 32]));
    let now = at("2025-03-01T09:00:00Z");
    // An account set up through one instance signs in through the other
    let token = one.create_with_setup("mo", id, &key, now).unwrap();
    two.complete_setup(&token.0, "chosen on the other", now)
        .unwrap();
    assert!(one.complete_setup(&token.0, "chosen again", now).is_err());
    assert_eq!(
        one.sign_in("mo", "chosen on the other").unwrap().1.key_id(),
        key.key_id()
    );
    // A password changed through one is the only one that works through the other
    one.change_password("mo", "chosen on the other", "changed through one")
        .unwrap();
    assert!(two.sign_in("mo", "chosen on the other").is_err());
    assert!(two.sign_in("mo", "changed through one").is_ok());
    // And a sign-in name taken through one is taken for the other
    assert!(matches!(
        two.create_with_password("MO", staff(), &key, "another passphrase"),
        Err(AccountError::LoginTaken(_))
    ));
}
