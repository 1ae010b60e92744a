# Validation: why a field was refused (the same ids on pages and in the API).
invalid-required = Please fill this in.
invalid-too-long = This is too long: { $length } characters, and at most { $limit } are accepted. Please shorten it.
invalid-one-line = Please write this on one line.
