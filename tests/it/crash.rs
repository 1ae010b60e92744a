//! Crash test: a child process appends continuously and is killed with SIGKILL at random
//! moments, several rounds on the same data folder. After each kill the ledger verifies, and
//! every append the child reported as acknowledged before the kill is present, at the position
//! it was given.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use recourse_events::Event;

use crate::helpers::{DataFolder, assert_verifies, text};

fn random_millis(lo: u64, hi: u64) -> u64 {
    let mut b = [0u8; 8];
    getrandom::fill(&mut b).unwrap();
    lo + u64::from_le_bytes(b) % (hi - lo)
}

#[test]
fn acknowledged_appends_survive_sigkill() {
    let d = DataFolder::with_events(0);
    let mut acknowledged: Vec<(u64, String)> = Vec::new();
    for round in 0..5 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_recourse"))
            .args([
                "bench",
                "append",
                "--events",
                "10000000",
                "--concurrency",
                "32",
                "--ack-log",
                "--data",
            ])
            .arg(&d.path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        // Let it run a random while (at least until it has acknowledged something), then kill.
        let deadline = Instant::now() + Duration::from_millis(random_millis(300, 1500));
        let mut this_round = 0;
        while Instant::now() < deadline || this_round == 0 {
            if let Ok(line) = rx.recv_timeout(Duration::from_millis(20)) {
                let (position, id) = line.split_once(' ').expect("ack line: <position> <id>");
                acknowledged.push((position.parse().unwrap(), id.to_string()));
                this_round += 1;
            }
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // Acks already in the pipe were acknowledged before the kill too.
        while let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            let (position, id) = line.split_once(' ').unwrap();
            acknowledged.push((position.parse().unwrap(), id.to_string()));
        }

        assert_verifies(&d);
        let conn = d.sqlite();
        for (position, id) in &acknowledged {
            let entry: Vec<u8> = conn
                .query_row(
                    "SELECT entry FROM entries WHERE position = ?1",
                    [*position as i64],
                    |r| r.get(0),
                )
                .unwrap_or_else(|e| {
                    panic!("round {round}: acknowledged position {position} is missing: {e}")
                });
            let event = Event::from_entry(&entry).unwrap();
            assert_eq!(
                &event.envelope().id.to_string(),
                id,
                "round {round}: position {position} holds another event"
            );
        }
        assert!(this_round > 0, "round {round} acknowledged nothing");
        let out = d.run(&["checkpoint"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    assert!(
        acknowledged.len() > 100,
        "only {} appends acknowledged over all rounds",
        acknowledged.len()
    );
}
