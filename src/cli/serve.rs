//! `recourse serve`: the web application. On a folder without a ledger it creates one (keys,
//! vault, settings, a first administrator) and prints where to go and a one-time link for the
//! administrator to choose a password; `--demo` first builds the demo agency, whose staff can
//! sign in with the demo password.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Args;
use recourse_events::org::Role;
use recourse_projections::framework::Reference;

use super::DataArg;
use crate::accounts::AccountStore;
use crate::data_dir::DataDir;
use crate::demo::{self, DemoOptions};
use crate::service::Service;
use crate::service::administration::{Administration, Enrolment};
use crate::sessions::SessionStore;
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
    /// Complaints in the demo (1 to 1,000,000).
    #[arg(long, default_value_t = 3000,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1_000_000))]
    demo_complaints: usize,
    /// Mark cookies Secure (when served behind HTTPS).
    #[arg(long)]
    secure_cookies: bool,
    /// Rate limits per 10 minutes: FILING,LOOKUP,SIGNIN per address (SIGNIN counts failed
    /// sign-ins), optionally ACCOUNT failed sign-ins per account (e.g. 1000000,1000000,1000000
    /// for load tests).
    #[arg(long, value_name = "F,L,S[,A]")]
    limits: Option<String>,
    /// A reverse proxy whose X-Forwarded-For is believed (an address or CIDR block; repeat the
    /// option, or separate with commas in the variable, for several).
    #[arg(
        long = "trusted-proxy",
        env = "RECOURSE_TRUSTED_PROXY",
        value_delimiter = ',',
        value_name = "ADDR"
    )]
    trusted_proxy: Vec<String>,
    /// The address clients reach this server at, e.g. https://complaints.example.org (the
    /// receipt file and set-up links give it); without it, the request's Host is used.
    #[arg(long, env = "RECOURSE_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// Hours a staff session lasts from sign-in, however busy.
    #[arg(long, default_value_t = 12, value_name = "HOURS", value_parser = clap::value_parser!(u64).range(1..=720))]
    session_hours: u64,
    /// Seconds a client has to send a request's head.
    #[arg(long, default_value_t = 10, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    header_timeout: u64,
    /// Seconds a client has to send a request's body.
    #[arg(long, default_value_t = 30, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    body_timeout: u64,
    /// Seconds a connection may stay idle (keep-alive) before it is closed.
    #[arg(long, default_value_t = 60, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    idle_timeout: u64,
    /// Most connections open at once (lowered, with a warning, to fit `ulimit -n`).
    #[arg(long, default_value_t = 1024, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    max_connections: u64,
    /// A witness to ask for cosignatures of each new checkpoint, as URL=VKEY (its
    /// `http://` address and its verifier key, as `recourse witness init` printed it);
    /// repeat the option for several.
    #[arg(long = "witness", value_name = "URL=VKEY", value_parser = parse_witness)]
    witness: Vec<crate::service::cosigning::WitnessConfig>,
}

fn parse_witness(s: &str) -> Result<crate::service::cosigning::WitnessConfig, String> {
    crate::service::cosigning::WitnessConfig::parse(s)
}

/// Creates sign-in accounts for the demo's staff, all with [`DEMO_PASSWORD`].
pub fn demo_accounts(accounts: &dyn AccountStore, report: &demo::DemoReport) -> anyhow::Result<()> {
    for s in std::iter::once(&report.admin).chain(&report.staff) {
        accounts.create_with_password(&s.login, s.id, &s.acting.key, DEMO_PASSWORD)?;
    }
    Ok(())
}

/// Gives the first administrator a set-up link: enrols them if there is none yet, else
/// resets their credentials (a lost link means a lost key: the new key is registered and the
/// old one revoked, by the organization). One workflow with the administration page's reset.
async fn admin_link(admin: &Administration<'_>) -> anyhow::Result<String> {
    let service = admin.service();
    let root = service.ledger_acting();
    let existing = service.read(|m| m.org().holders(Role::Admin).into_iter().next());
    let link = match existing {
        Some(staff) => {
            admin
                .reset_credentials(&root, staff, "administrator set-up link reissued")
                .await?
        }
        None => {
            let first = Enrolment {
                name: "Administrator".into(),
                login: "admin".into(),
                roles: vec![Role::Admin],
            };
            admin.enrol(&root, &first).await?.link
        }
    };
    Ok(link.token.0)
}

