//! The landing page names the bodies outside the organization a client can also turn to, in
//! the page's language: French names and descriptions on French pages, translated descriptions
//! (the names as the bodies write them, marked English) on Arabic pages, and only `https://`
//! links.

use recourse_projections::framework::Reference;
use reqwest::StatusCode;

use crate::web_helpers::spawn_app;

/// The page's HTML with the entities askama writes turned back into characters.
fn unescaped(body: &str) -> String {
    body.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

#[tokio::test]
async fn the_landing_page_names_the_external_bodies_in_the_page_language() {
    let t = spawn_app().await;
    let browser = t.browser();
    let shipped = Reference::shipped();
    assert!(!shipped.external_bodies.is_empty());
    for (lang, heading) in [
        ("en", "Other places you can turn to"),
        ("fr", "Autres recours"),
        ("ar", "جهات أخرى يمكنك اللجوء إليها"),
    ] {
        let page = browser.get(&format!("/?lang={lang}")).await;
        assert_eq!(page.status, StatusCode::OK);
        let body = unescaped(&page.body);
        assert!(body.contains(heading), "{lang}: {body}");
        for b in &shipped.external_bodies {
            assert!(
                body.contains(&format!("href=\"{}\"", b.url)),
                "{lang}: {}",
                b.url
            );
            match lang {
                "en" => assert!(body.contains(&b.name) && body.contains(&b.about)),
                "fr" => assert!(
                    body.contains(&b.name_fr) && body.contains(&b.about_fr),
                    "{lang}: {}",
                    b.name_fr
                ),
                _ => {
                    // The name as the body writes it, marked as English; the description in
                    // Arabic, not the English one.
                    assert!(
                        body.contains(&format!("lang=\"en\" dir=\"ltr\">{}</a>", b.name)),
                        "{lang}: {}",
                        b.name
                    );
                    assert!(!body.contains(&b.about), "{lang}: {} in English", b.id);
                }
            }
        }
    }
}
