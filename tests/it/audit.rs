//! The auditor's page (`/staff/audit`): who may open it and download the bundle, that the
//! download is byte for byte what `recourse export` writes for the same ledger and verifies with
//! the command line's verifier, and that the page shows the ledger's real verifier key and the
//! command that checks the bundle with it, without JavaScript.

use recourse::verification::verify_bundle;
use recourse_events::bundle::BundleHeader;
use recourse_events::checkpoint::NoteVerifier;
use recourse_events::org::Role;
use reqwest::StatusCode;

use crate::helpers::{run, text};
use crate::web_helpers::{TestApp, spawn_app};

/// Roles that may audit the whole ledger.
const AUDITING: [Role; 3] = [Role::Auditor, Role::Chair, Role::Admin];

/// A demo staff member who holds `role` and no auditing role.
fn login_without_audit(t: &TestApp, role: Role) -> String {
    t.staff
        .iter()
        .find(|s| s.roles.contains(&role) && !s.roles.iter().any(|r| AUDITING.contains(r)))
        .unwrap_or_else(|| panic!("no demo staff member is {role:?} without an auditing role"))
        .login
        .clone()
}

/// The ledger's verifier key as `recourse init` wrote it beside the ledger.
fn vkey_of(t: &TestApp) -> String {
    std::fs::read_to_string(t.data_path().join("ledger.vkey"))
        .expect("the data folder holds ledger.vkey")
        .trim()
        .to_string()
}

