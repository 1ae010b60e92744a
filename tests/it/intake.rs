//! The client's complaint form as a browser without JavaScript uses it: every step is a page of
//! its own (post, redirect, get), a draft is filed once however often its form is sent again or
//! its receipt reloaded, the receipt code is shown only to the browser that filed it, a language
//! switch keeps the draft and the step, the check-and-send page shows every answer with a way
//! back to its step, and refused contact details are marked and linked to their message.

use reqwest::StatusCode;

use crate::web_helpers::{Browser, Page, TestApp, spawn_app};

/// The value of the hidden field `name` on a page.
fn field(page: &Page, name: &str) -> String {
    let at = page
        .body
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("no field {name} in {}", page.body));
    let rest = &page.body[at + name.len() + 15..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// The receipt code shown on a page, as the reader sees it (its groups' text joined).
fn shown_code(html: &str) -> Option<String> {
    let at = html.find("id=\"receipt-code\"")?;
    let rest = &html[at..];
    let rest = &rest[rest.find('>').unwrap() + 1..];
    let inner = &rest[..rest.find("</p>").unwrap()];
    let mut text = String::new();
    let mut tag = false;
    for c in inner.chars() {
        match c {
            '<' => tag = true,
            '>' => tag = false,
            c if !tag => text.push(c),
            _ => {}
        }
    }
    Some(text.trim().to_string())
}

fn cases(t: &TestApp) -> usize {
    t.app.service.read(|m| m.case_count())
}

/// The form's first page, and the first step sent empty (a visit alone keeps no draft): the
/// CSRF token and the draft's id.
async fn start(b: &Browser) -> (String, String) {
    let form = b.get("/complain?lang=en").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(field(&form, "draft"), "", "a visit alone keeps no draft");
    let csrf = form.csrf().unwrap();
    let kept = b
        .post_form(
            "/complain",
            &[
                ("csrf", csrf.as_str()),
                ("draft", ""),
                ("step", "1"),
                ("go", "stay"),
            ],
        )
        .await;
    assert_eq!(kept.header("location"), Some("/complain?step=1"));
    let form = b.get("/complain?step=1").await;
    let draft = field(&form, "draft");
    assert_eq!(draft.len(), 32, "a draft id");
    (csrf, draft)
}

/// Every answer of a complaint, with the CSRF token and the draft id.
fn answers<'a>(csrf: &'a str, draft: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("draft", draft),
        ("what", "The interpreter never came."),
        ("program", "settlement"),
        ("site", "downtown"),
        ("identity", "named"),
        ("name", "Amina Example"),
        ("contact", "email"),
        ("email", "amina@example.org"),
        ("phone", "+1 514 555 0100"),
        ("accommodations", "interpreter"),
        ("interpreter", "ar"),
        ("consent_handle", "yes"),
        ("consent_contact", "yes"),
    ]
}

#[tokio::test]
async fn reloading_the_receipt_or_sending_the_form_again_files_nothing_new() {
    let t = spawn_app().await;
    let b = t.browser();
    let (csrf, draft) = start(&b).await;
    let mut send = answers(&csrf, &draft);
    send.extend([("step", "4"), ("go", "send")]);
    let before = cases(&t);

    // Sent: a redirect to the receipt, a page of its own (a reload is a GET).
    let sent = b.post_form("/complain", &send).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(sent.header("location"), Some("/complain/receipt"));
    assert_eq!(cases(&t), before + 1);
    let receipt = b.get("/complain/receipt").await;
    assert_eq!(receipt.status, StatusCode::OK);
    let code = shown_code(&receipt.body).expect("the receipt shows the code");
    assert_eq!(code.len(), 24, "{code}");

    // Reloaded: the same receipt, nothing filed.
    let again = b.get("/complain/receipt").await;
    assert_eq!(shown_code(&again.body).as_deref(), Some(code.as_str()));
    assert_eq!(cases(&t), before + 1, "a reload files nothing");

    // The same form sent again ("resubmit", Back then Send): the same receipt, nothing filed.
    let resent = b.post_form("/complain", &send).await;
    assert_eq!(resent.status, StatusCode::SEE_OTHER);
    assert_eq!(resent.header("location"), Some("/complain/receipt"));
    assert_eq!(cases(&t), before + 1, "the same draft is filed once");
    // Back to the last step: it says the complaint was sent, and files nothing.
    let back = b.get("/complain?step=4").await;
    assert!(
        back.body.contains("Your complaint was already sent"),
        "{}",
        back.body
    );
    assert!(back.body.contains("href=\"/complain/receipt\""));

    // The same draft sent from another browser (its own CSRF token): nothing filed, and the
    // receipt code is not shown to someone who did not file it.
    let other = t.browser();
    let (csrf2, _) = start(&other).await;
    let mut replay = answers(&csrf2, &draft);
    replay.extend([("step", "4"), ("go", "send")]);
    let replayed = other.post_form("/complain", &replay).await;
    assert_eq!(replayed.status, StatusCode::OK);
    assert!(replayed.body.contains("Your complaint was already sent"));
    assert!(
        !replayed.body.contains(&code),
        "the code is the filer's secret"
    );
    assert!(!replayed.body.contains("href=\"/complain/receipt\""));
    let peek = other.get("/complain/receipt").await;
    assert!(!peek.body.contains(&code));
    assert_eq!(cases(&t), before + 1);

    // A new complaint from the first browser is a new draft.
    let (_, new_draft) = start(&b).await;
    assert_ne!(new_draft, draft);
}

