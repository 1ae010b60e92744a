//! Steps of a case that many page tests share: a web complaint taken by the chair to an
//! upheld decision, a corrective action opened on it, the file opened through the case page,
//! and a message id said as the pages say it.

use std::sync::{Arc, OnceLock};

use recourse::web::i18n::{Catalog, Tr};
use reqwest::StatusCode;
use serde_json::json;

use crate::api::{Staff, file};
use crate::web_helpers::{Browser, TestApp};

/// Message `id` in `lang`, as the pages say it (unescaped).
pub fn tr(lang: &str, id: &str) -> String {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    let catalog = CATALOG.get_or_init(|| Arc::new(Catalog::load().expect("translations load")));
    Tr::new(catalog.clone(), lang).t(id)
}

/// `s` as the templates escape it.
pub fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// A web complaint ("The interpreter never came, twice."), acknowledged by the chair and
/// assigned to the chair; returns (case id, receipt code).
pub async fn assigned_to_chair(t: &TestApp, chair: &Staff) -> (String, String) {
    let (case, code) = file(t, "The interpreter never came, twice.").await;
    chair.act(&case, "acknowledge", json!({})).await;
    chair
        .act(&case, "assign", json!({ "reviewer": chair.id }))
        .await;
    (case, code)
}

/// The chair records a substantiated finding on `case` and upholds the complaint.
pub async fn upheld(chair: &Staff, case: &str) {
    chair
        .act(
            case,
            "finding",
            json!({ "substantiated": true, "summary": "Two bookings were never made." }),
        )
        .await;
    chair
        .act(
            case,
            "decide",
            json!({ "outcome": "upheld", "reasons": "The bookings were never made." }),
        )
        .await;
}

/// The chair opens a corrective action on `case`, owned by `owner`, serving `framework_item`
/// (if any), due 2030-04-30.
pub async fn action_opened(
    chair: &Staff,
    case: &str,
    owner: &Staff,
    framework_item: Option<&str>,
    description: &str,
) {
    chair
        .act(
            case,
            "action-open",
            json!({ "owner": owner.id, "due": "2030-04-30",
                    "framework_item": framework_item, "description": description }),
        )
        .await;
}

/// A case the chair decided (upheld), with corrective action #1, owned by the chair, opened
/// with `description`; returns (case id, receipt code).
pub async fn decided_with_action(
    t: &TestApp,
    chair: &Staff,
    description: &str,
) -> (String, String) {
    let (case, code) = assigned_to_chair(t, chair).await;
    upheld(chair, &case).await;
    action_opened(chair, &case, chair, None, description).await;
    (case, code)
}

/// Opens the file of `case` through the case page's form, for `purpose`, in `lang`; returns
/// the opened file's page.
pub async fn open_file(b: &Browser, case: &str, purpose: &str, lang: &str) -> String {
    let csrf = b
        .get(&format!("/staff/case/{case}?lang={lang}"))
        .await
        .csrf()
        .expect("a CSRF token");
    let page = b
        .post_form(
            &format!("/staff/case/{case}/open?lang={lang}"),
            &[("csrf", csrf.as_str()), ("purpose", purpose)],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.body
}
