//! The ledger service: command -> rules -> seal and sign -> append -> project.
//!
//! One read model per process, folded by a single follower task that reads new entries from
//! the store in position order (so several processes sharing a store each see every append).
//! A command is decided against the model, signed by the acting person's key as the stream's
//! next event, and appended with optimistic concurrency; on a conflict the model catches up and
//! the command is decided again. A command returns once its own events are folded, so a caller
//! always reads its own writes.

pub mod administration;
pub mod attachment;
pub mod audit;
pub mod case_action;
pub mod case_reader;
mod clear;
pub mod client;
pub mod clock;
pub mod complaint;
pub mod cosigning;
pub mod dashboard;
mod erasure;
mod file;
pub mod file_type;
pub mod filing;
mod integrity;
pub mod organization;
pub mod permission;
pub mod review;
pub mod sign_in;
mod staff;
pub mod transparency;
pub mod validation;
pub mod witnessed;
pub mod witnesses;

pub use administration::{AdminError, Administration};
pub use attachment::{AttachmentView, OpenedAttachment, Upload};
pub use case_action::{Acted, CaseAction};
pub use case_reader::ReadRefused;
pub use clear::clear_data;
pub use client::{ClientAction, ClientWhat, client_what, event_id};
pub use clock::{Clock, ManualClock, SystemClock};
pub use complaint::Part;
pub use dashboard::{DashboardAsk, DashboardReport};
pub use file::{
    CaseFile, INTERNAL_KINDS, OpenedField, client_visible, sealed_fields as sealed_fields_of,
};
pub use filing::{ComplaintForm, Filed};
pub use integrity::Verification;
pub use permission::{ClientCan, StaffCan};
pub use recourse_projections::message::Message;
pub use review::OpenReview;
pub use sign_in::{SignInError, SignedIn};
pub use validation::Invalid;
pub use witnessed::Witnessed;

use std::sync::{Arc, RwLock};

use jiff::Timestamp;
use recourse_events::ids::CaseId;
use recourse_events::org::KeyHolder;
use recourse_events::vocabulary::Payload;
use recourse_events::{Envelope, SecretKey, StreamId};
use recourse_projections::actor::{Actor, WEB_INTAKE};
use recourse_projections::case::{Command, Context, decide};
use recourse_projections::framework::Reference;
use recourse_projections::org::OrgCommand;
use recourse_projections::read_model::ReadModel;
use recourse_projections::rule::RuleError;
use tokio::sync::watch;
use uuid::Uuid;

use crate::blob::BlobStore;
use crate::data_dir::{DataDir, DataDirError, random_bytes};
use crate::ledger::{Ledger, LedgerError};
use crate::storage::{Storage, StorageError};
use crate::store::{Appended, EventStore, StoreError};
use crate::vault::{KeyVault, VaultError};

/// A UUID v7 carrying the time `at` (so ids sort with the events they name, also in a demo
/// built in the past); the rest of it is random.
pub fn uuid_at(at: Timestamp) -> Uuid {
    let nanos = at.as_nanosecond();
    let secs = u64::try_from(nanos.div_euclid(1_000_000_000)).unwrap_or(0);
    let sub = u32::try_from(nanos.rem_euclid(1_000_000_000)).unwrap_or(0);
    Uuid::new_v7(uuid::Timestamp::from_unix(uuid::NoContext, secs, sub))
}

/// Runs blocking vault work (synced SQLite writes) off the async worker threads.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f)
        .await
        .expect("vault task panicked")
}

/// Conflicts tolerated before a command gives up.
const MAX_ATTEMPTS: usize = 16;
/// Id of the data key that seals staff names.
pub const STAFF_KEY: &str = "org-staff";

/// Why a command or query failed.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// A rule refused it.
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// Bad input at the edge.
    #[error("{0}")]
    Input(String),
    /// Fields refused by validation, each with why.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Invalid>),
    /// A file larger than the limit, refused before anything is written.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    TooLarge(Vec<Invalid>),
    /// The blob store failed.
    #[error(transparent)]
    Blob(#[from] crate::blob::BlobError),
    /// No such case, code or staff member.
    #[error("{0}")]
    NotFound(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The vault failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// Opening or creating the ledger failed.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// The data folder.
    #[error(transparent)]
    DataDir(#[from] DataDirError),
    /// The vault, blobs, accounts or sessions could not be opened.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The stored data is not what the signed ledger says (the service refuses to start).
    #[error("integrity check failed: {0}")]
    Integrity(String),
    /// Other appenders kept winning.
    #[error("the case is changing too fast; try again")]
    Busy,
}

/// Who acts, and the key that signs for them.
#[derive(Clone)]
pub struct Acting {
    /// The actor the rules see.
    pub actor: Actor,
    /// The signing key (the staff member's, the complainant's, a service's or the ledger's).
    pub key: SecretKey,
}

impl std::fmt::Debug for Acting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Acting({:?}, key {})", self.actor, self.key.key_id())
    }
}

