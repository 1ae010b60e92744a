//! Periodic framework compliance reviews: what they measure ([`measure`]).

pub mod measure;
