//! The client's two doors, the complaint form and the API, check a complaint with the one
//! validator of the application (so a limit means the same at both), and a rule's refusal is
//! said in the reader's language at both, from its message id.

use recourse::limits;
use recourse::receipt::ReceiptCode;
use recourse_events::org::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api::{Staff, complaint, post, roomy, sign_in};
use crate::web_helpers::{Browser, Page, TestApp, spawn_app_with};

/// Files through the complaint form's last step in English, every answer in the form.
pub(crate) async fn file_by_form(b: &Browser, fields: &[(&str, &str)]) -> Page {
    let form = b.get("/complain?lang=en").await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = form.csrf().expect("the form has a CSRF field");
    let mut all: Vec<(&str, &str)> = vec![
        ("csrf", &csrf),
        ("step", "4"),
        ("go", "send"),
        ("what", "The interpreter never came."),
        ("program", "settlement"),
        ("site", "downtown"),
        ("identity", "named"),
        ("contact", "none"),
        ("consent_handle", "yes"),
    ];
    all.extend_from_slice(fields);
    let sent = b.post_form("/complain", &all).await;
    // Filed: the receipt is a page of its own (post, redirect, get).
    match sent.header("location") {
        Some(to) if sent.status == StatusCode::SEE_OTHER => b.get(to).await,
        _ => sent,
    }
}

/// The receipt code on a receipt page.
fn receipt_code(html: &str) -> String {
    let at = html.find("id=\"receipt-code\"").expect("a receipt code");
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = rest.find("</p>").unwrap();
    // The code's groups are in spans (it wraps only between them): their text, joined.
    let mut code = String::new();
    let mut tag = false;
    for c in rest[start..end].chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            c if !tag => code.push(c),
            _ => {}
        }
    }
    code.trim().to_string()
}

