//! `recourse witness` as real processes against real ledgers built with the binary: a witness
//! cosigns a ledger's checkpoints as it grows (cosignatures checked here and by the
//! independent Python verifier, tests/cosignature/verify.py), refuses a split view (a copy of
//! the data folder with the same key that appended other events) and a rolled-back ledger
//! with 409 or 422 and an unchanged state, remembers across SIGKILL, and answers bad requests
//! with 4xx, changing nothing.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use recourse_events::checkpoint::{Checkpoint, Note};
use recourse_events::cosignature::{WitnessVerifier, verify_cosignatures};

use crate::helpers::{DataFolder, text};

/// A witness data folder, made with `recourse witness init`.
struct WitnessDir {
    _tmp: tempfile::TempDir,
    path: PathBuf,
    vkey: String,
}

impl WitnessDir {
    fn init(name: &str) -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let path = tmp.path().join("witness");
        let out = Command::new(env!("CARGO_BIN_EXE_recourse"))
            .args(["witness", "init", "--name", name, "--data"])
            .arg(&path)
            .output()
            .expect("run witness init");
        assert!(out.status.success(), "witness init: {}", text(&out.stderr));
        let printed = text(&out.stdout);
        let vkey = printed
            .lines()
            .find_map(|l| l.trim().strip_prefix("verifier key: "))
            .expect("the verifier key is printed")
            .to_string();
        WitnessVerifier::parse(&vkey).expect("a cosignature/v1 verifier key");
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(path.join("witness.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the witness key is private");
        WitnessDir {
            _tmp: tmp,
            path,
            vkey,
        }
    }

    /// The state files' contents (what the witness remembers), sorted.
    fn state(&self) -> Vec<String> {
        let Ok(dir) = std::fs::read_dir(self.path.join("logs")) else {
            return Vec::new();
        };
        let mut files: Vec<String> = dir
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        files.sort();
        files
    }

    fn start(&self, logs: &[&str]) -> Running {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_recourse"));
        cmd.args(["witness", "serve", "--listen", "127.0.0.1:0", "--data"])
            .arg(&self.path);
        for l in logs {
            cmd.args(["--log", l]);
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("witness serve starts");
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
        let at = printed.find("running at http://").expect("the address") + 18;
        let addr = printed[at..]
            .split_whitespace()
            .next()
            .unwrap()
            .trim_end_matches('/')
            .to_string();
        Running {
            child,
            addr,
            printed,
        }
    }
}

/// A running `recourse witness serve`.
struct Running {
    child: Child,
    addr: String,
    printed: String,
}

impl Running {
    /// Kills the process with SIGKILL.
    fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reaped");
    }

    /// Sends a raw HTTP/1.1 request; (status, content type, body).
    fn request(&self, method: &str, path: &str, body: &[u8]) -> (u16, String, String) {
        self.send(method, path, body.len(), body)
    }

    /// A POST whose head declares `len` body bytes, none of which is sent.
    fn declare(&self, len: usize) -> (u16, String, String) {
        self.send("POST", "/add-checkpoint", len, b"")
    }

