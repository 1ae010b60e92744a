//! The framework review pages over HTTP, on the demo agency: the whole flow (the chair opens
//! a review, a reviewer rates, an item partly met blocks submission until it has a follow-up,
//! the board returns it, the committee re-rates, the board approves, and the approved review
//! shows no forms and refuses every post); who may see and do what; the board never sees case
//! links nor case ids; the CSV and JSON exports; the printable report; Arabic and French
//! pages; an oversize text refused with a clear message and nothing recorded.

use recourse_events::limits::REVIEW_TEXT;
use recourse_events::org::Role;
use recourse_events::review::ReviewId;
use recourse_projections::review::ReviewStatus;
use recourse_projections::review::evidence;
use recourse_projections::review::measure::Measure;
use reqwest::StatusCode;

use crate::web_helpers::{Browser, Page, TestApp, spawn_app};

/// The review's period: the demo's last quarter (its present is 2026-03-11).
const PERIOD: &str = "2026-01-01";

/// A signed-in staff member and their session's CSRF token.
struct Staff {
    b: Browser,
    csrf: String,
}

impl Staff {
    async fn new(t: &TestApp, role: Role) -> Staff {
        let b = t.sign_in(t.login_of(role)).await;
        let page = b.get("/staff/password").await;
        let csrf = page.csrf().expect("a page with the sign-out form");
        Staff { b, csrf }
    }

    async fn get(&self, path: &str) -> Page {
        self.b.get(path).await
    }

