//! Events of the `org` stream: the ledger's creation, signing keys (which the verifier must
//! understand: they are the trust model), staff, roles and settings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::envelope::EventType;
use crate::ids::StaffId;
use crate::key::{KeyId, PublicKey};
use crate::sealed::Sealed;

/// `ledger.initialized`: the first event of every ledger (position 0, `org` seq 0).
pub const LEDGER_INITIALIZED: EventType = EventType::from_static("ledger.initialized");
/// `key.registered`: a signing key becomes valid for later positions.
pub const KEY_REGISTERED: EventType = EventType::from_static("key.registered");
/// `key.revoked`: a signing key stops being valid for later positions.
pub const KEY_REVOKED: EventType = EventType::from_static("key.revoked");

/// Payload of `ledger.initialized`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerInitialized {
    /// The log's origin (checkpoint origin line and note key name).
    pub origin: String,
    /// The ledger key, which signs this event, the org stream and checkpoints.
    pub ledger_key: PublicKey,
}

/// Who holds a registered key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum KeyHolder {
    /// A staff member (by their staff id).
    Staff {
        /// Staff id (UUID).
        id: String,
    },
    /// A service of the organization, e.g. the web intake that files complaints for clients.
    Service {
        /// Service name.
        name: String,
    },
}

/// Payload of `key.registered`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyRegistered {
    /// Id of the key (must match the key).
    pub key_id: KeyId,
    /// The public key.
    pub public_key: PublicKey,
    /// Who holds it.
    pub holder: KeyHolder,
    /// The administrator who asked (the org stream is signed by the ledger key on their behalf).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<StaffId>,
}

/// Payload of `key.revoked`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyRevoked {
    /// Id of the key.
    pub key_id: KeyId,
    /// Why (rotation, departure, compromise).
    pub reason: String,
    /// The administrator who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<StaffId>,
}

/// `staff.enrolled`: a staff member joins; their name is sealed with the organization's staff key.
pub const STAFF_ENROLLED: EventType = EventType::from_static("staff.enrolled");
/// `staff.departed`: a staff member leaves (their roles and keys are revoked by separate events).
pub const STAFF_DEPARTED: EventType = EventType::from_static("staff.departed");
/// `role.granted`.
pub const ROLE_GRANTED: EventType = EventType::from_static("role.granted");
/// `role.revoked`.
pub const ROLE_REVOKED: EventType = EventType::from_static("role.revoked");
/// `settings.changed`: the full new settings.
pub const SETTINGS_CHANGED: EventType = EventType::from_static("settings.changed");

/// `logo.set`: the organization's logo, which every page shows (public, in clear).
pub const LOGO_SET: EventType = EventType::from_static("logo.set");

/// Payload of `logo.set`: the image itself, so that every instance serving the ledger has it
/// (a file in one process's data folder would not be), within one entry
/// ([`crate::limits::LOGO_BYTES`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogoSet {
    /// The image's type, as its bytes say: `image/png`, `image/jpeg` or `image/webp`.
    pub content_type: String,
    /// The image, in standard base64.
    pub data: String,
    /// SHA-256 of the image, in hex (its address, `/logo/<first 16 digits>`).
    pub sha256: String,
    /// The administrator who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<StaffId>,
}

/// A role a staff member can hold. Clients act through their receipt code, not a role.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::VariantNames,
    strum::EnumCount,
    strum::IntoStaticStr,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    /// Files for clients, acknowledges, triages, routes.
    Intake,
    /// Investigates assigned cases, records findings, proposes decisions.
    Reviewer,
    /// Chairs the review committee: assigns, decides, verifies corrective actions, closes.
    Chair,
    /// Reads dashboards and approves framework reviews; never sees personal data, except in
    /// the complaints about the director or the chair the settings route to the board, which
    /// board members handle as the committee would (`Settings::escalation_route`).
    Board,
    /// Enrols staff, grants roles, rotates keys, changes settings.
    Admin,
    /// Audits trails and verifies the ledger.
    Auditor,
}

crate::vocabulary_values!(Role);

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown role {s:?}"))
    }
}

/// Payload of `staff.enrolled`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffEnrolled {
    /// The new staff member's id.
    pub staff: StaffId,
    /// Their name, sealed with the organization's staff data key.
    pub name: Sealed,
    /// Their sign-in name, sealed likewise.
    pub login: Sealed,
    /// The administrator who asked (none for the first administrator, enrolled at set-up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<StaffId>,
}

/// Payload of `staff.departed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffDeparted {
    /// Who left.
    pub staff: StaffId,
    /// The administrator who recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<StaffId>,
}

/// Payload of `role.granted` and `role.revoked`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleChange {
    /// The staff member.
    pub staff: StaffId,
    /// The role.
    pub role: Role,
    /// The administrator who asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<StaffId>,
}

/// A named place or program of the organization (not personal data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    /// Stable id (lowercase slug).
    pub id: String,
    /// Display name, shown in a language without its own name.
    pub name: String,
    /// Its name in other languages (language code -> name). Absent from older ledgers'
    /// settings, and not written when empty, so their bytes and fingerprints do not change.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
}

impl Named {
    /// A name with no translations.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Named {
        Named {
            id: id.into(),
            name: name.into(),
            names: BTreeMap::new(),
        }
    }

    /// The name to show in language `lang`: its own name in that language, else [`Self::name`].
    pub fn name_in(&self, lang: &str) -> &str {
        self.names
            .get(lang)
            .map(String::as_str)
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.name)
    }
}

