//! The client's tracking page is post, then redirect, then get (issue 12): the receipt code and
//! every action answer `303` to `/track/case`, which shows the case of the browser's visit
//! (a cookie, never the code in a URL) and the action's notice once; the same form sent twice
//! acts once; another browser, a forged cookie or "I'm done" gets the code form.

use reqwest::StatusCode;

use crate::api::{file, roomy};
use crate::web_helpers::{Browser, Page, TestApp, spawn_app_with};

/// The value of the first hidden `once` field of `page`.
fn once_in(page: &Page) -> String {
    let at = page
        .body
        .find("name=\"once\" value=\"")
        .expect("a one-time id")
        + 19;
    page.body[at..at + 32].to_string()
}

/// The code given on the code form: the answer (not followed).
async fn give_code(b: &Browser, code: &str) -> Page {
    let form = b.get("/track").await;
    b.post_form(
        "/track",
        &[("csrf", form.csrf().unwrap().as_str()), ("code", code)],
    )
    .await
}

/// The visit cookie set by `answer` (its `name=value`).
fn visit_cookie(answer: &Page) -> String {
    let set = answer
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("recourse_visit="))
        .expect("a visit cookie")
        .to_string();
    assert!(
        set.contains("; Path=/track; HttpOnly; SameSite=Strict"),
        "{set}"
    );
    set.split(';').next().unwrap().to_string()
}

/// Whether `page` is the code form rather than a case.
fn is_code_form(page: &Page) -> bool {
    page.status == StatusCode::OK
        && page.body.contains("name=\"code\"")
        && !page.body.contains("action=\"/track/message\"")
}

