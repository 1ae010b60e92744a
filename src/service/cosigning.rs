//! The cosigner: the log's side of C2SP tlog-witness. After each new published checkpoint it
//! asks every configured witness to cosign it, and keeps the cosignatures with the ledger.
//!
//! One task per witness, so that a slow or dead witness delays only its own cosignatures,
//! never another witness's and never an append: appends do not wait for this module at all,
//! it only follows the store's committed size ([`EventStore::watch_size`]) and reads the
//! published checkpoint ([`Ledger::published`], the one the high-water mark holds).
//!
//! The witnesses asked are those of `serve --witness` and those of the settings (the
//! administration's witness page), each key once ([`wanted`]). A supervisor task compares
//! that set with the running tasks whenever the read model moves, and at least every
//! [`POLL`]: a witness added in the settings is asked within a second, without a restart; one
//! removed has its task stopped (its stored cosignatures stay, and keep being served).
//!
//! A witness's status starts from its latest stored cosignature, checked again over the
//! stored checkpoint of that size (rows are read back untrusted), so that `/healthz` and the
//! administration page do not forget across restarts; its task then asks only for a later
//! checkpoint, from that size.
//!
//! For each witness the task remembers the size it last saw cosigned (starting at 0) and
//! sends `POST /add-checkpoint` with `old <size>`, the consistency proof from that size to the
//! checkpoint's, and the checkpoint note. A 409 answer carries the witness's own latest size:
//! the task retries once with it (a witness that cosigned before this process started, or
//! that another instance of the log already brought further). A witness whose size is above
//! the log's has seen a tree this log does not have: that is reported as an error, never
//! "fixed". Each request has a time limit ([`REQUEST_TIMEOUT`]); failures are retried with a
//! doubling delay up to [`MAX_BACKOFF`], each time with the then latest checkpoint. Under load
//! a witness is asked at most every [`MIN_INTERVAL`], for the latest checkpoint only: a
//! cosignature on a later checkpoint vouches for everything before it.
//!
//! A witness's answer is never trusted: each line is stored only through
//! [`EventStore::add_cosignature`], which verifies it over the checkpoint under the witness's
//! configured key and compares the checkpoint's root with the store's tree.
//!
//! Witnesses are reached over HTTPS or plain HTTP, one request per connection
//! ([`crate::witness::client`]).

use std::sync::{Arc, RwLock};
use std::time::Duration;

use recourse_events::add_checkpoint::AddCheckpoint;
use recourse_events::cosignature::WitnessVerifier;
use recourse_events::org::WitnessSetting;
use serde::Serialize;
use tokio::sync::watch;
use tokio::time::Instant;

use crate::ledger::Ledger;
use crate::store::EventStore;
use crate::witness::client::{self, Endpoint};

/// Time limit of one `add-checkpoint` request, from connecting to the last byte of the answer.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);
/// Shortest time between two requests to one witness while checkpoints keep coming.
pub const MIN_INTERVAL: Duration = Duration::from_secs(2);
/// Longest wait before retrying a witness that failed.
pub const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// First wait before retrying a witness that failed.
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
/// How often the published checkpoint is looked at even without a new commit (the mark can
/// move just after the commit that woke the task).
const POLL: Duration = Duration::from_secs(1);
/// Largest answer read from a witness.
const MAX_ANSWER: usize = 64 * 1024;

/// A witness the log asks to cosign: where it is and its verifier key.
#[derive(Debug, Clone)]
pub struct WitnessConfig {
    /// The witness's base URL (`http://host:port[/prefix]`).
    pub url: String,
    /// Its cosignature/v1 verifier key.
    pub verifier: WitnessVerifier,
}

impl WitnessConfig {
    /// Parses `URL=VKEY`, as `serve --witness` takes it.
    pub fn parse(arg: &str) -> Result<Self, String> {
        let (url, vkey) = arg
            .split_once('=')
            .ok_or_else(|| format!("{arg:?}: expected URL=VKEY"))?;
        let verifier = WitnessVerifier::parse(vkey.trim())
            .map_err(|e| format!("{vkey:?} is not a witness verifier key: {e}"))?;
        Endpoint::parse(url)?;
        Ok(Self {
            url: url.trim_end_matches('/').to_string(),
            verifier,
        })
    }
}

/// Where a witness is configured.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Configured {
    /// `serve --witness`: set when the server was started, for as long as it runs.
    CommandLine,
    /// The settings (the administration's witness page).
    Settings,
}

