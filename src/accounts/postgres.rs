//! The PostgreSQL accounts: the `accounts` table of the shared database (migration 2 of
//! [`crate::postgres::schema`]), one row per sign-in name with the same columns as
//! `accounts.db`, so that a staff member signs in on any server instance.
//!
//! The cryptography is [`super::credentials`], shared with the SQLite backend: the table holds
//! Argon2id salts, seeds sealed under password-derived keys and set-up lookups, and nothing
//! that opens a key without the password or the link. Every write is one statement (or one
//! transaction), so two instances changing one account at once end with one of their writes,
//! never half of each; completing a set-up consumes only the link that was checked.

use jiff::Timestamp;
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;

use super::credentials::{
    expiry, open_seed, parse_staff, password_key, salt, seal_seed, setup_token, token_key,
    token_lookup,
};
use super::{AccountError, AccountRow, AccountStore, MIN_PASSWORD, SetupToken, normalize};
use crate::postgres::{Database, PoolError};

impl From<PoolError> for AccountError {
    fn from(e: PoolError) -> Self {
        AccountError::Storage(crate::storage::pg_message(&e))
    }
}

/// A stored account's sign-in: staff id, password salt and sealed key (none until set up).
type StoredCredentials = (String, Option<Vec<u8>>, Option<Vec<u8>>);

/// The staff accounts in a PostgreSQL database.
pub struct PgAccounts {
    db: Database,
}

impl PgAccounts {
    /// The accounts in `db` (migrated by [`Database::connect`]).
    pub fn open(db: Database) -> PgAccounts {
        PgAccounts { db }
    }
}

