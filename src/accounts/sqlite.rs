//! The SQLite accounts: one row per sign-in name in `accounts.db`, outside the ledger, with
//! the password's salt and the sealed signing key, or, until set-up, the set-up link's lookup
//! hash, its sealed key and its expiry.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use jiff::Timestamp;
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use rusqlite::{Connection, OptionalExtension, params};

use super::credentials::{
    expiry, open_seed, parse_staff, password_key, salt, seal_seed, setup_token, token_key,
    token_lookup,
};
use super::{AccountError, AccountRow, AccountStore, MIN_PASSWORD, SetupToken, normalize};

/// A stored account: staff id, password salt and sealed key (none until set up).
type StoredCredentials = (String, Option<Vec<u8>>, Option<Vec<u8>>);

/// The staff accounts in a SQLite file.
pub struct SqliteAccounts {
    conn: Mutex<Connection>,
}

impl SqliteAccounts {
    /// Opens (creating if needed) `accounts.db`.
    pub fn open(path: &Path) -> Result<SqliteAccounts, AccountError> {
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
        Ok(SqliteAccounts {
            conn: Mutex::new(conn),
        })
    }

    /// The connection, recovered if a panic poisoned its lock (it holds no half-made state:
    /// every write is one statement).
    fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl AccountStore for SqliteAccounts {
    fn create_with_setup(
        &self,
        login: &str,
        staff: StaffId,
        key: &SecretKey,
        now: Timestamp,
    ) -> Result<SetupToken, AccountError> {
        let login = normalize(login);
        let token = setup_token();
        let sealed = seal_seed(&token_key(&token.0), &key.seed(), &login)?;
        let inserted = self.conn().execute(
            "INSERT OR IGNORE INTO accounts (login, staff, setup_lookup, setup_sealed, setup_expires) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![login, staff.to_string(), token_lookup(&token.0), sealed, expiry(now)],
        )?;
        if inserted == 0 {
            return Err(AccountError::LoginTaken(login));
        }
        Ok(token)
    }

    fn reset(
        &self,
        login: &str,
        key: &SecretKey,
        now: Timestamp,
    ) -> Result<SetupToken, AccountError> {
        let login = normalize(login);
        let token = setup_token();
        let sealed = seal_seed(&token_key(&token.0), &key.seed(), &login)?;
        let n = self.conn().execute(
            "UPDATE accounts SET salt = NULL, sealed_key = NULL, setup_lookup = ?2, setup_sealed = ?3, setup_expires = ?4 WHERE login = ?1",
            params![login, token_lookup(&token.0), sealed, expiry(now)],
        )?;
        if n == 0 {
            return Err(AccountError::BadCredentials);
        }
        Ok(token)
    }

    fn has_password(&self, staff: StaffId) -> Result<bool, AccountError> {
        let n: i64 = self.conn().query_row(
            "SELECT count(*) FROM accounts WHERE staff = ?1 AND sealed_key IS NOT NULL",
            [staff.to_string()],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    fn create_with_password(
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
        let salt = salt();
        let sealed = seal_seed(&*password_key(password, &salt)?, &key.seed(), &login)?;
        let inserted = self.conn().execute(
            "INSERT OR IGNORE INTO accounts (login, staff, salt, sealed_key) VALUES (?1, ?2, ?3, ?4)",
            params![login, staff.to_string(), salt.to_vec(), sealed],
        )?;
        if inserted == 0 {
            return Err(AccountError::LoginTaken(login));
        }
        Ok(())
    }

    fn setup_account(
        &self,
        token: &str,
        now: Timestamp,
    ) -> Result<(String, StaffId), AccountError> {
        let row: Option<(String, String, String)> = self
            .conn()
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
        Ok((login, parse_staff(&staff)?))
    }

    fn complete_setup(
        &self,
        token: &str,
        password: &str,
        now: Timestamp,
    ) -> Result<(StaffId, SecretKey), AccountError> {
        if password.chars().count() < MIN_PASSWORD {
            return Err(AccountError::WeakPassword);
        }
        let (login, staff) = self.setup_account(token, now)?;
        let conn = self.conn();
        let sealed: Vec<u8> = conn.query_row(
            "SELECT setup_sealed FROM accounts WHERE login = ?1",
            [&login],
            |r| r.get(0),
        )?;
        let key =
            open_seed(&token_key(token), &sealed, &login).ok_or(AccountError::BadSetupLink)?;
        let salt = salt();
        let resealed = seal_seed(&*password_key(password, &salt)?, &key.seed(), &login)?;
        // Only the link that was checked is consumed: a link replaced meanwhile stays dead.
        let n = conn.execute(
            "UPDATE accounts SET salt = ?2, sealed_key = ?3, setup_lookup = NULL, setup_sealed = NULL, setup_expires = NULL WHERE login = ?1 AND setup_lookup = ?4",
            params![login, salt.to_vec(), resealed, token_lookup(token)],
        )?;
        if n == 0 {
            return Err(AccountError::BadSetupLink);
        }
        Ok((staff, key))
    }

    fn sign_in(&self, login: &str, password: &str) -> Result<(StaffId, SecretKey), AccountError> {
        let login = normalize(login);
        let row: Option<StoredCredentials> = self
            .conn()
            .query_row(
                "SELECT staff, salt, sealed_key FROM accounts WHERE login = ?1",
                [&login],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        match row {
            Some((staff, Some(salt), Some(sealed))) => {
                let key = open_seed(&*password_key(password, &salt)?, &sealed, &login)
                    .ok_or(AccountError::BadCredentials)?;
                Ok((parse_staff(&staff)?, key))
            }
            _ => {
                // Same work for an unknown name as for a wrong password: no timing oracle.
                password_key(password, &[0u8; 16])?;
                Err(AccountError::BadCredentials)
            }
        }
    }

    fn change_password(&self, login: &str, old: &str, new: &str) -> Result<(), AccountError> {
        if new.chars().count() < MIN_PASSWORD {
            return Err(AccountError::WeakPassword);
        }
        let (_, key) = self.sign_in(login, old)?;
        let login = normalize(login);
        let salt = salt();
        let sealed = seal_seed(&*password_key(new, &salt)?, &key.seed(), &login)?;
        self.conn().execute(
            "UPDATE accounts SET salt = ?2, sealed_key = ?3 WHERE login = ?1",
            params![login, salt.to_vec(), sealed],
        )?;
        Ok(())
    }

    fn login_of(&self, staff: StaffId) -> Result<Option<String>, AccountError> {
        Ok(self
            .conn()
            .query_row(
                "SELECT login FROM accounts WHERE staff = ?1",
                [staff.to_string()],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn export_rows(&self) -> Result<Vec<AccountRow>, AccountError> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT login, staff, salt, sealed_key, setup_lookup, setup_sealed, setup_expires FROM accounts ORDER BY login",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(AccountRow {
                login: r.get(0)?,
                staff: r.get(1)?,
                salt: r.get(2)?,
                sealed_key: r.get(3)?,
                setup_lookup: r.get(4)?,
                setup_sealed: r.get(5)?,
                setup_expires: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn import_rows(&self, rows: &[AccountRow]) -> Result<(), AccountError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for row in rows {
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO accounts (login, staff, salt, sealed_key, setup_lookup, setup_sealed, setup_expires) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    row.login,
                    row.staff,
                    row.salt,
                    row.sealed_key,
                    row.setup_lookup,
                    row.setup_sealed,
                    row.setup_expires
                ],
            )?;
            if inserted == 0 {
                return Err(AccountError::LoginTaken(row.login.clone()));
            }
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::SETUP_VALIDITY;
    use super::*;
    use jiff::SignedDuration;

    fn accounts() -> (tempfile::TempDir, SqliteAccounts) {
        let t = tempfile::tempdir().unwrap();
        let a = SqliteAccounts::open(&t.path().join("accounts.db")).unwrap();
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
