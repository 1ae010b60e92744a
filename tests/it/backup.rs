//! `recourse backup`, `restore` and `migrate` on real data folders through the binary: a backup
//! of a running server (appending while it is taken) restored into a fresh folder verifies,
//! gives the same root and serves the same cases over HTTP; an erased case stays erased; the
//! keys are not in the file; a folder with a ledger is refused unchanged; a damaged backup is
//! refused without leaving a half-made folder; a migration gives the same root. Witnesses'
//! cosignatures go with the ledger through migrate, backup and restore, each checked again on
//! the way: a forged one stored in the source is left out, and the copy verifies with
//! `verify --witness --quorum`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use recourse::accounts::Accounts;
use recourse::data_dir::DataDir;
use recourse::receipt::ReceiptCode;
use recourse::service::{Service, Upload};
use recourse::store::{self, StoreUrl};
use recourse::web::App;
use recourse_events::checkpoint::Note;
use recourse_events::cosignature::{WitnessVerifier, cosign, line};
use recourse_events::ids::CaseId;
use recourse_events::key::SecretKey;
use recourse_events::org::Role;
use recourse_projections::case::Status;
use recourse_projections::framework::{Reference, ReferenceFile};

use crate::api::{file, roomy};
use crate::helpers::{DataFolder, run, text};
use crate::scenario::open_file;
use crate::web_helpers::{copy_folder, demo_template, serve, sign_in_at, spawn_app_with};

fn arg(p: &Path) -> String {
    p.display().to_string()
}

/// Runs the binary off the async runtime (the server under test keeps serving meanwhile).
async fn recourse(args: Vec<String>) -> std::process::Output {
    tokio::task::spawn_blocking(move || run(&args))
        .await
        .unwrap()
}

