//! Case history: the timeline of one case, each event with its author and its verification
//! state (signature by the key registered for its author, and its link in the case's chain).
//!
//! Computed on demand from the case's stream, since it carries sealed values the read model
//! does not keep; what is shown of those is the page's business (and the viewer's rights).

use jiff::Timestamp;
use recourse_events::chain::StreamHead;
use recourse_events::vocabulary::Payload;
use recourse_events::{Event, EventType};
use uuid::Uuid;

use crate::actor::Actor;
use crate::read_model::ReadModel;

/// How one event checked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verification {
    /// Signed by the key its envelope names, and that key is known.
    pub signature: bool,
    /// `seq` and `prev` link to the previous event of the case.
    pub chain: bool,
}

impl Verification {
    /// Both checks passed.
    pub fn ok(&self) -> bool {
        self.signature && self.chain
    }
}

/// One line of the timeline.
#[derive(Debug, Clone)]
pub struct TimelineEntry {
    /// Position in the ledger.
    pub position: u64,
    /// Position in the case.
    pub seq: u64,
    /// Event id.
    pub id: Uuid,
    /// When.
    pub at: Timestamp,
    /// Event type.
    pub kind: EventType,
    /// Author.
    pub actor: Actor,
    /// The payload (sealed fields still sealed), if this version reads the type.
    pub payload: Option<Payload>,
    /// Verification state.
    pub verification: Verification,
}

/// The timeline of a case from its events in seq order, checked against the read model's keys.
pub fn timeline(model: &ReadModel, events: &[(u64, Event)]) -> Vec<TimelineEntry> {
    let mut head = StreamHead::default();
    let mut complainant = None;
    events
        .iter()
        .map(|(position, event)| {
            let e = event.envelope();
            let payload = Payload::parse(&e.kind, &e.data).ok();
            let chain = head.check(e).is_ok();
            head = head.advanced(event.leaf_hash());
            let key =
                if complainant.is_some_and(|k: recourse_events::PublicKey| k.key_id() == e.actor) {
                    complainant
                } else {
                    model.org().public_key(&e.actor)
                };
            let signature = key.is_some_and(|k| event.verify(&k));
            let actor = if key == complainant && key.is_some() {
                Actor::Client
            } else {
                model.org().actor_of(&e.actor)
            };
            if let Some(Payload::ComplaintFiled(f)) = &payload {
                complainant = Some(f.complainant_key);
            }
            TimelineEntry {
                position: *position,
                seq: e.seq,
                id: e.id,
                at: e.at,
                kind: e.kind.clone(),
                actor,
                payload,
                verification: Verification { signature, chain },
            }
        })
        .collect()
}
