//! The board's dashboard over HTTP, on the demo agency: a board member sees the charts (each
//! an accessible figure with its table) and the figures of the read model's report for the
//! same period, downloads the same figures as CSV and JSON; other staff are refused and
//! visitors sent to sign in; no page or file holds a name, a client's words or a case id; a
//! bad period is a 400 with a clear message.

use jiff::Timestamp;
use jiff::civil::date;
use recourse_events::org::Role;
use recourse_projections::dashboard::{Dimension, Granularity, Group, Published, Query};
use recourse_projections::suppression::MIN_CELL;
use reqwest::StatusCode;

use crate::web_helpers::{Page, TestApp, spawn_app};

/// Two years of the demo, by quarter (the demo's present is 2026-03-11).
const PERIOD: &str = "granularity=quarter&from=2024-04-01&to=2026-03-31";

fn query() -> Query {
    Query {
        granularity: Granularity::Quarter,
        from: date(2024, 4, 1),
        to: date(2026, 3, 31),
    }
}

/// The report the page must show: the read model's, for the same query, as published.
fn expected(t: &TestApp) -> Published {
    t.app
        .service
        .read(|m| m.dashboard(&query(), Timestamp::now()))
        .published(MIN_CELL)
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// A row of a table whose first cell is `head`, as the page writes it.
fn row(head: &str, cells: &[String]) -> String {
    let mut s = format!("<th scope=\"row\">{head}</th>");
    for c in cells {
        s.push_str(&format!("<td>{c}</td>"));
    }
    s
}

fn pct(x: Option<f64>) -> String {
    x.map_or("no data".into(), |x| format!("{x}%"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_board_member_sees_accessible_charts_with_the_reports_figures() {
    let t = spawn_app().await;
    let board = t.sign_in(t.login_of(Role::Board)).await;
    let page = board.get(&format!("/board?{PERIOD}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.header("content-type")
            .is_some_and(|c| c.starts_with("text/html"))
    );
    let html = &page.body;
    let r = expected(&t);
    assert!(r.total.received > 100, "the demo's two years: {r:?}");

    // Every chart is a figure with a caption, an SVG image named by its title and
    // description, and its numbers in a table.
    let figures = count(html, "<figure class=\"chart\"");
    assert!(figures >= 12, "{figures} charts");
    assert_eq!(count(html, "<figcaption>"), figures);
    assert_eq!(count(html, "<svg "), figures);
    assert_eq!(count(html, "role=\"img\""), figures);
    assert_eq!(count(html, "<desc id="), figures);
    assert_eq!(
        count(html, "<summary>Show the numbers as a table</summary>"),
        figures
    );
    for id in [
        "c-volumes",
        "c-timeliness",
        "c-outcomes",
        "c-rights",
        "c-satisfaction",
    ] {
        assert!(
            html.contains(&format!("aria-labelledby=\"{id}-t {id}-d\"")),
            "{id} is not labelled"
        );
        assert!(
            html.contains(&format!("<title id=\"{id}-t\">")),
            "{id} has no title"
        );
    }
    // Series differ by more than colour: a striped pattern, a dashed line.
    assert!(html.contains("<pattern id=\"c-volumes-p1\""));
    assert!(html.contains("stroke-dasharray=\"7 4\""));
    // No script, no inline style (the CSP forbids both).
    assert!(!html.contains("<script>") && !html.contains(" style=\""));

    // Key figures and the targets in force.
    let (ack, decide) = t.app.service.read(|m| {
        (
            m.clocks().acknowledge_business_days(),
            m.clocks().decide_calendar_days(),
        )
    });
    assert!(html.contains(&format!(
        "within {ack} working days, and give a decision within {decide} days"
    )));
    assert!(html.contains(&format!(
        "<dt>Complaints received</dt><dd>{}</dd>",
        r.total.received
    )));
    assert!(html.contains(&format!(
        "<dt>Decided on time</dt><dd>{}</dd>",
        pct(r.total.decided_within_target_pct)
    )));

    // The volumes table: each quarter's received and still open, and the total.
    for (p, m) in &r.periods {
        let label = format!("Q{} {}", p.index, p.year);
        let cells = [m.received.to_string(), m.open.to_string()];
        assert!(html.contains(&row(&label, &cells)), "{label}: {m:?}");
    }
    let total = [r.total.received.to_string(), r.total.open.to_string()];
    assert!(html.contains(&row("Total", &total)));
    // Timeliness by quarter.
    let (p, m) = &r.periods[3];
    let cells = [
        m.acknowledged.to_string(),
        pct(m.acknowledged_within_target_pct),
        m.decided.to_string(),
        pct(m.decided_within_target_pct),
    ];
    assert!(html.contains(&row(&format!("Q{} {}", p.index, p.year), &cells)));

    // Outcomes and rights, with the rights' titles from the reference.
    let upheld = r.total.outcomes.get("upheld").copied().unwrap_or(0);
    assert!(html.contains(&format!("Upheld: the client was right</th><td>{upheld} (")));
    let reference = t.app.service.read(|m| m.reference().clone());
    let rights = &r.breakdowns[&Dimension::Right];
    assert!(!rights.is_empty());
    for g in rights {
        let right = reference
            .client_code
            .rights
            .iter()
            .find(|x| x.id == g.value)
            .expect("a right of the Client Code");
        // A right of fewer than 5 complaints reads so, with no share.
        let cell = match &g.metrics {
            Some(m) => format!("{} (", m.received),
            None => "fewer than 5</td>".to_owned(),
        };
        assert!(
            html.contains(&format!("{}</th><td>{cell}", right.title)),
            "right {}",
            g.value
        );
    }
    // The breakdown by channel.
    let channels = &r.breakdowns[&Dimension::Channel];
    let web: &Group = channels.iter().find(|g| g.value == "web").unwrap();
    let web = web
        .metrics
        .as_ref()
        .expect("the demo's web filings are many");
    assert!(html.contains(&format!(
        "<th scope=\"row\">Web form</th><td>{}</td>",
        web.received
    )));

    // In French, rights have their French titles.
    let fr = board.get(&format!("/board?{PERIOD}&lang=fr")).await;
    assert_eq!(fr.status, StatusCode::OK);
    assert!(fr.body.contains("<html lang=\"fr\""));
    let id = &rights[0].value;
    let right = reference
        .client_code
        .rights
        .iter()
        .find(|x| &x.id == id)
        .unwrap();
    assert!(fr.body.contains(&right.title_fr), "{}", right.title_fr);

    // Without parameters: by quarter, from the first filing's quarter up to today.
    let default = board.get("/board").await;
    assert_eq!(default.status, StatusCode::OK);
    assert!(default.body.contains("<option value=\"quarter\" selected>"));
    let (today, first) = t.app.service.read(|m| {
        let first = m.cases().filter_map(|c| c.filed_at).min().unwrap();
        (
            m.clocks().local_date(Timestamp::now()),
            m.clocks().local_date(first),
        )
    });
    let from = date(first.year(), (first.month() - 1) / 3 * 3 + 1, 1);
    // Askama writes `&` in attributes as `&#38;`.
    assert!(
        default.body.contains(&format!(
            "/board/export.csv?granularity=quarter&#38;from={from}&#38;to={today}\""
        )),
        "{from} {today}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_exports_hold_the_same_figures() {
    let t = spawn_app().await;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    let r = expected(&t);

    let csv = chair.get(&format!("/board/export.csv?{PERIOD}")).await;
    assert_eq!(csv.status, StatusCode::OK, "{}", csv.body);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        csv.header("content-disposition"),
        Some("attachment; filename=\"recourse-dashboard.csv\"")
    );
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), r.periods.len() + 2, "header, periods, total");
    let head: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(&head[..5], ["period", "from", "to", "received", "open"]);
    let col = |name: &str| head.iter().position(|h| *h == name).expect(name);
    for (line, (p, m)) in lines[1..].iter().zip(&r.periods) {
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), head.len(), "{line}");
        assert_eq!(f[0], p.to_string());
        assert_eq!(f[col("received")], m.received.to_string());
        assert_eq!(f[col("open")], m.open.to_string());
        assert_eq!(f[col("actions_opened")], m.actions_opened.to_string());
        assert_eq!(
            f[col("decided_within_target_pct")],
            m.decided_within_target_pct
                .map(|x| x.to_string())
                .unwrap_or_default()
        );
        assert_eq!(
            f[col("outcome_upheld")],
            m.outcomes.get("upheld").copied().unwrap_or(0).to_string()
        );
    }
    let total: Vec<&str> = lines.last().unwrap().split(',').collect();
    assert_eq!(&total[..3], ["total", "2024-04-01", "2026-03-31"]);
    assert_eq!(total[col("received")], r.total.received.to_string());
    assert_eq!(total[col("recusals")], r.total.recusals.to_string());

    let json = chair.get(&format!("/board/export.json?{PERIOD}")).await;
    assert_eq!(json.status, StatusCode::OK, "{}", json.body);
    assert!(
        json.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(v["query"], serde_json::to_value(query()).unwrap());
    assert_eq!(v["report"], serde_json::to_value(&r).unwrap());
    assert_eq!(v["targets"]["decide_calendar_days"], 30);

    // An administrator may read them too.
    let admin = t.sign_in(t.login_of(Role::Admin)).await;
    assert_eq!(admin.get("/board/export.json").await.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn small_groups_are_suppressed_alike_on_the_page_in_the_export_and_the_api() {
    let t = spawn_app().await;
    let board = t.sign_in(t.login_of(Role::Board)).await;
    let raw = t
        .app
        .service
        .read(|m| m.dashboard(&query(), Timestamp::now()));
    // The demo has groups of 1 to 4 cases (else this test would show nothing).
    let small: Vec<(Dimension, &str)> = raw
        .breakdowns
        .iter()
        .flat_map(|(d, groups)| {
            groups
                .iter()
                .map(move |(v, m)| (*d, v.as_str(), m.received))
        })
        .filter(|(_, _, n)| (1..MIN_CELL).contains(n))
        .map(|(d, v, _)| (d, v))
        .collect();
    assert!(!small.is_empty(), "{:?}", raw.breakdowns);

    let api = board.get(&format!("/api/v1/dashboard?{PERIOD}")).await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.body);
    let api: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(api["min_cell"], MIN_CELL);
    let mut hidden_in_partitions = 0;
    for dim in Dimension::ALL {
        let groups = api["breakdowns"][dim.as_str()].as_array().unwrap();
        let exact = &raw.breakdowns[&dim];
        assert_eq!(groups.len(), exact.len(), "{dim:?}: every group is listed");
        let mut hidden = 0;
        for (g, (value, m)) in groups.iter().zip(exact) {
            assert_eq!(g["value"], value.as_str());
            if g["suppressed"] == true {
                // Nothing of it: no count, no share, no median.
                assert!(g["metrics"].is_null(), "{g}");
                hidden += 1;
            } else {
                assert_eq!(g["suppressed"], false, "{g}");
                assert_eq!(g["metrics"]["received"], m.received, "{dim:?} {value}");
                assert!(m.received == 0 || m.received >= MIN_CELL, "{dim:?} {value}");
            }
        }
        if dim.partitions() {
            // No group can be found as the total minus the others.
            assert_ne!(hidden, 1, "{dim:?}");
            hidden_in_partitions += hidden;
        }
    }
    for (dim, value) in &small {
        let g = api["breakdowns"][dim.as_str()]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["value"] == *value)
            .unwrap();
        assert_eq!(g["suppressed"], true, "{dim:?} {value}");
    }
    // The periods and the total are not broken down, and stay.
    assert_eq!(api["total"]["received"], raw.total.received);

    // The JSON export holds the same groups.
    let export = board.get(&format!("/board/export.json?{PERIOD}")).await;
    let export: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    assert_eq!(export["report"]["breakdowns"], api["breakdowns"]);

    // The page writes a hidden group of a partition "not shown" with every other figure
    // blank, and a small right or area "fewer than 5"; and says why.
    let page = board.get(&format!("/board?{PERIOD}")).await;
    let blanks = "<td></td>".repeat(7);
    assert_eq!(
        count(&page.body, &format!("<td>not shown</td>{blanks}</tr>")),
        hidden_in_partitions,
        "{}",
        page.body
    );
    let small_overlapping = small.iter().filter(|(d, _)| !d.partitions()).count();
    assert_eq!(
        count(&page.body, &format!("<td>fewer than 5</td>{blanks}</tr>")),
        small_overlapping
    );
    assert!(
        page.body
            .contains("a group of fewer than 5 complaints is not shown")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn others_are_refused_and_bad_periods_explained() {
    let t = spawn_app().await;
    let visitor = t.browser();
    for path in ["/board", "/board/export.csv", "/board/export.json"] {
        let p = visitor.get(path).await;
        assert_eq!(p.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(
            p.header("location"),
            Some(format!("/staff/login?next={path}").as_str())
        );
    }
    for role in [Role::Reviewer, Role::Intake, Role::Auditor] {
        let staff = t.sign_in(t.login_of(role)).await;
        for path in ["/board", "/board/export.csv", "/board/export.json"] {
            let p = staff.get(&format!("{path}?{PERIOD}")).await;
            assert_eq!(p.status, StatusCode::FORBIDDEN, "{role:?} {path}");
            assert!(!p.body.contains("<svg"), "{role:?} {path}");
        }
    }

    let board = t.sign_in(t.login_of(Role::Board)).await;
    for (q, message) in [
        ("from=2026-13-01", "Enter the first day as year-month-day"),
        ("to=31/12/2025", "Enter the last day as year-month-day"),
        (
            "from=2026-03-01&to=2025-03-01",
            "The first day must be before the last day",
        ),
        (
            "granularity=month&from=2010-01-01&to=2025-01-01",
            "The period can be 10 years at most",
        ),
        ("granularity=week", "Choose month, quarter or year"),
    ] {
        let p = board.get(&format!("/board?{q}")).await;
        assert_eq!(p.status, StatusCode::BAD_REQUEST, "{q}");
        assert!(p.body.contains("class=\"error-summary\""), "{q}");
        assert!(p.body.contains(message), "{q}: {}", p.body);
        assert!(!p.body.contains("<svg"), "{q}");
        // The form is shown again, to correct it.
        assert!(p.body.contains("<form method=\"get\" action=\"/board\""));
        for export in ["/board/export.csv", "/board/export.json"] {
            let e = board.get(&format!("{export}?{q}")).await;
            assert_eq!(e.status, StatusCode::BAD_REQUEST, "{export}?{q}");
            assert!(e.body.contains(message), "{export}?{q}: {}", e.body);
        }
    }
    let api = board
        .get_with(
            "/board/export.json?from=x",
            &[("accept", "application/json")],
        )
        .await;
    assert_eq!(api.status, StatusCode::BAD_REQUEST);
    let v: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(v["error"]["code"], "bad_request");
}

/// Whether `s` holds something shaped like a UUID (case and staff ids are UUIDs).
fn has_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(36).any(|w| {
        w.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_names_no_client_words_no_ids() {
    let t = spawn_app().await;
    let login = t.login_of(Role::Board).to_owned();
    let me = t
        .staff
        .iter()
        .find(|s| s.login == login)
        .unwrap()
        .name
        .clone();
    let board = t.sign_in(&login).await;
    let mut pages: Vec<(String, Page)> = Vec::new();
    for path in [
        format!("/board?{PERIOD}"),
        format!("/board?{PERIOD}&lang=fr"),
        "/board?granularity=month&from=2024-03-01&to=2026-03-31".to_string(),
        format!("/board/export.csv?{PERIOD}"),
        format!("/board/export.json?{PERIOD}"),
    ] {
        let p = board.get(&path).await;
        assert_eq!(p.status, StatusCode::OK, "{path}");
        pages.push((path, p));
    }
    let clients = [
        "Grace Thompson",
        "Layla Haddad",
        "Omar Khatib",
        "Aminata Diallo",
        "Maryam Rahimi",
    ];
    let words = [
        "The worker was in a hurry",
        "interpreter for my appointment",
        "raised her voice",
    ];
    for (path, p) in &pages {
        for s in &t.staff {
            // The signed-in member's own name is in the page's sign-out button, nowhere else.
            if s.name == me && path.starts_with("/board?") {
                assert_eq!(count(&p.body, &s.name), 1, "{path}");
                continue;
            }
            assert!(!p.body.contains(&s.name), "{path} names {}", s.name);
            assert!(
                !p.body.contains(&format!(">{}<", s.login)),
                "{path} shows {}",
                s.login
            );
        }
        for name in clients.iter().chain(&words) {
            assert!(!p.body.contains(name), "{path} holds {name}");
        }
        assert!(!has_uuid(&p.body), "{path} holds an id");
    }
}

/// The fields refused in an API error: (field, message id, message).
fn refused(body: &str) -> Vec<(String, String, String)> {
    let v: serde_json::Value = serde_json::from_str(body).unwrap();
    v["error"]["fields"]
        .as_array()
        .unwrap_or_else(|| panic!("no refused fields: {body}"))
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            (s("field"), s("message_id"), s("message"))
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_and_the_api_share_one_default_and_one_longest_range() {
    // Given a board member, signed in,
    let t = spawn_app().await;
    let board = t.sign_in(t.login_of(Role::Board)).await;

    // when both doors are asked for the dashboard without a period,
    let api = board.get("/api/v1/dashboard").await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.body);
    let api: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    let page = board.get("/board").await;
    assert_eq!(page.status, StatusCode::OK);
    let export = board.get("/board/export.json").await;
    let export: serde_json::Value = serde_json::from_str(&export.body).unwrap();

    // then they report the same query: by quarter, from the first filing's quarter to today.
    assert_eq!(api["query"], export["query"]);
    let from = api["query"]["from"].as_str().unwrap();
    let to = api["query"]["to"].as_str().unwrap();
    assert_eq!(api["query"]["granularity"], "quarter");
    assert!(
        page.body
            .contains(&format!("id=\"from\" name=\"from\" value=\"{from}\"")),
        "the page's first day is the API's, {from}"
    );
    assert!(
        page.body
            .contains(&format!("id=\"to\" name=\"to\" value=\"{to}\""))
    );
    let to_date: jiff::civil::Date = to.parse().unwrap();
    let first = t.app.service.read(|m| {
        let at = m.cases().filter_map(|c| c.filed_at).min().unwrap();
        m.clocks().local_date(at)
    });
    let quarter = |d: jiff::civil::Date| date(d.year(), (d.month() - 1) / 3 * 3 + 1, 1);
    assert_eq!(from, quarter(first).to_string());
    let quarters = (i32::from(to_date.year()) - i32::from(first.year())) * 4
        + (i32::from(to_date.month()) - 1) / 3
        - (i32::from(first.month()) - 1) / 3
        + 1;
    assert_eq!(api["periods"].as_array().unwrap().len(), quarters as usize);

    // Ten years is the longest range on both,
    let ten = "granularity=year&from=2016-01-01&to=2026-01-01";
    assert_eq!(
        board.get(&format!("/board?{ten}")).await.status,
        StatusCode::OK
    );
    let r = board.get(&format!("/api/v1/dashboard?{ten}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    // and a day more is refused by both, for the same field, with the same message.
    let longer = "granularity=year&from=2016-01-01&to=2026-01-02";
    let page = board.get(&format!("/board?{longer}")).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    let english = "The period can be 10 years at most. Choose a shorter period.";
    assert!(page.body.contains(english), "{}", page.body);
    assert!(
        page.body
            .contains("<p class=\"field-error\" id=\"to-error\">")
    );
    let api = board.get(&format!("/api/v1/dashboard?{longer}")).await;
    assert_eq!(api.status, StatusCode::BAD_REQUEST, "{}", api.body);
    assert_eq!(
        refused(&api.body),
        [(
            "to".to_owned(),
            "board-error-too-long".to_owned(),
            english.to_owned()
        )]
    );
    // A range the API allowed before (up to 50 years) is refused like on the page.
    let api = board
        .get("/api/v1/dashboard?from=1990-01-01&to=2026-01-01")
        .await;
    assert_eq!(api.status, StatusCode::BAD_REQUEST, "{}", api.body);
    assert_eq!(refused(&api.body)[0].1, "board-error-too-long");

    // The refusal is translated, on the page and in the exports.
    let fr = board.get(&format!("/board?{longer}&lang=fr")).await;
    assert!(
        fr.body.contains("La période peut durer au plus 10 ans."),
        "{}",
        fr.body
    );
    let csv = board
        .get(&format!("/board/export.csv?{longer}&lang=fr"))
        .await;
    assert_eq!(csv.status, StatusCode::BAD_REQUEST);
    assert!(csv.body.contains("La période peut durer au plus 10 ans."));
    // A first day after the last: the same field and message on both doors.
    let reversed = "from=2026-03-01&to=2025-03-01";
    let api = board.get(&format!("/api/v1/dashboard?{reversed}")).await;
    assert_eq!(refused(&api.body)[0].0, "from");
    assert_eq!(refused(&api.body)[0].1, "board-error-order");
    let page = board.get(&format!("/board?{reversed}")).await;
    assert!(page.body.contains(&refused(&api.body)[0].2));
}
