//! Framework compliance reviews, systemic corrective actions and transparency reports: the
//! workflows every door (pages, API, CLI, demo) calls.
//!
//! Opening a review is where the figures are made. The service decides under the read model's
//! lock, so the model it computes from is exactly the ledger's first `size` entries; it records
//! that size and the model's own Merkle root over them (which the start-up check holds equal to
//! the signed checkpoints') as the review's pinned tree head, and the figures beside it. Anyone
//! with an export folds the same entries and gets the same figures
//! (`recourse review recompute`).

use jiff::Timestamp;
use recourse_events::Hash;
use recourse_events::review::*;
use recourse_projections::framework::Reference;
use recourse_projections::read_model::ReadModel;
use recourse_projections::review::evidence::{self, ItemMeasures};
use recourse_projections::review::{self as rules, ReviewCommand, ReviewContext};
use recourse_projections::rule::RuleError;
use recourse_projections::systemic::{self, Systemic, SystemicCommand, SystemicContext};

use super::{Acting, Service, ServiceError, uuid_at};
use crate::store::Appended;

/// What opening a review asks for; the rest (figures, pinned head, framework) the service
/// computes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenReview {
    /// The period the evidence covers.
    pub period: Period,
    /// One area only, or the whole framework.
    pub area: Option<String>,
    /// The review item or the cases it comes from.
    pub origin: Origin,
}

/// The items a review of `area` (or of the whole framework) covers, with their measures.
pub fn items_in_scope(reference: &Reference, area: Option<&str>) -> Vec<ItemMeasures> {
    reference
        .framework
        .areas
        .iter()
        .filter(|a| area.is_none_or(|id| a.id == id))
        .flat_map(|a| &a.items)
        .map(|i| ItemMeasures {
            item: i.id.clone(),
            measures: i.evidence.clone(),
        })
        .collect()
}

/// The `review.opened` payload for `ask`, computed from `model` as it stands.
pub fn opening(model: &ReadModel, ask: &OpenReview) -> ReviewOpened {
    let reference = model.reference();
    let items = items_in_scope(reference, ask.area.as_deref());
    ReviewOpened {
        period: ask.period,
        area: ask.area.clone(),
        framework_version: reference.framework.version.clone(),
        framework_sha256: Hash::from_hex(reference.framework_sha256()).unwrap_or_default(),
        pinned: Pinned {
            size: model.position(),
            root: model.log_root(),
        },
        items: evidence::figures(model, ask.period, &items),
        origin: ask.origin.clone(),
    }
}

impl Service {
    /// Opens a review at `at`: its figures from the ledger as folded now.
    pub async fn open_review(
        &self,
        who: &Acting,
        ask: &OpenReview,
        at: Timestamp,
    ) -> Result<(ReviewId, Appended), ServiceError> {
        let id = ReviewId(uuid_at(at));
        let appended = self
            .record(&id.stream(), &who.key, at, |model| {
                let opened = Box::new(opening(model, ask));
                let review = rules::Review::new(id);
                let payloads = rules::decide(
                    &review,
                    &review_context(model, who, ask.origin.review),
                    &ReviewCommand::Open(opened),
                )?;
                Ok((0, payloads))
            })
            .await?;
        Ok((id, appended))
    }

    /// Rates, attests, submits, returns or approves review `id` at `at`.
    pub async fn act_on_review(
        &self,
        who: &Acting,
        id: ReviewId,
        command: ReviewCommand,
        at: Timestamp,
    ) -> Result<Appended, ServiceError> {
        self.record(&id.stream(), &who.key, at, |model| {
            let review = model
                .review(&id)
                .ok_or_else(|| ServiceError::NotFound(format!("review {id}")))?;
            let ctx = review_context(model, who, None);
            Ok((review.seq, rules::decide(review, &ctx, &command)?))
        })
        .await
    }

