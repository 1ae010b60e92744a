//! Recourse events.