/// The display name of the entry `id` of `list` in language `lang` (the id itself when the
/// settings no longer list it, as for a case filed under a program since removed).
pub fn display_name<'a>(list: &'a [Named], id: &'a str, lang: &str) -> &'a str {
    list.iter()
        .find(|n| n.id == id)
        .map(|n| n.name_in(lang))
        .unwrap_or(id)
}

/// The organization's public identity: how clients know and reach it another way. Every
/// field may be empty (a new install); it is public, never personal data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// The organization's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Its name (or short name) in other languages (language code -> name).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, String>,
    /// Postal address, one line per line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// Email address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// Web site (an `https://` or `http://` address).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
}

impl Organization {
    /// True if nothing is set (the settings then do not write it).
    pub fn is_empty(&self) -> bool {
        self == &Organization::default()
    }

    /// Its name in language `lang` (its own name in that language, else [`Self::name`]);
    /// empty if none is set.
    pub fn name_in(&self, lang: &str) -> &str {
        self.names
            .get(lang)
            .map(String::as_str)
            .filter(|n| !n.is_empty())
            .unwrap_or(&self.name)
    }
}

/// Payload of `settings.changed`: the full new settings and who changed them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsChanged {
    /// The new settings.
    pub settings: Settings,
    /// The administrator who asked (none at set-up).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_by: Option<StaffId>,
}

/// The organization's settings, replaced whole by `settings.changed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Business days to acknowledge a complaint.
    pub acknowledge_business_days: u32,
    /// Calendar days to decide a complaint.
    pub decide_calendar_days: u32,
    /// Calendar days after a decision during which the client may appeal.
    pub appeal_window_days: u32,
    /// IANA time zone of the organization, for business days.
    pub time_zone: String,
    /// Holiday jurisdiction code (`federal`, `on`, `qc`, ...).
    pub holiday_jurisdiction: String,
    /// Extra non-working dates (closures).
    pub extra_holidays: Vec<jiff::civil::Date>,
    /// Statutory holidays the organization works anyway.
    pub removed_holidays: Vec<jiff::civil::Date>,
    /// Languages offered to clients (BCP 47 codes), the first being the default.
    pub languages: Vec<String>,
    /// Days after closure before personal data is erased.
    pub retention_days: u32,
    /// Id of the quality framework in use.
    pub framework: String,
    /// Programs complaints can concern.
    pub programs: Vec<Named>,
    /// Sites of the organization.
    pub sites: Vec<Named>,
    /// How often the organization reviews itself against the framework (absent: every
    /// calendar quarter). Absent from older ledgers' settings, and not written when absent, so
    /// their fingerprints do not change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_cadence: Option<crate::review::Cadence>,
    /// True if only a chair decides complaints: the assigned reviewer investigates and records
    /// findings, which the chair's decision rests on. False (the default, and absent from
    /// older ledgers' settings) lets the assigned reviewer decide too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chair_decides: bool,
    /// The staff member who runs the organization (the director), if they hold a staff
    /// account: like every chair, they are excluded from escalated cases (complaints about the
    /// director or the chair). Absent from older ledgers' settings and not written when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub director: Option<StaffId>,
    /// Who handles escalated cases: this staff member (an external reviewer, say an enrolled
    /// reviewer from a partner agency) if set, otherwise the board. Absent from older ledgers'
    /// settings (the board) and not written when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_reviewer: Option<StaffId>,
    /// The client's tracking page also names the staff who opened the file (not only their
    /// role and purpose). False (the default, absent from older settings, not written when
    /// false): the client sees roles only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub show_opener_names: bool,
    /// The organization's public identity (absent from older ledgers' settings, and not
    /// written when empty).
    #[serde(default, skip_serializing_if = "Organization::is_empty")]
    pub organization: Organization,
    /// The witnesses the log asks to cosign its checkpoints (besides those given on the
    /// command line). Absent from older ledgers' settings, and not written when empty, so
    /// their fingerprints do not change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub witnesses: Vec<WitnessSetting>,
}

/// A witness configured in the settings: where it is reached and its verifier key. The key's
/// name is the witness's display name (no separate label, which could say otherwise).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WitnessSetting {
    /// Its base URL (`http://` or `https://`, without a trailing slash).
    pub url: String,
    /// Its cosignature/v1 verifier key in the note form (`name+<8 hex id>+base64(0x04 || key)`).
    pub key: String,
}

/// Who handles an escalated case (a complaint about the director or the chair).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EscalationRoute {
    /// The board: board members get the committee's rights on that case only.
    Board,
    /// One named staff member, outside the committee's chain of command.
    External(StaffId),
}

impl Settings {
    /// Where escalated cases go under these settings.
    pub fn escalation_route(&self) -> EscalationRoute {
        self.external_reviewer
            .map_or(EscalationRoute::Board, EscalationRoute::External)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            acknowledge_business_days: 2,
            decide_calendar_days: 30,
            appeal_window_days: 30,
            time_zone: "America/Toronto".into(),
            holiday_jurisdiction: "on".into(),
            extra_holidays: vec![],
            removed_holidays: vec![],
            languages: ["en", "fr", "ar", "fa", "es", "uk"]
                .map(String::from)
                .to_vec(),
            retention_days: 7 * 365,
            framework: "ccr-cleo-2021".into(),
            programs: vec![Named::new("settlement", "Settlement services")],
            sites: vec![Named::new("main", "Main office")],
            review_cadence: None,
            chair_decides: false,
            director: None,
            external_reviewer: None,
            show_opener_names: false,
            organization: Organization::default(),
            witnesses: Vec::new(),
        }
    }
}
