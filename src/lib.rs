//! Recourse: an event-sourced complaints and accountability ledger.
//!
//! - [`accounts`]: staff sign-in, with signing keys sealed under passwords.
//! - [`store`]: the event log behind one trait, a backend per module.
//! - [`postgres`]: the connection pool and schema the PostgreSQL backends share.
//! - [`data_dir`]: the data folder, its keys and files.
//! - [`reference`]: the reference documents a data folder uses (its own copies or the shipped).
//! - [`ledger`]: creating, opening and appending to a ledger.
//! - [`mark`]: the high-water mark that makes a rolled-back database noticed.
//! - [`memory`]: giving memory freed after one-off work back to the system.
//! - [`service`]: the ledger service: command -> rules -> seal and sign -> append -> project.
//! - [`vault`]: data keys, sealing and erasure; [`receipt`]: clients' receipt codes.
//! - [`sessions`]: who is signed in. Vault, accounts and sessions are traits, as the store is
//!   (`KeyVault`, `AccountStore`, `SessionStore`), each with its SQLite backend.
//! - [`transient`]: the web's short-lived state (visits, drafts), in memory or shared.
//! - [`storage`]: the vault, blobs, accounts and sessions behind one store URL (data-folder
//!   files, or one PostgreSQL database shared by several server instances).
//! - [`verification`]: verifying a data folder or an export bundle.
//! - [`demo`]: a synthetic agency's two years of complaints, built through the service.
//! - [`web`]: the web application (warp): forms, pages, ledger endpoints, JSON API.
//! - [`cli`]: the command line.
//! - [`transfer`]: copying a whole state between backends (`migrate`, `backup`, `restore`);
//!   [`backup`]: the backup file.
//! - [`witness`]: a C2SP tlog-witness that cosigns logs' checkpoints.
//! - [`limits`]: how long every text may be (one table, proved to fit the ledger's entries).

pub mod accounts;
pub mod backup;
pub mod blob;
pub mod cli;
pub mod data_dir;
pub mod demo;
pub mod export;
pub mod ledger;
pub mod mark;
pub mod memory;
pub mod postgres;
pub use recourse_events::limits;
pub mod receipt;
pub mod reference;
pub mod service;
pub mod sessions;
pub mod storage;
pub mod store;
pub mod transfer;
pub mod transient;
pub mod vault;
pub mod verification;
pub mod web;
pub mod witness;
