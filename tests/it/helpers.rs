//! Shared helpers: run the `recourse` binary on a fresh data folder, open its database.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// A fresh data folder in a temporary directory, removed when dropped.
pub struct DataFolder {
    _tmp: tempfile::TempDir,
    pub path: PathBuf,
}

impl DataFolder {
    /// An empty folder (not initialized).
    pub fn empty() -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let path = tmp.path().join("data");
        DataFolder { _tmp: tmp, path }
    }

    /// An initialized ledger with `events` synthetic signed events appended.
    pub fn with_events(events: u64) -> Self {
        let d = Self::empty();
        let out = d.run(&["init", "--origin", "test.recourse.example/ledger"]);
        assert!(out.status.success(), "init failed: {}", text(&out.stderr));
        if events > 0 {
            let n = events.to_string();
            // Many appenders at once: group commit puts dozens of events in each fsync, so
            // a large ledger is built in seconds rather than a minute of fsyncs.
            let out = d.run(&["bench", "append", "--events", &n, "--concurrency", "256"]);
            assert!(
                out.status.success(),
                "bench append failed: {}",
                text(&out.stderr)
            );
        }
        d
    }

    /// Runs `recourse <args> --data <folder>`.
    pub fn run(&self, args: &[&str]) -> Output {
        run(&with_data(args, &self.path))
    }

    /// The ledger database file.
    pub fn db(&self) -> PathBuf {
        self.path.join("ledger.db")
    }

    /// A read-write connection straight to the database (for tampering).
    pub fn sqlite(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.db()).expect("open ledger.db")
    }
}

fn with_data(args: &[&str], data: &Path) -> Vec<String> {
    let mut v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    // `--data` goes after the (sub)command words, before or among the flags.
    v.push("--data".into());
    v.push(data.display().to_string());
    v
}

/// Runs the binary with arguments.
pub fn run(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_recourse"))
        .args(args)
        .output()
        .expect("run recourse")
}

/// Lossy UTF-8 of process output.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts `recourse verify` fails with status 1 and names `position`.
pub fn assert_verify_fails_at(d: &DataFolder, position: u64, why: &str) {
    let out = d.run(&["verify"]);
    let err = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "verify should fail ({why}); stdout {} stderr {err}",
        text(&out.stdout)
    );
    assert!(
        err.contains(&format!("at position {position}:")),
        "verify should name position {position} ({why}), said: {err}"
    );
}

/// Asserts `recourse verify` passes.
pub fn assert_verifies(d: &DataFolder) {
    let out = d.run(&["verify"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "verify failed: {} {}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// A running `recourse serve` process and the address it printed.
pub struct ServeProcess {
    child: Child,
    /// What it printed up to "Press Ctrl-C".
    pub printed: String,
}

impl ServeProcess {
    /// Starts `recourse serve --listen 127.0.0.1:0 <extra> --data <folder>` and reads what it
    /// prints up to "Press Ctrl-C".
    pub fn start(folder: &DataFolder, extra: &[&str]) -> ServeProcess {
        let mut child = Command::new(env!("CARGO_BIN_EXE_recourse"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .arg("--data")
            .arg(&folder.path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("recourse serve starts");
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
        assert!(printed.contains("Press Ctrl-C"), "serve printed: {printed}");
        ServeProcess { child, printed }
    }

    /// The address it serves at (`http://127.0.0.1:PORT`).
    pub fn base(&self) -> String {
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

    /// The demo sign-in name of the first staff member holding `role`.
    pub fn demo_login(&self, role: &str) -> String {
        let line = self
            .printed
            .lines()
            .skip_while(|l| !l.contains("Demo staff sign in"))
            .nth(1)
            .expect("the demo logins");
        line.split("), ")
            .find(|entry| entry.contains(role))
            .and_then(|entry| entry.split_whitespace().next())
            .expect("a login with the role")
            .to_string()
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
