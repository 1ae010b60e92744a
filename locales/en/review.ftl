# Framework compliance reviews: the committee's and the board's pages, the printable report
# and the exports. Arguments: $item is a framework item id, $period a period label
# (2026-Q1, FY2026-H2), $name a staff member's name, $when a local date and time.
nav-reviews = Framework reviews

review-list-title = Framework reviews
review-list-intro = Each review assesses the quality framework, item by item, against the figures the ledger gives for a period. The committee rates every item; the board approves the review.
review-list-none = No review has been opened yet.
review-list-caption = Every review, newest period first
review-col-period = Period
review-col-scope = Scope
review-col-status = Status
review-col-opened = Opened
review-col-approved = Approved
review-scope-all = Whole framework
review-area-unknown = Items no longer in the framework

review-status-new = Not opened
review-status-open = Open
review-status-submitted = Submitted to the board
review-status-approved = Approved

review-open-title = Open a review
review-open-area-title = Open an area review for this item
review-open-hint = The figures are computed from the ledger as it stands when you open the review, and recorded with it.
review-open-kind = Length of the period
review-kind-quarter = Quarter
review-kind-half-year = Half-year
review-kind-year = Year
review-open-kind-show = Show the periods of this length
review-open-legend = The review
review-open-period = Period (required)
review-period-option = { $label } ({ $from } to { $to })
review-open-area = Scope
review-open-area-all = The whole framework
review-open-submit = Open the review
review-open-origin = This area review follows up item { $item } of the review of { $period }.
review-invalid-period = Please choose one of the periods listed: one that has begun, aligned on the organization's year.

review-title = Framework review
review-report-title = Framework review report
review-report-draft = Draft: this review is not approved yet.
review-fact-period = Period
review-fact-scope = Scope
review-fact-status = Status
review-fact-opened = Opened
review-opened-by = { $name }, { $when }
review-fact-origin = Opened to follow up
review-origin = item { $item } of an earlier review
review-fact-pinned = Ledger checkpoint
review-pinned-size = Entries:
review-pinned-root = Root:
review-pinned-hint = The figures below were computed from the first { $size } entries of the ledger, whose Merkle root is shown above. Anyone holding an export of the ledger can fold those entries, check the root and recompute every figure with the command: recourse review recompute
review-fact-framework = Framework
review-framework = version { $version }, file SHA-256 { $sha256 }
review-framework-unknown = Version not recorded
review-fact-previous = Compared with
review-previous-none = No earlier approved review of this scope.
review-final = This review is approved: it is final and never changes.
review-download = Download
review-print = Printable report
review-download-csv = Figures and ratings (CSV)
review-download-json = The whole review (JSON)
review-back = Back to the review
review-back-list = All framework reviews

review-item-figures = Figures for the period
review-col-measure = Measure
review-col-value = Value
review-col-trend = Previous review
review-see-cases = See the cases
review-share = { $count } of { $of } ({ $pct } %)
review-share-empty = { $count } of { $of }
review-average = { $average } / 5 ({ $answers ->
        [one] 1 answer
       *[other] { $answers } answers
    })
review-average-none = No answers
review-trend-up = up from { $value }
review-trend-down = down from { $value }
review-trend-same = unchanged from { $value }
review-trend-was = previously { $value }
review-trend-new = not measured before

review-measure-complaints = Complaints received
review-measure-acknowledged-on-time = Acknowledged on time
review-measure-decided-on-time = Decided on time
review-measure-decided = Decided (or withdrawn)
review-measure-appeals = Appealed
review-measure-satisfaction = Clients' satisfaction
review-measure-explained = Clients who found the decision explained
review-measure-fair = Clients who found the process fair
review-measure-outsider-openings = File openings by staff not on the case
review-measure-citing-right = Complaints citing the right: { $right }
review-measure-recusals = Recusals for a conflict of interest
review-measure-named-staff = Complaints naming a staff member
review-measure-actions-verified-on-time = Corrective actions verified on time
review-measure-systemic-verified-on-time = Systemic actions verified on time
review-measure-tagged-complaints = Complaints concerning this item
review-measure-tagged-findings = Findings concerning this item
review-measure-tagged-actions = Corrective actions serving this item
review-measure-tagged-systemic = Systemic actions serving this item

review-rating = Rating
review-rating-met = Met
review-rating-partly-met = Partly met
review-rating-not-met = Not met
review-rating-not-applicable = Not applicable
review-unrated = Not rated yet.
review-rated-by = rated by { $name }, { $when }
review-rated-times = { $count ->
        [one] rated once
       *[other] rated { $count } times
    }
review-reasons = Reasons
review-previous = Previous review
review-previous-rating = Rated: { $rating }
review-previous-unrated = Not rated
review-attestations = Attestations
review-attested-by = attested by { $name }, { $when }
review-document = Document kept: { $name } ({ $size } bytes, SHA-256 { $sha256 })
review-follow-ups = Follow-ups
review-follow-up-systemic = Systemic action: { $title }
review-follow-up-area = Area review: { $review }
review-needs-follow-up = This item is partly met or not met: it needs a follow-up (a systemic action or an area review) before the review is submitted.
review-open-systemic = Open a systemic action for this item
review-open-area-review = Open an area review for this item

review-text-hint = Recorded in clear in the ledger: write about the organization, never about a client. At most { $limit } characters.
review-rate-legend = Rate this item
review-rate-rating = Rating (required)
review-rate-reasons = Reasons (required)
review-rate-submit = Record the rating
review-attest-legend = Attest for this item
review-attest-hint = For what no ledger data shows: insurance in force, training given, services free of charge.
review-attest-statement = Statement (required)
review-attest-submit = Record the attestation

review-submit-title = Submit to the board
review-submit-ready = Every item is rated and every shortfall has a follow-up: the review can be submitted.
review-submit-blocked = The review cannot be submitted yet:
review-blocker-unrated = { $item }: not rated yet
review-blocker-follow-up = { $item }: partly met or not met, with no follow-up yet
review-submit = Submit the review to the board

review-board-title = The board's decision
review-board-hint = Approve the review, or return it to the committee saying what to reconsider.
review-return-legend = Return to the committee
review-comments-required = Comments (required)
review-return = Return the review
review-approve-legend = Approve
review-comments-optional = Comments (optional)
review-approve = Approve the review

review-history = History
review-history-opened = Opened by { $name }
review-history-submitted = Submitted to the board by { $name }
review-history-returned = Returned to the committee by { $name }
review-history-approved = Approved by { $name }

review-cases-title = Cases behind a figure
review-cases-item = Item
review-cases-recorded = Recorded with the review
review-cases-now = As of now
review-cases-note = The cases are listed as the ledger stands now; the recorded figure is as of the checkpoint the review pinned ({ $size } entries), so the two differ if cases changed since.
review-cases-none = No case.
review-cases-bad = Say which item and which measure.

done-review-opened = The review is open.
done-review-rate = Rating recorded.
done-review-attest = Attestation recorded.
done-review-submit = The review is submitted to the board.
done-review-return = The review is returned to the committee.
done-review-approve = The review is approved.