/// The service.
#[derive(Clone)]
pub struct Service {
    ledger: Ledger,
    vault: Arc<dyn KeyVault>,
    blobs: Arc<dyn BlobStore>,
    storage: Storage,
    model: Arc<RwLock<ReadModel>>,
    applied: watch::Receiver<u64>,
    web_intake: SecretKey,
    verification: Arc<RwLock<Verification>>,
    /// The witnesses asked to cosign checkpoints, and where each stands.
    cosigning: Arc<cosigning::Cosigning>,
    clock: Arc<dyn Clock>,
}

impl Service {
    /// Creates a new data folder: keys, ledger, vault, the web intake's key and default settings.
    pub async fn setup(
        dir: &DataDir,
        origin: &str,
        reference: Arc<Reference>,
    ) -> Result<Service, ServiceError> {
        Self::setup_at(dir, origin, reference, Timestamp::now()).await
    }

    /// Like [`setup`](Self::setup), recorded at `at` (the demo builds a past).
    pub async fn setup_at(
        dir: &DataDir,
        origin: &str,
        reference: Arc<Reference>,
        at: Timestamp,
    ) -> Result<Service, ServiceError> {
        let ledger = Ledger::init_at(dir, origin, at).await?;
        let web_intake = SecretKey::from_seed(&random_bytes::<32>());
        let seed = format!("{}\n", hex::encode(web_intake.seed()));
        crate::data_dir::write_secret(&dir.web_intake_key_path(), seed.as_bytes())?;
        let service = Self::start(dir, ledger, reference).await?;
        service.vault.create_key_with_id(STAFF_KEY)?;
        let setup = service.ledger_acting();
        let holder = KeyHolder::Service {
            name: WEB_INTAKE.into(),
        };
        let register = OrgCommand::RegisterKey {
            key: web_intake.public(),
            holder,
        };
        service.org_at(&setup, register, at).await?;
        service
            .org_at(&setup, OrgCommand::ChangeSettings(Box::default()), at)
            .await?;
        Ok(service)
    }

    /// Opens an existing data folder and rebuilds the read model.
    pub async fn open(dir: &DataDir, reference: Arc<Reference>) -> Result<Service, ServiceError> {
        let ledger = Ledger::open(dir).await?;
        Self::start(dir, ledger, reference).await
    }

    async fn start(
        dir: &DataDir,
        ledger: Ledger,
        reference: Arc<Reference>,
    ) -> Result<Service, ServiceError> {
        // The vault, blobs, accounts and sessions live where the store URL says.
        let storage = Storage::open(dir, &dir.store_url()?).await?;
        let (vault, blobs) = (storage.vault(), storage.blobs());
        let web_intake = dir
            .web_intake_key()
            .unwrap_or_else(|_| SecretKey::from_seed(&[0; 32]));
        let store = ledger.store().clone();
        let model = rebuild(store.clone(), ReadModel::new(reference)).await?;
        let (applied_tx, applied) = watch::channel(model.position());
        let model = Arc::new(RwLock::new(model));
        catch_up(&store, &model, &applied_tx).await?;
        let service = Service {
            ledger,
            vault,
            blobs,
            storage,
            model: model.clone(),
            applied,
            web_intake,
            verification: Arc::default(),
            cosigning: Arc::default(),
            clock: Arc::new(SystemClock),
        };
        // Checked before anything follows the store or answers anyone.
        service.check_at_start().await?;
        let swept = service.sweep_blobs().await?;
        if swept > 0 {
            tracing::info!(swept, "removed stored files no ledger entry vouches for");
        }
        tokio::spawn(follow(store, model, applied_tx, service.ledger.clone()));
        crate::memory::release();
        Ok(service)
    }

