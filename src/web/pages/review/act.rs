//! The forms of a review's page: rate an item, attest, submit, return, approve. Each is read
//! here (texts checked against their limits with the application's validators, so that an
//! oversize text is refused in the page's language and nothing is recorded), decided by the
//! rules through the application, and answered with a redirect back to the review (303),
//! anchored at the item, with a notice.
//!
//! Attestations are statements only here: a document is attested through the application's
//! [`Service::attest`](crate::service::Service::attest), which no page calls yet (the pages
//! read urlencoded forms, not multipart uploads).

use std::str::FromStr;

use recourse_events::limits::REVIEW_TEXT;
use recourse_events::review::{Rating, ReviewAttested, ReviewRated};
use recourse_projections::message::Message;
use recourse_projections::review::ReviewCommand;

use super::{parse_review, viewer};
use crate::service::Invalid;
use crate::service::validation::{Refusals, at_most, required, required_at_most};
use crate::web::error::WebError;
use crate::web::http::{Form, Response};
use crate::web::router::{Ctx, urlencode};

/// A form's refusals, or `Ok`.
fn finish(refusals: Refusals) -> Result<(), WebError> {
    if refusals.is_empty() {
        Ok(())
    } else {
        Err(WebError::Invalid(refusals.into_vec()))
    }
}

/// The item a form names (required).
fn item(form: &Form, refusals: &mut Refusals) -> String {
    let item = form.get("item").unwrap_or_default().to_owned();
    refusals.check(required("item", &item));
    item
}

/// Reads the form of `action` as a command, and the item it is about (for the anchor).
fn command(action: &str, form: &Form) -> Result<(ReviewCommand, Option<String>), WebError> {
    let mut refusals = Refusals::default();
    let text = |name| form.text(name).unwrap_or_default().to_owned();
    let parsed = match action {
        "rate" => {
            let item = item(form, &mut refusals);
            let rating = form.get("rating").and_then(|r| Rating::from_str(r).ok());
            if rating.is_none() {
                refusals.push(Invalid::new("rating", Message::new("invalid-choice")));
            }
            let reasons = text("reasons");
            refusals.check(required_at_most("reasons", &reasons, REVIEW_TEXT));
            let (Some(rating), true) = (rating, refusals.is_empty()) else {
                return Err(WebError::Invalid(refusals.into_vec()));
            };
            (
                ReviewCommand::Rate(ReviewRated {
                    item: item.clone(),
                    rating,
                    reasons,
                }),
                Some(item),
            )
        }
        "attest" => {
            let item = item(form, &mut refusals);
            let statement = text("statement");
            refusals.check(required_at_most("statement", &statement, REVIEW_TEXT));
            finish(refusals)?;
            (
                ReviewCommand::Attest(ReviewAttested {
                    item: item.clone(),
                    statement,
                    document: None,
                }),
                Some(item),
            )
        }
        "submit" => (ReviewCommand::Submit, None),
        "return" => {
            let comments = text("comments");
            refusals.check(required_at_most("comments", &comments, REVIEW_TEXT));
            finish(refusals)?;
            (ReviewCommand::Return { comments }, None)
        }
        "approve" => {
            let comments = text("comments");
            refusals.check(at_most("comments", &comments, REVIEW_TEXT));
            finish(refusals)?;
            (ReviewCommand::Approve { comments }, None)
        }
        _ => return Err(WebError::NotFound),
    };
    Ok(parsed)
}

/// An action on review `id` from its page's form.
pub async fn act(ctx: &Ctx<'_>, id: &str, action: &str) -> Result<Response, WebError> {
    let id = parse_review(id)?;
    let form = ctx.req.form();
    ctx.check_csrf(&form)?;
    viewer(ctx)?;
    let (command, item) = command(action, &form)?;
    let who = ctx.acting()?;
    let service = &ctx.app.service;
    service
        .act_on_review(&who, id, command, service.now())
        .await?;
    let anchor = item
        .map(|i| format!("#item-{}", urlencode(&i)))
        .unwrap_or_default();
    Ok(Response::redirect(&format!(
        "/board/reviews/{id}?done=review-{action}{anchor}"
    )))
}
