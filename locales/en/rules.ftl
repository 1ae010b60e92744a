# Rule refusals: why the rules refused an action (the same ids on pages and in the API).
# Arguments: $staff, $item and $review are ids; $action is an id (rule-unknown-action) or, like
# $status and $what, a slug the message selects on; $date is an ISO date, $count a number.
rule-forbidden = Not allowed: { $why }
rule-forbidden-audit-view = Not allowed: audit views are for auditors and the chair.
rule-forbidden-client-audience = Not allowed: clients write to the committee through client messages.
rule-forbidden-comment = Not allowed: comments on the file are the client's.
rule-forbidden-erase = Not allowed: erasure is recorded by the organization once the data key is destroyed.
rule-forbidden-admin = Not allowed: only an administrator may change the organization.
rule-forbidden-open = Not allowed: only committee members and auditors open complaint files.
rule-forbidden-acknowledge = Not allowed: only intake or the chair acknowledge complaints.
rule-forbidden-route = Not allowed: only intake or the chair route complaints.
rule-forbidden-triage = Not allowed: only intake or the chair triage complaints.
rule-forbidden-file = Not allowed: only intake staff file complaints for clients.
rule-forbidden-refused-view = Not allowed: only staff attempts at opening a file are recorded.
rule-forbidden-update-action = Not allowed: only the action's owner or the chair may update it.
rule-forbidden-decide-appeal = Not allowed: only the appeal's reviewer decides it.
rule-forbidden-assign-appeal = Not allowed: only the chair assigns appeals.
rule-forbidden-close = Not allowed: only the chair closes cases.
rule-forbidden-reopen = Not allowed: only the chair reopens cases.
rule-forbidden-verify-action = Not allowed: only the chair verifies corrective actions.
rule-forbidden-waive-action = Not allowed: only the chair waives corrective actions.
rule-forbidden-add-information = Not allowed: only the client adds information to their complaint.
rule-forbidden-appeal = Not allowed: only the client appeals.
rule-forbidden-request-erasure = Not allowed: only the client asks for erasure; retention erasure is automatic.
rule-forbidden-withdraw = Not allowed: only the client, or intake or the chair on their word, withdraw.
rule-forbidden-satisfaction = Not allowed: satisfaction is the client's to say.
rule-forbidden-recuse = Not allowed: staff recuse themselves; only the chair records it for another.
rule-forbidden-verify-own-action = Not allowed: the owner of an action cannot verify it; another chair must.
rule-forbidden-web-filing = Not allowed: web filings come from the form; staff file by phone, in person, email or referral.
rule-forbidden-pause = Not allowed: only intake, the assigned reviewer or the chair pause the clock.
rule-forbidden-resume = Not allowed: only intake, the assigned reviewer or the chair resume the clock.
rule-forbidden-message = Not allowed: only intake, the assigned reviewer or the chair write on a case.
rule-forbidden-evidence = Not allowed: only intake, the assigned reviewer, the chair or the client add documents.
rule-forbidden-finding = Not allowed: only the assigned reviewer or the chair record findings.
rule-forbidden-decide-chair = Not allowed: in this organization the chair decides every complaint; the reviewer records the findings.
rule-forbidden-decide = Not allowed: only the assigned reviewer or the chair decide.
rule-forbidden-open-action = Not allowed: only the assigned reviewer or the chair open corrective actions.
rule-forbidden-open-review = Not allowed: only the chair opens a framework review.
rule-forbidden-rate-review = Not allowed: only committee members rate framework items.
rule-forbidden-attest-review = Not allowed: only committee members attest for a review.
rule-forbidden-submit-review = Not allowed: only the chair submits a review to the board.
rule-forbidden-return-review = Not allowed: only the board returns or approves a review.
rule-forbidden-systemic-staff = Not allowed: only staff work on systemic actions.
rule-forbidden-publish-report = Not allowed: only the board publishes a transparency report.
rule-forbidden-open-systemic = Not allowed: only the chair opens a systemic action.
rule-forbidden-progress-systemic = Not allowed: only its owner or the chair record progress on a systemic action.
rule-forbidden-verify-systemic = Not allowed: only the chair or an auditor verify a systemic action.
rule-conflicted = Staff member { $staff } has a conflict of interest on this case (named in it, or recused).
rule-took-part-in-decision = Staff member { $staff } took part in the decision under appeal.
rule-wrong-state = A case that is { $status ->
        [filed] filed
        [acknowledged] acknowledged
        [under-review] under review
        [decided] decided
        [under-appeal] under appeal
        [closed] closed
        [withdrawn] withdrawn
        [erased] erased
       *[other] { $status }
    } does not accept this: { $action ->
        [file-a-complaint] file a complaint
        [acknowledge] acknowledge
        [triage] triage
        [assign-a-reviewer] assign a reviewer
        [recuse] recuse
        [post-a-message] post a message
        [add-evidence] add evidence
        [open-the-file] open the file
        [record-a-refused-opening] record a refused opening
        [record-a-finding] record a finding
        [issue-a-decision] issue a decision
        [open-a-corrective-action] open a corrective action
        [update-a-corrective-action] update a corrective action
        [complete-a-corrective-action] complete a corrective action
        [verify-a-corrective-action] verify a corrective action
        [waive-a-corrective-action] waive a corrective action
        [comment-on-the-file] comment on the file
        [add-information] add information
        [appeal] appeal
        [assign-an-appeal-reviewer] assign an appeal reviewer
        [decide-the-appeal] decide the appeal
        [pause-the-clock] pause the clock
        [resume-the-clock] resume the clock
        [record-satisfaction] record satisfaction
        [close] close
        [reopen] reopen
        [withdraw] withdraw
        [request-erasure] request erasure
        [erase-personal-data] erase personal data
        [open-a-corrective-action-before-a-finding] open a corrective action before a finding
       *[other] { $action }
    }.
