//! Staff accounts: sign-in names, and each staff member's signing key sealed under their
//! password.
//!
//! The Ed25519 seed that signs a staff member's events is encrypted with XChaCha20-Poly1305
//! under a key derived from their password by Argon2id (OWASP parameters: 19 MiB, 2 passes).
//! Signing in derives that key and opens the seed: a wrong password simply fails to open it, so
//! there is no separate password hash to leak, and the server cannot sign in a staff member's
//! name while they are signed out. New staff receive a one-time set-up link instead of a
//! password: until they choose one, their seed is sealed under the link's secret token (128
//! bits, stored only as a hash), which expires.
//!
//! Accounts are a trait, [`AccountStore`], as the event store is: the web application and the
//! application layer hold an `Arc<dyn AccountStore>`. [`SqliteAccounts`] keeps them in
//! `accounts.db`, outside the ledger; [`PgAccounts`] keeps them in the shared PostgreSQL
//! database (several server instances), with the same cryptography ([`credentials`]), and `tests/it/accounts_contract.rs` holds every backend
//! to the same behaviour. The rule of who may sign in (an active member, a key not revoked) is
//! the ledger's, not the accounts': it is in `crate::service::sign_in`.

pub mod credentials;
pub mod postgres;
pub mod sqlite;

pub use postgres::PgAccounts;
pub use sqlite::SqliteAccounts;

use jiff::{SignedDuration, Timestamp};
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;

/// The SQLite accounts by their former name (the data folder's `accounts.db`).
pub type Accounts = SqliteAccounts;

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
    /// The storage failed.
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

/// Sign-in names are compared case-insensitively, without surrounding spaces.
pub fn normalize(login: &str) -> String {
    login.trim().to_lowercase()
}

/// Where staff accounts live. Sign-in names are compared after [`normalize`].
///
/// Every method may block on storage or on Argon2 (tens of milliseconds): async callers run
/// them on a blocking thread.
pub trait AccountStore: Send + Sync + 'static {
    /// Creates an account whose owner sets their password through a one-time link, valid for
    /// [`SETUP_VALIDITY`] from `now`.
    fn create_with_setup(
        &self,
        login: &str,
        staff: StaffId,
        key: &SecretKey,
        now: Timestamp,
    ) -> Result<SetupToken, AccountError>;

    /// Issues a new set-up link for an existing account (forgotten password, re-enrolment),
    /// removing its password and any earlier link; `BadCredentials` if there is no such
    /// account. The staff member's key must be given again: the server cannot open the old one.
    fn reset(
        &self,
        login: &str,
        key: &SecretKey,
        now: Timestamp,
    ) -> Result<SetupToken, AccountError>;

    /// Whether `staff` has an account with a password (set-up completed).
    fn has_password(&self, staff: StaffId) -> Result<bool, AccountError>;

    /// Creates an account with a password straight away (set-up and demo accounts).
    fn create_with_password(
        &self,
        login: &str,
        staff: StaffId,
        key: &SecretKey,
        password: &str,
    ) -> Result<(), AccountError>;

    /// The account a set-up token opens, if valid at `now`: (login, staff).
    fn setup_account(&self, token: &str, now: Timestamp)
    -> Result<(String, StaffId), AccountError>;

    /// Sets the password through a set-up link (which then stops working); returns the staff
    /// member and their key.
    fn complete_setup(
        &self,
        token: &str,
        password: &str,
        now: Timestamp,
    ) -> Result<(StaffId, SecretKey), AccountError>;

    /// Signs in: the staff member and their signing key, or `BadCredentials` (the same work
    /// for an unknown name as for a wrong password).
    fn sign_in(&self, login: &str, password: &str) -> Result<(StaffId, SecretKey), AccountError>;

    /// Changes a password (the old one must open the key).
    fn change_password(&self, login: &str, old: &str, new: &str) -> Result<(), AccountError>;

    /// The sign-in name of a staff member, if they have an account.
    fn login_of(&self, staff: StaffId) -> Result<Option<String>, AccountError>;

    /// Every account as stored (salts, sealed keys, set-up lookups: nothing in clear), for a
    /// copy (`recourse migrate`, `backup`, `restore`).
    fn export_rows(&self) -> Result<Vec<AccountRow>, AccountError>;

    /// Adds what [`export_rows`](Self::export_rows) gave, in one transaction; a sign-in name
    /// already present is [`AccountError::LoginTaken`].
    fn import_rows(&self, rows: &[AccountRow]) -> Result<(), AccountError>;
}

/// One stored account, exactly as a backend keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountRow {
    /// The normalized sign-in name.
    pub login: String,
    /// The staff id.
    pub staff: String,
    /// The password's Argon2id salt, once a password is set.
    pub salt: Option<Vec<u8>>,
    /// The signing key sealed under the password's key.
    pub sealed_key: Option<Vec<u8>>,
    /// The set-up link's lookup hash, while one is outstanding.
    pub setup_lookup: Option<Vec<u8>>,
    /// The signing key sealed under the set-up link's key.
    pub setup_sealed: Option<Vec<u8>>,
    /// When the set-up link expires (RFC 3339).
    pub setup_expires: Option<String>,
}
