//! Progress on a terminal, shared by the long commands (`review`, `backup`, `restore`,
//! `migrate`): a phase and a count on one line of stderr, rewritten in place, and nothing at all
//! when stderr is not a terminal, so that scripts, cron jobs and logs get only the result.

use std::io::{IsTerminal, Write};

/// Phase messages and a count on stderr when it is a terminal; nothing otherwise, so that
/// scripts and logs get only the result.
pub(super) struct Progress {
    on: bool,
}

impl Progress {
    /// On when stderr is a terminal.
    pub(super) fn new() -> Progress {
        Progress {
            on: std::io::stderr().is_terminal(),
        }
    }

    /// Replaces the progress line with `message`.
    pub(super) fn say(&self, message: std::fmt::Arguments) {
        if self.on {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{message}");
            let _ = err.flush();
        }
    }

    /// Clears the progress line (before the result is printed).
    pub(super) fn clear(&self) {
        if self.on {
            eprint!("\r\x1b[2K");
        }
    }
}