    fn send(&self, method: &str, path: &str, len: usize, body: &[u8]) -> (u16, String, String) {
        let mut s = TcpStream::connect(&self.addr).expect("connect to the witness");
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n",
            self.addr,
        );
        s.write_all(head.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        let mut answer = Vec::new();
        let _ = s.read_to_end(&mut answer);
        let answer = text(&answer);
        let (head, body) = answer.split_once("\r\n\r\n").expect("an HTTP answer");
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let content_type = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-type: ")
                    .map(str::to_string)
            })
            .unwrap_or_default();
        (status, content_type, body.to_string())
    }

    fn add(&self, body: &str) -> (u16, String, String) {
        self.request("POST", "/add-checkpoint", body.as_bytes())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A ledger's latest checkpoint note and size.
fn checkpoint(d: &DataFolder) -> (String, u64) {
    let out = d.run(&["checkpoint"]);
    assert!(out.status.success(), "checkpoint: {}", text(&out.stderr));
    let note = text(&out.stdout);
    let size = Checkpoint::parse_text(Note::parse(&note).unwrap().text())
        .unwrap()
        .size;
    (note, size)
}

fn vkey(d: &DataFolder) -> String {
    text(&d.run(&["checkpoint", "--vkey"]).stdout)
        .trim()
        .to_string()
}

fn append(d: &DataFolder, events: u64) {
    let out = d.run(&["bench", "append", "--events", &events.to_string()]);
    assert!(out.status.success(), "bench append: {}", text(&out.stderr));
}

/// `recourse prove consistency --from A` to the latest checkpoint, as proof lines.
fn proof(d: &DataFolder, from: u64) -> String {
    let out = d.run(&["prove", "consistency", "--from", &from.to_string()]);
    assert!(out.status.success(), "prove: {}", text(&out.stderr));
    text(&out.stdout)
}

fn body(old: u64, proof: &str, note: &str) -> String {
    format!("old {old}\n{proof}\n{note}")
}

/// A copy of a data folder (the same ledger key), as an operator would keep a second copy.
fn copy(d: &DataFolder) -> DataFolder {
    let c = DataFolder::empty();
    copy_dir(&d.path, &c.path);
    c
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The note with the witness's answer appended, checked by this crate's verifier; returns it.
fn cosigned(note: &str, answer: &str, witness: &str) -> String {
    assert!(
        answer.starts_with("— ") && answer.ends_with('\n'),
        "{answer:?}"
    );
    let full = format!("{note}{answer}");
    let w = WitnessVerifier::parse(witness).unwrap();
    let found = verify_cosignatures(&Note::parse(&full).unwrap(), std::slice::from_ref(&w))
        .expect("the cosignature verifies");
    assert_eq!(found.len(), 1);
    full
}

/// Runs tests/cosignature/verify.py: Some(success) or None when it could not run (skipped,
/// loudly; a failure under CI=true).
fn python_verify(log: &str, witnesses: &[&str], note: &str) -> Option<bool> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cosignature/verify.py");
    let skip = |why: String| {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the independent cosignature verifier must run under CI: {why}"
        );
        eprintln!("SKIPPED: independent cosignature check: {why}");
        None
    };
    let child = Command::new("python3")
        .arg(&script)
        .arg(log)
        .args(witnesses)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => return skip(format!("python3 does not run: {e}")),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(note.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    match out.status.code() {
        Some(77) => skip(text(&out.stderr)),
        Some(0) => {
            assert_eq!(text(&out.stdout).lines().count(), witnesses.len());
            Some(true)
        }
        _ => {
            eprintln!("verify.py: {}", text(&out.stderr));
            Some(false)
        }
    }
}

#[test]
fn witness_cosigns_growth_refuses_split_views_and_rollbacks_and_remembers_after_sigkill() {
    let ledger = DataFolder::with_events(20);
    let log = vkey(&ledger);
    let w = WitnessDir::init("witness.umbrella.example/w1");
    let running = w.start(&[&log]);
    assert!(
        running.printed.contains("nothing cosigned yet"),
        "{}",
        running.printed
    );

    // First contact: old size 0, no proof.
    let (note1, size1) = checkpoint(&ledger);
    let (status, _, answer) = running.add(&body(0, "", &note1));
    assert_eq!(status, 200, "{answer}");
    let full = cosigned(&note1, &answer, &w.vkey);
    if let Some(ok) = python_verify(&log, &[&w.vkey], &full) {
        assert!(
            ok,
            "the independent verifier accepts the cosigned checkpoint"
        );
        // And it is no rubber stamp: a changed cosignature byte is refused.
        let line = answer.trim_end().rsplit_once(' ').unwrap().1;
        let mut raw = base64_decode(line);
        raw[40] ^= 1;
        let tampered = format!(
            "{note1}{} {}\n",
            answer.rsplit_once(' ').unwrap().0,
            base64_encode(&raw)
        );
        assert_eq!(python_verify(&log, &[&w.vkey], &tampered), Some(false));
    }
    let after1 = w.state();
    assert_eq!(
        after1,
        vec![note1.clone()],
        "the state holds the cosigned checkpoint"
    );
    // The same checkpoint again: cosigned again, nothing changes.
    assert_eq!(running.add(&body(size1, "", &note1)).0, 200);
    assert_eq!(w.state(), after1);

    // Two copies of the folder as it is now: one for a split view, one to roll back to.
    let split = copy(&ledger);
    let old = copy(&ledger);

    // The ledger grows; the witness follows with consistency proofs.
    append(&ledger, 15);
    let (note2, size2) = checkpoint(&ledger);
    assert!(size2 > size1);
    let (status, _, answer) = running.add(&body(size1, &proof(&ledger, size1), &note2));
    assert_eq!(status, 200, "{answer}");
    let full2 = cosigned(&note2, &answer, &w.vkey);
    assert!(python_verify(&log, &[&w.vkey], &full2).unwrap_or(true));
    let after2 = w.state();
    assert_eq!(after2, vec![note2.clone()]);

    // The split view: the copy appends other events under the same key.
    append(&split, 15);
    let (split_note, split_size) = checkpoint(&split);
    assert_eq!(split_size, size2);
    assert_ne!(split_note, note2, "other events, another root");
    // From the old size: the witness is past it (409, with its size).
    let (status, ctype, answer) = running.add(&body(size1, &proof(&split, size1), &split_note));
    assert_eq!(
        (status, ctype.as_str(), answer.as_str()),
        (409, "text/x.tlog.size", format!("{size2}\n").as_str())
    );
    // At the same size, another root: 409.
    let split_same = split_note.clone();
    assert_eq!(running.add(&body(size2, "", &split_same)).0, 409);
    // Grown past it, with the split view's own proof: 422.
    append(&split, 10);
    let (split_note, split_size) = checkpoint(&split);
    let (status, _, answer) = running.add(&body(size2, &proof(&split, size2), &split_note));
    assert_eq!(status, 422, "{answer}");
    // And the honest proof of the other ledger does not help it either.
    append(&ledger, 10);
    let honest = proof(&ledger, size2);
    assert_eq!(running.add(&body(size2, &honest, &split_note)).0, 422);
    assert!(split_size > size2);
    assert_eq!(w.state(), after2, "refusals change nothing");

    // The rolled-back ledger: its checkpoint is older than the witness's.
    let (old_note, old_size) = checkpoint(&old);
    assert_eq!(old_size, size1);
    assert_eq!(running.add(&body(size1, "", &old_note)).0, 409);
    assert_eq!(
        running.add(&body(size2, "", &old_note)).0,
        400,
        "old size above the checkpoint's"
    );
    // Rolled back, then appended to past the witness's size, in another direction.
    append(&old, 20);
    let (old_note, _) = checkpoint(&old);
    assert_eq!(
        running.add(&body(size2, &proof(&old, size2), &old_note)).0,
        422
    );
    assert_eq!(w.state(), after2);

    // SIGKILL, restart: it remembers.
    running.kill();
    let running = w.start(&[&log]);
    assert!(
        running
            .printed
            .contains(&format!("cosigned up to size {size2}")),
        "{}",
        running.printed
    );
    assert_eq!(running.add(&body(0, "", &note1)).2, format!("{size2}\n"));
    assert_eq!(
        running.add(&body(size2, &proof(&old, size2), &old_note)).0,
        422
    );
    assert_eq!(running.add(&body(size2, "", &split_same)).0, 409);
    assert_eq!(
        running
            .add(&body(size2, &proof(&split, size2), &split_note))
            .0,
        422
    );
    assert_eq!(w.state(), after2);
    // And catches up with the honest ledger.
    let (note3, size3) = checkpoint(&ledger);
    let (status, _, answer) = running.add(&body(size2, &proof(&ledger, size2), &note3));
    assert_eq!(status, 200, "{answer}");
    cosigned(&note3, &answer, &w.vkey);
    assert_eq!(w.state(), vec![note3]);
    assert!(size3 > size2);
}

#[test]
fn bad_requests_get_4xx_and_change_nothing() {
    let ledger = DataFolder::with_events(5);
    let log = vkey(&ledger);
    let w = WitnessDir::init("witness.umbrella.example/w2");
    let running = w.start(&[&log]);
    let (note, size) = checkpoint(&ledger);

    // Concurrent first requests for one log are serialized: exactly one is cosigned from
    // old size 0, every other finds the witness already at the new size.
    let statuses: Vec<u16> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| s.spawn(|| running.add(&body(0, "", &note)).0))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        statuses.iter().filter(|&&s| s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 409).count(),
        7,
        "{statuses:?}"
    );
    let state = w.state();
    assert_eq!(state, vec![note.clone()]);

    // Another ledger with the same origin but its own key: the key id is not the log's.
    let impostor = DataFolder::with_events(5);
    append(&impostor, 5);
    let (impostor_note, _) = checkpoint(&impostor);
    // A ledger the witness was not told about.
    let stranger = DataFolder::empty();
    let out = stranger.run(&["init", "--origin", "stranger.example/ledger"]);
    assert!(out.status.success());
    let (stranger_note, _) = checkpoint(&stranger);
    // A tampered checkpoint: the log's signature no longer verifies.
    let tampered = note.replacen(&format!("\n{size}\n"), &format!("\n{}\n", size + 1), 1);
    let hash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n";
    let cases: Vec<(String, u16, &str)> = vec![
        ("garbage".into(), 400, "no old size line"),
        (
            format!("old {size}\n{note}"),
            400,
            "no blank line after the proof",
        ),
        (format!("old 0{size}\n\n{note}"), 400, "leading zero"),
        (
            format!("old {size}\nnot-a-hash\n\n{note}"),
            400,
            "bad proof line",
        ),
        (body(size, &hash.repeat(64), &note), 400, "64 proof lines"),
        (body(size, "", "not a note\n"), 400, "malformed checkpoint"),
        (body(size + 1, "", &note), 400, "old above the size"),
        (body(0, "", &stranger_note), 404, "unknown origin"),
        (body(size, "", &impostor_note), 403, "wrong key id"),
        (body(size, "", &tampered), 403, "bad signature"),
        (body(size, hash, &note), 422, "a proof between equal sizes"),
    ];
    for (request, want, what) in &cases {
        let (status, _, answer) = running.add(request);
        assert_eq!(status, *want, "{what}: {answer}");
        assert_eq!(w.state(), state, "{what} changed the state");
    }
    // A body declared larger than 64 KiB is refused from its head, before it is sent.
    assert_eq!(running.declare(70 * 1024).0, 413);
    assert_eq!(w.state(), state);
    assert_eq!(running.request("GET", "/add-checkpoint", b"").0, 405);
    assert_eq!(running.request("POST", "/other", b"").0, 404);
    // Still serving, still at the same size.
    assert_eq!(running.add(&body(size, "", &note)).0, 200);
    assert_eq!(w.state(), state);
    // An unknown --log value is a usage error, and so is a witness folder without a key.
    let out = Command::new(env!("CARGO_BIN_EXE_recourse"))
        .args(["witness", "serve", "--log", "not-a-key", "--data"])
        .arg(&w.path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let empty = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_recourse"))
        .args(["witness", "serve", "--log", &log, "--data"])
        .arg(empty.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("witness init"),
        "{}",
        text(&out.stderr)
    );
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}