/// Where a witness stands, as `/healthz` and the administration page show it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct WitnessStatus {
    /// The witness's name (its key name).
    pub name: String,
    /// Its URL.
    pub url: String,
    /// Its verifier key (note form).
    pub key: String,
    /// Where it is configured.
    pub configured: Configured,
    /// The largest checkpoint size it cosigned, as far as this log knows (kept across
    /// restarts: read back from the stored cosignatures at start).
    pub cosigned_size: Option<u64>,
    /// The time that cosignature states (RFC 3339).
    pub cosigned_at: Option<String>,
    /// The last failure, cleared by the next success.
    pub error: Option<String>,
    /// Its kind.
    pub problem: Option<Problem>,
}

/// The witnesses the log asks: those of the command line, then those of the settings, each
/// key once (the command line's entry wins). A settings entry whose key does not parse is left
/// out (the settings never record one: [`crate::service::witnesses::refusals`]).
pub fn wanted(
    command_line: &[WitnessConfig],
    settings: &[WitnessSetting],
) -> Vec<(WitnessConfig, Configured)> {
    let mut out: Vec<(WitnessConfig, Configured)> = Vec::new();
    let from_settings = settings.iter().filter_map(|s| {
        let verifier = WitnessVerifier::parse(&s.key).ok()?;
        Some(WitnessConfig {
            url: s.url.clone(),
            verifier,
        })
    });
    let all = command_line
        .iter()
        .cloned()
        .map(|c| (c, Configured::CommandLine))
        .chain(from_settings.map(|c| (c, Configured::Settings)));
    for (c, how) in all {
        if !out.iter().any(|(o, _)| o.verifier == c.verifier) {
            out.push((c, how));
        }
    }
    out
}

/// The witnesses' status, shared between the tasks and the web, and the supervisor that
/// keeps one task per wanted witness.
#[derive(Debug, Default)]
pub struct Cosigning {
    status: RwLock<Vec<WitnessStatus>>,
    command_line: RwLock<Vec<WitnessConfig>>,
}

/// What the supervisor reads the settings' witnesses with.
pub type SettingsWitnesses = Box<dyn Fn() -> Vec<WitnessSetting> + Send + Sync>;

