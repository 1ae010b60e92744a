//! The staff case page's framework items and corrective actions (issue 12): the items in the
//! triage, finding and corrective-action forms grouped under their areas, in the page's
//! language (English marked as such elsewhere), and a corrective action's sealed texts (what is
//! to be done, the notes of each step) beside the action in the opened file, the case page
//! saying where they are.

use recourse_events::org::Role;

use serde_json::json;

use crate::api::{file, roomy, sign_in};
use crate::scenario::{self, escaped as esc};
use crate::web_helpers::spawn_app_with;

/// Message `id` in `lang`, as the pages say it (escaped as the templates escape it).
fn tr(lang: &str, id: &str) -> String {
    scenario::escaped(&scenario::tr(lang, id))
}

/// The form posting to `/<action>"` on `body`.
fn form<'a>(body: &'a str, action: &str) -> &'a str {
    let start = body
        .find(&format!("/{action}\""))
        .unwrap_or_else(|| panic!("the {action} form: {body}"));
    let form = &body[start..];
    &form[..form.find("</form>").unwrap()]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_framework_items_are_grouped_under_their_areas_in_the_page_language() {
    // Given a case acknowledged and assigned to the chair (triage and finding both offered)
    let t = spawn_app_with(roomy()).await;
    let chair_api = sign_in(&t, t.login_of(Role::Chair)).await;
    let (case, _) = file(&t, "Nobody told me about the fee waiver.").await;
    chair_api.act(&case, "acknowledge", json!({})).await;
    chair_api
        .act(&case, "assign", json!({ "reviewer": chair_api.id }))
        .await;
    let areas = t
        .app
        .service
        .read(|m| m.reference().framework.areas.clone());
    assert!(areas.len() >= 2, "a framework with several areas");
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    for lang in ["en", "fr", "ar"] {
        let body = chair
            .get(&format!("/staff/case/{case}?lang={lang}"))
            .await
            .body;
        // The English text is marked as English where the page speaks neither English nor French
        let mark = if lang == "ar" {
            " lang=\"en\" dir=\"ltr\""
        } else {
            ""
        };
        for action in ["triage", "finding"] {
            let f = form(&body, action);
            // Then each area is a group of its own, titled in the page's language
            assert_eq!(
                f.matches("<fieldset class=\"item-area\">").count(),
                areas.len(),
                "{lang} {action}: {f}"
            );
            let mut at = 0;
            for a in &areas {
                let title = esc(if lang == "fr" { &a.title_fr } else { &a.title });
                let legend =
                    format!("<fieldset class=\"item-area\"><legend{mark}>{title}</legend>");
                let start = f[at..]
                    .find(&legend)
                    .unwrap_or_else(|| panic!("{lang} {action}: {legend} in {f}"))
                    + at;
                let end = f[start..].find("</fieldset>").unwrap() + start;
                let group = &f[start..end];
                // holding its own items, each in the page's language
                assert_eq!(
                    group.matches("name=\"items\"").count(),
                    a.items.len(),
                    "{group}"
                );
                for i in &a.items {
                    let text = esc(if lang == "fr" { &i.text_fr } else { &i.text });
                    assert!(
                        group.contains(&format!("value=\"{}\"", i.id)),
                        "{}: {group}",
                        i.id
                    );
                    assert!(
                        group.contains(&format!("<span{mark}>{text}</span>")),
                        "{lang}: {text} in {group}"
                    );
                }
                at = end;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrective_actions_description_and_notes_are_shown_beside_it_in_the_opened_file() {
    // Given a corrective action with its description and a note
    let t = spawn_app_with(roomy()).await;
    let chair_api = sign_in(&t, t.login_of(Role::Chair)).await;
    let description = "Book interpreters a week ahead and confirm the day before.";
    let note = "The booking rota now has a confirmation column.";
    let (case, _) = scenario::decided_with_action(&t, &chair_api, description).await;
    chair_api
        .act(&case, "action-update", json!({ "action": 1, "note": note }))
        .await;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    for lang in ["en", "fr"] {
        // The case page, which shows no sealed text, says where the texts are
        let page = chair
            .get(&format!("/staff/case/{case}?lang={lang}"))
            .await
            .body;
        assert!(!page.contains(description));
        let hint = tr(lang, "case-actions-sealed");
        let actions = &page[page.find("id=\"actions-title\"").expect("the actions")..];
        assert!(actions.contains(&hint), "{lang}: {actions}");
        assert!(actions.contains(&format!(
            "<a href=\"#open\">{}</a>",
            tr(lang, "case-actions-sealed-open")
        )));
        // When the file is opened for the corrective action
        let body = scenario::open_file(&chair, &case, "corrective_action", lang).await;
        // Then the action is listed with its owner, due date and status, and its texts beside it
        let start = body
            .find("<section class=\"file-action\"")
            .unwrap_or_else(|| panic!("{lang}: the actions in the file: {body}"));
        let section = &body[start..start + body[start..].find("</section>").unwrap()];
        assert!(
            section.contains("<h3 id=\"file-action-1\">#1</h3>"),
            "{section}"
        );
        assert!(section.contains("2030-04-30"), "{section}");
        assert!(
            section.contains(&tr(lang, "case-action-owner")),
            "{section}"
        );
        assert!(
            section.contains(&format!("<dd>{}</dd>", tr(lang, "action-status-open"))),
            "{section}"
        );
        let said = |label: &str, text: &str| {
            section.contains(&format!(
                "· {}:</span> <bdi>{}</bdi></p>",
                tr(lang, label),
                esc(text)
            ))
        };
        assert!(
            said("staff-text-description", description),
            "{lang}: {section}"
        );
        assert!(said("staff-text-note", note), "{lang}: {section}");
        // what is to be done before the notes
        assert!(section.find(&esc(description)).unwrap() < section.find(&esc(note)).unwrap());
    }
}
