//! Administration: the workflows that change who works here and how, written once for the
//! pages, the API and the command line.
//!
//! An [`Administration`] is the service together with the staff accounts and the sessions,
//! since most of these workflows touch all three: the ledger records the decision (decided by
//! the rules like any other command), the accounts hold the sign-in that follows from it, and
//! the sessions end when someone's standing changes.
//!
//! - **Enrolment** ([`Administration::enrol`]) records the person with their roles and a new
//!   signing key in one append, then creates their account with a one-time set-up link. The
//!   two cannot be one transaction (the ledger and the accounts are separate stores), so if the
//!   account cannot be created after the enrolment was recorded, the enrolment is undone in the
//!   ledger (the key revoked and the departure recorded) rather than leave a member nobody can
//!   sign in as; a failure of the undo itself is logged as an error, never dropped.
//! - **Credential reset** ([`Administration::reset_credentials`]) is how a forgotten password
//!   or a lost link is answered, by an administrator's page and by `recourse serve` for the
//!   first administrator alike: the server cannot open the old key without the password, so a
//!   new key is registered, the old ones revoked, every session ended, and the new key sealed
//!   under a new set-up link.
//! - **Roles** and **departures**: a departure also ends the person's sessions and closes their
//!   account (its password and any open link replaced by a throwaway key nobody holds).
//! - **Settings** are saved only over the settings the form was opened on, compared by their
//!   [`fingerprint`]: another administrator's change made meanwhile is not silently lost.
//!
//! Sign-in, set-up and password changes, the other half of accounts, are in
//! [`sign_in`](super::sign_in).

use std::sync::Arc;

use jiff::Timestamp;
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use recourse_events::key::KeyId;
use recourse_events::org::{KeyHolder, Role, Settings};
use recourse_projections::org::{OrgCommand, validate_settings};
use recourse_projections::rule::RuleError;
use sha2::{Digest, Sha256};

use super::validation::{Invalid, Refusals, at_most, required};
use super::{Acting, Message, Service, ServiceError};
use crate::accounts::{AccountError, AccountStore, SETUP_VALIDITY, SetupToken, normalize};
use crate::data_dir::random_bytes;
use crate::sessions::{SessionError, SessionStore};

