//! `recourse review list|show|recompute`: read framework compliance reviews from a data folder
//! or an export bundle, and recompute a review's figures from the bundle alone.
//!
//! `recompute` is how an auditor or a funder checks a review without the server and without
//! trusting anything but the ledger's public key: it verifies the bundle, folds the entries the
//! review pinned into a fresh read model, checks that they give the pinned root, computes every
//! figure again with the same function the server used when the review was opened
//! ([`evidence::figures`]) and compares them with the recorded ones.
//!
//! Exit status: 0 all figures match; 1 the bundle does not verify, the pinned entries do not
//! give the pinned root, or a figure differs (the first one is named); 2 bad input (no such
//! review, unreadable bundle, the wrong framework file).

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, Subcommand};
use recourse_events::Hash;
use recourse_events::bundle::BundleHeader;
use recourse_events::checkpoint::NoteVerifier;
use recourse_events::review::{Figure, ItemFigures, ReviewId, ReviewOpened};
use recourse_events::vocabulary::Payload;
use recourse_projections::framework::{Reference, ReferenceFile};
use recourse_projections::read_model::{self, ReadModel};
use recourse_projections::review::evidence;
use recourse_projections::review::{FollowUp, Review};
use serde::Serialize;

use super::progress::Progress;
use super::{DataArg, EXIT_VERIFICATION_FAILED};
use crate::verification::{self, VerifyError};

/// Entries folded per batch (as the verifier reads them).
const BATCH: usize = 8192;

/// Arguments of `review`.
#[derive(Debug, Args)]
pub struct ReviewCmd {
    #[command(subcommand)]
    command: ReviewSub,
}

/// What to do with reviews.
#[derive(Debug, Subcommand)]
enum ReviewSub {
    /// One line per review: id, period, scope, status.
    List {
        #[command(flatten)]
        source: Source,
    },
    /// A review: period, scope, pinned checkpoint, each item's figures, rating, rater and
    /// follow-ups.
    Show {
        #[command(flatten)]
        source: Source,
        /// The review's id.
        #[arg(long, value_name = "ID")]
        review: ReviewId,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Verify a bundle, recompute every figure of a review from it and compare them with the
    /// recorded ones (exit 0 all match, 1 a difference, 2 bad input).
    Recompute(Recompute),
}

/// Where the reviews are read from: a data folder (read-only) or a verified bundle.
#[derive(Debug, Args)]
pub(super) struct Source {
    #[command(flatten)]
    data: DataArg,
    /// Read this export bundle instead of the data folder (needs --vkey).
    #[arg(long, value_name = "FILE", requires = "vkey")]
    bundle: Option<PathBuf>,
    /// The ledger's verifier key for --bundle: a file holding it, or the key itself.
    #[arg(long, value_name = "VKEY", requires = "bundle")]
    vkey: Option<String>,
}

/// Arguments of `review recompute`.
#[derive(Debug, Args)]
struct Recompute {
    /// The export bundle.
    #[arg(long, value_name = "FILE")]
    bundle: PathBuf,
    /// The ledger's verifier key: a file holding it, or the key itself (name+id+key).
    #[arg(long, value_name = "VKEY")]
    vkey: String,
    /// The review's id.
    #[arg(long, value_name = "ID")]
    review: ReviewId,
    /// The organization's own framework file, when the review was made under one (default:
    /// the framework shipped with Recourse).
    #[arg(long, value_name = "FILE")]
    framework: Option<PathBuf>,
}

/// A verification failure: printed on stderr, exit status 1. Anything else that stops a
/// command is bad input (status 2, see `main`).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Failed(String);

pub(super) fn failed(message: impl Into<String>) -> anyhow::Error {
    Failed(message.into()).into()
}

impl ReviewCmd {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let result = match self.command {
            ReviewSub::List { source } => list(source).await,
            ReviewSub::Show {
                source,
                review,
                json,
            } => show(source, review, json).await,
            ReviewSub::Recompute(r) => tokio::task::spawn_blocking(move || recompute(&r)).await?,
        };
        report_failure(result)
    }
}

