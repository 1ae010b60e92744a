# admin: en
# Administration: staff, roles, keys, settings.
admin-nav = Administration
admin-nav-staff = Staff
admin-nav-enrol = Enrol a staff member
admin-nav-settings = Settings
admin-back = Back to the staff list
admin-error-summary = Please check the following

admin-staff-title = Staff
admin-staff-intro = Everyone who has been enrolled, with their roles. Choose a name to change roles, reset a password or record a departure.
admin-staff-caption = Staff members
admin-name = Name
admin-name-hint = Their full name, as colleagues know it. Only administrators see it here.
admin-login = Sign-in name
admin-login-hint = What they type to sign in. No spaces, for example amina.k. Capital letters do not matter.
admin-roles = Roles
admin-roles-hint = Choose at least one. Give each person only the roles their work needs.
admin-status = Status
admin-keys = Active signing keys
admin-active = Active
admin-departed = Departed
admin-no-roles = No roles

admin-role-intake = Intake
admin-role-intake-hint = Files complaints for clients, acknowledges and sorts them, and assigns each one to a reviewer.
admin-role-reviewer = Reviewer
admin-role-reviewer-hint = Investigates the cases assigned to them, records the findings and decides, unless the settings leave every decision to the chair.
admin-role-chair = Committee chair
admin-role-chair-hint = Assigns cases, decides, checks corrective actions and closes cases.
admin-role-board = Board
admin-role-board-hint = Reads the dashboards and approves framework reviews. Sees no personal data, except in complaints about the director or the chair when the settings send those to the board (each opening recorded).
admin-role-admin = Administrator
admin-role-admin-hint = Enrols staff, changes roles and keys, and changes the settings.
admin-role-auditor = Auditor
admin-role-auditor-hint = Audits case trails and checks the ledger.
admin-role-grant = Give the role { $role }
admin-role-remove = Remove the role { $role }

admin-enrol-title = Enrol a staff member
admin-enrol-intro = The new staff member gets their own signing key and a set-up link to choose a password. You will see the link once, on the next page.
admin-enrol-submit = Enrol and create a set-up link
admin-error-name = Enter their name (up to 200 characters).
admin-error-login = Enter a sign-in name of up to 100 characters, without spaces.
admin-error-login-taken = The sign-in name { $login } is already used. Choose another one.
admin-error-roles = Choose at least one role.
admin-error-role = Choose a role.

admin-link-title = Set-up link
admin-link-intro-enrolled = { $name } is enrolled. Give them this link so they can choose a password and sign in:
admin-link-intro-reset = The key of { $name } is replaced and their old password no longer works. Give them this link so they can choose a new password:
admin-link-copy = Copy the link
admin-link-copied = Copied
admin-link-expires = Link expires
admin-link-next = Before you leave this page
admin-link-once = This page is the only time the link is shown. Copy it now.
admin-link-validity = The link works once, and expires in 7 days.
admin-link-private = Give it to the person privately (in person, or by a channel only they read). Anyone with the link can set the password.
admin-link-lost = If the link is lost or expires, reset their password to get a new one.
admin-link-back = Go to this staff member's page

admin-person-title = Staff member
admin-role = Role
admin-held = Has this role
admin-held-yes = Yes
admin-held-no = No
admin-change = Change
admin-roles-caption = Roles of this staff member
admin-roles-change-hint = Changes take effect at once, on their next page.
admin-last-admin = The organization must keep at least one administrator. Give the administrator role to someone else first.
admin-rotate-title = Reset password and replace signing key
admin-rotate-intro = Use this when they forgot their password, or their key may be known to someone else. Their current keys are revoked, they are signed out everywhere, and you get a new set-up link for them.
admin-rotate-self = This is your own account: you will be signed out too.
admin-rotate-reason = Reason
admin-rotate-reason-hint = For example "forgotten password". It is recorded in the ledger that auditors read: do not write personal details.
admin-rotate-submit = Reset password and create a set-up link
admin-error-reason = Enter a reason (up to 500 characters).
admin-depart-title = Record a departure
admin-depart-intro = When someone leaves the organization. Their roles and keys are revoked, they are signed out, and they can no longer sign in. This cannot be undone: if they come back, enrol them again.
admin-depart-confirm = I confirm this person has left the organization.
admin-depart-submit = Record the departure
admin-error-confirm = Tick the box to confirm the departure.
admin-departed-note = This person has left the organization. Their keys are revoked and they cannot sign in.

