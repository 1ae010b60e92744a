//! The cosigner: the log's side of C2SP tlog-witness. After each new published checkpoint it
//! asks every configured witness to cosign it, and keeps the cosignatures with the ledger.
//!
//! One task per witness, so that a slow or dead witness delays only its own cosignatures,
//! never another witness's and never an append: appends do not wait for this module at all,
//! it only follows the store's committed size ([`EventStore::watch_size`]) and reads the
//! published checkpoint ([`Ledger::published`], the one the high-water mark holds).
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
//! Witnesses are reached over HTTP/1.1, `https://` (TLS checked against the system's roots)
//! or `http://`. TLS keeps the exchange private and the witness's address honest; it is not
//! what makes a cosignature trustworthy: every line is verified under the witness's key, so a
//! man in the middle can only withhold cosignatures, never forge one.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use recourse_events::cosignature::WitnessVerifier;
use serde::Serialize;
use tokio::time::Instant;

use crate::ledger::Ledger;
use crate::store::EventStore;

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
        check_url(url.trim())?;
        Ok(Self {
            url: url.trim().trim_end_matches('/').to_string(),
            verifier,
        })
    }
}

/// Where a witness stands, as `/healthz` shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct WitnessStatus {
    /// The witness's name (its key name).
    pub name: String,
    /// Its URL.
    pub url: String,
    /// The largest checkpoint size it cosigned, as far as this process knows.
    pub cosigned_size: Option<u64>,
    /// When that cosignature was stored (RFC 3339).
    pub cosigned_at: Option<String>,
    /// The last failure, cleared by the next success.
    pub error: Option<String>,
}

/// The witnesses' status, shared between the tasks and the web.
#[derive(Debug, Default)]
pub struct Cosigning {
    status: RwLock<Vec<WitnessStatus>>,
}

