//! The key registry rule: which key may sign which event at which position.
//!
//! Verification replays the `org` stream from the ledger key the verifier trusts:
//! - position 0 is `ledger.initialized`, signed by that ledger key and naming it;
//! - the `org` stream is signed by the ledger key only;
//! - any other event is signed by the ledger key, or by a key registered at an earlier position
//!   and not revoked at an earlier position; a key registered for one stream (a complainant's
//!   key, registered by the event that files the complaint) signs in that stream only.
//!
//! Registration at position `p` takes effect from `p + 1`, and so does revocation: the registry
//! is consulted for an event before the event itself is observed.

use std::collections::HashMap;

use crate::envelope::{Envelope, Event, StreamId};
use crate::key::{KeyId, PublicKey};
use crate::org::{self, KeyHolder, KeyRegistered, KeyRevoked, LedgerInitialized};

/// Why a key may not sign an event, or a key event is invalid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyRuleError {
    /// Position 0 is not the ledger's initialization by the trusted key.
    #[error(
        "the ledger must begin with ledger.initialized in the org stream, signed by the trusted ledger key"
    )]
    NotInitialized,
    /// A second `ledger.initialized`.
    #[error("ledger.initialized may only appear at position 0")]
    Reinitialized,
    /// The org stream signed by another key than the ledger key.
    #[error("org stream events must be signed by the ledger key, not {0}")]
    OrgNotByLedgerKey(KeyId),
    /// The actor was never registered before this position.
    #[error("key {0} is not registered at this position")]
    NotRegistered(KeyId),
    /// The actor was revoked before this position.
    #[error("key {0} was revoked before this position")]
    Revoked(KeyId),
    /// A stream key used outside its stream.
    #[error("key {key} may only sign in stream {stream}")]
    OutOfScope {
        /// The key.
        key: KeyId,
        /// Its stream.
        stream: StreamId,
    },
    /// A key with a torsion component, which could make batch and strict verification differ.
    #[error("key {0} has a torsion component and cannot be trusted")]
    WeakKey(KeyId),
    /// A key event whose payload is wrong.
    #[error("invalid {kind} payload: {reason}")]
    BadPayload {
        /// The event type.
        kind: String,
        /// What is wrong.
        reason: String,
    },
    /// Registering a key id that is already taken.
    #[error("key {0} is already registered")]
    Duplicate(KeyId),
}

#[derive(Debug, Clone)]
struct Registered {
    key: PublicKey,
    holder: Option<KeyHolder>,
    scope: Option<StreamId>,
    revoked: bool,
}

/// Registered keys as of the current position.
#[derive(Debug, Clone)]
pub struct KeyRegistry {
    ledger: PublicKey,
    origin: Option<String>,
    keys: HashMap<KeyId, Registered>,
}

fn payload<T: serde::de::DeserializeOwned>(event: &Event) -> Result<T, KeyRuleError> {
    let e = event.envelope();
    serde_json::from_value(serde_json::Value::Object(e.data.clone())).map_err(|err| {
        KeyRuleError::BadPayload {
            kind: e.kind.to_string(),
            reason: err.to_string(),
        }
    })
}

impl KeyRegistry {
    /// A registry that trusts `ledger` as the root.
    pub fn new(ledger: PublicKey) -> Self {
        Self {
            ledger,
            origin: None,
            keys: HashMap::new(),
        }
    }

    /// The trusted ledger key.
    pub fn ledger_key(&self) -> &PublicKey {
        &self.ledger
    }

    /// The origin named by `ledger.initialized`, once seen.
    pub fn origin(&self) -> Option<&str> {
        self.origin.as_deref()
    }

    /// The key of `id`, registered or not yet revoked, if known.
    pub fn key(&self, id: &KeyId) -> Option<&PublicKey> {
        if *id == self.ledger.key_id() {
            return Some(&self.ledger);
        }
        self.keys.get(id).map(|r| &r.key)
    }