/// HTML text with the entities askama writes turned back into characters.
fn unescape(html: &str) -> String {
    html.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&#43;", "+")
        .replace("&#x2b;", "+")
        .replace("&#61;", "=")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn auditors_chairs_and_administrators_open_the_page_others_are_refused() {
    // Given the demo agency
    let t = spawn_app().await;
    // When each auditing role opens the page, then it is shown with the staff link to it
    for role in AUDITING {
        let b = t.sign_in(t.login_of(role)).await;
        let page = b.get("/staff/audit").await;
        assert_eq!(page.status, StatusCode::OK, "{role:?}: {}", page.body);
        assert!(
            page.body.contains("href=\"/staff/audit\""),
            "{role:?} has the nav link"
        );
        assert!(page.body.contains("href=\"/staff/audit/bundle\""));
    }
    // When intake, a reviewer or the board ask for the page or the bundle, then 403
    for role in [Role::Intake, Role::Reviewer, Role::Board] {
        let b = t.sign_in(&login_without_audit(&t, role)).await;
        for path in ["/staff/audit", "/staff/audit/bundle"] {
            let page = b.get(path).await;
            assert_eq!(page.status, StatusCode::FORBIDDEN, "{role:?} on {path}");
            assert!(
                !page.body.contains("recourse-bundle/v1"),
                "{role:?} got no bundle"
            );
        }
        let home = b.get("/staff/password").await;
        assert!(
            !home.body.contains("href=\"/staff/audit\""),
            "{role:?} has no nav link"
        );
    }
    // When nobody is signed in, then the bundle is not served
    let anonymous = t.browser().get("/staff/audit/bundle").await;
    assert_ne!(anonymous.status, StatusCode::OK);
    assert!(!anonymous.body.contains("recourse-bundle/v1"));
}

#[tokio::test]
async fn the_download_is_the_command_line_export_and_verifies_offline() {
    // Given the demo agency and an auditor
    let t = spawn_app().await;
    let auditor = t.sign_in(t.login_of(Role::Auditor)).await;
    // When the auditor downloads the bundle
    let response = auditor
        .client
        .get(auditor.url("/staff/audit/bundle"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let disposition = response
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let downloaded = response.bytes().await.unwrap().to_vec();
    // Then its header names the ledger, its size and a checkpoint covering exactly its lines
    let first = downloaded.split(|b| *b == b'\n').next().unwrap();
    let header = BundleHeader::parse(first).expect("a bundle header");
    let lines = downloaded.iter().filter(|b| **b == b'\n').count() as u64;
    assert_eq!(
        lines,
        header.size + 1,
        "one line per entry after the header"
    );
    assert!(
        header.size > 100,
        "the demo ledger has entries: {}",
        header.size
    );
    let name: String = header
        .origin
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    assert_eq!(
        disposition,
        format!(
            "attachment; filename=\"recourse-{name}-{}.jsonl\"",
            header.size
        )
    );
    // And it is byte for byte what `recourse export` writes from the same data folder
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join("cli.jsonl");
    let out = run(&[
        "export".into(),
        "--out".into(),
        exported.display().to_string(),
        "--data".into(),
        t.data_path().display().to_string(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let cli = std::fs::read(&exported).unwrap();
    assert_eq!(
        cli.len(),
        downloaded.len(),
        "same length as the CLI's export"
    );
    assert!(
        cli == downloaded,
        "the download is the CLI's export, byte for byte"
    );
    // And the command line's verifier accepts it with the ledger's key
    let saved = dir.path().join("downloaded.jsonl");
    std::fs::write(&saved, &downloaded).unwrap();
    let vkey = NoteVerifier::parse(&vkey_of(&t)).unwrap();
    let report = verify_bundle(&saved, &vkey).expect("the download verifies");
    assert_eq!(report.entries, header.size);
    let out = run(&[
        "verify".into(),
        "--bundle".into(),
        saved.display().to_string(),
        "--vkey".into(),
        vkey_of(&t),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[tokio::test]
async fn the_page_shows_the_real_verifier_key_and_the_command_without_javascript() {
    // Given the demo agency and its verifier key, as written beside the ledger
    let t = spawn_app().await;
    let vkey = vkey_of(&t);
    let checkpoint = t.browser().get("/ledger/checkpoint").await.body;
    let size = checkpoint.lines().nth(1).unwrap().to_string();
    // When an auditor opens the page
    let auditor = t.sign_in(t.login_of(Role::Auditor)).await;
    let page = auditor.get("/staff/audit").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = unescape(&page.body);
    // Then the key is in a read-only field, with the checkpoint the log publishes
    assert!(
        body.contains(&format!(
            "id=\"audit-vkey-shown\" value=\"{vkey}\" readonly"
        )),
        "the read-only key field holds {vkey}"
    );
    assert!(
        body.contains(checkpoint.trim_end()),
        "the published checkpoint is shown"
    );
    // And the command verifies this ledger's bundle with that key
    let origin = vkey.split('+').next().unwrap();
    let name: String = origin
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let command = format!("recourse verify --bundle recourse-{name}-{size}.jsonl --vkey '{vkey}'");
    assert!(body.contains(&command), "the page shows {command}");
    // And the browser check's script and its messages are the page's, in its language
    assert!(body.contains("<script src=\"/static/audit.js\" defer></script>"));
    let fr = unescape(&auditor.get("/staff/audit?lang=fr").await.body);
    assert!(
        fr.contains(
            "data-id=\"audit-js-failed-at\">Échec de la vérification à l’entrée {position}"
        )
    );
    let script = t.browser().get("/static/audit.js").await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(script.body.contains("Ed25519"));
}

#[tokio::test]
async fn a_bundle_holds_exactly_what_its_checkpoint_covers_even_when_the_log_holds_more() {
    // Given the demo ledger and one of its older checkpoints, which covers fewer entries
    let t = spawn_app().await;
    let store = t.app.service.store();
    let size = store.size().await.unwrap();
    let (old_size, old_note) = store
        .checkpoints(0, 1)
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("a stored checkpoint");
    assert!(old_size < size, "an older checkpoint: {old_size} < {size}");
    // When the one exporter writes the bundle of that checkpoint
    let mut bytes = Vec::new();
    let header = recourse::export::write_bundle(store.as_ref(), &old_note, &mut bytes)
        .await
        .unwrap();
    // Then it holds exactly the entries that checkpoint covers, and verifies with the ledger key
    assert_eq!(header.size, old_size);
    let lines = bytes.iter().filter(|b| **b == b'\n').count() as u64;
    assert_eq!(lines, old_size + 1);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("old.jsonl");
    std::fs::write(&file, &bytes).unwrap();
    let vkey = NoteVerifier::parse(&vkey_of(&t)).unwrap();
    assert_eq!(verify_bundle(&file, &vkey).unwrap().entries, old_size);
}