    async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut all = vec![("csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        self.b.post_form(path, &all).await
    }
}

/// Opens a review as `chair` and returns its id.
async fn open(chair: &Staff, fields: &[(&str, &str)]) -> ReviewId {
    let p = chair.post("/board/reviews", fields).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    let to = p.header("location").expect("a location").to_owned();
    let id = to
        .strip_prefix("/board/reviews/")
        .and_then(|rest| rest.split('?').next())
        .expect("the review's page");
    assert!(to.ends_with("?done=review-opened"), "{to}");
    id.parse().expect("a review id")
}

/// The items of review `id`, in order.
fn items(t: &TestApp, id: ReviewId) -> Vec<String> {
    t.app.service.read(|m| {
        m.review(&id)
            .expect("the review")
            .items()
            .map(|i| i.item.clone())
            .collect()
    })
}

fn status(t: &TestApp, id: ReviewId) -> (ReviewStatus, u64) {
    t.app.service.read(|m| {
        let r = m.review(&id).expect("the review");
        (r.status, r.seq)
    })
}

fn area_of(t: &TestApp, item: &str) -> String {
    t.app.service.read(|m| {
        m.reference()
            .area_of_item(item)
            .expect("an item of the framework")
            .id
            .clone()
    })
}

async fn rate(s: &Staff, id: ReviewId, item: &str, rating: &str, reasons: &str) -> Page {
    s.post(
        &format!("/board/reviews/{id}/rate"),
        &[("item", item), ("rating", rating), ("reasons", reasons)],
    )
    .await
}

fn unescape(html: &str) -> String {
    html.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#38;", "&")
        .replace("&#x26;", "&")
        .replace("&amp;", "&")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_committee_and_the_board_take_a_review_from_opening_to_approval() {
    let t = spawn_app().await;
    let chair = Staff::new(&t, Role::Chair).await;
    let reviewer = Staff::new(&t, Role::Reviewer).await;
    let board = Staff::new(&t, Role::Board).await;

    // The chair sees the form, with the last eight quarters.
    let list = chair.get("/board/reviews").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(list.body.contains("Open a review"));
    assert_eq!(list.body.matches("<option value=\"20").count(), 8);

    let id = open(&chair, &[("kind", "quarter"), ("period", PERIOD)]).await;
    let page = chair
        .get(&format!("/board/reviews/{id}?done=review-opened"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let size = t
        .app
        .service
        .read(|m| m.review(&id).unwrap().opened.as_ref().unwrap().pinned.size);
    assert!(size > 100, "the demo's ledger: {size}");
    for text in [
        "The review is open.",
        "FY2025-Q4",
        "Whole framework",
        &format!("Entries: {size}"),
        "recourse review recompute",
        "Not rated yet.",
    ] {
        assert!(page.body.contains(text), "{text}: {}", page.body);
    }
    // The list shows it.
    let list = board.get("/board/reviews").await;
    assert!(
        list.body
            .contains(&format!("href=\"/board/reviews/{id}\">FY2025-Q4<"))
    );
    assert!(!list.body.contains("Open a review"), "only the chair opens");

    // The reviewer rates every item: the first partly met, the others met.
    let all = items(&t, id);
    assert!(all.len() >= 15, "{all:?}");
    let first = all[0].clone();
    let p = rate(&reviewer, id, &first, "partly_met", "Training is late.").await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    assert_eq!(
        p.header("location"),
        Some(format!("/board/reviews/{id}?done=review-rate#item-{first}").as_str())
    );
    for item in &all[1..] {
        let p = rate(&reviewer, id, item, "met", "In place.").await;
        assert_eq!(p.status, StatusCode::SEE_OTHER, "{item}: {}", p.body);
    }
    // The reviewer rates and attests, but neither submits nor decides.
    let page = reviewer.get(&format!("/board/reviews/{id}")).await;
    assert!(
        page.body
            .contains(&format!("action=\"/board/reviews/{id}/rate\""))
    );
    assert!(
        page.body
            .contains(&format!("action=\"/board/reviews/{id}/attest\""))
    );
    assert!(!page.body.contains(&format!("/board/reviews/{id}/submit")));
    assert!(!page.body.contains(&format!("/board/reviews/{id}/approve")));

    // The chair sees what blocks submission, and the follow-up links.
    let page = chair.get(&format!("/board/reviews/{id}")).await;
    assert!(page.body.contains(&format!(
        "{first}: partly met or not met, with no follow-up yet"
    )));
    assert!(page.body.contains(&format!(
        "href=\"/board/systemic/new?review={id}&amp;item={first}\""
    )));
    let area = area_of(&t, &first);
    let area_link = format!("/board/reviews?review={id}&item={first}&area={area}");
    assert!(
        unescape(&page.body).contains(&area_link),
        "{area_link}: {}",
        page.body
    );
    let p = chair
        .post(&format!("/board/reviews/{id}/submit"), &[])
        .await;
    assert_eq!(p.status, StatusCode::CONFLICT, "{}", p.body);
    assert!(
        unescape(&p.body).contains(&format!(
            "Item {first} is partly met or not met: open a systemic action or an area review for it first."
        )),
        "{}",
        p.body
    );
    assert_eq!(status(&t, id).0, ReviewStatus::Open);

    // The chair opens an area review for the item from the link's form.
    let form = chair.get(&area_link).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Open an area review for this item"));
    assert!(
        form.body
            .contains(&format!("name=\"origin_review\" value=\"{id}\""))
    );
    assert!(
        !form.body.contains("The whole framework"),
        "an area review only"
    );
    let area_review = open(
        &chair,
        &[
            ("kind", "quarter"),
            ("period", PERIOD),
            ("area", &area),
            ("origin_review", &id.to_string()),
            ("origin_item", &first),
        ],
    )
    .await;
    let page = chair.get(&format!("/board/reviews/{id}")).await;
    assert!(
        page.body
            .contains(&format!("href=\"/board/reviews/{area_review}\""))
    );
    assert!(
        page.body
            .contains("Every item is rated and every shortfall has a follow-up")
    );
    let p = chair
        .post(&format!("/board/reviews/{id}/submit"), &[])
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    assert_eq!(status(&t, id).0, ReviewStatus::Submitted);

    // The board returns it: comments are required.
    let page = board.get(&format!("/board/reviews/{id}")).await;
    assert!(
        page.body
            .contains(&format!("action=\"/board/reviews/{id}/return\""))
    );
    assert!(
        page.body
            .contains(&format!("action=\"/board/reviews/{id}/approve\""))
    );
    assert!(
        !page
            .body
            .contains(&format!("action=\"/board/reviews/{id}/rate\""))
    );
    let before = status(&t, id);
    let p = board
        .post(&format!("/board/reviews/{id}/return"), &[("comments", " ")])
        .await;
    assert_eq!(p.status, StatusCode::BAD_REQUEST, "{}", p.body);
    assert!(p.body.contains("Please fill this in."), "{}", p.body);
    assert_eq!(status(&t, id), before, "nothing recorded");
    let p = board
        .post(
            &format!("/board/reviews/{id}/return"),
            &[("comments", "Say more about the second item.")],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    assert_eq!(status(&t, id).0, ReviewStatus::Open);

    // The committee re-rates; the chair submits again; the board approves.
    let second = all[1].clone();
    let p = rate(&reviewer, id, &second, "met", "In place, checked again.").await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    let page = chair.get(&format!("/board/reviews/{id}")).await;
    assert!(page.body.contains("rated 2 times"));
    assert!(page.body.contains("Returned to the committee by"));
    assert!(page.body.contains("Say more about the second item."));
    let p = chair
        .post(&format!("/board/reviews/{id}/submit"), &[])
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    let p = board
        .post(&format!("/board/reviews/{id}/approve"), &[("comments", "")])
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    assert_eq!(status(&t, id).0, ReviewStatus::Approved);

    // Approved: final, no forms for anyone, and every post refused.
    let final_state = status(&t, id);
    for s in [&chair, &reviewer, &board] {
        let page = s.get(&format!("/board/reviews/{id}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("This review is approved: it is final"));
        assert!(
            !page.body.contains("action=\"/board/reviews/"),
            "a form on the approved review"
        );
        assert!(page.body.contains("Approved by"));
    }
    for (s, action, fields) in [
        (
            &reviewer,
            "rate",
            vec![
                ("item", first.as_str()),
                ("rating", "met"),
                ("reasons", "x"),
            ],
        ),
        (
            &reviewer,
            "attest",
            vec![("item", first.as_str()), ("statement", "x")],
        ),
        (&chair, "submit", vec![]),
        (&board, "return", vec![("comments", "again")]),
        (&board, "approve", vec![("comments", "")]),
    ] {
        let p = s
            .post(&format!("/board/reviews/{id}/{action}"), &fields)
            .await;
        assert!(p.status.is_client_error(), "{action}: {}", p.status);
        assert!(
            p.body
                .contains("This review is approved: it never changes."),
            "{action}: {}",
            p.body
        );
    }
    assert_eq!(status(&t, id), final_state, "nothing recorded");

    // The next quarter's review compares with the approved one.
    let next = open(&chair, &[("kind", "quarter"), ("period", "2026-04-01")]).await;
    let page = chair.get(&format!("/board/reviews/{next}")).await;
    assert!(
        page.body
            .contains(&format!("<a href=\"/board/reviews/{id}\">FY2025-Q4</a>"))
    );
    assert!(page.body.contains("Rated: Partly met"));
    assert!(page.body.contains("Rated: Met"));
    // A share with nothing to share ("0 of 0") says what it was before instead of a direction.
    let trends = ["up from ", "down from ", "unchanged from ", "previously "]
        .iter()
        .map(|t| page.body.matches(t).count())
        .sum::<usize>();
    let figures: usize = t.app.service.read(|m| {
        m.review(&next)
            .unwrap()
            .items()
            .map(|i| i.figures.len())
            .sum()
    });
    assert_eq!(trends, figures, "every figure has its trend");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_sees_and_does_what_the_rules_allow() {
    let t = spawn_app().await;
    let chair = Staff::new(&t, Role::Chair).await;
    let id = open(&chair, &[("kind", "quarter"), ("period", PERIOD)]).await;
    let paths = [
        "/board/reviews".to_owned(),
        format!("/board/reviews/{id}"),
        format!("/board/reviews/{id}/report"),
        format!("/board/reviews/{id}/export.csv"),
        format!("/board/reviews/{id}/export.json"),
    ];

    // Visitors are sent to sign in.
    let visitor = t.browser();
    for path in &paths {
        let p = visitor.get(path).await;
        assert_eq!(p.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(
            p.header("location"),
            Some(format!("/staff/login?next={path}").as_str())
        );
    }
    // Intake is refused everything.
    let intake = Staff::new(&t, Role::Intake).await;
    for path in &paths {
        let p = intake.get(path).await;
        assert_eq!(p.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert!(
        !intake
            .get("/staff")
            .await
            .body
            .contains("href=\"/board/reviews\"")
    );
    let item = items(&t, id)[0].clone();
    let p = rate(&intake, id, &item, "met", "x").await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
    let p = intake
        .post("/board/reviews", &[("kind", "quarter"), ("period", PERIOD)])
        .await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);

    // The others read, with a link in their navigation.
    for role in [
        Role::Board,
        Role::Chair,
        Role::Reviewer,
        Role::Auditor,
        Role::Admin,
    ] {
        let s = Staff::new(&t, role).await;
        for path in &paths {
            let p = s.get(path).await;
            assert_eq!(p.status, StatusCode::OK, "{role:?} {path}: {}", p.body);
        }
        let list = s.get("/board/reviews").await;
        assert!(
            list.body.contains("href=\"/board/reviews\""),
            "{role:?} nav"
        );
        assert_eq!(
            list.body.contains("action=\"/board/reviews\""),
            role == Role::Chair,
            "{role:?}: only the chair is offered the open form"
        );
    }

    // The rules' refusals by role, in words.
    let reviewer = Staff::new(&t, Role::Reviewer).await;
    let p = reviewer
        .post("/board/reviews", &[("kind", "quarter"), ("period", PERIOD)])
        .await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
    assert!(
        p.body
            .contains("Not allowed: only the chair opens a framework review.")
    );
    let board = Staff::new(&t, Role::Board).await;
    let p = rate(&board, id, &item, "met", "x").await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
    assert!(
        p.body
            .contains("Not allowed: only committee members rate framework items.")
    );
    assert!(
        p.body.contains(&format!("href=\"/board/reviews/{id}\"")),
        "a way back"
    );
    let p = reviewer
        .post(&format!("/board/reviews/{id}/submit"), &[])
        .await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
    // A form without its token is refused before anything else.
    let p = reviewer
        .b
        .post_form(&format!("/board/reviews/{id}/submit"), &[("csrf", "nope")])
        .await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
    // Bad periods and areas are refused with what to correct, and nothing opened.
    let before = t.app.service.read(|m| m.reviews().len());
    for (fields, message) in [
        (
            vec![("kind", "quarter"), ("period", "2026-02-01")],
            "Please choose one of the periods listed",
        ),
        (
            vec![("kind", "quarter"), ("period", "2999-01-01")],
            "Please choose one of the periods listed",
        ),
        (
            vec![("kind", "week"), ("period", PERIOD)],
            "Please choose one of the options.",
        ),
        (
            vec![("kind", "quarter"), ("period", PERIOD), ("area", "nowhere")],
            "Please choose one of the options.",
        ),
    ] {
        let p = chair.post("/board/reviews", &fields).await;
        assert_eq!(p.status, StatusCode::BAD_REQUEST, "{fields:?}");
        assert!(
            unescape(&p.body).contains(message),
            "{fields:?}: {}",
            p.body
        );
    }
    assert_eq!(t.app.service.read(|m| m.reviews().len()), before);
    // An unknown review is not found.
    let p = chair
        .get(&format!("/board/reviews/{}", ReviewId(uuid::Uuid::nil())))
        .await;
    assert_eq!(p.status, StatusCode::NOT_FOUND);
    let p = chair.get("/board/reviews/not-an-id").await;
    assert_eq!(p.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_board_sees_counts_and_never_case_links_nor_case_ids() {
    let t = spawn_app().await;
    let chair = Staff::new(&t, Role::Chair).await;
    let id = open(&chair, &[("kind", "quarter"), ("period", PERIOD)]).await;

    // A figure with cases behind it (the demo tags complaints with framework items).
    let (item, measure, cases) = t.app.service.read(|m| {
        let r = m.review(&id).unwrap();
        let period = r.period().unwrap();
        r.items()
            .flat_map(|i| i.figures.iter().map(move |f| (i.item.clone(), f.clone())))
            .filter(|(_, f)| f.count > 0 && !f.measure.contains("systemic"))
            .map(|(item, f)| {
                let (_, cases) =
                    evidence::cases_behind(m, period, &item, &Measure::parse(&f.measure).unwrap());
                (item, f.measure, cases)
            })
            .max_by_key(|(_, _, c)| c.len())
            .expect("a figure with cases")
    });
    assert!(!cases.is_empty());
    let link = format!("/board/reviews/{id}/cases?item={item}&measure={measure}");

    for role in [Role::Reviewer, Role::Chair, Role::Auditor] {
        let s = Staff::new(&t, role).await;
        let page = s.get(&format!("/board/reviews/{id}")).await;
        assert!(unescape(&page.body).contains(&link), "{role:?}: {link}");
        let p = s.get(&link).await;
        assert_eq!(p.status, StatusCode::OK, "{role:?}: {}", p.body);
        assert_eq!(p.body.matches("href=\"/staff/case/").count(), cases.len());
        for c in &cases {
            assert!(p.body.contains(&format!("href=\"/staff/case/{c}\"")));
        }
        assert!(
            p.body
                .contains("The cases are listed as the ledger stands now")
        );
    }

    let all_cases: Vec<String> = t
        .app
        .service
        .read(|m| m.cases().map(|c| c.id.to_string()).collect());
    assert!(all_cases.len() > 100);
    for role in [Role::Board, Role::Admin] {
        let s = Staff::new(&t, role).await;
        let p = s.get(&link).await;
        assert_eq!(p.status, StatusCode::FORBIDDEN, "{role:?}");
        assert!(!p.body.contains("/staff/case/"));
        for path in [
            format!("/board/reviews/{id}"),
            format!("/board/reviews/{id}/report"),
            format!("/board/reviews/{id}/export.csv"),
            format!("/board/reviews/{id}/export.json"),
            "/board/reviews".to_owned(),
        ] {
            let p = s.get(&path).await;
            assert_eq!(p.status, StatusCode::OK, "{role:?} {path}");
            assert!(!p.body.contains("/cases?"), "{role:?} {path}: a case link");
            assert!(
                !p.body.contains("/staff/case/"),
                "{role:?} {path}: a case link"
            );
            for c in &all_cases {
                assert!(!p.body.contains(c.as_str()), "{role:?} {path}: case id {c}");
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_exports_and_the_report_hold_every_item_and_figure() {
    let t = spawn_app().await;
    let chair = Staff::new(&t, Role::Chair).await;
    let reviewer = Staff::new(&t, Role::Reviewer).await;
    let board = Staff::new(&t, Role::Board).await;
    let id = open(&chair, &[("kind", "quarter"), ("period", PERIOD)]).await;
    let item = items(&t, id)[0].clone();
    let p = rate(
        &reviewer,
        id,
        &item,
        "met",
        "Fine, \"mostly\"\nand checked.",
    )
    .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let rater = t
        .staff
        .iter()
        .find(|s| s.login == t.login_of(Role::Reviewer))
        .unwrap()
        .name
        .clone();
    let (recorded, pinned) = t.app.service.read(|m| {
        let o = m.review(&id).unwrap().opened.clone().unwrap();
        (o.items.clone(), o.pinned)
    });

    let csv = board.get(&format!("/board/reviews/{id}/export.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        csv.header("content-disposition"),
        Some("attachment; filename=\"recourse-review-FY2025-Q4.csv\"")
    );
    let mut lines = csv.body.split("\r\n");
    assert_eq!(
        lines.next(),
        Some(
            "period,scope,item,measure,count,of,rating,rater,reasons,previous_rating,previous_count,previous_of"
        )
    );
    let body: Vec<&str> = csv
        .body
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .collect();
    let figures: usize = recorded.iter().map(|i| i.figures.len()).sum();
    // The reasons hold a line break inside quotes: count rows by their first fields.
    assert_eq!(
        body.iter()
            .filter(|l| l.starts_with("FY2025-Q4,framework,"))
            .count(),
        figures
    );
    for i in &recorded {
        for f in &i.figures {
            let start = format!(
                "FY2025-Q4,framework,{},{},{},{},",
                i.item,
                f.measure,
                f.count,
                f.of.map(|n| n.to_string()).unwrap_or_default()
            );
            let row = body
                .iter()
                .find(|l| l.starts_with(&start))
                .unwrap_or_else(|| panic!("no row {start}"));
            if i.item == item {
                assert!(
                    row.starts_with(&format!("{start}met,{rater},\"Fine, \"\"mostly\"\"")),
                    "{row}"
                );
            } else {
                // Not rated here; the previous columns hold the demo's last approved review.
                assert!(row.starts_with(&format!("{start},,,")), "{row}");
            }
        }
    }

    let json = board.get(&format!("/board/reviews/{id}/export.json")).await;
    assert_eq!(json.status, StatusCode::OK);
    assert_eq!(
        json.header("content-disposition"),
        Some("attachment; filename=\"recourse-review-FY2025-Q4.json\"")
    );
    let v: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(v["id"], id.to_string());
    assert_eq!(v["label"], "FY2025-Q4");
    assert_eq!(v["status"], "open");
    assert_eq!(v["opened"]["pinned"]["size"], pinned.size);
    assert_eq!(v["opened"]["pinned"]["root"], pinned.root.to_hex());
    assert_eq!(
        v["opened"]["items"],
        serde_json::to_value(&recorded).unwrap()
    );
    assert_eq!(v["ratings"][&item]["rating"], "met");
    assert_eq!(v["ratings"][&item]["by"], rater.as_str());
    assert_eq!(v["ratings"][&item]["times"], 1);

    // The report: the whole review, no navigation, no form, and the print stylesheet.
    let report = board.get(&format!("/board/reviews/{id}/report")).await;
    assert_eq!(report.status, StatusCode::OK);
    assert!(report.body.contains("<body class=\"report\">"));
    assert!(!report.body.contains("<nav") && !report.body.contains("<form"));
    assert!(
        report
            .body
            .contains("Draft: this review is not approved yet.")
    );
    assert!(
        report.body.contains("Fine, &quot;mostly&quot;")
            || report.body.contains("Fine, &#34;mostly&#34;")
    );
    assert_eq!(
        report.body.matches("class=\"review-item\"").count(),
        recorded.len()
    );
    let css = board.get("/static/style.css").await;
    assert!(css.body.contains("@media print"));
    assert!(
        css.body
            .contains(".report .review-area { break-before: page; }")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_review_page_is_served_in_arabic_right_to_left_and_in_french() {
    let t = spawn_app().await;
    let chair = Staff::new(&t, Role::Chair).await;
    let id = open(&chair, &[("kind", "quarter"), ("period", PERIOD)]).await;
    let item = items(&t, id)[0].clone();
    let (text_fr, text_en) = t.app.service.read(|m| {
        let (_, i) = m.reference().framework_item(&item).unwrap();
        (i.text_fr.clone(), i.text.clone())
    });

    let ar = chair.get(&format!("/board/reviews/{id}?lang=ar")).await;
    assert_eq!(ar.status, StatusCode::OK);
    assert!(ar.body.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.body.contains("مراجعة الإطار"));
    assert!(ar.body.contains("تقييم هذا البند"));

    let fr = chair.get(&format!("/board/reviews/{id}?lang=fr")).await;
    assert_eq!(fr.status, StatusCode::OK);
    assert!(fr.body.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(fr.body.contains("Revue du cadre"));
    assert!(fr.body.contains("Tout le cadre"));
    assert!(unescape(&fr.body).contains(&text_fr), "{text_fr}");
    assert!(!unescape(&fr.body).contains(&text_en), "{text_en}");
    // A refusal in French.
    let p = chair
        .post(&format!("/board/reviews/{id}/submit?lang=fr"), &[])
        .await;
    assert_eq!(p.status, StatusCode::CONFLICT);
    assert!(
        unescape(&p.body).contains("éléments ne sont pas encore évalués"),
        "{}",
        p.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversize_text_is_refused_clearly_and_nothing_is_recorded() {
    let t = spawn_app().await;
    let chair = Staff::new(&t, Role::Chair).await;
    let reviewer = Staff::new(&t, Role::Reviewer).await;
    let id = open(&chair, &[("kind", "quarter"), ("period", PERIOD)]).await;
    let item = items(&t, id)[0].clone();
    let before = status(&t, id);
    let long = "x".repeat(REVIEW_TEXT + 1);
    let p = rate(&reviewer, id, &item, "met", &long).await;
    assert_eq!(p.status, StatusCode::BAD_REQUEST);
    assert!(
        p.body.contains(&format!(
            "This is too long: {} characters, and at most {REVIEW_TEXT} are accepted.",
            REVIEW_TEXT + 1
        )),
        "{}",
        p.body
    );
    assert!(p.body.contains("data-field=\"reasons\""));
    assert!(
        p.body.contains(&format!("href=\"/board/reviews/{id}\"")),
        "a way back"
    );
    let p = reviewer
        .post(
            &format!("/board/reviews/{id}/attest"),
            &[("item", &item), ("statement", &long)],
        )
        .await;
    assert_eq!(p.status, StatusCode::BAD_REQUEST);
    // A missing rating is named too.
    let p = reviewer
        .post(
            &format!("/board/reviews/{id}/rate"),
            &[("item", &item), ("reasons", "ok")],
        )
        .await;
    assert_eq!(p.status, StatusCode::BAD_REQUEST);
    assert!(p.body.contains("data-field=\"rating\""));
    assert_eq!(status(&t, id), before, "nothing recorded");
    assert!(
        t.app
            .service
            .read(|m| m.review(&id).unwrap().ratings.is_empty())
    );
    // The form says the limit in words, and lets the browser hold it.
    let page = reviewer.get(&format!("/board/reviews/{id}")).await;
    assert!(
        page.body
            .contains(&format!("At most {REVIEW_TEXT} characters."))
    );
    assert!(
        page.body
            .contains(&format!("maxlength=\"{}\"", 2 * REVIEW_TEXT))
    );
    assert!(page.body.contains("Reasons (required)"));
}
