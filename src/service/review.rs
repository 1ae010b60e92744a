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
use recourse_projections::systemic::{self, Systemic, SystemicCommand};

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
                known_cases(model, &ask.origin)?;
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
                if let SystemicCommand::Open(o) = &command {
                    known_cases(model, &o.origin)?;
                }
                let ctx = review_context(model, who, origin);
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
            let ctx = review_context(model, who, None);
            Ok((action.seq, systemic::decide(action, &ctx, &command)?))
        })
        .await
    }
}

/// The cases `text` names, separated by spaces or commas: each a case id, or the last eight
/// characters of one (the short number pages show), which must name exactly one known case.
/// Each refused reference is named, so the person can correct it.
pub fn case_references(
    model: &ReadModel,
    field: &'static str,
    text: &str,
) -> Result<Vec<recourse_events::ids::CaseId>, ServiceError> {
    use recourse_events::ids::CaseId;
    let mut found: Vec<CaseId> = Vec::new();
    let mut refused = Vec::new();
    for word in text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
    {
        let word = word.trim_start_matches('#').to_ascii_lowercase();
        let by_id = word
            .parse::<CaseId>()
            .ok()
            .filter(|id| model.case(id).is_some_and(|c| c.filing.is_some()));
        let case = by_id.or_else(|| {
            if word.len() != 8 || !word.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let mut matches = model
                .cases()
                .filter(|c| c.filing.is_some() && c.id.to_string().ends_with(&word))
                .map(|c| c.id);
            let first = matches.next();
            // A short number shared by two cases names neither.
            first.filter(|_| matches.next().is_none())
        });
        match case {
            Some(id) if !found.contains(&id) => found.push(id),
            Some(_) => {}
            None => refused.push(super::Invalid::new(
                field,
                recourse_projections::message::Message::new("systemic-unknown-case")
                    .arg("reference", &word),
            )),
        }
    }
    if refused.is_empty() {
        Ok(found)
    } else {
        Err(ServiceError::Invalid(refused))
    }
}

/// Where the review of a due period stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueState {
    /// No whole-framework review of the period has been opened.
    Due,
    /// One is open or submitted, not approved yet.
    InProgress(ReviewId),
}

/// The organization's review cadence: the setting, or calendar quarters when it is absent.
pub fn cadence(model: &ReadModel) -> Cadence {
    model.org().settings.review_cadence.unwrap_or_default()
}

/// The period whose review is due on `today` (the organization's local date), if any: by the
/// cadence, the last complete period before today's, unless a whole-framework review of it
/// has been approved. An area review does not count: it covers only part of the framework.
pub fn due_review(model: &ReadModel, today: jiff::civil::Date) -> Option<Period> {
    due_review_state(model, today).map(|(period, _)| period)
}

/// [`due_review`], with whether a review of the period is in progress.
pub fn due_review_state(model: &ReadModel, today: jiff::civil::Date) -> Option<(Period, DueState)> {
    let c = cadence(model);
    let period = Period::containing(c.every, today, c.fiscal_start).previous();
    let whole: Vec<&rules::Review> = model
        .reviews()
        .into_iter()
        .filter(|r| {
            // By dates and length: a review opened before the year's start moved still covers
            // the same months.
            r.period()
                .is_some_and(|p| p.kind == period.kind && p.start == period.start)
                && r.opened.as_ref().is_some_and(|o| o.area.is_none())
        })
        .collect();
    if whole
        .iter()
        .any(|r| r.status == rules::ReviewStatus::Approved)
    {
        return None;
    }
    let state = whole
        .iter()
        .find(|r| {
            matches!(
                r.status,
                rules::ReviewStatus::Open | rules::ReviewStatus::Submitted
            )
        })
        .map_or(DueState::Due, |r| DueState::InProgress(r.id));
    Some((period, state))
}

/// What someone may do on a systemic action now, each as the rules would answer it (a dry
/// run of `decide` with a placeholder note): the forms a page offers, and why one is not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemicCan {
    /// Record progress (and move the due date).
    pub progress: Result<(), RuleError>,
    /// Report it done.
    pub complete: Result<(), RuleError>,
    /// Verify it done.
    pub verify: Result<(), RuleError>,
}

impl Service {
    /// What `who` may do on systemic action `id` now (none if there is no such action).
    pub fn systemic_can(&self, who: &Acting, id: SystemicId) -> Option<SystemicCan> {
        self.read(|model| {
            let action = model.systemic_action(&id)?;
            let ctx = review_context(model, who, None);
            let note = || SystemicNote {
                note: "-".into(),
                due: None,
            };
            let ask = |command: SystemicCommand| systemic::decide(action, &ctx, &command).map(drop);
            Some(SystemicCan {
                progress: ask(SystemicCommand::Progress(note())),
                complete: ask(SystemicCommand::Complete(note())),
                verify: ask(SystemicCommand::Verify(note())),
            })
        })
    }
}

/// The cases an origin names must be cases of this ledger.
fn known_cases(model: &ReadModel, origin: &Origin) -> Result<(), RuleError> {
    match origin.cases.iter().find(|c| model.case(c).is_none()) {
        Some(unknown) => Err(RuleError::Invalid {
            field: "cases",
            reason: format!("no case {unknown}"),
        }),
        None => Ok(()),
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
