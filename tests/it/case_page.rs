//! The staff case page and its timeline, as the committee reads them (issue 12): client
//! messages labelled as the client's, no message id in the opened file, the file and intake's
//! form in the committee's voice, rights and languages in the page's language, re-triage from
//! the current triage, a recusal that leads back to the queue, only the next real deadline,
//! the access log's "not on the case" meaning "never acted on it", closing with a confirmation
//! and an optional note to the client, and the timeline's time zone said.

use recourse_events::org::Role;
use reqwest::StatusCode;
use serde_json::json;

use crate::api::{file, post, roomy, sign_in};
use crate::scenario::{decided_with_action, open_file, tr};
use crate::web_helpers::spawn_app_with;

/// The case page's timeline (from its heading to the end of its list).
fn timeline(body: &str) -> &str {
    let start = body.find("<ol class=\"timeline\">").expect("a timeline");
    let end = body[start..].find("</ol>").expect("the timeline ends") + start;
    &body[start..end]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_message_is_labelled_as_from_the_client_on_the_timeline_the_verify_page_and_the_file()
 {
    // Given a complaint whose client wrote to the committee with their receipt code
    let t = spawn_app_with(roomy()).await;
    let (case, code) = file(&t, "Nobody called me back.").await;
    let r = post(
        &t.browser(),
        "/track/message",
        json!({ "code": code, "text": "When will I hear back?" }),
    )
    .await;
    assert!(r.status.is_success(), "{}", r.text);
    let chair = t.sign_in(t.login_of(Role::Chair)).await;

    for lang in ["en", "fr", "ar"] {
        // When the chair reads the case page, the verify page and the opened file
        let page = chair.get(&format!("/staff/case/{case}?lang={lang}")).await;
        let verify = chair
            .get(&format!("/staff/case/{case}/verify?lang={lang}"))
            .await;
        let opened = open_file(&chair, &case, "handling", lang).await;
        let to_client = tr(lang, "audience-client");
        for (name, body) in [
            ("case page", page.body.as_str()),
            ("verify page", verify.body.as_str()),
            ("opened file", opened.as_str()),
        ] {
            let base = tr(lang, "staff-event-message-posted");
            // Then the client's message is theirs, never "to the client"
            assert!(
                !body.contains(&format!("{base}: {to_client}")),
                "{lang} {name} labels the client's message as to the client"
            );
            let from = format!("{base}: {}", tr(lang, "staff-message-from-client"));
            assert!(body.contains(&from), "{lang} {name}: no «{from}»");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_opened_file_shows_no_message_id_and_speaks_of_the_client_in_the_third_person() {
    // Given a decided case with a corrective action
    let t = spawn_app_with(roomy()).await;
    let chair_api = sign_in(&t, t.login_of(Role::Chair)).await;
    let (case, _) = decided_with_action(&t, &chair_api, "Book interpreters a week ahead.").await;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;

    // When the chair opens the file to follow the corrective action
    let body = open_file(&chair, &case, "corrective_action", "en").await;
    // Then every text has a label in words, not a message id
    assert!(!body.contains("text-"), "a message id leaks: {body}");
    assert!(body.contains("What is to be done:</span> Book interpreters a week ahead."));
    assert!(body.contains("Finding:</span> Two bookings were never made."));
    // And the labels speak of the client, not to them
    assert!(body.contains("What the client told us:</span> The interpreter never came, twice."));
    assert!(body.contains("What the client wants:</span>"));
    for voice in ["What you told us", "What you wanted", "Your reasons"] {
        assert!(!body.contains(voice), "the file says «{voice}»");
    }
    // And so in French and Arabic
    let fr = open_file(&chair, &case, "corrective_action", "fr").await;
    assert!(!fr.contains("text-") && fr.contains("Ce que le client nous a dit"));
    assert!(!fr.contains("Ce que vous nous avez dit"));
    let ar = open_file(&chair, &case, "corrective_action", "ar").await;
    assert!(!ar.contains("text-") && ar.contains("ما قاله لنا العميل"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn intakes_form_speaks_of_the_client_and_lists_the_organizations_languages_first() {
    let t = spawn_app_with(roomy()).await;
    let intake = t.sign_in(t.login_of(Role::Intake)).await;
    let page = intake.get("/staff/file").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = page.body;
    // The committee's voice, not the client's
    assert!(body.contains("Does the client want to give their name?"));
    for voice in [
        "Do you want to give your name?",
        "Yes, I will give my name",
        "Your name",
        "Do not contact me",
    ] {
        assert!(!body.contains(voice), "intake's form says «{voice}»");
    }
    // The language list starts with the organization's languages (English first), selected
    // in the page's language, and lists each once
    let select = &body[body
        .find("<select id=\"language\"")
        .expect("the language list")..];
    let select = &select[..select.find("</select>").expect("its end")];
    let first = select.find("<option").expect("an option");
    assert!(
        select[first..].starts_with("<option value=\"en\" lang=\"en\" selected>English"),
        "{select}"
    );
    assert!(select.find("value=\"fr\"") < select.find("value=\"am\""));
    assert_eq!(select.matches("value=\"en\"").count(), 1, "{select}");
    assert_eq!(select.matches("value=\"fr\"").count(), 1, "{select}");
    // In French, French is chosen and the question is in French
    let fr = intake.get("/staff/file?lang=fr").await.body;
    assert!(fr.contains("<option value=\"fr\" lang=\"fr\" selected>"));
    assert!(fr.contains("Le client veut-il donner son nom\u{a0}?"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_case_page_names_rights_and_languages_in_the_page_language_and_says_the_time_zone() {
    // Given a complaint in French citing the right to respect, with an Arabic interpreter
    let t = spawn_app_with(roomy()).await;
    let (case, _) = file(&t, "They laughed at my accent.").await;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;

    let ar = chair.get(&format!("/staff/case/{case}?lang=ar")).await.body;
    // The right as the Arabic Client Code page names it, not in English
    assert!(ar.contains("الاحترام، بدون تمييز أو تحرّش"), "{ar}");
    let en = chair.get(&format!("/staff/case/{case}?lang=en")).await.body;
    let english_title = t
        .app
        .service
        .read(|m| m.reference().right("respect").unwrap().title.clone());
    assert!(en.contains(&english_title));
    assert!(
        !ar.contains(&english_title),
        "English right title on the Arabic page"
    );
    let fr = chair.get(&format!("/staff/case/{case}?lang=fr")).await.body;
    let french_title = t
        .app
        .service
        .read(|m| m.reference().right("respect").unwrap().title_fr.clone());
    assert!(fr.contains(&french_title));
    // Languages by their names, not their codes
    assert!(
        en.contains("<dd>Français · interpreter العربية</dd>"),
        "{en}"
    );
    assert!(!en.contains("<dd>fr · "));
    // The timeline says its time zone
    assert!(en.contains("Times are in the organization&#39;s time zone: America/Toronto."));
    assert!(
        timeline(&en).contains(" EDT</bdi> · #") || timeline(&en).contains(" EST</bdi> · #"),
        "{}",
        timeline(&en)
    );
    assert!(fr.contains("fuseau horaire de l’organisation\u{a0}: America/Toronto."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn triaging_again_starts_from_the_current_triage() {
    // Given a case triaged as urgent, sensitive fees citing respect and one framework item
    let t = spawn_app_with(roomy()).await;
    let chair_api = sign_in(&t, t.login_of(Role::Chair)).await;
    let (case, _) = file(&t, "I was charged twice.").await;
    let item = t
        .app
        .service
        .read(|m| m.reference().framework.areas[0].items[0].id.clone());
    chair_api
        .act(
            &case,
            "triage",
            json!({ "category": "fees", "urgency": "urgent", "sensitive": true, "rights": ["respect"], "framework_items": [item] }),
        )
        .await;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    for lang in ["en", "fr", "ar"] {
        // When the triage form is shown again
        let body = chair
            .get(&format!("/staff/case/{case}?lang={lang}"))
            .await
            .body;
        let form = &body[body.find("/triage\"").expect("the triage form")..];
        let form = &form[..form.find("</form>").unwrap()];
        // Then it holds the current values, not the defaults
        assert!(form.contains("<option value=\"fees\" selected>"), "{form}");
        assert!(
            form.contains("<option value=\"urgent\" selected>"),
            "{form}"
        );
        assert!(!form.contains("<option value=\"routine\" selected>"));
        assert!(form.contains("name=\"sensitive\" value=\"yes\" checked"));
        assert!(form.contains("name=\"rights\" value=\"respect\" checked"));
        assert!(form.contains(&format!("name=\"items\" value=\"{item}\" checked")));
        assert_eq!(form.matches(" checked").count(), 3, "{form}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reviewer_who_recuses_is_sent_to_the_queue_with_a_clear_notice() {
    // Given a case assigned to a reviewer
    let t = spawn_app_with(roomy()).await;
    let chair_api = sign_in(&t, t.login_of(Role::Chair)).await;
    let (case, _) = file(&t, "The office was closed during its hours.").await;
    chair_api.act(&case, "acknowledge", json!({})).await;
    let reviewer_login = crate::api::logins(&t, Role::Reviewer)
        .into_iter()
        .find(|l| {
            let s = t.staff.iter().find(|s| &s.login == l).unwrap();
            !s.roles.contains(&Role::Chair)
        })
        .expect("a reviewer who is not the chair");
    let reviewer_api = sign_in(&t, &reviewer_login).await;
    chair_api
        .act(&case, "assign", json!({ "reviewer": reviewer_api.id }))
        .await;
    let reviewer = t.sign_in(&reviewer_login).await;
    // When they declare their own conflict on the case page, in French
    let csrf = reviewer
        .get(&format!("/staff/case/{case}?lang=fr"))
        .await
        .csrf()
        .unwrap();
    let done = reviewer
        .post_form(
            &format!("/staff/case/{case}/recuse?lang=fr"),
            &[
                ("csrf", csrf.as_str()),
                ("conflict", "relationship"),
                ("reason", "My cousin works at that office."),
            ],
        )
        .await;
    // Then they are sent to the queue, not to the case that now refuses them
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let to = done.header("location").unwrap().to_string();
    assert_eq!(to, "/staff?done=case-recused-self");
    let queue = reviewer.get(&format!("{to}&lang=fr")).await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(
        queue.body.contains(
            "Votre conflit d’intérêts est enregistré. Vous ne pouvez plus voir ce dossier"
        ),
        "{}",
        queue.body
    );
    assert!(!queue.body.contains("Conflit enregistré"));
    let en = reviewer.get(&format!("{to}&lang=en")).await.body;
    assert!(en.contains("Your conflict of interest is recorded."));
    assert!(!en.contains("Something went wrong"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_next_real_deadline_is_shown() {
    let t = spawn_app_with(roomy()).await;
    let chair_api = sign_in(&t, t.login_of(Role::Chair)).await;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    let (case, _) = file(&t, "My file was lost.").await;
    let page = |lang: &'static str| {
        let b = &chair;
        let case = case.clone();
        async move { b.get(&format!("/staff/case/{case}?lang={lang}")).await.body }
    };
    // A new case: the acknowledgement is next
    let body = page("en").await;
    assert!(body.contains("<dt>Acknowledge by</dt>") && !body.contains("<dt>Decide by</dt>"));
    // Acknowledged: the decision is next
    chair_api.act(&case, "acknowledge", json!({})).await;
    let body = page("en").await;
    assert!(
        !body.contains("<dt>Acknowledge by</dt>"),
        "stale acknowledgement"
    );
    assert!(body.contains("<dt>Decide by</dt>"));
    let fr = page("fr").await;
    assert!(!fr.contains("Accuser réception avant") && !fr.contains("<dt>Accus"));
    // Decided: no deadline of its own
    chair_api
        .act(&case, "assign", json!({ "reviewer": chair_api.id }))
        .await;
    chair_api
        .act(
            &case,
            "finding",
            json!({ "substantiated": false, "summary": "The file was misfiled." }),
        )
        .await;
    chair_api
        .act(
            &case,
            "decide",
            json!({ "outcome": "not_upheld", "reasons": "The file was found." }),
        )
        .await;
    for lang in ["en", "fr", "ar"] {
        let body = page(lang).await;
        let ack = tr(lang, "queue-ack");
        let decide = tr(lang, "queue-decide");
        assert!(!body.contains(&format!("<dt>{ack}</dt>")), "{lang}");
        assert!(!body.contains(&format!("<dt>{decide}</dt>")), "{lang}");
    }
    // The queue shows no deadline on decided cases either
    for status in ["decided"] {
        let q = chair
            .get(&format!("/staff?status={status}&lang=en"))
            .await
            .body;
        assert!(q.contains("/staff/case/"), "no {status} cases in the demo");
        assert!(
            !q.contains("Acknowledge by"),
            "{status}: stale acknowledgement"
        );
        assert!(
            !q.contains("Decide by"),
            "{status}: stale decision deadline"
        );
    }
    // While one still waiting for acknowledgement shows it
    let q = chair.get("/staff?status=filed&lang=en").await.body;
    assert!(q.contains("Acknowledge by"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staff_who_acted_on_the_case_are_on_it_in_the_access_log() {
    // Given intake opening a new complaint's file to read it, then acknowledging and
    // triaging it
    let t = spawn_app_with(roomy()).await;
    let intake_login = t.login_of(Role::Intake).to_string();
    let intake_api = sign_in(&t, &intake_login).await;
    let (case, _) = file(&t, "The waiting room was full for hours.").await;
    let r = intake_api
        .post(
            &format!("/cases/{case}/open"),
            json!({ "purpose": "handling" }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    intake_api.act(&case, "acknowledge", json!({})).await;
    intake_api
        .act(
            &case,
            "triage",
            json!({ "category": "wait_times", "urgency": "routine", "sensitive": false, "rights": [], "framework_items": [] }),
        )
        .await;
    // And an auditor who never acted on it opening it too
    let auditor = sign_in(&t, t.login_of(Role::Auditor)).await;
    let r = auditor
        .post(
            &format!("/cases/{case}/open"),
            json!({ "purpose": "audit" }),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);

    // Then the read model has intake on the case and the auditor off it
    let id = case.parse().unwrap();
    let views: Vec<(String, bool)> = t.app.service.read(|m| {
        m.case(&id)
            .unwrap()
            .views
            .iter()
            .map(|v| (v.by.to_string(), v.outsider))
            .collect()
    });
    assert_eq!(
        views,
        vec![(intake_api.id.clone(), false), (auditor.id.clone(), true)]
    );
    // And the case page's access log says so, in English and French
    let chair = t.sign_in(t.login_of(Role::Chair)).await;
    let body = chair.get(&format!("/staff/case/{case}?lang=en")).await.body;
    assert_eq!(body.matches("not on the case").count(), 1, "{body}");
    let fr = chair.get(&format!("/staff/case/{case}?lang=fr")).await.body;
    let badge = tr("fr", "case-access-outsider");
    assert_eq!(fr.matches(badge.as_str()).count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_asks_for_confirmation_and_can_send_a_note_to_the_client() {
    // Given a decided case whose corrective action is verified
    let t = spawn_app_with(roomy()).await;
    let chair_api = sign_in(&t, t.login_of(Role::Chair)).await;
    let (case, code) = decided_with_action(&t, &chair_api, "Call the client back.").await;
    chair_api
        .act(
            &case,
            "action-waive",
            json!({ "action": 1, "note": "The client was called back on March 12." }),
        )
        .await;
    let chair = t.sign_in(t.login_of(Role::Chair)).await;

    // The case page's button only leads to a confirmation (a plain GET: no script needed)
    let body = chair.get(&format!("/staff/case/{case}?lang=en")).await.body;
    assert!(
        body.contains(&format!(
            "<form method=\"get\" action=\"/staff/case/{case}/close\">"
        )),
        "{body}"
    );
    assert!(!body.contains(&format!(
        "<form method=\"post\" action=\"/staff/case/{case}/close\">"
    )));
    for lang in ["en", "fr", "ar"] {
        let confirm = chair
            .get(&format!("/staff/case/{case}/close?lang={lang}"))
            .await;
        assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.body);
        assert!(confirm.body.contains(&format!(
            "<form method=\"post\" action=\"/staff/case/{case}/close\">"
        )));
        assert!(confirm.body.contains("name=\"note\""));
        assert!(confirm.body.contains(&tr(lang, "case-close-confirm")));
        assert!(
            confirm
                .body
                .contains(&format!("href=\"/staff/case/{case}\""))
        );
    }
    // Reading the confirmation recorded nothing
    let id = case.parse().unwrap();
    let closed = || {
        t.app
            .service
            .read(|m| m.case(&id).unwrap().closed_at.is_some())
    };
    assert!(!closed());

    // When the chair confirms with a closing note
    let csrf = chair
        .get(&format!("/staff/case/{case}/close?lang=en"))
        .await
        .csrf()
        .unwrap();
    let done = chair
        .post_form(
            &format!("/staff/case/{case}/close"),
            &[
                ("csrf", csrf.as_str()),
                (
                    "note",
                    "Thank you for telling us. Calls are now returned within a day.",
                ),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    // Then the case is closed and the client reads the note with their code
    assert!(closed());
    let tracked = crate::api::track(&t, &code).await;
    assert!(
        tracked
            .to_string()
            .contains("Calls are now returned within a day."),
        "{tracked}"
    );
    // And the confirmation is no longer offered on a closed case
    let again = chair.get(&format!("/staff/case/{case}/close")).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
}
