//! Who acts: resolved from an event's signing key through the org state, or supplied by the
//! service for a command. Rules are written against this, never against keys.

use recourse_events::ids::StaffId;

/// The author of an event or command. Its kinds are named in snake case (`staff`, `client`,
/// ...: [`Actor::KINDS`]), as the API's timelines name them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, strum::VariantNames, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Actor {
    /// The organization itself (the ledger key): set-up, retention, erasure.
    Ledger,
    /// A service of the organization, such as the web intake that files for clients.
    Service(String),
    /// A staff member.
    Staff(StaffId),
    /// The complainant, through their receipt code.
    Client,
    /// A key the projections do not know (the verifier would reject such an event).
    Unknown,
}

impl Actor {
    /// Every kind of author, by name.
    pub const KINDS: &'static [&'static str] = <Actor as strum::VariantNames>::VARIANTS;

    /// The kind of author, by name (`staff`, `client`, `service`, `ledger` or `unknown`).
    pub fn kind(&self) -> &'static str {
        self.into()
    }

    /// The staff id, for staff.
    pub fn staff(&self) -> Option<StaffId> {
        match self {
            Actor::Staff(s) => Some(*s),
            _ => None,
        }
    }
}

/// The web intake service's name, used in its key registration.
pub const WEB_INTAKE: &str = "web-intake";