async fn ledger_size(t: &TestApp) -> u64 {
    t.app.service.store().size().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_posted_twice_is_sent_once_and_its_notice_shows_once() {
    // Given a client on the tracking page of their complaint
    let t = spawn_app_with(roomy()).await;
    let (_, code) = file(&t, "Nobody called me back.").await;
    let b = t.browser();
    let given = give_code(&b, &code).await;
    // (the code answers 303 to the case page, which does not name the code)
    assert_eq!(given.status, StatusCode::SEE_OTHER, "{}", given.body);
    let to = given.header("location").unwrap().to_string();
    assert_eq!(to, "/track/case");
    let page = b.get(&to).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("action=\"/track/message\""));
    let csrf = page.csrf().unwrap();
    let once = once_in(&page);
    let text = "When will I hear back from you?";
    let fields = [
        ("csrf", csrf.as_str()),
        ("code", code.as_str()),
        ("once", once.as_str()),
        ("text", text),
    ];
    let before = ledger_size(&t).await;

    // When they send a message
    let sent = b.post_form("/track/message", &fields).await;
    // Then it is recorded, and the answer sends to the case page, not naming the code
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let to = sent.header("location").unwrap().to_string();
    assert_eq!(to, "/track/case");
    assert!(!to.contains(&code) && !to.contains(&code.replace('-', "")));
    let after = ledger_size(&t).await;
    assert!(after > before, "the message is in the ledger");
    // And the case page shows the message and the notice, once
    let shown = b.get(&to).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    assert!(
        shown.body.contains("Your message was sent."),
        "{}",
        shown.body
    );
    assert_eq!(shown.body.matches(text).count(), 1, "{}", shown.body);
    let reloaded = b.get(&to).await;
    assert!(!reloaded.body.contains("Your message was sent."));
    assert_eq!(reloaded.body.matches(text).count(), 1);

    // When the same form is posted again (a resubmission, a double tap)
    let again = b.post_form("/track/message", &fields).await;
    // Then nothing more is recorded, and the page says it was already sent
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(ledger_size(&t).await, after, "no second message");
    let shown = b.follow(again).await;
    assert!(
        shown
            .body
            .contains("This was already sent: nothing was sent twice."),
        "{}",
        shown.body
    );
    assert_eq!(shown.body.matches(text).count(), 1, "{}", shown.body);
    // And a fresh page's form sends a new message
    assert_ne!(once_in(&shown), once, "each page has its own one-time id");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_message_answers_the_page_and_the_form_corrected_is_sent() {
    // Given a client on the tracking page
    let t = spawn_app_with(roomy()).await;
    let (_, code) = file(&t, "Nobody called me back.").await;
    let b = t.browser();
    let page = b.follow(give_code(&b, &code).await).await;
    let csrf = page.csrf().unwrap();
    let once = once_in(&page);
    let before = ledger_size(&t).await;

    // When they send an empty message
    let refused = b
        .post_form(
            "/track/message",
            &[
                ("csrf", csrf.as_str()),
                ("code", code.as_str()),
                ("once", once.as_str()),
                ("text", "   "),
            ],
        )
        .await;
    // Then the refusal is the answer itself (no redirect), and nothing is written
    assert!(refused.status.is_client_error(), "{}", refused.status);
    assert_eq!(ledger_size(&t).await, before);

    // When they send the same form, corrected
    let sent = b
        .post_form(
            "/track/message",
            &[
                ("csrf", csrf.as_str()),
                ("code", code.as_str()),
                ("once", once.as_str()),
                ("text", "Here is my message."),
            ],
        )
        .await;
    // Then it is sent (a refusal does not use up the form)
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert!(ledger_size(&t).await > before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_visits_browser_sees_the_case_until_it_is_done() {
    // Given a client who gave their code
    let t = spawn_app_with(roomy()).await;
    let (_, code) = file(&t, "Nobody called me back.").await;
    let b = t.browser();
    let given = give_code(&b, &code).await;
    let cookie = visit_cookie(&given);
    let page = b.follow(given).await;
    assert!(page.body.contains(&code), "the case page shows the code");

    // Then another browser, without the cookie, gets the code form
    let other = t.browser();
    assert!(is_code_form(&other.get("/track/case").await));
    // and one with a forged cookie too
    let forged = format!("recourse_visit={}", "A".repeat(43));
    assert!(is_code_form(
        &other.get_with("/track/case", &[("cookie", &forged)]).await
    ));
    // while the visit's own cookie shows the case
    let with_it = other.get_with("/track/case", &[("cookie", &cookie)]).await;
    assert!(!is_code_form(&with_it), "{}", with_it.body);

    // When the client says "I'm done"
    let done = b
        .post_form("/track/done", &[("csrf", page.csrf().unwrap().as_str())])
        .await;
    // Then they are sent to the code form, their cookie cleared
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.header("location"), Some("/track"));
    let cleared = done
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.starts_with("recourse_visit=;") && c.contains("Max-Age=0"));
    assert!(cleared, "the visit cookie is cleared");
    assert!(is_code_form(&b.get("/track/case").await));
    // And the visit is forgotten by the server, not only by the browser
    assert!(is_code_form(
        &other.get_with("/track/case", &[("cookie", &cookie)]).await
    ));
}

/// A `multipart/form-data` body of `fields` and one PNG file.
fn multipart_png(fields: &[(&str, &str)]) -> Vec<u8> {
    const B: &str = "----track-reload-test";
    let mut out = Vec::new();
    for (name, value) in fields {
        out.extend(
            format!("--{B}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .into_bytes(),
        );
    }
    out.extend(
        format!("--{B}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"letter.png\"\r\nContent-Type: image/png\r\n\r\n")
            .into_bytes(),
    );
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02");
    out.extend((0..200u8).map(|i| i.wrapping_mul(7)));
    out.extend(format!("\r\n--{B}--\r\n").into_bytes());
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_attached_twice_by_the_same_form_is_attached_once() {
    // Given a client on the tracking page
    let t = spawn_app_with(roomy()).await;
    let (case, code) = file(&t, "Nobody called me back.").await;
    let id: recourse_events::ids::CaseId = case.parse().unwrap();
    let b = t.browser();
    let page = b.follow(give_code(&b, &code).await).await;
    let (csrf, once) = (page.csrf().unwrap(), once_in(&page));
    let body = multipart_png(&[("csrf", &csrf), ("code", &code), ("once", &once)]);

    // When the same attach form is sent twice
    let mut answers = Vec::new();
    for _ in 0..2 {
        let r = b
            .client
            .post(b.url("/track/attach"))
            .header(
                "content-type",
                "multipart/form-data; boundary=----track-reload-test",
            )
            .body(body.clone())
            .send()
            .await
            .unwrap();
        answers.push(r.status());
    }
    // Then both answer 303, and one file is attached
    assert_eq!(answers, [StatusCode::SEE_OTHER, StatusCode::SEE_OTHER]);
    assert_eq!(t.app.service.attachments(id).len(), 1);
    let shown = b.get("/track/case").await;
    assert!(
        shown.body.contains("This was already sent"),
        "{}",
        shown.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasure_ends_on_the_case_page_saying_so() {
    // Given a client on the tracking page
    let t = spawn_app_with(roomy()).await;
    let (_, code) = file(&t, "Nobody called me back.").await;
    let b = t.browser();
    let page = b.follow(give_code(&b, &code).await).await;
    let (csrf, once) = (page.csrf().unwrap(), once_in(&page));
    // When they have their personal data erased, confirmed
    let erased = b
        .post_form(
            "/track/erase",
            &[
                ("csrf", csrf.as_str()),
                ("code", code.as_str()),
                ("once", once.as_str()),
                ("confirm", "yes"),
            ],
        )
        .await;
    // Then the case page says so, once
    assert_eq!(erased.status, StatusCode::SEE_OTHER, "{}", erased.body);
    let shown = b.follow(erased).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    assert!(
        shown.body.contains("Your personal information was erased."),
        "{}",
        shown.body
    );
    assert!(!b.get("/track/case").await.body.contains("class=\"notice\""));
}
