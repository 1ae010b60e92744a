//! Which actions to offer: the rules decide, by a dry run of `decide` with placeholder values,
//! so a page never offers what the service would refuse (and never needs its own copy of the
//! rules). The real submission is decided again with the real values.

use jiff::Timestamp;
use recourse_events::ids::CaseId;
use recourse_events::sealed::Sealed;
use recourse_projections::actor::Actor;
use recourse_projections::case::{Command, Context, decide};

use crate::service::Service;

/// A sealed placeholder for dry runs (never recorded).
pub fn placeholder() -> Sealed {
    Sealed {
        sealed: String::new(),
        key: String::new(),
    }
}

/// Whether `actor` may do `command` on `case` now.
pub fn allowed(service: &Service, case: CaseId, actor: &Actor, command: &Command) -> bool {
    service.read(|m| {
        let Some(c) = m.case(&case) else { return false };
        let ctx = Context {
            actor,
            org: m.org(),
            reference: m.reference(),
            now: Timestamp::now(),
        };
        decide(c, &ctx, command).is_ok()
    })
}