/// A [`Failed`] command printed on stderr with exit status 1; other errors go up (status 2).
pub(super) fn report_failure(result: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
    match result {
        Err(e) => match e.downcast_ref::<Failed>() {
            Some(f) => {
                eprintln!("{f}");
                Ok(ExitCode::from(EXIT_VERIFICATION_FAILED))
            }
            None => Err(e),
        },
        ok => ok,
    }
}

/// Verifies a bundle; a failure is [`Failed`] naming the position and the reason.
pub(super) fn verify(
    bundle: &Path,
    vkey: &NoteVerifier,
    progress: &Progress,
) -> anyhow::Result<()> {
    progress.say(format_args!("verifying {}…", bundle.display()));
    let result = verification::verify_bundle(bundle, vkey);
    progress.clear();
    match result {
        Ok(_) => Ok(()),
        Err(e @ VerifyError::Failed { .. }) => Err(failed(e.to_string())),
        Err(VerifyError::Unreadable(e)) => anyhow::bail!("{e}"),
    }
}

/// The bundle's entry lines, from position 0, after its header.
pub(super) fn entry_lines(
    bundle: &Path,
) -> anyhow::Result<impl Iterator<Item = std::io::Result<Vec<u8>>>> {
    let file =
        std::fs::File::open(bundle).with_context(|| format!("opening {}", bundle.display()))?;
    let mut lines = std::io::BufReader::with_capacity(1 << 20, file).split(b'\n');
    let header = lines
        .next()
        .with_context(|| format!("{} is empty, not a bundle", bundle.display()))??;
    BundleHeader::parse(&header)?;
    Ok(lines)
}

/// Folds the bundle's entries below `end` (all of them with `None`) into a fresh model.
pub(super) fn fold_bundle(
    bundle: &Path,
    end: Option<u64>,
    reference: Arc<Reference>,
    progress: &Progress,
) -> anyhow::Result<ReadModel> {
    let mut lines = entry_lines(bundle)?;
    let end = end.unwrap_or(u64::MAX);
    let mut model = ReadModel::new(reference);
    let mut position = 0u64;
    let mut failure = None;
    let batches = std::iter::from_fn(|| {
        let mut batch = Vec::with_capacity(BATCH);
        while batch.len() < BATCH && position < end {
            match lines.next() {
                Some(Ok(line)) => batch.push((position, line)),
                Some(Err(e)) => {
                    failure = Some(e);
                    return None;
                }
                // The end of the bundle: fold what this batch holds.
                None => break,
            }
            position += 1;
        }
        progress.say(format_args!("folding entries: {position}"));
        (!batch.is_empty()).then_some(batch)
    });
    let folded = model.fold_batches(batches);
    progress.clear();
    if let Some(e) = failure {
        anyhow::bail!("reading {}: {e}", bundle.display());
    }
    // The bundle verified, so an entry the model cannot fold is not the ledger's.
    folded.map_err(|e| failed(format!("the read model cannot fold the bundle: {e}")))?;
    Ok(model)
}

/// Folds the source's whole ledger.
pub(super) async fn fold_source(source: &Source) -> anyhow::Result<ReadModel> {
    let reference = Arc::new(Reference::shipped());
    if let Some(bundle) = &source.bundle {
        let vkey = super::verify::parse_vkey(
            source
                .vkey
                .as_deref()
                .expect("clap requires --vkey with --bundle"),
        )?;
        let bundle = bundle.clone();
        return tokio::task::spawn_blocking(move || {
            let progress = Progress::new();
            verify(&bundle, &vkey, &progress)?;
            fold_bundle(&bundle, None, reference, &progress)
        })
        .await?;
    }
    // A data folder is read as the server reads it at start-up; `recourse verify` checks it.
    let store = super::open_read_only(&source.data).await?;
    Ok(crate::service::rebuild(store.into(), ReadModel::new(reference)).await?)
}

