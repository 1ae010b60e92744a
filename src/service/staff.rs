//! Enrolling staff: the enrolment, their roles and a fresh signing key, as administration
//! commands (so the same rules apply as for any administrator action).

use jiff::Timestamp;
use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use recourse_events::org::{KeyHolder, Role};
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
        self.enroll_staff_at(admin, name, login, roles, Timestamp::now())
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
        let (name, login) = (name.trim(), login.trim());
        if name.is_empty() || name.len() > 200 || login.is_empty() || login.len() > 100 {
            return Err(ServiceError::Input(
                "a name (1-200 characters) and a sign-in name (1-100) are needed".into(),
            ));
        }
        let staff = StaffId(super::uuid_at(at));
        let enroll = OrgCommand::Enroll {
            staff,
            name: self.seal_staff("name", name)?,
            login: self.seal_staff("login", login)?,
        };
        self.org_at(admin, enroll, at).await?;
        for role in roles {
            self.org_at(admin, OrgCommand::Grant { staff, role: *role }, at)
                .await?;
        }
        let key = SecretKey::from_seed(&random_bytes::<32>());
        let holder = KeyHolder::Staff {
            id: staff.to_string(),
        };
        self.org_at(
            admin,
            OrgCommand::RegisterKey {
                key: key.public(),
                holder,
            },
            at,
        )
        .await?;
        Ok((
            staff,
            Acting {
                actor: Actor::Staff(staff),
                key,
            },
        ))
    }
}