fn base64_encode(b: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(b)
}

#[test]
fn three_witnesses_cosign_one_checkpoint_verified_independently() {
    let ledger = DataFolder::with_events(30);
    let log = vkey(&ledger);
    let (note, _) = checkpoint(&ledger);
    let dirs: Vec<WitnessDir> = (1..=3)
        .map(|i| WitnessDir::init(&format!("witness.umbrella.example/w{i}")))
        .collect();
    let mut full = note.clone();
    for d in &dirs {
        let running = d.start(&[&log]);
        let (status, _, answer) = running.add(&body(0, "", &note));
        assert_eq!(status, 200, "{answer}");
        full.push_str(&answer);
    }
    let keys: Vec<WitnessVerifier> = dirs
        .iter()
        .map(|d| WitnessVerifier::parse(&d.vkey).unwrap())
        .collect();
    let parsed = Note::parse(&full).unwrap();
    assert_eq!(
        recourse_events::cosignature::require_quorum(&parsed, &keys, 3)
            .unwrap()
            .len(),
        3
    );
    let vkeys: Vec<&str> = dirs.iter().map(|d| d.vkey.as_str()).collect();
    assert!(python_verify(&log, &vkeys, &full).unwrap_or(true));
    // A witness the checkpoint lacks makes the independent check fail too.
    let absent = WitnessDir::init("witness.umbrella.example/w4");
    let mut more = vkeys.clone();
    more.push(&absent.vkey);
    assert!(!python_verify(&log, &more, &full).unwrap_or(false));
}

