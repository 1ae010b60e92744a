//! What the committee, the board and the owners of systemic actions write: short texts drawn
//! from small tables, by situation. Placeholders: `{period}` (the review's period, e.g.
//! `FY2024-Q2`), `{previous}` (the period before), `{item}` (the framework item's text),
//! `{count}` and `{since}` (for a pattern of complaints), `{area}` (an area's title).
//!
//! These are the organization's own words about its practices, never about a client: review
//! and systemic-action texts are recorded in clear.

/// An item met, as before.
pub(super) const MET: &[&str] = &[
    "Met. The figures for {period} and the files sampled show the practice in place at every site.",
    "Met. No complaint or finding in {period} raised a concern about this, and the written policy was followed.",
    "Met, as in {previous}. Staff we spoke to knew the practice and the files show it applied.",
    "Met. Checked against the figures and five files chosen at random: nothing to follow up.",
];

/// An item met again once the systemic action opened for it was verified.
pub(super) const MET_AFTER_ACTION: &[&str] = &[
    "Met again. The systemic action opened after {previous} was verified, and the files of {period} show the change in practice.",
    "Met. The corrective work from {previous} is verified and no new complaint about it came in during {period}.",
];

/// An item newly partly met.
pub(super) const PARTLY_MET: &[&str] = &[
    "Partly met. The policy exists, but the files of {period} show it was not applied the same way at every site.",
    "Partly met. Staff know the practice, yet several complaints in {period} touch on it; the written procedure needs updating.",
    "Partly met. Applied downtown, but the East End and satellite offices had gaps in {period}.",
];

/// An item newly not met.
pub(super) const NOT_MET: &[&str] = &[
    "Not met. Complaints and findings in {period} show a recurring shortfall and no procedure covers it.",
    "Not met in {period}: the practice lapsed after staff changes and nobody is responsible for it.",
];

/// An item better than last time but not yet met.
pub(super) const IMPROVING: &[&str] = &[
    "Improved since {previous} (then not met): the new procedure is in place, but not yet applied consistently.",
    "Better than in {previous}. The corrective action is under way; partly met until its effect shows in the files.",
];

/// An item whose action is reported done and not yet verified.
pub(super) const AWAITING_VERIFICATION: &[&str] = &[
    "Partly met. The action opened after {previous} is reported done, but it is not verified yet.",
];

/// An item whose action is still open.
pub(super) const ACTION_OPEN: &[&str] =
    &["Partly met. The systemic action opened after {previous} is still in progress."];

/// An item whose action is overdue.
pub(super) const ACTION_OVERDUE: &[&str] = &[
    "Partly met. The systemic action opened after {previous} is overdue; the committee asks its owner for a new plan.",
    "Not improved since {previous}: the systemic action for this item is past its due date and nothing has changed yet.",
];

/// An item re-rated after the board returned the review.
pub(super) const RE_RATED: &[&str] = &[
    "Re-rated after the board's return: on a second look at the files of {period}, the practice was not followed in every case. Partly met.",
];

/// The board's comments when it returns a review.
pub(super) const RETURN_COMMENTS: &[&str] = &[
    "The committee rated \"{item}\" as met, but several complaints this quarter concern it. Please look at those files again and re-rate the item, or explain the rating.",
];

/// The board's comments when it approves a review (some approvals have none).
pub(super) const APPROVAL_COMMENTS: &[&str] = &[
    "Approved. Thank you to the committee; the board will follow the systemic actions at its next meetings.",
    "Approved at the board meeting. Please report on the open actions next quarter.",
    "Approved, with the re-rating the board asked for.",
    "",
    "",
];

/// The title of a systemic action opened from a review (`{item}` is the item's text).
pub(super) const ACTION_TITLES: &[&str] = &[
    "Write and roll out a procedure for this item at every site",
    "Train staff on the practice and check it in a file sample",
    "Assign an owner for the practice and report on it monthly",
    "Update the written policy and brief every team",
];

/// Its description.
pub(super) const ACTION_DESCRIPTIONS: &[&str] = &[
    "The {period} review rated this item short of met: \"{item}\". Find why, change the practice, and show the change in the files.",
    "Follow-up to the {period} review of \"{item}\": update the procedure, brief the teams at the three sites, and sample ten files a month later.",
];

/// A progress note.
pub(super) const PROGRESS: &[&str] = &[
    "Draft procedure written and circulated to the site leads for comments.",
    "Training session held downtown; the East End and satellite sessions are booked.",
    "Policy updated; waiting for the board's policy committee to adopt it.",
    "Owner met the site leads; the practice is now part of the weekly team meeting.",
];

/// A progress note that moves the due date.
pub(super) const DELAYED: &[&str] = &[
    "Delayed: the site lead who was to run the training left. Due date moved.",
    "Waiting for the translated materials; due date moved to allow for printing.",
];

/// An action reported done.
pub(super) const DONE: &[&str] = &[
    "Done: the procedure is adopted, every team was briefed and the forms are in use at all three sites.",
    "Done: training given to all staff and volunteers who help clients; attendance sheets on file.",
    "Done: the policy is updated and posted, and the team leads confirmed it is followed.",
];

/// An action verified.
pub(super) const VERIFIED: &[&str] = &[
    "Verified: ten files from after the change sampled; the practice was followed in each.",
    "Verified against the attendance sheets and a walk-through of the three sites.",
    "Verified: the new procedure is in use, and the figures since show no new complaint about it.",
];

/// A systemic action opened from a pattern of complaints: its title.
pub(super) const PATTERN_TITLE: &str = "Act on a pattern of recent complaints: {area}";

/// Its description.
pub(super) const PATTERN_DESCRIPTION: &str = "{count} complaints filed since {since} were triaged under \"{item}\". Find the common cause and change the practice before the next quarterly review.";

/// Attestations: a phrase the item's text starts with or contains, case-insensitively (the
/// first item that matches, in the framework's order), and the statement.
pub(super) const ATTESTATIONS: &[(&str, &str)] = &[
    (
        "insurance",
        "The liability insurance policy covering negligence by staff towards clients was in force throughout {period}; the certificate is on file with the executive director.",
    ),
    (
        "pay",
        "No client was charged for any service in {period}. The free-of-charge notice is posted at every site and in the intake script.",
    ),
    (
        "training",
        "Every staff member and volunteer who helped clients with immigration or refugee processes in {period} took part in the quarter's training; attendance sheets are on file.",
    ),
];
