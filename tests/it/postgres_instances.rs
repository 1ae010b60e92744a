//! Several Recourse processes on one PostgreSQL database, as an umbrella body or an agency with
//! a standby runs them: each with its own data folder (a copy of the same keys), all appending.
//! Processes are killed with SIGKILL mid-append; what each one acknowledged is kept, the others
//! go on, and the ledger verifies from every folder with one checkpoint.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use recourse_events::Event;

use crate::helpers::{DataFolder, ServeProcess, text};
use crate::web_helpers::copy_folder;

/// A data folder initialized on a fresh PostgreSQL database, and `n - 1` copies of it (the
/// other instances' folders), or `None` where PostgreSQL cannot run here.
pub fn folders_on_one_database(n: usize) -> Option<(String, Vec<DataFolder>)> {
    let url = crate::pg::fresh_url()?;
    let first = DataFolder::empty();
    let out = first.run(&[
        "init",
        "--origin",
        "umbrella.example/ledger",
        "--store",
        &url,
    ]);
    assert!(out.status.success(), "init failed: {}", text(&out.stderr));
    // The folder records where its store is: later commands need only --data.
    assert!(
        std::fs::read_to_string(first.path.join("store.url"))
            .unwrap()
            .contains(&url)
    );
    assert!(!first.db().exists(), "an embedded database was made too");
    let mut folders = vec![first];
    for _ in 1..n {
        let copy = DataFolder::empty();
        copy_folder(&folders[0].path, &copy.path);
        folders.push(copy);
    }
    Some((url, folders))
}

/// `recourse bench append --ack-log` on `folder`, its acknowledgements read on a thread.
fn appender(folder: &DataFolder) -> (Child, mpsc::Receiver<(u64, String)>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recourse"))
        .args([
            "bench",
            "append",
            "--events",
            "10000000",
            "--concurrency",
            "16",
            "--ack-log",
            "--data",
        ])
        .arg(&folder.path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            let (position, id) = line.split_once(' ').expect("ack line: <position> <id>");
            if tx
                .send((position.parse().unwrap(), id.to_string()))
                .is_err()
            {
                return;
            }
        }
    });
    (child, rx)
}

/// Waits until `rx` has given at least `n` more acknowledgements (or panics after a minute).
fn take_acks(rx: &mpsc::Receiver<(u64, String)>, n: usize, into: &mut Vec<(u64, String)>) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let start = into.len();
    while into.len() < start + n {
        match rx.recv_timeout(Duration::from_millis(50)) {
            Ok(ack) => into.push(ack),
            Err(mpsc::RecvTimeoutError::Timeout) if Instant::now() < deadline => {}
            Err(e) => panic!("only {} acknowledgements: {e}", into.len() - start),
        }
    }
}

fn drain(rx: &mpsc::Receiver<(u64, String)>, into: &mut Vec<(u64, String)>) {
    while let Ok(ack) = rx.recv_timeout(Duration::from_millis(300)) {
        into.push(ack);
    }
}

