//! Framework data (placeholder, being written).
