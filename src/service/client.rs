//! What a client does with their receipt code, whichever door they use (the tracking page or
//! the API): add information, write to the committee, comment on their file, appeal, say
//! whether they were satisfied, withdraw, or have their personal data erased; and what their
//! timeline says, as message ids.
//!
//! The doors hand over plain text; the service checks it (one validator, [`ClientAction::check`])
//! and seals it under the case's data key itself, so no handler holds a seal. An erased case
//! accepts nothing (its data key is gone): that is said as the rules' refusal, before any text
//! is looked at.

use jiff::Timestamp;
use recourse_events::case::{
    AppealFiled, Audience, ClientText, MessagePosted, SatisfactionRecorded,
};
use recourse_events::ids::CaseId;
use recourse_events::vocabulary::Payload;
use recourse_projections::case::{Command, Status};
use recourse_projections::message::Message;
use recourse_projections::rule::RuleError;

use super::validation::{Invalid, Refusals, at_most, required};
use super::{Service, ServiceError};
use crate::limits;
use crate::receipt::ReceiptCode;

/// A client's action on their case, with its plain text (sealed by the service).
#[derive(Clone, PartialEq, Eq)]
pub enum ClientAction {
    /// More information about the complaint.
    AddInformation(String),
    /// A comment on the file.
    Comment(String),
    /// A message to the committee.
    Message(String),
    /// An appeal of the decision, with its grounds.
    Appeal(String),
    /// Whether the client was satisfied.
    Satisfaction {
        /// The decision was explained.
        explained: bool,
        /// The process was fair.
        fair: bool,
        /// Overall, from 1 to 5.
        rating: u8,
    },
    /// The client withdraws the complaint.
    Withdraw,
    /// The client asks for their personal data to be erased (done at once).
    Erase,
}

impl std::fmt::Debug for ClientAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A client's words never reach logs, even through Debug.
        f.write_str(self.slug())
    }
}

/// The field every client text is given in (the form's and the API's `text`).
pub const TEXT_FIELD: &str = "text";

impl ClientAction {
    /// The action's name in URLs (`/track/<slug>`) and in its confirmation (`done-<slug>`).
    pub fn slug(&self) -> &'static str {
        match self {
            ClientAction::AddInformation(_) => "info",
            ClientAction::Comment(_) => "comment",
            ClientAction::Message(_) => "message",
            ClientAction::Appeal(_) => "appeal",
            ClientAction::Satisfaction { .. } => "satisfaction",
            ClientAction::Withdraw => "withdraw",
            ClientAction::Erase => "erase",
        }
    }

    /// The action named `slug` with its text, for those that take one (`None` for an unknown
    /// slug, or one that takes no text).
    pub fn with_text(slug: &str, text: String) -> Option<ClientAction> {
        Some(match slug {
            "info" => ClientAction::AddInformation(text),
            "comment" => ClientAction::Comment(text),
            "message" => ClientAction::Message(text),
            "appeal" => ClientAction::Appeal(text),
            _ => return None,
        })
    }

    /// Whether the action named `slug` takes a text.
    pub fn takes_text(slug: &str) -> bool {
        Self::with_text(slug, String::new()).is_some()
    }

    /// The action's text, if it takes one.
    fn text(&self) -> Option<&str> {
        match self {
            ClientAction::AddInformation(t)
            | ClientAction::Comment(t)
            | ClientAction::Message(t)
            | ClientAction::Appeal(t) => Some(t),
            _ => None,
        }
    }

    /// What is wrong with the action's input: a text must be given and fit
    /// [`limits::CLIENT_TEXT`]; a rating is from 1 to 5.
    pub fn check(&self) -> Vec<Invalid> {
        let mut r = Refusals::default();
        if let Some(t) = self.text() {
            let t = t.trim();
            if required(TEXT_FIELD, t).is_err() {
                r.push(Invalid::new(TEXT_FIELD, Message::new("track-empty")));
            } else {
                r.check(at_most(TEXT_FIELD, t, limits::CLIENT_TEXT));
            }
        }
        if let ClientAction::Satisfaction { rating, .. } = self
            && !(1..=5).contains(rating)
        {
            r.push(Invalid::new("rating", Message::new("track-rating")));
        }
        r.into_vec()
    }
}

/// What an event on a client's timeline means, as message ids: the event's, and the outcome
/// of a decision or an appeal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientWhat {
    /// The event's message id (`event-complaint-filed`).
    pub event: String,
    /// The outcome's message id (`outcome-upheld`, `appeal-outcome-upheld`), if any.
    pub outcome: Option<String>,
}

/// The kind of an event as a message id: `complaint.filed` -> `event-complaint-filed`.
pub fn event_id(kind: &str) -> String {
    format!("event-{}", kind.replace(['.', '_'], "-"))
}

/// What an event of `kind` means for the client.
pub fn client_what(kind: &str, payload: Option<&Payload>) -> ClientWhat {
    let outcome = match payload {
        Some(Payload::DecisionIssued(d)) => Some(format!("outcome-{}", d.outcome.as_str())),
        Some(Payload::AppealDecided(d)) => serde_json::to_value(d.outcome)
            .ok()
            .and_then(|v| v.as_str().map(|name| format!("appeal-outcome-{name}"))),
        _ => None,
    };
    ClientWhat {
        event: event_id(kind),
        outcome,
    }
}

