//! Enrolling staff: the enrolment, their roles and a fresh signing key, as administration
//! commands (so the same rules apply as for any administrator action).

use recourse_events::SecretKey;
use recourse_events::ids::StaffId;
use recourse_events::org::{KeyHolder, Role};
use recourse_projections::actor::Actor;
use recourse_projections::org::OrgCommand;
use uuid::Uuid;

use super::{Acting, Service, ServiceError};
use crate::data_dir::random_bytes;

impl Service {
    /// Enrols a staff member with `roles` and a new signing key; returns who they are acting
    /// with that key. The caller keeps the key (the web server stores it under the staff
    /// member's password).
    pub async fn enroll_staff(
        &self,
        admin: &Acting,
        name: &str,
        login: &str,
        roles: &[Role],
    ) -> Result<(StaffId, Acting), ServiceError> {
        if name.trim().is_empty()
            || name.len() > 200
            || login.trim().is_empty()
            || login.len() > 100
        {
            return Err(ServiceError::Input(
                "a name (1-200 characters) and a sign-in name (1-100) are needed".into(),
            ));
        }
        let staff = StaffId(Uuid::now_v7());
        let enroll = OrgCommand::Enroll {
            staff,
            name: self.seal_staff("name", name.trim())?,
            login: self.seal_staff("login", login.trim())?,
        };
        self.org(admin, enroll).await?;
        for role in roles {
            self.org(admin, OrgCommand::Grant { staff, role: *role })
                .await?;
        }
        let key = SecretKey::from_seed(&random_bytes::<32>());
        self.org(
            admin,
            OrgCommand::RegisterKey {
                key: key.public(),
                holder: KeyHolder::Staff {
                    id: staff.to_string(),
                },
            },
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
