//! The public transparency report over HTTP, on the demo agency: a board member previews a
//! period and publishes it; anyone reads it without signing in, in every language; what the
//! event records is what the ledger gives for the period, with no count of 1 to 4 people
//! shown; only the board publishes.

use recourse_events::org::Role;
use recourse_events::review::{Cell, Period, PeriodKind};
use recourse_projections::transparency;
use reqwest::StatusCode;

use crate::scenario::{escaped, tr};
use crate::web_helpers::{Browser, spawn_app};

/// The demo's year from April 2025 (its year starts in April; it runs from March 2024 to
/// March 2026).
fn year() -> Period {
    Period::new(PeriodKind::Year, "2025-04-01".parse().unwrap(), 4).unwrap()
}

const KEY: &str = "year:2025-04-01";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_install_says_no_report_has_been_published_in_the_visitors_language() {
    // Given a fresh install, whose board has published nothing
    let (_app, base, _data) = crate::roles::fresh().await;
    let visitor = Browser::at(&base);
    for lang in ["en", "fr", "ar"] {
        // When a visitor opens the public report
        let page = visitor.get(&format!("/transparency?lang={lang}")).await;
        // Then it says, in the visitor's language, that there is none yet
        assert_eq!(page.status, StatusCode::OK);
        let none = escaped(&tr(lang, "transparency-none"));
        assert!(
            page.body.contains(&none),
            "{lang}: {none:?} in {}",
            page.body
        );
    }
    assert!(tr("en", "transparency-none").contains("No report has been published yet."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_board_member_publishes_a_report_anyone_reads_in_every_language() {
    let t = spawn_app().await;
    let visitor = t.browser();
    // The demo's board published its first full year (April 2024 to March 2025) last summer.
    let before = t.app.service.read(|m| m.reports().len());
    assert_eq!(before, 1);
    let last_year = visitor.get("/transparency").await;
    assert_eq!(last_year.status, StatusCode::OK);
    assert!(
        !last_year.body.contains("No report has been published yet.")
            && last_year.body.contains("2024"),
        "{}",
        last_year.body
    );

    let board = t.sign_in(t.login_of(Role::Board)).await;
    let preview = board
        .get(&format!("/board/transparency?period={KEY}"))
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(preview.body.contains("Publish this report"));
    let csrf = preview
        .csrf()
        .expect("the publish form carries a CSRF token");
    let done = board
        .post_form(
            "/board/transparency",
            &[("csrf", csrf.as_str()), ("period", KEY)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let location = done.header("location").expect("a redirect").to_owned();
    assert!(location.starts_with("/transparency/"), "{location}");

    // What was recorded is what the ledger gives for the period, pinned where it was made.
    let (published, expected) = t.app.service.read(|m| {
        assert_eq!(m.reports().len(), before + 1);
        let r = m
            .reports()
            .first()
            .map(|r| (**r).clone())
            .expect("the newest report");
        (r, transparency::contents(m, year()))
    });
    assert_eq!(published.report.lines, expected.lines);
    assert_eq!(published.report.period, year());
    let received = published
        .report
        .lines
        .iter()
        .find(|l| l.label == "received")
        .expect("a received line");
    let Cell::Shown(n) = received.cell else {
        panic!("a year of the demo is not a small number")
    };
    assert!(n > 20, "{n}");
    // No count of 1 to 4 people is published (the systemic lines are not about people).
    for line in published
        .report
        .lines
        .iter()
        .filter(|l| !l.label.starts_with("systemic"))
    {
        if let Cell::Shown(n) = line.cell {
            assert!(n == 0 || n >= 5, "{} = {n}", line.label);
        }
    }

    for (lang, dir, title) in [
        ("en", "ltr", "Transparency report"),
        ("fr", "ltr", "Rapport de transparence"),
        ("ar", "rtl", "تقرير الشفافية"),
    ] {
        let page = visitor.get(&format!("/transparency?lang={lang}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&format!("dir=\"{dir}\"")), "{lang}");
        assert!(page.body.contains(title), "{lang}: {}", page.body);
        assert!(page.body.contains(&n.to_string()), "{lang}");
        assert!(page.body.contains("2025"), "{lang}");
    }
    let by_id = visitor.get(&location).await;
    assert_eq!(by_id.status, StatusCode::OK);
    assert_eq!(
        visitor.get("/transparency/not-a-report").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_board_publishes_and_bad_periods_are_refused() {
    let t = spawn_app().await;
    let before = t.app.service.read(|m| m.reports().len());
    // Not signed in: sent to sign in.
    let visitor = t.browser();
    let page = visitor.get("/board/transparency").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);

    // Intake may not see the board's page.
    let intake = t.sign_in(t.login_of(Role::Intake)).await;
    assert_eq!(
        intake.get("/board/transparency").await.status,
        StatusCode::FORBIDDEN
    );

    // The chair previews but may not publish.
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    let preview = chair
        .get(&format!("/board/transparency?period={KEY}"))
        .await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(
        preview
            .body
            .contains("Only a board member can publish a report.")
    );
    let csrf = chair
        .get("/board/transparency")
        .await
        .csrf()
        .or_else(|| chair.cookie("recourse_csrf"))
        .expect("a CSRF token");
    let refused = chair
        .post_form(
            "/board/transparency",
            &[("csrf", csrf.as_str()), ("period", KEY)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert_eq!(t.app.service.read(|m| m.reports().len()), before);

    // A period the page does not offer is a clear 400, and nothing is recorded.
    let board = t.sign_in(t.login_of(Role::Board)).await;
    let bad = board
        .get("/board/transparency?period=year:2025-01-01")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let csrf = board.get("/board/transparency").await.csrf();
    let csrf = csrf
        .or_else(|| board.cookie("recourse_csrf"))
        .expect("a CSRF token");
    let bad = board
        .post_form(
            "/board/transparency",
            &[("csrf", csrf.as_str()), ("period", "quarter:1999-01-01")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
    assert_eq!(t.app.service.read(|m| m.reports().len()), before);
}