fn scope(opened: &ReviewOpened) -> String {
    match &opened.area {
        Some(area) => format!("area:{area}"),
        None => "framework".into(),
    }
}

async fn list(source: Source) -> anyhow::Result<ExitCode> {
    let model = fold_source(&source).await?;
    let reviews = model.reviews();
    if reviews.is_empty() {
        eprintln!("no framework review in this ledger");
    }
    for r in reviews {
        let Some(opened) = &r.opened else { continue };
        say!(
            "{}\t{}\t{}\t{}",
            r.id,
            opened.period.label(),
            scope(opened),
            r.status.as_str()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A review as `show --json` prints it. Hashes are hex, as the ledger records them.
#[derive(Debug, Serialize)]
struct ReviewView<'a> {
    id: ReviewId,
    period: PeriodView,
    /// The area, or null for the whole framework.
    area: Option<&'a str>,
    status: &'static str,
    framework_version: &'a str,
    framework_sha256: Hash,
    pinned: recourse_events::review::Pinned,
    opened: Option<StepView<'a>>,
    items: Vec<ItemView<'a>>,
    submissions: Vec<StepView<'a>>,
    returns: Vec<StepView<'a>>,
    approved: Option<StepView<'a>>,
}

#[derive(Debug, Serialize)]
struct PeriodView {
    label: String,
    kind: &'static str,
    start: jiff::civil::Date,
    /// The day after its last day.
    end: jiff::civil::Date,
    fiscal_start: i8,
}

#[derive(Debug, Serialize)]
struct StepView<'a> {
    by: recourse_events::ids::StaffId,
    at: jiff::Timestamp,
    #[serde(skip_serializing_if = "str::is_empty")]
    comments: &'a str,
}

#[derive(Debug, Serialize)]
struct ItemView<'a> {
    item: &'a str,
    figures: &'a [Figure],
    rating: Option<RatingView<'a>>,
    follow_ups: Vec<FollowUpView>,
    attestations: Vec<AttestationView<'a>>,
}

#[derive(Debug, Serialize)]
struct RatingView<'a> {
    rating: &'static str,
    reasons: &'a str,
    by: recourse_events::ids::StaffId,
    at: jiff::Timestamp,
    times: u32,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
enum FollowUpView {
    Systemic(recourse_events::review::SystemicId),
    AreaReview(ReviewId),
}

#[derive(Debug, Serialize)]
struct AttestationView<'a> {
    statement: &'a str,
    document: Option<&'a recourse_events::review::Document>,
    by: recourse_events::ids::StaffId,
    at: jiff::Timestamp,
}

fn step(s: &recourse_projections::review::Step) -> StepView<'_> {
    StepView {
        by: s.by,
        at: s.at,
        comments: &s.comments,
    }
}

fn view(review: &Review) -> Option<ReviewView<'_>> {
    let opened = review.opened.as_deref()?;
    let items = opened
        .items
        .iter()
        .map(|i| ItemView {
            item: &i.item,
            figures: &i.figures,
            rating: review.ratings.get(&i.item).map(|r| RatingView {
                rating: r.rating.as_str(),
                reasons: &r.reasons,
                by: r.by,
                at: r.at,
                times: r.times,
            }),
            follow_ups: review
                .follow_ups
                .get(&i.item)
                .into_iter()
                .flatten()
                .map(|f| match f {
                    FollowUp::Systemic(id) => FollowUpView::Systemic(*id),
                    FollowUp::AreaReview(id) => FollowUpView::AreaReview(*id),
                })
                .collect(),
            attestations: review
                .attestations
                .iter()
                .filter(|a| a.item == i.item)
                .map(|a| AttestationView {
                    statement: &a.statement,
                    document: a.document.as_ref(),
                    by: a.by,
                    at: a.at,
                })
                .collect(),
        })
        .collect();
    let p = opened.period;
    Some(ReviewView {
        id: review.id,
        period: PeriodView {
            label: p.label(),
            kind: p.kind.as_str(),
            start: p.start,
            end: p.end(),
            fiscal_start: p.fiscal_start,
        },
        area: opened.area.as_deref(),
        status: review.status.as_str(),
        framework_version: &opened.framework_version,
        framework_sha256: opened.framework_sha256,
        pinned: opened.pinned,
        opened: review.opened_step.as_ref().map(step),
        items,
        submissions: review.submissions.iter().map(step).collect(),
        returns: review.returns.iter().map(step).collect(),
        approved: review.approved.as_ref().map(step),
    })
}