#[test]
fn three_appenders_on_one_database_survive_one_killed_mid_append() {
    let Some((url, folders)) = folders_on_one_database(3) else {
        return;
    };
    let mut acked = Vec::new();
    let mut children: Vec<_> = folders.iter().map(appender).collect();
    for (_, rx) in &children {
        take_acks(rx, 200, &mut acked);
    }
    // Kill the first mid-append; the other two must go on appending.
    let (mut victim, victim_rx) = children.remove(0);
    victim.kill().unwrap(); // SIGKILL
    victim.wait().unwrap();
    drain(&victim_rx, &mut acked);
    for (_, rx) in &children {
        take_acks(rx, 300, &mut acked);
    }
    for (child, rx) in &mut children {
        child.kill().unwrap();
        child.wait().unwrap();
        drain(rx, &mut acked);
    }
    // Every acknowledged event is in the database at the position it was given, once.
    let positions: Vec<i64> = acked.iter().map(|(p, _)| *p as i64).collect();
    let server = crate::pg::server().unwrap();
    let rows = server
        .on(&url, move |c| {
            c.query(
                "SELECT position, entry FROM entries WHERE position = ANY($1)",
                &[&positions],
            )
        })
        .unwrap();
    let stored: std::collections::HashMap<u64, Vec<u8>> = rows
        .iter()
        .map(|r| (r.get::<_, i64>(0) as u64, r.get::<_, Vec<u8>>(1)))
        .collect();
    for (position, id) in &acked {
        let entry = stored
            .get(position)
            .unwrap_or_else(|| panic!("acknowledged position {position} is missing"));
        let event = Event::from_entry(entry).unwrap();
        assert_eq!(&event.envelope().id.to_string(), id, "position {position}");
    }
    let mut ids: Vec<&String> = acked.iter().map(|(_, id)| id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), acked.len(), "an event was acknowledged twice");
    // The ledger verifies from every folder, and each one's checkpoint is the same.
    let mut checkpoints = Vec::new();
    for f in &folders {
        let out = f.run(&["verify"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "verify failed: {} {}",
            text(&out.stdout),
            text(&out.stderr)
        );
        let out = f.run(&["checkpoint"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        checkpoints.push(text(&out.stdout));
    }
    assert!(
        checkpoints.windows(2).all(|w| w[0] == w[1]),
        "{checkpoints:?}"
    );
    // The killed one's folder starts again and appends on top.
    let (mut again, rx) = appender(&folders[0]);
    take_acks(&rx, 50, &mut acked);
    again.kill().unwrap();
    again.wait().unwrap();
}

/// Runs `sql` on the test database at `url`.
fn tamper(url: &str, sql: &str) {
    let sql = sql.to_string();
    crate::pg::server()
        .unwrap()
        .on(url, move |c| c.batch_execute(&sql))
        .unwrap();
}

/// The same tampering the embedded store's tests make, on the PostgreSQL store: `verify`
/// names the position and exits 1, and a server refuses to start on it (exit 1), from any
/// instance's folder.
#[test]
fn tampering_with_the_postgres_database_is_caught() {
    let Some((url, folders)) = folders_on_one_database(2) else {
        return;
    };
    let (a, b) = (&folders[0], &folders[1]);
    let out = a.run(&["bench", "append", "--events", "600", "--concurrency", "16"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for f in [a, b] {
        let out = f.run(&["verify"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    // One byte of entry 250 changed (inside its JSON, so it still parses).
    tamper(
        &url,
        "UPDATE entries SET entry = overlay(entry placing '\\x30'::bytea from length(entry) - 70 for 1) WHERE position = 250",
    );
    let out = b.run(&["verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("at position 250:"),
        "{}",
        text(&out.stderr)
    );
    let out = b.run(&["serve", "--listen", "127.0.0.1:0"]);
    let err = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "serve started on a tampered store: {err}"
    );
    assert!(err.contains("entry 250"), "{err}");
}

/// The latest checkpoint deleted (a rollback of the signed head): the writer refuses to sign
/// on top, and `verify` fails.
#[test]
fn a_deleted_latest_checkpoint_on_postgres_is_caught() {
    let Some((url, folders)) = folders_on_one_database(1) else {
        return;
    };
    let a = &folders[0];
    let out = a.run(&["bench", "append", "--events", "300", "--concurrency", "8"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    tamper(
        &url,
        "DELETE FROM checkpoints WHERE size = (SELECT max(size) FROM checkpoints)",
    );
    let out = a.run(&["bench", "append", "--events", "10", "--concurrency", "1"]);
    assert!(
        !out.status.success(),
        "appended on a rolled-back checkpoint"
    );
    let out = a.run(&["verify"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{} {}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// `verify` pointed at a database that holds no ledger changes nothing in it.
#[test]
fn reading_a_database_without_a_ledger_creates_nothing() {
    let Some(url) = crate::pg::fresh_url() else {
        return;
    };
    let d = DataFolder::with_events(0);
    let out = d.run(&["verify", "--store", &url]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains("no Recourse ledger"),
        "{}",
        text(&out.stderr)
    );
    let tables: i64 = crate::pg::server()
        .unwrap()
        .on(&url, |c| {
            Ok(c.query_one(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
                &[],
            )?
            .get(0))
        })
        .unwrap();
    assert_eq!(tables, 0);
}

/// Rate limits high enough for many filings from one address.
const LIMITS: &str = "100000,100000,100000";

async fn checkpoint_of(base: &str) -> String {
    reqwest::get(format!("{base}/ledger/checkpoint"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Three server processes on one database take filings from clients and a chair's actions at
/// once: a client files on any of them and follows the case on another; the chair signs in on
/// one and works, with the same session, on the others; every case filed on one is acted on
/// from another as soon as it has followed. Afterwards nothing is lost or duplicated, `verify`
/// passes from each folder, and all three serve the same checkpoint.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_servers_on_one_database_take_filings_and_staff_actions() {
    use crate::api::{Reply, call, complaint, post};
    use reqwest::{Method, StatusCode};
    use serde_json::json;

    let Some(url) = crate::pg::fresh_url() else {
        return;
    };
    let first = DataFolder::empty();
    let s1 = ServeProcess::start(
        &first,
        &[
            "--store",
            &url,
            "--demo",
            "--demo-complaints",
            "12",
            "--limits",
            LIMITS,
        ],
    );
    let mut folders = vec![first];
    for _ in 0..2 {
        let copy = DataFolder::empty();
        copy_folder(&folders[0].path, &copy.path);
        folders.push(copy);
    }
    let s2 = ServeProcess::start(&folders[1], &["--limits", LIMITS]);
    let s3 = ServeProcess::start(&folders[2], &["--limits", LIMITS]);
    let bases = [s1.base(), s2.base(), s3.base()];
    let server = crate::pg::server().unwrap();
    let cases_in_db = |url: &str| -> i64 {
        server
            .on(url, |c| {
                Ok(
                    c.query_one("SELECT count(*) FROM streams WHERE name LIKE 'case/%'", &[])?
                        .get(0),
                )
            })
            .unwrap()
    };
    let before = cases_in_db(&url);

    // The chair signs in on the second server; the session is in the database.
    let chair_login = s1.demo_login("chair");
    let at2 = crate::web_helpers::Browser::at(&bases[1]);
    let r = post(
        &at2,
        "/session",
        json!({ "login": chair_login, "password": crate::web_helpers::DEMO_PASSWORD }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let csrf = r.json["csrf"].as_str().unwrap().to_string();

    // Clients file on every server at once; each case is acknowledged by the chair on the
    // next server, with the session opened on the second.
    let mut tasks = Vec::new();
    for i in 0..30usize {
        let (file_on, act_on) = (bases[i % 3].clone(), bases[(i + 1) % 3].clone());
        let (chair, csrf) = (at2.on(&act_on), csrf.clone());
        tasks.push(tokio::spawn(async move {
            let client = crate::web_helpers::Browser::at(&file_on);
            let r = post(
                &client,
                "/complaints",
                complaint(&format!("Filing {i} was not answered.")),
            )
            .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
            let case = r.json["case"].as_str().unwrap().to_string();
            let code = r.json["receipt_code"].as_str().unwrap().to_string();
            // The other server follows within a second or so; until then the case is unknown
            // there.
            let deadline = Instant::now() + Duration::from_secs(20);
            let acted: Reply = loop {
                let r = call(
                    &chair,
                    Method::POST,
                    &format!("/cases/{case}/actions/acknowledge"),
                    Some(&json!({})),
                    Some(&csrf),
                )
                .await;
                if r.status == StatusCode::OK || Instant::now() > deadline {
                    break r;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            };
            assert_eq!(
                acted.status,
                StatusCode::OK,
                "acknowledge on {act_on}: {}",
                acted.text
            );
            (case, code)
        }));
    }
    let mut filed = Vec::new();
    for t in tasks {
        filed.push(t.await.unwrap());
    }
    let mut ids: Vec<&String> = filed.iter().map(|(c, _)| c).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 30);
    assert_eq!(cases_in_db(&url) - before, 30, "cases lost or duplicated");

    // Every server converges on one checkpoint, and a client follows a case on any server.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let mut seen = Vec::new();
        for b in &bases {
            seen.push(checkpoint_of(b).await);
        }
        if seen.windows(2).all(|w| w[0] == w[1]) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the servers serve different checkpoints: {seen:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for (i, (_, code)) in filed.iter().enumerate() {
        let b = crate::web_helpers::Browser::at(&bases[(i + 2) % 3]);
        let r = post(&b, "/track", json!({ "code": code })).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json["status"], "acknowledged", "{}", r.text);
    }
    drop((s1, s2, s3));
    for f in &folders {
        let out = f.run(&["verify"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "verify failed: {} {}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }
}
