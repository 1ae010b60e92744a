//! The log's side of witnessing, as real processes: three `recourse witness serve` and one
//! `recourse serve --witness URL=VKEY ...` taking filings over HTTP. Every witness cosigns the
//! latest checkpoint, `/ledger/checkpoint` serves it with the three cosignatures, `verify
//! --quorum 3` passes; with one witness killed (SIGKILL) filings go on, the two others cosign
//! the newer checkpoints, and `verify --quorum 3` fails naming the missing witness while
//! `--quorum 2` passes; a restarted log catches up with the witnesses' sizes (409, then a
//! consistency proof from there). An exported bundle carries the cosignatures and `verify
//! --bundle --witness` requires them offline (an altered line fails, a bundle without them
//! passes only where no witness is required); `export --cosigned` takes the checkpoint the
//! most witnesses cosigned. A witness that never answers delays no filing and is shown
//! unreachable.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use recourse_events::checkpoint::{Checkpoint, Note, NoteVerifier};
use recourse_events::cosignature::{WitnessVerifier, verify_cosignatures};
use reqwest::StatusCode;

use crate::helpers::{DataFolder, text};

/// Generous: cosigning takes about a second per round (at most every 2 s under load).
const DEADLINE: Duration = Duration::from_secs(60);

/// A running process and what it printed up to "Press Ctrl-C".
pub(crate) struct Process {
    child: Child,
    printed: String,
}