#[tokio::test]
async fn every_step_is_a_page_of_its_own_and_a_language_switch_keeps_the_draft() {
    let t = spawn_app().await;
    let b = t.browser();
    let (csrf, draft) = start(&b).await;

    // Step 1 done: a redirect to step 2 (Back never re-posts a form).
    let one = b
        .post_form(
            "/complain",
            &[
                ("csrf", csrf.as_str()),
                ("draft", draft.as_str()),
                ("step", "1"),
                ("go", "next"),
                ("what", "Personne pour traduire."),
                ("program", "settlement"),
                ("site", "downtown"),
            ],
        )
        .await;
    assert_eq!(one.status, StatusCode::SEE_OTHER, "{}", one.body);
    assert_eq!(one.header("location"), Some("/complain?step=2"));
    let two = b.get("/complain?step=2").await;
    assert!(
        two.body.contains("aria-current=\"step\">2."),
        "{}",
        two.body
    );
    // The language menu posts this form, so that what is typed goes along.
    assert!(two.body.contains(
        "form=\"complain-form\" formaction=\"/complain?lang=ar\" name=\"go\" value=\"stay\""
    ));

    // Step 2, half typed, then العربية: the same step, in Arabic, with everything typed.
    let mut typed = vec![
        ("csrf", csrf.as_str()),
        ("draft", draft.as_str()),
        ("step", "2"),
        ("go", "stay"),
        ("outcome", "Un interprète la prochaine fois."),
        ("rights", "interpreter"),
    ];
    let hidden = ["what", "program", "site"].map(|n| (n, field(&two, n)));
    typed.extend(hidden.iter().map(|(n, v)| (*n, v.as_str())));
    let switched = b.post_form("/complain?lang=ar", &typed).await;
    assert_eq!(switched.status, StatusCode::SEE_OTHER, "{}", switched.body);
    assert_eq!(switched.header("location"), Some("/complain?step=2"));
    let ar = b.get("/complain?step=2").await;
    assert!(ar.body.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.body.contains("aria-current=\"step\">2."));
    assert!(
        ar.body.contains("Un interprète la prochaine fois."),
        "{}",
        ar.body
    );
    assert!(ar.body.contains("Personne pour traduire."));

    // A plain language link (no form) keeps the draft and the step too.
    let fr = b.get("/complain?lang=fr").await;
    assert!(fr.body.contains("<html lang=\"fr\""));
    assert!(fr.body.contains("aria-current=\"step\">2."));
    assert!(fr.body.contains("Un interprète la prochaine fois."));
}

#[tokio::test]
async fn the_check_page_shows_every_answer_with_a_change_link_for_each_step() {
    let t = spawn_app().await;
    let b = t.browser();
    let (csrf, draft) = start(&b).await;
    let mut all = answers(&csrf, &draft);
    all.extend([("step", "3"), ("go", "next")]);
    let r = b.post_form("/complain", &all).await;
    assert_eq!(r.header("location"), Some("/complain?step=4"), "{}", r.body);
    let check = b.get("/complain?step=4").await;
    for shown in [
        "amina@example.org",
        "+1 514 555 0100",
        "العربية",
        "Interpreter for which language?",
        "By email",
        "Amina Example",
    ] {
        assert!(check.body.contains(shown), "the check page shows {shown}");
    }
    // No service stream chosen: the client picked "I don't know", and is told so.
    let stream = check
        .body
        .find("<dt>What kind of help were you getting?</dt>")
        .unwrap();
    assert!(
        check.body[stream..]
            .starts_with("<dt>What kind of help were you getting?</dt><dd>I don&#x27;t know</dd>")
            || check.body[stream..].starts_with(
                "<dt>What kind of help were you getting?</dt><dd>I don&#39;t know</dd>"
            ),
        "{}",
        &check.body[stream..stream + 120]
    );
    for step in 1..=3 {
        assert!(
            check
                .body
                .contains(&format!("href=\"/complain?step={step}\"")),
            "a Change link to step {step}"
        );
    }
    // A Change link leads to its step with the answers kept.
    let three = b.get("/complain?step=3").await;
    assert!(three.body.contains("aria-current=\"step\">3."));
    assert!(three.body.contains("value=\"amina@example.org\""));
}

#[tokio::test]
async fn the_receipt_code_breaks_only_between_its_groups() {
    let t = spawn_app().await;
    let b = t.browser();
    let (csrf, draft) = start(&b).await;
    let mut send = answers(&csrf, &draft);
    send.extend([("step", "4"), ("go", "send")]);
    b.post_form("/complain", &send).await;
    let receipt = b.get("/complain/receipt").await;
    let groups = receipt.body.matches("<span class=\"group\">").count();
    assert_eq!(groups, 5, "{}", receipt.body);
    assert_eq!(
        receipt
            .body
            .matches("</span><wbr><span class=\"group\">")
            .count(),
        4
    );
    let css = b.get("/static/style.css").await.body;
    assert!(css.contains(".code .group { white-space: nowrap; }"));
}

#[tokio::test]
async fn refused_contact_details_are_marked_and_linked_to_their_message() {
    let t = spawn_app().await;
    let b = t.browser();
    let (csrf, draft) = start(&b).await;
    let r = b
        .post_form(
            "/complain?lang=fr",
            &[
                ("csrf", csrf.as_str()),
                ("draft", draft.as_str()),
                ("step", "3"),
                ("go", "next"),
                ("identity", "named"),
                ("name", "Amina"),
                ("contact", "email"),
                ("email", "pas-un-courriel"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("id=\"email-error\""), "{}", r.body);
    assert!(
        r.body
            .contains("dir=\"ltr\" aria-invalid=\"true\" aria-describedby=\"email-error\""),
        "{}",
        r.body
    );
    // The form is checked by the server, in the page's language, never by the browser's own
    // (English) bubbles.
    assert!(r.body.contains("id=\"complain-form\" novalidate"));
}
