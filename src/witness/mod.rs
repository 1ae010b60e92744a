//! The witness: an independent party that cosigns a log's checkpoints, per C2SP tlog-witness,
//! once it has checked that each one extends the last it cosigned.
//!
//! A signed checkpoint proves what the log's key signed, not that everyone was shown the same
//! history: an operator holding the key could keep two versions of the log (a split view) or
//! roll it back and sign again. A witness remembers, per log, the latest checkpoint it cosigned
//! and cosigns a new one only with a Merkle consistency proof from that one, so two
//! incompatible histories can never both carry its cosignature. Readers who require
//! cosignatures from several independent witnesses (see [`recourse_events::cosignature`]) are
//! then shown a history that every one of them saw grow append-only.
//!
//! - [`key`]: the witness's key and verifier key in its data folder.
//! - [`state`]: the latest cosigned checkpoint per log, one small file per log, replaced
//!   atomically and durably; read back only when the log's signature on it verifies.
//! - [`protocol`]: the `add-checkpoint` request body, parsed strictly, and the checks and
//!   answers of the protocol ([`protocol::Witness::add_checkpoint`]).
//! - [`server`]: the HTTP server (hyper): body cap, time limits, connection cap.
//! - [`client`]: the log's side of the protocol's HTTP, over HTTPS or plain HTTP.
//!
//! Requests for one log are serialized by a lock held from the check of the old size to the
//! moment the new state is on disk, which is the atomicity the specification asks for (two
//! racing requests can never roll the witness's view back). A cosignature leaves the witness
//! only after the state it attests is fsynced, so a crash at any point loses nothing cosigned.

pub mod client;
pub mod key;
pub mod protocol;
pub mod server;
pub mod state;

pub use key::WitnessKey;
pub use protocol::Witness;
