//! `recourse witness`: create and run a C2SP tlog-witness that cosigns logs' checkpoints
//! (see [`crate::witness`]).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Subcommand};
use recourse_events::checkpoint::NoteVerifier;

use crate::witness::server::{self, Limits};
use crate::witness::{Witness, WitnessKey};

/// Arguments of `witness`.
#[derive(Debug, Args)]
pub struct WitnessCmd {
    #[command(subcommand)]
    kind: WitnessKind,
}

/// The witness's data folder.
#[derive(Debug, Clone, Args)]
struct WitnessData {
    /// The witness's data folder (its key and the latest checkpoint cosigned per log).
    #[arg(
        long,
        env = "RECOURSE_WITNESS_DATA",
        default_value = "./recourse-witness",
        value_name = "DIR"
    )]
    data: PathBuf,
}

/// What to do.
#[derive(Debug, Subcommand)]
enum WitnessKind {
    /// Create a witness: its key (0600) in --data, and print its verifier key.
    Init {
        #[command(flatten)]
        data: WitnessData,
        /// The witness's name, a schema-less URL such as witness.umbrella.example/w1.
        #[arg(long, value_name = "NAME")]
        name: String,
    },
    /// Serve POST /add-checkpoint for the logs given with --log.
    Serve {
        #[command(flatten)]
        data: WitnessData,
        /// Address to listen on (port 0: any free port; the address is printed).
        #[arg(
            long,
            env = "RECOURSE_WITNESS_LISTEN",
            default_value = "127.0.0.1:7380",
            value_name = "ADDR"
        )]
        listen: SocketAddr,
        /// A log to witness: its verifier key `origin+<8 hex id>+<base64 key>` (as printed by
        /// `recourse checkpoint --vkey`). Repeat for several logs (or several keys of one).
        #[arg(long = "log", required = true, value_name = "VKEY", value_parser = parse_log)]
        logs: Vec<NoteVerifier>,
        /// Largest request body, in bytes.
        #[arg(long, default_value_t = 64 * 1024, value_name = "BYTES",
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1024..=1 << 20))]
        max_body: usize,
        /// Seconds a client has to send a request's head, and again its body.
        #[arg(long, default_value_t = 10, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=3600))]
        timeout: u64,
    },
}

fn parse_log(s: &str) -> Result<NoteVerifier, String> {
    NoteVerifier::parse(s).map_err(|e| e.to_string())
}

impl WitnessCmd {
    /// Runs the command.
    pub async fn run(self) -> anyhow::Result<ExitCode> {
        match self.kind {
            WitnessKind::Init { data, name } => {
                let key = WitnessKey::create(&data.data, &name)?;
                say!("Created a witness in {}", data.data.display());
                say!("  verifier key: {}", key.verifier());
                say!(
                    "Keep {} secret and backed up with the folder; publish the verifier key.",
                    crate::witness::key::key_path(&data.data).display()
                );
                say!(
                    "Next: ask each agency for its ledger's verifier key (`recourse checkpoint --vkey`), then\n  recourse witness serve --data {} --log 'AGENCY-VERIFIER-KEY' [--log ...]\nand give the agencies your address and the verifier key above.",
                    data.data.display()
                );
                Ok(ExitCode::SUCCESS)
            }
            WitnessKind::Serve {
                data,
                listen,
                logs,
                max_body,
                timeout,
            } => {
                let witness = Arc::new(Witness::open(&data.data, &logs)?);
                let listener = tokio::net::TcpListener::bind(listen).await?;
                let addr = listener.local_addr()?;
                say!("Recourse witness is running at http://{addr}/");
                say!("  verifier key: {}", witness.key().verifier());
                let mut origins: Vec<&str> = logs.iter().map(NoteVerifier::name).collect();
                origins.sort_unstable();
                origins.dedup();
                for o in origins {
                    match witness.latest_size(o).await {
                        Some(size) => say!("  witnessing {o} (cosigned up to size {size})"),
                        None => say!("  witnessing {o} (nothing cosigned yet)"),
                    }
                }
                say!("Press Ctrl-C to stop.");
                let limits = Limits {
                    max_body,
                    header_timeout: std::time::Duration::from_secs(timeout),
                    body_timeout: std::time::Duration::from_secs(timeout),
                    ..Limits::default()
                };
                server::serve(witness, listener, limits, async {
                    let _ = tokio::signal::ctrl_c().await;
                })
                .await;
                Ok(ExitCode::SUCCESS)
            }
        }
    }
}
