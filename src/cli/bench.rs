//! `recourse bench`: measured figures for the performance targets in DESIGN.md.
//!
//! - `append`: signed synthetic events, each appended durably through the store's group commit
//!   by many concurrent writers (one stream each), as fast as possible or at a fixed rate;
//!   prints events/s, acknowledge latency percentiles, commits and RSS. With `--ack-log` every
//!   acknowledged event is printed as it is acknowledged (for crash tests).
//! - `verify`: full verification of the data folder, events/s.
//! - `prove`: inclusion proofs at random positions against the current tree, latency.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Args, Subcommand};
use recourse_events::org::{self, KeyHolder, KeyRegistered};
use recourse_events::{Envelope, EventType, SecretKey, StreamId};
use serde_json::json;
use tokio::sync::Mutex;
use uuid::Uuid;

use super::DataArg;
use crate::data_dir::random_bytes;
use crate::ledger::Ledger;
use crate::store::EventStore;
use crate::verification;

/// Arguments of `bench`.
#[derive(Debug, Args)]
pub struct Bench {
    #[command(subcommand)]
    kind: BenchKind,
}

#[derive(Debug, Subcommand)]
enum BenchKind {
    /// Append signed synthetic events durably (initializes the data folder if needed).
    Append(AppendBench),
    /// Verify the whole data folder and report events/s.
    Verify {
        #[command(flatten)]
        data: DataArg,
    },
    /// Rebuild the read model from position 0; time it, a dashboard report and the queue.
    Project {
        #[command(flatten)]
        data: DataArg,
    },
    /// Time inclusion proofs at random positions against the current tree size.
    Prove {
        #[command(flatten)]
        data: DataArg,
        /// Proofs to generate (1 to 10,000,000).
        #[arg(long, default_value_t = 2000,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=10_000_000))]
        samples: usize,
    },
}

/// A rate in events per second: a positive, finite number (checked before it divides anything).
fn positive_rate(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(r) if r.is_finite() && (1e-3..=1e9).contains(&r) => Ok(r),
        _ => Err(format!(
            "{s:?} is not a rate from 0.001 to 1e9 events per second"
        )),
    }
}

#[derive(Debug, Args)]
struct AppendBench {
    #[command(flatten)]
    data: DataArg,
    /// Events to append (up to 100,000,000).
    #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(0..=100_000_000))]
    events: u64,
    /// Concurrent writers, each appending to its own stream (1 to 65,536).
    #[arg(long, default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=65_536))]
    concurrency: u64,
    /// Target rate in events/s across all writers (default: as fast as possible).
    #[arg(long, value_parser = positive_rate)]
    rate: Option<f64>,
    /// Print `<position> <event id>` for each event once acknowledged.
    #[arg(long)]
    ack_log: bool,
}

/// Latency percentiles of a sample, in milliseconds.
fn percentiles(mut samples: Vec<Duration>) -> String {
    if samples.is_empty() {
        return "no samples".into();
    }
    samples.sort_unstable();
    let at = |q: f64| {
        samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)].as_secs_f64() * 1e3
    };
    format!(
        "p50 {:.3} ms, p90 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        at(0.50),
        at(0.90),
        at(0.99),
        at(1.0)
    )
}

/// Resident and peak resident memory of this process, from /proc.
pub fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| "?".into())
    };
    format!("RSS {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}

impl Bench {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        match self.kind {
            BenchKind::Append(a) => a.run().await,
            BenchKind::Verify { data } => {
                let vkey = data.dir().verifier()?;
                let store = super::open_read_only(&data).await?;
                let code = super::verify::report(
                    verification::verify_store(store.into(), &vkey, Default::default()).await,
                );
                say!("memory: {}", memory());
                Ok(code)
            }
            BenchKind::Project { data } => project(&data).await,
            BenchKind::Prove { data, samples } => {
                let store = super::open_read_only(&data).await?;
                let size = store.size().await?;
                anyhow::ensure!(size > 0, "the ledger is empty");
                let mut times = Vec::with_capacity(samples);
                let mut total_hashes = 0;
                for _ in 0..samples {
                    let position = u64::from_le_bytes(random_bytes::<8>()) % size;
                    let t = Instant::now();
                    total_hashes += store.inclusion_proof(position, size).await?.len();
                    times.push(t.elapsed());
                }
                say!(
                    "inclusion proof at tree size {size}: {} ({} proofs, {:.1} hashes each)",
                    percentiles(times),
                    samples,
                    total_hashes as f64 / samples as f64
                );
                Ok(ExitCode::SUCCESS)
            }
        }
    }
}