impl Cosigning {
    /// Every configured witness's status, in configuration order.
    pub fn status(&self) -> Vec<WitnessStatus> {
        self.status
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn update(&self, index: usize, f: impl FnOnce(&mut WitnessStatus)) {
        if let Some(s) = self
            .status
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .get_mut(index)
        {
            f(s);
        }
    }

    /// Starts one task per witness, following `ledger`'s published checkpoints.
    pub fn start(self: &Arc<Self>, ledger: Ledger, witnesses: Vec<WitnessConfig>) {
        {
            let mut status = self.status.write().unwrap_or_else(|e| e.into_inner());
            for w in &witnesses {
                status.push(WitnessStatus {
                    name: w.verifier.name().to_string(),
                    url: w.url.clone(),
                    cosigned_size: None,
                    cosigned_at: None,
                    error: None,
                });
            }
        }
        for (index, witness) in witnesses.into_iter().enumerate() {
            let task = WitnessTask {
                index,
                witness,
                ledger: ledger.clone(),
                cosigning: self.clone(),
                old: 0,
            };
            tokio::spawn(task.run());
        }
    }
}

/// What went wrong asking a witness.
#[derive(Debug, thiserror::Error)]
enum AskError {
    #[error("{0}")]
    Transport(String),
    #[error("the witness answered {status}: {body}")]
    Status { status: u16, body: String },
    #[error("{0}")]
    Refused(String),
}

struct WitnessTask {
    index: usize,
    witness: WitnessConfig,
    ledger: Ledger,
    cosigning: Arc<Cosigning>,
    /// The size the witness last cosigned, as far as this task knows.
    old: u64,
}

impl WitnessTask {
    async fn run(mut self) {
        let mut sizes = self.ledger.store().watch_size();
        let mut cosigned: Option<u64> = None;
        let mut backoff = FIRST_BACKOFF;
        let mut last_request: Option<Instant> = None;
        loop {
            let latest = self.ledger.published();
            match latest {
                Some(m) if cosigned.is_none_or(|c| m.checkpoint.size > c) => {
                    if let Some(at) = last_request {
                        tokio::time::sleep_until(at + MIN_INTERVAL).await;
                    }
                    // The latest by now: one request covers every checkpoint before it.
                    let m = self.ledger.published().unwrap_or(m);
                    last_request = Some(Instant::now());
                    match self.cosign(&m.note, m.checkpoint.size).await {
                        Ok(timestamp) => {
                            cosigned = Some(m.checkpoint.size);
                            backoff = FIRST_BACKOFF;
                            let at = jiff::Timestamp::from_second(timestamp as i64)
                                .map(|t| t.to_string())
                                .ok();
                            self.cosigning.update(self.index, |s| {
                                s.cosigned_size = Some(m.checkpoint.size);
                                s.cosigned_at = at;
                                s.error = None;
                            });
                            tracing::debug!(witness = %self.witness.verifier.name(), size = m.checkpoint.size, "checkpoint cosigned");
                        }
                        Err(e) => {
                            tracing::warn!(witness = %self.witness.verifier.name(), url = %self.witness.url, error = %e, "witness did not cosign; retrying in {:?}", backoff);
                            let why = e.to_string();
                            self.cosigning.update(self.index, |s| s.error = Some(why));
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
                store
                    .consistency_proof(self.old, size)
                    .await
                    .map_err(|e| AskError::Transport(format!("consistency proof: {e}")))?
            };
            let mut body = format!("old {}\n", self.old);
            for h in &proof {
                use base64::Engine as _;
                body.push_str(&base64::engine::general_purpose::STANDARD.encode(h.0));
                body.push('\n');
            }
            body.push('\n');
            body.push_str(note);
            let (status, answer) = post(&self.witness.url, "add-checkpoint", body).await?;
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
        let valid = WitnessVerifier::parse(&row.witness)
            .ok()
            .and_then(|w| crate::store::check_cosignature(note, &w, &row.line).ok())
            .is_some_and(|c| c.size == size);
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

/// Checks a witness's base URL: `http://` or `https://`, a host, no user name or password,
/// no query or fragment (the protocol's paths are appended to it).
fn check_url(url: &str) -> Result<(), String> {
    let parsed = reqwest::Url::parse(url).map_err(|e| format!("{url:?}: {e}"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(format!(
            "{url:?}: witness URLs start with http:// or https://"
        ));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(format!("{url:?}: no host"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(format!(
            "{url:?}: no user name or password in a witness URL"
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(format!("{url:?}: no query or fragment in a witness URL"));
    }
    Ok(())
}

/// The one HTTP client of the process for witnesses: HTTP/1.1, TLS by rustls (ring) checked
/// against the system's roots (`SSL_CERT_FILE` or `SSL_CERT_DIR` add a private authority's),
/// no redirects (a witness that moved is configured again), [`REQUEST_TIMEOUT`] per request.
fn client() -> Result<&'static reqwest::Client, AskError> {
    static CLIENT: std::sync::OnceLock<Result<reqwest::Client, String>> =
        std::sync::OnceLock::new();
    CLIENT
        .get_or_init(|| {
            // Another part of the process may have installed one already: either will do.
            let _ = rustls::crypto::ring::default_provider().install_default();
            reqwest::Client::builder()
                .user_agent(concat!("recourse/", env!("CARGO_PKG_VERSION")))
                .timeout(REQUEST_TIMEOUT)
                .connect_timeout(REQUEST_TIMEOUT)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(|e| describe(&e))
        })
        .as_ref()
        .map_err(|e| AskError::Transport(format!("no HTTP client: {e}")))
}

/// An error with its causes (reqwest's own message names only the request).
fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// `POST {url}/{path}` with `body` (text/plain), within [`REQUEST_TIMEOUT`]: status and body
/// (at most [`MAX_ANSWER`] bytes of UTF-8).
async fn post(url: &str, path: &str, body: String) -> Result<(u16, String), AskError> {
    let transport = |e: reqwest::Error| AskError::Transport(describe(&e));
    let mut response = client()?
        .post(format!("{url}/{path}"))
        .header(reqwest::header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(body)
        .send()
        .await
        .map_err(transport)?;
    let status = response.status().as_u16();
    let mut answer = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(transport)? {
        if answer.len() + chunk.len() > MAX_ANSWER {
            return Err(AskError::Transport("the answer is too large".into()));
        }
        answer.extend_from_slice(&chunk);
    }
    let answer = String::from_utf8(answer)
        .map_err(|_| AskError::Transport("the answer is not UTF-8".into()))?;
    Ok((status, answer))
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
        let c = WitnessConfig::parse(&format!("https://witness.example={v}")).unwrap();
        assert_eq!(c.url, "https://witness.example");
        for bad in [
            "ftp://w.example",
            "http://",
            "https://user:pw@w.example",
            "https://w.example/?q=1",
            "w.example",
        ] {
            assert!(
                WitnessConfig::parse(&format!("{bad}={v}")).is_err(),
                "{bad}"
            );
        }
        assert!(WitnessConfig::parse("http://127.0.0.1:9=not-a-key").is_err());
        assert!(WitnessConfig::parse("http://127.0.0.1:9").is_err());
    }
}
