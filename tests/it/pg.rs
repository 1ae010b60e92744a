//! A throwaway PostgreSQL server for the tests, one per test process: `initdb` and `postgres`
//! from Debian's postgresql package on a temporary folder, listening on a Unix socket only.
//! Each test takes a fresh database of its own ([`fresh_url`]).
//!
//! The server is a child of a thread that lives as long as the test process, with the parent
//! death signal set: when the process ends, however it ends, the server gets SIGQUIT and stops
//! (folders left by earlier runs are removed at the next start). Under root, the server runs as
//! the `postgres` user, since `initdb` refuses root.
//!
//! Where the binaries are missing (`scripts/test.sh` installs them), the tests say loudly that
//! they skipped; under `CI=true` that is a failure.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The port number only names the socket file: nothing listens on TCP.
const PORT: u16 = 5439;

/// A running server.
pub struct Server {
    socket_dir: PathBuf,
}

static SERVER: OnceLock<Result<Server, String>> = OnceLock::new();
static NEXT_DB: AtomicU32 = AtomicU32::new(0);

/// The folder with `initdb`, `postgres` and `pg_ctl`: `RECOURSE_PG_BIN`, else the newest
/// `/usr/lib/postgresql/<version>/bin`.
pub fn bin_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("RECOURSE_PG_BIN") {
        return Some(PathBuf::from(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// The `postgres` user's uid and gid, when the tests run as root.
fn postgres_user() -> Option<(u32, u32)> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return None;
    }
    let id = |flag: &str| -> Option<u32> {
        let out = Command::new("id").args([flag, "postgres"]).output().ok()?;
        String::from_utf8(out.stdout).ok()?.trim().parse().ok()
    };
    Some((id("-u")?, id("-g")?))
}

fn as_server_user(cmd: &mut Command, user: Option<(u32, u32)>) -> &mut Command {
    if let Some((uid, gid)) = user {
        cmd.uid(uid).gid(gid);
    }
    cmd
}

/// Removes the folders of earlier test processes that have ended.
fn remove_stale(base: &Path) {
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for e in entries.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|n| n.parse::<i32>().ok()) else {
            continue;
        };
        // SAFETY: kill with signal 0 only checks whether the process exists.
        let alive = unsafe { libc::kill(pid, 0) } == 0
            || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
        if !alive {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

fn start() -> Result<Server, String> {
    let bin = bin_dir().ok_or(
        "no PostgreSQL binaries (initdb, postgres): install Debian's postgresql package (scripts/test.sh does) or set RECOURSE_PG_BIN",
    )?;
    let user = postgres_user();
    let base = std::env::temp_dir().join("recourse-test-pg");
    std::fs::create_dir_all(&base).map_err(|e| e.to_string())?;
    remove_stale(&base);
    let root = base.join(std::process::id().to_string());
    let _ = std::fs::remove_dir_all(&root);
    let data = root.join("data");
    let socket_dir = root.join("socket");
    std::fs::create_dir_all(&socket_dir).map_err(|e| e.to_string())?;
    if let Some((uid, gid)) = user {
        for dir in [&base, &root, &socket_dir] {
            std::os::unix::fs::chown(dir, Some(uid), Some(gid)).map_err(|e| e.to_string())?;
        }
    }
    let out = as_server_user(&mut Command::new(bin.join("initdb")), user)
        .args(["-D"])
        .arg(&data)
        .args([
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "--encoding=UTF8",
            "--locale=C",
        ])
        .output()
        .map_err(|e| format!("initdb: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let log = root.join("server.log");
    let (data2, socket2) = (data.clone(), socket_dir.clone());
    std::thread::Builder::new()
        .name("test-postgres".into())
        .spawn(move || {
            let log = match std::fs::File::create(&log) {
                Ok(f) => f,
                Err(e) => {
                    let _ = tx.send(Err(e.to_string()));
                    return;
                }
            };
            let mut cmd = Command::new(bin.join("postgres"));
            as_server_user(&mut cmd, user)
                .arg("-D")
                .arg(&data2)
                .arg("-k")
                .arg(&socket2)
                .args(["-p", &PORT.to_string()])
                .args(["-c", "listen_addresses="])
                .args(["-c", "max_connections=300"])
                // Tests kill Recourse processes, never this server: its own durability
                // is not under test, and fsyncs would only slow the suite.
                .args(["-c", "fsync=off", "-c", "full_page_writes=off"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log);
            // SAFETY: prctl is async-signal-safe; it asks for SIGQUIT (PostgreSQL's immediate
            // shutdown) when this thread ends, which it does only when the process ends.
            unsafe {
                cmd.pre_exec(|| {
                    if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGQUIT) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
            match cmd.spawn() {
                Ok(mut child) => {
                    let _ = tx.send(Ok(()));
                    let _ = child.wait();
                    // Stay alive: this thread's end would signal a restarted server.
                    loop {
                        std::thread::park();
                    }
                }
                Err(e) => {
                    let _ = tx.send(Err(format!("postgres: {e}")));
                }
            }
        })
        .map_err(|e| e.to_string())?;
    rx.recv().map_err(|e| e.to_string())??;
    let server = Server { socket_dir };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        match server.admin(|c| c.batch_execute("SELECT 1")) {
            Ok(()) => return Ok(server),
            Err(e) if Instant::now() > deadline => {
                return Err(format!(
                    "the test PostgreSQL server did not start: {e}; see {}",
                    root.join("server.log").display()
                ));
            }
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

impl Server {
    /// The URL of database `db` on this server.
    pub fn url(&self, db: &str) -> String {
        let host: String = self
            .socket_dir
            .display()
            .to_string()
            .bytes()
            .map(|b| match b {
                b'/' => "%2F".to_string(),
                b => (b as char).to_string(),
            })
            .collect();
        format!("postgres://postgres@{host}:{PORT}/{db}")
    }

    /// Runs `f` on a connection to the `postgres` database, on a thread of its own (the
    /// synchronous client cannot run on a Tokio worker).
    pub fn admin<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut postgres::Client) -> Result<T, postgres::Error> + Send + 'static,
    ) -> Result<T, postgres::Error> {
        self.on(&self.url("postgres"), f)
    }

    /// Runs `f` on a connection to `url`, on a thread of its own.
    pub fn on<T: Send + 'static>(
        &self,
        url: &str,
        f: impl FnOnce(&mut postgres::Client) -> Result<T, postgres::Error> + Send + 'static,
    ) -> Result<T, postgres::Error> {
        let url = url.to_string();
        std::thread::spawn(move || {
            let mut client = postgres::Client::connect(&url, postgres::NoTls)?;
            f(&mut client)
        })
        .join()
        .expect("admin thread")
    }
}

/// The test server, started on first use; `None` (after saying so loudly) where PostgreSQL
/// cannot run here. Under CI a missing server fails the test.
pub fn server() -> Option<&'static Server> {
    match SERVER.get_or_init(start) {
        Ok(s) => Some(s),
        Err(why) => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("PostgreSQL tests cannot run under CI: {why}");
            }
            eprintln!("SKIPPED: PostgreSQL test ({why})");
            None
        }
    }
}

/// A fresh, empty database on the test server, and its URL.
pub fn fresh_url() -> Option<String> {
    let server = server()?;
    let name = format!("t{}", NEXT_DB.fetch_add(1, Ordering::Relaxed));
    let create = format!("CREATE DATABASE {name}");
    server
        .admin(move |c| c.batch_execute(&create))
        .expect("create a test database");
    Some(server.url(&name))
}
