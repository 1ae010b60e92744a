//! Which actions to offer: the rules decide, by a dry run of `decide` with placeholder values,
//! so a page never offers what the service would refuse (and never needs its own copy of the
//! rules). The real submission is decided again with the real values.

use recourse_events::case::{
    AppealFiled, Audience, ClientText, MessagePosted, SatisfactionRecorded,
};
use recourse_events::ids::CaseId;
use recourse_events::sealed::Sealed;
use recourse_projections::actor::Actor;
use recourse_projections::case::{Command, Context, Status, decide};
use serde::Serialize;

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
            now: service.now(),
        };
        decide(c, &ctx, command).is_ok()
    })
}

/// What a client may do on their case now (the tracking page's forms, the API's `can`).
#[derive(Debug, Clone, Copy, Serialize, schemars::JsonSchema)]
pub struct ClientCan {
    /// Add information to the complaint.
    pub info: bool,
    /// Write to the people handling it.
    pub message: bool,
    /// Comment on the file.
    pub comment: bool,
    /// Appeal the decision.
    pub appeal: bool,
    /// Say how satisfied they are.
    pub satisfaction: bool,
    /// Withdraw the complaint.
    pub withdraw: bool,
    /// Erase their personal data (until it is erased).
    pub erase: bool,
}

impl ClientCan {
    /// Asks the rules, for `client` on `case` in `status`.
    pub fn of(service: &Service, case: CaseId, client: &Actor, status: Status) -> ClientCan {
        let p = placeholder;
        let can = |cmd: Command| allowed(service, case, client, &cmd);
        ClientCan {
            info: can(Command::AddInformation(ClientText { text: p() })),
            message: can(Command::PostMessage(MessagePosted {
                audience: Audience::Client,
                body: p(),
            })),
            comment: can(Command::Comment(ClientText { text: p() })),
            appeal: can(Command::Appeal(AppealFiled { grounds: p() })),
            satisfaction: can(Command::RecordSatisfaction(SatisfactionRecorded {
                explained: true,
                fair: true,
                rating: 3,
            })),
            withdraw: can(Command::Withdraw),
            erase: status != Status::Erased,
        }
    }
}