impl Service {
    /// What the client is told under their case's status: what happens next and by when
    /// (acknowledge by, decide by, appeal until), as the case and the rules stand, never an
    /// offer their page does not make (`can` is what it offers).
    pub fn client_next_step(&self, case: CaseId, can: &super::ClientCan) -> Message {
        self.read(|m| {
            let Some(case) = m.case(&case) else {
                return Message::new("status-erased-hint");
            };
            let clocks = m.clocks();
            let window = i64::from(m.org().settings.appeal_window_days);
            // The rules' appeal deadline (the decision's instant plus the window), local.
            let appeal_until = case
                .decision
                .as_ref()
                .map(|d| clocks.local_date(d.at + jiff::SignedDuration::from_hours(24 * window)));
            let appeal_decided = case.appeal.as_ref().is_some_and(|a| a.decided.is_some());
            let (id, at) = match case.status() {
                Status::Filed => ("track-next-filed", clocks.acknowledge_due(case)),
                Status::Acknowledged => ("track-next-acknowledged", clocks.decide_due(case)),
                Status::UnderReview => ("track-next-under-review", clocks.decide_due(case)),
                Status::UnderAppeal => ("status-under-appeal-hint", None),
                Status::Decided if appeal_decided => ("track-next-appeal-decided", None),
                Status::Decided if can.appeal => ("track-next-decided-appeal", appeal_until),
                Status::Decided => ("track-next-decided-final", appeal_until),
                Status::Closed if appeal_decided => ("track-next-closed-appeal-decided", None),
                Status::Closed if can.appeal => ("track-next-closed-appeal", appeal_until),
                Status::Closed => ("track-next-closed-final", appeal_until),
                Status::Withdrawn => ("status-withdrawn-hint", None),
                Status::Erased => ("status-erased-hint", None),
            };
            match at {
                Some(date) => Message::new(id).arg("date", date),
                None => Message::new(id),
            }
        })
    }

    /// Does `action` for the client holding `code`, at `at`: checks its input, seals its text
    /// under the case's key, and records it as the client. Returns the case.
    pub async fn client_act(
        &self,
        code: &ReceiptCode,
        action: ClientAction,
        at: Timestamp,
    ) -> Result<CaseId, ServiceError> {
        let (case, client) = self.client(code)?;
        if self.read(|m| m.case(&case).map(|c| c.status())) == Some(Status::Erased) {
            // Nothing can be sealed any more: the data key is gone.
            return Err(RuleError::Erased.into());
        }
        let refused = action.check();
        if !refused.is_empty() {
            return Err(ServiceError::Invalid(refused));
        }
        let seal = |field: &str, text: &str| self.seal_for(case, field, text.trim());
        let command = match &action {
            ClientAction::AddInformation(t) => Command::AddInformation(ClientText {
                text: seal("text", t)?,
            }),
            ClientAction::Comment(t) => Command::Comment(ClientText {
                text: seal("text", t)?,
            }),
            ClientAction::Message(t) => Command::PostMessage(MessagePosted {
                audience: Audience::Client,
                body: seal("body", t)?,
            }),
            ClientAction::Appeal(t) => Command::Appeal(AppealFiled {
                grounds: seal("grounds", t)?,
            }),
            ClientAction::Satisfaction {
                explained,
                fair,
                rating,
            } => Command::RecordSatisfaction(SatisfactionRecorded {
                explained: *explained,
                fair: *fair,
                rating: *rating,
            }),
            ClientAction::Withdraw => Command::Withdraw,
            ClientAction::Erase => return self.request_erasure(code, at).await,
        };
        self.act(&client, case, command, at).await?;
        Ok(case)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clients_text_is_required_and_counted_in_characters() {
        let blank = ClientAction::Comment("  \n ".into());
        assert_eq!(blank.check()[0].message.id, "track-empty");
        let longest = ClientAction::Appeal("ع".repeat(limits::CLIENT_TEXT));
        assert!(longest.check().is_empty());
        let over = ClientAction::Appeal("ع".repeat(limits::CLIENT_TEXT + 1));
        let refused = over.check();
        assert_eq!(refused[0].field, "text");
        assert_eq!(refused[0].message.id, "invalid-too-long");
    }

    #[test]
    fn a_rating_is_from_one_to_five() {
        let rating = |rating| ClientAction::Satisfaction {
            explained: true,
            fair: true,
            rating,
        };
        assert!(rating(1).check().is_empty() && rating(5).check().is_empty());
        assert_eq!(rating(6).check()[0].field, "rating");
        assert_eq!(rating(0).check()[0].message.id, "track-rating");
    }

    #[test]
    fn slugs_name_the_actions_that_take_text() {
        for slug in ["info", "comment", "message", "appeal"] {
            let a = ClientAction::with_text(slug, "x".into()).unwrap();
            assert_eq!(a.slug(), slug);
        }
        assert!(ClientAction::with_text("withdraw", "x".into()).is_none());
        assert_eq!(
            format!("{:?}", ClientAction::Comment("secret".into())),
            "comment"
        );
    }
}
