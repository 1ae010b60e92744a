//! `recourse serve`: the web application. On a folder without a ledger it creates one (keys,
//! vault, settings, a first administrator) and prints where to go and a one-time link for the
//! administrator to choose a password; `--demo` first builds the demo agency, whose staff can
//! sign in with the demo password.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use jiff::Timestamp;
use recourse_events::org::{KeyHolder, Role};
use recourse_projections::framework::Reference;
use recourse_projections::org::OrgCommand;

use super::DataArg;
use crate::accounts::Accounts;
use crate::data_dir::DataDir;
use crate::demo::{self, DemoOptions};
use crate::service::Service;
use crate::web::{self, App, WebConfig};

/// The password of every demo staff account (demo ledgers only).
pub const DEMO_PASSWORD: &str = "recourse-demo-password";

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct Serve {
    #[command(flatten)]
    data: DataArg,
    /// Address to listen on.
    #[arg(
        long,
        env = "RECOURSE_LISTEN",
        default_value = "127.0.0.1:8080",
        value_name = "ADDR"
    )]
    listen: SocketAddr,
    /// Build the demo agency's ledger first (on an empty data folder).
    #[arg(long)]
    demo: bool,
    /// Complaints in the demo.
    #[arg(long, default_value_t = 3000)]
    demo_complaints: usize,
    /// Mark cookies Secure (when served behind HTTPS).
    #[arg(long)]
    secure_cookies: bool,
    /// Rate limits as FILING,LOOKUP,SIGNIN per 10 minutes per address (e.g. 1000000,1000000,1000000 for load tests).
    #[arg(long, value_name = "F,L,S")]
    limits: Option<String>,
}

/// Creates sign-in accounts for the demo's staff, all with [`DEMO_PASSWORD`].
pub fn demo_accounts(accounts: &Accounts, report: &demo::DemoReport) -> anyhow::Result<()> {
    for s in std::iter::once(&report.admin).chain(&report.staff) {
        accounts.create_with_password(&s.login, s.id, &s.acting.key, DEMO_PASSWORD)?;
    }
    Ok(())
}

/// Gives the first administrator a set-up link, replacing their key (a lost link means a lost
/// key: the new key is registered and the old one revoked, by the organization).
async fn admin_link(service: &Service, accounts: &Accounts) -> anyhow::Result<String> {
    let root = service.ledger_acting();
    let admin = service.read(|m| m.org().holders(Role::Admin).into_iter().next());
    let now = Timestamp::now();
    let staff = match admin {
        Some(staff) => staff,
        None => service
            .enroll_staff(&root, "Administrator", "admin", &[Role::Admin])
            .await
            .map(|(id, acting)| {
                let _ = accounts.create_with_setup("admin", id, &acting.key, now);
                id
            })?,
    };
    let login = accounts.login_of(staff)?.unwrap_or_else(|| "admin".into());
    let key = recourse_events::SecretKey::from_seed(&crate::data_dir::random_bytes::<32>());
    service
        .org(
            &root,
            OrgCommand::RegisterKey {
                key: key.public(),
                holder: KeyHolder::Staff {
                    id: staff.to_string(),
                },
            },
        )
        .await?;
    let old: Vec<_> = service.read(|m| {
        m.org()
            .staff
            .get(&staff)
            .map(|s| s.keys.iter().copied().collect())
            .unwrap_or_default()
    });
    for k in old.into_iter().filter(|k| *k != key.key_id()) {
        service
            .org(
                &root,
                OrgCommand::RevokeKey {
                    key: k,
                    reason: "administrator set-up link reissued".into(),
                },
            )
            .await?;
    }
    let token = match accounts.reset(&login, &key, now) {
        Ok(t) => t,
        Err(_) => accounts.create_with_setup(&login, staff, &key, now)?,
    };
    Ok(token.0)
}

fn parse_limits(s: &str) -> anyhow::Result<web::limits::Limits> {
    let n: Vec<u32> = s
        .split(',')
        .map(|p| p.trim().parse())
        .collect::<Result<_, _>>()?;
    anyhow::ensure!(
        n.len() == 3,
        "--limits takes three numbers: FILING,LOOKUP,SIGNIN"
    );
    Ok(web::limits::Limits {
        filing: n[0],
        lookup: n[1],
        sign_in: n[2],
        ..Default::default()
    })
}

impl Serve {
    /// Runs the server until Ctrl-C.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let dir: DataDir = self.data.dir();
        let reference = Arc::new(Reference::shipped());
        let fresh = !dir.is_initialized();
        let mut first_admin_link = None;
        let mut demo_logins: Vec<String> = Vec::new();
        let (service, accounts) = if fresh && self.demo {
            say!(
                "Building the demo agency's ledger ({} complaints)...",
                self.demo_complaints
            );
            let options = DemoOptions {
                complaints: self.demo_complaints,
                ..DemoOptions::default()
            };
            let report = demo::build(&dir, reference, &options).await?;
            let accounts = Accounts::open(&dir.accounts_path())?;
            demo_accounts(&accounts, &report)?;
            demo_logins = std::iter::once(&report.admin)
                .chain(&report.staff)
                .map(|s| {
                    format!(
                        "{} ({})",
                        s.login,
                        s.roles
                            .iter()
                            .map(|r| r.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
                .collect();
            say!(
                "Demo ledger: {} complaints, {} events.",
                report.complaints,
                report.events
            );
            (report.service, accounts)
        } else if fresh {
            let origin = format!(
                "recourse.local/{}",
                hex::encode(crate::data_dir::random_bytes::<4>())
            );
            let service = Service::setup(&dir, &origin, reference).await?;
            let accounts = Accounts::open(&dir.accounts_path())?;
            first_admin_link = Some(admin_link(&service, &accounts).await?);
            (service, accounts)
        } else {
            anyhow::ensure!(
                !self.demo,
                "{} already holds a ledger: --demo needs an empty data folder",
                dir.root().display()
            );
            let service = Service::open(&dir, reference).await?;
            let accounts = Accounts::open(&dir.accounts_path())?;
            // The first set-up link was lost before anyone chose a password: issue a new one
            // (which also replaces the administrator's never-used key).
            let admins = service.read(|m| m.org().holders(Role::Admin));
            let mut signed_in = false;
            for a in &admins {
                signed_in |= accounts.has_password(*a)?;
            }
            if !signed_in {
                first_admin_link = Some(admin_link(&service, &accounts).await?);
            }
            (service, accounts)
        };
        let mut config = WebConfig {
            secure_cookies: self.secure_cookies,
            ..WebConfig::default()
        };
        if let Some(l) = &self.limits {
            config.limits = parse_limits(l)?;
        }
        // Everything `recourse verify` checks, on the running ledger, in the background.
        service.verify_in_background();
        let app = Arc::new(App::new(service, Arc::new(accounts), config)?);
        let listener = tokio::net::TcpListener::bind(self.listen).await?;
        let addr = listener.local_addr()?;
        say!("Recourse is running at http://{addr}/");
        say!("  data folder: {}", dir.root().display());
        if let Some(token) = first_admin_link {
            say!(
                "First sign-in: open http://{addr}/staff/setup/{token} to choose the administrator's password (sign-in name: admin)."
            );
            say!("  This link works once and expires in 7 days.");
        }
        if !demo_logins.is_empty() {
            say!(
                "Demo staff sign in at http://{addr}/staff/login with the password \"{DEMO_PASSWORD}\":"
            );
            say!("  {}", demo_logins.join(", "));
        }
        say!("Press Ctrl-C to stop.");
        web::serve(app, listener, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
        Ok(ExitCode::SUCCESS)
    }
}