fn figure_text(f: &Figure) -> String {
    match f.of {
        Some(of) => format!("{}/{of}", f.count),
        None => f.count.to_string(),
    }
}

fn print_text(v: &ReviewView) {
    say!("review {}", v.id);
    say!(
        "period {} ({} to {}, {})",
        v.period.label,
        v.period.start,
        v.period
            .end
            .yesterday()
            .map_or_else(|_| v.period.end.to_string(), |d| d.to_string()),
        v.period.kind
    );
    say!(
        "scope {}",
        v.area
            .map_or("the whole framework".into(), |a| format!("area {a}"))
    );
    say!("status {}", v.status);
    if v.framework_sha256 == Hash::default() {
        say!("framework version and SHA-256 not recorded");
    } else {
        say!(
            "framework version {:?}, SHA-256 {}",
            v.framework_version,
            v.framework_sha256
        );
    }
    say!(
        "pinned checkpoint: size {}, root {}",
        v.pinned.size,
        v.pinned.root.to_base64()
    );
    if let Some(o) = &v.opened {
        say!("opened by staff {} at {}", o.by, o.at);
    }
    for item in &v.items {
        say!("item {}", item.item);
        for f in item.figures {
            say!("  {} {}", f.measure, figure_text(f));
        }
        match &item.rating {
            Some(r) => say!(
                "  rated {} by staff {} at {}: {}",
                r.rating,
                r.by,
                r.at,
                r.reasons
            ),
            None => say!("  not rated"),
        }
        for a in &item.attestations {
            say!("  attested by staff {} at {}: {}", a.by, a.at, a.statement);
            if let Some(d) = a.document {
                say!(
                    "    document {} ({}, {} bytes, SHA-256 {})",
                    d.name,
                    d.media_type,
                    d.size,
                    d.sha256
                );
            }
        }
        for f in &item.follow_ups {
            match f {
                FollowUpView::Systemic(id) => say!("  follow-up: systemic action {id}"),
                FollowUpView::AreaReview(id) => say!("  follow-up: area review {id}"),
            }
        }
    }
    for s in &v.submissions {
        say!("submitted by staff {} at {}", s.by, s.at);
    }
    for s in &v.returns {
        say!("returned by staff {} at {}: {}", s.by, s.at, s.comments);
    }
    if let Some(s) = &v.approved {
        say!("approved by staff {} at {}: {}", s.by, s.at, s.comments);
    }
}

async fn show(source: Source, id: ReviewId, json: bool) -> anyhow::Result<ExitCode> {
    let model = fold_source(&source).await?;
    let Some(v) = model.review(&id).and_then(view) else {
        anyhow::bail!("no review {id} in this ledger (`recourse review list` lists them)");
    };
    if json {
        say!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print_text(&v);
    }
    Ok(ExitCode::SUCCESS)
}

