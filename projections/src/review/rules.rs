//! The rules of a framework review: who may open, rate, attest, submit, return and approve it,
//! and when.
//!
//! - The chair opens a review (of the whole framework, or of one area) and submits it; any
//!   committee member (reviewer or chair) rates items and attests.
//! - A rating or attestation names an item in the review's scope and gives reasons.
//! - The chair submits only when every item is rated and every item partly met or not met has
//!   a follow-up: a systemic corrective action or an area review opened from this review for
//!   that item.
//! - A board member returns a submitted review with comments, or approves it; the one who
//!   submitted it may not approve it (someone holding both roles).
//! - An approved review never changes: every later command is refused.

use recourse_events::limits;
use recourse_events::org::Role;
use recourse_events::review::*;
use recourse_events::vocabulary::{Empty, Payload};

use super::command::ReviewCommand;
use super::state::{Review, ReviewStatus};
use crate::actor::Actor;
use crate::framework::Reference;
use crate::org::Org;
use crate::rule::RuleError;

/// What a decision on a review needs besides the review and the command.
#[derive(Debug, Clone, Copy)]
pub struct ReviewContext<'a> {
    /// Who asks.
    pub actor: &'a Actor,
    /// The organization: roles.
    pub org: &'a Org,
    /// The framework.
    pub reference: &'a Reference,
    /// The review an origin names, if any, as the model knows it.
    pub origin: Option<&'a Review>,
}

impl ReviewContext<'_> {
    fn staff_with(&self, roles: &[Role], why: &'static str) -> Result<(), RuleError> {
        match self.actor {
            Actor::Staff(s) if roles.iter().any(|r| self.org.has_role(*s, *r)) => Ok(()),
            _ => Err(RuleError::Forbidden(why)),
        }
    }
}

/// Checks a text the rules record in clear: present, and within the limit.
pub(crate) fn text(field: &'static str, value: &str, max: usize) -> Result<(), RuleError> {
    let n = value.chars().count();
    if value.trim().is_empty() {
        return Err(RuleError::Invalid {
            field,
            reason: "required".into(),
        });
    }
    if n > max {
        return Err(RuleError::Invalid {
            field,
            reason: format!("at most {max} characters"),
        });
    }
    Ok(())
}