    /// Who holds `id`, if it was registered in the org stream.
    pub fn holder(&self, id: &KeyId) -> Option<&KeyHolder> {
        self.keys.get(id).and_then(|r| r.holder.as_ref())
    }

    /// The key that may sign `envelope` at `position`, or why none may.
    pub fn authorize(&self, envelope: &Envelope, position: u64) -> Result<PublicKey, KeyRuleError> {
        let by_ledger = envelope.actor == self.ledger.key_id();
        let initializing = envelope.kind == org::LEDGER_INITIALIZED;
        if position == 0 {
            let ok = initializing && by_ledger && envelope.stream.is_org() && envelope.seq == 0;
            return if ok {
                Ok(self.ledger)
            } else {
                Err(KeyRuleError::NotInitialized)
            };
        }
        if initializing {
            return Err(KeyRuleError::Reinitialized);
        }
        if by_ledger {
            return Ok(self.ledger);
        }
        if envelope.stream.is_org() {
            return Err(KeyRuleError::OrgNotByLedgerKey(envelope.actor));
        }
        let r = self
            .keys
            .get(&envelope.actor)
            .ok_or(KeyRuleError::NotRegistered(envelope.actor))?;
        if r.revoked {
            return Err(KeyRuleError::Revoked(envelope.actor));
        }
        if let Some(scope) = &r.scope
            && *scope != envelope.stream
        {
            return Err(KeyRuleError::OutOfScope {
                key: envelope.actor,
                stream: scope.clone(),
            });
        }
        Ok(r.key)
    }

    /// Learns the key events of an authorized `event`; they take effect for later positions.
    pub fn observe(&mut self, event: &Event) -> Result<(), KeyRuleError> {
        let e = event.envelope();
        if !e.stream.is_org() {
            // A complaint registers the complainant's key for its own stream.
            if e.kind.as_str() == "complaint.filed" {
                let filed: crate::case::ComplaintFiled = payload(event)?;
                self.register_stream_key(filed.complainant_key, e.stream.clone())?;
            }
            return Ok(());
        }
        if e.kind == org::LEDGER_INITIALIZED {
            let init: LedgerInitialized = payload(event)?;
            if init.ledger_key != self.ledger {
                return Err(KeyRuleError::NotInitialized);
            }
            self.origin = Some(init.origin);
        } else if e.kind == org::KEY_REGISTERED {
            let reg: KeyRegistered = payload(event)?;
            if reg.key_id != reg.public_key.key_id() {
                return Err(KeyRuleError::BadPayload {
                    kind: e.kind.to_string(),
                    reason: "key_id does not match public_key".into(),
                });
            }
            self.insert(reg.public_key, Some(reg.holder), None)?;
        } else if e.kind == org::KEY_REVOKED {
            let rev: KeyRevoked = payload(event)?;
            let r = self
                .keys
                .get_mut(&rev.key_id)
                .ok_or(KeyRuleError::NotRegistered(rev.key_id))?;
            if r.revoked {
                return Err(KeyRuleError::Revoked(rev.key_id));
            }
            r.revoked = true;
        }
        Ok(())
    }

    /// Registers a key that may sign in `stream` only (a complainant's key), from the next
    /// position on.
    pub fn register_stream_key(
        &mut self,
        key: PublicKey,
        stream: StreamId,
    ) -> Result<(), KeyRuleError> {
        self.insert(key, None, Some(stream))
    }

    fn insert(
        &mut self,
        key: PublicKey,
        holder: Option<KeyHolder>,
        scope: Option<StreamId>,
    ) -> Result<(), KeyRuleError> {
        let id = key.key_id();
        key.check_trustworthy()
            .map_err(|_| KeyRuleError::WeakKey(id))?;
        if id == self.ledger.key_id() || self.keys.contains_key(&id) {
            return Err(KeyRuleError::Duplicate(id));
        }
        self.keys.insert(
            id,
            Registered {
                key,
                holder,
                scope,
                revoked: false,
            },
        );
        Ok(())
    }
}
