//! What the committee and the board ask of a review.

use recourse_events::review::*;

/// A command on one review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewCommand {
    /// Open it. The service computes the figures from the checkpoint it pins and passes the
    /// whole `review.opened` payload; the rules check who asks, the scope and the origin.
    Open(Box<ReviewOpened>),
    /// Rate an item.
    Rate(ReviewRated),
    /// Attest what no ledger data shows.
    Attest(ReviewAttested),
    /// Submit it to the board.
    Submit,
    /// Return it to the committee, with comments.
    Return {
        /// Why.
        comments: String,
    },
    /// Approve it.
    Approve {
        /// Comments (may be empty).
        comments: String,
    },
}