/// Decides `command` on `review`.
pub fn decide(
    review: &Review,
    ctx: &ReviewContext,
    command: &ReviewCommand,
) -> Result<Vec<Payload>, RuleError> {
    if review.status == ReviewStatus::Approved {
        return Err(RuleError::ReviewFinal);
    }
    let not_now = |action: &'static str| RuleError::NotNow {
        status: review.status.as_str(),
        action,
    };
    match command {
        ReviewCommand::Open(opened) => {
            ctx.staff_with(&[Role::Chair], "only the chair opens a framework review")?;
            if review.status != ReviewStatus::New {
                return Err(not_now("open a review"));
            }
            open(opened, ctx)?;
            Ok(vec![Payload::ReviewOpened(opened.clone())])
        }
        ReviewCommand::Rate(rated) => {
            ctx.staff_with(
                &[Role::Chair, Role::Reviewer],
                "only committee members rate framework items",
            )?;
            if review.status != ReviewStatus::Open {
                return Err(not_now("rate an item"));
            }
            in_scope(review, &rated.item)?;
            text("reasons", &rated.reasons, limits::REVIEW_TEXT)?;
            Ok(vec![Payload::ReviewRated(rated.clone())])
        }
        ReviewCommand::Attest(attested) => {
            ctx.staff_with(
                &[Role::Chair, Role::Reviewer],
                "only committee members attest for a review",
            )?;
            if review.status != ReviewStatus::Open {
                return Err(not_now("attest"));
            }
            in_scope(review, &attested.item)?;
            text("statement", &attested.statement, limits::REVIEW_TEXT)?;
            if let Some(d) = &attested.document {
                text("document", &d.name, limits::TITLE)?;
            }
            Ok(vec![Payload::ReviewAttested(attested.clone())])
        }
        ReviewCommand::Submit => {
            ctx.staff_with(
                &[Role::Chair],
                "only the chair submits a review to the board",
            )?;
            if review.status != ReviewStatus::Open {
                return Err(not_now("submit"));
            }
            let unrated = review.unrated();
            if !unrated.is_empty() {
                return Err(RuleError::Unrated(unrated.len()));
            }
            if let Some(item) = review.missing_follow_ups().first() {
                return Err(RuleError::FollowUpNeeded((*item).to_owned()));
            }
            Ok(vec![Payload::ReviewSubmitted(Empty {})])
        }
        ReviewCommand::Return { comments } => {
            ctx.staff_with(
                &[Role::Board],
                "only the board returns or approves a review",
            )?;
            if review.status != ReviewStatus::Submitted {
                return Err(not_now("return"));
            }
            text("comments", comments, limits::REVIEW_TEXT)?;
            Ok(vec![Payload::ReviewReturned(ReviewComments {
                comments: comments.clone(),
            })])
        }
        ReviewCommand::Approve { comments } => {
            ctx.staff_with(
                &[Role::Board],
                "only the board returns or approves a review",
            )?;
            if review.status != ReviewStatus::Submitted {
                return Err(not_now("approve"));
            }
            let submitter = review.submissions.last().map(|s| s.by);
            if matches!(ctx.actor, Actor::Staff(s) if Some(*s) == submitter) {
                return Err(RuleError::OwnWork("approve a review you submitted"));
            }
            // Comments are optional: blank ones (a form's empty text area) record none.
            let comments = if comments.trim().is_empty() {
                String::new()
            } else {
                text("comments", comments, limits::REVIEW_TEXT)?;
                comments.clone()
            };
            Ok(vec![Payload::ReviewApproved(ReviewComments { comments })])
        }
    }
}

fn in_scope(review: &Review, item: &str) -> Result<(), RuleError> {
    if review.in_scope(item) {
        Ok(())
    } else {
        Err(RuleError::NotInScope(item.to_owned()))
    }
}

/// The scope of a new review: its area, its items (every item of the framework, or of the
/// area), its origin.
fn open(opened: &ReviewOpened, ctx: &ReviewContext) -> Result<(), RuleError> {
    let framework = &ctx.reference.framework;
    let expected: Vec<&str> = match &opened.area {
        Some(area) => match ctx.reference.area(area) {
            Some(a) => a.items.iter().map(|i| i.id.as_str()).collect(),
            None => {
                return Err(RuleError::Invalid {
                    field: "area",
                    reason: format!("no framework area {area}"),
                });
            }
        },
        None => framework
            .areas
            .iter()
            .flat_map(|a| a.items.iter().map(|i| i.id.as_str()))
            .collect(),
    };
    let recorded: Vec<&str> = opened.items.iter().map(|i| i.item.as_str()).collect();
    if recorded != expected {
        return Err(RuleError::Invalid {
            field: "items",
            reason: "the figures must cover exactly the items in scope".into(),
        });
    }
    if let Some(id) = opened.origin.review {
        let Some(origin) = ctx.origin.filter(|r| r.status != ReviewStatus::New) else {
            return Err(RuleError::UnknownReview(id));
        };
        let Some(item) = &opened.origin.item else {
            return Err(RuleError::Invalid {
                field: "item",
                reason: "an area review opened from a review names the item it follows up".into(),
            });
        };
        in_scope(origin, item)?;
        if opened.area.is_none() {
            return Err(RuleError::Invalid {
                field: "area",
                reason: "a review opened from another review is an area review".into(),
            });
        }
        // The follow-up of an item reviews that item's area: another area's review would not
        // look at the item at all.
        let item_area = ctx.reference.area_of_item(item).map(|a| a.id.as_str());
        if item_area != opened.area.as_deref() {
            return Err(RuleError::Invalid {
                field: "area",
                reason: format!("an area review opened for item {item} reviews that item's area"),
            });
        }
    }
    Ok(())
}