    /// The service reading the time from `clock` (tests set the time this way).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Service {
        self.clock = clock;
        self
    }

    /// The service's clock (for state that keeps time beside it, such as sessions).
    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    /// The current time, by the service's clock.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// The underlying ledger.
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// The store.
    pub fn store(&self) -> &Arc<dyn EventStore> {
        self.ledger.store()
    }

    /// The witnesses asked to cosign this log's checkpoints, and where each stands.
    pub fn cosigning(&self) -> &Arc<cosigning::Cosigning> {
        &self.cosigning
    }

    /// Starts asking the `command_line` witnesses and those of the settings (as they change)
    /// to cosign each new published checkpoint, in the background (see [`cosigning`]);
    /// appends never wait for them.
    pub fn start_cosigning(&self, command_line: Vec<cosigning::WitnessConfig>) {
        let model = self.model.clone();
        let settings: cosigning::SettingsWitnesses = Box::new(move || {
            let model = model.read().unwrap_or_else(|e| e.into_inner());
            model.org().settings.witnesses.clone()
        });
        self.cosigning.start(
            self.ledger.clone(),
            command_line,
            settings,
            self.applied.clone(),
        );
    }

    /// Where the vault, blobs, accounts and sessions live (accounts and sessions are opened
    /// from it by the web server).
    pub fn storage(&self) -> &Storage {
        &self.storage
    }

    /// The vault.
    pub fn vault(&self) -> &dyn KeyVault {
        self.vault.as_ref()
    }

    /// The log's origin.
    pub fn origin(&self) -> &str {
        &self.ledger.signer().origin
    }

    /// Reads the model.
    pub fn read<T>(&self, f: impl FnOnce(&ReadModel) -> T) -> T {
        f(&self.model.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// The organization acting through its ledger key (set-up, retention, erasure).
    pub fn ledger_acting(&self) -> Acting {
        Acting {
            actor: Actor::Ledger,
            key: self.ledger.signer().key.clone(),
        }
    }

    /// The web form's intake service.
    pub fn web_intake(&self) -> Acting {
        Acting {
            actor: Actor::Service(WEB_INTAKE.into()),
            key: self.web_intake.clone(),
        }
    }

    /// Waits until the model has folded every position below `position`.
    pub async fn wait_applied(&self, position: u64) {
        let mut applied = self.applied.clone();
        let _ = applied.wait_for(|p| *p >= position).await;
    }

    /// Decides and records an administration command, now.
    pub async fn org(&self, who: &Acting, command: OrgCommand) -> Result<Appended, ServiceError> {
        self.org_at(who, command, self.now()).await
    }

    /// Decides and records an administration command at `at`.
    pub async fn org_at(
        &self,
        who: &Acting,
        command: OrgCommand,
        at: Timestamp,
    ) -> Result<Appended, ServiceError> {
        let ledger_key = self.ledger_acting();
        self.record(&StreamId::org(), &ledger_key.key, at, |model| {
            Ok((model.org().seq, model.org().decide(&who.actor, &command)?))
        })
        .await
    }

    /// Decides and records a command on a case, at time `at`.
    pub async fn act(
        &self,
        who: &Acting,
        case: CaseId,
        command: Command,
        at: Timestamp,
    ) -> Result<Appended, ServiceError> {
        self.record(&case.stream(), &who.key, at, |model| {
            let fresh;
            let state = match model.case(&case) {
                Some(c) => c,
                None => {
                    fresh = recourse_projections::case::Case::new(case);
                    &fresh
                }
            };
            let ctx = Context {
                actor: &who.actor,
                org: model.org(),
                reference: model.reference(),
                now: at,
            };
            Ok((state.seq, decide(state, &ctx, &command)?))
        })
        .await
    }

    /// Decide against the model, sign as the stream's next events, append; retry on conflict.
    async fn record(
        &self,
        stream: &StreamId,
        key: &SecretKey,
        at: Timestamp,
        decide: impl Fn(&ReadModel) -> Result<(u64, Vec<Payload>), ServiceError>,
    ) -> Result<Appended, ServiceError> {
        let store = self.store();
        for _ in 0..MAX_ATTEMPTS {
            let (seq, payloads) = self.read(&decide)?;
            let head = store.head(stream).await?;
            if head.next_seq != seq {
                // The model is behind the store: catch up and decide again.
                self.wait_applied(store.size().await?).await;
                continue;
            }
            let mut events = Vec::with_capacity(payloads.len());
            let mut chain = head;
            for p in payloads {
                let envelope = Envelope {
                    id: uuid_at(at),
                    stream: stream.clone(),
                    seq: chain.next_seq,
                    kind: p.kind(),
                    at,
                    actor: key.key_id(),
                    prev: chain.last,
                    data: p.to_data(),
                };
                let event = envelope
                    .sign(key)
                    .map_err(|e| ServiceError::Input(e.to_string()))?;
                chain = chain.advanced(event.leaf_hash());
                events.push(event);
            }
            match self.ledger.append_events(events).await {
                Ok(appended) => {
                    self.wait_applied(appended.positions.end).await;
                    return Ok(appended);
                }
                Err(LedgerError::Store(StoreError::Conflict { .. })) => {
                    self.wait_applied(store.size().await?).await
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(ServiceError::Busy)
    }
}

/// Rebuilds `model` from its position to the end of the store: the store is read ahead on a
/// task while batches are parsed and folded on blocking threads.
pub async fn rebuild(
    store: Arc<dyn EventStore>,
    mut model: ReadModel,
) -> Result<ReadModel, StoreError> {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Vec<(u64, Vec<u8>)>, StoreError>>(2);
    let from = model.position();
    let reader = tokio::spawn(async move {
        let mut position = from;
        loop {
            let batch = match store.read_from(position, 4096).await {
                Ok(b) => b,
                Err(e) => {
                    let _ = tx.send(Err(e)).await;
                    return;
                }
            };
            let Some(last) = batch.last() else { return };
            position = last.position + 1;
            let batch = batch.into_iter().map(|e| (e.position, e.entry)).collect();
            if tx.send(Ok(batch)).await.is_err() {
                return;
            }
        }
    });
    let folded = tokio::task::spawn_blocking(move || {
        let mut failure = None;
        let batches = std::iter::from_fn(|| match rx.blocking_recv()? {
            Ok(b) => Some(b),
            Err(e) => {
                failure = Some(e);
                None
            }
        });
        let result = model
            .fold_batches(batches)
            .map_err(|e| StoreError::Corrupt(e.to_string()));
        match (result, failure) {
            (Err(e), _) | (Ok(()), Some(e)) => Err(e),
            (Ok(()), None) => Ok(model),
        }
    })
    .await
    .map_err(|e| StoreError::Backend(e.to_string()))?;
    reader.abort();
    folded
}

/// Folds everything the store holds beyond the model's position.
async fn catch_up(
    store: &Arc<dyn EventStore>,
    model: &RwLock<ReadModel>,
    applied: &watch::Sender<u64>,
) -> Result<(), StoreError> {
    loop {
        let from = model.read().unwrap_or_else(|e| e.into_inner()).position();
        let batch = store.read_from(from, 8192).await?;
        if batch.is_empty() {
            return Ok(());
        }
        let entries: Vec<(u64, &[u8])> = batch
            .iter()
            .map(|e| (e.position, e.entry.as_slice()))
            .collect();
        let result = model
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .apply_entries(&entries);
        if let Err(e) = result {
            // An entry the model cannot fold is a corrupt ledger: `recourse verify` will say
            // where. Stop folding rather than show a partial picture as complete.
            tracing::error!(error = %e, "read model stopped");
            return Err(StoreError::Corrupt(e.to_string()));
        }
        applied.send_replace(model.read().unwrap_or_else(|e| e.into_inner()).position());
    }
}

/// Follows the store for the life of the process: the read model, and the published
/// checkpoint (which other processes sharing the store move on).
async fn follow(
    store: Arc<dyn EventStore>,
    model: Arc<RwLock<ReadModel>>,
    applied: watch::Sender<u64>,
    ledger: Ledger,
) {
    let mut size = store.watch_size();
    loop {
        if let Err(e) = catch_up(&store, &model, &applied).await {
            tracing::error!(error = %e, "read model follower failed; retrying");
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        } else if let Err(e) = ledger.follow().await {
            tracing::error!(error = %e, "cannot publish the store's latest checkpoint");
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
        tokio::select! {
            changed = size.changed() => if changed.is_err() { return },
            // Other processes sharing the store do not ring this process's bell.
            _ = tokio::time::sleep(std::time::Duration::from_millis(500)) => {}
        }
        if applied.is_closed() {
            return;
        }
    }
}
