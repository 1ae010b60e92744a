# Shared strings: layout, navigation, errors, notices.
site-name = Recourse
skip-to-content = Skip to content
nav-languages = Languages
nav-staff = Staff
nav-queue = Work queue
nav-file = File a complaint for a client
nav-board = Dashboard
nav-admin = Administration
nav-password = Change password
nav-sign-out = Sign out
footer-ledger = Every step of every complaint is recorded in a signed ledger that anyone can check.
footer-checkpoint = Latest ledger checkpoint
footer-staff = Staff sign-in
error-title = Something went wrong
error-not-found = We could not find this page.
error-forbidden = You are not allowed to do this.
error-bad-request = Please check what you entered.
error-conflict = This could not be done now.
error-too-many = Too many attempts. Please wait a few minutes and try again.
error-too-many-wait = Too many attempts. Please wait { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    } and try again.
error-csrf = This form has expired. Please go back, reload the page and try again.
error-internal = Something went wrong on our side. Nothing was recorded. Please try again.
error-home = Go to the home page
error-role = Your role does not allow this.
done-generic = Done.
yes = Yes
no = No
error-too-many-title = Please wait before trying again
error-restricted = This case is restricted: only its assigned reviewer, the chair and intake can open its file. Your attempt has been recorded.

## audit
nav-audit = Audit
## attach
attachment-title = Documents and photos
attachment-none-yet = No file is attached yet.
attachment-erased = Erased
attachment-open = Open the file
attachment-open-hint = Opening a file is recorded in the access log, with its purpose, before it is downloaded.
attachment-download = Download
attachment-add = Attach a document or photo
attachment-file = File
attachment-file-hint = A photo (PNG, JPEG or WebP) or a PDF document, at most { $limit } MB.
attachment-description = What it shows (optional)
attachment-send = Attach
attachment-size = { $kb } KB
attachment-by-organization = the organization
