//! Witnesses configured on the administration page of a running `recourse serve`, as real
//! processes: a witness given on the command line is listed as set at start and cannot be
//! removed; one added on the page (as an administrator, with the form's CSRF token and the
//! settings' fingerprint) is asked within seconds without a restart and shown with the size it
//! cosigned; bad input is refused at its field and changes nothing; a stale page is told the
//! settings changed meanwhile; a removed witness is no longer asked; and after a restart the
//! page and `/healthz` still show what each witness last cosigned, read back from the store
//! (the witness itself is down by then).

use std::path::Path;
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::helpers::{DataFolder, ServeProcess, text};
use crate::web_helpers::{Browser, csrf_in, sign_in_at};
use crate::witness_log::{file_complaints, healthz, ledger_entries, witness_init, witness_serve};

/// Generous: a witness added is asked within about a second.
const DEADLINE: Duration = Duration::from_secs(60);

const PAGE: &str = "/staff/admin/witnesses";

fn log_serve(folder: &DataFolder, witness: &str) -> ServeProcess {
    ServeProcess::start(
        folder,
        &["--limits", "100000,100000,100000", "--witness", witness],
    )
}

/// The value of the hidden `base` field (the settings' fingerprint) in `html`.
fn base_in(html: &str) -> String {
    let at = html.find("name=\"base\" value=\"").expect("a base field") + 19;
    html[at..].split('"').next().unwrap().to_string()
}

/// The witness `name`'s entry on `/healthz`, if listed.
async fn status_of(base: &str, name: &str) -> Option<serde_json::Value> {
    healthz(base).await["witnesses"]
        .as_array()?
        .iter()
        .find(|w| w["name"] == name)
        .cloned()
}

