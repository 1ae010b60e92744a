# Validation: why a field was refused (the same ids on pages and in the API).
invalid-required = Please fill this in.
invalid-too-long = This is too long: { $length } characters, and at most { $limit } are accepted. Please shorten it.
invalid-one-line = Please write this on one line.
# A case action's fields (the case page and the API).
invalid-choice = Please choose one of the options.
invalid-date = Please give a date, such as 2026-12-31.
invalid-staff = Please choose a staff member.
invalid-action-number = Please say which corrective action, by its number.
invalid-too-many = Please choose at most { $limit }.
error-nothing-recorded = Nothing was recorded. Go back to the form, correct this and send it again.

## identity
invalid-control = Please remove the special characters (such as tabs) from this.
invalid-phone = Please give a telephone number: digits, spaces and + - ( ).
invalid-email = Please give an email address, such as help@example.org.
invalid-url = Please give a web address starting with https://, such as https://example.org.
## attach
attachment-too-large = This file is too large: at most { $limit } MB are accepted. Please send a smaller photo or a shorter document.
attachment-empty = This file is empty. Please choose the file again.
attachment-wrong-type = This type of file is not accepted. Please send a photo (PNG, JPEG or WebP) or a PDF document.
attachment-too-many = This case already has { $limit } files, the most it can hold.
attachment-none = Please choose a file to attach.
