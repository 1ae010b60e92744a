//! Staff accounts: sign-in names, and each staff member's signing key sealed under their
//! password.
//!
//! The Ed25519 seed that signs a staff member's events is encrypted with XChaCha20-Poly1305
//! under a key derived from their password by Argon2id (OWASP parameters: 19 MiB, 2 passes).
//! Signing in derives that key and opens the seed: a wrong password simply fails to open it, so
//! there is no separate password hash to leak, and the server cannot sign in a staff member's
//! name while they are signed out. New staff receive a one-time set-up link instead of a
//! password: until they choose one, their seed is sealed under the link's secret token (128
//! bits, stored only as a hash), which expires. Accounts live in `accounts.db`, outside the
//! ledger.

use std::path::Path;
use std::sync::Mutex;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use jiff::{SignedDuration, Timestamp};
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::data_dir::random_bytes;

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 12;
/// How long a set-up link stays valid.
pub const SETUP_VALIDITY: SignedDuration = SignedDuration::from_hours(24 * 7);

/// Why signing in or managing an account failed.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// Unknown sign-in name or wrong password (never said which).
    #[error("the sign-in name or password is not right")]
    BadCredentials,
    /// The set-up link is unknown, used or expired.
    #[error("this set-up link is not valid any more; ask an administrator for a new one")]
    BadSetupLink,
    /// The password does not meet the policy.
    #[error("choose a password of at least {MIN_PASSWORD} characters")]
    WeakPassword,
    /// The sign-in name is taken.
    #[error("the sign-in name {0:?} is already used")]
    LoginTaken(String),
    /// The database failed.
    #[error("account storage: {0}")]
    Storage(String),
}

impl From<rusqlite::Error> for AccountError {
    fn from(e: rusqlite::Error) -> Self {
        AccountError::Storage(e.to_string())
    }
}

/// A one-time set-up link's secret.
#[derive(Clone, PartialEq, Eq)]
pub struct SetupToken(pub String);

impl std::fmt::Debug for SetupToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SetupToken(<redacted>)")
    }
}

/// A stored account: staff id, password salt and sealed key (none until set up).
type StoredCredentials = (String, Option<Vec<u8>>, Option<Vec<u8>>);

/// The staff accounts.
pub struct Accounts {
    conn: Mutex<Connection>,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, Some(32)).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn password_key(password: &str, salt: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut out = Zeroizing::new([0u8; 32]);
    argon2()
        .hash_password_into(password.as_bytes(), salt, &mut *out)
        .expect("Argon2 with valid parameters");
    out
}

fn token_key(token: &str) -> Zeroizing<[u8; 32]> {
    Zeroizing::new(
        Sha256::new()
            .chain_update(b"recourse/setup-key/v1\n")
            .chain_update(token.as_bytes())
            .finalize()
            .into(),
    )
}

fn token_lookup(token: &str) -> Vec<u8> {
    Sha256::new()
        .chain_update(b"recourse/setup-lookup/v1\n")
        .chain_update(token.as_bytes())
        .finalize()
        .to_vec()
}

fn seal_seed(key: &[u8; 32], seed: &[u8; 32], login: &str) -> Vec<u8> {
    let nonce = random_bytes::<24>();
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    let mut out = nonce.to_vec();
    let aad = format!("recourse/staff-key/v1\n{login}");
    out.extend(
        cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: seed,
                    aad: aad.as_bytes(),
                },
            )
            .expect("in-memory encryption"),
    );
    out
}

fn open_seed(key: &[u8; 32], sealed: &[u8], login: &str) -> Option<SecretKey> {
    let (nonce, ct) = sealed.split_at_checked(24)?;
    let cipher = XChaCha20Poly1305::new(&Key::from(*key));
    let aad = format!("recourse/staff-key/v1\n{login}");
    let seed = Zeroizing::new(
        cipher
            .decrypt(
                &XNonce::from(<[u8; 24]>::try_from(nonce).ok()?),
                Payload {
                    msg: ct,
                    aad: aad.as_bytes(),
                },
            )
            .ok()?,
    );
    Some(SecretKey::from_seed(
        &<[u8; 32]>::try_from(seed.as_slice()).ok()?,
    ))
}

/// Sign-in names are compared case-insensitively.
fn normalize(login: &str) -> String {
    login.trim().to_lowercase()
}