impl AppendBench {
    async fn run(self) -> anyhow::Result<ExitCode> {
        let dir = self.data.dir();
        let ledger = if dir.is_initialized() {
            Ledger::open(&dir).await?
        } else {
            Ledger::init(&dir, "bench.recourse.local/ledger").await?
        };
        // Events are signed by a registered staff key, as real staff events are.
        let staff = SecretKey::from_seed(&random_bytes::<32>());
        let reg = KeyRegistered {
            key_id: staff.key_id(),
            public_key: staff.public(),
            holder: KeyHolder::Service {
                name: "bench".into(),
            },
            requested_by: None,
        };
        let ledger_key = ledger.signer().key.clone();
        ledger
            .append(
                &ledger_key,
                &StreamId::org(),
                org::KEY_REGISTERED,
                serde_json::to_value(reg)?,
            )
            .await?;

        let writers = self.concurrency.clamp(1, self.events.max(1));
        let per_writer = self.events / writers;
        let extra = self.events % writers;
        let interval = self
            .rate
            .map(|r| Duration::from_secs_f64(writers as f64 / r));
        let kind = EventType::parse("bench.recorded")?;
        let out = Arc::new(Mutex::new(std::io::stdout()));
        let started = Instant::now();
        let mut tasks = Vec::new();
        for w in 0..writers {
            let count = per_writer + u64::from(w < extra);
            let (store, staff, kind, out, ack_log) = (
                ledger.clone(),
                staff.clone(),
                kind.clone(),
                out.clone(),
                self.ack_log,
            );
            tasks.push(tokio::spawn(async move {
                writer(store, staff, kind, count, interval, ack_log.then_some(out)).await
            }));
        }
        let mut latencies = Vec::with_capacity(self.events as usize);
        let mut commits = std::collections::HashSet::new();
        for t in tasks {
            let (l, c) = t.await??;
            latencies.extend(l);
            commits.extend(c);
        }
        let secs = started.elapsed().as_secs_f64();
        if !self.ack_log {
            let n = latencies.len();
            say!(
                "append: {n} events in {secs:.2} s = {:.0} events/s (signed, durable, group commit, {writers} concurrent writers{})",
                n as f64 / secs,
                self.rate
                    .map(|r| format!(", target rate {r:.0}/s"))
                    .unwrap_or_default()
            );
            say!("acknowledge latency: {}", percentiles(latencies));
            say!(
                "commits: {} (avg {:.1} events per fsync)",
                commits.len(),
                n as f64 / commits.len().max(1) as f64
            );
            say!("memory: {}", super::bench::memory());
        }
        Ok(ExitCode::SUCCESS)
    }
}

type AckLog = Arc<Mutex<std::io::Stdout>>;

/// One writer: appends `count` events to a fresh stream, returns latencies and commit sizes.
async fn writer(
    ledger: Ledger,
    key: SecretKey,
    kind: EventType,
    count: u64,
    interval: Option<Duration>,
    ack_log: Option<AckLog>,
) -> anyhow::Result<(Vec<Duration>, Vec<u64>)> {
    let stream = StreamId::case(Uuid::now_v7());
    let mut head = recourse_events::chain::StreamHead::default();
    // Writers start staggered across one interval, so a fixed rate arrives evenly, not in bursts.
    let mut ticker = interval.map(|i| {
        let offset =
            i.mul_f64(f64::from(u32::from_le_bytes(random_bytes::<4>())) / f64::from(u32::MAX));
        let mut t = tokio::time::interval_at(tokio::time::Instant::now() + offset, i);
        t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        t
    });
    let mut latencies = Vec::with_capacity(count as usize);
    let mut commits = Vec::with_capacity(count as usize);
    // A sealed-looking payload of realistic size (~500-byte entries).
    use base64::Engine as _;
    let sealed = base64::engine::general_purpose::STANDARD.encode(random_bytes::<240>());
    for n in 0..count {
        if let Some(t) = ticker.as_mut() {
            t.tick().await;
        }
        let t0 = Instant::now();
        let envelope = Envelope {
            id: Uuid::now_v7(),
            stream: stream.clone(),
            seq: head.next_seq,
            kind: kind.clone(),
            at: jiff::Timestamp::now(),
            actor: key.key_id(),
            prev: head.last,
            data: json!({"n": n, "category": "service-quality", "narrative": {"sealed": sealed, "key": "bench"}})
                .as_object()
                .cloned()
                .unwrap_or_default(),
        };
        let event = envelope.sign(&key)?;
        let (id, leaf) = (event.envelope().id, event.leaf_hash());
        // Through the ledger, as the service appends: durable, and covered by the mark.
        let appended = ledger.append_events(vec![event]).await?;
        latencies.push(t0.elapsed());
        commits.push(appended.tree_size);
        head = head.advanced(leaf);
        if let Some(out) = &ack_log {
            let mut out = out.lock().await;
            writeln!(out, "{} {id}", appended.positions.start)?;
            out.flush()?;
        }
    }
    Ok((latencies, commits))
}

