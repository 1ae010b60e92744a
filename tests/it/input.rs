//! Input at its limits, through both doors (the HTML forms and the JSON API), on the demo agency:
//! texts of the longest allowed length in the scripts Recourse serves (Arabic, Tigrinya and
//! Chinese, and 4-byte emoji) are filed and read back intact, and one character more is a 4xx
//! naming the field; a client's language is a choice, never free text; a case triaged as
//! sensitive opens only for its reviewer, the chair and intake, and every refusal is recorded;
//! ledger tiles past what a tree can hold are 404s, not panics.

use recourse::limits;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::api::{Staff, complaint, post, roomy, sign_in};
use crate::web_helpers::{Browser, TestApp, spawn_app_with};

/// One character of each script, by the bytes it takes in UTF-8: Arabic (2), Tigrinya and
/// Chinese (3), an emoji (4).
const SCRIPTS: [char; 4] = ['ع', 'ሰ', '中', '😀'];

fn repeat(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

/// The texts of the client's timeline (`field` -> text), as tracking shows them.
fn tracked_texts(case: &Value) -> Vec<(String, String)> {
    case["timeline"]
        .as_array()
        .expect("a timeline")
        .iter()
        .flat_map(|l| l["texts"].as_array().cloned().unwrap_or_default())
        .map(|t| {
            (
                t["field"].as_str().unwrap_or_default().to_string(),
                t["text"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

async fn track(t: &TestApp, code: &str) -> Value {
    let r = post(&t.browser(), "/track", json!({ "code": code })).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    r.json
}

/// Files through the HTML form's last step, every answer in the form; the page answered.
async fn file_by_form(b: &Browser, fields: &[(&str, &str)]) -> crate::web_helpers::Page {
    let form = b.get("/complain?lang=en").await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = form.csrf().expect("the form has a CSRF field");
    let mut all: Vec<(&str, &str)> = vec![
        ("csrf", &csrf),
        ("step", "4"),
        ("go", "send"),
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_longest_texts_in_every_script_are_filed_and_read_back_through_both_doors() {
    let t = spawn_app_with(roomy()).await;
    let intake = sign_in(&t, t.login_of(recourse_events::org::Role::Intake)).await;
    let chair = sign_in(&t, t.login_of(recourse_events::org::Role::Chair)).await;
    for c in SCRIPTS {
        // Through the API, every personal field at its longest, in the script.
        let narrative = repeat(c, limits::NARRATIVE);
        let outcome = repeat(c, limits::OUTCOME_WANTED);
        let name = repeat(c, limits::CLIENT_NAME);
        let email = format!("{}@x", repeat(c, limits::EMAIL - 2));
        let phone = repeat(c, limits::PHONE);
        let mut body = complaint(&narrative);
        body["outcome_wanted"] = json!(outcome);
        body["name"] = json!(name);
        body["email"] = json!(email);
        body["phone"] = json!(phone);
        let r = post(&t.browser(), "/complaints", body.clone()).await;
        assert_eq!(r.status, StatusCode::CREATED, "{c}: {}", r.text);
        let case = r.json["case"].as_str().unwrap().to_string();
        let code = r.json["receipt_code"].as_str().unwrap().to_string();
        let texts = tracked_texts(&track(&t, &code).await);
        assert!(
            texts.contains(&("narrative".into(), narrative.clone())),
            "{c}: the narrative reads back intact by tracking"
        );
        assert!(texts.contains(&("outcome_wanted".into(), outcome.clone())));
        // Staff open it: the narrative and the contact details, intact.
        let opened = intake
            .post(
                &format!("/cases/{case}/open"),
                json!({ "purpose": "handling" }),
            )
            .await;
        assert_eq!(opened.status, StatusCode::OK, "{}", opened.text);
        assert!(
            opened.json["fields"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["field"] == "narrative" && f["text"] == narrative.as_str()),
            "{c}: staff read the narrative"
        );
        assert_eq!(opened.json["contact"]["name"], name.as_str());
        assert_eq!(opened.json["contact"]["email"], email.as_str());
        assert_eq!(opened.json["contact"]["phone"], phone.as_str());

        // Staff messages of the longest length, in the script, through the API.
        let message = repeat(c, limits::STAFF_TEXT);
        intake
            .act(
                &case,
                "message",
                json!({ "audience": "client", "body": message }),
            )
            .await;
        let texts = tracked_texts(&track(&t, &code).await);
        assert!(
            texts.contains(&("body".into(), message.clone())),
            "{c}: the client reads the longest message intact"
        );
        // One character more: a 400 naming the field, and nothing recorded.
        let over = intake
            .post(
                &format!("/cases/{case}/actions/message"),
                json!({ "audience": "client", "body": repeat(c, limits::STAFF_TEXT + 1) }),
            )
            .await;
        assert_eq!(over.status, StatusCode::BAD_REQUEST, "{}", over.text);
        let refused = &over.json["error"]["fields"][0];
        assert_eq!(refused["field"], "body", "{}", over.text);
        assert_eq!(refused["message_id"], "invalid-too-long", "{}", over.text);
        assert!(
            over.json["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with(&format!(
                    "body: This is too long: {} characters, and at most {} are accepted",
                    limits::STAFF_TEXT + 1,
                    limits::STAFF_TEXT
                )),
            "{}",
            over.text
        );

        // A decision's reasons and remedy, both at their longest, fit one event.
        let reasons = repeat(c, limits::STAFF_TEXT);
        let remedy = repeat(c, limits::REMEDY);
        chair
            .act(
                &case,
                "acknowledge",
                json!({ "note": repeat(c, limits::STAFF_TEXT) }),
            )
            .await;
        chair
            .act(&case, "assign", json!({ "reviewer": chair.id }))
            .await;
        chair
            .act(
                &case,
                "finding",
                json!({ "substantiated": true, "summary": repeat(c, limits::STAFF_TEXT) }),
            )
            .await;
        chair
            .act(
                &case,
                "decide",
                json!({ "outcome": "upheld", "reasons": reasons, "remedy": remedy }),
            )
            .await;
        let texts = tracked_texts(&track(&t, &code).await);
        assert!(texts.contains(&("reasons".into(), reasons)));
        assert!(texts.contains(&("remedy".into(), remedy)));

        // One character over each filing limit: a 400 naming the field.
        for (field, over) in [
            ("what_happened", repeat(c, limits::NARRATIVE + 1)),
            ("outcome_wanted", repeat(c, limits::OUTCOME_WANTED + 1)),
            ("name", repeat(c, limits::CLIENT_NAME + 1)),
            ("phone", repeat(c, limits::PHONE + 1)),
        ] {
            let mut b = body.clone();
            b[field] = json!(over);
            let r = post(&t.browser(), "/complaints", b).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{field}: {}", r.text);
            assert!(
                r.json["error"]["message"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("{field}: ")),
                "{field}: {}",
                r.text
            );
        }

        // Through the HTML form: the longest narrative and outcome, then the receipt.
        let b = t.browser();
        let page = file_by_form(&b, &[("what", &narrative), ("outcome", &outcome)]).await;
        assert_eq!(page.status, StatusCode::OK, "{c}");
        let code = receipt_code(&page.body);
        let texts = tracked_texts(&track(&t, &code).await);
        assert!(
            texts.contains(&("narrative".into(), narrative.clone())),
            "{c}: the form's narrative reads back intact"
        );
        // One over: the form again, a 400 with the message at the field.
        let page = file_by_form(&b, &[("what", &repeat(c, limits::NARRATIVE + 1))]).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{c}");
        assert!(
            page.body.contains("id=\"what-error\""),
            "{c}: the field's error"
        );
    }

    // The staff case page takes the longest emoji message too, and refuses one more.
    let (case, _) = crate::api::file(&t, "The interpreter never came.").await;
    let staff = t
        .sign_in(t.login_of(recourse_events::org::Role::Intake))
        .await;
    let csrf = staff
        .get(&format!("/staff/case/{case}"))
        .await
        .csrf()
        .expect("the case page has the session's CSRF token");
    let message = repeat('😀', limits::STAFF_TEXT);
    let done = staff
        .post_form(
            &format!("/staff/case/{case}/message"),
            &[
                ("csrf", csrf.as_str()),
                ("audience", "committee"),
                ("body", &message),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let opened = staff
        .post_form(
            &format!("/staff/case/{case}/open"),
            &[("csrf", csrf.as_str()), ("purpose", "handling")],
        )
        .await;
    assert_eq!(opened.status, StatusCode::OK);
    assert!(opened.body.contains(&message), "the page shows it intact");
    let over = staff
        .post_form(
            &format!("/staff/case/{case}/message"),
            &[
                ("csrf", csrf.as_str()),
                ("audience", "committee"),
                ("body", &repeat('😀', limits::STAFF_TEXT + 1)),
            ],
        )
        .await;
    assert_eq!(over.status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clients_language_is_one_offered_never_free_text() {
    let t = spawn_app_with(roomy()).await;
    let before = t.app.service.store().size().await.unwrap();
    for bad in ["xx-John-Smith-1985", "de", "en-Jane"] {
        let mut body = complaint("No interpreter was booked.");
        body["language"] = json!(bad);
        let r = post(&t.browser(), "/complaints", body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}: {}", r.text);
        assert!(
            r.json["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("language: "),
            "{}",
            r.text
        );
    }
    let mut body = complaint("No interpreter was booked.");
    body["interpreter_language"] = json!("xx-Jane-Doe");
    let r = post(&t.browser(), "/complaints", body).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    assert!(
        r.json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("interpreter_language"),
        "{}",
        r.text
    );
    // Intake's form: the language is a choice too.
    let staff = t
        .sign_in(t.login_of(recourse_events::org::Role::Intake))
        .await;
    let csrf = staff
        .get("/staff/file")
        .await
        .csrf()
        .expect("the intake form has the session's CSRF token");
    let page = staff
        .post_form(
            "/staff/file?lang=en",
            &[
                ("csrf", csrf.as_str()),
                ("channel", "phone"),
                ("language", "xx-John-Smith-1985"),
                ("what", "No interpreter was booked."),
                ("program", "settlement"),
                ("site", "downtown"),
                ("identity", "anonymous"),
                ("contact", "none"),
                ("consent_handle", "yes"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
    assert!(
        page.body
            .contains("Please choose one of the languages offered.")
    );
    assert_eq!(
        t.app.service.store().size().await.unwrap(),
        before,
        "nothing was recorded"
    );
    // Offered languages and interpreters' are accepted.
    for good in ["ar", "ti", "zh"] {
        let mut body = complaint("No interpreter was booked.");
        body["language"] = json!(good);
        let r = post(&t.browser(), "/complaints", body).await;
        assert_eq!(r.status, StatusCode::CREATED, "{good}: {}", r.text);
    }
}

async fn open(s: &Staff, case: &str, purpose: &str) -> crate::api::Reply {
    s.post(
        &format!("/cases/{case}/open"),
        json!({ "purpose": purpose }),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sensitive_case_opens_only_for_its_handlers_and_refusals_are_recorded() {
    let t = spawn_app_with(roomy()).await;
    let intake = sign_in(&t, "ahaddad").await;
    let reviewer = sign_in(&t, "praman").await;
    let other = sign_in(&t, "mkarimi").await;
    let chair = sign_in(&t, "gnakamura").await;
    let auditor = sign_in(&t, "cokafor").await;
    let (case, code) = crate::api::file(&t, "My manager shouted at me.").await;
    intake.act(&case, "acknowledge", json!({})).await;
    intake
        .act(
            &case,
            "triage",
            json!({ "category": "staff_conduct", "urgency": "priority", "sensitive": true }),
        )
        .await;
    intake
        .act(&case, "assign", json!({ "reviewer": reviewer.id }))
        .await;

    // Another reviewer and an auditor are refused, and each refusal is in the ledger.
    for (who, purpose) in [(&other, "handling"), (&auditor, "audit")] {
        let before = t.app.service.store().size().await.unwrap();
        let r = open(who, &case, purpose).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
        assert!(r.text.contains("restricted"), "{}", r.text);
        assert_eq!(
            t.app.service.store().size().await.unwrap(),
            before + 1,
            "the refusal is recorded"
        );
    }
    let log = chair.get(&format!("/cases/{case}/access-log")).await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.text);
    let refused: Vec<(String, String)> = log.json["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["by"].as_str().unwrap().to_string(),
                v["purpose"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        refused,
        vec![
            (other.id.clone(), "handling".to_string()),
            (auditor.id.clone(), "audit".to_string())
        ]
    );
    assert!(
        log.json["views"].as_array().unwrap().is_empty(),
        "nobody opened it yet"
    );
    // The case page's access log lists them too.
    let page = t
        .sign_in("gnakamura")
        .await
        .get(&format!("/staff/case/{case}?lang=en"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let refusals = &page.body[page
        .body
        .find("Refused: this case is restricted")
        .expect("the page lists refused openings")..];
    assert!(refusals.contains("Mehdi Karimi") && refusals.contains("Chantal Okafor"));
    // The case's timeline names the refusal as its own event, signed by the one refused.
    let timeline = chair.get(&format!("/cases/{case}")).await;
    assert!(
        timeline.text.contains("file.view_refused"),
        "{}",
        timeline.text
    );

    // The assigned reviewer, the chair and intake open it.
    for (who, purpose) in [
        (&reviewer, "handling"),
        (&chair, "handling"),
        (&intake, "handling"),
    ] {
        let r = open(who, &case, purpose).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text);
        assert_eq!(r.json["contact"]["name"], "Nadia Haddad");
    }
    let log = chair.get(&format!("/cases/{case}/access-log")).await;
    assert_eq!(log.json["views"].as_array().unwrap().len(), 3);

    // The client's tracking never shows the refusal (it is internal to the committee).
    let kinds: Vec<String> = track(&t, &code).await["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(kinds.contains(&"complaint.filed".to_string()));
    assert!(!kinds.iter().any(|k| k.starts_with("file.")), "{kinds:?}");

    // Through the pages, the refusal is said in the page's language, not in the rules' English.
    let mehdi = t.sign_in("mkarimi").await;
    for (lang, says) in [("fr", "accès restreint"), ("ar", "هذه القضية مقيّدة")] {
        let page = mehdi.get(&format!("/staff/case/{case}?lang={lang}")).await;
        let csrf = page
            .csrf()
            .expect("a signed-in page carries the CSRF token");
        let r = mehdi
            .post_form(
                &format!("/staff/case/{case}/open?lang={lang}"),
                &[("csrf", csrf.as_str()), ("purpose", "handling")],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
        assert!(r.body.contains(says), "{lang}: {}", r.body);
        assert!(!r.body.contains("not allowed"), "{lang}: {}", r.body);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ledger_tiles_past_what_a_tree_can_hold_are_not_found() {
    let t = spawn_app_with(roomy()).await;
    let auditor = t.sign_in("cokafor").await;
    let visitor = t.browser();
    assert_eq!(
        visitor.get("/ledger/tile/0/000").await.status,
        StatusCode::OK
    );
    for path in [
        // 2^63: overflowed `index * 256`.
        "/ledger/tile/0/x009/x223/x372/x036/x854/x775/808",
        // 2^64 - 1 and one past u64.
        "/ledger/tile/0/x018/x446/x744/x073/x709/x551/615",
        "/ledger/tile/0/x018/x446/x744/x073/x709/x551/616",
        "/ledger/tile/7/001",
        "/ledger/tile/1/x281/x474/x976/x710/656.p/3",
    ] {
        assert_eq!(
            visitor.get(path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    // 2^56 entries tiles: wrapped to tile 0 before; an auditor gets a 404, not tile 0's bytes.
    let tile0 = auditor.get("/ledger/tile/entries/000.p/1").await;
    assert_eq!(tile0.status, StatusCode::OK);
    for path in [
        "/ledger/tile/entries/x072/x057/x594/x037/x927/936",
        "/ledger/tile/entries/x072/x057/x594/x037/x927/936.p/1",
        "/ledger/tile/entries/x072/x057/x594/x037/x927/935",
    ] {
        let r = auditor.get(path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert_ne!(r.body, tile0.body);
    }
}