admin-settings-title = Settings
admin-settings-intro = These settings apply to every new step of every case. Each change is recorded in the ledger.
admin-settings-targets = Service targets
admin-settings-acknowledge_business_days = Acknowledgement target (business days)
admin-settings-acknowledge_business_days-hint = Working days to acknowledge a complaint, between 1 and 30.
admin-settings-decide_calendar_days = Decision target (calendar days)
admin-settings-decide_calendar_days-hint = Days to decide a complaint, between 1 and 365.
admin-settings-appeal_window_days = Appeal window (calendar days)
admin-settings-appeal_window_days-hint = Days after a decision during which the client may appeal, between 1 and 365.
admin-settings-calendar = Calendar
admin-settings-time_zone = Time zone
admin-settings-time_zone-hint = The name of the organization's time zone, for example America/Toronto or America/Vancouver.
admin-settings-holiday_jurisdiction = Statutory holidays
admin-settings-holiday_jurisdiction-hint = Whose statutory holidays are not business days.
admin-settings-extra_holidays = Other closure days
admin-settings-extra_holidays-hint = Days the organization is closed, one date per line, written like 2025-12-24.
admin-settings-removed_holidays = Holidays you work
admin-settings-removed_holidays-hint = Statutory holidays the organization works anyway, one date per line, written like 2025-08-04.
admin-settings-languages = Languages offered
admin-settings-languages-hint = The languages of the site and of the complaint form.
admin-settings-default_language = Default language
admin-settings-default_language-hint = Shown to visitors whose browser asks for none of the languages offered.
admin-settings-organization = Programs, sites and framework
admin-settings-programs = Programs
admin-settings-programs-hint = One per line, written as id = Name, for example: linc = Language training (LINC). The id uses lowercase letters, digits, - or _, and should not change once used.
admin-settings-sites = Sites
admin-settings-sites-hint = One per line, written as id = Name, for example: main = Main office.
admin-settings-framework = Quality framework
admin-settings-framework-hint = The id of the framework in use. The one shipped is { $id }.
admin-settings-privacy = Personal data
admin-settings-retention_days = Keep personal data for (days after closure)
admin-settings-retention_days-hint = After this, a case's personal data is erased. Between 30 and 36500 days.
admin-settings-submit = Save the settings
admin-settings-stale = Another administrator changed the settings while you were editing. Check your values below against theirs, then save again.
admin-error-number = enter a whole number.
admin-error-date = "{ $line }" is not a date. Write one date per line, like 2025-12-24.
admin-error-named = the line "{ $line }" is not written as id = Name.
admin-error-default-language = choose one of the languages offered.

done-admin-role-granted = The role is given.
done-admin-role-revoked = The role is removed.
done-admin-departed = The departure is recorded. Their keys are revoked and they are signed out.
done-admin-settings-saved = The settings are saved.
done-admin-settings-unchanged = Nothing was changed.

## decisions
admin-settings-chair_decides = Only the chair decides complaints
admin-settings-chair_decides-hint = The assigned reviewer investigates and records the findings; the chair reads them and decides. Unticked, the assigned reviewer may decide too.

