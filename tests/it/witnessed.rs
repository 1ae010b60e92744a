//! The pages that name the witnesses of a case. In the application: `Service::witnessed`
//! reports, for each witness asked, its latest stored cosignature only when it is of a size
//! above the entry's position and verifies again over the stored checkpoint (an altered row is
//! "not yet", never a cosignature). As real processes (`recourse witness serve`, `recourse
//! serve --witness`): once a filed complaint is cosigned, the staff "verify this case" page
//! names the witness with the checkpoint's size, and the tracking page, the receipt page and
//! the receipt file tell the client their complaint's record is countersigned by it; after a restart with the
//! stored cosignature altered in the database (the witness down, so it cannot cosign again),
//! the pages say it has not yet; with no witness configured, the verify page says none is and
//! the client's pages say nothing of witnesses.

use std::time::{Duration, Instant};

use jiff::Timestamp;
use recourse::service::Witnessed;
use recourse::service::cosigning::WitnessConfig;
use recourse_events::SecretKey;
use recourse_events::checkpoint::Note;
use recourse_events::cosignature::{WitnessVerifier, cosign, line};
use reqwest::StatusCode;

use crate::helpers::{DataFolder, ServeProcess, text};
use crate::service::{form, organization};
use crate::web_helpers::{Browser, Page, sign_in_at};
use crate::witness_log::{healthz, ledger_entries, witness_init, witness_serve};

/// Generous: a witness is asked about a second after each commit.
const DEADLINE: Duration = Duration::from_secs(60);

const NAME: &str = "umbrella.test/witness";

