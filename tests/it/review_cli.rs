//! `recourse review list|show|recompute` on a real ledger: a review opened, rated, submitted and
//! approved through the service, exported, then read and recomputed by the binary from the
//! bundle alone. Altered, shortened and forged bundles fail with status 1 naming where; bad
//! input gives status 2.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use recourse::service::review::{OpenReview, opening};
use recourse_events::Hash;
use recourse_events::case::{Triaged, Urgency};
use recourse_events::review::{
    Cell, Origin, Period, PeriodKind, Rating, ReportId, ReviewId, ReviewRated,
};
use recourse_events::vocabulary::Payload;
use recourse_projections::case::Command;
use recourse_projections::framework::Reference;
use recourse_projections::review::ReviewCommand;

use crate::helpers::{DataFolder, run, text};
use crate::service::{Org, form, organization};

/// Runs `recourse review <args> --bundle <bundle> --vkey <vkey>`.
fn review(args: &[&str], bundle: &Path, vkey: &str) -> std::process::Output {
    let mut all: Vec<String> = std::iter::once("review")
        .chain(args.iter().copied())
        .map(String::from)
        .collect();
    all.extend([
        "--bundle".into(),
        bundle.display().to_string(),
        "--vkey".into(),
        vkey.into(),
    ]);
    run(&all)
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// Appends a `review.opened` for `ask` computed as the service would, changed by `forge`, and
/// properly signed with the chair's key: verification passes, only a recomputation can tell.
async fn forged_review(
    o: &Org,
    ask: &OpenReview,
    when: Timestamp,
    forge: impl FnOnce(&mut recourse_events::review::ReviewOpened),
) -> ReviewId {
    let mut opened = o.service.read(|m| opening(m, ask));
    forge(&mut opened);
    let id = ReviewId(uuid::Uuid::now_v7());
    let payload = Payload::ReviewOpened(Box::new(opened));
    o.service
        .ledger()
        .append_at(
            &o.chair.key,
            &id.stream(),
            payload.kind(),
            serde_json::Value::Object(payload.to_data()),
            when,
        )
        .await
        .unwrap();
    id
}

struct Built {
    _d: DataFolder,
    data: PathBuf,
    bundle: PathBuf,
    vkey: String,
    /// The genuine review, approved.
    genuine: ReviewId,
    /// The figures it recorded (as JSON).
    figures: serde_json::Value,
    pinned_size: u64,
    reviewer: String,
    /// The item with tagged complaints.
    tagged_item: String,
    /// A review whose tagged-complaints count for `tagged_item` was raised by one.
    wrong_count: ReviewId,
    /// A review pinning a root the ledger does not have.
    wrong_root: ReviewId,
    /// A review made under another framework file.
    other_framework: ReviewId,
    /// The position of a complaint filed before every review.
    filed_position: u64,
    /// The quarter's transparency report, as published.
    report: ReportId,
    /// A report re-signed to show a suppressed count.
    forged_report: ReportId,
}

async fn build() -> Built {
    let d = DataFolder::empty();
    let o = organization(&d).await;
    let s = &o.service;
    let reference = Reference::shipped();
    let tagged_item = reference.framework.areas[0].items[0].id.clone();
    let t0 = at("2026-05-04T15:00:00Z");
    let mut filed_position = 0;
    for n in 0..3 {
        let filed = s.file(&s.web_intake(), form(), t0).await.unwrap();
        filed_position = filed.position;
        s.act(
            &o.intake,
            filed.case,
            Command::Acknowledge { note: None },
            t0,
        )
        .await
        .unwrap();
        let triage = Triaged {
            category: "service_quality".into(),
            rights: vec!["respect".into()],
            // Two of the three are tagged with the item.
            framework_items: if n < 2 {
                vec![tagged_item.clone()]
            } else {
                vec![]
            },
            urgency: Urgency::Routine,
            sensitive: false,
            escalated: false,
            named_staff: vec![],
        };
        s.act(&o.intake, filed.case, Command::Triage(triage), t0)
            .await
            .unwrap();
    }
    let ask = OpenReview {
        period: Period::new(PeriodKind::Quarter, "2026-04-01".parse().unwrap(), 1).unwrap(),
        area: None,
        origin: Origin::default(),
    };
    let t1 = at("2026-07-06T12:00:00Z");
    let (genuine, _) = s.open_review(&o.chair, &ask, t1).await.unwrap();
    let items: Vec<String> = s.read(|m| {
        m.review(&genuine)
            .unwrap()
            .items()
            .map(|i| i.item.clone())
            .collect()
    });
    for item in items {
        let rate = ReviewCommand::Rate(ReviewRated {
            item,
            rating: Rating::Met,
            reasons: "Seen in the files and the figures.".into(),
        });
        s.act_on_review(&o.reviewer, genuine, rate, t1)
            .await
            .unwrap();
    }
    s.act_on_review(&o.chair, genuine, ReviewCommand::Submit, t1)
        .await
        .unwrap();
    let approve = ReviewCommand::Approve {
        comments: "Approved.".into(),
    };
    s.act_on_review(&o.board, genuine, approve, t1)
        .await
        .unwrap();
    // The board publishes the quarter's transparency report, and a forged one (re-signed with
    // the board member's key) that shows the suppressed number of complaints received.
    let (report, _) = s.publish_report(&o.board, ask.period, t1).await.unwrap();
    let forged_report = {
        let mut r = s.read(|m| recourse::service::transparency::report(m, ask.period));
        let received = r.lines.iter_mut().find(|l| l.label == "received").unwrap();
        assert_eq!(
            received.cell,
            Cell::Suppressed,
            "3 complaints are not shown"
        );
        received.cell = Cell::Shown(3);
        let id = ReportId(uuid::Uuid::now_v7());
        let payload = Payload::ReportPublished(Box::new(r));
        s.ledger()
            .append_at(
                &o.board.key,
                &id.stream(),
                payload.kind(),
                serde_json::Value::Object(payload.to_data()),
                t1,
            )
            .await
            .unwrap();
        id
    };
    let (figures, pinned_size, tagged) = s.read(|m| {
        let opened = m.review(&genuine).unwrap().opened.clone().unwrap();
        let tagged = opened
            .items
            .iter()
            .find(|i| i.item == tagged_item)
            .unwrap()
            .figures
            .iter()
            .find(|f| f.measure == "tagged-complaints")
            .unwrap()
            .count;
        (
            serde_json::to_value(&opened.items).unwrap(),
            opened.pinned.size,
            tagged,
        )
    });
    assert_eq!(tagged, 2, "two complaints of the quarter are tagged");

    let item = tagged_item.clone();
    let wrong_count = forged_review(&o, &ask, t1, |opened| {
        let figure = opened
            .items
            .iter_mut()
            .find(|i| i.item == item)
            .unwrap()
            .figures
            .iter_mut()
            .find(|f| f.measure == "tagged-complaints")
            .unwrap();
        figure.count += 1;
    })
    .await;
    let wrong_root = forged_review(&o, &ask, t1, |opened| {
        opened.pinned.root = Hash::digest(b"not this ledger");
    })
    .await;
    let other_framework = forged_review(&o, &ask, t1, |opened| {
        opened.framework_version = "2099".into();
        opened.framework_sha256 = Hash::digest(b"another framework file");
    })
    .await;
    let reviewer = o.reviewer.actor.staff().unwrap().to_string();
    drop(o);

    let bundle = d.path.with_file_name("ledger.bundle");
    let out = d.run(&["export", "--out", bundle.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let vkey = std::fs::read_to_string(d.path.join("ledger.vkey"))
        .unwrap()
        .trim()
        .to_string();
    Built {
        data: d.path.clone(),
        _d: d,
        bundle,
        vkey,
        genuine,
        figures,
        pinned_size,
        reviewer,
        tagged_item,
        wrong_count,
        wrong_root,
        other_framework,
        filed_position,
        report,
        forged_report,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_review_is_listed_shown_and_recomputed_from_an_export() {
    let b = build().await;
    let id = b.genuine.to_string();

    // Listed, from the bundle and from the data folder alike.
    let data = b.data.display().to_string();
    for out in [
        review(&["list"], &b.bundle, &b.vkey),
        run(&[
            "review".into(),
            "list".into(),
            "--data".into(),
            data.clone(),
        ]),
    ] {
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let listed = text(&out.stdout);
        let line = listed
            .lines()
            .find(|l| l.starts_with(&id))
            .unwrap_or_else(|| panic!("{id} is not listed: {listed}"));
        assert_eq!(
            line.split('\t').collect::<Vec<_>>(),
            [id.as_str(), "2026-Q2", "framework", "approved"]
        );
        assert_eq!(listed.lines().count(), 4, "{listed}");
    }

    // Shown as JSON: the figures are the recorded ones, each item rated by the reviewer.
    let out = review(&["show", "--review", &id, "--json"], &b.bundle, &b.vkey);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(shown["status"], "approved");
    assert_eq!(shown["period"]["label"], "2026-Q2");
    assert_eq!(shown["pinned"]["size"], b.pinned_size);
    let items = shown["items"].as_array().unwrap();
    assert_eq!(
        serde_json::Value::Array(
            items
                .iter()
                .map(|i| serde_json::json!({"item": i["item"], "figures": i["figures"]}))
                .collect()
        ),
        b.figures
    );
    for i in items {
        assert_eq!(i["rating"]["rating"], "met", "{i}");
        assert_eq!(i["rating"]["by"], b.reviewer.as_str(), "{i}");
    }
    assert_eq!(shown["approved"]["comments"], "Approved.");

    // Shown as text from the data folder.
    let out = run(&[
        "review".into(),
        "show".into(),
        "--review".into(),
        id.clone(),
        "--data".into(),
        data,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    for expected in [
        "period 2026-Q2 (2026-04-01 to 2026-06-30, quarter)".to_string(),
        "status approved".into(),
        format!("pinned checkpoint: size {}", b.pinned_size),
        format!("item {}\n  tagged-complaints 2\n", b.tagged_item),
        format!("rated met by staff {}", b.reviewer),
    ] {
        assert!(shown.contains(&expected), "{expected:?} not in {shown}");
    }

    // Recomputed: every figure matches, quietly when stderr is not a terminal.
    let out = review(&["recompute", "--review", &id], &b.bundle, &b.vkey);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said} {}", text(&out.stderr));
    let items = b.figures.as_array().unwrap();
    let figures: usize = items
        .iter()
        .map(|i| i["figures"].as_array().unwrap().len())
        .sum();
    assert!(
        said.starts_with(&format!(
            "{figures} figures of {} items match the ledger at size {} (root ",
            items.len(),
            b.pinned_size
        )),
        "{said}"
    );
    let err = text(&out.stderr);
    assert!(!err.contains('\r') && !err.contains("verifying"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn altered_shortened_and_forged_exports_fail() {
    let b = build().await;
    let id = b.genuine.to_string();
    let original = std::fs::read_to_string(&b.bundle).unwrap();
    let lines: Vec<&str> = original.lines().collect();
    let write = |name: &str, lines: &[&str]| {
        let path = b.bundle.with_extension(name);
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        path
    };
    let recompute =
        |bundle: &Path, id: &str| review(&["recompute", "--review", id], bundle, &b.vkey);

    // One event altered (a complaint filed before the review): the position is named.
    let p = b.filed_position as usize;
    let mut altered = lines.clone();
    let changed = lines[p + 1].replacen("2026-05-04T", "2026-05-05T", 1);
    assert_ne!(changed, lines[p + 1], "the entry holds its time");
    altered[p + 1] = &changed;
    let out = recompute(&write("altered", &altered), &id);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(&format!("at position {p}:")),
        "{}",
        text(&out.stderr)
    );

    // One event removed.
    let mut removed = lines.clone();
    removed.remove(p + 1);
    let out = recompute(&write("removed", &removed), &id);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("verification FAILED at position"),
        "{}",
        text(&out.stderr)
    );

    // A review whose recorded figure is wrong, properly signed: only recomputing catches it.
    let out = recompute(&b.bundle, &b.wrong_count.to_string());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert_eq!(
        text(&out.stderr).trim().lines().last().unwrap(),
        format!(
            "item {}, figure tagged-complaints: recorded 3, recomputed 2",
            b.tagged_item
        )
    );

    // A review pinning a root the entries do not give.
    let out = recompute(&b.bundle, &b.wrong_root.to_string());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("entries do not give the pinned root"),
        "{}",
        text(&out.stderr)
    );

    // A review made under another framework file: the file is asked for (bad input, 2).
    let out = recompute(&b.bundle, &b.other_framework.to_string());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(
        err.contains(&Hash::digest(b"another framework file").to_hex())
            && err.contains("--framework FILE"),
        "{err}"
    );

    // Bad input: an unknown review, a malformed id, a missing bundle, a broken framework file.
    let unknown = ReviewId(uuid::Uuid::now_v7()).to_string();
    let out = recompute(&b.bundle, &unknown);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(&format!("no review {unknown}")),
        "{}",
        text(&out.stderr)
    );
    let out = recompute(&b.bundle, "not-a-review");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let missing = b.bundle.with_extension("missing");
    let out = recompute(&missing, &id);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(&missing.display().to_string()),
        "{}",
        text(&out.stderr)
    );
    let broken = b.bundle.with_extension("toml");
    std::fs::write(&broken, "areas = 3\n").unwrap();
    let out = review(
        &[
            "recompute",
            "--review",
            &id,
            "--framework",
            broken.to_str().unwrap(),
        ],
        &b.bundle,
        &b.vkey,
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("is not a usable framework file"),
        "{}",
        text(&out.stderr)
    );
    let out = review(&["show", "--review", &unknown], &b.bundle, &b.vkey);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// Runs `recourse report recompute --bundle <bundle> --vkey <vkey> --report <id>`.
fn report(bundle: &Path, vkey: &str, id: ReportId) -> std::process::Output {
    run(&[
        "report".to_string(),
        "recompute".into(),
        "--bundle".into(),
        bundle.display().to_string(),
        "--vkey".into(),
        vkey.into(),
        "--report".into(),
        id.to_string(),
    ])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_published_report_is_recomputed_and_a_forged_one_fails_naming_its_line() {
    let b = build().await;
    let out = report(&b.bundle, &b.vkey, b.report);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.contains("lines of report") && said.contains("2026-Q2"),
        "{said}"
    );
    assert!(said.contains("match the ledger at size"), "{said}");

    let out = report(&b.bundle, &b.vkey, b.forged_report);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("line received: recorded 3, recomputed suppressed"),
        "{}",
        text(&out.stderr)
    );

    let unknown = report(&b.bundle, &b.vkey, ReportId(uuid::Uuid::nil()));
    assert_eq!(unknown.status.code(), Some(2), "{}", text(&unknown.stderr));
}

/// Runs `recourse <args> --bundle <bundle> --vkey <vkey>` and returns its status and stdout.
fn on_bundle(args: &[&str], bundle: &Path, vkey: &str) -> (Option<i32>, String, String) {
    let mut all: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    all.extend([
        "--bundle".into(),
        bundle.display().to_string(),
        "--vkey".into(),
        vkey.into(),
    ]);
    let out = run(&all);
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

/// The ids in the first column of a `list` command's lines.
fn first_column(listed: &str) -> Vec<String> {
    listed
        .lines()
        .filter_map(|l| l.split('\t').next())
        .map(String::from)
        .collect()
}

/// The issue's own check, on the demo as `recourse demo` builds it: every review and every
/// published transparency report recomputes from the export, and an export with one event
/// altered or removed fails naming the position.
#[test]
fn every_review_and_report_of_the_demo_recomputes_from_its_export() {
    // Given the demo's ledger, exported,
    let d = DataFolder::empty();
    let out = d.run(&["demo", "--complaints", "40", "--seed", "3"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let bundle = d.path.with_file_name("demo.bundle");
    let out = d.run(&["export", "--out", bundle.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let vkey = std::fs::read_to_string(d.path.join("ledger.vkey")).unwrap();
    let vkey = vkey.trim();

    // when every review is recomputed, each matches, figure for figure;
    let (code, listed, err) = on_bundle(&["review", "list"], &bundle, vkey);
    assert_eq!(code, Some(0), "{err}");
    let reviews = first_column(&listed);
    assert!(reviews.len() >= 9, "{listed}");
    for id in &reviews {
        let (code, said, err) = on_bundle(&["review", "recompute", "--review", id], &bundle, vkey);
        assert_eq!(code, Some(0), "review {id}: {err}");
        assert!(said.contains("match"), "{said}");
    }
    // and so does every published transparency report.
    let (code, listed, err) = on_bundle(&["report", "list"], &bundle, vkey);
    assert_eq!(code, Some(0), "{err}");
    let reports = first_column(&listed);
    assert!(!reports.is_empty(), "the demo publishes a report: {listed}");
    for id in &reports {
        let (code, said, err) = on_bundle(&["report", "recompute", "--report", id], &bundle, vkey);
        assert_eq!(code, Some(0), "report {id}: {err}");
        assert!(said.contains("match the ledger at size"), "{said}");
    }

    // One event altered (its time moved by a minute), then one removed: both fail (status 1),
    // naming the position, for a review and for a report.
    let original = std::fs::read_to_string(&bundle).unwrap();
    let lines: Vec<&str> = original.lines().collect();
    let p = 30; // an entry well before the first review: the header is line 0
    let at = lines[p + 1].find("\"at\":\"").expect("an entry has a time") + 6 + 15;
    let mut altered_entry = lines[p + 1].to_string();
    let minute = altered_entry.as_bytes()[at];
    assert!(minute.is_ascii_digit(), "{altered_entry}");
    let other = if minute == b'0' { "1" } else { "0" };
    altered_entry.replace_range(at..at + 1, other);
    let mut altered = lines.clone();
    altered[p + 1] = &altered_entry;
    let mut removed = lines.clone();
    removed.remove(p + 1);
    for (name, lines, needle) in [
        ("altered", &altered, format!("at position {p}:")),
        (
            "removed",
            &removed,
            "verification FAILED at position".into(),
        ),
    ] {
        let path = bundle.with_extension(name);
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        for args in [
            ["review", "recompute", "--review", &reviews[0]],
            ["report", "recompute", "--report", &reports[0]],
        ] {
            let (code, said, err) = on_bundle(&args, &path, vkey);
            assert_eq!(code, Some(1), "{name} {args:?}: {said} {err}");
            assert!(err.contains(&needle), "{name} {args:?}: {err}");
        }
    }
}