impl Cosigning {
    /// Every asked witness's status, in [`wanted`] order.
    pub fn status(&self) -> Vec<WitnessStatus> {
        self.status
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The witnesses given on the command line (`serve --witness`).
    pub fn command_line(&self) -> Vec<WitnessConfig> {
        self.command_line
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn update(&self, key: &str, f: impl FnOnce(&mut WitnessStatus)) {
        if let Some(s) = self
            .status
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .iter_mut()
            .find(|s| s.key == key)
        {
            f(s);
        }
    }

    /// Starts the supervisor: it asks the `command_line` witnesses and those `settings`
    /// returns, following `ledger`'s published checkpoints. It looks again at the wanted set
    /// whenever the read model moves (`changed`, the model's position) and at least every
    /// [`POLL`]: a witness added starts being asked at once, one removed stops (its stored
    /// cosignatures stay).
    pub fn start(
        self: &Arc<Self>,
        ledger: Ledger,
        command_line: Vec<WitnessConfig>,
        settings: SettingsWitnesses,
        changed: watch::Receiver<u64>,
    ) {
        *self.command_line.write().unwrap_or_else(|e| e.into_inner()) = command_line;
        tokio::spawn(self.clone().supervise(ledger, settings, changed));
    }

    async fn supervise(
        self: Arc<Self>,
        ledger: Ledger,
        settings: SettingsWitnesses,
        mut changed: watch::Receiver<u64>,
    ) {
        let mut running: Vec<(WitnessConfig, tokio::task::JoinHandle<()>)> = Vec::new();
        loop {
            let wanted = wanted(&self.command_line(), &settings());
            // Removed (or moved to another URL): stopped.
            running.retain(|(c, task)| {
                let keep = wanted
                    .iter()
                    .any(|(w, _)| w.verifier == c.verifier && w.url == c.url);
                if !keep {
                    task.abort();
                    tracing::info!(witness = %c.verifier.name(), url = %c.url, "witness no longer asked");
                }
                keep
            });
            let new: Vec<&(WitnessConfig, Configured)> = wanted
                .iter()
                .filter(|(w, _)| !running.iter().any(|(c, _)| c.verifier == w.verifier))
                .collect();
            let remembered = if new.is_empty() {
                Vec::new()
            } else {
                remembered(ledger.store().as_ref()).await
            };
            self.set_statuses(&wanted, &remembered);
            for (w, _) in new {
                let key = w.verifier.to_string();
                let cosigned = self
                    .status()
                    .into_iter()
                    .find(|s| s.key == key)
                    .and_then(|s| s.cosigned_size);
                let task = WitnessTask {
                    key,
                    witness: w.clone(),
                    ledger: ledger.clone(),
                    cosigning: self.clone(),
                    old: cosigned.unwrap_or(0),
                    cosigned,
                };
                tracing::info!(witness = %w.verifier.name(), url = %w.url, "asking a witness");
                running.push((w.clone(), tokio::spawn(task.run())));
            }
            if tokio::time::timeout(POLL, changed.changed())
                .await
                .is_ok_and(|r| r.is_err())
            {
                // The read model is gone: so is the service.
                running.iter().for_each(|(_, t)| t.abort());
                return;
            }
        }
    }

    /// The status list in `wanted` order: each witness's own entry kept (its URL and where it
    /// is configured brought up to date), a new one starting from what the store remembers.
    fn set_statuses(
        &self,
        wanted: &[(WitnessConfig, Configured)],
        remembered: &[(String, u64, u64)],
    ) {
        let mut status = self.status.write().unwrap_or_else(|e| e.into_inner());
        let old = std::mem::take(&mut *status);
        *status = wanted
            .iter()
            .map(|(w, configured)| {
                let key = w.verifier.to_string();
                let mut s = old
                    .iter()
                    .find(|s| s.key == key)
                    .cloned()
                    .unwrap_or_else(|| {
                        let last = remembered.iter().find(|(k, _, _)| *k == key);
                        WitnessStatus {
                            name: w.verifier.name().to_string(),
                            url: w.url.clone(),
                            key: key.clone(),
                            configured: *configured,
                            cosigned_size: last.map(|(_, size, _)| *size),
                            cosigned_at: last.and_then(|(_, _, t)| rfc3339(*t)),
                            error: None,
                            problem: None,
                        }
                    });
                s.url = w.url.clone();
                s.configured = *configured;
                s
            })
            .collect();
    }
}

/// Each witness's latest stored cosignature that verifies over the stored checkpoint of its
/// size: (verifier key, size, timestamp). Rows are read back untrusted: one altered in the
/// database is left out, as [`cosigned_note`] leaves it out.
pub(crate) async fn verified_latest(
    store: &dyn EventStore,
) -> Result<Vec<(String, u64, u64)>, crate::store::StoreError> {
    let mut out = Vec::new();
    for (size, row) in store.latest_cosignatures().await? {
        let note = store.checkpoint_at(size).await?;
        match note.and_then(|n| stored_timestamp(&n, size, &row)) {
            Some(timestamp) => out.push((row.witness, size, timestamp)),
            None => tracing::warn!(size, "a stored cosignature does not verify; left out"),
        }
    }
    Ok(out)
}

/// [`verified_latest`], what the witnesses' status starts from (nothing when it cannot be
/// read: the status then fills in as witnesses answer).
async fn remembered(store: &dyn EventStore) -> Vec<(String, u64, u64)> {
    verified_latest(store).await.unwrap_or_else(|e| {
        tracing::warn!(error = %e, "the stored cosignatures could not be read");
        Vec::new()
    })
}

/// The timestamp of `row`, a stored cosignature read back untrusted, if its line verifies
/// under its witness's key over `note`, the checkpoint of `size`.
fn stored_timestamp(note: &str, size: u64, row: &crate::store::StoredCosignature) -> Option<u64> {
    let witness = WitnessVerifier::parse(&row.witness).ok()?;
    let checked = crate::store::check_cosignature(note, &witness, &row.line).ok()?;
    (checked.size == size).then_some(checked.row.timestamp)
}

/// A cosignature's timestamp in RFC 3339.
pub(crate) fn rfc3339(timestamp: u64) -> Option<String> {
    jiff::Timestamp::from_second(i64::try_from(timestamp).ok()?)
        .map(|t| t.to_string())
        .ok()
}

/// What went wrong asking a witness.
#[derive(Debug, thiserror::Error)]
enum AskError {
    #[error(transparent)]
    Transport(#[from] client::PostError),
    #[error("the witness answered {status}: {body}")]
    Status { status: u16, body: String },
    #[error("{0}")]
    Refused(String),
    /// The witness's size cannot be proved to lead to this checkpoint (it is larger: the
    /// ledger was rolled back, or the witness saw another history).
    #[error("{0}")]
    Proof(String),
}

impl AskError {
    /// What kind of trouble it is, for the witness's status.
    fn problem(&self) -> Problem {
        match self {
            AskError::Transport(client::PostError::Unreachable(_)) => Problem::Unreachable,
            AskError::Transport(client::PostError::Tls(_)) => Problem::Tls,
            AskError::Transport(client::PostError::BadAnswer(_)) => Problem::BadAnswer,
            AskError::Status {
                status: 403 | 404, ..
            } => Problem::UnknownLog,
            AskError::Status {
                status: 409 | 422, ..
            } => Problem::Conflict,
            AskError::Proof(_) => Problem::Conflict,
            AskError::Status { .. } | AskError::Refused(_) => Problem::BadAnswer,
        }
    }
}

/// The kind of a witness's last failure, which the administration page explains in the
/// reader's language (the error itself, technical and in English, is shown beside it).
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// No connection, or no answer in time.
    Unreachable,
    /// The secure connection failed (an untrusted certificate, most often).
    Tls,
    /// The witness does not know this ledger under its key (404 or 403).
    UnknownLog,
    /// The witness refuses the checkpoint: it cosigned a history this one does not extend
    /// (409 after a retry, or 422).
    Conflict,
    /// The answer is not a valid cosignature, or another HTTP error.
    BadAnswer,
}

impl Problem {
    /// The locale key of its explanation.
    pub fn message_key(self) -> &'static str {
        match self {
            Problem::Unreachable => "witness-problem-unreachable",
            Problem::Tls => "witness-problem-tls",
            Problem::UnknownLog => "witness-problem-unknown-log",
            Problem::Conflict => "witness-problem-conflict",
            Problem::BadAnswer => "witness-problem-bad-answer",
        }
    }
}

struct WitnessTask {
    /// The witness's verifier key, which names its status.
    key: String,
    witness: WitnessConfig,
    ledger: Ledger,
    cosigning: Arc<Cosigning>,
    /// The size the witness last cosigned, as far as this task knows.
    old: u64,
    /// The largest size whose cosignature is stored.
    cosigned: Option<u64>,
}

impl WitnessTask {
    async fn run(mut self) {
        let mut sizes = self.ledger.store().watch_size();
        let mut backoff = FIRST_BACKOFF;
        let mut last_request: Option<Instant> = None;
        loop {
            let latest = self.ledger.published();
            match latest {
                Some(m) if self.cosigned.is_none_or(|c| m.checkpoint.size > c) => {
                    if let Some(at) = last_request {
                        tokio::time::sleep_until(at + MIN_INTERVAL).await;
                    }
                    // The latest by now: one request covers every checkpoint before it.
                    let m = self.ledger.published().unwrap_or(m);
                    last_request = Some(Instant::now());
                    match self.cosign(&m.note, m.checkpoint.size).await {
                        Ok(timestamp) => {
                            self.cosigned = Some(m.checkpoint.size);
                            backoff = FIRST_BACKOFF;
                            let at = rfc3339(timestamp);
                            self.cosigning.update(&self.key, |s| {
                                s.cosigned_size = Some(m.checkpoint.size);
                                s.cosigned_at = at;
                                s.error = None;
                                s.problem = None;
                            });
                            tracing::debug!(witness = %self.witness.verifier.name(), size = m.checkpoint.size, "checkpoint cosigned");
                        }
                        Err(e) => {
                            tracing::warn!(witness = %self.witness.verifier.name(), url = %self.witness.url, error = %e, "witness did not cosign; retrying in {:?}", backoff);
                            let (why, problem) = (e.to_string(), e.problem());
                            self.cosigning.update(&self.key, |s| {
                                s.error = Some(why);
                                s.problem = Some(problem);
                            });
                            tokio::time::sleep(backoff).await;
                            backoff = (backoff * 2).min(MAX_BACKOFF);
                        }
                    }
                }
                _ => {
                    // Woken by a commit, or after POLL (the mark may have moved after it).
                    if tokio::time::timeout(POLL, sizes.changed())
                        .await
                        .is_ok_and(|r| r.is_err())
                    {
                        return; // The store is gone.
                    }
                }
            }
        }
    }