/// The cosignature `line` tampered with: one base64 character of its signature changed.
fn altered(line: &str) -> String {
    let mut chars: Vec<char> = line.trim_end().chars().collect();
    let at = chars.len() - 5;
    chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
    let mut out: String = chars.into_iter().collect();
    out.push('\n');
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn witnessed_reports_only_verified_cosignatures_of_checkpoints_including_the_position() {
    let d = DataFolder::empty();
    let o = organization(&d).await;
    let s = &o.service;
    let filed = s
        .file(&s.web_intake(), form(), Timestamp::now())
        .await
        .unwrap();
    // No witness asked: nothing to say.
    assert_eq!(s.witnessed(filed.position).await.unwrap(), vec![]);
    assert_eq!(s.case_witnessed(filed.case).await.unwrap(), vec![]);

    // One witness asked (nobody answers at its address): not yet.
    let key = SecretKey::from_seed(&[61; 32]);
    let verifier = WitnessVerifier::new(NAME, key.public()).unwrap();
    s.start_cosigning(vec![WitnessConfig {
        url: "http://127.0.0.1:9".into(),
        verifier: verifier.clone(),
    }]);
    let deadline = Instant::now() + DEADLINE;
    while s.cosigning().status().is_empty() {
        assert!(Instant::now() < deadline, "the witness is never listed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let not_yet = vec![Witnessed {
        name: NAME.into(),
        cosigned: None,
    }];
    assert_eq!(s.witnessed(filed.position).await.unwrap(), not_yet);

    // Its cosignature of the latest checkpoint, stored as the cosigner stores one.
    let note = s.store().checkpoint().await.unwrap().unwrap();
    let body = Note::parse(&note).unwrap().text().to_string();
    let size: u64 = body.lines().nth(1).unwrap().parse().unwrap();
    assert!(size > filed.position);
    let timestamp = 1_790_000_000;
    let good = line(&cosign(NAME, &key, timestamp, &body).unwrap());
    s.store()
        .add_cosignature(&note, &verifier, &good)
        .await
        .unwrap();
    let at = jiff::Timestamp::from_second(timestamp as i64)
        .unwrap()
        .to_string();
    let cosigned = vec![Witnessed {
        name: NAME.into(),
        cosigned: Some((size, at.clone())),
    }];
    assert!(at.ends_with('Z'), "{at}");
    assert_eq!(s.witnessed(filed.position).await.unwrap(), cosigned);
    assert_eq!(s.witnessed(size - 1).await.unwrap(), cosigned);
    assert_eq!(s.case_witnessed(filed.case).await.unwrap(), cosigned);
    // The checkpoint of `size` entries does not include the entry at position `size`.
    assert_eq!(s.witnessed(size).await.unwrap(), not_yet);

    // The row altered in the database: not shown as cosigned.
    let changed = d
        .sqlite()
        .execute(
            "UPDATE cosignatures SET line = ?1 WHERE size = ?2",
            rusqlite::params![altered(&good), size as i64],
        )
        .unwrap();
    assert_eq!(changed, 1);
    assert_eq!(s.witnessed(filed.position).await.unwrap(), not_yet);
    // Nor a line that verifies, filed under another witness's key.
    let other = SecretKey::from_seed(&[62; 32]);
    let by_other = line(&cosign(NAME, &other, timestamp, &body).unwrap());
    d.sqlite()
        .execute(
            "UPDATE cosignatures SET line = ?1 WHERE size = ?2",
            rusqlite::params![by_other, size as i64],
        )
        .unwrap();
    assert_eq!(s.witnessed(filed.position).await.unwrap(), not_yet);
}

fn log_serve(folder: &DataFolder, witness: Option<&str>) -> ServeProcess {
    let mut args = vec!["--limits", "100000,100000,100000"];
    if let Some(w) = witness {
        args.extend(["--witness", w]);
    }
    ServeProcess::start(folder, &args)
}

/// Polls `/healthz` until the witness has cosigned a checkpoint of at least `size` entries.
async fn wait_cosigned(base: &str, size: u64) -> u64 {
    let deadline = Instant::now() + DEADLINE;
    loop {
        let health = healthz(base).await;
        let cosigned = health["witnesses"]
            .as_array()
            .and_then(|ws| ws.iter().find(|w| w["name"] == NAME))
            .and_then(|w| w["cosigned_size"].as_u64());
        if let Some(n) = cosigned.filter(|n| *n >= size) {
            return n;
        }
        assert!(
            Instant::now() < deadline,
            "not cosigned {size} entries in {DEADLINE:?}: {health}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Files a complaint through the API: (case id, receipt code).
async fn file_one(base: &str) -> (String, String) {
    let r = crate::api::post(
        &Browser::at(base),
        "/complaints",
        crate::api::complaint("My file was closed without a word to me."),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    (
        r.json["case"].as_str().unwrap().to_string(),
        r.json["receipt_code"].as_str().unwrap().to_string(),
    )
}

/// Files a complaint through the web form as a client's browser does; returns that browser,
/// which may see the receipt (`/complain/receipt`) again for a while.
async fn file_by_form(base: &str) -> Browser {
    let b = Browser::at(base);
    let receipt = crate::doors::file_by_form(&b, &[("name", "Amina K.")]).await;
    assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.body);
    b
}

/// The receipt page, as the browser that filed the complaint sees it.
async fn receipt_page(b: &Browser) -> String {
    let receipt = b.get("/complain/receipt?lang=en").await;
    assert_eq!(receipt.status, StatusCode::OK);
    assert!(
        receipt.body.contains("id=\"receipt-code\""),
        "{}",
        receipt.body
    );
    receipt.body
}

/// The tracking page of `code`, as the client's browser shows it.
async fn track(base: &str, code: &str) -> Page {
    let page = crate::track::track_page(&Browser::at(base), code, "en").await;
    assert!(page.body.contains("id=\"track-status\""), "{}", page.body);
    page
}

/// The receipt file of `code`.
async fn receipt_file(base: &str, code: &str) -> String {
    let b = Browser::at(base);
    let form = b.get("/track").await;
    let file = b
        .post_form(
            "/receipt",
            &[("csrf", form.csrf().unwrap().as_str()), ("code", code)],
        )
        .await;
    assert_eq!(file.status, StatusCode::OK);
    let first_group = code.split('-').next().unwrap();
    assert!(file.body.contains(first_group), "{}", file.body);
    file.body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_verify_tracking_and_receipt_pages_name_the_witness_only_once_it_verifiably_cosigned() {
    // The demo ledger, built by a first start (which prints the demo sign-in names).
    let folder = DataFolder::empty();
    let first = ServeProcess::start(&folder, &["--demo", "--demo-complaints", "3"]);
    let chair = first.demo_login("chair");
    drop(first);
    let log_vkey = text(&folder.run(&["checkpoint", "--vkey"]).stdout)
        .trim()
        .to_string();
    let (_w_tmp, w_dir, w_key) = witness_init(NAME);
    let witness = witness_serve(&w_dir, &log_vkey);
    let log = log_serve(&folder, Some(&format!("{}={w_key}", witness.base())));
    let base = log.base();

    // Two complaints filed (one through the web form, its receipt kept), then cosigned with
    // every entry.
    let client = file_by_form(&base).await;
    let (case, code) = file_one(&base).await;
    let entries = ledger_entries(&base).await;
    let size = wait_cosigned(&base, entries).await;
    assert_eq!(size, entries);

    let staff = sign_in_at(&base, &chair).await;
    let verify = staff.get(&format!("/staff/case/{case}/verify")).await;
    assert_eq!(verify.status, StatusCode::OK);
    let cosigned = format!("{NAME} cosigned the checkpoint of {size} entries at ");
    assert!(verify.body.contains(&cosigned), "{}", verify.body);
    assert!(
        verify
            .body
            .contains("which includes every event of this case")
    );
    assert!(!verify.body.contains("has not yet cosigned"));
    // (The page escapes the apostrophe of "complaint's".)
    let countersigned = format!("record is countersigned by {NAME} (");
    let tracked = track(&base, &code).await;
    assert!(tracked.body.contains(&countersigned), "{}", tracked.body);
    let file = receipt_file(&base, &code).await;
    assert!(file.contains(&countersigned), "{file}");
    let receipt = receipt_page(&client).await;
    assert!(receipt.contains(&countersigned), "{receipt}");
    // In French too, the name as it is.
    let fr = staff
        .get(&format!("/staff/case/{case}/verify?lang=fr"))
        .await;
    assert!(
        fr.body.contains(&format!(
            "{NAME} a cosigné le point de contrôle de {size} entrées"
        )),
        "{}",
        fr.body
    );

    // The stored cosignature altered in the database, restarted with the witness down (it
    // cannot cosign again): not shown as cosigned, anywhere.
    drop(log);
    witness.kill();
    let db = folder.sqlite();
    let (stored_size, stored): (i64, String) = db
        .query_row(
            "SELECT size, line FROM cosignatures ORDER BY size DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored_size as u64, size);
    let changed = db
        .execute(
            "UPDATE cosignatures SET line = ?1 WHERE size = ?2",
            rusqlite::params![altered(&stored), stored_size],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(db);
    let log = log_serve(&folder, Some(&format!("http://127.0.0.1:9={w_key}")));
    let base = log.base();
    let staff = sign_in_at(&base, &chair).await;
    let verify = staff.get(&format!("/staff/case/{case}/verify")).await;
    assert_eq!(verify.status, StatusCode::OK);
    assert!(!verify.body.contains(&cosigned), "{}", verify.body);
    assert!(
        verify.body.contains(&format!(
            "{NAME} has not yet cosigned a checkpoint that includes the latest event"
        )),
        "{}",
        verify.body
    );
    let soon = format!("record will be countersigned within minutes by {NAME} (");
    let tracked = track(&base, &code).await;
    assert!(!tracked.body.contains(&countersigned), "{}", tracked.body);
    assert!(tracked.body.contains(&soon), "{}", tracked.body);
    let file = receipt_file(&base, &code).await;
    assert!(!file.contains(&countersigned), "{file}");
    assert!(file.contains(&soon), "{file}");

    // No witness configured: the verify page says so, the client's pages say nothing of it.
    drop(log);
    let log = log_serve(&folder, None);
    let base = log.base();
    let staff = sign_in_at(&base, &chair).await;
    let verify = staff.get(&format!("/staff/case/{case}/verify")).await;
    assert_eq!(verify.status, StatusCode::OK);
    assert!(
        verify
            .body
            .contains("No independent witness is configured."),
        "{}",
        verify.body
    );
    assert!(!verify.body.contains(NAME));
    let tracked = track(&base, &code).await;
    assert!(!tracked.body.contains("countersigned"), "{}", tracked.body);
    let file = receipt_file(&base, &code).await;
    assert!(!file.contains("countersigned"), "{file}");
    let receipt = receipt_page(&file_by_form(&base).await).await;
    assert!(!receipt.contains("countersigned"), "{receipt}");
    assert!(!receipt.contains("class=\"witnessed\""));
}
