//! The organization as its `org` stream says: staff, their roles and keys, and the settings.
//!
//! Administration commands are decided here like case commands: only administrators act, an
//! organization is never left without an administrator, and settings are validated before they
//! are recorded.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use recourse_events::case::Channel;
use recourse_events::ids::StaffId;
use recourse_events::key::{KeyId, PublicKey};
use recourse_events::org::*;
use recourse_events::sealed::Sealed;
use recourse_events::vocabulary::Payload;
use recourse_events::{Envelope, StreamId};

use crate::actor::Actor;
use crate::rule::RuleError;

/// A staff member as the org stream describes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    /// Id.
    pub id: StaffId,
    /// Sealed name.
    pub name: Sealed,
    /// Sealed sign-in name.
    pub login: Sealed,
    /// Current roles.
    pub roles: BTreeSet<Role>,
    /// Current (unrevoked) keys.
    pub keys: BTreeSet<KeyId>,
    /// False once departed.
    pub active: bool,
}

/// Who holds a key, as registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRecord {
    /// The public key.
    pub key: PublicKey,
    /// Holder.
    pub holder: KeyHolder,
    /// False once revoked.
    pub active: bool,
}

/// The organization's state.
#[derive(Debug, Clone, Default)]
pub struct Org {
    /// Log origin.
    pub origin: String,
    /// The ledger key's id.
    pub ledger_key: Option<KeyId>,
    /// The ledger key.
    pub ledger_public: Option<PublicKey>,
    /// Staff by id.
    pub staff: BTreeMap<StaffId, StaffMember>,
    /// Keys by id.
    pub keys: HashMap<KeyId, KeyRecord>,
    /// Current settings.
    pub settings: Settings,
    /// The organization's logo, if one was set.
    pub logo: Option<Logo>,
    /// Next seq of the org stream.
    pub seq: u64,
    /// Where the org stream ends in the log (checked as the model folds).
    pub tip: Option<crate::log_view::LogTip>,
}

/// The organization's logo, as the pages serve it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// `image/png`, `image/jpeg` or `image/webp`.
    pub content_type: String,
    /// SHA-256 of the bytes, in hex.
    pub sha256: String,
    /// The image.
    pub bytes: std::sync::Arc<Vec<u8>>,
}

/// The type of an image from its first bytes (PNG, JPEG or WebP), whatever its name or the
/// type a browser claims. Anything else, SVG included (it can carry script), is `None`.
pub fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// Administration commands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgCommand {
    /// Enrol a staff member, with their roles and signing key, in one append.
    Enroll {
        /// New id.
        staff: StaffId,
        /// Sealed name.
        name: Sealed,
        /// Sealed sign-in name.
        login: Sealed,
        /// Roles granted at once.
        roles: Vec<Role>,
        /// Their signing key, registered at once.
        key: Option<PublicKey>,
    },
    /// Record that a staff member left: their keys are revoked in the same append.
    Depart {
        /// Who.
        staff: StaffId,
    },
    /// Grant a role.
    Grant {
        /// To whom.
        staff: StaffId,
        /// Which.
        role: Role,
    },
    /// Revoke a role.
    Revoke {
        /// From whom.
        staff: StaffId,
        /// Which.
        role: Role,
    },
    /// Register a signing key for a staff member or a service.
    RegisterKey {
        /// The key.
        key: PublicKey,
        /// Holder.
        holder: KeyHolder,
    },
    /// Revoke a key.
    RevokeKey {
        /// Which.
        key: KeyId,
        /// Why.
        reason: String,
    },
    /// Replace the settings.
    ChangeSettings(Box<Settings>),
    /// Replace the organization's logo with this image.
    SetLogo(Vec<u8>),
}