/// The entries of `stream` in the bundle whose payload `pick` takes: their positions and what
/// it took, in order.
pub(super) fn find_in_stream<T>(
    bundle: &Path,
    stream: &recourse_events::StreamId,
    mut pick: impl FnMut(Payload) -> Option<T>,
) -> anyhow::Result<Vec<(u64, T)>> {
    // The stream's name as canonical JSON writes it: a cheap filter before parsing a line.
    let needle = format!("\"{}\"", stream.as_str());
    let mut found = Vec::new();
    for (position, line) in entry_lines(bundle)?.enumerate() {
        let line = line.with_context(|| format!("reading {}", bundle.display()))?;
        let position = position as u64;
        if !std::str::from_utf8(&line).is_ok_and(|l| l.contains(&needle)) {
            continue;
        }
        let parsed = read_model::parse(position, &line).map_err(|e| failed(e.to_string()))?;
        if parsed.envelope.stream != *stream {
            continue;
        }
        if let Some(t) = parsed.payload.ok().and_then(&mut pick) {
            found.push((position, t));
        }
    }
    Ok(found)
}

/// Finds the review's `review.opened` in the bundle: its position and payload.
fn find_opened(bundle: &Path, id: ReviewId) -> anyhow::Result<(u64, ReviewOpened)> {
    let mut found = find_in_stream(bundle, &id.stream(), |p| match p {
        Payload::ReviewOpened(opened) => Some(*opened),
        _ => None,
    })?;
    if let [(first, _), (second, _), ..] = found.as_slice() {
        // The rules open a review once; a second opening is not a ledger the server wrote,
        // and which one the figures belong to cannot be told.
        return Err(failed(format!(
            "review {id} is opened twice, at positions {first} and {second}"
        )));
    }
    found.pop().ok_or_else(|| {
        anyhow::anyhow!(
            "no review {id} in {} (`recourse review list --bundle` lists them)",
            bundle.display()
        )
    })
}

/// The framework the review is recomputed under: `file` or the shipped one, which must be the
/// file whose SHA-256 the review recorded.
fn framework(
    file: Option<&Path>,
    opened: &ReviewOpened,
    progress: &Progress,
) -> anyhow::Result<Reference> {
    let (name, text) = match file {
        Some(path) => (
            path.display().to_string(),
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?,
        ),
        None => (
            format!("the shipped {}", ReferenceFile::Framework.file_name()),
            ReferenceFile::Framework.shipped_text().to_owned(),
        ),
    };
    let reference = Reference::parse(
        ReferenceFile::ClientCode.shipped_text(),
        &text,
        ReferenceFile::CoreValues.shipped_text(),
        ReferenceFile::ServiceStreams.shipped_text(),
        ReferenceFile::ExternalBodies.shipped_text(),
    )
    .with_context(|| format!("{name} is not a usable framework file"))?;
    let recorded = opened.framework_sha256;
    if recorded == Hash::default() {
        // Reviews opened before the framework file carried its version record no SHA-256:
        // there is nothing to compare, and the figures are recomputed under `name`.
        progress.clear();
        eprintln!(
            "note: framework not checked: the review recorded no framework SHA-256 (figures recomputed under {name})"
        );
    } else {
        // The SHA-256 of the exact file text, as the review records it.
        let actual = Hash::digest(text.as_bytes());
        if actual != recorded {
            anyhow::bail!(
                "the review was made under the framework file with SHA-256 {recorded} (version {:?}); {name} has SHA-256 {actual}: pass that file with --framework FILE",
                opened.framework_version
            );
        }
    }
    Ok(reference)
}

/// The first difference between the recorded and the recomputed figures, as a sentence.
fn first_difference(recorded: &[ItemFigures], recomputed: &[ItemFigures]) -> Option<String> {
    let shown = |f: Option<&Figure>| f.map_or_else(|| "nothing".into(), figure_text);
    for r in recorded {
        let Some(c) = recomputed.iter().find(|c| c.item == r.item) else {
            return Some(format!(
                "item {}: recorded, but not in the framework's scope for this review",
                r.item
            ));
        };
        for f in &r.figures {
            let again = c.figures.iter().find(|g| g.measure == f.measure);
            if again != Some(f) {
                return Some(format!(
                    "item {}, figure {}: recorded {}, recomputed {}",
                    r.item,
                    f.measure,
                    figure_text(f),
                    shown(again)
                ));
            }
        }
        if let Some(g) = c
            .figures
            .iter()
            .find(|g| !r.figures.iter().any(|f| f.measure == g.measure))
        {
            return Some(format!(
                "item {}, figure {}: recorded nothing, recomputed {}",
                r.item,
                g.measure,
                figure_text(g)
            ));
        }
    }
    recomputed
        .iter()
        .find(|c| !recorded.iter().any(|r| r.item == c.item))
        .map(|c| {
            format!(
                "item {}: in the framework's scope for this review, but not recorded",
                c.item
            )
        })
}