fn parse_limits(s: &str) -> anyhow::Result<web::limits::Limits> {
    let n: Vec<u32> = s
        .split(',')
        .map(|p| p.trim().parse())
        .collect::<Result<_, _>>()?;
    anyhow::ensure!(
        n.len() == 3 || n.len() == 4,
        "--limits takes three or four numbers: FILING,LOOKUP,SIGNIN[,ACCOUNT]"
    );
    let defaults = web::limits::Limits::default();
    Ok(web::limits::Limits {
        filing: n[0],
        lookup: n[1],
        sign_in: n[2],
        sign_in_account: n.get(3).copied().unwrap_or(defaults.sign_in_account),
        ..defaults
    })
}

/// The web configuration of these options (and of `RECOURSE_METRICS_TOKEN`, kept out of the
/// command line, where other users of the machine could read it).
fn web_config(s: &Serve) -> anyhow::Result<WebConfig> {
    let mut trusted = web::limits::Proxies::default();
    for p in &s.trusted_proxy {
        trusted.extend(
            p.parse()
                .map_err(|e| anyhow::anyhow!("--trusted-proxy {e}"))?,
        );
    }
    let mut config = WebConfig {
        secure_cookies: s.secure_cookies,
        trusted_proxies: trusted,
        session_lifetime: std::time::Duration::from_secs(s.session_hours * 3600),
        server: web::server::ServerLimits {
            header_timeout: std::time::Duration::from_secs(s.header_timeout),
            body_timeout: std::time::Duration::from_secs(s.body_timeout),
            idle_timeout: std::time::Duration::from_secs(s.idle_timeout),
            max_connections: s.max_connections as usize,
        },
        metrics_token: std::env::var("RECOURSE_METRICS_TOKEN")
            .ok()
            .filter(|t| !t.trim().is_empty()),
        public_url: s
            .public_url
            .as_deref()
            .map(web::PublicUrl::parse)
            .transpose()
            .map_err(|e| anyhow::anyhow!("--public-url {e}"))?,
        ..WebConfig::default()
    };
    if let Some(l) = &s.limits {
        config.limits = parse_limits(l)?;
    }
    Ok(config)
}

impl Serve {
    /// Runs the server until Ctrl-C.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        let config = web_config(&self)?;
        let dir: DataDir = self.data.dir();
        let fresh = !dir.is_initialized();
        // The demo builds a new folder with the shipped reference documents; any other start
        // uses the folder's own copies where it has them, and stops on one that is refused.
        let reference = if fresh && self.demo {
            Arc::new(Reference::shipped())
        } else {
            Arc::new(crate::reference::load_announced(&dir)?)
        };
        let mut needs_admin_link = false;
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
            let accounts = report.service.storage().accounts()?;
            demo_accounts(accounts.as_ref(), &report)?;
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
            let accounts = service.storage().accounts()?;
            needs_admin_link = true;
            (service, accounts)
        } else {
            anyhow::ensure!(
                !self.demo,
                "{} already holds a ledger: --demo needs an empty data folder",
                dir.root().display()
            );
            let service = Service::open(&dir, reference).await?;
            let accounts = service.storage().accounts()?;
            // The first set-up link was lost before anyone chose a password: issue a new one
            // (which also replaces the administrator's never-used key).
            let admins = service.read(|m| m.org().holders(Role::Admin));
            let mut signed_in = false;
            for a in &admins {
                signed_in |= accounts.has_password(*a)?;
            }
            needs_admin_link = !signed_in;
            (service, accounts)
        };
        // Everything `recourse verify` checks, on the running ledger, in the background.
        service.verify_in_background();
        // Witnesses cosign the published checkpoints, in the background.
        for w in &self.witness {
            say!("  witness: {} at {}", w.verifier.name(), w.url);
        }
        service.start_cosigning(self.witness.clone());
        // Accounts and sessions live where the vault does (the store URL's choice).
        let sessions: Arc<dyn SessionStore> = service
            .storage()
            .sessions(web::session_lifetime(&config), service.clock())?;
        // Sessions that expired while the server was stopped are removed now.
        sessions.cleanup()?;
        let first_admin_link = if needs_admin_link {
            Some(admin_link(&Administration::new(&service, &accounts, &sessions)).await?)
        } else {
            None
        };
        let transient = service.storage().transient();
        let app = Arc::new(
            App::with_sessions(service, accounts, sessions, config)?.with_transient(transient),
        );
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
