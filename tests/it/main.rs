//! Integration tests: the whole binary on real data folders, the store contract, crash and
//! tamper tests. One test binary, helpers in `helpers`.
// Tests unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod accounts_contract;
mod admin;
mod api;
mod attachment;
mod audit;
mod authz;
mod backup;
mod blob_contract;
mod board;
mod case_action;
mod case_items;
mod case_page;
mod cli;
mod crash;
mod demo;
mod doors;
mod escalation;
mod hardening;
mod helpers;
mod identity;
mod input;
mod intake;
mod integrity;
mod landing;
mod openapi;
mod pg;
mod pg_tables;
mod postgres_instances;
mod review_cli;
mod review_pages;
mod roles;
mod scenario;
mod serve;
mod service;
mod session_contract;
mod storage;
mod store_contract;
mod systemic_pages;
mod tamper;
mod tamper_matrix;
mod track;
mod track_reload;
mod transient_contract;
mod translations;
mod transparency;
mod vault_contract;
mod web_helpers;
mod witness;
mod witness_admin;
mod witness_log;
mod witness_tls;
mod witnessed;