    /// Asks the witness to cosign the checkpoint `note` of `size`, stores the verified
    /// cosignature, and returns its timestamp.
    async fn cosign(&mut self, note: &str, size: u64) -> Result<u64, AskError> {
        let store = self.ledger.store().clone();
        let mut retried = false;
        loop {
            if self.old > size {
                // Only the witness's own answer sets `old`: it has seen a larger tree.
                let old = self.old;
                self.old = 0;
                return Err(AskError::Refused(format!(
                    "the witness has cosigned a tree of {old} entries, larger than this log's {size}: it saw another history of this log"
                )));
            }
            // From the empty tree, or to the same tree, the proof is empty (RFC 9162 2.1.4).
            let proof = if self.old == 0 || self.old == size {
                Vec::new()
            } else {
                store.consistency_proof(self.old, size).await.map_err(|e| {
                    AskError::Proof(format!(
                        "no consistency proof from the witness's size {} to {size}: {e}",
                        self.old
                    ))
                })?
            };
            let body = AddCheckpoint {
                old: self.old,
                proof,
                checkpoint: note.to_string(),
            }
            .to_body();
            let (status, answer) = client::post(
                &self.witness.url,
                "add-checkpoint",
                &body,
                REQUEST_TIMEOUT,
                MAX_ANSWER,
            )
            .await?;
            match status {
                200 => {
                    let timestamp = self.keep(store.as_ref(), note, &answer).await?;
                    self.old = size;
                    return Ok(timestamp);
                }
                409 if !retried => {
                    let theirs = answer.trim().parse::<u64>().map_err(|_| AskError::Status {
                        status,
                        body: short(&answer),
                    })?;
                    self.old = theirs;
                    retried = true;
                }
                _ => {
                    return Err(AskError::Status {
                        status,
                        body: short(&answer),
                    });
                }
            }
        }
    }

