//! The running server and its ledger's integrity, on the binary: `recourse serve` refuses to
//! start on a rolled-back database (with a message and exit status 1), verifies the whole
//! ledger in the background after it starts and says so on `/healthz`, and once that
//! verification fails it reports it and refuses every append.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::helpers::{DataFolder, text};

/// A data folder with a small demo agency in it.
fn demo() -> DataFolder {
    let d = DataFolder::empty();
    let out = d.run(&["demo", "--complaints", "12"]);
    assert!(out.status.success(), "demo: {}", text(&out.stderr));
    d
}

fn serve(d: &DataFolder) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recourse"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(&d.path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut base = None;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(at) = line.find("running at http://") {
            base = Some(line[at + 11..].trim().trim_end_matches('/').to_string());
        }
        if line.contains("Press Ctrl-C") {
            break;
        }
    }
    std::thread::spawn(move || lines.for_each(drop));
    (child, base.expect("serve printed its address"))
}

/// Polls `/healthz` until the background verification is no longer running (bounded).
async fn settled_health(base: &str) -> (u16, serde_json::Value) {
    let client = reqwest::Client::new();
    for _ in 0..600 {
        let r = client.get(format!("{base}/healthz")).send().await.unwrap();
        let status = r.status().as_u16();
        let body: serde_json::Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
        let state = body["verification"]["state"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        if state == "passed" || state == "failed" {
            return (status, body);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the background verification did not finish");
}

#[test]
fn serve_refuses_a_rolled_back_database_and_says_why() {
    let d = demo();
    let older = d.path.join("ledger.db.older");
    // A consistent older copy, as a backup would be.
    d.sqlite()
        .execute_batch(&format!("VACUUM INTO '{}'", older.display()))
        .unwrap();
    let out = d.run(&["bench", "append", "--events", "50"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::rename(&older, d.db()).unwrap();
    for side in ["ledger.db-wal", "ledger.db-shm"] {
        let _ = std::fs::remove_file(d.path.join(side));
    }
    let out = Command::new(env!("CARGO_BIN_EXE_recourse"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(&d.path)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "serve refused: {stderr}");
    assert!(stderr.contains("rolled back"), "{stderr}");
    let out = d.run(&["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("rolled back"),
        "{}",
        text(&out.stderr)
    );
    // An operator who means it: verify, accept, and serve again.
    let out = d.run(&["verify", "--reset-mark"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = d.run(&["verify"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_ledger_is_verified_in_the_background_and_shown_on_healthz() {
    let d = demo();
    let (mut child, base) = serve(&d);
    let (status, body) = settled_health(&base).await;
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["verification"]["state"], "passed", "{body}");
    assert_eq!(body["status"], "ok");
    assert!(
        body["verification"]["entries"].as_u64().unwrap() > 12,
        "{body}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_background_verification_is_reported_and_stops_appends() {
    let d = demo();
    // An edit the start-up check does not read (one entry's seq in the stream index), which
    // `verify` finds at its position.
    let position: i64 = d
        .sqlite()
        .query_row(
            "SELECT position FROM entries WHERE seq > 0 ORDER BY position LIMIT 1 OFFSET 20",
            [],
            |r| r.get(0),
        )
        .unwrap();
    d.sqlite()
        .execute(
            "UPDATE entries SET seq = seq + 100 WHERE position = ?1",
            [position],
        )
        .unwrap();
    let (mut child, base) = serve(&d);
    let (status, body) = settled_health(&base).await;
    // Filing a complaint through the API is now refused, and nothing is written.
    let before = d
        .sqlite()
        .query_row("SELECT COUNT(*) FROM entries", [], |r| r.get::<_, i64>(0))
        .unwrap();
    let client = reqwest::Client::new();
    let filed = client
        .post(format!("{base}/api/v1/complaints"))
        .header("content-type", "application/json")
        .body(
            serde_json::json!({
                "language": "en", "anonymous": true, "program": "settlement", "site": "main",
                "rights": ["respect"], "what_happened": "I was kept waiting all day.",
                "consent_handle": true
            })
            .to_string(),
        )
        .send()
        .await
        .unwrap();
    let filed_status = filed.status().as_u16();
    let _ = child.kill();
    let _ = child.wait();
    let after = d
        .sqlite()
        .query_row("SELECT COUNT(*) FROM entries", [], |r| r.get::<_, i64>(0))
        .unwrap();
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["status"], "failing");
    assert_eq!(body["verification"]["state"], "failed");
    let reason = body["verification"]["reason"].as_str().unwrap();
    assert!(reason.contains(&format!("position {position}")), "{reason}");
    assert!(filed_status >= 400, "filing refused, got {filed_status}");
    assert_eq!(before, after, "nothing was appended");
}
