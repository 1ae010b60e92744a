//! Signing in, once: the rule and the session, for the sign-in page, the API's
//! `POST /api/v1/session` and the set-up link alike.
//!
//! The accounts say whether a password (or a set-up link) opens a signing key; the ledger says
//! whether that key may still sign: its holder must be an active member and the key one of
//! their active keys ([`Service::may_sign`]). A departed member, or a key replaced since, is
//! refused even with the right password, since the account no longer signs anything. Only then
//! is a session started. Choosing a new password ends every other session of the person
//! (whoever else knew the old one is out); a first password, set through a link, ends all of
//! them. Throttling guesses is the web's (by address and account, `crate::web::limits`): the
//! caller counts a [`SignInError::BadCredentials`] as a failure.

use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use recourse_events::key::KeyId;

use super::Service;
use super::administration::{AdminError, Administration, blocking};
use crate::accounts::AccountError;

/// A started session.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// Who signed in.
    pub staff: StaffId,
    /// The session's token (for the cookie; never stored).
    pub token: String,
    /// The session's CSRF token.
    pub csrf: String,
}

/// Why signing in (or setting or changing a password) did not go through.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// Unknown sign-in name or wrong password (never said which).
    #[error("the sign-in name or password is not right")]
    BadCredentials,
    /// The password is too short.
    #[error(
        "choose a password of at least {} characters",
        crate::accounts::MIN_PASSWORD
    )]
    WeakPassword,
    /// The set-up link is unknown, used or expired.
    #[error("this set-up link is not valid any more; ask an administrator for a new one")]
    BadSetupLink,
    /// The password is right, but the account no longer signs anything (a departed member,
    /// a replaced key).
    #[error("this account is no longer active")]
    Inactive,
    /// The person has no account.
    #[error("no account for this staff member")]
    NoAccount,
    /// The storage failed.
    #[error(transparent)]
    Failed(AdminError),
}

impl From<AccountError> for SignInError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::BadCredentials => SignInError::BadCredentials,
            AccountError::WeakPassword => SignInError::WeakPassword,
            AccountError::BadSetupLink => SignInError::BadSetupLink,
            other => SignInError::Failed(AdminError::Account(other)),
        }
    }
}

impl From<AdminError> for SignInError {
    fn from(e: AdminError) -> Self {
        match e {
            AdminError::Account(a) => a.into(),
            other => SignInError::Failed(other),
        }
    }
}

impl From<crate::sessions::SessionError> for SignInError {
    fn from(e: crate::sessions::SessionError) -> Self {
        SignInError::Failed(AdminError::Session(e))
    }
}

impl Service {
    /// The sign-in rule: whether `staff` is an active member holding `key` as an active key.
    pub fn may_sign(&self, staff: StaffId, key: KeyId) -> bool {
        self.read(|m| {
            m.org()
                .staff
                .get(&staff)
                .is_some_and(|s| s.active && s.keys.contains(&key))
        })
    }
}

impl Administration<'_> {
    /// Signs in with a sign-in name and password: checks them, then the sign-in rule, then
    /// starts a session.
    pub async fn sign_in(&self, login: &str, password: &str) -> Result<SignedIn, SignInError> {
        let accounts = self.accounts().clone();
        let (login, password) = (login.to_string(), password.to_string());
        let (staff, key) = blocking(move || accounts.sign_in(&login, &password)).await?;
        self.start(staff, key)
    }

    /// Starts a session for a key the sign-in rule accepts.
    fn start(&self, staff: StaffId, key: SecretKey) -> Result<SignedIn, SignInError> {
        if !self.service().may_sign(staff, key.key_id()) {
            return Err(SignInError::Inactive);
        }
        let token = self.sessions().begin(staff, key)?;
        let csrf = self
            .sessions()
            .find(&token)?
            .map(|s| s.csrf)
            .ok_or_else(|| {
                SignInError::Failed(AdminError::Session(crate::sessions::SessionError::Storage(
                    "a session just started is not found".into(),
                )))
            })?;
        Ok(SignedIn { staff, token, csrf })
    }

    /// The account a set-up link opens, if it is still valid: (sign-in name, staff member).
    pub fn setup_account(&self, token: &str) -> Result<(String, StaffId), SignInError> {
        Ok(self.accounts().setup_account(token, self.service().now())?)
    }

    /// Sets the first password through a set-up link, ends every session the person had, and
    /// signs them in. The link is used up even if the sign-in rule then refuses (a link issued
    /// before the person left, or before their key was replaced).
    pub async fn complete_setup(
        &self,
        token: &str,
        password: &str,
    ) -> Result<SignedIn, SignInError> {
        let accounts = self.accounts().clone();
        let (token, password) = (token.to_string(), password.to_string());
        let now = self.service().now();
        let (staff, key) =
            blocking(move || accounts.complete_setup(&token, &password, now)).await?;
        if !self.service().may_sign(staff, key.key_id()) {
            return Err(SignInError::Inactive);
        }
        self.sessions().end_all(staff)?;
        self.start(staff, key)
    }

    /// Changes the password of `staff` (the current one must be right) and ends their other
    /// sessions, keeping the one of `keep` (the session that changed it), if given.
    pub async fn change_password(
        &self,
        staff: StaffId,
        keep: Option<&str>,
        current: &str,
        new: &str,
    ) -> Result<(), SignInError> {
        let login = self
            .accounts()
            .login_of(staff)?
            .ok_or(SignInError::NoAccount)?;
        let accounts = self.accounts().clone();
        let (current, new) = (current.to_string(), new.to_string());
        blocking(move || accounts.change_password(&login, &current, &new)).await?;
        if let Some(keep) = keep {
            self.sessions().end_others(staff, keep)?;
        }
        Ok(())
    }

    /// Signs out: ends the session of `token`.
    pub fn sign_out(&self, token: &str) -> Result<(), SignInError> {
        Ok(self.sessions().finish(token)?)
    }
}