fn recompute(r: &Recompute) -> anyhow::Result<ExitCode> {
    let vkey = super::verify::parse_vkey(&r.vkey)?;
    let progress = Progress::new();
    verify(&r.bundle, &vkey, &progress)?;
    progress.say(format_args!("finding review {}…", r.review));
    let (position, opened) = find_opened(&r.bundle, r.review)?;
    let pinned = opened.pinned;
    if pinned.size > position {
        return Err(failed(format!(
            "review {} at position {position} pins {} entries: figures can only come from entries before it",
            r.review, pinned.size
        )));
    }
    let reference = framework(r.framework.as_deref(), &opened, &progress)?;
    let model = fold_bundle(&r.bundle, Some(pinned.size), Arc::new(reference), &progress)?;
    if model.position() != pinned.size || model.log_root() != pinned.root {
        return Err(failed(format!(
            "the export's first {} entries do not give the pinned root {} (they give {})",
            pinned.size,
            pinned.root.to_base64(),
            model.log_root().to_base64()
        )));
    }
    progress.say(format_args!("recomputing…"));
    let items = crate::service::review::items_in_scope(model.reference(), opened.area.as_deref());
    let recomputed = evidence::figures(&model, opened.period, &items);
    progress.clear();
    if let Some(difference) = first_difference(&opened.items, &recomputed) {
        return Err(failed(difference));
    }
    let figures: usize = opened.items.iter().map(|i| i.figures.len()).sum();
    say!(
        "{figures} figures of {} items match the ledger at size {} (root {})",
        opened.items.len(),
        pinned.size,
        pinned.root.to_base64()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, figures: &[(&str, u64, Option<u64>)]) -> ItemFigures {
        ItemFigures {
            item: id.into(),
            figures: figures
                .iter()
                .map(|(m, count, of)| Figure {
                    measure: (*m).into(),
                    count: *count,
                    of: *of,
                })
                .collect(),
        }
    }

    #[test]
    fn the_first_difference_names_the_item_and_the_figure() {
        let recorded = vec![
            item("a.one", &[("complaints", 3, None)]),
            item("a.two", &[("decided", 2, Some(5)), ("appeals", 1, Some(2))]),
        ];
        assert_eq!(first_difference(&recorded, &recorded.clone()), None);
        let mut again = recorded.clone();
        again[1].figures[0].of = Some(4);
        assert_eq!(
            first_difference(&recorded, &again).as_deref(),
            Some("item a.two, figure decided: recorded 2/5, recomputed 2/4")
        );
        let mut fewer = recorded.clone();
        fewer[1].figures.pop();
        assert_eq!(
            first_difference(&recorded, &fewer).as_deref(),
            Some("item a.two, figure appeals: recorded 1/2, recomputed nothing")
        );
        assert_eq!(
            first_difference(&fewer, &recorded).as_deref(),
            Some("item a.two, figure appeals: recorded nothing, recomputed 1/2")
        );
        assert!(
            first_difference(&recorded[..1], &recorded)
                .is_some_and(|d| d.starts_with("item a.two: in the framework's scope"))
        );
        assert!(
            first_difference(&recorded, &recorded[..1])
                .is_some_and(|d| d.starts_with("item a.two: recorded, but not"))
        );
    }
}