/// `recourse checkpoint`'s origin, size and root lines.
fn checkpoint_of(dir: &Path) -> Vec<String> {
    let out = run(&["checkpoint".into(), "--data".into(), arg(dir)]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .take(3)
        .map(String::from)
        .collect()
}

fn verify_ok(dir: &Path) {
    let out = run(&["verify".into(), "--data".into(), arg(dir)]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "verify: {} {}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// Stores two witnesses' cosignatures of the latest checkpoint of the folder at `dir` as the
/// log does, and a forged third row straight into the table (a line by another key than the
/// witness's it is filed under); returns the two witnesses' verifier keys.
async fn cosigned_by_two(dir: &Path) -> Vec<String> {
    let d = DataDir::new(dir);
    let db = dir.join("ledger.db");
    let store = store::open(&StoreUrl::Sqlite(db.clone()), Some(d.signer().unwrap()))
        .await
        .unwrap();
    let note = store.checkpoint().await.unwrap().unwrap();
    let text = Note::parse(&note).unwrap().text().to_string();
    let mut vkeys = Vec::new();
    for (i, name) in ["witness.test/one", "witness.test/two"]
        .into_iter()
        .enumerate()
    {
        let key = SecretKey::from_seed(&[40 + i as u8; 32]);
        let verifier = WitnessVerifier::new(name, key.public()).unwrap();
        let sig = cosign(name, &key, 1_790_000_000 + i as u64, &text).unwrap();
        store
            .add_cosignature(&note, &verifier, &line(&sig))
            .await
            .expect("a true cosignature is stored");
        vkeys.push(verifier.to_string());
    }
    drop(store);
    let name = "witness.test/three";
    let claimed = WitnessVerifier::new(name, SecretKey::from_seed(&[51; 32]).public()).unwrap();
    let forged = cosign(name, &SecretKey::from_seed(&[52; 32]), 1_790_000_000, &text).unwrap();
    let size: i64 = text.lines().nth(1).unwrap().parse().unwrap();
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT INTO cosignatures (size, witness, line, timestamp) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![size, claimed.to_string(), line(&forged), 1_790_000_000i64],
        )
        .unwrap();
    vkeys
}

/// `verify --data dir` requiring `quorum` of `vkeys`' cosignatures: its output, checked to pass.
fn verify_witnessed(dir: &Path, vkeys: &[String], quorum: usize) -> String {
    let mut args = vec!["verify".to_string(), "--data".into(), arg(dir)];
    for v in vkeys {
        args.push("--witness".into());
        args.push(v.clone());
    }
    args.push("--quorum".into());
    args.push(quorum.to_string());
    let out = run(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "verify --witness: {} {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                stack.push(e.path());
            } else {
                out.insert(arg(&e.path()), std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

/// Names in `dir` that a restore or migration builds in (`.NAME.building-*`).
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".building-") || n.contains(".tmp"))
        .collect()
}

/// Serves a data folder as `recourse serve` would open it.
async fn serve_folder(dir: &Path) -> (String, Arc<App>) {
    let d = DataDir::new(dir);
    let service = Service::open(&d, Arc::new(Reference::shipped()))
        .await
        .expect("the folder opens and passes the start-up check");
    let accounts = Accounts::open(&d.accounts_path()).unwrap();
    let app = Arc::new(App::new(service, Arc::new(accounts), roomy()).unwrap());
    (serve(app.clone()).await, app)
}

fn png() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02".to_vec();
    b.extend((0..200u8).map(|i| i.wrapping_mul(11)));
    b
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_of_a_running_server_restores_verifies_and_serves_the_same_cases() {
    // Given a running server with a complaint carrying an attachment, and an erased complaint
    let t = spawn_app_with(roomy()).await;
    let source = t.data_path().to_path_buf();
    let service = &t.app.service;
    let (kept, kept_code) = file(&t, "The KEPT-NARRATIVE-7f3a: nobody called me back.").await;
    let kept_code = ReceiptCode::parse(&kept_code).unwrap();
    let upload = Upload {
        bytes: png(),
        file_name: Some("letter.png".into()),
        description: Some("The letter".into()),
    };
    let (_, attachment) = service
        .client_attach(&kept_code, upload, jiff::Timestamp::now())
        .await
        .unwrap();
    let (erased, erased_code) = file(&t, "The ERASED-NARRATIVE-91c2: please forget me.").await;
    let erased_id: CaseId = erased.parse().unwrap();
    let erased_key = service.read(|m| m.case(&erased_id).unwrap().filing.clone().unwrap().data_key);
    service
        .request_erasure(
            &ReceiptCode::parse(&erased_code).unwrap(),
            jiff::Timestamp::now(),
        )
        .await
        .unwrap();

    // ... and its own copy of a reference document
    let own = ReferenceFile::ALL[0];
    let own_text = format!("# our own copy\n{}", own.shipped_text());
    std::fs::create_dir_all(source.join("reference")).unwrap();
    std::fs::write(source.join("reference").join(own.file_name()), &own_text).unwrap();

    // When a backup is taken while complaints keep arriving
    let tmp = tempfile::tempdir().unwrap();
    let backup = tmp.path().join("nightly.backup");
    let taking = tokio::spawn(recourse(vec![
        "backup".into(),
        "--data".into(),
        arg(&source),
        "--out".into(),
        arg(&backup),
    ]));
    for i in 0..10 {
        file(
            &t,
            &format!("A complaint filed during the backup, number {i}."),
        )
        .await;
    }
    let out = taking.await.unwrap();
    assert_eq!(out.status.code(), Some(0), "backup: {}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("NO keys") && said.contains("master.key"),
        "{said}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the backup is private");
    assert!(leftovers(tmp.path()).is_empty(), "no temporary file left");

    // Then it holds none of the keys
    let bytes = std::fs::read(&backup).unwrap();
    let keys = DataDir::new(&source);
    let master = keys.master_key().unwrap();
    let secrets: Vec<Vec<u8>> = vec![
        master.to_vec(),
        B64.encode(master).into_bytes(),
        keys.signer().unwrap().key.seed().to_vec(),
        keys.web_intake_key().unwrap().seed().to_vec(),
        std::fs::read(keys.ledger_key_path())
            .unwrap()
            .trim_ascii()
            .to_vec(),
        std::fs::read(keys.web_intake_key_path())
            .unwrap()
            .trim_ascii()
            .to_vec(),
    ];
    for s in &secrets {
        assert!(
            !bytes.windows(s.len()).any(|w| w == s.as_slice()),
            "the backup holds key bytes"
        );
    }

    // When it is restored into a fresh folder with the operator's copy of the keys
    let restored = tmp.path().join("restored");
    let out = recourse(vec![
        "restore".into(),
        "--from".into(),
        arg(&backup),
        "--data".into(),
        arg(&restored),
        "--keys".into(),
        arg(&source.join("keys")),
    ])
    .await;
    assert_eq!(
        out.status.code(),
        Some(0),
        "restore: {} {}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("verified:"),
        "restore verified before it said so"
    );

    // Then `verify` passes and the root is the source's at the same size
    verify_ok(&restored);
    let cp = checkpoint_of(&restored);
    let size: u64 = cp[1].parse().unwrap();
    assert!(size <= service.store().size().await.unwrap());
    let source_root = service.store().root(size).await.unwrap();
    assert_eq!(
        cp[2],
        source_root.to_base64(),
        "same root at the backup's size"
    );
    assert_eq!(cp[0], checkpoint_of(&source)[0], "same origin");

    let copied = std::fs::read_to_string(restored.join("reference").join(own.file_name()));
    assert_eq!(
        copied.unwrap(),
        own_text,
        "the reference document came back"
    );

    // And the restored server serves the same cases
    let (base, app) = serve_folder(&restored).await;
    let restored_cases: Vec<(CaseId, Status)> = app
        .service
        .read(|m| m.cases().map(|c| (c.id, c.status())).collect());
    let ids: Vec<CaseId> = restored_cases.iter().map(|c| c.0).collect();
    assert!(ids.contains(&kept.parse().unwrap()) && ids.contains(&erased_id));
    for (id, status) in &restored_cases {
        let there = service.read(|m| m.case(id).map(|c| c.status()));
        assert_eq!(there, Some(*status), "case {id} as the source has it");
    }
    let chair = t
        .staff
        .iter()
        .find(|s| s.roles.contains(&Role::Chair))
        .unwrap()
        .login
        .clone();
    let b = sign_in_at(&base, &chair).await;
    let opened = open_file(&b, &kept, "handling", "en").await;
    assert!(
        opened.contains("KEPT-NARRATIVE-7f3a"),
        "the restored case opens"
    );
    let file_back = app
        .service
        .client_open_attachment(&kept_code, attachment)
        .await
        .unwrap();
    assert_eq!(file_back.bytes, png(), "the attachment came back");

    // And the erased case stays erased: no key, nothing readable
    assert_eq!(
        app.service.read(|m| m.case(&erased_id).unwrap().status()),
        Status::Erased
    );
    assert!(!app.service.vault().has_key(&erased_key).unwrap());
    let page = b.get(&format!("/staff/case/{erased}")).await;
    assert!(!page.body.contains("ERASED-NARRATIVE-91c2"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restoring_into_a_folder_with_a_ledger_is_refused_and_changes_nothing() {
    let template = demo_template();
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("source");
    copy_folder(&template.data.path, &source);
    let backup = tmp.path().join("b.backup");
    let out = recourse(vec![
        "backup".into(),
        "--data".into(),
        arg(&source),
        "--out".into(),
        arg(&backup),
    ])
    .await;
    assert!(out.status.success(), "{}", text(&out.stderr));

    // A backup that fails leaves the previous one of that name as it was
    let previous = std::fs::read(&backup).unwrap();
    let out = recourse(vec![
        "backup".into(),
        "--data".into(),
        arg(&tmp.path().join("no-such-folder")),
        "--out".into(),
        arg(&backup),
    ])
    .await;
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&backup).unwrap(), previous);
    assert!(leftovers(tmp.path()).is_empty());

    let occupied = tmp.path().join("occupied");
    copy_folder(&template.data.path, &occupied);
    let before = snapshot(&occupied);
    let out = recourse(vec![
        "restore".into(),
        "--from".into(),
        arg(&backup),
        "--data".into(),
        arg(&occupied),
        "--keys".into(),
        arg(&source.join("keys")),
    ])
    .await;
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("already holds a ledger"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(snapshot(&occupied), before, "nothing changed");
    assert!(leftovers(tmp.path()).is_empty());

    // Without keys, the message names what is needed
    let out = recourse(vec![
        "restore".into(),
        "--from".into(),
        arg(&backup),
        "--data".into(),
        arg(&tmp.path().join("new")),
    ])
    .await;
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("ledger.key") && err.contains("master.key") && err.contains("web-intake.key"),
        "{err}"
    );
    // With only part of them, it names the missing ones
    let partial = tmp.path().join("partial-keys");
    std::fs::create_dir(&partial).unwrap();
    std::fs::copy(source.join("keys/ledger.key"), partial.join("ledger.key")).unwrap();
    let out = recourse(vec![
        "restore".into(),
        "--from".into(),
        arg(&backup),
        "--data".into(),
        arg(&tmp.path().join("new")),
        "--keys".into(),
        arg(&partial),
    ])
    .await;
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("lacks master.key, web-intake.key"),
        "{}",
        text(&out.stderr)
    );
    assert!(!tmp.path().join("new").exists());
    assert!(leftovers(tmp.path()).is_empty());
}

/// Writes a damaged copy of a backup at the path given.
type Damage<'a> = Box<dyn Fn(&Path) + 'a>;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_backup_is_refused_and_leaves_no_half_made_folder() {
    let template = demo_template();
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("source");
    copy_folder(&template.data.path, &source);
    let backup = tmp.path().join("b.backup");
    let out = recourse(vec![
        "backup".into(),
        "--data".into(),
        arg(&source),
        "--out".into(),
        arg(&backup),
    ])
    .await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let good = std::fs::read(&backup).unwrap();

    let damaged: Vec<(&str, Damage)> = vec![
        (
            "truncated",
            Box::new(|p: &Path| std::fs::write(p, &good[..good.len() / 2]).unwrap()),
        ),
        (
            "a wrapped key altered",
            Box::new(|p: &Path| {
                std::fs::write(p, &good).unwrap();
                let c = rusqlite::Connection::open(p).unwrap();
                c.execute(
                    "UPDATE backup_vault_keys SET wrapped = zeroblob(length(wrapped)) WHERE id = (SELECT MIN(id) FROM backup_vault_keys)",
                    [],
                )
                .unwrap();
            }),
        ),
        (
            "an entry altered",
            Box::new(|p: &Path| {
                std::fs::write(p, &good).unwrap();
                let c = rusqlite::Connection::open(p).unwrap();
                c.execute(
                    "UPDATE entries SET entry = CAST(replace(CAST(entry AS TEXT), '\"seq\":', '\"seq\": ') AS BLOB) WHERE position = 5",
                    [],
                )
                .unwrap();
            }),
        ),
        (
            "not a backup",
            Box::new(|p: &Path| std::fs::write(p, b"hello, I am not a database").unwrap()),
        ),
    ];
    for (what, damage) in damaged {
        let bad = tmp.path().join("bad.backup");
        damage(&bad);
        let target = tmp.path().join("target");
        let out = recourse(vec![
            "restore".into(),
            "--from".into(),
            arg(&bad),
            "--data".into(),
            arg(&target),
            "--keys".into(),
            arg(&source.join("keys")),
        ])
        .await;
        let code = out.status.code();
        assert!(
            code == Some(1) || code == Some(2),
            "{what}: status {code:?}: {}",
            text(&out.stderr)
        );
        assert!(!target.exists(), "{what}: a half-made folder was left");
        assert!(
            leftovers(tmp.path()).is_empty(),
            "{what}: staging left behind"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrating_the_demo_ledger_to_a_new_sqlite_folder_gives_the_same_root() {
    let template = demo_template();
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("source");
    copy_folder(&template.data.path, &source);
    let vkeys = cosigned_by_two(&source).await;
    let target = tmp.path().join("migrated");
    let out = recourse(vec![
        "migrate".into(),
        "--data".into(),
        arg(&source),
        "--from".into(),
        format!("sqlite://{}", arg(&source.join("ledger.db"))),
        "--to".into(),
        format!("sqlite://{}", arg(&target.join("ledger.db"))),
    ])
    .await;
    assert_eq!(out.status.code(), Some(0), "migrate: {}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("2 witness cosignatures (1 stored ones did not verify and were left out)"),
        "{said}"
    );
    verify_ok(&target);
    assert!(verify_witnessed(&target, &vkeys, 2).contains("2 of 2 cosigned"));
    assert_eq!(
        checkpoint_of(&target),
        checkpoint_of(&source),
        "same checkpoint"
    );
    let (_, app) = serve_folder(&target).await;
    let (_, original) = serve_folder(&source).await;
    let count = |a: &App| a.service.read(|m| m.cases().count());
    assert_eq!(count(&app), count(&original));

    // A second migration into the now full folder is refused
    let out = recourse(vec![
        "migrate".into(),
        "--data".into(),
        arg(&source),
        "--from".into(),
        format!("sqlite://{}", arg(&source.join("ledger.db"))),
        "--to".into(),
        format!("sqlite://{}", arg(&target.join("ledger.db"))),
    ])
    .await;
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrating_the_demo_ledger_to_postgres_gives_the_same_root() {
    let Some(url) = crate::pg::fresh_url() else {
        return;
    };
    let template = demo_template();
    let data = DataFolder::empty();
    copy_folder(&template.data.path, &data.path);
    let vkeys = cosigned_by_two(&data.path).await;
    let into = DataFolder::empty();
    let migrate = |into: &Path| {
        vec![
            "migrate".into(),
            "--data".into(),
            arg(&data.path),
            "--from".into(),
            format!("sqlite://{}", arg(&data.db())),
            "--to".into(),
            url.clone(),
            "--into".into(),
            arg(into),
        ]
    };
    let out = recourse(migrate(&into.path)).await;
    assert_eq!(out.status.code(), Some(0), "migrate: {}", text(&out.stderr));
    // The new folder names the database and verifies on its own, with the same checkpoint.
    assert_eq!(checkpoint_of(&into.path), checkpoint_of(&data.path));
    let out = run(&["verify".into(), "--data".into(), arg(&into.path)]);
    assert_eq!(out.status.code(), Some(0), "verify: {}", text(&out.stderr));
    // The true cosignatures came along, the forged one did not.
    verify_witnessed(&into.path, &vkeys, 2);
    // A second migration into the same database is refused.
    let again = DataFolder::empty();
    let out = recourse(migrate(&again.path)).await;
    assert_ne!(
        out.status.code(),
        Some(0),
        "migrated twice into one database"
    );
    assert!(!again.path.exists(), "a refused migration left a folder");
    // A backup of the PostgreSQL folder restores into a fresh embedded folder, same root.
    let file = into.path.parent().unwrap().join("pg.backup");
    let out = recourse(vec![
        "backup".into(),
        "--data".into(),
        arg(&into.path),
        "--out".into(),
        arg(&file),
    ])
    .await;
    assert_eq!(out.status.code(), Some(0), "backup: {}", text(&out.stderr));
    let restored = DataFolder::empty();
    let out = recourse(vec![
        "restore".into(),
        "--from".into(),
        arg(&file),
        "--data".into(),
        arg(&restored.path),
        "--keys".into(),
        arg(&into.path.join("keys")),
    ])
    .await;
    assert_eq!(out.status.code(), Some(0), "restore: {}", text(&out.stderr));
    assert_eq!(checkpoint_of(&restored.path), checkpoint_of(&data.path));
    verify_witnessed(&restored.path, &vkeys, 2);
    // And into a fresh PostgreSQL database.
    let other = crate::pg::fresh_url().unwrap();
    let restored_pg = DataFolder::empty();
    let out = recourse(vec![
        "restore".into(),
        "--from".into(),
        arg(&file),
        "--data".into(),
        arg(&restored_pg.path),
        "--keys".into(),
        arg(&into.path.join("keys")),
        "--store".into(),
        other.clone(),
    ])
    .await;
    assert_eq!(out.status.code(), Some(0), "restore: {}", text(&out.stderr));
    assert!(
        !restored_pg.db().exists(),
        "restored into the database, not a file"
    );
    assert_eq!(checkpoint_of(&restored_pg.path), checkpoint_of(&data.path));
    verify_witnessed(&restored_pg.path, &vkeys, 2);
    let source: Arc<dyn store::EventStore> = store::open(&StoreUrl::Sqlite(data.db()), None)
        .await
        .unwrap()
        .into();
    let target: Arc<dyn store::EventStore> = store::open(&StoreUrl::Postgres(url), None)
        .await
        .unwrap()
        .into();
    let size = source.size().await.unwrap();
    assert_eq!(target.size().await.unwrap(), size);
    assert_eq!(
        target.root(size).await.unwrap(),
        source.root(size).await.unwrap()
    );
    let vkey = DataDir::new(&data.path).verifier().unwrap();
    let report = recourse::verification::verify_store(target, &vkey, Default::default())
        .await
        .expect("the copy verifies");
    assert_eq!(report.entries, size);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_cases_are_erased_holds_no_key_its_ledger_records_erased() {
    // Given a running server whose retention run erases settled cases one after another
    let t = spawn_app_with(roomy()).await;
    let source = t.data_path().to_path_buf();
    let service = t.app.service.clone();
    let days = service.read(|m| m.org().settings.retention_days);
    let later =
        jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * (i64::from(days) + 1));
    let erasing = tokio::spawn(async move { service.retention(later).await.unwrap().len() });

    // When a backup is taken meanwhile, and restored
    let tmp = tempfile::tempdir().unwrap();
    let backup = tmp.path().join("b.backup");
    let out = recourse(vec![
        "backup".into(),
        "--data".into(),
        arg(&source),
        "--out".into(),
        arg(&backup),
    ])
    .await;
    assert!(out.status.success(), "{}", text(&out.stderr));
    let erased = erasing.await.unwrap();
    assert!(erased > 0, "the retention run erased cases");
    let restored = tmp.path().join("restored");
    let out = recourse(vec![
        "restore".into(),
        "--from".into(),
        arg(&backup),
        "--data".into(),
        arg(&restored),
        "--keys".into(),
        arg(&source.join("keys")),
    ])
    .await;
    assert_eq!(out.status.code(), Some(0), "restore: {}", text(&out.stderr));

    // Then the backup file itself holds no data key of a case its ledger records as erased
    let (_, app) = serve_folder(&restored).await;
    let erased_keys: Vec<String> = app.service.read(|m| {
        m.cases()
            .filter(|c| c.status() == Status::Erased)
            .filter_map(|c| c.filing.as_ref().map(|f| f.data_key.clone()))
            .collect()
    });
    assert!(!erased_keys.is_empty());
    let file = rusqlite::Connection::open(&backup).unwrap();
    for key in &erased_keys {
        let held: i64 = file
            .query_row(
                "SELECT COUNT(*) FROM backup_vault_keys WHERE id = ?1",
                [key],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(held, 0, "the backup holds the key of erased case key {key}");
        assert!(!app.service.vault().has_key(key).unwrap());
    }
}
