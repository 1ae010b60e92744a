//! The log's side of witnessing, as real processes: three `recourse witness serve` and one
//! `recourse serve --witness URL=VKEY ...` taking filings over HTTP. Every witness cosigns the
//! latest checkpoint, `/ledger/checkpoint` serves it with the three cosignatures, `verify
//! --quorum 3` passes; with one witness killed (SIGKILL) filings go on, the two others cosign
//! the newer checkpoints, and `verify --quorum 3` fails naming the missing witness while
//! `--quorum 2` passes.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use recourse_events::checkpoint::{Checkpoint, Note, NoteVerifier};
use recourse_events::cosignature::{WitnessVerifier, verify_cosignatures};
use reqwest::StatusCode;

use crate::helpers::{DataFolder, text};

/// Generous: cosigning takes about a second per round (at most every 2 s under load).
const DEADLINE: Duration = Duration::from_secs(60);

/// A running process and what it printed up to "Press Ctrl-C".
struct Process {
    child: Child,
    printed: String,
}

impl Process {
    fn start(mut cmd: Command) -> Process {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the process starts");
        let mut printed = String::new();
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        for line in lines.by_ref() {
            let line = line.expect("a line");
            printed.push_str(&line);
            printed.push('\n');
            if line.contains("Press Ctrl-C") {
                break;
            }
        }
        std::thread::spawn(move || lines.for_each(drop));
        assert!(printed.contains("Press Ctrl-C"), "printed: {printed}");
        Process { child, printed }
    }

