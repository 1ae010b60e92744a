//! `recourse report list|recompute`: anyone holding an export lists the published
//! transparency reports and checks one without the server. It verifies the bundle, folds the entries the report pinned
//! (checking they give its root), computes the report of its period again with the same
//! suppression, and compares every line, the review it cites and the systemic actions it
//! lists. Exit 0 when all match, 1 naming the first difference (or the failed verification),
//! 2 for bad input.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Subcommand};
use recourse_events::review::{Cell, ReportId, ReportLine};
use recourse_events::vocabulary::Payload;
use recourse_projections::framework::Reference;

use super::progress::Progress;
use super::review::{Source, failed, find_in_stream, fold_bundle, fold_source, verify};

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportCmd {
    #[command(subcommand)]
    command: ReportSub,
}

#[derive(Debug, Subcommand)]
enum ReportSub {
    /// One line per published report, oldest first: id, period, pinned size, publication
    /// time.
    List {
        #[command(flatten)]
        source: Source,
    },
    /// Verify a bundle, recompute a published transparency report from it and compare it
    /// with what was published (exit 0 all match, 1 a difference, 2 bad input).
    Recompute {
        /// The export bundle.
        #[arg(long, value_name = "FILE")]
        bundle: PathBuf,
        /// The ledger's verifier key: a file holding it, or the key itself.
        #[arg(long, value_name = "VKEY")]
        vkey: String,
        /// The report's id.
        #[arg(long, value_name = "ID")]
        report: ReportId,
    },
}

impl ReportCmd {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let result = match self.command {
            ReportSub::List { source } => list(&source).await,
            ReportSub::Recompute {
                bundle,
                vkey,
                report,
            } => tokio::task::spawn_blocking(move || recompute(&bundle, &vkey, report)).await?,
        };
        super::review::report_failure(result)
    }
}

async fn list(source: &Source) -> anyhow::Result<ExitCode> {
    let model = fold_source(source).await?;
    let mut reports = model.reports();
    if reports.is_empty() {
        eprintln!("no transparency report in this ledger");
    }
    reports.reverse();
    for r in reports {
        say!(
            "{}\t{}\t{}\t{}",
            r.id,
            r.report.period.label(),
            r.report.pinned.size,
            r.at
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Shown(n) => n.to_string(),
        Cell::Suppressed => "suppressed".into(),
    }
}

/// The first line that differs, as a sentence.
fn first_difference(recorded: &[ReportLine], recomputed: &[ReportLine]) -> Option<String> {
    for (i, r) in recorded.iter().enumerate() {
        match recomputed.get(i) {
            Some(c) if c == r => {}
            Some(c) if c.label == r.label => {
                return Some(format!(
                    "line {}: recorded {}, recomputed {}",
                    r.label,
                    cell(&r.cell),
                    cell(&c.cell)
                ));
            }
            Some(c) => {
                return Some(format!(
                    "line {} of the report is {}, recomputed {}",
                    i + 1,
                    r.label,
                    c.label
                ));
            }
            None => return Some(format!("line {}: recorded, not recomputed", r.label)),
        }
    }
    recomputed
        .get(recorded.len())
        .map(|c| format!("line {}: recomputed, not recorded", c.label))
}

fn recompute(bundle: &std::path::Path, vkey: &str, id: ReportId) -> anyhow::Result<ExitCode> {
    let vkey = super::verify::parse_vkey(vkey)?;
    let progress = Progress::new();
    verify(bundle, &vkey, &progress)?;
    let found = find_in_stream(bundle, &id.stream(), |p| match p {
        Payload::ReportPublished(r) => Some(*r),
        _ => None,
    })?;
    let (position, published) = found
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("no report {id} in {}", bundle.display()))?;
    let pinned = published.pinned;
    if pinned.size > position {
        return Err(failed(format!(
            "report {id} at position {position} pins {} entries: it can only come from entries before it",
            pinned.size
        )));
    }
    let model = fold_bundle(
        bundle,
        Some(pinned.size),
        Arc::new(Reference::shipped()),
        &progress,
    )?;
    if model.position() != pinned.size || model.log_root() != pinned.root {
        return Err(failed(format!(
            "the export's first {} entries do not give the pinned root {}",
            pinned.size,
            pinned.root.to_base64()
        )));
    }
    let again = crate::service::transparency::report(&model, published.period);
    if let Some(difference) = first_difference(&published.lines, &again.lines) {
        return Err(failed(difference));
    }
    if again.review != published.review {
        return Err(failed(format!(
            "the report cites review {:?}; the ledger's latest approved review then was {:?}",
            published.review, again.review
        )));
    }
    if again.systemic != published.systemic {
        return Err(failed(
            "the report's systemic actions are not the ones of its period".to_string(),
        ));
    }
    println!(
        "{} lines of report {id} ({}) match the ledger at size {} (root {})",
        published.lines.len(),
        published.period.label(),
        pinned.size,
        pinned.root.to_base64()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(label: &str, n: Option<u64>) -> ReportLine {
        ReportLine {
            label: label.into(),
            cell: n.map_or(Cell::Suppressed, Cell::Shown),
            of: None,
        }
    }

    #[test]
    fn the_first_difference_names_the_line() {
        let a = [line("received", Some(12)), line("outcome:upheld", None)];
        assert_eq!(first_difference(&a, &a), None);
        let b = [line("received", Some(13)), line("outcome:upheld", None)];
        assert_eq!(
            first_difference(&a, &b).unwrap(),
            "line received: recorded 12, recomputed 13"
        );
        assert_eq!(
            first_difference(&a, &a[..1]).unwrap(),
            "line outcome:upheld: recorded, not recomputed"
        );
        assert_eq!(
            first_difference(
                &a,
                &[line("received", Some(12)), line("outcome:upheld", Some(7))]
            )
            .unwrap(),
            "line outcome:upheld: recorded suppressed, recomputed 7"
        );
    }
}