/// Why an administration workflow failed.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// The service refused it (a rule, a field) or failed.
    #[error(transparent)]
    Service(#[from] ServiceError),
    /// The accounts refused it or failed.
    #[error(transparent)]
    Account(#[from] AccountError),
    /// The sessions failed.
    #[error(transparent)]
    Session(#[from] SessionError),
}

impl From<RuleError> for AdminError {
    fn from(e: RuleError) -> Self {
        AdminError::Service(ServiceError::Rule(e))
    }
}

/// A one-time set-up link's secret and when it stops working.
#[derive(Debug, Clone)]
pub struct SetupLink {
    /// The secret (the link is `/staff/setup/<token>`); the server keeps only its hash.
    pub token: SetupToken,
    /// When it expires.
    pub expires: Timestamp,
}

impl SetupLink {
    fn issued(token: SetupToken, now: Timestamp) -> SetupLink {
        SetupLink {
            token,
            expires: now.checked_add(SETUP_VALIDITY).unwrap_or(Timestamp::MAX),
        }
    }
}

/// Someone to enrol, as typed.
#[derive(Debug, Clone, Default)]
pub struct Enrolment {
    /// Their name (shown to colleagues; sealed in the ledger).
    pub name: String,
    /// Their sign-in name (compared without case or surrounding spaces).
    pub login: String,
    /// The roles they are given.
    pub roles: Vec<Role>,
}

/// A staff member's name and sign-in name, checked: the one validator for every door (the
/// enrolment page, the API, the command line, the demo). Limits count characters
/// ([`crate::limits::STAFF_NAME`], [`crate::limits::LOGIN`]); a sign-in name has no spaces
/// or control characters.
pub fn check_identity(name: &str, login: &str) -> Refusals {
    let mut refusals = Refusals::default();
    let name = name.trim();
    refusals.check(
        required("name", name).and_then(|()| at_most("name", name, crate::limits::STAFF_NAME)),
    );
    let login = normalize(login);
    if login.is_empty() {
        refusals.push(Invalid::new("login", Message::new("invalid-required")));
    } else if login.chars().any(|c| c.is_whitespace() || c.is_control()) {
        refusals.push(Invalid::new("login", Message::new("admin-error-login")));
    } else {
        refusals.check(at_most("login", &login, crate::limits::LOGIN));
    }
    refusals
}

/// What a successful enrolment gives the administrator to pass on.
#[derive(Debug, Clone)]
pub struct Enrolled {
    /// The new staff member.
    pub staff: StaffId,
    /// Their sign-in name, as normalized.
    pub login: String,
    /// Their set-up link.
    pub link: SetupLink,
}

/// What saving settings did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsSaved {
    /// Recorded.
    Saved,
    /// They were the current settings already: nothing recorded.
    Unchanged,
    /// Someone else changed the settings since the form was opened: nothing recorded; the
    /// current fingerprint is returned to open the form on again.
    Stale,
}

/// A short fingerprint of settings (the first 12 bytes of the SHA-256 of their JSON, in hex),
/// to notice a change made by someone else meanwhile.
pub fn fingerprint(s: &Settings) -> String {
    let json = serde_json::to_vec(s).unwrap_or_default();
    hex::encode(&Sha256::digest(json)[..12])
}

/// The fields of settings the form edits, each with how to copy it from one `Settings` to
/// another (to check each field on its own).
type Copy = fn(&mut Settings, &Settings);
const SETTINGS_FIELDS: [(&str, Copy); 11] = [
    ("acknowledge_business_days", |t, s| {
        t.acknowledge_business_days = s.acknowledge_business_days
    }),
    ("decide_calendar_days", |t, s| {
        t.decide_calendar_days = s.decide_calendar_days
    }),
    ("appeal_window_days", |t, s| {
        t.appeal_window_days = s.appeal_window_days
    }),
    ("time_zone", |t, s| t.time_zone = s.time_zone.clone()),
    ("holiday_jurisdiction", |t, s| {
        t.holiday_jurisdiction = s.holiday_jurisdiction.clone()
    }),
    ("languages", |t, s| t.languages = s.languages.clone()),
    ("retention_days", |t, s| t.retention_days = s.retention_days),
    ("programs", |t, s| t.programs = s.programs.clone()),
    ("sites", |t, s| t.sites = s.sites.clone()),
    ("framework", |t, s| t.framework = s.framework.clone()),
    ("review_cadence", |t, s| t.review_cadence = s.review_cadence),
];

/// Every field of `s` the rules refuse, each checked on its own over otherwise valid default
/// settings (so that every refused field is named, not only the first), skipping those in
/// `skip` (already refused when read); then, if no field was refused, the whole.
pub fn settings_refusals(s: &Settings, skip: &[&str]) -> Vec<(&'static str, String)> {
    let mut refused = Vec::new();
    for (field, copy) in SETTINGS_FIELDS {
        if skip.contains(&field) {
            continue;
        }
        let mut probe = Settings::default();
        copy(&mut probe, s);
        if let Err(RuleError::Invalid { field: f, reason }) = validate_settings(&probe)
            && f == field
        {
            refused.push((field, reason));
        }
    }
    if refused.is_empty()
        && skip.is_empty()
        && let Err(e) = validate_settings(s)
    {
        refused.push(("settings-form", e.to_string()));
    }
    refused
}

/// The service with the staff accounts and sessions: the administration workflows.
pub struct Administration<'a> {
    service: &'a Service,
    accounts: &'a Arc<dyn AccountStore>,
    sessions: &'a Arc<dyn SessionStore>,
}

/// Runs blocking account work (Argon2, synced writes) off the async worker threads.
pub(super) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, AccountError> + Send + 'static,
) -> Result<T, AccountError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| AccountError::Storage(format!("account task failed: {e}")))?
}

