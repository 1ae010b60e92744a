//! Running the scripts through the service: the earliest pending step first, with up to
//! [`CONCURRENCY`] steps of *different* cases in flight so that group commit shares each
//! fsync; a case never has two steps in flight. The organization's calendar runs as more
//! lanes beside the cases; its barrier steps (opening a review, a pattern's action) start
//! only when nothing is in flight and every earlier step is done, and run alone, so that what
//! they read from the model is the ledger as it stood at their time. A step refused is a bug
//! in the script: the error names the complaint (or the calendar's lane) and the step.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use recourse_events::ids::{CaseId, StaffId};
use tokio::task::JoinSet;

use super::CONCURRENCY;
use super::command::execute;
use super::reviews::Ids;
use super::step::{Script, Step};
use crate::receipt::ReceiptCode;
use crate::service::{Acting, Service, ServiceError};

/// What every step may use: the service, and the staff by index.
pub(super) struct Shared {
    pub(super) service: Service,
    pub(super) staff: Vec<Acting>,
    pub(super) ids: Vec<StaffId>,
    /// The ids of the calendar's reviews and systemic actions.
    pub(super) org: Mutex<Ids>,
}

/// One case as its steps run: its id and receipt code once filed.
#[derive(Default)]
pub(super) struct CaseRun {
    pub(super) case: Option<CaseId>,
    pub(super) receipt: Option<ReceiptCode>,
}

/// Runs every script: the earliest pending step first, up to [`CONCURRENCY`] cases at once.
pub(super) async fn run(shared: &Arc<Shared>, scripts: Vec<Script>) -> Result<(), ServiceError> {
    let mut pending: Vec<std::vec::IntoIter<(Timestamp, Step)>> =
        scripts.into_iter().map(|s| s.steps.into_iter()).collect();
    let mut runs: Vec<Option<CaseRun>> = (0..pending.len())
        .map(|_| Some(CaseRun::default()))
        .collect();
    let mut done = vec![0usize; pending.len()];
    let mut next: Vec<Option<(Timestamp, Step)>> = pending.iter_mut().map(|p| p.next()).collect();
    let mut queue: BinaryHeap<Reverse<(Timestamp, usize)>> = next
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.as_ref().map(|s| Reverse((s.0, i))))
        .collect();
    let mut in_flight = JoinSet::new();
    // A barrier step is in flight: start nothing else.
    let mut alone = false;
    loop {
        while in_flight.len() < CONCURRENCY && !alone {
            let Some(&Reverse((_, i))) = queue.peek() else {
                break;
            };
            let barrier = next[i].as_ref().is_some_and(|(_, s)| s.is_barrier());
            if barrier && !in_flight.is_empty() {
                // Wait for what is in flight; the steps it queues that come earlier go first.
                break;
            }
            queue.pop();
            alone = barrier;
            // A case is queued once, with its next step, and taken out while that step runs.
            let (Some((at, step)), Some(mut run)) = (next[i].take(), runs[i].take()) else {
                return Err(ServiceError::Input(format!(
                    "demo lane {i}: queued without a step ready"
                )));
            };
            let shared = shared.clone();
            let k = done[i];
            in_flight.spawn(async move {
                let result = execute(&shared, &mut run, at, &step).await.map_err(|e| {
                    let lane = if matches!(step, Step::Org(_)) {
                        "the demo's review calendar".into()
                    } else {
                        let case = run.case.map_or("not filed".into(), |c| c.to_string());
                        format!("complaint (case {case})")
                    };
                    ServiceError::Input(format!(
                        "demo lane {i}, {lane}, step {k} ({}) at {at}: {e}",
                        step.name()
                    ))
                });
                (i, run, result)
            });
        }
        let Some(joined) = in_flight.join_next().await else {
            return Ok(());
        };
        // Whatever finished, a barrier step ran alone: it is done.
        alone = false;
        let (i, run, result) =
            joined.map_err(|e| ServiceError::Input(format!("a demo step failed: {e}")))?;
        result?;
        runs[i] = Some(run);
        done[i] += 1;
        next[i] = pending[i].next();
        if let Some((at, _)) = &next[i] {
            queue.push(Reverse((*at, i)));
        }
    }
}