impl Accounts {
    /// Opens (creating if needed) `accounts.db`.
    pub fn open(path: &Path) -> Result<Accounts, AccountError> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS accounts (
                login TEXT PRIMARY KEY,
                staff TEXT NOT NULL,
                salt BLOB,
                sealed_key BLOB,
                setup_lookup BLOB UNIQUE,
                setup_sealed BLOB,
                setup_expires TEXT
            ) WITHOUT ROWID;",
        )?;
        Ok(Accounts {
            conn: Mutex::new(conn),
        })
    }

    /// Creates an account whose owner sets their password through a one-time link.
    pub fn create_with_setup(
        &self,
        login: &str,
        staff: StaffId,
        key: &SecretKey,
        now: Timestamp,
    ) -> Result<SetupToken, AccountError> {
        let login = normalize(login);
        let token = SetupToken(hex::encode(random_bytes::<16>()));
        let sealed = seal_seed(&token_key(&token.0), &key.seed(), &login);
        let expires = (now + SETUP_VALIDITY).to_string();
        let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        let inserted = conn.execute(
            "INSERT OR IGNORE INTO accounts (login, staff, setup_lookup, setup_sealed, setup_expires) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![login, staff.to_string(), token_lookup(&token.0), sealed, expires],
        )?;
        if inserted == 0 {
            return Err(AccountError::LoginTaken(login));
        }
        Ok(token)
    }

    /// Issues a new set-up link for an existing account (forgotten password, re-enrolment).
    /// The staff member's key must be given again: the server cannot open the old one.
    pub fn reset(
        &self,
        login: &str,
        key: &SecretKey,
        now: Timestamp,
    ) -> Result<SetupToken, AccountError> {
        let login = normalize(login);
        let token = SetupToken(hex::encode(random_bytes::<16>()));
        let sealed = seal_seed(&token_key(&token.0), &key.seed(), &login);
        let n = self.conn.lock().unwrap_or_else(|e| e.into_inner()).execute(
            "UPDATE accounts SET salt = NULL, sealed_key = NULL, setup_lookup = ?2, setup_sealed = ?3, setup_expires = ?4 WHERE login = ?1",
            params![login, token_lookup(&token.0), sealed, (now + SETUP_VALIDITY).to_string()],
        )?;
        if n == 0 {
            return Err(AccountError::BadCredentials);
        }
        Ok(token)
    }

    /// Whether `staff` has an account with a password (set-up completed).
    pub fn has_password(&self, staff: StaffId) -> Result<bool, AccountError> {
        let n: i64 = self
            .conn
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .query_row(
                "SELECT count(*) FROM accounts WHERE staff = ?1 AND sealed_key IS NOT NULL",
                [staff.to_string()],
                |r| r.get(0),
            )?;
        Ok(n > 0)
    }

    /// Creates an account with a password straight away (set-up and demo accounts).
    pub fn create_with_password(
        &self,
        login: &str,
        staff: StaffId,
        key: &SecretKey,
        password: &str,
    ) -> Result<(), AccountError> {
        if password.chars().count() < MIN_PASSWORD {
            return Err(AccountError::WeakPassword);
        }
        let login = normalize(login);
        let salt = random_bytes::<16>();
        let sealed = seal_seed(&password_key(password, &salt), &key.seed(), &login);
        let inserted = self.conn.lock().unwrap_or_else(|e| e.into_inner()).execute(
            "INSERT OR IGNORE INTO accounts (login, staff, salt, sealed_key) VALUES (?1, ?2, ?3, ?4)",
            params![login, staff.to_string(), salt.to_vec(), sealed],
        )?;
        if inserted == 0 {
            return Err(AccountError::LoginTaken(login));
        }
        Ok(())
    }

    /// The account a set-up token opens, if valid at `now`: (login, staff).
    pub fn setup_account(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<(String, StaffId), AccountError> {
        let row: Option<(String, String, String)> = self
            .conn
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .query_row(
                "SELECT login, staff, setup_expires FROM accounts WHERE setup_lookup = ?1",
                [token_lookup(token)],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (login, staff, expires) = row.ok_or(AccountError::BadSetupLink)?;
        let expires: Timestamp = expires.parse().map_err(|_| AccountError::BadSetupLink)?;
        if now > expires {
            return Err(AccountError::BadSetupLink);
        }
        Ok((
            login,
            staff
                .parse()
                .map_err(|_| AccountError::Storage("bad staff id".into()))?,
        ))
    }

    /// Sets the password through a set-up link; returns the signed-in staff member and key.
    pub fn complete_setup(
        &self,
        token: &str,
        password: &str,
        now: Timestamp,
    ) -> Result<(StaffId, SecretKey), AccountError> {
        if password.chars().count() < MIN_PASSWORD {
            return Err(AccountError::WeakPassword);
        }
        let (login, staff) = self.setup_account(token, now)?;
        let conn = self.conn.lock().unwrap_or_else(|e| e.into_inner());
        let sealed: Vec<u8> = conn.query_row(
            "SELECT setup_sealed FROM accounts WHERE login = ?1",
            [&login],
            |r| r.get(0),
        )?;
        let key =
            open_seed(&token_key(token), &sealed, &login).ok_or(AccountError::BadSetupLink)?;
        let salt = random_bytes::<16>();
        let resealed = seal_seed(&password_key(password, &salt), &key.seed(), &login);
        conn.execute(
            "UPDATE accounts SET salt = ?2, sealed_key = ?3, setup_lookup = NULL, setup_sealed = NULL, setup_expires = NULL WHERE login = ?1",
            params![login, salt.to_vec(), resealed],
        )?;
        Ok((staff, key))
    }

    /// Signs in: the staff member and their signing key, or `BadCredentials`.
    pub fn sign_in(
        &self,
        login: &str,
        password: &str,
    ) -> Result<(StaffId, SecretKey), AccountError> {
        let login = normalize(login);
        let row: Option<StoredCredentials> = self
            .conn
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .query_row(
                "SELECT staff, salt, sealed_key FROM accounts WHERE login = ?1",
                [&login],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        match row {
            Some((staff, Some(salt), Some(sealed))) => {
                let key = open_seed(&password_key(password, &salt), &sealed, &login)
                    .ok_or(AccountError::BadCredentials)?;
                Ok((
                    staff
                        .parse()
                        .map_err(|_| AccountError::Storage("bad staff id".into()))?,
                    key,
                ))
            }
            _ => {
                // Same work for an unknown name as for a wrong password: no timing oracle.
                let _ = password_key(password, &[0u8; 16]);
                Err(AccountError::BadCredentials)
            }
        }
    }

    /// Changes a password (the old one must open the key).
    pub fn change_password(&self, login: &str, old: &str, new: &str) -> Result<(), AccountError> {
        if new.chars().count() < MIN_PASSWORD {
            return Err(AccountError::WeakPassword);
        }
        let (_, key) = self.sign_in(login, old)?;
        let login = normalize(login);
        let salt = random_bytes::<16>();
        let sealed = seal_seed(&password_key(new, &salt), &key.seed(), &login);
        self.conn
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .execute(
                "UPDATE accounts SET salt = ?2, sealed_key = ?3 WHERE login = ?1",
                params![login, salt.to_vec(), sealed],
            )?;
        Ok(())
    }

    /// The sign-in name of a staff member, if they have an account.
    pub fn login_of(&self, staff: StaffId) -> Result<Option<String>, AccountError> {
        Ok(self
            .conn
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .query_row(
                "SELECT login FROM accounts WHERE staff = ?1",
                [staff.to_string()],
                |r| r.get(0),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accounts() -> (tempfile::TempDir, Accounts) {
        let t = tempfile::tempdir().unwrap();
        let a = Accounts::open(&t.path().join("accounts.db")).unwrap();
        (t, a)
    }

    #[test]
    fn the_password_opens_the_signing_key_and_nothing_else_does() {
        let (_t, a) = accounts();
        let staff = StaffId(uuid::Uuid::now_v7());
        let key = SecretKey::from_seed(&[4; 32]);
        a.create_with_password("Rui", staff, &key, "correct horse battery")
            .unwrap();
        let (s, k) = a.sign_in(" rui ", "correct horse battery").unwrap();
        assert_eq!((s, k.key_id()), (staff, key.key_id()));
        assert!(matches!(
            a.sign_in("rui", "correct horse batterz"),
            Err(AccountError::BadCredentials)
        ));
        assert!(matches!(
            a.sign_in("nobody", "correct horse battery"),
            Err(AccountError::BadCredentials)
        ));
        assert!(matches!(
            a.create_with_password("RUI", staff, &key, "another long password"),
            Err(AccountError::LoginTaken(_))
        ));
        assert!(matches!(
            a.create_with_password("ana", staff, &key, "short"),
            Err(AccountError::WeakPassword)
        ));
        a.change_password("rui", "correct horse battery", "a brand new passphrase")
            .unwrap();
        assert!(a.sign_in("rui", "correct horse battery").is_err());
        assert_eq!(
            a.sign_in("rui", "a brand new passphrase")
                .unwrap()
                .1
                .key_id(),
            key.key_id()
        );
    }

    #[test]
    fn a_setup_link_works_once_and_expires() {
        let (_t, a) = accounts();
        let staff = StaffId(uuid::Uuid::now_v7());
        let key = SecretKey::from_seed(&[5; 32]);
        let now = Timestamp::now();
        let token = a.create_with_setup("ina", staff, &key, now).unwrap();
        assert!(matches!(
            a.sign_in("ina", "anything at all"),
            Err(AccountError::BadCredentials)
        ));
        let late = now + SETUP_VALIDITY + SignedDuration::from_secs(1);
        assert!(matches!(
            a.complete_setup(&token.0, "my new passphrase", late),
            Err(AccountError::BadSetupLink)
        ));
        let (s, k) = a
            .complete_setup(&token.0, "my new passphrase", now)
            .unwrap();
        assert_eq!((s, k.key_id()), (staff, key.key_id()));
        assert!(matches!(
            a.complete_setup(&token.0, "my new passphrase", now),
            Err(AccountError::BadSetupLink)
        ));
        assert_eq!(
            a.sign_in("ina", "my new passphrase").unwrap().1.key_id(),
            key.key_id()
        );
        assert_eq!(format!("{token:?}"), "SetupToken(<redacted>)");
    }
}