impl<'a> Administration<'a> {
    /// The workflows over `service`, `accounts` and `sessions`.
    pub fn new(
        service: &'a Service,
        accounts: &'a Arc<dyn AccountStore>,
        sessions: &'a Arc<dyn SessionStore>,
    ) -> Administration<'a> {
        Administration {
            service,
            accounts,
            sessions,
        }
    }

    /// The service.
    pub fn service(&self) -> &Service {
        self.service
    }

    /// The accounts.
    pub(super) fn accounts(&self) -> &Arc<dyn AccountStore> {
        self.accounts
    }

    /// The sessions.
    pub(super) fn sessions(&self) -> &Arc<dyn SessionStore> {
        self.sessions
    }

    /// A staff member's sign-in name: their account's, else the one recorded at enrolment.
    pub fn login_of(&self, staff: StaffId) -> Result<Option<String>, AdminError> {
        if let Some(login) = self.accounts.login_of(staff)? {
            return Ok(Some(login));
        }
        let sealed = self
            .service
            .read(|m| m.org().staff.get(&staff).map(|s| s.login.clone()));
        Ok(sealed.and_then(|s| self.service.vault().open_sealed(&s, "login").ok()))
    }

    /// Whether any staff member, present or departed, already signs in with `login`
    /// (compared as accounts compare it).
    pub fn login_taken(&self, login: &str) -> Result<bool, AdminError> {
        let login = normalize(login);
        let ids: Vec<StaffId> = self
            .service
            .read(|m| m.org().staff.keys().copied().collect());
        for id in ids {
            if self.login_of(id)?.is_some_and(|l| normalize(&l) == login) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Checks an enrolment: the name and sign-in name ([`check_identity`]), the sign-in name
    /// free, at least one role. Every refusal at once.
    pub fn check_enrolment(&self, e: &Enrolment) -> Result<(), AdminError> {
        let mut refusals = check_identity(&e.name, &e.login);
        let login = normalize(&e.login);
        if refusals.is_empty() && self.login_taken(&login)? {
            refusals.push(Invalid::new(
                "login",
                Message::new("admin-error-login-taken").arg("login", &login),
            ));
        }
        if e.roles.is_empty() {
            refusals.push(Invalid::new("roles", Message::new("admin-error-roles")));
        }
        Ok(refusals.finish()?)
    }

    /// Enrols a staff member and creates their account with a set-up link; if the account
    /// cannot be created, the enrolment is undone in the ledger and the account's error
    /// returned.
    pub async fn enrol(&self, admin: &Acting, e: &Enrolment) -> Result<Enrolled, AdminError> {
        self.check_enrolment(e)?;
        let login = normalize(&e.login);
        let (staff, new) = self
            .service
            .enroll_staff(admin, &e.name, &login, &e.roles)
            .await?;
        let now = self.service.now();
        let accounts = self.accounts.clone();
        let (l, key) = (login.clone(), new.key.clone());
        match blocking(move || accounts.create_with_setup(&l, staff, &key, now)).await {
            Ok(token) => Ok(Enrolled {
                staff,
                login,
                link: SetupLink::issued(token, now),
            }),
            Err(failure) => {
                tracing::warn!(error = %failure, "enrolment without an account; undoing it");
                let reason = match failure {
                    AccountError::LoginTaken(_) => {
                        "enrolment not completed: sign-in name already used"
                    }
                    _ => "enrolment not completed: its account could not be created",
                };
                self.undo_enrolment(admin, staff, new.key.key_id(), reason)
                    .await;
                Err(failure.into())
            }
        }
    }

    /// Closes an enrolment that has no account: its key revoked, the departure recorded. A
    /// failure here leaves a member nobody can sign in as; it is logged, for an administrator
    /// to record the departure by hand.
    async fn undo_enrolment(&self, admin: &Acting, staff: StaffId, key: KeyId, reason: &str) {
        let revoke = OrgCommand::RevokeKey {
            key,
            reason: reason.into(),
        };
        for command in [revoke, OrgCommand::Depart { staff }] {
            if let Err(e) = self.service.org(admin, command).await {
                tracing::error!(error = %e, %staff, "undoing an enrolment failed");
            }
        }
    }

    /// Replaces a staff member's key and issues a new set-up link (a forgotten password, a
    /// lost link): a new key is registered, every other active key revoked with `reason`, the
    /// person's sessions ended, and their account reset (or created, if they never had one)
    /// with the new key sealed under the link.
    pub async fn reset_credentials(
        &self,
        admin: &Acting,
        staff: StaffId,
        reason: &str,
    ) -> Result<SetupLink, AdminError> {
        let mut refusals = Refusals::default();
        refusals.check(
            required("reason", reason)
                .and_then(|()| at_most("reason", reason, crate::limits::REVOCATION_REASON)),
        );
        refusals.finish()?;
        let login = self
            .login_of(staff)?
            .ok_or_else(|| ServiceError::NotFound("no sign-in name for a staff member".into()))?;
        let key = SecretKey::from_seed(&random_bytes::<32>());
        let register = OrgCommand::RegisterKey {
            key: key.public(),
            holder: KeyHolder::Staff {
                id: staff.to_string(),
            },
        };
        self.service.org(admin, register).await?;
        self.revoke_keys(admin, staff, Some(key.key_id()), reason)
            .await?;
        self.sessions.end_all(staff)?;
        let now = self.service.now();
        let accounts = self.accounts.clone();
        let token = blocking(move || match accounts.reset(&login, &key, now) {
            Err(AccountError::BadCredentials) => {
                accounts.create_with_setup(&login, staff, &key, now)
            }
            other => other,
        })
        .await?;
        Ok(SetupLink::issued(token, now))
    }

    /// Revokes every active key of `staff` with `reason`, except `keep`.
    async fn revoke_keys(
        &self,
        admin: &Acting,
        staff: StaffId,
        keep: Option<KeyId>,
        reason: &str,
    ) -> Result<(), AdminError> {
        let keys: Vec<KeyId> = self.service.read(|m| {
            m.org()
                .staff
                .get(&staff)
                .map(|s| s.keys.iter().copied().collect())
                .unwrap_or_default()
        });
        for key in keys.into_iter().filter(|k| Some(*k) != keep) {
            let revoke = OrgCommand::RevokeKey {
                key,
                reason: reason.to_string(),
            };
            self.service.org(admin, revoke).await?;
        }
        Ok(())
    }

    /// Gives (`grant`) or removes a role.
    pub async fn set_role(
        &self,
        admin: &Acting,
        staff: StaffId,
        role: Role,
        grant: bool,
    ) -> Result<(), AdminError> {
        let command = if grant {
            OrgCommand::Grant { staff, role }
        } else {
            OrgCommand::Revoke { staff, role }
        };
        self.service.org(admin, command).await?;
        Ok(())
    }

    /// Records a departure (the rules revoke the person's keys in the same append), ends their
    /// sessions and closes their account: replacing its sealed key with a throwaway one (whose
    /// set-up link is dropped) removes the password and any set-up link still open.
    pub async fn depart(&self, admin: &Acting, staff: StaffId) -> Result<(), AdminError> {
        self.service
            .org(admin, OrgCommand::Depart { staff })
            .await?;
        self.sessions.end_all(staff)?;
        if let Some(login) = self.accounts.login_of(staff)? {
            let accounts = self.accounts.clone();
            let throwaway = SecretKey::from_seed(&random_bytes::<32>());
            let now = self.service.now();
            blocking(move || accounts.reset(&login, &throwaway, now)).await?;
        }
        Ok(())
    }

    /// Replaces the organization's logo with `image` (PNG, JPEG or WebP, by its bytes; at most
    /// [`crate::limits::LOGO_BYTES`]): the rules refuse anything else.
    pub async fn set_logo(&self, admin: &Acting, image: Vec<u8>) -> Result<(), AdminError> {
        self.service.org(admin, OrgCommand::SetLogo(image)).await?;
        Ok(())
    }

    /// Saves `settings` if the current settings still have the fingerprint `base` (those the
    /// form was opened on) and differ from them.
    pub async fn save_settings(
        &self,
        admin: &Acting,
        settings: Settings,
        base: &str,
    ) -> Result<SettingsSaved, AdminError> {
        let current = self.service.read(|m| m.org().settings.clone());
        if base != fingerprint(&current) {
            return Ok(SettingsSaved::Stale);
        }
        if settings == current {
            return Ok(SettingsSaved::Unchanged);
        }
        let mut refused = super::organization::refusals(&settings);
        refused.extend(super::witnesses::refusals(&settings.witnesses));
        if !refused.is_empty() {
            return Err(AdminError::Service(ServiceError::Invalid(refused)));
        }
        self.service
            .org(admin, OrgCommand::ChangeSettings(Box::new(settings)))
            .await?;
        Ok(SettingsSaved::Saved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(r: Refusals) -> Vec<(&'static str, &'static str)> {
        match r.finish() {
            Ok(()) => Vec::new(),
            Err(ServiceError::Invalid(v)) => v.iter().map(|i| (i.field, i.message.id)).collect(),
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn names_count_characters_and_sign_in_names_have_no_spaces() {
        assert!(refused(check_identity(&"ع".repeat(150), "amal")).is_empty());
        assert!(refused(check_identity(&"ع".repeat(200), &"ل".repeat(100))).is_empty());
        assert_eq!(
            refused(check_identity(&"ع".repeat(201), &"ل".repeat(101))),
            [("name", "invalid-too-long"), ("login", "invalid-too-long")]
        );
        assert_eq!(
            refused(check_identity("  ", " ")),
            [("name", "invalid-required"), ("login", "invalid-required")]
        );
        assert_eq!(
            refused(check_identity("Rui", "rui reviewer")),
            [("login", "admin-error-login")]
        );
        assert!(refused(check_identity(" Rui ", " RUI ")).is_empty());
    }

    #[test]
    fn a_fingerprint_changes_with_any_setting() {
        let s = Settings::default();
        assert_eq!(fingerprint(&s), fingerprint(&s.clone()));
        assert_eq!(fingerprint(&s).len(), 24);
        let mut t = s.clone();
        t.retention_days += 1;
        assert_ne!(fingerprint(&s), fingerprint(&t));
    }

    #[test]
    fn every_refused_setting_is_named() {
        let mut s = Settings::default();
        assert!(settings_refusals(&s, &[]).is_empty());
        s.acknowledge_business_days = 0;
        s.retention_days = 1;
        let fields: Vec<_> = settings_refusals(&s, &[])
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, ["acknowledge_business_days", "retention_days"]);
        let fields: Vec<_> = settings_refusals(&s, &["retention_days"])
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(fields, ["acknowledge_business_days"]);
    }
}
