//! Why a command is refused, in words a person can act on, and checks shared by the rules.

use recourse_events::ids::{ActionId, StaffId};

/// A refused command. Nothing is recorded when a rule refuses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// The actor's role does not allow this.
    #[error("not allowed: {0}")]
    Forbidden(&'static str),
    /// The staff member is named in the complaint or declared a conflict on it.
    #[error("staff member {0} has a conflict of interest on this case (named in it, or recused)")]
    Conflicted(StaffId),
    /// An appeal must go to someone who took no part in the decision.
    #[error("staff member {0} took part in the decision under appeal")]
    TookPartInDecision(StaffId),
    /// The case is not in a state that accepts this.
    #[error("a case that is {status} does not accept this: {action}")]
    WrongState {
        /// The case's status.
        status: &'static str,
        /// What was attempted.
        action: &'static str,
    },
    /// A decision needs a recorded finding first.
    #[error("record a finding before issuing a decision")]
    NoFinding,
    /// A case closes only when every corrective action is verified or waived.
    #[error(
        "{0} corrective action(s) still open: verify or waive them (with reasons) before closing"
    )]
    ActionsOutstanding(usize),
    /// The appeal window after the decision has passed.
    #[error("the appeal window closed on {0}")]
    AppealWindowClosed(jiff::civil::Date),
    /// The staff member does not exist or has left.
    #[error("unknown or departed staff member {0}")]
    UnknownStaff(StaffId),
    /// The staff member lacks the role the assignment needs.
    #[error("staff member {0} is not a reviewer or chair")]
    NotReviewer(StaffId),
    /// No such corrective action on the case.
    #[error("no corrective action {0} on this case")]
    UnknownAction(ActionId),
    /// The case was triaged as sensitive: only those handling it open its file.
    #[error(
        "not allowed: this case is restricted (sensitive); only its assigned reviewer, the chair and intake open its file. The attempt is recorded"
    )]
    Restricted,
    /// The case's personal data was erased; nothing can read or add to it.
    #[error("this case's personal data was erased")]
    Erased,
    /// The organization must keep at least one administrator.
    #[error("the organization must keep at least one administrator")]
    LastAdministrator,
    /// A field with a value that is not allowed.
    #[error("{field}: {reason}")]
    Invalid {
        /// The field.
        field: &'static str,
        /// What is allowed.
        reason: String,
    },
}

impl RuleError {
    /// Whether the refusal is about who acts (as opposed to the state or the input).
    pub fn is_forbidden(&self) -> bool {
        matches!(
            self,
            RuleError::Forbidden(_)
                | RuleError::Conflicted(_)
                | RuleError::TookPartInDecision(_)
                | RuleError::Restricted
        )
    }
}

/// A BCP 47 language tag of the simple kind forms use: `fr`, `fa`, `pt-BR`, `zh-Hant`.
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && s.len() <= 35
}
