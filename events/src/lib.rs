//! Recourse's ledger vocabulary and cryptography, with no IO: what an event is, how it is
//! signed, chained and logged, and how anyone holding the ledger's public key checks it.
//!
//! - [`canonical`]: RFC 8785 canonical JSON, the bytes that are signed and hashed.
//! - [`envelope`]: the v1 event envelope, strict parsing, signing.
//! - [`key`]: Ed25519 keys and key ids.
//! - [`chain`]: per-stream `seq`/`prev` chains.
//! - [`merkle`]: the RFC 9162 tree, inclusion and consistency proofs.
//! - [`tile`]: the C2SP tlog-tiles layout the tree is stored and served in.
//! - [`checkpoint`]: C2SP signed notes and checkpoints; [`cosignature`]: witnesses'
//!   cosignatures on them (C2SP tlog-cosignature); [`add_checkpoint`]: the request that asks
//!   a witness for one (C2SP tlog-witness).
//! - [`org`], [`case`], [`review`], [`vocabulary`]: every event type and its payload; [`ids`],
//!   [`sealed`].
//! - [`registry`]: the rule for which key signs what, where.
//! - [`verify`]: whole-ledger verification, with [`signature_batch`]; [`bundle`]: the export
//!   format it reads.

pub mod add_checkpoint;
pub mod bundle;
pub mod canonical;
pub mod case;
pub mod chain;
pub mod checkpoint;
pub mod cosignature;
pub mod envelope;
pub mod hash;
pub mod ids;
pub mod key;
pub mod limits;
pub mod merkle;
pub mod org;
pub mod registry;
pub mod review;
pub mod sealed;
pub mod signature_batch;
pub mod tile;
pub mod variants;
pub mod verify;
pub mod vocabulary;

pub use envelope::{Envelope, Event, EventType, StreamId};
pub use hash::Hash;
pub use key::{KeyId, PublicKey, SecretKey};
