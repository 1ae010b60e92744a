//! Statutory holidays (placeholder, being written).