    /// Stores the witness's line among the answer's lines (verified by the store).
    async fn keep(
        &self,
        store: &dyn EventStore,
        note: &str,
        answer: &str,
    ) -> Result<u64, AskError> {
        let mut last_error = None;
        for line in answer.lines().filter(|l| !l.is_empty()) {
            match store
                .add_cosignature(note, &self.witness.verifier, line)
                .await
            {
                Ok(timestamp) => return Ok(timestamp),
                Err(e) => last_error = Some(e.to_string()),
            }
        }
        Err(AskError::Refused(format!(
            "no valid cosignature by {} in the answer: {}",
            self.witness.verifier.name(),
            last_error.unwrap_or_else(|| "no lines".into())
        )))
    }
}

/// The checkpoint `note` (a log-signed note of `size` entries) with every stored cosignature
/// line for its size that verifies over it appended: a note with more signature lines, which
/// readers who know only the log's key read as before. Lines read back from storage are
/// checked again here: a row altered in the database is left out, never served.
pub async fn cosigned_note(
    store: &dyn EventStore,
    note: &str,
    size: u64,
) -> Result<String, crate::store::StoreError> {
    let mut out = note.to_string();
    for row in store.cosignatures(size).await? {
        let valid = stored_timestamp(note, size, &row).is_some();
        if valid && !out.contains(&row.line) {
            out.push_str(&row.line);
        } else if !valid {
            tracing::warn!(size, "a stored cosignature does not verify; not served");
        }
    }
    Ok(out)
}

/// The first line of an answer, cut short, for messages.
fn short(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    line.chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn witness_arguments_and_urls() {
        let key = recourse_events::SecretKey::from_seed(&[5; 32]);
        let v = WitnessVerifier::new("w.test/one", key.public()).unwrap();
        let c = WitnessConfig::parse(&format!("http://127.0.0.1:9/base/={v}")).unwrap();
        assert_eq!(c.url, "http://127.0.0.1:9/base");
        assert_eq!(c.verifier, v);
        let c = WitnessConfig::parse(&format!("https://w.example/={v}")).unwrap();
        assert_eq!(c.url, "https://w.example");
        assert!(WitnessConfig::parse(&format!("ftp://w.example={v}")).is_err());
        assert!(WitnessConfig::parse("http://127.0.0.1:9=not-a-key").is_err());
        assert!(WitnessConfig::parse("http://127.0.0.1:9").is_err());
    }
}