fn invalid(field: &'static str, reason: impl Into<String>) -> RuleError {
    RuleError::Invalid {
        field,
        reason: reason.into(),
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Checks settings for values the clocks and forms cannot work with.
pub fn validate_settings(s: &Settings) -> Result<(), RuleError> {
    if !(1..=30).contains(&s.acknowledge_business_days) {
        return Err(invalid("acknowledge_business_days", "between 1 and 30"));
    }
    if !(1..=365).contains(&s.decide_calendar_days) {
        return Err(invalid("decide_calendar_days", "between 1 and 365"));
    }
    if !(1..=365).contains(&s.appeal_window_days) {
        return Err(invalid("appeal_window_days", "between 1 and 365"));
    }
    if !(30..=36_500).contains(&s.retention_days) {
        return Err(invalid("retention_days", "between 30 and 36500"));
    }
    if s.holiday_jurisdiction
        .parse::<crate::holiday::Jurisdiction>()
        .is_err()
    {
        return Err(invalid(
            "holiday_jurisdiction",
            format!("unknown jurisdiction {:?}", s.holiday_jurisdiction),
        ));
    }
    if s.time_zone.len() > 64 || jiff::tz::TimeZone::get(&s.time_zone).is_err() {
        return Err(invalid(
            "time_zone",
            "an IANA time zone such as America/Toronto",
        ));
    }
    if s.languages.is_empty() || s.languages.iter().any(|l| !crate::rule::is_language_tag(l)) {
        return Err(invalid(
            "languages",
            "one or more language codes such as en, fr, ar",
        ));
    }
    for (field, list) in [("programs", &s.programs), ("sites", &s.sites)] {
        if list.is_empty() {
            return Err(invalid(field, "at least one"));
        }
        let mut ids = BTreeSet::new();
        for n in list {
            if !is_slug(&n.id) || !ids.insert(&n.id) {
                return Err(invalid(
                    field,
                    format!("id {:?} is not a unique lowercase slug", n.id),
                ));
            }
            let limit = recourse_events::limits::PLACE_NAME;
            if n.name.trim().is_empty() || n.name.chars().count() > limit {
                return Err(invalid(
                    field,
                    format!("{:?} needs a name of 1 to {limit} characters", n.id),
                ));
            }
            if n.names.iter().any(|(lang, name)| {
                !crate::rule::is_language_tag(lang)
                    || name.trim().is_empty()
                    || name.chars().count() > limit
            }) {
                return Err(invalid(
                    field,
                    format!("{:?} needs names of 1 to {limit} characters", n.id),
                ));
            }
        }
    }
    if !is_slug(&s.framework) {
        return Err(invalid("framework", "a framework id"));
    }
    if serde_json::to_vec(s).map_or(true, |j| j.len() > recourse_events::limits::SETTINGS_JSON) {
        return Err(invalid(
            "settings",
            "too long to record: fewer programs, sites or names",
        ));
    }
    // Periods are aligned on a year starting in January or April (`Period::new`); another
    // month would make periods no review could be opened on.
    if let Some(c) = &s.review_cadence
        && c.fiscal_start != 1
        && c.fiscal_start != 4
    {
        return Err(invalid(
            "review_cadence",
            "the year starts in January (1) or April (4)",
        ));
    }
    Ok(())
}

impl Org {
    /// Folds one `org` stream event.
    pub fn apply(&mut self, envelope: &Envelope, payload: &Payload) {
        if !envelope.stream.is_org() {
            return;
        }
        self.seq = envelope.seq + 1;
        match payload {
            Payload::LedgerInitialized(init) => {
                self.origin = init.origin.clone();
                self.ledger_key = Some(init.ledger_key.key_id());
                self.ledger_public = Some(init.ledger_key);
            }
            Payload::KeyRegistered(r) => {
                if let KeyHolder::Staff { id } = &r.holder
                    && let Some(m) = id
                        .parse()
                        .ok()
                        .and_then(|id: StaffId| self.staff.get_mut(&id))
                {
                    m.keys.insert(r.key_id);
                }
                self.keys.insert(
                    r.key_id,
                    KeyRecord {
                        key: r.public_key,
                        holder: r.holder.clone(),
                        active: true,
                    },
                );
            }
            Payload::KeyRevoked(r) => {
                if let Some(k) = self.keys.get_mut(&r.key_id) {
                    k.active = false;
                }
                for m in self.staff.values_mut() {
                    m.keys.remove(&r.key_id);
                }
            }
            Payload::StaffEnrolled(e) => {
                self.staff.insert(
                    e.staff,
                    StaffMember {
                        id: e.staff,
                        name: e.name.clone(),
                        login: e.login.clone(),
                        roles: BTreeSet::new(),
                        keys: BTreeSet::new(),
                        active: true,
                    },
                );
            }
            Payload::StaffDeparted(d) => {
                if let Some(m) = self.staff.get_mut(&d.staff) {
                    m.active = false;
                    m.roles.clear();
                }
            }
            Payload::RoleGranted(g) => {
                if let Some(m) = self.staff.get_mut(&g.staff) {
                    m.roles.insert(g.role);
                }
            }
            Payload::RoleRevoked(r) => {
                if let Some(m) = self.staff.get_mut(&r.staff) {
                    m.roles.remove(&r.role);
                }
            }
            Payload::SettingsChanged(c) => self.settings = c.settings.clone(),
            Payload::LogoSet(l) => {
                use base64::Engine;
                if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(&l.data) {
                    self.logo = Some(Logo {
                        content_type: l.content_type.clone(),
                        sha256: l.sha256.clone(),
                        bytes: std::sync::Arc::new(bytes),
                    });
                }
            }
            _ => {}
        }
    }

    /// Who signed with `key`. Complainant keys are not in the org state: a case knows its own.
    pub fn actor_of(&self, key: &KeyId) -> Actor {
        if Some(*key) == self.ledger_key {
            return Actor::Ledger;
        }
        match self.keys.get(key).map(|k| &k.holder) {
            Some(KeyHolder::Staff { id }) => id.parse().map(Actor::Staff).unwrap_or(Actor::Unknown),
            Some(KeyHolder::Service { name }) => Actor::Service(name.clone()),
            None => Actor::Unknown,
        }
    }

    /// The public key of `key`, if the ledger key or a registered key (active or not).
    pub fn public_key(&self, key: &KeyId) -> Option<PublicKey> {
        if Some(*key) == self.ledger_key {
            return self.ledger_public;
        }
        self.keys.get(key).map(|k| k.key)
    }

    /// Current roles of a staff member (none if unknown or departed).
    pub fn roles(&self, staff: StaffId) -> BTreeSet<Role> {
        self.staff
            .get(&staff)
            .filter(|m| m.active)
            .map(|m| m.roles.clone())
            .unwrap_or_default()
    }

    /// True if `staff` is active and holds `role`.
    pub fn has_role(&self, staff: StaffId, role: Role) -> bool {
        self.staff
            .get(&staff)
            .is_some_and(|m| m.active && m.roles.contains(&role))
    }

    /// Active holders of `role`.
    pub fn holders(&self, role: Role) -> Vec<StaffId> {
        self.staff
            .values()
            .filter(|m| m.active && m.roles.contains(&role))
            .map(|m| m.id)
            .collect()
    }

    /// Whether a channel is one staff may file through (the web form is the client's own).
    pub fn staff_channel(channel: Channel) -> bool {
        channel != Channel::Web
    }

    /// Decides an administration command by `actor`.
    pub fn decide(&self, actor: &Actor, command: &OrgCommand) -> Result<Vec<Payload>, RuleError> {
        let requested_by = match actor {
            Actor::Ledger => None,
            Actor::Staff(s) if self.has_role(*s, Role::Admin) => Some(*s),
            _ => {
                return Err(RuleError::Forbidden(
                    "only an administrator may change the organization",
                ));
            }
        };
        let member = |s: &StaffId| {
            self.staff
                .get(s)
                .filter(|m| m.active)
                .ok_or(RuleError::UnknownStaff(*s))
        };
        match command {
            OrgCommand::Enroll {
                staff,
                name,
                login,
                roles,
                key,
            } => {
                if self.staff.contains_key(staff) {
                    return Err(invalid("staff", "already enrolled"));
                }
                let mut events = vec![Payload::StaffEnrolled(StaffEnrolled {
                    staff: *staff,
                    name: name.clone(),
                    login: login.clone(),
                    requested_by,
                })];
                let distinct: BTreeSet<Role> = roles.iter().copied().collect();
                events.extend(distinct.into_iter().map(|role| {
                    Payload::RoleGranted(RoleChange {
                        staff: *staff,
                        role,
                        requested_by,
                    })
                }));
                if let Some(key) = key {
                    self.check_new_key(key)?;
                    let holder = KeyHolder::Staff {
                        id: staff.to_string(),
                    };
                    events.push(Payload::KeyRegistered(KeyRegistered {
                        key_id: key.key_id(),
                        public_key: *key,
                        holder,
                        requested_by,
                    }));
                }
                return Ok(events);
            }
            OrgCommand::Depart { staff } => {
                let m = member(staff)?;
                if self.would_leave_no_admin(*staff, None) {
                    return Err(RuleError::LastAdministrator);
                }
                let reason = "staff member departed".to_string();
                let mut events: Vec<Payload> = m
                    .keys
                    .iter()
                    .filter(|k| self.keys.get(k).is_some_and(|r| r.active))
                    .map(|k| {
                        Payload::KeyRevoked(KeyRevoked {
                            key_id: *k,
                            reason: reason.clone(),
                            requested_by,
                        })
                    })
                    .collect();
                events.push(Payload::StaffDeparted(StaffDeparted {
                    staff: *staff,
                    requested_by,
                }));
                return Ok(events);
            }
            _ => {}
        }
        Ok(vec![match command {
            OrgCommand::Enroll { .. } | OrgCommand::Depart { .. } => unreachable!("decided above"),
            OrgCommand::Grant { staff, role } => {
                if member(staff)?.roles.contains(role) {
                    return Err(invalid("role", "already held"));
                }
                Payload::RoleGranted(RoleChange {
                    staff: *staff,
                    role: *role,
                    requested_by,
                })
            }
            OrgCommand::Revoke { staff, role } => {
                if !member(staff)?.roles.contains(role) {
                    return Err(invalid("role", "not held"));
                }
                if self.would_leave_no_admin(*staff, Some(*role)) {
                    return Err(RuleError::LastAdministrator);
                }
                Payload::RoleRevoked(RoleChange {
                    staff: *staff,
                    role: *role,
                    requested_by,
                })
            }
            OrgCommand::RegisterKey { key, holder } => {
                if let KeyHolder::Staff { id } = holder {
                    let id: StaffId = id
                        .parse()
                        .map_err(|_| invalid("holder", "not a staff id"))?;
                    member(&id)?;
                }
                self.check_new_key(key)?;
                Payload::KeyRegistered(KeyRegistered {
                    key_id: key.key_id(),
                    public_key: *key,
                    holder: holder.clone(),
                    requested_by,
                })
            }
            OrgCommand::RevokeKey { key, reason } => {
                if !self.keys.get(key).is_some_and(|k| k.active) {
                    return Err(invalid("key", "not an active key"));
                }
                if reason.trim().is_empty()
                    || reason.chars().count() > recourse_events::limits::REVOCATION_REASON
                {
                    return Err(invalid("reason", "1 to 500 characters"));
                }
                Payload::KeyRevoked(KeyRevoked {
                    key_id: *key,
                    reason: reason.clone(),
                    requested_by,
                })
            }
            OrgCommand::ChangeSettings(settings) => {
                validate_settings(settings)?;
                self.check_escalation(settings)?;
                Payload::SettingsChanged(Box::new(SettingsChanged {
                    settings: (**settings).clone(),
                    requested_by,
                }))
            }
            OrgCommand::SetLogo(bytes) => {
                use base64::Engine;
                use sha2::Digest;
                if bytes.len() > recourse_events::limits::LOGO_BYTES {
                    return Err(invalid("logo", "too large"));
                }
                let content_type = image_type(bytes)
                    .ok_or_else(|| invalid("logo", "not a PNG, JPEG or WebP image"))?;
                Payload::LogoSet(LogoSet {
                    content_type: content_type.into(),
                    data: base64::engine::general_purpose::STANDARD.encode(bytes),
                    sha256: hex::encode(sha2::Sha256::digest(bytes)),
                    requested_by,
                })
            }
        }])
    }

    /// The escalation route of `new` settings reaches someone (see
    /// [`crate::case::escalation`]): the director and the external reviewer are enrolled,
    /// active staff; the external reviewer is neither a chair nor the director; and, when the
    /// route or the director changes, someone handles escalated cases (an active board member
    /// who is not a chair or the director, or the external reviewer). Checked on a change
    /// only, so that an organization that never set a route is not refused other changes.
    fn check_escalation(&self, new: &Settings) -> Result<(), RuleError> {
        let active = |s: StaffId| self.staff.get(&s).is_some_and(|m| m.active);
        if let Some(d) = new.director
            && !active(d)
        {
            return Err(invalid("director", "an active staff member"));
        }
        if let Some(x) = new.external_reviewer {
            if !active(x) {
                return Err(invalid("external_reviewer", "an active staff member"));
            }
            if self.has_role(x, Role::Chair) || new.director == Some(x) {
                return Err(invalid(
                    "external_reviewer",
                    "someone other than a chair or the director",
                ));
            }
        }
        let changed = new.director != self.settings.director
            || new.external_reviewer != self.settings.external_reviewer;
        let leads = |s: StaffId| self.has_role(s, Role::Chair) || new.director == Some(s);
        let someone = match new.escalation_route() {
            EscalationRoute::External(_) => true,
            EscalationRoute::Board => self.holders(Role::Board).into_iter().any(|s| !leads(s)),
        };
        if changed && !someone {
            return Err(invalid(
                "external_reviewer",
                "escalated complaints would go to nobody: name an external reviewer, or give a board member who is not a chair or the director an account first",
            ));
        }
        Ok(())
    }

    /// A key may be registered: trustworthy, and not already used.
    fn check_new_key(&self, key: &PublicKey) -> Result<(), RuleError> {
        if key.check_trustworthy().is_err() {
            return Err(invalid(
                "key",
                "a key with a torsion component cannot be trusted",
            ));
        }
        if self.keys.contains_key(&key.key_id()) || Some(key.key_id()) == self.ledger_key {
            return Err(invalid("key", "already registered"));
        }
        Ok(())
    }

    /// True if removing `staff` (or only their `role`, when given, and it is Admin) leaves no
    /// active administrator.
    fn would_leave_no_admin(&self, staff: StaffId, role: Option<Role>) -> bool {
        if role.is_some_and(|r| r != Role::Admin) || !self.has_role(staff, Role::Admin) {
            return false;
        }
        self.holders(Role::Admin).into_iter().all(|s| s == staff)
    }

    /// The stream this state folds.
    pub fn stream() -> StreamId {
        StreamId::org()
    }
}