rule-no-finding = Record a finding before issuing a decision.
rule-actions-outstanding = { $count ->
        [one] 1 corrective action is still open: verify or waive it (with reasons) before closing.
       *[other] { $count } corrective actions are still open: verify or waive them (with reasons) before closing.
    }
rule-appeal-window-closed = The appeal window closed on { $date }.
rule-unknown-staff = Unknown or departed staff member { $staff }.
rule-not-reviewer = Staff member { $staff } is not a reviewer or chair.
rule-unknown-action = No corrective action { $action } on this case.
rule-restricted = This case is restricted: only its assigned reviewer, the chair and intake can open its file. Your attempt has been recorded.
rule-erased = This case's personal data was erased.
rule-last-administrator = The organization must keep at least one administrator.
rule-not-now = { $status ->
        [new] A review or systemic action not opened yet
        [open] An open review or systemic action
        [submitted] A review submitted to the board
        [approved] An approved review
        [completed] A systemic action reported done
        [verified] A verified systemic action
       *[other] A review or systemic action that is { $status }
    } does not accept this: { $action ->
        [open-a-review] open a review
        [rate-an-item] rate an item
        [attest] attest
        [submit] submit
        [return] return
        [approve] approve
        [open-a-systemic-action] open a systemic action
        [record-progress] record progress
        [complete-a-systemic-action] report a systemic action done
        [verify-a-systemic-action] verify a systemic action
       *[other] { $action }
    }.
rule-review-final = This review is approved: it never changes.
rule-unrated = { $count ->
        [one] 1 item is not rated yet: rate every item before submitting the review.
       *[other] { $count } items are not rated yet: rate every item before submitting the review.
    }
rule-follow-up-needed = Item { $item } is partly met or not met: open a systemic action or an area review for it first.
rule-not-in-scope = Item { $item } is not in this review.
rule-unknown-review = There is no review { $review }.
rule-own-work = Someone else must { $what ->
        [approve-a-review-you-submitted] approve a review you submitted
        [verify-an-action-you-own-or-completed] verify an action you own or reported done
       *[other] { $what }
    }.
rule-invalid = { $field }: { $reason }

## roles
rule-already-answered = These questions were already answered for this complaint. The answer is recorded and cannot be changed.