    /// Records `commands` on review `id`, all by `who` at `at`, as one append: a committee
    /// member's sitting (rating several items and attesting at once) is one commit rather
    /// than one per item. Each command is decided on the review as the ones before it leave
    /// it, so the batch is accepted only if each command would be accepted in turn; a refusal
    /// records nothing.
    pub async fn act_on_review_at_once(
        &self,
        who: &Acting,
        id: ReviewId,
        commands: &[ReviewCommand],
        at: Timestamp,
    ) -> Result<Appended, ServiceError> {
        if commands.is_empty() {
            return Err(ServiceError::Input(
                "no command to record on the review".into(),
            ));
        }
        self.record(&id.stream(), &who.key, at, |model| {
            let review = model
                .review(&id)
                .ok_or_else(|| ServiceError::NotFound(format!("review {id}")))?;
            let ctx = review_context(model, who, None);
            let first = review.seq;
            let mut review = review.clone();
            let mut payloads = Vec::new();
            for command in commands {
                for payload in rules::decide(&review, &ctx, command)? {
                    review.apply(review.seq, at, &who.actor, &payload);
                    payloads.push(payload);
                }
            }
            Ok((first, payloads))
        })
        .await
    }

    /// Attests for an item of review `id`, keeping `document` (name, media type, bytes) sealed
    /// in the vault under the review's own key.
    pub async fn attest(
        &self,
        who: &Acting,
        id: ReviewId,
        item: String,
        statement: String,
        document: Option<(String, String, Vec<u8>)>,
        at: Timestamp,
    ) -> Result<Appended, ServiceError> {
        let document = match document {
            None => None,
            Some((name, media_type, bytes)) => {
                // Refuse before storing anything: the rules would refuse the same later.
                self.read(|m| {
                    let review = m
                        .review(&id)
                        .ok_or_else(|| ServiceError::NotFound(format!("review {id}")))?;
                    if review.status != rules::ReviewStatus::Open {
                        return Err(ServiceError::Rule(RuleError::NotNow {
                            status: review.status.as_str(),
                            action: "attest",
                        }));
                    }
                    Ok(())
                })?;
                let key = review_key(id);
                if !self.vault().has_key(&key)? {
                    self.vault().create_key_with_id(&key)?;
                }
                let sha256 = self.vault().store_document(&key, &bytes)?;
                Some(Document {
                    sha256,
                    size: bytes.len() as u64,
                    media_type,
                    name,
                })
            }
        };
        let command = ReviewCommand::Attest(ReviewAttested {
            item,
            statement,
            document,
        });
        self.act_on_review(who, id, command, at).await
    }

    /// A document attested for review `id`.
    pub fn review_document(&self, id: ReviewId, sha256: &Hash) -> Result<Vec<u8>, ServiceError> {
        Ok(self.vault().read_document(&review_key(id), sha256)?)
    }

    /// Opens a systemic corrective action at `at`.
    pub async fn open_systemic(
        &self,
        who: &Acting,
        opened: SystemicOpened,
        at: Timestamp,
    ) -> Result<(SystemicId, Appended), ServiceError> {
        let id = SystemicId(uuid_at(at));
        let origin = opened.origin.review;
        let command = SystemicCommand::Open(opened);
        let appended = self
            .record(&id.stream(), &who.key, at, |model| {
                let ctx = systemic_context(model, who, origin);
                Ok((0, systemic::decide(&Systemic::new(id), &ctx, &command)?))
            })
            .await?;
        Ok((id, appended))
    }

    /// Records progress on, completes or verifies systemic action `id` at `at`.
    pub async fn act_on_systemic(
        &self,
        who: &Acting,
        id: SystemicId,
        command: SystemicCommand,
        at: Timestamp,
    ) -> Result<Appended, ServiceError> {
        self.record(&id.stream(), &who.key, at, |model| {
            let action = model
                .systemic_action(&id)
                .ok_or_else(|| ServiceError::NotFound(format!("systemic action {id}")))?;
            let ctx = systemic_context(model, who, None);
            Ok((action.seq, systemic::decide(action, &ctx, &command)?))
        })
        .await
    }
}

/// The vault key a review's documents are sealed under.
fn review_key(id: ReviewId) -> String {
    format!("review-{id}")
}

fn review_context<'a>(
    model: &'a ReadModel,
    who: &'a Acting,
    origin: Option<ReviewId>,
) -> ReviewContext<'a> {
    ReviewContext {
        actor: &who.actor,
        org: model.org(),
        reference: model.reference(),
        origin: origin.and_then(|id| model.review(&id)),
    }
}

fn systemic_context<'a>(
    model: &'a ReadModel,
    who: &'a Acting,
    origin: Option<ReviewId>,
) -> SystemicContext<'a> {
    SystemicContext {
        actor: &who.actor,
        org: model.org(),
        reference: model.reference(),
        origin: origin.and_then(|id| model.review(&id)),
    }
}
