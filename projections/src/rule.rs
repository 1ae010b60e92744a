//! Why a command is refused, in words a person can act on, and checks shared by the rules.
//!
//! A refusal reads two ways: its `Display` is the rules' English (logs, the CLI), and
//! [`RuleError::message`] is the same refusal as a message id with its arguments
//! (`locales/<lang>/rules.ftl`), which every door translates into the reader's language. The
//! role refusals ([`RuleError::Forbidden`]) each name who may do it; [`FORBIDDEN`] gives each
//! of those sentences its own message, and a test holds the table to the rules' sources.

use recourse_events::ids::{ActionId, StaffId};

use crate::message::Message;

/// The message id of each reason the rules give for a refusal by role
/// ([`RuleError::Forbidden`]), by the reason's English text.
pub const FORBIDDEN: &[(&str, &str)] = &[
    (
        "audit views are for auditors and the chair",
        "rule-forbidden-audit-view",
    ),
    (
        "clients write to the committee through client messages",
        "rule-forbidden-client-audience",
    ),
    (
        "comments on the file are the client's",
        "rule-forbidden-comment",
    ),
    (
        "erasure is recorded by the organization once the data key is destroyed",
        "rule-forbidden-erase",
    ),
    (
        "only an administrator may change the organization",
        "rule-forbidden-admin",
    ),
    (
        "only committee members and auditors open complaint files",
        "rule-forbidden-open",
    ),
    (
        "only intake or the chair acknowledge complaints",
        "rule-forbidden-acknowledge",
    ),
    (
        "only intake or the chair route complaints",
        "rule-forbidden-route",
    ),
    (
        "only intake or the chair triage complaints",
        "rule-forbidden-triage",
    ),
    (
        "only intake staff file complaints for clients",
        "rule-forbidden-file",
    ),
    (
        "only staff attempts at opening a file are recorded",
        "rule-forbidden-refused-view",
    ),
    (
        "only the action's owner or the chair may update it",
        "rule-forbidden-update-action",
    ),
    (
        "only the appeal's reviewer decides it",
        "rule-forbidden-decide-appeal",
    ),
    (
        "only the chair assigns appeals",
        "rule-forbidden-assign-appeal",
    ),
    ("only the chair closes cases", "rule-forbidden-close"),
    ("only the chair reopens cases", "rule-forbidden-reopen"),
    (
        "only the chair verifies corrective actions",
        "rule-forbidden-verify-action",
    ),
    (
        "only the chair waives corrective actions",
        "rule-forbidden-waive-action",
    ),
    (
        "only the client adds information to their complaint",
        "rule-forbidden-add-information",
    ),
    ("only the client appeals", "rule-forbidden-appeal"),
    (
        "only the client asks for erasure; retention erasure is automatic",
        "rule-forbidden-request-erasure",
    ),
    (
        "only the client, or intake or the chair on their word, withdraw",
        "rule-forbidden-withdraw",
    ),
    (
        "satisfaction is the client's to say",
        "rule-forbidden-satisfaction",
    ),
    (
        "staff recuse themselves; only the chair records it for another",
        "rule-forbidden-recuse",
    ),
    (
        "the owner of an action cannot verify it: another chair must",
        "rule-forbidden-verify-own-action",
    ),
    (
        "web filings come from the form; staff file by phone, in person, email or referral",
        "rule-forbidden-web-filing",
    ),
    (
        "only intake, the assigned reviewer or the chair pause the clock",
        "rule-forbidden-pause",
    ),
    (
        "only intake, the assigned reviewer or the chair resume the clock",
        "rule-forbidden-resume",
    ),
    (
        "only intake, the assigned reviewer or the chair write on a case",
        "rule-forbidden-message",
    ),
    (
        "only intake, the assigned reviewer, the chair or the client add documents",
        "rule-forbidden-evidence",
    ),
    (
        "only the assigned reviewer or the chair record findings",
        "rule-forbidden-finding",
    ),
    (
        "only the assigned reviewer or the chair decide",
        "rule-forbidden-decide",
    ),
    (
        "the organization has the chair decide every complaint: the reviewer records findings",
        "rule-forbidden-decide-chair",
    ),
    (
        "only the assigned reviewer or the chair open corrective actions",
        "rule-forbidden-open-action",
    ),
    (
        "only the chair opens a framework review",
        "rule-forbidden-open-review",
    ),
    (
        "only committee members rate framework items",
        "rule-forbidden-rate-review",
    ),
    (
        "only committee members attest for a review",
        "rule-forbidden-attest-review",
    ),
    (
        "only the chair submits a review to the board",
        "rule-forbidden-submit-review",
    ),
    (
        "only the board returns or approves a review",
        "rule-forbidden-return-review",
    ),
    (
        "only staff work on systemic actions",
        "rule-forbidden-systemic-staff",
    ),
    (
        "only the board publishes a transparency report",
        "rule-forbidden-publish-report",
    ),
    (
        "only the chair opens a systemic action",
        "rule-forbidden-open-systemic",
    ),
    (
        "only its owner or the chair record progress on a systemic action",
        "rule-forbidden-progress-systemic",
    ),
    (
        "only the chair or an auditor verify a systemic action",
        "rule-forbidden-verify-systemic",
    ),
];

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
    /// A review or systemic action that is not in a state that accepts this.
    #[error("a review or systemic action that is {status} does not accept this: {action}")]
    NotNow {
        /// Its status.
        status: &'static str,
        /// What was attempted.
        action: &'static str,
    },
    /// An approved review never changes.
    #[error("this review is approved: it never changes")]
    ReviewFinal,
    /// Items of a review still unrated.
    #[error("{0} item(s) not rated yet: rate every item before submitting")]
    Unrated(usize),
    /// An item partly met or not met without a follow-up.
    #[error(
        "item {0} is partly met or not met: open a systemic action or an area review for it first"
    )]
    FollowUpNeeded(String),
    /// An item not in the review's scope.
    #[error("item {0} is not in this review")]
    NotInScope(String),
    /// A review that does not exist.
    #[error("no review {0}")]
    UnknownReview(recourse_events::review::ReviewId),
    /// Someone checking their own work.
    #[error("someone else must {0}")]
    OwnWork(&'static str),
    /// The client already answered the satisfaction questions of this case.
    #[error("the satisfaction questions were already answered for this case")]
    AlreadyAnswered,
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
    /// The refusal as a message id with its arguments, for each door to translate: staff and
    /// corrective actions as their ids, a status and an attempted action as slugs
    /// (`under-review`, `assign-a-reviewer`, which the messages select on), a date as ISO 8601, a
    /// count as a number (messages choose plural forms on it). A role refusal whose reason
    /// [`FORBIDDEN`] lacks says the generic `rule-forbidden` with the reason as `$why`; an
    /// invalid value names its field and the rules' reason.
    pub fn message(&self) -> Message {
        match self {
            RuleError::Forbidden(why) => match FORBIDDEN.iter().find(|(w, _)| w == why) {
                Some((_, id)) => Message::new(id),
                None => Message::new("rule-forbidden").arg("why", why),
            },
            RuleError::Conflicted(staff) => Message::new("rule-conflicted").arg("staff", staff),
            RuleError::TookPartInDecision(staff) => {
                Message::new("rule-took-part-in-decision").arg("staff", staff)
            }
            RuleError::WrongState { status, action } => Message::new("rule-wrong-state")
                .arg("status", status.replace(' ', "-"))
                .arg("action", action.replace(' ', "-")),
            RuleError::NoFinding => Message::new("rule-no-finding"),
            RuleError::ActionsOutstanding(n) => {
                Message::new("rule-actions-outstanding").count("count", *n)
            }
            RuleError::AppealWindowClosed(date) => {
                Message::new("rule-appeal-window-closed").arg("date", date)
            }
            RuleError::UnknownStaff(staff) => {
                Message::new("rule-unknown-staff").arg("staff", staff)
            }
            RuleError::NotReviewer(staff) => Message::new("rule-not-reviewer").arg("staff", staff),
            RuleError::UnknownAction(action) => {
                Message::new("rule-unknown-action").arg("action", action)
            }
            RuleError::Restricted => Message::new("rule-restricted"),
            RuleError::Erased => Message::new("rule-erased"),
            RuleError::LastAdministrator => Message::new("rule-last-administrator"),
            RuleError::NotNow { status, action } => Message::new("rule-not-now")
                .arg("status", status.replace(' ', "-"))
                .arg("action", action.replace(' ', "-")),
            RuleError::ReviewFinal => Message::new("rule-review-final"),
            RuleError::Unrated(n) => Message::new("rule-unrated").count("count", *n),
            RuleError::FollowUpNeeded(item) => {
                Message::new("rule-follow-up-needed").arg("item", item)
            }
            RuleError::NotInScope(item) => Message::new("rule-not-in-scope").arg("item", item),
            RuleError::UnknownReview(id) => Message::new("rule-unknown-review").arg("review", id),
            RuleError::OwnWork(what) => {
                Message::new("rule-own-work").arg("what", what.replace(' ', "-"))
            }
            RuleError::AlreadyAnswered => Message::new("rule-already-answered"),
            RuleError::Invalid { field, reason } => Message::new("rule-invalid")
                .arg("field", field)
                .arg("reason", reason),
        }
    }

    /// Whether the refusal is about who acts (as opposed to the state or the input).
    pub fn is_forbidden(&self) -> bool {
        matches!(
            self,
            RuleError::Forbidden(_)
                | RuleError::Conflicted(_)
                | RuleError::TookPartInDecision(_)
                | RuleError::Restricted
                // Verifying one's own work is about who acts, like a conflict of interest.
                | RuleError::OwnWork(_)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The reasons the rules' sources give for a role refusal: the string literals within a
    /// few lines after `Forbidden(`, `staff_with(`, `handler(` or `committee(`.
    fn reasons_in(source: &str) -> Vec<String> {
        let lines: Vec<&str> = source.lines().collect();
        let mut found = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let calls = ["Forbidden(", "staff_with(", "handler(", "committee("];
            if line.trim_start().starts_with("fn ")
                || line.trim_start().starts_with("///")
                || !calls.iter().any(|c| line.contains(c))
            {
                continue;
            }
            let near = lines[i..lines.len().min(i + 5)].join("\n");
            let call = calls
                .iter()
                .filter_map(|c| near.find(c).map(|at| at + c.len()))
                .min()
                .unwrap_or(0);
            let rest = &near[call..];
            let Some(end) = rest.find(')') else { continue };
            let args = &rest[..end];
            if let Some(open) = args.find('"') {
                let text = &args[open + 1..];
                if let Some(close) = text.find('"') {
                    found.push(text[..close].to_string());
                }
            }
        }
        found
    }

    #[test]
    fn every_role_refusal_in_the_rules_has_its_own_message() {
        let mut reasons = reasons_in(include_str!("case/rules.rs"));
        reasons.extend(reasons_in(include_str!("org.rs")));
        reasons.extend(reasons_in(include_str!("review/rules.rs")));
        reasons.extend(reasons_in(include_str!("systemic.rs")));
        reasons.extend(reasons_in(include_str!("transparency.rs")));
        assert!(
            reasons.len() >= 20,
            "the scan finds the rules' reasons: {reasons:?}"
        );
        let missing: Vec<&String> = reasons
            .iter()
            .filter(|r| !FORBIDDEN.iter().any(|(w, _)| w == r))
            .collect();
        assert!(
            missing.is_empty(),
            "reasons without a message id in FORBIDDEN: {missing:?}"
        );
        let mut ids: Vec<&str> = FORBIDDEN.iter().map(|(_, id)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), FORBIDDEN.len(), "each reason has its own id");
    }

    #[test]
    fn every_refusal_says_its_message_with_its_arguments() {
        let date = jiff::civil::date(2026, 3, 1);
        let m = RuleError::AppealWindowClosed(date).message();
        assert_eq!(m.to_string(), "rule-appeal-window-closed date=2026-03-01");
        let m = RuleError::ActionsOutstanding(2).message();
        assert_eq!(m.to_string(), "rule-actions-outstanding count=2");
        let m = RuleError::WrongState {
            status: "under review",
            action: "close",
        }
        .message();
        assert_eq!(
            m.to_string(),
            "rule-wrong-state status=under-review action=close"
        );
        assert_eq!(
            RuleError::Forbidden("only the chair closes cases")
                .message()
                .id,
            "rule-forbidden-close"
        );
        assert_eq!(
            RuleError::Forbidden("something new").message().id,
            "rule-forbidden"
        );
        // Reviews and systemic actions: slugs for what the messages select on.
        let m = RuleError::NotNow {
            status: "submitted",
            action: "rate an item",
        }
        .message();
        assert_eq!(
            m.to_string(),
            "rule-not-now status=submitted action=rate-an-item"
        );
        let m = RuleError::OwnWork("approve a review you submitted").message();
        assert_eq!(
            m.to_string(),
            "rule-own-work what=approve-a-review-you-submitted"
        );
        assert_eq!(
            RuleError::Unrated(3).message().to_string(),
            "rule-unrated count=3"
        );
        assert_eq!(
            RuleError::FollowUpNeeded("ethics.confidentiality".into())
                .message()
                .to_string(),
            "rule-follow-up-needed item=ethics.confidentiality"
        );
    }
}