/// Rebuilds the read model from the store, as the server does at start-up, and times the
/// board's dashboard, the work queue, opening a framework review and a transparency report on
/// it.
async fn project(data: &DataArg) -> anyhow::Result<ExitCode> {
    use recourse_projections::dashboard::{Granularity, Query};
    use recourse_projections::queue::{QueueFilter, queue};
    use recourse_projections::read_model::ReadModel;

    let store: std::sync::Arc<dyn EventStore> = super::open_read_only(data).await?.into();
    let started = Instant::now();
    let reference = crate::reference::load(&data.dir())?.reference;
    let empty = ReadModel::new(std::sync::Arc::new(reference));
    let model = crate::service::rebuild(store, empty).await?;
    let secs = started.elapsed().as_secs_f64();
    let n = model.position();
    say!(
        "rebuild: {n} events, {} cases in {secs:.2} s = {:.0} events/s ({} unreadable)",
        model.case_count(),
        n as f64 / secs,
        model.unreadable()
    );
    say!("memory: {}", memory());
    let now = jiff::Timestamp::now();
    let today = model.clocks().local_date(now);
    for (granularity, days) in [
        (Granularity::Month, 730),
        (Granularity::Quarter, 730),
        (Granularity::Year, 730),
    ] {
        let query = Query {
            granularity,
            from: today - jiff::Span::new().days(days),
            to: today,
        };
        let mut times = Vec::new();
        for _ in 0..20 {
            let t = Instant::now();
            std::hint::black_box(model.dashboard(&query, now));
            times.push(t.elapsed());
        }
        say!(
            "dashboard by {granularity:?} over 2 years: {}",
            percentiles(times)
        );
    }
    let mut times = Vec::new();
    let mut rows = 0;
    for _ in 0..20 {
        let t = Instant::now();
        rows = queue(model.cases(), model.clocks(), &QueueFilter::default(), now).len();
        times.push(t.elapsed());
    }
    say!("work queue ({rows} open cases): {}", percentiles(times));
    // Opening a framework review computes every item's figures from the model (the server
    // does it under the model's lock); the transparency report is the same kind of pass.
    use recourse_events::review::{Period, PeriodKind};
    for kind in [PeriodKind::Quarter, PeriodKind::Year] {
        let period = Period::containing(kind, today, 1).previous();
        let ask = crate::service::OpenReview {
            period,
            area: None,
            origin: Default::default(),
        };
        let mut times = Vec::new();
        let mut figures = 0;
        for _ in 0..10 {
            let t = Instant::now();
            let opened = crate::service::review::opening(&model, &ask);
            times.push(t.elapsed());
            figures = opened.items.iter().map(|i| i.figures.len()).sum();
        }
        say!(
            "open a review of {} ({figures} figures): {}",
            period.label(),
            percentiles(times)
        );
        let mut times = Vec::new();
        for _ in 0..10 {
            let t = Instant::now();
            std::hint::black_box(crate::service::transparency::report(&model, period));
            times.push(t.elapsed());
        }
        say!(
            "transparency report of {}: {}",
            period.label(),
            percentiles(times)
        );
    }
    Ok(ExitCode::SUCCESS)
}