impl AccountStore for PgAccounts {
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
        let (l, lookup, expires) = (login.clone(), token_lookup(&token.0), expiry(now));
        let inserted = self.db.run(move |c| {
            c.execute(
                "INSERT INTO accounts (login, staff, setup_lookup, setup_sealed, setup_expires)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (login) DO NOTHING",
                &[&l, &staff.to_string(), &lookup, &sealed, &expires],
            )
        })?;
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
        let (lookup, expires) = (token_lookup(&token.0), expiry(now));
        let n = self.db.run(move |c| {
            c.execute(
                "UPDATE accounts SET salt = NULL, sealed_key = NULL, setup_lookup = $2,
                 setup_sealed = $3, setup_expires = $4 WHERE login = $1",
                &[&login, &lookup, &sealed, &expires],
            )
        })?;
        if n == 0 {
            return Err(AccountError::BadCredentials);
        }
        Ok(token)
    }

    fn has_password(&self, staff: StaffId) -> Result<bool, AccountError> {
        Ok(self.db.run(move |c| {
            c.query_one(
                "SELECT EXISTS (SELECT 1 FROM accounts WHERE staff = $1 AND sealed_key IS NOT NULL)",
                &[&staff.to_string()],
            )
            .map(|r| r.get(0))
        })?)
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
        let l = login.clone();
        let inserted = self.db.run(move |c| {
            c.execute(
                "INSERT INTO accounts (login, staff, salt, sealed_key) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (login) DO NOTHING",
                &[&l, &staff.to_string(), &salt.to_vec(), &sealed],
            )
        })?;
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
        let lookup = token_lookup(token);
        let row: Option<(String, String, Option<String>)> = self.db.run(move |c| {
            Ok(c.query_opt(
                "SELECT login, staff, setup_expires FROM accounts WHERE setup_lookup = $1",
                &[&lookup],
            )?
            .map(|r| (r.get(0), r.get(1), r.get(2))))
        })?;
        let (login, staff, expires) = row.ok_or(AccountError::BadSetupLink)?;
        let expires: Timestamp = expires
            .ok_or(AccountError::BadSetupLink)?
            .parse()
            .map_err(|_| AccountError::BadSetupLink)?;
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
        let lookup = token_lookup(token);
        let (l, k) = (login.clone(), lookup.clone());
        let sealed: Option<Vec<u8>> = self.db.run(move |c| {
            Ok(c.query_opt(
                "SELECT setup_sealed FROM accounts WHERE login = $1 AND setup_lookup = $2",
                &[&l, &k],
            )?
            .and_then(|r| r.get(0)))
        })?;
        let sealed = sealed.ok_or(AccountError::BadSetupLink)?;
        let key =
            open_seed(&token_key(token), &sealed, &login).ok_or(AccountError::BadSetupLink)?;
        let salt = salt();
        let resealed = seal_seed(&*password_key(password, &salt)?, &key.seed(), &login)?;
        // Only the link that was checked is consumed: a link replaced meanwhile stays dead.
        let n = self.db.run(move |c| {
            c.execute(
                "UPDATE accounts SET salt = $2, sealed_key = $3, setup_lookup = NULL,
                 setup_sealed = NULL, setup_expires = NULL WHERE login = $1 AND setup_lookup = $4",
                &[&login, &salt.to_vec(), &resealed, &lookup],
            )
        })?;
        if n == 0 {
            return Err(AccountError::BadSetupLink);
        }
        Ok((staff, key))
    }

    fn sign_in(&self, login: &str, password: &str) -> Result<(StaffId, SecretKey), AccountError> {
        let login = normalize(login);
        let l = login.clone();
        let row: Option<StoredCredentials> = self.db.run(move |c| {
            Ok(c.query_opt(
                "SELECT staff, salt, sealed_key FROM accounts WHERE login = $1",
                &[&l],
            )?
            .map(|r| (r.get(0), r.get(1), r.get(2))))
        })?;
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
        self.db.run(move |c| {
            c.execute(
                "UPDATE accounts SET salt = $2, sealed_key = $3 WHERE login = $1",
                &[&login, &salt.to_vec(), &sealed],
            )
        })?;
        Ok(())
    }

    fn login_of(&self, staff: StaffId) -> Result<Option<String>, AccountError> {
        Ok(self.db.run(move |c| {
            Ok(c.query_opt(
                "SELECT login FROM accounts WHERE staff = $1 ORDER BY login LIMIT 1",
                &[&staff.to_string()],
            )?
            .map(|r| r.get(0)))
        })?)
    }

    fn export_rows(&self) -> Result<Vec<AccountRow>, AccountError> {
        Ok(self.db.run(|c| {
            Ok(c.query(
                "SELECT login, staff, salt, sealed_key, setup_lookup, setup_sealed, setup_expires
                 FROM accounts ORDER BY login",
                &[],
            )?
            .iter()
            .map(|r| AccountRow {
                login: r.get(0),
                staff: r.get(1),
                salt: r.get(2),
                sealed_key: r.get(3),
                setup_lookup: r.get(4),
                setup_sealed: r.get(5),
                setup_expires: r.get(6),
            })
            .collect())
        })?)
    }

    fn import_rows(&self, rows: &[AccountRow]) -> Result<(), AccountError> {
        let rows = rows.to_vec();
        // Any unique conflict (a sign-in name, or a set-up link's lookup) refuses the whole
        // import, as SQLite's `INSERT OR IGNORE` and its count of rows do.
        let taken = self.db.run(move |c| {
            let mut tx = c.transaction()?;
            let insert = tx.prepare(
                "INSERT INTO accounts (login, staff, salt, sealed_key, setup_lookup, setup_sealed,
                 setup_expires) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
            )?;
            for row in &rows {
                let n = tx.execute(
                    &insert,
                    &[
                        &row.login,
                        &row.staff,
                        &row.salt,
                        &row.sealed_key,
                        &row.setup_lookup,
                        &row.setup_sealed,
                        &row.setup_expires,
                    ],
                )?;
                if n == 0 {
                    // Nothing of this transaction is committed.
                    return Ok(Some(row.login.clone()));
                }
            }
            tx.commit()?;
            Ok(None)
        })?;
        match taken {
            Some(login) => Err(AccountError::LoginTaken(login)),
            None => Ok(()),
        }
    }
}
