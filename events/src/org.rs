//! Events of the `org` stream that the verifier must understand: the ledger's creation and the
//! registration and revocation of signing keys.
//!
//! Everything else an organization records (staff, roles, settings) is vocabulary for the
//! projections; these three are part of the trust model, so they live next to the verifier.

use serde::{Deserialize, Serialize};

use crate::envelope::EventType;
use crate::key::{KeyId, PublicKey};

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
}

/// Payload of `key.revoked`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyRevoked {
    /// Id of the key.
    pub key_id: KeyId,
    /// Why (rotation, departure, compromise).
    pub reason: String,
}