#[test]
fn slow_clients_are_cut_off_and_a_tampered_state_stops_the_witness() {
    let ledger = DataFolder::with_events(3);
    let log = vkey(&ledger);
    let w = WitnessDir::init("witness.umbrella.example/w5");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_recourse"));
    cmd.args([
        "witness",
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--timeout",
        "1",
    ])
    .args(["--log", &log, "--data"])
    .arg(&w.path)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    let mut child = cmd.spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    std::thread::spawn(move || lines.for_each(drop));
    let addr = first
        .split("http://")
        .nth(1)
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    let guard = std::time::Duration::from_secs(120);
    // A head that never ends: the connection is closed.
    let mut s = TcpStream::connect(&addr).unwrap();
    s.set_read_timeout(Some(guard)).unwrap();
    s.write_all(b"POST /add-checkpoint HTTP/1.1\r\nHost: w\r\n")
        .unwrap();
    let mut rest = Vec::new();
    let ended = s.read_to_end(&mut rest);
    assert!(
        !matches!(&ended, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock || e.kind() == std::io::ErrorKind::TimedOut),
        "the witness kept a half-sent head open: {ended:?}"
    );
    // A body that never ends: 408.
    let mut s = TcpStream::connect(&addr).unwrap();
    s.set_read_timeout(Some(guard)).unwrap();
    s.write_all(b"POST /add-checkpoint HTTP/1.1\r\nHost: w\r\nContent-Length: 100\r\n\r\nold 0\n")
        .unwrap();
    let mut answer = Vec::new();
    let _ = s.read_to_end(&mut answer);
    assert!(
        text(&answer).starts_with("HTTP/1.1 408"),
        "{}",
        text(&answer)
    );
    let _ = child.kill();
    let _ = child.wait();

    // Cosign once, then replace the state with a checkpoint the log did not sign.
    let running = w.start(&[&log]);
    let (note, size) = checkpoint(&ledger);
    assert_eq!(running.add(&body(0, "", &note)).0, 200);
    running.kill();
    let file = std::fs::read_dir(w.path.join("logs"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let forged = note.replacen(&format!("\n{size}\n"), "\n1\n", 1);
    assert_ne!(forged, note);
    std::fs::write(&file, &forged).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_recourse"))
        .args([
            "witness",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--log",
            &log,
            "--data",
        ])
        .arg(&w.path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        if line.unwrap().contains("Press Ctrl-C") {
            let _ = child.kill();
            panic!("a witness with a forged state must not start");
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("is not a checkpoint this log signed"),
        "{}",
        text(&out.stderr)
    );
    // Restored from its backup, it starts and remembers.
    std::fs::write(&file, &note).unwrap();
    let running = w.start(&[&log]);
    assert_eq!(running.add(&body(0, "", &note)).0, 409);
}