impl Process {
    pub(crate) fn start(mut cmd: Command) -> Process {
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
    pub(crate) fn base(&self) -> String {
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

    pub(crate) fn kill(mut self) {
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

pub(crate) fn recourse() -> Command {
    Command::new(env!("CARGO_BIN_EXE_recourse"))
}

/// `recourse witness init` in a fresh folder: (folder, verifier key).
pub(crate) fn witness_init(name: &str) -> (tempfile::TempDir, PathBuf, String) {
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

/// `recourse witness serve` on a free port for the log of verifier key `log_vkey`.
pub(crate) fn witness_serve(dir: &std::path::Path, log_vkey: &str) -> Process {
    let mut cmd = recourse();
    cmd.args([
        "witness",
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--log",
        log_vkey,
        "--data",
    ])
    .arg(dir);
    Process::start(cmd)
}

pub(crate) fn serve(folder: &DataFolder, extra: &[String]) -> Process {
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

/// A demo ledger made by a first start with `complaints` demo complaints (its sites and
/// programs), and its verifier key, which witnesses are told.
pub(crate) fn demo_log(complaints: usize) -> (DataFolder, String) {
    let folder = DataFolder::empty();
    drop(serve(
        &folder,
        &[
            "--demo".into(),
            "--demo-complaints".into(),
            complaints.to_string(),
        ],
    ));
    let vkey = text(&folder.run(&["checkpoint", "--vkey"]).stdout)
        .trim()
        .to_string();
    (folder, vkey)
}

pub(crate) async fn file_complaints(base: &str, n: usize, from: usize) {
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

pub(crate) async fn healthz(base: &str) -> serde_json::Value {
    let body = reqwest::get(format!("{base}/healthz"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    serde_json::from_str(&body).unwrap()
}

pub(crate) async fn ledger_entries(base: &str) -> u64 {
    let health = healthz(base).await;
    health["ledger_entries"].as_u64().unwrap()
}

/// Polls until the served checkpoint covers every entry and carries `want`'s cosignatures.
pub(crate) async fn wait_cosigned(
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

/// `recourse verify --bundle` with the log's key, requiring `quorum` of `vkeys` (none if empty).
fn verify_bundle(
    bundle: &std::path::Path,
    log_vkey: &str,
    vkeys: &[&str],
    quorum: usize,
) -> std::process::Output {
    let mut cmd = recourse();
    cmd.arg("verify")
        .arg("--bundle")
        .arg(bundle)
        .args(["--vkey", log_vkey]);
    for v in vkeys {
        cmd.args(["--witness", v]);
    }
    if !vkeys.is_empty() {
        cmd.args(["--quorum", &quorum.to_string()]);
    }
    cmd.output().expect("run recourse verify")
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
    let (folder, log_vkey) = demo_log(3);
    let log = NoteVerifier::parse(&log_vkey).unwrap();

    let names = ["witness.test/a", "witness.test/b", "witness.test/c"];
    let dirs: Vec<_> = names.iter().map(|n| witness_init(n)).collect();
    let mut witnesses: Vec<Option<Process>> = dirs
        .iter()
        .map(|(_, path, _)| Some(witness_serve(path, &log_vkey)))
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
    // A bundle exported now carries the three cosignatures, and verifies offline with them;
    // a cosignature line altered in it fails, and without its cosignatures it verifies only
    // where no witness is required.
    let bundles = tempfile::tempdir().unwrap();
    let bundle = bundles.path().join("now.jsonl");
    let out = folder.run(&["export", "--out", bundle.to_str().unwrap()]);
    assert!(out.status.success(), "export: {}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("3 witness cosignature(s)"),
        "{}",
        text(&out.stdout)
    );
    let out = verify_bundle(&bundle, &log_vkey, &vkeys, 3);
    assert!(
        out.status.success(),
        "verify --bundle --quorum 3: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("3 of 3 cosigned"));
    let original = std::fs::read_to_string(&bundle).unwrap();
    let (head, entries) = original.split_once('\n').unwrap();
    let mut header: serde_json::Value = serde_json::from_str(head).unwrap();
    let note = header["checkpoint"].as_str().unwrap().to_string();
    let last = note.trim_end().rsplit('\n').next().unwrap().to_string();
    let (prefix, sig) = last.rsplit_once(' ').unwrap();
    let mut bytes = B64.decode(sig).unwrap();
    bytes[20] ^= 1;
    let altered = note.replace(&last, &format!("{prefix} {}", B64.encode(bytes)));
    header["checkpoint"] = altered.into();
    let tampered = bundles.path().join("tampered.jsonl");
    std::fs::write(&tampered, format!("{header}\n{entries}")).unwrap();
    let out = verify_bundle(&tampered, &log_vkey, &vkeys, 2);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("does not verify"),
        "{}",
        text(&out.stderr)
    );
    let bare_note: String = note
        .split_inclusive('\n')
        .filter(|l| !names.iter().any(|n| l.starts_with(&format!("— {n} "))))
        .collect();
    header["checkpoint"] = bare_note.into();
    let bare = bundles.path().join("bare.jsonl");
    std::fs::write(&bare, format!("{header}\n{entries}")).unwrap();
    let out = verify_bundle(&bare, &log_vkey, &[], 0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = verify_bundle(&bare, &log_vkey, &vkeys, 1);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("only 0 of the 1"));

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
    // `export --cosigned` takes the checkpoint the most witnesses cosigned: the one all three
    // did, older than the latest.
    let cosigned = bundles.path().join("cosigned.jsonl");
    let out = folder.run(&["export", "--cosigned", "--out", cosigned.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "export --cosigned: {}",
        text(&out.stderr)
    );
    let out = verify_bundle(&cosigned, &log_vkey, &vkeys, 3);
    assert!(
        out.status.success(),
        "verify the --cosigned bundle --quorum 3: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains(&format!("checkpoint of {size} entries")),
        "{}",
        text(&out.stdout)
    );

    // The log restarted: it starts from size 0, each live witness answers 409 with the size it
    // cosigned, and the log retries from there with a consistency proof.
    drop(log_server);
    let log_server = serve(&folder, &extra);
    let base = log_server.base();
    file_complaints(&base, 1, 10).await;
    let after_restart = wait_cosigned(&base, &log, &verifiers, &names[..2]).await;
    assert!(after_restart > newer);
    drop(witnesses);
}

/// A "witness" that answers every request 200 with a cosignature line that does not verify:
/// the right name and key id, signed by the witness's own key over another checkpoint.
fn forging_witness(line: String) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            // Read the request head and body (Content-Length), then answer.
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            while let Ok(n) = stream.read(&mut buf) {
                if n == 0 {
                    break;
                }
                request.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&request);
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let len = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length: ")
                                .map(|v| v.trim().parse::<usize>().unwrap())
                        })
                        .unwrap_or(0);
                    if body.len() >= len {
                        break;
                    }
                }
            }
            let answer = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{line}",
                line.len()
            );
            let _ = stream.write_all(answer.as_bytes());
        }
    });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cosignature_that_does_not_verify_is_never_stored_or_served() {
    let (folder, log_vkey) = demo_log(2);
    let log = NoteVerifier::parse(&log_vkey).unwrap();
    let (_tmp, path, vkey) = witness_init("witness.test/forger");
    let key = recourse::witness::WitnessKey::load(&path).unwrap();
    let other = "elsewhere.example/log\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    let line = recourse_events::cosignature::line(
        &recourse_events::cosignature::cosign(&key.name, &key.key, 1_700_000_000, other).unwrap(),
    );
    let url = forging_witness(line);
    let verifier = WitnessVerifier::parse(&vkey).unwrap();
    let log_server = serve(&folder, &["--witness".into(), format!("{url}={vkey}")]);
    let base = log_server.base();
    file_complaints(&base, 1, 0).await;

    // The log asked, and refused the answer.
    let deadline = Instant::now() + DEADLINE;
    let error = loop {
        let health = healthz(&base).await;
        if let Some(e) = health["witnesses"][0]["error"].as_str() {
            break e.to_string();
        }
        assert!(Instant::now() < deadline, "no answer refused: {health}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(error.contains("no valid cosignature"), "{error}");
    let health = healthz(&base).await;
    assert_eq!(health["witnesses"][0]["problem"], "bad_answer", "{health}");
    assert!(
        health["witnesses"][0]["cosigned_size"].is_null(),
        "{health}"
    );
    let (_, names) = served(&base, &log, std::slice::from_ref(&verifier)).await;
    assert!(names.is_empty());
    let stored: i64 = folder
        .sqlite()
        .query_row("SELECT COUNT(*) FROM cosignatures", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 0, "nothing stored");
}

/// A witness that accepts connections and never answers (a black-holed address): the log's
/// request ends at its time limit, the status says the witness cannot be reached, and filing
/// goes on at its usual pace meanwhile.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_witness_that_never_answers_holds_up_no_filing() {
    let (folder, _) = demo_log(2);
    let (_tmp, _path, vkey) = witness_init("witness.test/silent");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        // Held open, never read nor answered.
        let held: Vec<_> = listener.incoming().collect();
        drop(held);
    });
    let log_server = serve(
        &folder,
        &[
            "--witness".into(),
            format!("http://127.0.0.1:{port}={vkey}"),
        ],
    );
    let base = log_server.base();
    let before = ledger_entries(&base).await;
    let started = Instant::now();
    file_complaints(&base, 5, 0).await;
    // A measurement, not an assertion (the request limit is 5 s).
    eprintln!(
        "five filings took {:?} with a silent witness",
        started.elapsed()
    );
    assert!(ledger_entries(&base).await > before);

    let deadline = Instant::now() + DEADLINE;
    let w = loop {
        let health = healthz(&base).await;
        let w = health["witnesses"][0].clone();
        if w["problem"].is_string() {
            break w;
        }
        assert!(Instant::now() < deadline, "no failure shown: {health}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(w["problem"], "unreachable", "{w}");
    assert!(
        w["error"].as_str().unwrap().contains("no answer within"),
        "{w}"
    );
    assert!(w["cosigned_size"].is_null(), "{w}");
    // Filing still goes on while the witness is failing.
    file_complaints(&base, 1, 5).await;
}
