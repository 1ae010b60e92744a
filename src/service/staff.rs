//! Enrolling staff: the enrolment, their roles and a fresh signing key, as one administration
//! command (the same rules as for any administrator action, and one atomic append). The name
//! and sign-in name are checked by [`check_identity`](super::administration::check_identity),
//! the one validator every door uses.

use jiff::Timestamp;
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use recourse_events::org::Role;
use recourse_projections::actor::Actor;
use recourse_projections::org::OrgCommand;

use super::{Acting, Service, ServiceError};
use crate::data_dir::random_bytes;

impl Service {
    /// Enrols a staff member with `roles` and a new signing key, now; returns them acting with
    /// that key. The caller keeps the key (the web server stores it under their password).
    pub async fn enroll_staff(
        &self,
        admin: &Acting,
        name: &str,
        login: &str,
        roles: &[Role],
    ) -> Result<(StaffId, Acting), ServiceError> {
        self.enroll_staff_at(admin, name, login, roles, self.now())
            .await
    }

    /// Like [`enroll_staff`](Self::enroll_staff), recorded at `at`.
    pub async fn enroll_staff_at(
        &self,
        admin: &Acting,
        name: &str,
        login: &str,
        roles: &[Role],
        at: Timestamp,
    ) -> Result<(StaffId, Acting), ServiceError> {
        // The same validator as the enrolment page's, whoever enrols.
        super::administration::check_identity(name, login).finish()?;
        let (name, login) = (name.trim(), login.trim());
        let staff = StaffId(super::uuid_at(at));
        let key = SecretKey::from_seed(&random_bytes::<32>());
        // One command, one append: the person, their roles and their key, or nothing.
        let enroll = OrgCommand::Enroll {
            staff,
            name: self.seal_staff("name", name)?,
            login: self.seal_staff("login", login)?,
            roles: roles.to_vec(),
            key: Some(key.public()),
        };
        self.org_at(admin, enroll, at).await?;
        Ok((
            staff,
            Acting {
                actor: Actor::Staff(staff),
                key,
            },
        ))
    }
}
