//! A case action through both doors, read by the application's one parser: a remedy over its
//! limit is refused with a clear message on the case page (in the page's language, the field
//! named) and in the API (a 400 naming the field and the limit), and nothing is recorded; at
//! the limit, both doors record it.

use recourse::limits;
use recourse_events::org::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::api::{Staff, file, roomy, sign_in};
use crate::web_helpers::{Browser, TestApp, spawn_app_with};

/// A case ready for its decision: acknowledged, assigned to the chair, with a finding.
async fn ready_to_decide(t: &TestApp, chair: &Staff) -> String {
    let (case, _) = file(t, "The interpreter never came, twice.").await;
    chair.act(&case, "acknowledge", json!({})).await;
    chair
        .act(&case, "assign", json!({ "reviewer": chair.id }))
        .await;
    chair
        .act(
            &case,
            "finding",
            json!({ "substantiated": true, "summary": "Two bookings were never made." }),
        )
        .await;
    case
}

/// Posts the case page's decision form, in `lang`.
async fn decide_by_form(b: &Browser, case: &str, lang: &str, remedy: &str) -> (StatusCode, String) {
    let csrf = b
        .get(&format!("/staff/case/{case}?lang={lang}"))
        .await
        .csrf()
        .expect("the case page has the session's CSRF token");
    let page = b
        .post_form(
            &format!("/staff/case/{case}/decide?lang={lang}"),
            &[
                ("csrf", csrf.as_str()),
                ("outcome", "upheld"),
                ("reasons", "The bookings were never made."),
                ("remedy", remedy),
            ],
        )
        .await;
    (page.status, page.body)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_remedy_over_its_limit_is_refused_clearly_on_the_page_and_in_the_api() {
    // Given a case ready for its decision, and its chair signed in through both doors
    let t = spawn_app_with(roomy()).await;
    let chair = sign_in(&t, t.login_of(Role::Chair)).await;
    let case = ready_to_decide(&t, &chair).await;
    let page = t.sign_in(t.login_of(Role::Chair)).await;
    let over = "ع".repeat(limits::REMEDY + 1);
    // The form says the limit to the browser too (in UTF-16 units, as browsers count).
    let form = page.get(&format!("/staff/case/{case}")).await;
    assert!(
        form.body.contains(&format!(
            "name=\"remedy\" rows=\"2\" maxlength=\"{}\"",
            limits::utf16_max(limits::REMEDY)
        )),
        "the remedy's limit is on the form"
    );
    let before = t.app.service.store().size().await.unwrap();

    // When the API is sent a remedy one character over the limit
    let r = chair
        .post(
            &format!("/cases/{case}/actions/decide"),
            json!({ "outcome": "upheld", "reasons": "The bookings were never made.", "remedy": over }),
        )
        .await;
    // Then it is a 400 naming the field and the limit
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text);
    assert_eq!(r.code(), "bad_request");
    let message = r.json["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("remedy: ") && message.contains(&limits::REMEDY.to_string()),
        "{message}"
    );

    // When the case page's form is sent the same remedy, in French and in English
    let (status, body) = decide_by_form(&page, &case, "fr", &over).await;
    // Then the page refuses it with the field named and the message in its language
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains(&format!(
            "data-field=\"remedy\">C’est trop long\u{a0}: {} caractères, pour {} au plus.",
            limits::REMEDY + 1,
            limits::REMEDY
        )),
        "{body}"
    );
    // And it leads back to the case, saying nothing was recorded
    assert!(
        body.contains(&format!("href=\"/staff/case/{case}\"")),
        "{body}"
    );
    assert!(body.contains("Rien n’a été enregistré."), "{body}");
    let (status, body) = decide_by_form(&page, &case, "en", &over).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body.contains(&format!(
            "data-field=\"remedy\">This is too long: {} characters, and at most {} are accepted.",
            limits::REMEDY + 1,
            limits::REMEDY
        )),
        "{body}"
    );
    // And nothing was recorded
    assert_eq!(t.app.service.store().size().await.unwrap(), before);

    // When the remedy is at its limit, the page records the decision
    let fits = "ع".repeat(limits::REMEDY);
    let (status, body) = decide_by_form(&page, &case, "en", &fits).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert!(t.app.service.store().size().await.unwrap() > before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_pages_refusals_name_every_field_in_the_pages_language() {
    // Given a case and its chair on the case page
    let t = spawn_app_with(roomy()).await;
    let chair = sign_in(&t, t.login_of(Role::Chair)).await;
    let case = ready_to_decide(&t, &chair).await;
    let page = t.sign_in(t.login_of(Role::Chair)).await;
    let csrf = page
        .get(&format!("/staff/case/{case}"))
        .await
        .csrf()
        .unwrap();
    // When a corrective action is opened with no description and a due date that is no date
    let r = page
        .post_form(
            &format!("/staff/case/{case}/action-open?lang=fr"),
            &[
                ("csrf", csrf.as_str()),
                ("owner", chair.id.as_str()),
                ("due", "next week"),
                ("description", "  "),
            ],
        )
        .await;
    // Then both are refused at once, in French
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.body
            .contains("data-field=\"due\">Veuillez indiquer une date, par exemple 2026-12-31."),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("data-field=\"description\">Veuillez remplir ce champ."),
        "{}",
        r.body
    );
    // And an action the table does not have is no page
    let r = page
        .post_form(
            &format!("/staff/case/{case}/approve-everything"),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
