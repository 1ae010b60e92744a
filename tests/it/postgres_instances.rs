//! Several Recourse processes on one PostgreSQL database, as an umbrella body or an agency with
//! a standby runs them: each with its own data folder (a copy of the same keys), all appending.
//! Processes are killed with SIGKILL mid-append; what each one acknowledged is kept, the others
//! go on, and the ledger verifies from every folder with one checkpoint.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use recourse_events::Event;

use crate::helpers::{DataFolder, text};
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
