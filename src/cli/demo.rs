//! `recourse demo`: build a synthetic agency's ledger (two years of complaints through the
//! same commands real users issue) in a new data folder, and print what it holds.

use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use recourse_projections::framework::Reference;

use super::{DataArg, EXIT_USAGE};
use crate::demo::{self, DemoOptions};

/// Arguments of `demo`.
#[derive(Debug, Args)]
pub struct Demo {
    #[command(flatten)]
    data: DataArg,
    /// Complaints to file (1 to 1,000,000).
    #[arg(long, value_name = "N", default_value_t = 3000,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1_000_000))]
    complaints: usize,
    /// Seed of the choices (the same seed and day give the same figures).
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Days of history before today (at least 30).
    #[arg(long, value_name = "D", default_value_t = 730, value_parser = clap::value_parser!(i64).range(30..=3650))]
    days: i64,
}

fn list<K: std::fmt::Display>(items: impl IntoIterator<Item = (K, usize)>) -> String {
    let parts: Vec<String> = items.into_iter().map(|(k, n)| format!("{k} {n}")).collect();
    if parts.is_empty() {
        "none".into()
    } else {
        parts.join(", ")
    }
}

impl Demo {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let dir = self.data.dir();
        if dir.is_initialized() {
            eprintln!(
                "error: {} already holds a ledger; the demo builds a new one: give it an empty folder",
                dir.root().display()
            );
            return Ok(ExitCode::from(EXIT_USAGE));
        }
        let options = DemoOptions {
            complaints: self.complaints,
            seed: self.seed,
            days: self.days,
            now: None,
        };
        let report = demo::build(&dir, Arc::new(Reference::shipped()), &options).await?;
        let accounts = report.service.storage().accounts()?;
        super::serve::demo_accounts(accounts.as_ref(), &report)?;
        let c = &report.counts;
        let secs = report.elapsed.as_secs_f64();
        say!(
            "Built a demo ledger for {} in {}",
            demo::AGENCY,
            dir.root().display()
        );
        say!("  origin:        {}", report.service.origin());
        say!(
            "  period:        {} to {} ({} days)",
            report.started.strftime("%Y-%m-%d"),
            report.now.strftime("%Y-%m-%d"),
            self.days
        );
        say!("  complaints:    {}", report.complaints);
        say!("  events:        {}", report.events);
        say!(
            "  elapsed:       {secs:.1} s ({:.0} events/s)",
            report.events as f64 / secs.max(1e-9)
        );
        say!(
            "  status:        {}",
            list(c.by_status.iter().map(|(s, n)| (s.as_str(), *n)))
        );
        say!(
            "  channels:      {}",
            list(c.by_channel.iter().map(|(k, n)| (k.as_str(), *n)))
        );
        say!(
            "  languages:     {}",
            list(c.by_language.iter().map(|(k, n)| (k, *n)))
        );
        say!(
            "  outcomes:      {}",
            list(c.outcomes.iter().map(|(k, n)| (k.as_str(), *n)))
        );
        say!(
            "  decided {}, withdrawn {}, appeals {}, recusals {}, reopened {}",
            c.decided,
            c.withdrawn,
            c.appeals,
            c.recusals,
            c.reopened
        );
        say!(
            "  corrective actions: {} opened, {} verified, {} waived, {} outstanding ({} overdue)",
            c.actions,
            c.actions_verified,
            c.actions_waived,
            c.actions_outstanding,
            c.actions_overdue
        );
        say!(
            "  satisfaction answers {}; anonymous {} ({} came back); interpreters {}",
            c.satisfaction,
            c.anonymous,
            c.anonymous_returned,
            c.interpreters
        );
        say!(
            "  file openings {} ({} by outsiders)",
            c.views,
            c.outsider_views
        );
        say!(
            "  erased:        {} ({} at the client's request, {} at the end of retention)",
            c.erased(),
            c.erased_on_request,
            c.erased_by_retention
        );
        say!(
            "  reviews:       {} ({} approved, {} submitted, {} open; {} returned once, {} of one area)",
            c.reviews,
            c.reviews_approved,
            c.reviews_submitted,
            c.reviews_open,
            c.reviews_returned,
            c.area_reviews
        );
        say!(
            "  systemic actions: {} opened, {} verified, {} done awaiting verification, {} open ({} overdue); {} from a pattern of complaints",
            c.systemic,
            c.systemic_verified,
            c.systemic_completed,
            c.systemic_open,
            c.systemic_overdue,
            c.systemic_from_cases
        );
        say!("  transparency reports published: {}", c.reports);
        say!(
            "Staff (sign in with `recourse serve` and the password \"{}\"; signing keys are not shown):",
            super::serve::DEMO_PASSWORD
        );
        for s in std::iter::once(&report.admin).chain(&report.staff) {
            let roles: Vec<&str> = s.roles.iter().map(|r| r.as_str()).collect();
            say!("  {:<20} {:<12} {}", s.name, s.login, roles.join(", "));
        }
        Ok(ExitCode::SUCCESS)
    }
}
