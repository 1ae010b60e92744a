//! A review as folded from its stream, plus the follow-ups other streams name it in.

use std::collections::BTreeMap;

use jiff::Timestamp;
use recourse_events::ids::StaffId;
use recourse_events::review::*;
use recourse_events::vocabulary::Payload;

use crate::actor::Actor;

/// Where a review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewStatus {
    /// Not opened yet (a fresh stream).
    New,
    /// Being rated and attested by the committee (also after a return).
    Open,
    /// Submitted by the chair; the board approves or returns it.
    Submitted,
    /// Approved by the board: final.
    Approved,
}

impl ReviewStatus {
    /// The status as a slug (pages select their wording on it).
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::New => "new",
            ReviewStatus::Open => "open",
            ReviewStatus::Submitted => "submitted",
            ReviewStatus::Approved => "approved",
        }
    }
}

/// The current rating of an item: the latest `review.rated` for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRating {
    /// The rating.
    pub rating: Rating,
    /// The reasons.
    pub reasons: String,
    /// Who rated (the event's signer).
    pub by: StaffId,
    /// When.
    pub at: Timestamp,
    /// How many times the item was rated (a re-rating replaces the rating; the ledger keeps
    /// every one).
    pub times: u32,
}

/// An attestation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attestation {
    /// The item.
    pub item: String,
    /// What was attested.
    pub statement: String,
    /// The document kept as evidence.
    pub document: Option<Document>,
    /// Who attested.
    pub by: StaffId,
    /// When.
    pub at: Timestamp,
}

/// A follow-up to an item rated partly met or not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FollowUp {
    /// A systemic corrective action opened from the review for the item.
    Systemic(SystemicId),
    /// An area review opened from the review for the item.
    AreaReview(ReviewId),
}

/// A board or chair step: who, when, and their words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Who.
    pub by: StaffId,
    /// When.
    pub at: Timestamp,
    /// Comments (empty for a submission).
    pub comments: String,
}

/// A framework compliance review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// Its id.
    pub id: ReviewId,
    /// Next seq of its stream.
    pub seq: u64,
    /// What `review.opened` recorded.
    pub opened: Option<Box<ReviewOpened>>,
    /// When and by whom it was opened.
    pub opened_step: Option<Step>,
    /// Current ratings, by item.
    pub ratings: BTreeMap<String, ItemRating>,
    /// Attestations, in order.
    pub attestations: Vec<Attestation>,
    /// Follow-ups, by item (from systemic actions and area reviews that name this review).
    pub follow_ups: BTreeMap<String, Vec<FollowUp>>,
    /// Submissions, in order (a returned review is submitted again).
    pub submissions: Vec<Step>,
    /// Returns, in order.
    pub returns: Vec<Step>,
    /// The approval.
    pub approved: Option<Step>,
    /// Where it stands.
    pub status: ReviewStatus,
}

impl Review {
    /// A review not opened yet.
    pub fn new(id: ReviewId) -> Review {
        Review {
            id,
            seq: 0,
            opened: None,
            opened_step: None,
            ratings: BTreeMap::new(),
            attestations: Vec::new(),
            follow_ups: BTreeMap::new(),
            submissions: Vec::new(),
            returns: Vec::new(),
            approved: None,
            status: ReviewStatus::New,
        }
    }

    /// The items in scope, in the order recorded.
    pub fn items(&self) -> impl Iterator<Item = &ItemFigures> {
        self.opened.iter().flat_map(|o| o.items.iter())
    }

    /// True if `item` is in scope.
    pub fn in_scope(&self, item: &str) -> bool {
        self.items().any(|i| i.item == item)
    }

    /// The period.
    pub fn period(&self) -> Option<Period> {
        self.opened.as_ref().map(|o| o.period)
    }

    /// Items in scope not rated yet.
    pub fn unrated(&self) -> Vec<&str> {
        self.items()
            .filter(|i| !self.ratings.contains_key(&i.item))
            .map(|i| i.item.as_str())
            .collect()
    }

    /// Items rated partly met or not met that have no follow-up yet.
    pub fn missing_follow_ups(&self) -> Vec<&str> {
        self.ratings
            .iter()
            .filter(|(item, r)| {
                r.rating.needs_follow_up()
                    && self.follow_ups.get(*item).is_none_or(|f| f.is_empty())
            })
            .map(|(item, _)| item.as_str())
            .collect()
    }

    /// Folds one of its events (`at`, signed by `actor`).
    pub fn apply(&mut self, seq: u64, at: Timestamp, actor: &Actor, payload: &Payload) {
        self.seq = seq + 1;
        let by = match actor {
            Actor::Staff(s) => *s,
            // Review events are signed by staff; the rules never record another signer.
            _ => return,
        };
        let step = |comments: &str| Step {
            by,
            at,
            comments: comments.to_owned(),
        };
        match payload {
            Payload::ReviewOpened(o) => {
                self.opened = Some(o.clone());
                self.opened_step = Some(step(""));
                self.status = ReviewStatus::Open;
            }
            Payload::ReviewRated(r) => {
                let times = self.ratings.get(&r.item).map_or(0, |x| x.times) + 1;
                self.ratings.insert(
                    r.item.clone(),
                    ItemRating {
                        rating: r.rating,
                        reasons: r.reasons.clone(),
                        by,
                        at,
                        times,
                    },
                );
            }
            Payload::ReviewAttested(a) => self.attestations.push(Attestation {
                item: a.item.clone(),
                statement: a.statement.clone(),
                document: a.document.clone(),
                by,
                at,
            }),
            Payload::ReviewSubmitted(_) => {
                self.submissions.push(step(""));
                self.status = ReviewStatus::Submitted;
            }
            Payload::ReviewReturned(c) => {
                self.returns.push(step(&c.comments));
                self.status = ReviewStatus::Open;
            }
            Payload::ReviewApproved(c) => {
                self.approved = Some(step(&c.comments));
                self.status = ReviewStatus::Approved;
            }
            _ => {}
        }
    }
}