/// The client's name as recorded (sealed) in the complaint of `code`.
async fn recorded_name(t: &TestApp, code: &str) -> String {
    let code = ReceiptCode::parse(code).unwrap();
    let file = t.app.service.client_file(&code).await.unwrap();
    let contact = file
        .fields
        .iter()
        .find(|f| f.field == "contact")
        .and_then(|f| f.text.clone().ok())
        .expect("the filing holds the contact details");
    let contact: Value = serde_json::from_str(&contact).unwrap();
    contact["name"].as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_150_character_arabic_name_is_accepted_through_both_doors_and_one_over_the_limit_refused_by_both()
 {
    let t = spawn_app_with(roomy()).await;
    // Given a name of 150 Arabic characters: 300 bytes, well within 200 characters.
    let name = "ن".repeat(150);
    assert_eq!(name.len(), 300);
    let over = "ن".repeat(limits::CLIENT_NAME + 1);

    // Through the API: filed, and recorded whole.
    let mut body = complaint("The interpreter never came.");
    body["name"] = json!(name);
    let r = post(&t.browser(), "/complaints", body.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
    let code = r.json["receipt_code"].as_str().unwrap().to_string();
    assert_eq!(recorded_name(&t, &code).await, name);

    // Through the form: filed, and recorded whole.
    let page = file_by_form(&t.browser(), &[("name", &name)]).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(recorded_name(&t, &receipt_code(&page.body)).await, name);

    // One character over the limit: the API refuses it, naming the field and the limit.
    let before = t.app.service.store().size().await.unwrap();
    body["name"] = json!(over);
    let r = post(&t.browser(), "/complaints", body).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    let message = r.json["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("name: ") && message.contains(&limits::CLIENT_NAME.to_string()),
        "{message}"
    );

    // And so does the form: the step with the name again, the error linked to its field, and
    // the validator's message saying the length and the limit.
    let page = file_by_form(&t.browser(), &[("name", &over)]).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
    assert!(page.body.contains("href=\"#name\""), "{}", page.body);
    let says = format!(
        "This is too long: {} characters, and at most {} are accepted.",
        limits::CLIENT_NAME + 1,
        limits::CLIENT_NAME
    );
    assert!(page.body.contains(&says), "{}", page.body);
    assert_eq!(
        t.app.service.store().size().await.unwrap(),
        before,
        "nothing recorded"
    );
}

/// POSTs `body` to the API's `path` as `staff`, with extra headers; the status and JSON.
async fn post_as(
    staff: &Staff,
    path: &str,
    headers: &[(&str, &str)],
    body: Value,
) -> (StatusCode, Value) {
    let mut r = staff
        .b
        .client
        .post(staff.b.url(&format!("/api/v1{path}")))
        .header("x-csrf-token", &staff.csrf)
        .header("content-type", "application/json")
        .body(serde_json::to_vec(&body).unwrap());
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    let response = r.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rule_refusal_is_said_in_french_and_in_arabic() {
    let t = spawn_app_with(roomy()).await;
    // Given a decided case with one corrective action still open.
    let (case, code) = crate::api::file(&t, "The worker shouted at me.").await;
    let chair = sign_in(&t, t.login_of(Role::Chair)).await;
    chair.act(&case, "acknowledge", json!({})).await;
    chair
        .act(&case, "assign", json!({ "reviewer": chair.id }))
        .await;
    chair
        .act(
            &case,
            "finding",
            json!({ "substantiated": true, "summary": "Two witnesses confirm it." }),
        )
        .await;
    chair
        .act(
            &case,
            "decide",
            json!({ "outcome": "upheld", "reasons": "The conduct breached the Client Code." }),
        )
        .await;
    let due = jiff::Zoned::now()
        .date()
        .checked_add(jiff::Span::new().days(20))
        .unwrap();
    chair
        .act(
            &case,
            "action-open",
            json!({ "owner": chair.id, "due": due.to_string(), "description": "Train the team." }),
        )
        .await;
    let close = format!("/cases/{case}/actions/close");

    // When the chair closes it, asking in Arabic (the browser's Accept-Language), in neither,
    // and in French (a link's ?lang=, remembered after in a cookie).
    let (ar_status, ar) = post_as(&chair, &close, &[("accept-language", "ar")], json!({})).await;
    let (_, en) = post_as(&chair, &close, &[], json!({})).await;
    let (status, fr) = post_as(&chair, &format!("{close}?lang=fr"), &[], json!({})).await;

    // Then each refusal says why in that language, with the same id beside it.
    assert_eq!(
        (status, ar_status),
        (StatusCode::CONFLICT, StatusCode::CONFLICT)
    );
    for e in [&fr, &ar, &en] {
        assert_eq!(e["error"]["code"], "conflict", "{e}");
        assert_eq!(e["error"]["message_id"], "rule-actions-outstanding", "{e}");
    }
    assert_eq!(
        fr["error"]["message"],
        "Une mesure corrective est encore ouverte\u{a0}: vérifiez-la ou renoncez-y (avec vos \
         raisons) avant de fermer le dossier.",
    );
    assert_eq!(
        ar["error"]["message"],
        "ما زال إجراء تصحيحي واحد مفتوحًا: تحقّق منه أو أعفِ منه (مع ذكر الأسباب) قبل إغلاق القضية.",
    );
    assert_eq!(
        en["error"]["message"],
        "1 corrective action is still open: verify or waive it (with reasons) before closing.",
    );

    // And the tracking page says a refusal in its own language: once the client has had
    // their data erased, nothing more can be added to the case.
    let erased = post(
        &t.browser(),
        "/track/erase",
        json!({ "code": code, "confirm": true }),
    )
    .await;
    assert_eq!(erased.status, StatusCode::OK, "{}", erased.text);
    for (lang, says) in [
        (
            "fr",
            "Les données personnelles de ce dossier ont été effacées.",
        ),
        ("ar", "مُحيت البيانات الشخصية لهذه القضية."),
    ] {
        let b = t.browser();
        let form = b.get(&format!("/track?lang={lang}")).await;
        let csrf = form.csrf().expect("the tracking form has a CSRF field");
        let r = b
            .post_form(
                &format!("/track/comment?lang={lang}"),
                &[
                    ("csrf", csrf.as_str()),
                    ("code", code.as_str()),
                    ("text", "One more thing."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{lang}: {}", r.body);
        assert!(r.body.contains(says), "{lang}: {}", r.body);
        assert!(
            !r.body.contains("personal data was erased"),
            "{lang}: {}",
            r.body
        );
    }
}