/// Polls `/healthz` until `name` has cosigned a checkpoint of at least `size` entries.
async fn wait_cosigned(base: &str, name: &str, size: u64) -> u64 {
    let deadline = Instant::now() + DEADLINE;
    loop {
        let s = status_of(base, name).await;
        if let Some(n) = s
            .as_ref()
            .and_then(|s| s["cosigned_size"].as_u64())
            .filter(|n| *n >= size)
        {
            return n;
        }
        assert!(
            Instant::now() < deadline,
            "{name} did not cosign {size} entries in {DEADLINE:?}: {s:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The size of the checkpoint the witness in `dir` last cosigned (its state file).
fn witness_size(dir: &Path) -> Option<u64> {
    let file = std::fs::read_dir(dir.join("logs")).ok()?.next()?.ok()?;
    let note = std::fs::read_to_string(file.path()).ok()?;
    note.lines().nth(1)?.parse().ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_witness_added_on_the_admin_page_cosigns_and_removed_stops_and_status_survives_restart() {
    // The demo ledger, built by a first start (which prints the demo sign-in names).
    let folder = DataFolder::empty();
    let first = ServeProcess::start(&folder, &["--demo", "--demo-complaints", "3"]);
    let admin = first.demo_login("admin");
    drop(first);
    let log_vkey = text(&folder.run(&["checkpoint", "--vkey"]).stdout)
        .trim()
        .to_string();

    let (_a_tmp, a_dir, a_key) = witness_init("umbrella.test/witness");
    let (_b_tmp, b_dir, b_key) = witness_init("funder.test/witness");
    let a = witness_serve(&a_dir, &log_vkey);
    let b = witness_serve(&b_dir, &log_vkey);
    let log = log_serve(&folder, &format!("{}={a_key}", a.base()));
    let base = log.base();
    let browser = sign_in_at(&base, &admin).await;

    // The command-line witness: listed as set at start, with no remove button.
    let page = browser.get(PAGE).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("umbrella.test/witness"), "{}", page.body);
    assert!(page.body.contains("Set when the server was started"));
    assert!(!page.body.contains("/staff/admin/witnesses/remove"));
    assert!(page.body.contains("href=\"/staff/admin/witnesses\""));
    let csrf = csrf_in(&page.body).expect("a CSRF field");
    let fingerprint = base_in(&page.body);

    // Bad input: refused at each field (400), nothing recorded.
    let entries = ledger_entries(&base).await;
    let refused = browser
        .post_form(
            "/staff/admin/witnesses/add",
            &[
                ("csrf", csrf.as_str()),
                ("base", fingerprint.as_str()),
                ("witness_url", "ftp://funder.test"),
                ("witness_key", "not-a-key"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused.body.contains("id=\"witness_url-error\""),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("id=\"witness_key-error\""));
    assert!(refused.body.contains("value=\"ftp://funder.test\""));
    // The command-line witness again: a duplicate.
    let duplicate = browser
        .post_form(
            "/staff/admin/witnesses/add",
            &[
                ("csrf", csrf.as_str()),
                ("base", fingerprint.as_str()),
                ("witness_url", a.base().as_str()),
                ("witness_key", a_key.as_str()),
            ],
        )
        .await;
    assert_eq!(duplicate.status, StatusCode::BAD_REQUEST);
    assert!(
        duplicate.body.contains("already configured"),
        "{}",
        duplicate.body
    );
    // Without the CSRF token: refused.
    let forged = browser
        .post_form(
            "/staff/admin/witnesses/add",
            &[
                ("base", fingerprint.as_str()),
                ("witness_url", b.base().as_str()),
                ("witness_key", b_key.as_str()),
            ],
        )
        .await;
    assert!(forged.status.is_client_error(), "{}", forged.status);
    assert_eq!(ledger_entries(&base).await, entries);
    // Nor does a signed-out visitor see the page.
    let anonymous = Browser::at(&base).get(PAGE).await;
    assert_ne!(anonymous.status, StatusCode::OK);

    // Added on the page: asked within seconds, without a restart.
    let added = browser
        .post_form(
            "/staff/admin/witnesses/add",
            &[
                ("csrf", csrf.as_str()),
                ("base", fingerprint.as_str()),
                ("witness_url", format!("{}/", b.base()).as_str()),
                ("witness_key", b_key.as_str()),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(
        added.header("location"),
        Some("/staff/admin/witnesses?done=witness-added")
    );
    let size = wait_cosigned(&base, "funder.test/witness", 1).await;
    assert_eq!(witness_size(&b_dir), Some(size));
    let page = browser.get(PAGE).await;
    assert!(page.body.contains("funder.test/witness"));
    assert!(
        page.body
            .contains(&format!("The checkpoint of {size} entries, at ")),
        "{}",
        page.body
    );
    assert!(page.body.contains("/staff/admin/witnesses/remove"));
    assert!(
        page.body.contains(&b.base()),
        "the URL is kept without the slash"
    );

    // A page opened before that change is stale: told so (409), nothing removed.
    let stale = browser
        .post_form(
            "/staff/admin/witnesses/remove",
            &[
                ("csrf", csrf.as_str()),
                ("base", fingerprint.as_str()),
                ("key", b_key.as_str()),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale
            .body
            .contains("Another administrator changed the settings")
    );
    // The command-line witness cannot be removed here.
    let current = base_in(&page.body);
    let not_here = browser
        .post_form(
            "/staff/admin/witnesses/remove",
            &[
                ("csrf", csrf.as_str()),
                ("base", current.as_str()),
                ("key", a_key.as_str()),
            ],
        )
        .await;
    assert_eq!(not_here.status, StatusCode::NOT_FOUND);

    // Removed: no longer asked, while the other keeps cosigning new checkpoints.
    let removed = browser
        .post_form(
            "/staff/admin/witnesses/remove",
            &[
                ("csrf", csrf.as_str()),
                ("base", current.as_str()),
                ("key", b_key.as_str()),
            ],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    let page = browser.get(PAGE).await;
    assert!(!page.body.contains("funder.test/witness"), "{}", page.body);
    // (A request already on its way when the witness was removed may still land: the
    // witness's state is read once the other witness has cosigned a later checkpoint.)
    file_complaints(&base, 1, 0).await;
    let entries = ledger_entries(&base).await;
    wait_cosigned(&base, "umbrella.test/witness", entries).await;
    assert!(status_of(&base, "funder.test/witness").await.is_none());
    let b_before = witness_size(&b_dir);
    file_complaints(&base, 2, 1).await;
    let entries = ledger_entries(&base).await;
    wait_cosigned(&base, "umbrella.test/witness", entries).await;
    let b_after = witness_size(&b_dir);
    assert_eq!(b_after, b_before, "a removed witness is not asked");
    assert!(b_after.is_some_and(|n| n < entries));
    let a_size = wait_cosigned(&base, "umbrella.test/witness", 1).await;

    // Restarted with the witness down: the status comes from the stored cosignatures.
    drop(log);
    a.kill();
    let log = log_serve(&folder, &format!("http://127.0.0.1:9={a_key}"));
    let base = log.base();
    let shown = wait_cosigned(&base, "umbrella.test/witness", 1).await;
    assert_eq!(shown, a_size);
    let status = status_of(&base, "umbrella.test/witness").await.unwrap();
    assert!(
        status["cosigned_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z')),
        "{status}"
    );
    let browser = sign_in_at(&base, &admin).await;
    let page = browser.get(PAGE).await;
    assert!(
        page.body
            .contains(&format!("The checkpoint of {a_size} entries, at ")),
        "{}",
        page.body
    );
    drop(b);
}