## route
admin-settings-escalation = Complaints about the director or the chair
admin-settings-escalation-hint = A complaint about the person who runs the organization, or about the chair of the complaints committee, is escalated: every chair and the director are kept out of it.
admin-settings-director = The director (if they have a staff account)
admin-settings-director-hint = Kept out of escalated complaints, like every chair.
admin-settings-nobody = No one
admin-settings-external_reviewer = Who handles escalated complaints
admin-settings-external_reviewer-hint = The board, or one staff account outside the committee, such as a reviewer enrolled from a partner agency. Not a chair or the director.
admin-settings-route-board = The board
admin-settings-board-data = When the board handles escalated complaints, board members get the committee's rights on those complaints only: they assign, decide and close them, and open their files (each opening is recorded, and the client sees it). So the board sees personal data for those complaints, and for no other.
admin-settings-show_opener_names = Show clients the names of the staff who opened their file
admin-settings-show_opener_names-hint = Unticked, clients see the role and the reason of each opening. Ticked, they also see the staff member's name.
admin-error-staff = choose someone from the list
## identity
admin-settings-identity = The organization as clients see it
admin-settings-org_name = Name of the organization
admin-settings-org_name-hint = Shown at the top of every page, on the home page and on the receipt. Up to 200 characters.
admin-settings-org_name_in = Name in { $language } (if different)
admin-settings-org_names = Name in another language
admin-settings-org_address = Postal address
admin-settings-org_address-hint = One line per line of the address, up to 500 characters. Shown on the home page and the receipt.
admin-settings-org_phone = Telephone
admin-settings-org_phone-hint = Digits, spaces and + - ( ), for example +1 416 555 0100.
admin-settings-org_email = Email address
admin-settings-org_email-hint = An address clients can write to, for example help@example.org.
admin-settings-org_website = Web site
admin-settings-org_website-hint = Its full address, starting with https://
admin-settings-program_names = Programs' names in other languages
admin-settings-program_names-in = Programs' names in { $language }
admin-settings-program_names-hint = One per line, written as id = Name, with the ids of the programs above. Leave the name empty to show the main name.
admin-settings-site_names = Sites' names in other languages
admin-settings-site_names-in = Sites' names in { $language }
admin-settings-site_names-hint = One per line, written as id = Name, with the ids of the sites above. Leave the name empty to show the main name.
admin-error-named-unknown = there is no "{ $id }" in the list above.
admin-logo-title = Logo
admin-logo-current = The current logo
admin-logo-file = A new logo
admin-logo-hint = A PNG, JPEG or WebP image of at most { $size } KB, about 40 pixels high on the page. SVG is not accepted.
admin-logo-submit = Upload the logo
admin-error-logo-missing = Choose an image file to upload.
admin-error-logo-type = This file is not a PNG, JPEG or WebP image. Choose another one.
done-admin-logo-saved = The logo is saved.
admin-settings-names = Names in other languages

# Witnesses
admin-nav-witnesses = Witnesses
witnesses-title = Witnesses
witnesses-intro = A witness is an independent body, such as an umbrella organization, a funder or a partner agency, that cosigns this ledger's checkpoints, so that no one, not even this organization, can rewrite or fork the record without it being seen.
witnesses-list = Witnesses asked to cosign
witnesses-none = No witness is configured yet.
witnesses-url = Address
witnesses-url-hint = The witness's web address, starting with https:// or http://, as the witness gave it.
witnesses-key = Verifier key
witnesses-key-hint = The line the witness gave you (its "verifier key"), such as name+1a2b3c4d+BASE64. Its name is shown as the witness's name.
witnesses-key-id = Key id
witnesses-cosigned = Last cosigned
witnesses-cosigned-size = The checkpoint of { $size } entries, at { $at }
witnesses-cosigned-never = Not yet
witnesses-error = Last error
witnesses-failing = Not cosigning
witness-problem-unreachable = The witness cannot be reached: no connection, or no answer in time. The ledger keeps asking, and filing goes on meanwhile.
witness-problem-tls = The secure connection to the witness failed: its certificate is not trusted by this server, or the address is wrong.
witness-problem-unknown-log = The witness does not know this ledger under its key: send the witness's operator this ledger's verifier key (on the audit page).
witness-problem-conflict = The witness refuses this checkpoint: it has cosigned a history that this ledger does not extend. Was the ledger restored from an older backup? Contact the witness.
witness-problem-bad-answer = The witness's answer is not a valid cosignature. Check the address and the witness's key.
witnesses-configured = Configured
witnesses-command-line = Set when the server was started (cannot be removed here)
witnesses-in-settings = On this page
witnesses-remove = Remove { $name }
witnesses-add = Add a witness
witnesses-add-button = Add this witness
witnesses-full = The most witnesses are configured. Remove one to add another.
witnesses-stale = Another administrator changed the settings while you were on this page. Check the list below, then try again.
done-witness-added = The witness is added. It will be asked to cosign within a few seconds.
done-witness-removed = The witness is removed. It is no longer asked; its past cosignatures are kept.
witness-error-url = Please give the witness's address, starting with https:// or http://, such as https://witness.example.org.
witness-error-key = This is not a witness verifier key. Paste the line the witness gave you, such as name+1a2b3c4d+BASE64.
witness-error-duplicate = This witness is already configured.
witness-error-too-many = At most { $limit } witnesses can be configured. Remove one first.
