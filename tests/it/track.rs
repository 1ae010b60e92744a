//! The client's tracking page (issue 12): the status and what comes next at the top, the
//! decision as a card right after, one message box with the other forms behind clear choices,
//! the sender's role on staff messages, who opened the file and why (role and purpose, never
//! the person's name), and the corrective actions verified, without their sealed description.

use recourse_events::org::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::api::{Staff, roomy, sign_in};
use crate::scenario::{action_opened, assigned_to_chair, open_file, tr, upheld};
use crate::web_helpers::{Browser, Page, TestApp, spawn_app_with};

/// The tracking page of `code`, in `lang`, as the client's browser shows it.
pub(crate) async fn track_page(b: &Browser, code: &str, lang: &str) -> Page {
    let form = b.get(&format!("/track?lang={lang}")).await;
    let p = b
        .post_form_followed(
            &format!("/track?lang={lang}"),
            &[("csrf", form.csrf().unwrap().as_str()), ("code", code)],
        )
        .await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    p
}

/// Where `needle` first is on `body`.
#[track_caller]
fn at(body: &str, needle: &str) -> usize {
    body.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on the page: {body}"))
}

/// A case decided by the chair, with a message to the client, the file opened by the chair
/// for handling, and a corrective action (serving a framework item, owned by a reviewer)
/// verified.
async fn decided(t: &TestApp, chair: &Staff) -> (String, String) {
    let owner = sign_in(t, t.login_of(Role::Reviewer)).await;
    let (case, code) = assigned_to_chair(t, chair).await;
    chair
        .act(
            &case,
            "message",
            json!({ "audience": "client", "body": "Could you tell us the dates?" }),
        )
        .await;
    upheld(chair, &case).await;
    let retrain = "Retrain Samira Haddad on interpreter bookings.";
    action_opened(chair, &case, &owner, Some("ethics.need-based"), retrain).await;
    owner
        .act(
            &case,
            "action-complete",
            json!({ "action": 1, "note": "Training given." }),
        )
        .await;
    chair
        .act(
            &case,
            "action-verify",
            json!({ "action": 1, "note": "Checked the bookings of March." }),
        )
        .await;
    (case, code)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tracking_page_puts_the_status_then_the_decision_card_then_one_message_box() {
    let t = spawn_app_with(roomy()).await;
    let chair = sign_in(&t, t.login_of(Role::Chair)).await;
    let (_, code) = decided(&t, &chair).await;
    let body = track_page(&t.browser(), &code, "en").await.body;

    let status = at(&body, "id=\"track-status\"");
    let decision = at(&body, "class=\"card track-decision\"");
    let message = at(&body, "action=\"/track/message\"");
    let timeline = at(&body, "<ol class=\"timeline\">");
    assert!(status < decision, "the status comes before the decision");
    assert!(
        decision < message,
        "the decision comes before the message box"
    );
    assert!(
        message < timeline,
        "the message box comes before the timeline"
    );
    // The decision's reasons are on its card
    let card = &body[decision..message];
    assert!(card.contains("The bookings were never made."), "{card}");
    // and only there: the timeline's line for it points up to the card
    assert_eq!(body.matches("The bookings were never made.").count(), 1);
    assert!(body[timeline..].contains("href=\"#track-decision\""));
    // One open message box; the other forms are behind a choice, each with a summary
    let mut open = body.clone();
    while let Some(start) = open.find("<details") {
        let end = open[start..].find("</details>").expect("a choice ends") + start;
        open.replace_range(start..end + "</details>".len(), "");
    }
    assert_eq!(open.matches("<textarea").count(), 1, "{open}");
    for form in ["/track/appeal", "/track/comment", "/track/erase"] {
        let f = at(&body, &format!("action=\"{form}\""));
        let open = body[..f]
            .rfind("<details")
            .expect("the form is behind a choice");
        assert!(
            body[..f].rfind("</details>").is_none_or(|c| c < open),
            "{form}"
        );
        assert!(body[open..f].contains("<summary>"), "{form}");
    }
    assert!(
        !body[..message].contains("<details"),
        "the message box is not hidden"
    );
    // Every form on the page leaves checking to the server (its errors are translated)
    assert_eq!(
        body.matches("<form method=\"post\"").count(),
        body.matches("<form method=\"post\" novalidate").count()
    );
    // The staff message says who sent it, by role
    let question = at(&body, "Could you tell us the dates?");
    let line = &body[body[..question].rfind("<li>").unwrap()..question];
    assert!(line.contains("From"), "{line}");
    assert!(line.contains("Committee chair"), "{line}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_tracking_page_lists_who_opened_the_file_by_role_and_purpose_and_the_verified_actions()
{
    let t = spawn_app_with(roomy()).await;
    let chair = sign_in(&t, t.login_of(Role::Chair)).await;
    let (case, code) = decided(&t, &chair).await;
    let chair_name = t
        .staff
        .iter()
        .find(|s| s.roles.contains(&Role::Chair))
        .unwrap()
        .name
        .clone();
    // Before any opening, the page says so
    let before = track_page(&t.browser(), &code, "en").await.body;
    assert!(
        before.contains("No one has opened your file yet."),
        "{before}"
    );

    let browser = t.sign_in(t.login_of(Role::Chair)).await;
    open_file(&browser, &case, "handling", "en").await;

    for lang in ["en", "fr", "ar"] {
        let body = track_page(&t.browser(), &code, lang).await.body;
        let list = &body[at(&body, "<ul class=\"track-openings\">")..];
        let list = &list[..list.find("</ul>").unwrap()];
        assert_eq!(list.matches("<li>").count(), 1, "{lang}: {list}");
        let role = tr(lang, "admin-role-chair");
        let purpose = tr(lang, "purpose-handling");
        assert!(list.contains(&role), "{lang}: {list}");
        assert!(list.contains(&purpose), "{lang}: {list}");
        // Never the staff member's name, anywhere on the page
        assert!(!body.contains(&chair_name), "{lang}: {body}");

        // The verified action, in plain words, with its framework item, never its description
        let actions = &body[at(&body, "<ul class=\"track-actions\">")..];
        let actions = &actions[..actions.find("</ul>").unwrap()];
        assert_eq!(actions.matches("<li>").count(), 1, "{lang}: {actions}");
        assert!(
            !body.contains("Retrain"),
            "{lang}: the description is sealed"
        );
        assert!(!body.contains("Samira"), "{lang}");
        if lang == "en" {
            assert!(actions.contains("A corrective action was taken and checked on"));
            assert!(actions.contains("need"), "{actions}");
        }
    }
}