    /// `http://host:port`, as printed.
    fn base(&self) -> String {
        let at = self
            .printed
            .find("running at http://")
            .expect("the address")
            + 11;
        self.printed[at..]
            .split_whitespace()
            .next()
            .unwrap()
            .trim_end_matches('/')
            .to_string()
    }

    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reaped");
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn recourse() -> Command {
    Command::new(env!("CARGO_BIN_EXE_recourse"))
}

/// `recourse witness init` in a fresh folder: (folder, verifier key).
fn witness_init(name: &str) -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("witness");
    let out = recourse()
        .args(["witness", "init", "--name", name, "--data"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "witness init: {}", text(&out.stderr));
    let vkey = text(&out.stdout)
        .lines()
        .find_map(|l| l.trim().strip_prefix("verifier key: ").map(str::to_string))
        .expect("the verifier key is printed");
    (tmp, path, vkey)
}

fn serve(folder: &DataFolder, extra: &[String]) -> Process {
    let mut cmd = recourse();
    cmd.args([
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--limits",
        "100000,100000,100000",
    ])
    .args(extra)
    .arg("--data")
    .arg(&folder.path);
    Process::start(cmd)
}

async fn file_complaints(base: &str, n: usize, from: usize) {
    let client = crate::web_helpers::Browser::at(base);
    for i in from..from + n {
        let r = crate::api::post(
            &client,
            "/complaints",
            crate::api::complaint(&format!("Filing {i} went unanswered.")),
        )
        .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    }
}

/// The served checkpoint, its size, and the trusted witnesses whose cosignature it carries.
async fn served(
    base: &str,
    log: &NoteVerifier,
    witnesses: &[WitnessVerifier],
) -> (u64, Vec<String>) {
    let note = reqwest::get(format!("{base}/ledger/checkpoint"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let (checkpoint, parsed) = Checkpoint::open(&note, log).expect("the log's signature verifies");
    assert!(Note::parse(&note).is_ok());
    let cosigned = verify_cosignatures(&parsed, witnesses).expect("every served line verifies");
    let mut names: Vec<String> = cosigned
        .iter()
        .map(|c| c.witness.name().to_string())
        .collect();
    names.sort();
    (checkpoint.size, names)
}

async fn healthz(base: &str) -> serde_json::Value {
    let body = reqwest::get(format!("{base}/healthz"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    serde_json::from_str(&body).unwrap()
}

async fn ledger_entries(base: &str) -> u64 {
    let health = healthz(base).await;
    health["ledger_entries"].as_u64().unwrap()
}

/// Polls until the served checkpoint covers every entry and carries `want`'s cosignatures.
async fn wait_cosigned(
    base: &str,
    log: &NoteVerifier,
    witnesses: &[WitnessVerifier],
    want: &[&str],
) -> u64 {
    let deadline = Instant::now() + DEADLINE;
    loop {
        let entries = ledger_entries(base).await;
        let (size, names) = served(base, log, witnesses).await;
        if size == entries && names == want {
            return size;
        }
        if Instant::now() > deadline {
            let health = healthz(base).await;
            panic!(
                "after {DEADLINE:?}: checkpoint of {size} of {entries} entries cosigned by {names:?}, want {want:?}; /healthz: {health}"
            );
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn verify(folder: &DataFolder, vkeys: &[&str], quorum: usize) -> std::process::Output {
    let mut args = vec!["verify".to_string()];
    for v in vkeys {
        args.push("--witness".into());
        args.push((*v).into());
    }
    args.push("--quorum".into());
    args.push(quorum.to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    folder.run(&args)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_witnesses_cosign_a_served_log_and_verify_requires_the_quorum() {
    // A ledger made by a first start (the demo agency: its sites and programs); its verifier
    // key is what the witnesses are told.
    let folder = DataFolder::empty();
    drop(serve(
        &folder,
        &["--demo".into(), "--demo-complaints".into(), "3".into()],
    ));
    let log_vkey = text(&folder.run(&["checkpoint", "--vkey"]).stdout)
        .trim()
        .to_string();
    let log = NoteVerifier::parse(&log_vkey).unwrap();

    let names = ["witness.test/a", "witness.test/b", "witness.test/c"];
    let dirs: Vec<_> = names.iter().map(|n| witness_init(n)).collect();
    let mut witnesses: Vec<Option<Process>> = dirs
        .iter()
        .map(|(_, path, _)| {
            let mut cmd = recourse();
            cmd.args([
                "witness",
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--log",
                &log_vkey,
                "--data",
            ])
            .arg(path);
            Some(Process::start(cmd))
        })
        .collect();
    let vkeys: Vec<&str> = dirs.iter().map(|(_, _, v)| v.as_str()).collect();
    let verifiers: Vec<WitnessVerifier> = vkeys
        .iter()
        .map(|v| WitnessVerifier::parse(v).unwrap())
        .collect();
    let mut extra = Vec::new();
    for (w, vkey) in witnesses.iter().zip(&vkeys) {
        extra.push("--witness".to_string());
        extra.push(format!("{}={vkey}", w.as_ref().unwrap().base()));
    }
    let log_server = serve(&folder, &extra);
    let base = log_server.base();
    for n in names {
        assert!(log_server.printed.contains(n), "{}", log_server.printed);
    }

    // Filings over HTTP; every witness cosigns the latest checkpoint.
    file_complaints(&base, 6, 0).await;
    let filed = Instant::now();
    let size = wait_cosigned(&base, &log, &verifiers, &names).await;
    // A measurement, not an assertion.
    eprintln!(
        "three witnesses cosigned the checkpoint of {size} entries {:?} after the last filing",
        filed.elapsed()
    );
    let health = healthz(&base).await;
    let shown = health["witnesses"]
        .as_array()
        .expect("witnesses on /healthz");
    assert_eq!(shown.len(), 3);
    for (w, name) in shown.iter().zip(names) {
        assert_eq!(w["name"], name);
        assert_eq!(w["cosigned_size"].as_u64(), Some(size), "{w}");
        assert!(
            w["cosigned_at"].as_str().is_some_and(|t| t.ends_with('Z')),
            "{w}"
        );
    }
    let out = verify(&folder, &vkeys, 3);
    assert!(
        out.status.success(),
        "verify --quorum 3: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("3 of 3 cosigned"),
        "{}",
        text(&out.stdout)
    );

    // One witness killed: filings go on, the two others cosign the newer checkpoints.
    witnesses[2].take().unwrap().kill();
    file_complaints(&base, 4, 6).await;
    let newer = wait_cosigned(&base, &log, &verifiers, &names[..2]).await;
    assert!(newer > size);
    let out = verify(&folder, &vkeys, 3);
    assert_eq!(
        out.status.code(),
        Some(1),
        "verify --quorum 3 with a witness down: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let err = text(&out.stderr);
    assert!(err.contains("missing: witness.test/c"), "{err}");
    let out = verify(&folder, &vkeys, 2);
    assert!(
        out.status.success(),
        "verify --quorum 2: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    // The dead witness is shown behind, with why.
    let health = healthz(&base).await;
    let c = &health["witnesses"][2];
    assert_eq!(c["cosigned_size"].as_u64(), Some(size), "{c}");
    drop(witnesses);
}
